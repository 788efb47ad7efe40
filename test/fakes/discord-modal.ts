/**
 * The limits of a modal (interaction response type 9) as Discord enforces them, for the fake Discord
 * to record what the app answered with. The app answers a modal in its HTTP response to the
 * interaction, so the test bench hands every response here (test/helpers/discord.ts, `interact`).
 *
 * Sources: the interaction response reference
 * (https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-response-object-modal:
 * custom_id ≤ 100, title ≤ 45, "between 1 and 5 (inclusive) components"), the component reference
 * (https://discord.com/developers/docs/components/reference: Label, Text Input, String Select, File
 * Upload, Radio Group, Checkbox Group, Checkbox, Text Display) and Discord's OpenAPI spec
 * (`ModalInteractionCallbackRequestData` and the `…ForModalRequest` components), which agree on every
 * limit below except the number of top-level components (40 in the spec; the documentation's 5 here).
 */

type Json = Record<string, unknown>;

const MAX_COMPONENTS = 5;
const MAX_CUSTOM_ID = 100;
const MAX_TITLE = 45;
const MAX_LABEL = 45;
const MAX_DESCRIPTION = 100;
const MAX_TEXT = 4000;
const MAX_TEXT_PLACEHOLDER = 100;
const MAX_SELECT_PLACEHOLDER = 150;
const MAX_SELECT_OPTIONS = 25;
const MAX_OPTION_TEXT = 100;
const MAX_FILES = 10;
const RADIO_OPTIONS = [2, 10] as const;
const CHECKBOX_OPTIONS = [1, 10] as const;
/** What a Label may hold: selects (3, 5–8), a text input, a file upload, radio and checkbox groups, a checkbox. */
const IN_LABEL = new Set([3, 4, 5, 6, 7, 8, 19, 21, 22, 23]);

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every limit the modal `data` breaks, as "path: reason" lines (none when Discord would show it). */
export function modalIssues(data: unknown): string[] {
  const issues: string[] = [];
  const issue = (path: string, why: string) => issues.push(`${path}: ${why}`);
  const text = (v: unknown, path: string, min: number, max: number, required = true) => {
    if (v === undefined || v === null) {
      if (required) issue(path, 'required');
    } else if (typeof v !== 'string') issue(path, 'not a string');
    else if (v.length < min || v.length > max) issue(path, `length ${v.length}, must be ${min}–${max}`);
  };
  const int = (v: unknown, path: string, min: number, max: number) => {
    if (v === undefined || v === null) return;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
      issue(path, `${JSON.stringify(v)}, must be an integer ${min}–${max}`);
  };
  const ids = new Set<string>();
  const customId = (v: unknown, path: string) => {
    text(v, path, 1, MAX_CUSTOM_ID);
    if (typeof v !== 'string') return;
    if (ids.has(v)) issue(path, `"${v}" used twice`);
    ids.add(v);
  };
  const options = (v: unknown, path: string, min: number, max: number): Json[] => {
    if (!Array.isArray(v)) {
      issue(path, 'required');
      return [];
    }
    if (v.length < min || v.length > max) issue(path, `${v.length} options, must be ${min}–${max}`);
    const values = new Set<string>();
    for (const [k, o] of v.entries()) {
      if (!isObject(o)) {
        issue(`${path}[${k}]`, 'not an object');
        continue;
      }
      text(o.label, `${path}[${k}].label`, 1, MAX_OPTION_TEXT);
      text(o.value, `${path}[${k}].value`, 1, MAX_OPTION_TEXT);
      text(o.description, `${path}[${k}].description`, 0, MAX_OPTION_TEXT, false);
      if (typeof o.value === 'string' && values.has(o.value)) issue(`${path}[${k}].value`, 'used twice');
      values.add(String(o.value));
    }
    return v.filter(isObject);
  };
  const minMax = (c: Json, path: string, minLo: number, maxHi: number, count?: number) => {
    int(c.min_values, `${path}.min_values`, minLo, maxHi);
    int(c.max_values, `${path}.max_values`, 1, maxHi);
    const min = typeof c.min_values === 'number' ? c.min_values : 1;
    const max = typeof c.max_values === 'number' ? c.max_values : Math.max(1, count ?? 1);
    if (min > max) issue(path, `min_values ${min} > max_values ${max}`);
    // No options at all is already recorded as such.
    if (count && max > count) issue(`${path}.max_values`, `${max} > ${count} options`);
  };

  const textInput = (c: Json, path: string, inLabel: boolean) => {
    customId(c.custom_id, `${path}.custom_id`);
    if (c.style !== 1 && c.style !== 2) issue(`${path}.style`, 'must be 1 or 2');
    // Inside a Label the Label names it: "label … cannot be used in a label component" (discord-api-types).
    if (inLabel && c.label !== undefined) issue(`${path}.label`, 'not allowed inside a Label');
    if (!inLabel) text(c.label, `${path}.label`, 1, MAX_LABEL);
    text(c.placeholder, `${path}.placeholder`, 0, MAX_TEXT_PLACEHOLDER, false);
    text(c.value, `${path}.value`, 0, MAX_TEXT, false);
    int(c.min_length, `${path}.min_length`, 0, MAX_TEXT);
    int(c.max_length, `${path}.max_length`, 1, MAX_TEXT);
    if (typeof c.value === 'string' && typeof c.max_length === 'number' && c.value.length > c.max_length)
      issue(`${path}.value`, `longer than max_length ${c.max_length}`);
    if (typeof c.min_length === 'number' && typeof c.max_length === 'number' && c.min_length > c.max_length)
      issue(path, 'min_length > max_length');
  };

  const inLabel = (c: unknown, path: string) => {
    if (!isObject(c)) return issue(path, 'required');
    if (typeof c.type !== 'number' || !IN_LABEL.has(c.type))
      return issue(`${path}.type`, `${JSON.stringify(c.type)} cannot be in a Label`);
    if (c.type === 4) return textInput(c, path, true);
    customId(c.custom_id, `${path}.custom_id`);
    if (c.type === 3) {
      text(c.placeholder, `${path}.placeholder`, 0, MAX_SELECT_PLACEHOLDER, false);
      const opts = options(c.options, `${path}.options`, 1, MAX_SELECT_OPTIONS);
      minMax(c, path, 0, MAX_SELECT_OPTIONS, opts.length);
      const defaults = opts.filter((o) => o.default === true).length;
      const max = typeof c.max_values === 'number' ? c.max_values : 1;
      if (defaults > max) issue(`${path}.options`, `${defaults} defaults for max_values ${max}`);
    } else if (c.type === 19) {
      minMax(c, path, 0, MAX_FILES);
    } else if (c.type === 21) {
      const opts = options(c.options, `${path}.options`, ...RADIO_OPTIONS);
      if (opts.filter((o) => o.default === true).length > 1)
        issue(`${path}.options`, 'more than one default');
    } else if (c.type === 22) {
      const opts = options(c.options, `${path}.options`, ...CHECKBOX_OPTIONS);
      minMax(c, path, 0, MAX_FILES, opts.length);
    }
  };

  if (!isObject(data)) return ['data: required'];
  text(data.custom_id, 'data.custom_id', 1, MAX_CUSTOM_ID);
  text(data.title, 'data.title', 1, MAX_TITLE);
  if (!Array.isArray(data.components) || data.components.length === 0) {
    issue('data.components', 'must be a non-empty array');
    return issues;
  }
  if (data.components.length > MAX_COMPONENTS)
    issue('data.components', `${data.components.length} components, at most ${MAX_COMPONENTS}`);
  for (const [i, c] of data.components.entries()) {
    const path = `data.components[${i}]`;
    if (!isObject(c)) {
      issue(path, 'not an object');
      continue;
    }
    if (c.type === 18) {
      text(c.label, `${path}.label`, 1, MAX_LABEL);
      text(c.description, `${path}.description`, 1, MAX_DESCRIPTION, false);
      inLabel(c.component, `${path}.component`);
    } else if (c.type === 10) {
      text(c.content, `${path}.content`, 1, MAX_TEXT);
    } else if (c.type === 1) {
      // The deprecated layout: an action row holding one text input.
      const inner = Array.isArray(c.components) ? c.components : [];
      if (inner.length !== 1 || !isObject(inner[0]) || inner[0].type !== 4)
        issue(`${path}.components`, 'an action row in a modal holds exactly one text input');
      else textInput(inner[0], `${path}.components[0]`, false);
    } else {
      issue(`${path}.type`, `${JSON.stringify(c.type)} is not a top-level modal component (1, 10, 18)`);
    }
  }
  return issues;
}
