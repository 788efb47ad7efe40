/**
 * 満足度 in words (docs/domain.md §2.11). The question, "how did we do?", with one choice per score, 1
 * to 5: it closes the notice that an inquiry was completed, which goes once to the customer who
 * opened it, and answers `評価 <id>` typed on its own. The choices are quick replies (LINE shows them
 * as such; Slack, Discord and the console as buttons), each a short-token button bound to the
 * customer that runs `csat <id> <score>`. And a rating as staff and the customer see it.
 */
import type { QuickReply, Reply } from '../chat/types.ts';
import { csatStars } from '../domain/support/csat.ts';
import { CSAT_MAX, CSAT_MIN, type InquiryRatingRecord } from '../domain/support/desk-records.ts';
import { type Locale, t } from '../i18n/index.ts';
import type { RenderDeps } from './render.ts';

type QuickFor = (label: string, command: string) => Promise<QuickReply>;

export async function csatQuestion(
  locale: Locale,
  inquiryId: number,
  quick: QuickFor,
): Promise<{ text: string; quickReplies: QuickReply[] }> {
  const quickReplies: QuickReply[] = [];
  for (let score = CSAT_MIN; score <= CSAT_MAX; score++) {
    const label = t(locale, `csat.choice.${score as 1 | 2 | 3 | 4 | 5}`);
    quickReplies.push(await quick(label, `csat ${inquiryId} ${score}`));
  }
  return { text: t(locale, 'csat.question', { id: inquiryId }), quickReplies };
}

/** Ends the completion notice with the question, unless the customer has rated the inquiry already. */
export async function askRating(
  reply: Reply,
  recipientUserId: number,
  inquiryId: number,
  locale: Locale,
  deps: RenderDeps,
): Promise<void> {
  const rated = await deps.store.uow.read((tx) => tx.support.ratings.findOne({ inquiryId }));
  if (rated) return;
  const question = await csatQuestion(locale, inquiryId, async (label, command) => {
    const b = await deps.button(recipientUserId, label, command);
    return { label: b.label, payload: b.payload };
  });
  reply.blocks.push({ type: 'text', text: question.text });
  reply.quickReplies = question.quickReplies;
}

/** `★★★★☆ (4)`, and `『丁寧でした』` after it when they commented. */
export function ratingLine(locale: Locale, rating: Pick<InquiryRatingRecord, 'score' | 'comment'>): string {
  const stars = csatStars(rating.score);
  return rating.comment === null
    ? t(locale, 'csat.rating', { stars, score: rating.score })
    : t(locale, 'csat.rating_comment', { stars, score: rating.score, comment: rating.comment });
}
