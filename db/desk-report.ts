/**
 * The inquiries of 対応レポート (src/domain/support/desk-report.ts, docs/domain.md §2.13) in one
 * statement: those opened in the range, each with its SLA facts (the columns the SLA clocks read,
 * repositories/support-desk.ts: `first_response_at` is the first response, §2.8) and its rating.
 * The report sums them up in TypeScript, where the desk calendar is.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { DeskReportInquiry } from '../src/domain/support/desk-report.ts';
import { SLA_FACT_COLUMNS, toFacts } from './repositories/support-desk.ts';
import { queryNumbered } from './sql.ts';

type Row = Parameters<typeof toFacts>[0] & { score: number | string | null };

const SQL = `
select ${SLA_FACT_COLUMNS}, r.score
  from inquiries i join inquiry_categories c on c.id = i.category_id
  left join inquiry_ratings r on r.inquiry_id = i.id
 where i.created_at >= $1 and i.created_at < $2
 order by i.id`;

export async function deskReportInquiries(
  em: EntityManager,
  range: { from: Date; before: Date },
): Promise<DeskReportInquiry[]> {
  const rows = await queryNumbered<Row>(em, SQL, [range.from, range.before]);
  return rows.map((r) => ({ ...toFacts(r), score: r.score === null ? null : Number(r.score) }));
}
