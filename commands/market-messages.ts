/** メッセージ and フォロー (docs/domain.md §3.1–§3.2): conversations, follows and contacts. */

import type { Command, CommandContext } from '../src/chat/command.ts';
import { type Block, type ListBlock, type Reply, text } from '../src/chat/types.ts';
import type { FirstMessageTarget } from '../src/domain/market/messages.ts';
import type { FollowEntry } from '../src/domain/market/records.ts';
import type { Page } from '../src/domain/table.ts';
import { UserError } from '../src/errors.ts';
import { formatDate } from '../src/i18n/format.ts';
import { FIRST_MESSAGE_FLOW, firstMessagePreset, firstMessageSent } from './flows/first-message.ts';
import { freeText, idArg, pageArg, type UsageKey } from './kit/args.ts';
import { excerpt, formatDateTime } from './kit/format.ts';
import { PAGE_SIZE, pageNav } from './kit/pages.ts';
import { namesOf, person, personOf } from './kit/people.ts';
import { personActions, personCard } from './market-people.ts';
import { type PersonPick, pickPerson } from './people.ts';
import { MEMBERS, PARTICIPANTS } from './roles.ts';

/**
 * The person the command is about (`12`, `#12` or part of a marketplace member's name), or the
 * command's usage line when nobody is named; several matches answer with a button per person.
 */
async function personArg(ctx: CommandContext, command: string, usage: UsageKey): Promise<PersonPick> {
  if (ctx.args[0] === undefined) throw new UserError(usage);
  return pickPerson(ctx, { command, argIndex: 0, roles: MEMBERS });
}

/** After a message went out: what was sent, and a button to read the conversation. */
async function sentReply(ctx: CommandContext, line: string, conversationId: number): Promise<Reply> {
  return {
    blocks: [
      text(line),
      {
        type: 'buttons',
        buttons: [await ctx.button(ctx.t('market.button.show_chat'), `chat ${conversationId}`)],
      },
    ],
  };
}

/**
 * The first message to `target`: the text after the first argument is sent at once (the
 * conversation opened with it); without text, the message is asked for first (the target checked
 * now, so nobody types a message that cannot be sent), and nothing is opened until it is sent.
 */
async function firstMessage(ctx: CommandContext, target: FirstMessageTarget): Promise<Reply> {
  const service = ctx.services.domain.messages;
  const body = freeText(ctx, 1);
  if (body === '') {
    await service.recipient(ctx.actor, target);
    return ctx.startFlow(FIRST_MESSAGE_FLOW, firstMessagePreset(target));
  }
  const { conversation } = await service.startWith(ctx.actor, target, body);
  return firstMessageSent(ctx, target, conversation.id);
}

const messages: Command = {
  name: 'messages',
  aliases: { ja: ['メッセージ一覧'], en: ['messages', 'inbox'] },
  summary: 'cmd.messages.summary',
  roles: PARTICIPANTS,
  async run(ctx) {
    const { t, locale, services, actor } = ctx;
    const page = pageArg(ctx.args[0], 'market.bad_page');
    const { items, total } = await services.domain.messages.myConversations(actor, {
      offset: (page - 1) * PAGE_SIZE,
      limit: PAGE_SIZE,
    });
    if (total === 0) return { blocks: [text(t('market.messages.empty'))] };
    const tz = services.config.businessTimeZone;
    const names = await namesOf(
      ctx,
      items.flatMap((s) => (s.lastMessage ? [s.lastMessage.senderId] : [])),
    );
    const list: ListBlock = { type: 'list', title: t('market.messages.title', { count: total }), items: [] };
    for (const s of items) {
      const c = s.conversation;
      const people = s.others.map((o) => person(t, o.userId, o.displayName)).join(t('common.separator'));
      // A conversation with a team reads as the team's, whoever of it is a member (§3.8).
      const with_ =
        s.teamName === null ? people : t('market.messages.with_team', { team: s.teamName, people });
      const unread = s.unread > 0 ? ` [${t('market.messages.unread', { count: s.unread })}]` : '';
      const lines: string[] = [];
      if (c.jobId !== null) lines.push(t('market.messages.about_job', { id: c.jobId }));
      const last = s.lastMessage;
      lines.push(
        last
          ? t('market.messages.last', {
              who:
                last.senderId === actor.userId
                  ? t('market.chat.you')
                  : (names.get(last.senderId) ?? `#${last.senderId}`),
              excerpt: excerpt(last.body),
              at: formatDateTime(last.createdAt, locale, tz),
            })
          : t('market.messages.no_messages'),
      );
      list.items.push({
        title: `#${c.id} ${with_}${unread}`,
        description: lines.join('\n'),
        button: await ctx.button(t('market.button.open'), `chat ${c.id}`),
      });
    }
    return {
      blocks: [
        list,
        ...(await pageNav(ctx, {
          page,
          shown: items.length,
          total,
          commandFor: (p) => `messages ${p}`,
          portal: 'market',
        })),
      ],
    };
  },
};

