/**
 * Notification delivery, first version (docs/architecture.md §5): outbox rows are
 * relayed to the queue in batches (job id = outbox id, so a re-run never sends twice), each job is
 * handed to the recipient's adapter through `ChatAdapter.push`, and a receipt records what
 * happened. Console users each have their own queue, served by their open `npm run chat` session,
 * so a notification waits there until they open one.
 */
import type { ChatAdapter, MulticastAdapter } from '../chat/adapter.ts';
import { withLinks } from '../chat/bot.ts';
import type { Button } from '../chat/types.ts';
import type { RenderOptions } from '../domain/audience/kind.ts';
import { fanoutKind, fanoutKindOf } from '../domain/audience/kinds.ts';
import { batchSize, quietUntil } from '../domain/audience/plan.ts';
import type { Platform } from '../domain/platforms.ts';
import type { OutboxRecord } from '../domain/shared.ts';
import type { FileLinks } from '../files/links.ts';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import { type JobQueue, PermanentJobError, type WorkerOptions } from '../queue.ts';
import type { Store } from '../store.ts';
import {
  chooseTarget,
  type DeliveryJob,
  deliveryJob,
  deliveryQueue,
  type MulticastJob,
  multicastJob,
} from './jobs.ts';
import type { DeliveryTarget, NewReceipt } from './ports.ts';
import { renderNotification } from './render.ts';

export { chooseTarget, deliveryJob, deliveryQueue, multicastJob };

/** Workers matched per fan-out page: about 0.1 s of database work, twenty multicasts of 500. */
const FANOUT_PAGE = 10_000;

export interface NotificationDeliveryOptions {
  store: Store;
  /** Now, for quiet hours (injectable in tests). */
  clock?: () => Date;
  metrics?: Metrics;
  queue: JobQueue;
  logger: Logger;
  timeZone: string;
  button(userId: number, label: string, command: string): Promise<Button>;
  /** Signs download links, for the recipient, on the files a notification hands over. */
  links?: FileLinks;
}

/** What happened to one notification on its platform (for adapters that confirm deliveries, e.g. Slack's desk). */
export interface DeliveryOutcome {
  row: OutboxRecord;
  platform: Platform;
  status: 'sent' | 'failed';
  reason?: string;
}

export class NotificationDelivery {
  private readonly options: NotificationDeliveryOptions;
  private readonly listeners: ((outcome: DeliveryOutcome) => void)[] = [];
  /** Platforms whose fan-outs go out as multicasts, and on which queue. */
  private readonly multicastQueues = new Map<Platform, { queue: string; max: number }>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(options: NotificationDeliveryOptions) {
    this.options = options;
  }

  private clock(): Date {
    return this.options.clock?.() ?? new Date();
  }

  /**
   * The queue job id (and platform idempotency key) of an outbox row or a multicast batch:
   * `outbox-<database>-<id>`, `alert-batch-<database>-<id>` (the batches of every fan-out kind: the
   * name stayed, so a batch queued before fan-outs had kinds keeps its retry key). The database's
   * own tag keeps a fresh or restored database's ids (which start again at 1) apart from the jobs a
   * long-lived Redis still holds from an earlier one: BullMQ takes an add whose id it already has as
   * a repeat and drops it.
   */
  async jobId(kind: 'outbox' | 'alert-batch', id: number): Promise<string> {
    return `${kind}-${await this.options.store.instanceTag()}-${id}`;
  }

  /**
   * One relay pass; returns how many rows and recipients it moved.
   * 1. Fan-outs (job alerts, notices), a page at a time (`fanoutPage`, up to 10,000 people a page):
   *    each page's multicast batches are queued as soon as it commits, while the next page is
   *    matched, so the first multicasts go out while later pages are still being matched.
   * 2. Batches never handed to the queue, or handed over 15 s ago and still unsent (a relay
   *    that died in between): queued again, once per batch id.
   * 3. Up to `limit` outbox rows (everything sent one by one), each to its recipient's platform.
   */
  async relayOnce(limit = 5000): Promise<number> {
    const { store } = this.options;
    const [platform, multicast] = [...this.multicastQueues][0] ?? [];
    let moved = 0;
    // A page's batches are queued while the next page is matched (one queueing at a time).
    let queueing: Promise<unknown> = Promise.resolve();
    for (;;) {
      const page = await store.notifications.fanoutPage({
        pageSize: FANOUT_PAGE,
        multicast: platform && multicast ? { platform, size: batchSize(multicast.max) } : null,
      });
      if (!page) break;
      moved += page.matched;
      if (page.batches > 0) {
        queueing = queueing.then(() => this.queueBatches());
        // Handled here so a failure waits for the await below instead of crashing the process.
        queueing.catch(() => {});
      }
      // Recipients sent one by one (quiet hours, other platforms) wait for step 3.
      if (moved >= limit * 20) break;
    }
    await queueing;
    moved += await this.queueBatches();
    return moved + (await store.notifications.relay(limit, (rows) => this.queueRows(rows)));
  }

