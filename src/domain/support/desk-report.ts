/**
 * 対応レポート (docs/domain.md §2.13): how the desk did for the inquiries opened in a period, per
 * category and per staff member (the inquiry's assignee): how many, the first response time (median
 * and 90th percentile), the resolution time (median), the 満足度 (average and count) and the SLA hits
 * (§2.8). One statement reads the period's inquiries with their SLA facts and rating; the figures
 * are summed up here, because SLA hits are counted in business minutes of the desk calendar
 * (§2.7: DESK_HOURS, national holidays, closed days), which the database does not know.
 */
import { UserError } from '../../errors.ts';
import { type Actor, requireStaff } from '../actor.ts';
import type { DomainContext } from '../context.ts';
import { type DeskCalendar, deskOf } from './calendar.ts';
import { type Period, periodInstants } from './input.ts';
import { firstResponseOf, type SlaClock, type SlaFacts, type SlaStatus, slaStatus } from './sla.ts';

/** One inquiry of the period, as the store reads it: its SLA facts and its rating (null: none). */
export interface DeskReportInquiry extends SlaFacts {
  score: number | null;
}

/**
 * One SLA target over a group of inquiries (docs/domain.md §2.8): hits (stopped within the target),
 * misses (stopped late, or still running past it), pending (still running within it: neither yet)
 * and not applicable (the category has no such target).
 */
export interface SlaTally {
  hits: number;
  misses: number;
  pending: number;
  notApplicable: number;
}

export interface DeskSlaFigures {
  firstResponse: SlaTally;
  resolution: SlaTally;
}

/** The figures of one group of inquiries. */
export interface DeskFigures {
  inquiries: number;
  /** Inquiries with a first response (sla.ts `firstResponseOf`); the response times are over these. */
  answered: number;
  /** Seconds from opening to the first response (wall clock). */
  firstResponseMedian: number | null;
  firstResponseP90: number | null;
  completed: number;
  /** Seconds from opening to completion, over the completed ones (wall clock). */
  resolutionMedian: number | null;
  ratings: number;
  csatAverage: number | null;
  sla: DeskSlaFigures;
}

export interface DeskReportRow extends DeskFigures {
  /** The category's names, or the staff member's display name (null: not assigned). */
  label: { ja: string; en: string } | null;
}

export interface DeskReport {
  /** Business dates, both inclusive. */
  from: string;
  to: string;
  /** When the SLA clocks still running were judged (the report's now). */
  asOf: Date;
  total: DeskReportRow;
  byCategory: DeskReportRow[];
  byStaff: DeskReportRow[];
}

/** `percentile_cont`: linear interpolation between the closest ranks; null over nothing. */
function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = p * (sorted.length - 1);
  const lo = sorted[Math.floor(at)] as number;
  const hi = sorted[Math.ceil(at)] as number;
  return lo + (hi - lo) * (at - Math.floor(at));
}

const noTally = (): SlaTally => ({ hits: 0, misses: 0, pending: 0, notApplicable: 0 });

function count(tally: SlaTally, clock: SlaClock | null): void {
  if (clock === null) tally.notApplicable++;
  else if (clock.state === 'met') tally.hits++;
  else if (clock.state === 'missed' || clock.state === 'breached') tally.misses++;
  else tally.pending++;
}

/** What one inquiry adds to its groups, worked out once. */
interface Measured {
  firstResponse: number | null;
  resolution: number | null;
  score: number | null;
  clocks: SlaStatus;
}

function sumUp(items: readonly Measured[]): DeskFigures {
  const known = (v: number | null): v is number => v !== null;
  const first = items.map((m) => m.firstResponse).filter(known);
  const resolution = items.map((m) => m.resolution).filter(known);
  const scores = items.map((m) => m.score).filter(known);
  const sla = { firstResponse: noTally(), resolution: noTally() };
  for (const m of items) {
    count(sla.firstResponse, m.clocks.firstResponse);
    count(sla.resolution, m.clocks.resolution);
  }
  return {
    inquiries: items.length,
    answered: first.length,
    firstResponseMedian: percentile(first, 0.5),
    firstResponseP90: percentile(first, 0.9),
    completed: resolution.length,
    resolutionMedian: percentile(resolution, 0.5),
    ratings: scores.length,
    csatAverage: scores.length === 0 ? null : scores.reduce((a, b) => a + b, 0) / scores.length,
    sla,
  };
}

