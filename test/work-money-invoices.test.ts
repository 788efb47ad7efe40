/** 入力請求書: adding, confirming, disputing and correcting invoice items, and who may do what. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../src/domain/actor.ts';
import { InvoiceService } from '../src/domain/work/invoices.ts';
import type { ApplicationStatus } from '../src/domain/work/records.ts';
import { StatementService } from '../src/domain/work/statements.ts';
import { type DomainBench, openDomainBench, refusal } from './helpers/domain.ts';

let b: DomainBench;
let invoices: InvoiceService;
let statements: StatementService;
let staff: Actor;

beforeAll(async () => {
  b = await openDomainBench('moneyinv');
  invoices = new InvoiceService(b.ctx);
  statements = new StatementService(b.ctx);
  staff = await b.user(['staff']);
});
afterAll(async () => {
  await b?.close();
});
beforeEach(() => {
  // 2026-11-20 12:00 in Tokyo: the business month is 2026-11.
  b.clock.set('2026-11-20T03:00:00Z');
});

/** An application of `worker` in the given state, written straight to the tables. */
async function application(worker: Actor, status: ApplicationStatus): Promise<number> {
  return b.ctx.uow.run(async (tx) => {
    const job = await tx.work.jobs.insert({ title: '記事作成', rewardYen: 5000, status: 'open' });
    const app = await tx.work.applications.insert({ jobId: job.id, workerId: worker.userId });
    await tx.work.applications.update(app.id, { status });
    return app.id;
  });
}

const add = (worker: Actor, extra: Partial<Parameters<InvoiceService['addItem']>[1]> = {}) =>
  invoices.addItem(staff, {
    workerId: worker.userId,
    amountYen: 12000,
    description: 'データ入力 11月分',
    ...extra,
  });

describe('adding items', () => {
  it('records an item for the current business month and asks the worker to confirm it', async () => {
    const worker = await b.user(['worker']);
    const item = await add(worker);
    expect(item).toMatchObject({
      workerId: worker.userId,
      month: '2026-11',
      amountYen: 12000,
      status: 'pending',
      createdBy: staff.userId,
      statementId: null,
    });
    const rows = await b.outbox({ recipientUserId: worker.userId });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      type: 'invoice.item_added',
      dedupeKey: `invoice.item_added:${item.id}`,
      payload: { itemId: item.id, month: '2026-11', amountYen: 12000 },
    });
    expect((await b.audit('invoice.item_added')).some((a) => a.subjectId === item.id)).toBe(true);
  });

  it('takes the business month of the time zone: 2026-11-30T15:30Z is already December in Tokyo', async () => {
    const worker = await b.user(['worker']);
    b.clock.set('2026-11-30T15:30:00Z');
    expect((await add(worker)).month).toBe('2026-12');
    expect((await add(worker, { month: '２０２６年１０月' })).month).toBe('2026-10');
  });

  it('accepts only whole yen amounts of 1 or more and a description', async () => {
    const worker = await b.user(['worker']);
    for (const amountYen of [0, -500, 1.5, Number.NaN, 10_000_001]) {
      expect(await refusal(add(worker, { amountYen }))).toBe('money.invoice.bad_amount');
    }
    expect(await refusal(add(worker, { description: '  ' }))).toBe('money.invoice.description_required');
    expect(await refusal(add(worker, { month: '2026-13' }))).toBe('money.bad_month');
    expect((await add(worker, { amountYen: 1 })).amountYen).toBe(1);
  });

  it('refuses workers, clients and customers: only staff add items', async () => {
    const worker = await b.user(['worker']);
    for (const roles of [['worker'], ['client'], ['customer']] as const) {
      const someone = await b.user([...roles]);
      expect(
        await refusal(invoices.addItem(someone, { workerId: worker.userId, amountYen: 1, description: 'x' })),
      ).toBe('forbidden');
    }
    expect(await b.outbox({ recipientUserId: worker.userId })).toEqual([]);
  });

  it('adds items only for workers', async () => {
    const customer = await b.user(['customer']);
    expect(await refusal(add(customer))).toBe('money.invoice.not_a_worker');
    expect(
      await refusal(invoices.addItem(staff, { workerId: 999_999, amountYen: 1, description: 'x' })),
    ).toBe('not_found');
  });

  it('ties an item only to an approved application of that worker', async () => {
    const worker = await b.user(['worker']);
    const other = await b.user(['worker']);
    const approved = await application(worker, 'approved');
    const delivered = await application(worker, 'delivered');
    const othersApproved = await application(other, 'approved');
    expect((await add(worker, { applicationId: approved })).applicationId).toBe(approved);
    expect(await refusal(add(worker, { applicationId: delivered }))).toBe(
      'money.invoice.application_not_approved',
    );
    expect(await refusal(add(worker, { applicationId: othersApproved }))).toBe(
      'money.invoice.application_of_other_worker',
    );
    expect(await refusal(add(worker, { applicationId: 999_999 }))).toBe('not_found');
  });
});

