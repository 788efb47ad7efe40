/**
 * The fan-out machinery on PostgreSQL: runs, pages, multicast batches and receipts for every kind of
 * src/domain/audience/kinds.ts. Who receives what is not decided here: the audience, the cause, the
 * platform order and the quiet-hours rule are the SQL fragments the audience module generates.
 */
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import {
  contentSql,
  type FanoutType,
  fanoutKind,
  isFanoutType,
  liveSql,
} from '../src/domain/audience/kinds.ts';
import type { AudienceTables } from '../src/domain/audience/ports.ts';
import {
  audienceSql,
  HAS_QUIET_HOURS,
  lit,
  PLATFORM_ORDER,
  WITH_ALERT_PREFERENCES,
} from '../src/domain/audience/sql.ts';
import type { Platform } from '../src/domain/platforms.ts';
import { isLocale } from '../src/i18n/index.ts';
import type { NotificationStore, ReceiptStatus } from '../src/notifications/ports.ts';
import { queryNumbered } from './sql.ts';

/**
 * How many user ids a fan-out page spans: `pageSize` at first, then widened by the share of users
 * matched so far (a job matching 1 user in 20 spans 20 × pageSize ids), so a page holds about
 * `pageSize` recipients; at most 50 × pageSize, so a page's reading stays bounded.
 */
export function pageSpan(pageSize: number, cursor: number, matched: number): number {
  if (cursor <= 0) return pageSize;
  if (matched <= 0) return pageSize * 50;
  return Math.min(pageSize * 50, Math.max(pageSize, Math.ceil((pageSize * cursor) / matched)));
}

/** The subject of kind `type` joined on `$subject` (its alias is the kind's). */
const subjectJoin = (type: FanoutType, subject: string) => {
  const { table, alias } = fanoutKind(type).subject;
  return `join ${table} ${alias} on ${alias}.id = ${subject}`;
};

/**
 * One page of a fan-out of kind `type`, as one statement. Its values are numbered parameters, each
 * bound once however often it is used: $1 the cursor, $2 the span of user ids, $3 the subject id,
 * $4 the page size, $5 the multicast platform (or null), $6 a multicast's size.
 */
