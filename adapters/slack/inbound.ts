/**
 * Every request Slack sends to `POST /slack/events`, as far as the adapter relies on it: Events API
 * callbacks (the event types it subscribes to, see manifest.json), slash commands, and
 * interactivity payloads (block actions, view submissions, shortcuts). Checked after the signature
 * and before Bolt sees the body (README, "Inbound checks"):
 * - a body that does not fit is answered without being processed: 200 for Events API callbacks,
 *   which Slack would otherwise retry three times; 400 for commands and interactivity, which Slack
 *   never retries (the person sees that it failed);
 * - it is logged once at `warn` with the event or trigger id and the path of the first mismatch,
 *   never the values;
 * - ids must have Slack's shapes (src/chat/ids.ts), so no user can be made from `{"$ne":""}` or
 *   `[1,"a"]`, and no answer can be posted to a channel of that name.
 * Slack's own references: api.slack.com/apis/events-api ("Callback field overview"),
 * api.slack.com/interactivity/slash-commands ("app command payload"),
 * api.slack.com/reference/interaction-payloads (block_actions, view_submission, shortcuts).
 */
import { z } from 'zod';
import { EVENT_ID, SLACK_CHANNEL_ID, SLACK_TEAM_ID, SLACK_TS, SLACK_USER_ID } from '../../src/chat/ids.ts';
import type { Logger } from '../../src/logger.ts';
import { HOME_OPEN, HOME_REFRESH } from './app-home-view.ts';
import { DESK_RESOLVE, DESK_TAKE } from './desk.ts';
import { CANNED_SHORTCUT, CANNED_VIEW, cannedShortcutBody, cannedViewBody } from './desk-canned.ts';
import type { SlackFile } from './files.ts';
import { FORM_CALLBACK, FORM_SELECT } from './forms.ts';
import { jsonField } from './json-field.ts';
import { BUTTON_ACTION } from './render.ts';

const team = z.string().regex(SLACK_TEAM_ID);
const user = z.string().regex(SLACK_USER_ID);
const channel = z.string().regex(SLACK_CHANNEL_ID);
const ts = z.string().regex(SLACK_TS);
const eventId = z.string().regex(EVENT_ID);
/** Trigger ids look like `13345224609.738474920.8088930838d88f008e0`; ours in tests are simpler. */
const triggerId = z.string().regex(/^[\w.-]{1,255}$/);
const httpUrl = z.url({ protocol: /^https?$/ }).max(3000);
/** A message's text: Slack truncates at 40,000 characters, so nothing longer is a real message. */
const messageText = z.string().max(40_000);

const file = z.looseObject({
  id: z.string().min(1).max(100),
  name: z.string().max(1000).optional(),
  title: z.string().max(1000).optional(),
  mimetype: z.string().max(255).optional(),
  size: z.number().int().nonnegative().optional(),
  url_private_download: httpUrl.optional(),
  url_private: httpUrl.optional(),
});

/**
 * A message's files as checked here. @slack/types 3.2 types a message event's `files` as the global
 * `File` (a Blob), not Slack's file object, so they are read through the schema rather than cast.
 */
export function messageFiles(files: unknown): SlackFile[] {
  const checked = z.array(file).safeParse(files ?? []);
  return checked.success ? checked.data : [];
}

// Events API ---------------------------------------------------------------------------------

/** A person's message (DMs, mentions' threads, staff replies in desk threads). */
const userMessage = z.looseObject({
  type: z.literal('message'),
  subtype: z.literal('file_share').optional(),
  user,
  channel,
  ts,
  text: messageText.optional(),
  thread_ts: ts.optional(),
  channel_type: z.enum(['im', 'channel', 'group', 'mpim', 'app_home']).optional(),
  team: team.optional(),
  files: z.array(file).max(100).optional(),
});

const appMention = z.looseObject({
  type: z.literal('app_mention'),
  user,
  channel,
  ts,
  text: messageText,
  thread_ts: ts.optional(),
});

const reactionAdded = z.looseObject({
  type: z.literal('reaction_added'),
  user,
  reaction: z.string().min(1).max(100),
  item: z.union([
    z.looseObject({ type: z.literal('message'), channel, ts }),
    z.looseObject({ type: z.enum(['file', 'file_comment']) }),
  ]),
});

const profileName = z.string().max(500).optional();
const userChange = z.looseObject({
  type: z.literal('user_change'),
  user: z.looseObject({
    id: user,
    team_id: team.optional(),
    name: profileName,
    real_name: profileName,
    profile: z.looseObject({ display_name: profileName, real_name: profileName }).optional(),
  }),
});

/** Someone opened the app's Home or Messages tab (app-home.ts publishes the Home tab). */
const appHomeOpened = z.looseObject({
  type: z.literal('app_home_opened'),
  user,
  channel: channel.optional(),
  tab: z.enum(['home', 'messages']).optional(),
  event_ts: z.string().max(50).optional(),
});

