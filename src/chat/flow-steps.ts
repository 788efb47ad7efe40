/**
 * One step of a guided flow (flow.ts): the question a field asks (its prompt, choices as a numbered
 * list and quick replies, skip / keep / cancel) and the parsing of an answer, shared by the
 * step-by-step engine and the forms that show a flow whole.
 */
import { UserError } from '../errors.ts';
import type { UploadedFile } from '../files/storage.ts';
import { translateRaw } from '../i18n/index.ts';
import { parseDate, parseYen } from './args.ts';
import type { CommandContext } from './command.ts';
import type { FlowAnswers, FlowDefinition, FlowField, FlowValue } from './flow.ts';
import { normalizeInput } from './normalize.ts';
import type { Block, ChatEvent, QuickReply, Reply } from './types.ts';

export const CANCEL_WORDS = new Set(['cancel', 'キャンセル', 'やめる', '中止']);
const SKIP_WORDS = new Set(['skip', 'スキップ', 'なし', 'none']);
/** Keeping a value: not なし / none, which an edit flow's field may read as "empty it". */
const KEEP_WORDS = new Set(['keep', '変更しない', 'そのまま', 'skip', 'スキップ']);
const DONE_WORDS = new Set(['done', '完了', 'おわり', 'ok']);
export const YES_WORDS = new Set(['yes', 'はい', 'start', '開始', 'ok', 'submit', '送信']);
/** At the final confirmation, "no" means do not send it: the flow ends, as cancel does. */
export const NO_WORDS = new Set(['no', 'いいえ', 'いや', 'しない', '送信しない', 'やめます']);

export const text = (value: string): Block => ({ type: 'text', text: value });

export function nextField(def: FlowDefinition, answers: FlowAnswers, after: string | null): FlowField | null {
  const start = after === null ? 0 : def.fields.findIndex((f) => f.name === after) + 1;
  for (const field of def.fields.slice(start)) if (!field.when || field.when(answers)) return field;
  return null;
}

export async function promptOf(ctx: CommandContext, field: FlowField, answers: FlowAnswers): Promise<string> {
  const params = field.promptParams ? await field.promptParams(ctx, answers) : undefined;
  return translateRaw(ctx.locale, field.prompt, params);
}

export async function question(
  ctx: CommandContext,
  def: FlowDefinition,
  field: FlowField | null,
  answers: FlowAnswers,
) {
  const { t: tr } = ctx;
  if (field === null) {
    const lines = await def.summary(ctx, answers);
    return {
      blocks: [text([tr('flow.confirm'), ...lines].join('\n'))],
      quickReplies: [
        { label: tr('flow.button.start'), payload: 'yes' },
        { label: tr('flow.button.cancel'), payload: 'cancel' },
      ],
    } satisfies Reply;
  }
  const blocks: Block[] = [text(await promptOf(ctx, field, answers))];
  const quickReplies: QuickReply[] = [];
  if (field.type === 'choice' && field.choices) {
    const choices = await field.choices(ctx, answers);
    if (choices.length > 0)
      blocks.push({ type: 'list', items: choices.map((c, i) => ({ title: `${i + 1}. ${c.label}` })) });
    // Quick replies carry the value itself: short ids, well inside every platform's limit.
    for (const c of choices.slice(0, 11))
      quickReplies.push({ label: c.label.slice(0, 20), payload: c.value });
  }
  if (field.type === 'files') {
    const have = Array.isArray(answers[field.name]) ? (answers[field.name] as UploadedFile[]).length : 0;
    if (have > 0) blocks.push(text(tr('flow.files_received', { count: have })));
    quickReplies.push({ label: tr('flow.button.done'), payload: 'done' });
  }
  if (field.keep) quickReplies.push({ label: tr('flow.button.keep'), payload: 'keep' });
  else if (field.optional && field.type !== 'files')
    quickReplies.push({ label: tr('flow.button.skip'), payload: 'skip' });
  quickReplies.push({ label: tr('flow.button.cancel'), payload: 'cancel' });
  // A typed number answers a number, amount or date question; it does not press a quick reply.
  return {
    blocks,
    quickReplies: quickReplies.slice(0, 13),
    ...(field.type === 'choice' ? {} : { expectsText: true }),
  } satisfies Reply;
}

/** Parses `input` for `field`; throws a UserError (shown before asking again) when it does not fit. */
export async function parse(
  ctx: CommandContext,
  field: FlowField,
  input: string,
  event: ChatEvent,
  answers: FlowAnswers,
): Promise<FlowValue | undefined> {
  const word = input.toLowerCase();
  if (field.keep && KEEP_WORDS.has(word)) return field.type === 'files' ? [] : '';
  if (field.optional && SKIP_WORDS.has(word)) return field.type === 'files' ? [] : '';
  switch (field.type) {
    case 'text': {
      const raw = event.kind === 'message' ? event.text.trim() : input;
      if (raw === '' || raw.length > 4000) throw new UserError('flow.text_required');
      return field.resolve ? field.resolve(raw, ctx, answers) : raw;
    }
    case 'number': {
      if (!/^\d{1,9}$/.test(input)) throw new UserError('flow.number_required');
      return Number(input);
    }
    case 'yen':
      return parseYen(input);
    case 'date': {
      const today = new Intl.DateTimeFormat('en-CA', {
        timeZone: ctx.services.config.businessTimeZone,
      }).format(ctx.services.clock());
      return parseDate(input, today);
    }
    case 'choice': {
      const choices = field.choices ? await field.choices(ctx, answers) : [];
      // A choice's number is 1–2 digits; a code such as 0005 is not the fifth choice.
      const byNumber = /^[1-9]\d?$/.test(input) ? choices[Number(input) - 1] : undefined;
      const found =
        choices.find((c) => c.value === input) ??
        byNumber ??
        choices.find((c) => normalizeInput(c.label) === input);
      if (found) return found.value;
      if (field.resolve) return field.resolve(input, ctx, answers);
      throw new UserError('flow.choose_one');
    }
    case 'files': {
      const have = Array.isArray(answers[field.name]) ? (answers[field.name] as UploadedFile[]) : [];
      const added =
        event.kind === 'message'
          ? (event.attachments ?? []).flatMap((a) =>
              a.storageKey ? [{ storageKey: a.storageKey, name: a.name, mime: a.mime, size: a.size }] : [],
            )
          : [];
      if (added.length > 0) {
        const all = [...have, ...added];
        const max = field.maxFiles;
        if (max !== undefined && all.length > max) throw new UserError('flow.files_too_many', { max });
        if (max !== undefined && all.length === max) return all;
        answers[field.name] = all;
        return undefined; // stay on this field: more files may follow
      }
      if (DONE_WORDS.has(word) || SKIP_WORDS.has(word)) return have;
      throw new UserError('flow.files_expected');
    }
  }
}
