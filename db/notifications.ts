/** NotificationStore (src/notifications/ports.ts) on MikroORM. */
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Platform } from '../src/config.ts';
import type { OutboxRecord } from '../src/domain/shared.ts';
import { isLocale } from '../src/i18n/index.ts';
import type { NotificationStore, ReceiptRecord, RecipientInfo } from '../src/notifications/ports.ts';
import { pgIntArray, pgNullableTextArray, pgTextArray } from './sql.ts';

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

const toOutbox = (r: OutboxRow): OutboxRecord => ({
  id: Number(r.id),
  type: r.type as OutboxRecord['type'],
  recipientUserId: r.recipient_user_id,
  payload: r.payload,
  dedupeKey: r.dedupe_key,
  createdAt: new Date(r.created_at),
  relayedAt: r.relayed_at === null ? null : new Date(r.relayed_at),
});

export function createNotificationStore(orm: MikroORM): NotificationStore {
  return {
    async relayAlerts(limit, platform, size, enqueue) {
      const em = orm.em.fork();
      const rows = await em.execute<(OutboxRow & { chosen: string | null; has_quiet: boolean })[]>(
        `with claimed as (
           update outbox o set claimed_at = now()
            where o.id in (select id from outbox
                            where relayed_at is null and type = 'job.alert'
                              and (claimed_at is null or claimed_at < now() - interval '1 minute')
                            order by id limit ? for update skip locked)
           returning o.*
         ), chosen as (
           select c.*, u.locale, ap.quiet_start is not null and ap.quiet_end is not null as has_quiet,
                  (select pi.platform from platform_identities pi
                    where pi.user_id = c.recipient_user_id and pi.unreachable_at is null
                    order by (pi.platform = ap.preferred_platform) desc nulls last,
                             array_position(array['line', 'slack', 'discord', 'console'], pi.platform::text), pi.id
                    limit 1) as chosen
             from claimed c join users u on u.id = c.recipient_user_id
             left join alert_preferences ap on ap.user_id = c.recipient_user_id
         ), numbered as (
           select ch.*, (c2.job_id) as job_id,
                  (row_number() over (partition by c2.job_id, ch.locale order by ch.id) - 1) / ? as chunk
             from chosen ch cross join lateral (select (ch.payload->>'jobId')::int as job_id) c2
            -- Someone with quiet hours goes one by one, so their alert can wait for the window's end.
            where ch.chosen = ? and not ch.has_quiet
         ), batched as (
           select n.*, 'mc-' || n.job_id || '-' || n.locale || '-' || ? || '-' ||
                       min(n.id) over (partition by n.job_id, n.locale, n.chunk) as batch
             from numbered n
         ), written as (
           insert into notification_receipts (outbox_id, user_id, platform, status, attempts, batch, created_at, updated_at)
           select b.id, b.recipient_user_id, ?, 'queued', 0, b.batch, now(), now() from batched b
           on conflict (outbox_id) do nothing
         )
         select ch.id, ch.type, ch.recipient_user_id, ch.payload, ch.dedupe_key, ch.created_at, ch.relayed_at,
                ch.chosen, ch.has_quiet
           from chosen ch`,
        [limit, size, platform, platform, platform],
      );
      if (rows.length === 0) return 0;
      const ids = pgIntArray(rows.map((r) => Number(r.id)));
      // The batches as stored: new ones just written, or those of an earlier run of these rows.
      const batches = await em.execute<{ batch: string; job_id: number; locale: string }[]>(
        `select distinct r.batch, (o.payload->>'jobId')::int as job_id, u.locale
           from notification_receipts r join outbox o on o.id = r.outbox_id join users u on u.id = r.user_id
          where r.outbox_id = any(?::bigint[]) and r.batch is not null and r.status = 'queued'`,
        [ids],
      );
      const others = rows.filter((r) => r.chosen !== platform || r.has_quiet).map(toOutbox);
      await enqueue(
        batches.map((b) => ({
          batch: b.batch,
          jobId: Number(b.job_id),
          locale: isLocale(b.locale) ? b.locale : 'ja',
        })),
        others,
      );
      await em.execute(`update outbox set relayed_at = now() where id = any(?::bigint[])`, [ids]);
      return rows.length;
    },
    async relay(limit, enqueue, options = {}) {
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
                          and not (type = any(?::text[]))
                        order by id limit ? for update skip locked)
          returning *`,
        [pgTextArray([...(options.exceptTypes ?? [])]), limit],
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
      const [row] = await orm.em.fork().execute<OutboxRow[]>(`select * from outbox where id = ?`, [outboxId]);
      return row ? toOutbox(row) : null;
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
           left join alert_preferences ap on ap.user_id = u.id where u.id = any(?::int[])`,
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
      await orm.em.fork().execute(
        `insert into notification_receipts (outbox_id, user_id, platform, status, reason, attempts, created_at, updated_at)
         values (?, ?, ?, ?, ?, ?, now(), now())
         on conflict (outbox_id) do update set
           status = excluded.status,
           platform = coalesce(excluded.platform, notification_receipts.platform),
           reason = excluded.reason,
           attempts = notification_receipts.attempts + excluded.attempts,
           updated_at = now()`,
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
      const out = new Map<number, { batch: string | null; status: ReceiptRecord['status'] }>();
      if (items.length === 0) return out;
      const em = orm.em.fork();
      await em.execute(
        `insert into notification_receipts (outbox_id, user_id, platform, status, reason, attempts, batch, created_at, updated_at)
         select t.o, t.u, t.p, t.s, t.r, 0, t.b, now(), now()
           from unnest(?::bigint[], ?::int[], ?::text[], ?::text[], ?::text[], ?::text[]) as t(o, u, p, s, r, b)
         on conflict (outbox_id) do nothing`,
        [
          pgIntArray(items.map((i) => i.outboxId)),
          pgIntArray(items.map((i) => i.userId)),
          pgNullableTextArray(items.map((i) => i.platform)),
          pgNullableTextArray(items.map((i) => i.status)),
          pgNullableTextArray(items.map((i) => i.reason ?? null)),
          pgNullableTextArray(items.map((i) => i.batch ?? null)),
        ],
      );
      const rows = await em.execute<{ outbox_id: string; batch: string | null; status: string }[]>(
        `select outbox_id, batch, status from notification_receipts where outbox_id = any(?::bigint[])`,
        [pgIntArray(items.map((i) => i.outboxId))],
      );
      for (const r of rows) {
        out.set(Number(r.outbox_id), { batch: r.batch, status: r.status as ReceiptRecord['status'] });
      }
      return out;
    },
    async pendingInBatch(batch, platform) {
      // One statement: the batch's queued receipts and, for each, the reachable identity to send to.
      const rows = await orm.em
        .fork()
        .execute<{ outbox_id: string; user_id: number; external_id: string | null }[]>(
          `select r.outbox_id, r.user_id,
                (select pi.external_id from platform_identities pi
                  where pi.user_id = r.user_id and pi.platform = ? and pi.unreachable_at is null
                  order by pi.id limit 1) as external_id
           from notification_receipts r
          where r.batch = ? and r.status = 'queued' order by r.outbox_id`,
          [platform, batch],
        );
      return rows.map((r) => ({
        outboxId: Number(r.outbox_id),
        userId: r.user_id,
        externalId: r.external_id,
      }));
    },
    async settle(outboxIds, update) {
      if (outboxIds.length === 0) return;
      await orm.em.fork().execute(
        `update notification_receipts
            set status = ?, platform = coalesce(?, platform), reason = ?, attempts = attempts + 1, updated_at = now()
          where outbox_id = any(?::bigint[])`,
        [update.status, update.platform ?? null, update.reason ?? null, pgIntArray([...outboxIds])],
      );
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
