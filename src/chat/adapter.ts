/**
 * What core needs from a platform adapter. Inbound, an adapter turns platform payloads into
 * `ChatEvent`s and hands them to `Bot.handle`, rendering the `Reply` it gets back; outbound, the
 * notification senders call `push` to reach a user outside a conversation turn. Everything else
 * (signatures, payload shapes, limits, rate limits) stays inside the adapter.
 * The behaviour every adapter must show is pinned by test/contract/adapter-contract.ts.
 */
import type { Platform } from '../domain/platforms.ts';
import type { Locale } from '../i18n/index.ts';
import type { Reply } from './types.ts';

/** A user's address on one platform, as stored with their identity. */
export interface PushTarget {
  workspace: string;
  externalId: string;
  /** The language to render fixed labels in (the reply's own text is already translated). */
  locale: Locale;
}

export interface PushOptions {
  /**
   * Stable for one notification: the same on every retry of it. Platforms with idempotency keys
   * (LINE `X-Line-Retry-Key`) derive theirs from it, so a retry never shows the message twice.
   */
  key?: string;
}

export interface ChatAdapter {
  readonly platform: Platform;
  /**
   * Delivers `reply` to `target` unprompted. Resolves once the platform accepted it; rejects with
   * a `PermanentJobError` when the user cannot be reached (blocked, unfollowed) so it is not retried.
   */
  push(target: PushTarget, reply: Reply, options?: PushOptions): Promise<void>;
}

/** An adapter that can send one message to many users in one call (LINE multicast). */
export interface MulticastAdapter extends ChatAdapter {
  /** Most recipients per call (LINE: 500). */
  readonly multicastMax: number;
  /** Sends `reply` to every id; `key` is stable for this exact send, so a retry never shows it twice. */
  multicast(externalIds: readonly string[], reply: Reply, locale: Locale, key: string): Promise<void>;
}
