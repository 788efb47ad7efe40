/**
 * 評価 (docs/domain.md §2.11): the customer who opened a completed inquiry rates it 1–5, by a choice
 * under the completion notice or typed (`評価 29 4`, `評価 ２９ ４`); `評価 29` asks the question again.
 * A rating is taken once: a second one is answered politely and changes nothing. After a first
 * rating the customer may add a comment (flows/csat.ts).
 */
import type { Command, CommandContext } from '../src/chat/command.ts';
import { type Reply, text } from '../src/chat/types.ts';
import { parseScore } from '../src/domain/support/csat.ts';
import type { InquiryRatingRecord } from '../src/domain/support/desk-records.ts';
import { csatQuestion, ratingLine } from '../src/notifications/csat.ts';
import { idArg } from './kit/args.ts';

function alreadyRated(ctx: CommandContext, inquiryId: number, rating: InquiryRatingRecord): Reply {
  const shown = ratingLine(ctx.locale, { score: rating.score, comment: null });
  return { blocks: [text(ctx.t('csat.already_rated', { id: inquiryId, rating: shown }))] };
}

export const csat: Command = {
  name: 'csat',
  aliases: { ja: ['評価', '満足度'], en: ['csat', 'rating'] },
  summary: 'cmd.csat.summary',
  roles: ['customer'],
  async run(ctx) {
    const service = ctx.services.domain.csat;
    const id = idArg(ctx, 0, 'csat.usage.csat');
    if (ctx.args[1] === undefined) {
      const given = await service.given(ctx.actor, id);
      if (given) return alreadyRated(ctx, id, given);
      const question = await csatQuestion(ctx.locale, id, ctx.quickReply);
      return { blocks: [text(question.text)], quickReplies: question.quickReplies };
    }
    const score = parseScore(ctx.args[1]);
    const { rating, recorded } = await service.rate(ctx.actor, id, score);
    if (!recorded) return alreadyRated(ctx, id, rating);
    const thanks = ctx.t('csat.thanks', { id, rating: ratingLine(ctx.locale, rating) });
    // The comment is asked here, step by step on every platform (not as a form): one short answer.
    const { form: _form, ...step } = await ctx.startFlow('csat-comment', { inquiryId: id });
    const started = ctx.t('flow.started');
    return {
      ...step,
      blocks: [text(thanks), ...step.blocks.filter((b) => !(b.type === 'text' && b.text === started))],
    };
  },
};
