/**
 * A fake LINE Messaging API for tests: one local HTTP server that answers both the api.line.me and
 * the api-data.line.me paths the bot uses, records every call, and rejects what the real API would
 * reject (limits from docs/platforms.md, LINE, and the Messaging API reference,
 * https://developers.line.biz/en/reference/messaging-api/). A request broken by a documented limit
 * gets a 400 shaped like the real one plus a line in `violations`, so a bot test can assert
 * `violations` is empty instead of discovering the limit in production. JSON bodies are also checked against
 * LINE's OpenAPI description (https://github.com/line/line-openapi, messaging-api.yml, read by ./openapi.ts
 * where the shared specs folder is present): a body that breaks it gets the same 400 and violation.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { closeServer, listenLocal, pollUntil } from './common.ts';
import { validateRequest } from './openapi.ts';

export interface FakeLineOptions {
  /** Requests must carry `Authorization: Bearer <token>`, else 401. */
  channelAccessToken: string;
  /** Token-bucket rates in requests per second per endpoint class; defaults 2000 (push, reply, loading, profile, content, richmenu...) and 200 (multicast). */
  rates?: { default?: number; multicast?: number };
  /** Current time in ms (reply-token expiry is 60 s after issue). Default Date.now. */
  now?: () => number;
  /** Messages per month (counted per recipient for push/multicast; replies are free); past it 429 {"message":"You have reached your monthly limit."}. Default unlimited. */
  monthlyLimit?: number;
  /**
   * Longest `uri` (and `altUri.desktop`) of a URI action, in characters. Default 10,000, LINE's limit since
   * 2026-10-27 (it was 1,000 before; see URI_MAX_LENGTH).
   */
  uriMaxLength?: number;
}

export interface RecordedCall {
  method: string;
  path: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** Parsed JSON, or Buffer for binary uploads (null when empty, the raw text when not valid JSON). */
  body: unknown;
  /** What the fake answered. */
  status: number;
  /** now() when received. */
  at: number;
}

export interface Delivered {
  to: string;
  via: 'reply' | 'push' | 'multicast';
  // biome-ignore lint/suspicious/noExplicitAny: message objects are whatever the bot sent; tests dig into them freely.
  messages: any[];
  requestId: string;
}

export interface FakeLine {
  /** http://127.0.0.1:<port>, serves BOTH api.line.me and api-data.line.me paths. */
  url: string;
  calls: RecordedCall[];
  /** One entry per recipient per accepted send (multicast to 3 ids = 3 entries). */
  delivered: Delivered[];
  /** Human-readable reason for every request rejected with 400 for breaking a limit (not for a stale reply token). */
  violations: string[];
  /** Token bound to that user, valid 60 s from now(), single use. */
  issueReplyToken(userId: string): string;
  setProfile(userId: string, profile: { displayName: string; language?: string; pictureUrl?: string }): void;
  setContent(messageId: string, bytes: Buffer, contentType: string): void;
  /** The next `count` requests to `path` (exact path, e.g. '/v2/bot/message/push') answer `status` (500 default) with body {"message":"Internal error"}; they are recorded but not delivered. */
  failNext(path: string, count: number, status?: number): void;
  setRates(rates: { default?: number; multicast?: number }): void;
  /** Resolves when `predicate()` is true (polls every 5 ms), rejects after timeoutMs (default 5000) with a message listing the last calls. */
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  /** All message objects delivered to the user, in order. */
  // biome-ignore lint/suspicious/noExplicitAny: see Delivered.messages.
  messagesTo(userId: string): any[];
  // biome-ignore lint/suspicious/noExplicitAny: the rich menu object as the bot sent it.
  richMenus: Map<string, { body: any; image?: { contentType: string; size: number } }>;
  defaultRichMenuId: string | null;
  /** Clears calls, delivered (hence the monthly count), violations and pending failNext; refills the rate buckets. Keeps profiles, content, rich menus, reply tokens and retry keys. */
  reset(): void;
  close(): Promise<void>;
}

