/**
 * Team invitations (docs/domain.md §3.3): the owner invites a worker with a comment; the invitee approves
 * (and becomes a member) or rejects; 承認待ち一覧 lists what awaits the invitee.
 * States: `pending → approved | rejected`; a decided invitation never changes again.
 */
import { UserError } from '../../errors.ts';
import type { Actor } from '../actor.ts';
import type { DomainContext } from '../context.ts';
import { DuplicateRecordError } from '../table.ts';
import type { PersonRef, TeamInvitationRecord, TeamRecord } from './records.ts';
import { ownedTeam } from './teams.ts';
import { boundedProse } from './validate.ts';

export const MAX_INVITATION_COMMENT = 1000;

export interface PendingInvitation {
  invitation: TeamInvitationRecord;
  team: Pick<TeamRecord, 'id' | 'slug' | 'name'>;
  inviter: PersonRef;
}

export class TeamInvitationService {
  private readonly ctx: DomainContext;

  constructor(ctx: DomainContext) {
    this.ctx = ctx;
  }

  /** The owner invites a worker who is not a member and has no pending invitation to the team. */
  invite(actor: Actor, teamId: number, inviteeId: number, comment = ''): Promise<TeamInvitationRecord> {
    return this.ctx.uow.run(async (tx) => {
      const team = await ownedTeam(tx, actor, teamId);
      const text = boundedProse(
        comment,
        0,
        MAX_INVITATION_COMMENT,
        () => new UserError('market.invitation_comment_too_long', { max: MAX_INVITATION_COMMENT }),
      );
      const invitee = await tx.users.get(inviteeId);
      if (!invitee?.roles.includes('worker')) throw new UserError('market.invitee_not_worker');
      if (await tx.market.teamMembers.findOne({ teamId, userId: inviteeId })) {
        throw new UserError('market.already_member');
      }
      if (await tx.market.teamInvitations.findOne({ teamId, inviteeId, status: 'pending' })) {
        throw new UserError('market.invitation_pending');
      }
      let invitation: TeamInvitationRecord;
      try {
        invitation = await tx.market.teamInvitations.insert({
          teamId,
          inviteeId,
          inviterId: actor.userId,
          comment: text,
          status: 'pending',
          createdAt: this.ctx.clock(),
          decidedAt: null,
        });
      } catch (err) {
        // The partial unique index (one pending invitation per team and invitee) settles races.
        if (err instanceof DuplicateRecordError) throw new UserError('market.invitation_pending');
        throw err;
      }
      await tx.audit({
        actorUserId: actor.userId,
        action: 'team.invited',
        subjectType: 'team_invitation',
        subjectId: invitation.id,
        data: { teamId, inviteeId },
      });
      await tx.notify({
        type: 'team.invitation',
        recipientUserId: inviteeId,
        payload: {
          invitationId: invitation.id,
          teamId,
          teamName: team.name,
          inviterId: actor.userId,
          inviterName: (await tx.users.get(actor.userId))?.displayName ?? '',
          comment: text,
        },
        dedupeKey: `team.invitation:${invitation.id}`,
      });
      return invitation;
    });
  }

  /** The invitee joins the team. */
  approve(actor: Actor, invitationId: number): Promise<TeamInvitationRecord> {
    return this.decide(actor, invitationId, 'approved');
  }

  /** The invitee declines. */
  reject(actor: Actor, invitationId: number): Promise<TeamInvitationRecord> {
    return this.decide(actor, invitationId, 'rejected');
  }

  /** 承認待ち一覧: my pending invitations, newest first, with team and inviter. */
  pending(actor: Actor): Promise<PendingInvitation[]> {
    return this.ctx.uow.run(async (tx) => {
      const invitations = await tx.market.teamInvitations.find(
        { inviteeId: actor.userId, status: 'pending' },
        { orderBy: { createdAt: 'desc', id: 'desc' } },
      );
      if (invitations.length === 0) return [];
      const teams = new Map(
        (await tx.market.teams.find({ id: invitations.map((i) => i.teamId) })).map((t) => [t.id, t]),
      );
      const inviters = new Map(
        (await tx.users.find({ id: invitations.map((i) => i.inviterId) })).map((u) => [u.id, u.displayName]),
      );
      return invitations.map((invitation) => {
        const team = teams.get(invitation.teamId);
        return {
          invitation,
          team: { id: invitation.teamId, slug: team?.slug ?? '', name: team?.name ?? '' },
          inviter: { userId: invitation.inviterId, displayName: inviters.get(invitation.inviterId) ?? '' },
        };
      });
    });
  }

  private decide(
    actor: Actor,
    invitationId: number,
    decision: 'approved' | 'rejected',
  ): Promise<TeamInvitationRecord> {
    return this.ctx.uow.run(async (tx) => {
      const peek = await tx.market.teamInvitations.get(invitationId);
      if (!peek) throw new UserError('market.invitation_not_found');
      if (peek.inviteeId !== actor.userId) throw new UserError('forbidden');
      // Team first, then the invitation: the same order as every other team change.
      const team = await tx.market.teams.lock(peek.teamId);
      if (!team) throw new UserError('market.team_not_found');
      const invitation = await tx.market.teamInvitations.lock(invitationId);
      if (!invitation) throw new UserError('market.invitation_not_found');
      if (invitation.status !== 'pending') {
        throw new UserError('market.invitation_already_decided', {
          status: `@market.invitation.status.${invitation.status}`,
        });
      }
      const now = this.ctx.clock();
      if (
        decision === 'approved' &&
        !(await tx.market.teamMembers.findOne({ teamId: team.id, userId: actor.userId }))
      ) {
        await tx.market.teamMembers.insert({ teamId: team.id, userId: actor.userId, joinedAt: now });
      }
      const updated = await tx.market.teamInvitations.update(invitationId, {
        status: decision,
        decidedAt: now,
      });
      await tx.audit({
        actorUserId: actor.userId,
        action: decision === 'approved' ? 'team.invitation_approved' : 'team.invitation_rejected',
        subjectType: 'team_invitation',
        subjectId: invitationId,
        data: { teamId: team.id },
      });
      await tx.notify({
        type: 'team.invitation_decided',
        recipientUserId: team.ownerId,
        payload: {
          invitationId,
          teamId: team.id,
          teamName: team.name,
          inviteeId: actor.userId,
          inviteeName: (await tx.users.get(actor.userId))?.displayName ?? '',
          decision,
        },
        dedupeKey: `team.invitation_decided:${invitationId}`,
      });
      return updated;
    });
  }
}
