/** What the notification relay and senders need from the store. */
import type { Platform } from '../domain/platforms.ts';
import type { OutboxRecord } from '../domain/shared.ts';
import type { Locale } from '../i18n/index.ts';
import type { AlertJob } from './render.ts';

export interface DeliveryTarget {
  platform: Platform;
  workspace: string;
  externalId: string;
  /** False once the platform said the user cannot be reached (LINE unfollow, block). */
  reachable: boolean;
}

export interface RecipientInfo {
  userId: number;
  locale: Locale;
  preferredPlatform: Platform | null;
  targets: DeliveryTarget[];
  /** Quiet hours (HH:MM in the business time zone); alerts wait until they end. */
  quiet: { start: string; end: string } | null;
}

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
   * One page of a job alert fan-out: takes the oldest fan-out no other relay holds (row lock, skip
   * locked) and, in one transaction, matches up to `pageSize` workers in the next range of user ids
   * after its cursor (one indexed query; see `pageSpan`; a fan-out's first page holds one
   * multicast's worth, so it goes out while the next page is matched), picks each one's platform
   * (preferred if reachable, else LINE, Slack, Discord, console), cuts those on `multicast.platform` without
   * quiet hours into batches of at most `multicast.size` per language, writes an outbox row for
   * everyone else (sent one by one, so quiet hours can hold them) and their receipts (a batch is
   * its recipients' receipt), and advances the cursor. A job no longer taking applications ends
   * its fan-out instead. Returns null when no fan-out waits.
   */
  fanoutPage(options: {
    pageSize: number;
    multicast: { platform: Platform; size: number } | null;
  }): Promise<{ jobId: number; matched: number; batches: number; done: boolean } | null>;
  /** Whether a fan-out waits for its next page (an index-only look, cheap enough to ask often). */
  fanoutWaiting(): Promise<boolean>;
  /**
   * Leases up to `limit` multicast batches to hand to the queue: those never handed over, and those
   * handed over more than 15 seconds ago and still unsent (the relay died before enqueueing, or the
   * job was lost). Queue job ids (one per batch) make a repeat harmless.
   */
  claimBatches(limit: number): Promise<AlertBatchRef[]>;
  /** A batch with its recipients' ids and its job, checked in the same query (one round trip per multicast). */
  alertBatch(id: number): Promise<AlertBatchRecord | null>;
  /** Settles a batch still queued: sent, or failed with a reason. The batch is its recipients' receipt. */
  settleBatch(id: number, update: { status: 'sent' | 'failed'; reason?: string | null }): Promise<void>;
  get(outboxId: number): Promise<OutboxRecord | null>;
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

/** A multicast batch of a job alert, as the relay hands it to the queue. */
export interface AlertBatchRef {
  id: number;
  jobId: number;
  platform: Platform;
}

export interface AlertBatchRecord extends AlertBatchRef {
  locale: Locale;
  externalIds: string[];
  status: ReceiptStatus;
  /** The job as the alert shows it, or null if it no longer takes applications (closed, cancelled, filled). */
  openJob: AlertJob | null;
}

export interface NewReceipt {
  outboxId: number;
  userId: number;
  platform: Platform | null;
  status: ReceiptStatus;
  reason?: string | null;
}
