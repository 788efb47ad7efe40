/**
 * 支払明細書 (docs/domain.md §1.9): staff close a business month; each worker's confirmed items of that month
 * become one payment statement with its total and pay date (末締め翌月10日払い), the items are marked
 * paid, and each worker gets one payment notice. A worker has at most one statement per month (a
 * unique key), so closing again adds nothing and notifies nobody.
 *
 * The 60-day rule (pay-limit.ts): a worker's statement is refused when its pay date would fall after
 * the 60th day from the receipt of any of its items' work (an approval late enough to put the item
 * into a later month). Their items stay confirmed and unpaid; the others close as usual. Staff then
 * close that worker alone with an earlier pay date (`early`), on or before the limit.
 */
import { UserError } from '../../errors.ts';
import { type Actor, isStaff, requireStaff } from '../actor.ts';
import type { DomainContext } from '../context.ts';
import type { Tx } from '../tx.ts';
import { businessMonth, isBankBusinessDay, nextMonth, parseBusinessMonth, payDateFor } from './pay-date.ts';
import { businessDate, payLimit } from './pay-limit.ts';
import type { InvoiceItemRecord, PaymentStatementRecord } from './records.ts';

export interface ClosedStatement {
  statementId: number;
  workerId: number;
  totalYen: number;
  itemCount: number;
  /** The statement's pay date (the month's, or the earlier one of an early close). */
  payDate: string;
}

/** An item whose work was received so long before the pay date that paying then breaks the 60-day rule. */
export interface LateItem {
  itemId: number;
  applicationId: number;
  description: string;
  amountYen: number;
  /** When the work was received (給付を受領した日), a business date. */
  receivedOn: string;
  /** The last day it may be paid: the 60th day, the day of receipt counted as the first. */
  payBy: string;
}

/** A worker whose statement was not made: paying on the pay date would be too late for these items. */
export interface RefusedStatement {
  workerId: number;
  /** What the statement would have paid, all of the worker's confirmed items of the month. */
  totalYen: number;
  itemCount: number;
  late: LateItem[];
}

export interface CloseMonthResult {
  month: string;
  payDate: string;
  /** Statements this close created (none when the month was already closed for everyone). */
  created: ClosedStatement[];
  /** Workers left without a statement by the 60-day rule; their items stay confirmed. */
  refused: RefusedStatement[];
  /** Items of an early close that were already past their limit when it was made (paid late). */
  overdue: LateItem[];
  /** Items of the month left out because the worker has not confirmed them yet. */
  pendingItems: number;
  /** Items of the month left out because the worker disputes them (staff should correct them). */
  disputedItems: number;
  /** Workers on a new statement with no bank account registered: they cannot be paid yet. */
  workersWithoutBankAccount: number[];
}

/** Closing one worker's month alone, paid on an earlier day than the month's pay date. */
export interface EarlyClose {
  workerId: number;
  /** `YYYY-MM-DD`: a bank business day after the month, no later than the month's pay date. */
  payDate: string;
}

export interface StatementWithItems {
  statement: PaymentStatementRecord;
  items: InvoiceItemRecord[];
}

const statementNotFound = () => new UserError('not_found', { thing: '@money.thing.statement' });

export class StatementService {
  private readonly ctx: DomainContext;

  constructor(ctx: DomainContext) {
    this.ctx = ctx;
  }

