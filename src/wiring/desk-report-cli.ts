/**
 * `npm run desk:report -- --from 2026-11-01 --to 2026-11-30 [--lang en]` (also `npm run cli --
 * desk-report …`): 対応レポート (docs/domain.md §2.13) as a text table per category and per staff member,
 * in Japanese (default) or English. Columns line up in a terminal: full-width characters count two.
 */
import type { Config } from '../config.ts';
import type { DeskReport, DeskReportRow, SlaTally } from '../domain/support/desk-report.ts';
import { zonedParts } from '../domain/work/pay-date.ts';
import { type Locale, t } from '../i18n/index.ts';
import type { Store } from '../store.ts';
import { createDomain } from './domain.ts';

/** Display width in a terminal: East Asian wide and full-width characters take two columns. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;
const width = (s: string) => [...s].reduce((n, ch) => n + (WIDE.test(ch) ? 2 : 1), 0);
const pad = (s: string, w: number, right: boolean) => {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return right ? fill + s : s + fill;
};

/** Seconds as people read a wait: `45秒`, `12分`, `3時間05分`, `2日4時間` (`2d 4h` in English). */
export function formatDuration(seconds: number | null, locale: Locale): string {
  if (seconds === null) return '—';
  const s = Math.round(seconds);
  if (s < 60) return t(locale, 'report.duration.seconds', { s });
  const m = Math.floor(s / 60);
  if (m < 60) return t(locale, 'report.duration.minutes', { m });
  const h = Math.floor(m / 60);
  if (h < 24) return t(locale, 'report.duration.hours', { h, m: String(m % 60).padStart(2, '0') });
  return t(locale, 'report.duration.days', { d: Math.floor(h / 24), h: h % 24 });
}

/** SLA hits over the decided ones: `18/20 (90%)`, `+2` still within the target; `—` for no target. */
export function slaCell(tally: SlaTally, locale: Locale): string {
  const decided = tally.hits + tally.misses;
  if (decided + tally.pending === 0) return '—';
  const out: string[] = [];
  if (decided > 0) {
    // Rounded down: a single miss never reads as 100%.
    const pct = Math.floor((tally.hits * 100) / decided);
    out.push(t(locale, 'report.sla_cell', { hits: tally.hits, decided, pct }));
  }
  if (tally.pending > 0) out.push(t(locale, 'report.sla_pending', { n: tally.pending }));
  return out.join(' ');
}

function cells(row: DeskReportRow, name: string, locale: Locale): string[] {
  return [
    name,
    String(row.inquiries),
    String(row.answered),
    formatDuration(row.firstResponseMedian, locale),
    formatDuration(row.firstResponseP90, locale),
    String(row.completed),
    formatDuration(row.resolutionMedian, locale),
    row.csatAverage === null
      ? '—'
      : t(locale, 'report.csat', { average: row.csatAverage.toFixed(1), count: row.ratings }),
    slaCell(row.sla.firstResponse, locale),
    slaCell(row.sla.resolution, locale),
  ];
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (r: string[]) =>
    r
      .map((c, i) => pad(c, widths[i] ?? 0, i > 0))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

/** The report as lines of text. */
export function deskReportText(report: DeskReport, locale: Locale, timeZone: string): string[] {
  const out = [t(locale, 'report.title', { from: report.from, to: report.to, tz: timeZone }), ''];
  if (report.total.inquiries === 0) return [...out, t(locale, 'report.none')];
  const columns = (first: 'report.col.category' | 'report.col.staff') => [
    t(locale, first),
    t(locale, 'report.col.inquiries'),
    t(locale, 'report.col.answered'),
    t(locale, 'report.col.first_median'),
    t(locale, 'report.col.first_p90'),
    t(locale, 'report.col.completed'),
    t(locale, 'report.col.resolution'),
    t(locale, 'report.col.csat'),
    t(locale, 'report.col.sla_first'),
    t(locale, 'report.col.sla_resolution'),
  ];
  const name = (row: DeskReportRow, none: 'report.unassigned' | 'report.col.category') =>
    row.label === null ? t(locale, none) : row.label[locale];
  const total = cells(report.total, t(locale, 'report.total'), locale);
  out.push(`■ ${t(locale, 'report.by_category')}`);
  out.push(
    ...table(columns('report.col.category'), [
      ...report.byCategory.map((r) => cells(r, name(r, 'report.col.category'), locale)),
      total,
    ]),
  );
  out.push('', `■ ${t(locale, 'report.by_staff')}`);
  out.push(
    ...table(columns('report.col.staff'), [
      ...report.byStaff.map((r) => cells(r, name(r, 'report.unassigned'), locale)),
      total,
    ]),
  );
  const p = zonedParts(report.asOf, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  const at = `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}`;
  out.push('', t(locale, 'report.notes'), t(locale, 'report.sla', { at }));
  return out;
}

/** Reads the period's figures from the store and returns the report's lines. */
export async function runDeskReport(
  config: Config,
  store: Store,
  options: { from: string; to: string; locale: Locale },
): Promise<string[]> {
  const { services } = await createDomain(config, store);
  const report = await services.deskReport.report(null, { from: options.from, to: options.to });
  return deskReportText(report, options.locale, config.businessTimeZone);
}