  /** Hands leased batches to their platform's multicast queue; returns how many. */
  private async queueBatches(): Promise<number> {
    if (this.multicastQueues.size === 0) return 0;
    const batches = await this.options.store.notifications.claimBatches(1000);
    const byQueue = new Map<string, MulticastJob[]>();
    for (const b of batches) {
      const queue = this.multicastQueues.get(b.platform)?.queue;
      if (!queue) continue;
      const list = byQueue.get(queue) ?? [];
      list.push({ batchId: b.id, subject: `${b.kind}:${b.subjectId}` });
      byQueue.set(queue, list);
    }
    for (const [name, items] of byQueue) {
      const jobs = await Promise.all(
        items.map(async (data) => ({ data, options: { id: await this.jobId('alert-batch', data.batchId) } })),
      );
      await this.options.queue.producer(multicastJob(name)).addBulk(jobs);
    }
    return batches.length;
  }

  /** Receipts for `rows` in one statement, then one delivery job per recipient on their platform's queue. */
  private async queueRows(rows: OutboxRecord[]): Promise<void> {
    if (rows.length === 0) return;
    const { store, queue } = this.options;
    const recipients = await store.notifications.recipients(rows.map((r) => r.recipientUserId));
    const receipts: NewReceipt[] = [];
    const targets = new Map<number, DeliveryTarget>();
    for (const row of rows) {
      const recipient = recipients.get(row.recipientUserId);
      const target = recipient ? chooseTarget(recipient) : null;
      if (!target) {
        receipts.push({
          outboxId: row.id,
          userId: row.recipientUserId,
          platform: null,
          status: 'failed',
          reason: 'unreachable',
        });
        continue;
      }
      targets.set(row.id, target);
      receipts.push({
        outboxId: row.id,
        userId: row.recipientUserId,
        platform: target.platform,
        status: 'queued',
      });
    }
    const stored = await store.notifications.queueMany(receipts);
    const byQueue = new Map<string, { data: DeliveryJob; options: { id: string; delayMs?: number } }[]>();
    for (const row of rows) {
      const target = targets.get(row.id);
      // Already sent or failed by an earlier relay of the same rows: nothing to queue.
      if (!target || stored.get(row.id) !== 'queued') continue;
      const name = deliveryQueue(target, row.recipientUserId);
      const list = byQueue.get(name) ?? [];
      // A fan-out's message (job alert, notice) waits out the recipient's quiet hours instead of being dropped.
      const quiet = recipients.get(row.recipientUserId)?.quiet;
      const now = this.clock();
      const until =
        fanoutKindOf(row.type)?.quietHours && quiet
          ? quietUntil({ quietStart: quiet.start, quietEnd: quiet.end }, now, this.options.timeZone)
          : null;
      list.push({
        data: {
          outboxId: row.id,
          createdAt: new Date(row.createdAt).toISOString(),
          platform: target.platform,
          workspace: target.workspace,
          externalId: target.externalId,
        },
        options: {
          id: await this.jobId('outbox', row.id),
          ...(until ? { delayMs: until.getTime() - now.getTime() } : {}),
        },
      });
      byQueue.set(name, list);
    }
    for (const [name, items] of byQueue) await queue.producer(deliveryJob(name)).addBulk(items);
  }

  /**
   * Serves fan-out multicasts for a platform that has them. A batch still queued is read with what
   * it shows, its cause checked in the same query (a job closed, cancelled or filled: the batch is
   * cancelled), rendered once for its language by its kind, sent in one call whose retry key is
   * the batch's, and settled (the batch is its recipients' receipt: one row, whatever their
   * number). A retry after a crash sends the same key: LINE answers 409 and nobody gets it twice.
   */
  serveMulticast(queueName: string, adapter: MulticastAdapter, workerOptions?: WorkerOptions): void {
    const { store, queue, logger } = this.options;
    this.multicastQueues.set(adapter.platform, { queue: queueName, max: adapter.multicastMax });
    queue.handle(
      multicastJob(queueName),
      async (data) => {
        const batch = await store.notifications.fanoutBatch(data.batchId);
        if (batch?.status !== 'queued') return;
        const kind = fanoutKind(batch.kind);
        if (batch.content === null) {
          await store.notifications.settleBatch(batch.id, { status: 'failed', reason: kind.cancelledReason });
          return;
        }
        const reply = await kind.render(kind.parse(batch.content), batch.locale, {
          timeZone: this.options.timeZone,
        });
        try {
          await adapter.multicast(
            batch.externalIds,
            reply,
            batch.locale,
            await this.jobId('alert-batch', batch.id),
          );
        } catch (err) {
          if (err instanceof PermanentJobError) {
            await store.notifications.settleBatch(batch.id, { status: 'failed', reason: err.code });
            logger.error({ batch: batch.id, code: err.code }, 'multicast refused by the platform');
          }
          throw err;
        }
        await store.notifications.settleBatch(batch.id, { status: 'sent' });
        this.options.metrics?.notificationsSent.inc(
          { platform: adapter.platform, kind: 'multicast' },
          batch.externalIds.length,
        );
      },
      workerOptions,
    );
  }

