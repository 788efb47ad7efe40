/**
 * Stopping within 10 s (README, "HTTP endpoints": SIGINT/SIGTERM stop the HTTP server, then the queue
 * workers, then the store) on every store and queue: the embedded server with its PostgreSQL queue,
 * external PostgreSQL with the PostgreSQL queue, and external PostgreSQL with Redis, each with a job
 * still running when the stop comes (it is let finish, not cut off).
 */
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { jobType } from '../src/queue.ts';
import { type AppOptions, createApp } from '../src/wiring/app.ts';
import { queueConnectionFor } from '../src/wiring/bullmq.ts';
import { readPostmasterPid } from '../src/wiring/embedded.ts';
import { embeddedDataDir, removeDataDir } from './helpers/embedded.ts';
import { memoryLogger } from './helpers/logger.ts';
import {
  freshSchema,
  TEST_DATABASE_URL,
  TEST_REDIS_URL,
  type TestSchema,
  uniqueName,
} from './helpers/services.ts';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

async function stopsInTime(env: Record<string, string>, options: AppOptions = {}) {
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', ...env });
  const app = await createApp(config, { logger: memoryLogger('silent').logger, ...options });
  await app.listen();
  const slow = jobType<{ ms: number }>(uniqueName('shutdown'), 'slow');
  let started = false;
  let finished = false;
  app.queue.handle(slow, async ({ ms }) => {
    started = true;
    await new Promise((r) => setTimeout(r, ms));
    finished = true;
  });
  await app.queue.producer(slow).add({ ms: 1500 });
  for (const until = Date.now() + 15_000; !started && Date.now() < until; ) {
    await new Promise((r) => setTimeout(r, 20));
  }
  expect(started).toBe(true);
  const at = Date.now();
  await app.stop();
  const took = Date.now() - at;
  expect(finished).toBe(true); // the running job was let finish
  expect(took).toBeLessThan(10_000);
  return took;
}

describe('stopping the app', () => {
  it('stops within 10 s on the embedded server, and its server with it', async () => {
    const dataDir = await embeddedDataDir('bot-shutdown');
    cleanups.push(() => removeDataDir(dataDir));
    await stopsInTime({ DATA_DIR: dataDir });
    expect(readPostmasterPid(`${dataDir}/postgres`)).toBeNull();
  });

  it('stops within 10 s on external PostgreSQL with the queue on PostgreSQL', async () => {
    const schema: TestSchema = await freshSchema('shutdownpg');
    cleanups.push(() => schema.drop());
    // BullMQ's own schema for this test (bullmq_<prefix>), dropped afterwards.
    const prefix = uniqueName('sd');
    cleanups.push(async () => {
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`drop schema if exists "bullmq_${prefix}" cascade`);
      await c.end();
    });
    const dataDir = await embeddedDataDir('bot-shutdown-pg');
    cleanups.push(() => removeDataDir(dataDir));
    await stopsInTime(
      { DATABASE_URL: schema.url, DATA_DIR: dataDir },
      {
        queueConnection: (url) => queueConnectionFor(loadConfig({ QUEUE_PREFIX: prefix }), { url }),
      },
    );
  });

  it('stops within 10 s on external PostgreSQL with the queue on Redis', async () => {
    const schema: TestSchema = await freshSchema('shutdownredis');
    cleanups.push(() => schema.drop());
    const dataDir = await embeddedDataDir('bot-shutdown-redis');
    cleanups.push(() => removeDataDir(dataDir));
    await stopsInTime(
      { DATABASE_URL: schema.url, DATA_DIR: dataDir },
      { queueConnection: () => ({ kind: 'redis', url: TEST_REDIS_URL, prefix: uniqueName('sd') }) },
    );
  });
});
