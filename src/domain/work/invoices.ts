/**
 * 入力請求書 (docs/domain.md §1.8): staff record what a worker is owed for a business month; the worker
 * confirms each item or disputes it with a comment; staff correct a disputed item, which goes back to
 * the worker. Item states:
 *   pending → confirmed | disputed;  disputed → pending (corrected);  confirmed → paid (month close).
 * A month that already has the worker's payment statement is closed: its items are read-only.
 */
import { UserError } from '../../errors.ts';
import { type Actor, isStaff, requireStaff } from '../actor.ts';
import type { DomainContext } from '../context.ts';
import type { InvoiceItemPayload } from '../shared.ts';
import type { Tx } from '../tx.ts';
import { issueTerms } from './order-terms.ts';
import { businessMonth, parseBusinessMonth } from './pay-date.ts';
import type { InvoiceItemRecord, InvoiceItemStatus } from './records.ts';

/** The largest single item, well inside the integer column even when a month sums many items. */
export const MAX_ITEM_YEN = 10_000_000;
export const MAX_DESCRIPTION_LENGTH = 500;
export const MAX_DISPUTE_COMMENT_LENGTH = 1000;

export interface AddInvoiceItemInput {
  workerId: number;
  amountYen: number;
  description: string;
  /** Business month `YYYY-MM` (or as typed, e.g. `2026年12月`); defaults to the current one. */
  month?: string;
  /** The approved application the amount pays for, if any; it must be the worker's. */
  applicationId?: number | null;
}

export interface CorrectInvoiceItemInput {
  amountYen: number;
  description?: string;
  /**
   * Moves the item to another month; needed when the item's own month was closed while it was
   * disputed (a month has one statement per worker, so it can no longer be paid there).
   */
  month?: string;
  /** Why it was corrected; the worker reads it with the new amount. */
  reason?: string;
}

export interface InvoiceItemQuery {
  /** Defaults to the current business month. */
  month?: string;
  /** Staff only (any worker, or every worker when omitted); a worker always sees their own. */
  workerId?: number;
}

function checkAmount(amountYen: number): void {
  if (!Number.isSafeInteger(amountYen) || amountYen < 1 || amountYen > MAX_ITEM_YEN) {
    throw new UserError('money.invoice.bad_amount', { max: MAX_ITEM_YEN.toLocaleString('en-US') });
  }
}

export function cleanDescription(description: string): string {
  const d = description.normalize('NFKC').trim();
  if (d === '' || d.length > MAX_DESCRIPTION_LENGTH) {
    throw new UserError('money.invoice.description_required', { max: MAX_DESCRIPTION_LENGTH });
  }
  return d;
}

const wrongState = (status: InvoiceItemStatus) =>
  new UserError('money.invoice.wrong_state', { status: `@money.invoice.status.${status}` });

const itemNotFound = () => new UserError('not_found', { thing: '@money.thing.invoice_item' });

/** Whether the worker's `month` is closed, i.e. already has its payment statement. */
export async function isMonthClosed(tx: Tx, workerId: number, month: string): Promise<boolean> {
  return (await tx.work.statements.count({ workerId, month })) > 0;
}

export class InvoiceService {
  private readonly ctx: DomainContext;

  constructor(ctx: DomainContext) {
    this.ctx = ctx;
  }

  /** [staff] Records a payable item for a worker; the worker is asked to confirm it. */
  addItem(actor: Actor, input: AddInvoiceItemInput): Promise<InvoiceItemRecord> {
    return this.ctx.uow.run(async (tx) => {
      requireStaff(actor);
      checkAmount(input.amountYen);
      const description = cleanDescription(input.description);
      const month =
        input.month === undefined
          ? businessMonth(this.ctx.clock(), this.ctx.businessTimeZone)
          : parseBusinessMonth(input.month);
      const worker = await tx.users.get(input.workerId);
      if (!worker) throw new UserError('not_found', { thing: '@money.thing.worker' });
      if (!worker.roles.includes('worker')) throw new UserError('money.invoice.not_a_worker');
      const applicationId = input.applicationId ?? null;
      if (applicationId !== null) {
        const app = await tx.work.applications.get(applicationId);
        if (!app) throw new UserError('not_found', { thing: '@money.thing.application' });
        if (app.workerId !== worker.id) throw new UserError('money.invoice.application_of_other_worker');
        if (app.status !== 'approved') throw new UserError('money.invoice.application_not_approved');
      }
      if (await isMonthClosed(tx, worker.id, month))
        throw new UserError('money.invoice.month_closed', { month });
      const { id } = await tx.work.invoiceItems.insert({
        workerId: worker.id,
        month,
        amountYen: input.amountYen,
        description,
        applicationId,
        createdBy: actor.userId,
      });
      // Read back: the record `insert` returns leaves out the columns it did not set (dispute, statement).
      const item = await tx.work.invoiceItems.get(id);
      if (!item) throw itemNotFound();
      await tx.audit({
        actorUserId: actor.userId,
        action: 'invoice.item_added',
        subjectType: 'invoice_item',
        subjectId: item.id,
        data: { workerId: item.workerId, month, amountYen: item.amountYen, applicationId },
      });
      await tx.notify({
        type: 'invoice.item_added',
        recipientUserId: item.workerId,
        payload: itemPayload(item),
        dedupeKey: `invoice.item_added:${item.id}`,
      });
      return item;
    });
  }

