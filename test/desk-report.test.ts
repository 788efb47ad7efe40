/**
 * 対応レポート (docs/domain.md §2.13) over a seeded November: inquiries at known times, staff replies,
 * completions and ratings; the period's edges in the business time zone; the figures per category
 * and per staff member; the text in Japanese and English; and `npm run cli -- desk-report` itself.
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { businessMinutesBetween, deskSettings } from '../src/domain/support/calendar.ts';
import { CsatService } from '../src/domain/support/csat.ts';
import { DeskReportService } from '../src/domain/support/desk-report.ts';
import { DeskSlaService } from '../src/domain/support/desk-sla.ts';
import type { InquiryRecord } from '../src/domain/support/records.ts';
import { deskReportText, formatDuration, slaCell } from '../src/wiring/desk-report-cli.ts';
import { type DomainBench, openDomainBench } from './helpers/domain.ts';
import { spawnNode } from './helpers/process.ts';
import { type SupportWorld, supportWorld } from './support-fixture.ts';

let bench: DomainBench;
let w: SupportWorld;
let reports: DeskReportService;
const MIN = 60_000;

beforeAll(async () => {
  bench = await openDomainBench('desk_report');
  w = await supportWorld(bench);
  reports = new DeskReportService(bench.ctx);
  const csat = new CsatService(bench.ctx);
  const at = (iso: string) => bench.clock.set(iso);
  const later = (minutes: number) => bench.clock.advance(minutes * MIN);

  // Just before the period (31 Oct 23:30 in Tokyo): left out.
  at('2026-10-31T14:30:00Z');
  await w.open(w.customerA, { comment: '10月の件' });

  // 修理 #1: the customer adds a line first (not a response), support1 answers after 30 min and
  // resolves 2 h after opening; rated 5.
  at('2026-11-02T01:00:00Z');
  const one = await w.open();
  later(10);
  await w.inquiries.addMessage(w.customerA, one.id, { body: '写真を追加します' });
  later(20);
  await w.inquiries.addMessage(w.support1, one.id, { body: '確認します' });
  later(90);
  await w.inquiries.resolve(w.support1, one.id);
  await csat.rate(w.customerA, one.id, 5);

  // 修理 #2: support1 takes it, answers after 90 min, resolves after a day; rated 3 with a comment.
  at('2026-11-03T01:00:00Z');
  const two = await w.open();
  await w.inquiries.take(w.support1, two.id);
  later(90);
  await w.inquiries.addMessage(w.support1, two.id, { body: '部品を手配します' });
  later(24 * 60 - 90);
  await w.inquiries.resolve(w.support1, two.id);
  await csat.rate(w.customerA, two.id, 3);
  await csat.comment(w.customerA, two.id, '少し時間がかかりました');

  // 放送プログラム #3: support2 answers after 10 min, still open. #4: nobody has answered.
  at('2026-11-10T02:00:00Z');
  const three = await w.open(w.customerA, { categoryId: w.category('broadcast').id });
  await w.inquiries.take(w.support2, three.id);
  later(10);
  await w.inquiries.addMessage(w.support2, three.id, { body: 'BGMを確認します' });
  at('2026-11-15T02:00:00Z');
  await w.open(w.customerA2, { categoryId: w.category('broadcast').id });

  // The last evening of the period (30 Nov 23:30 in Tokyo): in. The first minute of December: out.
  at('2026-11-30T14:30:00Z');
  await w.open(w.customerB, { storeId: w.storeB.id, categoryId: w.category('other').id });
  at('2026-11-30T15:00:00Z');
  await w.open(w.customerB, { storeId: w.storeB.id, categoryId: w.category('other').id });
});
afterAll(() => bench?.close());

describe('対応レポート', () => {
  it('sums up the period per category and per staff member', async () => {
    const r = await reports.report(w.admin, { from: '2026-11-01', to: '2026-11-30' });
    expect(r.total).toMatchObject({
      inquiries: 5,
      answered: 3,
      // 10, 30 and 90 minutes.
      firstResponseMedian: 30 * 60,
      firstResponseP90: 78 * 60,
      completed: 2,
      // 2 h and 24 h.
      resolutionMedian: 13 * 3600,
      ratings: 2,
      csatAverage: 4,
      // Default calendar, now 1 Dec 00:00 in Tokyo. First response (修理 60, 放送プログラム 120
      // business minutes): #1 and #3 in time, #2 late, #4 never; その他 (30 Nov 23:30) still within.
      // Resolution (600, 1,800): #1 and #2 (510 business minutes over 文化の日's shorter hours) in
      // time, #3 and #4 still open past it.
      sla: {
        firstResponse: { hits: 2, misses: 2, pending: 1, notApplicable: 0 },
        resolution: { hits: 2, misses: 2, pending: 1, notApplicable: 0 },
      },
    });
    const repair = r.byCategory.find((c) => c.label?.ja === '修理');
    expect(repair).toMatchObject({
      inquiries: 2,
      answered: 2,
      firstResponseMedian: 60 * 60,
      firstResponseP90: 84 * 60,
      resolutionMedian: 13 * 3600,
      csatAverage: 4,
      ratings: 2,
      sla: {
        firstResponse: { hits: 1, misses: 1, pending: 0, notApplicable: 0 },
        resolution: { hits: 2, misses: 0, pending: 0, notApplicable: 0 },
      },
    });
    const broadcast = r.byCategory.find((c) => c.label?.ja === '放送プログラム');
    expect(broadcast).toMatchObject({
      inquiries: 2,
      answered: 1,
      completed: 0,
      resolutionMedian: null,
      ratings: 0,
    });
    expect(r.byCategory.find((c) => c.label?.ja === 'その他')?.inquiries).toBe(1);
    // Categories in their own order: 放送プログラム before 修理.
    const names = r.byCategory.map((c) => c.label?.ja);
    expect(names.indexOf('放送プログラム')).toBeLessThan(names.indexOf('修理'));

    expect(r.byStaff.map((s) => [s.label?.ja ?? null, s.inquiries])).toEqual([
      ['佐藤', 2],
      ['鈴木', 1],
      [null, 2],
    ]);
    expect(r.byStaff[0]).toMatchObject({ firstResponseMedian: 60 * 60, csatAverage: 4, ratings: 2 });
  });

  it('prints it in Japanese and English, and says when a period is empty', async () => {
    const r = await reports.report(null, { from: '2026-11-01', to: '2026-11-30' });
    const ja = deskReportText(r, 'ja', 'Asia/Tokyo').join('\n');
    expect(ja).toContain('問い合わせ対応レポート 2026-11-01〜2026-11-30(受付日、Asia/Tokyo)');
    expect(ja).toContain('■ カテゴリ別');
    expect(ja).toMatch(/修理\s+2\s+2\s+1時間00分\s+1時間24分\s+2\s+13時間00分\s+4\.0 \/ 2件/);
    expect(ja).toMatch(/未割当\s+2\s+0\s+—\s+—\s+0\s+—\s+—/);
    expect(ja).toMatch(/合計\s+5\s+3\s+30分\s+1時間18分\s+2\s+13時間00分\s+4\.0 \/ 2件/);
    expect(ja).toMatch(/初回応答SLA\s+解決SLA\n/);
    expect(ja).toMatch(
      /修理\s+2\s+2\s+1時間00分\s+1時間24分\s+2\s+13時間00分\s+4\.0 \/ 2件\s+1\/2 \(50%\)\s+2\/2 \(100%\)\n/,
    );
    expect(ja).toMatch(/合計.*件\s+2\/4 \(50%\) \+1\s+2\/4 \(50%\) \+1\n/);
    expect(ja).toContain('2026-12-01 00:00時点の判定です。');
    const en = deskReportText(r, 'en', 'Asia/Tokyo').join('\n');
    expect(en).toContain('Support desk report 2026-11-01 to 2026-11-30');
    expect(en).toMatch(/Repair\s+2\s+2\s+1h 00m\s+1h 24m\s+2\s+13h 00m\s+4\.0 \/ 2/);
    expect(en).toMatch(/First response SLA\s+Resolution SLA\n/);
    expect(en).toMatch(/Repair.*\/ 2\s+1\/2 \(50%\)\s+2\/2 \(100%\)\n/);
    expect(en).toContain('As of 2026-12-01 00:00.');

    const empty = await reports.report(null, { from: '2025-01-01', to: '2025-01-31' });
    expect(deskReportText(empty, 'ja', 'Asia/Tokyo').join('\n')).toContain(
      'この期間に受け付けた問い合わせはありません。',
    );
    expect(formatDuration(45, 'ja')).toBe('45秒');
    expect(formatDuration(26 * 3600 + 59, 'en')).toBe('1d 2h');
    // Staff only (the command line passes no actor); a bad period is refused.
    await expect(reports.report(w.customerA, { from: '2026-11-01', to: '2026-11-30' })).rejects.toThrow();
    await expect(reports.report(null, { from: '2026-11-30', to: '2026-11-01' })).rejects.toThrow();
  });

  it('runs as npm run cli -- desk-report, with full-width dates', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'desk-report-'));
    const env = { DATABASE_URL: bench.store.schema.url, DATA_DIR: dataDir };
    const p = spawnNode(
      'src/cli.ts',
      ['desk-report', '--from', '２０２６/１１/０１', '--to', '2026-11-30'],
      env,
    );
    expect(await p.exited).toBe(0);
    expect(p.stdout()).toContain('問い合わせ対応レポート 2026-11-01〜2026-11-30');
    expect(p.stdout()).toMatch(/合計\s+5\s+3/);
    const en = spawnNode(
      'src/cli.ts',
      ['desk-report', '--from', '2026-11-01', '--to', '2026-11-30', '--lang', 'en'],
      env,
    );
    expect(await en.exited).toBe(0);
    expect(en.stdout()).toContain('By staff member');
    const bad = spawnNode('src/cli.ts', ['desk-report', '--from', '2026-11-01'], env);
    expect(await bad.exited).toBe(2);
    expect(bad.stderr()).toContain('--from and --to are required');
    expect(loadConfig({}).businessTimeZone).toBe('Asia/Tokyo');
  });
});

/**
 * SLA hits over a desk whose calendar (DESK_HOURS) closes on national holidays: 修理 with 60
 * business minutes to the first response and 240 to resolution, その他 with no targets; the report
 * judged on Wed 25 Nov 12:00 in Tokyo.
 */
