/**
 * One conformance suite for the job queue, run against both BullMQ backends: Redis (fresh key prefix)
 * and PostgreSQL (fresh schema). Real servers, no mocks.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type JobContext, type JobQueue, jobType, PermanentJobError } from '../src/queue.ts';
import { createJobQueue, type QueueConnection } from '../src/wiring/bullmq.ts';
import { memoryLogger } from './helpers/logger.ts';
import { TEST_DATABASE_URL, TEST_REDIS_URL, uniqueName } from './helpers/services.ts';

interface Greeting {
  to: string;
  n: number;
}

function waitFor(check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (check()) return resolve();
      if (Date.now() > until) return reject(new Error('timed out waiting'));
      setTimeout(tick, 20);
    };
    tick();
  });
}

function conformance(
  name: string,
  connect: () => Promise<{ connection: QueueConnection; cleanup: () => Promise<void> }>,
) {
  describe(`job queue on ${name}`, () => {
    let queue: JobQueue;
    let cleanup: () => Promise<void>;
    const { logger } = memoryLogger('silent');

    beforeAll(async () => {
      const c = await connect();
      cleanup = c.cleanup;
      queue = createJobQueue({ connection: c.connection, logger, runWorkers: true });
    });
    afterAll(async () => {
      await queue?.close();
      await cleanup?.();
    });

    it('reports its backend and answers a ping', async () => {
      expect(queue.backend).toBe(name);
      await expect(queue.ping()).resolves.toBeUndefined();
    });

    it('delivers typed data from producer to handler', async () => {
      const type = jobType<Greeting>('greetings', 'greet');
      const seen: Greeting[] = [];
      queue.handle(type, async (data) => {
        seen.push(data);
      });
      const producer = queue.producer(type);
      await producer.add({ to: 'さくら', n: 1 });
      await producer.addBulk([{ data: { to: 'b', n: 2 } }, { data: { to: 'c', n: 3 } }]);
      await waitFor(() => seen.length === 3);
      expect(seen.map((g) => g.n).sort()).toEqual([1, 2, 3]);
      expect(seen.find((g) => g.n === 1)?.to).toBe('さくら');
    });

    it('adds a job with a given id once, however often it is added', async () => {
      const type = jobType<{ k: string }>('idempotent', 'once');
      let runs = 0;
      queue.handle(type, async () => {
        runs++;
      });
      const producer = queue.producer(type);
      await Promise.all([1, 2, 3].map(() => producer.add({ k: 'x' }, { id: 'receipt-42' })));
      await producer.add({ k: 'y' }, { id: 'receipt-43' });
      await waitFor(() => runs >= 2);
      await new Promise((r) => setTimeout(r, 300));
      expect(runs).toBe(2);
    });

    it('retries a failing job and tells the handler which attempt it is', async () => {
      const type = jobType<{ failTimes: number }>('flaky', 'flaky');
      const attempts: JobContext[] = [];
      queue.handle(type, async (data, ctx) => {
        attempts.push(ctx);
        if (ctx.attempt <= data.failTimes) throw new Error('temporary');
      });
      // backoff is exponential from 1 s: two failures then success takes about 3 s.
      await queue.producer(type).add({ failTimes: 2 }, { attempts: 3 });
      await waitFor(() => attempts.length === 3, 20_000);
      expect(attempts.map((a) => a.attempt)).toEqual([1, 2, 3]);
    });

    it('does not retry a permanent failure', async () => {
      const type = jobType<object>('permanent', 'blocked');
      let runs = 0;
      queue.handle(type, async () => {
        runs++;
        throw new PermanentJobError('blocked', 'the user blocked the bot');
      });
      await queue.producer(type).add({}, { attempts: 5 });
      await waitFor(() => runs === 1);
      await waitFor(() => false, 1500).catch(() => undefined);
      expect(runs).toBe(1);
      const counts = await queue.counts();
      expect(counts.permanent?.failed).toBe(1);
    });

    it('runs failed jobs again when an operator retries them (queue:retry)', async () => {
      const type = jobType<object>('retried', 'once');
      let runs = 0;
      let fixed = false;
      queue.handle(type, async () => {
        runs++;
        if (!fixed) throw new PermanentJobError('broken', 'fails until fixed');
      });
      await queue.producer(type).add({}, { attempts: 1 });
      await waitFor(() => runs === 1);
      for (let i = 0; i < 100 && (await queue.counts(['retried'])).retried?.failed !== 1; i++) {
        await new Promise((r) => setTimeout(r, 50));
      }
      fixed = true;
      expect(await queue.retryFailed('retried')).toBe(1);
      await waitFor(() => runs === 2);
      expect((await queue.counts(['retried'])).retried?.failed).toBe(0);
    });

    it('holds a delayed job until its time', async () => {
      const type = jobType<object>('later', 'later');
      let ranAt = 0;
      queue.handle(type, async () => {
        ranAt = Date.now();
      });
      const addedAt = Date.now();
      await queue.producer(type).add({}, { delayMs: 700 });
      await waitFor(() => ranAt > 0);
      expect(ranAt - addedAt).toBeGreaterThanOrEqual(650);
    });

    it('refuses queue or job names with a colon, which BullMQ cannot take', () => {
      expect(() => jobType('a:b', 'x')).toThrow(/':'/);
    });
  });
}

conformance('redis', async () => ({
  connection: { kind: 'redis', url: TEST_REDIS_URL, prefix: uniqueName('test') },
  cleanup: async () => {},
}));

conformance('postgres', async () => {
  const schema = uniqueName('bq');
  return {
    connection: { kind: 'postgres', url: TEST_DATABASE_URL, schema },
    cleanup: async () => {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      await client.query(`drop schema if exists "${schema}" cascade`);
      await client.end();
    },
  };
});
