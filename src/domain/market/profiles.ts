/**
 * プロフィール (DOMAIN.md §3.4–3.5): a worker's (or client's) public profile: nickname, introduction,
 * availability, weekly hours band, hourly rate, place, hobbies, skills, qualifications and career
 * history. Each person edits only their own; anyone signed up may read a worker's, including the
 * verification flags staff set (verification.ts).
 */
import type { Role } from '../../config.ts';
import { UserError } from '../../errors.ts';
import { type Actor, requireRole } from '../actor.ts';
import type { DomainContext } from '../context.ts';
import type { Tx } from '../tx.ts';
import {
  type CareerEntryRecord,
  type PersonRef,
  PROFILE_STATUSES,
  type ProfileRecord,
  type ProfileSkillRecord,
  type ProfileStatus,
  type QualificationRecord,
  WEEKLY_HOURS,
  type WeeklyHours,
} from './records.ts';
import { boundedProse, boundedText, clean, intIn, monthOf, prefectureOf } from './validate.ts';

const OWNERS: Role[] = ['worker', 'client'];
export const MAX_SKILLS = 30;
/** Qualifications and career entries each. */
export const MAX_ENTRIES = 50;
const MAX_HOURLY_RATE_YEN = 1_000_000;

export interface ProfilePatch {
  nickname?: string;
  introduction?: string;
  status?: ProfileStatus;
  weeklyHours?: WeeklyHours | null;
  hourlyRateYen?: number | null;
  /** `東京都` or `東京`; null clears. */
  prefecture?: string | null;
  city?: string | null;
  hobbies?: string;
}

export interface SkillInput {
  name: string;
  /** 1 (beginner) – 5 (expert). */
  level: number;
  years?: number;
  note?: string;
}

export interface QualificationInput {
  name: string;
  /** `YYYY-MM`. */
  acquiredOn?: string | null;
}

export interface CareerInput {
  periodFrom: string;
  /** Null or absent: to the present. */
  periodTo?: string | null;
  company: string;
  work?: string;
  role?: string;
  stack?: string;
  teamSize?: number | null;
}

export interface ProfileView extends PersonRef {
  /** Null until the person saves a profile. */
  profile: ProfileRecord | null;
  identityVerified: boolean;
  ndaVerified: boolean;
  skills: ProfileSkillRecord[];
  qualifications: QualificationRecord[];
  career: CareerEntryRecord[];
}

export class ProfileService {
  private readonly ctx: DomainContext;

  constructor(ctx: DomainContext) {
    this.ctx = ctx;
  }

  /** A worker's profile, or one's own; skills strongest first, career and qualifications newest first. */
  get(actor: Actor, userId: number): Promise<ProfileView> {
    return this.ctx.uow.run(async (tx) => {
      if (actor.roles.length === 0) throw new UserError('forbidden');
      const user = await tx.users.get(userId);
      if (!user || (userId !== actor.userId && !user.roles.includes('worker'))) {
        throw new UserError('market.profile_not_found');
      }
      const profile = await tx.market.profiles.findOne({ userId });
      const skills = await tx.market.profileSkills.find(
        { userId },
        { orderBy: { level: 'desc', years: 'desc', id: 'asc' } },
      );
      const qualifications = (await tx.market.qualifications.find({ userId })).sort(
        byMonthDesc((q) => q.acquiredOn),
      );
      const career = (await tx.market.careerEntries.find({ userId })).sort(byMonthDesc((c) => c.periodFrom));
      return {
        userId,
        displayName: user.displayName,
        profile,
        identityVerified: profile?.identityVerifiedAt != null,
        ndaVerified: profile?.ndaVerifiedAt != null,
        skills,
        qualifications,
        career,
      };
    });
  }

  /** Updates the given fields of one's own profile (created on first save). */
  update(actor: Actor, patch: ProfilePatch): Promise<ProfileRecord> {
    return this.ctx.uow.run(async (tx) => {
      requireRole(actor, ...OWNERS);
      const changes = profileChanges(patch);
      const profile = await ensureProfile(tx, actor.userId, this.ctx.clock());
      const fields = (Object.keys(changes) as (keyof ProfileRecord)[]).filter(
        (k) => changes[k] !== profile[k],
      );
      if (fields.length === 0) return profile;
      const updated = await tx.market.profiles.update(profile.id, {
        ...changes,
        updatedAt: this.ctx.clock(),
      });
      await tx.audit({
        actorUserId: actor.userId,
        action: 'profile.updated',
        subjectType: 'profile',
        subjectId: profile.id,
        data: { fields },
      });
      return updated;
    });
  }

