/**
 * Guided flows, declared as data: a flow is a list of fields (type, choices that may depend on
 * earlier answers, validation) and a submit step. The engine asks one field at a time (console,
 * LINE); a form-capable adapter (Slack, Discord modals) can show the same definition whole and run
 * the same parsing. State lives in the store (FlowSessionStore): it survives restarts and expires
 * after 24 hours; `cancel` / `キャンセル` leaves a flow at any step.
 */
import { UserError } from '../errors.ts';
import type { UploadedFile } from '../files/storage.ts';
import { type MessageKey, translateRaw } from '../i18n/index.ts';
import type { FlowSessionRecord, Store } from '../store.ts';
import type { CommandContext } from './command.ts';
import {
  CANCEL_WORDS,
  NO_WORDS,
  nextField,
  parse,
  promptOf,
  question,
  text,
  YES_WORDS,
} from './flow-steps.ts';
import { normalizeInput } from './normalize.ts';
import type { FormField, FormSpec, Reply, ReplyFile } from './types.ts';

export type FlowValue = string | number | UploadedFile[];
export type FlowAnswers = Record<string, FlowValue>;

export interface FlowChoice {
  value: string;
  label: string;
}

export interface FlowField {
  name: string;
  /** The question, a catalog key. */
  prompt: MessageKey;
  /** Values for the question's placeholders, from the answers so far (e.g. the bank just chosen). */
  promptParams?: (ctx: CommandContext, answers: FlowAnswers) => Promise<Record<string, string>>;
  type: 'text' | 'number' | 'yen' | 'date' | 'choice' | 'files';
  /** May be skipped (`skip` / `スキップ`). */
  optional?: boolean;
  /**
   * Changes something that already has a value (an edit flow): the question offers 変更しない / Keep
   * in place of スキップ, and keeping it (or leaving it empty in a form) answers ''. Implies optional.
   */
  keep?: boolean;
  /** Asked only when this says so, given the answers so far. */
  when?: (answers: FlowAnswers) => boolean;
  /** The options of a choice field; may depend on earlier answers. */
  choices?: (ctx: CommandContext, answers: FlowAnswers) => Promise<FlowChoice[]>;
  /**
   * For a choice field: what to do with typed text that is not one of the options (e.g. a free-word
   * store search). For a text field: the value to keep for the typed text (e.g. a number sealed, a
   * name normalized). Returns the value, or throws a UserError that is shown before re-asking.
   */
  resolve?: (input: string, ctx: CommandContext, answers: FlowAnswers) => Promise<string>;
  /** Checks a parsed answer against the rules of this field; throws a UserError to re-ask with it. */
  check?: (value: FlowValue, ctx: CommandContext, answers: FlowAnswers) => Promise<void>;
  /**
   * For a files field: how many files it takes. More are refused (the ones kept so far stay); once
   * it has this many, the flow moves on without waiting for "done".
   */
  maxFiles?: number;
}

export interface FlowDefinition {
  id: string;
  fields: FlowField[];
  /**
   * `false`: submitted as soon as the last field is answered, without the summary and its
   * confirmation (one optional answer, e.g. a comment after a rating).
   */
  confirm?: false;
  /** What キャンセル answers, when `flow.cancelled` ("nothing was saved") would not be true. */
  cancelled?: MessageKey;
  /** Lines summing up the answers before the final confirmation. */
  summary(ctx: CommandContext, answers: FlowAnswers): Promise<string[]>;
  submit(ctx: CommandContext, answers: FlowAnswers): Promise<Reply>;
}

export const FLOW_TTL_MS = 24 * 3600 * 1000;
const CONFIRM = '__confirm';
/** The step of a session holding a form's draft (Discord modals over pages): typed text does not answer it. */
export const FORM_STEP = '__form';
export class FlowEngine {
  private readonly flows = new Map<string, FlowDefinition>();
  private readonly store: Store;

