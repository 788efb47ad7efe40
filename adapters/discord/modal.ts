/**
 * One page of a guided flow as a Discord modal (interaction response type 9). Every field is a Label
 * (18) around one input, the way Discord lays modals out since 2025
 * (https://discord.com/developers/docs/components/using-modal-components):
 * - text, number, amount and date: a Text Input (4), its placeholder showing the format;
 * - a choice of two: a Radio Group (21); of up to 25: a String Select (3); a choice that also takes
 *   typed text (a prefecture, a store name) or has more options: a Text Input hinting the options;
 * - files: a File Upload (19), as many files as the flow takes (at most 10).
 * A page reopened to fix it starts with a Text Display (10) of what to fix, when there is room.
 *
 * Limits, from https://discord.com/developers/docs/components/reference and the interaction
 * response reference (#interaction-response-object-modal), checked against Discord's OpenAPI spec
 * (`ModalInteractionCallbackRequestData`, `LabelComponentForModalRequest`, …) and discord-api-types:
 * title 1–45, custom_id 1–100, 1–5 top-level components (the spec allows 40; the documentation,
 * which wins, says 5); label 1–45, description ≤ 100; text input placeholder ≤ 100, value ≤ 4,000, no
 * label of its own inside a Label; select 1–25 options (label and value ≤ 100), placeholder ≤ 150;
 * radio group 2–10 options; file upload min_values 0–10, max_values 1–10.
 */
import {
  type APIComponentInLabel,
  type APIModalInteractionResponseCallbackComponent,
  type APIModalInteractionResponseCallbackData,
  type APITextInputComponent,
  ComponentType,
  TextInputStyle,
} from 'discord-api-types/v10';
import type { FormField, ReplyFile } from '../../src/chat/types.ts';
import { type Locale, t } from '../../src/i18n/index.ts';
import { clip } from '../shared/text.ts';

export const MAX_MODAL_COMPONENTS = 5;
const MAX_TITLE = 45;
const MAX_LABEL = 45;
const MAX_DESCRIPTION = 100;
const MAX_PLACEHOLDER = 100;
const MAX_TEXT = 4000;
const MAX_TEXT_DISPLAY = 4000;
const MAX_OPTIONS = 25;
const MAX_OPTION_TEXT = 100;
const MAX_RADIO_OPTIONS = 10;
const MAX_FILES = 10;

/** The data of a MODAL interaction response (type 9). */
export type Modal = APIModalInteractionResponseCallbackData;

export interface ModalPage {
  customId: string;
  title: string;
  fields: FormField[];
  /** What was entered before (the page is reopened): text and choices by field name. */
  values: Record<string, string>;
  /** Files already received, by field name. */
  files: Record<string, ReplyFile[]>;
  /** What to fix on this page, shown above the fields when there is room. */
  note?: string;
}

/**
 * A question as a Label: its first sentence (≤ 45 characters) as the label, the rest as the
 * description (≤ 100), so a long question is cut where it reads naturally.
 */
export function labelParts(question: string): { label: string; description?: string } {
  const flat = question.replace(/\s*\n\s*/g, ' ').trim();
  const chars = [...flat];
  if (chars.length <= MAX_LABEL) return { label: flat };
  const head = chars.slice(0, MAX_LABEL).join('');
  // Where it may be cut outside brackets: after a sentence, else before a parenthesis, else after a
  // comma; the last such place that fits, so an example in parentheses goes whole to the description.
  const found: [number, number, number] = [-1, -1, -1];
  let depth = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head[i] ?? '';
    const next = head[i + 1] ?? ' ';
    if ('((「『['.includes(c)) {
      if (depth === 0 && i >= 8 && (c === '(' || c === '(')) found[1] = i;
      depth += 1;
    } else if ('))」』]'.includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && i >= 8) {
      if (c === '。' || ((c === '.' || c === '?') && next === ' ')) found[0] = i + 1;
      else if (c === '、' || (c === ',' && next === ' ')) found[2] = i + 1;
    }
  }
  const cut = found.find((at) => at > 0) ?? -1;
  if (cut < 0) {
    return {
      label: clip(flat, MAX_LABEL),
      description: clip(`…${chars.slice(MAX_LABEL - 1).join('')}`, MAX_DESCRIPTION),
    };
  }
  const label = head.slice(0, cut).trim();
  const rest = flat.slice(label.length).trim();
  return { label, ...(rest ? { description: clip(rest, MAX_DESCRIPTION) } : {}) };
}

