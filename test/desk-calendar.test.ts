/**
 * The desk's business calendar (docs/domain.md §2.7): parsing DESK_HOURS, DESK_CLOSED_DAYS and
 * DESK_URGENT_PHONES, and business-time arithmetic across weekends, national holidays and the New
 * Year closure, on Tokyo's wall clock.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  DeskConfigError,
  dayKind,
  deskSettings,
  hoursOn,
  isOpen,
  nextOpening,
  parseClosedDays,
  parseDeskHours,
  parseUrgentPhones,
  previousClosing,
} from '../src/domain/support/calendar.ts';

/** A Tokyo wall-clock time as an instant (Tokyo has no daylight saving: always UTC+9). */
const jst = (local: string) => new Date(`${local}+09:00`);
const iso = (d: Date) => d.toISOString();

const standard = deskSettings().calendar;
/** Weekdays only, closed on national holidays (and, by default, over the New Year). */
const weekdays = deskSettings({ hours: 'mon-fri 09:00-18:00' }).calendar;

describe('DESK_HOURS', () => {
  it('defaults to the call centre: weekdays 9:30–20:00, weekends and holidays 9:30–18:00', () => {
    expect(standard.hours.mon).toEqual({ open: 570, close: 1200 });
    expect(standard.hours.fri).toEqual({ open: 570, close: 1200 });
    expect(standard.hours.sat).toEqual({ open: 570, close: 1080 });
    expect(standard.hours.holiday).toEqual({ open: 570, close: 1080 });
    expect(standard.closed).toEqual([{ kind: 'annual', from: '12-29', to: '01-03' }]);
  });

  it('reads Japanese day names, full-width digits, wave dashes and spaces after commas', () => {
    const hours = parseDeskHours('月-金 ９:３０〜２０:００; 土, 日 10:00 - 17:00; 祝 closed');
    expect(hours.tue).toEqual({ open: 570, close: 1200 });
    expect(hours.sun).toEqual({ open: 600, close: 1020 });
    expect(hours.holiday).toBeNull();
    // A range may wrap over the week end; a day not named is closed.
    const wrap = parseDeskHours('fri-mon 10:00-24:00');
    expect([wrap.fri, wrap.sat, wrap.sun, wrap.mon]).toEqual(Array(4).fill({ open: 600, close: 1440 }));
    expect(wrap.tue).toBeNull();
  });

  it('refuses what it cannot read, saying what is wrong', () => {
    const refusal = (text: string) => {
      try {
        parseDeskHours(text);
        return 'accepted';
      } catch (err) {
        expect(err).toBeInstanceOf(DeskConfigError);
        return (err as Error).message;
      }
    };
    expect(refusal('mon-fri 9:3O-20:00')).toContain('"9:3o" is not a time of day');
    expect(refusal('mon-fri 25:00-26:00')).toContain('is not a time of day');
    expect(refusal('mon-fri 20:00-09:00')).toContain('must close after it opens');
    expect(refusal('mon-fry 09:00-18:00')).toContain('"mon-fry" is not a day');
    expect(refusal('mon-fri 09:00-18:00; fri 10:00-12:00')).toContain('fri is given twice');
    expect(refusal('mon-fri')).toContain('write "<days> <HH:MM-HH:MM>"');
    expect(refusal('mon-fri 09:00')).toContain('give the hours as HH:MM-HH:MM');
    expect(refusal('mon-sun closed; holiday 09:00-10:00')).toContain('at least one day of the week');
    expect(refusal('')).toContain('at least one entry');
  });
});