  constructor(store: Store, flows: readonly FlowDefinition[]) {
    this.store = store;
    for (const f of flows) this.flows.set(f.id, f);
  }

  has(id: string): boolean {
    return this.flows.has(id);
  }

  /** Starts `id` for the user (replacing any flow in progress) and asks the first question. */
  async start(ctx: CommandContext, id: string, preset: FlowAnswers = {}): Promise<Reply> {
    const def = this.flows.get(id);
    if (!def) throw new Error(`unknown flow ${id}`);
    const answers = { ...preset };
    let field = nextField(def, answers, null);
    while (field && answers[field.name] !== undefined) field = nextField(def, answers, field.name);
    await this.save(ctx, def, field, answers);
    const q = await question(ctx, def, field, answers);
    const given: Record<string, string | number> = {};
    const files: Record<string, ReplyFile[]> = {};
    for (const [k, v] of Object.entries(answers)) {
      if (typeof v !== 'object') given[k] = v;
      else if (Array.isArray(v)) files[k] = v;
    }
    return {
      ...q,
      blocks: [text(ctx.t('flow.started')), ...q.blocks],
      form: { flowId: id, preset: given, ...(Object.keys(files).length > 0 ? { files } : {}) },
    };
  }

  /**
   * The flow as a form, given the answers so far (a form re-asks this as choices change, so a
   * field that depends on an earlier one appears, with its options, once that one is chosen).
   * Every applicable field is listed; a form leaves out the ones the command preset.
   */
  async describe(ctx: CommandContext, id: string, answers: FlowAnswers): Promise<FormSpec> {
    const def = this.flows.get(id);
    if (!def) throw new Error(`unknown flow ${id}`);
    const fields: FormField[] = [];
    for (const field of def.fields) {
      if (field.when && !field.when(answers)) continue;
      const spec: FormField = {
        name: field.name,
        label: await promptOf(ctx, field, answers),
        type: field.type,
        optional: field.optional === true || field.keep === true,
      };
      if (field.type === 'choice' && field.choices) {
        try {
          spec.choices = await field.choices(ctx, answers);
        } catch (err) {
          if (!(err instanceof UserError)) throw err;
          spec.choices = [];
        }
        if (field.resolve) spec.acceptsText = true;
      }
      if (field.type === 'files' && field.maxFiles !== undefined) spec.maxFiles = field.maxFiles;
      fields.push(spec);
    }
    return { flowId: id, fields };
  }

  /** Handles one event of a user who is in a flow. */
  async continue(ctx: CommandContext, session: FlowSessionRecord, input: string): Promise<Reply> {
    const def = this.flows.get(session.flowId);
    if (!def || CANCEL_WORDS.has(input.toLowerCase())) {
      await this.store.flows.clear(ctx.user.id);
      return { blocks: [text(translateRaw(ctx.locale, def?.cancelled ?? 'flow.cancelled'))] };
    }
    const answers = session.answers as FlowAnswers;
    if (session.step === CONFIRM) {
      if (NO_WORDS.has(input.toLowerCase())) {
        await this.store.flows.clear(ctx.user.id);
        return { blocks: [text(ctx.t('flow.cancelled'))] };
      }
      if (!YES_WORDS.has(input.toLowerCase())) {
        return {
          ...(await question(ctx, def, null, answers)),
          blocks: [text(ctx.t('flow.confirm_or_cancel'))],
        };
      }
      // Cleared first: a refusal from the service ends the flow with its reason, it does not loop.
      await this.store.flows.clear(ctx.user.id);
      return def.submit(ctx, answers);
    }
    const field = def.fields.find((f) => f.name === session.step);
    if (!field) {
      await this.store.flows.clear(ctx.user.id);
      return { blocks: [text(ctx.t('flow.cancelled'))] };
    }
    let value: FlowValue | undefined;
    try {
      value = await parse(ctx, field, input, ctx.event, answers);
      if (value !== undefined && field.check) await field.check(value, ctx, answers);
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      const q = await question(ctx, def, field, answers);
      return { ...q, blocks: [text(translateRaw(ctx.locale, err.key, err.params)), ...q.blocks] };
    }
    if (value === undefined) {
      await this.save(ctx, def, field, answers);
      return question(ctx, def, field, answers);
    }
    answers[field.name] = value;
    const next = nextField(def, answers, field.name);
    if (next === null && def.confirm === false) {
      await this.store.flows.clear(ctx.user.id);
      return def.submit(ctx, answers);
    }
    await this.save(ctx, def, next, answers);
    return question(ctx, def, next, answers);
  }

