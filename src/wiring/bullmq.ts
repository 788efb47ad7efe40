/**
 * `JobQueue` on BullMQ: the Redis backend when REDIS_URL is set, otherwise BullMQ's own PostgreSQL
 * backend on the store's database (docs/platforms.md §4.1). No home-made queue: this file only
 * adapts names, options and errors.
 */

import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import {
  type WorkerOptions as BullWorkerOptions,
  createPostgresBackend,
  type Job,
  PostgresConnection,
  PostgresQueueBackend,
  Queue,
  UnrecoverableError,
  Worker,
  withBackend,
} from 'bullmq';
import { Redis } from 'ioredis';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import {
  type JobHandler,
  type JobOptions,
  type JobQueue,
  type JobType,
  PermanentJobError,
  type Producer,
  type QueueBackendKind,
  type QueueCounts,
  type QueueDurability,
  type WorkerOptions,
} from '../queue.ts';

export type QueueConnection =
  | { kind: 'redis'; url: string; prefix?: string }
  | { kind: 'postgres'; url: string; schema: string };

/**
 * Where BullMQ keeps its jobs: Redis when REDIS_URL is set (keys under QUEUE_PREFIX); otherwise the
 * store's own database (external or embedded), in BullMQ's `bullmq` schema (`bullmq_<QUEUE_PREFIX>`,
 * `-` read as `_`, when a prefix is set, so deployments sharing a database keep their jobs apart).
 */
export function queueConnectionFor(config: Config, store: { url: string }): QueueConnection {
  if (config.redisUrl) {
    return {
      kind: 'redis',
      url: config.redisUrl,
      ...(config.queuePrefix ? { prefix: config.queuePrefix } : {}),
    };
  }
  // BullMQ pins its own search_path to its schema; a search_path given in DATABASE_URL's `options`
  // (for the application's tables) would override it and hide BullMQ's functions.
  const url = new URL(store.url);
  url.searchParams.delete('options');
  const schema = config.queuePrefix ? `bullmq_${config.queuePrefix.replaceAll('-', '_')}` : 'bullmq';
  return { kind: 'postgres', url: url.toString(), schema };
}

export interface CreateQueueOptions {
  connection: QueueConnection;
  logger: Logger;
  metrics?: Metrics;
  /** Start workers for registered handlers (false in a web-only process). */
  runWorkers: boolean;
}

type AnyQueue = Queue;
type AnyWorker = Worker;

const DEFAULT_ATTEMPTS = 5;
/**
 * Connections the producers of one process share on PostgreSQL: webhooks add a job each (one
 * statement and its commit), so several commits can share a WAL flush.
 */
const PRODUCER_POOL = 8;

