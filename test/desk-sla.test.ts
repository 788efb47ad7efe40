/**
 * The desk's SLAs, after-hours reply and round-robin in the domain (docs/domain.md §2.8–§2.10), on
 * the real database with the injected clock: what counts as the first response, when warnings and
 * breaches fall due (and that each is recorded once, also across a national holiday), the
 * after-hours reply once per closed period in both languages, and assignment in turn.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/domain/actor.ts';
import type { OutboxRecord } from '../src/domain/shared.ts';
import { deskSettings } from '../src/domain/support/calendar.ts';
import { DeskSlaService } from '../src/domain/support/desk-sla.ts';
import { slaStatus } from '../src/domain/support/sla.ts';
import type { Locale } from '../src/i18n/index.ts';
import { renderNotification } from '../src/notifications/render.ts';
import { type DomainBench, openDomainBench, refusal } from './helpers/domain.ts';
import { type SupportWorld, supportWorld, warmPool } from './support-fixture.ts';

let b: DomainBench;
let w: SupportWorld;
let sla: DeskSlaService;

/** A Tokyo wall-clock time (Tokyo is always UTC+9). */
const jst = (local: string) => new Date(`${local}+09:00`);

beforeAll(async () => {
  b = await openDomainBench('desk_sla');
  w = await supportWorld(b);
  sla = new DeskSlaService(b.ctx);
});
afterAll(() => b?.close());
afterEach(async () => {
  // Every test starts with no open inquiry and the default calendar, nobody on duty.
  b.ctx.desk = undefined;
  b.clock.set(jst('2026-11-20T12:00'));
  const open = await b.ctx.uow.read((tx) =>
    tx.support.inquiries.find({ status: ['received', 'in_progress'] }),
  );
  for (const i of open) await w.inquiries.resolve(w.admin, i.id);
  for (const who of [w.support1, w.support2, w.otherStaff]) await sla.endDuty(who);
  await sla.setRoundRobin(w.admin, w.category('repair').id, false);
});

const text = async (row: { type: string; payload: Record<string, unknown> } & object, locale: Locale) => {
  const reply = await renderNotification(row as unknown as OutboxRecord, locale, {
    store: b.store.store,
    timeZone: 'Asia/Tokyo',
    button: async (_user, label, command) => ({ label, payload: command }),
  });
  return reply.blocks.flatMap((x) => ('text' in x ? [x.text] : [])).join('\n');
};

