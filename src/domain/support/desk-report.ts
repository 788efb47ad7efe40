/**
 * 対応レポート (docs/domain.md §2.13): how the desk did for the inquiries opened in a period, per
 * category and per staff member (the inquiry's assignee): how many, the first response time (median
 * and 90th percentile), the resolution time (median) and the 満足度 (average and count). Figures are
 * computed in the database over every inquiry of the period, in one statement.
 */
import { UserError } from '../../errors.ts';
import { type Actor, requireStaff } from '../actor.ts';
import type { DomainContext } from '../context.ts';
import { type Period, periodInstants } from './input.ts';

/** The figures of one group of inquiries, as the database sums them up. */
export interface DeskFigures {
  inquiries: number;
  /** Inquiries with a first staff message; the response times are over these. */
  answered: number;
  /** Seconds from opening to the first message by staff. */
  firstResponseMedian: number | null;
  firstResponseP90: number | null;
  completed: number;
  /** Seconds from opening to completion, over the completed ones. */
  resolutionMedian: number | null;
  ratings: number;
  csatAverage: number | null;
}

/** What the database returns: the whole period, and per category and per assignee (null: nobody). */
export interface DeskReportRows {
  total: DeskFigures;
  byCategory: (DeskFigures & { categoryId: number })[];
  byAssignee: (DeskFigures & { assigneeId: number | null })[];
}

export interface DeskReportRow extends DeskFigures {
  /** The category's names, or the staff member's display name (null: not assigned). */
  label: { ja: string; en: string } | null;
  /**
   * SLA hits (応答期限・解決期限の達成): not measured here yet. The SLA timers are another module;
   * once they are merged this is filled from them. Until then it stays null and is shown as such,
   * never estimated.
   */
  sla: null;
}

export interface DeskReport {
  /** Business dates, both inclusive. */
  from: string;
  to: string;
  total: DeskReportRow;
  byCategory: DeskReportRow[];
  byStaff: DeskReportRow[];
}

export class DeskReportService {
  private readonly ctx: DomainContext;

  constructor(ctx: DomainContext) {
    this.ctx = ctx;
  }

  /** The report for inquiries opened from `from` to `to` (business dates, both inclusive). */
  report(actor: Actor | null, period: Required<Period>): Promise<DeskReport> {
    return this.ctx.uow.read(async (tx) => {
      // null: the operator on the command line.
      if (actor) requireStaff(actor);
      const { createdFrom, createdBefore } = periodInstants(period, this.ctx.businessTimeZone);
      if (!createdFrom || !createdBefore) throw new UserError('support.period_invalid');
      const rows = await tx.support.deskReport({ from: createdFrom, before: createdBefore });
      const categories = await tx.support.categories.find({}, { orderBy: { sort: 'asc' } });
      const staffIds = rows.byAssignee.flatMap((r) => (r.assigneeId === null ? [] : [r.assigneeId]));
      const staff = staffIds.length === 0 ? [] : await tx.users.find({ id: staffIds });
      const order = new Map(categories.map((c, i) => [c.id, i]));
      const byCategory = [...rows.byCategory]
        .sort((a, b) => (order.get(a.categoryId) ?? 0) - (order.get(b.categoryId) ?? 0))
        .map((r) => {
          const c = categories.find((x) => x.id === r.categoryId);
          return { ...figures(r), label: c ? { ja: c.nameJa, en: c.nameEn } : null, sla: null };
        });
      const byStaff = rows.byAssignee
        .map((r) => {
          const name = staff.find((u) => u.id === r.assigneeId)?.displayName;
          return { ...figures(r), label: name === undefined ? null : { ja: name, en: name }, sla: null };
        })
        // By name, the unassigned last.
        .sort((a, b) =>
          a.label === null ? 1 : b.label === null ? -1 : a.label.ja.localeCompare(b.label.ja),
        );
      return {
        from: ymd(period.from),
        to: ymd(period.to),
        total: { ...figures(rows.total), label: null, sla: null },
        byCategory,
        byStaff,
      };
    });
  }
}

function figures(r: DeskFigures): DeskFigures {
  return {
    inquiries: r.inquiries,
    answered: r.answered,
    firstResponseMedian: r.firstResponseMedian,
    firstResponseP90: r.firstResponseP90,
    completed: r.completed,
    resolutionMedian: r.resolutionMedian,
    ratings: r.ratings,
    csatAverage: r.csatAverage,
  };
}

/** A date as typed and already checked (`２０２６/１１/１`) as `2026-11-01`. */
function ymd(typed: string): string {
  const [y = '', m = '', d = ''] = typed.normalize('NFKC').trim().split(/[-/]/);
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}
