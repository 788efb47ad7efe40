/**
 * Guided flows as Slack modals (https://api.slack.com/surfaces/modals): one input block per field,
 * block_id = the field's name. Choice fields are selects that dispatch on change, so a field that
 * depends on an earlier choice (a sub-topic, a store) appears with its options once that is chosen
 * (`views.update`). Limits: ≤ 100 blocks, title ≤ 24, private_metadata ≤ 3,000 (docs/platforms.md §2.5).
 */
import type { ViewOutput } from '@slack/bolt';
import type { InputBlock, ModalView, PlainTextElement } from '@slack/types';
import type { FormField, FormSpec } from '../../src/chat/types.ts';
import { type Locale, t } from '../../src/i18n/index.ts';
import type { SlackFile } from './files.ts';

export const FORM_CALLBACK = 'bot-form';
export const FORM_SELECT = 'form-select';

export interface FormMetadata {
  flowId: string;
  preset: Record<string, string | number>;
  /** Where the user started it, to answer there. */
  channel: string;
}

const MAX_OPTIONS = 100;
const plain = (text: string, max = 150): PlainTextElement => ({
  type: 'plain_text',
  text: [...text].slice(0, max).join(''),
  emoji: true,
});

/** Files attached in file_input fields, by field name (https://api.slack.com/reference/block-kit/block-elements#file_input). */
export function formFiles(state: ViewOutput['state'] | undefined): Record<string, SlackFile[]> {
  const out: Record<string, SlackFile[]> = {};
  for (const [blockId, actions] of Object.entries(state?.values ?? {})) {
    for (const a of Object.values(actions)) {
      if (a.type === 'file_input' && Array.isArray(a.files)) out[blockId] = a.files;
    }
  }
  return out;
}

/** Values the user has filled in, by field name (selects give their value, dates 'YYYY-MM-DD'). */
export function formValues(state: ViewOutput['state'] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [blockId, actions] of Object.entries(state?.values ?? {})) {
    for (const a of Object.values(actions)) {
      const v = a.selected_option?.value ?? a.selected_date ?? a.value;
      if (typeof v === 'string') out[blockId] = v;
    }
  }
  return out;
}

function element(field: FormField, current: string | undefined, locale: Locale): InputBlock['element'] {
  if (field.type === 'choice' && field.choices && field.choices.length > 0 && !field.acceptsText) {
    const options = field.choices
      .slice(0, MAX_OPTIONS)
      .map((c) => ({ text: plain(c.label, 75), value: c.value.slice(0, 150) }));
    const initial = options.find((o) => o.value === current);
    return {
      type: 'static_select',
      action_id: FORM_SELECT,
      placeholder: plain(t(locale, 'form.choose')),
      options,
      ...(initial ? { initial_option: initial } : {}),
    };
  }
  if (field.type === 'files') {
    return { type: 'file_input', action_id: 'value', max_files: 10 };
  }
  if (field.type === 'date') {
    return { type: 'datepicker', action_id: 'value', ...(current ? { initial_date: current } : {}) };
  }
  return {
    type: 'plain_text_input',
    action_id: 'value',
    multiline: field.type === 'text',
    ...(current ? { initial_value: current } : {}),
  };
}

function hint(field: FormField): string | undefined {
  // A store can also be typed (name or region): list what there is to help.
  if (field.type === 'choice' && field.acceptsText && field.choices?.length) {
    return field.choices
      .slice(0, 10)
      .map((c) => c.label)
      .join(' / ');
  }
  return undefined;
}

/** A modal for `spec`, keeping what was filled in so far (`values`). Files are sent afterwards in a DM. */
export function formView(
  spec: FormSpec,
  meta: FormMetadata,
  values: Record<string, string>,
  locale: Locale,
): ModalView {
  const blocks: InputBlock[] = [];
  for (const field of spec.fields) {
    if (field.name in meta.preset) continue;
    // A choice that depends on one not made yet (a sub-topic before its category) appears once it has options.
    if (field.type === 'choice' && !field.acceptsText && (field.choices ?? []).length === 0 && field.optional)
      continue;
    const h = hint(field);
    blocks.push({
      type: 'input',
      block_id: field.name,
      optional: field.optional,
      // Choosing re-draws the form with the fields that depend on the choice.
      dispatch_action: field.type === 'choice' && !field.acceptsText,
      label: plain(field.label, 2000),
      element: element(field, values[field.name], locale),
      ...(h ? { hint: plain(h, 2000) } : {}),
    });
  }
  return {
    type: 'modal',
    callback_id: FORM_CALLBACK,
    private_metadata: JSON.stringify(meta).slice(0, 3000),
    title: plain(t(locale, 'form.title'), 24),
    submit: plain(t(locale, 'form.submit'), 24),
    close: plain(t(locale, 'form.cancel'), 24),
    blocks: blocks.slice(0, 100),
  };
}

/** Whether a flow can be a modal (every field type has a form element, files included). */
export const modalFits = (spec: FormSpec, preset: Record<string, unknown>) =>
  spec.fields.every(
    (f) => f.name in preset || ['text', 'number', 'yen', 'date', 'choice', 'files'].includes(f.type),
  );
