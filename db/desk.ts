/** `DeskStore` (src/store.ts) in plain SQL: claims with a lease, as the outbox relay does. */
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { DeskStore, DeskThreadRecord } from '../src/store.ts';
import { createDeskSlaStore } from './desk-sla.ts';
import { intId, text } from './params.ts';

/** A claim older than this is taken to be lost (the worker died between claim and post). */
const LEASE = "interval '60 seconds'";
/**
 * What the card shows that can change: status, assignee and the customer's rating (and whether it
 * has a comment); adapters/slack/desk.ts `cardState` writes the same.
 */
const CARD_STATE = `i.status || ':' || coalesce(i.assignee_id::text, '')
  || coalesce((select ':' || r.score || case when r.comment is null then '' else 'c' end
                 from inquiry_ratings r where r.inquiry_id = i.id), '')`;

interface ThreadRow {
  inquiry_id: number;
  channel: string;
  ts: string | null;
  card_state: string;
}

const toThread = (r: ThreadRow): DeskThreadRecord => ({
  inquiryId: Number(r.inquiry_id),
  channel: r.channel,
  ts: r.ts,
  cardState: r.card_state,
});

export function createDeskStore(orm: MikroORM): DeskStore {
  const em = (): EntityManager => orm.em.fork();
  return {
    ...createDeskSlaStore(orm),
    async claimThreads(channel, limit) {
      const lapsed: { inquiry_id: number }[] = await em().execute(
        `update desk_threads set claimed_at = now()
          where inquiry_id in (select inquiry_id from desk_threads
                                where ts is null and claimed_at < now() - ${LEASE}
                                order by inquiry_id limit ? for update skip locked)
          returning inquiry_id`,
        [limit],
      );
      const fresh: { inquiry_id: number }[] = await em().execute(
        `insert into desk_threads (inquiry_id, channel, claimed_at)
         select i.id, ?, now() from inquiries i
          where i.status <> 'completed'
            and not exists (select 1 from desk_threads t where t.inquiry_id = i.id)
          order by i.id limit ?
         on conflict (inquiry_id) do nothing
         returning inquiry_id`,
        [channel, limit],
      );
      return [...lapsed, ...fresh].map((r) => Number(r.inquiry_id));
    },

    async threadPosted(inquiryId, ts, cardState) {
      await em().execute(
        'update desk_threads set ts = ?, card_state = ?, claimed_at = null where inquiry_id = ?',
        [ts, cardState, inquiryId],
      );
    },

    async releaseThread(inquiryId) {
      await em().execute('delete from desk_threads where inquiry_id = ? and ts is null', [inquiryId]);
    },

    async staleCards(limit) {
      const rows: (ThreadRow & { state: string })[] = await em().execute(
        `select t.inquiry_id, t.channel, t.ts, t.card_state, ${CARD_STATE} as state
           from desk_threads t join inquiries i on i.id = t.inquiry_id
          where t.ts is not null and t.card_state <> ${CARD_STATE}
          order by t.inquiry_id limit ?`,
        [limit],
      );
      return rows.map((r) => ({ ...toThread(r), ts: r.ts as string, state: r.state }));
    },

    async setCardState(inquiryId, state) {
      await em().execute('update desk_threads set card_state = ? where inquiry_id = ?', [state, inquiryId]);
    },

    async claimMessages(limit) {
      const lapsed: { message_id: number }[] = await em().execute(
        `update desk_messages set claimed_at = now()
          where message_id in (select message_id from desk_messages
                                where ts is null and origin = 'mirror' and claimed_at < now() - ${LEASE}
                                order by message_id limit ? for update skip locked)
          returning message_id`,
        [limit],
      );
      const fresh: { message_id: number }[] = await em().execute(
        `insert into desk_messages (message_id, inquiry_id, channel, origin, claimed_at)
         select m.id, m.inquiry_id, t.channel, 'mirror', now()
           from inquiry_messages m join desk_threads t on t.inquiry_id = m.inquiry_id and t.ts is not null
           join inquiries i on i.id = m.inquiry_id
          -- Only live conversations: a completed inquiry takes no more messages (its last ones are
          -- given an hour), so each pass stays small however much history there is.
          where (i.status <> 'completed' or i.completed_at > now() - interval '1 hour')
            and not exists (select 1 from desk_messages d where d.message_id = m.id)
          order by m.id limit ?
         on conflict (message_id) do nothing
         returning message_id`,
        [limit],
      );
      const ids = [...lapsed, ...fresh].map((r) => Number(r.message_id));
      if (ids.length === 0) return [];
      const rows: { message_id: number; inquiry_id: number; channel: string; thread_ts: string }[] =
        await em().execute(
          `select d.message_id, d.inquiry_id, t.channel, t.ts as thread_ts
             from desk_messages d join desk_threads t on t.inquiry_id = d.inquiry_id
            where d.message_id in (${ids.map(() => '?').join(', ')})
            order by d.message_id`,
          ids,
        );
      return rows.map((r) => ({
        messageId: Number(r.message_id),
        inquiryId: Number(r.inquiry_id),
        channel: r.channel,
        threadTs: r.thread_ts,
      }));
    },

    async messagePosted(messageId, ts) {
      const result: { affectedRows?: number } = await em().execute(
        `update desk_messages set ts = ?, claimed_at = null where message_id = ? and origin = 'mirror'`,
        [ts, messageId],
        'run',
      );
      return result.affectedRows === 1;
    },

    async releaseMessage(messageId) {
      await em().execute(
        `delete from desk_messages where message_id = ? and origin = 'mirror' and ts is null`,
        [messageId],
      );
    },

    async recordDeskMessage(messageId, inquiryId, channel, ts) {
      // If the mirror claimed it a moment ago, it becomes staff's own: the mirror will not post it.
      await em().execute(
        `insert into desk_messages (message_id, inquiry_id, channel, ts, origin)
         values (?, ?, ?, ?, 'desk')
         on conflict (message_id) do update set origin = 'desk', ts = excluded.ts, claimed_at = null`,
        [
          intId(messageId, 'message id'),
          intId(inquiryId, 'inquiry id'),
          text(channel, 'channel', 100),
          text(ts, 'ts', 40),
        ],
      );
    },

    async messageAt(messageId) {
      const rows: { channel: string; ts: string | null; origin: 'desk' | 'mirror' }[] = await em().execute(
        'select channel, ts, origin from desk_messages where message_id = ?',
        [intId(messageId, 'message id')],
      );
      return rows[0] ?? null;
    },

    async threadOf(inquiryId) {
      const rows: ThreadRow[] = await em().execute(
        'select inquiry_id, channel, ts, card_state from desk_threads where inquiry_id = ?',
        [intId(inquiryId, 'inquiry id')],
      );
      return rows[0] ? toThread(rows[0]) : null;
    },

    async inquiryAt(channel, ts) {
      const rows: { inquiry_id: number }[] = await em().execute(
        'select inquiry_id from desk_threads where channel = ? and ts = ?',
        [text(channel, 'channel', 100), text(ts, 'ts', 40)],
      );
      return rows[0] ? Number(rows[0].inquiry_id) : null;
    },
  };
}
