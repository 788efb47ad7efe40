/** NotificationStore (src/notifications/ports.ts) on MikroORM. */
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Platform } from '../src/domain/platforms.ts';
import type { OutboxRecord } from '../src/domain/shared.ts';
import { SEAT_HOLDING_STATUSES } from '../src/domain/work/records.ts';
import { isLocale } from '../src/i18n/index.ts';
import type { NotificationStore, ReceiptRecord, RecipientInfo } from '../src/notifications/ports.ts';
import { ALERT_MATCH, JOB_TAKES_APPLICATIONS } from './alert-match.ts';
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

/**
 * How many user ids a fan-out page spans: `pageSize` at first, then widened by the share of users
 * matched so far (a job matching 1 user in 20 spans 20 × pageSize ids), so a page holds about
 * `pageSize` workers; at most 50 × pageSize, so a page's reading stays bounded.
 */
export function pageSpan(pageSize: number, cursor: number, matched: number): number {
  if (cursor <= 0) return pageSize;
  if (matched <= 0) return pageSize * 50;
  return Math.min(pageSize * 50, Math.max(pageSize, Math.ceil((pageSize * cursor) / matched)));
}

export function createNotificationStore(orm: MikroORM): NotificationStore {
  return {
    async fanoutPage({ pageSize, multicast }) {
      return orm.em.fork().transactional(async (em) => {
        // The run is locked with its job; the job is checked in the same query.
        const [run] = await em.execute<{ job_id: number; cursor: number; matched: number; open: boolean }[]>(
          `select r.job_id, r.cursor, r.matched,
                  ${JOB_TAKES_APPLICATIONS} as open
             from alert_runs r join job_notices j on j.id = r.job_id
            where r.status = 'matching' order by r.job_id limit 1 for update of r skip locked`,
          [pgTextArray(SEAT_HOLDING_STATUSES)],
        );
        if (!run) return null;
        if (!run.open) {
          // Closed, cancelled or filled before every page was matched: the rest get nothing.
          await em.execute(
            `update alert_runs set status = 'cancelled', finished_at = now() where job_id = ?`,
            [run.job_id],
          );
          return { jobId: run.job_id, matched: 0, batches: 0, done: true };
        }
        // A fan-out's first page is one multicast's worth: it goes out while the next, full page is matched.
        const size = run.cursor === 0 && multicast ? Math.min(pageSize, multicast.size) : pageSize;
        const span = pageSpan(size, run.cursor, run.matched);
        // The values go in as parameters where they are used, not once through a CTE: with the limit
        // and job id as CTE columns the planner lost its estimates and PostgreSQL needed 1.5–2 times
        // the CPU per fan-out (measured with bench:fanout).
        const [page] = await em.execute<{ n: number; batches: number; status: string }[]>(
          `with bounds as (
             -- The page covers user ids (cursor, cursor + span]: one range of the primary key, so a
             -- page costs the same however far the fan-out has gone (a page "after the cursor,
             -- limit n" would read and sort every remaining user on each page). At most pageSize
             -- workers: past that the page ends early at its last worker.
             select ?::bigint as lo, least(?::bigint + ?::bigint, 2147483647) as hi,
                    coalesce((select max(id) from users), 0) as last_id
           ), page as (
             select u.id as user_id, u.locale, ap.preferred_platform,
                    (ap.quiet_start is not null and ap.quiet_end is not null) as has_quiet
               from bounds, users u left join alert_preferences ap on ap.user_id = u.id join job_notices j on j.id = ?
              where u.id > bounds.lo and u.id <= bounds.hi and ${ALERT_MATCH}
              order by u.id limit ?
           ), stats as (
             select count(*) as n, max(user_id) as last_user from page
           ), identities as (
             -- The page's identities as one range of the user_id index (a merge, not a lookup per worker).
             select pi.* from platform_identities pi
              where pi.user_id > ? and pi.user_id <= (select last_user from stats) and pi.unreachable_at is null
           ), chosen as (
             select distinct on (p.user_id) p.*, i.platform, i.external_id,
                    (i.platform = ?::text and not p.has_quiet) as multicast
               from page p left join identities i on i.user_id = p.user_id
              order by p.user_id, (i.platform = p.preferred_platform) desc nulls last,
                       array_position(array['line', 'slack', 'discord', 'console'], i.platform::text), i.id
           ), numbered as (
             -- Someone with quiet hours goes one by one, so their alert can wait for the window's end.
             select c.*, (row_number() over (partition by c.locale order by c.user_id) - 1) / ?::int as chunk
               from chosen c where c.multicast
           ), batches as (
             insert into alert_batches (job_id, platform, locale, user_ids, external_ids, status, attempts, created_at)
             select ?, ?::text, n.locale, array_agg(n.user_id order by n.user_id),
                    array_agg(n.external_id order by n.user_id), 'queued', 0, now()
               from numbered n group by n.locale, n.chunk
             returning id
           ), others as (
             select c.* from chosen c where c.multicast is not true
           ), singles as (
             insert into outbox (type, recipient_user_id, payload, dedupe_key, created_at)
             select 'job.alert', o.user_id, jsonb_build_object('jobId', ?::int), 'job.alert:' || ?::int || ':' || o.user_id, now()
               from others o where o.platform is not null
             on conflict (dedupe_key) do nothing
             returning id, recipient_user_id
           ), receipts as (
             -- A batch is its recipients' receipt (see the alert_recipients view); everyone else's is written now.
             insert into alert_receipts (job_id, user_id, platform, status, reason, outbox_id, updated_at)
             select ?, o.user_id, o.platform, case when o.platform is null then 'failed' else 'queued' end,
                    case when o.platform is null then 'unreachable' end, s.id, now()
               from others o left join singles s on s.recipient_user_id = o.user_id
             on conflict do nothing
           ), advanced as (
             -- The cursor moves in the same statement, so a page is written exactly once: to the
             -- page's last worker when it is full, else to the end of its range. The run is done
             -- once a range that was not full reached the last user.
             update alert_runs r set
                    cursor = case when s.n >= ? then s.last_user else least(b.hi, greatest(b.last_id, b.lo)) end,
                    matched = r.matched + s.n,
                    status = case when s.n < ? and b.hi >= b.last_id then 'done' else r.status end,
                    finished_at = case when s.n < ? and b.hi >= b.last_id then now() end
               from stats s, bounds b
              where r.job_id = ?
             returning r.status
           )
           select (select n from stats)::int as n, (select count(*) from batches)::int as batches,
                  (select status from advanced) as status`,
          [
            run.cursor,
            run.cursor,
            span,
            run.job_id,
            size,
            run.cursor,
            multicast?.platform ?? null,
            multicast?.size ?? 500,
            run.job_id,
            multicast?.platform ?? null,
            run.job_id,
            run.job_id,
            run.job_id,
            size,
            size,
            size,
            run.job_id,
          ],
        );
        const n = page?.n ?? 0;
        return { jobId: run.job_id, matched: n, batches: page?.batches ?? 0, done: page?.status === 'done' };
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
                        where status = 'queued' and (queued_at is null or queued_at < now() - interval '15 seconds')
                        order by id limit ? for update skip locked)
          returning id, job_id, platform`,
        [limit],
      );
      return rows
        .map((r) => ({ id: Number(r.id), jobId: r.job_id, platform: r.platform as Platform }))
        .sort((a, b) => a.id - b.id);
    },
    async alertBatch(id) {
      // The ids travel as one string: splitting it is far cheaper than parsing a 500-element array.
      const [r] = await orm.em.getConnection().execute<
        {
          id: string;
          job_id: number;
          platform: string;
          locale: string;
          ids: string;
          status: string;
          open: boolean;
          title: string;
          category: string;
          reward_yen: number;
          deadline: string | Date | null;
        }[]
      >(
        `select b.id, b.job_id, b.platform, b.locale, array_to_string(b.external_ids, ' ') as ids, b.status,
                j.title, j.category, j.reward_yen, j.deadline,
                ${JOB_TAKES_APPLICATIONS} as open
           from alert_batches b join job_notices j on j.id = b.job_id where b.id = ?`,
        [pgTextArray(SEAT_HOLDING_STATUSES), id],
      );
      if (!r) return null;
      return {
        id: Number(r.id),
        jobId: r.job_id,
        platform: r.platform as Platform,
        locale: isLocale(r.locale) ? r.locale : 'ja',
        externalIds: r.ids === '' ? [] : r.ids.split(' '),
        status: r.status as ReceiptRecord['status'],
        openJob: r.open
          ? {
              id: r.job_id,
              title: r.title,
              category: r.category,
              rewardYen: r.reward_yen,
              deadline: r.deadline === null ? null : new Date(r.deadline),
            }
          : null,
      };
    },
    async settleBatch(id, update) {
      // The batch is its recipients' receipt (see alert_recipients): one row, however many recipients.
      await orm.em.getConnection().execute(
        `update alert_batches set status = ?, reason = ?, attempts = attempts + 1,
                sent_at = case when ? = 'sent' then now() end
          where id = ? and status = 'queued'`,
        [update.status, update.reason ?? null, update.status, id],
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
