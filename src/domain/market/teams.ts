/**
 * チーム (docs/domain.md §3.3): workers and clients create teams with an immutable URL slug; only the owner
 * edits a team or binds its Discord channel; members leave, except the owner. Every change locks the
 * team row first, so membership changes of one team are serialized.
 */

import { UserError } from '../../errors.ts';
import type { UploadedFile } from '../../files/storage.ts';
import { type Actor, requireRole } from '../actor.ts';
import type { DomainContext } from '../context.ts';
import type { Role } from '../roles.ts';
import { DuplicateRecordError } from '../table.ts';
import type { Tx } from '../tx.ts';
import { logoOf } from './logo.ts';
import type { PersonRef, TeamRecord } from './records.ts';
import { boundedProse, boundedText, clean, slugOf, TEAM_SLUG } from './validate.ts';

export const MAX_TEAM_NAME = 100;
export const MAX_TEAM_INTRODUCTION = 2000;
/** Who may create teams and read them. */
const TEAM_ROLES: Role[] = ['worker', 'client'];
const READERS: Role[] = ['worker', 'client', 'staff', 'admin'];

export interface NewTeamInput {
  slug: string;
  name: string;
  introduction?: string;
  logo?: UploadedFile;
}

export interface TeamPatch {
  name?: string;
  introduction?: string;
  /** A new logo, or null to remove it. */
  logo?: UploadedFile | null;
  /** Accepted only when unchanged: slugs are immutable. */
  slug?: string;
}

export interface TeamMemberView extends PersonRef {
  joinedAt: Date;
  owner: boolean;
}

export class TeamService {
  private readonly ctx: DomainContext;

  constructor(ctx: DomainContext) {
    this.ctx = ctx;
  }

  /** Creates a team; the creator is its owner and first member. */
  create(actor: Actor, input: NewTeamInput): Promise<TeamRecord> {
    return this.ctx.uow.run(async (tx) => {
      requireRole(actor, ...TEAM_ROLES);
      const slug = slugOf(input.slug, TEAM_SLUG, 'market.team_slug_invalid');
      const name = teamName(input.name);
      const introduction = teamIntroduction(input.introduction ?? '');
      if (await tx.market.teams.findOne({ slug })) throw new UserError('market.team_slug_taken');
      const logoFileId = input.logo ? (await logoOf(tx, actor, input.logo)).id : null;
      const now = this.ctx.clock();
      let team: TeamRecord;
      try {
        team = await tx.market.teams.insert({
          slug,
          name,
          introduction,
          logoFileId,
          ownerId: actor.userId,
          discordChannelId: null,
          createdAt: now,
          updatedAt: now,
        });
      } catch (err) {
        if (err instanceof DuplicateRecordError) throw new UserError('market.team_slug_taken');
        throw err;
      }
      await tx.market.teamMembers.insert({ teamId: team.id, userId: actor.userId, joinedAt: now });
      await tx.audit({
        actorUserId: actor.userId,
        action: 'team.created',
        subjectType: 'team',
        subjectId: team.id,
        data: { slug },
      });
      return team;
    });
  }

  /** The owner edits name, introduction and logo; a different slug is refused. */
  edit(actor: Actor, teamId: number, patch: TeamPatch): Promise<TeamRecord> {
    return this.ctx.uow.run(async (tx) => {
      const team = await ownedTeam(tx, actor, teamId);
      if (patch.slug !== undefined && clean(patch.slug).toLowerCase() !== team.slug) {
        throw new UserError('market.team_slug_immutable');
      }
      const changes: Partial<TeamRecord> = {};
      if (patch.name !== undefined) changes.name = teamName(patch.name);
      if (patch.introduction !== undefined) changes.introduction = teamIntroduction(patch.introduction);
      if (patch.logo !== undefined)
        changes.logoFileId = patch.logo ? (await logoOf(tx, actor, patch.logo)).id : null;
      const fields = (Object.keys(changes) as (keyof TeamRecord)[]).filter((k) => changes[k] !== team[k]);
      if (fields.length === 0) return team;
      const updated = await tx.market.teams.update(teamId, { ...changes, updatedAt: this.ctx.clock() });
      await tx.audit({
        actorUserId: actor.userId,
        action: 'team.edited',
        subjectType: 'team',
        subjectId: teamId,
        data: { fields },
      });
      return updated;
    });
  }

