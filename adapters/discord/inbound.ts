/**
 * Every interaction Discord sends to `POST /discord/interactions`, as far as the adapter relies on it
 * (discord.com/developers/docs/interactions/receiving-and-responding, "Interaction Object"): pings,
 * slash commands and their autocomplete, buttons, and our modals' submissions. Checked after the
 * signature and before anything else (README, "Inbound checks"): an interaction that does not fit is
 * answered 400 (Discord does not retry interactions; the person sees "This interaction failed") and
 * logged once at `warn` with its id and the path of the first mismatch, never the values. Nothing of
 * it is stored or sent.
 *
 * Every id is a snowflake (src/chat/ids.ts), so no user is made from `""`, `"42"` or an object.
 */
import type { APIInteraction } from 'discord-api-types/v10';
import { z } from 'zod';
import { isSnowflake } from '../../src/chat/ids.ts';

export const INTERACTION = {
  PING: 1,
  APPLICATION_COMMAND: 2,
  MESSAGE_COMPONENT: 3,
  AUTOCOMPLETE: 4,
  MODAL_SUBMIT: 5,
} as const;

/**
 * Our modals' custom ids: `form:<flow>:<preset JSON>` for a flow's first page, `form:<flow>/<page>:…`
 * for the next ones (forms.ts); the buttons that open a page: `form-page:<flow>:<page>`.
 */
export const FORM_PREFIX = 'form:';
export const PAGE_PREFIX = 'form-page:';
const FLOW_PAGE = /^([a-z][a-z0-9-]{0,63})(?:\/([1-9]\d?))?$/;

export interface FormId {
  flowId: string;
  page: number;
  preset: Record<string, string | number>;
}

/** A modal's custom id as ours, or null when it is not one of our forms. */
export function parseFormId(id: string): FormId | null {
  if (!id.startsWith(FORM_PREFIX)) return null;
  const rest = id.slice(FORM_PREFIX.length);
  const colon = rest.indexOf(':');
  const head = FLOW_PAGE.exec(colon < 0 ? '' : rest.slice(0, colon));
  if (!head?.[1]) return null;
  try {
    const preset: unknown = JSON.parse(rest.slice(colon + 1));
    if (preset === null || typeof preset !== 'object' || Array.isArray(preset)) return null;
    if (!Object.values(preset).every((v) => typeof v === 'string' || typeof v === 'number')) return null;
    return { flowId: head[1], page: Number(head[2] ?? 1), preset: preset as FormId['preset'] };
  } catch {
    return null;
  }
}

export const formId = (f: FormId): string =>
  `${FORM_PREFIX}${f.flowId}${f.page > 1 ? `/${f.page}` : ''}:${JSON.stringify(f.preset)}`;

/** The button that opens page `page` of a flow's modals. */
export const pageButtonId = (flowId: string, page: number): string => `${PAGE_PREFIX}${flowId}:${page}`;

export function parsePageButton(id: string): { flowId: string; page: number } | null {
  const m = /^form-page:([a-z][a-z0-9-]{0,63}):([1-9]\d?)$/.exec(id);
  return m?.[1] && m[2] ? { flowId: m[1], page: Number(m[2]) } : null;
}

const snowflake = z.string().refine(isSnowflake, { message: 'not a snowflake' });
const user = z.looseObject({
  id: snowflake,
  username: z.string().max(100).optional(),
  global_name: z.string().max(100).nullable().optional(),
});
/** custom_id: 1–100 characters (discord.com/developers/docs/components/reference). */
const customId = z.string().min(1).max(100);

interface CommandOption {
  name: string;
  type: number;
  value?: string | number | boolean | undefined;
  focused?: boolean | undefined;
  options?: CommandOption[] | undefined;
}
/** Options nest at most twice (a subcommand group, then a subcommand); string values ≤ 6,000. */
const option = (depth: number): z.ZodType<CommandOption> =>
  z.looseObject({
    name: z.string().min(1).max(32),
    type: z.number().int().min(1).max(11),
    value: z.union([z.string().max(6000), z.number(), z.boolean()]).optional(),
    focused: z.boolean().optional(),
    options:
      depth > 0
        ? z
            .array(option(depth - 1))
            .max(25)
            .optional()
        : z.undefined(),
  }) as z.ZodType<CommandOption>;

const attachment = z.looseObject({
  id: snowflake,
  filename: z.string().min(1).max(1000),
  size: z.number().int().nonnegative(),
  url: z.url({ protocol: /^https?$/ }).max(3000),
  content_type: z.string().max(255).optional(),
});

const commandData = z.looseObject({
  id: snowflake.optional(),
  name: z.string().min(1).max(32),
  type: z.number().int().optional(),
  options: z.array(option(2)).max(25).optional(),
  resolved: z.looseObject({ attachments: z.record(snowflake, attachment).optional() }).optional(),
});

const componentData = z.looseObject({
  custom_id: customId,
  component_type: z.number().int().min(1).max(40),
  values: z.array(z.string().max(100)).max(25).optional(),
});

