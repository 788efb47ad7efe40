/**
 * The comment after a 満足度 rating (docs/domain.md §2.11): one optional question, sent as soon as it
 * is answered (no confirmation). スキップ ends it without a comment, キャンセル leaves it; the rating
 * itself was recorded at the tap either way. A button tapped meanwhile (the rating again, say) is no
 * comment: it is refused and the question asked again.
 */
import type { FlowDefinition } from '../../src/chat/flow.ts';
import { text } from '../../src/chat/types.ts';
import { CSAT_COMMENT_MAX, checkComment } from '../../src/domain/support/csat.ts';
import { UserError } from '../../src/errors.ts';

export const csatCommentFlow: FlowDefinition = {
  id: 'csat-comment',
  confirm: false,
  cancelled: 'csat.comment_cancelled',
  fields: [
    {
      name: 'comment',
      prompt: 'csat.comment_prompt',
      promptParams: async () => ({ max: String(CSAT_COMMENT_MAX) }),
      type: 'text',
      optional: true,
      async resolve(input, ctx) {
        if (ctx.event.kind === 'action') throw new UserError('csat.comment_text_only');
        return checkComment(input);
      },
    },
  ],
  summary: async () => [],
  async submit(ctx, answers) {
    const comment = String(answers.comment ?? '');
    if (comment === '') return { blocks: [text(ctx.t('csat.no_comment_thanks'))] };
    await ctx.services.domain.csat.comment(ctx.actor, Number(answers.inquiryId), comment);
    return { blocks: [text(ctx.t('csat.comment_thanks'))] };
  },
};
