/**
 * SLAs in the Slack desk channel (docs/domain.md §2.8), end to end with the injected clock: the card
 * shows the time left in business hours and is redrawn as it goes; at 80% of the first-response
 * target the card's thread gets a warning mentioning the assignee (or the channel); past it, a breach
 * notice, counted once on /metrics whatever the number of sweeps. Also the desk commands in Slack.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/domain/actor.ts';
import { DESK, deskCompany, openSlackBench, type SlackBench, slackSeen } from './helpers/slack.ts';

let b: SlackBench;
const STAFF = 'USTAFFSLA';
let staff: Actor;
let customer: Actor;
let storeId: number;

/** A Tokyo wall-clock time (Tokyo is always UTC+9). */
const jst = (local: string) => new Date(`${local}+09:00`);

beforeAll(async () => {
  b = await openSlackBench('slackdesksla');
  b.clock.set(jst('2026-11-20T12:00'));
  const staffId = await b.asUser(STAFF, ['staff'], { name: '佐藤' });
  staff = { userId: staffId, roles: ['staff'], companyId: null };
  const desk = await deskCompany(b, 'sla-company', { manager: true });
  customer = { userId: desk.managerId as number, roles: ['customer'], companyId: desk.companyId };
  storeId = desk.storeId;
});
afterAll(async () => {
  await b?.close();
});

const cardOf = (id: number) =>
  b.slack
    .messagesIn(DESK)
    .find(
      (m) => (!m.thread_ts || m.thread_ts === m.ts) && slackSeen([m]).text.includes(`問い合わせID:${id}`),
    );

const shownOn = (id: number) => {
  const card = cardOf(id);
  return card ? slackSeen([card]).text : '';
};

async function cardText(id: number, wanted: string): Promise<string> {
  await b.slack.waitFor(() => shownOn(id).includes(wanted), 8000);
  return shownOn(id);
}

const threadText = (id: number) => {
  const card = cardOf(id);
  return card ? slackSeen(b.slack.messagesIn(DESK, card.ts).filter((m) => m.ts !== card.ts)).text : '';
};

async function openRepair(): Promise<number> {
  const repair = (await b.app.domain.supportDirectory.categories(customer)).find((c) => c.code === 'repair');
  const created = await b.app.domain.inquiries.create(customer, {
    categoryId: repair?.id ?? 0,
    storeId,
    comment: 'スピーカーから音が出ません。',
  });
  return created.record.id;
}

const breaches = async () =>
  (await b.app.metrics.registry.getSingleMetricAsString('desk_sla_breaches_total'))
    .split('\n')
    .find((l) => l.startsWith('desk_sla_breaches_total{'));

describe('SLA time left and alerts in the desk channel', () => {
  it('shows the time left, warns at 80% mentioning the assignee or the channel, and counts a breach once', async () => {
    b.clock.set(jst('2026-11-20T12:00'));
    const unassigned = await openRepair();
    const taken = await openRepair();
    // Taking is not a first response: the clock goes on, and the warning names the assignee.
    await b.app.domain.inquiries.take(staff, taken);
    expect(await cardText(unassigned, '初回返信まで 残り 1時間(営業時間)')).toContain(
      '解決まで 残り 10時間(営業時間)',
    );

    b.clock.set(jst('2026-11-20T12:15'));
    await cardText(unassigned, '初回返信まで 残り 45分(営業時間)');

    // 12:49: 49 of 60 business minutes used.
    b.clock.set(jst('2026-11-20T12:49'));
    await b.app.slaWatch.sweepOnce();
    await b.slack.waitFor(
      () => threadText(unassigned).includes('⏰') && threadText(taken).includes('⏰'),
      8000,
    );
    expect(threadText(unassigned)).toContain(
      `<!channel> ⏰ 問い合わせID:${unassigned} の初回返信の目標まで、残り 11分(営業時間)です。期限: 11月20日(金) 13:00`,
    );
    expect(threadText(taken)).toContain(`<@${STAFF}> ⏰ 問い合わせID:${taken} の初回返信の目標まで`);
    await b.app.slaWatch.sweepOnce();

    // 13:01: breached; however many sweeps, each breach is posted and counted once.
    b.clock.set(jst('2026-11-20T13:01'));
    await b.app.slaWatch.sweepOnce();
    await b.app.slaWatch.sweepOnce();
    await b.slack.waitFor(() => threadText(unassigned).includes('超えました'), 8000);
    expect(threadText(unassigned)).toContain(
      `<!channel> ⚠️ 問い合わせID:${unassigned} の初回返信が目標時間(1時間)を超えました。`,
    );
    await cardText(unassigned, '⚠️ 初回返信が目標を 1分 超過');
    expect(await breaches()).toBe('desk_sla_breaches_total{target="first_response",category="repair"} 2');
    await b.app.slaWatch.sweepOnce();
    expect(await breaches()).toBe('desk_sla_breaches_total{target="first_response",category="repair"} 2');
    const metrics = await (await fetch(`${b.url}/metrics`)).text();
    expect(metrics).toContain('desk_sla_warnings_total{target="first_response",category="repair"} 2');

    // Answered: the card says so and nothing more is posted for the first response.
    await b.app.domain.inquiries.addMessage(staff, taken, { body: '確認いたします。' });
    await cardText(taken, '初回返信 済(目標超過)');
    const posted = (t: string) => t.split('⏰').length + t.split('⚠️').length;
    const before = posted(threadText(taken));
    await b.app.slaWatch.sweepOnce();
    await new Promise((r) => setTimeout(r, 400));
    expect(posted(threadText(taken))).toBe(before);
    await b.app.domain.inquiries.resolve(staff, taken);
    await b.app.domain.inquiries.resolve(staff, unassigned);
    expect(b.slack.violations).toEqual([]);
  });

  it('is set up by staff with SLA設定, 自動割当 and 勤務開始 from Slack', async () => {
    b.clock.set(jst('2026-11-20T12:00'));
    const list = await b.slash(STAFF, 'SLA設定');
    expect(list.text).toContain('修理 (repair)');
    expect(list.text).toContain('初回返信: 1時間 / 解決: 10時間 / 自動割当: オフ');
    expect((await b.slash(STAFF, 'SLA設定 修理 初回返信 ９０')).text).toContain(
      '修理の初回返信の目標を1時間30分(営業時間)にしました。',
    );
    expect((await b.slash(STAFF, 'SLA設定 修理 初回返信 9O分')).text).toContain('[E322]');
    expect((await b.slash(STAFF, 'SLA設定 修理 初回返信 60')).text).toContain('1時間(営業時間)にしました');
    expect((await b.slash(STAFF, '勤務開始')).text).toContain('勤務を開始しました(12:00〜)');
    expect((await b.slash(STAFF, '自動割当 修理 オン')).text).toContain('修理の自動割当をオンにしました。');
    const rr = await b.slash(STAFF, '自動割当');
    expect(rr.text).toContain('自動割当がオンのカテゴリ: 修理');
    expect(rr.text).toContain('勤務中の担当者: 佐藤(12:00〜)');
    // A support member of the company on duty: the next 修理 inquiry is theirs, and its card says so.
    await b.app.domain.supportSetup.assignStaff(staff, {
      companyId: customer.companyId ?? 0,
      userId: staff.userId,
      role: 'support',
    });
    const assigned = await openRepair();
    expect(await cardText(assigned, '佐藤')).toMatch(/担当\*?\n佐藤/);
    expect((await b.slash(STAFF, '自動割当 修理 オフ')).text).toContain('オフにしました');
    expect((await b.slash(STAFF, '勤務終了')).text).toContain('勤務を終了しました。');
  });
});
