/**
 * SLA status of an inquiry (docs/domain.md §2.8): per category, a target for the first response and
 * one for resolution, both in business minutes of the desk calendar (§2.7). The first response is
 * the first staff message the customer receives (an internal `//` note is none); resolving an
 * inquiry nobody answered also ends that clock. Pure: the clock and the calendar are the caller's.
 */
import { addBusinessMinutes, businessMsBetween, type DeskCalendar } from './calendar.ts';
import type { InquiryCategoryRecord, InquiryRecord } from './records.ts';

export const SLA_TARGETS = ['first_response', 'resolution'] as const;
export type SlaTarget = (typeof SLA_TARGETS)[number];
/** A warning before a breach (80% of the target used), then the breach itself. */
export const SLA_ALERT_KINDS = ['warning', 'breach'] as const;
export type SlaAlertKind = (typeof SLA_ALERT_KINDS)[number];

/** The share of a target after which the desk is warned. */
export const SLA_WARNING_SHARE = 0.8;
/** Longest target staff may set: 30 business days of 24 hours, in minutes. */
export const MAX_SLA_MINUTES = 30 * 24 * 60;

/** What an inquiry's SLA status is computed from (one row of `tx.support.slaFacts`). */
export interface SlaFacts {
  inquiryId: number;
  companyId: number;
  categoryId: number;
  /** The category's code, e.g. `repair` (the breach metric's label). */
  categoryCode: string;
  status: InquiryRecord['status'];
  assigneeId: number | null;
  createdAt: Date;
  firstResponseAt: Date | null;
  completedAt: Date | null;
  targets: Record<SlaTarget, number | null>;
}

/**
 * One target's clock. `running` (under 80%), `warning` (80% or more used), `breached` (over, still
 * open); once stopped, `met` or `missed`.
 */
export type SlaState = 'running' | 'warning' | 'breached' | 'met' | 'missed';

export interface SlaClock {
  target: SlaTarget;
  /** The target, in business minutes. */
  minutes: number;
  /** Business minutes used until now, or until the clock stopped. */
  elapsedMinutes: number;
  /** Business minutes left (rounded up); negative: overdue by that much. */
  leftMinutes: number;
  /** When the target is reached, counting only open hours. */
  dueAt: Date;
  /** When the clock stopped (first response, or resolution); null while it runs. */
  stoppedAt: Date | null;
  state: SlaState;
}

export interface SlaStatus {
  inquiryId: number;
  /** Null when the category has no such target. */
  firstResponse: SlaClock | null;
  resolution: SlaClock | null;
}

/** The facts of an inquiry and its category, as `slaStatus` takes them. */
export function slaFactsOf(inquiry: InquiryRecord, category: InquiryCategoryRecord): SlaFacts {
  return {
    inquiryId: inquiry.id,
    companyId: inquiry.companyId,
    categoryId: category.id,
    categoryCode: category.code,
    status: inquiry.status,
    assigneeId: inquiry.assigneeId,
    createdAt: inquiry.createdAt,
    firstResponseAt: inquiry.firstResponseAt,
    completedAt: inquiry.completedAt,
    targets: {
      first_response: category.slaFirstResponseMinutes,
      resolution: category.slaResolutionMinutes,
    },
  };
}

function clockOf(
  target: SlaTarget,
  minutes: number | null,
  createdAt: Date,
  stoppedAt: Date | null,
  now: Date,
  cal: DeskCalendar,
): SlaClock | null {
  if (minutes === null) return null;
  const until = stoppedAt !== null && stoppedAt < now ? stoppedAt : now;
  const usedMs = businessMsBetween(cal, createdAt, until);
  const leftMs = minutes * 60_000 - usedMs;
  let state: SlaState;
  if (stoppedAt !== null) state = leftMs >= 0 ? 'met' : 'missed';
  else if (leftMs <= 0) state = 'breached';
  else state = usedMs >= minutes * 60_000 * SLA_WARNING_SHARE ? 'warning' : 'running';
  return {
    target,
    minutes,
    elapsedMinutes: Math.floor(usedMs / 60_000),
    leftMinutes: leftMs > 0 ? Math.ceil(leftMs / 60_000) : Math.floor(leftMs / 60_000),
    dueAt: addBusinessMinutes(cal, createdAt, minutes),
    stoppedAt,
    state,
  };
}

/**
 * When the first-response clock stopped: the first staff message the customer received, or the
 * completion of an inquiry nobody answered (the customer hears of it); null while it runs. The one
 * definition of the first response, for the SLA and for 対応レポート (docs/domain.md §2.8, §2.13).
 */
export function firstResponseOf(facts: Pick<SlaFacts, 'firstResponseAt' | 'completedAt'>): Date | null {
  return facts.firstResponseAt ?? facts.completedAt;
}

/** Both clocks of an inquiry at `now`. */
export function slaStatus(facts: SlaFacts, now: Date, cal: DeskCalendar): SlaStatus {
  const firstStop = firstResponseOf(facts);
  return {
    inquiryId: facts.inquiryId,
    firstResponse: clockOf(
      'first_response',
      facts.targets.first_response,
      facts.createdAt,
      firstStop,
      now,
      cal,
    ),
    resolution: clockOf('resolution', facts.targets.resolution, facts.createdAt, facts.completedAt, now, cal),
  };
}

/**
 * The alert an inquiry's status calls for now, per running target: a warning from 80%, a breach past
 * the target (a breach stands for the warning it may have skipped, e.g. after a stop of the workers).
 */
export function alertsDue(status: SlaStatus): { target: SlaTarget; kind: SlaAlertKind }[] {
  const due: { target: SlaTarget; kind: SlaAlertKind }[] = [];
  for (const clock of [status.firstResponse, status.resolution]) {
    if (clock?.state === 'warning') due.push({ target: clock.target, kind: 'warning' });
    if (clock?.state === 'breached') due.push({ target: clock.target, kind: 'breach' });
  }
  return due;
}
