/**
 * The lists of a profile, one item at a time: skills (one per name), qualifications and hobbies (趣味);
 * career entries are in career.ts. These run inside a ProfileService transaction and change only the
 * actor's own items; a number that names someone else's item is refused as such, not as missing, so
 * the person knows to look up their own numbers.
 */

import { UserError } from '../../errors.ts';
import { type Actor, requireRole } from '../actor.ts';
import type { Role } from '../roles.ts';
import type { Tx } from '../tx.ts';
import type { ProfileRecord, ProfileSkillRecord, QualificationRecord } from './records.ts';
import { boundedProse, boundedText, clean, intIn, length, monthOf } from './validate.ts';

export const OWNERS: Role[] = ['worker', 'client'];
export const MAX_SKILLS = 30;
/** Qualifications and career entries each. */
export const MAX_ENTRIES = 50;
export const MAX_HOBBIES = 30;
const MAX_HOBBY = 50;
const MAX_HOBBIES_TEXT = 1000;
const MAX_SKILL_NOTE = 200;

export interface SkillInput {
  name: string;
  /** 1 (beginner) – 5 (expert). */
  level: number;
  years?: number;
  note?: string;
}

/** A skill to add, or to change when one of that name is listed already: what is absent is kept. */
export interface SkillEdit {
  name: string;
  level?: number;
  years?: number;
  note?: string;
}

export type SkillPatch = Omit<SkillEdit, 'name'>;

export interface SkillSaved {
  skill: ProfileSkillRecord;
  /** False when a skill of that name was listed and has been changed instead. */
  created: boolean;
}

export interface QualificationPatch {
  name?: string;
  /** `YYYY-MM`; null clears it. */
  acquiredOn?: string | null;
}

export type ItemKind = 'skill' | 'qualification' | 'career';

export const itemParams = (kind: ItemKind, id: number) => ({
  thing: `@market.items.thing.${kind}`,
  id,
  command: `@market.items.command.${kind}`,
});

