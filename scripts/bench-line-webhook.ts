/**
 * `npm run bench:line-webhook [-- --rate 200 --seconds 30 --users 200 --redeliver 0.05 --workers 0 --queue redis|postgres --store postgres|embedded | --matrix]`
 *
 * Drives `POST /line/webhook` the way LINE does: one signed request per event, at a fixed rate
 * (open loop: requests leave on schedule whether or not earlier ones were answered), from many users,
 * with a share of redeliveries (the identical event again, `isRedelivery: true`). The app runs as
 * `npm start` would, in its own process (ROLE=all: webhook and workers together), on the real
 * PostgreSQL (BENCH_DATABASE_URL, a throw-away schema) and Redis (BENCH_REDIS_URL, a throw-away key
 * prefix; `--queue postgres` uses BullMQ's PostgreSQL backend instead), against the fake LINE API in
 * this process. Prints the webhook's ack latency as LINE would see it (p50/p99/max; target p99 ≤ 50 ms),
 * how long events took to be answered, the app's CPU per event, and checks that every event was
 * answered exactly once through its reply token: zero lost, zero duplicated.
 * `--store embedded` runs the app on the embedded PostgreSQL server (no DATABASE_URL, a fresh DATA_DIR)
 * instead. `--matrix` runs the three set-ups a deployment chooses between, one after the other with
 * the same options: embedded store with its PostgreSQL queue, external PostgreSQL with the PostgreSQL
 * queue, and external PostgreSQL with Redis.
 * BENCH_APP_FLAGS passes Node flags to the app processes (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`).
 */

import { spawn } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { removeEmbedded } from '../src/wiring/embedded.ts';
import { startFakeLine } from '../test/fakes/line-api.ts';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '30' },
    users: { type: 'string', default: '200' },
    redeliver: { type: 'string', default: '0.05' },
    queue: { type: 'string', default: 'redis' },
    store: { type: 'string', default: 'postgres' },
    matrix: { type: 'boolean', default: false },
    role: { type: 'string', default: 'all' },
    workers: { type: 'string', default: '0' },
  },
});
const rate = Number(values.rate);
const seconds = Number(values.seconds);
const userCount = Number(values.users);
const redeliverShare = Number(values.redeliver);
const baseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const SECRET = 'bench-secret';
const TOKEN = 'bench-token';
const COMMANDS = ['help', '求人', 'ヘルプ', 'jobs', '応募一覧'];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
const ms = (v: number) => `${v.toFixed(1)} ms`;