/** Choices listed for a field answered by typing (placeholder ≤ 100). */
const choiceHint = (field: FormField) =>
  clip((field.choices ?? []).map((c) => c.label).join(' / '), MAX_PLACEHOLDER);

const fitsOption = (c: { value: string; label: string }) =>
  c.value.length >= 1 && c.value.length <= MAX_OPTION_TEXT && c.label.trim() !== '';

/** How a choice field is asked: a radio group (two options), a select (≤ 25), or typed. */
export function choiceKind(field: FormField): 'radio' | 'select' | 'text' {
  const choices = field.choices ?? [];
  if (field.acceptsText || choices.length === 0 || choices.length > MAX_OPTIONS || !choices.every(fitsOption))
    return 'text';
  return choices.length === 2 ? 'radio' : 'select';
}

function textInput(field: FormField, current: string | undefined, locale: Locale): APITextInputComponent {
  const placeholder =
    field.type === 'date'
      ? t(locale, 'discord.form.hint_date')
      : field.type === 'yen'
        ? t(locale, 'discord.form.hint_yen')
        : field.type === 'number'
          ? t(locale, 'discord.form.hint_number')
          : field.type === 'choice'
            ? choiceHint(field)
            : '';
  return {
    type: ComponentType.TextInput,
    custom_id: field.name,
    // Paragraph (2) for free text, short (1) for the rest.
    style: field.type === 'text' ? TextInputStyle.Paragraph : TextInputStyle.Short,
    required: !field.optional,
    max_length: MAX_TEXT,
    ...(placeholder ? { placeholder: clip(placeholder, MAX_PLACEHOLDER) } : {}),
    ...(current ? { value: clip(current, MAX_TEXT) } : {}),
  };
}

function input(
  field: FormField,
  current: string | undefined,
  have: number,
  locale: Locale,
): APIComponentInLabel {
  if (field.type === 'files') {
    // Files received on an earlier submission are kept unless others are chosen.
    const required = !field.optional && have === 0;
    return {
      type: ComponentType.FileUpload,
      custom_id: field.name,
      min_values: required ? 1 : 0,
      max_values: Math.max(1, Math.min(field.maxFiles ?? MAX_FILES, MAX_FILES)),
      required,
    };
  }
  if (field.type !== 'choice') return textInput(field, current, locale);
  const kind = choiceKind(field);
  if (kind === 'text') return textInput(field, current, locale);
  const options = (field.choices ?? []).map((c) => ({
    label: clip(c.label, MAX_OPTION_TEXT),
    value: c.value,
    ...(c.value === current ? { default: true } : {}),
  }));
  if (kind === 'radio') {
    return {
      type: ComponentType.RadioGroup,
      custom_id: field.name,
      required: !field.optional,
      options: options.slice(0, MAX_RADIO_OPTIONS),
    };
  }
  return {
    type: ComponentType.StringSelect,
    custom_id: field.name,
    placeholder: t(locale, 'form.choose'),
    required: !field.optional,
    min_values: field.optional ? 0 : 1,
    max_values: 1,
    options,
  };
}

/** The modal for one page (at most five fields: the caller pages the flow, modal-pages.ts). */
export function modalOf(page: ModalPage, locale: Locale): Modal {
  const components: APIModalInteractionResponseCallbackComponent[] = [];
  if (page.note && page.fields.length < MAX_MODAL_COMPONENTS)
    components.push({ type: ComponentType.TextDisplay, content: clip(page.note, MAX_TEXT_DISPLAY) });
  for (const field of page.fields.slice(0, MAX_MODAL_COMPONENTS)) {
    const { label, description } = labelParts(field.label || field.name);
    const have = page.files[field.name]?.length ?? 0;
    const kept = have > 0 ? t(locale, 'discord.form.files_kept', { count: have }) : '';
    const about = [kept, description ?? ''].filter((s) => s !== '').join(' ');
    components.push({
      type: ComponentType.Label,
      label,
      ...(about ? { description: clip(about, MAX_DESCRIPTION) } : {}),
      component: input(field, page.values[field.name], have, locale),
    });
  }
  return { custom_id: page.customId, title: clip(page.title, MAX_TITLE), components };
}
