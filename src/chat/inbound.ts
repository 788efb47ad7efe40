/**
 * "Handled once, in order, per user" belongs to the core, not to the adapters: an adapter reports the
 * platform's event id (and, when it queues events, admits them as they arrive); `Bot` decides.
 *
 * - **Once**: an event id is handled once whatever the platform redelivers (LINE's redeliveries, Slack
 *   retries, a Gateway resume), on every process.
 * - **In order per user**: an event waits while an earlier event of the same user (admitted before
 *   it) is waiting or being handled (until its reply is delivered), on any process, whatever the number of workers or the queue
 *   backend. Waiting is polling the user's line in the database (5 ms, doubling to 100 ms); an
 *   earlier event older than STALE_AFTER_MS is taken to be lost and holds nobody up.
 * - **No reply lost**: with `confirm`, the event stays `handling` (its user's next event waits) until
 *   the adapter says the reply was delivered. If every attempt failed, the reply is kept with the
 *   event, which is `failed` (its queue job fails too, visibly, and `queue:retry` replays it), and the
 *   replay sends the kept reply instead of running the command a second time. (A process that dies
 *   while delivering leaves `handling`, taken again after a minute: the command then runs again.)
 */
import type { Platform } from '../domain/platforms.ts';
import type { Locale } from '../i18n/index.ts';
import type { InboundEventStore } from '../store.ts';
import type { Reply } from './types.ts';

/** An earlier event of the same user older than this holds nobody up (its job is taken to be lost). */
export const STALE_AFTER_MS = 30_000;
/** An event that could not take its turn in this long fails (its queue job is retried). */
const GIVE_UP_AFTER_MS = 90_000;

/** Whose line an event stands in: one person on one platform. */
export interface EventRef {
  platform: Platform;
  id: string;
  sender: { workspace: string; externalId: string };
}

export const userKeyOf = (e: EventRef): string =>
  `${e.platform}:${e.sender.workspace}:${e.sender.externalId}`;

/** A reply kept until its delivery is confirmed. */
export interface KeptReply {
  reply: Reply;
  locale: Locale;
}

export type Turn = { kind: 'go' } | { kind: 'duplicate' } | { kind: 'replay'; kept: KeptReply };

export class InboundLine {
  private readonly store: InboundEventStore;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(store: InboundEventStore, sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))) {
    this.store = store;
    this.sleep = sleep;
  }

  admit(events: readonly EventRef[]): Promise<void> {
    return this.store.admit(
      events.map((e) => ({ platform: e.platform, eventId: e.id, userKey: userKeyOf(e) })),
    );
  }

  /** Waits for the event's turn; tells a duplicate, or a reply kept from a delivery that failed. */
  async turn(e: EventRef): Promise<Turn> {
    const started = Date.now();
    let delay = 5;
    for (;;) {
      const turn = await this.store.take(e.platform, e.id, userKeyOf(e), STALE_AFTER_MS);
      if (turn.kind === 'go' || turn.kind === 'duplicate') return turn;
      if (turn.kind === 'replay') return { kind: 'replay', kept: turn.reply as KeptReply };
      if (Date.now() - started > GIVE_UP_AFTER_MS) {
        throw new Error(`event ${e.platform}:${e.id} could not take its turn in ${GIVE_UP_AFTER_MS} ms`);
      }
      await this.sleep(delay);
      delay = Math.min(delay * 2, 100);
    }
  }

  /** Handled, and its reply delivered (or none to confirm): done. */
  done(e: EventRef): Promise<void> {
    return this.store.finish(e.platform, e.id, { status: 'done' });
  }

  /** Every attempt to deliver `kept` failed: it is kept, and a retry of the event sends it again. */
  undelivered(e: EventRef, kept: KeptReply, reason: string): Promise<void> {
    return this.store.finish(e.platform, e.id, { status: 'failed', reply: kept, reason });
  }

  /** For what adapters handle themselves (a desk reply, a reaction): true the first time an id is seen. */
  firstTime(platform: Platform, eventId: string): Promise<boolean> {
    return this.store.markSeen(platform, eventId);
  }
}
