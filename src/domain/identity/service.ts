/**
 * Accounts across platforms (docs/domain.md §4.4–§4.6): linking another platform with a one-time code,
 * unlinking, invitations that carry a role (and company), reachability of an identity.
 */

import { UserError } from '../../errors.ts';
import type { IdentityKey } from '../../store.ts';
import { type Actor, requireStaff } from '../actor.ts';
import type { DomainContext } from '../context.ts';
import { ROLES, type Role } from '../roles.ts';
import type { Tx } from '../tx.ts';
import { hashCode, newCode } from './codes.ts';
import type { IdentityRecord, InvitationRecord } from './records.ts';

export const LINK_CODE_TTL_MS = 10 * 60 * 1000;
export const LINK_MAX_FAILURES = 5;
export const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;
const LINK_CODE_LENGTH = 8;
const INVITATION_CODE_LENGTH = 10;

export interface IssuedCode {
  code: string;
  expiresAt: Date;
}

export class IdentityService {
  private readonly ctx: DomainContext;

  constructor(ctx: DomainContext) {
    this.ctx = ctx;
  }

  /** A fresh link code for the actor; earlier unused codes stop working. */
  issueLinkCode(actor: Actor): Promise<IssuedCode> {
    return this.ctx.uow.run(async (tx) => {
      const now = this.ctx.clock();
      for (const old of await tx.linkCodes.find({ userId: actor.userId, usedAt: null })) {
        await tx.linkCodes.update(old.id, { usedAt: now });
      }
      const code = newCode(LINK_CODE_LENGTH);
      const expiresAt = new Date(now.getTime() + LINK_CODE_TTL_MS);
      await tx.linkCodes.insert({ userId: actor.userId, codeHash: hashCode(code), expiresAt });
      await tx.audit({
        actorUserId: actor.userId,
        action: 'link.code_issued',
        subjectType: 'user',
        subjectId: actor.userId,
        data: {},
      });
      return { code, expiresAt };
    });
  }

  /**
   * Binds the identity that typed `code` to the user who issued it. A wrong or expired code counts
   * against the identity; the fifth locks linking from it (the count is kept even though the call
   * is refused, so it is committed before the refusal is thrown).
   */
  async redeemLinkCode(key: IdentityKey, code: string): Promise<{ userId: number }> {
    const outcome = await this.ctx.uow.run(async (tx) => {
      const identity = await findIdentity(tx, key);
      if (!identity) throw new UserError('not_found', { thing: '@thing.account' });
      const locked = await tx.identities.lock(identity.id);
      if (!locked || locked.linkLockedAt) return { refused: 'link.locked' as const };
      const now = this.ctx.clock();
      const found = await tx.linkCodes.findOne({ codeHash: hashCode(code), usedAt: null });
      if (!found || found.expiresAt.getTime() <= now.getTime()) {
        const failures = locked.linkFailures + 1;
        const lock = failures >= LINK_MAX_FAILURES;
        await tx.identities.update(locked.id, {
          linkFailures: failures,
          ...(lock ? { linkLockedAt: now } : {}),
        });
        await tx.audit({
          actorUserId: locked.userId,
          action: lock ? 'link.locked' : 'link.failed',
          subjectType: 'identity',
          subjectId: locked.id,
          data: { failures },
        });
        return { refused: lock ? ('link.locked' as const) : ('link.invalid_code' as const) };
      }
      if (found.userId === locked.userId) return { refused: 'link.same_user' as const };
      // An identity that is already one of several of its user's accounts belongs to an established
      // person: moving it would split them. Only a single-account (e.g. just signed up) one moves.
      if ((await tx.identities.count({ userId: locked.userId })) > 1)
        return { refused: 'link.already_linked' as const };
      await tx.linkCodes.update(found.id, { usedAt: now });
      await tx.identities.update(locked.id, { userId: found.userId, linkFailures: 0, linkLockedAt: null });
      await tx.audit({
        actorUserId: found.userId,
        action: 'link.linked',
        subjectType: 'identity',
        subjectId: locked.id,
        data: { platform: locked.platform, fromUserId: locked.userId },
      });
      await tx.notify({
        type: 'account.linked',
        recipientUserId: found.userId,
        payload: { platform: locked.platform },
        dedupeKey: `account.linked:${found.id}`,
      });
      return { userId: found.userId };
    });
    if ('refused' in outcome) throw new UserError(outcome.refused);
    return outcome;
  }

