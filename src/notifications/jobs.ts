/**
 * The delivery queue's jobs and where each goes: the queue per platform (and per console user) and
 * the job types. The platform a recipient is reached on is the delivery plan's (`chooseTarget`,
 * src/domain/audience/plan.ts).
 */

import { chooseTarget } from '../domain/audience/plan.ts';
import type { Platform } from '../domain/platforms.ts';
import { type JobType, jobType } from '../queue.ts';

export { chooseTarget };

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

/** The queue serving a target: one per platform, and one per console user (their chat session). */
export function deliveryQueue(target: { platform: Platform }, userId: number): string {
  return target.platform === 'console' ? `notify-console-${userId}` : `notify-${target.platform}`;
}

export const deliveryJob = (queue: string): JobType<DeliveryJob> => jobType<DeliveryJob>(queue, 'deliver');

/** One multicast of a fan-out: a batch fixed when its page of the fan-out was matched. */
export interface MulticastJob {
  batchId: number;
  /** The fan-out's `<kind>:<subject id>` (tells a reused batch id from a repeat, as DeliveryJob.createdAt). */
  subject?: string;
}

export const multicastJob = (queue: string): JobType<MulticastJob> =>
  jobType<MulticastJob>(queue, 'multicast');
