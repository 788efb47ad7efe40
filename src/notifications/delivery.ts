/**
 * Notification delivery, first version (ARCHITECTURE.md, "The path of a message"): outbox rows are
 * relayed to the queue in batches (job id = outbox id, so a re-run never sends twice), each job is
 * handed to the recipient's adapter through `ChatAdapter.push`, and a receipt records what
 * happened. Console users each have their own queue, served by their open `npm run chat` session,
 * so a notification waits there until they open one.
 */
import type { ChatAdapter } from '../chat/adapter.ts';
import type { Button } from '../chat/types.ts';
import type { Platform } from '../config.ts';
import type { OutboxRecord } from '../domain/shared.ts';
import type { Logger } from '../logger.ts';
import { type JobQueue, type JobType, jobType, PermanentJobError, type WorkerOptions } from '../queue.ts';
import type { Store } from '../store.ts';
import type { DeliveryTarget, RecipientInfo } from './ports.ts';
import { renderNotification } from './render.ts';

export interface DeliveryJob {
  outboxId: number;
  platform: Platform;
  workspace: string;
  externalId: string;
}

/** Order tried when the preferred platform is missing or unreachable. */
const FALLBACK_ORDER: Platform[] = ['line', 'slack', 'discord', 'console'];

/** The queue serving a target: one per platform, and one per console user (their chat session). */
export function deliveryQueue(target: { platform: Platform }, userId: number): string {
  return target.platform === 'console' ? `notify-console-${userId}` : `notify-${target.platform}`;
}

export const deliveryJob = (queue: string): JobType<DeliveryJob> => jobType<DeliveryJob>(queue, 'deliver');

/** The preferred platform if reachable there, else the first reachable one in FALLBACK_ORDER. */
export function chooseTarget(recipient: RecipientInfo): DeliveryTarget | null {
  const reachable = recipient.targets.filter((t) => t.reachable);
  const preferred = reachable.find((t) => t.platform === recipient.preferredPlatform);
  if (preferred) return preferred;
  for (const platform of FALLBACK_ORDER) {
    const t = reachable.find((x) => x.platform === platform);
    if (t) return t;
  }
  return null;
}

export interface NotificationDeliveryOptions {
  store: Store;
  queue: JobQueue;
  logger: Logger;
  timeZone: string;
  button(userId: number, label: string, command: string): Promise<Button>;
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
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(options: NotificationDeliveryOptions) {
    this.options = options;
  }

  /** Moves up to `limit` outbox rows to their queues; returns how many. */
  async relayOnce(limit = 500): Promise<number> {
    const { store, queue } = this.options;
    return store.notifications.relay(limit, async (rows: OutboxRecord[]) => {
      const recipients = await store.notifications.recipients(rows.map((r) => r.recipientUserId));
      const byQueue = new Map<string, { data: DeliveryJob; options: { id: string } }[]>();
      for (const row of rows) {
        const recipient = recipients.get(row.recipientUserId);
        const target = recipient ? chooseTarget(recipient) : null;
        if (!target) {
          await store.notifications.receipt(row.id, row.recipientUserId, {
            status: 'failed',
            reason: 'unreachable',
          });
          continue;
        }
        const name = deliveryQueue(target, row.recipientUserId);
        const list = byQueue.get(name) ?? [];
        list.push({
          data: {
            outboxId: row.id,
            platform: target.platform,
            workspace: target.workspace,
            externalId: target.externalId,
          },
          options: { id: `outbox-${row.id}` },
        });
        byQueue.set(name, list);
        await store.notifications.receipt(row.id, row.recipientUserId, {
          status: 'queued',
          platform: target.platform,
        });
      }
      for (const [name, items] of byQueue) await queue.producer(deliveryJob(name)).addBulk(items);
    });
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
        try {
          const reply = await renderNotification(row, locale, {
            store,
            timeZone: this.options.timeZone,
            button: this.options.button,
          });
          await adapter.push({ workspace: job.workspace, externalId: job.externalId, locale }, reply, {
            key: `outbox-${row.id}`,
          });
          await store.notifications.receipt(row.id, row.recipientUserId, {
            status: 'sent',
            platform: job.platform,
            attempt: true,
          });
          this.emit({ row, platform: job.platform, status: 'sent' });
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

  /** Relays every `intervalMs` (and at once) until stopped. */
  start(intervalMs = 1000): void {
    const tick = () => {
      this.running = this.relayOnce()
        .catch((err: unknown) => this.options.logger.warn({ err }, 'outbox relay failed'))
        .finally(() => {
          if (this.timer !== undefined) this.timer = setTimeout(tick, intervalMs);
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