const EVENT_SCHEMAS: Record<string, z.ZodType> = {
  app_home_opened: appHomeOpened,
  app_mention: appMention,
  reaction_added: reactionAdded,
  user_change: userChange,
};

const eventCallback = z.looseObject({
  type: z.literal('event_callback'),
  team_id: team,
  event_id: eventId,
  event: z.looseObject({ type: z.string().min(1).max(100) }),
});

// Slash commands -----------------------------------------------------------------------------

const slashCommand = z.looseObject({
  command: z.string().regex(/^\/[^\s/]{1,31}$/u),
  text: z.string().max(4000),
  team_id: team,
  user_id: user,
  channel_id: channel,
  channel_name: z.string().max(100).optional(),
  trigger_id: triggerId,
  response_url: httpUrl,
});

// Interactivity ------------------------------------------------------------------------------

/** Who pressed or submitted, and in which workspace (`team` is null for org-wide apps). */
const actor = {
  user: z.looseObject({ id: user, team_id: team.optional() }),
  team: z.looseObject({ id: team }).nullable().optional(),
};
const hasWorkspace = (b: {
  user: { team_id?: string | undefined };
  team?: { id: string } | null | undefined;
}) => Boolean(b.team?.id ?? b.user.team_id);
const NO_WORKSPACE = { message: 'neither team.id nor user.team_id', path: ['team'] };

const stateValue = z.looseObject({
  type: z.string().min(1).max(50),
  value: z.string().max(3000).nullable().optional(),
  selected_date: z.string().max(20).nullable().optional(),
  selected_option: z
    .looseObject({ value: z.string().max(150) })
    .nullable()
    .optional(),
  files: z.array(file).max(10).optional(),
});
const view = z.looseObject({
  id: z.string().min(1).max(50),
  hash: z.string().max(100).optional(),
  callback_id: z.string().max(255).optional(),
  private_metadata: z.string().max(3000).optional(),
  state: z
    .looseObject({ values: z.record(z.string().max(255), z.record(z.string().max(255), stateValue)) })
    .optional(),
});

/** What our own modals carry in `private_metadata` (forms.ts `FormMetadata`). */
const formMetadata = z.object({
  flowId: z.string().min(1).max(100),
  preset: z.record(z.string().max(100), z.union([z.string().max(2000), z.number()])),
  channel: z.union([channel, z.literal('')]),
});
const formView = view.extend({
  private_metadata: jsonField(formMetadata),
  state: z.looseObject({ values: z.record(z.string().max(255), z.record(z.string().max(255), stateValue)) }),
});

const action = z.looseObject({
  action_id: z.string().min(1).max(255),
  block_id: z.string().max(255).optional(),
  type: z.string().min(1).max(50),
  value: z.string().max(2000).optional(),
  action_ts: z.string().max(50).optional(),
});

const blockActions = z
  .looseObject({
    type: z.literal('block_actions'),
    ...actor,
    trigger_id: triggerId.optional(),
    actions: z.array(action).min(1).max(25),
    container: z
      .looseObject({
        type: z.string().max(50),
        channel_id: channel.optional(),
        message_ts: ts.optional(),
        thread_ts: ts.optional(),
        is_ephemeral: z.boolean().optional(),
      })
      .optional(),
    channel: z.looseObject({ id: channel }).nullable().optional(),
    message: z.looseObject({ ts }).optional(),
    view: view.optional(),
    response_url: httpUrl.optional(),
  })
  .refine(hasWorkspace, NO_WORKSPACE);