  /** Removes one of the actor's platform accounts; the last one cannot go. */
  unlink(actor: Actor, identityId: number): Promise<IdentityRecord> {
    return this.ctx.uow.run(async (tx) => {
      const identity = await tx.identities.get(identityId);
      if (!identity || identity.userId !== actor.userId)
        throw new UserError('not_found', { thing: '@thing.account' });
      if ((await tx.identities.count({ userId: actor.userId })) <= 1)
        throw new UserError('link.last_identity');
      await tx.identities.delete({ id: identity.id });
      await tx.audit({
        actorUserId: actor.userId,
        action: 'link.unlinked',
        subjectType: 'identity',
        subjectId: identity.id,
        data: { platform: identity.platform },
      });
      return identity;
    });
  }

  listIdentities(actor: Actor): Promise<IdentityRecord[]> {
    return this.ctx.uow.run((tx) => tx.identities.find({ userId: actor.userId }));
  }

  /**
   * An invitation code for `role`. Staff invite workers, clients, customers and staff; only admins
   * invite admins; `actor` null is the operator's command line (the very first admin). Customers
   * need a company; clients may have one.
   */
  createInvitation(actor: Actor | null, role: Role, companyId: number | null = null): Promise<IssuedCode> {
    return this.ctx.uow.run(async (tx) => {
      if (!ROLES.includes(role)) throw new UserError('invite.role_not_allowed');
      if (actor) {
        requireStaff(actor);
        if (role === 'admin' && !actor.roles.includes('admin'))
          throw new UserError('invite.role_not_allowed');
      }
      if (role === 'customer' && companyId === null) throw new UserError('invite.company_required');
      if (companyId !== null && !(await tx.companies.get(companyId)))
        throw new UserError('not_found', { thing: '@thing.company' });
      const code = newCode(INVITATION_CODE_LENGTH);
      const expiresAt = new Date(this.ctx.clock().getTime() + INVITATION_TTL_MS);
      const invitation = await tx.invitations.insert({
        codeHash: hashCode(code),
        role,
        companyId,
        createdBy: actor?.userId ?? null,
        expiresAt,
      });
      await tx.audit({
        actorUserId: actor?.userId ?? null,
        action: 'invite.created',
        subjectType: 'invitation',
        subjectId: invitation.id,
        data: { role, companyId },
      });
      return { code, expiresAt };
    });
  }

  /** `join <code>`: the actor gains the invitation's role (and company). Single use. */
  join(actor: Actor, code: string): Promise<{ role: Role; companyId: number | null }> {
    return this.ctx.uow.run(async (tx) => {
      const found = await tx.invitations.findOne({ codeHash: hashCode(code) });
      const invitation: InvitationRecord | null = found ? await tx.invitations.lock(found.id) : null;
      if (!invitation || invitation.usedAt || invitation.expiresAt.getTime() <= this.ctx.clock().getTime()) {
        throw new UserError('invite.invalid_code');
      }
      const user = await tx.users.lock(actor.userId);
      if (!user) throw new UserError('not_found', { thing: '@thing.user' });
      const roles = user.roles.includes(invitation.role) ? user.roles : [...user.roles, invitation.role];
      await tx.users.update(user.id, {
        roles,
        ...(invitation.companyId !== null ? { companyId: invitation.companyId } : {}),
      });
      await tx.invitations.update(invitation.id, { usedBy: user.id, usedAt: this.ctx.clock() });
      await tx.audit({
        actorUserId: user.id,
        action: 'invite.joined',
        subjectType: 'invitation',
        subjectId: invitation.id,
        data: { role: invitation.role, companyId: invitation.companyId },
      });
      return { role: invitation.role, companyId: invitation.companyId };
    });
  }

  /** The platform told us the user can no longer be reached (LINE unfollow/block), or again can. */
  setReachable(key: IdentityKey, reachable: boolean): Promise<void> {
    return this.ctx.uow.run(async (tx) => {
      const identity = await findIdentity(tx, key);
      if (!identity) return;
      await tx.identities.update(identity.id, { unreachableAt: reachable ? null : this.ctx.clock() });
    });
  }
}

function findIdentity(tx: Tx, key: IdentityKey): Promise<IdentityRecord | null> {
  return tx.identities.findOne({
    platform: key.platform,
    workspace: key.workspace,
    externalId: key.externalId,
  });
}