describe('what a worker sees', () => {
  it('lists only their own items of a month, and never another worker’s', async () => {
    const worker = await b.user(['worker']);
    const other = await b.user(['worker']);
    const mine = await add(worker);
    await add(worker, { month: '2026-10' });
    const theirs = await add(other);
    expect((await invoices.listItems(worker, { month: '2026-11' })).map((i) => i.id)).toEqual([mine.id]);
    expect((await invoices.listItems(worker)).map((i) => i.id)).toEqual([mine.id]);
    expect(await refusal(invoices.listItems(worker, { workerId: other.userId }))).toBe('forbidden');
    expect(await refusal(invoices.getItem(worker, theirs.id))).toBe('not_found');
    await expect(invoices.getItem(worker, mine.id)).resolves.toMatchObject({ id: mine.id });
  });

  it('lets staff list one worker’s items or everyone’s', async () => {
    const worker = await b.user(['worker']);
    const other = await b.user(['worker']);
    const a = await add(worker, { month: '2025-01' });
    const c = await add(other, { month: '2025-01' });
    expect(
      (await invoices.listItems(staff, { month: '2025-01', workerId: worker.userId })).map((i) => i.id),
    ).toEqual([a.id]);
    expect((await invoices.listItems(staff, { month: '2025-01' })).map((i) => i.id)).toEqual([a.id, c.id]);
    await expect(invoices.getItem(staff, c.id)).resolves.toMatchObject({ id: c.id });
  });
});

describe('confirming and disputing', () => {
  it('confirms a pending item once; a confirmed item can no longer be disputed or corrected', async () => {
    const worker = await b.user(['worker']);
    const item = await add(worker);
    expect((await invoices.confirm(worker, item.id)).status).toBe('confirmed');
    expect(await refusal(invoices.confirm(worker, item.id))).toBe('money.invoice.wrong_state');
    expect(await refusal(invoices.dispute(worker, item.id, '金額が違います'))).toBe(
      'money.invoice.wrong_state',
    );
    expect(await refusal(invoices.correct(staff, item.id, { amountYen: 1 }))).toBe(
      'money.invoice.wrong_state',
    );
  });

  it('disputes a pending item with a comment and tells the staff member who added it', async () => {
    const worker = await b.user(['worker']);
    const creator = await b.user(['staff']);
    const item = await invoices.addItem(creator, {
      workerId: worker.userId,
      amountYen: 8000,
      description: '校正',
    });
    expect(await refusal(invoices.dispute(worker, item.id, '   '))).toBe('money.invoice.comment_required');
    const disputed = await invoices.dispute(worker, item.id, '  単価は1,000円の約束でした ');
    expect(disputed).toMatchObject({ status: 'disputed', disputeComment: '単価は1,000円の約束でした' });
    const rows = await b.outbox({ type: 'invoice.item_disputed' });
    expect(rows.filter((r) => r.payload.itemId === item.id)).toEqual([
      expect.objectContaining({
        recipientUserId: creator.userId,
        payload: expect.objectContaining({ comment: '単価は1,000円の約束でした' }),
      }),
    ]);
    expect(await refusal(invoices.dispute(worker, item.id, 'もう一度'))).toBe('money.invoice.wrong_state');
    expect(await refusal(invoices.confirm(worker, item.id))).toBe('money.invoice.wrong_state');
  });

  it('lets no one else confirm or dispute a worker’s item, not even staff', async () => {
    const worker = await b.user(['worker']);
    const other = await b.user(['worker']);
    const item = await add(worker);
    expect(await refusal(invoices.confirm(other, item.id))).toBe('not_found');
    expect(await refusal(invoices.dispute(other, item.id, 'x'))).toBe('not_found');
    expect(await refusal(invoices.confirm(staff, item.id))).toBe('forbidden');
    expect(await refusal(invoices.confirm(worker, 999_999))).toBe('not_found');
    expect((await invoices.getItem(worker, item.id)).status).toBe('pending');
  });
});

