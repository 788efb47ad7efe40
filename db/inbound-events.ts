/**
 * `InboundEventStore` (src/store.ts): platform events handled once and, per user, in arrival order,
 * across every process (src/chat/inbound.ts says how the bot uses it).
 */
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { InboundEventStore, InboundTurn } from '../src/store.ts';
import { text } from './params.ts';

const eventKey = (platform: string, eventId: string) => [
  text(platform, 'platform', 20),
  text(eventId, 'event id', 200),
];

export function createInboundEventStore(orm: MikroORM): InboundEventStore {
  const em = (): EntityManager => orm.em.fork();
  return {
    async markSeen(platform, eventId) {
      // Seen for the first time: new, or admitted (`queued`) and not started yet.
      const inserted: { affectedRows?: number } = await em().execute(
        `insert into inbound_events (platform, event_id, received_at) values (?, ?, now())
         on conflict (platform, event_id) do update set status = 'done'
           where inbound_events.status = 'queued'`,
        eventKey(platform, eventId),
        'run',
      );
      return inserted.affectedRows === 1;
    },

    async admit(events) {
      if (events.length === 0) return;
      // One statement for a webhook's events, in their order (seq follows the order of the rows).
      await em().execute(
        `insert into inbound_events (platform, event_id, user_key, status, received_at)
         values ${events.map(() => "(?, ?, ?, 'queued', now())").join(', ')}
         on conflict (platform, event_id) do nothing`,
        events.flatMap((e) => [...eventKey(e.platform, e.eventId), text(e.userKey, 'user key', 300)]),
        'run',
      );
    },

    async take(platform, eventId, userKey, { staleAfterMs, admitMissing }): Promise<InboundTurn> {
      const key = eventKey(platform, eventId);
      const conn = em();
      // Its turn when no earlier event of the same user is waiting, running or delivering its reply
      // (one that has been around longer than `staleAfterMs` is taken to be lost and waits for
      // nobody); a `handling` left behind by a process that died is taken again after a minute.
      const takeTurn = (): Promise<unknown[]> =>
        conn.execute(
          `update inbound_events e set status = 'handling', started_at = now()
            where e.platform = ? and e.event_id = ?
              and (e.status = 'queued' or (e.status = 'handling' and e.started_at < now() - interval '60 seconds'))
              and not exists (select 1 from inbound_events p
                               where p.user_key = e.user_key and p.seq < e.seq
                                 and p.status in ('queued', 'handling')
                                 and p.received_at > now() - make_interval(secs => ?))
            returning 1`,
          [...key, staleAfterMs / 1000],
        );
      // An event admitted on arrival (LINE) takes its turn in one statement; one that was not is
      // admitted now, at the end of its user's line (unless its admission is still on its way).
      let taken = await takeTurn();
      if (taken.length === 0 && admitMissing) {
        const admitted: { affectedRows?: number } = await conn.execute(
          `insert into inbound_events (platform, event_id, user_key, status, received_at)
           values (?, ?, ?, 'queued', now()) on conflict (platform, event_id) do nothing`,
          [...key, text(userKey, 'user key', 300)],
          'run',
        );
        if (admitted.affectedRows === 1) taken = await takeTurn();
      }
      if (taken.length > 0) return { kind: 'go' };
      // Not its turn, or handled before: a reply whose delivery failed is sent again.
      const [row] = await conn.execute<{ status: string; reply: unknown }[]>(
        'select status, reply from inbound_events where platform = ? and event_id = ?',
        key,
      );
      // No row: its admission is on its way (`admitMissing` off).
      if (!row) return admitMissing ? { kind: 'duplicate' } : { kind: 'wait' };
      if (row.status === 'done') return { kind: 'duplicate' };
      if (row.status === 'failed') {
        return row.reply === null ? { kind: 'duplicate' } : { kind: 'replay', reply: row.reply };
      }
      return { kind: 'wait' };
    },

    async finish(platform, eventId, outcome) {
      await em().execute(
        `update inbound_events set status = ?, reply = ?::jsonb, reason = ?, started_at = null
          where platform = ? and event_id = ?`,
        [
          outcome.status,
          outcome.status === 'done' || outcome.reply === undefined ? null : JSON.stringify(outcome.reply),
          outcome.reason?.slice(0, 200) ?? null,
          ...eventKey(platform, eventId),
        ],
        'run',
      );
    },
  };
}