function groupBy<K>(
  rows: readonly DeskReportInquiry[],
  measured: readonly Measured[],
  key: (r: DeskReportInquiry) => K,
) {
  const groups = new Map<K, Measured[]>();
  rows.forEach((r, i) => {
    const k = key(r);
    const items = groups.get(k) ?? [];
    items.push(measured[i] as Measured);
    groups.set(k, items);
  });
  return [...groups].map(([k, items]) => ({ key: k, figures: sumUp(items) }));
}

/**
 * The period's figures at `now`: the whole period, per category and per assignee (null: nobody).
 * Durations are wall-clock seconds; SLA hits are judged as the desk's SLA clocks judge them (§2.8),
 * in business time of `cal`.
 */
function deskFigures(rows: readonly DeskReportInquiry[], now: Date, cal: DeskCalendar) {
  const secondsFrom = (from: Date, to: Date | null) =>
    to === null ? null : (to.getTime() - from.getTime()) / 1000;
  const measured = rows.map((r) => ({
    firstResponse: secondsFrom(r.createdAt, firstResponseOf(r)),
    resolution: secondsFrom(r.createdAt, r.completedAt),
    score: r.score,
    clocks: slaStatus(r, now, cal),
  }));
  return {
    total: sumUp(measured),
    byCategory: groupBy(rows, measured, (r) => r.categoryId),
    byAssignee: groupBy(rows, measured, (r) => r.assigneeId),
  };
}

export class DeskReportService {
  private readonly ctx: DomainContext;

  constructor(ctx: DomainContext) {
    this.ctx = ctx;
  }

  /** The report for inquiries opened from `from` to `to` (business dates, both inclusive), as of now. */
  report(actor: Actor | null, period: Required<Period>): Promise<DeskReport> {
    return this.ctx.uow.read(async (tx) => {
      // null: the operator on the command line.
      if (actor) requireStaff(actor);
      const { createdFrom, createdBefore } = periodInstants(period, this.ctx.businessTimeZone);
      if (!createdFrom || !createdBefore) throw new UserError('support.period_invalid');
      const asOf = this.ctx.clock();
      const inquiries = await tx.support.deskReport({ from: createdFrom, before: createdBefore });
      const figures = deskFigures(inquiries, asOf, deskOf(this.ctx).calendar);
      const categories = await tx.support.categories.find({}, { orderBy: { sort: 'asc' } });
      const staffIds = figures.byAssignee.flatMap((g) => (g.key === null ? [] : [g.key]));
      const staff = staffIds.length === 0 ? [] : await tx.users.find({ id: staffIds });
      const order = new Map(categories.map((c, i) => [c.id, i]));
      const byCategory = [...figures.byCategory]
        .sort((a, b) => (order.get(a.key) ?? 0) - (order.get(b.key) ?? 0))
        .map((g) => {
          const c = categories.find((x) => x.id === g.key);
          return { ...g.figures, label: c ? { ja: c.nameJa, en: c.nameEn } : null };
        });
      const byStaff = figures.byAssignee
        .map((g) => {
          const name = staff.find((u) => u.id === g.key)?.displayName;
          return { ...g.figures, label: name === undefined ? null : { ja: name, en: name } };
        })
        // By name, the unassigned last.
        .sort((a, b) =>
          a.label === null ? 1 : b.label === null ? -1 : a.label.ja.localeCompare(b.label.ja),
        );
      return {
        from: ymd(period.from),
        to: ymd(period.to),
        asOf,
        total: { ...figures.total, label: null },
        byCategory,
        byStaff,
      };
    });
  }
}

/** A date as typed and already checked (`２０２６/１１/１`) as `2026-11-01`. */
function ymd(typed: string): string {
  const [y = '', m = '', d = ''] = typed.normalize('NFKC').trim().split(/[-/]/);
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}