  /** Replaces one's skills with `skills` (names unique regardless of case; at most 30). */
  setSkills(actor: Actor, skills: readonly SkillInput[]): Promise<ProfileSkillRecord[]> {
    return this.ctx.uow.run(async (tx) => {
      requireRole(actor, ...OWNERS);
      if (skills.length > MAX_SKILLS) throw new UserError('market.too_many_skills', { max: MAX_SKILLS });
      const rows = skills.map((s) => skillRow(actor.userId, s));
      const seen = new Set<string>();
      for (const r of rows) {
        if (seen.has(r.nameKey)) throw new UserError('market.skill_duplicate', { name: r.name });
        seen.add(r.nameKey);
      }
      const profile = await ensureProfile(tx, actor.userId, this.ctx.clock());
      await tx.market.profileSkills.delete({ userId: actor.userId });
      const saved: ProfileSkillRecord[] = [];
      for (const r of rows) saved.push(await tx.market.profileSkills.insert(r));
      await tx.market.profiles.update(profile.id, { updatedAt: this.ctx.clock() });
      await tx.audit({
        actorUserId: actor.userId,
        action: 'profile.skills_set',
        subjectType: 'profile',
        subjectId: profile.id,
        data: { skills: rows.map((r) => r.name) },
      });
      return saved;
    });
  }

  addQualification(actor: Actor, input: QualificationInput): Promise<QualificationRecord> {
    return this.ctx.uow.run(async (tx) => {
      requireRole(actor, ...OWNERS);
      const name = boundedText(
        input.name,
        1,
        200,
        () => new UserError('market.qualification_name_invalid', { max: 200 }),
      );
      const acquiredOn = monthOf(input.acquiredOn);
      const profile = await ensureProfile(tx, actor.userId, this.ctx.clock());
      if ((await tx.market.qualifications.count({ userId: actor.userId })) >= MAX_ENTRIES) {
        throw new UserError('market.too_many_entries', { max: MAX_ENTRIES });
      }
      const row = await tx.market.qualifications.insert({ userId: actor.userId, name, acquiredOn });
      await tx.audit({
        actorUserId: actor.userId,
        action: 'profile.qualification_added',
        subjectType: 'profile',
        subjectId: profile.id,
        data: { qualificationId: row.id },
      });
      return row;
    });
  }

  removeQualification(actor: Actor, qualificationId: number): Promise<void> {
    return this.ctx.uow.run(async (tx) => {
      requireRole(actor, ...OWNERS);
      const removed = await tx.market.qualifications.delete({ id: qualificationId, userId: actor.userId });
      if (removed === 0) throw new UserError('market.entry_not_found');
      await tx.audit({
        actorUserId: actor.userId,
        action: 'profile.qualification_removed',
        subjectType: 'qualification',
        subjectId: qualificationId,
        data: {},
      });
    });
  }

  /** 経歴: adds one period of work (from/to `YYYY-MM`, to = present when absent). */
  addCareerEntry(actor: Actor, input: CareerInput): Promise<CareerEntryRecord> {
    return this.ctx.uow.run(async (tx) => {
      requireRole(actor, ...OWNERS);
      const row = careerRow(actor.userId, input);
      const profile = await ensureProfile(tx, actor.userId, this.ctx.clock());
      if ((await tx.market.careerEntries.count({ userId: actor.userId })) >= MAX_ENTRIES) {
        throw new UserError('market.too_many_entries', { max: MAX_ENTRIES });
      }
      const saved = await tx.market.careerEntries.insert(row);
      await tx.audit({
        actorUserId: actor.userId,
        action: 'profile.career_added',
        subjectType: 'profile',
        subjectId: profile.id,
        data: { careerEntryId: saved.id },
      });
      return saved;
    });
  }

  removeCareerEntry(actor: Actor, careerEntryId: number): Promise<void> {
    return this.ctx.uow.run(async (tx) => {
      requireRole(actor, ...OWNERS);
      const removed = await tx.market.careerEntries.delete({ id: careerEntryId, userId: actor.userId });
      if (removed === 0) throw new UserError('market.entry_not_found');
      await tx.audit({
        actorUserId: actor.userId,
        action: 'profile.career_removed',
        subjectType: 'career_entry',
        subjectId: careerEntryId,
        data: {},
      });
    });
  }
}

/**
 * The user's profile, created with defaults when missing. The user row is locked first, so two
 * first saves at once cannot both insert.
 */