export function createJobQueue(options: CreateQueueOptions): JobQueue {
  const { connection, logger, metrics } = options;
  const queues = new Map<string, AnyQueue>();
  const workers = new Map<string, AnyWorker>();
  const handlers = new Map<string, Map<string, JobHandler<unknown>>>();
  let redis: Redis | undefined;
  let closed = false;

  const pg = connection.kind === 'postgres' ? withBackend(createPostgresBackend) : undefined;
  const pgConnection =
    connection.kind === 'postgres'
      ? { connectionString: connection.url, schema: connection.schema, migrate: true, max: 4 }
      : undefined;
  // Producers (one Queue object per queue name, and a console user's notifications each have a
  // queue) share one connection pool. With BullMQ's default factory every Queue builds its own pool
  // (bullmq/dist/esm/postgres/create-postgres-backend.js), so a relay pass that fanned out to 50
  // console users opened ~100 connections and exhausted the server's max_connections. Workers keep
  // their own backend: each needs its own LISTEN connection.
  const producerConnection = pgConnection
    ? new PostgresConnection({ ...pgConnection, max: PRODUCER_POOL })
    : undefined;
  const producerPg = producerConnection
    ? withBackend(
        (name, opts) =>
          new PostgresQueueBackend(producerConnection, name, opts as never, /* ownsConnection */ false),
      )
    : undefined;
  producerConnection?.on('error', (err: Error) =>
    logger.warn({ err: err.message }, 'queue connection error'),
  );

  const redisClient = (): Redis => {
    if (!redis) {
      // maxRetriesPerRequest: null is what BullMQ requires of a connection its workers share.
      redis = new Redis((connection as { url: string }).url, {
        maxRetriesPerRequest: null,
        lazyConnect: false,
      });
      // ioredis retries for ever; log the outage once and the recovery once, not every retry.
      let down = false;
      redis.on('error', (err) => {
        if (!down) logger.warn({ err: err.message }, 'redis unreachable; retrying');
        down = true;
      });
      redis.on('ready', () => {
        if (down) logger.info('redis reachable again');
        down = false;
      });
    }
    return redis;
  };

  const queueFor = (name: string): AnyQueue => {
    let q = queues.get(name);
    if (!q) {
      q =
        producerPg && pgConnection
          ? (new producerPg.Queue(name, { connection: pgConnection }) as unknown as AnyQueue)
          : new Queue(name, {
              connection: redisClient(),
              ...(connection.kind === 'redis' && connection.prefix ? { prefix: connection.prefix } : {}),
            });
      q.on('error', (err: Error) => logger.warn({ queue: name, err: err.message }, 'queue error'));
      queues.set(name, q);
    }
    return q;
  };

  // Completed jobs are kept so a job id (outbox-<id>, alert-batch-<id>) is not run twice when the
  // relay hands it over again: on Redis the last 10,000 or 24 h, whichever is fewer. On PostgreSQL
  // the count costs every completion a scan of all the queue's kept jobs: `apply_retention`
  // (bullmq/dist/esm/postgres/sql-scripts.js, migration 0002_functions.sql) deletes
  // `id NOT IN (SELECT id ... ORDER BY finished_at_ms DESC, seq DESC LIMIT count)`, which took
  // 11-17 ms per completion with 8,600 kept (EXPLAIN ANALYZE: 16,000 buffers read), two thirds of
  // BullMQ's database time in bench:line-webhook, and is why its answers fell seconds behind. The
  // age rule is a range scan of `job_finished_idx` (0.1 ms per completion measured), so
  // PostgreSQL keeps completed jobs by age only, for an hour: far longer than the relay's
  // one-minute lease the job ids guard, and the table holds at most an hour of jobs.
  const removeOnComplete = connection.kind === 'postgres' ? { age: 3600 } : { age: 24 * 3600, count: 10_000 };
  const toBullOptions = (o: JobOptions | undefined) => ({
    ...(o?.id !== undefined ? { jobId: o.id } : {}),
    ...(o?.delayMs !== undefined ? { delay: o.delayMs } : {}),
    attempts: o?.attempts ?? DEFAULT_ATTEMPTS,
    backoff: { type: 'exponential', delay: 1000 },
    removeOnComplete,
    removeOnFail: { age: 7 * 24 * 3600 },
  });

  const startWorker = (queueName: string, options: WorkerOptions | undefined) => {
    const processor = async (job: Job) => {
      const handler = handlers.get(queueName)?.get(job.name);
      if (!handler) throw new UnrecoverableError(`no handler for job ${queueName}/${job.name}`);
      try {
        await handler(job.data, { id: String(job.id), attempt: job.attemptsMade + 1 });
      } catch (err) {
        if (err instanceof PermanentJobError) throw new UnrecoverableError(`${err.code}: ${err.message}`);
        throw err;
      }
    };
    const workerOptions = {
      concurrency: options?.concurrency ?? 10,
      ...(options?.limiter
        ? { limiter: { max: options.limiter.max, duration: options.limiter.durationMs } }
        : {}),
      // Stalled jobs (their process died) are looked for twice per lock period.
      ...(options?.lockDurationMs
        ? { lockDuration: options.lockDurationMs, stalledInterval: Math.ceil(options.lockDurationMs / 2) }
        : {}),
    };
    const worker =
      pg && pgConnection
        ? (new pg.Worker(queueName, processor, {
            ...workerOptions,
            connection: pgConnection,
          }) as unknown as AnyWorker)
        : new Worker(queueName, processor, {
            ...workerOptions,
            connection: redisClient(),
            ...(connection.kind === 'redis' && connection.prefix ? { prefix: connection.prefix } : {}),
          } as BullWorkerOptions);
    worker.on('completed', (job) =>
      metrics?.jobsProcessed.inc({ queue: queueName, job: job.name, outcome: 'completed' }),
    );
    worker.on('failed', (job, err) => {
      metrics?.jobsProcessed.inc({ queue: queueName, job: job?.name ?? 'unknown', outcome: 'failed' });
      logger.warn(
        { queue: queueName, job: job?.name, jobId: job?.id, attempt: job?.attemptsMade, err: err.message },
        'job failed',
      );
    });
    worker.on('error', (err) => logger.warn({ queue: queueName, err: err.message }, 'worker error'));
    workers.set(queueName, worker);
  };

  /**
   * A job id is an idempotency key: BullMQ takes an add whose id it already holds as a repeat and
   * keeps the job it has. That is right when the relay hands the same row over again (same data),
   * and a silent loss when the id was reused for a different job (a database restored from a backup
   * numbers its outbox again from where the backup left it, while Redis still holds the later jobs).
   * So each add with an id is read back: a job under that id with other data is a collision, logged
   * as an error and counted, and ours goes in under a fresh id, so nothing is dropped.
   */
  const checkIds = async (q: AnyQueue, items: { data: unknown; options?: JobOptions | undefined }[]) => {
    const withIds = items.filter((i) => i.options?.id !== undefined);
    if (withIds.length === 0) return;
    const held = await Promise.all(withIds.map((i) => q.getJob(String(i.options?.id))));
    for (const [n, item] of withIds.entries()) {
      const job = held[n];
      const ours: unknown = JSON.parse(JSON.stringify(item.data));
      if (!job || isDeepStrictEqual(job.data, ours)) continue;
      const id = String(item.options?.id);
      const fresh = `${id}-r${randomBytes(4).toString('hex')}`;
      logger.error(
        { queue: q.name, jobId: id, addedAs: fresh },
        'job id already taken by a different job: added under a fresh id instead of being dropped',
      );
      metrics?.jobIdCollisions.inc({ queue: q.name });
      await q.add(job.name, item.data, toBullOptions({ ...item.options, id: fresh }));
    }
  };

  const backend: QueueBackendKind = connection.kind;
  return {
    backend,
    producer<T>(type: JobType<T>): Producer<T> {
      const add = async (items: { data: T; options?: JobOptions | undefined }[]) => {
        const q = queueFor(type.queue);
        // One job (a LINE webhook usually carries one event) goes in as a plain add. On
        // PostgreSQL, addBulk's `add_jobs_bulk` creates and drops two temporary tables per call
        // (bullmq/dist/esm/postgres/sql-scripts.js, migration 0002_functions.sql): 3.8 ms of
        // database time per call against 0.4 ms for `add_job`, and about 30 catalog rows
        // (pg_attribute, pg_class, pg_type) left dead each time. Several jobs still go in one
        // statement, in order, all or none.
        if (items.length === 1) {
          const [only] = items as [(typeof items)[number]];
          await q.add(type.name, only.data, toBullOptions(only.options));
        } else {
          await q.addBulk(
            items.map((i) => ({ name: type.name, data: i.data, opts: toBullOptions(i.options) })),
          );
        }
        await checkIds(q, items);
      };
      return {
        add: (data, o) => add([{ data, options: o }]),
        async addBulk(items) {
          if (items.length > 0) await add(items);
        },
      };
    },
    handle<T>(type: JobType<T>, handler: JobHandler<T>, o?: WorkerOptions) {
      let byName = handlers.get(type.queue);
      if (!byName) {
        byName = new Map();
        handlers.set(type.queue, byName);
      }
      if (byName.has(type.name)) throw new Error(`handler for ${type.queue}/${type.name} registered twice`);
      byName.set(type.name, handler as JobHandler<unknown>);
      if (options.runWorkers && !workers.has(type.queue)) startWorker(type.queue, o);
    },
    async retryFailed(name: string): Promise<number> {
      const q = queueFor(name);
      const { failed = 0 } = await q.getJobCounts('failed');
      if (failed > 0) await q.retryJobs({ state: 'failed', count: 1000 });
      return failed;
    },
    async counts(extra: readonly string[] = []): Promise<QueueCounts> {
      const names = new Set([...queues.keys(), ...handlers.keys(), ...extra]);
      const result: QueueCounts = {};
      for (const name of [...names].sort()) {
        result[name] = await queueFor(name).getJobCounts(
          'waiting',
          'active',
          'delayed',
          'completed',
          'failed',
        );
      }
      return result;
    },
    async warm(names) {
      if (!producerConnection) {
        if (names.length > 0) await redisClient().ping();
        return;
      }
      // One query per pooled connection, at once, so the pool opens them all now (the pool has no
      // minimum size of its own).
      const queued = names.map((name) => queueFor(name));
      await Promise.all(
        Array.from({ length: PRODUCER_POOL }, (_, i) => queued[i % queued.length]?.getJobCounts('waiting')),
      );
    },
    async durability() {
      if (connection.kind !== 'redis') {
        // PostgreSQL: a committed job is in its write-ahead log like any other row.
        return { settings: {}, warnings: [] };
      }
      return redisDurability(redisClient());
    },
    async ping() {
      if (connection.kind === 'redis') {
        await redisClient().ping();
      } else {
        await queueFor('system').getJobCounts('waiting');
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      // A Redis that never answered would make every close wait for it forever: drop it first, so
      // the workers and queues below close at once (their pending commands are rejected).
      if (redis && redis.status !== 'ready') redis.disconnect();
      await Promise.all([...workers.values()].map((w) => w.close()));
      await Promise.all([...queues.values()].map((q) => q.close()));
      await producerConnection?.close();
      if (redis?.status === 'ready') await redis.quit().catch(() => redis?.disconnect());
    },
  };
}

/** `field:value` lines of a Redis INFO section. */
function infoFields(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const at = line.indexOf(':');
    if (at > 0 && !line.startsWith('#')) fields[line.slice(0, at)] = line.slice(at + 1).trim();
  }
  return fields;
}

