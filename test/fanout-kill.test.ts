/**
 * A smaller `bench:fanout --kill`: the app (its own process, as `npm start`) is SIGKILLed while a
 * job alert is going out to 3,000 LINE workers, then started again. Every worker must end up with
 * the alert exactly once: batches are fixed when their page commits, BullMQ re-runs the stalled ones
 * (within 10 s: the multicast queue's lock), and
 * LINE's retry key turns a repeat of an accepted multicast into a 409. Then the same for a notice
 * to everyone (the same fan-out), which is read-tracked once it arrived.
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { createDomain } from '../src/wiring/domain.ts';
import { type OpenedStore, openStore } from '../src/wiring/open-store.ts';
import { type FakeLine, startFakeLine } from './fakes/line-api.ts';
import { memoryLogger } from './helpers/logger.ts';
import { freePort, type Spawned, spawnNode, waitForReady } from './helpers/process.ts';
import { freshSchema, TEST_REDIS_URL, type TestSchema, uniqueName } from './helpers/services.ts';

const N = 3000;
let schema: TestSchema;
let fake: FakeLine;
let opened: OpenedStore;
let db: pg.Client;
let dataDir: string;
let env: Record<string, string>;
const children: Spawned[] = [];

beforeAll(async () => {
  schema = await freshSchema('fankill');
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'fankill-'));
  // Slow enough that the kill lands mid-run: LINE lets 3 multicasts/s through, 3,000 workers in 6 batches.
  fake = await startFakeLine({ channelAccessToken: 'kill-token', rates: { multicast: 3 } });
  env = {
    HOST: '127.0.0.1',
    DATABASE_URL: schema.url,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: uniqueName('fankill'),
    DATA_DIR: dataDir,
    LINE_CHANNEL_SECRET: 'kill-secret',
    LINE_CHANNEL_ACCESS_TOKEN: 'kill-token',
    LINE_API_URL: fake.url,
    LINE_DATA_API_URL: fake.url,
  };
  opened = await openStore({ databaseUrl: schema.url, dataDir, logger: memoryLogger('silent').logger });
  db = new pg.Client({ connectionString: schema.url });
  await db.connect();
  await db.query(
    `with u as (insert into users (display_name, locale, roles, created_at, updated_at)
                select 'w' || g, 'ja', '{worker}', now(), now() from generate_series(1, $1) g returning id)
     insert into platform_identities (user_id, platform, workspace, external_id, created_at)
     select id, 'line', '', 'Uk' || id, now() from u`,
    [N],
  );
});

afterAll(async () => {
  for (const c of children) if (c.child.exitCode === null) c.child.kill('SIGKILL');
  await db?.end();
  await opened?.close();
  await fake?.close();
  await schema?.drop();
});

async function start(): Promise<Spawned> {
  const port = await freePort();
  const child = spawnNode('src/main.ts', [], { ...env, PORT: String(port) });
  children.push(child);
  await waitForReady(`http://127.0.0.1:${port}/readyz`, 30_000, child);
  return child;
}

describe('fan-out across a SIGKILL', () => {
  it('delivers every alert exactly once when the app is killed mid-run and started again', async () => {
    const first = await start();
    const config = loadConfig({ DATABASE_URL: schema.url, DATA_DIR: dataDir });
    const domain = await createDomain(config, opened.store);
    const { rows } = await db.query(
      `insert into users (display_name, locale, roles, created_at, updated_at) values ('s', 'ja', '{staff}', now(), now()) returning id`,
    );
    const { alerts } = await domain.services.jobs.post(
      { userId: Number(rows[0].id), roles: ['staff'], companyId: null },
      { title: '夜間対応', reward: { type: 'fixed', yen: 4000 }, remote: true, status: 'open' },
    );
    expect(alerts).toBe(N);

    // Killed after the first multicast went out, before the last.
    await fake.waitFor(() => fake.delivered.length >= 500, 20_000);
    first.child.kill('SIGKILL');
    await first.exited;
    const before = fake.delivered.length;
    expect(before).toBeLessThan(N);

    await start();
    await fake.waitFor(() => new Set(fake.delivered.map((d) => d.to)).size === N, 120_000);
    await new Promise((r) => setTimeout(r, 1500));
    const counts = new Map<string, number>();
    for (const d of fake.delivered) counts.set(d.to, (counts.get(d.to) ?? 0) + 1);
    expect(counts.size).toBe(N);
    expect([...counts.values()].filter((n) => n > 1)).toEqual([]);
    expect(fake.violations).toEqual([]);
  }, 180_000);

  it('delivers a notice to everyone exactly once when the app is killed mid-run, then tracks its reading', async () => {
    const running =
      children.find((c) => c.child.exitCode === null && c.child.signalCode === null) ?? (await start());
    const config = loadConfig({ DATABASE_URL: schema.url, DATA_DIR: dataDir });
    const domain = await createDomain(config, opened.store);
    const { rows } = await db.query(
      `insert into users (display_name, locale, roles, created_at, updated_at) values ('s2', 'ja', '{staff}', now(), now()) returning id`,
    );
    const staff = { userId: Number(rows[0].id), roles: ['staff' as const], companyId: null };
    const title = '夜間メンテナンスのお知らせ';
    const { notice, notified } = await domain.services.notices.publish(staff, {
      kind: 'maintenance',
      title,
      body: '2:00〜4:00 はご利用いただけません。',
      audience: { everyone: true },
    });
    // The workers and the two staff members (who have no chat identity here).
    expect(notified).toBe(N + 2);
    const got = () => fake.delivered.filter((d) => JSON.stringify(d.messages).includes(title));

    await fake.waitFor(() => got().length >= 500, 20_000);
    running.child.kill('SIGKILL');
    await running.exited;
    expect(got().length).toBeLessThan(N);

    await start();
    await fake.waitFor(() => new Set(got().map((d) => d.to)).size === N, 120_000);
    await new Promise((r) => setTimeout(r, 1500));
    const counts = new Map<string, number>();
    for (const d of got()) counts.set(d.to, (counts.get(d.to) ?? 0) + 1);
    expect(counts.size).toBe(N);
    expect([...counts.values()].filter((n) => n > 1)).toEqual([]);
    const receipts = async () =>
      (
        await db.query(
          `select status, count(*)::int as n from fanout_recipients
            where kind = 'notice.published' and subject_id = $1 and platform = 'line' group by 1`,
          [notice.id],
        )
      ).rows;
    for (let i = 0; i < 100 && (await receipts())[0]?.n !== N; i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(await receipts()).toEqual([{ status: 'sent', n: N }]);

    // Read tracking: unread for everyone until opened, once.
    const worker = {
      userId: Number((await db.query(`select id from users where display_name = 'w1'`)).rows[0].id),
      roles: ['worker' as const],
      companyId: null,
    };
    expect((await domain.services.notices.list(worker)).items.find((n) => n.id === notice.id)?.read).toBe(
      false,
    );
    await domain.services.notices.open(worker, notice.id);
    expect((await domain.services.notices.list(worker)).items.find((n) => n.id === notice.id)?.read).toBe(
      true,
    );
    expect(fake.violations).toEqual([]);
  }, 180_000);
});