describe('SLA status (修理: first response 60, resolution 600 business minutes)', () => {
  it('counts down in business minutes, warns at 80%, breaches past the target', async () => {
    b.clock.set(jst('2026-11-20T12:00'));
    const inquiry = await w.open();
    const at = async (local: string) => {
      b.clock.set(jst(local));
      return sla.status(w.admin, inquiry.id);
    };
    const first = (await at('2026-11-20T12:15')).firstResponse;
    expect(first).toMatchObject({ minutes: 60, elapsedMinutes: 15, leftMinutes: 45, state: 'running' });
    expect(first?.dueAt.toISOString()).toBe(jst('2026-11-20T13:00').toISOString());
    expect((await at('2026-11-20T12:48')).firstResponse?.state).toBe('warning');
    const late = await at('2026-11-20T13:10');
    expect(late.firstResponse).toMatchObject({ state: 'breached', leftMinutes: -10 });
    expect(late.resolution).toMatchObject({ minutes: 600, leftMinutes: 530, state: 'running' });
    // Customers see the status of their own inquiries; another company's reads as not found.
    expect((await sla.status(w.customerA, inquiry.id)).inquiryId).toBe(inquiry.id);
    expect(await refusal(sla.status(w.customerB, inquiry.id))).toBe('support.inquiry_not_found');
  });

  it('stops the first-response clock at the first staff message, not at taking or a customer message', async () => {
    b.clock.set(jst('2026-11-20T12:00'));
    const inquiry = await w.open();
    b.clock.set(jst('2026-11-20T12:10'));
    await w.inquiries.take(w.support1, inquiry.id);
    await w.inquiries.addMessage(w.customerA, inquiry.id, { body: '急ぎです。' });
    expect((await sla.status(w.admin, inquiry.id)).firstResponse?.stoppedAt).toBeNull();
    b.clock.set(jst('2026-11-20T12:20'));
    await w.inquiries.addMessage(w.support1, inquiry.id, { body: '確認いたします。' });
    b.clock.set(jst('2026-11-20T12:40'));
    await w.inquiries.addMessage(w.support2, inquiry.id, { body: '追加で確認します。' });
    b.clock.set(jst('2026-11-20T15:00'));
    const status = await sla.status(w.admin, inquiry.id);
    expect(status.firstResponse).toMatchObject({ state: 'met', elapsedMinutes: 20 });
    expect(status.firstResponse?.stoppedAt?.toISOString()).toBe(jst('2026-11-20T12:20').toISOString());
    expect(status.resolution?.state).toBe('running');
    // Resolving stops the resolution clock; an unanswered inquiry's first response stops with it.
    const silent = await w.open();
    b.clock.set(jst('2026-11-20T17:00'));
    await w.inquiries.resolve(w.support1, silent.id);
    const done = await sla.status(w.admin, silent.id);
    expect(done.firstResponse).toMatchObject({ state: 'missed', elapsedMinutes: 120 });
    expect(done.resolution).toMatchObject({ state: 'met', elapsedMinutes: 120 });
  });

  it('records each warning and breach once, across calls and concurrent processes', async () => {
    b.clock.set(jst('2026-11-20T12:00'));
    const inquiry = await w.open();
    b.clock.set(jst('2026-11-20T12:30'));
    expect(await sla.recordAlerts()).toEqual([]);
    b.clock.set(jst('2026-11-20T12:49'));
    const warned = await sla.recordAlerts();
    expect(warned.map((r) => r.alert)).toEqual([
      { inquiryId: inquiry.id, target: 'first_response', kind: 'warning' },
    ]);
    expect(warned[0]?.facts.categoryCode).toBe('repair');
    expect(await sla.recordAlerts()).toEqual([]);
    b.clock.set(jst('2026-11-20T13:01'));
    // Two processes look at once: one of them records the breach.
    await warmPool(b, 2);
    const other = new DeskSlaService(b.ctx);
    const both = await Promise.all([sla.recordAlerts(), other.recordAlerts()]);
    expect(both.flat().map((r) => r.alert)).toEqual([
      { inquiryId: inquiry.id, target: 'first_response', kind: 'breach' },
    ]);
    b.clock.set(jst('2026-11-20T14:00'));
    expect(await sla.recordAlerts()).toEqual([]);
    // An answered inquiry calls for nothing more.
    const answered = await w.open();
    await w.inquiries.addMessage(w.support1, answered.id, { body: '承知しました。' });
    b.clock.set(jst('2026-11-20T16:00'));
    expect(await sla.recordAlerts()).toEqual([]);
  });

  it('does not warn across a national holiday on a desk closed on holidays', async () => {
    // Weekdays 9:00–18:00, closed on weekends and national holidays.
    b.ctx.desk = deskSettings({ hours: 'mon-fri 09:00-18:00' });
    // Friday 20 November, 17:30: 30 business minutes before the weekend and 勤労感謝の日 (Mon 23).
    b.clock.set(jst('2026-11-20T17:30'));
    const inquiry = await w.open();
    for (const local of ['2026-11-20T23:00', '2026-11-21T12:00', '2026-11-23T09:30', '2026-11-23T17:59']) {
      b.clock.set(jst(local));
      expect(await sla.recordAlerts(), local).toEqual([]);
    }
    const onHoliday = await sla.status(w.admin, inquiry.id);
    expect(onHoliday.firstResponse).toMatchObject({ elapsedMinutes: 30, leftMinutes: 30, state: 'running' });
    expect(onHoliday.firstResponse?.dueAt.toISOString()).toBe(jst('2026-11-24T09:30').toISOString());
    // Tuesday 9:18: 48 of 60 minutes used.
    b.clock.set(jst('2026-11-24T09:18'));
    expect((await sla.recordAlerts()).map((r) => r.alert.kind)).toEqual(['warning']);
  });

  it('lists open inquiries on the SLA board, the least time left first (staff only)', async () => {
    b.clock.set(jst('2026-11-20T10:00'));
    const older = await w.open();
    b.clock.set(jst('2026-11-20T11:00'));
    const newer = await w.open();
    const billing = await w.open(w.customerA, { categoryId: w.category('billing').id });
    b.clock.set(jst('2026-11-20T11:30'));
    const board = await sla.board(w.admin);
    expect(board.map((r) => r.facts.inquiryId)).toEqual([older.id, newer.id, billing.id]);
    expect(board[0]?.status.firstResponse?.state).toBe('breached');
    expect(
      slaStatus(board[1]?.facts as never, b.clock(), deskSettings().calendar).firstResponse?.leftMinutes,
    ).toBe(30);
    expect(await refusal(sla.board(w.customerA))).toBe('forbidden');
  });
});

