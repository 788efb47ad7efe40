/**
 * Moves a DATA_DIR written by the PGlite store of earlier versions (DATA_DIR/pgdata) into the
 * embedded PostgreSQL server, once, on the first start after the upgrade (README, "The embedded
 * PostgreSQL server").
 *
 * A row copy, not a dump: the new database is first brought to the same migration as the old one,
 * then every application table is copied row by row (as JSON, so every type keeps its value), the
 * sequences are set to where they were, and the jobs BullMQ still had to run (PGlite kept them in
 * `public.job`) are queued again. The copy is one transaction, marked by a comment on the schema, so
 * a crash midway leaves nothing half-moved: the next start begins again. The PGlite directory is then
 * renamed, not deleted (`pgdata.pglite-moved-<date>`), and can be removed once the data is checked.
 */

import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { StartupError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { jobType } from '../queue.ts';
import { createJobQueue, type QueueConnection } from './bullmq.ts';

const MARK = 'moved from PGlite';
const CHUNK = 2000;

export interface PgliteImport {
  tables: number;
  rows: number;
  jobs: number;
  /** Where the PGlite directory went. */
  backup: string;
}

interface LegacyJob {
  queue: string;
  id: string;
  name: string;
  state: string;
  data: string;
  attempts: number | null;
  process_at_ms: string | null;
}

type PGliteDb = {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  exec(sql: string): Promise<unknown>;
  close(): Promise<void>;
};

async function openPglite(dir: string): Promise<PGliteDb> {
  // Loaded only here: no other code path needs PGlite any more.
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  return await PGlite.create(dir, { extensions: { pg_trgm } });
}

export interface ImportOptions {
  legacyDir: string;
  orm: MikroORM;
  url: string;
  logger: Logger;
  /** Where the app's jobs go now; without it, the old pending jobs are counted but not queued. */
  queue?: QueueConnection | undefined;
  now?: () => number;
}

/** True when the database already holds the moved data (a crash came after the copy committed). */
async function alreadyMoved(client: pg.Client): Promise<boolean> {
  const { rows } = await client.query<{ c: string | null }>(
    "select obj_description('public'::regnamespace, 'pg_namespace') as c",
  );
  return rows[0]?.c?.startsWith(MARK) === true;
}

export async function importPglite(options: ImportOptions): Promise<PgliteImport> {
  const { legacyDir, orm, url, logger } = options;
  const now = options.now ?? Date.now;
  const target = new pg.Client({ connectionString: url });
  await target.connect();
  let source: PGliteDb | undefined;
  try {
    let summary = { tables: 0, rows: 0, jobs: 0 };
    if (!(await alreadyMoved(target))) {
      const applied = await target.query(
        "select 1 from information_schema.tables where table_schema = 'public' and table_name = 'mikro_orm_migrations'",
      );
      if ((applied.rowCount ?? 0) > 0) {
        throw new StartupError(
          `${legacyDir} holds data from the PGlite store, but the embedded PostgreSQL database already has tables. ` +
            `Move ${legacyDir} away to keep the current data, or remove DATA_DIR/postgres.json and DATA_DIR/postgres to move it again.`,
        );
      }
      source = await openPglite(legacyDir);
      try {
        summary = await copy(source, target, orm, options.queue, logger, now);
      } catch (err) {
        // The database was empty before: take it back there, so the next start can begin again.
        await target.query('drop schema public cascade; create schema public').catch(() => {});
        throw err;
      }
    }
    await source?.close();
    source = undefined;
    const stamp = new Date(now()).toISOString().replace(/[:.]/g, '-');
    const backup = path.join(path.dirname(legacyDir), `pgdata.pglite-moved-${stamp}`);
    await rename(legacyDir, backup);
    // The old store's "who serves it" file means nothing now.
    await rm(path.join(path.dirname(legacyDir), 'embedded.json'), { force: true });
    const result = { ...summary, backup };
    logger.info(
      result,
      'moved the data of the PGlite store into the embedded PostgreSQL server; the old directory is kept as backup',
    );
    return result;
  } finally {
    await source?.close().catch(() => {});
    await target.end().catch(() => {});
  }
}

async function copy(
  source: PGliteDb,
  target: pg.Client,
  orm: MikroORM,
  queue: QueueConnection | undefined,
  logger: Logger,
  now: () => number,
) {
  const { rows: legacyMigrations } = await source.query<{ name: string }>(
    'select name from mikro_orm_migrations order by id',
  );
  const last = legacyMigrations.at(-1)?.name;
  const known = new Set((await orm.migrator.getPending()).map((m) => m.name));
  if (last && !known.has(last)) {
    throw new StartupError(
      `The PGlite store in DATA_DIR/pgdata was written by a newer version of this app (migration ${last}); ` +
        'start that version, or move DATA_DIR/pgdata away.',
    );
  }
  // The new database takes the old one's shape first, so every table and column lines up.
  if (last) await orm.migrator.up({ to: last });

  const columnsOf = async (client: { query: PGliteDb['query'] }, table: string) =>
    (
      await client.query<{ column_name: string }>(
        `select column_name from information_schema.columns
          where table_schema = 'public' and table_name = $1 and is_generated = 'NEVER'
          order by ordinal_position`,
        [table],
      )
    ).rows.map((r) => r.column_name);

  const { rows: tables } = await target.query<{ table_name: string }>(
    `select table_name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'mikro_orm_migrations'
      order by table_name`,
  );
  let rowCount = 0;
  let tableCount = 0;
  await target.query('begin');
  try {
    // Rows arrive in table order, not dependency order: foreign keys and triggers wait until the
    // copy is whole (superuser-only; the embedded server's user is its superuser).
    await target.query("set local session_replication_role = 'replica'");
    // Some migrations insert rows of their own (inquiry categories): the old database has them too,
    // possibly changed since, so its rows replace them.
    if (tables.length > 0) {
      await target.query(
        `truncate ${tables.map((t) => `"${t.table_name.replaceAll('"', '""')}"`).join(', ')}`,
      );
    }
    await source.exec('begin');
    for (const { table_name: table } of tables) {
      const legacyColumns = new Set(await columnsOf(source, table));
      if (legacyColumns.size === 0) continue;
      const columns = (await columnsOf(target, table)).filter((c) => legacyColumns.has(c));
      const list = columns.map((c) => `"${c.replaceAll('"', '""')}"`).join(', ');
      const quoted = `"${table.replaceAll('"', '""')}"`;
      await source.exec(
        `declare legacy_rows no scroll cursor for select row_to_json(t)::text as r from ${quoted} t`,
      );
      let copied = 0;
      for (;;) {
        const { rows } = await source.query<{ r: string }>(`fetch ${CHUNK} from legacy_rows`);
        if (rows.length === 0) break;
        await target.query(
          `insert into ${quoted} (${list}) overriding system value
           select ${list} from json_populate_recordset(null::${quoted}, $1::json)`,
          [`[${rows.map((r) => r.r).join(',')}]`],
        );
        copied += rows.length;
      }
      await source.exec('close legacy_rows');
      tableCount += 1;
      rowCount += copied;
    }
    // Sequences continue where they were, so no new id repeats an old one.
    const { rows: sequences } = await source.query<{ name: string; last_value: string | null }>(
      "select sequencename as name, last_value::text from pg_sequences where schemaname = 'public'",
    );
    const targetSequences = new Set(
      (
        await target.query<{ name: string }>(
          "select sequencename as name from pg_sequences where schemaname = 'public'",
        )
      ).rows.map((r) => r.name),
    );
    for (const s of sequences) {
      if (s.last_value !== null && targetSequences.has(s.name)) {
        await target.query('select setval($1::regclass, $2::bigint, true)', [
          `public."${s.name}"`,
          s.last_value,
        ]);
      }
    }
    await target.query(`comment on schema public is '${MARK} on ${new Date(now()).toISOString()}'`);
    await target.query('commit');
  } catch (err) {
    await target.query('rollback').catch(() => {});
    throw err;
  } finally {
    await source.exec('rollback').catch(() => {});
  }

  const jobs = await pendingJobs(source);
  if (jobs.length > 0) {
    if (queue) {
      const q = createJobQueue({ connection: queue, logger, runWorkers: false });
      try {
        for (const job of jobs) {
          const due = job.process_at_ms === null ? 0 : Number(job.process_at_ms) - now();
          await q.producer(jobType<unknown>(job.queue, job.name)).add(JSON.parse(job.data), {
            id: job.id,
            ...(due > 0 ? { delayMs: due } : {}),
            ...(job.attempts ? { attempts: job.attempts } : {}),
          });
        }
      } finally {
        await q.close();
      }
    } else {
      logger.warn(
        { jobs: jobs.length },
        'the PGlite store had jobs still to run; no queue was given to move them to',
      );
    }
  }
  return { tables: tableCount, rows: rowCount, jobs: jobs.length };
}

/** BullMQ's jobs that had not finished in the PGlite store (its PostgreSQL backend's `job` table). */
async function pendingJobs(source: PGliteDb): Promise<LegacyJob[]> {
  const { rows: has } = await source.query<{ n: number }>(
    `select count(*)::int as n from information_schema.columns
      where table_schema = 'public' and table_name = 'job' and column_name in ('queue', 'state', 'opts')`,
  );
  if ((has[0]?.n ?? 0) < 3) return [];
  const { rows } = await source.query<LegacyJob>(
    `select queue, id, name, state::text as state, data::text as data, max_attempts as attempts,
            process_at_ms::text as process_at_ms
       from job where state::text in ('waiting', 'delayed', 'active', 'waiting-children') order by seq`,
  );
  return rows;
}
