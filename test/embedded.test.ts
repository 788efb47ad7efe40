/**
 * The embedded default: a real PostgreSQL server under DATA_DIR, shared by every process that opens
 * it, correct under concurrent connections, recovered after crashes, BullMQ on it.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { migrate, openOrm } from '../db/orm.ts';
import { loadConfig } from '../src/config.ts';
import { jobType } from '../src/queue.ts';
import { createApp } from '../src/wiring/app.ts';
import {
  type EmbeddedDatabase,
  type EmbeddedSettings,
  openEmbedded,
  readPostmasterPid,
  SETTINGS_FILE,
} from '../src/wiring/embedded.ts';
import { embeddedDataDir, removeDataDir } from './helpers/embedded.ts';
import { memoryLogger } from './helpers/logger.ts';

const dirs: string[] = [];
const newDir = async (prefix: string, mode?: number) => {
  const dir = await embeddedDataDir(prefix, mode);
  dirs.push(dir);
  return dir;
};
afterAll(async () => {
  for (const dir of dirs) await removeDataDir(dir);
});

const settingsOf = (dir: string) =>
  JSON.parse(readFileSync(path.join(dir, SETTINGS_FILE), 'utf8')) as EmbeddedSettings;

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

describe('embedded store', () => {
  it('boots with no database configured, reports embedded + postgres queue, and keeps data across restarts', async () => {
    const dataDir = await newDir('bot-embedded');
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

      // The queue really runs on the embedded server, in BullMQ's own schema.
      const type = jobType<{ v: number }>('embedded', 'echo');
      const seen: number[] = [];
      first.queue.handle(type, async (d) => {
        seen.push(d.v);
      });
      await first.queue.producer(type).add({ v: 7 });
      await until(() => seen.length > 0, 15_000);
      expect(seen).toEqual([7]);
    } finally {
      await first.stop();
    }
    // The only process left, it stopped the server.
    expect(readPostmasterPid(settingsOf(dataDir).pgdata)).toBeNull();

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

describe('the embedded server', () => {
  let open: EmbeddedDatabase[] = [];
  afterEach(async () => {
    for (const db of open) await db.close();
    open = [];
  });

  it('answers 8 connections × 500 parameterized queries of two shapes, each with its own rows', async () => {
    const db = await openEmbedded(await newDir('bot-concurrency'));
    open.push(db);
    const clients = await Promise.all(
      Array.from({ length: 8 }, async () => {
        const c = new pg.Client({ connectionString: db.url });
        await c.connect();
        return c;
      }),
    );
    let foreign = 0;
    let errors = 0;
    try {
      await Promise.all(
        clients.map(async (client, conn) => {
          for (let i = 0; i < 500; i += 1) {
            const tag = `c${conn}-q${i}`;
            try {
              // Two compatible shapes (the same parameter types in a different number), sent with
              // the extended protocol (Parse/Bind/Execute/Sync) as every parameterized query is.
              const rows =
                i % 2 === 0
                  ? (await client.query('select $1::text as tag, $2::int as n', [tag, i])).rows
                  : (await client.query('select $1::text as tag, $2::int as n, $3::int as m', [tag, i, conn]))
                      .rows;
              if (rows.length !== 1 || rows[0].tag !== tag || rows[0].n !== i) foreign += 1;
            } catch {
              errors += 1;
            }
          }
        }),
      );
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
    expect({ foreign, errors }).toEqual({ foreign: 0, errors: 0 });
  });

  it('listens on loopback only, with password authentication and its settings in a 0600 file', async () => {
    const dir = await newDir('bot-settings');
    const db = await openEmbedded(dir);
    open.push(db);
    const settings = settingsOf(dir);
    expect(statSync(path.join(dir, SETTINGS_FILE)).mode & 0o777).toBe(0o600);
    expect(settings.password.length).toBeGreaterThanOrEqual(24);
    expect(db.url).toContain('@127.0.0.1:');
    const [row] = await query<{ listen: string; socket: string }>(
      db.url,
      "select current_setting('listen_addresses') as listen, current_setting('unix_socket_directories') as socket",
    );
    expect(row).toEqual({ listen: '127.0.0.1', socket: '' });
    const wrong = new URL(db.url);
    wrong.password = 'not-the-password';
    await expect(query(wrong.toString(), 'select 1')).rejects.toMatchObject({ code: '28P01' });
  });

  it('is one server for every opener: started once, kept while anyone is attached, stopped by the last', async () => {
    const dir = await newDir('bot-shared');
    // Three openers race on a fresh DATA_DIR: one cluster, one server.
    const [a, b, c] = await Promise.all([openEmbedded(dir), openEmbedded(dir), openEmbedded(dir)]);
    if (!a || !b || !c) throw new Error('unreachable');
    open.push(a, b, c);
    expect([a, b, c].filter((d) => d.started)).toHaveLength(1);
    expect(new Set([a.url, b.url, c.url]).size).toBe(1);
    const pm = readPostmasterPid(a.pgdata);
    expect(pm?.status).toBe('ready');

    await a.close();
    await b.close();
    expect(alive(pm?.pid ?? 0)).toBe(true);
    expect(await query(c.url, 'select 1 as one')).toEqual([{ one: 1 }]);
    await c.close();
    await until(() => !alive(pm?.pid ?? 0));
    expect(existsSync(path.join(a.pgdata, 'postmaster.pid'))).toBe(false);
  });

  it('gives a working server to a process that attaches while the last one is leaving', async () => {
    const dir = await newDir('bot-handover');
    for (let round = 0; round < 8; round += 1) {
      const leaving = await openEmbedded(dir);
      const [, arriving] = await Promise.all([leaving.close(), openEmbedded(dir)]);
      try {
        expect(await query(arriving.url, 'select 1 as one')).toEqual([{ one: 1 }]);
      } finally {
        await arriving.close();
      }
    }
  });

  it('recovers a stale postmaster.pid whose pid now belongs to another program', async () => {
    const dir = await newDir('bot-stale');
    const first = await openEmbedded(dir);
    const pgdata = first.pgdata;
    await first.close();
    // As after a power loss: the pid file survived and its pid was given to something else.
    const squatter = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      await writeFile(
        path.join(pgdata, 'postmaster.pid'),
        `${squatter.pid}\n${pgdata}\n1700000000\n${settingsOf(dir).port}\n\n127.0.0.1\n  1234  5678\nready   \n`,
      );
      const { logger, records } = memoryLogger('info');
      const again = await openEmbedded(dir, { logger });
      open.push(again);
      expect(again.started).toBe(true);
      expect(await query(again.url, 'select 1 as one')).toEqual([{ one: 1 }]);
      expect(records.some((r) => String(r.msg).includes('stale postmaster.pid'))).toBe(true);
    } finally {
      squatter.kill('SIGKILL');
    }
  });

  it('starts the server again when it dies under an attached process', async () => {
    const dir = await newDir('bot-watchdog');
    const { logger, records } = memoryLogger('info');
    const db = await openEmbedded(dir, { logger });
    open.push(db);
    const before = readPostmasterPid(db.pgdata);
    process.kill(before?.pid ?? 0, 'SIGKILL');
    await until(async () => {
      const pm = readPostmasterPid(db.pgdata);
      if (!pm || pm.pid === before?.pid || pm.status !== 'ready') return false;
      return query(db.url, 'select 1').then(
        () => true,
        () => false,
      );
    }, 20_000);
    await until(() => records.some((r) => r.msg === 'embedded PostgreSQL server is back'));
  });

  it.runIf(process.getuid?.() === 0)(
    'as root, keeps the cluster where the postgres user can reach it when DATA_DIR is closed to it',
    async () => {
      const dir = await newDir('bot-closed', 0o700);
      const { logger, records } = memoryLogger('info');
      const db = await openEmbedded(dir, { logger });
      open.push(db);
      expect(db.pgdata.startsWith('/var/lib/backoffice-chat-bot/clusters/')).toBe(true);
      expect(settingsOf(dir).pgdata).toBe(db.pgdata);
      expect(records.some((r) => r.cluster === db.pgdata)).toBe(true);
      expect(await query(db.url, 'select current_user as u')).toEqual([{ u: 'bot' }]);
      // The server runs as the postgres OS user, never as root.
      const owner = readFileSync(`/proc/${readPostmasterPid(db.pgdata)?.pid}/status`, 'utf8').match(
        /^Uid:\s+(\d+)/m,
      );
      expect(Number(owner?.[1])).not.toBe(0);
    },
  );
});
