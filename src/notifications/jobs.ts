/**
 * The delivery queue's jobs and where each goes: the queue per platform (and per console user), the
 * job types, and the platform a recipient is reached on (their preferred one, else the first
 * reachable in the fallback order).
 */
import type { Platform } from '../domain/platforms.ts';
import { type JobType, jobType } from '../queue.ts';
import type { DeliveryTarget, RecipientInfo } from './ports.ts';

export interface DeliveryJob {
  outboxId: number;
  /**
   * When the row was written: the same whenever the relay hands the row over again, different for
   * another row that reuses its id (a restored database), which the queue then sees as a collision.
   */
  createdAt?: string;
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

/** One multicast of a job alert: a batch fixed when its page of the fan-out was matched. */
export interface MulticastJob {
  batchId: number;
  /** The job notice it alerts to (tells a reused batch id from a repeat, as DeliveryJob.createdAt). */
  noticeId?: number;
}

export const multicastJob = (queue: string): JobType<MulticastJob> =>
  jobType<MulticastJob>(queue, 'multicast');

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
