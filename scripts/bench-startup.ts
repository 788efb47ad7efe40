/**
 * `npm run bench:startup [-- --runs N --isolate schema|database]`: time from spawn to ready, idle memory
 * and shutdown time of the server in embedded mode (the embedded PostgreSQL server, fresh DATA_DIR) and
 * external mode (PostgreSQL in a throw-away schema via `?options=-c search_path=…`, or a throw-away
 * database; Redis). Idle memory in embedded mode is the app plus every process of its database server,
 * counted twice: as the sum of RSS (which counts PostgreSQL's shared memory once per process that
 * touched it) and as the sum of PSS (shared pages split between the processes sharing them: the memory
 * the machine really gives them). Targets: embedded first start ≤ 3 s, warm start ≤ 1 s, idle memory
 * ≤ 250 MB. Env: BENCH_DATABASE_URL, BENCH_REDIS_URL.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { readPostmasterPid } from '../src/wiring/embedded.ts';

const READY_TIMEOUT_MS = 60_000;
const SHUTDOWN_LIMIT_MS = 10_000;
const IDLE_MS = 3_000;
const POLL_MS = 25;

type Env = Record<string, string>;
type Expect = { store: 'embedded' | 'postgres'; queue: 'postgres' | 'redis' };
type Server = { child: ChildProcess; readyMs: number; output: () => string };
interface Result {
  mode: string;
  firstMs: number;
  warmMs: number[];
  /** Idle memory after the first start: the app and its embedded database server, if any. */
  rssMb: number;
  pssMb: number;
  /** The same after the last warm start: the steady state of a server that restarts on its data. */
  warmRssMb: number;
  warmPssMb: number;
  shutdownMs: number[];
}
type Outcome = Result | { mode: string; error: string };

const children = new Set<ChildProcess>();
const tempDirs = new Set<string>();

function cleanup(): void {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  children.clear();
  for (const dir of tempDirs) {
    // A run that failed may have left its embedded server up: stop it before removing its files.
    const pm = readPostmasterPid(path.join(dir, 'postgres'));
    if (pm) {
      try {
        process.kill(pm.pid, 'SIGQUIT');
      } catch {
        // already gone
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }
  tempDirs.clear();
}
process.on('exit', cleanup);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-startup-'));
  // Enterable by the postgres OS user (the embedded server's, when run as root), like a checkout.
  chmodSync(dir, 0o755);
  tempDirs.add(dir);
  return dir;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** True once /readyz is 200; throws if it is ready with the wrong store or queue. */
async function isReady(label: string, port: number, expect: Expect): Promise<boolean> {
  let res: Response;
  try {
    res = await fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(5_000) });
  } catch {
    return false; // not listening yet
  }
  if (res.status !== 200) return false;
  const { store, queue } = (await res.json()) as { store?: { kind?: string }; queue?: { backend?: string } };
  if (store?.kind === expect.store && queue?.backend === expect.queue) return true;
  throw new Error(
    `${label}: /readyz says ${store?.kind}/${queue?.backend}, not ${expect.store}/${expect.queue}`,
  );
}

