/** チーム (docs/domain.md §3.3, §3.8): teams, their members, invitations and the Discord channel. */

import { parseId } from '../src/chat/args.ts';
import type { Command, CommandContext } from '../src/chat/command.ts';
import { type Block, type CardBlock, text } from '../src/chat/types.ts';
import type { TeamRecord } from '../src/domain/market/records.ts';
import { UserError } from '../src/errors.ts';
import { formatDate } from '../src/i18n/format.ts';
import { firstPhrase, freeText, isClearWord, isWord, pageArg, unquote } from './kit/args.ts';
import { PAGE_SIZE, pageNav } from './kit/pages.ts';
import { person, personOf } from './kit/people.ts';
import { pickPerson } from './people.ts';
import { MEMBERS, PARTICIPANTS } from './roles.ts';

const NAME_WORDS = ['name', '名前', 'チーム名'];
const INTRO_WORDS = ['intro', 'introduction', '紹介', '紹介文'];
const SLUG_WORDS = ['slug', 'url'];

type TeamUsage =
  | 'market.usage.team-create'
  | 'market.usage.team-edit'
  | 'market.usage.team-invite'
  | 'market.usage.team-approve'
  | 'market.usage.team-decline'
  | 'market.usage.team-leave'
  | 'market.usage.team-discord';

/** The team named by its URL slug, or the command's usage line when none was given. */
async function teamArg(ctx: CommandContext, usage: TeamUsage): Promise<TeamRecord> {
  const slug = ctx.args[0];
  if (slug === undefined) throw new UserError(usage);
  return ctx.services.domain.teams.getBySlug(ctx.actor, slug);
}

/** My teams (a page), or with a URL slug, that team and its members. */
const team: Command = {
  name: 'team',
  aliases: { ja: ['チーム', 'チーム一覧'], en: ['team', 'teams'] },
  summary: 'cmd.team.summary',
  roles: PARTICIPANTS,
  async run(ctx) {
    const arg = ctx.args[0];
    // Slugs are at least 3 characters, so a one- or two-digit argument is a page number.
    if (arg !== undefined && !/^\d{1,2}$/.test(arg)) return showTeam(ctx, arg);
    const { t } = ctx;
    const page = pageArg(arg, 'market.bad_page');
    const all = await ctx.services.domain.teams.myTeams(ctx.actor);
    if (all.length === 0) return { blocks: [text(t('market.teams.empty'))] };
    const items = all.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
    if (items.length === 0) throw new UserError('market.bad_page');
    const blocks: Block[] = [
      {
        type: 'list',
        title: t('market.teams.title', { count: all.length }),
        items: await Promise.all(
          items.map(async (team) => ({
            title: `${team.name} (${team.slug})`,
            ...(team.introduction ? { description: team.introduction } : {}),
            button: await ctx.button(t('market.button.view'), `team ${team.slug}`),
          })),
        ),
      },
      ...(await pageNav(ctx, {
        page,
        shown: items.length,
        total: all.length,
        commandFor: (p) => `team ${p}`,
        portal: 'market',
      })),
    ];
    return { blocks };
  },
};

async function showTeam(ctx: CommandContext, slug: string) {
  const { t, locale, services, actor } = ctx;
  const tz = services.config.businessTimeZone;
  const found = await services.domain.teams.getBySlug(actor, slug);
  const members = await services.domain.teams.members(actor, found.id);
  const owner = members.find((m) => m.owner);
  const isOwner = found.ownerId === actor.userId;
  const isMember = members.some((m) => m.userId === actor.userId);
  const card: CardBlock = {
    type: 'card',
    title: found.name,
    ...(found.introduction ? { body: found.introduction } : {}),
    fields: [
      { label: t('market.team.field.url'), value: found.slug },
      { label: t('market.team.field.owner'), value: person(t, found.ownerId, owner?.displayName) },
      {
        label: t('market.team.field.members'),
        value: t('market.team.members_count', { count: members.length }),
      },
    ],
  };
  if (isOwner) {
    card.fields.push({
      label: t('market.team.field.discord'),
      value: found.discordChannelId ?? t('market.not_set'),
    });
  }
  const blocks: Block[] = [
    card,
    {
      type: 'list',
      title: t('market.team.members_title'),
      items: members.map((m) => ({
        title: `${person(t, m.userId, m.displayName)}${m.owner ? `${t('market.sep')}${t('market.team.owner')}` : ''}`,
        description: t('market.team.joined', { date: formatDate(m.joinedAt, locale, tz) }),
      })),
    },
  ];
  if (isOwner) blocks.push(text(t('market.team.owner_hint', { slug: found.slug })));
  else if (isMember) blocks.push(text(t('market.team.member_hint', { slug: found.slug })));
  else {
    // Anyone else may consult the team: the owner answers, and the members in the team's Discord thread.
    card.buttons = [
      await ctx.button(t('market.button.team_consult'), `team-consult ${found.slug}`, 'primary'),
    ];
  }
  return { blocks };
}

