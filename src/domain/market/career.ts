/**
 * 経歴: career entries, each a period of work with its category, company, work, URL, role,
 * environment, team size and one attached file. Run inside a ProfileService transaction; the rules
 * of each field are exported so a guided flow can check an answer at its own question.
 */
import { UserError } from '../../errors.ts';
import type { UploadedFile } from '../../files/storage.ts';
import { type Actor, requireRole } from '../actor.ts';
import { recordUploads } from '../files.ts';
import type { FileRecord } from '../shared.ts';
import type { Tx } from '../tx.ts';
import {
  ensureProfile,
  itemParams,
  MAX_ENTRIES,
  OWNERS,
  ownRow,
  touch,
  yearMonthOf,
} from './profile-items.ts';
import type { CareerEntryRecord } from './records.ts';
import { boundedProse, boundedText, clean, intIn, length } from './validate.ts';

const MAX_CATEGORY = 50;
const MAX_URL = 500;

export interface CareerInput {
  category?: string;
  /** `YYYY-MM` (also `2023/4`, `2023年4月`). */
  periodFrom: string;
  /** Null or absent: to the present. */
  periodTo?: string | null;
  company: string;
  work?: string;
  /** `http://` or `https://`. */
  url?: string;
  role?: string;
  stack?: string;
  teamSize?: number | null;
  attachment?: UploadedFile | null;
}

/** Changes to a career entry: absent fields are kept; `attachment: null` removes the file. */
export type CareerPatch = Partial<CareerInput>;

export interface CareerEntryView extends CareerEntryRecord {
  attachment: FileRecord | null;
}

/** A page about the work: `http://` or `https://` and a host, no spaces; empty when not given. */
export function careerUrlOf(value: string | undefined): string {
  const s = clean(value ?? '');
  if (s === '') return '';
  let ok = /^https?:\/\/\S+$/i.test(s) && length(s) <= MAX_URL;
  try {
    ok &&= ['http:', 'https:'].includes(new URL(s).protocol);
  } catch {
    ok = false;
  }
  if (!ok) throw new UserError('market.career_url_invalid', { max: MAX_URL });
  return s;
}

/** `5`, `５`, `5人`, `5名` → 5; refuses anything that is not a whole number of people. */
export function teamSizeOf(value: string | number): number {
  const n =
    typeof value === 'number'
      ? value
      : /^(\d{1,6})\s*(?:人|名|people|persons?|members?)?$/i.test(clean(value))
        ? Number.parseInt(clean(value), 10)
        : Number.NaN;
  return intIn(n, 1, 100_000, () => new UserError('market.career_team_size_invalid'));
}

const tooLong = (max: number) => () => new UserError('market.career_text_too_long', { max });

export const careerCategoryOf = (value: string | undefined) =>
  boundedText(value ?? '', 0, MAX_CATEGORY, tooLong(MAX_CATEGORY));

export const careerCompanyOf = (value: string) =>
  boundedText(value, 1, 200, () => new UserError('market.career_company_invalid', { max: 200 }));

export const careerWorkOf = (value: string | undefined) => boundedProse(value ?? '', 0, 2000, tooLong(2000));
export const careerRoleOf = (value: string | undefined) => boundedText(value ?? '', 0, 100, tooLong(100));
export const careerStackOf = (value: string | undefined) => boundedProse(value ?? '', 0, 500, tooLong(500));

/** The checked columns of a career entry, but its attachment. */
export function careerRow(
  userId: number,
  input: Omit<CareerInput, 'attachment'>,
): Omit<CareerEntryRecord, 'id' | 'attachmentFileId'> {
  const periodFrom = yearMonthOf(input.periodFrom);
  if (periodFrom === null) throw new UserError('market.month_invalid');
  const periodTo = yearMonthOf(input.periodTo);
  if (periodTo !== null && periodTo < periodFrom) throw new UserError('market.career_period_invalid');
  return {
    userId,
    category: careerCategoryOf(input.category),
    periodFrom,
    periodTo,
    company: careerCompanyOf(input.company),
    work: careerWorkOf(input.work),
    url: careerUrlOf(input.url),
    role: careerRoleOf(input.role),
    stack: careerStackOf(input.stack),
    teamSize: input.teamSize == null ? null : teamSizeOf(input.teamSize),
  };
}

