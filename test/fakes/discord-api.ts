/**
 * A fake Discord REST API (v10) for tests: one local HTTP server that answers the routes a bot built
 * on `@discordjs/rest` + `@discordjs/core` uses (DMs, channel messages, interaction follow-ups and
 * @original edits, bulk command registration), the way the real API does: JSON or multipart
 * (`payload_json` + `files[n]`) bodies, the files kept with their bytes and served at CDN-like URLs
 * (`/attachments/<channel>/<id>/<name>`), `{code, message, errors}` error bodies, `X-RateLimit-*`
 * headers on every answer and 429 + `retry_after` past a bucket. It records every call and rejects
 * what the real API would reject (limits from docs/platforms.md, Discord, and the
 * API reference, https://discord.com/developers/docs/). A request broken by a documented limit gets
 * the real error plus a line in `violations`, so a bot test can assert `violations` is empty instead
 * of discovering the limit in production. Every request body is also checked against Discord's OpenAPI
 * description (https://github.com/discord/discord-api-spec, read by ./openapi.ts where the shared specs
 * folder is present): a body that breaks it gets the same 50035 answer and violation.
 */
import { createHash, randomBytes } from 'node:crypto';
import { type IncomingMessage, type ServerResponse, STATUS_CODES } from 'node:http';
import { closeServer, listenLocal, mimeTypeOf, multipartParts, pollUntil } from './common.ts';
import { attachFakeGateway, type FakeGateway } from './discord-gateway.ts';
import { modalIssues } from './discord-modal.ts';
import { type SpecError, validateRequest } from './openapi.ts';

export interface FakeDiscordOptions {
  /** `Authorization: Bot <botToken>` is required on bot routes, else 401 {code:0,message:'401: Unauthorized'}. */
  botToken: string;
  /** Also the bot's user id (the author of its messages) and the only `:app` the webhook routes accept. */
  applicationId: string;
  /** Requests per second allowed per route bucket (default 50) and globally (default 50, docs/platforms.md §3.3). */
  routeRate?: number;
  globalRate?: number;
  /** Current time in ms (interaction-token expiry after 15 min, message timestamps, `at` of calls). Default Date.now. Rate buckets always use real time. */
  now?: () => number;
  /**
   * Upload limit per file (bytes): a larger `files[n]` part is refused with 413 {code: 40005} and a violation.
   * Default 20 MiB, Discord's default for bots, webhooks and interaction responses in a server without boosts
   * (see DEFAULT_MAX_FILE_BYTES). Set the limit of the server a test pretends to be in, or a small one to test it cheaply.
   */
  maxFileBytes?: number;
  /** Largest request that sends a message (bytes), files included: larger is refused with 413 {code: 40005}. Default 25 MiB. */
  maxRequestBytes?: number;
  /** Privileged Gateway intents enabled for the app (default all); asking for another closes with 4014. */
  privilegedIntents?: number;
}

export interface DiscordFile {
  name: string;
  size: number;
}

/** A file a message carries, as the fake stored it. */
export interface DiscordAttachment {
  /** A snowflake, as Discord gives attachments. */
  id: string;
  /** The `filename` of its `attachments` entry, else the part's filename. */
  filename: string;
  size: number;
  /** The part's Content-Type, else one from the extension. */
  content_type: string;
  /** Where the fake serves the bytes (GET, no auth, like Discord's CDN): `${fake.url}/attachments/<channel>/<id>/<filename>`. */
  url: string;
  proxy_url: string;
  description?: string;
  /** Exactly the bytes of the `files[n]` part. */
  bytes: Buffer;
}

export interface DiscordCall {
  method: string;
  /** Path under /api/v10 (e.g. '/channels/123/messages'), without the query; the full path for anything else. */
  path: string;
  /** Method + route with ids generalised, e.g. 'POST /channels/:id/messages', 'PATCH /webhooks/:id/:token/messages/@original'. What failNext matches. */
  route: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** The JSON body (for multipart: the parsed `payload_json` part); null when there is none. */
  // biome-ignore lint/suspicious/noExplicitAny: bodies are whatever the bot sent; tests dig into them freely.
  body: any;
  /** File parts of a multipart body. */
  files: DiscordFile[];
  status: number;
  /** What the fake answered (JSON), null for 204, `<n bytes>` for an attachment download. */
  // biome-ignore lint/suspicious/noExplicitAny: see body.
  response: any;
  /** now() when received. */
  at: number;
}

export interface DiscordMessage {
  id: string;
  channel_id: string;
  content?: string;
  // biome-ignore lint/suspicious/noExplicitAny: embeds are whatever the bot sent.
  embeds?: any[];
  // biome-ignore lint/suspicious/noExplicitAny: components are whatever the bot sent.
  components?: any[];
  flags?: number;
  /** 'bot' for POST /channels/:id/messages, 'webhook' for interaction follow-ups and @original. */
  author: 'bot' | 'webhook';
  interactionToken?: string;
  /** The interaction's @original response (created by its first PATCH .../messages/@original). */
  original?: boolean;
  edited?: boolean;
  /** Name and size of each attachment (the same files as `attachments`). */
  files: DiscordFile[];
  /** The message's files with their bytes, in order. */
  attachments: DiscordAttachment[];
}

export interface FakeDiscord {
  /** http://127.0.0.1:<port>; REST under `${url}/api/v10`. */
  url: string;
  calls: DiscordCall[];
  /** Human-readable reason for every request rejected for breaking a documented limit (not for 429, which clients are expected to handle). */
  violations: string[];
  /** Channel messages and interaction follow-ups/@original, in order; edits change them in place, deletes remove them. */
  messages: DiscordMessage[];
  messagesIn(channelId: string): DiscordMessage[];
  /** Messages sent through one interaction token (@original edit + follow-ups). */
  interactionMessages(token: string): DiscordMessage[];
  /**
   * Registers an interaction token the app will follow up on (valid 15 min, docs/platforms.md §3.2). The test calls this
   * before posting the interaction to the app. Messages sent with it get `channelId` (default: a fresh id).
   */
  issueInteractionToken(channelId?: string): string;
  /** Every attachment a message received, in order (kept when the message is edited or deleted, like the CDN keeps files a while). */
  attachments: DiscordAttachment[];
  /** userId -> DM channel id (created by POST /users/@me/channels). */
  dmChannels: Map<string, string>;
  /** Threads the bot started (POST /channels/{id}/threads), by thread id. */
  threads: Map<string, { parentId: string; name: string; type: number }>;
  /** Reactions the bot added (PUT /channels/{id}/messages/{id}/reactions/{emoji}/@me), emoji decoded. */
  reactions: { channelId: string; messageId: string; emoji: string }[];
  /** The Gateway (WebSocket on the same port) that GET /gateway/bot points to. */
  gateway: FakeGateway;
  /** Registered application commands, as echoed (with ids). */
  // biome-ignore lint/suspicious/noExplicitAny: command objects as the bot sent them.
  commands: { global: any[]; guilds: Map<string, any[]> };
  /** Users that cannot receive DMs: POST /channels/{dm}/messages answers 403 {code:50007,'Cannot send messages to this user'}. */
  blockDms(userId: string): void;
  /**
   * Checks the app's HTTP answer to an interaction (an interaction response: PONG, a message, a deferral, a modal…),
   * which reaches Discord as a response, not as a REST request: against the API spec's callback body (POST
   * /interactions/{id}/{token}/callback) and, for a message, the same limits as a message body. Each problem is one
   * line of the returned list; when there are any, one line naming them all goes to `violations`.
   */
  checkInteractionResponse(body: unknown, interactionType?: number): string[];
  /**
   * The next `count` requests to `route` (e.g. 'POST /channels/:id/messages', see DiscordCall.route) answer
   * `status` (default 500; 429 comes with retry_after 1 s). They are recorded but have no effect.
   */
  failNext(route: string, count: number, status?: number): void;
  setRates(r: { routeRate?: number; globalRate?: number }): void;
  /** Resolves when `predicate()` is true (polls every 5 ms), rejects after timeoutMs (default 5000) with a message listing the last calls. */
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  /**
   * Clears calls, violations, messages, attachments, commands and pending failNext; restores the rates given to
   * startFakeDiscord and refills the buckets. Keeps DM channels, blocked users and interaction tokens.
   */
  reset(): void;
  close(): Promise<void>;
}