  /**
   * [staff] Closes `month` (`YYYY-MM`, or as typed). Only a month that has ended in the business time
   * zone can be closed, so no item can still arrive for it afterwards. With `early`, only that worker's
   * items are closed, paid on the earlier date.
   */
  closeMonth(actor: Actor, month: string, early?: EarlyClose): Promise<CloseMonthResult> {
    return this.ctx.uow.run(async (tx) => {
      requireStaff(actor);
      const closed = parseBusinessMonth(month);
      const tz = this.ctx.businessTimeZone;
      const current = businessMonth(this.ctx.clock(), tz);
      if (closed >= current) throw new UserError('money.statement.month_not_over', { month: closed });
      const regular = payDateFor(closed);
      const payDate = early ? checkEarlyPayDate(closed, early.payDate, regular) : regular;
      const today = businessDate(this.ctx.clock(), tz);

      const confirmed = await tx.work.invoiceItems.find(
        {
          month: closed,
          status: 'confirmed',
          statementId: null,
          ...(early ? { workerId: early.workerId } : {}),
        },
        { orderBy: { workerId: 'asc', id: 'asc' } },
      );
      const byWorker = new Map<number, InvoiceItemRecord[]>();
      for (const item of confirmed)
        byWorker.set(item.workerId, [...(byWorker.get(item.workerId) ?? []), item]);
      const receipts = await tx.work.receipts(
        confirmed.flatMap((i) => (i.applicationId === null ? [] : [i.applicationId])),
      );
      const lateness = (items: InvoiceItemRecord[]): LateItem[] =>
        items.flatMap((i) => {
          const at = i.applicationId === null ? undefined : receipts.get(i.applicationId);
          if (at === undefined || i.applicationId === null) return [];
          const receivedOn = businessDate(at, tz);
          const payBy = payLimit(receivedOn);
          return payBy < payDate
            ? [
                {
                  itemId: i.id,
                  applicationId: i.applicationId,
                  description: i.description,
                  amountYen: i.amountYen,
                  receivedOn,
                  payBy,
                },
              ]
            : [];
        });

      const created: ClosedStatement[] = [];
      const refused: RefusedStatement[] = [];
      const overdue: LateItem[] = [];
      for (const [workerId, candidates] of byWorker) {
        if ((await tx.work.statements.count({ workerId, month: closed })) > 0) continue;
        // Lock in id order and re-read: a concurrent close (or a late dispute) may have changed them.
        const items: InvoiceItemRecord[] = [];
        for (const c of candidates) {
          const item = await tx.work.invoiceItems.lock(c.id);
          if (item && item.status === 'confirmed' && item.statementId === null) items.push(item);
        }
        if (items.length === 0) continue;
        const totalYen = items.reduce((sum, i) => sum + i.amountYen, 0);
        const late = lateness(items);
        // Late items whose limit has already passed cannot be helped by any date: an early close pays them at once.
        const avoidable = early ? late.filter((l) => l.payBy >= today) : late;
        if (avoidable.length > 0) {
          refused.push({ workerId, totalYen, itemCount: items.length, late });
          await tx.audit({
            actorUserId: actor.userId,
            action: 'statement.refused',
            subjectType: 'month',
            subjectId: null,
            data: { workerId, month: closed, payDate, late: late.map((l) => ({ ...l })) },
          });
          continue;
        }
        if (early) overdue.push(...late);
        created.push(await this.issue(tx, actor, workerId, closed, payDate, items, late));
      }

      const scope = early ? { workerId: early.workerId } : {};
      const pendingItems = await tx.work.invoiceItems.count({ month: closed, status: 'pending', ...scope });
      const disputedItems = await tx.work.invoiceItems.count({ month: closed, status: 'disputed', ...scope });
      const paidWorkers = created.map((s) => s.workerId);
      const withAccount = new Set(
        paidWorkers.length === 0
          ? []
          : (await tx.work.bankAccounts.find({ userId: paidWorkers })).map((a) => a.userId),
      );
      const workersWithoutBankAccount = paidWorkers.filter((id) => !withAccount.has(id));
      await tx.audit({
        actorUserId: actor.userId,
        action: 'statement.month_closed',
        subjectType: 'month',
        subjectId: null,
        data: {
          month: closed,
          payDate,
          statements: created.length,
          refused: refused.map((r) => r.workerId),
          pendingItems,
          disputedItems,
          ...(early ? { earlyFor: early.workerId } : {}),
        },
      });
      return {
        month: closed,
        payDate,
        created,
        refused,
        overdue,
        pendingItems,
        disputedItems,
        workersWithoutBankAccount,
      };
    });
  }

  /** One worker's statement: the items become paid and the worker gets the payment notice. */
  private async issue(
    tx: Tx,
    actor: Actor,
    workerId: number,
    month: string,
    payDate: string,
    items: InvoiceItemRecord[],
    overdue: LateItem[],
  ): Promise<ClosedStatement> {
    const totalYen = items.reduce((sum, i) => sum + i.amountYen, 0);
    const statement = await tx.work.statements.insert({
      workerId,
      month,
      totalYen,
      payDate,
      createdBy: actor.userId,
    });
    for (const item of items) {
      await tx.work.invoiceItems.update(item.id, { status: 'paid', statementId: statement.id });
    }
    await tx.audit({
      actorUserId: actor.userId,
      action: 'statement.created',
      subjectType: 'payment_statement',
      subjectId: statement.id,
      data: {
        workerId,
        month,
        totalYen,
        payDate,
        itemIds: items.map((i) => i.id),
        ...(overdue.length > 0 ? { paidAfterLimit: overdue.map((l) => l.itemId) } : {}),
      },
    });
    await tx.notify({
      type: 'payment.statement',
      recipientUserId: workerId,
      payload: { statementId: statement.id, month, totalYen, payDate, itemCount: items.length },
      dedupeKey: `payment.statement:${workerId}:${month}`,
    });
    return { statementId: statement.id, workerId, totalYen, itemCount: items.length, payDate };
  }

  /** Statements newest month first: a worker's own, or (staff) one worker's or everyone's. */
  list(actor: Actor, query: { workerId?: number } = {}): Promise<PaymentStatementRecord[]> {
    return this.ctx.uow.read(async (tx) => {
      const order = { orderBy: { month: 'desc', workerId: 'asc' } } as const;
      if (isStaff(actor)) {
        return tx.work.statements.find(
          query.workerId === undefined ? {} : { workerId: query.workerId },
          order,
        );
      }
      if (query.workerId !== undefined && query.workerId !== actor.userId) throw new UserError('forbidden');
      return tx.work.statements.find({ workerId: actor.userId }, order);
    });
  }

  /** One statement with its items, for its worker or staff; anyone else's reads as not found. */
  get(actor: Actor, statementId: number): Promise<StatementWithItems> {
    return this.ctx.uow.read(async (tx) => {
      const statement = await tx.work.statements.get(statementId);
      if (!statement || (statement.workerId !== actor.userId && !isStaff(actor))) throw statementNotFound();
      const items = await tx.work.invoiceItems.find({ statementId }, { orderBy: { id: 'asc' } });
      return { statement, items };
    });
  }
}

/**
 * The pay date of an early close: a bank business day after the closed month and no later than the
 * month's own pay date (otherwise it would not be early).
 */
function checkEarlyPayDate(month: string, payDate: string, regular: string): string {
  const firstAfter = `${nextMonth(month)}-01`;
  let ok = false;
  try {
    ok = payDate >= firstAfter && payDate <= regular && isBankBusinessDay(payDate);
  } catch {
    ok = false;
  }
  if (!ok) throw new UserError('money.statement.bad_early_pay_date', { from: firstAfter, to: regular });
  return payDate;
}
