/**
 * The figures of 対応レポート (src/domain/support/desk-report.ts, docs/domain.md §2.13) in one statement:
 * the inquiries opened in the range, each with its first staff message (the first response: a
 * message by staff or an admin, not by the customer who opened it), completion and rating, summed up
 * for the whole range, per category and per assignee with `grouping sets`. Percentiles are
 * `percentile_cont` over the inquiries that have the time measured (nulls are left out).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { DeskFigures, DeskReportRows } from '../src/domain/support/desk-report.ts';

interface Row {
  by_category: number;
  by_assignee: number;
  category_id: number | null;
  assignee_id: number | null;
  inquiries: string;
  answered: string;
  fr_median: number | null;
  fr_p90: number | null;
  completed: string;
  res_median: number | null;
  ratings: string;
  csat_avg: string | number | null;
}

const SQL = `
with base as (
  select i.id, i.category_id, i.assignee_id, i.created_at, i.completed_at, r.score,
         (select min(m.created_at) from inquiry_messages m join users u on u.id = m.author_id
           where m.inquiry_id = i.id and m.author_id <> i.created_by
             and u.roles && array['staff', 'admin']::text[]) as first_response_at
    from inquiries i left join inquiry_ratings r on r.inquiry_id = i.id
   where i.created_at >= ? and i.created_at < ?
)
select grouping(category_id) = 0 as by_category, grouping(assignee_id) = 0 as by_assignee,
       category_id, assignee_id,
       count(*) as inquiries,
       count(first_response_at) as answered,
       percentile_cont(0.5) within group (order by extract(epoch from first_response_at - created_at)) as fr_median,
       percentile_cont(0.9) within group (order by extract(epoch from first_response_at - created_at)) as fr_p90,
       count(completed_at) as completed,
       percentile_cont(0.5) within group (order by extract(epoch from completed_at - created_at)) as res_median,
       count(score) as ratings,
       avg(score) as csat_avg
  from base
 group by grouping sets ((), (category_id), (assignee_id))`;

const num = (v: string | number | null) => (v === null ? null : Number(v));

function figures(r: Row): DeskFigures {
  return {
    inquiries: Number(r.inquiries),
    answered: Number(r.answered),
    firstResponseMedian: num(r.fr_median),
    firstResponseP90: num(r.fr_p90),
    completed: Number(r.completed),
    resolutionMedian: num(r.res_median),
    ratings: Number(r.ratings),
    csatAverage: num(r.csat_avg),
  };
}

const EMPTY: DeskFigures = {
  inquiries: 0,
  answered: 0,
  firstResponseMedian: null,
  firstResponseP90: null,
  completed: 0,
  resolutionMedian: null,
  ratings: 0,
  csatAverage: null,
};

export async function deskReportRows(
  em: EntityManager,
  range: { from: Date; before: Date },
): Promise<DeskReportRows> {
  const rows = await em.execute<Row[]>(SQL, [range.from, range.before]);
  const total = rows.find((r) => !r.by_category && !r.by_assignee);
  return {
    total: total ? figures(total) : EMPTY,
    byCategory: rows
      .filter((r) => r.by_category)
      .map((r) => ({ ...figures(r), categoryId: Number(r.category_id) })),
    byAssignee: rows
      .filter((r) => r.by_assignee)
      .map((r) => ({ ...figures(r), assigneeId: r.assignee_id === null ? null : Number(r.assignee_id) })),
  };
}