describe('DESK_CLOSED_DAYS and DESK_URGENT_PHONES', () => {
  it('reads yearly stretches, dates and date ranges; none is none', () => {
    expect(parseClosedDays('12-29..01-03, 8/15, 2027-05-06, 2027-08-13..2027-08-16')).toEqual([
      { kind: 'annual', from: '12-29', to: '01-03' },
      { kind: 'annual', from: '08-15', to: '08-15' },
      { kind: 'dates', from: '2027-05-06', to: '2027-05-06' },
      { kind: 'dates', from: '2027-08-13', to: '2027-08-16' },
    ]);
    expect(parseClosedDays('none')).toEqual([]);
    expect(() => parseClosedDays('02-30')).toThrow('"02-30" is not a day of the year');
    expect(() => parseClosedDays('2027-13-01')).toThrow('is not a date');
    expect(() => parseClosedDays('2027-08-16..2027-08-13')).toThrow('ends before it starts');
    expect(() => parseClosedDays('12-29..2027-01-03')).toThrow('both ends must be');
  });

  it('reads phone numbers, full-width too, and refuses words', () => {
    expect(parseUrgentPhones('0120-000-000, ０３-１２３４-５６７８')).toEqual([
      '0120-000-000',
      '03-1234-5678',
    ]);
    expect(parseUrgentPhones('none')).toEqual([]);
    expect(() => parseUrgentPhones('call us')).toThrow('"call us" is not a phone number');
  });
});

describe('the business calendar', () => {
  it('knows weekdays, national holidays and the New Year closure', () => {
    expect(dayKind(standard, '2026-11-20')).toBe('fri');
    expect(dayKind(standard, '2026-11-23')).toBe('holiday'); // 勤労感謝の日
    expect(dayKind(standard, '2027-01-11')).toBe('holiday'); // 成人の日
    expect(dayKind(standard, '2026-12-29')).toBe('company_closed');
    expect(dayKind(standard, '2027-01-03')).toBe('company_closed');
    expect(dayKind(standard, '2027-01-04')).toBe('mon');
    expect(isOpen(standard, jst('2026-11-20T09:29'))).toBe(false);
    expect(isOpen(standard, jst('2026-11-20T09:30'))).toBe(true);
    expect(isOpen(standard, jst('2026-11-20T20:00'))).toBe(false);
    expect(isOpen(standard, jst('2026-11-23T12:00'))).toBe(true); // holidays: 9:30–18:00
    expect(isOpen(weekdays, jst('2026-11-23T12:00'))).toBe(false);
    expect(hoursOn(standard, jst('2026-11-21T03:00'))).toEqual({
      open: jst('2026-11-21T09:30'),
      close: jst('2026-11-21T18:00'),
    });
    expect(hoursOn(standard, jst('2026-12-31T12:00'))).toBeNull();
  });

  it('finds the next opening: now while open, else the next morning, across closures', () => {
    expect(iso(nextOpening(standard, jst('2026-11-20T12:00')))).toBe(iso(jst('2026-11-20T12:00')));
    // Sunday evening, after 18:00: Monday 7 December, 9:30 (00:30 UTC).
    expect(iso(nextOpening(standard, jst('2026-12-06T19:00')))).toBe('2026-12-07T00:30:00.000Z');
    // Friday night before a holiday Monday, on a weekday-only desk: Tuesday.
    expect(iso(nextOpening(weekdays, jst('2026-11-20T18:30')))).toBe(iso(jst('2026-11-24T09:00')));
    // New Year: closed 12/29–1/3.
    expect(iso(nextOpening(standard, jst('2026-12-28T21:00')))).toBe(iso(jst('2027-01-04T09:30')));
    expect(iso(previousClosing(standard, jst('2026-11-21T10:00')))).toBe(iso(jst('2026-11-20T20:00')));
    expect(iso(previousClosing(standard, jst('2026-11-21T19:00')))).toBe(iso(jst('2026-11-21T18:00')));
  });

  it('adds business minutes across the evening, a weekend, a holiday and the New Year', () => {
    const add = (cal: typeof standard, at: string, minutes: number) =>
      iso(addBusinessMinutes(cal, jst(at), minutes));
    expect(add(standard, '2026-11-20T10:00', 60)).toBe(iso(jst('2026-11-20T11:00')));
    // 30 minutes left on Friday, the rest on Saturday morning.
    expect(add(standard, '2026-11-20T19:30', 60)).toBe(iso(jst('2026-11-21T10:00')));
    // Before opening: counted from 9:30.
    expect(add(standard, '2026-11-20T07:00', 30)).toBe(iso(jst('2026-11-20T10:00')));
    // Weekday desk: Friday 17:30 + 60 skips the weekend and 勤労感謝の日 (Mon 23 Nov).
    expect(add(weekdays, '2026-11-20T17:30', 60)).toBe(iso(jst('2026-11-24T09:30')));
    // 成人の日 2027-01-11 (Mon) on the weekday desk: Friday 8 Jan 17:00 + 120 → Tuesday 12 Jan 10:00.
    expect(add(weekdays, '2027-01-08T17:00', 120)).toBe(iso(jst('2027-01-12T10:00')));
    // New Year: Monday 28 Dec 19:30 + 60 → Monday 4 Jan 10:00.
    expect(add(standard, '2026-12-28T19:30', 60)).toBe(iso(jst('2027-01-04T10:00')));
    // Several days: 3 weekday-desk days of 540 minutes from Thursday 9:00 → Tuesday (Mon is a holiday).
    expect(add(weekdays, '2026-11-19T09:00', 3 * 540)).toBe(iso(jst('2026-11-24T18:00')));
  });

  it('counts business minutes between two times', () => {
    const between = (cal: typeof standard, a: string, b: string) =>
      businessMinutesBetween(cal, jst(a), jst(b));
    expect(between(standard, '2026-11-20T10:00', '2026-11-20T10:45')).toBe(45);
    expect(between(standard, '2026-11-20T19:00', '2026-11-21T10:00')).toBe(90);
    expect(between(weekdays, '2026-11-20T17:00', '2026-11-24T10:00')).toBe(120);
    expect(between(standard, '2026-12-28T19:00', '2027-01-04T10:00')).toBe(90);
    expect(between(standard, '2026-11-20T12:00', '2026-11-20T11:00')).toBe(0);
    // Whatever the server's zone, the wall clock is Tokyo's: 00:30 UTC is 9:30 in Tokyo.
    const utc = (s: string) => new Date(`${s}Z`);
    expect(businessMinutesBetween(standard, utc('2026-11-20T00:00'), utc('2026-11-20T01:00'))).toBe(30);
  });
});