// docs/platforms.md §1.4: push, reply and most endpoints 2,000 req/s; multicast 200 req/s.
const DEFAULT_RATE = 2000;
const MULTICAST_RATE = 200;
// docs/platforms.md §1.3: a reply token is single use, within 1 minute of receipt.
const REPLY_TOKEN_TTL_MS = 60_000;
// docs/platforms.md §1.5: an X-Line-Retry-Key is valid 24 h.
const RETRY_KEY_TTL_MS = 24 * 60 * 60 * 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Message types of the Messaging API reference ("Message objects"); anything else is rejected.
const MESSAGE_TYPES = new Set([
  'text',
  'textV2',
  'sticker',
  'image',
  'video',
  'audio',
  'location',
  'imagemap',
  'template',
  'flex',
]);
const QUOTABLE = new Set(['text', 'textV2', 'sticker']);
// Media URLs, Messaging API reference (https://developers.line.biz/en/reference/messaging-api/#image-message and
// the other message objects): "Image file URL (Max character limit: 2000) Protocol: HTTPS (TLS 1.2 or later)";
// the same for previewImageUrl, video/audio originalContentUrl, imagemap baseUrl, template thumbnailImageUrl and
// imageUrl, quick reply imageUrl, sender iconUrl and the url/previewUrl of Flex image and video components. "The URL
// should be percent-encoded using UTF-8." The files behind them (image JPEG or PNG ≤ 10 MB, preview ≤ 1 MB) are
// fetched by LINE later, when a user opens the chat, so a send is never refused for them and the fake cannot check them.
const MEDIA_URL_MAX = 2000;
const MEDIA_URL_KEYS = new Set([
  'originalContentUrl',
  'previewImageUrl',
  'thumbnailImageUrl',
  'imageUrl',
  'baseUrl',
  'iconUrl',
  'previewUrl',
]);
/** The message types whose URLs are required, Messaging API reference. */
const REQUIRED_MEDIA: Record<string, string[]> = {
  image: ['originalContentUrl', 'previewImageUrl'],
  video: ['originalContentUrl', 'previewImageUrl'],
  audio: ['originalContentUrl'],
};
// URI action (https://developers.line.biz/en/reference/messaging-api/#uri-action): "The available schemes are `http`,
// `https`, `line`, and `tel`", percent-encoded. Its `uri` and `altUri.desktop` were "Max character limit: 1000";
// LINE raised both to 10,000 on 2026-10-27 (https://developers.line.biz/en/news/2026/10/27/uri-action/, also in
// the line-openapi schema: URIAction.uri and AltUri.desktop maxLength 10000). Imagemap `linkUri` (and a video's
// externalLink.linkUri) stays at 1,000 (reference, #imagemap-message).
const URI_MAX_LENGTH = 10_000;
const LINK_URI_MAX = 1000;
const URI_SCHEMES = new Set(['http', 'https', 'line', 'tel']);
/** Characters a URL may hold as is (RFC 3986); anything else must be percent-encoded. */
const URL_CHARS = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/;

const AUTH_FAILED = {
  message: 'Authentication failed. Confirm that the access token in the authorization header is valid.',
};
const NOT_FOUND = { message: 'Not found' };

