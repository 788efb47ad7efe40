/** The desk's own tables (src/domain/support/desk-ports.ts) in plain SQL. */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { DeskTables, SlaAlertKey } from '../../src/domain/support/desk-ports.ts';
import type { InquiryStatus } from '../../src/domain/support/records.ts';
import type { SlaFacts } from '../../src/domain/support/sla.ts';
import { queryNumbered } from '../sql.ts';

interface FactRow {
  id: number;
  company_id: number;
  category_id: number;
  code: string;
  status: InquiryStatus;
  assignee_id: number | null;
  created_at: Date | string;
  first_response_at: Date | string | null;
  completed_at: Date | string | null;
  sla_first_response_minutes: number | null;
  sla_resolution_minutes: number | null;
}

const date = (v: Date | string) => new Date(v);

/** The columns `toFacts` reads, from inquiries `i` joined with their category `c`. */
export const SLA_FACT_COLUMNS = `i.id, i.company_id, i.category_id, c.code, i.status, i.assignee_id,
  i.created_at, i.first_response_at, i.completed_at, c.sla_first_response_minutes, c.sla_resolution_minutes`;

export function toFacts(r: FactRow): SlaFacts {
  return {
    inquiryId: Number(r.id),
    companyId: Number(r.company_id),
    categoryId: Number(r.category_id),
    categoryCode: r.code,
    status: r.status,
    assigneeId: r.assignee_id === null ? null : Number(r.assignee_id),
    createdAt: date(r.created_at),
    firstResponseAt: r.first_response_at === null ? null : date(r.first_response_at),
    completedAt: r.completed_at === null ? null : date(r.completed_at),
    targets: {
      first_response: r.sla_first_response_minutes,
      resolution: r.sla_resolution_minutes,
    },
  };
}

export function deskTables(em: EntityManager): DeskTables {
  return {
    async slaFacts({ inquiryIds, limit = 1000 }) {
      const rows = await queryNumbered<FactRow>(
        em,
        `select ${SLA_FACT_COLUMNS}
           from inquiries i join inquiry_categories c on c.id = i.category_id
          where ${inquiryIds ? 'i.id = any($2::int[])' : `i.status <> 'completed'`}
          order by i.id limit $1`,
        inquiryIds ? [limit, [...inquiryIds]] : [limit],
      );
      return rows.map(toFacts);
    },

    async recordSlaAlerts(alerts) {
      if (alerts.length === 0) return [];
      // A breach stands for its warning: recorded as said, so the desk is not warned after the fact.
      const skipped = alerts.filter((a) => a.kind === 'breach');
      if (skipped.length > 0) {
        await queryNumbered(
          em,
          `insert into desk_sla_alerts (inquiry_id, target, kind, posted_at)
           select unnest($1::int[]), unnest($2::text[]), 'warning', now()
           on conflict do nothing`,
          [skipped.map((a) => a.inquiryId), skipped.map((a) => a.target)],
        );
      }
      const rows = await queryNumbered<{ inquiry_id: number; target: string; kind: string }>(
        em,
        `insert into desk_sla_alerts (inquiry_id, target, kind)
         select unnest($1::int[]), unnest($2::text[]), unnest($3::text[])
         on conflict do nothing
         returning inquiry_id, target, kind`,
        [alerts.map((a) => a.inquiryId), alerts.map((a) => a.target), alerts.map((a) => a.kind)],
      );
      return rows.map(
        (r) => ({ inquiryId: Number(r.inquiry_id), target: r.target, kind: r.kind }) as SlaAlertKey,
      );
    },

    async startDuty(userId, since) {
      const rows = await queryNumbered<{ user_id: number }>(
        em,
        `insert into desk_duty (user_id, since) values ($1, $2) on conflict do nothing returning user_id`,
        [userId, since],
      );
      return rows.length === 1;
    },

    async endDuty(userId) {
      const rows = await queryNumbered<{ user_id: number }>(
        em,
        'delete from desk_duty where user_id = $1 returning user_id',
        [userId],
      );
      return rows.length === 1;
    },

    async onDuty(after) {
      const rows = await queryNumbered<{ user_id: number; since: Date | string }>(
        em,
        'select user_id, since from desk_duty where since > $1 order by user_id',
        [after],
      );
      return rows.map((r) => ({ userId: Number(r.user_id), since: date(r.since) }));
    },

    async onDutySupport(companyId, after) {
      const rows = await queryNumbered<{ user_id: number }>(
        em,
        `select distinct s.user_id from company_staff s join desk_duty d on d.user_id = s.user_id
          where s.company_id = $1 and s.role = 'support' and d.since > $2
          order by s.user_id`,
        [companyId, after],
      );
      return rows.map((r) => Number(r.user_id));
    },

    async lockRotation(companyId) {
      await queryNumbered(em, 'insert into desk_rotation (company_id) values ($1) on conflict do nothing', [
        companyId,
      ]);
      const rows = await queryNumbered<{ last_user_id: number | null }>(
        em,
        'select last_user_id from desk_rotation where company_id = $1 for update',
        [companyId],
      );
      const last = rows[0]?.last_user_id;
      return last === null || last === undefined ? null : Number(last);
    },

    async waitingForTurn(limit) {
      const rows = await queryNumbered<{ id: number; company_id: number }>(
        em,
        `select i.id, i.company_id from inquiries i join inquiry_categories c on c.id = i.category_id
          where i.status = 'received' and i.assignee_id is null and c.round_robin
          order by i.created_at, i.id limit $1
          for update of i skip locked`,
        [limit],
      );
      return rows.map((r) => ({ id: Number(r.id), companyId: Number(r.company_id) }));
    },

    async assignWaiting(inquiryId, userId) {
      const rows = await queryNumbered<{ id: number }>(
        em,
        'update inquiries set assignee_id = $2 where id = $1 and assignee_id is null returning id',
        [inquiryId, userId],
      );
      return rows.length === 1;
    },

    async setRotation(companyId, userId) {
      await queryNumbered(
        em,
        'update desk_rotation set last_user_id = $2, updated_at = now() where company_id = $1',
        [companyId, userId],
      );
    },
  };
}