  /** A month's items, oldest first: a worker's own, or (staff) one worker's or everyone's. */
  listItems(actor: Actor, query: InvoiceItemQuery = {}): Promise<InvoiceItemRecord[]> {
    return this.ctx.uow.read(async (tx) => {
      const month =
        query.month === undefined
          ? businessMonth(this.ctx.clock(), this.ctx.businessTimeZone)
          : parseBusinessMonth(query.month);
      if (isStaff(actor)) {
        return tx.work.invoiceItems.find(
          query.workerId === undefined ? { month } : { month, workerId: query.workerId },
          { orderBy: { workerId: 'asc', id: 'asc' } },
        );
      }
      if (query.workerId !== undefined && query.workerId !== actor.userId) throw new UserError('forbidden');
      return tx.work.invoiceItems.find({ month, workerId: actor.userId }, { orderBy: { id: 'asc' } });
    });
  }

  /** One item, for its worker or staff; anyone else's item reads as not found. */
  getItem(actor: Actor, itemId: number): Promise<InvoiceItemRecord> {
    return this.ctx.uow.read((tx) => this.visibleItem(tx, actor, itemId, false));
  }

  /** [the item's worker] pending → confirmed. */
  confirm(actor: Actor, itemId: number): Promise<InvoiceItemRecord> {
    return this.ctx.uow.run(async (tx) => {
      const item = await this.ownOpenItem(tx, actor, itemId);
      if (item.status !== 'pending') throw wrongState(item.status);
      const updated = await tx.work.invoiceItems.update(item.id, { status: 'confirmed' });
      await tx.audit({
        actorUserId: actor.userId,
        action: 'invoice.item_confirmed',
        subjectType: 'invoice_item',
        subjectId: item.id,
        data: { month: item.month, amountYen: item.amountYen },
      });
      return updated;
    });
  }

  /** [the item's worker] pending → disputed, with a comment; the staff member who added it is told. */
  dispute(actor: Actor, itemId: number, comment: string): Promise<InvoiceItemRecord> {
    return this.ctx.uow.run(async (tx) => {
      const item = await this.ownOpenItem(tx, actor, itemId);
      if (item.status !== 'pending') throw wrongState(item.status);
      const text = comment.normalize('NFKC').trim();
      if (text === '' || text.length > MAX_DISPUTE_COMMENT_LENGTH) {
        throw new UserError('money.invoice.comment_required', { max: MAX_DISPUTE_COMMENT_LENGTH });
      }
      const updated = await tx.work.invoiceItems.update(item.id, {
        status: 'disputed',
        disputeComment: text,
      });
      await tx.audit({
        actorUserId: actor.userId,
        action: 'invoice.item_disputed',
        subjectType: 'invoice_item',
        subjectId: item.id,
        data: { month: item.month, amountYen: item.amountYen, comment: text },
      });
      // An item whose creator's account is gone has no one to tell; staff still see it as disputed
      // in the list and in the month-close report.
      if (item.createdBy !== null) {
        await tx.notify({
          type: 'invoice.item_disputed',
          recipientUserId: item.createdBy,
          payload: { ...itemPayload(updated), comment: text },
          dedupeKey: `invoice.item_disputed:${item.id}:${this.ctx.clock().getTime()}`,
        });
      }
      return updated;
    });
  }

