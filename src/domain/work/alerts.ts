/**
 * 通知設定 (docs/domain.md §6.3, §1.1): what job alerts a user wants (skills, prefectures, remote work, a
 * minimum reward), on which platform, outside which quiet hours, or none at all (paused). Quiet hours
 * are wall-clock times of the business time zone and may wrap midnight (22:00–07:00).
 */

import { UserError } from '../../errors.ts';
import type { Actor } from '../actor.ts';
import { quietUntil } from '../audience/plan.ts';
import { ALERT_DEFAULTS } from '../audience/rules.ts';
import type { DomainContext } from '../context.ts';
import { PLATFORMS, type Platform } from '../platforms.ts';
import { canonicalPrefecture } from '../prefectures.ts';
import { retryOnDuplicate } from '../table.ts';
import type { Tx } from '../tx.ts';
import type { AlertPreferenceRecord } from './records.ts';

/** When quiet hours end (the delivery plan's rule, src/domain/audience/plan.ts). */
export { quietUntil };

export const MAX_SKILLS = 30;
export const MAX_SKILL_LENGTH = 50;
export const MAX_MIN_REWARD_YEN = 100_000_000;

export type AlertPreferences = Omit<AlertPreferenceRecord, 'id' | 'userId' | 'updatedAt'> & {
  /** False while the user has never saved any: these are the defaults. */
  saved: boolean;
};

/** What a user gets before saving anything: the audience rules' defaults (also the columns' defaults). */
export const DEFAULT_ALERT_PREFERENCES: Readonly<AlertPreferences> = Object.freeze({
  ...ALERT_DEFAULTS,
  saved: false,
});

/** Fields to change; omitted ones keep their value. Quiet hours: both times, or both null to clear. */
export interface AlertPreferencesUpdate {
  skills?: string[];
  /** `東京都` or `東京`; stored as the full name. An empty list means any prefecture. */
  prefectures?: string[];
  remoteOk?: boolean;
  minRewardYen?: number;
  preferredPlatform?: Platform | null;
  /** `HH:MM` (also `7:00`, `２２：００`, `22時`). */
  quietStart?: string | null;
  quietEnd?: string | null;
}

