/** The embedded default: PGlite under DATA_DIR served over a loopback socket, BullMQ on it. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openOrm } from '../db/orm.ts';
import { loadConfig } from '../src/config.ts';
import { jobType } from '../src/queue.ts';
import { createApp } from '../src/wiring/app.ts';
import { openEmbedded } from '../src/wiring/embedded.ts';
import { memoryLogger } from './helpers/logger.ts';

let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'bot-embedded-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('embedded store', () => {
  it('boots with no database configured, reports embedded + postgres queue, and keeps data across restarts', async () => {
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir });
    const logger = memoryLogger('silent').logger;

    const first = await createApp(config, { logger });
    try {
      const port = await first.listen();
      const ready = await (await fetch(`http://127.0.0.1:${port}/readyz`)).json();
      expect(ready).toMatchObject({
        ready: true,
        store: { kind: 'embedded', status: 'ok' },
        queue: { backend: 'postgres', status: 'ok' },
      });
      await first.store.uow.run((tx) =>
        tx.work.jobs.insert({ title: '再起動テスト', rewardYen: 5000, status: 'open' }),
      );

      // The queue really runs on the embedded database.
      const type = jobType<{ v: number }>('embedded', 'echo');
      const seen: number[] = [];
      first.queue.handle(type, async (d) => {
        seen.push(d.v);
      });
      await first.queue.producer(type).add({ v: 7 });
      const until = Date.now() + 15_000;
      while (seen.length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
      expect(seen).toEqual([7]);
    } finally {
      await first.stop();
    }

    const second = await createApp(config, { logger });
    try {
      const { items } = await second.store.uow.run((tx) =>
        tx.work.searchOpenJobs({}, { offset: 0, limit: 10 }),
      );
      expect(items.map((j) => j.title)).toEqual(['再起動テスト']);
    } finally {
      await second.stop();
    }
  });

  it('has entities that match the committed migrations (no drift to generate)', async () => {
    const scratch = await openEmbedded(null);
    const orm = await openOrm({ clientUrl: scratch.url, poolMax: 2 });
    try {
      await migrate(orm);
      const diff = await orm.schema.getUpdateSchemaSQL({ wrap: false });
      expect(diff.trim()).toBe('');
    } finally {
      await orm.close();
      await scratch.close();
    }
  });
});
