/** NotificationStore (src/notifications/ports.ts) on MikroORM; the fan-out's part is db/fanout.ts. */
import type { MikroORM } from '@mikro-orm/postgresql';
import { isFanoutType, outboxContentSql } from '../src/domain/audience/kinds.ts';
import { WITH_ALERT_PREFERENCES } from '../src/domain/audience/sql.ts';
import type { Platform } from '../src/domain/platforms.ts';
import type { OutboxRecord } from '../src/domain/shared.ts';
import { isLocale } from '../src/i18n/index.ts';
import type {
  NotificationStore,
  ReceiptRecord,
  RecipientInfo,
  StoredOutbox,
} from '../src/notifications/ports.ts';
import { createFanoutStore } from './fanout.ts';
import { pgIntArray, pgNullableTextArray } from './sql.ts';

export { pageSpan } from './fanout.ts';

interface OutboxRow {
  id: string | number;
  type: string;
  recipient_user_id: number;
  payload: Record<string, unknown>;
  dedupe_key: string;
  // Raw rows carry timestamps as text (MikroORM's driver type parsers).
  created_at: Date | string;
  relayed_at: Date | string | null;
}

// The payload is the one the row was written with for its type (tx.notify checks it).
const toOutbox = (r: OutboxRow): OutboxRecord =>
  ({
    id: Number(r.id),
    type: r.type,
    recipientUserId: r.recipient_user_id,
    payload: r.payload,
    dedupeKey: r.dedupe_key,
    createdAt: new Date(r.created_at),
    relayedAt: r.relayed_at === null ? null : new Date(r.relayed_at),
  }) as OutboxRecord;

/**
 * Follows a statement whose CTE `up` returns notification receipts just written: the fan-out
 * messages among them (sent one by one: quiet hours, Slack, Discord) settle their line in
 * `fanout_receipts`, found by their outbox row.
 */
const SETTLE_FANOUT_RECEIPTS = `update fanout_receipts r
   set status = up.status, platform = coalesce(up.platform, r.platform), reason = up.reason, updated_at = now()
  from up where r.outbox_id = up.outbox_id`;