describe('the after-hours reply', () => {
  const replies = async (customer: Actor) =>
    (await b.outbox({ type: 'inquiry.after_hours', recipientUserId: customer.userId })).length;

  it('is sent once per inquiry per closed period, never while the desk is open', async () => {
    const before = await replies(w.customerA);
    // Friday 20 November, 21:00: closed until Saturday 9:30.
    b.clock.set(jst('2026-11-20T21:00'));
    const inquiry = await w.open();
    b.clock.set(jst('2026-11-20T23:30'));
    await w.inquiries.addMessage(w.customerA, inquiry.id, { body: '追記です。' });
    const night = await b.outbox({ type: 'inquiry.after_hours', recipientUserId: w.customerA.userId });
    expect(night.length - before).toBe(1);
    expect(night.at(-1)?.payload).toEqual({
      inquiryId: inquiry.id,
      opensAt: jst('2026-11-21T09:30').toISOString(),
      phones: ['0120-000-000'],
    });
    // Open on Saturday: nothing.
    b.clock.set(jst('2026-11-21T10:00'));
    await w.inquiries.addMessage(w.customerA, inquiry.id, { body: '営業時間内です。' });
    expect((await replies(w.customerA)) - before).toBe(1);
    // Staff messages after hours are not auto-answered.
    b.clock.set(jst('2026-11-21T18:30'));
    await w.inquiries.addMessage(w.support1, inquiry.id, { body: '明日確認します。' });
    expect((await replies(w.customerA)) - before).toBe(1);
    // Saturday evening after 18:00 is the next closed period: a new reply, opening Sunday 9:30.
    b.clock.set(jst('2026-11-21T19:00'));
    await w.inquiries.addMessage(w.customerA, inquiry.id, { body: 'もう一度。' });
    const again = await b.outbox({ type: 'inquiry.after_hours', recipientUserId: w.customerA.userId });
    expect(again.length - before).toBe(2);
    expect(again.at(-1)?.payload.opensAt).toBe(jst('2026-11-22T09:30').toISOString());
  });

  it('says when the desk opens and whom to call, in Japanese and in English', async () => {
    // Sunday 6 December, 19:00: closed since 18:00; opens Monday 7 December 9:30.
    b.clock.set(jst('2026-12-06T19:00'));
    const inquiry = await w.open();
    const [row] = (await b.outbox({ type: 'inquiry.after_hours' })).filter(
      (r) => r.payload.inquiryId === inquiry.id,
    );
    if (!row) throw new Error('no after-hours reply');
    expect(await text(row, 'ja')).toBe(
      `お問い合わせありがとうございます(問い合わせID:${inquiry.id})。ただいま営業時間外のため、12月7日(月) 9:30以降に担当者より順次ご返信いたします。お急ぎの場合は、コールセンター(0120-000-000)までお電話ください。`,
    );
    expect(await text(row, 'en')).toBe(
      `Thank you for your inquiry (inquiry ID:${inquiry.id}). The support desk is closed now; we will answer from Mon 7 Dec, 9:30. If it is urgent, please call our call centre: 0120-000-000.`,
    );
    // Over the New Year closure, with the operator's own numbers: Monday 4 January 2027.
    b.ctx.desk = deskSettings({ urgentPhones: '03-1234-5678, 0120-111-222' });
    b.clock.set(jst('2026-12-30T10:00'));
    const newYear = await w.open();
    const [ny] = (await b.outbox({ type: 'inquiry.after_hours' })).filter(
      (r) => r.payload.inquiryId === newYear.id,
    );
    if (!ny) throw new Error('no after-hours reply');
    expect(await text(ny, 'ja')).toContain('1月4日(月) 9:30以降');
    expect(await text(ny, 'ja')).toContain('コールセンター(03-1234-5678 / 0120-111-222)');
  });
});

