/** What the notification relay and senders need from the store. */
import type { Platform } from '../config.ts';
import type { OutboxRecord } from '../domain/shared.ts';
import type { Locale } from '../i18n/index.ts';

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
  relay(
    limit: number,
    enqueue: (rows: OutboxRecord[]) => Promise<void>,
    options?: { exceptTypes?: readonly string[] },
  ): Promise<number>;
  /**
   * Job alerts, set-based: leases up to `limit` unrelayed `job.alert` rows and, in the same
   * statement, picks each recipient's platform (preferred if reachable, else LINE, Slack, Discord,
   * console) and writes the receipts of those on `platform` with their multicast batch (≤ `size`
   * per job and language). Hands over the batches and the rows for other platforms, then marks
   * the rows relayed. A relay that dies in between leaves the lease to expire; the receipts
   * already written keep their batches, so the re-run queues exactly the same multicasts.
   */
  relayAlerts(
    limit: number,
    platform: Platform,
    size: number,
    enqueue: (batches: AlertBatch[], others: OutboxRecord[]) => Promise<void>,
  ): Promise<number>;
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
   * (an earlier relay of the same rows) is kept as it is. Returns each notification's batch as
   * stored, so a re-relay regroups exactly as the first one did.
   */
  queueMany(
    items: readonly NewReceipt[],
  ): Promise<Map<number, { batch: string | null; status: ReceiptStatus }>>;
  /** Notifications of a batch still waiting to be sent, with each recipient's reachable id on `platform` (null if none). */
  pendingInBatch(
    batch: string,
    platform: Platform,
  ): Promise<{ outboxId: number; userId: number; externalId: string | null }[]>;
  /** Updates many receipts at once (one attempt each). */
  settle(
    outboxIds: readonly number[],
    update: { status: ReceiptStatus; platform?: Platform; reason?: string | null },
  ): Promise<void>;
}

export interface AlertBatch {
  batch: string;
  jobId: number;
  locale: Locale;
}

export interface NewReceipt {
  outboxId: number;
  userId: number;
  platform: Platform | null;
  status: ReceiptStatus;
  reason?: string | null;
  batch?: string | null;
}
