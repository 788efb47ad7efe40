/**
 * What a profile patch changes, field by field: each value read and checked (profile-fields.ts), the
 * user name set once and never taken twice, and the order of dated lists.
 */
import { UserError } from '../../errors.ts';
import type { Tx } from '../tx.ts';
import {
  addressLineOf,
  birthDateOf,
  fullNameOf,
  furiganaOf,
  genderOf,
  hometownOf,
  postalCodeOf,
  postalCodeText,
  schoolOf,
  usernameKey,
  usernameOf,
  lookupPostalCode as zipLookup,
} from './profile-fields.ts';
import {
  type Gender,
  PROFILE_STATUSES,
  type ProfileRecord,
  type ProfileStatus,
  WEEKLY_HOURS,
  type WeeklyHours,
} from './records.ts';
import { boundedProse, boundedText, clean, intIn, phoneOf, prefectureOf } from './validate.ts';

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
  /** ユーザー名, set once: refused when one is set already (the same name again is no change). */
  username?: string;
  /** 出身地; '' clears. */
  hometown?: string;
  /** 最終学歴・学校; '' clears. */
  school?: string;
  // Personal details ('' or null clears):
  fullName?: string;
  /** ふりがな in katakana or hiragana. */
  furigana?: string;
  gender?: Gender | null;
  /** Whether others see the gender. */
  genderPublic?: boolean;
  /** `1990-04-01`, `1990年4月1日`, `平成2年4月1日`, …. */
  birthDate?: string | null;
  /** Whether others see the age band (20代, 30代, …). */
  ageBandPublic?: boolean;
  /**
   * `104-0061`, `１０４－００６１`, …: also sets the prefecture and the city from Japan Post's data
   * (unless the patch gives them); a code not in the data is refused.
   */
  postalCode?: string | null;
  /** The address after the city (町名・番地・建物名). */
  addressLine?: string;
  phone?: string;
}

/** Names nobody may take: they would pass for the service speaking. */
const RESERVED_USERNAMES = new Set([
  'admin',
  'administrator',
  'staff',
  'support',
  'system',
  'bot',
  'official',
  'root',
]);

/**
 * The user name change `input` makes to `profile`: none when it is the name already set; refused
 * when another name is set (a user name never changes), reserved, or someone else's.
 */
export async function usernameChange(
  tx: Tx,
  profile: ProfileRecord | null,
  input: string,
): Promise<Pick<ProfileRecord, 'username' | 'usernameKey'> | Record<string, never>> {
  const username = usernameOf(input);
  if (profile?.username) {
    if (profile.username === username) return {};
    throw new UserError('profile.username_already_set', { username: profile.username });
  }
  const key = usernameKey(username);
  if (RESERVED_USERNAMES.has(key)) throw new UserError('profile.username_reserved', { username });
  const holder = await tx.market.profiles.findOne({ usernameKey: key });
  if (holder && holder.userId !== profile?.userId)
    throw new UserError('profile.username_taken', { username });
  return { username, usernameKey: key };
}

/** '' (after NFKC and trimming) for an empty value, else what `read` makes of it. */
const emptyOr = (value: string, read: (v: string) => string) => (clean(value) === '' ? '' : read(value));

function flag(value: boolean): boolean {
  if (typeof value !== 'boolean') throw new UserError('profile.switch_invalid');
  return value;
}

/** The checked values of `patch`; `today` (`YYYY-MM-DD`, business calendar) bounds a birth date. */
export async function profileChanges(patch: ProfilePatch, today: string): Promise<Partial<ProfileRecord>> {
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
  if (patch.hometown !== undefined) c.hometown = emptyOr(patch.hometown, hometownOf);
  if (patch.school !== undefined) c.school = emptyOr(patch.school, schoolOf);
  if (patch.fullName !== undefined) c.fullName = emptyOr(patch.fullName, fullNameOf);
  if (patch.furigana !== undefined) c.furigana = emptyOr(patch.furigana, furiganaOf);
  if (patch.gender !== undefined) c.gender = patch.gender === null ? null : genderOf(patch.gender);
  if (patch.genderPublic !== undefined) c.genderPublic = flag(patch.genderPublic);
  if (patch.birthDate !== undefined) {
    const date = patch.birthDate === null ? '' : emptyOr(patch.birthDate, (v) => birthDateOf(v, today));
    c.birthDate = date === '' ? null : date;
  }
  if (patch.ageBandPublic !== undefined) c.ageBandPublic = flag(patch.ageBandPublic);
  if (patch.postalCode !== undefined) {
    const code = patch.postalCode === null ? '' : emptyOr(patch.postalCode, postalCodeOf);
    c.postalCode = code === '' ? null : code;
    if (code !== '') {
      // The code fills in the prefecture and the city, unless they were given with it.
      const found = await zipLookup(code);
      if (!found) throw new UserError('profile.postal_code_unknown', { code: postalCodeText(code) });
      if (patch.prefecture === undefined) c.prefecture = found.prefecture;
      if (patch.city === undefined) c.city = found.city;
    }
  }
  if (patch.addressLine !== undefined) c.addressLine = emptyOr(patch.addressLine, addressLineOf);
  if (patch.phone !== undefined) c.phone = emptyOr(patch.phone, phoneOf);
  return c;
}

/** Newest `YYYY-MM` first, undated last, then by id. */
export function byMonthDesc<R extends { id: number }>(month: (r: R) => string | null) {
  return (a: R, b: R) => {
    const ma = month(a) ?? '';
    const mb = month(b) ?? '';
    return ma === mb ? a.id - b.id : ma < mb ? 1 : -1;
  };
}