export async function ensureProfile(tx: Tx, userId: number, now: Date): Promise<ProfileRecord> {
  await tx.users.lock(userId);
  const existing = await tx.market.profiles.findOne({ userId });
  if (existing) return existing;
  return tx.market.profiles.insert({
    userId,
    nickname: '',
    introduction: '',
    status: 'available',
    weeklyHours: null,
    hourlyRateYen: null,
    prefecture: null,
    city: null,
    hobbies: '',
    identityVerifiedAt: null,
    ndaVerifiedAt: null,
    updatedAt: now,
  });
}

function profileChanges(patch: ProfilePatch): Partial<ProfileRecord> {
  const c: Partial<ProfileRecord> = {};
  if (patch.nickname !== undefined) {
    c.nickname = boundedText(
      patch.nickname,
      1,
      50,
      () => new UserError('market.nickname_invalid', { max: 50 }),
    );
  }
  if (patch.introduction !== undefined) {
    c.introduction = boundedProse(
      patch.introduction,
      0,
      2000,
      () => new UserError('market.introduction_too_long', { max: 2000 }),
    );
  }
  if (patch.status !== undefined) {
    if (!PROFILE_STATUSES.includes(patch.status)) throw new UserError('market.status_invalid');
    c.status = patch.status;
  }
  if (patch.weeklyHours !== undefined) {
    if (patch.weeklyHours !== null && !WEEKLY_HOURS.includes(patch.weeklyHours)) {
      throw new UserError('market.weekly_hours_invalid');
    }
    c.weeklyHours = patch.weeklyHours;
  }
  if (patch.hourlyRateYen !== undefined) {
    c.hourlyRateYen =
      patch.hourlyRateYen === null
        ? null
        : intIn(
            patch.hourlyRateYen,
            0,
            MAX_HOURLY_RATE_YEN,
            () => new UserError('market.hourly_rate_invalid'),
          );
  }
  if (patch.prefecture !== undefined) {
    c.prefecture =
      patch.prefecture === null || clean(patch.prefecture) === '' ? null : prefectureOf(patch.prefecture);
  }
  if (patch.city !== undefined) {
    const city =
      patch.city === null
        ? ''
        : boundedText(patch.city, 0, 100, () => new UserError('market.city_too_long', { max: 100 }));
    c.city = city === '' ? null : city;
  }
  if (patch.hobbies !== undefined) {
    c.hobbies = boundedProse(
      patch.hobbies,
      0,
      1000,
      () => new UserError('market.hobbies_too_long', { max: 1000 }),
    );
  }
  return c;
}

function skillRow(userId: number, s: SkillInput): Omit<ProfileSkillRecord, 'id'> {
  const name = boundedText(s.name, 1, 50, () => new UserError('market.skill_name_invalid', { max: 50 }));
  return {
    userId,
    name,
    nameKey: skillKey(name),
    level: intIn(s.level, 1, 5, () => new UserError('market.skill_level_invalid')),
    years: intIn(s.years ?? 0, 0, 60, () => new UserError('market.skill_years_invalid')),
    note: boundedProse(s.note ?? '', 0, 200, () => new UserError('market.skill_note_too_long', { max: 200 })),
  };
}

/** What skill names are compared by: NFKC, trimmed, lower case. */
export const skillKey = (name: string) => clean(name).toLowerCase();

function careerRow(userId: number, input: CareerInput): Omit<CareerEntryRecord, 'id'> {
  const periodFrom = monthOf(input.periodFrom);
  if (periodFrom === null) throw new UserError('market.month_invalid');
  const periodTo = monthOf(input.periodTo);
  if (periodTo !== null && periodTo < periodFrom) throw new UserError('market.career_period_invalid');
  const tooLong = (max: number) => () => new UserError('market.career_text_too_long', { max });
  return {
    userId,
    periodFrom,
    periodTo,
    company: boundedText(
      input.company,
      1,
      200,
      () => new UserError('market.career_company_invalid', { max: 200 }),
    ),
    work: boundedProse(input.work ?? '', 0, 2000, tooLong(2000)),
    role: boundedText(input.role ?? '', 0, 100, tooLong(100)),
    stack: boundedProse(input.stack ?? '', 0, 500, tooLong(500)),
    teamSize:
      input.teamSize == null
        ? null
        : intIn(input.teamSize, 1, 100_000, () => new UserError('market.career_team_size_invalid')),
  };
}

/** Newest `YYYY-MM` first, undated last, then by id. */
function byMonthDesc<R extends { id: number }>(month: (r: R) => string | null) {
  return (a: R, b: R) => {
    const ma = month(a) ?? '';
    const mb = month(b) ?? '';
    return ma === mb ? a.id - b.id : ma < mb ? 1 : -1;
  };
}