const teamCreate: Command = {
  name: 'team-create',
  aliases: { ja: ['チーム作成'], en: ['team-create'] },
  summary: 'cmd.team-create.summary',
  roles: MEMBERS,
  async run(ctx) {
    const [slug, afterSlug] = firstPhrase(freeText(ctx, 0));
    const [name, introduction] = firstPhrase(afterSlug);
    if (slug === '' || name === '') throw new UserError('market.usage.team-create');
    const created = await ctx.services.domain.teams.create(ctx.actor, { slug, name, introduction });
    return {
      blocks: [
        text(ctx.t('market.team.created', { name: created.name, slug: created.slug })),
        {
          type: 'buttons',
          buttons: [await ctx.button(ctx.t('market.button.view'), `team ${created.slug}`)],
        },
      ],
    };
  },
};

const teamEdit: Command = {
  name: 'team-edit',
  aliases: { ja: ['チーム編集'], en: ['team-edit'] },
  summary: 'cmd.team-edit.summary',
  roles: MEMBERS,
  async run(ctx) {
    const field = ctx.args[1];
    const value = freeText(ctx, 2);
    if (value === '') throw new UserError('market.usage.team-edit');
    const found = await teamArg(ctx, 'market.usage.team-edit');
    const teams = ctx.services.domain.teams;
    let edited: TeamRecord;
    if (isWord(field, NAME_WORDS)) edited = await teams.edit(ctx.actor, found.id, { name: unquote(value) });
    else if (isWord(field, INTRO_WORDS))
      edited = await teams.edit(ctx.actor, found.id, { introduction: value });
    // The slug never changes; the service says so unless the "new" one is the same.
    else if (isWord(field, SLUG_WORDS)) edited = await teams.edit(ctx.actor, found.id, { slug: value });
    else throw new UserError('market.usage.team-edit');
    return { blocks: [text(ctx.t('market.team.edited', { name: edited.name }))] };
  },
};

const teamInvite: Command = {
  name: 'team-invite',
  aliases: { ja: ['チーム招待'], en: ['team-invite'] },
  summary: 'cmd.team-invite.summary',
  roles: MEMBERS,
  async run(ctx) {
    if (ctx.args[1] === undefined) throw new UserError('market.usage.team-invite');
    const picked = await pickPerson(ctx, { command: 'team-invite', argIndex: 1, roles: ['worker'] });
    if ('reply' in picked) return picked.reply;
    const inviteeId = picked.userId;
    const found = await teamArg(ctx, 'market.usage.team-invite');
    const invitation = await ctx.services.domain.teamInvitations.invite(
      ctx.actor,
      found.id,
      inviteeId,
      freeText(ctx, 2),
    );
    const who = await personOf(ctx, inviteeId);
    return {
      blocks: [text(ctx.t('market.team.invited', { who, team: found.name, id: invitation.id }))],
    };
  },
};

