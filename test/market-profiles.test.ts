/** プロフィール, 本人確認・機密保持確認 and ワーカーを探す. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SKILLS, ProfileService } from '../src/domain/market/profiles.ts';
import type { ProfileStatus } from '../src/domain/market/records.ts';
import { VerificationService } from '../src/domain/market/verification.ts';
import { WorkerSearchService } from '../src/domain/market/workers.ts';
import { type DomainBench, openDomainBench, refusal } from './helpers/domain.ts';

let b: DomainBench;
let profiles: ProfileService;
let verification: VerificationService;
let search: WorkerSearchService;

beforeAll(async () => {
  b = await openDomainBench('mkt_profile');
  profiles = new ProfileService(b.ctx);
  verification = new VerificationService(b.ctx);
  search = new WorkerSearchService(b.ctx);
});
afterAll(async () => {
  await b?.close();
});

describe('profiles', () => {
  it('saves one’s own fields, normalized, and shows them to anyone', async () => {
    const worker = await b.user(['worker'], { name: '佐藤' });
    const saved = await profiles.update(worker, {
      nickname: ' さとう ',
      introduction: 'Webデザインを10年やっています。',
      status: 'depends',
      weeklyHours: '20_30',
      hourlyRateYen: 3000,
      prefecture: '東京',
      city: '　渋谷区　',
      hobbies: '登山',
    });
    expect(saved).toMatchObject({
      nickname: 'さとう',
      status: 'depends',
      weeklyHours: '20_30',
      hourlyRateYen: 3000,
      prefecture: '東京都',
      city: '渋谷区',
      hobbies: '登山',
    });
    const seen = await profiles.get(await b.user(['client']), worker.userId);
    expect(seen).toMatchObject({
      userId: worker.userId,
      displayName: '佐藤',
      profile: { nickname: 'さとう' },
    });
    expect(seen).toMatchObject({ identityVerified: false, ndaVerified: false });
    expect((await b.audit('profile.updated')).filter((a) => a.actorUserId === worker.userId)).toHaveLength(1);
    // Saving the same values again is no change and writes no audit row.
    await profiles.update(worker, { nickname: 'さとう', prefecture: '東京都' });
    expect((await b.audit('profile.updated')).filter((a) => a.actorUserId === worker.userId)).toHaveLength(1);
    expect(
      (await profiles.update(worker, { city: null, prefecture: null, hourlyRateYen: null })).city,
    ).toBeNull();
  });

  it('validates every field', async () => {
    const w = await b.user(['worker']);
    const cases: [Parameters<ProfileService['update']>[1], string][] = [
      [{ nickname: ' ' }, 'market.nickname_invalid'],
      [{ nickname: 'あ'.repeat(51) }, 'market.nickname_invalid'],
      [{ introduction: 'x'.repeat(2001) }, 'market.introduction_too_long'],
      [{ status: 'sleeping' as ProfileStatus }, 'market.status_invalid'],
      [{ weeklyHours: '50_60' as never }, 'market.weekly_hours_invalid'],
      [{ hourlyRateYen: -1 }, 'market.hourly_rate_invalid'],
      [{ hourlyRateYen: 1500.5 }, 'market.hourly_rate_invalid'],
      [{ hourlyRateYen: 1_000_001 }, 'market.hourly_rate_invalid'],
      [{ prefecture: 'カリフォルニア' }, 'market.prefecture_invalid'],
      [{ city: 'x'.repeat(101) }, 'market.city_too_long'],
      [{ hobbies: 'x'.repeat(1001) }, 'market.hobbies_too_long'],
    ];
    for (const [patch, key] of cases) expect(await refusal(profiles.update(w, patch)), key).toBe(key);
  });

  it('is read by anyone signed up, but only for workers or oneself', async () => {
    const client = await b.user(['client']);
    const worker = await b.user(['worker']);
    const customer = await b.user(['customer']);
    await expect(profiles.get(customer, worker.userId)).resolves.toMatchObject({ profile: null, skills: [] });
    expect(await refusal(profiles.get(worker, client.userId))).toBe('market.profile_not_found');
    await expect(profiles.get(client, client.userId)).resolves.toMatchObject({ userId: client.userId });
    expect(await refusal(profiles.get(worker, 999_999))).toBe('market.profile_not_found');
    expect(await refusal(profiles.get(await b.user([]), worker.userId))).toBe('forbidden');
    expect(await refusal(profiles.update(customer, { nickname: 'x' }))).toBe('forbidden');
  });

  it('normalizes names to half-width but keeps prose as written', async () => {
    const w = await b.user(['worker']);
    const saved = await profiles.update(w, {
      nickname: 'ＳＡＴＯ　デザイン',
      introduction: '（株）で①から担当しました！',
      hobbies: ' 写真〜旅行 ',
    });
    expect(saved).toMatchObject({
      nickname: 'SATO デザイン',
      introduction: '（株）で①から担当しました！',
      hobbies: '写真〜旅行',
    });
  });

  it('replaces skills as a set, one per name regardless of case and width', async () => {
    const w = await b.user(['worker']);
    await profiles.setSkills(w, [{ name: 'Figma', level: 3, years: 2 }]);
    const saved = await profiles.setSkills(w, [
      { name: ' ＴｙｐｅＳｃｒｉｐｔ ', level: 4, years: 5, note: 'React と一緒に' },
      { name: 'Photoshop', level: 5, years: 10 },
    ]);
    expect(saved.map((s) => [s.name, s.nameKey])).toEqual([
      ['TypeScript', 'typescript'],
      ['Photoshop', 'photoshop'],
    ]);
    const view = await profiles.get(w, w.userId);
    expect(view.skills.map((s) => s.name)).toEqual(['Photoshop', 'TypeScript']);
    expect(
      await refusal(
        profiles.setSkills(w, [
          { name: 'Go', level: 3 },
          { name: 'GO', level: 2 },
        ]),
      ),
    ).toBe('market.skill_duplicate');
    expect(await refusal(profiles.setSkills(w, [{ name: 'Go', level: 0 }]))).toBe(
      'market.skill_level_invalid',
    );
    expect(await refusal(profiles.setSkills(w, [{ name: 'Go', level: 6 }]))).toBe(
      'market.skill_level_invalid',
    );
    expect(await refusal(profiles.setSkills(w, [{ name: 'Go', level: 3, years: -1 }]))).toBe(
      'market.skill_years_invalid',
    );
    expect(await refusal(profiles.setSkills(w, [{ name: ' ', level: 3 }]))).toBe('market.skill_name_invalid');
    const many = Array.from({ length: MAX_SKILLS + 1 }, (_, i) => ({ name: `skill${i}`, level: 1 }));
    expect(await refusal(profiles.setSkills(w, many))).toBe('market.too_many_skills');
    // A refused set leaves the saved one as it was.
    expect((await profiles.get(w, w.userId)).skills).toHaveLength(2);
  });

  it('adds and removes qualifications and career entries, newest first', async () => {
    const w = await b.user(['worker']);
    await profiles.addQualification(w, { name: '基本情報技術者', acquiredOn: '２０１８/４' });
    const newer = await profiles.addQualification(w, {
      name: 'ウェブデザイン技能検定2級',
      acquiredOn: '2021-10',
    });
    await profiles.addQualification(w, { name: '普通自動車免許' });
    await profiles.addCareerEntry(w, {
      periodFrom: '2015-04',
      periodTo: '2019-03',
      company: '株式会社A',
      role: 'デザイナー',
    });
    const current = await profiles.addCareerEntry(w, {
      periodFrom: '2019-04',
      company: '株式会社B',
      work: 'ECサイトの運用',
      stack: 'Figma, Shopify',
      teamSize: 5,
    });
    expect(current).toMatchObject({ periodTo: null, teamSize: 5 });
    let view = await profiles.get(w, w.userId);
    expect(view.qualifications.map((q) => q.acquiredOn)).toEqual(['2021-10', '2018-04', null]);
    expect(view.career.map((c) => c.company)).toEqual(['株式会社B', '株式会社A']);

    await profiles.removeQualification(w, newer.id);
    await profiles.removeCareerEntry(w, current.id);
    view = await profiles.get(w, w.userId);
    expect(view.qualifications).toHaveLength(2);
    expect(view.career).toHaveLength(1);
    expect(await refusal(profiles.removeCareerEntry(w, current.id))).toBe('market.item_not_found');
  });

  it('refuses bad months and periods, and removing someone else’s entries', async () => {
    const w = await b.user(['worker']);
    const other = await b.user(['worker']);
    expect(await refusal(profiles.addQualification(w, { name: 'x', acquiredOn: '2024-13' }))).toBe(
      'market.month_invalid',
    );
    expect(await refusal(profiles.addQualification(w, { name: 'x', acquiredOn: 'April' }))).toBe(
      'market.month_invalid',
    );
    expect(await refusal(profiles.addCareerEntry(w, { periodFrom: '', company: 'A' }))).toBe(
      'market.month_invalid',
    );
    expect(
      await refusal(profiles.addCareerEntry(w, { periodFrom: '2020-05', periodTo: '2020-04', company: 'A' })),
    ).toBe('market.career_period_invalid');
    expect(
      await refusal(profiles.addCareerEntry(w, { periodFrom: '2020-05', company: 'A', teamSize: 0 })),
    ).toBe('market.career_team_size_invalid');
    expect(await refusal(profiles.addCareerEntry(w, { periodFrom: '2020-05', company: ' ' }))).toBe(
      'market.career_company_invalid',
    );
    const q = await profiles.addQualification(w, { name: '簿記2級' });
    const c = await profiles.addCareerEntry(w, { periodFrom: '2020-05', company: 'A' });
    // Someone else's entry is refused as such, not as missing.
    expect(await refusal(profiles.removeQualification(other, q.id))).toBe('market.item_not_yours');
    expect(await refusal(profiles.removeCareerEntry(other, c.id))).toBe('market.item_not_yours');
  });
});

describe('identity and NDA verification', () => {
  it('is recorded by staff with the date, visible to readers, and can be withdrawn', async () => {
    const staff = await b.user(['staff']);
    const worker = await b.user(['worker']);
    b.clock.set('2026-11-21T01:00:00Z');
    const afterIdentity = await verification.setIdentityVerified(staff, worker.userId, true);
    expect(afterIdentity.identityVerifiedAt).toEqual(new Date('2026-11-21T01:00:00Z'));
    b.clock.set('2026-11-22T01:00:00Z');
    await verification.setNdaVerified(staff, worker.userId, true);
    const seen = await profiles.get(await b.user(['client']), worker.userId);
    expect(seen).toMatchObject({ identityVerified: true, ndaVerified: true });
    expect(seen.profile?.ndaVerifiedAt).toEqual(new Date('2026-11-22T01:00:00Z'));
    // Setting it again keeps the first date.
    b.clock.advance(3600_000);
    expect((await verification.setIdentityVerified(staff, worker.userId, true)).identityVerifiedAt).toEqual(
      new Date('2026-11-21T01:00:00Z'),
    );
    await verification.setNdaVerified(staff, worker.userId, false);
    expect(await profiles.get(worker, worker.userId)).toMatchObject({
      identityVerified: true,
      ndaVerified: false,
    });
    const audit = (await b.audit()).filter((a) => a.actorUserId === staff.userId).map((a) => a.action);
    expect(audit).toEqual(['profile.identity_verified', 'profile.nda_verified', 'profile.nda_unverified']);
  });

  it('is refused to everyone but staff and admins', async () => {
    const worker = await b.user(['worker']);
    for (const roles of [['worker'], ['client'], ['customer']] as const) {
      const who = await b.user([...roles]);
      expect(await refusal(verification.setIdentityVerified(who, worker.userId, true))).toBe('forbidden');
      expect(await refusal(verification.setNdaVerified(who, worker.userId, true))).toBe('forbidden');
    }
    expect(await refusal(verification.setIdentityVerified(worker, worker.userId, true))).toBe('forbidden');
    const admin = await b.user(['admin']);
    await expect(verification.setIdentityVerified(admin, worker.userId, true)).resolves.toMatchObject({
      userId: worker.userId,
    });
    expect(await refusal(verification.setNdaVerified(admin, 999_999, true))).toBe('market.profile_not_found');
  });
});

describe('finding workers', () => {
  it('filters by skill (case and width blind) and status, workers only, available first', async () => {
    const viewer = await b.user(['client']);
    const make = async (
      name: string,
      status: ProfileStatus | null,
      skills: string[],
      roles = ['worker'] as const,
    ) => {
      const u = await b.user([...roles], { name });
      if (status) await profiles.update(u, { status, nickname: name });
      if (skills.length)
        await profiles.setSkills(
          u,
          skills.map((s) => ({ name: s, level: 3 })),
        );
      b.clock.advance(1000);
      return u;
    };
    const busyGo = await make('busy-go', 'busy', ['Go', 'Rust']);
    const availGo = await make('avail-go', 'available', ['go']);
    const dependsGo = await make('depends-go', 'depends', ['GO']);
    const availPhp = await make('avail-php', 'available', ['PHP']);
    await make('client-go', 'available', ['Go'], ['client'] as never);
    const bare = await make('no-profile', null, []);

    const goers = await search.find(viewer, { skill: 'ｇｏ' });
    expect(goers.total).toBe(3);
    expect(goers.items.map((w) => w.displayName)).toEqual(['avail-go', 'depends-go', 'busy-go']);
    expect(goers.items[2]).toMatchObject({
      userId: busyGo.userId,
      status: 'busy',
      skills: [{ name: 'Go' }, { name: 'Rust' }],
    });

    const available = await search.find(viewer, { status: 'available' });
    expect(available.items.every((w) => w.status === 'available')).toBe(true);
    expect(available.items.map((w) => w.userId)).toEqual(
      expect.arrayContaining([availGo.userId, availPhp.userId]),
    );
    expect(available.items.map((w) => w.userId)).not.toContain(dependsGo.userId);
    const both = await search.find(viewer, { skill: 'GO', status: 'depends' });
    expect(both.items.map((w) => w.userId)).toEqual([dependsGo.userId]);

    const everyone = await search.find(viewer, {}, { offset: 0, limit: 2 });
    // More follow: the total is a lower bound until the last page.
    expect(everyone).toMatchObject({ total: 3, totalIsAtLeast: true });
    expect(everyone.items).toHaveLength(2);
    const pastTheEnd = await search.find(viewer, {}, { offset: 40, limit: 10 });
    expect(pastTheEnd).toMatchObject({ items: [], totalIsAtLeast: false });
    expect(pastTheEnd.total).toBeGreaterThanOrEqual(4);
    const all = await search.find(viewer, {}, { offset: 0, limit: 50 });
    // A worker who never wrote a profile has nothing to show and is not listed.
    expect(all.items.some((w) => w.userId === bare.userId)).toBe(false);
    expect(all.items.some((w) => w.displayName === 'client-go')).toBe(false);
    expect(all.items.map((w) => w.status)).toEqual(
      [...all.items.map((w) => w.status)].sort(
        (a, b) =>
          ['available', 'depends', 'busy'].indexOf(a ?? '') -
          ['available', 'depends', 'busy'].indexOf(b ?? ''),
      ),
    );
    expect(await search.find(viewer, { skill: 'COBOL' })).toEqual({
      items: [],
      total: 0,
      totalIsAtLeast: false,
    });
  });

  it('shows verification flags in results and refuses a bad status or a customer', async () => {
    const staff = await b.user(['staff']);
    const w = await b.user(['worker']);
    await profiles.setSkills(w, [{ name: 'Elixir', level: 5 }]);
    await verification.setIdentityVerified(staff, w.userId, true);
    expect((await search.find(staff, { skill: 'elixir' })).items).toMatchObject([
      { userId: w.userId, identityVerified: true, ndaVerified: false },
    ]);
    expect(await refusal(search.find(staff, { status: 'asleep' as ProfileStatus }))).toBe(
      'market.status_invalid',
    );
    expect(await refusal(search.find(await b.user(['customer'])))).toBe('forbidden');
  });
});