describe('対応レポート: SLA hits in business time', () => {
  const HOURS = 'mon-fri 09:30-20:00; sat,sun 09:30-18:00';
  let b: DomainBench;
  let v: SupportWorld;
  let holidayEve: InquiryRecord;

  beforeAll(async () => {
    b = await openDomainBench('desk_report_sla');
    b.ctx.desk = deskSettings({ hours: HOURS });
    v = await supportWorld(b);
    const sla = new DeskSlaService(b.ctx);
    const repair = v.category('repair').id;
    const other = v.category('other').id;
    await sla.setTarget(v.admin, repair, 'first_response', 60);
    await sla.setTarget(v.admin, repair, 'resolution', 240);
    await sla.setTarget(v.admin, other, 'first_response', null);
    await sla.setTarget(v.admin, other, 'resolution', null);
    // Times in Tokyo (UTC+9).
    const at = (jst: string) => b.clock.set(new Date(`${jst}+09:00`));
    const reply = (actor: typeof v.support1, id: number) =>
      v.inquiries.addMessage(actor, id, { body: '確認します' });

    // A (Tue 17 Nov): answered in 30 business minutes, resolved in 180: both hits.
    at('2026-11-17T10:00');
    const a = await v.open();
    at('2026-11-17T10:30');
    await reply(v.support1, a.id);
    at('2026-11-17T13:00');
    await v.inquiries.resolve(v.support1, a.id);

    // B (Wed 18 Nov): answered after 2 hours, resolved after 5: both misses.
    at('2026-11-18T10:00');
    const bb = await v.open();
    at('2026-11-18T12:00');
    await reply(v.support1, bb.id);
    at('2026-11-18T15:00');
    await v.inquiries.resolve(v.support1, bb.id);

    // C: Sunday 22 Nov 19:50, after the desk closed; Monday 23 Nov is 勤労感謝の日 (closed). Answered
    // Tue 24 Nov 10:00 (38 h 10 min later, 30 business minutes), resolved 13:00 (210): both hits.
    at('2026-11-22T19:50');
    holidayEve = await v.open();
    at('2026-11-24T10:00');
    await reply(v.support2, holidayEve.id);
    at('2026-11-24T13:00');
    await v.inquiries.resolve(v.support2, holidayEve.id);

    // D (Thu 19 Nov): nobody answers; past both targets by the report: both misses.
    at('2026-11-19T10:00');
    const d = await v.open();
    await v.inquiries.addMessage(v.customerA, d.id, { body: 'まだでしょうか' });

    // G (Fri 20 Nov): resolved after 20 minutes without a reply: the resolution is the first
    // response (§2.8), both hits. F: その他, taken and answered: no targets.
    at('2026-11-20T10:00');
    const g = await v.open();
    at('2026-11-20T10:20');
    await v.inquiries.resolve(v.support2, g.id);
    at('2026-11-20T11:00');
    const f = await v.open(v.customerA, { categoryId: other });
    await v.inquiries.take(v.support1, f.id);
    at('2026-11-20T11:05');
    await reply(v.support1, f.id);

    // E (Wed 25 Nov 11:30): 30 minutes old when the report is made: within both targets.
    at('2026-11-25T11:30');
    await v.open();
    at('2026-11-25T12:00');
  });
  afterAll(() => b?.close());

  it('counts hits, misses and those still within their target, per category and staff member', async () => {
    const cal = b.ctx.desk?.calendar;
    if (!cal) throw new Error('no calendar');
    const answered = new Date('2026-11-24T10:00+09:00');
    expect(businessMinutesBetween(cal, holidayEve.createdAt, answered)).toBe(30);
    expect((answered.getTime() - holidayEve.createdAt.getTime()) / MIN).toBe(38 * 60 + 10);

    const r = await new DeskReportService(b.ctx).report(null, { from: '2026-11-16', to: '2026-11-30' });
    const three = { hits: 3, misses: 2, pending: 1 };
    const repair = r.byCategory.find((c) => c.label?.ja === '修理');
    expect(repair).toMatchObject({
      inquiries: 6,
      // A, B, C and G (resolved without a reply); 20 min, 30 min, 2 h, 38 h 10 min.
      answered: 4,
      firstResponseMedian: 75 * 60,
      sla: {
        firstResponse: { ...three, notApplicable: 0 },
        resolution: { ...three, notApplicable: 0 },
      },
    });
    expect(r.byCategory.find((c) => c.label?.ja === 'その他')?.sla).toEqual({
      firstResponse: { hits: 0, misses: 0, pending: 0, notApplicable: 1 },
      resolution: { hits: 0, misses: 0, pending: 0, notApplicable: 1 },
    });
    expect(r.total.sla.firstResponse).toEqual({ ...three, notApplicable: 1 });
    expect(r.byStaff.map((s) => [s.label?.ja ?? null, s.sla.firstResponse, s.sla.resolution])).toEqual([
      [
        '佐藤',
        { hits: 1, misses: 1, pending: 0, notApplicable: 1 },
        { hits: 1, misses: 1, pending: 0, notApplicable: 1 },
      ],
      [
        '鈴木',
        { hits: 2, misses: 0, pending: 0, notApplicable: 0 },
        { hits: 2, misses: 0, pending: 0, notApplicable: 0 },
      ],
      [
        null,
        { hits: 0, misses: 1, pending: 1, notApplicable: 0 },
        { hits: 0, misses: 1, pending: 1, notApplicable: 0 },
      ],
    ]);

    // The same inquiries on the default calendar, where holidays are open 9:30–18:00: C used 540
    // business minutes before its answer and 720 before it was resolved, so both are misses.
    const open = await new DeskReportService({ ...b.ctx, desk: undefined }).report(null, {
      from: '2026-11-16',
      to: '2026-11-30',
    });
    expect(open.byCategory.find((c) => c.label?.ja === '修理')?.sla.firstResponse).toMatchObject({
      hits: 2,
      misses: 3,
    });
    expect(open.byStaff.find((s) => s.label?.ja === '鈴木')?.sla.resolution).toMatchObject({
      hits: 1,
      misses: 1,
    });
  });

  it('prints 「初回応答SLA 3/5 (60%)」 and — for no target, in English too', async () => {
    const r = await new DeskReportService(b.ctx).report(null, { from: '2026-11-16', to: '2026-11-30' });
    const ja = deskReportText(r, 'ja', 'Asia/Tokyo').join('\n');
    expect(ja).toMatch(/修理\s+6\s+4\s.*\s3\/5 \(60%\) \+1\s+3\/5 \(60%\) \+1\n/);
    expect(ja).toMatch(/その他\s+1\s+1\s.*\s+—\s+—\n/);
    expect(ja).toMatch(/鈴木\s+2\s+2\s.*2\/2 \(100%\)\s+2\/2 \(100%\)\n/);
    expect(ja).toContain('2026-11-25 12:00時点の判定です。');
    const en = deskReportText(r, 'en', 'Asia/Tokyo').join('\n');
    expect(en).toMatch(/Repair\s+6\s+4\s.*3\/5 \(60%\) \+1\s+3\/5 \(60%\) \+1\n/);
    expect(en).toMatch(/Other\s+1\s+1\s.*\s+—\s+—\n/);
    expect(en).toMatch(/Unassigned\s+2\s+0\s.*0\/1 \(0%\) \+1\s+0\/1 \(0%\) \+1\n/);
    expect(en).toMatch(/Total\s+7\s+5\s.*3\/5 \(60%\) \+1\s+3\/5 \(60%\) \+1\n/);
    expect(en).toContain('As of 2026-11-25 12:00.');
    // A share is rounded down: one miss in 200 is not 100%.
    expect(slaCell({ hits: 199, misses: 1, pending: 0, notApplicable: 0 }, 'en')).toBe('199/200 (99%)');
    expect(slaCell({ hits: 0, misses: 0, pending: 2, notApplicable: 3 }, 'ja')).toBe('+2');
  });

  it('takes the calendar from DESK_HOURS on the command line', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'desk-report-sla-'));
    const args = ['desk-report', '--from', '2026-11-16', '--to', '2026-11-30', '--lang', 'en'];
    const p = spawnNode('src/cli.ts', args, {
      DATABASE_URL: b.store.schema.url,
      DATA_DIR: dataDir,
      DESK_HOURS: HOURS,
    });
    expect(await p.exited).toBe(0);
    // 鈴木's two (C over the holiday, G) are stopped, so the real clock cannot change them.
    expect(p.stdout()).toMatch(/鈴木\s+2\s+2\s.*2\/2 \(100%\)\s+2\/2 \(100%\)\n/);
  });
});