const chat: Command = {
  name: 'chat',
  aliases: { ja: ['会話', '会話を見る'], en: ['chat', 'conversation'] },
  summary: 'cmd.chat.summary',
  roles: PARTICIPANTS,
  async run(ctx) {
    const { t, locale, services, actor } = ctx;
    const id = idArg(ctx, 0, 'market.usage.chat');
    // Page 1 is the newest messages; page 2 the ones before them, and so on.
    const page = pageArg(ctx.args[1], 'market.bad_page');
    const service = services.domain.messages;
    const { total } = await service.history(actor, id, { offset: 0, limit: 1 });
    if (total === 0) {
      return {
        blocks: [text(t('market.chat.empty', { id })), text(t('market.chat.reply_hint', { id }))],
      };
    }
    const end = total - (page - 1) * PAGE_SIZE;
    if (end <= 0) throw new UserError('market.bad_page');
    const start = Math.max(0, end - PAGE_SIZE);
    // Reading up to the newest message marks the conversation read (the service does so).
    const { items } = await service.history(actor, id, { offset: start, limit: end - start });
    const names = await namesOf(
      ctx,
      items.map((m) => m.senderId),
    );
    const tz = services.config.businessTimeZone;
    const blocks: Block[] = [
      {
        type: 'list',
        title: t('market.chat.title', { id, total, from: start + 1, to: start + items.length }),
        items: items.map((m) => ({
          title: t('market.chat.line', {
            who:
              m.senderId === actor.userId
                ? t('market.chat.you')
                : person(t, m.senderId, names.get(m.senderId)),
            at: formatDateTime(m.createdAt, locale, tz),
          }),
          description: m.body,
        })),
      },
      text(t('market.chat.reply_hint', { id })),
    ];
    const nav = [];
    if (start > 0) nav.push(await ctx.button(t('market.chat.older'), `chat ${id} ${page + 1}`));
    if (page > 1) nav.push(await ctx.button(t('market.chat.newer'), `chat ${id} ${page - 1}`));
    if (nav.length > 0) blocks.push({ type: 'buttons', buttons: nav });
    return { blocks };
  },
};

const say: Command = {
  name: 'say',
  aliases: { ja: ['送信', 'メッセージ送信'], en: ['say'] },
  summary: 'cmd.say.summary',
  roles: PARTICIPANTS,
  async run(ctx) {
    const id = idArg(ctx, 0, 'market.usage.say');
    const body = freeText(ctx, 1);
    if (body === '') throw new UserError('market.usage.say');
    await ctx.services.domain.messages.send(ctx.actor, id, body);
    return sentReply(ctx, ctx.t('market.say.sent', { id }), id);
  },
};

const message: Command = {
  name: 'message',
  aliases: { ja: ['メッセージ', 'メッセージを送る'], en: ['message', 'dm'] },
  summary: 'cmd.message.summary',
  roles: PARTICIPANTS,
  async run(ctx) {
    const picked = await personArg(ctx, 'message', 'market.usage.message');
    if ('reply' in picked) return picked.reply;
    return firstMessage(ctx, { kind: 'message', userId: picked.userId });
  },
};

const askJob: Command = {
  name: 'ask-job',
  aliases: { ja: ['案件について質問', '募集案件について質問'], en: ['ask-job'] },
  summary: 'cmd.ask-job.summary',
  roles: PARTICIPANTS,
  async run(ctx) {
    const job = idArg(ctx, 0, 'market.usage.ask-job');
    return firstMessage(ctx, { kind: 'ask-job', jobId: job });
  },
};

/** 相談: with text, sends it; without (the profile's Consult button), asks for the message first. */
const consult: Command = {
  name: 'consult',
  aliases: { ja: ['相談', '相談する'], en: ['consult'] },
  summary: 'cmd.consult.summary',
  roles: PARTICIPANTS,
  async run(ctx) {
    const picked = await personArg(ctx, 'consult', 'market.usage.consult');
    if ('reply' in picked) return picked.reply;
    return firstMessage(ctx, { kind: 'consult', userId: picked.userId });
  },
};

/** チームに相談: a conversation with a team (its owner, and its members from the team's Discord thread). */
const teamConsult: Command = {
  name: 'team-consult',
  aliases: { ja: ['チームに相談', 'チーム相談'], en: ['team-consult', 'consult-team'] },
  summary: 'cmd.team-consult.summary',
  roles: PARTICIPANTS,
  async run(ctx) {
    const slug = ctx.args[0];
    if (slug === undefined) throw new UserError('market.usage.team-consult');
    const team = await ctx.services.domain.teams.getBySlug(ctx.actor, slug);
    return firstMessage(ctx, { kind: 'team', teamId: team.id });
  },
};

const follow: Command = {
  name: 'follow',
  aliases: { ja: ['フォロー', 'フォローする'], en: ['follow'] },
  summary: 'cmd.follow.summary',
  roles: MEMBERS,
  async run(ctx) {
    const picked = await personArg(ctx, 'follow', 'market.usage.follow');
    if ('reply' in picked) return picked.reply;
    const { userId } = picked;
    const { followed } = await ctx.services.domain.follows.follow(ctx.actor, userId);
    const who = await personOf(ctx, userId);
    return { blocks: [text(ctx.t(followed ? 'market.follow.done' : 'market.follow.already', { who }))] };
  },
};