/** 承認待ち一覧: each pending invitation as a card with Approve and Decline. */
const invitations: Command = {
  name: 'invitations',
  aliases: { ja: ['承認待ち一覧', 'チーム招待一覧'], en: ['invitations', 'team-invitations'] },
  summary: 'cmd.invitations.summary',
  roles: ['worker'],
  async run(ctx) {
    const { t, locale, services } = ctx;
    const page = pageArg(ctx.args[0], 'market.bad_page');
    const all = await services.domain.teamInvitations.pending(ctx.actor);
    if (all.length === 0) return { blocks: [text(t('market.invitations.empty'))] };
    const items = all.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
    if (items.length === 0) throw new UserError('market.bad_page');
    const tz = services.config.businessTimeZone;
    const blocks: Block[] = [text(t('market.invitations.title', { count: all.length }))];
    for (const p of items) {
      const id = p.invitation.id;
      const fields = [
        {
          label: t('market.invitations.field.inviter'),
          value: person(t, p.inviter.userId, p.inviter.displayName),
        },
        {
          label: t('market.invitations.field.date'),
          value: formatDate(p.invitation.createdAt, locale, tz),
        },
      ];
      if (p.invitation.comment)
        fields.push({ label: t('market.invitations.field.comment'), value: p.invitation.comment });
      blocks.push({
        type: 'card',
        title: t('market.invitations.card_title', { team: p.team.name, id }),
        subtitle: p.team.slug,
        fields,
        buttons: [
          await ctx.button(t('market.button.approve'), `team-approve ${id}`, 'primary'),
          await ctx.button(t('market.button.decline'), `team-decline ${id}`, 'danger'),
        ],
      });
    }
    blocks.push(
      ...(await pageNav(ctx, {
        page,
        shown: items.length,
        total: all.length,
        commandFor: (p) => `invitations ${p}`,
        portal: 'market',
      })),
    );
    return { blocks };
  },
};

const teamApprove: Command = {
  name: 'team-approve',
  aliases: { ja: ['招待承認'], en: ['team-approve', 'team-accept'] },
  summary: 'cmd.team-approve.summary',
  roles: ['worker'],
  async run(ctx) {
    if (ctx.args[0] === undefined) throw new UserError('market.usage.team-approve');
    const decided = await ctx.services.domain.teamInvitations.approve(ctx.actor, parseId(ctx.args[0]));
    const joined = await ctx.services.domain.teams.get(ctx.actor, decided.teamId);
    return {
      blocks: [
        text(ctx.t('market.team.approved', { team: joined.name })),
        { type: 'buttons', buttons: [await ctx.button(ctx.t('market.button.view'), `team ${joined.slug}`)] },
      ],
    };
  },
};

const teamDecline: Command = {
  name: 'team-decline',
  aliases: { ja: ['招待辞退'], en: ['team-decline', 'team-reject'] },
  summary: 'cmd.team-decline.summary',
  roles: ['worker'],
  async run(ctx) {
    if (ctx.args[0] === undefined) throw new UserError('market.usage.team-decline');
    const decided = await ctx.services.domain.teamInvitations.reject(ctx.actor, parseId(ctx.args[0]));
    const declined = await ctx.services.domain.teams.get(ctx.actor, decided.teamId);
    return { blocks: [text(ctx.t('market.team.declined', { team: declined.name }))] };
  },
};

const teamLeave: Command = {
  name: 'team-leave',
  aliases: { ja: ['チーム脱退', 'チームを抜ける'], en: ['team-leave'] },
  summary: 'cmd.team-leave.summary',
  roles: MEMBERS,
  async run(ctx) {
    const found = await teamArg(ctx, 'market.usage.team-leave');
    await ctx.services.domain.teams.leave(ctx.actor, found.id);
    return { blocks: [text(ctx.t('market.team.left', { team: found.name }))] };
  },
};

const teamDiscord: Command = {
  name: 'team-discord',
  aliases: { ja: ['チームDiscord', 'Discord連携'], en: ['team-discord'] },
  summary: 'cmd.team-discord.summary',
  roles: MEMBERS,
  async run(ctx) {
    const channel = ctx.args[1];
    if (channel === undefined) throw new UserError('market.usage.team-discord');
    const found = await teamArg(ctx, 'market.usage.team-discord');
    const off = isClearWord(channel);
    const bound = await ctx.services.domain.teams.bindDiscordChannel(
      ctx.actor,
      found.id,
      off ? null : channel,
    );
    return {
      blocks: [
        text(
          bound.discordChannelId === null
            ? ctx.t('market.team.discord_unbound', { team: bound.name })
            : ctx.t('market.team.discord_bound', { team: bound.name, channel: bound.discordChannelId }),
        ),
      ],
    };
  },
};

export const teamCommands: readonly Command[] = [
  team,
  teamCreate,
  teamEdit,
  teamInvite,
  invitations,
  teamApprove,
  teamDecline,
  teamLeave,
  teamDiscord,
];