// docs/platforms.md §3.3: a global limit of 50 req/s per bot, plus per-route buckets. Discord publishes no fixed
// per-route numbers (they come in the headers); 50/s is this fake's default.
const DEFAULT_GLOBAL_RATE = 50;
const DEFAULT_ROUTE_RATE = 50;
// docs/platforms.md §3.2: follow-ups use the interaction token, valid 15 minutes.
const INTERACTION_TOKEN_TTL_MS = 15 * 60 * 1000;
// docs/platforms.md §3.4: message content ≤ 2,000 characters.
const MAX_CONTENT = 2000;
// docs/platforms.md §3.4: ≤ 10 embeds a message, 6,000 characters across them, ≤ 25 fields, field value ≤ 1,024.
const MAX_EMBEDS = 10;
const MAX_EMBED_TOTAL = 6000;
const MAX_FIELDS = 25;
const MAX_FIELD_VALUE = 1024;
// Discord reference, "Embed Limits": title 256, description 4,096, field name 256, footer text 2,048, author name 256.
const MAX_EMBED_TITLE = 256;
const MAX_EMBED_DESCRIPTION = 4096;
const MAX_FIELD_NAME = 256;
const MAX_FOOTER_TEXT = 2048;
const MAX_AUTHOR_NAME = 256;
// docs/platforms.md §3.4: ≤ 5 action rows × 5 buttons (classic), `custom_id` ≤ 100 characters, select ≤ 25 options.
const MAX_ROWS = 5;
const MAX_BUTTONS_PER_ROW = 5;
const MAX_CUSTOM_ID = 100;
const MAX_SELECT_OPTIONS = 25;
// Discord reference, "Button": label max 80 characters; "String Select": option label/value/description
// max 100, placeholder max 150.
const MAX_BUTTON_LABEL = 80;
const MAX_SELECT_OPTION_TEXT = 100;
const MAX_PLACEHOLDER = 150;
// Discord reference, "Message Object" flags: what a bot may set. EPHEMERAL only on interaction responses.
const FLAG_SUPPRESS_EMBEDS = 4;
const FLAG_EPHEMERAL = 64;
// Message Flags: IS_COMPONENTS_V2 (1 << 15), a message laid out with components only (Component Reference); a bot
// may set it on creates, edits, follow-ups and interaction responses, but not on a deferral (interactionResponseIssues).
const FLAG_COMPONENTS_V2 = 1 << 15;
// Files (https://discord.com/developers/docs/reference#uploading-files): "The file upload size limit applies to each
// file in a request. The default limit is `20 MiB` for all users, but may be higher ... by the server's Boost Tier"
// (https://discord.com/developers/docs/change-log: 25 MiB became 10 MiB on 2025-01-16, raised to 20 MiB in
// September 2026 "for users, bots, webhooks, and interaction responses"). Create Message (https://discord.com/developers/docs/resources/message#create-message): "The maximum
// request size when sending a message is 25 MiB". Past either: HTTP 413 {code: 40005, "Request entity too large"}.
const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;
const DEFAULT_MAX_REQUEST_BYTES = 25 * 1024 * 1024;
// At most 10 files a message: JSON error 30015 "Maximum number of attachments in a message reached (10)"
// (https://discord.com/developers/docs/topics/opcodes-and-status-codes#json); the API spec
// (github.com/discord/discord-api-spec) caps `attachments` at 10 items and takes files[0]..files[9].
const MAX_FILES = 10;
// Attachment request structure (resources/message): `id` "for new attachments this must match the `n` in
// `files[n]`"; filename 1-1024 and description ≤ 1024 characters (API spec, MessageAttachmentRequest).
const MAX_ATTACHMENT_TEXT = 1024;
const TOO_LARGE = { code: 40005, message: 'Request entity too large' };
// docs/platforms.md §3.7: ≤ 100 global chat-input commands (the same cap applies per guild).
const MAX_CHAT_INPUT_COMMANDS = 100;
// Discord reference, "Application Command Object": name 1-32 chars matching this regex (unicode), lower-case
// where a letter has a lower-case form; description 1-100; ≤ 25 options, subcommands and choices;
// choice name 1-100, string choice value ≤ 100.
const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const MAX_COMMAND_DESCRIPTION = 100;
const MAX_OPTIONS = 25;
const MAX_CHOICES = 25;
const MAX_CHOICE_TEXT = 100;
// Discord reference, "Snowflakes": ms since the Discord epoch, shifted left 22 bits.
const DISCORD_EPOCH = 1_420_070_400_000n;

const UNAUTHORIZED = { code: 0, message: '401: Unauthorized' };
const NOT_FOUND = { code: 0, message: '404: Not Found' };
const UNKNOWN_WEBHOOK = { code: 10015, message: 'Unknown Webhook' };
const UNKNOWN_MESSAGE = { code: 10008, message: 'Unknown Message' };

type Json = Record<string, unknown>;
interface Issue {
  path: (string | number)[];
  code: string;
  message: string;
  /** Extra text for the violation line only (e.g. the actual length). */
  detail?: string;
}
interface Answer {
  status: number;
  /** JSON object/array, or undefined for 204 No Content. */
  body?: unknown;
  headers?: Record<string, string>;
  violation?: string;
}
/** A file part of a multipart body. */
interface UploadPart {
  /** The part's name, `files[n]`. */
  key: string;
  filename: string;
  contentType?: string;
  bytes: Buffer;
}
interface Parsed {
  body: unknown;
  files: DiscordFile[];
  uploads: UploadPart[];
  /** Multipart parts that break the Uploading Files rules (checked with the message). */
  formIssues: Issue[];
  invalid?: true;
}
interface Req {
  method: string;
  route: string;
  query: URLSearchParams;
  body: unknown;
  files: DiscordFile[];
  uploads: UploadPart[];
  formIssues: Issue[];
  /** Where the body breaks the API spec (see specIssues); each handler that checks a body adds them. */
  specIssues: Issue[];
}
interface Route {
  method: string;
  pattern: RegExp;
  route: string;
  /** Interaction (webhook) route: no bot auth needed, not bound by the global limit. */
  interaction?: boolean;
  /** Top-level resource of the bucket (Discord: channel id, guild id, webhook id + token). */
  major?: (p: string[]) => string;
  handle: (req: Req, p: string[]) => Answer;
}
interface Bucket {
  tokens: number;
  last: number;
}
interface TokenState {
  issuedAt: number;
  channelId: string;
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * JSON body, or multipart with `payload_json` (other text parts become fields) plus file parts. Uploading Files:
 * "All `files[n]` parameters must include a valid `Content-Disposition` subpart header with a `filename` and unique
 * `name` parameter"; a part breaking that is kept as a form issue (Discord documents the rule, not its error: the
 * fake answers a 50035 form error naming the part).
 */
function parseBody(raw: Buffer, contentType: string): Parsed {
  const none = { files: [], uploads: [], formIssues: [] };
  if (raw.length === 0) return { body: null, ...none };
  const type = contentType.toLowerCase();
  const json = (text: string): { body: unknown; invalid?: true } => {
    try {
      return { body: JSON.parse(text) };
    } catch {
      return { body: text, invalid: true };
    }
  };
  if (type.startsWith('multipart/form-data')) {
    const uploads: UploadPart[] = [];
    const formIssues: Issue[] = [];
    const fields: Json = {};
    let payload: { body: unknown; invalid?: true } | undefined;
    for (const p of multipartParts(raw, contentType)) {
      if (p.filename !== undefined) {
        if (uploads.some((u) => u.key === p.name)) {
          formIssues.push({
            path: [p.name],
            code: 'BASE_TYPE_DUPLICATE',
            message: 'File parameter names must be unique.',
            detail: `two parts named ${p.name}`,
          });
        }
        const u: UploadPart = { key: p.name, filename: p.filename, bytes: p.data };
        if (p.contentType !== undefined) u.contentType = p.contentType;
        uploads.push(u);
      } else if (/^files\[\d+\]$/.test(p.name)) {
        formIssues.push({
          path: [p.name],
          code: 'BASE_TYPE_REQUIRED',
          message: 'This field is required',
          detail: 'a files[n] part without a filename in its Content-Disposition',
        });
      } else if (p.name === 'payload_json') payload = json(p.data.toString('utf8'));
      else fields[p.name] = p.data.toString('utf8');
    }
    const files = uploads.map((u) => ({ name: u.filename, size: u.bytes.length }));
    const parts = { files, uploads, formIssues };
    if (payload) return { ...payload, ...parts };
    return { body: Object.keys(fields).length > 0 ? fields : null, ...parts };
  }
  return { ...json(raw.toString('utf8')), ...none };
}

const pointer = (path: (string | number)[]): string =>
  path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s === '' ? k : `${s}.${k}`), '') ||
  '(body)';

const issueText = (issues: Issue[]): string =>
  issues.map((i) => `${pointer(i.path)}: ${i.message}${i.detail ? ` (${i.detail})` : ''}`).join('; ');

/**
 * Issues of an interaction response (the answer to Discord's POST, which the bot sends as its HTTP response,
 * so the test bench hands it over): a message (4) or an update (7) is a message body; a deferral (5, 6) "the only
 * valid message flag you may use is EPHEMERAL" (Receiving and Responding, Interaction Callback Data: a V2 answer
 * sets IS_COMPONENTS_V2 on the @original edit instead). Modals, PONG and autocomplete are not checked here.
 */
function interactionResponseIssues(response: unknown): Issue[] {
  if (!isObject(response))
    return [
      { path: [], code: 'MODEL_TYPE_CONVERT', message: 'Only dictionaries may be used in a ModelType' },
    ];
  const data = response.data;
  if (response.type === 4 || response.type === 7) {
    if (!isObject(data))
      return [{ path: ['data'], code: 'BASE_TYPE_REQUIRED', message: 'This field is required' }];
    return messageIssues(data, true).map((i) => ({ ...i, path: ['data', ...i.path] }));
  }
  if (
    (response.type === 5 || response.type === 6) &&
    isObject(data) &&
    data.flags !== undefined &&
    data.flags !== null
  ) {
    if (typeof data.flags !== 'number' || (data.flags & ~FLAG_EPHEMERAL) !== 0) {
      return [
        {
          path: ['data', 'flags'],
          code: 'MESSAGE_FLAGS_INVALID',
          message: 'Invalid flags',
          detail: `got ${JSON.stringify(data.flags)}; a deferral takes only EPHEMERAL (64)`,
        },
      ];
    }
  }
  return [];
}

/** Discord's nested `errors` object: {embeds: {0: {title: {_errors: [{code, message}]}}}}. */
function errorTree(issues: Issue[]): Json {
  const root: Json = {};
  for (const issue of issues) {
    let node = root;
    for (const key of issue.path) {
      const k = String(key);
      if (!isObject(node[k])) node[k] = {};
      node = node[k] as Json;
    }
    const list = Array.isArray(node._errors) ? node._errors : [];
    list.push({ code: issue.code, message: issue.message });
    node._errors = list;
  }
  return root;
}

/** Discord's error codes for what the API spec checks (those of its 50035 answers; a generic one otherwise). */
const SPEC_CODES: Record<string, string> = {
  required: 'BASE_TYPE_REQUIRED',
  maxLength: 'BASE_TYPE_MAX_LENGTH',
  minLength: 'BASE_TYPE_MIN_LENGTH',
  maxItems: 'BASE_TYPE_MAX_LENGTH',
  minItems: 'BASE_TYPE_MIN_LENGTH',
  enum: 'BASE_TYPE_CHOICES',
  const: 'BASE_TYPE_CHOICES',
  union: 'UNION_TYPE_CHOICES',
  minimum: 'NUMBER_TYPE_MIN',
  maximum: 'NUMBER_TYPE_MAX',
  pattern: 'STRING_TYPE_REGEX',
};

/**
 * Where a request body breaks Discord's OpenAPI description (https://github.com/discord/discord-api-spec) for
 * `method` + `apiPath`, as form issues. Nothing when the spec is not at hand (see openapi.ts).
 */
function specIssues(method: string, apiPath: string, body: unknown): Issue[] {
  return validateRequest('discord', method, apiPath, body).map(specIssue);
}
function specIssue(e: SpecError): Issue {
  return {
    path: e.path,
    code: SPEC_CODES[e.keyword] ?? 'BASE_TYPE_INVALID',
    message: e.message,
    detail: 'API spec',
  };
}