interface Detail {
  message: string;
  property: string;
}
type Json = Record<string, unknown>;
interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  violation?: string;
}
interface ApiRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  raw: Buffer;
  body: unknown;
  jsonError: boolean;
  requestId: string;
  /** Where a JSON body breaks the API spec (see specDetails); the handlers add them to their own errors. */
  spec: Detail[];
}
type Route = {
  method: string;
  pattern: RegExp;
  bucket: 'default' | 'multicast';
  /** Takes a JSON object body (the others take none, or bytes). */
  json?: boolean;
  handle: (req: ApiRequest, params: string[]) => Answer;
};
interface Bucket {
  rate: number;
  tokens: number;
  last: number;
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
const jsonBytes = (v: unknown): number => Buffer.byteLength(JSON.stringify(v) ?? '', 'utf8');
const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

function checkLength(
  value: unknown,
  min: number,
  max: number,
  property: string,
  errors: Detail[],
  required = true,
): void {
  if (value === undefined && !required) return;
  if (typeof value !== 'string') errors.push({ message: 'must be specified as a string', property });
  // Characters are counted as UTF-16 code units (JS `.length`): an emoji outside the BMP counts 2,
  // which is stricter than LINE, never looser.
  else if (value.length < min || value.length > max) {
    errors.push({ message: `Length must be between ${min} and ${max} (got ${value.length})`, property });
  }
}

/** A URL LINE fetches media from: HTTPS, ≤ 2,000 characters, percent-encoded. */
function checkMediaUrl(value: unknown, property: string, errors: Detail[]): void {
  checkLength(value, 1, MEDIA_URL_MAX, property, errors);
  if (typeof value !== 'string' || value === '') return;
  if (!/^https:\/\//i.test(value) || !URL.canParse(value)) {
    const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(value)?.[1];
    errors.push({ message: `must be an HTTPS URL${scheme ? ` (got ${scheme})` : ''}`, property });
  } else if (!URL_CHARS.test(value) || /%(?![0-9A-Fa-f]{2})/.test(value)) {
    errors.push({
      message: 'must be percent-encoded (UTF-8): it has characters a URL cannot hold',
      property,
    });
  }
}

/** A URI a user opens: http, https, line or tel, ≤ max characters, percent-encoded. */
function checkUri(value: unknown, property: string, max: number, errors: Detail[]): void {
  checkLength(value, 1, max, property, errors);
  if (typeof value !== 'string' || value === '') return;
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(value)?.[1]?.toLowerCase();
  if (scheme === undefined || !URI_SCHEMES.has(scheme)) {
    errors.push({
      message: `invalid uri scheme${scheme ? ` "${scheme}"` : ''}: must be http, https, line or tel`,
      property,
    });
  } else if (!URL_CHARS.test(value) || /%(?![0-9A-Fa-f]{2})/.test(value) || !URL.canParse(value)) {
    errors.push({ message: 'invalid uri: it must be a percent-encoded (UTF-8) URI', property });
  }
}

/**
 * Checks every URL under `value`: media URLs (MEDIA_URL_KEYS, and `url` of Flex image/video components), URI
 * actions (`uri`, `altUri.desktop`) and imagemap links (`linkUri`).
 */
function walkUrls(value: unknown, path: string, errors: Detail[], uriMax: number): void {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) walkUrls(v, `${path}[${i}]`, errors, uriMax);
    return;
  }
  if (!isObject(value)) return;
  for (const [k, v] of Object.entries(value)) {
    const at = `${path}.${k}`;
    if (MEDIA_URL_KEYS.has(k)) checkMediaUrl(v, at, errors);
    else if (k === 'url' && (value.type === 'image' || value.type === 'video')) checkMediaUrl(v, at, errors);
    else if (k === 'linkUri') checkUri(v, at, LINK_URI_MAX, errors);
    else walkUrls(v, at, errors, uriMax);
  }
  if (value.type === 'uri' && !('linkUri' in value)) {
    checkUri(value.uri, `${path}.uri`, uriMax, errors);
    if (isObject(value.altUri) && value.altUri.desktop !== undefined) {
      checkUri(value.altUri.desktop, `${path}.altUri.desktop`, uriMax, errors);
    }
  }
}

function isActionShape(o: Json): boolean {
  return (
    (o.type === 'postback' && 'data' in o) ||
    (o.type === 'message' && 'text' in o) ||
    (o.type === 'uri' && 'uri' in o)
  );
}

/** Action limits, Messaging API reference "Action objects". */
function checkAction(a: Json, path: string, errors: Detail[], checkLabel: boolean): void {
  if (a.type === 'postback') {
    // docs/platforms.md §1.6: postback `data` ≤ 300 characters (reference: 1..300).
    checkLength(a.data, 1, 300, `${path}.data`, errors);
    // Reference, postback action: displayText max 300 characters.
    checkLength(a.displayText, 0, 300, `${path}.displayText`, errors, false);
  }
  // Reference, action objects: label max 20 characters.
  if (checkLabel) checkLength(a.label, 0, 20, `${path}.label`, errors, false);
}

/** Finds every action-shaped object anywhere under `value` and checks it. */
function walkActions(value: unknown, path: string, errors: Detail[]): void {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) walkActions(v, `${path}[${i}]`, errors);
    return;
  }
  if (!isObject(value)) return;
  if (isActionShape(value)) checkAction(value, path, errors, true);
  for (const [k, v] of Object.entries(value)) walkActions(v, `${path}.${k}`, errors);
}

function checkQuickReply(qr: unknown, path: string, errors: Detail[]): void {
  const items = isObject(qr) ? qr.items : undefined;
  // docs/platforms.md §1.6: quick reply ≤ 13 items (reference: items max 13).
  if (!Array.isArray(items) || items.length < 1 || items.length > 13) {
    const got = Array.isArray(items) ? ` (got ${items.length})` : '';
    errors.push({ message: `Size must be between 1 and 13${got}`, property: `${path}.items` });
    return;
  }
  items.forEach((item: unknown, i) => {
    const p = `${path}.items[${i}]`;
    if (!isObject(item) || item.type !== 'action' || !isObject(item.action)) {
      errors.push({ message: "must be {type: 'action', action: {...}}", property: p });
      return;
    }
    // Reference, quick reply button: the action label is required, max 20 characters.
    checkLength(item.action.label, 1, 20, `${p}.action.label`, errors);
    if (isActionShape(item.action)) checkAction(item.action, `${p}.action`, errors, false);
  });
}

