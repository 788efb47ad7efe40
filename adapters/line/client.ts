/**
 * The LINE Messaging API as the adapter uses it, on `@line/bot-sdk` 11's generated clients, with the
 * rules of docs/platforms.md, LINE (§1.4, §1.5) applied in one place:
 * - per-channel rate limits as token buckets (2,000 req/s for push/reply/most endpoints, 200 req/s
 *   for multicast), so we wait instead of collecting 429s;
 * - `X-Line-Retry-Key` on every push and multicast, the same key on every retry of that request; a
 *   409 after a retry means LINE had accepted it already and counts as delivered;
 * - 429 "rate limit" and 5xx/timeouts are retried with backoff; 429 "monthly limit" is not
 *   (a `PermanentJobError` the delivery records and reports).
 * The SDK's fetch has no timeout of its own, so each call is bounded here.
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { HTTPFetchError, messagingApi } from '@line/bot-sdk';
import { PermanentJobError } from '../../src/queue.ts';
import { TokenBucket } from '../shared/token-bucket.ts';
import type { LineMessage } from './render.ts';

export interface LineClientOptions {
  channelAccessToken: string;
  apiUrl: string;
  dataApiUrl: string;
  /** Requests per second; defaults are LINE's published per-channel limits. */
  rates?: { default?: number; multicast?: number };
  /** Attempts per request for retryable failures (default 4). */
  attempts?: number;
  /** Backoff before retry `n` (1-based), in ms. */
  backoffMs?: (attempt: number) => number;
  timeoutMs?: number;
}

/** Max user ids per multicast call (docs/platforms.md §1.4). */
export const MULTICAST_MAX = 500;

export type LineErrorKind =
  | 'rate_limit'
  | 'monthly_limit'
  | 'invalid_reply_token'
  | 'bad_request'
  | 'unauthorized'
  | 'not_found'
  | 'server'
  | 'timeout';

export class LineApiError extends Error {
  readonly kind: LineErrorKind;
  readonly status: number;

  constructor(kind: LineErrorKind, status: number, message: string) {
    super(message);
    this.kind = kind;
    this.status = status;
  }
}

/** Maps an SDK failure to what the adapter must do about it. */
export function classify(err: unknown): LineApiError {
  if (err instanceof LineApiError) return err;
  if (err instanceof HTTPFetchError) {
    const message = lineMessage(err.body);
    const s = err.status;
    if (s === 429) {
      // LINE tells the two 429s apart only by the message (docs/platforms.md §1.4).
      return new LineApiError(/monthly limit/i.test(message) ? 'monthly_limit' : 'rate_limit', s, message);
    }
    if (s === 400 && /reply token/i.test(message)) return new LineApiError('invalid_reply_token', s, message);
    if (s === 401 || s === 403) return new LineApiError('unauthorized', s, message);
    if (s === 404) return new LineApiError('not_found', s, message);
    if (s >= 500) return new LineApiError('server', s, message);
    return new LineApiError('bad_request', s, message);
  }
  return new LineApiError('timeout', 0, err instanceof Error ? err.message : String(err));
}

function lineMessage(body: string): string {
  try {
    const parsed = JSON.parse(body) as { message?: unknown; details?: unknown };
    const details = Array.isArray(parsed.details) ? ` ${JSON.stringify(parsed.details).slice(0, 300)}` : '';
    return `${String(parsed.message ?? '')}${details}`;
  } catch {
    return body.slice(0, 300);
  }
}

const retryable = (e: LineApiError) => e.kind === 'rate_limit' || e.kind === 'server' || e.kind === 'timeout';