/** What each of our actions needs beyond the common shape. */
const ACTION_NEEDS: Record<string, z.ZodType> = {
  [BUTTON_ACTION]: z.looseObject({
    actions: z.tuple([action.extend({ value: z.string().min(1).max(2000) })], action),
  }),
  [DESK_TAKE]: z.looseObject({
    actions: z.tuple([action.extend({ value: z.string().regex(/^[1-9]\d{0,9}$/) })], action),
  }),
  [FORM_SELECT]: z.looseObject({ view: formView }),
};
ACTION_NEEDS[DESK_RESOLVE] = ACTION_NEEDS[DESK_TAKE] as z.ZodType;
// The App Home's buttons run one of the commands the view offers (app-home-view.ts), nothing else.
ACTION_NEEDS[HOME_OPEN] = z.looseObject({
  actions: z.tuple(
    [
      action.extend({
        value: z
          .string()
          .regex(/^(?:(?:inquiry|applicants|review) [1-9]\d{0,9}|invoice #[1-9]\d{0,9} \d{4}-\d{2}|home)$/),
      }),
    ],
    action,
  ),
});
ACTION_NEEDS[HOME_REFRESH] = z.looseObject({});

const viewSubmission = z
  .looseObject({ type: z.literal('view_submission'), ...actor, view })
  .refine(hasWorkspace, NO_WORKSPACE);
const viewClosed = z.looseObject({ type: z.literal('view_closed'), ...actor, view });
/** Shortcuts: the desk's message shortcut is handled (desk-canned.ts); any other is acknowledged. */
const shortcut = z.looseObject({
  type: z.enum(['shortcut', 'message_action']),
  ...actor,
  callback_id: z.string().min(1).max(255),
  trigger_id: triggerId,
});

// The verdict ----------------------------------------------------------------------------------

export type SlackCheck =
  | { ok: true }
  /** Not processed: answer `status`; `quiet` ones are ordinary (a bot's own message), not worth a warning. */
  | { ok: false; status: 200 | 400; reason: string; id: string | undefined; quiet?: boolean };

const idOf = (body: Record<string, unknown>): string | undefined => {
  for (const key of ['event_id', 'trigger_id']) {
    const v = body[key];
    if (typeof v === 'string' && EVENT_ID.test(v)) return v;
  }
  return undefined;
};

/** The first mismatch as a path and a code: where the body went wrong, never what it held. */
function reasonOf(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.join('.') || 'body'}: ${issue?.code ?? 'invalid'}`;
}

function check(schema: z.ZodType, body: unknown, status: 200 | 400, id: string | undefined): SlackCheck {
  const result = schema.safeParse(body);
  return result.success ? { ok: true } : { ok: false, status, reason: reasonOf(result.error), id };
}

/**
 * Whether Slack's `body` (already parsed, signature already checked) may go on to Bolt. `json` bodies
 * are Events API callbacks: whatever is wrong with one, it is acknowledged (200) so Slack does not
 * retry it; a form (a command or an interaction) that does not fit is answered 400.
 */
export function checkSlackBody(body: Record<string, unknown>, transport: 'json' | 'form'): SlackCheck {
  const id = idOf(body);
  if (transport === 'json') {
    return body.type === 'event_callback'
      ? checkEvent(body, id)
      : { ok: false, status: 200, reason: 'not an event callback', id };
  }
  if ('command' in body) return check(slashCommand, body, 400, id);
  switch (body.type) {
    case 'block_actions': {
      const common = check(blockActions, body, 400, id);
      if (!common.ok) return common;
      const first = (body.actions as { action_id: string }[])[0]?.action_id ?? '';
      const needs = Object.entries(ACTION_NEEDS).find(([prefix]) => first.startsWith(prefix))?.[1];
      return needs ? check(needs, body, 400, id) : { ok: false, status: 400, reason: 'unknown action', id };
    }
    case 'view_submission': {
      const common = check(viewSubmission, body, 400, id);
      if (!common.ok) return common;
      const callback = (body.view as { callback_id?: string }).callback_id;
      if (callback === CANNED_VIEW) return check(cannedViewBody, body, 400, id);
      return callback === FORM_CALLBACK
        ? check(z.looseObject({ view: formView }), body, 400, id)
        : { ok: false, status: 400, reason: 'unknown view', id };
    }
    case 'view_closed':
      return check(viewClosed, body, 400, id);
    case 'shortcut':
    case 'message_action': {
      const shape = check(shortcut, body, 400, id);
      if (shape.ok && body.type === 'message_action' && body.callback_id === CANNED_SHORTCUT)
        return check(cannedShortcutBody, body, 400, id);
      return shape.ok ? { ok: false, status: 200, reason: 'unknown shortcut', id, quiet: true } : shape;
    }
    default:
      return { ok: false, status: 400, reason: 'unknown payload type', id };
  }
}

function checkEvent(body: Record<string, unknown>, id: string | undefined): SlackCheck {
  const envelope = check(eventCallback, body, 200, id);
  if (!envelope.ok) return envelope;
  const event = body.event as Record<string, unknown>;
  if (event.type === 'message') {
    // Bots' messages (ours included), edits, deletions, joins…: acknowledged, nothing to do.
    if (event.bot_id !== undefined || (event.subtype !== undefined && event.subtype !== 'file_share'))
      return { ok: false, status: 200, reason: 'not a person’s message', id, quiet: true };
    return check(userMessage, event, 200, id);
  }
  const schema = EVENT_SCHEMAS[String(event.type)];
  return schema
    ? check(schema, event, 200, id)
    : { ok: false, status: 200, reason: 'event type not subscribed', id };
}

/** The Events API handshake when the request URL is saved. */
export const urlVerification = z.looseObject({
  type: z.literal('url_verification'),
  challenge: z.string().min(1).max(500),
});

/**
 * The same check as Bolt middleware, for Socket Mode (no HTTP receiver there): a body that does not
 * fit is acknowledged, logged once at `warn`, and dropped.
 */
export function socketModeCheck(log: Logger) {
  return async (args: { body: unknown; next: () => Promise<void> }): Promise<void> => {
    const body = args.body as Record<string, unknown>;
    const verdict = checkSlackBody(body, body.type === 'event_callback' ? 'json' : 'form');
    if (verdict.ok) return args.next();
    if (!verdict.quiet)
      log.warn(
        { eventId: verdict.id, reason: verdict.reason },
        'Slack payload that does not fit its schema ignored',
      );
    await (args as { ack?: () => Promise<void> }).ack?.();
  };
}