function checkBubble(b: unknown, path: string, errors: Detail[]): void {
  if (!isObject(b) || b.type !== 'bubble') {
    errors.push({ message: "must be a flex container of type 'bubble'", property: path });
    return;
  }
  const size = jsonBytes(b);
  // docs/platforms.md §1.6: Flex bubble ≤ 30 KB (30,720 bytes of JSON, UTF-8).
  if (size > 30_720) {
    errors.push({
      message: `A bubble must be at most 30 KB (got ${kb(size)}, ${size} bytes)`,
      property: path,
    });
  }
}

function checkMessage(m: unknown, p: string, errors: Detail[]): void {
  if (!isObject(m) || typeof m.type !== 'string' || !MESSAGE_TYPES.has(m.type)) {
    const type = isObject(m) ? JSON.stringify(m.type) : typeof m;
    errors.push({ message: `unknown message type ${type}`, property: `${p}.type` });
    return;
  }
  // docs/platforms.md §1.6: text ≤ 5,000 characters (reference: text message 1..5000 characters).
  if (m.type === 'text' || m.type === 'textV2') checkLength(m.text, 1, 5000, `${p}.text`, errors);
  for (const key of REQUIRED_MEDIA[m.type] ?? []) {
    if (m[key] === undefined) errors.push({ message: 'must be specified', property: `${p}.${key}` });
  }
  if (m.type === 'flex') {
    // Reference, flex message: altText max 400 characters.
    checkLength(m.altText, 1, 400, `${p}.altText`, errors);
    const c = m.contents;
    if (isObject(c) && c.type === 'carousel') {
      const bubbles = c.contents;
      // docs/platforms.md §1.6: carousel ≤ 12 bubbles and ≤ 50 KB.
      if (!Array.isArray(bubbles) || bubbles.length < 1 || bubbles.length > 12) {
        const got = Array.isArray(bubbles) ? ` (got ${bubbles.length})` : '';
        errors.push({ message: `Size must be between 1 and 12${got}`, property: `${p}.contents.contents` });
      } else {
        for (const [i, b] of bubbles.entries()) checkBubble(b, `${p}.contents.contents[${i}]`, errors);
        const size = jsonBytes(c);
        if (size > 51_200) {
          errors.push({
            message: `A carousel must be at most 50 KB (got ${kb(size)}, ${size} bytes)`,
            property: `${p}.contents`,
          });
        }
      }
    } else checkBubble(c, `${p}.contents`, errors);
  }
  // Quick reply is accepted on any message (LINE shows it only on the last one) and checked apart.
  for (const [k, v] of Object.entries(m)) if (k !== 'quickReply') walkActions(v, `${p}.${k}`, errors);
  if ('quickReply' in m) checkQuickReply(m.quickReply, `${p}.quickReply`, errors);
}

function checkMessages(messages: unknown, errors: Detail[], uriMax: number): void {
  // docs/platforms.md §1.3: up to 5 message objects per call (reference: 1..5).
  if (!Array.isArray(messages) || messages.length < 1 || messages.length > 5) {
    const got = Array.isArray(messages) ? ` (got ${messages.length})` : '';
    errors.push({ message: `Size must be between 1 and 5${got}`, property: 'messages' });
    return;
  }
  for (const [i, m] of messages.entries()) {
    checkMessage(m, `messages[${i}]`, errors);
    walkUrls(m, `messages[${i}]`, errors, uriMax);
  }
}

/** Rich menu object, Messaging API reference "Rich menu object" (narrowed to the sizes this bot uses). */
function checkRichMenu(b: Json, errors: Detail[], uriMax: number): void {
  const size = b.size;
  // Reference: full 2500x1686 or half 2500x843 (the two sizes this bot uses).
  if (!isObject(size) || size.width !== 2500 || (size.height !== 1686 && size.height !== 843)) {
    errors.push({ message: 'must be {width: 2500, height: 1686 or 843}', property: 'size' });
  }
  if (typeof b.selected !== 'boolean') errors.push({ message: 'must be a boolean', property: 'selected' });
  // Reference: name max 300 characters; chatBarText max 14 characters.
  checkLength(b.name, 1, 300, 'name', errors);
  checkLength(b.chatBarText, 1, 14, 'chatBarText', errors);
  const areas = b.areas;
  // Reference: areas max 20.
  if (!Array.isArray(areas) || areas.length < 1 || areas.length > 20) {
    const got = Array.isArray(areas) ? ` (got ${areas.length})` : '';
    errors.push({ message: `Size must be between 1 and 20${got}`, property: 'areas' });
    return;
  }
  areas.forEach((a: unknown, i) => {
    const bounds = isObject(a) ? a.bounds : undefined;
    const ok = isObject(bounds) && ['x', 'y', 'width', 'height'].every((k) => typeof bounds[k] === 'number');
    if (!ok) errors.push({ message: 'must be {x, y, width, height}', property: `areas[${i}].bounds` });
    if (!isObject(a) || !isObject(a.action) || typeof a.action.type !== 'string') {
      errors.push({ message: 'must be an action object', property: `areas[${i}].action` });
    }
  });
  walkActions(areas, 'areas', errors);
  walkUrls(areas, 'areas', errors, uriMax);
}