function pageStatement(type: FanoutType): string {
  const k = fanoutKind(type);
  const kind = lit(type);
  // Someone with quiet hours goes one by one when the kind honours them, so theirs can wait for the window's end.
  const multicastable = k.quietHours ? 'not p.has_quiet' : 'true';
  return `with bounds as (
     -- The page covers user ids (cursor, cursor + span]: one range of the primary key, so a page
     -- costs the same however far the fan-out has gone. At most $4 recipients: past that the page
     -- ends early at its last one.
     select $1::bigint as lo, least($1::bigint + $2::bigint, 2147483647) as hi,
            coalesce((select max(id) from users), 0) as last_id
   ), page as (
     select u.id as user_id, u.locale, ap.preferred_platform, ${HAS_QUIET_HOURS} as has_quiet
       from bounds, users u ${WITH_ALERT_PREFERENCES} ${subjectJoin(type, '$3::int')}
      where u.id > bounds.lo and u.id <= bounds.hi and ${k.audience}
      order by u.id limit $4::int
   ), stats as (
     select count(*) as n, max(user_id) as last_user from page
   ), identities as (
     -- The page's identities as one range of the user_id index (a merge, not a lookup per user).
     select pi.* from platform_identities pi
      where pi.user_id > $1::bigint and pi.user_id <= (select last_user from stats) and pi.unreachable_at is null
   ), chosen as (
     select distinct on (p.user_id) p.*, i.platform, i.external_id,
            (i.platform = $5::text and ${multicastable}) as multicast
       from page p left join identities i on i.user_id = p.user_id
      order by p.user_id, (i.platform = p.preferred_platform) desc nulls last,
               array_position(${PLATFORM_ORDER}, i.platform::text), i.id
   ), numbered as (
     select c.*, (row_number() over (partition by c.locale order by c.user_id) - 1) / $6::int as chunk
       from chosen c where c.multicast
   ), batches as (
     insert into fanout_batches (kind, subject_id, platform, locale, user_ids, external_ids, status, attempts, created_at)
     select ${kind}, $3::int, $5::text, n.locale, array_agg(n.user_id order by n.user_id),
            array_agg(n.external_id order by n.user_id), 'queued', 0, now()
       from numbered n group by n.locale, n.chunk
     returning id
   ), others as (
     select c.* from chosen c where c.multicast is not true
   ), singles as (
     insert into outbox (type, recipient_user_id, payload, dedupe_key, created_at)
     select ${kind}, o.user_id, ${k.payload}, ${lit(`${type}:`)} || $3::int || ':' || o.user_id, now()
       from others o ${subjectJoin(type, '$3::int')}
      where o.platform is not null
     on conflict (dedupe_key) do nothing
     returning id, recipient_user_id
   ), receipts as (
     -- A batch is its recipients' receipt (see fanout_recipients); everyone else's is written now.
     insert into fanout_receipts (kind, subject_id, user_id, platform, status, reason, outbox_id, updated_at)
     select ${kind}, $3::int, o.user_id, o.platform, case when o.platform is null then 'failed' else 'queued' end,
            case when o.platform is null then 'unreachable' end, s.id, now()
       from others o left join singles s on s.recipient_user_id = o.user_id
     on conflict do nothing
   ), advanced as (
     -- The cursor moves in the same statement, so a page is written exactly once: to the page's
     -- last recipient when it is full, else to the end of its range. The run is done once a range
     -- that was not full reached the last user.
     update fanout_runs r set
            cursor = case when s.n >= $4::int then s.last_user else least(b.hi, greatest(b.last_id, b.lo)) end,
            matched = r.matched + s.n,
            status = case when s.n < $4::int and b.hi >= b.last_id then 'done' else r.status end,
            finished_at = case when s.n < $4::int and b.hi >= b.last_id then now() end
       from stats s, bounds b
      where r.kind = ${kind} and r.subject_id = $3::int
     returning r.status
   )
   select (select n from stats)::int as n, (select count(*) from batches)::int as batches,
          (select status from advanced) as status`;
}

const PAGE_STATEMENTS = new Map<FanoutType, string>();
const pageSql = (type: FanoutType): string => {
  const known = PAGE_STATEMENTS.get(type);
  if (known) return known;
  const sql = pageStatement(type);
  PAGE_STATEMENTS.set(type, sql);
  return sql;
};

type FanoutStore = Pick<
  NotificationStore,
  'fanoutPage' | 'fanoutWaiting' | 'claimBatches' | 'fanoutBatch' | 'settleBatch'
>;

