/**
 * プロフィール (docs/domain.md §3.4–§3.5): a worker's (or client's) public profile: nickname, introduction,
 * availability, weekly hours band, hourly rate, place, hobbies, skills, qualifications and career
 * history, user name, hometown, school and image. Each person edits only their own; anyone signed up
 * may read a worker's, including the verification flags staff set (verification.ts). The personal
 * details (name, furigana, gender, birth date, postal code, address, phone) only the person and
 * staff read: another viewer's view does not carry them, and gets the gender and the age band only
 * when the person shows them (profile-fields.ts).
 */
import { UserError } from '../../errors.ts';
import type { UploadedFile } from '../../files/storage.ts';
import { type Actor, isStaff, requireRole } from '../actor.ts';
import type { DomainContext } from '../context.ts';
import { recordUploads } from '../files.ts';
import type { FileRecord } from '../shared.ts';
import { DuplicateRecordError } from '../table.ts';
import type { CareerEntryView, CareerInput, CareerPatch } from './career.ts';
import * as careers from './career.ts';
import { byMonthDesc, type ProfilePatch, profileChanges, usernameChange } from './profile-changes.ts';

export type { ProfilePatch };

import {
  ageBandOf,
  calendarDate,
  checkImage,
  type PersonalDetails,
  type PostalAddress,
  type PublicProfile,
  postalCodeOf,
  postalCodeText,
  splitProfile,
  lookupPostalCode as zipLookup,
} from './profile-fields.ts';
import * as items from './profile-items.ts';
import {
  ensureProfile,
  MAX_ENTRIES,
  MAX_SKILLS,
  OWNERS,
  type QualificationPatch,
  type SkillEdit,
  type SkillInput,
  type SkillPatch,
  type SkillSaved,
  skillRow,
} from './profile-items.ts';
import type {
  CareerEntryRecord,
  Gender,
  PersonRef,
  ProfileRecord,
  ProfileSkillRecord,
  QualificationRecord,
} from './records.ts';

export { skillKey } from './profile-items.ts';
export type {
  CareerEntryView,
  CareerInput,
  CareerPatch,
  PersonalDetails,
  PostalAddress,
  PublicProfile,
  QualificationPatch,
  SkillEdit,
  SkillInput,
  SkillPatch,
  SkillSaved,
};
export { ensureProfile, MAX_ENTRIES, MAX_SKILLS };

export interface QualificationInput {
  name: string;
  /** `YYYY-MM`. */
  acquiredOn?: string | null;
}

/**
 * A profile as one viewer may see it. Personal details reach only the person and staff: for anyone
 * else `personal` is null, `profile` has no personal field at all, and the gender and the age band
 * are there only when the person shows them.
 */
