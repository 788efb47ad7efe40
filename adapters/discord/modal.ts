/**
 * A guided flow as a Discord modal, when it fits one: at most 5 text inputs (a file question cannot
 * go in a modal), a title of at most 45 characters and a custom_id of at most 100 (Discord's
 * interaction reference, "Modal"). Anything longer runs step by step.
 */
import type { FormSpec } from '../../src/chat/types.ts';
import { type Locale, t } from '../../src/i18n/index.ts';
import { clip } from '../shared/text.ts';
import { FORM_PREFIX } from './inbound.ts';

const MODAL_INPUTS = 5;

export interface Modal {
  custom_id: string;
  title: string;
  components: { type: number; components: Record<string, unknown>[] }[];
}

/** The modal for `spec` (the flow as a form, minus what the command preset), or null when it does not fit. */
export function modalOf(
  spec: FormSpec,
  preset: Record<string, string | number>,
  locale: Locale,
): Modal | null {
  const customId = `${FORM_PREFIX}${spec.flowId}:${JSON.stringify(preset)}`;
  if (customId.length > 100) return null;
  const fields = spec.fields.filter((f) => !(f.name in preset));
  if (fields.length === 0 || fields.length > MODAL_INPUTS || fields.some((f) => f.type === 'files'))
    return null;
  return {
    custom_id: customId,
    title: clip(t(locale, 'form.title'), 45),
    components: fields.map((f) => ({
      type: 1,
      components: [
        {
          type: 4,
          custom_id: f.name,
          label: clip(f.label.split('\n')[0] ?? f.name, 45),
          style: f.type === 'text' ? 2 : 1,
          required: !f.optional,
          ...(f.choices?.length ? { placeholder: clip(f.choices.map((c) => c.label).join(' / '), 100) } : {}),
        },
      ],
    })),
  };
}
