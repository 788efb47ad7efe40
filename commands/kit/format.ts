/**
 * Values as every portal's replies show them: money in yen, dates, times of day, months and
 * business dates in the business time zone (never the server's), file sizes, counts, a short
 * excerpt of longer text, and a list joined in the reader's language.
 */
import type { CommandContext } from '../../src/chat/command.ts';
import { zonedParts, zonedTimeToInstant } from '../../src/domain/work/pay-date.ts';
import { formatDate, formatMonth, formatYen } from '../../src/i18n/format.ts';
import type { Locale } from '../../src/i18n/index.ts';

export const yen = (ctx: CommandContext, amount: number) => formatYen(amount, ctx.locale);

/** An instant's date, as formatDate writes it, in the business time zone. */
export const dateText = (ctx: CommandContext, date: Date) =>
  formatDate(date, ctx.locale, ctx.services.config.businessTimeZone);

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** The time of day, `09:05` (24-hour in both languages), in `timeZone`. */
export function timeOfDay(date: Date, timeZone: string): string {
  let fmt = timeFormats.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    timeFormats.set(timeZone, fmt);
  }
  return fmt.format(date);
}

/** The date as formatDate writes it, and the time of day, both in the business time zone. */
export function formatDateTime(date: Date, locale: Locale, timeZone: string): string {
  return `${formatDate(date, locale, timeZone)} ${timeOfDay(date, timeZone)}`;
}

/** A business date `YYYY-MM-DD` (e.g. a pay date) as users read dates. */
export function businessDateText(ctx: CommandContext, ymd: string): string {
  const [year, month, day] = ymd.split('-').map(Number) as [number, number, number];
  const tz = ctx.services.config.businessTimeZone;
  return formatDate(zonedTimeToInstant({ year, month, day, hour: 12, minute: 0 }, tz), ctx.locale, tz);
}

/** `2026-11` → `2026年11月` / `Nov 2026`. */
export function monthText(locale: Locale, month: string): string {
  return formatMonth(month, locale);
}

/** Today in the business time zone, `YYYY-MM-DD` (what `parseDate` completes a year from). */
export function businessToday(ctx: CommandContext): string {
  const p = zonedParts(ctx.services.clock(), ctx.services.config.businessTimeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** The end of business day `YYYY-MM-DD` (23:59 in the business zone): a deadline typed as a date. */
export function endOfBusinessDay(ctx: CommandContext, ymd: string): Date {
  const [year, month, day] = ymd.split('-').map(Number) as [number, number, number];
  return zonedTimeToInstant({ year, month, day, hour: 23, minute: 59 }, ctx.services.config.businessTimeZone);
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** `1,000` for a count: both languages group thousands with a comma. */
export const formatCount = (n: number) => n.toLocaleString('en-US');

/**
 * The first `max` characters of `s` on one line, with an ellipsis when cut. With `firstLineOnly`,
 * only the first line is shown, and the ellipsis also says there was more.
 */
export function excerpt(s: string, max = 40, firstLineOnly = false): string {
  const line = firstLineOnly ? (s.split('\n')[0] ?? '') : s;
  const chars = [...line.replace(/\s+/gu, ' ').trim()];
  return chars.length > max || line !== s ? `${chars.slice(0, max).join('')}…` : chars.join('');
}

/** `a、b` / `a, b`, or the translated "none". */
export function joined(ctx: CommandContext, values: readonly string[]): string {
  return values.length === 0 ? ctx.t('work.none') : values.join(ctx.t('common.separator'));
}
