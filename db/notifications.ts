/** NotificationStore (src/notifications/ports.ts) on MikroORM. */
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Platform } from '../src/config.ts';
import type { OutboxRecord } from '../src/domain/shared.ts';
import { SEAT_HOLDING_STATUSES } from '../src/domain/work/records.ts';
import { isLocale } from '../src/i18n/index.ts';
import type { NotificationStore, ReceiptRecord, RecipientInfo } from '../src/notifications/ports.ts';
import { ALERT_MATCH } from './alert-match.ts';
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

/**
 * Follows a statement whose CTE `up` returns notification receipts just written: the job alerts
 * among them (sent one by one: quiet hours, Slack, Discord) settle their line in `alert_receipts`.
 */
const SETTLE_ALERT_RECEIPTS = `update alert_receipts r
   set status = up.status, platform = coalesce(up.platform, r.platform), reason = up.reason, updated_at = now()
  from up join outbox o on o.id = up.outbox_id
 where o.type = 'job.alert' and r.job_id = (o.payload->>'jobId')::int and r.user_id = o.recipient_user_id`;

export function createNotificationStore(orm: MikroORM): NotificationStore {
  return {
    async fanoutPage({ pageSize, multicast }) {
      return orm.em.fork().transactional(async (em) => {
        const [run] = await em.execute<{ job_id: number; cursor: number }[]>(
          `select job_id, cursor from alert_runs where status = 'matching'
            order by job_id limit 1 for update skip locked`,
        );
        if (!run) return null;
        const [job] = await em.execute<{ open: boolean }[]>(
          `select j.status = 'open' and j.openings > (select count(*) from applications a
                    where a.job_id = j.id and a.status = any(?::text[])) as open
             from job_notices j where j.id = ?`,
          [pgTextArray(SEAT_HOLDING_STATUSES), run.job_id],
        );
        if (!job?.open) {
          // Closed, cancelled or filled before every page was matched: the rest get nothing.
          await em.execute(
            `update alert_runs set status = 'cancelled', finished_at = now() where job_id = ?`,
            [run.job_id],
          );
          return { jobId: run.job_id, matched: 0, batches: 0, done: true };
        }
        const [page] = await em.execute<{ last: number | null; n: number; batches: number }[]>(
          `with page as (
             select u.id as user_id, u.locale, ap.preferred_platform,
                    (ap.quiet_start is not null and ap.quiet_end is not null) as has_quiet
               from users u left join alert_preferences ap on ap.user_id = u.id join job_notices j on j.id = ?
              where u.id > ? and ${ALERT_MATCH}
              order by u.id limit ?
           ), chosen as (
             select p.*, t.platform, t.external_id from page p left join lateral (
               select pi.platform, pi.external_id from platform_identities pi
                where pi.user_id = p.user_id and pi.unreachable_at is null
                order by (pi.platform = p.preferred_platform) desc nulls last,
                         array_position(array['line', 'slack', 'discord', 'console'], pi.platform::text), pi.id
                limit 1) t on true
           ), numbered as (
             -- Someone with quiet hours goes one by one, so their alert can wait for the window's end.
             select c.*, (row_number() over (partition by c.locale order by c.user_id) - 1) / ?::int as chunk
               from chosen c where c.platform = ?::text and not c.has_quiet
           ), batches as (
             insert into alert_batches (job_id, platform, locale, user_ids, external_ids, status, attempts, created_at)
             select ?, ?::text, n.locale, array_agg(n.user_id order by n.user_id),
                    array_agg(n.external_id order by n.user_id), 'queued', 0, now()
               from numbered n group by n.locale, n.chunk
             returning id, user_ids
           ), members as (
             select b.id, unnest(b.user_ids) as user_id from batches b
           ), singles as (
             insert into outbox (type, recipient_user_id, payload, dedupe_key, created_at)
             select 'job.alert', c.user_id, jsonb_build_object('jobId', ?::int), 'job.alert:' || ?::int || ':' || c.user_id, now()
               from chosen c where c.platform is not null and not exists (select 1 from numbered n where n.user_id = c.user_id)
             on conflict (dedupe_key) do nothing
             returning id, recipient_user_id
           ), receipts as (
             insert into alert_receipts (job_id, user_id, platform, status, reason, batch_id, outbox_id, updated_at)
             select ?, c.user_id, c.platform, case when c.platform is null then 'failed' else 'queued' end,
                    case when c.platform is null then 'unreachable' end, m.id, s.id, now()
               from chosen c left join members m on m.user_id = c.user_id
               left join singles s on s.recipient_user_id = c.user_id
             on conflict do nothing
           )
           select (select max(user_id) from page) as last, (select count(*) from page)::int as n,
                  (select count(*) from batches)::int as batches`,
          [
            run.job_id,
            run.cursor,
            pageSize,
            multicast?.size ?? 500,
            multicast?.platform ?? null,
            run.job_id,
            multicast?.platform ?? null,
            run.job_id,
            run.job_id,
            run.job_id,
          ],
        );
        const n = page?.n ?? 0;
        const done = n < pageSize;
        await em.execute(
          `update alert_runs set cursor = coalesce(?, cursor), matched = matched + ?,
                  status = case when ? then 'done' else status end, finished_at = case when ? then now() end
            where job_id = ?`,
          [page?.last ?? null, n, done, done, run.job_id],
        );
        return { jobId: run.job_id, matched: n, batches: page?.batches ?? 0, done };
      });
    },
    async fanoutWaiting() {
      const [row] = await orm.em.fork().execute<{ waiting: boolean }[]>(
        `select exists (select 1 from alert_runs where status = 'matching') or exists
             (select 1 from alert_batches where status = 'queued' and queued_at is null) as waiting`,
      );
      return row?.waiting ?? false;
    },
    async claimBatches(limit) {
      const rows = await orm.em.fork().execute<{ id: string; job_id: number; platform: string }[]>(
        `update alert_batches set queued_at = now()
          where id in (select id from alert_batches
                        where status = 'queued' and (queued_at is null or queued_at < now() - interval '1 minute')
                        order by id limit ? for update skip locked)
          returning id, job_id, platform`,
        [limit],
      );
      return rows
        .map((r) => ({ id: Number(r.id), jobId: r.job_id, platform: r.platform as Platform }))
        .sort((a, b) => a.id - b.id);
    },
    async alertBatch(id) {
      const [r] = await orm.em.fork().execute<
        {
          id: string;
          job_id: number;
          platform: string;
          locale: string;
          user_ids: number[];
          external_ids: string[];
          status: string;
        }[]
      >(
        `select id, job_id, platform, locale, user_ids, external_ids, status from alert_batches where id = ?`,
        [id],
      );
      if (!r) return null;
      return {
        id: Number(r.id),
        jobId: r.job_id,
        platform: r.platform as Platform,
        locale: isLocale(r.locale) ? r.locale : 'ja',
        userIds: r.user_ids.map(Number),
        externalIds: r.external_ids,
        status: r.status as ReceiptRecord['status'],
      };
    },
    async settleBatch(id, update) {
      // A batch's user ids are in ascending order, so its receipts are one range of the primary key.
      await orm.em.fork().execute(
        `with b as (
           update alert_batches set status = ?, reason = ?, attempts = attempts + 1,
                  sent_at = case when ? = 'sent' then now() end
            where id = ? and status = 'queued'
           returning id, job_id, user_ids[1] as lo, user_ids[cardinality(user_ids)] as hi
         )
         update alert_receipts r set status = ?, reason = ?, updated_at = now()
           from b where r.job_id = b.job_id and r.user_id between b.lo and b.hi and r.batch_id = b.id`,
        [update.status, update.reason ?? null, update.status, id, update.status, update.reason ?? null],
      );
    },
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
      // A job alert sent one by one also settles its line in the job's alert receipts.
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
         ${SETTLE_ALERT_RECEIPTS}`,
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
         ${SETTLE_ALERT_RECEIPTS}`,
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
