/** Checking and normalizing what customers and staff type into the support desk. */
import { UserError } from '../../errors.ts';
import type { UploadedFile } from '../../files/storage.ts';
import type { PageRequest } from '../table.ts';
import { zonedTimeToInstant } from '../work/pay-date.ts';

export const MAX_COMMENT_CHARS = 4000;
export const MAX_ATTACHMENTS = 10;
export const MAX_PAGE_SIZE = 50;

/**
 * A comment or message body, trimmed. Length counts characters as people do (code points), so an
 * emoji is one. Free text is kept as typed: NFKC would rewrite the customer's own words.
 */
export function cleanComment(raw: string, options: { allowEmpty?: boolean } = {}): string {
  const text = raw.trim();
  if (text === '' && !options.allowEmpty) throw new UserError('support.comment_required');
  if ([...text].length > MAX_COMMENT_CHARS) {
    throw new UserError('support.comment_too_long', { max: MAX_COMMENT_CHARS });
  }
  return text;
}

export function checkAttachmentCount(attachments: readonly UploadedFile[]): void {
  if (attachments.length > MAX_ATTACHMENTS) {
    throw new UserError('support.too_many_attachments', { max: MAX_ATTACHMENTS });
  }
}

/** A free word as search terms: NFKC (full-width letters and digits, the ideographic space), split. */
export function searchTerms(word: string): string[] {
  return word
    .normalize('NFKC')
    .split(/\s+/u)
    .filter((t) => t !== '');
}

/** Offset and limit made safe: whole numbers, at least one row, at most `MAX_PAGE_SIZE`. */
export function pageOf(page: Partial<PageRequest> = {}): PageRequest {
  const offset = Math.max(0, Math.trunc(page.offset ?? 0) || 0);
  const limit = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.trunc(page.limit ?? 10) || 10));
  return { offset, limit };
}

/** Business dates, both inclusive: `2026-11-01` (or `2026/11/01`, full-width digits allowed). */
export interface Period {
  from?: string;
  to?: string;
}

function parseDate(input: string): { year: number; month: number; day: number } {
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(input.normalize('NFKC').trim());
  const [year, month, day] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (
    !m ||
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day
  ) {
    throw new UserError('support.period_invalid');
  }
  return { year, month, day };
}

/**
 * The instants a period of business dates covers in `timeZone`: from the start of `from` to the
 * start of the day after `to` (exclusive), so "to 11-30" includes the whole of 30 November in Tokyo.
 */
export function periodInstants(
  period: Period | undefined,
  timeZone: string,
): { createdFrom?: Date; createdBefore?: Date } {
  const out: { createdFrom?: Date; createdBefore?: Date } = {};
  if (period?.from)
    out.createdFrom = zonedTimeToInstant({ ...parseDate(period.from), hour: 0, minute: 0 }, timeZone);
  if (period?.to) {
    const to = parseDate(period.to);
    // Date.UTC rolls 31 into the next month, and so on: the day after, as a calendar date.
    const next = new Date(Date.UTC(to.year, to.month - 1, to.day + 1));
    out.createdBefore = zonedTimeToInstant(
      {
        year: next.getUTCFullYear(),
        month: next.getUTCMonth() + 1,
        day: next.getUTCDate(),
        hour: 0,
        minute: 0,
      },
      timeZone,
    );
  }
  if (out.createdFrom && out.createdBefore && out.createdFrom >= out.createdBefore) {
    throw new UserError('support.period_invalid');
  }
  return out;
}