  /**
   * [staff] Corrects a pending or disputed item (amount, and optionally description and month); it goes
   * back to pending and the worker is asked to confirm again.
   */
  correct(actor: Actor, itemId: number, input: CorrectInvoiceItemInput): Promise<InvoiceItemRecord> {
    return this.ctx.uow.run(async (tx) => {
      requireStaff(actor);
      const item = await tx.work.invoiceItems.lock(itemId);
      if (!item) throw itemNotFound();
      if (item.status !== 'pending' && item.status !== 'disputed') throw wrongState(item.status);
      checkAmount(input.amountYen);
      const description =
        input.description === undefined ? item.description : cleanDescription(input.description);
      const month = input.month === undefined ? item.month : parseBusinessMonth(input.month);
      if (await isMonthClosed(tx, item.workerId, month))
        throw new UserError('money.invoice.month_closed', { month });
      // The reward of an order changes: its terms get a new version, which the worker reads with the reason.
      const reason = input.reason?.trim() ?? '';
      const app = item.applicationId === null ? null : await tx.work.applications.get(item.applicationId);
      const job = app ? await tx.work.jobs.get(app.jobId) : null;
      const newTerms = app !== null && job !== null && input.amountYen !== item.amountYen;
      if (newTerms && reason === '') throw new UserError('money.invoice.reason_required');
      const updated = await tx.work.invoiceItems.update(item.id, {
        amountYen: input.amountYen,
        description,
        month,
        status: 'pending',
        disputeComment: null,
      });
      await tx.audit({
        actorUserId: actor.userId,
        action: 'invoice.item_corrected',
        subjectType: 'invoice_item',
        subjectId: item.id,
        data: {
          from: {
            status: item.status,
            amountYen: item.amountYen,
            month: item.month,
            comment: item.disputeComment,
          },
          to: { amountYen: updated.amountYen, month: updated.month },
          ...(input.reason?.trim() ? { reason: input.reason.trim().slice(0, 1000) } : {}),
        },
      });
      await tx.notify({
        type: 'invoice.item_added',
        recipientUserId: item.workerId,
        payload: {
          ...itemPayload(updated),
          corrected: true,
          previousAmountYen: item.amountYen,
          ...(input.reason?.trim() ? { reason: input.reason.trim().slice(0, 1000) } : {}),
        },
        // A new key per correction: the worker must hear about each new amount.
        dedupeKey: `invoice.item_added:${item.id}:corrected:${this.ctx.clock().getTime()}`,
      });
      if (newTerms && app && job)
        await issueTerms(tx, this.ctx, actor, app, job, {
          rewardYen: input.amountYen,
          reason: reason.slice(0, 1000),
        });
      return updated;
    });
  }

  /**
   * [staff] Withdraws a pending or disputed item with a reason: it is removed from the invoice (the
   * audit log keeps what it was and why), and the worker is told.
   */
  withdraw(actor: Actor, itemId: number, reason: string): Promise<InvoiceItemRecord> {
    return this.ctx.uow.run(async (tx) => {
      requireStaff(actor);
      const why = reason.normalize('NFKC').trim();
      if (why === '') throw new UserError('money.invoice.reason_required');
      const item = await tx.work.invoiceItems.lock(itemId);
      if (!item) throw itemNotFound();
      if (item.status !== 'pending' && item.status !== 'disputed') throw wrongState(item.status);
      await tx.work.invoiceItems.delete({ id: item.id });
      await tx.audit({
        actorUserId: actor.userId,
        action: 'invoice.item_withdrawn',
        subjectType: 'invoice_item',
        subjectId: item.id,
        data: {
          workerId: item.workerId,
          month: item.month,
          amountYen: item.amountYen,
          description: item.description,
          status: item.status,
          reason: why.slice(0, 1000),
        },
      });
      await tx.notify({
        type: 'invoice.item_withdrawn',
        recipientUserId: item.workerId,
        payload: { ...itemPayload(item), reason: why.slice(0, 1000) },
        dedupeKey: `invoice.item_withdrawn:${item.id}`,
      });
      return item;
    });
  }

  private async visibleItem(tx: Tx, actor: Actor, itemId: number, lock: boolean): Promise<InvoiceItemRecord> {
    const item = lock ? await tx.work.invoiceItems.lock(itemId) : await tx.work.invoiceItems.get(itemId);
    if (!item || (item.workerId !== actor.userId && !isStaff(actor))) throw itemNotFound();
    return item;
  }

  /** The actor's own item, locked, in a month that is still open. Staff cannot answer for a worker. */
  private async ownOpenItem(tx: Tx, actor: Actor, itemId: number): Promise<InvoiceItemRecord> {
    const item = await this.visibleItem(tx, actor, itemId, true);
    if (item.workerId !== actor.userId) throw new UserError('forbidden');
    if (item.status === 'paid') throw wrongState(item.status);
    if (await isMonthClosed(tx, item.workerId, item.month)) {
      throw new UserError('money.invoice.month_closed', { month: item.month });
    }
    return item;
  }
}

export function itemPayload(item: InvoiceItemRecord): InvoiceItemPayload {
  return {
    itemId: item.id,
    workerId: item.workerId,
    month: item.month,
    amountYen: item.amountYen,
    description: item.description,
  };
}