export function createNotificationStore(orm: MikroORM): NotificationStore {
  return {
    ...createFanoutStore(orm),
    async relay(limit, enqueue) {
      // No transaction is held while enqueueing: the embedded server runs one transaction at a
      // time, and enqueueing talks to the database on other connections. Instead a relay takes a
      // one-minute lease on the rows (one statement), enqueues them, then marks them relayed. A
      // relay that dies in between leaves the lease to expire; the next one re-enqueues the rows
      // and the queue's job ids (outbox-<id>) keep that from sending twice.
      const em = orm.em.fork();
      const rows = await em.execute<OutboxRow[]>(
        `update outbox set claimed_at = now()
          where id in (select id from outbox
                        where relayed_at is null and (claimed_at is null or claimed_at < now() - interval '1 minute')
                        order by id limit ? for update skip locked)
          returning *`,
        [limit],
      );
      if (rows.length === 0) return 0;
      rows.sort((a, b) => Number(a.id) - Number(b.id));
      await enqueue(rows.map(toOutbox));
      await em.execute(`update outbox set relayed_at = now() where id = any(?::bigint[])`, [
        pgIntArray(rows.map((r) => Number(r.id))),
      ]);
      return rows.length;
    },
    async get(outboxId) {
      // A fan-out kind's row comes with what it shows, its cause checked in the same query.
      const [row] = await orm.em
        .fork()
        .execute<(OutboxRow & { content: unknown })[]>(
          `select o.*, ${outboxContentSql('o')} as content from outbox o where o.id = ?`,
          [outboxId],
        );
      if (!row) return null;
      const stored: StoredOutbox = toOutbox(row);
      return isFanoutType(row.type) ? Object.assign(stored, { content: row.content ?? null }) : stored;
    },
    async recipients(userIds) {
      const result = new Map<number, RecipientInfo>();
      if (userIds.length === 0) return result;
      const ids = pgIntArray([...new Set(userIds)]);
      const em = orm.em.fork();
      const users = await em.execute<
        {
          id: number;
          locale: string;
          preferred_platform: string | null;
          quiet_start: string | null;
          quiet_end: string | null;
        }[]
      >(
        `select u.id, u.locale, ap.preferred_platform, ap.quiet_start, ap.quiet_end from users u
           ${WITH_ALERT_PREFERENCES} where u.id = any(?::int[])`,
        [ids],
      );
      for (const u of users) {
        result.set(u.id, {
          userId: u.id,
          locale: isLocale(u.locale) ? u.locale : 'ja',
          preferredPlatform: (u.preferred_platform as Platform | null) ?? null,
          targets: [],
          quiet: u.quiet_start && u.quiet_end ? { start: u.quiet_start, end: u.quiet_end } : null,
        });
      }
      const identities = await em.execute<
        {
          user_id: number;
          platform: string;
          workspace: string;
          external_id: string;
          unreachable_at: Date | null;
        }[]
      >(
        `select user_id, platform, workspace, external_id, unreachable_at from platform_identities
          where user_id = any(?::int[]) order by id`,
        [ids],
      );
      for (const i of identities) {
        result.get(i.user_id)?.targets.push({
          platform: i.platform as Platform,
          workspace: i.workspace,
          externalId: i.external_id,
          reachable: i.unreachable_at === null,
        });
      }
      return result;
    },
    async receipt(outboxId, userId, update) {
      // A fan-out's message sent one by one also settles its line in the fan-out's receipts.
      await orm.em.fork().execute(
        `with up as (
           insert into notification_receipts (outbox_id, user_id, platform, status, reason, attempts, created_at, updated_at)
           values (?, ?, ?, ?, ?, ?, now(), now())
           on conflict (outbox_id) do update set
             status = excluded.status,
             platform = coalesce(excluded.platform, notification_receipts.platform),
             reason = excluded.reason,
             attempts = notification_receipts.attempts + excluded.attempts,
             updated_at = now()
           returning outbox_id, status, platform, reason
         )
         ${SETTLE_FANOUT_RECEIPTS}`,
        [
          outboxId,
          userId,
          update.platform ?? null,
          update.status,
          update.reason ?? null,
          update.attempt ? 1 : 0,
        ],
      );
    },
    async queueMany(items) {
      const out = new Map<number, ReceiptRecord['status']>();
      if (items.length === 0) return out;
      const em = orm.em.fork();
      await em.execute(
        `with up as (
           insert into notification_receipts (outbox_id, user_id, platform, status, reason, attempts, created_at, updated_at)
           select t.o, t.u, t.p, t.s, t.r, 0, now(), now()
             from unnest(?::bigint[], ?::int[], ?::text[], ?::text[], ?::text[]) as t(o, u, p, s, r)
           on conflict (outbox_id) do nothing
           returning outbox_id, status, platform, reason
         )
         ${SETTLE_FANOUT_RECEIPTS}`,
        [
          pgIntArray(items.map((i) => i.outboxId)),
          pgIntArray(items.map((i) => i.userId)),
          pgNullableTextArray(items.map((i) => i.platform)),
          pgNullableTextArray(items.map((i) => i.status)),
          pgNullableTextArray(items.map((i) => i.reason ?? null)),
        ],
      );
      const rows = await em.execute<{ outbox_id: string; status: string }[]>(
        `select outbox_id, status from notification_receipts where outbox_id = any(?::bigint[])`,
        [pgIntArray(items.map((i) => i.outboxId))],
      );
      for (const r of rows) out.set(Number(r.outbox_id), r.status as ReceiptRecord['status']);
      return out;
    },
    async getReceipt(outboxId) {
      const [r] = await orm.em.fork().execute<
        {
          outbox_id: string;
          user_id: number;
          platform: string | null;
          status: string;
          reason: string | null;
          attempts: number;
        }[]
      >(`select * from notification_receipts where outbox_id = ?`, [outboxId]);
      if (!r) return null;
      return {
        outboxId: Number(r.outbox_id),
        userId: r.user_id,
        platform: r.platform as Platform | null,
        status: r.status as ReceiptRecord['status'],
        reason: r.reason,
        attempts: r.attempts,
      };
    },
  };
}