/** Details that come from the API spec, marked as such in the violation line. */
const fromSpec = new WeakSet<Detail>();

/** Where a JSON body breaks LINE's OpenAPI description for the request, as error details. */
function specDetails(method: string, path: string, body: unknown): Detail[] {
  const errors = validateRequest('line', method, path, body).filter(
    // The spec read here predates LINE's 2026-10-27 change (https://developers.line.biz/en/news/2026/10/27/uri-action/):
    // it still caps AltUri.desktop at 1,000. walkUrls checks it against the current limit (uriMaxLength) instead.
    (e) => !(e.keyword === 'maxLength' && e.path.at(-2) === 'altUri' && e.path.at(-1) === 'desktop'),
  );
  return errors.map((e) => {
    const property = e.path.reduce<string>(
      (s, k) => (typeof k === 'number' ? `${s}[${k}]` : s === '' ? k : `${s}.${k}`),
      '',
    );
    const d = { message: e.message, property };
    fromSpec.add(d);
    return d;
  });
}

/** The fake's own errors, then the spec's for properties those do not already name (the documented check is more precise). */
function withSpec(req: ApiRequest, errors: Detail[]): Detail[] {
  const named = new Set(errors.map((e) => e.property));
  return [...errors, ...req.spec.filter((d) => !named.has(d.property))];
}

function bad(req: ApiRequest, details: Detail[]): Answer {
  const what = details
    .map(
      (d) =>
        `${d.property ? `${d.property}: ${d.message}` : d.message}${fromSpec.has(d) ? ' (API spec)' : ''}`,
    )
    .join('; ');
  return {
    status: 400,
    body: { message: `The request body has ${details.length} error(s)`, details },
    violation: `${req.method} ${req.path}: ${what}`,
  };
}

