/**
 * Delivery planning (docs/domain.md §6): on which platform a recipient is reached, when their quiet hours
 * hold a message back, and how many recipients one multicast takes. The fan-out's SQL
 * (src/domain/audience/sql.ts) is generated from the same constants, so TypeScript and the
 * database pick the same platform and cut the same batches.
 */

import type { Locale } from '../../i18n/index.ts';
import type { Platform } from '../platforms.ts';
import { zonedParts, zonedTimeToInstant } from '../work/pay-date.ts';

/**
 * The order platforms are tried in when a recipient's preferred one is missing or unreachable. The
 * one definition: `chooseTarget` walks it, and the fan-out's SQL sorts identities by it.
 */
export const FALLBACK_ORDER: readonly Platform[] = Object.freeze(['line', 'slack', 'discord', 'console']);

/** LINE's multicast takes at most 500 user ids a call (docs/platforms.md §1.4): no batch is ever larger. */
export const MULTICAST_MAX = 500;

export interface DeliveryTarget {
  platform: Platform;
  workspace: string;
  externalId: string;
  /** False once the platform said the user cannot be reached (LINE unfollow, block). */
  reachable: boolean;
}

export interface RecipientInfo {
  userId: number;
  locale: Locale;
  preferredPlatform: Platform | null;
  targets: DeliveryTarget[];
  /** Quiet hours (HH:MM in the business time zone); messages that respect them wait until they end. */
  quiet: { start: string; end: string } | null;
}

/** The preferred platform if reachable there, else the first reachable one in FALLBACK_ORDER. */
export function chooseTarget(recipient: RecipientInfo): DeliveryTarget | null {
  const reachable = recipient.targets.filter((t) => t.reachable);
  const preferred = reachable.find((t) => t.platform === recipient.preferredPlatform);
  if (preferred) return preferred;
  for (const platform of FALLBACK_ORDER) {
    const t = reachable.find((x) => x.platform === platform);
    if (t) return t;
  }
  return null;
}

/** How many recipients a multicast batch holds on a platform whose adapter takes `adapterMax`. */
export const batchSize = (adapterMax: number): number => Math.max(1, Math.min(adapterMax, MULTICAST_MAX));

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * When the quiet window around `now` ends, or null when `now` is outside it (or none is set). The
 * sender holds a message that respects quiet hours until then. Quiet hours are wall-clock times of
 * the business time zone and may wrap midnight (22:00–07:00).
 */
export function quietUntil(
  prefs: { quietStart: string | null; quietEnd: string | null },
  now: Date,
  timeZone: string,
): Date | null {
  if (!prefs.quietStart || !prefs.quietEnd) return null;
  const start = minutesOf(prefs.quietStart);
  const end = minutesOf(prefs.quietEnd);
  if (start === end) return null;
  const local = zonedParts(now, timeZone);
  const t = local.hour * 60 + local.minute;
  const wraps = start > end;
  const quiet = wraps ? t >= start || t < end : t >= start && t < end;
  if (!quiet) return null;
  // Before midnight in a window that wraps, it ends tomorrow; otherwise today.
  const day = new Date(Date.UTC(local.year, local.month - 1, local.day + (wraps && t >= start ? 1 : 0)));
  return zonedTimeToInstant(
    {
      year: day.getUTCFullYear(),
      month: day.getUTCMonth() + 1,
      day: day.getUTCDate(),
      hour: Math.floor(end / 60),
      minute: end % 60,
    },
    timeZone,
  );
}