/** The fake's own issues, then the spec's at paths those do not already name (the documented check is more precise). */
function withSpecIssues(issues: Issue[], spec: Issue[]): Issue[] {
  const named = new Set(issues.map((i) => JSON.stringify(i.path)));
  return [...issues, ...spec.filter((i) => !named.has(JSON.stringify(i.path)))];
}

// ---------------------------------------------------------------------------------------------
// Checks. Lengths are UTF-16 code units (JS `.length`): an emoji counts 2, stricter than Discord, never looser.
// ---------------------------------------------------------------------------------------------

function maxLength(issues: Issue[], v: unknown, path: (string | number)[], max: number): void {
  if (v === undefined || v === null) return;
  if (typeof v !== 'string') {
    issues.push({ path, code: 'BASE_TYPE_STRING', message: 'Could not interpret value as string.' });
  } else if (v.length > max) {
    issues.push({
      path,
      code: 'BASE_TYPE_MAX_LENGTH',
      message: `Must be ${max} or fewer in length.`,
      detail: `got ${v.length}`,
    });
  }
}

/** A required string of min..max characters. */
function boundedString(
  issues: Issue[],
  v: unknown,
  path: (string | number)[],
  min: number,
  max: number,
): void {
  if (v === undefined || v === null) {
    issues.push({ path, code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
  } else if (typeof v !== 'string') {
    issues.push({ path, code: 'BASE_TYPE_STRING', message: 'Could not interpret value as string.' });
  } else if (v.length < min || v.length > max) {
    issues.push({
      path,
      code: 'BASE_TYPE_BAD_LENGTH',
      message: `Must be between ${min} and ${max} in length.`,
      detail: `got ${v.length}`,
    });
  }
}

/** An array of at most `max` items (min when given); returns it, or undefined when absent/invalid. */
function arrayOf(
  issues: Issue[],
  v: unknown,
  path: (string | number)[],
  max: number,
  min = 0,
): unknown[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) {
    issues.push({ path, code: 'BASE_TYPE_ARRAY', message: 'Must be an array.' });
    return undefined;
  }
  if (v.length > max && min === 0) {
    issues.push({
      path,
      code: 'BASE_TYPE_MAX_LENGTH',
      message: `Must be ${max} or fewer in length.`,
      detail: `got ${v.length}`,
    });
  } else if (v.length < min || v.length > max) {
    issues.push({
      path,
      code: 'BASE_TYPE_BAD_LENGTH',
      message: `Must be between ${min} and ${max} in length.`,
      detail: `got ${v.length}`,
    });
  }
  return v;
}

/** Seconds rounded up to ms, as Discord's float `retry_after` / reset-after. */
const round3 = (n: number): number => Math.ceil(n * 1000) / 1000;
const textLength = (v: unknown): number => (typeof v === 'string' ? v.length : 0);

function checkEmbeds(issues: Issue[], embeds: unknown): void {
  // docs/platforms.md §3.4: ≤ 10 embeds a message.
  const list = arrayOf(issues, embeds, ['embeds'], MAX_EMBEDS);
  if (!list) return;
  let total = 0;
  list.forEach((e, i) => {
    const at = (...k: (string | number)[]) => ['embeds', i, ...k];
    if (!isObject(e)) {
      issues.push({
        path: at(),
        code: 'MODEL_TYPE_CONVERT',
        message: 'Only dictionaries may be used in a ModelType',
      });
      return;
    }
    // Discord reference, "Embed Limits": title 256, description 4,096.
    maxLength(issues, e.title, at('title'), MAX_EMBED_TITLE);
    maxLength(issues, e.description, at('description'), MAX_EMBED_DESCRIPTION);
    total += textLength(e.title) + textLength(e.description);
    // docs/platforms.md §3.4: ≤ 25 fields, field value ≤ 1,024; Discord reference: field name 256, both required.
    const fields = arrayOf(issues, e.fields, at('fields'), MAX_FIELDS);
    fields?.forEach((f, j) => {
      if (!isObject(f)) {
        issues.push({
          path: at('fields', j),
          code: 'MODEL_TYPE_CONVERT',
          message: 'Only dictionaries may be used in a ModelType',
        });
        return;
      }
      boundedString(issues, f.name, at('fields', j, 'name'), 1, MAX_FIELD_NAME);
      boundedString(issues, f.value, at('fields', j, 'value'), 1, MAX_FIELD_VALUE);
      total += textLength(f.name) + textLength(f.value);
    });
    // Discord reference, "Embed Limits": footer.text 2,048, author.name 256.
    if (isObject(e.footer)) {
      maxLength(issues, e.footer.text, at('footer', 'text'), MAX_FOOTER_TEXT);
      total += textLength(e.footer.text);
    }
    if (isObject(e.author)) {
      maxLength(issues, e.author.name, at('author', 'name'), MAX_AUTHOR_NAME);
      total += textLength(e.author.name);
    }
  });
  // docs/platforms.md §3.4: 6,000 characters in total (title, description, field names and values, footer text, author name of all embeds).
  if (total > MAX_EMBED_TOTAL) {
    issues.push({
      path: ['embeds'],
      code: 'MAX_EMBED_SIZE_EXCEEDED',
      message: `Embed size exceeds maximum size of ${MAX_EMBED_TOTAL}`,
      detail: `got ${total}`,
    });
  }
}

const SELECT_TYPES = new Set([3, 5, 6, 7, 8]);
// Component Reference (https://discord.com/developers/docs/components/reference) and the API spec
// (github.com/discord/discord-api-spec): what a Components V2 message may hold.
// "Messages allow up to 40 total components" (nested ones count: a section with one text display and a
// button is three); Discord answers COMPONENT_MAX_TOTAL_COMPONENTS_EXCEEDED past it.
const MAX_V2_COMPONENTS = 40;
// Text Display `content` 1–4,000 (spec); the text displays of a message "may total up to 4000 characters"
// (github.com/discord/discord-api-docs/pull/8562).
const MAX_V2_TEXT = 4000;
// Top level (spec, MessageCreateRequest.components): action row, section, text display, media gallery, file,
// separator, container. Inside a container: the same but a container (Container Structure).
const V2_TOP_LEVEL = new Set([1, 9, 10, 12, 13, 14, 17]);
const V2_IN_CONTAINER = new Set([1, 9, 10, 12, 13, 14]);

/** custom_id of interactive components: required, 1–100 characters, unique among all components of the message. */
type CustomIdCheck = (v: unknown, path: (string | number)[]) => void;
function customIdCheck(issues: Issue[]): CustomIdCheck {
  const customIds = new Set<string>();
  return (v, path) => {
    if (v === undefined || v === null) {
      issues.push({ path, code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
      return;
    }
    // docs/platforms.md §3.4: `custom_id` ≤ 100 characters; Discord reference: unique among the components of a message.
    boundedString(issues, v, path, 1, MAX_CUSTOM_ID);
    if (typeof v !== 'string') return;
    if (customIds.has(v)) {
      issues.push({
        path,
        code: 'COMPONENT_CUSTOM_ID_DUPLICATED',
        message: 'Component custom id cannot be duplicated',
        detail: `"${v}"`,
      });
    }
    customIds.add(v);
  };
}

const notAnObject = (issues: Issue[], path: (string | number)[]): void => {
  issues.push({ path, code: 'MODEL_TYPE_CONVERT', message: 'Only dictionaries may be used in a ModelType' });
};

function checkButton(
  issues: Issue[],
  c: Json,
  at: (...k: (string | number)[]) => (string | number)[],
  customId: CustomIdCheck,
): void {
  // Discord reference, "Button": label ≤ 80; link buttons (style 5) have a url and no custom_id,
  // premium buttons (style 6) a sku_id, the others a custom_id.
  maxLength(issues, c.label, at('label'), MAX_BUTTON_LABEL);
  if (c.style === 5) {
    if (typeof c.url !== 'string' || c.url === '') {
      issues.push({ path: at('url'), code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
    }
    if (c.custom_id !== undefined) {
      issues.push({
        path: at('custom_id'),
        code: 'BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED',
        message: 'A link button cannot have a custom_id',
      });
    }
  } else if (c.style === 6) {
    if (typeof c.sku_id !== 'string') {
      issues.push({ path: at('sku_id'), code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
    }
  } else if (typeof c.style === 'number' && c.style >= 1 && c.style <= 4) {
    customId(c.custom_id, at('custom_id'));
  } else {
    issues.push({
      path: at('style'),
      code: 'BASE_TYPE_CHOICES',
      message: 'Value must be one of (1, 2, 3, 4, 5, 6).',
    });
  }
}

/** An action row (type checked by the caller) at `path`: 1–5 buttons or one select. */
function checkActionRow(
  issues: Issue[],
  row: Json,
  path: (string | number)[],
  customId: CustomIdCheck,
): void {
  const at = (...k: (string | number)[]) => [...path, 'components', ...k];
  // docs/platforms.md §3.4: 5 buttons per row.
  if (row.components === undefined || row.components === null) {
    issues.push({ path: at(), code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
    return;
  }
  const items = arrayOf(issues, row.components, at(), MAX_BUTTONS_PER_ROW, 1);
  if (!items) return;
  const selects = items.filter((c) => isObject(c) && typeof c.type === 'number' && SELECT_TYPES.has(c.type));
  // Discord reference, "Action Rows": up to 5 buttons, or a single select menu.
  if (selects.length > 0 && items.length > 1) {
    issues.push({
      path: at(),
      code: 'COMPONENT_LAYOUT_WIDTH_EXCEEDED',
      message: 'The specified component exceeds the maximum width',
    });
  }
  items.forEach((c, j) => {
    if (!isObject(c)) notAnObject(issues, at(j));
    else if (c.type === 2) checkButton(issues, c, (...k) => at(j, ...k), customId);
    else if (typeof c.type === 'number' && SELECT_TYPES.has(c.type)) {
      customId(c.custom_id, at(j, 'custom_id'));
      maxLength(issues, c.placeholder, at(j, 'placeholder'), MAX_PLACEHOLDER);
      if (c.type === 3) {
        // docs/platforms.md §3.4: select ≤ 25 options (and at least 1, Discord reference).
        if (c.options === undefined || c.options === null) {
          issues.push({
            path: at(j, 'options'),
            code: 'BASE_TYPE_REQUIRED',
            message: 'This field is required',
          });
        }
        const options = arrayOf(issues, c.options, at(j, 'options'), MAX_SELECT_OPTIONS, 1);
        options?.forEach((o, k) => {
          if (!isObject(o)) return;
          boundedString(issues, o.label, at(j, 'options', k, 'label'), 1, MAX_SELECT_OPTION_TEXT);
          boundedString(issues, o.value, at(j, 'options', k, 'value'), 1, MAX_SELECT_OPTION_TEXT);
          maxLength(issues, o.description, at(j, 'options', k, 'description'), MAX_SELECT_OPTION_TEXT);
        });
      }
    } else {
      // Text inputs (4) only exist in modals.
      issues.push({
        path: at(j, 'type'),
        code: 'UNION_TYPE_CHOICES',
        message: 'Value of field "type" must be one of (2, 3, 5, 6, 7, 8).',
      });
    }
  });
}

/** Components of a message without IS_COMPONENTS_V2: ≤ 5 action rows, nothing else. */
function checkComponents(issues: Issue[], components: unknown): void {
  // docs/platforms.md §3.4: ≤ 5 action rows.
  const rows = arrayOf(issues, components, ['components'], MAX_ROWS);
  if (!rows) return;
  const customId = customIdCheck(issues);
  rows.forEach((row, i) => {
    if (!isObject(row) || row.type !== 1) {
      // Without the IS_COMPONENTS_V2 flag top-level components must be action rows (sections, text
      // displays, containers... need the flag).
      issues.push({
        path: ['components', i, 'type'],
        code: 'UNION_TYPE_CHOICES',
        message: 'Value of field "type" must be one of (1,).',
      });
      return;
    }
    checkActionRow(issues, row, ['components', i], customId);
  });
}

/**
 * Components of a message with IS_COMPONENTS_V2: the layout components, nested as the Component Reference
 * allows; at most 40 in all counting nested ones (accessories too), text displays within 4,000 characters
 * together, a custom_id unique across the whole message.
 */
function checkComponentsV2(issues: Issue[], components: unknown): void {
  const top = arrayOf(issues, components, ['components'], MAX_V2_COMPONENTS);
  if (!top) return;
  const customId = customIdCheck(issues);
  let count = 0;
  let text = 0;
  const typeChoice = (path: (string | number)[], allowed: Set<number>) =>
    issues.push({
      path: [...path, 'type'],
      code: 'UNION_TYPE_CHOICES',
      message: `Value of field "type" must be one of (${[...allowed].join(', ')}).`,
    });
  const textDisplay = (c: Json, path: (string | number)[]): void => {
    boundedString(issues, c.content, [...path, 'content'], 1, MAX_V2_TEXT);
    text += textLength(c.content);
  };
  const walk = (c: unknown, path: (string | number)[], allowed: Set<number>): void => {
    if (!isObject(c)) {
      notAnObject(issues, path);
      return;
    }
    count++;
    if (typeof c.type !== 'number' || !allowed.has(c.type)) {
      typeChoice(path, allowed);
      return;
    }
    const at = (...k: (string | number)[]) => [...path, ...k];
    switch (c.type) {
      case 1: {
        checkActionRow(issues, c, path, customId);
        count += Array.isArray(c.components) ? c.components.length : 0;
        return;
      }
      case 9: {
        // Section: "One to three text components" and "A thumbnail or a button component" as accessory.
        const texts = arrayOf(issues, c.components, at('components'), 3, 1);
        if (c.components === undefined || c.components === null) {
          issues.push({
            path: at('components'),
            code: 'BASE_TYPE_REQUIRED',
            message: 'This field is required',
          });
        }
        texts?.forEach((t, j) => {
          if (!isObject(t)) notAnObject(issues, at('components', j));
          else if (t.type !== 10) typeChoice(at('components', j), new Set([10]));
          else textDisplay(t, at('components', j));
          count++;
        });
        const accessory = c.accessory;
        if (!isObject(accessory)) {
          issues.push({
            path: at('accessory'),
            code: 'BASE_TYPE_REQUIRED',
            message: 'This field is required',
          });
          return;
        }
        count++;
        if (accessory.type === 2) checkButton(issues, accessory, (...k) => at('accessory', ...k), customId);
        else if (accessory.type !== 11) typeChoice(at('accessory'), new Set([2, 11]));
        return;
      }
      case 10:
        textDisplay(c, path);
        return;
      case 14:
        // Separator: spacing 1 (small) or 2 (large).
        if (c.spacing !== undefined && c.spacing !== null && c.spacing !== 1 && c.spacing !== 2) {
          issues.push({
            path: at('spacing'),
            code: 'BASE_TYPE_CHOICES',
            message: 'Value must be one of (1, 2).',
          });
        }
        return;
      case 17: {
        // Container: its children from V2_IN_CONTAINER (spec: 1–40 of them); accent_color 0x000000–0xFFFFFF.
        if (c.components === undefined || c.components === null) {
          issues.push({
            path: at('components'),
            code: 'BASE_TYPE_REQUIRED',
            message: 'This field is required',
          });
        }
        const kids = arrayOf(issues, c.components, at('components'), MAX_V2_COMPONENTS, 1);
        kids?.forEach((k, j) => {
          walk(k, at('components', j), V2_IN_CONTAINER);
        });
        const color = c.accent_color;
        if (
          color !== undefined &&
          color !== null &&
          (!Number.isInteger(color) || (color as number) < 0 || (color as number) > 0xffffff)
        ) {
          issues.push({
            path: at('accent_color'),
            code: 'NUMBER_TYPE_MAX',
            message: 'int value should be <= 16777215 and >= 0.',
          });
        }
        return;
      }
      default:
        // Media gallery (12) and file (13): accepted as sent, this bot sends neither.
        return;
    }
  };
  top.forEach((c, i) => {
    walk(c, ['components', i], V2_TOP_LEVEL);
  });
  if (count > MAX_V2_COMPONENTS) {
    issues.push({
      path: ['components'],
      code: 'COMPONENT_MAX_TOTAL_COMPONENTS_EXCEEDED',
      message: `Maximum number of components exceeded (${MAX_V2_COMPONENTS})`,
      detail: `got ${count}, nested ones counted`,
    });
  }
  if (text > MAX_V2_TEXT) {
    // Discord documents the limit, not its error code: the fake names it.
    issues.push({
      path: ['components'],
      code: 'COMPONENT_MAX_TOTAL_TEXT_LENGTH_EXCEEDED',
      message: `The text displays of a message must total ${MAX_V2_TEXT} characters or fewer`,
      detail: `got ${text}`,
    });
  }
}

/**
 * Limits of a message body (create, edit, follow-up); files are checked by resolveAttachments. `existing` is the
 * message an edit applies to: its flags hold when the edit sends none, and IS_COMPONENTS_V2 cannot be taken off it
 * ("once a message has been sent with this flag, it can't be removed", Component Reference).
 */
function messageIssues(b: Json, interaction: boolean, existing?: DiscordMessage): Issue[] {
  const issues: Issue[] = [];
  const flags = typeof b.flags === 'number' ? b.flags : (existing?.flags ?? 0);
  const v2 = (flags & FLAG_COMPONENTS_V2) !== 0;
  if (v2) {
    // Component Reference: with the flag "the `content` and `embeds` fields will no longer work", and "the `poll`
    // and `stickers` fields are disabled"; Discord refuses them (MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2),
    // also when an edit turns the flag on and leaves the message's old content or embeds in place.
    const legacy = (key: string, sent: boolean, kept: boolean) => {
      if (!sent && !kept) return;
      issues.push({
        path: [key],
        code: 'MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2',
        message: `The '${key}' field cannot be used when using MessageFlags.IS_COMPONENTS_V2`,
        ...(sent ? {} : { detail: `the message still has its ${key}` }),
      });
    };
    const filled = (v: unknown) => (typeof v === 'string' && v !== '') || (Array.isArray(v) && v.length > 0);
    legacy('content', filled(b.content), b.content === undefined && existing?.content !== undefined);
    legacy('embeds', filled(b.embeds), b.embeds === undefined && existing?.embeds !== undefined);
    legacy('poll', isObject(b.poll), false);
    legacy('sticker_ids', filled(b.sticker_ids), false);
    checkComponentsV2(issues, b.components);
  } else {
    // docs/platforms.md §3.4: message content ≤ 2,000 characters.
    maxLength(issues, b.content, ['content'], MAX_CONTENT);
    checkEmbeds(issues, b.embeds);
    checkComponents(issues, b.components);
  }
  if (b.flags !== undefined && b.flags !== null) {
    // Discord reference: a bot may set SUPPRESS_EMBEDS and IS_COMPONENTS_V2; EPHEMERAL only on interaction responses.
    const allowed = (interaction ? FLAG_EPHEMERAL : 0) | FLAG_SUPPRESS_EMBEDS | FLAG_COMPONENTS_V2;
    if (typeof b.flags !== 'number' || !Number.isInteger(b.flags) || (b.flags & ~allowed) !== 0) {
      issues.push({
        path: ['flags'],
        code: 'MESSAGE_FLAGS_INVALID',
        message: 'Invalid flags',
        detail: `got ${JSON.stringify(b.flags)}, allowed ${interaction ? '64, 4 and 32768' : '4 and 32768'}`,
      });
    } else if (((existing?.flags ?? 0) & FLAG_COMPONENTS_V2) !== 0 && !v2) {
      issues.push({
        path: ['flags'],
        code: 'MESSAGE_FLAGS_INVALID',
        message: 'IS_COMPONENTS_V2 cannot be removed from a message',
        detail: `got ${b.flags} on a message sent with 32768`,
      });
    }
  }
  return issues;
}

/** What a message's attachments will be: existing ones kept, or new ones from a `files[n]` part. */
type AttachmentPlan =
  | { keep: DiscordAttachment; description?: string }
  | { upload: UploadPart; filename: string; description?: string };

/**
 * The attachments a create (existing undefined) or edit leaves on the message. Without an `attachments` field every
 * file part is added (to the existing ones on an edit). With one, the message has exactly what it lists: "When making
 * a `PATCH` request, only files listed in the `attachments` parameter will be appended to the message. Any
 * previously-added files that aren't included will be removed" (Uploading Files); an id that is neither a `files[n]`
 * index nor an attachment of the message is Discord's ATTACHMENT_NOT_FOUND, "Attachment data not found".
 */
function resolveAttachments(
  issues: Issue[],
  attachments: unknown,
  uploads: UploadPart[],
  existing: DiscordAttachment[] | undefined,
): AttachmentPlan[] {
  const fresh = (u: UploadPart): AttachmentPlan => ({ upload: u, filename: u.filename });
  if (attachments === undefined || attachments === null) {
    return [...(existing ?? []).map((keep) => ({ keep })), ...uploads.map(fresh)];
  }
  const list = arrayOf(issues, attachments, ['attachments'], MAX_FILES);
  if (!list) return [];
  const byIndex = new Map(uploads.map((u) => [/^files\[(\d+)\]$/.exec(u.key)?.[1] ?? u.key, u]));
  const plan: AttachmentPlan[] = [];
  list.forEach((a, i) => {
    if (!isObject(a)) {
      issues.push({
        path: ['attachments', i],
        code: 'MODEL_TYPE_CONVERT',
        message: 'Only dictionaries may be used in a ModelType',
      });
      return;
    }
    if (typeof a.id !== 'string' && typeof a.id !== 'number') {
      issues.push({
        path: ['attachments', i, 'id'],
        code: 'BASE_TYPE_REQUIRED',
        message: 'This field is required',
      });
      return;
    }
    if (a.filename !== undefined && a.filename !== null) {
      boundedString(issues, a.filename, ['attachments', i, 'filename'], 1, MAX_ATTACHMENT_TEXT);
    }
    maxLength(issues, a.description, ['attachments', i, 'description'], MAX_ATTACHMENT_TEXT);
    const id = String(a.id);
    const description = typeof a.description === 'string' ? { description: a.description } : {};
    const upload = byIndex.get(id);
    const kept = existing?.find((e) => e.id === id);
    if (upload) {
      const filename = typeof a.filename === 'string' && a.filename !== '' ? a.filename : upload.filename;
      plan.push({ upload, filename, ...description });
    } else if (kept) plan.push({ keep: kept, ...description });
    else {
      issues.push({
        path: ['attachments', i],
        code: 'ATTACHMENT_NOT_FOUND',
        message: 'Attachment data not found',
        detail: `id ${JSON.stringify(a.id)} is no files[n] part${existing ? ' and no attachment of the message' : ''}`,
      });
    }
  });
  return plan;
}

/** Limits of a bulk overwrite (PUT .../commands). */
function commandIssues(commands: unknown[]): Issue[] {
  const issues: Issue[] = [];
  const chatName = (v: unknown, path: (string | number)[]): void => {
    // Discord reference: CHAT_INPUT command and option names match COMMAND_NAME and are lower-case.
    if (typeof v !== 'string') {
      issues.push({ path, code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
    } else if (!COMMAND_NAME.test(v) || v !== v.toLowerCase()) {
      issues.push({
        path,
        code: 'APPLICATION_COMMAND_INVALID_NAME',
        message: 'Command name is invalid',
        detail: JSON.stringify(v),
      });
    }
  };
  const localized = (
    v: unknown,
    path: (string | number)[],
    check: (value: unknown, at: (string | number)[]) => void,
  ): void => {
    if (!isObject(v)) return;
    for (const [locale, value] of Object.entries(v)) if (value !== null) check(value, [...path, locale]);
  };
  const description = (v: unknown, at: (string | number)[]): void =>
    boundedString(issues, v, at, 1, MAX_COMMAND_DESCRIPTION);
  const choiceText = (v: unknown, at: (string | number)[]): void =>
    boundedString(issues, v, at, 1, MAX_CHOICE_TEXT);

  const options = (
    list: unknown,
    path: (string | number)[],
    level: 'command' | 'subcommand' | 'group',
  ): void => {
    // Discord reference: ≤ 25 options (so ≤ 25 subcommands or groups per command, ≤ 25 subcommands per group).
    const opts = arrayOf(issues, list, path, MAX_OPTIONS);
    if (!opts) return;
    const names = new Set<string>();
    let optional = false;
    const subs = opts.filter((o) => isObject(o) && (o.type === 1 || o.type === 2)).length;
    if (subs > 0 && subs < opts.length) {
      issues.push({
        path,
        code: 'APPLICATION_COMMAND_OPTIONS_TYPE_INVALID',
        message: 'Sub-command and sub-command group option types are mutually exclusive to all other types',
      });
    }
    opts.forEach((o, j) => {
      const at = (...k: (string | number)[]) => [...path, j, ...k];
      if (!isObject(o)) {
        issues.push({
          path: at(),
          code: 'MODEL_TYPE_CONVERT',
          message: 'Only dictionaries may be used in a ModelType',
        });
        return;
      }
      const type = o.type;
      if (typeof type !== 'number' || !Number.isInteger(type) || type < 1 || type > 11) {
        issues.push({
          path: at('type'),
          code: 'BASE_TYPE_CHOICES',
          message: 'Value must be one of (1, 2, …, 11).',
        });
      } else if (
        (level === 'subcommand' && (type === 1 || type === 2)) ||
        (level === 'group' && type !== 1)
      ) {
        issues.push({
          path: at('type'),
          code: 'APPLICATION_COMMAND_OPTIONS_TYPE_INVALID',
          message:
            level === 'group'
              ? 'Sub-command groups may only contain sub-commands'
              : 'Sub-commands cannot be nested this way',
        });
      }
      chatName(o.name, at('name'));
      localized(o.name_localizations, at('name_localizations'), chatName);
      description(o.description, at('description'));
      localized(o.description_localizations, at('description_localizations'), description);
      if (typeof o.name === 'string') {
        if (names.has(o.name)) {
          issues.push({
            path: at('name'),
            code: 'APPLICATION_COMMAND_OPTION_NAME_ALREADY_EXISTS',
            message: 'Option names must be unique',
            detail: JSON.stringify(o.name),
          });
        }
        names.add(o.name);
      }
      if (type === 1) options(o.options, at('options'), 'subcommand');
      else if (type === 2) options(o.options, at('options'), 'group');
      else {
        // Discord reference: required options must come before optional ones.
        if (o.required === true && optional) {
          issues.push({
            path: at('required'),
            code: 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
            message: 'Required options must be placed before non-required options',
          });
        }
        if (o.required !== true) optional = true;
        // Discord reference: ≤ 25 choices; choice name 1-100 (also localized), string value ≤ 100.
        const choices = arrayOf(issues, o.choices, at('choices'), MAX_CHOICES);
        choices?.forEach((c, k) => {
          if (!isObject(c)) return;
          choiceText(c.name, at('choices', k, 'name'));
          localized(c.name_localizations, at('choices', k, 'name_localizations'), choiceText);
          if (typeof c.value === 'string')
            maxLength(issues, c.value, at('choices', k, 'value'), MAX_CHOICE_TEXT);
        });
      }
    });
  };

  const seen = new Set<string>();
  commands.forEach((c, i) => {
    if (!isObject(c)) {
      issues.push({
        path: [i],
        code: 'MODEL_TYPE_CONVERT',
        message: 'Only dictionaries may be used in a ModelType',
      });
      return;
    }
    const type = c.type ?? 1;
    if (type === 1) {
      chatName(c.name, [i, 'name']);
      localized(c.name_localizations, [i, 'name_localizations'], chatName);
      description(c.description, [i, 'description']);
      localized(c.description_localizations, [i, 'description_localizations'], description);
      options(c.options, [i, 'options'], 'command');
    } else {
      // Discord reference: USER and MESSAGE commands: name 1-32 (any case, spaces allowed), empty description.
      boundedString(issues, c.name, [i, 'name'], 1, 32);
      localized(c.name_localizations, [i, 'name_localizations'], (v, at) =>
        boundedString(issues, v, at, 1, 32),
      );
      if (typeof c.description === 'string' && c.description !== '') {
        issues.push({
          path: [i, 'description'],
          code: 'APPLICATION_COMMAND_DESCRIPTION_INVALID',
          message: 'Description must be empty for this command type',
        });
      }
    }
    const key = `${String(type)}:${String(c.name)}`;
    if (typeof c.name === 'string' && seen.has(key)) {
      issues.push({
        path: [i, 'name'],
        code: 'APPLICATION_COMMANDS_DUPLICATE_NAME',
        message: 'Application command names must be unique',
        detail: JSON.stringify(c.name),
      });
    }
    seen.add(key);
  });
  return issues;
}

// ---------------------------------------------------------------------------------------------

export async function startFakeDiscord(options: FakeDiscordOptions): Promise<FakeDiscord> {
  const now = options.now ?? Date.now;
  const appId = options.applicationId;
  let routeRate = options.routeRate ?? DEFAULT_ROUTE_RATE;
  let globalRate = options.globalRate ?? DEFAULT_GLOBAL_RATE;
  let buckets = new Map<string, Bucket>();
  let globalBucket: Bucket = { tokens: globalRate, last: performance.now() };
  let failures: { route: string; status: number }[] = [];
  const tokens = new Map<string, TokenState>();
  const blocked = new Set<string>();
  /** DM channel id -> user id. */
  const dmUsers = new Map<string, string>();
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const maxRequestBytes = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  let lastSnowflake = 0n;

  /** Unique, increasing snowflake (17-19 digits) from the real clock. */
  function snowflake(): string {
    let id = (BigInt(Date.now()) - DISCORD_EPOCH) << 22n;
    if (id <= lastSnowflake) id = lastSnowflake + 1n;
    lastSnowflake = id;
    return id.toString();
  }
  const snowflakeTime = (id: string): number => {
    try {
      return Number((BigInt(id) >> 22n) + DISCORD_EPOCH);
    } catch {
      return now();
    }
  };

  /**
   * Token bucket refilled by real time: capacity = rate, `rate` tokens per second. Returns 0 when taken,
   * else the seconds until one token is back; `remaining` and `resetAfter` (seconds until full) describe it
   * after the attempt, like Discord's X-RateLimit-Remaining / -Reset-After.
   */
  function take(b: Bucket, rate: number): { wait: number; remaining: number; resetAfter: number } {
    const t = performance.now();
    const capacity = Math.max(1, rate);
    b.tokens = Math.min(capacity, b.tokens + ((t - b.last) / 1000) * rate);
    b.last = t;
    let wait = 0;
    if (b.tokens >= 1) b.tokens -= 1;
    else wait = (1 - b.tokens) / rate;
    return { wait, remaining: Math.floor(b.tokens), resetAfter: (capacity - b.tokens) / rate };
  }

  const invalidForm = (what: string, issues: Issue[]): Answer => ({
    status: 400,
    body: { code: 50035, message: 'Invalid Form Body', errors: errorTree(issues) },
    violation: `${what}: ${issueText(issues)}`,
  });
  const badJson = (): Answer => ({
    status: 400,
    body: { code: 50109, message: 'The request body contains invalid JSON.' },
  });

  function messageJson(m: DiscordMessage): Json {
    const out: Json = {
      id: m.id,
      type: 0,
      channel_id: m.channel_id,
      author: {
        id: appId,
        username: 'fake-bot',
        discriminator: '0000',
        global_name: null,
        avatar: null,
        bot: true,
      },
      content: m.content ?? '',
      timestamp: new Date(snowflakeTime(m.id)).toISOString(),
      edited_timestamp: m.edited ? new Date(now()).toISOString() : null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: m.attachments.map((a) => {
        const out: Json = {
          id: a.id,
          filename: a.filename,
          size: a.size,
          url: a.url,
          proxy_url: a.proxy_url,
          content_type: a.content_type,
        };
        if (a.description !== undefined) out.description = a.description;
        return out;
      }),
      embeds: m.embeds ?? [],
      components: m.components ?? [],
      pinned: false,
      flags: m.flags ?? 0,
    };
    if (m.author === 'webhook') {
      out.webhook_id = appId;
      out.application_id = appId;
    }
    return out;
  }

  /** Applies the fields of a create/edit body to a message (null or [] clears, absent keeps); `attachments` replace its files. */
  function apply(m: DiscordMessage, b: Json, attachments: DiscordAttachment[]): void {
    if (typeof b.content === 'string' && b.content !== '') m.content = b.content;
    else if (b.content !== undefined) delete m.content;
    if (Array.isArray(b.embeds) && b.embeds.length > 0) m.embeds = b.embeds;
    else if (b.embeds !== undefined) delete m.embeds;
    if (Array.isArray(b.components) && b.components.length > 0) m.components = b.components;
    else if (b.components !== undefined) delete m.components;
    if (typeof b.flags === 'number') m.flags = b.flags;
    m.attachments = attachments;
    m.files = attachments.map((a) => ({ name: a.filename, size: a.size }));
  }

  /** The attachments of a plan, new files stored under fresh snowflakes in the message's channel. */
  function materialize(plan: AttachmentPlan[], channelId: string): DiscordAttachment[] {
    return plan.map((p) => {
      if ('keep' in p)
        return p.description === undefined ? p.keep : { ...p.keep, description: p.description };
      const id = snowflake();
      const url = `${fake.url}/attachments/${channelId}/${id}/${encodeURIComponent(p.filename)}`;
      const declared = p.upload.contentType?.split(';')[0]?.trim().toLowerCase();
      const a: DiscordAttachment = {
        id,
        filename: p.filename,
        size: p.upload.bytes.length,
        content_type: declared && declared !== 'application/octet-stream' ? declared : mimeTypeOf(p.filename),
        url,
        proxy_url: url,
        bytes: Buffer.from(p.upload.bytes),
      };
      if (p.description !== undefined) a.description = p.description;
      return a;
    });
  }
  const isEmpty = (m: DiscordMessage, b: Json): boolean =>
    m.content === undefined &&
    m.embeds === undefined &&
    m.components === undefined &&
    m.files.length === 0 &&
    !(Array.isArray(b.sticker_ids) && b.sticker_ids.length > 0) &&
    !isObject(b.poll);
  // Discord: a message with nothing to show is refused with 50006 (not a 50035 form error).
  const EMPTY: Answer = { status: 400, body: { code: 50006, message: 'Cannot send an empty message' } };

  /**
   * Checks a create/edit body, then runs `guard` (a refusal that is not a form error), then creates the
   * message `target()` returns or edits `target` in place. Returns the answer to send.
   */
  function writeMessage(
    req: Req,
    what: string,
    interaction: boolean,
    target: DiscordMessage | (() => DiscordMessage),
    guard?: () => Answer | undefined,
  ): Answer {
    // A multipart body of file parts only (no payload_json, no fields) is a message of files.
    const body = req.body === null && req.uploads.length > 0 ? {} : req.body;
    if (!isObject(body)) return badJson();
    const b = body;
    const editing = typeof target !== 'function';
    const issues = [...req.formIssues, ...messageIssues(b, interaction, editing ? target : undefined)];
    const plan = resolveAttachments(
      issues,
      b.attachments,
      req.uploads,
      editing ? target.attachments : undefined,
    );
    const all = withSpecIssues(issues, req.specIssues);
    if (all.length > 0) return invalidForm(what, all);
    if (plan.length > MAX_FILES) {
      return {
        status: 400,
        body: { code: 30015, message: `Maximum number of attachments in a message reached (${MAX_FILES})` },
        violation: `${what}: ${plan.length} attachments (max ${MAX_FILES})`,
      };
    }
    const refused = guard?.();
    if (refused) return refused;
    const draft: DiscordMessage = editing
      ? { ...target, files: [...target.files], attachments: [...target.attachments] }
      : target();
    const attachments = materialize(plan, draft.channel_id);
    apply(draft, b, attachments);
    if (isEmpty(draft, b)) {
      return { ...EMPTY, violation: `${what}: empty message (no content, embeds, components or files)` };
    }
    for (const a of attachments) if (!fake.attachments.includes(a)) fake.attachments.push(a);
    if (!editing) {
      fake.messages.push(draft);
      return { status: 200, body: messageJson(draft) };
    }
    Object.assign(target, draft);
    for (const k of ['content', 'embeds', 'components'] as const)
      if (draft[k] === undefined) delete target[k];
    target.edited = true;
    return { status: 200, body: messageJson(target) };
  }

  /** The live state of an interaction token, or the 404 to answer. */
  function interactionToken(app: string, token: string, what: string): TokenState | Answer {
    const state = tokens.get(token);
    if (app !== appId || !state) return { status: 404, body: UNKNOWN_WEBHOOK };
    // docs/platforms.md §3.2: follow-ups use the interaction token, valid 15 minutes.
    if (now() - state.issuedAt > INTERACTION_TOKEN_TTL_MS) {
      return {
        status: 404,
        body: UNKNOWN_WEBHOOK,
        violation: `${what}: interaction token used after 15 minutes`,
      };
    }
    return state;
  }
  const isAnswer = (v: TokenState | Answer): v is Answer => 'status' in v;
  const original = (token: string): DiscordMessage | undefined =>
    fake.messages.find((m) => m.interactionToken === token && m.original);
  const webhookMessage = (token: string, id: string): DiscordMessage | undefined =>
    id === '@original'
      ? original(token)
      : fake.messages.find((m) => m.interactionToken === token && m.id === id);

  function editWebhookMessage(req: Req, p: string[]): Answer {
    const [app = '', token = '', id = '@original'] = p;
    const state = interactionToken(app, token, req.route);
    if (isAnswer(state)) return state;
    const target = webhookMessage(token, id);
    if (target) return writeMessage(req, req.route, true, target);
    if (id !== '@original') return { status: 404, body: UNKNOWN_MESSAGE };
    // The @original of a deferred reply comes into being with its first edit.
    return writeMessage(req, req.route, true, () => ({
      id: snowflake(),
      channel_id: state.channelId,
      author: 'webhook',
      interactionToken: token,
      original: true,
      files: [],
      attachments: [],
    }));
  }

  function putCommands(req: Req, guildId?: string): Answer {
    if (!Array.isArray(req.body)) {
      if (req.body === null || isObject(req.body)) {
        return invalidForm(req.route, [{ path: [], code: 'BASE_TYPE_ARRAY', message: 'Must be an array.' }]);
      }
      return badJson();
    }
    const list: unknown[] = req.body;
    // docs/platforms.md §3.7: ≤ 100 global chat-input commands.
    const chatInput = list.filter((c) => isObject(c) && (c.type ?? 1) === 1).length;
    if (chatInput > MAX_CHAT_INPUT_COMMANDS) {
      return {
        status: 400,
        body: {
          code: 30032,
          message: `Maximum number of application commands reached (${MAX_CHAT_INPUT_COMMANDS})`,
        },
        violation: `${req.route}: ${chatInput} chat-input commands (max ${MAX_CHAT_INPUT_COMMANDS})`,
      };
    }
    const issues = withSpecIssues(commandIssues(list), req.specIssues);
    if (issues.length > 0) return invalidForm(req.route, issues);
    const previous = guildId === undefined ? fake.commands.global : (fake.commands.guilds.get(guildId) ?? []);
    const echoed = (list as Json[]).map((c) => {
      const type = c.type ?? 1;
      // Discord keeps the id of a command whose name (and type) is unchanged by an overwrite.
      const same = previous.find((p) => p.name === c.name && p.type === type);
      const out: Json = {
        default_member_permissions: null,
        nsfw: false,
        description: '',
        ...c,
        id: same?.id ?? snowflake(),
        application_id: appId,
        version: snowflake(),
        type,
      };
      if (guildId !== undefined) out.guild_id = guildId;
      return out;
    });
    if (guildId === undefined) fake.commands.global = echoed;
    else fake.commands.guilds.set(guildId, echoed);
    return { status: 200, body: echoed };
  }

  const channelMajor = (p: string[]): string => p[0] ?? '';
  const webhookMajor = (p: string[]): string => `${p[0] ?? ''}/${p[1] ?? ''}`;

  const routes: Route[] = [
    {
      method: 'GET',
      pattern: /^\/gateway\/bot$/,
      route: 'GET /gateway/bot',
      handle: () => ({
        status: 200,
        body: {
          url: fake.gateway.url,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 1000, reset_after: 86_400_000, max_concurrency: 1 },
        },
      }),
    },
    {
      method: 'POST',
      pattern: /^\/users\/@me\/channels$/,
      route: 'POST /users/@me/channels',
      handle: (req) => {
        const b = req.body;
        if (!isObject(b)) return badJson();
        const user =
          typeof b.recipient_id === 'string' || typeof b.recipient_id === 'number'
            ? String(b.recipient_id)
            : '';
        const missing: Issue[] =
          user === ''
            ? [{ path: ['recipient_id'], code: 'BASE_TYPE_REQUIRED', message: 'This field is required' }]
            : [];
        const issues = withSpecIssues(missing, req.specIssues);
        if (issues.length > 0) return invalidForm(req.route, issues);
        let id = fake.dmChannels.get(user);
        if (!id) {
          id = snowflake();
          fake.dmChannels.set(user, id);
          dmUsers.set(id, user);
        }
        return {
          status: 200,
          body: {
            id,
            type: 1,
            last_message_id: null,
            flags: 0,
            recipients: [
              {
                id: user,
                username: `user${user.slice(-4)}`,
                discriminator: '0',
                global_name: null,
                avatar: null,
              },
            ],
          },
        };
      },
    },
    {
      method: 'POST',
      pattern: /^\/channels\/([^/]+)\/messages$/,
      route: 'POST /channels/:id/messages',
      major: channelMajor,
      handle: (req, [channel = '']) => {
        const make = (): DiscordMessage => ({
          id: snowflake(),
          channel_id: channel,
          author: 'bot',
          files: [],
          attachments: [],
        });
        // The body is checked first, then the recipient (a user who does not accept DMs).
        const dmBlocked = (): Answer | undefined => {
          const user = dmUsers.get(channel);
          if (user === undefined || !blocked.has(user)) return undefined;
          return { status: 403, body: { code: 50007, message: 'Cannot send messages to this user' } };
        };
        return writeMessage(req, `${req.route} (${channel})`, false, make, dmBlocked);
      },
    },
    {
      method: 'PATCH',
      pattern: /^\/channels\/([^/]+)\/messages\/([^/]+)$/,
      route: 'PATCH /channels/:id/messages/:id',
      major: channelMajor,
      handle: (req, [channel = '', id = '']) => {
        const m = fake.messages.find((x) => x.channel_id === channel && x.id === id);
        if (!m) return { status: 404, body: UNKNOWN_MESSAGE };
        if (m.author !== 'bot') {
          return {
            status: 403,
            body: { code: 50005, message: 'Cannot edit a message authored by another user' },
          };
        }
        return writeMessage(req, `${req.route} (${channel}/${id})`, false, m);
      },
    },
    {
      method: 'DELETE',
      pattern: /^\/channels\/([^/]+)\/messages\/([^/]+)$/,
      route: 'DELETE /channels/:id/messages/:id',
      major: channelMajor,
      handle: (_req, [channel = '', id = '']) => {
        const i = fake.messages.findIndex((x) => x.channel_id === channel && x.id === id);
        if (i < 0) return { status: 404, body: UNKNOWN_MESSAGE };
        fake.messages.splice(i, 1);
        return { status: 204 };
      },
    },
    {
      method: 'GET',
      pattern: /^\/channels\/([^/]+)$/,
      route: 'GET /channels/:id',
      major: channelMajor,
      handle: (_req, [channel = '']) => {
        const user = dmUsers.get(channel);
        if (user !== undefined) {
          return { status: 200, body: { id: channel, type: 1, recipients: [{ id: user }] } };
        }
        return { status: 200, body: { id: channel, type: 0, name: `channel-${channel.slice(-4)}` } };
      },
    },
    {
      method: 'POST',
      pattern: /^\/webhooks\/([^/]+)\/([^/]+)$/,
      route: 'POST /webhooks/:id/:token',
      interaction: true,
      major: webhookMajor,
      handle: (req, [app = '', token = '']) => {
        const state = interactionToken(app, token, req.route);
        if (isAnswer(state)) return state;
        const make = (): DiscordMessage => ({
          id: snowflake(),
          channel_id: state.channelId,
          author: 'webhook',
          interactionToken: token,
          files: [],
          attachments: [],
        });
        const a = writeMessage(req, req.route, true, make);
        // Discord reference, "Execute Webhook": the message comes back only with ?wait=true, else 204.
        if (a.status === 200 && req.query.get('wait') !== 'true') return { status: 204 };
        return a;
      },
    },
    {
      method: 'GET',
      pattern: /^\/webhooks\/([^/]+)\/([^/]+)\/messages\/([^/]+)$/,
      route: 'GET /webhooks/:id/:token/messages/:id',
      interaction: true,
      major: webhookMajor,
      handle: (req, [app = '', token = '', id = '']) => {
        const state = interactionToken(app, token, req.route);
        if (isAnswer(state)) return state;
        const m = webhookMessage(token, id);
        if (!m) return { status: 404, body: UNKNOWN_MESSAGE };
        return { status: 200, body: messageJson(m) };
      },
    },
    {
      method: 'PATCH',
      pattern: /^\/webhooks\/([^/]+)\/([^/]+)\/messages\/([^/]+)$/,
      route: 'PATCH /webhooks/:id/:token/messages/:id',
      interaction: true,
      major: webhookMajor,
      handle: editWebhookMessage,
    },
    {
      method: 'DELETE',
      pattern: /^\/webhooks\/([^/]+)\/([^/]+)\/messages\/([^/]+)$/,
      route: 'DELETE /webhooks/:id/:token/messages/:id',
      interaction: true,
      major: webhookMajor,
      handle: (req, [app = '', token = '', id = '']) => {
        const state = interactionToken(app, token, req.route);
        if (isAnswer(state)) return state;
        const m = webhookMessage(token, id);
        if (!m) return { status: 404, body: UNKNOWN_MESSAGE };
        fake.messages.splice(fake.messages.indexOf(m), 1);
        return { status: 204 };
      },
    },
    {
      // Start Thread without Message (https://discord.com/developers/docs/resources/channel#start-thread-without-message):
      // name 1-100 characters; type 11 (public) or 12 (private); auto_archive_duration 60, 1440, 4320 or 10080
      // minutes; not in a DM (50024 Cannot execute action on this channel type).
      method: 'POST',
      pattern: /^\/channels\/([^/]+)\/threads$/,
      route: 'POST /channels/:id/threads',
      major: channelMajor,
      handle: (req, [channel = '']) => {
        const b = req.body;
        if (!isObject(b)) return badJson();
        const issues: Issue[] = [];
        boundedString(issues, b.name, ['name'], 1, 100);
        if (b.type !== undefined && b.type !== 11 && b.type !== 12)
          issues.push({
            path: ['type'],
            code: 'BASE_TYPE_CHOICES',
            message: 'Value must be one of (11, 12).',
          });
        if (
          b.auto_archive_duration !== undefined &&
          ![60, 1440, 4320, 10080].includes(Number(b.auto_archive_duration))
        )
          issues.push({
            path: ['auto_archive_duration'],
            code: 'BASE_TYPE_CHOICES',
            message: 'Value must be one of (60, 1440, 4320, 10080).',
          });
        if (issues.length > 0) return invalidForm(`${req.route} (${channel})`, issues);
        if (dmUsers.has(channel) || fake.threads.has(channel)) {
          return {
            status: 400,
            body: { code: 50024, message: 'Cannot execute action on this channel type' },
          };
        }
        const id = snowflake();
        const type = Number(b.type ?? 12);
        fake.threads.set(id, { parentId: channel, name: String(b.name), type });
        return {
          status: 201,
          body: {
            id,
            type,
            parent_id: channel,
            name: b.name,
            owner_id: appId,
            thread_metadata: {
              archived: false,
              auto_archive_duration: b.auto_archive_duration ?? 4320,
              locked: false,
            },
          },
        };
      },
    },
    {
      // Create Reaction (https://discord.com/developers/docs/resources/message#create-reaction): the emoji is
      // URL-encoded (a unicode emoji, or name:id for a custom one); 204 on success.
      method: 'PUT',
      pattern: /^\/channels\/([^/]+)\/messages\/([^/]+)\/reactions\/([^/]+)\/@me$/,
      route: 'PUT /channels/:id/messages/:id/reactions/:emoji/@me',
      major: channelMajor,
      handle: (req, [channel = '', message = '', emoji = '']) => {
        let decoded: string;
        try {
          decoded = decodeURIComponent(emoji);
        } catch {
          decoded = '';
        }
        // A unicode emoji, or name:id for a custom one; anything else is Discord's Unknown Emoji.
        if (
          !/^(\p{Extended_Pictographic}|\p{Emoji_Component})+$/u.test(decoded) &&
          !/^\w+:\d+$/.test(decoded)
        ) {
          fake.violations.push(
            `${req.route} (${channel}/${message}): unknown emoji ${JSON.stringify(decoded)}`,
          );
          return { status: 400, body: { code: 10014, message: 'Unknown Emoji' } };
        }
        fake.reactions.push({ channelId: channel, messageId: message, emoji: decoded });
        return { status: 204 };
      },
    },
    {
      method: 'PUT',
      pattern: /^\/applications\/([^/]+)\/commands$/,
      route: 'PUT /applications/:id/commands',
      handle: (req, [app = '']) =>
        app === appId ? putCommands(req) : { status: 403, body: { code: 50001, message: 'Missing Access' } },
    },
    {
      method: 'PUT',
      pattern: /^\/applications\/([^/]+)\/guilds\/([^/]+)\/commands$/,
      route: 'PUT /applications/:id/guilds/:id/commands',
      handle: (req, [app = '', guild = '']) =>
        app === appId
          ? putCommands(req, guild)
          : { status: 403, body: { code: 50001, message: 'Missing Access' } },
    },
  ];

  /** `route` of a path, with @original spelled out, for calls and failNext. */
  const routeName = (r: Route, p: string[]): string =>
    r.route.endsWith('/messages/:id') && r.route.includes('/webhooks/') && p[2] === '@original'
      ? r.route.replace(/:id$/, '@original')
      : r.route;

  const bucketHash = (route: string): string => createHash('sha256').update(route).digest('hex').slice(0, 32);

  function answer(
    method: string,
    apiPath: string,
    query: URLSearchParams,
    headers: Record<string, string>,
    parsed: Parsed,
    size: number,
  ): { route: string; a: Answer } {
    let match: { r: Route; p: string[] } | undefined;
    for (const r of routes) {
      const m = r.method === method ? r.pattern.exec(apiPath) : null;
      if (m) {
        match = { r, p: m.slice(1).map((s) => decodeURIComponent(s)) };
        break;
      }
    }
    if (!match) {
      const generic = apiPath.replaceAll(/\d{17,19}/g, ':id');
      return { route: `${method} ${generic}`, a: { status: 404, body: NOT_FOUND } };
    }
    const { r, p } = match;
    const route = routeName(r, p);
    // Bot routes need the bot token; interaction (webhook) routes accept requests with or without it.
    const authed = headers.authorization === `Bot ${options.botToken}`;
    if (!r.interaction && !authed) return { route, a: { status: 401, body: UNAUTHORIZED } };

    const failure = failures.findIndex((f) => f.route === route);
    if (failure >= 0) {
      const [f] = failures.splice(failure, 1);
      const status = f?.status ?? 500;
      if (status === 429) {
        return {
          route,
          a: {
            status,
            body: { message: 'You are being rate limited.', retry_after: 1, global: false },
            headers: { 'retry-after': '1', 'x-ratelimit-scope': 'user' },
          },
        };
      }
      return {
        route,
        a: { status, body: { code: 0, message: `${status}: ${STATUS_CODES[status] ?? 'Error'}` } },
      };
    }

    // docs/platforms.md §3.3: a global limit of 50 req/s per bot; interaction endpoints are not bound by it.
    if (!r.interaction) {
      const g = take(globalBucket, globalRate);
      if (g.wait > 0) {
        return {
          route,
          a: {
            status: 429,
            body: { message: 'You are being rate limited.', retry_after: round3(g.wait), global: true },
            headers: {
              'retry-after': String(Math.ceil(g.wait)),
              'x-ratelimit-global': 'true',
              'x-ratelimit-scope': 'global',
            },
          },
        };
      }
    }
    // docs/platforms.md §3.3: per-route buckets (`X-RateLimit-*` headers, JSON `retry_after` on 429). A bucket is
    // the route per top-level resource (channel id, webhook id + token), as Discord (and @discordjs/rest) count it.
    const major = r.major?.(p);
    const key = major === undefined ? route : `${route} @${major}`;
    let bucket = buckets.get(key);
    if (!bucket) {
      bucket = { tokens: routeRate, last: performance.now() };
      buckets.set(key, bucket);
    }
    const t = take(bucket, routeRate);
    const rateHeaders: Record<string, string> = {
      'x-ratelimit-limit': String(Math.max(1, Math.floor(routeRate))),
      'x-ratelimit-remaining': String(t.remaining),
      'x-ratelimit-reset': ((Date.now() + t.resetAfter * 1000) / 1000).toFixed(3),
      'x-ratelimit-reset-after': round3(t.resetAfter).toFixed(3),
      'x-ratelimit-bucket': bucketHash(r.route),
    };
    if (t.wait > 0) {
      return {
        route,
        a: {
          status: 429,
          body: { message: 'You are being rate limited.', retry_after: round3(t.wait), global: false },
          headers: { ...rateHeaders, 'retry-after': String(Math.ceil(t.wait)), 'x-ratelimit-scope': 'user' },
        },
      };
    }
    // Uploading Files: the upload limit "applies to each file in a request"; Create Message: "The maximum request
    // size when sending a message is 25 MiB". Both answer 413 {code: 40005}.
    const tooLarge = (why: string): { route: string; a: Answer } => ({
      route,
      a: { status: 413, body: TOO_LARGE, headers: rateHeaders, violation: `${route}: ${why}` },
    });
    if (size > maxRequestBytes) return tooLarge(`request of ${size} bytes (max ${maxRequestBytes})`);
    const big = parsed.uploads.find((u) => u.bytes.length > maxFileBytes);
    if (big)
      return tooLarge(`file ${big.filename} is ${big.bytes.length} bytes (max ${maxFileBytes} per file)`);
    const a =
      parsed.invalid === true
        ? badJson()
        : r.handle(
            {
              method,
              route,
              query,
              body: parsed.body,
              files: parsed.files,
              uploads: parsed.uploads,
              formIssues: parsed.formIssues,
              specIssues: parsed.body === null ? [] : specIssues(method, apiPath, parsed.body),
            },
            p,
          );
    return { route, a: { ...a, headers: { ...rateHeaders, ...a.headers } } };
  }

  /** GET /attachments/<channel>/<attachment id>/<filename>: the bytes, like Discord's CDN (no auth). */
  function answerAttachment(channelId: string, id: string): Answer {
    const found = fake.attachments.find((x) => x.id === id && x.url.includes(`/attachments/${channelId}/`));
    if (!found) return { status: 404, body: NOT_FOUND };
    return { status: 200, body: found.bytes, headers: { 'content-type': found.content_type } };
  }

  function onRequest(incoming: IncomingMessage, res: ServerResponse, raw: Buffer): void {
    const at = now();
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(incoming.headers)) {
      if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    }
    const url = new URL(incoming.url ?? '/', 'http://fake');
    const method = (incoming.method ?? 'GET').toUpperCase();
    const apiPath = url.pathname.startsWith('/api/v10/') ? url.pathname.slice('/api/v10'.length) : null;
    const parsed = parseBody(raw, headers['content-type'] ?? '');
    const cdn = /^\/attachments\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(url.pathname);
    let route: string;
    let a: Answer;
    try {
      if (cdn && method === 'GET') {
        route = 'GET /attachments/:id/:id/:filename';
        a = answerAttachment(cdn[1] ?? '', cdn[2] ?? '');
      } else if (apiPath === null) {
        route = `${method} ${url.pathname}`;
        a = { status: 404, body: NOT_FOUND };
      } else ({ route, a } = answer(method, apiPath, url.searchParams, headers, parsed, raw.length));
    } catch (err) {
      route = `${method} ${url.pathname}`;
      a = { status: 500, body: { code: 0, message: `fake-discord bug: ${String(err)}` } };
    }
    if (a.violation) fake.violations.push(a.violation);
    fake.calls.push({
      method,
      path: apiPath ?? url.pathname,
      route,
      headers,
      body: parsed.body,
      files: parsed.files,
      status: a.status,
      response: Buffer.isBuffer(a.body) ? `<${a.body.length} bytes>` : (a.body ?? null),
      at,
    });
    if (a.body === undefined) {
      res.writeHead(a.status, { ...a.headers });
      res.end();
      return;
    }
    if (Buffer.isBuffer(a.body)) {
      res.writeHead(a.status, { ...a.headers, 'content-length': String(a.body.length) });
      res.end(a.body);
      return;
    }
    const out = Buffer.from(JSON.stringify(a.body));
    res.writeHead(a.status, {
      'content-type': 'application/json',
      ...a.headers,
      'content-length': String(out.length),
    });
    res.end(out);
  }

  const { server, port } = await listenLocal(onRequest);
  const gateway = attachFakeGateway(server, {
    botToken: options.botToken,
    botUserId: appId,
    url: `ws://127.0.0.1:${port}`,
    heartbeatIntervalMs: 1000,
    ...(options.privilegedIntents !== undefined ? { privilegedIntents: options.privilegedIntents } : {}),
  });

  const describeCalls = (): string =>
    fake.calls
      .slice(-10)
      .map((c) => {
        const body = (JSON.stringify(c.body) ?? '').slice(0, 200);
        const res = (JSON.stringify(c.response) ?? '').slice(0, 200);
        return `  ${c.method} ${c.path} ${body} -> ${c.status} ${res}`;
      })
      .join('\n') || '  (none)';

  const refill = (): void => {
    buckets = new Map();
    globalBucket = { tokens: globalRate, last: performance.now() };
  };

  const fake: FakeDiscord = {
    url: `http://127.0.0.1:${port}`,
    calls: [],
    violations: [],
    messages: [],
    attachments: [],
    dmChannels: new Map(),
    threads: new Map(),
    reactions: [],
    commands: { global: [], guilds: new Map() },
    gateway,
    messagesIn(channelId) {
      return fake.messages.filter((m) => m.channel_id === channelId);
    },
    interactionMessages(token) {
      return fake.messages.filter((m) => m.interactionToken === token);
    },
    issueInteractionToken(channelId) {
      const token = Buffer.from(`interaction:${snowflake()}:${randomBytes(24).toString('hex')}`).toString(
        'base64url',
      );
      tokens.set(token, { issuedAt: now(), channelId: channelId ?? snowflake() });
      return token;
    },
    blockDms(userId) {
      blocked.add(userId);
    },
    checkInteractionResponse(body, interactionType) {
      const what = `interaction response (type ${isObject(body) ? String(body.type) : '?'})`;
      // A modal (9) is held to the modal limits (discord-modal.ts), and is no answer to a modal's
      // submission or a PING ("not available for MODAL_SUBMIT and PING interactions", interaction
      // callback types).
      const modal: string[] = [];
      if (isObject(body) && body.type === 9) {
        if (interactionType === 1 || interactionType === 5)
          modal.push(`a modal cannot answer interaction type ${interactionType}`);
        modal.push(...modalIssues(body.data));
      }
      for (const line of modal) fake.violations.push(`${what}: ${line}`);
      // Where the modal limits already name a problem, the spec's reading of the same body is not repeated.
      if (modal.length > 0) return modal;
      const spec = specIssues('POST', '/interactions/0/token/callback', body);
      // A message (4, 7) is held to the limits of any message body, a deferral (5, 6) to its flags.
      const own = interactionResponseIssues(body);
      const issues = withSpecIssues(own, spec);
      if (issues.length > 0) {
        const a = invalidForm(what, issues);
        if (a.violation) fake.violations.push(a.violation);
      }
      return [
        ...modal,
        ...issues.map((i) => `${pointer(i.path)}: ${i.message}${i.detail ? ` (${i.detail})` : ''}`),
      ];
    },
    failNext(route, count, status = 500) {
      for (let i = 0; i < count; i++) failures.push({ route, status });
    },
    setRates(r) {
      if (r.routeRate !== undefined) routeRate = r.routeRate;
      if (r.globalRate !== undefined) globalRate = r.globalRate;
      refill();
    },
    waitFor(predicate, timeoutMs = 5000) {
      return pollUntil(predicate, timeoutMs, 'fake Discord', describeCalls);
    },
    reset() {
      fake.calls.length = 0;
      fake.violations.length = 0;
      fake.messages.length = 0;
      fake.reactions.length = 0;
      fake.attachments.length = 0;
      fake.commands.global = [];
      fake.commands.guilds.clear();
      failures = [];
      routeRate = options.routeRate ?? DEFAULT_ROUTE_RATE;
      globalRate = options.globalRate ?? DEFAULT_GLOBAL_RATE;
      refill();
    },
    close: () => gateway.close().then(() => closeServer(server)),
  };
  return fake;
}
