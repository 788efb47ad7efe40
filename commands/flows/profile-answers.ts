/**
 * The pieces of the プロフィール編集 questions: what a question is, the words that empty a field,
 * and how an answer is checked (by the profile service, as it would save it) and shown.
 */
import type { CommandContext } from '../../src/chat/command.ts';
import type { FlowAnswers, FlowChoice } from '../../src/chat/flow.ts';
import type { ProfilePatch, ProfileView } from '../../src/domain/market/profiles.ts';
import type { ProfileRecord } from '../../src/domain/market/records.ts';
import type { MessageKey } from '../../src/i18n/index.ts';

/** An answer that empties its field (a kept one is ''). */
export const CLEAR = '__clear__';
export const CLEAR_WORDS = new Set([
  '削除',
  'クリア',
  '空にする',
  'なし',
  'clear',
  'delete',
  'remove',
  'none',
  'empty',
]);
export const word = (input: string) => input.normalize('NFKC').trim().toLowerCase();

export type FieldLabel = Extract<MessageKey, `profile.field.${string}`>;

export interface Question {
  name: string;
  prompt: MessageKey;
  label: FieldLabel;
  /** The options, for a choice. */
  choices?: (ctx: CommandContext) => FlowChoice[];
  /** Answered with 削除, it empties the field; otherwise 削除 is refused. */
  clearable?: boolean;
  when?: (answers: FlowAnswers) => boolean;
  /** The field's value now, as shown ('' when empty). */
  shown(ctx: CommandContext, view: ProfileView): string;
  /** A typed answer, checked as the profile service would, as it is kept until the end. */
  read?(input: string, ctx: CommandContext, answers: FlowAnswers): Promise<string>;
  /** A kept answer as shown in the summary (a choice shows its label). */
  display?(ctx: CommandContext, value: string): string;
  /** Puts a given answer into the patch; `null` means empty it. */
  apply(patch: ProfilePatch, value: string | null): void;
}

/** The checked value the profile service would save for one field of `patch`. */
export async function checked(
  ctx: CommandContext,
  patch: ProfilePatch,
  field: keyof ProfileRecord,
): Promise<string> {
  const changes = await ctx.services.domain.profiles.preview(ctx.actor, patch);
  const value = changes[field];
  return value === null || value === undefined ? '' : String(value);
}

export const own = (ctx: CommandContext) => ctx.services.domain.profiles.get(ctx.actor, ctx.actor.userId);

export const switchChoices = (ctx: CommandContext): FlowChoice[] => [
  { value: 'on', label: ctx.t('profile.switch.on') },
  { value: 'off', label: ctx.t('profile.switch.off') },
];
export const switchText = (ctx: CommandContext, on: boolean | undefined) =>
  on === undefined ? '' : ctx.t(on ? 'profile.switch.on' : 'profile.switch.off');
export const choiceLabel = (q: Question, ctx: CommandContext, value: string) =>
  q.choices?.(ctx).find((c) => c.value === value)?.label ?? value;

/** A postal code the answers give (seven digits), or null when kept or emptied. */
export const postalAnswer = (answers: FlowAnswers) => {
  const code = answers.postalCode;
  return typeof code === 'string' && /^\d{7}$/.test(code) ? code : null;
};
