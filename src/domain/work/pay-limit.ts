/**
 * The 60-day rule (docs/domain.md §1.9): the freelance act asks that work be paid within 60 days of the
 * day it was received, that day counted as the first (受領日から起算して60日以内). Received means the
 * delivery of the accepted work arrived, not the day it was approved. Dates are business dates
 * (docs/domain.md §5.1), `YYYY-MM-DD`.
 */
import { zonedParts } from './pay-date.ts';

/** The days within which received work must be paid, the day of receipt included. */
export const PAY_LIMIT_DAYS = 60;

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The business date `YYYY-MM-DD` of an instant. */
export function businessDate(at: Date, timeZone: string): string {
  const p = zonedParts(at, timeZone);
  return `${p.year}-${pad2(p.month)}-${pad2(p.day)}`;
}

/** `ymd` moved by `days` calendar days. */
export function addDays(ymd: string, days: number): string {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  const at = new Date(Date.UTC(y, m - 1, d + days));
  return `${at.getUTCFullYear()}-${pad2(at.getUTCMonth() + 1)}-${pad2(at.getUTCDate())}`;
}

/** Calendar days from `from` to `to` (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  const ms = (ymd: string) => {
    const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((ms(to) - ms(from)) / 86_400_000);
}

/** The last day on which work received on `receivedOn` may be paid (the 60th day, counting it as the 1st). */
export const payLimit = (receivedOn: string) => addDays(receivedOn, PAY_LIMIT_DAYS - 1);
