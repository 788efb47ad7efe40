/**
 * Upgrading from the PGlite store: a DATA_DIR written by the PGlite version of the app (a fixture made
 * by that code, see test/fixtures/README.md) is moved into the embedded PostgreSQL server on the
 * first start, with nothing lost, and only once.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { createApp } from '../src/wiring/app.ts';
import { queueConnectionFor } from '../src/wiring/bullmq.ts';
import { embeddedConnectionInfo } from '../src/wiring/embedded.ts';
import { openStore } from '../src/wiring/open-store.ts';
import { embeddedDataDir, removeDataDir } from './helpers/embedded.ts';
import { memoryLogger } from './helpers/logger.ts';

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'pglite-0.5.14-demo.tar.gz');
const BULLMQ_TABLES =
  /^(job|job_log|job_dependency|event|meta|metrics|migration|rate_limit|dedup|dedup_next|scheduler|relay_\w+)$/;

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await removeDataDir(dir);
});

/** A DATA_DIR as the PGlite version left it: DATA_DIR/pgdata holding the fixture. */
async function legacyDataDir(prefix: string): Promise<string> {
  const dir = await embeddedDataDir(prefix);
  dirs.push(dir);
  const blob = new Blob([await readFile(FIXTURE)]);
  const db = await PGlite.create(path.join(dir, 'pgdata'), { loadDataDir: blob, extensions: { pg_trgm } });
  await db.close();
  return dir;
}

