/** チーム: creation and immutable slugs, owner-only edits, invitations (承認待ち) and leaving. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/domain/actor.ts';
import { TeamInvitationService } from '../src/domain/market/team-invitations.ts';
import { TeamService } from '../src/domain/market/teams.ts';
import { type DomainBench, openDomainBench, refusal } from './helpers/domain.ts';

let b: DomainBench;
let teams: TeamService;
let invitations: TeamInvitationService;
let n = 0;

beforeAll(async () => {
  b = await openDomainBench('mkt_team');
  teams = new TeamService(b.ctx);
  invitations = new TeamInvitationService(b.ctx);
});
afterAll(async () => {
  await b?.close();
});

const slug = () => `team-${++n}`;
const newTeam = async (owner: Actor) => teams.create(owner, { slug: slug(), name: 'デザイン部' });
/** A team with an owner and one more member (joined by invitation). */
async function teamWithMember() {
  const owner = await b.user(['worker']);
  const member = await b.user(['worker']);
  const team = await newTeam(owner);
  await invitations.approve(member, (await invitations.invite(owner, team.id, member.userId, 'どうぞ')).id);
  return { owner, member, team };
}

describe('creating a team', () => {
  it('makes the creator owner and first member, with the slug as typed in lower case', async () => {
    const client = await b.user(['client'], { name: 'Owner' });
    const team = await teams.create(client, {
      slug: 'ＡＣＭＥ-Design',
      name: '  ACME デザイン ',
      introduction: 'LP制作が得意です',
    });
    expect(team).toMatchObject({ slug: 'acme-design', name: 'ACME デザイン', ownerId: client.userId });
    expect(await teams.members(client, team.id)).toMatchObject([
      { userId: client.userId, displayName: 'Owner', owner: true },
    ]);
    expect(await teams.getBySlug(client, 'ACME-DESIGN')).toMatchObject({ id: team.id });
    expect(await teams.myTeams(client)).toMatchObject([{ id: team.id }]);
    expect((await b.audit('team.created')).filter((a) => a.subjectId === team.id)).toHaveLength(1);
  });

  it('refuses malformed and taken slugs, blank names and non-image logos', async () => {
    const worker = await b.user(['worker']);
    for (const bad of ['ab', 'a'.repeat(33), '-abc', 'abc-', 'ab_c', 'チーム名', 'a b c']) {
      expect(await refusal(teams.create(worker, { slug: bad, name: 'x' })), bad).toBe(
        'market.team_slug_invalid',
      );
    }
    await teams.create(worker, { slug: 'taken-slug', name: 'x' });
    expect(await refusal(teams.create(worker, { slug: 'Taken-Slug', name: 'y' }))).toBe(
      'market.team_slug_taken',
    );
    expect(await refusal(teams.create(worker, { slug: slug(), name: '　' }))).toBe(
      'market.team_name_invalid',
    );
    const pdf = await b.upload('logo.pdf', '%PDF', 'application/pdf');
    expect(await refusal(teams.create(worker, { slug: slug(), name: 'x', logo: pdf }))).toBe(
      'market.logo_not_image',
    );
  });

  it('gives a slug to exactly one of two teams created at once', async () => {
    const results = await Promise.allSettled([
      teams.create(await b.user(['worker']), { slug: 'racing-team', name: 'A' }),
      teams.create(await b.user(['worker']), { slug: 'racing-team', name: 'B' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason.key).toBe(
      'market.team_slug_taken',
    );
  });

  it('is open to workers and clients only', async () => {
    expect(await refusal(newTeam(await b.user(['customer'])))).toBe('forbidden');
    expect(await refusal(newTeam(await b.user(['staff'])))).toBe('forbidden');
  });
});

describe('editing a team', () => {
  it('lets the owner change name, introduction and logo, auditing what changed', async () => {
    const { owner, team } = await teamWithMember();
    const logo = await b.upload('logo.png', 'png-bytes', 'image/png');
    b.clock.advance(60_000);
    const edited = await teams.edit(owner, team.id, { name: '新チーム名', introduction: '紹介文', logo });
    expect(edited).toMatchObject({ name: '新チーム名', introduction: '紹介文', slug: team.slug });
    expect(edited.logoFileId).not.toBeNull();
    expect(edited.updatedAt.getTime()).toBe(b.clock().getTime());
    expect((await teams.edit(owner, team.id, { logo: null })).logoFileId).toBeNull();
    expect((await b.audit('team.edited')).filter((a) => a.subjectId === team.id)).toHaveLength(2);
  });

  it('refuses everyone but the owner, members included', async () => {
    const { member, team } = await teamWithMember();
    const stranger = await b.user(['worker']);
    const staff = await b.user(['staff']);
    for (const who of [member, stranger, staff]) {
      expect(await refusal(teams.edit(who, team.id, { name: 'のっとり' }))).toBe('forbidden');
      expect(await refusal(teams.bindDiscordChannel(who, team.id, '123456789012345678'))).toBe('forbidden');
    }
    expect(await refusal(teams.edit(member, 999_999, { name: 'x' }))).toBe('market.team_not_found');
  });

  it('never changes the slug, even for the owner', async () => {
    const owner = await b.user(['worker']);
    const team = await newTeam(owner);
    expect(await refusal(teams.edit(owner, team.id, { slug: 'another-slug' }))).toBe(
      'market.team_slug_immutable',
    );
    expect(await refusal(teams.edit(owner, team.id, { slug: 'another-slug', name: 'x' }))).toBe(
      'market.team_slug_immutable',
    );
    // Restating the same slug is no change at all.
    expect(await teams.edit(owner, team.id, { slug: team.slug.toUpperCase() })).toEqual(team);
    expect((await teams.get(owner, team.id)).slug).toBe(team.slug);
  });

  it('binds a Discord channel id for the owner, and unbinds it', async () => {
    const owner = await b.user(['client']);
    const team = await newTeam(owner);
    expect(await refusal(teams.bindDiscordChannel(owner, team.id, 'general'))).toBe(
      'market.discord_channel_invalid',
    );
    expect(
      (await teams.bindDiscordChannel(owner, team.id, ' １２３４５６７８９０１２３４５６７８ '))
        .discordChannelId,
    ).toBe('123456789012345678');
    expect((await teams.bindDiscordChannel(owner, team.id, null)).discordChannelId).toBeNull();
    expect((await b.audit('team.discord_bound')).filter((a) => a.subjectId === team.id)).toHaveLength(1);
  });
});

describe('invitations', () => {
  it('invites a worker with a comment and notifies only the invitee, once', async () => {
    const owner = await b.user(['client'], { name: 'Owner' });
    const worker = await b.user(['worker']);
    const team = await newTeam(owner);
    const invitation = await invitations.invite(owner, team.id, worker.userId, '  一緒にやりましょう ');
    expect(invitation).toMatchObject({
      status: 'pending',
      comment: '一緒にやりましょう',
      inviterId: owner.userId,
    });
    const sent = await b.outbox({ type: 'team.invitation' });
    expect(sent.filter((o) => o.payload.teamId === team.id)).toEqual([
      expect.objectContaining({
        recipientUserId: worker.userId,
        dedupeKey: `team.invitation:${invitation.id}`,
      }),
    ]);
    const pending = await invitations.pending(worker);
    expect(pending).toMatchObject([
      {
        invitation: { id: invitation.id },
        team: { id: team.id, slug: team.slug },
        inviter: { displayName: 'Owner' },
      },
    ]);
  });

  it('refuses non-owners, non-workers, members and a second pending invitation', async () => {
    const { owner, member, team } = await teamWithMember();
    const worker = await b.user(['worker']);
    const client = await b.user(['client']);
    expect(await refusal(invitations.invite(member, team.id, worker.userId))).toBe('forbidden');
    expect(await refusal(invitations.invite(owner, team.id, client.userId))).toBe(
      'market.invitee_not_worker',
    );
    expect(await refusal(invitations.invite(owner, team.id, 999_999))).toBe('market.invitee_not_worker');
    expect(await refusal(invitations.invite(owner, team.id, member.userId))).toBe('market.already_member');
    expect(await refusal(invitations.invite(owner, team.id, owner.userId))).toBe('market.already_member');
    await invitations.invite(owner, team.id, worker.userId);
    expect(await refusal(invitations.invite(owner, team.id, worker.userId))).toBe(
      'market.invitation_pending',
    );
    expect(await refusal(invitations.invite(owner, team.id, worker.userId, 'x'.repeat(1001)))).toBe(
      'market.invitation_comment_too_long',
    );
  });

  it('keeps one pending invitation when the owner sends two at once', async () => {
    const owner = await b.user(['worker']);
    const worker = await b.user(['worker']);
    const team = await newTeam(owner);
    const results = await Promise.allSettled([
      invitations.invite(owner, team.id, worker.userId),
      invitations.invite(owner, team.id, worker.userId),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected');
    expect((failed as PromiseRejectedResult).reason.key).toBe('market.invitation_pending');
  });

  it('pending → approved: the invitee becomes a member and the owner hears once', async () => {
    const owner = await b.user(['worker']);
    const worker = await b.user(['worker']);
    const team = await newTeam(owner);
    const inv = await invitations.invite(owner, team.id, worker.userId);
    b.clock.advance(60_000);
    const approved = await invitations.approve(worker, inv.id);
    expect(approved).toMatchObject({ status: 'approved', decidedAt: b.clock() });
    expect((await teams.members(owner, team.id)).map((m) => m.userId)).toEqual([owner.userId, worker.userId]);
    expect(await invitations.pending(worker)).toEqual([]);
    const told = await b.outbox({ type: 'team.invitation_decided', recipientUserId: owner.userId });
    expect(told).toMatchObject([{ payload: { invitationId: inv.id, decision: 'approved' } }]);
    expect(await b.outbox({ type: 'team.invitation_decided', recipientUserId: worker.userId })).toEqual([]);
  });

  it('pending → rejected: no membership, the owner hears, and a new invitation may follow', async () => {
    const owner = await b.user(['worker']);
    const worker = await b.user(['worker']);
    const team = await newTeam(owner);
    const inv = await invitations.reject(
      worker,
      (await invitations.invite(owner, team.id, worker.userId)).id,
    );
    expect(inv.status).toBe('rejected');
    expect((await teams.members(owner, team.id)).map((m) => m.userId)).toEqual([owner.userId]);
    expect(await b.outbox({ type: 'team.invitation_decided', recipientUserId: owner.userId })).toMatchObject([
      { payload: { decision: 'rejected' } },
    ]);
    await expect(invitations.invite(owner, team.id, worker.userId)).resolves.toMatchObject({
      status: 'pending',
    });
  });

  it('refuses deciding twice, in either direction, without notifying again', async () => {
    const owner = await b.user(['worker']);
    const worker = await b.user(['worker']);
    const team = await newTeam(owner);
    const inv = await invitations.invite(owner, team.id, worker.userId);
    await invitations.approve(worker, inv.id);
    expect(await refusal(invitations.approve(worker, inv.id))).toBe('market.invitation_already_decided');
    expect(await refusal(invitations.reject(worker, inv.id))).toBe('market.invitation_already_decided');
    const other = await b.user(['worker']);
    const inv2 = await invitations.invite(owner, team.id, other.userId);
    await invitations.reject(other, inv2.id);
    expect(await refusal(invitations.approve(other, inv2.id))).toBe('market.invitation_already_decided');
    expect(await b.outbox({ type: 'team.invitation_decided', recipientUserId: owner.userId })).toHaveLength(
      2,
    );
  });

  it('lets only the invitee decide, not the owner nor anyone else', async () => {
    const owner = await b.user(['worker']);
    const worker = await b.user(['worker']);
    const team = await newTeam(owner);
    const inv = await invitations.invite(owner, team.id, worker.userId);
    expect(await refusal(invitations.approve(owner, inv.id))).toBe('forbidden');
    expect(await refusal(invitations.reject(await b.user(['worker']), inv.id))).toBe('forbidden');
    expect(await refusal(invitations.approve(worker, 999_999))).toBe('market.invitation_not_found');
    expect(await invitations.pending(owner)).toEqual([]);
  });

  it('settles an approve and a reject racing each other: one wins, the other is refused', async () => {
    const owner = await b.user(['worker']);
    const worker = await b.user(['worker']);
    const team = await newTeam(owner);
    const inv = await invitations.invite(owner, team.id, worker.userId);
    const results = await Promise.allSettled([
      invitations.approve(worker, inv.id),
      invitations.reject(worker, inv.id),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason.key).toBe(
      'market.invitation_already_decided',
    );
    expect(await b.outbox({ type: 'team.invitation_decided', recipientUserId: owner.userId })).toHaveLength(
      1,
    );
  });
});

describe('leaving a team', () => {
  it('lets a member leave, once', async () => {
    const { owner, member, team } = await teamWithMember();
    await teams.leave(member, team.id);
    expect((await teams.members(owner, team.id)).map((m) => m.userId)).toEqual([owner.userId]);
    expect(await refusal(teams.leave(member, team.id))).toBe('market.not_team_member');
    expect((await b.audit('team.left')).filter((a) => a.subjectId === team.id)).toHaveLength(1);
  });

  it('refuses the owner while others remain, and as the last member, deleting nothing', async () => {
    const { owner, member, team } = await teamWithMember();
    expect(await refusal(teams.leave(owner, team.id))).toBe('market.owner_cannot_leave');
    await teams.leave(member, team.id);
    expect(await refusal(teams.leave(owner, team.id))).toBe('market.owner_last_member');
    expect(await teams.get(owner, team.id)).toMatchObject({ id: team.id, ownerId: owner.userId });
    expect((await teams.members(owner, team.id)).map((m) => m.userId)).toEqual([owner.userId]);
  });

  it('refuses someone who never joined and an unknown team', async () => {
    const owner = await b.user(['worker']);
    const team = await newTeam(owner);
    expect(await refusal(teams.leave(await b.user(['worker']), team.id))).toBe('market.not_team_member');
    expect(await refusal(teams.leave(owner, 999_999))).toBe('market.team_not_found');
  });
});
