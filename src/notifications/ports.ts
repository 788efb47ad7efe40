/** What the notification relay and senders need from the store. */

import type { FanoutType } from '../domain/audience/kinds.ts';
import type { DeliveryTarget, RecipientInfo } from '../domain/audience/plan.ts';
import type { Platform } from '../domain/platforms.ts';
import type { OutboxRecord } from '../domain/shared.ts';
import type { Locale } from '../i18n/index.ts';

export type { DeliveryTarget, RecipientInfo };

/**
 * An outbox row as the sender reads it. For a fan-out kind's row (src/domain/audience/kinds.ts),
 * `content` is what it shows, read with the row, or null once its cause is gone (the job closed):
 * the row is then cancelled, not sent. Other rows have no `content`.
 */
export type StoredOutbox = OutboxRecord & { content?: unknown };

export type ReceiptStatus = 'queued' | 'sent' | 'failed';

export interface ReceiptRecord {
  outboxId: number;
  userId: number;
  platform: Platform | null;
  status: ReceiptStatus;
  reason: string | null;
  attempts: number;
}

export interface NotificationStore {
  /**
   * Leases up to `limit` unrelayed outbox rows (rows another relay holds are skipped), hands them
   * to `enqueue`, then marks them relayed. If `enqueue` throws (or the process dies), the lease
   * expires and the rows are relayed again later; the queue's job ids make that harmless.
   */
  relay(limit: number, enqueue: (rows: OutboxRecord[]) => Promise<void>): Promise<number>;
  /**
   * One page of a fan-out (of any kind): takes the oldest fan-out no other relay holds (row lock,
   * skip locked) and, in one transaction, matches up to `pageSize` people of its audience in the
   * next range of user ids after its cursor (one indexed query; see `pageSpan`; a fan-out's first
   * page holds one multicast's worth, so it goes out while the next page is matched), picks each
   * one's platform (preferred if reachable, else the fallback order), cuts those on
   * `multicast.platform` (without quiet hours, for kinds that honour them) into batches of at most
   * `multicast.size` per language, writes an outbox row for everyone else (sent one by one, so
   * quiet hours can hold them) and their receipts (a batch is its recipients' receipt), and
   * advances the cursor. A fan-out whose cause is gone (a job no longer taking applications) ends
   * instead. Returns null when no fan-out waits.
   */
  fanoutPage(options: { pageSize: number; multicast: { platform: Platform; size: number } | null }): Promise<{
    kind: FanoutType;
    subjectId: number;
    matched: number;
    batches: number;
    done: boolean;
  } | null>;
  /** Whether a fan-out waits for its next page (an index-only look, cheap enough to ask often). */
  fanoutWaiting(): Promise<boolean>;
  /**
   * Leases up to `limit` multicast batches to hand to the queue: those never handed over, and those
   * handed over more than 15 seconds ago and still unsent (the relay died before enqueueing, or the
   * job was lost). Queue job ids (one per batch) make a repeat harmless.
   */
  claimBatches(limit: number): Promise<FanoutBatchRef[]>;
  /** A batch with its recipients' ids and what it shows, its cause checked in the same query (one round trip per multicast). */
  fanoutBatch(id: number): Promise<FanoutBatchRecord | null>;
  /** Settles a batch still queued: sent, or failed with a reason. The batch is its recipients' receipt. */
  settleBatch(id: number, update: { status: 'sent' | 'failed'; reason?: string | null }): Promise<void>;
  get(outboxId: number): Promise<StoredOutbox | null>;
  recipients(userIds: readonly number[]): Promise<Map<number, RecipientInfo>>;
  /** Creates or updates the receipt of a notification. */
  receipt(
    outboxId: number,
    userId: number,
    update: { status: ReceiptStatus; platform?: Platform | null; reason?: string | null; attempt?: boolean },
  ): Promise<void>;
  getReceipt(outboxId: number): Promise<ReceiptRecord | null>;
  /**
   * Creates the receipts of many notifications in one statement; a receipt that already exists
   * (an earlier relay of the same rows) is kept as it is. Returns each one's status as stored.
   */
  queueMany(items: readonly NewReceipt[]): Promise<Map<number, ReceiptStatus>>;
}

/** A multicast batch of a fan-out, as the relay hands it to the queue. */
export interface FanoutBatchRef {
  id: number;
  kind: FanoutType;
  subjectId: number;
  platform: Platform;
}

export interface FanoutBatchRecord extends FanoutBatchRef {
  locale: Locale;
  externalIds: string[];
  status: ReceiptStatus;
  /** What the message shows (the kind parses it), or null once its cause is gone (a job closed, cancelled or filled). */
  content: unknown;
}

export interface NewReceipt {
  outboxId: number;
  userId: number;
  platform: Platform | null;
  status: ReceiptStatus;
  reason?: string | null;
}