/**
 * What a modal sends back (discord.com/developers/docs/components/reference, each component's
 * "Interaction Response Structure"; discord-api-types `APIModalSubmissionComponent`): a text input's
 * `value` (≤ 4,000), a string select's `values` (≤ 25 options of ≤ 100), a radio group's `value` (or
 * null), a checkbox group's `values` (≤ 10), a checkbox's boolean `value`, a file upload's attachment
 * ids (≤ 10, each in `resolved.attachments`). Inside a Label (18); a text display (10) carries nothing back.
 */
const textInput = z.looseObject({ type: z.literal(4), custom_id: customId, value: z.string().max(4000) });
const optionValue = z.string().min(1).max(100);
const inLabel = z.discriminatedUnion('type', [
  textInput,
  z.looseObject({ type: z.literal(3), custom_id: customId, values: z.array(optionValue).max(25) }),
  z.looseObject({ type: z.literal(19), custom_id: customId, values: z.array(snowflake).max(10) }),
  z.looseObject({ type: z.literal(21), custom_id: customId, value: optionValue.nullable() }),
  z.looseObject({ type: z.literal(22), custom_id: customId, values: z.array(optionValue).max(10) }),
  z.looseObject({ type: z.literal(23), custom_id: customId, value: z.boolean() }),
]);
const modalRow = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal(1), components: z.array(textInput).min(1).max(5) }),
  z.looseObject({ type: z.literal(18), component: inLabel }),
  z.looseObject({ type: z.literal(10) }),
]);

const formCustomId = customId.refine((id) => parseFormId(id) !== null, { message: 'not one of our forms' });
const modalData = z
  .looseObject({
    custom_id: formCustomId,
    components: z.array(modalRow).min(1).max(5),
    resolved: z.looseObject({ attachments: z.record(snowflake, attachment).optional() }).optional(),
  })
  .superRefine((data, ctx) => {
    // Each custom id answers once, and every uploaded file is described in `resolved.attachments`.
    const seen = new Set<string>();
    data.components.forEach((row, i) => {
      const inputs = row.type === 1 ? row.components : row.type === 18 ? [row.component] : [];
      for (const c of inputs) {
        if (seen.has(c.custom_id))
          ctx.addIssue({ code: 'custom', path: ['components', i], message: 'custom_id twice' });
        seen.add(c.custom_id);
        if (c.type !== 19) continue;
        for (const id of c.values) {
          if (!data.resolved?.attachments?.[id])
            ctx.addIssue({ code: 'custom', path: ['components', i, 'values'], message: 'not resolved' });
        }
      }
    });
  });

const base = {
  id: snowflake,
  application_id: snowflake,
  token: z.string().min(1).max(500),
  version: z.number().int().optional(),
  guild_id: snowflake.optional(),
  channel_id: snowflake.optional(),
  channel: z.looseObject({ id: snowflake }).optional(),
  locale: z.string().max(10).optional(),
  guild_locale: z.string().max(10).optional(),
};
/** Who acted: `member.user` in a server, `user` in DMs; one of them must be there. */
const person = {
  member: z.looseObject({ user }).optional(),
  user: user.optional(),
};
const hasPerson = (i: { member?: { user: unknown } | undefined; user?: unknown }) =>
  i.member?.user !== undefined || i.user !== undefined;
const NO_PERSON = { message: 'neither member.user nor user', path: ['user'] };

const interaction = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal(INTERACTION.PING), id: snowflake, application_id: snowflake }),
  z.looseObject({ type: z.literal(INTERACTION.APPLICATION_COMMAND), ...base, ...person, data: commandData }),
  z.looseObject({ type: z.literal(INTERACTION.MESSAGE_COMPONENT), ...base, ...person, data: componentData }),
  z.looseObject({ type: z.literal(INTERACTION.AUTOCOMPLETE), ...base, ...person, data: commandData }),
  z.looseObject({ type: z.literal(INTERACTION.MODAL_SUBMIT), ...base, ...person, data: modalData }),
]);

export type DiscordCheck =
  | { ok: true; interaction: APIInteraction }
  | { ok: false; reason: string; id: string | undefined };

/** Whether a parsed body (signature already checked) is an interaction the adapter may handle. */
export function checkInteraction(body: unknown): DiscordCheck {
  const rawId = (body as { id?: unknown } | null)?.id;
  const id = isSnowflake(rawId) ? rawId : undefined;
  const result = interaction.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    return { ok: false, reason: `${issue?.path.join('.') || 'body'}: ${issue?.code ?? 'invalid'}`, id };
  }
  if (result.data.type !== INTERACTION.PING && !hasPerson(result.data))
    return { ok: false, reason: `${NO_PERSON.path[0]}: ${NO_PERSON.message}`, id };
  // The one place the checked body becomes discord-api-types' interaction: every field the adapter
  // reads was checked above; the others (app_permissions, entitlements, …) are as Discord sent them,
  // and the adapter does not rely on them (`locale`, typed as always there, is read as optional).
  return { ok: true, interaction: result.data as APIInteraction };
}
