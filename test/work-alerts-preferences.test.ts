/** 通知設定: job-alert preferences, their validation, and when quiet hours end. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/domain/actor.ts';
import type { DomainContext } from '../src/domain/context.ts';
import type { Platform } from '../src/domain/platforms.ts';
import {
  AlertPreferenceService,
  DEFAULT_ALERT_PREFERENCES,
  parseTimeOfDay,
  quietUntil,
} from '../src/domain/work/alerts.ts';
import { type DomainBench, openDomainBench, refusal, testClock } from './helpers/domain.ts';

let b: DomainBench;
let alerts: AlertPreferenceService;

beforeAll(async () => {
  b = await openDomainBench('alerts');
  alerts = new AlertPreferenceService(b.ctx);
});
afterAll(async () => {
  await b?.close();
});

let ext = 0;
const link = (user: Actor, platform: Platform) =>
  b.ctx.uow.run((tx) =>
    tx.identities.insert({ userId: user.userId, platform, workspace: 'W1', externalId: `U${++ext}` }),
  );

describe('alert preferences', () => {
  it('reads the defaults until something is saved', async () => {
    const worker = await b.user(['worker']);
    expect(await alerts.get(worker)).toEqual({ ...DEFAULT_ALERT_PREFERENCES, saved: false });
  });

  it('saves skills, prefectures (東京 → 東京都), remote and a minimum reward', async () => {
    const worker = await b.user(['worker']);
    const saved = await alerts.update(worker, {
      skills: [' Excel ', 'ライティング', 'Excel', ''],
      prefectures: ['東京', '大阪府', '北海道', '東京都'],
      remoteOk: false,
      minRewardYen: 5000,
    });
    expect(saved).toMatchObject({
      skills: ['Excel', 'ライティング'],
      prefectures: ['東京都', '大阪府', '北海道'],
      remoteOk: false,
      minRewardYen: 5000,
      preferredPlatform: null,
      quietStart: null,
      paused: false,
      saved: true,
    });
    expect(await alerts.get(worker)).toEqual(saved);
    // Fields not given keep their value.
    expect(await alerts.update(worker, { minRewardYen: 0 })).toMatchObject({
      skills: ['Excel', 'ライティング'],
      minRewardYen: 0,
    });
  });

  it('refuses what is not a prefecture or not a whole yen amount of 0 or more', async () => {
    const worker = await b.user(['worker']);
    expect(await refusal(alerts.update(worker, { prefectures: ['東京', 'Gotham'] }))).toBe(
      'money.alerts.bad_prefecture',
    );
    for (const minRewardYen of [-1, 0.5, Number.POSITIVE_INFINITY]) {
      expect(await refusal(alerts.update(worker, { minRewardYen }))).toBe('money.alerts.bad_min_reward');
    }
    expect(await refusal(alerts.update(worker, { skills: ['x'.repeat(51)] }))).toBe(
      'money.alerts.bad_skills',
    );
    expect((await alerts.get(worker)).saved).toBe(false);
  });

  it('sends alerts only to a platform the user has linked', async () => {
    const worker = await b.user(['worker']);
    expect(await refusal(alerts.update(worker, { preferredPlatform: 'line' }))).toBe(
      'money.alerts.platform_not_linked',
    );
    expect(await refusal(alerts.update(worker, { preferredPlatform: 'fax' as Platform }))).toBe(
      'money.alerts.bad_platform',
    );
    await link(worker, 'line');
    expect((await alerts.update(worker, { preferredPlatform: 'line' })).preferredPlatform).toBe('line');
    // Someone else's LINE does not count.
    const other = await b.user(['worker']);
    expect(await refusal(alerts.update(other, { preferredPlatform: 'line' }))).toBe(
      'money.alerts.platform_not_linked',
    );
    expect((await alerts.update(worker, { preferredPlatform: null })).preferredPlatform).toBeNull();
  });

  it('sets quiet hours with both times or neither, as typed on a Japanese keyboard', async () => {
    const worker = await b.user(['worker']);
    expect(await alerts.update(worker, { quietStart: '２２：００', quietEnd: '7:00' })).toMatchObject({
      quietStart: '22:00',
      quietEnd: '07:00',
    });
    expect(await refusal(alerts.update(worker, { quietStart: null }))).toBe('money.alerts.quiet_needs_both');
    expect(await refusal(alerts.update(worker, { quietStart: '25:00' }))).toBe('money.alerts.bad_time');
    expect(await refusal(alerts.update(worker, { quietStart: '07:00' }))).toBe(
      'money.alerts.quiet_same_time',
    );
    const fresh = await b.user(['worker']);
    expect(await refusal(alerts.update(fresh, { quietEnd: '07:00' }))).toBe('money.alerts.quiet_needs_both');
    expect(await alerts.update(worker, { quietStart: null, quietEnd: '' })).toMatchObject({
      quietStart: null,
      quietEnd: null,
    });
  });

  it('pauses and resumes all alerts, keeping the other settings', async () => {
    const worker = await b.user(['worker']);
    expect((await alerts.pause(worker)).paused).toBe(true);
    expect(await alerts.get(worker)).toMatchObject({ paused: true, saved: true, remoteOk: true });
    await alerts.update(worker, { minRewardYen: 3000 });
    expect(await alerts.resume(worker)).toMatchObject({ paused: false, minRewardYen: 3000 });
    expect((await b.audit('alerts.paused')).some((a) => a.actorUserId === worker.userId)).toBe(true);
    // Resuming with nothing saved changes nothing.
    expect((await alerts.resume(await b.user(['worker']))).saved).toBe(false);
  });
});

describe('saving at the same time from two places', () => {
  it('updates the row a concurrent first save inserted instead of failing on the unique key', async () => {
    const worker = await b.user(['worker']);
    await alerts.update(worker, { minRewardYen: 1000 });
    // The other save committed between this one's read and its insert: its first read sees no row.
    let raced = false;
    const racing: DomainContext = {
      ...b.ctx,
      uow: {
        read: b.ctx.uow.read,
        run: (fn) =>
          b.ctx.uow.run((tx) => {
            const table = tx.work.alertPreferences;
            const findOne: typeof table.findOne = async (where) => {
              if (raced) return table.findOne(where);
              raced = true;
              return null;
            };
            return fn({ ...tx, work: { ...tx.work, alertPreferences: { ...table, findOne } } });
          }),
      },
    };
    expect(await new AlertPreferenceService(racing).update(worker, { remoteOk: false })).toMatchObject({
      minRewardYen: 1000,
      remoteOk: false,
    });
    expect(raced).toBe(true);
  });
});

describe('quiet hours', () => {
  const tokyo = 'Asia/Tokyo';
  const overnight = { quietStart: '22:00', quietEnd: '07:00' };

  it('ends the next morning when it is late evening inside a window that wraps midnight', () => {
    // 23:30 on 20 November in Tokyo.
    const clock = testClock('2026-11-20T14:30:00Z');
    expect(quietUntil(overnight, clock(), tokyo)?.toISOString()).toBe('2026-11-20T22:00:00.000Z'); // 07:00 on the 21st
  });

  it('ends the same morning after midnight, even across a month and a year end', () => {
    const clock = testClock('2026-12-31T18:00:00Z'); // 03:00 on 1 January 2027 in Tokyo
    expect(quietUntil(overnight, clock(), tokyo)?.toISOString()).toBe('2026-12-31T22:00:00.000Z');
    clock.set('2026-11-30T13:00:00Z'); // 22:00 on 30 November: quiet from this very minute
    expect(quietUntil(overnight, clock(), tokyo)?.toISOString()).toBe('2026-11-30T22:00:00.000Z');
  });

  it('is not quiet outside the window, at its end, or when none is set', () => {
    const clock = testClock('2026-11-20T03:00:00Z'); // 12:00 in Tokyo
    expect(quietUntil(overnight, clock(), tokyo)).toBeNull();
    clock.set('2026-11-19T22:00:00Z'); // 07:00 exactly
    expect(quietUntil(overnight, clock(), tokyo)).toBeNull();
    clock.set('2026-11-19T21:59:00Z'); // 06:59
    expect(quietUntil(overnight, clock(), tokyo)?.toISOString()).toBe('2026-11-19T22:00:00.000Z');
    expect(quietUntil({ quietStart: null, quietEnd: null }, clock(), tokyo)).toBeNull();
  });

  it('handles a window within one day and reads it in the given zone', () => {
    const lunch = { quietStart: '12:00', quietEnd: '13:00' };
    const clock = testClock('2026-11-20T03:15:00Z'); // 12:15 in Tokyo, 03:15 in UTC
    expect(quietUntil(lunch, clock(), tokyo)?.toISOString()).toBe('2026-11-20T04:00:00.000Z');
    expect(quietUntil(lunch, clock(), 'UTC')).toBeNull();
    clock.advance(45 * 60 * 1000); // 13:00
    expect(quietUntil(lunch, clock(), tokyo)).toBeNull();
  });

  it('reads times of day as typed', () => {
    expect(parseTimeOfDay('7:05')).toBe('07:05');
    expect(parseTimeOfDay('２２時')).toBe('22:00');
    expect(parseTimeOfDay('22時30分')).toBe('22:30');
    expect(parseTimeOfDay('24:00')).toBeNull();
    expect(parseTimeOfDay('12:60')).toBeNull();
    expect(parseTimeOfDay('noon')).toBeNull();
  });
});
