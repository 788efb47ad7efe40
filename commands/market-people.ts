/**
 * Acting on a person from a list (コンタクト, フォロー中, フォロワー, ワーカーを探す): each row is a
 * card with Message and Invite to team, and チームに招待 works out the team: the one the actor owns,
 * a question when they own several, or how to create one when they own none.
 */
import type { Command, CommandContext } from '../src/chat/command.ts';
import type { Block, Button, CardBlock } from '../src/chat/types.ts';
import { text } from '../src/chat/types.ts';
import type { TeamRecord } from '../src/domain/market/records.ts';
import { UserError } from '../src/errors.ts';
import { personOf } from './kit/people.ts';
import { pickPerson } from './people.ts';
import { MEMBERS } from './roles.ts';

/** How many of one's teams a "which team?" answer offers as buttons. */
const TEAM_CHOICES = 10;

/**
 * The buttons of each listed person: Message for anyone but oneself, and Invite to team when the
 * reader can own a team (workers and clients) and the person is a worker (only workers join teams).
 */
export async function personActions(
  ctx: CommandContext,
  ids: readonly number[],
): Promise<Map<number, Button[]>> {
  const { t, actor } = ctx;
  const others = [...new Set(ids)].filter((id) => id !== actor.userId);
  const users =
    others.length === 0 ? [] : await ctx.services.store.uow.read((tx) => tx.users.find({ id: others }));
  const mayInvite = actor.roles.some((r) => MEMBERS.includes(r));
  const out = new Map<number, Button[]>();
  for (const u of users) {
    const buttons = [await ctx.button(t('market.button.message'), `message #${u.id}`)];
    if (mayInvite && u.roles.includes('worker'))
      buttons.push(await ctx.button(t('people.button.invite'), `invite-to-team #${u.id}`));
    out.set(u.id, buttons);
  }
  return out;
}

/** One listed person as a card: their name, what the list says of them, and what one can do. */
export function personCard(title: string, lines: readonly string[], buttons: readonly Button[]): CardBlock {
  const body = lines.filter((l) => l !== '').join('\n');
  return {
    type: 'card',
    title,
    ...(body === '' ? {} : { body }),
    fields: [],
    ...(buttons.length > 0 ? { buttons: [...buttons] } : {}),
  };
}

/** チームに招待 `<person> [team URL]`: invites a worker to a team the actor owns. */
const inviteToTeam: Command = {
  name: 'invite-to-team',
  aliases: { ja: ['チームに招待'], en: ['invite-to-team'] },
  summary: 'cmd.invite-to-team.summary',
  roles: MEMBERS,
  async run(ctx) {
    const { t, services, actor } = ctx;
    if (ctx.args[0] === undefined || ctx.args.length > 2) throw new UserError('people.usage.invite');
    const picked = await pickPerson(ctx, { command: 'invite-to-team', argIndex: 0, roles: ['worker'] });
    if ('reply' in picked) return picked.reply;
    const inviteeId = picked.userId;
    // Refused before asking which team, not after.
    const invitee = await services.store.uow.read((tx) => tx.users.get(inviteeId));
    if (!invitee) throw new UserError('market.user_not_found');
    if (!invitee.roles.includes('worker')) throw new UserError('market.invitee_not_worker');
    const who = await personOf(ctx, inviteeId);
    const teams = services.domain.teams;
    let team: TeamRecord;
    const slug = ctx.args[1];
    if (slug !== undefined) {
      team = await teams.getBySlug(actor, slug);
    } else {
      const owned = (await teams.myTeams(actor)).filter((tm) => tm.ownerId === actor.userId);
      const [only] = owned;
      if (!only) return { blocks: [text(t('people.invite.no_team', { who }))] };
      if (owned.length > 1) {
        const buttons: Button[] = [];
        for (const tm of owned.slice(0, TEAM_CHOICES))
          buttons.push(await ctx.button(tm.name, `invite-to-team #${inviteeId} ${tm.slug}`));
        const blocks: Block[] = [text(t('people.invite.which', { who })), { type: 'buttons', buttons }];
        if (owned.length > TEAM_CHOICES) blocks.push(text(t('people.invite.more', { id: inviteeId })));
        return { blocks };
      }
      team = only;
    }
    const invitation = await services.domain.teamInvitations.invite(actor, team.id, inviteeId, '');
    return {
      blocks: [
        text(t('market.team.invited', { who, team: team.name, id: invitation.id })),
        { type: 'buttons', buttons: [await ctx.button(t('market.button.view'), `team ${team.slug}`)] },
      ],
    };
  },
};

export const peopleCommands: readonly Command[] = [inviteToTeam];