const unfollow: Command = {
  name: 'unfollow',
  aliases: { ja: ['フォロー解除'], en: ['unfollow'] },
  summary: 'cmd.unfollow.summary',
  roles: MEMBERS,
  async run(ctx) {
    const picked = await personArg(ctx, 'unfollow', 'market.usage.unfollow');
    if ('reply' in picked) return picked.reply;
    const { userId } = picked;
    const { unfollowed } = await ctx.services.domain.follows.unfollow(ctx.actor, userId);
    const who = await personOf(ctx, userId);
    return {
      blocks: [text(ctx.t(unfollowed ? 'market.unfollow.done' : 'market.unfollow.not_following', { who }))],
    };
  },
};

/**
 * フォロー中 / フォロワー: one card per person, with Message and Invite to team (a follower not yet
 * followed back gets Follow back first).
 */
async function followList(
  ctx: CommandContext,
  kind: 'following' | 'followers',
  load: (page: { offset: number; limit: number }) => Promise<Page<FollowEntry>>,
): Promise<Reply> {
  const { t, locale, services } = ctx;
  const page = pageArg(ctx.args[0], 'market.bad_page');
  const { items, total } = await load({ offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
  if (total === 0) return { blocks: [text(t(`market.${kind}.empty`))] };
  const tz = services.config.businessTimeZone;
  const actions = await personActions(
    ctx,
    items.map((f) => f.userId),
  );
  const blocks: Block[] = [text(t(`market.${kind}.title`, { count: total }))];
  for (const f of items) {
    const mutual = f.mutual ? `${t('market.sep')}${t('market.contact_reason.mutual_follow')}` : '';
    const followBack =
      kind === 'followers' && !f.mutual
        ? [await ctx.button(t('market.button.follow_back'), `follow ${f.userId}`, 'primary')]
        : [];
    blocks.push(
      personCard(
        `${person(t, f.userId, f.displayName)}${mutual}`,
        // new Date(): the follow list's raw query hands the timestamp back as text, not a Date.
        [t('market.follow.since', { date: formatDate(new Date(f.followedAt), locale, tz) })],
        [...followBack, ...(actions.get(f.userId) ?? [])],
      ),
    );
  }
  blocks.push(
    ...(await pageNav(ctx, {
      page,
      shown: items.length,
      total,
      commandFor: (p) => `${kind} ${p}`,
      portal: 'market',
    })),
  );
  return { blocks };
}

const following: Command = {
  name: 'following',
  aliases: { ja: ['フォロー中', 'フォロー一覧'], en: ['following'] },
  summary: 'cmd.following.summary',
  roles: MEMBERS,
  run: (ctx) => followList(ctx, 'following', (p) => ctx.services.domain.follows.following(ctx.actor, p)),
};

const followers: Command = {
  name: 'followers',
  aliases: { ja: ['フォロワー', 'フォロワー一覧'], en: ['followers'] },
  summary: 'cmd.followers.summary',
  roles: MEMBERS,
  run: (ctx) => followList(ctx, 'followers', (p) => ctx.services.domain.follows.followers(ctx.actor, p)),
};

const contacts: Command = {
  name: 'contacts',
  aliases: { ja: ['コンタクト', 'コンタクト一覧'], en: ['contacts'] },
  summary: 'cmd.contacts.summary',
  roles: MEMBERS,
  async run(ctx) {
    const { t } = ctx;
    const page = pageArg(ctx.args[0], 'market.bad_page');
    const { items, total } = await ctx.services.domain.follows.contacts(ctx.actor, {
      offset: (page - 1) * PAGE_SIZE,
      limit: PAGE_SIZE,
    });
    if (total === 0) return { blocks: [text(t('market.contacts.empty'))] };
    const actions = await personActions(
      ctx,
      items.map((c) => c.userId),
    );
    const blocks: Block[] = [text(t('market.contacts.title', { count: total }))];
    for (const c of items) {
      const reasons = c.reasons.map((r) => t(`market.contact_reason.${r}`));
      if (c.completedJobs > 0) reasons.push(t('market.contacts.jobs', { count: c.completedJobs }));
      blocks.push(
        personCard(
          person(t, c.userId, c.displayName),
          [reasons.join(t('market.sep'))],
          actions.get(c.userId) ?? [],
        ),
      );
    }
    blocks.push(
      ...(await pageNav(ctx, {
        page,
        shown: items.length,
        total,
        commandFor: (p) => `contacts ${p}`,
        portal: 'market',
      })),
    );
    return { blocks };
  },
};

export const messageCommands: readonly Command[] = [
  messages,
  chat,
  say,
  message,
  askJob,
  consult,
  teamConsult,
  follow,
  unfollow,
  following,
  followers,
  contacts,
];