async function withPglite<T>(dir: string, fn: (db: PGlite) => Promise<T>): Promise<T> {
  const db = await PGlite.create(dir, { extensions: { pg_trgm } });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

const COUNTS = `select table_name as t,
  (xpath('/row/c/text()', query_to_xml(format('select count(*) as c from public.%I', table_name), false, true, '')))[1]::text::int as n
  from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`;

/** Tables later migrations renamed (Migration20261206150000_fanout_kinds: fan-outs of every kind). */
const RENAMED: Record<string, string> = {
  alert_runs: 'fanout_runs',
  alert_batches: 'fanout_batches',
  alert_receipts: 'fanout_receipts',
};

async function appTableCounts(rows: { t: string; n: number }[]) {
  return Object.fromEntries(
    rows.filter((r) => !BULLMQ_TABLES.test(r.t) && r.t !== 'mikro_orm_migrations').map((r) => [r.t, r.n]),
  );
}

describe('moving a PGlite DATA_DIR into the embedded PostgreSQL server', () => {
  it('copies every row, keeps the sequences going, queues the unfinished jobs again, and does it once', async () => {
    const dir = await legacyDataDir('bot-pglite');
    const legacy = path.join(dir, 'pgdata');
    const before = await withPglite(legacy, async (db) => {
      // The fixture's delayed job was due an hour after the fixture was made: make it due an hour
      // from now, so it is still waiting for its time when it is moved.
      await db.query("update job set process_at_ms = $1 where id = 'fixture-delayed-1'", [
        Date.now() + 3_600_000,
      ]);
      return {
        counts: await appTableCounts((await db.query<{ t: string; n: number }>(COUNTS)).rows),
        users: (
          await db.query<{ id: number; display_name: string; roles: string[] }>(
            'select id, display_name, roles from users order by id',
          )
        ).rows,
        maxUser: (await db.query<{ m: number }>('select max(id) as m from users')).rows[0]?.m ?? 0,
      };
    });
    expect(before.counts.users).toBe(60);

    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir, ROLE: 'web' });
    const { logger, records } = memoryLogger('info');
    const app = await createApp(config, { logger });
    try {
      const moved = records.find((r) => String(r.msg).startsWith('moved the data of the PGlite store'));
      expect(moved).toMatchObject({ jobs: 2 });
      expect(moved?.rows).toBe(Object.values(before.counts).reduce((a, b) => a + b, 0));
      expect(String(moved?.backup)).toMatch(/pgdata\.pglite-moved-/);

      const info = await embeddedConnectionInfo(dir);
      const client = new pg.Client({ connectionString: info?.url });
      await client.connect();
      try {
        const after = await appTableCounts((await client.query<{ t: string; n: number }>(COUNTS)).rows);
        // Every old table with every row (under its new name if a later migration renamed it);
        // tables of later migrations come on top.
        expect(
          Object.fromEntries(Object.keys(before.counts).map((t) => [t, after[RENAMED[t] ?? t]])),
        ).toEqual(before.counts);
        expect(after.database_instance).toBe(1);
        const users = (await client.query('select id, display_name, roles from users order by id')).rows;
        expect(users).toEqual(before.users);
      } finally {
        await client.end();
      }

      // New rows continue after the old ids.
      const created = await app.store.users.createWithIdentity(
        { platform: 'console', workspace: 'local', externalId: 'after-upgrade' },
        { displayName: 'after-upgrade', locale: 'ja', roles: ['worker'] },
      );
      expect(created.user.id).toBeGreaterThan(before.maxUser);

      // The jobs the old store still had to run are in the new queue, as they were.
      const counts = await app.queue.counts(['line-inbound', 'notify-slack']);
      expect(counts['line-inbound']).toMatchObject({ waiting: 1 });
      expect(counts['notify-slack']).toMatchObject({ delayed: 1 });
    } finally {
      await app.stop();
    }

    // A second start finds nothing to move and the data still there.
    const { logger: logger2, records: records2 } = memoryLogger('info');
    const opened = await openStore({ databaseUrl: undefined, dataDir: dir, logger: logger2 });
    try {
      expect(records2.some((r) => String(r.msg).includes('PGlite'))).toBe(false);
      const { items } = await opened.store.uow.run((tx) =>
        tx.work.searchOpenJobs({}, { offset: 0, limit: 20 }),
      );
      expect(items.length).toBeGreaterThan(0);
    } finally {
      await opened.close();
    }
  }, 120_000);

  it('leaves the PGlite directory untouched and the new database empty when the move fails, and moves it on a later start', async () => {
    const dir = await legacyDataDir('bot-pglite-fail');
    const legacy = path.join(dir, 'pgdata');
    // A row the new schema refuses (the old one is loosened to hold it).
    await withPglite(legacy, async (db) => {
      await db.exec('alter table users alter column display_name drop not null');
      await db.exec('update users set display_name = null where id = (select min(id) from users)');
    });
    const config = loadConfig({ DATA_DIR: dir });
    const open = () =>
      openStore({
        databaseUrl: undefined,
        dataDir: dir,
        logger: memoryLogger('silent').logger,
        queueConnection: (s) => queueConnectionFor(config, s),
      });
    await expect(open()).rejects.toThrow(
      /Moving the PGlite store in .*pgdata into the embedded PostgreSQL server failed: .*display_name/,
    );
    expect((await readFile(path.join(legacy, 'PG_VERSION'), 'utf8')).trim()).toBe('18');

    await withPglite(legacy, (db) =>
      db.exec("update users set display_name = '復旧' where display_name is null"),
    );
    const opened = await open();
    try {
      const rows = await opened.orm.em
        .fork()
        .execute<{ n: number }[]>("select count(*)::int as n from users where display_name = '復旧'");
      expect(rows[0]?.n).toBe(1);
    } finally {
      await opened.close();
    }
  }, 120_000);

  it('refuses a PGlite directory written by a newer version, and leaves it in place', async () => {
    const dir = await legacyDataDir('bot-pglite-newer');
    const legacy = path.join(dir, 'pgdata');
    await withPglite(legacy, (db) =>
      db.exec(
        "insert into mikro_orm_migrations (name, executed_at) values ('Migration29990101000000_future', now())",
      ),
    );
    await expect(
      openStore({ databaseUrl: undefined, dataDir: dir, logger: memoryLogger('silent').logger }),
    ).rejects.toThrow(/written by a newer version of this app \(migration Migration29990101000000_future\)/);
    expect((await readFile(path.join(legacy, 'PG_VERSION'), 'utf8')).trim()).toBe('18');
  }, 120_000);
});
