/** Work portal tables and queries (src/domain/work/ports.ts). */
import type { EntityManager } from '@mikro-orm/postgresql';
import { noticeReachesSql } from '../../src/domain/audience/sql.ts';
import { COUNT_LIMIT, type SearchPage } from '../../src/domain/table.ts';
import type { JobSearch, WorkTables } from '../../src/domain/work/ports.ts';
import {
  type JobRecord,
  type NoticeKind,
  type NoticeRecord,
  SEAT_HOLDING_STATUSES,
} from '../../src/domain/work/records.ts';
import {
  AlertPreference,
  Application,
  ApplicationFile,
  BankAccount,
  Delivery,
  InvoiceItem,
  JobNotice,
  Notice,
  NoticeRead,
  OrderTerms,
  PaymentStatement,
  Question,
} from '../entities/index.ts';
import { asRecord, inOrder, likeEscape, pgIntArray, pgTextArray } from '../sql.ts';
import { mikroTable } from '../table.ts';

/** A notice `n` reaches the user (binds: user id, roles as a text array): the audience rule's SQL. */
const NOTICE_VISIBLE = noticeReachesSql('?', '?::text[]');

export function workTables(em: EntityManager): WorkTables {
  const notices = mikroTable<NoticeRecord, never>(em, Notice);

  return {
    jobs: mikroTable(em, JobNotice),
    applications: mikroTable(em, Application),
    applicationFiles: mikroTable(em, ApplicationFile),
    questions: mikroTable(em, Question),
    deliveries: mikroTable(em, Delivery),
    invoiceItems: mikroTable(em, InvoiceItem),
    statements: mikroTable(em, PaymentStatement),
    bankAccounts: mikroTable(em, BankAccount),
    notices: mikroTable(em, Notice),
    noticeReads: mikroTable(em, NoticeRead),
    alertPreferences: mikroTable(em, AlertPreference),
    orderTerms: mikroTable(em, OrderTerms),

    async searchOpenJobs(filter: JobSearch, page): Promise<SearchPage<JobRecord>> {
      // Matches the partial indexes of migration "search": the open-jobs order index, GIN on
      // skills (`@>`) and the trigram index on title || ' ' || description (`ilike`).
      const where = [`status = 'open'`];
      const params: unknown[] = [];
      if (filter.keyword) {
        where.push(`(title || ' ' || description) ilike ?`);
        params.push(`%${likeEscape(filter.keyword)}%`);
      }
      if (filter.skill) {
        where.push(`skills @> ?::text[]`);
        params.push(pgTextArray([filter.skill]));
      }
      if (filter.prefecture) {
        where.push(`prefecture = ?`);
        params.push(filter.prefecture);
      }
      if (filter.minRewardYen !== undefined) {
        where.push(`reward_yen >= ?`);
        params.push(filter.minRewardYen);
      }
      const sql = where.join(' and ');
      // The page walks the open-jobs order index and stops at LIMIT (one extra row tells whether
      // more follow). A keyword search stops there: counting every match of a common word reads
      // as many rows as the search itself, so its total is "at least". Other totals are counted,
      // up to COUNT_LIMIT, from the open-jobs indexes.
      const rows = await em.execute<Record<string, unknown>[]>(
        `select * from job_notices where ${sql} order by deadline asc nulls last, id desc limit ? offset ?`,
        [...params, page.limit + 1, page.offset],
      );
      const more = rows.length > page.limit;
      const items = rows.slice(0, page.limit).map((r) => asRecord<JobRecord>(em, JobNotice, r));
      const pastTheEnd = items.length === 0 && page.offset > 0;
      if (!more && !pastTheEnd) return { items, total: page.offset + items.length, totalIsAtLeast: false };
      if (more && filter.keyword)
        return { items, total: page.offset + items.length + 1, totalIsAtLeast: true };
      const cap = Math.max(COUNT_LIMIT, page.offset + page.limit);
      const [count] = await em.execute<{ n: string }[]>(
        `select count(*) as n from (select 1 from job_notices where ${sql} limit ?) m`,
        [...params, cap + 1],
      );
      const n = Number(count?.n ?? 0);
      return { items, total: Math.min(n, cap), totalIsAtLeast: n > cap };
    },

    async receipts(applicationIds) {
      if (applicationIds.length === 0) return new Map();
      const rows = await em.execute<{ application_id: number; created_at: Date }[]>(
        `select distinct on (application_id) application_id, created_at from deliveries
          where application_id = any(?::int[]) and review_status <> 'revision_requested'
          order by application_id, (review_status = 'approved') desc, id desc`,
        [pgIntArray(applicationIds)],
      );
      return new Map(rows.map((r) => [r.application_id, new Date(r.created_at)]));
    },

    async countSeatsTaken(jobId) {
      return em.count(Application, { jobId, status: { $in: [...SEAT_HOLDING_STATUSES] } });
    },

    async noticesFor(userId, roles, page, kinds) {
      const rows = await em.execute<{ id: number; read: boolean; total: string }[]>(
        `select n.id, (r.id is not null) as read, count(*) over () as total
           from notices n left join notice_reads r on r.notice_id = n.id and r.user_id = ?
          where (${NOTICE_VISIBLE})
            and (?::text[] is null or n.kind = any(?::text[]))
          order by n.created_at desc, n.id desc limit ? offset ?`,
        [
          userId,
          userId,
          pgTextArray(roles),
          kinds ? pgTextArray(kinds) : null,
          kinds ? pgTextArray(kinds) : null,
          page.limit,
          page.offset,
        ],
      );
      const read = new Map(rows.map((r) => [r.id, r.read]));
      const items = await inOrder(
        notices,
        rows.map((r) => r.id),
      );
      return {
        items: items.map((n) => ({ ...n, read: read.get(n.id) ?? false })),
        total: Number(rows[0]?.total ?? 0),
      };
    },

    async noticeCounts(userId, roles) {
      const rows = await em.execute<{ kind: NoticeKind; total: number; unread: number }[]>(
        `select n.kind, count(*)::int as total, count(*) filter (where r.id is null)::int as unread
           from notices n left join notice_reads r on r.notice_id = n.id and r.user_id = ?
          where ${NOTICE_VISIBLE}
          group by n.kind`,
        [userId, userId, pgTextArray(roles)],
      );
      return rows;
    },
  };
}
