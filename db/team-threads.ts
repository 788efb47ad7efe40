/**
 * `TeamThreadStore` (src/store.ts): which marketplace conversations are with a team, and the
 * bookkeeping of their mirror into the team's Discord channel, claimed with a lease as desk.ts does.
 */
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { TeamThreadRecord, TeamThreadStore } from '../src/store.ts';
import { intId, text } from './params.ts';
import { WORKING } from './team-news.ts';

/** A claim older than this is taken to be lost (the worker died between claim and post). */
const LEASE = "interval '60 seconds'";
/** How many of a conversation's latest messages a new thread starts with. */
const BACKLOG = 5;

/**
 * `(conversation_id, team_id, channel_id)` for every conversation (matching `where`, on `c`) that is
 * with a team whose Discord channel is bound: opened with the team (チームに相談), or about a job on
 * which a member of the conversation works as a member of the team (an accepted application). A
 * conversation is with one team: the one it was opened with, else the lowest id. This is the one
 * place the rule is written (MarketTables.teamOfConversation reads it too).
 */
export const conversationTeams = (where: string): string => `
  select distinct on (conversation_id) conversation_id, team_id, channel_id from (
    select c.id as conversation_id, t.id as team_id, t.discord_channel_id as channel_id, 0 as rank
      from conversations c join teams t on t.id = c.team_id
     where t.discord_channel_id is not null and ${where}
    union all
    select c.id, t.id, t.discord_channel_id, 1
      from conversations c
      join conversation_members cm on cm.conversation_id = c.id
      join applications ap on ap.job_id = c.job_id and ap.worker_id = cm.user_id and ap.status in ${WORKING}
      join team_members tm on tm.user_id = cm.user_id
      join teams t on t.id = tm.team_id and t.discord_channel_id is not null
     where c.team_id is null and c.job_id is not null and ${where}
  ) x order by conversation_id, rank, team_id`;

interface ThreadRow {
  conversation_id: number;
  team_id: number;
  channel_id: string;
  thread_id: string | null;
}

const toThread = (r: ThreadRow): TeamThreadRecord => ({
  conversationId: Number(r.conversation_id),
  teamId: Number(r.team_id),
  channelId: r.channel_id,
  threadId: r.thread_id,
});