  /** The owner binds the Discord channel (a snowflake id) where team news is posted; null unbinds. */
  bindDiscordChannel(actor: Actor, teamId: number, channelId: string | null): Promise<TeamRecord> {
    return this.ctx.uow.run(async (tx) => {
      const team = await ownedTeam(tx, actor, teamId);
      const id = channelId === null ? null : clean(channelId);
      if (id !== null && !/^\d{17,20}$/.test(id)) throw new UserError('market.discord_channel_invalid');
      if (id === team.discordChannelId) return team;
      const updated = await tx.market.teams.update(teamId, {
        discordChannelId: id,
        updatedAt: this.ctx.clock(),
      });
      await tx.audit({
        actorUserId: actor.userId,
        action: id === null ? 'team.discord_unbound' : 'team.discord_bound',
        subjectType: 'team',
        subjectId: teamId,
        data: { channelId: id },
      });
      return updated;
    });
  }

  get(actor: Actor, teamId: number): Promise<TeamRecord> {
    return this.ctx.uow.run(async (tx) => {
      requireRole(actor, ...READERS);
      const team = await tx.market.teams.get(teamId);
      if (!team) throw new UserError('market.team_not_found');
      return team;
    });
  }

  /** A team by its URL slug (as typed: full-width and upper case are fine). */
  getBySlug(actor: Actor, slug: string): Promise<TeamRecord> {
    return this.ctx.uow.run(async (tx) => {
      requireRole(actor, ...READERS);
      const team = await tx.market.teams.findOne({ slug: clean(slug).toLowerCase() });
      if (!team) throw new UserError('market.team_not_found');
      return team;
    });
  }

  /** Members in the order they joined, the owner marked. */
  members(actor: Actor, teamId: number): Promise<TeamMemberView[]> {
    return this.ctx.uow.run(async (tx) => {
      requireRole(actor, ...READERS);
      const team = await tx.market.teams.get(teamId);
      if (!team) throw new UserError('market.team_not_found');
      const members = await tx.market.teamMembers.find(
        { teamId },
        { orderBy: { joinedAt: 'asc', id: 'asc' } },
      );
      const ids = members.map((m) => m.userId);
      const users = new Map(
        (ids.length === 0 ? [] : await tx.users.find({ id: ids })).map((u) => [u.id, u.displayName]),
      );
      return members.map((m) => ({
        userId: m.userId,
        displayName: users.get(m.userId) ?? '',
        joinedAt: m.joinedAt,
        owner: m.userId === team.ownerId,
      }));
    });
  }

  /** Teams I belong to, by name. */
  myTeams(actor: Actor): Promise<TeamRecord[]> {
    return this.ctx.uow.run(async (tx) => {
      const ids = (await tx.market.teamMembers.find({ userId: actor.userId })).map((m) => m.teamId);
      if (ids.length === 0) return [];
      return tx.market.teams.find({ id: ids }, { orderBy: { name: 'asc', id: 'asc' } });
    });
  }

  /**
   * A member leaves. The owner never leaves: not while others remain (the team would have no one
   * to run it), and not as the last member either (leaving would strand an empty team; nothing is
   * deleted here).
   */
  leave(actor: Actor, teamId: number): Promise<void> {
    return this.ctx.uow.run(async (tx) => {
      const team = await tx.market.teams.lock(teamId);
      if (!team) throw new UserError('market.team_not_found');
      const member = await tx.market.teamMembers.findOne({ teamId, userId: actor.userId });
      if (!member) throw new UserError('market.not_team_member');
      if (team.ownerId === actor.userId) {
        const count = await tx.market.teamMembers.count({ teamId });
        throw new UserError(count > 1 ? 'market.owner_cannot_leave' : 'market.owner_last_member');
      }
      await tx.market.teamMembers.delete({ id: member.id });
      await tx.audit({
        actorUserId: actor.userId,
        action: 'team.left',
        subjectType: 'team',
        subjectId: teamId,
        data: {},
      });
    });
  }
}

/** The team, locked for the change, when the actor owns it; refused otherwise. */
export async function ownedTeam(tx: Tx, actor: Actor, teamId: number): Promise<TeamRecord> {
  const team = await tx.market.teams.lock(teamId);
  if (!team) throw new UserError('market.team_not_found');
  if (team.ownerId !== actor.userId) throw new UserError('forbidden');
  return team;
}

const teamName = (value: string) =>
  boundedText(
    value,
    1,
    MAX_TEAM_NAME,
    () => new UserError('market.team_name_invalid', { max: MAX_TEAM_NAME }),
  );

const teamIntroduction = (value: string) =>
  boundedProse(
    value,
    0,
    MAX_TEAM_INTRODUCTION,
    () => new UserError('market.introduction_too_long', { max: MAX_TEAM_INTRODUCTION }),
  );
