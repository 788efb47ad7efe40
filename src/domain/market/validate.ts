/**
 * Input rules the marketplace services share. Names, slugs and search terms are NFKC-normalized
 * (full-width letters and digits, the ideographic space) as docs/domain.md §7.2 asks, then trimmed; prose is
 * only trimmed. Lengths count code points, so an emoji or a kanji is one character.
 */
import { UserError } from '../../errors.ts';
import { canonicalPrefecture } from '../prefectures.ts';
import type { PageRequest } from '../table.ts';

export const length = (s: string) => [...s].length;

/** NFKC and trimmed. */
export const clean = (s: string) => s.normalize('NFKC').trim();

/** `value` cleaned, or `refusal()` thrown unless it has between `min` and `max` characters. */
export function boundedText(value: string, min: number, max: number, refusal: () => UserError): string {
  const text = clean(value);
  const n = length(text);
  if (n < min || n > max) throw refusal();
  return text;
}

/**
 * Free prose (introductions, notes, comments) only trimmed: NFKC would rewrite the writer's
 * typography (full-width brackets, ①, 〜), which is theirs to choose.
 */
export function boundedProse(value: string, min: number, max: number, refusal: () => UserError): string {
  const text = value.trim();
  const n = length(text);
  if (n < min || n > max) throw refusal();
  return text;
}

/** A slug as typed (NFKC, lower-cased), or a refusal with `key` when it breaks `rule`. */
export function slugOf(
  value: string,
  rule: RegExp,
  key: 'company.slug_invalid' | 'market.team_slug_invalid',
) {
  const slug = clean(value).toLowerCase();
  if (!rule.test(slug)) throw new UserError(key);
  return slug;
}

/** Team URLs: lower-case letters, digits and hyphens, 3–32, starting and ending with a letter or digit. */
export const TEAM_SLUG = /^[a-z0-9][a-z0-9-]{1,30}[a-z0-9]$/;
/**
 * Company URLs: letters, digits and hyphens, 3–32 (lower-cased), starting and ending with a letter or
 * digit, as team URLs.
 */
export const COMPANY_SLUG = /^[a-z0-9][a-z0-9-]{1,30}[a-z0-9]$/;

/** `YYYY-MM` (also accepts `YYYY/MM` and `YYYY-M`); null for an empty value. */
export function monthOf(value: string | null | undefined): string | null {
  if (value == null) return null;
  const s = clean(value);
  if (s === '') return null;
  const m = /^(\d{4})[-/](\d{1,2})$/.exec(s);
  const month = Number(m?.[2]);
  if (!m || month < 1 || month > 12) throw new UserError('market.month_invalid');
  return `${m[1]}-${String(month).padStart(2, '0')}`;
}

/** A whole number in [min, max], or `refusal()` thrown. */
export function intIn(value: number, min: number, max: number, refusal: () => UserError): number {
  if (!Number.isInteger(value) || value < min || value > max) throw refusal();
  return value;
}

/** The prefecture's full name for `東京都` or `東京`; refuses anything else. */
export function prefectureOf(value: string): string {
  const found = canonicalPrefecture(clean(value));
  if (!found) throw new UserError('market.prefecture_invalid');
  return found;
}

/** A checked page request: at most 50 rows, never negative. */
export function pageOf(page: Partial<PageRequest> = {}): PageRequest {
  const limit = Math.min(Math.max(Math.trunc(page.limit ?? 20), 1), 50);
  const offset = Math.max(Math.trunc(page.offset ?? 0), 0);
  return { limit, offset };
}

/** Simple, permissive e-mail check: something@domain.tld, no spaces. */
export function emailOf(value: string): string {
  const s = clean(value);
  if (length(s) > 254 || !/^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(s))
    throw new UserError('market.email_invalid');
  return s;
}

/** Dashes people type between the parts of a phone number (NFKC already made － and ｰ plain). */
const PHONE_DASHES = /[-\u2010-\u2015\u2212\u30fc\s]+/gu;

/** The longest phone number kept, hyphens included (the column's width). */
export const MAX_PHONE = 20;

/**
 * A contact phone number: digits separated by hyphens, 10–15 digits, at most 20 characters
 * (03-1234-5678, 0120-123-456, 09012345678). Full-width digits, long-vowel marks, other dashes and
 * spaces are read as digits and one hyphen.
 */
export function phoneOf(value: string): string {
  const s = clean(value).replace(PHONE_DASHES, '-');
  const digits = s.replace(/-/g, '').length;
  if (!/^\d+(?:-\d+)*$/.test(s) || digits < 10 || digits > 15 || s.length > MAX_PHONE)
    throw new UserError('company.phone_invalid');
  return s;
}