export function createTeamThreadStore(orm: MikroORM): TeamThreadStore {
  const em = (): EntityManager => orm.em.fork();
  return {
    async claimThreads(limit) {
      const lapsed: ThreadRow[] = await em().execute(
        `update team_threads set claimed_at = now()
          where conversation_id in (select conversation_id from team_threads
                                     where thread_id is null and claimed_at < now() - ${LEASE}
                                     order by conversation_id limit ? for update skip locked)
          returning conversation_id, team_id, channel_id, thread_id`,
        [limit],
      );
      // Every conversation with a team gets a thread once the team has bound a channel, starting with
      // its latest messages; each pass only reads those without one yet.
      const fresh: ThreadRow[] = await em().execute(
        `insert into team_threads (conversation_id, team_id, channel_id, since_message_id, claimed_at)
         select x.conversation_id, x.team_id, x.channel_id,
                coalesce((select m.id from messages m where m.conversation_id = x.conversation_id
                           order by m.id desc offset ${BACKLOG - 1} limit 1), 0),
                now()
           from (${conversationTeams('c.last_message_at is not null')}) x
          where not exists (select 1 from team_threads t where t.conversation_id = x.conversation_id)
          order by x.conversation_id limit ?
         on conflict (conversation_id) do nothing
         returning conversation_id, team_id, channel_id, thread_id`,
        [limit],
      );
      return [...lapsed, ...fresh].map(toThread);
    },

    async threadCreated(conversationId, threadId) {
      await em().execute(
        'update team_threads set thread_id = ?, claimed_at = null where conversation_id = ?',
        [text(threadId, 'thread id', 20), intId(conversationId, 'conversation id')],
      );
    },

    async releaseThread(conversationId) {
      await em().execute('delete from team_threads where conversation_id = ? and thread_id is null', [
        intId(conversationId, 'conversation id'),
      ]);
    },

    async forgetThread(conversationId) {
      await em().execute('delete from team_threads where conversation_id = ?', [
        intId(conversationId, 'conversation id'),
      ]);
    },

    async describe(conversationId, teamId) {
      const rows: { others: string[] | null; job_id: number | null; job_title: string | null }[] =
        await em().execute(
          `select (select array_agg(u.display_name order by cm.id)
                     from conversation_members cm join users u on u.id = cm.user_id
                    where cm.conversation_id = c.id
                      and not exists (select 1 from team_members tm
                                       where tm.team_id = ? and tm.user_id = cm.user_id)) as others,
                  j.id as job_id, j.title as job_title
             from conversations c left join job_notices j on j.id = c.job_id
            where c.id = ?`,
          [intId(teamId, 'team id'), intId(conversationId, 'conversation id')],
        );
      const r = rows[0];
      return {
        others: r?.others ?? [],
        job: r?.job_id ? { id: Number(r.job_id), title: r.job_title ?? '' } : null,
      };
    },

    async claimMessages(limit) {
      const lapsed: { message_id: number }[] = await em().execute(
        `update team_thread_messages set claimed_at = now()
          where message_id in (select message_id from team_thread_messages
                                where discord_message_id is null and origin = 'mirror'
                                  and claimed_at < now() - ${LEASE}
                                order by message_id limit ? for update skip locked)
          returning message_id`,
        [limit],
      );
      const fresh: { message_id: number }[] = await em().execute(
        `insert into team_thread_messages (message_id, conversation_id, origin, claimed_at)
         select m.id, m.conversation_id, 'mirror', now()
           from team_threads t join messages m on m.conversation_id = t.conversation_id
          where t.thread_id is not null and m.id >= t.since_message_id
            and not exists (select 1 from team_thread_messages d where d.message_id = m.id)
          order by m.id limit ?
         on conflict (message_id) do nothing
         returning message_id`,
        [limit],
      );
      const ids = [...lapsed, ...fresh].map((r) => Number(r.message_id));
      if (ids.length === 0) return [];
      const rows: {
        message_id: number;
        conversation_id: number;
        team_id: number;
        thread_id: string;
        body: string;
        sender_name: string;
        in_team: boolean;
      }[] = await em().execute(
        `select d.message_id, d.conversation_id, t.team_id, t.thread_id, m.body, u.display_name as sender_name,
                exists (select 1 from team_members tm where tm.team_id = t.team_id and tm.user_id = m.sender_id) as in_team
           from team_thread_messages d join team_threads t on t.conversation_id = d.conversation_id
           join messages m on m.id = d.message_id join users u on u.id = m.sender_id
          where d.message_id in (${ids.map(() => '?').join(', ')}) and t.thread_id is not null
          order by d.message_id`,
        ids,
      );
      return rows.map((r) => ({
        messageId: Number(r.message_id),
        conversationId: Number(r.conversation_id),
        teamId: Number(r.team_id),
        threadId: r.thread_id,
        body: r.body,
        senderName: r.sender_name,
        senderInTeam: Boolean(r.in_team),
      }));
    },

    async messagePosted(messageId, discordMessageId) {
      const result: { affectedRows?: number } = await em().execute(
        `update team_thread_messages set discord_message_id = ?, claimed_at = null
          where message_id = ? and origin = 'mirror'`,
        [text(discordMessageId, 'discord message id', 20), intId(messageId, 'message id')],
        'run',
      );
      return result.affectedRows === 1;
    },

    async releaseMessage(messageId) {
      await em().execute(
        `delete from team_thread_messages where message_id = ? and origin = 'mirror' and discord_message_id is null`,
        [intId(messageId, 'message id')],
      );
    },

    async recordDiscordMessage(messageId, conversationId, discordMessageId) {
      // If the mirror claimed it a moment ago, it becomes the member's own: the mirror will not post it.
      await em().execute(
        `insert into team_thread_messages (message_id, conversation_id, discord_message_id, origin)
         values (?, ?, ?, 'discord')
         on conflict (message_id) do update
           set origin = 'discord', discord_message_id = excluded.discord_message_id, claimed_at = null`,
        [
          intId(messageId, 'message id'),
          intId(conversationId, 'conversation id'),
          text(discordMessageId, 'discord message id', 20),
        ],
      );
    },

    async messageAt(messageId) {
      const rows: {
        thread_id: string | null;
        discord_message_id: string | null;
        origin: string;
        team_id: number;
      }[] = await em().execute(
        `select t.thread_id, d.discord_message_id, d.origin, t.team_id
             from team_thread_messages d join team_threads t on t.conversation_id = d.conversation_id
            where d.message_id = ?`,
        [intId(messageId, 'message id')],
      );
      const r = rows[0];
      if (!r?.thread_id) return null;
      return {
        threadId: r.thread_id,
        discordMessageId: r.discord_message_id,
        origin: r.origin === 'discord' ? 'discord' : 'mirror',
        teamId: Number(r.team_id),
      };
    },

    async inTeam(teamId, userId) {
      const rows: unknown[] = await em().execute(
        'select 1 from team_members where team_id = ? and user_id = ?',
        [intId(teamId, 'team id'), intId(userId, 'user id')],
      );
      return rows.length > 0;
    },

    async threadAt(threadId) {
      const rows: ThreadRow[] = await em().execute(
        'select conversation_id, team_id, channel_id, thread_id from team_threads where thread_id = ?',
        [text(threadId, 'thread id', 20)],
      );
      return rows[0] ? toThread(rows[0]) : null;
    },
  };
}
