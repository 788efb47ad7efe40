/**
 * The first message of a conversation, asked for when メッセージ, 相談 or 案件について質問 is sent
 * (or its button pressed) without text: one question, the confirmation, then the conversation is
 * opened and the message sent together, so no empty conversation is left behind. The target is
 * checked before the question (commands/market-messages.ts) and again when sending.
 */
import type { CommandContext } from '../../src/chat/command.ts';
import { type FlowAnswers, type FlowDefinition, label } from '../../src/chat/flow.ts';
import type { FirstMessageTarget } from '../../src/domain/market/messages.ts';
import { MAX_MESSAGE } from '../../src/domain/market/messages.ts';
import { length } from '../../src/domain/market/validate.ts';
import { UserError } from '../../src/errors.ts';
import { personOf } from '../market-shared.ts';

export const FIRST_MESSAGE_FLOW = 'first-message';

/** What a command presets: the kind of conversation and the person's (or the job's) number. */
export function firstMessagePreset(target: FirstMessageTarget): FlowAnswers {
  return target.kind === 'ask-job'
    ? { kind: target.kind, target: target.jobId }
    : { kind: target.kind, target: target.userId };
}

function targetOf(answers: FlowAnswers): FirstMessageTarget {
  const id = Number(answers.target);
  if (answers.kind === 'ask-job') return { kind: 'ask-job', jobId: id };
  return { kind: answers.kind === 'consult' ? 'consult' : 'message', userId: id };
}

/** `山田さん(#12)`, or `募集案件 #5 の掲載者` for a question about a job. */
async function recipientLabel(ctx: CommandContext, target: FirstMessageTarget): Promise<string> {
  return target.kind === 'ask-job'
    ? ctx.t('people.first_message.to_job', { job: target.jobId })
    : personOf(ctx, target.userId);
}

export const firstMessageFlow: FlowDefinition = {
  id: FIRST_MESSAGE_FLOW,
  fields: [
    {
      name: 'body',
      prompt: 'people.first_message.prompt',
      promptParams: async (ctx, answers) => ({ to: await recipientLabel(ctx, targetOf(answers)) }),
      type: 'text',
      check: async (value) => {
        if (length(String(value).trim()) > MAX_MESSAGE)
          throw new UserError('market.message_too_long', { max: MAX_MESSAGE });
      },
    },
  ],
  async summary(ctx, answers) {
    return [
      label(ctx, 'people.first_message.field.to', await recipientLabel(ctx, targetOf(answers))),
      label(ctx, 'people.first_message.field.body', String(answers.body ?? '')),
    ];
  },
  async submit(ctx, answers) {
    const target = targetOf(answers);
    const { conversation } = await ctx.services.domain.messages.startWith(
      ctx.actor,
      target,
      String(answers.body ?? ''),
    );
    const id = conversation.id;
    const line =
      target.kind === 'ask-job'
        ? ctx.t('market.ask.sent', { job: target.jobId, id })
        : ctx.t('market.message.sent', { who: await personOf(ctx, target.userId), id });
    return {
      blocks: [
        { type: 'text', text: line },
        {
          type: 'buttons',
          buttons: [await ctx.button(ctx.t('market.button.show_chat'), `chat ${id}`)],
        },
      ],
    };
  },
};
