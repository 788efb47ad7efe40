/**
 * The desk's business calendar (docs/domain.md §2.7): opening hours per weekday and for national
 * holidays, the company's own closed days (年末年始), and time arithmetic in business minutes, all
 * on the wall clock of the business time zone (docs/domain.md §5.1). Pure functions: the clock is
 * the caller's.
 */
import holidayJp from '@holiday-jp/holiday_jp';
import { zonedParts, zonedTimeToInstant } from '../work/pay-date.ts';

export const DAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'holiday'] as const;
export type DayKey = (typeof DAY_KEYS)[number];
const WEEK: readonly DayKey[] = DAY_KEYS.slice(0, 7);

/** Open from `open` to `close`, minutes after local midnight (0–1440, open < close). */
export interface OpenHours {
  open: number;
  close: number;
}

/** A company closed day: every year (`MM-DD`, may wrap over New Year) or a stretch of dates. */
export type ClosedRule =
  | { kind: 'annual'; from: string; to: string }
  | { kind: 'dates'; from: string; to: string };

export interface DeskCalendar {
  timeZone: string;
  /** `holiday` applies to Japanese national holidays (振替休日 and 国民の休日 included). */
  hours: Readonly<Record<DayKey, OpenHours | null>>;
  closed: readonly ClosedRule[];
}

/** What the desk is configured with (DESK_HOURS, DESK_CLOSED_DAYS, DESK_URGENT_PHONES). */
export interface DeskSettings {
  calendar: DeskCalendar;
  /** Numbers for urgent calls, as printed; may be empty. */
  urgentPhones: readonly string[];
}

/** The call centre's hours: 平日 9:30〜20:00, 土日祝 9:30〜18:00, closed over the New Year. */
export const DEFAULT_DESK_HOURS = 'mon-fri 09:30-20:00; sat,sun,holiday 09:30-18:00';
export const DEFAULT_CLOSED_DAYS = '12-29..01-03';
export const DEFAULT_URGENT_PHONES = '0120-000-000';

/** A configuration value that does not parse; the message says what is wrong and how to write it. */
export class DeskConfigError extends Error {}

const DAY_WORDS: Record<string, DayKey> = {
  mon: 'mon',
  tue: 'tue',
  wed: 'wed',
  thu: 'thu',
  fri: 'fri',
  sat: 'sat',
  sun: 'sun',
  holiday: 'holiday',
  holidays: 'holiday',
  月: 'mon',
  火: 'tue',
  水: 'wed',
  木: 'thu',
  金: 'fri',
  土: 'sat',
  日: 'sun',
  祝: 'holiday',
  祝日: 'holiday',
};
const CLOSED_WORDS = new Set(['closed', 'close', '休', '休み', '休業']);

/** NFKC, lower case, every dash or wave between numbers and days as `-`. */
const tidy = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[〜~–—−ー]/gu, '-')
    .replace(/\s*([,・、])\s*/gu, '$1')
    .trim();

function minutesOf(hhmm: string, entry: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  const hours = Number(m?.[1]);
  const minutes = Number(m?.[2]);
  if (!m || hours > 24 || minutes > 59 || (hours === 24 && minutes > 0)) {
    throw new DeskConfigError(`"${entry}": "${hhmm}" is not a time of day (write 09:30, 20:00, 24:00)`);
  }
  return hours * 60 + minutes;
}

function daysOf(list: string, entry: string): DayKey[] {
  const days: DayKey[] = [];
  for (const item of list.split(/[,・、]/u).filter((s) => s !== '')) {
    const [a, b, extra] = item.split('-');
    const from = DAY_WORDS[a ?? ''];
    const to = b === undefined ? from : DAY_WORDS[b];
    if (!from || !to || extra !== undefined || ((from === 'holiday') !== (to === 'holiday') && b)) {
      throw new DeskConfigError(
        `"${entry}": "${item}" is not a day (mon … sun, holiday, or a range such as mon-fri)`,
      );
    }
    if (from === 'holiday') {
      days.push('holiday');
      continue;
    }
    // A range may wrap over the week end (fri-mon).
    for (let i = WEEK.indexOf(from); ; i = (i + 1) % 7) {
      days.push(WEEK[i] as DayKey);
      if (WEEK[i] === to) break;
    }
  }
  return days;
}

