/**
 * 満足度 (CSAT, docs/domain.md §2.11): once an inquiry is completed, the customer who opened it rates
 * the support 1–5, once; a later tap changes nothing (the first answer stands, so the desk's figures
 * cannot be nudged afterwards). Then they may add one comment. Nobody else rates an inquiry: another
 * company's reads as not found (as everywhere at the desk), a colleague's is refused.
 */
import { UserError } from '../../errors.ts';
import { type Actor, requireRole } from '../actor.ts';
import type { DomainContext } from '../context.ts';
import type { Tx } from '../tx.ts';
import { visibleInquiry } from './access.ts';
import { CSAT_MAX, CSAT_MIN, type InquiryRatingRecord } from './desk-records.ts';
import type { InquiryRecord } from './records.ts';

export const CSAT_COMMENT_MAX = 500;

/** `★★★★☆` for 4. */
export const csatStars = (score: number) => '★'.repeat(score) + '☆'.repeat(Math.max(0, CSAT_MAX - score));

/** A typed score: `4`, `４` (folded by NFKC), `★★★★`; anything else is refused. */
export function parseScore(raw: string | undefined): number {
  const s = (raw ?? '').normalize('NFKC').trim();
  const score = /^\d$/.test(s) ? Number(s) : /^★+$/u.test(s) ? [...s].length : 0;
  if (!Number.isInteger(score) || score < CSAT_MIN || score > CSAT_MAX)
    throw new UserError('csat.score_invalid');
  return score;
}

export interface Rated {
  rating: InquiryRatingRecord;
  /** False when the inquiry had been rated before: the first rating stands. */
  recorded: boolean;
}

/** The inquiry, locked, if the actor is the customer who opened it and it is completed. */
async function ownCompleted(tx: Tx, actor: Actor, inquiryId: number): Promise<InquiryRecord> {
  requireRole(actor, 'customer');
  const inquiry = await visibleInquiry(tx, actor, inquiryId, { lock: true });
  if (inquiry.createdBy !== actor.userId) throw new UserError('csat.not_yours', { id: inquiry.id });
  if (inquiry.status !== 'completed') throw new UserError('csat.not_completed', { id: inquiry.id });
  return inquiry;
}

export class CsatService {
  private readonly ctx: DomainContext;

  constructor(ctx: DomainContext) {
    this.ctx = ctx;
  }

  /** Records the rating, or returns the one already given (the inquiry row's lock orders two taps). */
  rate(actor: Actor, inquiryId: number, score: number): Promise<Rated> {
    return this.ctx.uow.run(async (tx) => {
      const inquiry = await ownCompleted(tx, actor, inquiryId);
      const existing = await tx.support.ratings.findOne({ inquiryId: inquiry.id });
      if (existing) return { rating: existing, recorded: false };
      if (!Number.isInteger(score) || score < CSAT_MIN || score > CSAT_MAX)
        throw new UserError('csat.score_invalid');
      const rating = await tx.support.ratings.insert({
        inquiryId: inquiry.id,
        userId: actor.userId,
        score,
        createdAt: this.ctx.clock(),
      });
      await tx.audit({
        actorUserId: actor.userId,
        action: 'inquiry.rated',
        subjectType: 'inquiry',
        subjectId: inquiry.id,
        data: { score },
      });
      return { rating, recorded: true };
    });
  }

  /** The one comment after a rating (trimmed, 1–500 characters, kept as typed). */
  comment(actor: Actor, inquiryId: number, raw: string): Promise<InquiryRatingRecord> {
    const text = checkComment(raw);
    return this.ctx.uow.run(async (tx) => {
      const inquiry = await ownCompleted(tx, actor, inquiryId);
      const rating = await tx.support.ratings.findOne({ inquiryId: inquiry.id });
      if (!rating) throw new UserError('csat.not_rated', { id: inquiry.id });
      if (rating.comment !== null) throw new UserError('csat.comment_exists', { id: inquiry.id });
      const updated = await tx.support.ratings.update(rating.id, {
        comment: text,
        commentedAt: this.ctx.clock(),
      });
      await tx.audit({
        actorUserId: actor.userId,
        action: 'inquiry.rating_commented',
        subjectType: 'inquiry',
        subjectId: inquiry.id,
        data: {},
      });
      return updated;
    });
  }

  /**
   * Before a rating: the one already given, or null when the customer may still rate (refused as
   * `rate` refuses someone else, or an inquiry not completed).
   */
  given(actor: Actor, inquiryId: number): Promise<InquiryRatingRecord | null> {
    return this.ctx.uow.run(async (tx) => {
      const inquiry = await ownCompleted(tx, actor, inquiryId);
      return tx.support.ratings.findOne({ inquiryId: inquiry.id });
    });
  }
}

/** A comment as typed: trimmed, not empty, at most 500 characters (an emoji counts as one). */
export function checkComment(raw: string): string {
  const text = raw.trim();
  if (text === '') throw new UserError('csat.comment_text_only');
  if ([...text].length > CSAT_COMMENT_MAX)
    throw new UserError('csat.comment_too_long', { max: CSAT_COMMENT_MAX });
  return text;
}
