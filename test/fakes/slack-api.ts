/**
 * A fake Slack Web API for tests: one local HTTP server that answers `POST /api/<method>` the way
 * `@slack/web-api`'s WebClient expects (form or JSON bodies, HTTP 200 with {"ok":false,"error":...}
 * for API errors, 429 + Retry-After for rate limits), plus the side URLs a Slack bot touches: the
 * files.uploadV2 upload URL (uploaded files kept in `files` with their bytes, a completed share posted
 * as a message), url_private(_download) of shared files and slash-command/action
 * response_urls. It records every call and rejects what the real API would reject (limits from
 * docs/platforms.md, Slack, and the Block Kit reference,
 * https://docs.slack.dev/reference/block-kit/). A request broken by a documented limit gets the
 * real error plus a line in `violations`, so a bot test can assert `violations` is empty instead of
 * discovering the limit in production. The arguments of a Web API method are also checked against Slack's
 * OpenAPI description (https://github.com/slackapi/slack-api-specs, read by ./openapi.ts where the shared
 * specs folder is present) as far as that stale spec goes: required arguments present, boolean and number
 * arguments of their type; a breach is answered `invalid_arguments` with a violation. Methods it lacks (the
 * files.uploadV2 steps) and arguments it does not list pass.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { closeServer, listenLocal, mimeTypeOf, multipartParts, pollUntil } from './common.ts';
import { validateRequest } from './openapi.ts';

export interface FakeSlackOptions {
  /** Every /api/* call needs `Authorization: Bearer <botToken>` (or a `token` form field); else {"ok":false,"error":"invalid_auth"}. */
  botToken: string;
  /** chat.postMessage per channel: sustained messages per second and burst (default 1 and 5). docs/platforms.md §2.4: ≈1 msg/s per channel, short bursts. */
  postRate?: { perSecond: number; burst: number };
  /** Default 'T0FAKE'. */
  teamId?: string;
  /** Default 'UBOT'. */
  botUserId?: string;
  /** Current time in ms (message ts, response_url expiry after 30 min, `at` of calls). Default Date.now. */
  now?: () => number;
  /**
   * The largest file (bytes) files.getUploadURLExternal accepts; a larger `length` is refused with
   * `file_upload_size_restricted` and a violation. Default 1 GB (10^9 bytes), Slack's per-file limit.
   * Lower it to test the limit without gigabytes.
   */
  maxFileBytes?: number;
}

export interface SlackCall {
  /** HTTP method. */
  method: string;
  path: string;
  /** Web API method name for /api/* paths (e.g. 'chat.postMessage'), else null. */
  api: string | null;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** Form or JSON fields, with JSON-in-form values (blocks, attachments, files, view, metadata) decoded; `{bytes}` for uploads. */
  body: Record<string, unknown>;
  status: number;
  /** What the fake answered: the JSON object, or the text for non-JSON answers. */
  response: unknown;
  /** now() when received. */
  at: number;
}

/** A file as a message shows it (`files` of a file share). */
export interface SlackFileRef {
  id: string;
  name: string;
  title?: string;
  size: number;
  mimetype?: string;
  /** Served by the fake with the bot token, like addFile's. */
  url_private?: string;
  url_private_download?: string;
}

/** A file uploaded through files.getUploadURLExternal + the upload URL (+ files.completeUploadExternal). */
export interface SlackUploadedFile {
  id: string;
  /** `filename` given to files.getUploadURLExternal. */
  name: string;
  /** `title` given to files.completeUploadExternal; the name until then (and when none is given). */
  title: string;
  /** From the name's extension. */
  mimetype: string;
  /** Exactly the bytes POSTed to the upload URL (the file part of a multipart body). */
  bytes: Buffer;
  size: number;
  /** `alt_txt` (or `alt_text`, which @slack/web-api sends) and `snippet_type` of files.getUploadURLExternal. */
  alt_txt?: string;
  snippet_type?: string;
  /** True once files.completeUploadExternal accepted it (with or without a channel). */
  completed: boolean;
  /** Where files.completeUploadExternal shared it (the first channel when several), and the share message's ts. */
  channel?: string;
  thread_ts?: string;
  ts?: string;
  /** One entry per channel it was shared in. */
  shares: { channel: string; ts: string; thread_ts?: string }[];
  url_private: string;
  url_private_download: string;
}

export interface SlackMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  text?: string;
  // biome-ignore lint/suspicious/noExplicitAny: blocks are whatever the bot sent; tests dig into them freely.
  blocks?: any[];
  user: string;
  ephemeral?: { user: string };
  edited?: boolean;
  files?: SlackFileRef[];
  /** Reaction names the bot added (reactions.add), in order. */
  reactions: string[];
}

export interface SlackUser {
  id: string;
  name: string;
  real_name?: string;
  tz?: string;
  locale?: string;
}

export interface FakeSlack {
  /** http://127.0.0.1:<port>; Web API under `${url}/api/<method>`. */
  url: string;
  calls: SlackCall[];
  /** Human-readable reason for every request rejected for breaking a documented limit (not for 429 rate limiting, which clients are expected to handle). */
  violations: string[];
  /** Messages in post order (postMessage, postEphemeral, response_url posts, file shares); updates edit in place, deletes remove. */
  messages: SlackMessage[];
  /** Without threadTs: every message of the channel. With threadTs: the thread's parent (ts === threadTs) and its replies, like conversations.replies. */
  messagesIn(channel: string, threadTs?: string): SlackMessage[];
  /**
   * A response_url for one slash command/action (valid 30 min, 5 uses; docs/platforms.md §2.2). Posts to it land in
   * `messages` with the channel given here. `originalTs` is the message `replace_original`/`delete_original`
   * act on (default: the last message posted through this URL).
   */
  responseUrl(channel: string, user: string, originalTs?: string): string;
  /** Serves bytes at a url_private_download-style URL that requires the bot token (Bearer). Returns the file object the Events API would carry. */
  addFile(
    bytes: Buffer,
    name: string,
    mimetype: string,
  ): {
    id: string;
    name: string;
    mimetype: string;
    size: number;
    url_private_download: string;
    url_private: string;
  };
  /** Bytes uploaded through files.uploadV2, by file id (channel/threadTs set by files.completeUploadExternal). See also `files`. */
  uploads: Map<string, { name: string; bytes: Buffer; channel?: string; threadTs?: string }>;
  /**
   * Every file whose bytes reached its upload URL, in upload order, with where files.completeUploadExternal
   * shared it. The share itself is a message in `messages` (and `messagesIn(channel)`) with a `files` field.
   */
  files: SlackUploadedFile[];
  /**
   * The bot cannot post in `channel`: chat.postMessage, chat.postEphemeral and files.completeUploadExternal
   * answer {"ok":false,"error":error} (default 'not_in_channel') and record a violation. Cleared by reset().
   */
  denyChannel(channel: string, error?: 'not_in_channel' | 'channel_not_found'): void;
  /** views.open / views.push add an entry; views.update replaces `view` of its entry in place. */
  // biome-ignore lint/suspicious/noExplicitAny: the view object as the bot sent it.
  views: { id: string; trigger_id: string; view: any }[];
  /**
   * views.publish: the Home tab each user was last shown (docs/platforms.md §2.10), by user id. A view
   * that breaks a limit (100 blocks, Block Kit texts, 250 KB) is refused and not kept.
   */
  // biome-ignore lint/suspicious/noExplicitAny: the view object as the bot sent it.
  homes: Map<string, { id: string; view: any; hash: string }>;
  users: Map<string, SlackUser>;
  /**
   * The next `count` calls to `apiMethod` (e.g. 'chat.postMessage') fail: with {"ok":false,"error":error} (HTTP 200;
   * default error 'internal_error'), or with the given HTTP status (429 carries `Retry-After: retryAfter ?? 1`).
   * They are recorded but have no effect.
   */
  failNext(apiMethod: string, count: number, error?: string | { status: number; retryAfter?: number }): void;
  /** Resolves when `predicate()` is true (polls every 5 ms), rejects after timeoutMs (default 5000) with a message listing the last calls. */
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  /** Clears calls, violations, messages, uploads, files, views, homes, used trigger_ids, denied channels and pending failNext; refills the rate buckets. Keeps users, addFile files and response_urls. */
  reset(): void;
  close(): Promise<void>;
}

