/** 支払明細書: closing a month into one statement per worker, exactly once, and who sees which. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../src/domain/actor.ts';
import { BankAccountService } from '../src/domain/work/bank-accounts.ts';
import { InvoiceService } from '../src/domain/work/invoices.ts';
import { StatementService } from '../src/domain/work/statements.ts';
import { type DomainBench, openDomainBench, refusal } from './helpers/domain.ts';

let b: DomainBench;
let invoices: InvoiceService;
let statements: StatementService;
let accounts: BankAccountService;
let staff: Actor;

beforeAll(async () => {
  b = await openDomainBench('moneystm');
  invoices = new InvoiceService(b.ctx);
  statements = new StatementService(b.ctx);
  accounts = new BankAccountService(b.ctx);
  staff = await b.user(['staff']);
});
afterAll(async () => {
  await b?.close();
});
beforeEach(() => {
  b.clock.set('2026-11-20T03:00:00Z');
});

/** Adds an item and, unless told otherwise, has the worker confirm it. */
async function item(
  worker: Actor,
  month: string,
  amountYen: number,
  then: 'confirm' | 'dispute' | 'leave' = 'confirm',
) {
  const added = await invoices.addItem(staff, {
    workerId: worker.userId,
    month,
    amountYen,
    description: '作業',
  });
  if (then === 'confirm') await invoices.confirm(worker, added.id);
  if (then === 'dispute') await invoices.dispute(worker, added.id, '金額が違います');
  return added.id;
}

const bankAccount = (worker: Actor) =>
  accounts.register(worker, {
    bankName: 'みずほ銀行',
    bankCode: '0001',
    branchName: '東京営業部',
    branchCode: '001',
    accountType: 'ordinary',
    accountNumber: '1234567',
    holderName: 'ヤマダ タロウ',
  });

