/**
 * Money and dates as the users read them (docs/domain.md §7.3): `12,000円` / `¥12,000`,
 * `2026年12月10日(木)` / `Thu, 10 Dec 2026`, always in the business time zone, never the server's.
 */
import type { Locale } from './index.ts';

const yenJa = new Intl.NumberFormat('ja-JP');
const yenEn = new Intl.NumberFormat('en-US');

export function formatYen(amount: number, locale: Locale): string {
  return locale === 'ja' ? `${yenJa.format(amount)}円` : `¥${yenEn.format(amount)}`;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function parts(date: Date, locale: Locale, timeZone: string): Record<string, string> {
  const cacheKey = `${locale}|${timeZone}`;
  let fmt = dateFormats.get(cacheKey);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', {
      timeZone,
      year: 'numeric',
      month: locale === 'ja' ? 'numeric' : 'short',
      day: 'numeric',
      weekday: 'short',
    });
    dateFormats.set(cacheKey, fmt);
  }
  return englishMonth(Object.fromEntries(fmt.formatToParts(date).map((p) => [p.type, p.value])), locale);
}

/** English short months are three letters (`Sep`; ICU's en-GB now says `Sept`). */
function englishMonth(p: Record<string, string>, locale: Locale): Record<string, string> {
  return locale === 'en' && p.month ? { ...p, month: p.month.slice(0, 3) } : p;
}

export function formatDate(date: Date, locale: Locale, timeZone: string): string {
  const p = parts(date, locale, timeZone);
  return locale === 'ja'
    ? `${p.year}年${p.month}月${p.day}日(${p.weekday})`
    : `${p.weekday}, ${p.day} ${p.month} ${p.year}`;
}

/** A business month `2026-11` → `2026年11月` / `Nov 2026`. */
export function formatMonth(month: string, locale: Locale): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  if (!Number.isInteger(y) || !Number.isInteger(m)) return month;
  if (locale === 'ja') return `${y}年${m}月`;
  const name = new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' });
  return `${name.slice(0, 3)} ${y}`;
}

const dayTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** A day and time of day without the year: `12月7日(月) 9:30` / `Mon 7 Dec, 9:30`, in `timeZone`. */
export function formatDayTime(date: Date, locale: Locale, timeZone: string): string {
  const cacheKey = `${locale}|${timeZone}`;
  let fmt = dayTimeFormats.get(cacheKey);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', {
      timeZone,
      month: locale === 'ja' ? 'numeric' : 'short',
      day: 'numeric',
      weekday: 'short',
      hour: 'numeric',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    dayTimeFormats.set(cacheKey, fmt);
  }
  const p = englishMonth(Object.fromEntries(fmt.formatToParts(date).map((x) => [x.type, x.value])), locale);
  const time = `${Number(p.hour)}:${p.minute}`;
  return locale === 'ja'
    ? `${p.month}月${p.day}日(${p.weekday}) ${time}`
    : `${p.weekday} ${p.day} ${p.month}, ${time}`;
}

/** A length of (business) time: `45分`, `2時間`, `2時間30分` / `45 min`, `2 h`, `2 h 30 min`. */
export function formatMinutes(minutes: number, locale: Locale): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (locale === 'ja') return `${h > 0 ? `${h}時間` : ''}${m > 0 || h === 0 ? `${m}分` : ''}`;
  return [h > 0 ? `${h} h` : '', m > 0 || h === 0 ? `${m} min` : ''].filter(Boolean).join(' ');
}
