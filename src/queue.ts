/**
 * Background jobs as core sees them: a typed job type, a producer and a handler. The BullMQ
 * implementation lives in src/wiring/bullmq.ts (Redis when REDIS_URL is set, else PostgreSQL).
 */
import { AppError } from './errors.ts';

export type QueueBackendKind = 'redis' | 'postgres';

/** A named kind of job carrying `T`. `queue` groups job types that share workers and rate limits. */
export interface JobType<T> {
  readonly queue: string;
  readonly name: string;
  /** Phantom field that carries the data type; never set. */
  readonly __data?: T;
}

export function jobType<T>(queue: string, name: string): JobType<T> {
  // BullMQ ids and queue names must not contain ':' (docs/platforms.md §4.2).
  if (queue.includes(':') || name.includes(':')) throw new Error(`job type names cannot contain ':'`);
  return { queue, name };
}

export interface JobOptions {
  /** Idempotency key: adding a job whose id already exists does nothing. No ':' and not all digits. */
  id?: string;
  delayMs?: number;
  /** Total attempts including the first (default 5), with exponential backoff. */
  attempts?: number;
}

export interface Producer<T> {
  add(data: T, options?: JobOptions): Promise<void>;
  addBulk(items: { data: T; options?: JobOptions }[]): Promise<void>;
}

export interface JobContext {
  id: string;
  /** 1 on the first try. */
  attempt: number;
}

export type JobHandler<T> = (data: T, context: JobContext) => Promise<void>;

export interface WorkerOptions {
  concurrency?: number;
  /** At most `max` jobs per `durationMs` across all workers of the queue. */
  limiter?: { max: number; durationMs: number };
  /**
   * How long a job's lock lasts without renewal (the worker renews it while the job runs). A job
   * whose process died is taken up again after about this long; BullMQ's default is 30 s.
   */
  lockDurationMs?: number;
}

/** Throw from a handler for a failure that retrying cannot fix (blocked user, monthly quota). */
export class PermanentJobError extends AppError {
  constructor(code: string, message: string) {
    super(code, message);
  }
}

export type QueueCounts = Record<string, Record<string, number>>;

/** The queues the app runs (console users' notification queues come and go with their sessions). */
export const KNOWN_QUEUES = [
  'line-inbound',
  'notify-line',
  'notify-line-multicast',
  'notify-slack',
  'notify-discord',
] as const;

/** Whether jobs the queue has taken survive a restart of its server (README, "Production"). */
export interface QueueDurability {
  /** What was found: Redis's `maxmemory-policy`, AOF and RDB settings; nothing for PostgreSQL. */
  settings: Record<string, string>;
  /** Why acknowledged work could be lost; empty when nothing is at risk. */
  warnings: string[];
}

export interface JobQueue {
  readonly backend: QueueBackendKind;
  producer<T>(type: JobType<T>): Producer<T>;
  /** Registers the handler for a job type; workers start for its queue. */
  handle<T>(type: JobType<T>, handler: JobHandler<T>, options?: WorkerOptions): void;
  /** Job counts of the queues this process uses, and of `names` (for tools in another process). */
  counts(names?: readonly string[]): Promise<QueueCounts>;
  /** Moves a queue's failed jobs back to waiting; returns how many there were. */
  retryFailed(name: string): Promise<number>;
  ping(): Promise<void>;
  /** Checks the queue server's settings for ways to lose jobs it accepted (Redis: eviction, persistence). */
  durability(): Promise<QueueDurability>;
  /**
   * Readies the producers' connections (and BullMQ's statements on them) for the queues `names`
   * before traffic arrives, so the first webhooks after a start are not the ones that pay for it.
   */
  warm(names: readonly string[]): Promise<void>;
  close(): Promise<void>;
}
