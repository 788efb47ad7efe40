/**
 * The first message of a conversation, asked for when メッセージ, 相談 or 案件について質問 is sent
 * (or its button pressed) without text: one question, the confirmation, then the conversation is
 * opened and the message sent together, so no empty conversation is left behind. The target is
 * checked before the question (commands/market-messages.ts) and again when sending.
 */
import type { CommandContext } from '../../src/chat/command.ts';
import { type FlowAnswers, type FlowDefinition, label } from '../../src/chat/flow.ts';
import { type Reply, text } from '../../src/chat/types.ts';
import type { FirstMessageTarget } from '../../src/domain/market/messages.ts';
import { MAX_MESSAGE } from '../../src/domain/market/messages.ts';
import { length } from '../../src/domain/market/validate.ts';
import { UserError } from '../../src/errors.ts';
import { personOf } from '../kit/people.ts';

export const FIRST_MESSAGE_FLOW = 'first-message';

/** What a command presets: the kind of conversation and the person's (or the job's) number. */
export function firstMessagePreset(target: FirstMessageTarget): FlowAnswers {
  switch (target.kind) {
    case 'ask-job':
      return { kind: target.kind, target: target.jobId };
    case 'team':
      return { kind: target.kind, target: target.teamId };
    default:
      return { kind: target.kind, target: target.userId };
  }
}

function targetOf(answers: FlowAnswers): FirstMessageTarget {
  const id = Number(answers.target);
  if (answers.kind === 'ask-job') return { kind: 'ask-job', jobId: id };
  if (answers.kind === 'team') return { kind: 'team', teamId: id };
  return { kind: answers.kind === 'consult' ? 'consult' : 'message', userId: id };
}

async function teamName(ctx: CommandContext, teamId: number): Promise<string> {
  return (await ctx.services.domain.teams.get(ctx.actor, teamId)).name;
}

/** `山田さん(#12)`, `募集案件 #5 の掲載者` for a question about a job, `チーム「…」` for a team. */
async function recipientLabel(ctx: CommandContext, target: FirstMessageTarget): Promise<string> {
  if (target.kind === 'ask-job') return ctx.t('people.first_message.to_job', { job: target.jobId });
  if (target.kind === 'team')
    return ctx.t('people.first_message.to_team', { team: await teamName(ctx, target.teamId) });
  return personOf(ctx, target.userId);
}

/** What a first message that went out says, with a button to read the conversation. */
export async function firstMessageSent(
  ctx: CommandContext,
  target: FirstMessageTarget,
  conversationId: number,
): Promise<Reply> {
  const id = conversationId;
  const line =
    target.kind === 'ask-job'
      ? ctx.t('market.ask.sent', { job: target.jobId, id })
      : target.kind === 'team'
        ? ctx.t('market.team_consult.sent', { team: await teamName(ctx, target.teamId), id })
        : ctx.t('market.message.sent', { who: await personOf(ctx, target.userId), id });
  return {
    blocks: [
      text(line),
      { type: 'buttons', buttons: [await ctx.button(ctx.t('market.button.show_chat'), `chat ${id}`)] },
    ],
  };
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
    return firstMessageSent(ctx, target, conversation.id);
  },
};