/** CPU seconds the process has used (Linux /proc; NaN elsewhere). */
async function cpuSeconds(pid: number): Promise<number> {
  try {
    const stat = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]?.split(' ') ?? [];
    return (Number(stat[11]) + Number(stat[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

async function main(): Promise<number> {
  const schema = `benchline_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const dbUrl = new URL(baseUrl);
  dbUrl.searchParams.set('options', `-c search_path=${schema}`);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'bench-line-'));
  // Enterable by the postgres OS user (the embedded server's when run as root), like a checkout.
  await chmod(dataDir, 0o755);
  const embedded = values.store === 'embedded';
  const fake = await startFakeLine({ channelAccessToken: TOKEN });

  // The app, as `npm start` runs it: one process doing everything, or with `--workers N` a web
  // process that only acknowledges plus N worker processes (docs/architecture.md §6).
  const queuePrefix = `bench${randomBytes(3).toString('hex')}`;
  const startApp = (role: string) => {
    const flags = process.env.BENCH_APP_FLAGS?.split(' ').filter(Boolean) ?? [];
    const child = spawn(process.execPath, [...flags, 'src/main.ts'], {
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        ...(embedded ? {} : { DATABASE_URL: dbUrl.toString() }),
        // A fresh prefix every run: Redis keys under it, or BullMQ's schema bullmq_<prefix> on
        // PostgreSQL, so no run meets an earlier run's jobs.
        QUEUE_PREFIX: queuePrefix,
        ...(values.queue === 'redis' ? { REDIS_URL: redisUrl } : {}),
        DATA_DIR: dataDir,
        LINE_CHANNEL_SECRET: SECRET,
        LINE_CHANNEL_ACCESS_TOKEN: TOKEN,
        LINE_API_URL: fake.url,
        LINE_DATA_API_URL: fake.url,
        ROLE: role,
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const port = new Promise<number>((resolve, reject) => {
      let buffered = '';
      child.once('exit', (code) => reject(new Error(`the app exited (${code}) before listening`)));
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const m = /"port":(\d+).*"msg":"listening"|"msg":"listening".*"port":(\d+)/.exec(buffered);
        if (m) resolve(Number(m[1] ?? m[2]));
        if (buffered.length > 100_000) buffered = buffered.slice(-10_000);
      });
    });
    return { child, port };
  };
  const workerCount = Number(values.workers);
  const web = startApp(workerCount > 0 ? 'web' : values.role);
  const port = await web.port;
  const workers = Array.from({ length: workerCount }, () => startApp('worker'));
  await Promise.all(workers.map((w) => w.port));
  const children = [web.child, ...workers.map((w) => w.child)];
  const appCpu = async () => {
    let sum = 0;
    for (const c of children) sum += await cpuSeconds(c.pid ?? 0);
    return sum;
  };
  const url = `http://127.0.0.1:${port}/line/webhook`;
  const users = Array.from({ length: userCount }, (_, i) => `U${i.toString(16).padStart(32, '0')}`);

  const sentAt = new Map<string, number>();
  const tokenOf = new Map<string, string>();
  const unique: string[] = [];
  const latencies: number[] = [];
  /** [seconds since the first request, ack ms] of every request, for the per-window breakdown. */
  const timeline: [number, number][] = [];
  const failures: string[] = [];
  let redeliveries = 0;
  const inFlight = new Set<Promise<void>>();

  const post = async (body: string) => {
    const signature = createHmac('sha256', SECRET).update(body).digest('base64');
    const started = performance.now();
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-line-signature': signature },
        body,
      });
      await res.arrayBuffer();
      latencies.push(performance.now() - started);
      timeline.push([(started - start) / 1000, performance.now() - started]);
      if (res.status !== 200) failures.push(`HTTP ${res.status}`);
    } catch (err) {
      failures.push((err as Error).message);
    }
  };
  const bodies = new Map<string, Record<string, unknown>>();

  process.stdout.write(
    `bench:line-webhook  ${rate} events/s for ${seconds} s, ${userCount} users, ` +
      `${Math.round(redeliverShare * 100)}% redeliveries, app ${Number(values.workers) > 0 ? `ROLE=web + ${values.workers} ROLE=worker` : `ROLE=${values.role}`}, queue ${values.queue}, store ${embedded ? 'embedded' : 'postgres'}\n`,
  );
  // Every event is answered through its reply token: watch the fake's calls as they come.
  const repliedAt = new Map<string, number>();
  const replied = new Map<string, number>();
  let seenCalls = 0;
  const collect = () => {
    for (; seenCalls < fake.calls.length; seenCalls++) {
      const c = fake.calls[seenCalls];
      if (c?.path !== '/v2/bot/message/reply' || c.status !== 200) continue;
      const token = (c.body as { replyToken: string }).replyToken;
      replied.set(token, (replied.get(token) ?? 0) + 1);
      if (!repliedAt.has(token)) repliedAt.set(token, performance.now());
    }
  };
  const collector = setInterval(collect, 10);
  const total = rate * seconds;
  const cpuBefore = await appCpu();
  const ownBefore = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    // Open loop: wait for this request's scheduled time, not for earlier answers.
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    let event: Record<string, unknown>;
    if (unique.length > 20 && Math.random() < redeliverShare) {
      const id = unique[Math.floor(Math.random() * unique.length)] as string;
      event = { ...(bodies.get(id) as Record<string, unknown>), deliveryContext: { isRedelivery: true } };
      redeliveries++;
    } else {
      const user = users[i % users.length] as string;
      const id = `01B${i.toString(36).padStart(8, '0').toUpperCase()}`;
      const replyToken = fake.issueReplyToken(user);
      event = {
        type: 'message',
        mode: 'active',
        timestamp: Date.now(),
        source: { type: 'user', userId: user },
        webhookEventId: id,
        deliveryContext: { isRedelivery: false },
        replyToken,
        message: { id: `m${i}`, type: 'text', quoteToken: 'q', text: COMMANDS[i % COMMANDS.length] },
      };
      bodies.set(id, event);
      tokenOf.set(id, replyToken);
      unique.push(id);
      sentAt.set(id, performance.now());
    }
    const p = post(JSON.stringify({ destination: 'Ubench', events: [event] }));
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  }
  await Promise.all(inFlight);
  const sendSeconds = (performance.now() - start) / 1000;

  const deadline = performance.now() + 120_000;
  while (performance.now() < deadline && replied.size < unique.length) {
    collect();
    await new Promise((r) => setTimeout(r, 5));
  }
  // Late duplicates (a redelivery run twice) would arrive after the originals: wait a little more.
  await new Promise((r) => setTimeout(r, 1000));
  clearInterval(collector);
  collect();
  const cpu = (await appCpu()) - cpuBefore;
  const own = process.cpuUsage(ownBefore);
  const runSeconds = (performance.now() - start) / 1000;

  const pushes = fake.calls.filter((c) => c.path === '/v2/bot/message/push' && c.status === 200).length;
  const lost = unique.filter((id) => !replied.has(tokenOf.get(id) as string)).length;
  const duplicated =
    [...replied.values()].filter((n) => n > 1).length +
    fake.calls.filter((c) => c.path === '/v2/bot/message/reply' && c.status !== 200).length +
    pushes;

  latencies.sort((a, b) => a - b);
  const lags = unique
    .filter((id) => repliedAt.has(tokenOf.get(id) as string))
    .map((id) => (repliedAt.get(tokenOf.get(id) as string) as number) - (sentAt.get(id) as number))
    .sort((a, b) => a - b);
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(
    `  requests sent        ${latencies.length + failures.length} in ${sendSeconds.toFixed(1)} s (${(total / sendSeconds).toFixed(0)}/s)`,
  );
  out(`  unique events        ${unique.length}, redeliveries ${redeliveries}`);
  out(
    `  ack latency          p50 ${ms(percentile(latencies, 50))}  p90 ${ms(percentile(latencies, 90))}  p99 ${ms(percentile(latencies, 99))}  max ${ms(latencies.at(-1) ?? Number.NaN)}`,
  );
  const windows: string[] = [];
  for (let from = 0; from < seconds; from += from < 5 ? 1 : 5) {
    const width = from < 5 ? 1 : 5;
    const inWindow = timeline
      .filter(([t]) => t >= from && t < from + width)
      .map(([, v]) => v)
      .sort((a, b) => a - b);
    windows.push(`${from}-${from + width}s ${percentile(inWindow, 99).toFixed(0)}`);
  }
  out(`  ack p99 by window    ${windows.join('  ')} (ms)`);
  out(
    `  answered (reply)     p50 ${ms(percentile(lags, 50))}  p99 ${ms(percentile(lags, 99))} after the request left`,
  );
  out(
    `  app CPU              ${((cpu * 1000) / total).toFixed(2)} ms per request (${((cpu / runSeconds) * 100).toFixed(0)}% of a core over ${runSeconds.toFixed(1)} s)`,
  );
  out(
    `  bench process CPU    ${(((own.user + own.system) / 1e6 / runSeconds) * 100).toFixed(0)}% of a core (load generator and fake LINE API)`,
  );
  out(
    `  failed requests      ${failures.length}${failures.length ? ` (${[...new Set(failures)].slice(0, 3).join('; ')})` : ''}`,
  );
  out(`  lost                 ${lost}`);
  out(`  duplicated           ${duplicated}`);
  out(`  LINE limit breaches  ${fake.violations.length}`);
  const p99 = percentile(latencies, 99);
  const ok = failures.length === 0 && lost === 0 && duplicated === 0 && fake.violations.length === 0;
  out(
    `  result               ${ok && p99 <= 50 ? 'PASS' : ok ? 'correct, but p99 over the 50 ms target' : 'FAIL'}`,
  );

  await Promise.all(
    children.map((c) => {
      const exited = new Promise((r) => c.once('exit', r));
      c.kill('SIGTERM');
      return exited;
    }),
  );
  await fake.close();
  await admin.query(`drop schema ${schema} cascade`);
  await admin.query(`drop schema if exists bullmq_${queuePrefix} cascade`);
  await admin.end();
  await removeEmbedded(dataDir);
  await rm(dataDir, { recursive: true, force: true });
  return ok ? 0 : 1;
}

/** `--matrix`: this script again for each set-up, in turn, with the other options as given. */
async function matrix(): Promise<number> {
  const passOn = process.argv.slice(2).filter((a) => a !== '--matrix');
  let failed = 0;
  for (const setup of [
    ['--store', 'embedded', '--queue', 'postgres'],
    ['--store', 'postgres', '--queue', 'postgres'],
    ['--store', 'postgres', '--queue', 'redis'],
  ]) {
    const child = spawn(process.execPath, [import.meta.filename, ...passOn, ...setup], { stdio: 'inherit' });
    const code = await new Promise<number>((r) => child.once('exit', (c) => r(c ?? 1)));
    if (code !== 0) failed += 1;
    process.stdout.write('\n');
  }
  return failed === 0 ? 0 : 1;
}

process.exitCode = values.matrix ? await matrix() : await main();