/** The row `id` if it is the actor's own; otherwise why not, in words the person can act on. */
export async function ownRow<R extends { id: number; userId: number }>(
  table: { get(id: number): Promise<R | null> },
  kind: ItemKind,
  id: number,
  actor: Actor,
): Promise<R> {
  const row = await table.get(id);
  if (!row) throw new UserError('market.item_not_found', itemParams(kind, id));
  if (row.userId !== actor.userId) throw new UserError('market.item_not_yours', itemParams(kind, id));
  return row;
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

/** Marks the profile updated and records what changed. */
export async function touch(tx: Tx, actor: Actor, now: Date, action: string, data: Record<string, unknown>) {
  const profile = await ensureProfile(tx, actor.userId, now);
  await tx.market.profiles.update(profile.id, { updatedAt: now });
  await tx.audit({ actorUserId: actor.userId, action, subjectType: 'profile', subjectId: profile.id, data });
}

// Skills

/** What skill names are compared by: NFKC, trimmed, lower case. */
export const skillKey = (name: string) => clean(name).toLowerCase();

const skillName = (name: string) =>
  boundedText(name, 1, 50, () => new UserError('market.skill_name_invalid', { max: 50 }));

/** The checked columns of the given fields. */
function skillFields(s: SkillPatch): Partial<ProfileSkillRecord> {
  const c: Partial<ProfileSkillRecord> = {};
  if (s.level !== undefined)
    c.level = intIn(s.level, 1, 5, () => new UserError('market.skill_level_invalid'));
  if (s.years !== undefined)
    c.years = intIn(s.years, 0, 60, () => new UserError('market.skill_years_invalid'));
  if (s.note !== undefined) {
    c.note = boundedProse(
      s.note,
      0,
      MAX_SKILL_NOTE,
      () => new UserError('market.skill_note_too_long', { max: MAX_SKILL_NOTE }),
    );
  }
  return c;
}

export function skillRow(userId: number, s: SkillInput): Omit<ProfileSkillRecord, 'id'> {
  const name = skillName(s.name);
  const fields = skillFields({ level: s.level, years: s.years ?? 0, note: s.note ?? '' });
  return {
    userId,
    name,
    nameKey: skillKey(name),
    level: fields.level ?? 1,
    years: fields.years ?? 0,
    note: fields.note ?? '',
  };
}

/**
 * Adds each skill, keeping the others; a name already listed (compared as `skillKey`) changes that
 * skill instead. A new skill needs its level.
 */
export async function addSkills(
  tx: Tx,
  actor: Actor,
  edits: readonly SkillEdit[],
  now: Date,
): Promise<SkillSaved[]> {
  requireRole(actor, ...OWNERS);
  const named = edits.map((e) => ({ ...e, name: skillName(e.name) }));
  const seen = new Set<string>();
  for (const e of named) {
    if (seen.has(skillKey(e.name))) throw new UserError('market.skill_duplicate', { name: e.name });
    seen.add(skillKey(e.name));
  }
  await ensureProfile(tx, actor.userId, now);
  const listed = new Map(
    (await tx.market.profileSkills.find({ userId: actor.userId })).map((s) => [s.nameKey, s]),
  );
  const fresh = named.filter((e) => !listed.has(skillKey(e.name))).length;
  if (listed.size + fresh > MAX_SKILLS) throw new UserError('market.too_many_skills', { max: MAX_SKILLS });
  const saved: SkillSaved[] = [];
  for (const e of named) {
    const old = listed.get(skillKey(e.name));
    const { name: _name, ...patch } = e;
    if (old) {
      const changes = skillFields(patch);
      const skill =
        Object.keys(changes).length > 0 ? await tx.market.profileSkills.update(old.id, changes) : old;
      saved.push({ skill, created: false });
      continue;
    }
    if (e.level === undefined) throw new UserError('market.skill_level_required', { name: e.name });
    saved.push({
      skill: await tx.market.profileSkills.insert(
        skillRow(actor.userId, { ...patch, name: e.name, level: e.level }),
      ),
      created: true,
    });
  }
  await touch(tx, actor, now, 'profile.skills_added', {
    added: saved.filter((s) => s.created).map((s) => s.skill.id),
    changed: saved.filter((s) => !s.created).map((s) => s.skill.id),
  });
  return saved;
}

export async function updateSkill(
  tx: Tx,
  actor: Actor,
  skillId: number,
  patch: SkillPatch,
  now: Date,
): Promise<ProfileSkillRecord> {
  requireRole(actor, ...OWNERS);
  const skill = await ownRow(tx.market.profileSkills, 'skill', skillId, actor);
  const changes = skillFields(patch);
  if (Object.keys(changes).length === 0) return skill;
  const updated = await tx.market.profileSkills.update(skill.id, changes);
  await touch(tx, actor, now, 'profile.skill_updated', { skillId, fields: Object.keys(changes) });
  return updated;
}

export async function removeSkill(
  tx: Tx,
  actor: Actor,
  skillId: number,
  now: Date,
): Promise<ProfileSkillRecord> {
  requireRole(actor, ...OWNERS);
  const skill = await ownRow(tx.market.profileSkills, 'skill', skillId, actor);
  await tx.market.profileSkills.delete({ id: skill.id });
  await touch(tx, actor, now, 'profile.skill_removed', { skillId, name: skill.name });
  return skill;
}

// Qualifications

export const qualificationName = (name: string) =>
  boundedText(name, 1, 200, () => new UserError('market.qualification_name_invalid', { max: 200 }));

/** `2023-04`, `2023/4`, `2023.4`, `2023年4月` (full-width digits too) → `2023-04`; null when empty. */
export function yearMonthOf(value: string | null | undefined): string | null {
  if (value == null) return null;
  const s = clean(value)
    .replace(/^(\d{4})年(\d{1,2})月?$/, '$1-$2')
    .replace(/^(\d{4})\.(\d{1,2})$/, '$1-$2');
  return monthOf(s);
}

export async function updateQualification(
  tx: Tx,
  actor: Actor,
  qualificationId: number,
  patch: QualificationPatch,
  now: Date,
): Promise<QualificationRecord> {
  requireRole(actor, ...OWNERS);
  const row = await ownRow(tx.market.qualifications, 'qualification', qualificationId, actor);
  const changes: Partial<QualificationRecord> = {};
  if (patch.name !== undefined) changes.name = qualificationName(patch.name);
  if (patch.acquiredOn !== undefined) changes.acquiredOn = yearMonthOf(patch.acquiredOn);
  if (Object.keys(changes).length === 0) return row;
  const updated = await tx.market.qualifications.update(row.id, changes);
  await touch(tx, actor, now, 'profile.qualification_updated', {
    qualificationId,
    fields: Object.keys(changes),
  });
  return updated;
}

export async function removeQualification(tx: Tx, actor: Actor, qualificationId: number, now: Date) {
  requireRole(actor, ...OWNERS);
  const row = await ownRow(tx.market.qualifications, 'qualification', qualificationId, actor);
  await tx.market.qualifications.delete({ id: row.id });
  await touch(tx, actor, now, 'profile.qualification_removed', { qualificationId });
  return row;
}

// Hobbies: the profile's text field, read as a list separated by 、 , or line breaks, so what
// `プロフィール 設定 趣味 写真、旅行` wrote is the same list that 趣味 追加 / 削除 edit.

/** The hobbies written in a profile's text, in order. */
export function hobbyList(text: string): string[] {
  return text
    .split(/[、,，\n]/u)
    .map((h) => h.trim())
    .filter((h) => h !== '');
}

const hobbyKey = (h: string) => clean(h).toLowerCase();

async function saveHobbies(tx: Tx, actor: Actor, profile: ProfileRecord, list: string[], now: Date) {
  if (list.length > MAX_HOBBIES) throw new UserError('market.too_many_hobbies', { max: MAX_HOBBIES });
  const hobbies = list.join('、');
  if (length(hobbies) > MAX_HOBBIES_TEXT)
    throw new UserError('market.hobbies_too_long', { max: MAX_HOBBIES_TEXT });
  await tx.market.profiles.update(profile.id, { hobbies, updatedAt: now });
  await tx.audit({
    actorUserId: actor.userId,
    action: 'profile.updated',
    subjectType: 'profile',
    subjectId: profile.id,
    data: { fields: ['hobbies'] },
  });
}

/** Adds each hobby in `text` (`登山`, or several: `登山、写真`) after the ones listed. */
export async function addHobbies(tx: Tx, actor: Actor, text: string, now: Date): Promise<string[]> {
  requireRole(actor, ...OWNERS);
  const words = hobbyList(text).map((h) =>
    boundedProse(h, 1, MAX_HOBBY, () => new UserError('market.hobby_invalid', { max: MAX_HOBBY })),
  );
  if (words.length === 0) throw new UserError('market.hobby_invalid', { max: MAX_HOBBY });
  const profile = await ensureProfile(tx, actor.userId, now);
  const list = hobbyList(profile.hobbies);
  for (const w of words) {
    if (list.some((h) => hobbyKey(h) === hobbyKey(w)))
      throw new UserError('market.hobby_duplicate', { name: w });
    list.push(w);
  }
  await saveHobbies(tx, actor, profile, list, now);
  return list;
}

/** Removes one hobby, by its place in the list (1 = first) or by name. */
export async function removeHobby(
  tx: Tx,
  actor: Actor,
  which: number | string,
  now: Date,
): Promise<{ removed: string; hobbies: string[] }> {
  requireRole(actor, ...OWNERS);
  const profile = await ensureProfile(tx, actor.userId, now);
  const list = hobbyList(profile.hobbies);
  const index =
    typeof which === 'number' ? which - 1 : list.findIndex((h) => hobbyKey(h) === hobbyKey(which));
  const removed = list[index];
  if (index < 0 || removed === undefined)
    throw new UserError('market.hobby_not_found', { input: String(which).slice(0, 50) });
  list.splice(index, 1);
  await saveHobbies(tx, actor, profile, list, now);
  return { removed, hobbies: list };
}