describe('round-robin assignment', () => {
  it('assigns in turn among the support members on duty, and only while the desk is open', async () => {
    const repair = w.category('repair');
    await sla.setRoundRobin(w.admin, repair.id, true);
    b.clock.set(jst('2026-11-20T09:00'));
    // Before opening: on duty from 9:30. The sales rep and unassigned staff are not in the rotation.
    await sla.startDuty(w.support1);
    await sla.startDuty(w.support2);
    await sla.startDuty(w.otherStaff);
    expect((await w.open()).assigneeId).toBeNull(); // the desk opens at 9:30
    b.clock.set(jst('2026-11-20T10:00'));
    const turns = [];
    for (let i = 0; i < 4; i++) turns.push((await w.open()).assigneeId);
    const [a, c] = [turns[0], turns[1]];
    expect(new Set([a, c])).toEqual(new Set([w.support1.userId, w.support2.userId]));
    expect(turns).toEqual([a, c, a, c]);
    // Another category is not assigned in turn.
    expect((await w.open(w.customerA, { categoryId: w.category('billing').id })).assigneeId).toBeNull();
    // Off duty: out of the rotation.
    await sla.endDuty(w.support2);
    expect([(await w.open()).assigneeId, (await w.open()).assigneeId]).toEqual([
      w.support1.userId,
      w.support1.userId,
    ]);
    // The shift ends when the desk closes: on Saturday nobody is on duty until they start again.
    b.clock.set(jst('2026-11-21T10:00'));
    expect((await w.open()).assigneeId).toBeNull();
    expect((await sla.onDuty(w.admin)).map((d) => d.userId)).toEqual([]);
    await sla.startDuty(w.support2);
    expect((await w.open()).assigneeId).toBe(w.support2.userId);
    expect(await b.audit('support.round_robin_set')).toHaveLength(1);
  });

  it('tells the assignee the inquiry is theirs, as the new-inquiry notification', async () => {
    await sla.setRoundRobin(w.admin, w.category('repair').id, true);
    b.clock.set(jst('2026-11-20T10:00'));
    await sla.startDuty(w.support1);
    const inquiry = await w.open();
    expect(inquiry.assigneeId).toBe(w.support1.userId);
    const rows = (await b.outbox({ type: 'inquiry.created' })).filter(
      (r) => r.payload.inquiryId === inquiry.id,
    );
    // The company's support members and sales rep hear of it, as always.
    expect(rows.map((r) => r.recipientUserId).sort()).toEqual(
      [w.support1.userId, w.support2.userId, w.salesRep.userId].sort(),
    );
    const mine = rows.find((r) => r.recipientUserId === w.support1.userId);
    const theirs = rows.find((r) => r.recipientUserId === w.support2.userId);
    if (!mine || !theirs) throw new Error('missing notification');
    expect(await text(mine, 'ja')).toContain('自動割当により、あなたが担当者になりました。');
    expect(await text(mine, 'en')).toContain('it is assigned to you');
    expect(await text(theirs, 'ja')).not.toContain('あなたが担当者');
    // The customer's messages go to the assignee only.
    const message = await w.inquiries.addMessage(w.customerA, inquiry.id, { body: '写真を送ります。' });
    expect(message.notified).toEqual([w.support1.userId]);
  });

  it('gives inquiries that came while nobody was on duty their turns once someone is', async () => {
    await sla.setRoundRobin(w.admin, w.category('repair').id, true);
    const assignedBefore = (await b.audit('inquiry.assigned')).length;
    // Friday 10:00, the desk is open but nobody is on duty: the inquiry waits.
    b.clock.set(jst('2026-11-20T10:00'));
    const waiting = await w.open();
    expect(waiting.assigneeId).toBeNull();
    expect(await sla.assignWaiting()).toEqual([]);
    // Support 1 starts duty: the waiting inquiry is theirs at once, and they are told so.
    b.clock.set(jst('2026-11-20T10:20'));
    await sla.startDuty(w.support1);
    const get = (id: number) => b.ctx.uow.read((tx) => tx.support.inquiries.get(id));
    expect((await get(waiting.id))?.assigneeId).toBe(w.support1.userId);
    const told = (await b.outbox({ type: 'inquiry.created' })).filter(
      (r) => r.payload.inquiryId === waiting.id && r.recipientUserId === w.support1.userId,
    );
    expect(told).toHaveLength(2); // as a support member when it came, then as its assignee
    expect(await text(told.at(-1) as (typeof told)[number], 'ja')).toContain('あなたが担当者になりました');
    expect(await b.audit('inquiry.assigned')).toHaveLength(assignedBefore + 1);

    // Friday 21:00, after closing: support 2 starts duty for the next shift; an inquiry comes at 21:30.
    await sla.endDuty(w.support1);
    b.clock.set(jst('2026-11-20T21:00'));
    await sla.startDuty(w.support2);
    b.clock.set(jst('2026-11-20T21:30'));
    const night = await w.open();
    expect(night.assigneeId).toBeNull();
    expect(await sla.assignWaiting()).toEqual([]); // still closed
    // Saturday 9:40, the desk has opened: the sweep gives it its turn, once.
    b.clock.set(jst('2026-11-21T09:40'));
    expect(await sla.assignWaiting()).toEqual([night.id]);
    expect(await sla.assignWaiting()).toEqual([]);
    expect((await get(night.id))?.assigneeId).toBe(w.support2.userId);
  });

  it('takes turns fairly when inquiries arrive at once', async () => {
    await sla.setRoundRobin(w.admin, w.category('repair').id, true);
    b.clock.set(jst('2026-11-20T10:00'));
    await sla.startDuty(w.support1);
    await sla.startDuty(w.support2);
    await warmPool(b, 6);
    const opened = await Promise.all(Array.from({ length: 6 }, () => w.open()));
    const counts = new Map<number | null, number>();
    for (const i of opened) counts.set(i.assigneeId, (counts.get(i.assigneeId) ?? 0) + 1);
    expect(counts.get(w.support1.userId)).toBe(3);
    expect(counts.get(w.support2.userId)).toBe(3);
  });

  it('refuses duty and settings to anyone but staff, and targets out of range', async () => {
    expect(await refusal(sla.startDuty(w.customerA))).toBe('forbidden');
    expect(await refusal(sla.setRoundRobin(w.customerA, w.category('repair').id, true))).toBe('forbidden');
    const repair = w.category('repair').id;
    expect(await refusal(sla.setTarget(w.admin, repair, 'first_response', 0))).toBe('sla.bad_minutes');
    expect(await refusal(sla.setTarget(w.admin, repair, 'first_response', 1.5))).toBe('sla.bad_minutes');
    expect(await refusal(sla.setTarget(w.admin, 999_999, 'first_response', 30))).toBe(
      'support.category_not_found',
    );
    const changed = await sla.setTarget(w.admin, repair, 'resolution', null);
    expect(changed.slaResolutionMinutes).toBeNull();
    await sla.setTarget(w.admin, repair, 'resolution', 600);
  });
});