describe('the desk configuration in the environment', () => {
  it('defaults to the call centre and follows BUSINESS_TZ', () => {
    const c = loadConfig({});
    expect(c.desk.calendar.hours.mon).toEqual({ open: 570, close: 1200 });
    expect(c.desk.urgentPhones).toEqual(['0120-000-000']);
    expect(loadConfig({ BUSINESS_TZ: 'Asia/Seoul' }).desk.calendar.timeZone).toBe('Asia/Seoul');
    const custom = loadConfig({
      DESK_HOURS: 'mon-fri 09:00-18:00',
      DESK_CLOSED_DAYS: 'none',
      DESK_URGENT_PHONES: '03-1234-5678, 0120-111-222',
    });
    expect(custom.desk.calendar.hours.sat).toBeNull();
    expect(custom.desk.calendar.closed).toEqual([]);
    expect(custom.desk.urgentPhones).toEqual(['03-1234-5678', '0120-111-222']);
  });

  it.each([
    ['DESK_HOURS', 'mon-fri 9:3O-20:00', '"9:3o" is not a time of day'],
    ['DESK_CLOSED_DAYS', '12-32', '"12-32" is not a day of the year'],
    ['DESK_URGENT_PHONES', 'call us', '"call us" is not a phone number'],
  ])('refuses %s=%s in one line naming the variable', (name, value, why) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(`${name}=${value} is invalid: `);
    expect(() => loadConfig({ [name]: value })).toThrow(why);
  });
});