export function createFanoutStore(orm: MikroORM): FanoutStore {
  return {
    async fanoutPage({ pageSize, multicast }) {
      return orm.em.fork().transactional(async (em) => {
        // The oldest run no other relay holds, locked, with whether its cause still stands.
        const [run] = await em.execute<
          { kind: string; subject_id: number; cursor: number; matched: number; live: boolean }[]
        >(
          `select r.kind, r.subject_id, r.cursor, r.matched, ${liveSql('r.kind', 'r.subject_id')} as live
             from fanout_runs r
            where r.status = 'matching' order by r.created_at, r.kind, r.subject_id
            limit 1 for update of r skip locked`,
        );
        if (!run) return null;
        if (!isFanoutType(run.kind)) throw new Error(`unknown fan-out kind ${run.kind}`);
        const ref = { kind: run.kind, subjectId: run.subject_id };
        if (!run.live) {
          // The cause is gone (a job closed, cancelled or filled) before every page was matched: the rest get nothing.
          await em.execute(
            `update fanout_runs set status = 'cancelled', finished_at = now() where kind = ? and subject_id = ?`,
            [run.kind, run.subject_id],
          );
          return { ...ref, matched: 0, batches: 0, done: true };
        }
        // A fan-out's first page is one multicast's worth: it goes out while the next, full page is matched.
        const size = run.cursor === 0 && multicast ? Math.min(pageSize, multicast.size) : pageSize;
        const [page] = await queryNumbered<{ n: number; batches: number; status: string }>(
          em,
          pageSql(run.kind),
          [
            run.cursor,
            pageSpan(size, run.cursor, run.matched),
            run.subject_id,
            size,
            multicast?.platform ?? null,
            multicast?.size ?? 500,
          ],
        );
        return { ...ref, matched: page?.n ?? 0, batches: page?.batches ?? 0, done: page?.status === 'done' };
      });
    },
    async fanoutWaiting() {
      const [row] = await orm.em.fork().execute<{ waiting: boolean }[]>(
        `select exists (select 1 from fanout_runs where status = 'matching') or exists
             (select 1 from fanout_batches where status = 'queued' and queued_at is null) as waiting`,
      );
      return row?.waiting ?? false;
    },
    async claimBatches(limit) {
      const rows = await orm.em
        .fork()
        .execute<{ id: string; kind: string; subject_id: number; platform: string }[]>(
          `update fanout_batches set queued_at = now()
          where id in (select id from fanout_batches
                        where status = 'queued' and (queued_at is null or queued_at < now() - interval '15 seconds')
                        order by id limit ? for update skip locked)
          returning id, kind, subject_id, platform`,
          [limit],
        );
      return rows
        .filter((r) => isFanoutType(r.kind))
        .map((r) => ({
          id: Number(r.id),
          kind: r.kind as FanoutType,
          subjectId: r.subject_id,
          platform: r.platform as Platform,
        }))
        .sort((a, b) => a.id - b.id);
    },
    async fanoutBatch(id) {
      // The ids travel as one string: splitting it is far cheaper than parsing a 500-element array.
      const [r] = await orm.em.getConnection().execute<
        {
          id: string;
          kind: string;
          subject_id: number;
          platform: string;
          locale: string;
          ids: string;
          status: string;
          content: unknown;
        }[]
      >(
        `select b.id, b.kind, b.subject_id, b.platform, b.locale, array_to_string(b.external_ids, ' ') as ids,
                b.status, ${contentSql('b.kind', 'b.subject_id')} as content
           from fanout_batches b where b.id = ?`,
        [id],
      );
      if (!r || !isFanoutType(r.kind)) return null;
      return {
        id: Number(r.id),
        kind: r.kind,
        subjectId: r.subject_id,
        platform: r.platform as Platform,
        locale: isLocale(r.locale) ? r.locale : 'ja',
        externalIds: r.ids === '' ? [] : r.ids.split(' '),
        status: r.status as ReceiptStatus,
        content: r.content ?? null,
      };
    },
    async settleBatch(id, update) {
      // The batch is its recipients' receipt (see fanout_recipients): one row, however many recipients.
      await orm.em.getConnection().execute(
        `update fanout_batches set status = ?, reason = ?, attempts = attempts + 1,
                sent_at = case when ? = 'sent' then now() end
          where id = ? and status = 'queued'`,
        [update.status, update.reason ?? null, update.status, id],
      );
    },
  };
}

/** The audience port (src/domain/audience/ports.ts) inside a transaction. */
export function audienceTables(em: EntityManager): AudienceTables {
  return {
    async startFanout(type, subjectId) {
      // The run is worked through in pages outside this transaction (fanoutPage); committing it
      // with the change that caused it is what guarantees it happens.
      await em.execute(
        `insert into fanout_runs (kind, subject_id, created_at) values (?, ?, now()) on conflict do nothing`,
        [type, subjectId],
      );
      const [row] = await em.execute<{ n: number }[]>(
        `select count(*)::int as n from users u ${WITH_ALERT_PREFERENCES} ${subjectJoin(type, '?')}
          where ${fanoutKind(type).audience}`,
        [subjectId],
      );
      return row?.n ?? 0;
    },
    async userIds(audience) {
      const { where, params } = audienceSql(audience);
      const rows = await em.execute<{ id: number }[]>(
        `select u.id from users u where ${where} order by u.id`,
        params,
      );
      return rows.map((r) => r.id);
    },
  };
}
