/**
 * 支払期限 (docs/domain.md §1.9): which received work is close to the 60-day limit and not paid yet, so
 * staff can pay it in time. Two kinds of rows: an invoice item of an order (pending, confirmed or
 * disputed, no statement yet), and a delivery still waiting for review (the limit already runs: the
 * work was received). Each row says when the work was received, the last day it may be paid, and the
 * pay date it would get as things stand (the item's month closed as usual, today at the soonest; a
 * review approved today).
 */
import { UserError } from '../../errors.ts';
import { type Actor, requireStaff } from '../actor.ts';
import type { DomainContext } from '../context.ts';
import { businessMonth, payDateFor } from './pay-date.ts';
import { addDays, businessDate, daysBetween, payLimit } from './pay-limit.ts';
import type { InvoiceItemStatus } from './records.ts';

export interface PayDeadlineRow {
  applicationId: number;
  workerId: number;
  jobId: number;
  /** The invoice item, or null for a delivery waiting for review. */
  itemId: number | null;
  /** The item's description, or the job's title. */
  description: string;
  amountYen: number;
  status: InvoiceItemStatus | 'awaiting_review';
  /** The item's business month; null for a review. */
  month: string | null;
  receivedOn: string;
  payBy: string;
  /** Days from today to `payBy`; negative once it has passed. */
  daysLeft: number;
  /** The pay date it gets as things stand. */
  plannedPayDate: string;
  /** The planned pay date is after `payBy`: the month close will refuse it (docs/domain.md §1.9). */
  tooLate: boolean;
}

/** How far ahead staff may look, in days (the limit itself is 60). */
export const MAX_DEADLINE_DAYS = 60;
export const DEFAULT_DEADLINE_DAYS = 14;

export class PayDeadlineService {
  private readonly ctx: DomainContext;

  constructor(ctx: DomainContext) {
    this.ctx = ctx;
  }

  /**
   * [staff] Unpaid received work whose limit falls within `withinDays` (overdue included), and any whose
   * planned pay date is already too late; the soonest limit first.
   */
  list(actor: Actor, withinDays = DEFAULT_DEADLINE_DAYS): Promise<PayDeadlineRow[]> {
    return this.ctx.uow.read(async (tx) => {
      requireStaff(actor);
      if (!Number.isInteger(withinDays) || withinDays < 0 || withinDays > MAX_DEADLINE_DAYS)
        throw new UserError('compliance.deadlines.bad_days', { max: MAX_DEADLINE_DAYS });
      const tz = this.ctx.businessTimeZone;
      const now = this.ctx.clock();
      const today = businessDate(now, tz);
      const horizon = addDays(today, withinDays);
      const items = (
        await tx.work.invoiceItems.find(
          { statementId: null, status: ['pending', 'confirmed', 'disputed'] },
          { orderBy: { id: 'asc' } },
        )
      ).filter((i) => i.applicationId !== null);
      const reviews = await tx.work.applications.find({ status: 'delivered' }, { orderBy: { id: 'asc' } });
      const appIds = [...new Set([...items.map((i) => i.applicationId ?? 0), ...reviews.map((a) => a.id)])];
      const receipts = await tx.work.receipts(appIds);
      const apps = appIds.length === 0 ? [] : await tx.work.applications.find({ id: appIds });
      const jobIds = [...new Set(apps.map((a) => a.jobId))];
      const jobs = new Map(
        (jobIds.length === 0 ? [] : await tx.work.jobs.find({ id: jobIds })).map((j) => [j.id, j]),
      );
      const appById = new Map(apps.map((a) => [a.id, a]));
      const terms = appIds.length === 0 ? [] : await tx.work.orderTerms.find({ applicationId: appIds });
      const reward = new Map<number, number>();
      for (const t of [...terms].sort((a, b) => a.version - b.version))
        reward.set(t.applicationId, t.rewardYen);

      const rows: PayDeadlineRow[] = [];
      const push = (row: Omit<PayDeadlineRow, 'payBy' | 'daysLeft' | 'tooLate'>) => {
        const payBy = payLimit(row.receivedOn);
        const tooLate = row.plannedPayDate > payBy;
        if (payBy <= horizon || tooLate)
          rows.push({ ...row, payBy, daysLeft: daysBetween(today, payBy), tooLate });
      };
      for (const i of items) {
        const app = appById.get(i.applicationId ?? 0);
        const at = receipts.get(i.applicationId ?? 0);
        if (!app || !at) continue;
        push({
          applicationId: app.id,
          workerId: i.workerId,
          jobId: app.jobId,
          itemId: i.id,
          description: i.description,
          amountYen: i.amountYen,
          status: i.status,
          month: i.month,
          receivedOn: businessDate(at, tz),
          // A month whose pay date has passed unclosed is paid when it is closed: today at the soonest.
          plannedPayDate: [payDateFor(i.month), today].sort()[1] ?? today,
        });
      }
      const thisMonth = businessMonth(now, tz);
      for (const app of reviews) {
        const at = receipts.get(app.id);
        if (!at) continue;
        const job = jobs.get(app.jobId);
        push({
          applicationId: app.id,
          workerId: app.workerId,
          jobId: app.jobId,
          itemId: null,
          description: job ? `#${job.id} ${job.title}` : `#${app.jobId}`,
          amountYen: reward.get(app.id) ?? job?.rewardYen ?? 0,
          status: 'awaiting_review',
          month: null,
          receivedOn: businessDate(at, tz),
          plannedPayDate: payDateFor(thisMonth),
        });
      }
      return rows.sort((a, b) => a.payBy.localeCompare(b.payBy) || a.applicationId - b.applicationId);
    });
  }
}