/** `HH:MM` for a time of day as typed, or null when it is not one. */
export function parseTimeOfDay(input: string): string | null {
  const m = /^(\d{1,2})(?:[:時](\d{2})?分?)?$/.exec(input.normalize('NFKC').replace(/\s/g, ''));
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = Number(m[2] ?? '0');
  if (hour > 23 || minute > 59) return null;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

function view(row: AlertPreferenceRecord | null): AlertPreferences {
  if (!row) return { ...DEFAULT_ALERT_PREFERENCES, skills: [], prefectures: [] };
  return {
    skills: row.skills,
    prefectures: row.prefectures,
    remoteOk: row.remoteOk,
    minRewardYen: row.minRewardYen,
    preferredPlatform: row.preferredPlatform,
    quietStart: row.quietStart,
    quietEnd: row.quietEnd,
    paused: row.paused,
    saved: true,
  };
}

function cleanSkills(skills: string[]): string[] {
  const clean = [...new Set(skills.map((s) => s.normalize('NFKC').trim()).filter((s) => s !== ''))];
  if (clean.length > MAX_SKILLS || clean.some((s) => s.length > MAX_SKILL_LENGTH)) {
    throw new UserError('money.alerts.bad_skills', { max: MAX_SKILLS, length: MAX_SKILL_LENGTH });
  }
  return clean;
}

function cleanPrefectures(prefectures: string[]): string[] {
  const clean: string[] = [];
  for (const input of prefectures) {
    if (input.trim() === '') continue;
    const prefecture = canonicalPrefecture(input);
    if (!prefecture) throw new UserError('money.alerts.bad_prefecture', { prefecture: input.trim() });
    if (!clean.includes(prefecture)) clean.push(prefecture);
  }
  return clean;
}

function cleanQuietTime(input: string | null): string | null {
  if (input === null || input.trim() === '') return null;
  const time = parseTimeOfDay(input);
  if (!time) throw new UserError('money.alerts.bad_time', { time: input.trim() });
  return time;
}

export class AlertPreferenceService {
  private readonly ctx: DomainContext;

  constructor(ctx: DomainContext) {
    this.ctx = ctx;
  }

  /** The actor's preferences, or the defaults when they never saved any. */
  get(actor: Actor): Promise<AlertPreferences> {
    return this.ctx.uow.read(async (tx) =>
      view(await tx.work.alertPreferences.findOne({ userId: actor.userId })),
    );
  }

  /** Changes the given fields of the actor's preferences. */
  update(actor: Actor, patch: AlertPreferencesUpdate): Promise<AlertPreferences> {
    return retryOnDuplicate(() =>
      this.ctx.uow.run(async (tx) => {
        const current = await tx.work.alertPreferences.findOne({ userId: actor.userId });
        const values: Partial<Omit<AlertPreferenceRecord, 'id' | 'userId' | 'updatedAt'>> = {};
        if (patch.skills !== undefined) values.skills = cleanSkills(patch.skills);
        if (patch.prefectures !== undefined) values.prefectures = cleanPrefectures(patch.prefectures);
        if (patch.remoteOk !== undefined) values.remoteOk = patch.remoteOk;
        if (patch.minRewardYen !== undefined) {
          const yen = patch.minRewardYen;
          if (!Number.isSafeInteger(yen) || yen < 0 || yen > MAX_MIN_REWARD_YEN) {
            throw new UserError('money.alerts.bad_min_reward');
          }
          values.minRewardYen = yen;
        }
        if (patch.preferredPlatform !== undefined) {
          values.preferredPlatform = await this.linkedPlatform(tx, actor, patch.preferredPlatform);
        }
        if (patch.quietStart !== undefined || patch.quietEnd !== undefined) {
          const start =
            patch.quietStart === undefined ? (current?.quietStart ?? null) : cleanQuietTime(patch.quietStart);
          const end =
            patch.quietEnd === undefined ? (current?.quietEnd ?? null) : cleanQuietTime(patch.quietEnd);
          if ((start === null) !== (end === null)) throw new UserError('money.alerts.quiet_needs_both');
          if (start !== null && start === end) throw new UserError('money.alerts.quiet_same_time');
          values.quietStart = start;
          values.quietEnd = end;
        }
        return view(await this.save(tx, actor, current, values, 'alerts.updated'));
      }),
    );
  }

  /** Stops all job alerts until `resume`. */
  pause(actor: Actor): Promise<AlertPreferences> {
    return this.setPaused(actor, true);
  }

  resume(actor: Actor): Promise<AlertPreferences> {
    return this.setPaused(actor, false);
  }

  private setPaused(actor: Actor, paused: boolean): Promise<AlertPreferences> {
    return retryOnDuplicate(() =>
      this.ctx.uow.run(async (tx) => {
        const current = await tx.work.alertPreferences.findOne({ userId: actor.userId });
        // Nothing to change (resuming with nothing saved writes no row).
        if ((current?.paused ?? false) === paused) return view(current);
        return view(
          await this.save(tx, actor, current, { paused }, paused ? 'alerts.paused' : 'alerts.resumed'),
        );
      }),
    );
  }

  /** The platform, if the actor has an identity on it (alerts can only go where they are linked). */
  private async linkedPlatform(tx: Tx, actor: Actor, platform: Platform | null): Promise<Platform | null> {
    if (platform === null) return null;
    if (!PLATFORMS.includes(platform)) throw new UserError('money.alerts.bad_platform');
    if ((await tx.identities.count({ userId: actor.userId, platform })) === 0) {
      throw new UserError('money.alerts.platform_not_linked', { platform: `@money.platform.${platform}` });
    }
    return platform;
  }

  private async save(
    tx: Tx,
    actor: Actor,
    current: AlertPreferenceRecord | null,
    values: Partial<Omit<AlertPreferenceRecord, 'id' | 'userId' | 'updatedAt'>>,
    action: string,
  ): Promise<AlertPreferenceRecord> {
    const row = current
      ? await tx.work.alertPreferences.update(current.id, values)
      : // Read back: the record `insert` returns leaves out the columns it did not set.
        await tx.work.alertPreferences.get(
          (await tx.work.alertPreferences.insert({ userId: actor.userId, ...values })).id,
        );
    if (!row) throw new Error('alert preferences vanished right after being written');
    await tx.audit({
      actorUserId: actor.userId,
      action,
      subjectType: 'alert_preference',
      subjectId: row.id,
      data: { fields: Object.keys(values) },
    });
    return row;
  }
}
