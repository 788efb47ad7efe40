/**
 * The business calendar of payments (docs/domain.md §1.9, §5): month-end close, paid on the 10th of the
 * following month (末締め翌月10日払い). The money must arrive *by* the 10th, so a 10th that is not a bank
 * business day moves to the previous one, as often as needed. Business dates are the business time
 * zone's, never the server's.
 */
import holidayJp from '@holiday-jp/holiday_jp';
import { UserError } from '../../errors.ts';

/** The day of the following month on which a closed month is paid. */
export const PAY_DAY = 10;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad2 = (n: number) => String(n).padStart(2, '0');
const ymd = (d: Date) => `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
const holidays: Readonly<Record<string, unknown>> = holidayJp.holidays;

/**
 * A business month as users type it (`2026-12`, `2026/12`, `2026-1`, `２０２６年１２月`, NFKC) in its
 * canonical `YYYY-MM` form; refused with `money.bad_month` otherwise.
 */
export function parseBusinessMonth(input: string): string {
  const s = input.normalize('NFKC').trim();
  const m = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*月?$/.exec(s);
  const month = m ? `${m[1]}-${(m[2] ?? '').padStart(2, '0')}` : '';
  if (!MONTH.test(month)) throw new UserError('money.bad_month', { month: input });
  return month;
}

function monthParts(month: string): { year: number; month: number } {
  const m = MONTH.exec(month);
  if (!m) throw new UserError('money.bad_month', { month });
  return { year: Number(m[1]), month: Number(m[2]) };
}

/** The month after `month` (`2026-12` → `2027-01`). */
export function nextMonth(month: string): string {
  const { year, month: mm } = monthParts(month);
  return mm === 12 ? `${year + 1}-01` : `${year}-${pad2(mm + 1)}`;
}

/**
 * Whether banks transfer money on `date` (`YYYY-MM-DD`): not a Saturday or Sunday, not a national
 * holiday (振替休日 and 国民の休日 included, per @holiday-jp/holiday_jp) and not in the banks' New Year
 * closure (12/31–1/3).
 */
export function isBankBusinessDay(date: string): boolean {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (ymd(d) !== date) throw new RangeError(`not a calendar date: ${date}`);
  const weekday = d.getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  const md = date.slice(5);
  if (md === '12-31' || md === '01-01' || md === '01-02' || md === '01-03') return false;
  return !Object.hasOwn(holidays, date);
}

/**
 * The pay date (`YYYY-MM-DD`) of the closed month `YYYY-MM`: the 10th of the following month, or the
 * nearest bank business day before it.
 */
export function payDateFor(closedMonth: string): string {
  const { year, month } = monthParts(closedMonth);
  // Date.UTC rolls month 12 over into January of the next year.
  const day = new Date(Date.UTC(year, month, PAY_DAY));
  while (!isBankBusinessDay(ymd(day))) day.setUTCDate(day.getUTCDate() - 1);
  return ymd(day);
}

const partFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock fields of `at` in `timeZone`. */
export function zonedParts(
  at: Date,
  timeZone: string,
): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  let fmt = partFormats.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partFormats.set(timeZone, fmt);
  }
  const p = Object.fromEntries(fmt.formatToParts(at).map((x) => [x.type, Number(x.value)]));
  return {
    year: p.year ?? 0,
    month: p.month ?? 0,
    day: p.day ?? 0,
    hour: p.hour ?? 0,
    minute: p.minute ?? 0,
    second: p.second ?? 0,
  };
}

/** The business month `YYYY-MM` that `at` falls in (2026-11-30T15:30Z is 2026-12 in Tokyo). */
export function businessMonth(at: Date, timeZone: string): string {
  const p = zonedParts(at, timeZone);
  return `${p.year}-${pad2(p.month)}`;
}

/**
 * The instant at which the wall clock of `timeZone` shows the given local date and time. In a
 * daylight-saving gap the result is the first instant after it.
 */
export function zonedTimeToInstant(
  local: { year: number; month: number; day: number; hour: number; minute: number },
  timeZone: string,
): Date {
  const wanted = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  const offsetAt = (instant: number) => {
    const p = zonedParts(new Date(instant), timeZone);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - instant;
  };
  // Two passes settle the offset even when the first guess lands across a transition.
  let instant = wanted - offsetAt(wanted);
  instant = wanted - offsetAt(instant);
  return new Date(instant);
}
