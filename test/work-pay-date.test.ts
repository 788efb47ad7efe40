import { describe, expect, it } from 'vitest';
import {
  businessMonth,
  isBankBusinessDay,
  nextMonth,
  parseBusinessMonth,
  payDateFor,
  zonedTimeToInstant,
} from '../src/domain/work/pay-date.ts';
import { refusal } from './helpers/domain.ts';

const refused = (fn: () => unknown) => refusal(Promise.resolve().then(fn));

describe('pay date: month-end close, paid by the 10th of the following month', () => {
  it('pays on the 10th when it is a bank business day', () => {
    // 2026-11-10 is a Tuesday.
    expect(payDateFor('2026-10')).toBe('2026-11-10');
    // 2026-12-10 is a Thursday.
    expect(payDateFor('2026-11')).toBe('2026-12-10');
  });

  it('pays a December close in January of the next year', () => {
    // 2027-01-10 is a Sunday → Saturday the 9th → Friday the 8th. (成人の日 2027 is the 11th.)
    expect(payDateFor('2026-12')).toBe('2027-01-08');
  });

  it('moves a 10th on a Saturday to the Friday before', () => {
    // 2026-10-10 is a Saturday.
    expect(payDateFor('2026-09')).toBe('2026-10-09');
  });

  it('moves a 10th on a Sunday back over the weekend', () => {
    // 2026-05-10 is a Sunday.
    expect(payDateFor('2026-04')).toBe('2026-05-08');
  });

  it('moves a 10th on a national holiday (成人の日) back over the weekend before it, repeatedly', () => {
    // 2028-01-10 is the second Monday of January: 成人の日. The 9th and 8th are Sunday and Saturday.
    expect(isBankBusinessDay('2028-01-10')).toBe(false);
    expect(payDateFor('2027-12')).toBe('2028-01-07');
  });

  it('never pays after the 10th', () => {
    for (let year = 2026; year <= 2030; year++) {
      for (let m = 1; m <= 12; m++) {
        const closed = `${year}-${String(m).padStart(2, '0')}`;
        const pay = payDateFor(closed);
        expect(pay.slice(0, 7)).toBe(nextMonth(closed));
        expect(Number(pay.slice(8))).toBeLessThanOrEqual(10);
        expect(isBankBusinessDay(pay)).toBe(true);
      }
    }
  });

  it('treats weekends, national holidays, substitute holidays and 12/31–1/3 as bank holidays', () => {
    expect(isBankBusinessDay('2026-12-10')).toBe(true);
    expect(isBankBusinessDay('2026-12-12')).toBe(false); // Saturday
    expect(isBankBusinessDay('2026-12-13')).toBe(false); // Sunday
    expect(isBankBusinessDay('2026-11-03')).toBe(false); // 文化の日 (Tuesday)
    expect(isBankBusinessDay('2026-05-06')).toBe(false); // 振替休日 (憲法記念日 fell on a Sunday)
    expect(isBankBusinessDay('2026-12-31')).toBe(false); // Thursday, banks closed
    expect(isBankBusinessDay('2027-01-04')).toBe(true); // first business day of 2027 (Monday)
    expect(isBankBusinessDay('2027-01-11')).toBe(false); // 成人の日
  });

  it('refuses month strings that are not a month', async () => {
    for (const bad of ['2026-13', '2026-00', '26-12', '2026-1-1', 'december', '', '2026-12-10']) {
      expect(await refused(() => payDateFor(bad))).toBe('money.bad_month');
      expect(await refused(() => parseBusinessMonth(bad))).toBe('money.bad_month');
    }
  });

  it('reads a month as users type it', () => {
    expect(parseBusinessMonth('2026-12')).toBe('2026-12');
    expect(parseBusinessMonth('2026/1')).toBe('2026-01');
    expect(parseBusinessMonth('２０２６年１２月')).toBe('2026-12');
    expect(parseBusinessMonth(' 2026-03 ')).toBe('2026-03');
  });
});

describe('business month', () => {
  it('is the month of the business time zone, not of UTC', () => {
    expect(businessMonth(new Date('2026-11-30T15:30:00Z'), 'Asia/Tokyo')).toBe('2026-12');
    expect(businessMonth(new Date('2026-11-30T14:59:59Z'), 'Asia/Tokyo')).toBe('2026-11');
    expect(businessMonth(new Date('2026-12-31T15:00:00Z'), 'Asia/Tokyo')).toBe('2027-01');
    expect(businessMonth(new Date('2026-11-30T15:30:00Z'), 'UTC')).toBe('2026-11');
  });

  it('turns a wall-clock time of a zone into the instant, across daylight saving', () => {
    expect(
      zonedTimeToInstant({ year: 2026, month: 12, day: 1, hour: 7, minute: 0 }, 'Asia/Tokyo').toISOString(),
    ).toBe('2026-11-30T22:00:00.000Z');
    // New York: EDT (UTC−4) in July, EST (UTC−5) in December.
    expect(
      zonedTimeToInstant(
        { year: 2026, month: 7, day: 1, hour: 9, minute: 30 },
        'America/New_York',
      ).toISOString(),
    ).toBe('2026-07-01T13:30:00.000Z');
    expect(
      zonedTimeToInstant(
        { year: 2026, month: 12, day: 1, hour: 9, minute: 30 },
        'America/New_York',
      ).toISOString(),
    ).toBe('2026-12-01T14:30:00.000Z');
  });
});