/** A retry key (a UUID, as LINE requires) derived from a stable id, so every retry sends the same one. */
export function retryKeyFor(stableId: string): string {
  const h = createHash('sha256').update(stableId).digest('hex');
  // Shaped as a version-4, variant-1 UUID.
  const variant = ((Number.parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface Profile {
  displayName: string;
  language?: string;
}

export class LineClient {
  private readonly api: messagingApi.MessagingApiClient;
  private readonly blob: messagingApi.MessagingApiBlobClient;
  private readonly buckets: { default: TokenBucket; multicast: TokenBucket };
  private readonly attempts: number;
  private readonly backoffMs: (attempt: number) => number;
  private readonly timeoutMs: number;

  constructor(options: LineClientOptions) {
    const token = options.channelAccessToken;
    this.api = new messagingApi.MessagingApiClient({ channelAccessToken: token, baseURL: options.apiUrl });
    this.blob = new messagingApi.MessagingApiBlobClient({
      channelAccessToken: token,
      baseURL: options.dataApiUrl,
    });
    this.buckets = {
      default: new TokenBucket(options.rates?.default ?? 2000),
      multicast: new TokenBucket(options.rates?.multicast ?? 200),
    };
    this.attempts = options.attempts ?? 4;
    this.backoffMs = options.backoffMs ?? ((n) => 250 * 2 ** (n - 1) + Math.random() * 100);
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  private async call<T>(bucket: TokenBucket, run: () => Promise<T>): Promise<T> {
    await bucket.take();
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        run(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new LineApiError('timeout', 0, `no answer in ${this.timeoutMs} ms`)),
            this.timeoutMs,
          );
        }),
      ]);
    } catch (err) {
      throw classify(err);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Runs an idempotent send, retrying what can be retried; a 409 means an earlier try was accepted. */
  private async send(bucket: TokenBucket, run: () => Promise<unknown>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.call(bucket, run);
        return;
      } catch (err) {
        const e = classify(err);
        if (e.status === 409) return;
        if (e.kind === 'monthly_limit') {
          throw new PermanentJobError('line_monthly_limit', 'LINE monthly message limit reached');
        }
        if (e.kind === 'bad_request' || e.kind === 'not_found') {
          throw new PermanentJobError('line_rejected', `LINE rejected the message: ${e.message}`);
        }
        if (!retryable(e) || attempt >= this.attempts) throw e;
        await new Promise((resolve) => setTimeout(resolve, this.backoffMs(attempt)));
      }
    }
  }

  /** Replies with up to five messages. Not retried: a reply token is single use. */
  async reply(replyToken: string, messages: readonly LineMessage[]): Promise<void> {
    await this.call(this.buckets.default, () =>
      this.api.replyMessage({ replyToken, messages: [...messages] }),
    );
  }

  /** Pushes up to five messages to one user, with `retryKey` on every attempt. */
  push(to: string, messages: readonly LineMessage[], retryKey: string): Promise<void> {
    return this.send(this.buckets.default, () =>
      this.api.pushMessage({ to, messages: [...messages] }, retryKey),
    );
  }

  /** Sends up to five messages to at most 500 users in one call. */
  multicast(to: readonly string[], messages: readonly LineMessage[], retryKey: string): Promise<void> {
    if (to.length === 0 || to.length > MULTICAST_MAX) {
      throw new Error(`multicast takes 1 to ${MULTICAST_MAX} user ids, got ${to.length}`);
    }
    return this.send(this.buckets.multicast, () =>
      this.api.multicast({ to: [...to], messages: [...messages] }, retryKey),
    );
  }

  /** LINE's "typing" animation in a one-to-one chat, until the next message or `seconds`. */
  async showLoading(chatId: string, seconds = 20): Promise<void> {
    await this.call(this.buckets.default, () =>
      this.api.showLoadingAnimation({ chatId, loadingSeconds: seconds }),
    );
  }

  async profile(userId: string): Promise<Profile> {
    const p = await this.call(this.buckets.default, () => this.api.getProfile(userId));
    return { displayName: p.displayName, ...(p.language ? { language: p.language } : {}) };
  }

  /** Downloads what a user sent (image, video, audio, file), refusing more than `maxBytes`. */
  async content(messageId: string, maxBytes: number): Promise<{ bytes: Buffer; contentType: string }> {
    const { httpResponse, body } = await this.call(this.buckets.default, () =>
      this.blob.getMessageContentWithHttpInfo(messageId),
    );
    const declared = Number(httpResponse.headers.get('content-length') ?? '0');
    if (declared > maxBytes) {
      body.destroy();
      throw new LineApiError('bad_request', 413, 'content too large');
    }
    return {
      bytes: await readCapped(body, maxBytes),
      contentType: httpResponse.headers.get('content-type') ?? '',
    };
  }

  // Rich menu (docs/platforms.md §1.8: create/delete limited to 100/hour, so the CLI does it once).
  async createRichMenu(menu: messagingApi.RichMenuRequest): Promise<string> {
    const r = await this.call(this.buckets.default, () => this.api.createRichMenu(menu));
    return r.richMenuId;
  }

  async setRichMenuImage(richMenuId: string, image: Buffer, contentType: string): Promise<void> {
    await this.call(this.buckets.default, () =>
      this.blob.setRichMenuImage(richMenuId, new Blob([new Uint8Array(image)], { type: contentType })),
    );
  }

  async setDefaultRichMenu(richMenuId: string): Promise<void> {
    await this.call(this.buckets.default, () => this.api.setDefaultRichMenu(richMenuId));
  }

  async richMenus(): Promise<{ richMenuId: string; name: string }[]> {
    const r = await this.call(this.buckets.default, () => this.api.getRichMenuList());
    return r.richmenus.map((m) => ({ richMenuId: m.richMenuId, name: m.name }));
  }

  async deleteRichMenu(richMenuId: string): Promise<void> {
    await this.call(this.buckets.default, () => this.api.deleteRichMenu(richMenuId));
  }
}

async function readCapped(stream: Readable, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    size += b.length;
    if (size > maxBytes) {
      stream.destroy();
      throw new LineApiError('bad_request', 413, 'content too large');
    }
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}