async function attachmentOf(tx: Tx, actor: Actor, upload: UploadedFile): Promise<FileRecord> {
  const [file] = await recordUploads(tx, actor.userId, [upload]);
  if (!file) throw new Error('an attachment produced no file row');
  return file;
}

export async function addCareerEntry(
  tx: Tx,
  actor: Actor,
  input: CareerInput,
  now: Date,
): Promise<CareerEntryRecord> {
  requireRole(actor, ...OWNERS);
  const row = careerRow(actor.userId, input);
  await ensureProfile(tx, actor.userId, now);
  if ((await tx.market.careerEntries.count({ userId: actor.userId })) >= MAX_ENTRIES) {
    throw new UserError('market.too_many_entries', { max: MAX_ENTRIES });
  }
  const file = input.attachment ? await attachmentOf(tx, actor, input.attachment) : null;
  const saved = await tx.market.careerEntries.insert({ ...row, attachmentFileId: file?.id ?? null });
  await touch(tx, actor, now, 'profile.career_added', { careerEntryId: saved.id });
  return saved;
}

export async function updateCareerEntry(
  tx: Tx,
  actor: Actor,
  careerEntryId: number,
  patch: CareerPatch,
  now: Date,
): Promise<CareerEntryRecord> {
  requireRole(actor, ...OWNERS);
  const entry = await ownRow(tx.market.careerEntries, 'career', careerEntryId, actor);
  const { attachment, ...fields } = patch;
  const defined: Omit<CareerPatch, 'attachment'> = Object.fromEntries(
    Object.entries(fields).filter(([, v]) => v !== undefined),
  );
  const row = careerRow(actor.userId, { ...entry, ...defined });
  const changes: Partial<CareerEntryRecord> = {};
  for (const k of Object.keys(row) as (keyof typeof row)[])
    if (row[k] !== entry[k]) Object.assign(changes, { [k]: row[k] });
  if (attachment !== undefined)
    changes.attachmentFileId = attachment === null ? null : (await attachmentOf(tx, actor, attachment)).id;
  if (Object.keys(changes).length === 0) return entry;
  const updated = await tx.market.careerEntries.update(entry.id, changes);
  await touch(tx, actor, now, 'profile.career_updated', { careerEntryId, fields: Object.keys(changes) });
  return updated;
}

export async function removeCareerEntry(tx: Tx, actor: Actor, careerEntryId: number, now: Date) {
  requireRole(actor, ...OWNERS);
  const entry = await ownRow(tx.market.careerEntries, 'career', careerEntryId, actor);
  await tx.market.careerEntries.delete({ id: entry.id });
  await touch(tx, actor, now, 'profile.career_removed', { careerEntryId });
  return entry;
}

/** The entries with their attachment's file row. */
export async function withAttachments(tx: Tx, entries: CareerEntryRecord[]): Promise<CareerEntryView[]> {
  const ids = entries.flatMap((e) => (e.attachmentFileId === null ? [] : [e.attachmentFileId]));
  const files = ids.length === 0 ? [] : await tx.files.find({ id: ids });
  const byId = new Map(files.map((f) => [f.id, f]));
  return entries.map((e) => ({
    ...e,
    attachment: e.attachmentFileId === null ? null : (byId.get(e.attachmentFileId) ?? null),
  }));
}

/** One of one's own career entries, with its attachment (before changing it). */
export async function ownCareerEntry(tx: Tx, actor: Actor, careerEntryId: number): Promise<CareerEntryView> {
  requireRole(actor, ...OWNERS);
  const entry = await ownRow(tx.market.careerEntries, 'career', careerEntryId, actor);
  const [view] = await withAttachments(tx, [entry]);
  return view as CareerEntryView;
}

/**
 * One career entry as its profile shows it: one's own, or a worker's (profiles of workers are
 * public to everyone signed up; a client's only to the client).
 */
export async function careerEntry(tx: Tx, actor: Actor, careerEntryId: number): Promise<CareerEntryView> {
  if (actor.roles.length === 0) throw new UserError('forbidden');
  const entry = await tx.market.careerEntries.get(careerEntryId);
  const owner = entry && entry.userId !== actor.userId ? await tx.users.get(entry.userId) : null;
  if (!entry || (entry.userId !== actor.userId && !owner?.roles.includes('worker')))
    throw new UserError('market.item_not_found', itemParams('career', careerEntryId));
  const [view] = await withAttachments(tx, [entry]);
  return view as CareerEntryView;
}
