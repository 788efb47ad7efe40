/**
 * The desk's hours as people read them (docs/domain.md §2.7), written from the same settings the
 * desk runs on (DESK_HOURS, DESK_CLOSED_DAYS, DESK_URGENT_PHONES), so what 基本情報 says can never
 * disagree with when the desk answers: the urgent numbers, the week's hours, the closed days, and
 * whether it is open now or when it opens.
 */
import type { CommandContext } from '../../src/chat/command.ts';
import { type ClosedRule, DAY_KEYS, type DayKey, type OpenHours } from '../../src/domain/support/calendar.ts';
import type { DeskNow } from '../../src/domain/support/desk-sla.ts';
import { formatDayTime } from '../../src/i18n/format.ts';
import type { Locale, Translator } from '../../src/i18n/index.ts';
import { timeOfDay } from './format.ts';

const WEEK = DAY_KEYS.slice(0, 7);
const clock = (min: number) => `${Math.floor(min / 60)}:${String(min % 60).padStart(2, '0')}`;
const same = (a: readonly DayKey[], b: readonly DayKey[]) =>
  a.length === b.length && a.every((d, i) => d === b[i]);

/** `平日`, `土日祝`, `月・水〜金`, `Mon, Wed–Fri and public holidays` … */
function daysLabel(t: Translator, days: readonly DayKey[]): string {
  if (same(days, ['mon', 'tue', 'wed', 'thu', 'fri'])) return t('sla.day.weekdays');
  if (same(days, ['sat', 'sun'])) return t('sla.day.weekends');
  if (same(days, ['sat', 'sun', 'holiday'])) return t('sla.day.weekends_holidays');
  const week = days.filter((d) => d !== 'holiday');
  const parts: string[] = [];
  if (same(week, ['mon', 'tue', 'wed', 'thu', 'fri'])) parts.push(t('sla.day.weekdays'));
  else {
    // Runs of three or more days in a row read as a range: 月〜水.
    for (let i = 0; i < week.length; ) {
      let j = i;
      while (
        j + 1 < week.length &&
        WEEK.indexOf(week[j + 1] as DayKey) === WEEK.indexOf(week[j] as DayKey) + 1
      )
        j++;
      const name = (d: DayKey) => t(`sla.day.${d}`);
      if (j - i >= 2)
        parts.push(t('sla.hours.range', { from: name(week[i] as DayKey), to: name(week[j] as DayKey) }));
      else for (let k = i; k <= j; k++) parts.push(name(week[k] as DayKey));
      i = j + 1;
    }
  }
  if (days.includes('holiday')) parts.push(t('sla.day.holiday'));
  return parts.join(t('sla.day.separator'));
}

/** `平日 9:30〜20:00、土日祝 9:30〜18:00`: days with the same hours together, in week order. */
export function weekHoursText(t: Translator, hours: Readonly<Record<DayKey, OpenHours | null>>): string {
  const groups = new Map<string, DayKey[]>();
  for (const day of DAY_KEYS) {
    const h = hours[day];
    if (!h) continue;
    const key = `${h.open}-${h.close}`;
    groups.set(key, [...(groups.get(key) ?? []), day]);
  }
  return [...groups.entries()]
    .map(([key, days]) => {
      const [open, close] = key.split('-').map(Number) as [number, number];
      return t('sla.hours.day_hours', { days: daysLabel(t, days), from: clock(open), to: clock(close) });
    })
    .join(t('sla.list.separator'));
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `12-29` → `12月29日` / `29 Dec`; `2027-05-06` → `2027年5月6日` / `6 May 2027`. */
function dayText(day: string, locale: Locale): string {
  const parts = day.split('-').map(Number);
  const [y, m, d] = parts.length === 3 ? parts : [undefined, ...parts];
  if (locale === 'ja') return `${y === undefined ? '' : `${y}年`}${m}月${d}日`;
  return `${d} ${MONTHS_EN[(m ?? 1) - 1]}${y === undefined ? '' : ` ${y}`}`;
}

/** The company's closed days: `12月29日〜1月3日、2027年5月6日`. */
export function closedDaysText(t: Translator, locale: Locale, rules: readonly ClosedRule[]): string {
  return rules
    .map((r) =>
      r.from === r.to
        ? dayText(r.from, locale)
        : t('sla.hours.range', { from: dayText(r.from, locale), to: dayText(r.to, locale) }),
    )
    .join(t('sla.list.separator'));
}

/** The lines 基本情報 prints about the desk: urgent numbers, hours, and open now or opening when. */
export function deskHoursLines(ctx: CommandContext, now: DeskNow): string[] {
  const { t, locale } = ctx;
  const { calendar, urgentPhones } = now.settings;
  const tz = calendar.timeZone;
  const lines: string[] = [];
  if (urgentPhones.length > 0) lines.push(t('sla.hours.urgent', { phones: urgentPhones.join(' / ') }));
  const hours = weekHoursText(t, calendar.hours);
  lines.push(
    calendar.closed.length > 0
      ? t('sla.hours.week', {
          hours,
          closed: t('sla.hours.closed_days', { days: closedDaysText(t, locale, calendar.closed) }),
        })
      : t('sla.hours.week_no_closed', { hours }),
  );
  const hhmm = (d: Date) => timeOfDay(d, tz).replace(/^0/, '');
  lines.push(
    now.openNow && now.today
      ? t('sla.hours.open_now', { open: hhmm(now.today.open), close: hhmm(now.today.close) })
      : t('sla.hours.closed_now', { next: formatDayTime(now.nextOpening, locale, tz) }),
  );
  return lines;
}