export interface ProfileView extends PersonRef {
  /** Null until the person saves a profile. */
  profile: PublicProfile | null;
  /** Name, furigana, birth date, postal code, address, phone, …: the person and staff only. */
  personal: PersonalDetails | null;
  /** The gender for this viewer: the person and staff always, others when it is shown. */
  gender: Gender | null;
  /** The age band's decade (30 = 30代) on today's business date, for this viewer as the gender is. */
  ageBand: number | null;
  /** The profile image's file row; null when none. */
  image: FileRecord | null;
  identityVerified: boolean;
  ndaVerified: boolean;
  skills: ProfileSkillRecord[];
  qualifications: QualificationRecord[];
  /** Newest first, each with its attachment's file row. */
  career: CareerEntryView[];
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
      const career = await careers.withAttachments(
        tx,
        (await tx.market.careerEntries.find({ userId })).sort(byMonthDesc((c) => c.periodFrom)),
      );
      // The person and staff see everything; anyone else only what is public or shown by choice.
      const sees = userId === actor.userId || isStaff(actor);
      const split = profile ? splitProfile(profile) : null;
      const personal = split?.personal ?? null;
      const today = calendarDate(this.ctx.clock(), this.ctx.businessTimeZone);
      const gender =
        personal?.gender && (sees || (personal.genderPublic && personal.gender !== 'no_answer'))
          ? personal.gender
          : null;
      const ageBand =
        personal?.birthDate && (sees || personal.ageBandPublic) ? ageBandOf(personal.birthDate, today) : null;
      const image = profile?.imageFileId ? await tx.files.get(profile.imageFileId) : null;
      return {
        userId,
        displayName: user.displayName,
        profile: split?.shared ?? null,
        personal: sees ? personal : null,
        gender,
        ageBand,
        image,
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
      const today = calendarDate(this.ctx.clock(), this.ctx.businessTimeZone);
      const changes = await profileChanges(patch, today);
      const profile = await ensureProfile(tx, actor.userId, this.ctx.clock());
      if (patch.username !== undefined)
        Object.assign(changes, await usernameChange(tx, profile, patch.username));
      const fields = (Object.keys(changes) as (keyof ProfileRecord)[]).filter(
        (k) => changes[k] !== profile[k],
      );
      if (fields.length === 0) return profile;
      let updated: ProfileRecord;
      try {
        updated = await tx.market.profiles.update(profile.id, {
          ...changes,
          updatedAt: this.ctx.clock(),
        });
      } catch (err) {
        // Someone took the name between the check and the write: the unique key refused it.
        if (err instanceof DuplicateRecordError && changes.username)
          throw new UserError('profile.username_taken', { username: changes.username });
        throw err;
      }
      // The field names only: personal values stay out of the audit log.
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

  /**
   * The values `patch` would save, checked exactly as `update` checks them, without saving (a flow
   * checks each answer at its own step). A postal code also gives the prefecture and the city.
   */
  async preview(actor: Actor, patch: Omit<ProfilePatch, 'username'>): Promise<Partial<ProfileRecord>> {
    requireRole(actor, ...OWNERS);
    return profileChanges(patch, calendarDate(this.ctx.clock(), this.ctx.businessTimeZone));
  }

  /**
   * Whether `input` can be one's user name: its form, not one of the reserved names, not someone
   * else's (whatever the case), and one's own not set yet. Returns the name as it would be kept.
   */
  checkUsername(actor: Actor, input: string): Promise<string> {
    return this.ctx.uow.read(async (tx) => {
      requireRole(actor, ...OWNERS);
      const own = await tx.market.profiles.findOne({ userId: actor.userId });
      const change = await usernameChange(tx, own, input);
      return change.username ?? (own?.username as string);
    });
  }

  /** The prefecture, city and town of a postal code (any way it is typed); refused when unknown. */
  async lookupPostalCode(input: string): Promise<PostalAddress & { code: string }> {
    const code = postalCodeOf(input);
    const found = await zipLookup(code);
    if (!found) throw new UserError('profile.postal_code_unknown', { code: postalCodeText(code) });
    return { ...found, code };
  }

  /** Refuses an upload that cannot be a profile image (its bytes, its size), as setImage would. */
  async checkImage(actor: Actor, upload: UploadedFile): Promise<void> {
    requireRole(actor, ...OWNERS);
    await checkImage(this.ctx.files, upload);
  }

  /**
   * プロフィール画像: a JPEG, PNG or WebP picture of at most 5 MB (read from its bytes), kept as a
   * file row and shown on the profile; it replaces the one there.
   */
  async setImage(actor: Actor, upload: UploadedFile): Promise<FileRecord> {
    requireRole(actor, ...OWNERS);
    const mime = await checkImage(this.ctx.files, upload);
    return this.ctx.uow.run(async (tx) => {
      const now = this.ctx.clock();
      const profile = await ensureProfile(tx, actor.userId, now);
      const [file] = await recordUploads(tx, actor.userId, [{ ...upload, mime }]);
      if (!file) throw new Error('profile image upload produced no file row');
      await tx.market.profiles.update(profile.id, { imageFileId: file.id, updatedAt: now });
      await tx.audit({
        actorUserId: actor.userId,
        action: 'profile.image_set',
        subjectType: 'profile',
        subjectId: profile.id,
        data: { fileId: file.id },
      });
      return file;
    });
  }

  /** Takes the profile image off the profile; false when there was none. */
  removeImage(actor: Actor): Promise<boolean> {
    return this.ctx.uow.run(async (tx) => {
      requireRole(actor, ...OWNERS);
      const profile = await tx.market.profiles.findOne({ userId: actor.userId });
      if (!profile?.imageFileId) return false;
      await tx.market.profiles.update(profile.id, { imageFileId: null, updatedAt: this.ctx.clock() });
      await tx.audit({
        actorUserId: actor.userId,
        action: 'profile.image_removed',
        subjectType: 'profile',
        subjectId: profile.id,
        data: { fileId: profile.imageFileId },
      });
      return true;
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

  /**
   * Adds skills one by one, keeping the ones listed; a name already listed (whatever its case or
   * width) changes that skill's level, years and note instead. A new skill needs its level.
   */
  addSkills(actor: Actor, skills: readonly SkillEdit[]): Promise<SkillSaved[]> {
    return this.ctx.uow.run((tx) => items.addSkills(tx, actor, skills, this.ctx.clock()));
  }

  /** Changes the given fields of one of one's skills. */
  updateSkill(actor: Actor, skillId: number, patch: SkillPatch): Promise<ProfileSkillRecord> {
    return this.ctx.uow.run((tx) => items.updateSkill(tx, actor, skillId, patch, this.ctx.clock()));
  }

  removeSkill(actor: Actor, skillId: number): Promise<ProfileSkillRecord> {
    return this.ctx.uow.run((tx) => items.removeSkill(tx, actor, skillId, this.ctx.clock()));
  }

  addQualification(actor: Actor, input: QualificationInput): Promise<QualificationRecord> {
    return this.ctx.uow.run(async (tx) => {
      requireRole(actor, ...OWNERS);
      const name = items.qualificationName(input.name);
      const acquiredOn = items.yearMonthOf(input.acquiredOn);
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

  /** Changes the name and/or the month of one of one's qualifications. */
  updateQualification(
    actor: Actor,
    qualificationId: number,
    patch: QualificationPatch,
  ): Promise<QualificationRecord> {
    return this.ctx.uow.run((tx) =>
      items.updateQualification(tx, actor, qualificationId, patch, this.ctx.clock()),
    );
  }

  removeQualification(actor: Actor, qualificationId: number): Promise<QualificationRecord> {
    return this.ctx.uow.run((tx) => items.removeQualification(tx, actor, qualificationId, this.ctx.clock()));
  }

  /** 経歴: adds one period of work (from/to `YYYY-MM`, to = present when absent), with one file. */
  addCareerEntry(actor: Actor, input: CareerInput): Promise<CareerEntryRecord> {
    return this.ctx.uow.run((tx) => careers.addCareerEntry(tx, actor, input, this.ctx.clock()));
  }

  /** One career entry: one's own, or a worker's (public, as the profile is). */
  careerEntry(actor: Actor, careerEntryId: number): Promise<CareerEntryView> {
    return this.ctx.uow.read((tx) => careers.careerEntry(tx, actor, careerEntryId));
  }

  /** One of one's own career entries; someone else's is refused as such. */
  ownCareerEntry(actor: Actor, careerEntryId: number): Promise<CareerEntryView> {
    return this.ctx.uow.read((tx) => careers.ownCareerEntry(tx, actor, careerEntryId));
  }

  /** Changes the given fields of one of one's career entries (`attachment: null` removes the file). */
  updateCareerEntry(actor: Actor, careerEntryId: number, patch: CareerPatch): Promise<CareerEntryRecord> {
    return this.ctx.uow.run((tx) =>
      careers.updateCareerEntry(tx, actor, careerEntryId, patch, this.ctx.clock()),
    );
  }

  removeCareerEntry(actor: Actor, careerEntryId: number): Promise<CareerEntryRecord> {
    return this.ctx.uow.run((tx) => careers.removeCareerEntry(tx, actor, careerEntryId, this.ctx.clock()));
  }

  /** 趣味: adds the hobbies in `text` (one, or several separated by 、) after the listed ones. */
  addHobbies(actor: Actor, text: string): Promise<string[]> {
    return this.ctx.uow.run((tx) => items.addHobbies(tx, actor, text, this.ctx.clock()));
  }

  /** Removes one hobby, by its place in the list (1 = first) or by name. */
  removeHobby(actor: Actor, which: number | string): Promise<{ removed: string; hobbies: string[] }> {
    return this.ctx.uow.run((tx) => items.removeHobby(tx, actor, which, this.ctx.clock()));
  }
}