export async function startFakeLine(options: FakeLineOptions): Promise<FakeLine> {
  const now = options.now ?? Date.now;
  const uriMax = options.uriMaxLength ?? URI_MAX_LENGTH;
  const replyTokens = new Map<string, { userId: string; issuedAt: number; used: boolean }>();
  const retryKeys = new Map<string, { requestId: string; at: number }>();
  const profiles = new Map<string, { displayName: string; language?: string; pictureUrl?: string }>();
  const contents = new Map<string, { bytes: Buffer; contentType: string }>();
  let failures: { path: string; status: number }[] = [];
  let messageSeq = 0;
  const buckets: Record<'default' | 'multicast', Bucket> = {
    default: { rate: 0, tokens: 0, last: 0 },
    multicast: { rate: 0, tokens: 0, last: 0 },
  };
  const fillBucket = (b: Bucket, rate: number): void => {
    b.rate = rate;
    b.tokens = rate;
    b.last = performance.now();
  };
  fillBucket(buckets.default, options.rates?.default ?? DEFAULT_RATE);
  fillBucket(buckets.multicast, options.rates?.multicast ?? MULTICAST_RATE);

  /** Token bucket refilled continuously by real time (not `now`), capacity = rate. */
  function take(b: Bucket): boolean {
    if (b.rate === Number.POSITIVE_INFINITY) return true;
    const t = performance.now();
    b.tokens = Math.min(b.rate, b.tokens + ((t - b.last) / 1000) * b.rate);
    b.last = t;
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  const deliver = (to: string[], via: Delivered['via'], messages: unknown[], requestId: string): void => {
    for (const id of to) fake.delivered.push({ to: id, via, messages, requestId });
  };
  const sentMessages = (messages: unknown[]) =>
    messages.map((m) => {
      const id = String(600_000_000_000_000_000n + BigInt(++messageSeq));
      const quotable = isObject(m) && typeof m.type === 'string' && QUOTABLE.has(m.type);
      return quotable ? { id, quoteToken: randomBytes(24).toString('base64url') } : { id };
    });
  /** docs/platforms.md §1.9: monthly quota counted per recipient; replies are free. */
  const overMonthly = (recipients: number): boolean =>
    options.monthlyLimit !== undefined &&
    fake.delivered.filter((d) => d.via !== 'reply').length + recipients > options.monthlyLimit;
  const MONTHLY = { status: 429, body: { message: 'You have reached your monthly limit.' } };

  /** Common part of push and multicast: retry key, limits, quota, then accept. */
  function send(req: ApiRequest, via: 'push' | 'multicast', to: unknown, errors: Detail[]): Answer {
    const b = req.body as Json;
    const key = req.headers['x-line-retry-key'];
    if (key !== undefined) {
      // docs/platforms.md §1.5: `X-Line-Retry-Key` is a UUID.
      if (!UUID.test(key)) {
        return bad(req, [
          { message: 'must be a UUID (8-4-4-4-12 hex digits)', property: 'X-Line-Retry-Key' },
        ]);
      }
      const seen = retryKeys.get(key);
      // docs/platforms.md §1.5: a repeat after acceptance returns 409 with x-line-accepted-request-id; valid 24 h.
      if (seen && now() - seen.at < RETRY_KEY_TTL_MS) {
        return {
          status: 409,
          body: { message: 'The retry key is already accepted' },
          headers: { 'x-line-accepted-request-id': seen.requestId },
        };
      }
    }
    checkMessages(b.messages, errors, uriMax);
    const all = withSpec(req, errors);
    if (all.length > 0) return bad(req, all);
    const recipients = via === 'push' ? [to as string] : (to as string[]);
    if (overMonthly(recipients.length)) return MONTHLY;
    if (key !== undefined) retryKeys.set(key, { requestId: req.requestId, at: now() });
    const messages = b.messages as unknown[];
    deliver(recipients, via, messages, req.requestId);
    return { status: 200, body: via === 'push' ? { sentMessages: sentMessages(messages) } : {} };
  }

  const richMenu = (id: string) => fake.richMenus.get(id);
  const routes: Route[] = [
    {
      method: 'POST',
      pattern: /^\/v2\/bot\/message\/reply$/,
      bucket: 'default',
      json: true,
      handle(req) {
        const b = req.body as Json;
        // docs/platforms.md §1.5: X-Line-Retry-Key is for push, multicast, narrowcast and broadcast only.
        if (req.headers['x-line-retry-key'] !== undefined) {
          return bad(req, [{ message: 'not supported on reply', property: 'X-Line-Retry-Key' }]);
        }
        const errors: Detail[] = [];
        if (typeof b.replyToken !== 'string')
          errors.push({ message: 'must be specified', property: 'replyToken' });
        checkMessages(b.messages, errors, uriMax);
        const all = withSpec(req, errors);
        if (all.length > 0) return bad(req, all);
        const token = replyTokens.get(b.replyToken as string);
        // docs/platforms.md §1.3: a reply token is single use, within 1 minute of receipt; used only once accepted.
        if (!token || token.used || now() - token.issuedAt > REPLY_TOKEN_TTL_MS) {
          return { status: 400, body: { message: 'Invalid reply token' } };
        }
        token.used = true;
        const messages = b.messages as unknown[];
        deliver([token.userId], 'reply', messages, req.requestId);
        return { status: 200, body: { sentMessages: sentMessages(messages) } };
      },
    },
    {
      method: 'POST',
      pattern: /^\/v2\/bot\/message\/push$/,
      bucket: 'default',
      json: true,
      handle(req) {
        const to = (req.body as Json).to;
        const errors: Detail[] = [];
        if (typeof to !== 'string' || to === '')
          errors.push({ message: 'must be specified', property: 'to' });
        return send(req, 'push', to, errors);
      },
    },
    {
      method: 'POST',
      pattern: /^\/v2\/bot\/message\/multicast$/,
      bucket: 'multicast',
      json: true,
      handle(req) {
        const to = (req.body as Json).to;
        const errors: Detail[] = [];
        // docs/platforms.md §1.4: multicast takes up to 500 user ids per call.
        if (!Array.isArray(to) || to.length < 1 || to.length > 500) {
          const got = Array.isArray(to) ? ` (got ${to.length})` : '';
          errors.push({ message: `Size must be between 1 and 500${got}`, property: 'to' });
        } else if (!to.every((id) => typeof id === 'string' && id !== '')) {
          errors.push({ message: 'must be user ids', property: 'to' });
        }
        return send(req, 'multicast', to, errors);
      },
    },
    {
      method: 'POST',
      pattern: /^\/v2\/bot\/chat\/loading\/start$/,
      bucket: 'default',
      json: true,
      handle(req) {
        const b = req.body as Json;
        const errors: Detail[] = [];
        if (typeof b.chatId !== 'string' || b.chatId === '') {
          errors.push({ message: 'must be specified', property: 'chatId' });
        }
        const s = b.loadingSeconds ?? 20;
        // Reference, "Display a loading animation": loadingSeconds 5..60 in multiples of 5, default 20.
        if (typeof s !== 'number' || !Number.isInteger(s) || s < 5 || s > 60 || s % 5 !== 0) {
          errors.push({ message: 'must be 5..60 in multiples of 5', property: 'loadingSeconds' });
        }
        const all = withSpec(req, errors);
        return all.length > 0 ? bad(req, all) : { status: 202, body: {} };
      },
    },
    {
      method: 'GET',
      pattern: /^\/v2\/bot\/profile\/([^/]+)$/,
      bucket: 'default',
      handle(_req, [userId = '']) {
        const p = profiles.get(userId);
        return p ? { status: 200, body: { userId, ...p } } : { status: 404, body: NOT_FOUND };
      },
    },
    {
      method: 'GET',
      pattern: /^\/v2\/bot\/message\/([^/]+)\/content$/,
      bucket: 'default',
      handle(_req, [id = '']) {
        const c = contents.get(id);
        return c
          ? { status: 200, body: c.bytes, headers: { 'content-type': c.contentType } }
          : { status: 404, body: NOT_FOUND };
      },
    },
    {
      method: 'POST',
      pattern: /^\/v2\/bot\/richmenu$/,
      bucket: 'default',
      json: true,
      handle(req) {
        const errors: Detail[] = [];
        checkRichMenu(req.body as Json, errors, uriMax);
        const all = withSpec(req, errors);
        if (all.length > 0) return bad(req, all);
        const richMenuId = `richmenu-${randomBytes(16).toString('hex')}`;
        fake.richMenus.set(richMenuId, { body: req.body });
        return { status: 200, body: { richMenuId } };
      },
    },
    {
      method: 'POST',
      pattern: /^\/v2\/bot\/richmenu\/([^/]+)\/content$/,
      bucket: 'default',
      handle(req, [id = '']) {
        const menu = richMenu(id);
        if (!menu) return { status: 404, body: NOT_FOUND };
        const contentType = (req.headers['content-type'] ?? '').split(/[;,]/)[0]?.trim().toLowerCase() ?? '';
        // Reference, "Upload rich menu image": JPEG or PNG, max file size 1 MB.
        if (contentType !== 'image/png' && contentType !== 'image/jpeg') {
          return bad(req, [
            {
              message: `must be image/png or image/jpeg (got ${contentType || 'none'})`,
              property: 'Content-Type',
            },
          ]);
        }
        if (req.raw.length === 0 || req.raw.length > 1_048_576) {
          return bad(req, [
            { message: `image must be 1 byte..1 MB (got ${req.raw.length} bytes)`, property: 'body' },
          ]);
        }
        menu.image = { contentType, size: req.raw.length };
        return { status: 200, body: {} };
      },
    },
    {
      method: 'POST',
      pattern: /^\/v2\/bot\/user\/all\/richmenu\/([^/]+)$/,
      bucket: 'default',
      handle(req, [id = '']) {
        const menu = richMenu(id);
        if (!menu) return { status: 404, body: NOT_FOUND };
        // Reference, "Set default rich menu": the rich menu must have an image uploaded.
        if (!menu.image)
          return bad(req, [{ message: 'the rich menu has no image yet', property: 'richMenuId' }]);
        fake.defaultRichMenuId = id;
        return { status: 200, body: {} };
      },
    },
    {
      method: 'GET',
      pattern: /^\/v2\/bot\/user\/all\/richmenu$/,
      bucket: 'default',
      handle() {
        const richMenuId = fake.defaultRichMenuId;
        return richMenuId ? { status: 200, body: { richMenuId } } : { status: 404, body: NOT_FOUND };
      },
    },
    {
      method: 'GET',
      pattern: /^\/v2\/bot\/richmenu\/list$/,
      bucket: 'default',
      handle() {
        const richmenus = [...fake.richMenus].map(([richMenuId, m]) => ({ richMenuId, ...m.body }));
        return { status: 200, body: { richmenus } };
      },
    },
    {
      method: 'DELETE',
      pattern: /^\/v2\/bot\/richmenu\/([^/]+)$/,
      bucket: 'default',
      handle(_req, [id = '']) {
        if (!fake.richMenus.delete(id)) return { status: 404, body: NOT_FOUND };
        if (fake.defaultRichMenuId === id) fake.defaultRichMenuId = null;
        return { status: 200, body: {} };
      },
    },
  ];
  const MESSAGE_SENDS = new Set([
    '/v2/bot/message/reply',
    '/v2/bot/message/push',
    '/v2/bot/message/multicast',
  ]);

  function answer(req: ApiRequest): Answer {
    if (req.headers.authorization !== `Bearer ${options.channelAccessToken}`) {
      return { status: 401, body: AUTH_FAILED };
    }
    const failure = failures.findIndex((f) => f.path === req.path);
    if (failure >= 0) {
      const [f] = failures.splice(failure, 1);
      return { status: f?.status ?? 500, body: { message: 'Internal error' } };
    }
    for (const route of routes) {
      const match = route.method === req.method ? route.pattern.exec(req.path) : null;
      if (!match) continue;
      if (!take(buckets[route.bucket])) return { status: 429, body: { message: 'Too Many Requests' } };
      // docs/platforms.md §1.6: request ≤ 2 MB (2,097,152 bytes; the real API may answer 413, a 400 will do).
      if (MESSAGE_SENDS.has(req.path) && req.raw.length > 2_097_152) {
        return bad(req, [{ message: `request body is ${req.raw.length} bytes, over 2 MB`, property: '' }]);
      }
      if (route.json && (req.jsonError || !isObject(req.body))) {
        return bad(req, [{ message: 'The request body must be a JSON object', property: '' }]);
      }
      const params = match.slice(1).map((s) => decodeURIComponent(s));
      if (route.json) req.spec = specDetails(req.method, req.path, req.body);
      return route.handle(req, params);
    }
    return { status: 404, body: NOT_FOUND };
  }

  function onRequest(incoming: IncomingMessage, res: ServerResponse, raw: Buffer): void {
    const at = now();
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(incoming.headers)) {
      if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    }
    const contentType = headers['content-type'] ?? '';
    const binary = contentType !== '' && !contentType.includes('json') && !contentType.startsWith('text/');
    let body: unknown = null;
    let jsonError = false;
    if (binary) body = raw;
    else if (raw.length > 0) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        body = raw.toString('utf8');
        jsonError = true;
      }
    }
    const url = new URL(incoming.url ?? '/', 'http://fake');
    const req: ApiRequest = {
      method: incoming.method ?? 'GET',
      path: url.pathname,
      headers,
      raw,
      body,
      jsonError,
      requestId: randomUUID(),
      spec: [],
    };
    let a: Answer;
    try {
      a = answer(req);
    } catch (err) {
      a = { status: 500, body: { message: `fake-line bug: ${String(err)}` } };
    }
    if (a.violation) fake.violations.push(a.violation);
    fake.calls.push({ method: req.method, path: req.path, headers, body, status: a.status, at });
    const out = Buffer.isBuffer(a.body) ? a.body : Buffer.from(JSON.stringify(a.body));
    res.writeHead(a.status, {
      'content-type': 'application/json',
      'x-line-request-id': req.requestId,
      ...a.headers,
      'content-length': String(out.length),
    });
    res.end(out);
  }

  const { server, port } = await listenLocal(onRequest);

  const describeCalls = (): string =>
    fake.calls
      .slice(-10)
      .map(
        (c) =>
          `  ${c.method} ${c.path} -> ${c.status} ${Buffer.isBuffer(c.body) ? `<${c.body.length} bytes>` : (JSON.stringify(c.body) ?? '').slice(0, 200)}`,
      )
      .join('\n') || '  (none)';

  const fake: FakeLine = {
    url: `http://127.0.0.1:${port}`,
    calls: [],
    delivered: [],
    violations: [],
    richMenus: new Map(),
    defaultRichMenuId: null,
    issueReplyToken(userId) {
      const token = randomBytes(16).toString('hex');
      replyTokens.set(token, { userId, issuedAt: now(), used: false });
      return token;
    },
    setProfile(userId, profile) {
      profiles.set(userId, { ...profile });
    },
    setContent(messageId, bytes, contentType) {
      contents.set(messageId, { bytes, contentType });
    },
    failNext(path, count, status = 500) {
      for (let i = 0; i < count; i++) failures.push({ path, status });
    },
    setRates(rates) {
      if (rates.default !== undefined) fillBucket(buckets.default, rates.default);
      if (rates.multicast !== undefined) fillBucket(buckets.multicast, rates.multicast);
    },
    waitFor(predicate, timeoutMs = 5000) {
      return pollUntil(predicate, timeoutMs, 'fake LINE', describeCalls);
    },
    messagesTo(userId) {
      return fake.delivered.filter((d) => d.to === userId).flatMap((d) => d.messages);
    },
    reset() {
      fake.calls.length = 0;
      fake.delivered.length = 0;
      fake.violations.length = 0;
      failures = [];
      fillBucket(buckets.default, buckets.default.rate);
      fillBucket(buckets.multicast, buckets.multicast.rate);
    },
    close: () => closeServer(server),
  };
  return fake;
}
