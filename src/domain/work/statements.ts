/**
 * 支払明細書 (docs/domain.md §1.9): staff close a business month; each worker's confirmed items of that month
 * become one payment statement with its total and pay date (末締め翌月10日払い), the items are marked
 * paid, and each worker gets one payment notice. A worker has at most one statement per month (a
 * unique key), so closing again adds nothing and notifies nobody.
 */
import { UserError } from '../../errors.ts';
import { type Actor, isStaff, requireStaff } from '../actor.ts';
import type { DomainContext } from '../context.ts';
import { businessMonth, parseBusinessMonth, payDateFor } from './pay-date.ts';
import type { InvoiceItemRecord, PaymentStatementRecord } from './records.ts';

export interface ClosedStatement {
  statementId: number;
  workerId: number;
  totalYen: number;
  itemCount: number;
}

export interface CloseMonthResult {
  month: string;
  payDate: string;
  /** Statements this close created (none when the month was already closed for everyone). */
  created: ClosedStatement[];
  /** Items of the month left out because the worker has not confirmed them yet. */
  pendingItems: number;
  /** Items of the month left out because the worker disputes them (staff should correct them). */
  disputedItems: number;
  /** Workers on a new statement with no bank account registered: they cannot be paid yet. */
  workersWithoutBankAccount: number[];
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
   * zone can be closed, so no item can still arrive for it afterwards.
   */
  closeMonth(actor: Actor, month: string): Promise<CloseMonthResult> {
    return this.ctx.uow.run(async (tx) => {
      requireStaff(actor);
      const closed = parseBusinessMonth(month);
      const current = businessMonth(this.ctx.clock(), this.ctx.businessTimeZone);
      if (closed >= current) throw new UserError('money.statement.month_not_over', { month: closed });
      const payDate = payDateFor(closed);

      const confirmed = await tx.work.invoiceItems.find(
        { month: closed, status: 'confirmed', statementId: null },
        { orderBy: { workerId: 'asc', id: 'asc' } },
      );
      const byWorker = new Map<number, InvoiceItemRecord[]>();
      for (const item of confirmed)
        byWorker.set(item.workerId, [...(byWorker.get(item.workerId) ?? []), item]);

      const created: ClosedStatement[] = [];
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
        const statement = await tx.work.statements.insert({
          workerId,
          month: closed,
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
          data: { workerId, month: closed, totalYen, payDate, itemIds: items.map((i) => i.id) },
        });
        await tx.notify({
          type: 'payment.statement',
          recipientUserId: workerId,
          payload: { statementId: statement.id, month: closed, totalYen, payDate, itemCount: items.length },
          dedupeKey: `payment.statement:${workerId}:${closed}`,
        });
        created.push({ statementId: statement.id, workerId, totalYen, itemCount: items.length });
      }

      const pendingItems = await tx.work.invoiceItems.count({ month: closed, status: 'pending' });
      const disputedItems = await tx.work.invoiceItems.count({ month: closed, status: 'disputed' });
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
        data: { month: closed, payDate, statements: created.length, pendingItems, disputedItems },
      });
      return { month: closed, payDate, created, pendingItems, disputedItems, workersWithoutBankAccount };
    });
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
