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
import { z } from 'zod';
import { isSnowflake } from '../../src/chat/ids.ts';

export const INTERACTION = {
  PING: 1,
  APPLICATION_COMMAND: 2,
  MESSAGE_COMPONENT: 3,
  AUTOCOMPLETE: 4,
  MODAL_SUBMIT: 5,
} as const;

/** What our modals' custom ids start with (`form:<flow>:<preset JSON>`, index.ts). */
export const FORM_PREFIX = 'form:';

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

/** A text input's answer: ≤ 4,000 characters (discord.com/developers/docs/components/reference#text-input). */
const textInput = z.looseObject({ type: z.literal(4), custom_id: customId, value: z.string().max(4000) });
const modalRow = z.union([
  z.looseObject({ type: z.literal(1), components: z.array(textInput).min(1).max(5) }),
  // Label (18) around one input; text display (10) carries nothing back.
  z.looseObject({ type: z.literal(18), component: textInput }),
  z.looseObject({ type: z.literal(10) }),
]);

/** Our modals' custom id: `form:<flow id>:<preset as a JSON object of strings and numbers>`. */
const formCustomId = customId.refine(
  (id) => {
    if (!id.startsWith(FORM_PREFIX)) return false;
    const rest = id.slice(FORM_PREFIX.length);
    const colon = rest.indexOf(':');
    if (colon < 1) return false;
    try {
      const preset: unknown = JSON.parse(rest.slice(colon + 1));
      return (
        preset !== null &&
        typeof preset === 'object' &&
        !Array.isArray(preset) &&
        Object.values(preset).every((v) => typeof v === 'string' || typeof v === 'number')
      );
    } catch {
      return false;
    }
  },
  { message: 'not one of our forms' },
);
const modalData = z.looseObject({
  custom_id: formCustomId,
  components: z.array(modalRow).min(1).max(5),
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

export type Interaction = z.infer<typeof interaction>;
export type CommandData = z.infer<typeof commandData>;

export type DiscordCheck =
  | { ok: true; interaction: Interaction }
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
  return { ok: true, interaction: result.data };
}