// docs/platforms.md §2.4: chat.postMessage ≈ 1 message/s per channel (short bursts allowed).
const DEFAULT_POST_RATE = { perSecond: 1, burst: 5 };
// docs/platforms.md §2.2: a `response_url` is valid 30 min / 5 uses.
const RESPONSE_URL_TTL_MS = 30 * 60 * 1000;
const RESPONSE_URL_USES = 5;
// docs/platforms.md §2.5: ≤ 50 blocks a message, ≤ 100 in modals and home tabs.
const MAX_MESSAGE_BLOCKS = 50;
const MAX_VIEW_BLOCKS = 100;
// views.publish reference, errors: `view_too_large`, "the provided view is greater than 250kb"
// (counted here as 250,000 bytes of JSON: never looser than Slack).
const MAX_PUBLISHED_VIEW_BYTES = 250_000;
// Block Kit reference, "Blocks": the block types this fake knows; anything else is rejected.
const BLOCK_TYPES = new Set([
  'section',
  'actions',
  'context',
  'header',
  'divider',
  'image',
  'input',
  'rich_text',
  'file',
]);
// File uploads (files.uploadV2 = files.getUploadURLExternal, POST to the upload URL, files.completeUploadExternal):
// https://docs.slack.dev/reference/methods/files.getUploadURLExternal and
// https://docs.slack.dev/reference/methods/files.completeUploadExternal. Slack's per-file limit is 1 GB (Slack's
// help center; the method pages do not state it), counted here as 10^9 bytes: never looser than Slack.
const DEFAULT_MAX_FILE_BYTES = 1_000_000_000;
// files.getUploadURLExternal errors: `alt_txt_too_large` ("longer than the limit of 1000 character"),
// `snippet_too_large` ("snippets ... are limited to 1MB").
const MAX_ALT_TXT = 1000;
const MAX_SNIPPET_BYTES = 1024 * 1024;
// files.completeUploadExternal: `files` is an array of {id, title?}; `channels_limit_exceeded` is "A maximum of
// 100 channels is allowed per request". The method pages give no cap on `files`; 100 is this fake's.
const MAX_COMPLETE_FILES = 100;
const MAX_SHARE_CHANNELS = 100;
/** Fields that WebClient sends as JSON strings inside a form body. */
const JSON_FIELDS = new Set(['blocks', 'attachments', 'files', 'view', 'metadata']);