  /**
   * The same flow filled in as one form (Slack and Discord modals): every applicable field is
   * parsed and checked exactly as the step-by-step questions would, in order, so fields that depend
   * on earlier answers see them. Returns the reason per field, or the submitted flow's reply.
   */
  async submitForm(
    ctx: CommandContext,
    id: string,
    raw: Record<string, string>,
    files: Record<string, UploadedFile[]> = {},
    preset: FlowAnswers = {},
  ): Promise<{ errors: Record<string, string> } | { reply: Reply }> {
    const def = this.flows.get(id);
    if (!def) throw new Error(`unknown flow ${id}`);
    // What the command preset (e.g. the job applied for) stands as given; the form fills the rest.
    const answers: FlowAnswers = { ...preset };
    const errors: Record<string, string> = {};
    for (const field of def.fields) {
      if (field.when && !field.when(answers)) continue;
      if (field.name in answers) continue;
      try {
        let value: FlowValue | undefined;
        if (field.type === 'files') {
          value = files[field.name] ?? [];
          if (!field.optional && value.length === 0) throw new UserError('flow.files_expected');
          if (field.maxFiles !== undefined && value.length > field.maxFiles)
            throw new UserError('flow.files_too_many', { max: field.maxFiles });
        } else {
          const text = raw[field.name] ?? '';
          const input = normalizeInput(text);
          value =
            input === '' && (field.optional || field.keep)
              ? ''
              : await parse(ctx, field, input, { ...ctx.event, kind: 'message', text }, answers);
        }
        if (value !== undefined && field.check) await field.check(value, ctx, answers);
        if (value !== undefined) answers[field.name] = value;
      } catch (err) {
        if (!(err instanceof UserError)) throw err;
        errors[field.name] = translateRaw(ctx.locale, err.key, err.params);
      }
    }
    if (Object.keys(errors).length > 0) return { errors };
    return { reply: await def.submit(ctx, answers) };
  }

  /** Keeps a form's draft for the user (replacing any flow in progress) until the flow's TTL. */
  async saveDraft(userId: number, flowId: string, draft: Record<string, unknown>, now: Date): Promise<void> {
    await this.store.flows.save({
      userId,
      flowId,
      step: FORM_STEP,
      answers: draft,
      expiresAt: new Date(now.getTime() + FLOW_TTL_MS),
    });
  }

  /** The user's form draft of `flowId`, or null when they have none (expired, replaced, or another flow). */
  async draft(userId: number, flowId: string, now: Date): Promise<Record<string, unknown> | null> {
    const session = await this.store.flows.get(userId, now);
    if (session === null || session === 'expired') return null;
    return session.step === FORM_STEP && session.flowId === flowId ? session.answers : null;
  }

  private async save(
    ctx: CommandContext,
    def: FlowDefinition,
    field: FlowField | null,
    answers: FlowAnswers,
  ) {
    await this.store.flows.save({
      userId: ctx.user.id,
      flowId: def.id,
      step: field?.name ?? CONFIRM,
      answers,
      expiresAt: new Date(ctx.services.clock().getTime() + FLOW_TTL_MS),
    });
  }
}

/** A label in the reader's language for a flow summary line. */
export const label = (ctx: CommandContext, key: MessageKey, value: string) =>
  `${translateRaw(ctx.locale, key)}: ${value}`;
