/**
 * A guided flow longer than one modal, as consecutive modals. A modal holds at most five fields
 * (modal.ts), and a field whose options depend on an earlier answer (a sub-topic after its
 * category, a store after its region) can only be described once that answer is known: so a page
 * ends after five fields, or after a choice that changes what follows (found by describing the
 * flow with each of its options). The next page is laid out when it is opened, from the flow as
 * described given everything answered so far.
 *
 * What the pages hold between them is a draft kept in the user's flow session (Bot.saveFormDraft),
 * never in a custom_id (≤ 100 characters); the whole is submitted once, at the end, through
 * Bot.submitForm, with the same checks as every other client.
 */
import { type APIModalSubmissionComponent, ComponentType } from 'discord-api-types/v10';
import type { FlowValue } from '../../src/chat/flow.ts';
import type { FormField, FormSpec, ReplyFile } from '../../src/chat/types.ts';
import { MAX_MODAL_COMPONENTS } from './modal.ts';

/** A type, not an interface: it is saved as a plain record (Bot.saveFormDraft). */
export type ModalDraft = {
  /** What the command gave (e.g. the application delivered); not asked. */
  preset: Record<string, string | number>;
  /** Text and choices entered so far, by field name. */
  raw: Record<string, string>;
  /** Files received so far (already checked and stored), by field name. */
  files: Record<string, ReplyFile[]>;
  /** The field names of each page laid out so far: page k is `pages[k - 1]`. */
  pages: string[][];
  /** Why the last submission was refused, by field name (shown when the page is reopened). */
  errors: Record<string, string>;
  /** The label each field was asked with, to name it in a refusal. */
  labels: Record<string, string>;
};

/** The flow as a form given some answers (Bot.describeForm for one user and flow). */
export type Describe = (answers: Record<string, FlowValue>) => Promise<FormSpec>;

export const newDraft = (
  preset: Record<string, string | number>,
  files: Record<string, ReplyFile[]> = {},
): ModalDraft => ({ preset, raw: {}, files, pages: [], errors: {}, labels: {} });

/** A stored draft, or null when it is not one (another shape, or from another version). */
export function draftOf(value: Record<string, unknown> | null): ModalDraft | null {
  if (value === null) return null;
  const d = value as Partial<ModalDraft>;
  const isRecord = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isRecord(d.preset) || !isRecord(d.raw) || !isRecord(d.files) || !Array.isArray(d.pages)) return null;
  return {
    ...(d as ModalDraft),
    errors: isRecord(d.errors) ? (d.errors as ModalDraft['errors']) : {},
    labels: isRecord(d.labels) ? (d.labels as ModalDraft['labels']) : {},
  };
}

export const answersOf = (d: ModalDraft): Record<string, FlowValue> => ({
  ...d.raw,
  ...d.files,
  ...d.preset,
});

/**
 * The answers a page was laid out with: those of the pages before it. A page reopened is described
 * as it was first, not with its own answers (a field asked only while it has no answer would vanish).
 */
export function answersBefore(d: ModalDraft, page: number): Record<string, FlowValue> {
  const answers: Record<string, FlowValue> = { ...d.preset };
  for (const name of d.pages.slice(0, page - 1).flat()) {
    const value = d.files[name] ?? d.raw[name];
    if (value !== undefined) answers[name] = value;
  }
  return answers;
}

/** Whether a field has anything to ask: an optional choice with no options yet (a sub-topic before its category) does not. */
export const askable = (f: FormField): boolean =>
  !(f.type === 'choice' && !f.acceptsText && (f.choices ?? []).length === 0 && f.optional);

/** The fields still to ask, in the flow's order. */
export function pending(spec: FormSpec, d: ModalDraft): FormField[] {
  return spec.fields.filter(
    (f) => !(f.name in d.preset) && !(f.name in d.raw) && !(f.name in d.files) && askable(f),
  );
}

/** What follows `name` in a described flow: the fields, their questions and their options. */
function after(spec: FormSpec, name: string): string {
  const i = spec.fields.findIndex((f) => f.name === name);
  return JSON.stringify(
    spec.fields.slice(i + 1).map((f) => [f.name, f.label, (f.choices ?? []).map((c) => c.value)]),
  );
}

/** Whether answering the choice `field` changes what comes after it (another field, question or options). */
async function decides(
  describe: Describe,
  answers: Record<string, FlowValue>,
  spec: FormSpec,
  field: FormField,
): Promise<boolean> {
  if (field.type !== 'choice' || !field.choices?.length) return false;
  const base = after(spec, field.name);
  const probes = await Promise.all(
    field.choices.slice(0, 25).map((c) => describe({ ...answers, [field.name]: c.value })),
  );
  return probes.some((p) => after(p, field.name) !== base);
}

export interface NextPage {
  spec: FormSpec;
  fields: FormField[];
  /** Fields still to ask after this page. */
  rest: number;
}

/** The next page to ask: the pending fields in order, up to five, ending after a choice that decides what follows. */
export async function nextPage(describe: Describe, d: ModalDraft): Promise<NextPage> {
  const answers = answersOf(d);
  const spec = await describe(answers);
  const todo = pending(spec, d);
  const fields: FormField[] = [];
  for (const f of todo) {
    fields.push(f);
    if (fields.length === MAX_MODAL_COMPONENTS || (await decides(describe, answers, spec, f))) break;
  }
  return { spec, fields, rest: todo.length - fields.length };
}

/** Pages in all, as far as can be told: those laid out, and the rest five to a page. */
export const pageCount = (laidOut: number, rest: number): number =>
  laidOut + Math.ceil(rest / MAX_MODAL_COMPONENTS);

/** The page a field was asked on (1-based), or null. */
export function pageOf(d: ModalDraft, field: string): number | null {
  const i = d.pages.findIndex((names) => names.includes(field));
  return i < 0 ? null : i + 1;
}

/**
 * The values of a submitted modal (inbound.ts checked their shape): text by field name, and the
 * attachment ids of each file upload.
 */
export function submittedValues(components: readonly APIModalSubmissionComponent[]): {
  raw: Record<string, string>;
  uploads: Record<string, string[]>;
} {
  const raw: Record<string, string> = {};
  const uploads: Record<string, string[]> = {};
  const inputs = components.flatMap((row) =>
    row.type === ComponentType.ActionRow
      ? row.components
      : row.type === ComponentType.Label
        ? [row.component]
        : [],
  );
  for (const c of inputs) {
    const name = String(c.custom_id);
    switch (c.type) {
      case ComponentType.FileUpload:
        uploads[name] = c.values.map(String);
        break;
      case ComponentType.StringSelect:
        raw[name] = String(c.values[0] ?? '');
        break;
      case ComponentType.CheckboxGroup:
        raw[name] = c.values.join(',');
        break;
      case ComponentType.Checkbox:
        raw[name] = c.value === true ? 'yes' : 'no';
        break;
      default:
        // A text input's text, a radio group's option (null when none was chosen).
        raw[name] = 'value' in c && typeof c.value === 'string' ? c.value : '';
    }
  }
  return { raw, uploads };
}