type Json = Record<string, unknown>;
interface Answer {
  status: number;
  /** Object → JSON; string → text/plain (or `contentType`); Buffer → bytes. */
  body: unknown;
  headers?: Record<string, string>;
  violation?: string;
}
interface ApiRequest {
  api: string;
  body: Json;
}
interface Bucket {
  tokens: number;
  last: number;
}
interface Reservation {
  name: string;
  length: number;
  alt_txt?: string;
  snippet_type?: string;
  state: 'reserved' | 'uploaded' | 'completed';
}
interface ResponseUrlState {
  channel: string;
  user: string;
  issuedAt: number;
  uses: number;
  originalTs?: string;
  lastTs?: string;
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** A non-empty string, or undefined. */
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const truthy = (v: unknown): boolean => v === true || v === 'true' || v === '1' || v === 1;

/** Form (urlencoded or multipart) or JSON body as fields; JSON-in-form values stay strings here. */
function parseFields(raw: Buffer, contentType: string): { fields: Json; error?: string } {
  const type = contentType.toLowerCase();
  if (raw.length === 0) return { fields: {} };
  if (type.includes('json')) {
    try {
      const parsed: unknown = JSON.parse(raw.toString('utf8'));
      return isObject(parsed) ? { fields: parsed } : { fields: {}, error: 'invalid_json' };
    } catch {
      return { fields: {}, error: 'invalid_json' };
    }
  }
  if (type.startsWith('multipart/form-data')) {
    const fields: Json = {};
    for (const p of multipartParts(raw, contentType)) {
      fields[p.name] = p.filename === undefined ? p.data.toString('utf8') : p.data;
    }
    return { fields };
  }
  return { fields: Object.fromEntries(new URLSearchParams(raw.toString('utf8'))) };
}

/** Decodes the JSON strings WebClient puts in form fields. Returns the name of a field that is not valid JSON. */
function decodeJsonFields(fields: Json): string | undefined {
  for (const key of JSON_FIELDS) {
    const v = fields[key];
    if (typeof v !== 'string') continue;
    try {
      fields[key] = JSON.parse(v);
    } catch {
      return key;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Block Kit checks. Errors read like Slack's: "<message> [json-pointer:/blocks/0/text/text]".
// ---------------------------------------------------------------------------------------------

interface BlockContext {
  errors: string[];
  actionIds: Set<string>;
  blockIds: Set<string>;
}

function report(ctx: BlockContext, pointer: string, message: string): void {
  ctx.errors.push(`${message} [json-pointer:${pointer}]`);
}

/** A text object {type: plain_text|mrkdwn, text} with text.length ≤ max. */
function checkTextObject(
  ctx: BlockContext,
  value: unknown,
  pointer: string,
  max: number,
  plainOnly: boolean,
  required = true,
): void {
  if (value === undefined && !required) return;
  if (!isObject(value) || typeof value.text !== 'string') {
    report(ctx, pointer, 'must be a text object {type, text}');
    return;
  }
  if (plainOnly ? value.type !== 'plain_text' : value.type !== 'plain_text' && value.type !== 'mrkdwn') {
    report(ctx, `${pointer}/type`, `must be ${plainOnly ? 'plain_text' : 'plain_text or mrkdwn'}`);
  }
  // Lengths are counted in UTF-16 code units (JS `.length`): an emoji counts 2, stricter than Slack, never looser.
  if (value.text.length > max) {
    report(ctx, `${pointer}/text`, `must be at most ${max} characters (got ${value.text.length})`);
  }
}

function checkMaxLength(ctx: BlockContext, value: unknown, pointer: string, max: number): void {
  if (value === undefined) return;
  if (typeof value !== 'string') report(ctx, pointer, 'must be a string');
  else if (value.length > max)
    report(ctx, pointer, `must be at most ${max} characters (got ${value.length})`);
}

/** An interactive element (button, select, datepicker, ...) or an image element. */
function checkElement(ctx: BlockContext, el: unknown, pointer: string): void {
  if (!isObject(el) || typeof el.type !== 'string') {
    report(ctx, pointer, 'must be an element object with a type');
    return;
  }
  if (el.action_id !== undefined) {
    // Block Kit reference, interactive elements: action_id max 255 characters, "unique among all other
    // action_ids in the containing block" (checkBlock starts each block with an empty set).
    checkMaxLength(ctx, el.action_id, `${pointer}/action_id`, 255);
    if (typeof el.action_id === 'string') {
      if (ctx.actionIds.has(el.action_id)) {
        report(ctx, `${pointer}/action_id`, `duplicate action_id "${el.action_id}" (must be unique)`);
      }
      ctx.actionIds.add(el.action_id);
    }
  }
  if (el.type === 'button') {
    // Block Kit reference, button element: text max 75 characters, value max 2,000, url max 3,000.
    checkTextObject(ctx, el.text, `${pointer}/text`, 75, true);
    checkMaxLength(ctx, el.value, `${pointer}/value`, 2000);
    checkMaxLength(ctx, el.url, `${pointer}/url`, 3000);
  }
}

function checkBlock(ctx: BlockContext, block: unknown, p: string): void {
  if (!isObject(block) || typeof block.type !== 'string' || !BLOCK_TYPES.has(block.type)) {
    const type = isObject(block) ? JSON.stringify(block.type) : typeof block;
    report(ctx, `${p}/type`, `unsupported block type ${type}`);
    return;
  }
  ctx.actionIds.clear();
  if (block.block_id !== undefined) {
    // Block Kit reference, blocks: block_id max 255 characters, unique within the message/view.
    checkMaxLength(ctx, block.block_id, `${p}/block_id`, 255);
    if (typeof block.block_id === 'string') {
      if (ctx.blockIds.has(block.block_id)) {
        report(ctx, `${p}/block_id`, `duplicate block_id "${block.block_id}" (must be unique)`);
      }
      ctx.blockIds.add(block.block_id);
    }
  }
  switch (block.type) {
    case 'section': {
      if (block.text === undefined && block.fields === undefined) {
        report(ctx, p, 'a section needs text or fields');
      }
      // docs/platforms.md §2.5: section text ≤ 3,000 characters.
      checkTextObject(ctx, block.text, `${p}/text`, 3000, false, false);
      if (block.fields !== undefined) {
        const fields = block.fields;
        // docs/platforms.md §2.5: ≤ 10 fields; Block Kit reference: each field text max 2,000 characters.
        if (!Array.isArray(fields) || fields.length < 1 || fields.length > 10) {
          const got = Array.isArray(fields) ? ` (got ${fields.length})` : '';
          report(ctx, `${p}/fields`, `must have 1 to 10 items${got}`);
        } else {
          fields.forEach((f: unknown, i) => {
            checkTextObject(ctx, f, `${p}/fields/${i}`, 2000, false);
          });
        }
      }
      if (block.accessory !== undefined) checkElement(ctx, block.accessory, `${p}/accessory`);
      break;
    }
    case 'header':
      // Block Kit reference, header block: plain_text, max 150 characters.
      checkTextObject(ctx, block.text, `${p}/text`, 150, true);
      break;
    case 'actions': {
      const elements = block.elements;
      // docs/platforms.md §2.5: actions ≤ 25 elements.
      if (!Array.isArray(elements) || elements.length < 1 || elements.length > 25) {
        const got = Array.isArray(elements) ? ` (got ${elements.length})` : '';
        report(ctx, `${p}/elements`, `must have 1 to 25 items${got}`);
      } else {
        elements.forEach((el: unknown, i) => {
          checkElement(ctx, el, `${p}/elements/${i}`);
        });
      }
      break;
    }
    case 'context': {
      const elements = block.elements;
      // Block Kit reference, context block: elements max 10.
      if (!Array.isArray(elements) || elements.length < 1 || elements.length > 10) {
        const got = Array.isArray(elements) ? ` (got ${elements.length})` : '';
        report(ctx, `${p}/elements`, `must have 1 to 10 items${got}`);
      }
      break;
    }
    case 'image':
      // Block Kit reference, image block: alt_text required (max 2,000), and image_url or slack_file.
      if (typeof block.alt_text !== 'string') report(ctx, `${p}/alt_text`, 'is required');
      else checkMaxLength(ctx, block.alt_text, `${p}/alt_text`, 2000);
      if (block.image_url === undefined && block.slack_file === undefined) {
        report(ctx, p, 'an image needs image_url or slack_file');
      }
      break;
    case 'input':
      // Block Kit reference, input block: label (plain_text, max 2,000) and element are required.
      checkTextObject(ctx, block.label, `${p}/label`, 2000, true);
      if (block.element === undefined) report(ctx, `${p}/element`, 'is required');
      else checkElement(ctx, block.element, `${p}/element`);
      break;
    default:
      // divider, rich_text, file: nothing this fake checks.
      break;
  }
}

function checkBlocks(ctx: BlockContext, blocks: unknown, pointer: string, max: number): void {
  if (!Array.isArray(blocks)) {
    report(ctx, pointer, 'must be an array of blocks');
    return;
  }
  if (blocks.length > max) {
    report(ctx, pointer, `no more than ${max} items allowed (got ${blocks.length})`);
  }
  blocks.forEach((b: unknown, i) => {
    checkBlock(ctx, b, `${pointer}/${i}`);
  });
}

const newContext = (): BlockContext => ({ errors: [], actionIds: new Set(), blockIds: new Set() });

/** Message-level checks: blocks (≤ 50) and top-level text. */
function messageErrors(text: unknown, blocks: unknown): string[] {
  const ctx = newContext();
  // Slack, chat.postMessage reference: text is truncated/rejected past 40,000 characters.
  if (typeof text === 'string' && text.length > 40_000) {
    report(ctx, '/text', `must be at most 40000 characters (got ${text.length})`);
  }
  if (blocks !== undefined) checkBlocks(ctx, blocks, '/blocks', MAX_MESSAGE_BLOCKS);
  return ctx.errors;
}

function viewErrors(view: unknown): string[] {
  const ctx = newContext();
  if (!isObject(view)) {
    report(ctx, '/view', 'must be a view object');
    return ctx.errors;
  }
  if (view.type !== 'modal' && view.type !== 'home') {
    report(ctx, '/view/type', `must be modal or home (got ${JSON.stringify(view.type)})`);
  }
  if (view.type === 'modal') {
    // Block Kit reference, modal view: title, submit and close are plain_text, max 24 characters.
    checkTextObject(ctx, view.title, '/view/title', 24, true);
    checkTextObject(ctx, view.submit, '/view/submit', 24, true, false);
    checkTextObject(ctx, view.close, '/view/close', 24, true, false);
    // Block Kit reference, modal view: submit is required when the blocks contain an input block.
    const hasInput = Array.isArray(view.blocks) && view.blocks.some((b) => isObject(b) && b.type === 'input');
    if (hasInput && view.submit === undefined) {
      report(ctx, '/view/submit', 'is required when the view has input blocks');
    }
  }
  // docs/platforms.md §2.5: ≤ 100 blocks in modals (home tabs have the same limit).
  checkBlocks(ctx, view.blocks, '/view/blocks', MAX_VIEW_BLOCKS);
  // docs/platforms.md §2.5: `private_metadata` ≤ 3,000 characters.
  checkMaxLength(ctx, view.private_metadata, '/view/private_metadata', 3000);
  // Block Kit reference, view object: callback_id and external_id max 255 characters.
  checkMaxLength(ctx, view.callback_id, '/view/callback_id', 255);
  checkMaxLength(ctx, view.external_id, '/view/external_id', 255);
  return ctx.errors;
}

// ---------------------------------------------------------------------------------------------

export async function startFakeSlack(options: FakeSlackOptions): Promise<FakeSlack> {
  const now = options.now ?? Date.now;
  const teamId = options.teamId ?? 'T0FAKE';
  const botUserId = options.botUserId ?? 'UBOT';
  const botId = 'BFAKE';
  const postRate = options.postRate ?? DEFAULT_POST_RATE;
  let failures: { api: string; error: string | { status: number; retryAfter?: number } }[] = [];
  let buckets = new Map<string, Bucket>();
  let usedTriggers = new Set<string>();
  const viewHashes = new Map<string, string>();
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  /** files.getUploadURLExternal reservations, by file id, and how far each got. */
  let reservations = new Map<string, Reservation>();
  /** Channels the bot cannot post in (denyChannel), with the error to answer. */
  let denied = new Map<string, string>();
  /** addFile files and uploaded files, by the `<team>-<file id>` segment of their URLs. */
  const privateFiles = new Map<string, { bytes: Buffer; mimetype: string }>();
  /** The privateFiles keys of uploaded files (dropped by reset, unlike addFile's). */
  const uploadedKeys = new Set<string>();
  const responseUrls = new Map<string, ResponseUrlState>();
  let lastMicros = 0;
  let viewSeq = 0;

  /** Unique, increasing, Slack-shaped ts ("1700000000.000100") from now(). */
  function nextTs(): string {
    const micros = Math.max(Math.floor(now() * 1000), lastMicros + 1);
    lastMicros = micros;
    return `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, '0')}`;
  }
  const newId = (prefix: string): string => `${prefix}${randomBytes(5).toString('hex').toUpperCase()}`;

  /** Token bucket per channel refilled by real time (not now()): capacity `burst`, `perSecond` refill. Returns seconds to wait, or 0 when taken. */
  function takePost(channel: string): number {
    const t = performance.now();
    const b = buckets.get(channel) ?? { tokens: postRate.burst, last: t };
    b.tokens = Math.min(postRate.burst, b.tokens + ((t - b.last) / 1000) * postRate.perSecond);
    b.last = t;
    buckets.set(channel, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / postRate.perSecond));
  }

  const ok = (extra: Json = {}): Answer => ({ status: 200, body: { ok: true, ...extra } });
  const fail = (error: string, violation?: string): Answer => {
    const a: Answer = { status: 200, body: { ok: false, error } };
    if (violation !== undefined) a.violation = violation;
    return a;
  };
  /** Slack's answer to missing or malformed arguments, with the reasons in response_metadata. */
  const invalidArguments = (api: string, reasons: string[]): Answer => ({
    status: 200,
    body: {
      ok: false,
      error: 'invalid_arguments',
      response_metadata: { messages: reasons.map((r) => `[ERROR] ${r}`) },
    },
    violation: `${api}: ${reasons.join('; ')}`,
  });
  /** The refusal for a channel denyChannel() closed, or undefined. */
  const deniedIn = (api: string, channel: string): Answer | undefined => {
    const error = denied.get(channel);
    return error === undefined
      ? undefined
      : fail(error, `${api}: the bot cannot post in ${channel} (${error})`);
  };
  const fileRef = (f: SlackUploadedFile): SlackFileRef => ({
    id: f.id,
    name: f.name,
    title: f.title,
    size: f.size,
    mimetype: f.mimetype,
    url_private: f.url_private,
    url_private_download: f.url_private_download,
  });
  /** A file object as files.completeUploadExternal answers it (the fields a bot reads). */
  const fileJson = (f: SlackUploadedFile): Json => {
    const created = Math.floor(now() / 1000);
    const out: Json = {
      id: f.id,
      created,
      timestamp: created,
      name: f.name,
      title: f.title,
      mimetype: f.mimetype,
      filetype: /\.([A-Za-z0-9]+)$/.exec(f.name)?.[1]?.toLowerCase() ?? 'binary',
      user: botUserId,
      user_team: teamId,
      editable: false,
      size: f.size,
      mode: 'hosted',
      is_external: false,
      is_public: f.shares.some((s) => s.channel.startsWith('C')),
      url_private: f.url_private,
      url_private_download: f.url_private_download,
      permalink: `${fake.url}/files/${botUserId}/${f.id}/${encodeURIComponent(f.name)}`,
      channels: [...new Set(f.shares.map((s) => s.channel))],
      comments_count: 0,
    };
    if (f.alt_txt !== undefined) out.alt_txt = f.alt_txt;
    return out;
  };
  const invalidBlocks = (api: string, errors: string[]): Answer => ({
    status: 200,
    body: {
      ok: false,
      error: 'invalid_blocks',
      errors,
      response_metadata: { messages: errors.map((e) => `[ERROR] ${e}`) },
    },
    violation: `${api}: ${errors.join('; ')}`,
  });
  const findMessage = (channel: unknown, ts: unknown): SlackMessage | undefined =>
    fake.messages.find((m) => m.channel === channel && m.ts === ts && !m.ephemeral);
  const messageJson = (m: SlackMessage): Json => {
    const out: Json = {
      type: 'message',
      user: m.user,
      bot_id: botId,
      team: teamId,
      ts: m.ts,
      text: m.text ?? '',
    };
    if (m.blocks) out.blocks = m.blocks;
    if (m.thread_ts) out.thread_ts = m.thread_ts;
    if (m.files) out.files = m.files;
    if (m.edited) out.edited = { user: m.user, ts: m.ts };
    return out;
  };
  /** Text and blocks of a post (blocks: [] counts as none). */
  const content = (b: Json): { text?: string; blocks?: unknown[] } => {
    const out: { text?: string; blocks?: unknown[] } = {};
    if (typeof b.text === 'string' && b.text !== '') out.text = b.text;
    if (Array.isArray(b.blocks) && b.blocks.length > 0) out.blocks = b.blocks;
    return out;
  };
  function viewJson(id: string, view: Json): Json {
    const hash = `${Math.floor(now() / 1000)}.${randomBytes(4).toString('hex')}`;
    viewHashes.set(id, hash);
    return {
      id,
      team_id: teamId,
      app_id: 'AFAKE',
      bot_id: botId,
      private_metadata: '',
      callback_id: '',
      external_id: '',
      ...view,
      hash,
      state: { values: {} },
      root_view_id: id,
      previous_view_id: null,
    };
  }
  /** views.open / views.push: single-use trigger_id, checked view, new entry. */
  function openView(api: string, b: Json): Answer {
    const trigger = str(b.trigger_id);
    if (!trigger) return fail('invalid_trigger_id', `${api}: trigger_id is missing`);
    // docs/platforms.md §2.2: a `trigger_id` (to open a modal) is valid 3 s; Slack reference: a trigger_id works once.
    if (usedTriggers.has(trigger)) {
      return fail(
        'invalid_trigger_id',
        `${api}: trigger_id "${trigger}" was already used (single use, valid 3 s)`,
      );
    }
    const errors = viewErrors(b.view);
    if (errors.length > 0) return invalidBlocks(api, errors);
    usedTriggers.add(trigger);
    const id = `V${String(++viewSeq).padStart(8, '0')}`;
    fake.views.push({ id, trigger_id: trigger, view: b.view });
    return ok({ view: viewJson(id, b.view as Json) });
  }

  const methods: Record<string, (req: ApiRequest) => Answer> = {
    'auth.test': () =>
      ok({
        url: `${fake.url}/`,
        team: 'Fake Team',
        user: 'bot',
        team_id: teamId,
        user_id: botUserId,
        bot_id: botId,
      }),

    'chat.postMessage': ({ api, body: b }) => {
      const channel = str(b.channel);
      if (!channel) return fail('channel_not_found');
      const refused = deniedIn(api, channel);
      if (refused) return refused;
      const wait = takePost(channel);
      if (wait > 0) {
        return {
          status: 429,
          body: { ok: false, error: 'ratelimited' },
          headers: { 'retry-after': String(wait) },
        };
      }
      const errors = messageErrors(b.text, b.blocks);
      if (errors.length > 0) return invalidBlocks(api, errors);
      const c = content(b);
      if (c.text === undefined && c.blocks === undefined && b.attachments === undefined)
        return fail('no_text');
      const m: SlackMessage = { channel, ts: nextTs(), user: botUserId, reactions: [], ...c };
      const threadTs = str(b.thread_ts);
      if (threadTs) m.thread_ts = threadTs;
      fake.messages.push(m);
      return ok({ channel, ts: m.ts, message: messageJson(m) });
    },

    'chat.postEphemeral': ({ api, body: b }) => {
      const channel = str(b.channel);
      if (!channel) return fail('channel_not_found');
      const refused = deniedIn(api, channel);
      if (refused) return refused;
      const user = str(b.user);
      if (!user) return fail('user_not_in_channel');
      const errors = messageErrors(b.text, b.blocks);
      if (errors.length > 0) return invalidBlocks(api, errors);
      const c = content(b);
      if (c.text === undefined && c.blocks === undefined && b.attachments === undefined)
        return fail('no_text');
      const m: SlackMessage = {
        channel,
        ts: nextTs(),
        user: botUserId,
        ephemeral: { user },
        reactions: [],
        ...c,
      };
      const threadTs = str(b.thread_ts);
      if (threadTs) m.thread_ts = threadTs;
      fake.messages.push(m);
      return ok({ message_ts: m.ts });
    },

    'chat.update': ({ api, body: b }) => {
      // docs/platforms.md §2.6: ephemeral messages cannot be updated (findMessage skips them).
      const m = findMessage(b.channel, b.ts);
      if (!m) return fail('message_not_found');
      const errors = messageErrors(b.text, b.blocks);
      if (errors.length > 0) return invalidBlocks(api, errors);
      if (b.text === undefined && b.blocks === undefined && b.attachments === undefined)
        return fail('no_text');
      if (typeof b.text === 'string') m.text = b.text;
      if (Array.isArray(b.blocks)) m.blocks = b.blocks;
      m.edited = true;
      return ok({ channel: m.channel, ts: m.ts, text: m.text ?? '', message: messageJson(m) });
    },

    'chat.delete': ({ body: b }) => {
      const m = findMessage(b.channel, b.ts);
      if (!m) return fail('message_not_found');
      fake.messages.splice(fake.messages.indexOf(m), 1);
      return ok({ channel: m.channel, ts: m.ts });
    },

    'conversations.open': ({ body: b }) => {
      const users = typeof b.users === 'string' ? b.users.split(',').map((u) => u.trim()) : [];
      if (users.length === 0 || users.some((u) => u === '')) return fail('users_list_not_supplied');
      const key = [...new Set(users)].sort().join(',');
      const id = `D${createHash('sha256').update(key).digest('hex').slice(0, 10).toUpperCase()}`;
      return ok({ channel: { id } });
    },

    'reactions.add': ({ body: b }) => {
      const m = findMessage(b.channel, b.timestamp);
      if (!m) return fail('message_not_found');
      const name = str(b.name);
      if (!name) return fail('invalid_name');
      if (m.reactions.includes(name)) return fail('already_reacted');
      m.reactions.push(name);
      return ok();
    },

    'reactions.remove': ({ body: b }) => {
      const m = findMessage(b.channel, b.timestamp);
      if (!m) return fail('message_not_found');
      const i = typeof b.name === 'string' ? m.reactions.indexOf(b.name) : -1;
      if (i < 0) return fail('no_reaction');
      m.reactions.splice(i, 1);
      return ok();
    },

    'users.info': ({ body: b }) => {
      const u = typeof b.user === 'string' ? fake.users.get(b.user) : undefined;
      if (!u) return fail('user_not_found');
      const profile: Json = { display_name: u.name };
      if (u.real_name !== undefined) profile.real_name = u.real_name;
      return ok({ user: { ...u, team_id: teamId, profile } });
    },

    'views.open': ({ api, body: b }) => openView(api, b),
    'views.push': ({ api, body: b }) => openView(api, b),

    'views.publish': ({ api, body: b }) => {
      // Reference: `user_id` and `view` (type `home`) are required; `hash` guards against a race.
      const user = str(b.user_id);
      if (!user) return invalidArguments(api, ['missing required field: user_id']);
      const errors = viewErrors(b.view);
      if (isObject(b.view) && b.view.type !== 'home') {
        errors.push(`must be home (got ${JSON.stringify(b.view.type)}) [json-pointer:/view/type]`);
      }
      if (errors.length > 0) return invalidBlocks(api, errors);
      const size = Buffer.byteLength(JSON.stringify(b.view));
      if (size > MAX_PUBLISHED_VIEW_BYTES) {
        return fail('view_too_large', `${api}: the view is ${size} bytes (max ${MAX_PUBLISHED_VIEW_BYTES})`);
      }
      const current = fake.homes.get(user);
      if (typeof b.hash === 'string' && b.hash !== '' && b.hash !== current?.hash)
        return fail('hash_conflict');
      const id = current?.id ?? `V${String(++viewSeq).padStart(8, '0')}`;
      const json = viewJson(id, b.view as Json);
      fake.homes.set(user, { id, view: b.view, hash: String(json.hash) });
      return ok({ view: json });
    },

    'chat.getPermalink': ({ body: b }) => {
      // Reference: `channel` and `message_ts` of an existing message; answers a workspace URL.
      const m = findMessage(b.channel, b.message_ts);
      if (!m) return fail(str(b.channel) ? 'message_not_found' : 'channel_not_found');
      const permalink = `https://fake.slack.com/archives/${m.channel}/p${m.ts.replace('.', '')}`;
      return ok({ channel: m.channel, permalink });
    },

    'views.update': ({ api, body: b }) => {
      const entry =
        typeof b.view_id === 'string'
          ? fake.views.find((v) => v.id === b.view_id)
          : typeof b.external_id === 'string'
            ? fake.views.find((v) => isObject(v.view) && v.view.external_id === b.external_id)
            : undefined;
      if (!entry) return fail('not_found');
      if (typeof b.hash === 'string' && b.hash !== viewHashes.get(entry.id)) return fail('hash_conflict');
      const errors = viewErrors(b.view);
      if (errors.length > 0) return invalidBlocks(api, errors);
      entry.view = b.view;
      return ok({ view: viewJson(entry.id, b.view as Json) });
    },

    'files.getUploadURLExternal': ({ api, body: b }) => {
      // Reference: `filename` (string) and `length` (integer, bytes) are required; `alt_txt` and `snippet_type`
      // are optional. @slack/web-api sends the alt text as `alt_text`; both are read here.
      const filename = str(b.filename);
      const rawLength = b.length;
      const absent = [
        ...(filename ? [] : ['filename']),
        ...(rawLength === undefined || rawLength === '' ? ['length'] : []),
      ];
      if (absent.length > 0)
        return invalidArguments(
          api,
          absent.map((k) => `missing required field: ${k}`),
        );
      const length =
        typeof rawLength === 'number'
          ? rawLength
          : typeof rawLength === 'string' && /^\s*\d+\s*$/.test(rawLength)
            ? Number(rawLength)
            : Number.NaN;
      if (!Number.isSafeInteger(length) || length < 0) {
        return invalidArguments(api, [
          `length must be a whole number of bytes (got ${JSON.stringify(rawLength)})`,
        ]);
      }
      // Reference, errors: `missing_argument` "Typically only occurs when the `length` provided is 0".
      if (length === 0) return fail('missing_argument', `${api}: length is 0 (${filename})`);
      if (length > maxFileBytes) {
        return fail(
          'file_upload_size_restricted',
          `${api}: ${filename} is ${length} bytes, over the ${maxFileBytes}-byte file limit`,
        );
      }
      const alt =
        typeof b.alt_txt === 'string' ? b.alt_txt : typeof b.alt_text === 'string' ? b.alt_text : undefined;
      if (alt !== undefined && alt.length > MAX_ALT_TXT) {
        return fail('alt_txt_too_large', `${api}: alt text is ${alt.length} characters (max ${MAX_ALT_TXT})`);
      }
      const snippet = str(b.snippet_type);
      if (snippet && length > MAX_SNIPPET_BYTES) {
        return fail(
          'snippet_too_large',
          `${api}: a ${snippet} snippet of ${length} bytes (max ${MAX_SNIPPET_BYTES})`,
        );
      }
      const fileId = newId('F');
      const r: Reservation = { name: filename ?? '', length, state: 'reserved' };
      if (alt !== undefined) r.alt_txt = alt;
      if (snippet) r.snippet_type = snippet;
      reservations.set(fileId, r);
      return ok({ upload_url: `${fake.url}/upload/${fileId}`, file_id: fileId });
    },

    'files.completeUploadExternal': ({ api, body: b }) => {
      // Reference: `files` (required) is an array of {id, title?}; `channel_id` (or `channels`, comma-separated)
      // shares them, with `thread_ts` as a reply ("provide only one channel when using thread_ts"); without a
      // channel "the file will remain private". `initial_comment` introduces them, `blocks` is "ignored" when it
      // is given. "This method can only be called once" (per file).
      const list = b.files;
      if (!Array.isArray(list) || list.length < 1 || list.length > MAX_COMPLETE_FILES) {
        const got = Array.isArray(list) ? `${list.length} items` : JSON.stringify(list);
        return invalidArguments(api, [
          `files must be an array of 1 to ${MAX_COMPLETE_FILES} {id, title} (got ${got})`,
        ]);
      }
      const wanted: { id: string; title?: string }[] = [];
      for (const [i, f] of list.entries()) {
        if (!isObject(f) || typeof f.id !== 'string' || f.id === '') {
          return invalidArguments(api, [`files[${i}] must be {id, title?} with a file id`]);
        }
        if (f.title !== undefined && typeof f.title !== 'string') {
          return invalidArguments(api, [`files[${i}].title must be a string`]);
        }
        if (wanted.some((w) => w.id === f.id))
          return invalidArguments(api, [`files[${i}]: ${f.id} is listed twice`]);
        wanted.push(typeof f.title === 'string' ? { id: f.id, title: f.title } : { id: f.id });
      }
      for (const w of wanted) {
        const r = reservations.get(w.id);
        if (!r) return fail('file_not_found', `${api}: ${w.id} was never given an upload URL`);
        if (r.state === 'reserved') {
          return fail(
            'file_not_found',
            `${api}: ${w.id} (${r.name}) completed before its bytes reached the upload URL`,
          );
        }
        if (r.state === 'completed') {
          return fail(
            'file_not_found',
            `${api}: ${w.id} (${r.name}) completed twice (the method can only be called once)`,
          );
        }
      }
      const channelId = str(b.channel_id);
      const channels = channelId
        ? [channelId]
        : typeof b.channels === 'string'
          ? b.channels
              .split(',')
              .map((c) => c.trim())
              .filter((c) => c !== '')
          : [];
      if (channels.length > MAX_SHARE_CHANNELS) {
        return fail(
          'channels_limit_exceeded',
          `${api}: ${channels.length} channels (max ${MAX_SHARE_CHANNELS})`,
        );
      }
      const threadTs = str(b.thread_ts);
      if (threadTs && channels.length !== 1) {
        return invalidArguments(api, [`thread_ts needs exactly one channel (got ${channels.length})`]);
      }
      for (const c of channels) {
        const refused = deniedIn(api, c);
        if (refused) return refused;
      }
      const comment =
        typeof b.initial_comment === 'string' && b.initial_comment !== '' ? b.initial_comment : undefined;
      const blocks =
        comment === undefined && Array.isArray(b.blocks) && b.blocks.length > 0 ? b.blocks : undefined;
      const errors = messageErrors(comment, comment === undefined ? b.blocks : undefined);
      if (errors.length > 0) return invalidBlocks(api, errors);

      const done: SlackUploadedFile[] = [];
      for (const w of wanted) {
        const r = reservations.get(w.id);
        const file = fake.files.find((f) => f.id === w.id);
        if (!r || !file) continue;
        r.state = 'completed';
        file.completed = true;
        if (w.title !== undefined && w.title !== '') file.title = w.title;
        done.push(file);
      }
      for (const channel of channels) {
        const m: SlackMessage = {
          channel,
          ts: nextTs(),
          user: botUserId,
          files: done.map(fileRef),
          reactions: [],
        };
        if (threadTs) m.thread_ts = threadTs;
        if (comment !== undefined) m.text = comment;
        if (blocks !== undefined) m.blocks = blocks;
        fake.messages.push(m);
        for (const file of done) {
          const share: SlackUploadedFile['shares'][number] = { channel, ts: m.ts };
          if (threadTs) share.thread_ts = threadTs;
          file.shares.push(share);
          if (file.channel !== undefined) continue;
          file.channel = channel;
          file.ts = m.ts;
          if (threadTs) file.thread_ts = threadTs;
          const upload = fake.uploads.get(file.id);
          if (upload) {
            upload.channel = channel;
            if (threadTs) upload.threadTs = threadTs;
          }
        }
      }
      return ok({ files: done.map(fileJson) });
    },
  };

  function answerApi(api: string, headers: Record<string, string>, body: Json, parseError?: string): Answer {
    const bearer = /^Bearer\s+(.+)$/i.exec(headers.authorization ?? '')?.[1];
    if (bearer !== options.botToken && body.token !== options.botToken) return fail('invalid_auth');
    const failure = failures.findIndex((f) => f.api === api);
    if (failure >= 0) {
      const [f] = failures.splice(failure, 1);
      const error = f?.error ?? 'internal_error';
      if (typeof error === 'string') return fail(error);
      const a: Answer = { status: error.status, body: { ok: false, error: 'internal_error' } };
      if (error.status === 429) {
        a.body = { ok: false, error: 'ratelimited' };
        a.headers = { 'retry-after': String(error.retryAfter ?? 1) };
      }
      return a;
    }
    const handler = Object.hasOwn(methods, api) ? methods[api] : undefined;
    if (!handler) return fail('unknown_method');
    if (parseError) return fail(parseError);
    const spec = validateRequest('slack', 'POST', `/${api}`, body);
    if (spec.length > 0) {
      const a = invalidArguments(
        api,
        spec.map((e) =>
          e.keyword === 'required'
            ? `missing required field: ${e.path.join('.')}`
            : `${e.message} [json-pointer:${e.pointer}]`,
        ),
      );
      return { ...a, violation: `${a.violation ?? api} (API spec)` };
    }
    return handler({ api, body });
  }

  /**
   * POST /upload/<file id>: the raw bytes, or a multipart body with one file part ("Files can be sent as raw bytes
   * or can be multipart form encoded. Slack will return HTTP 200 if the upload is successful; a non-200 response
   * indicates a failure", files.getUploadURLExternal reference). The bytes must be `length` long, and an upload
   * URL takes one upload.
   */
  function answerUpload(fileId: string, contentType: string, raw: Buffer): Answer {
    const what = `POST /upload/${fileId}`;
    const r = reservations.get(fileId);
    if (!r)
      return {
        status: 404,
        body: 'file_not_found',
        violation: `${what}: no files.getUploadURLExternal gave this URL`,
      };
    if (r.state !== 'reserved') {
      return {
        status: 400,
        body: 'already_uploaded',
        violation: `${what}: ${r.name} was already uploaded (one upload per URL)`,
      };
    }
    let bytes = raw;
    if (contentType.toLowerCase().startsWith('multipart/form-data')) {
      const parts = multipartParts(raw, contentType);
      const files = parts.filter((p) => p.filename !== undefined);
      const chosen =
        files.length === 1 ? files[0] : files.length === 0 && parts.length === 1 ? parts[0] : undefined;
      if (!chosen) {
        return {
          status: 400,
          body: 'invalid_multipart',
          violation: `${what}: a multipart upload needs exactly one file part (got ${files.length} of ${parts.length} parts)`,
        };
      }
      bytes = chosen.data;
    }
    if (bytes.length !== r.length) {
      return {
        status: 400,
        body: 'length_mismatch',
        violation: `${what}: ${bytes.length} bytes sent for ${r.name}, files.getUploadURLExternal was told length ${r.length}`,
      };
    }
    r.state = 'uploaded';
    const copy = Buffer.from(bytes);
    const key = `${teamId}-${fileId}`;
    const mimetype = mimeTypeOf(r.name);
    privateFiles.set(key, { bytes: copy, mimetype });
    uploadedKeys.add(key);
    const base = `${fake.url}/files-pri/${key}`;
    const file: SlackUploadedFile = {
      id: fileId,
      name: r.name,
      title: r.name,
      mimetype,
      bytes: copy,
      size: copy.length,
      completed: false,
      shares: [],
      url_private: `${base}/${encodeURIComponent(r.name)}`,
      url_private_download: `${base}/download/${encodeURIComponent(r.name)}`,
    };
    if (r.alt_txt !== undefined) file.alt_txt = r.alt_txt;
    if (r.snippet_type !== undefined) file.snippet_type = r.snippet_type;
    fake.files.push(file);
    fake.uploads.set(fileId, { name: r.name, bytes: copy });
    return { status: 200, body: `OK - ${copy.length}` };
  }

  /** GET /files-pri/<team>-<file>/[download/]<name>: bytes with the bot token, else a redirect to a login page (like Slack). */
  function answerPrivateFile(key: string, headers: Record<string, string>): Answer {
    const file = privateFiles.get(key);
    if (headers.authorization !== `Bearer ${options.botToken}`) {
      return { status: 302, body: '', headers: { location: `${fake.url}/login` } };
    }
    if (!file) return { status: 404, body: 'file_not_found' };
    return { status: 200, body: file.bytes, headers: { 'content-type': file.mimetype } };
  }

  /** POST /response/<id>: a response_url post (JSON). */
  function answerResponseUrl(id: string, body: Json, parseError: string | undefined): Answer {
    const state = responseUrls.get(id);
    if (!state) return { status: 404, body: 'no_service' };
    const what = `response_url ${id}`;
    // docs/platforms.md §2.2: a `response_url` is valid 30 min / 5 uses.
    if (now() - state.issuedAt > RESPONSE_URL_TTL_MS) {
      return { status: 404, body: 'expired_url', violation: `${what}: used after 30 minutes` };
    }
    if (state.uses >= RESPONSE_URL_USES) {
      return { status: 404, body: 'used_url', violation: `${what}: used more than 5 times` };
    }
    if (parseError) return { status: 400, body: 'invalid_payload' };
    const targetTs = state.originalTs ?? state.lastTs;
    const target =
      targetTs === undefined
        ? undefined
        : fake.messages.find((m) => m.channel === state.channel && m.ts === targetTs);
    if (truthy(body.delete_original)) {
      if (target) fake.messages.splice(fake.messages.indexOf(target), 1);
      state.uses++;
      return { status: 200, body: 'ok' };
    }
    const errors = messageErrors(body.text, body.blocks);
    if (errors.length > 0) {
      return { status: 400, body: 'invalid_blocks', violation: `${what}: ${errors.join('; ')}` };
    }
    const c = content(body);
    if (c.text === undefined && c.blocks === undefined && body.attachments === undefined) {
      return { status: 400, body: 'no_text' };
    }
    state.uses++;
    if (truthy(body.replace_original) && target) {
      if (c.text !== undefined) target.text = c.text;
      else delete target.text;
      if (c.blocks !== undefined) target.blocks = c.blocks;
      else delete target.blocks;
      target.edited = true;
      return { status: 200, body: 'ok' };
    }
    const m: SlackMessage = { channel: state.channel, ts: nextTs(), user: botUserId, reactions: [], ...c };
    // Slack: response_url posts are ephemeral unless response_type is 'in_channel'.
    if (body.response_type !== 'in_channel') m.ephemeral = { user: state.user };
    const threadTs = str(body.thread_ts);
    if (threadTs) m.thread_ts = threadTs;
    fake.messages.push(m);
    state.lastTs = m.ts;
    return { status: 200, body: 'ok' };
  }

  function onRequest(incoming: IncomingMessage, res: ServerResponse, raw: Buffer): void {
    const at = now();
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(incoming.headers)) {
      if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    }
    const contentType = headers['content-type'] ?? '';
    const url = new URL(incoming.url ?? '/', 'http://fake');
    const method = incoming.method ?? 'GET';
    const path = url.pathname;
    let api: string | null = null;
    let body: Json = {};
    let a: Answer;
    try {
      const apiMatch = /^\/api\/([A-Za-z0-9._-]+)$/.exec(path);
      const upload = /^\/upload\/([^/]+)$/.exec(path);
      const privateFile = /^\/files-pri\/([^/]+)\/(?:download\/)?[^/]+$/.exec(path);
      const response = /^\/response\/([^/]+)$/.exec(path);
      if (apiMatch) {
        api = apiMatch[1] ?? '';
        const parsed = parseFields(raw, contentType);
        body = { ...Object.fromEntries(url.searchParams), ...parsed.fields };
        const badJson = decodeJsonFields(body);
        const jsonError = badJson === 'blocks' ? 'invalid_blocks_format' : badJson && 'invalid_arguments';
        const parseError = parsed.error ?? jsonError;
        a = answerApi(api, headers, body, parseError);
      } else if (upload && method === 'POST') {
        body = { bytes: raw };
        a = answerUpload(decodeURIComponent(upload[1] ?? ''), contentType, raw);
      } else if (privateFile && method === 'GET') {
        a = answerPrivateFile(decodeURIComponent(privateFile[1] ?? ''), headers);
      } else if (response && method === 'POST') {
        const parsed = parseFields(raw, contentType);
        body = parsed.fields;
        let parseError = parsed.error;
        // Some clients post `payload=<json>` as a form.
        if (typeof body.payload === 'string' && !contentType.includes('json')) {
          try {
            const p: unknown = JSON.parse(body.payload);
            if (isObject(p)) body = p;
            else parseError = 'invalid_payload';
          } catch {
            parseError = 'invalid_payload';
          }
        }
        a = answerResponseUrl(decodeURIComponent(response[1] ?? ''), body, parseError);
      } else if (path === '/login' && method === 'GET') {
        a = {
          status: 200,
          body: '<!DOCTYPE html><html><body>Sign in to Fake Team</body></html>',
          headers: { 'content-type': 'text/html; charset=utf-8' },
        };
      } else {
        a = { status: 404, body: 'not_found' };
      }
    } catch (err) {
      a = { status: 500, body: { ok: false, error: `fake-slack bug: ${String(err)}` } };
    }
    if (a.violation) fake.violations.push(a.violation);
    fake.calls.push({ method, path, api, headers, body, status: a.status, response: a.body, at });
    let out: Buffer;
    let type: string;
    if (Buffer.isBuffer(a.body)) {
      out = a.body;
      type = 'application/octet-stream';
    } else if (typeof a.body === 'string') {
      out = Buffer.from(a.body);
      type = 'text/plain; charset=utf-8';
    } else {
      out = Buffer.from(JSON.stringify(a.body));
      type = 'application/json; charset=utf-8';
    }
    res.writeHead(a.status, { 'content-type': type, ...a.headers, 'content-length': String(out.length) });
    res.end(out);
  }

  const { server, port } = await listenLocal(onRequest);

  const describeCalls = (): string =>
    fake.calls
      .slice(-10)
      .map((c) => {
        const body = Buffer.isBuffer(c.body.bytes)
          ? `<${c.body.bytes.length} bytes>`
          : (JSON.stringify(c.body) ?? '').slice(0, 200);
        const res = typeof c.response === 'string' ? c.response : JSON.stringify(c.response ?? '');
        return `  ${c.method} ${c.path} ${body} -> ${c.status} ${(res ?? '').slice(0, 200)}`;
      })
      .join('\n') || '  (none)';

  const fake: FakeSlack = {
    url: `http://127.0.0.1:${port}`,
    calls: [],
    violations: [],
    messages: [],
    uploads: new Map(),
    files: [],
    views: [],
    homes: new Map(),
    users: new Map(),
    messagesIn(channel, threadTs) {
      return fake.messages.filter(
        (m) =>
          m.channel === channel && (threadTs === undefined || m.ts === threadTs || m.thread_ts === threadTs),
      );
    },
    responseUrl(channel, user, originalTs) {
      const id = randomBytes(12).toString('hex');
      const state: ResponseUrlState = { channel, user, issuedAt: now(), uses: 0 };
      if (originalTs !== undefined) state.originalTs = originalTs;
      responseUrls.set(id, state);
      return `${fake.url}/response/${id}`;
    },
    addFile(bytes, name, mimetype) {
      const id = newId('F');
      const key = `${teamId}-${id}`;
      privateFiles.set(key, { bytes, mimetype });
      const base = `${fake.url}/files-pri/${key}`;
      return {
        id,
        name,
        mimetype,
        size: bytes.length,
        url_private: `${base}/${encodeURIComponent(name)}`,
        url_private_download: `${base}/download/${encodeURIComponent(name)}`,
      };
    },
    denyChannel(channel, error = 'not_in_channel') {
      denied.set(channel, error);
    },
    failNext(apiMethod, count, error = 'internal_error') {
      for (let i = 0; i < count; i++) failures.push({ api: apiMethod, error });
    },
    waitFor(predicate, timeoutMs = 5000) {
      return pollUntil(predicate, timeoutMs, 'fake Slack', describeCalls);
    },
    reset() {
      fake.calls.length = 0;
      fake.violations.length = 0;
      fake.messages.length = 0;
      fake.views.length = 0;
      fake.homes.clear();
      fake.uploads.clear();
      fake.files.length = 0;
      failures = [];
      buckets = new Map();
      usedTriggers = new Set();
      reservations = new Map();
      denied = new Map();
      for (const key of uploadedKeys) privateFiles.delete(key);
      uploadedKeys.clear();
    },
    close: () => closeServer(server),
  };
  return fake;
}