/**
 * DESK_HOURS: entries separated by `;`, each `<days> <HH:MM-HH:MM>` or `<days> closed`, e.g.
 * `mon-fri 09:30-20:00; sat,sun,holiday 09:30-18:00`. Days are mon … sun (or 月 … 日), ranges such
 * as `mon-fri`, and `holiday` (祝) for national holidays. A day not named is closed.
 */
export function parseDeskHours(text: string): Record<DayKey, OpenHours | null> {
  const hours = Object.fromEntries(DAY_KEYS.map((d) => [d, null])) as Record<DayKey, OpenHours | null>;
  const named = new Set<DayKey>();
  const entries = tidy(text)
    .split(/[;\n]/u)
    .map((e) => e.trim())
    .filter((e) => e !== '');
  if (entries.length === 0)
    throw new DeskConfigError('give at least one entry such as "mon-fri 09:30-20:00"');
  for (const entry of entries) {
    const m = /^(\S+)\s+(\S+?)(?:\s*-\s*(\S+))?$/u.exec(entry);
    if (!m) throw new DeskConfigError(`"${entry}": write "<days> <HH:MM-HH:MM>", e.g. "mon-fri 09:30-20:00"`);
    const days = daysOf(m[1] ?? '', entry);
    let open: OpenHours | null = null;
    if (m[3] === undefined && CLOSED_WORDS.has(m[2] ?? '')) open = null;
    else if (m[3] === undefined)
      throw new DeskConfigError(`"${entry}": give the hours as HH:MM-HH:MM, or "closed"`);
    else {
      open = { open: minutesOf(m[2] ?? '', entry), close: minutesOf(m[3], entry) };
      if (open.close <= open.open)
        throw new DeskConfigError(`"${entry}": the desk must close after it opens, on the same day`);
    }
    for (const day of days) {
      if (named.has(day)) throw new DeskConfigError(`"${entry}": ${day} is given twice`);
      named.add(day);
      hours[day] = open;
    }
  }
  if (WEEK.every((d) => hours[d] === null))
    throw new DeskConfigError('the desk must be open on at least one day of the week');
  return hours;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function monthDay(s: string, item: string): string {
  const m = /^(\d{1,2})-(\d{1,2})$/.exec(s);
  const month = Number(m?.[1]);
  const day = Number(m?.[2]);
  // 2024 is a leap year, so 02-29 is a day.
  const check = new Date(Date.UTC(2024, month - 1, day));
  if (!m || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new DeskConfigError(`"${item}": "${s}" is not a day of the year (write MM-DD, e.g. 12-29)`);
  }
  return `${pad2(month)}-${pad2(day)}`;
}

function fullDate(s: string, item: string): string {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const [y, mo, d] = [Number(m?.[1]), Number(m?.[2]), Number(m?.[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (!m || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
    throw new DeskConfigError(`"${item}": "${s}" is not a date (write YYYY-MM-DD, e.g. 2027-05-06)`);
  }
  return `${y}-${pad2(mo)}-${pad2(d)}`;
}

/**
 * DESK_CLOSED_DAYS: the company's closed days, separated by `,`: every year `12-29..01-03` (or one
 * day, `08-15`), or dates `2027-05-06`, `2027-08-13..2027-08-16`; `none` for none.
 */
export function parseClosedDays(text: string): ClosedRule[] {
  const s = tidy(text).replaceAll('/', '-');
  if (s === 'none' || s === 'なし') return [];
  const rules: ClosedRule[] = [];
  for (const item of s.split(/[,;、\s]+/u).filter((x) => x !== '')) {
    const [a = '', b, extra] = item.split(/\.\.|--/u);
    if (extra !== undefined) throw new DeskConfigError(`"${item}": write one day or a range "from..to"`);
    const isDate = /^\d{4}-/.test(a);
    if (b !== undefined && /^\d{4}-/.test(b) !== isDate) {
      throw new DeskConfigError(`"${item}": both ends must be MM-DD, or both YYYY-MM-DD`);
    }
    if (isDate) {
      const from = fullDate(a, item);
      const to = b === undefined ? from : fullDate(b, item);
      if (to < from) throw new DeskConfigError(`"${item}": the range ends before it starts`);
      rules.push({ kind: 'dates', from, to });
    } else {
      const from = monthDay(a, item);
      rules.push({ kind: 'annual', from, to: b === undefined ? from : monthDay(b, item) });
    }
  }
  return rules;
}

/** DESK_URGENT_PHONES: numbers separated by `,` (digits, `-`, spaces, a leading `+`); `none` for none. */
export function parseUrgentPhones(text: string): string[] {
  const s = text.normalize('NFKC').trim();
  if (s.toLowerCase() === 'none' || s === 'なし') return [];
  const phones = s
    .split(/[,、]/u)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  for (const p of phones) {
    if (!/^\+?\d[\d\- ()]{4,24}\d$/.test(p)) {
      throw new DeskConfigError(`"${p}" is not a phone number (digits and hyphens, e.g. 0120-000-000)`);
    }
  }
  return phones;
}

export function deskSettings(
  input: {
    hours?: string | undefined;
    closedDays?: string | undefined;
    urgentPhones?: string | undefined;
  } = {},
  timeZone = 'Asia/Tokyo',
): DeskSettings {
  return {
    calendar: {
      timeZone,
      hours: parseDeskHours(input.hours ?? DEFAULT_DESK_HOURS),
      closed: parseClosedDays(input.closedDays ?? DEFAULT_CLOSED_DAYS),
    },
    urgentPhones: parseUrgentPhones(input.urgentPhones ?? DEFAULT_URGENT_PHONES),
  };
}

// --- Days --------------------------------------------------------------------------------------

/** A local calendar date. */
interface Day {
  year: number;
  month: number;
  day: number;
}

const holidays: Readonly<Record<string, unknown>> = holidayJp.holidays;
const ymdOf = (d: Day) => `${d.year}-${pad2(d.month)}-${pad2(d.day)}`;

function dayAfter(d: Day, n: number): Day {
  const x = new Date(Date.UTC(d.year, d.month - 1, d.day + n));
  return { year: x.getUTCFullYear(), month: x.getUTCMonth() + 1, day: x.getUTCDate() };
}

const localDay = (at: Date, timeZone: string): Day => zonedParts(at, timeZone);

function isCompanyClosed(rules: readonly ClosedRule[], ymd: string): boolean {
  const md = ymd.slice(5);
  return rules.some((r) => {
    if (r.kind === 'dates') return r.from <= ymd && ymd <= r.to;
    return r.from <= r.to ? r.from <= md && md <= r.to : md >= r.from || md <= r.to;
  });
}

/** Which hours apply on a business date `YYYY-MM-DD`, or why it is closed. */
export function dayKind(cal: DeskCalendar, ymd: string): DayKey | 'company_closed' {
  if (isCompanyClosed(cal.closed, ymd)) return 'company_closed';
  if (Object.hasOwn(holidays, ymd)) return 'holiday';
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  return WEEK[(new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7] as DayKey;
}

type Interval = { open: number; close: number } | null;
/** Intervals already worked out, per calendar and date (the SLA sweep asks for the same days often). */
const intervalCache = new WeakMap<DeskCalendar, Map<string, Interval>>();

/** The open interval of a local date, as instants; null when the desk is closed all day. */
function intervalOn(cal: DeskCalendar, d: Day): Interval {
  let cache = intervalCache.get(cal);
  if (!cache || cache.size > 20_000) {
    cache = new Map();
    intervalCache.set(cal, cache);
  }
  const ymd = ymdOf(d);
  let iv = cache.get(ymd);
  if (iv === undefined) {
    iv = computeInterval(cal, d);
    cache.set(ymd, iv);
  }
  return iv;
}

function computeInterval(cal: DeskCalendar, d: Day): Interval {
  const kind = dayKind(cal, ymdOf(d));
  const hours = kind === 'company_closed' ? null : cal.hours[kind];
  if (!hours) return null;
  const at = (min: number) =>
    zonedTimeToInstant({ ...d, hour: Math.floor(min / 60), minute: min % 60 }, cal.timeZone).getTime();
  return { open: at(hours.open), close: at(hours.close) };
}

/** How far any search looks: past this the calendar is taken to never open (it always does). */
const HORIZON_DAYS = 800;

/** The open intervals from the day of `from` on, in order. */
function* intervalsFrom(cal: DeskCalendar, from: Date): Generator<{ open: number; close: number }> {
  const first = localDay(from, cal.timeZone);
  for (let i = 0; i < HORIZON_DAYS; i++) {
    const iv = intervalOn(cal, dayAfter(first, i));
    if (iv) yield iv;
  }
}

/** The desk's hours on the business date of `at`, as instants; null when closed that day. */
export function hoursOn(cal: DeskCalendar, at: Date): { open: Date; close: Date } | null {
  const iv = intervalOn(cal, localDay(at, cal.timeZone));
  return iv ? { open: new Date(iv.open), close: new Date(iv.close) } : null;
}

export function isOpen(cal: DeskCalendar, at: Date): boolean {
  const iv = intervalOn(cal, localDay(at, cal.timeZone));
  return iv !== null && iv.open <= at.getTime() && at.getTime() < iv.close;
}

/** The first instant at or after `at` when the desk is open (`at` itself while open). */
export function nextOpening(cal: DeskCalendar, at: Date): Date {
  for (const iv of intervalsFrom(cal, at)) {
    if (iv.close > at.getTime()) return new Date(Math.max(iv.open, at.getTime()));
  }
  throw new Error('the desk calendar never opens');
}

/** When the desk last closed before `at` (the end of the last open period that ended by then). */
export function previousClosing(cal: DeskCalendar, at: Date): Date {
  const today = localDay(at, cal.timeZone);
  for (let i = 0; i < HORIZON_DAYS; i++) {
    const iv = intervalOn(cal, dayAfter(today, -i));
    if (iv && iv.close <= at.getTime()) return new Date(iv.close);
  }
  return new Date(0);
}

/** `at` plus `minutes` of open time: the instant the desk has been open that long since `at`. */
export function addBusinessMinutes(cal: DeskCalendar, at: Date, minutes: number): Date {
  let left = Math.max(0, minutes) * 60_000;
  for (const iv of intervalsFrom(cal, at)) {
    const start = Math.max(iv.open, at.getTime());
    if (start >= iv.close) continue;
    if (left <= iv.close - start) return new Date(start + left);
    left -= iv.close - start;
  }
  throw new Error('the desk calendar never opens');
}

/** Milliseconds of open time from `from` to `to` (0 when `to` is not after `from`). */
export function businessMsBetween(cal: DeskCalendar, from: Date, to: Date): number {
  const end = to.getTime();
  let total = 0;
  for (const iv of intervalsFrom(cal, from)) {
    if (iv.open >= end) break;
    const overlap = Math.min(iv.close, end) - Math.max(iv.open, from.getTime());
    if (overlap > 0) total += overlap;
  }
  return total;
}

/** Whole minutes of open time from `from` to `to`. */
export function businessMinutesBetween(cal: DeskCalendar, from: Date, to: Date): number {
  return Math.floor(businessMsBetween(cal, from, to) / 60_000);
}

let defaults: DeskSettings | undefined;

/** The desk settings of a domain context (DESK_* variables), or the call centre's defaults. */
export function deskOf(ctx: { desk?: DeskSettings | undefined; businessTimeZone: string }): DeskSettings {
  if (ctx.desk) return ctx.desk;
  if (defaults?.calendar.timeZone !== ctx.businessTimeZone) defaults = deskSettings({}, ctx.businessTimeZone);
  return defaults;
}
