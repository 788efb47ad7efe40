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
import { CsatService } from '../src/domain/support/csat.ts';
import { DeskReportService } from '../src/domain/support/desk-report.ts';
import { deskReportText, formatDuration } from '../src/wiring/desk-report-cli.ts';
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
      sla: null,
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
    expect(ja).toContain('SLA達成: 未集計です');
    const en = deskReportText(r, 'en', 'Asia/Tokyo').join('\n');
    expect(en).toContain('Support desk report 2026-11-01 to 2026-11-30');
    expect(en).toMatch(/Repair\s+2\s+2\s+1h 00m\s+1h 24m\s+2\s+13h 00m\s+4\.0 \/ 2/);
    expect(en).toContain('SLA hits: not measured yet');

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