/** Spawns `node src/main.ts` with only `env` (plus PORT, LOG_LEVEL, PATH); times spawn → ready. */
async function start(label: string, env: Env, expect: Expect): Promise<Server> {
  const port = await freePort();
  const chunks: string[] = [];
  const output = () => chunks.join('').slice(-4_000);
  const started = performance.now();
  const child = spawn(process.execPath, ['src/main.ts'], {
    cwd: path.resolve(import.meta.dirname, '..'),
    env: { ...env, PORT: String(port), LOG_LEVEL: 'warn', PATH: process.env.PATH ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  // stdout carries the warn-level JSON log; keep it beside stderr so a failure shows both.
  const keep = (chunk: Buffer) => {
    chunks.push(chunk.toString());
    if (chunks.length > 200) chunks.splice(0, 100);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${label}: exited (${child.exitCode ?? child.signalCode}) before ready:\n${output()}`);
    }
    if (await isReady(label, port, expect)) return { child, readyMs: performance.now() - started, output };
    if (performance.now() - started > READY_TIMEOUT_MS) {
      throw new Error(`${label}: not ready within ${READY_TIMEOUT_MS / 1000} s:\n${output()}`);
    }
    await sleep(POLL_MS);
  }
}

function kb(file: string, field: string): number {
  const text = readFileSync(file, 'utf8');
  return Number(new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(text)?.[1] ?? Number.NaN);
}

/** The postmaster of DATA_DIR's embedded server and all its children (Linux /proc). */
function serverPids(dataDir: string | undefined): number[] {
  const pm = dataDir ? readPostmasterPid(path.join(dataDir, 'postgres')) : null;
  if (!pm) return [];
  const children = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return Number(readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]) === pm.pid;
      } catch {
        return false;
      }
    })
    .map(Number);
  return [pm.pid, ...children];
}

/** RSS and PSS (MB) of the app and its embedded database server's processes. */
function memoryMb(pid: number | undefined, dataDir: string | undefined): { rss: number; pss: number } {
  let rss = 0;
  let pss = 0;
  for (const p of [pid, ...serverPids(dataDir)]) {
    rss += kb(`/proc/${p}/status`, 'VmRSS');
    pss += kb(`/proc/${p}/smaps_rollup`, 'Pss');
  }
  return { rss: rss / 1024, pss: pss / 1024 };
}

/** SIGTERM, then time until the process exits; fails past the app's own 10 s deadline. */
async function stop(label: string, server: Server): Promise<number> {
  const { child } = server;
  const started = performance.now();
  const exited = new Promise<number | string | null>((resolve) =>
    child.once('exit', (code, sig) => resolve(code ?? sig)),
  );
  child.kill('SIGTERM');
  const outcome = await Promise.race([exited, sleep(SHUTDOWN_LIMIT_MS + 2_000).then(() => 'timeout')]);
  const ms = performance.now() - started;
  if (outcome === 'timeout')
    throw new Error(`${label}: still running ${sec(ms)} after SIGTERM:\n${server.output()}`);
  children.delete(child);
  if (outcome !== 0) throw new Error(`${label}: exited with ${outcome} after SIGTERM:\n${server.output()}`);
  if (ms > SHUTDOWN_LIMIT_MS) throw new Error(`${label}: shutdown took ${sec(ms)} (limit 10 s)`);
  return ms;
}

/** First start, 3 s idle, RSS, stop; then `runs` warm start/stop cycles on the same data (RSS of the last). */
async function bench(mode: string, env: Env, expect: Expect, runs: number): Promise<Result> {
  const dataDir = expect.store === 'embedded' ? env.DATA_DIR : undefined;
  const first = await start(`${mode} first start`, env, expect);
  await sleep(IDLE_MS);
  const mem = memoryMb(first.child.pid, dataDir);
  const shutdownMs = [await stop(`${mode} first start`, first)];
  const warmMs: number[] = [];
  let warm = { rss: Number.NaN, pss: Number.NaN };
  for (let i = 1; i <= runs; i++) {
    const server = await start(`${mode} warm start ${i}`, env, expect);
    warmMs.push(server.readyMs);
    if (i === runs) {
      await sleep(IDLE_MS);
      warm = memoryMb(server.child.pid, dataDir);
    }
    shutdownMs.push(await stop(`${mode} warm start ${i}`, server));
  }
  if (dataDir && serverPids(dataDir).length > 0)
    throw new Error(`${mode}: the database server outlived the app`);
  return {
    mode,
    firstMs: first.readyMs,
    warmMs,
    rssMb: mem.rss,
    pssMb: mem.pss,
    warmRssMb: warm.rss,
    warmPssMb: warm.pss,
    shutdownMs,
  };
}

function embedded(runs: number): Promise<Result> {
  return bench('embedded', { DATA_DIR: tempDir() }, { store: 'embedded', queue: 'postgres' }, runs);
}

async function external(runs: number, isolate: 'schema' | 'database'): Promise<Result> {
  const baseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const name = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    let databaseUrl: string;
    if (isolate === 'schema') {
      await admin.query(`create schema ${name}`);
      const sep = baseUrl.includes('?') ? '&' : '?';
      databaseUrl = `${baseUrl}${sep}options=${encodeURIComponent(`-c search_path=${name}`)}`;
    } else {
      await admin.query(`create database ${name}`);
      const url = new URL(baseUrl);
      url.pathname = `/${name}`;
      databaseUrl = url.toString();
    }
    // DATA_DIR is unused with DATABASE_URL set; it just keeps the server away from ./.data.
    const env = { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, DATA_DIR: tempDir() };
    return await bench(`external (${isolate})`, env, { store: 'postgres', queue: 'redis' }, runs);
  } finally {
    cleanup(); // the server must be gone before its database can be dropped
    const drop =
      isolate === 'schema' ? `drop schema if exists ${name} cascade` : `drop database if exists ${name}`;
    await admin.query(drop).catch((err: Error) => console.error(`could not ${drop}: ${err.message}`));
    await admin.end();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (i: number) => sorted[i] ?? Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
}

function printTable(results: Outcome[]): void {
  const header = [
    'mode',
    'first start',
    'warm start (min/median)',
    'idle RSS first/warm',
    'idle PSS first/warm',
    'shutdown (max)',
  ];
  const rows = results.map((r) =>
    'error' in r
      ? [r.mode, 'FAILED', '-', '-', '-', '-']
      : [
          r.mode,
          sec(r.firstMs),
          `${sec(Math.min(...r.warmMs))} / ${sec(median(r.warmMs))}`,
          `${Math.round(r.rssMb)} / ${Math.round(r.warmRssMb)} MB`,
          `${Math.round(r.pssMb)} / ${Math.round(r.warmPssMb)} MB`,
          sec(Math.max(...r.shutdownMs)),
        ],
  );
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ');
  console.log([line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n'));
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '3' }, isolate: { type: 'string', default: 'schema' } },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive whole number');
  const isolate = values.isolate;
  if (isolate !== 'schema' && isolate !== 'database') throw new Error('--isolate must be schema or database');

  const fail = (mode: string) => (err: Error) => ({ mode, error: err.message });
  const results: Outcome[] = [await embedded(runs).catch(fail('embedded'))];
  cleanup();
  results.push(await external(runs, isolate).catch(fail(`external (${isolate})`)));

  console.log(`\nserver start-up benchmark (${runs} warm run${runs === 1 ? '' : 's'} per mode)\n`);
  printTable(results);
  const ok = results.filter((r): r is Result => !('error' in r));
  const verdict = (ms: number, limit: number) => `${ms <= limit ? 'met' : 'MISSED'} (${sec(ms)})`;
  const mb = (v: number, limit: number) => `${v <= limit ? 'met' : 'MISSED'} (${Math.round(v)} MB)`;
  console.log('\ntargets:');
  const emb = ok.find((r) => r.mode === 'embedded');
  if (emb) {
    console.log(`  first start ≤ 3 s, embedded: ${verdict(emb.firstMs, 3_000)}`);
    console.log(`  warm start ≤ 1 s (median), embedded: ${verdict(median(emb.warmMs), 1_000)}`);
    console.log(
      `  idle memory ≤ 250 MB, app + database processes, embedded: RSS ${mb(Math.max(emb.rssMb, emb.warmRssMb), 250)}, PSS ${mb(Math.max(emb.pssMb, emb.warmPssMb), 250)}`,
    );
  }
  for (const r of ok.filter((r) => r.mode !== 'embedded'))
    console.log(`  warm start ≤ 3 s (median), ${r.mode}: ${verdict(median(r.warmMs), 3_000)}`);
  for (const r of results) if ('error' in r) console.error(`\n${r.mode} FAILED: ${r.error}`);
  return ok.length === results.length ? 0 : 1;
}

try {
  process.exitCode = await main();
} catch (err) {
  console.error(`bench-startup failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
} finally {
  cleanup();
}
