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
 * - **Admitted on arrival, off the acknowledgement's path**: an adapter that queues events (LINE)
 *   queues them, acknowledges the platform and only then admits them (`admit`, not awaited by the
 *   acknowledgement). Admissions are written in arrival order, each batch in one statement with
 *   everything that arrived while the previous one was being written. A worker that gets such an
 *   event before its admission is written waits for it (`handle`'s `admitted`) rather than taking a
 *   place of its own, which could put it ahead of an earlier event admitted in the same batch; after
 *   `admissionWaitMs` (the admitting process died) it takes its place at the end of the line.
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

interface Admission {
  rows: { platform: Platform; eventId: string; userKey: string }[];
  settle: (error?: unknown) => void;
}

export class InboundLine {
  private readonly store: InboundEventStore;
  private readonly sleep: (ms: number) => Promise<void>;
  /** How long a worker waits for an event's admission on arrival before admitting it itself. */
  private readonly admissionWaitMs: number;
  /** Admissions waiting for the one being written (in arrival order). */
  private pending: Admission[] = [];
  private writing = false;

  constructor(
    store: InboundEventStore,
    options: { sleep?: (ms: number) => Promise<void>; admissionWaitMs?: number } = {},
  ) {
    this.store = store;
    this.sleep = options.sleep ?? ((ms) => new Promise<void>((r) => setTimeout(r, ms)));
    this.admissionWaitMs = options.admissionWaitMs ?? 5_000;
  }

  /** Puts events in their users' lines, in the order of the calls; settles once they are written. */
  admit(events: readonly EventRef[]): Promise<void> {
    if (events.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.pending.push({
        rows: events.map((e) => ({ platform: e.platform, eventId: e.id, userKey: userKeyOf(e) })),
        settle: (error) => (error === undefined ? resolve() : reject(error)),
      });
      if (!this.writing) void this.writeAdmissions();
    });
  }

  private async writeAdmissions(): Promise<void> {
    this.writing = true;
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      let error: unknown;
      try {
        await this.store.admit(batch.flatMap((a) => a.rows));
      } catch (e) {
        error = e ?? new Error('admission failed');
      }
      for (const a of batch) a.settle(error);
    }
    this.writing = false;
  }

  /**
   * Waits for the event's turn; tells a duplicate, or a reply kept from a delivery that failed.
   * `admitted`: the adapter admitted it on arrival (its admission may still be on its way).
   */
  async turn(e: EventRef, admitted = false): Promise<Turn> {
    const started = Date.now();
    let delay = admitted ? 2 : 5;
    for (;;) {
      const turn = await this.store.take(e.platform, e.id, userKeyOf(e), {
        staleAfterMs: STALE_AFTER_MS,
        admitMissing: !admitted || Date.now() - started >= this.admissionWaitMs,
      });
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