describe('correcting', () => {
  it('puts a corrected disputed item back to pending and notifies the worker again under a new key', async () => {
    const worker = await b.user(['worker']);
    const item = await add(worker, { amountYen: 8000 });
    await invoices.dispute(worker, item.id, '10,000円のはずです');
    b.clock.advance(60_000);
    const corrected = await invoices.correct(staff, item.id, { amountYen: 10000 });
    expect(corrected).toMatchObject({ status: 'pending', amountYen: 10000, disputeComment: null });
    const rows = await b.outbox({ type: 'invoice.item_added', recipientUserId: worker.userId });
    expect(rows.map((r) => r.payload.amountYen)).toEqual([8000, 10000]);
    expect(new Set(rows.map((r) => r.dedupeKey)).size).toBe(2);
    expect(rows[1]?.payload).toMatchObject({ corrected: true, previousAmountYen: 8000 });
    expect((await invoices.confirm(worker, item.id)).status).toBe('confirmed');
  });

  it('lets only staff correct, with a valid amount', async () => {
    const worker = await b.user(['worker']);
    const item = await add(worker);
    await invoices.dispute(worker, item.id, '違います');
    expect(await refusal(invoices.correct(worker, item.id, { amountYen: 99999 }))).toBe('forbidden');
    expect(await refusal(invoices.correct(staff, item.id, { amountYen: 0 }))).toBe(
      'money.invoice.bad_amount',
    );
    expect(await refusal(invoices.correct(staff, 999_999, { amountYen: 1 }))).toBe('not_found');
    expect((await invoices.getItem(worker, item.id)).status).toBe('disputed');
  });
});

describe('a closed month is read-only', () => {
  it('refuses every change to paid items and to items of a month whose statement was issued', async () => {
    const worker = await b.user(['worker']);
    const paid = await add(worker, { month: '2026-10' });
    const pending = await add(worker, { month: '2026-10' });
    const disputed = await add(worker, { month: '2026-10' });
    await invoices.confirm(worker, paid.id);
    await invoices.dispute(worker, disputed.id, '違います');
    await statements.closeMonth(staff, '2026-10');

    expect((await invoices.getItem(worker, paid.id)).status).toBe('paid');
    expect(await refusal(invoices.confirm(worker, paid.id))).toBe('money.invoice.wrong_state');
    expect(await refusal(invoices.dispute(worker, paid.id, 'x'))).toBe('money.invoice.wrong_state');
    expect(await refusal(invoices.correct(staff, paid.id, { amountYen: 1 }))).toBe(
      'money.invoice.wrong_state',
    );

    expect(await refusal(invoices.confirm(worker, pending.id))).toBe('money.invoice.month_closed');
    expect(await refusal(invoices.dispute(worker, pending.id, 'x'))).toBe('money.invoice.month_closed');
    expect(await refusal(add(worker, { month: '2026-10' }))).toBe('money.invoice.month_closed');
    expect(await refusal(invoices.correct(staff, disputed.id, { amountYen: 5000 }))).toBe(
      'money.invoice.month_closed',
    );
    // A disputed item of a closed month is settled by moving it to an open month.
    const moved = await invoices.correct(staff, disputed.id, { amountYen: 5000, month: '2026-11' });
    expect(moved).toMatchObject({ month: '2026-11', status: 'pending', amountYen: 5000 });
    expect((await invoices.confirm(worker, disputed.id)).status).toBe('confirmed');
  });

  it('still lets other workers change items of the same month (closing is per worker)', async () => {
    const closedWorker = await b.user(['worker']);
    const openWorker = await b.user(['worker']);
    await invoices.confirm(closedWorker, (await add(closedWorker, { month: '2026-09' })).id);
    await statements.closeMonth(staff, '2026-09');
    const late = await add(openWorker, { month: '2026-09' });
    expect((await invoices.confirm(openWorker, late.id)).status).toBe('confirmed');
  });
});