describe('closing a month', () => {
  it('makes one statement per worker from their confirmed items, pays them, and notifies each worker once', async () => {
    const alice = await b.user(['worker']);
    const bob = await b.user(['worker']);
    const a1 = await item(alice, '2026-08', 12000);
    const a2 = await item(alice, '2026-08', 3000);
    const aPending = await item(alice, '2026-08', 999, 'leave');
    const b1 = await item(bob, '2026-08', 7000);
    const bDisputed = await item(bob, '2026-08', 500, 'dispute');
    await item(bob, '2026-07', 4000); // another month: not part of this close
    await bankAccount(alice);

    const result = await statements.closeMonth(staff, '2026-08');
    // 2026-09-10 is a Thursday.
    expect(result).toMatchObject({
      month: '2026-08',
      payDate: '2026-09-10',
      pendingItems: 1,
      disputedItems: 1,
    });
    expect(result.created).toEqual([
      expect.objectContaining({ workerId: alice.userId, totalYen: 15000, itemCount: 2 }),
      expect.objectContaining({ workerId: bob.userId, totalYen: 7000, itemCount: 1 }),
    ]);
    expect(result.workersWithoutBankAccount).toEqual([bob.userId]);

    const aliceStatement = result.created[0]?.statementId ?? 0;
    const { statement, items } = await statements.get(alice, aliceStatement);
    expect(statement).toMatchObject({
      workerId: alice.userId,
      month: '2026-08',
      totalYen: 15000,
      payDate: '2026-09-10',
    });
    expect(items.map((i) => [i.id, i.status, i.statementId])).toEqual([
      [a1, 'paid', aliceStatement],
      [a2, 'paid', aliceStatement],
    ]);
    expect((await invoices.getItem(alice, aPending)).status).toBe('pending');
    expect((await invoices.getItem(bob, bDisputed)).status).toBe('disputed');
    expect((await invoices.getItem(bob, b1)).status).toBe('paid');

    for (const worker of [alice, bob]) {
      const rows = await b.outbox({ type: 'payment.statement', recipientUserId: worker.userId });
      expect(rows).toHaveLength(1);
      expect(rows[0]?.payload).toMatchObject({ month: '2026-08', payDate: '2026-09-10' });
    }
    expect((await b.audit('statement.created')).length).toBeGreaterThanOrEqual(2);
  });

  it('is idempotent: closing the same month again creates nothing and notifies nobody', async () => {
    const worker = await b.user(['worker']);
    await item(worker, '2026-06', 10000);
    const first = await statements.closeMonth(staff, '2026-06');
    expect(first.created).toHaveLength(1);
    const outboxBefore = (await b.outbox({ type: 'payment.statement' })).length;

    const again = await statements.closeMonth(staff, '2026-06');
    expect(again.created).toEqual([]);
    expect((await b.outbox({ type: 'payment.statement' })).length).toBe(outboxBefore);
    expect(await statements.list(worker)).toHaveLength(1);
  });

  it('creates one statement and one notice per worker when two staff close the same month at once', async () => {
    const worker = await b.user(['worker']);
    await item(worker, '2026-03', 1500);
    await item(worker, '2026-03', 2500);
    const [one, two] = await Promise.all([
      statements.closeMonth(staff, '2026-03'),
      statements.closeMonth(await b.user(['staff']), '2026-03'),
    ]);
    const mine = [...(one?.created ?? []), ...(two?.created ?? [])].filter(
      (s) => s.workerId === worker.userId,
    );
    expect(mine).toEqual([expect.objectContaining({ totalYen: 4000, itemCount: 2 })]);
    expect(await b.outbox({ type: 'payment.statement', recipientUserId: worker.userId })).toHaveLength(1);
  });

  it('leaves pending and disputed items out and reports them, with no statement for a worker who confirmed nothing', async () => {
    const worker = await b.user(['worker']);
    await item(worker, '2026-05', 100, 'leave');
    await item(worker, '2026-05', 200, 'dispute');
    const result = await statements.closeMonth(staff, '2026-05');
    expect(result).toMatchObject({ created: [], pendingItems: 1, disputedItems: 1 });
    expect(await statements.list(worker)).toEqual([]);
    expect(await b.outbox({ type: 'payment.statement', recipientUserId: worker.userId })).toEqual([]);
  });

  it('closes December in January and pays by the last business day before 10 January', async () => {
    const worker = await b.user(['worker']);
    b.clock.set('2026-12-20T03:00:00Z');
    await item(worker, '2026-12', 20000);
    expect(await refusal(statements.closeMonth(staff, '2026-12'))).toBe('money.statement.month_not_over');
    // Five minutes past midnight on 1 January in Tokyo, still 31 December in UTC.
    b.clock.set('2026-12-31T15:05:00Z');
    const result = await statements.closeMonth(staff, '２０２６年１２月');
    // 2027-01-10 is a Sunday: paid on Friday the 8th.
    expect(result).toMatchObject({ month: '2026-12', payDate: '2027-01-08' });
    expect(result.created).toHaveLength(1);
  });

  it('refuses a month that has not ended, and a malformed month', async () => {
    expect(await refusal(statements.closeMonth(staff, '2026-11'))).toBe('money.statement.month_not_over');
    expect(await refusal(statements.closeMonth(staff, '2027-01'))).toBe('money.statement.month_not_over');
    expect(await refusal(statements.closeMonth(staff, '2026-13'))).toBe('money.bad_month');
  });

  it('is for staff only', async () => {
    const worker = await b.user(['worker']);
    await item(worker, '2026-04', 5000);
    expect(await refusal(statements.closeMonth(worker, '2026-04'))).toBe('forbidden');
    expect(await refusal(statements.closeMonth(await b.user(['client']), '2026-04'))).toBe('forbidden');
    expect(await statements.list(worker)).toEqual([]);
    const admin = await b.user(['admin']);
    expect((await statements.closeMonth(admin, '2026-04')).created).toHaveLength(1);
  });
});

describe('reading statements', () => {
  it('shows a worker only their own statements, newest month first', async () => {
    const worker = await b.user(['worker']);
    const other = await b.user(['worker']);
    await item(worker, '2026-02', 1000);
    await item(worker, '2026-03', 2000);
    await item(other, '2026-03', 3000);
    await statements.closeMonth(staff, '2026-02');
    const march = await statements.closeMonth(staff, '2026-03');

    expect((await statements.list(worker)).map((s) => [s.month, s.totalYen])).toEqual([
      ['2026-03', 2000],
      ['2026-02', 1000],
    ]);
    const othersId = march.created.find((s) => s.workerId === other.userId)?.statementId ?? 0;
    expect(await refusal(statements.get(worker, othersId))).toBe('not_found');
    expect(await refusal(statements.list(worker, { workerId: other.userId }))).toBe('forbidden');
    expect(await refusal(statements.get(worker, 999_999))).toBe('not_found');
  });

  it('lets staff read any worker’s statements', async () => {
    const worker = await b.user(['worker']);
    await item(worker, '2026-01', 4321);
    const { created } = await statements.closeMonth(staff, '2026-01');
    const id = created.find((s) => s.workerId === worker.userId)?.statementId ?? 0;
    expect((await statements.get(staff, id)).items.map((i) => i.amountYen)).toEqual([4321]);
    expect((await statements.list(staff, { workerId: worker.userId })).map((s) => s.id)).toEqual([id]);
  });
});