/**
 * What a Redis would lose of the jobs it accepted. BullMQ needs `maxmemory-policy noeviction`
 * (an evicted key is a lost job); a restart keeps only what AOF or an RDB snapshot wrote. AOF is
 * written before Redis answers (fsync per `appendfsync`), so a crash or restart of Redis loses
 * nothing acknowledged; RDB keeps only the last snapshot. `CONFIG` may be disabled (managed Redis):
 * then the `save` rule is reported as unknown.
 */
async function redisDurability(redis: Redis): Promise<QueueDurability> {
  const memory = infoFields(await redis.info('memory'));
  const persistence = infoFields(await redis.info('persistence'));
  const policy = memory.maxmemory_policy ?? 'unknown';
  const aof = persistence.aof_enabled === '1';
  let save = 'unknown';
  try {
    const reply = (await redis.config('GET', 'save')) as string[];
    save = reply[1] ?? '';
  } catch {
    // CONFIG is renamed or disabled on this server
  }
  const warnings: string[] = [];
  if (policy !== 'noeviction') {
    warnings.push(
      `Redis maxmemory-policy is ${policy}: under memory pressure it may evict queued jobs; BullMQ needs noeviction`,
    );
  }
  if (!aof && save === '') {
    warnings.push(
      'Redis keeps nothing on disk (appendonly no, no save rule): events acknowledged but not yet handled are lost if Redis restarts; turn on appendonly',
    );
  } else if (!aof) {
    warnings.push(
      `Redis persists only by RDB snapshots (save ${save}): events acknowledged since the last snapshot are lost if Redis restarts; turn on appendonly`,
    );
  }
  return {
    settings: { 'maxmemory-policy': policy, appendonly: aof ? 'yes' : 'no', save },
    warnings,
  };
}
