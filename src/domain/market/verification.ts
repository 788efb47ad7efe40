/**
 * 本人確認 and 機密保持確認 (docs/domain.md §3.6): staff record that they checked a person's identity
 * documents or signed NDA outside the bot. Only the result and its date are stored. Documents sent
 * through the bot are handled by src/domain/checks/identity.ts, which deletes them once decided
 * (docs/domain.md §3.6), so nothing in this module takes or references a file.
 */
import { UserError } from '../../errors.ts';
import { type Actor, requireStaff } from '../actor.ts';
import type { DomainContext } from '../context.ts';
import { ensureProfile } from './profiles.ts';
import type { ProfileRecord } from './records.ts';

export type VerificationKind = 'identity' | 'nda';

export class VerificationService {
  private readonly ctx: DomainContext;

  constructor(ctx: DomainContext) {
    this.ctx = ctx;
  }

  /** Staff mark the identity check done (dated now) or withdraw it. */
  setIdentityVerified(actor: Actor, userId: number, verified: boolean): Promise<ProfileRecord> {
    return this.set(actor, userId, 'identity', verified);
  }

  /** Staff mark the NDA confirmed (dated now) or withdraw it. */
  setNdaVerified(actor: Actor, userId: number, verified: boolean): Promise<ProfileRecord> {
    return this.set(actor, userId, 'nda', verified);
  }

  private set(
    actor: Actor,
    userId: number,
    kind: VerificationKind,
    verified: boolean,
  ): Promise<ProfileRecord> {
    return this.ctx.uow.run(async (tx) => {
      requireStaff(actor);
      const user = await tx.users.get(userId);
      if (!user?.roles.some((r) => r === 'worker' || r === 'client'))
        throw new UserError('market.profile_not_found');
      const now = this.ctx.clock();
      const profile = await ensureProfile(tx, userId, now);
      const field = kind === 'identity' ? 'identityVerifiedAt' : 'ndaVerifiedAt';
      if ((profile[field] !== null) === verified) return profile;
      const updated = await tx.market.profiles.update(profile.id, { [field]: verified ? now : null });
      await tx.audit({
        actorUserId: actor.userId,
        action: `profile.${kind}_${verified ? 'verified' : 'unverified'}`,
        subjectType: 'profile',
        subjectId: profile.id,
        data: { userId },
      });
      return updated;
    });
  }
}