  /** Serves one delivery queue with `adapter` (a platform's queue, or a console user's). */
  serve(queueName: string, adapter: ChatAdapter, workerOptions?: WorkerOptions): void {
    const { store, queue, logger } = this.options;
    queue.handle(
      deliveryJob(queueName),
      async (job) => {
        const row = await store.notifications.get(job.outboxId);
        if (!row) return;
        const recipient = (await store.notifications.recipients([row.recipientUserId])).get(
          row.recipientUserId,
        );
        const locale = recipient?.locale ?? 'ja';
        // A fan-out's message that waited (quiet hours, a queue) is not sent once its cause is gone
        // (a job closed or filled meanwhile): `get` read what it shows with its cause.
        const kind = fanoutKindOf(row.type);
        if (kind && row.content === null) {
          await store.notifications.receipt(row.id, row.recipientUserId, {
            status: 'failed',
            reason: kind.cancelledReason,
          });
          return;
        }
        try {
          const personal: RenderOptions = {
            timeZone: this.options.timeZone,
            button: async (b) => ({
              ...(await this.options.button(row.recipientUserId, b.label, b.payload)),
              ...(b.style ? { style: b.style } : {}),
            }),
          };
          const reply = withLinks(
            kind
              ? await kind.render(kind.parse(row.content), locale, personal)
              : await renderNotification(row, locale, {
                  store,
                  timeZone: this.options.timeZone,
                  button: this.options.button,
                }),
            row.recipientUserId,
            this.options.links,
          );
          await adapter.push({ workspace: job.workspace, externalId: job.externalId, locale }, reply, {
            key: await this.jobId('outbox', row.id),
          });
          await store.notifications.receipt(row.id, row.recipientUserId, {
            status: 'sent',
            platform: job.platform,
            attempt: true,
          });
          this.emit({ row, platform: job.platform, status: 'sent' });
          this.options.metrics?.notificationsSent.inc({ platform: job.platform, kind: 'push' });
        } catch (err) {
          const permanent = err instanceof PermanentJobError;
          await store.notifications.receipt(row.id, row.recipientUserId, {
            status: permanent ? 'failed' : 'queued',
            reason: permanent ? err.code : String((err as Error).message).slice(0, 200),
            attempt: true,
          });
          const fields = {
            outboxId: row.id,
            platform: job.platform,
            permanent,
            code: permanent ? err.code : undefined,
          };
          // A user who blocked us is routine; a platform refusing to send (e.g. LINE's monthly
          // message limit) needs an operator, so it is reported as an error.
          if (permanent && !err.code.endsWith('unreachable'))
            logger.error(fields, 'notification refused by the platform');
          else logger.warn(fields, 'notification not delivered');
          if (permanent) this.emit({ row, platform: job.platform, status: 'failed', reason: err.code });
          throw err;
        }
      },
      workerOptions,
    );
  }

  /** Calls `listener` after each notification was sent, or failed for good. */
  onOutcome(listener: (outcome: DeliveryOutcome) => void): void {
    this.listeners.push(listener);
  }

  private emit(outcome: DeliveryOutcome): void {
    for (const l of this.listeners) {
      try {
        l(outcome);
      } catch (err) {
        this.options.logger.warn({ err }, 'delivery listener failed');
      }
    }
  }

  /**
   * Relays every `intervalMs` (and at once) until stopped. In between, every `fanoutPollMs` it asks
   * (one index-only query) whether a fan-out is waiting, and relays at once if so: a
   * posted job's first multicasts leave within about a tenth of a second. While passes come back
   * full (a large fan-out), the next one starts straight away.
   */
  start(intervalMs = 1000, batch = 5000, fanoutPollMs = 100): void {
    let last = 0;
    const tick = async () => {
      let full = false;
      try {
        const due = Date.now() - last >= intervalMs;
        if (due || (await this.options.store.notifications.fanoutWaiting())) {
          last = Date.now();
          full = (await this.relayOnce(batch)) >= batch;
        }
      } catch (err) {
        this.options.logger.warn({ err }, 'outbox relay failed');
      }
      if (this.timer !== undefined)
        this.timer = setTimeout(run, full ? 0 : Math.min(fanoutPollMs, intervalMs));
    };
    const run = () => {
      this.running = tick();
    };
    this.timer = setTimeout(run, 0);
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
