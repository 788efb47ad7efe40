/**
 * `npm run bench:fanout [-- --workers 100000 --queue redis|postgres --kill --notice --profile DIR]`
 *
 * Seeds N workers reachable on LINE into a throw-away schema of the real PostgreSQL
 * (BENCH_DATABASE_URL), starts the app as `npm start` does (its own process, ROLE=all) against the
 * fake LINE API (enforcing LINE's 200 multicast requests/s per channel), posts one job, and reports:
 * the matching time (the post, and the fan-out's pages of matching workers), the time from
 * the post to the last delivery, recipients/s against the platform's ceiling (200 × 500 = 100,000/s),
 * duplicates and missing recipients. `--kill` SIGKILLs the app when about a third has been delivered
 * and starts it again: every recipient must still get the alert exactly once. `--notice` publishes
 * an お知らせ to everyone instead of posting a job (the same fan-out, audience "everyone").
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { createDomain } from '../src/wiring/domain.ts';
import { openStore } from '../src/wiring/open-store.ts';
import { startFakeLine } from '../test/fakes/line-api.ts';

const { values } = parseArgs({
  options: {
    workers: { type: 'string', default: '100000' },
    queue: { type: 'string', default: 'redis' },
    kill: { type: 'boolean', default: false },
    /** A notice to everyone (お知らせ配信 全員) instead of a job. */
    notice: { type: 'boolean', default: false },
    /** Writes a V8 CPU profile of the app into this folder (open it in Chrome DevTools). */
    profile: { type: 'string' },
  },
});
const N = Number(values.workers);
const baseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const TOKEN = 'bench-token';
const out = (line: string) => process.stdout.write(`${line}\n`);

/** CPU seconds (user + system, with reaped children) of processes named `name`, from /proc (Linux; 0 elsewhere). */
async function cpuSeconds(name: string | number): Promise<number> {
  const { readdir, readFile } = await import('node:fs/promises');
  const ticks = 100; // USER_HZ on Linux
  let total = 0;
  const pids = typeof name === 'number' ? [String(name)] : await readdir('/proc').catch(() => []);
  for (const pid of pids) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (typeof name === 'string' && (await readFile(`/proc/${pid}/comm`, 'utf8')).trim() !== name) continue;
      const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]?.split(' ') ?? [];
      total += [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i] ?? 0), 0) / ticks;
    } catch {
      // Gone meanwhile.
    }
  }
  return total;
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<number> {
  const schema = `benchfan_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const dbUrl = new URL(baseUrl);
  dbUrl.searchParams.set('options', `-c search_path=${schema}`);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'bench-fanout-'));
  const fake = await startFakeLine({ channelAccessToken: TOKEN });
  const queuePrefix = `benchfan${randomBytes(3).toString('hex')}`;
  const env = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: dbUrl.toString(),
    // A fresh prefix per run (on PostgreSQL, a fresh BullMQ schema): a finished run's queue jobs
    // (kept 24 h) share the next run's job ids (alert-batch-1…) and would stand in for them.
    QUEUE_PREFIX: queuePrefix,
    ...(values.queue === 'redis' ? { REDIS_URL: redisUrl } : {}),
    DATA_DIR: dataDir,
    LINE_CHANNEL_SECRET: 'bench-secret',
    LINE_CHANNEL_ACCESS_TOKEN: TOKEN,
    LINE_API_URL: fake.url,
    LINE_DATA_API_URL: fake.url,
    LOG_LEVEL: 'warn',
  };
  const startApp = () => {
    const profile = values.profile ? ['--cpu-prof', `--cpu-prof-dir=${values.profile}`] : [];
    const child = spawn(process.execPath, [...profile, 'src/main.ts'], {
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    return child;
  };

  // The schema (migrations) and the domain, in this process, on the same database.
  const config = loadConfig({ DATABASE_URL: dbUrl.toString(), DATA_DIR: dataDir });
  const logger = createLogger({ level: 'warn', fd: 2 });
  const opened = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, logger });
  const domain = await createDomain(config, opened.store);

  const db = new pg.Client({ connectionString: dbUrl.toString() });
  await db.connect();
  const seedStart = performance.now();
  await db.query(
    `insert into users (display_name, locale, roles, created_at, updated_at)
     select 'worker' || g, 'ja', '{worker}', now(), now() from generate_series(1, $1) g`,
    [N],
  );
  await db.query(
    `insert into platform_identities (user_id, platform, workspace, external_id, created_at)
     select u.id, 'line', '', 'U' || lpad(to_hex(u.id), 32, '0'), now() from users u`,
  );
  const staff = await db.query(
    `insert into users (display_name, locale, roles, created_at, updated_at) values ('staff', 'ja', '{staff}', now(), now()) returning id`,
  );
  await db.query('analyze');
  out(
    `bench:fanout  ${values.notice ? 'notice to everyone, ' : ''}${N} LINE workers (seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s), queue ${values.queue}${values.kill ? ', SIGKILL mid-run' : ''}`,
  );

  let child = startApp();
  // Wait until the app is up (it answers the fake nothing until there is work; give it its start-up).
  await sleep(2500);

  const actor = { userId: Number(staff.rows[0].id), roles: ['staff' as const], companyId: null };
  const cpuBefore = {
    pg: await cpuSeconds('postgres'),
    redis: await cpuSeconds('redis-server'),
    app: child.pid ? await cpuSeconds(child.pid) : 0,
    bench: process.cpuUsage(),
  };
  const posted = performance.now();
  const subject = values.notice
    ? await domain.services.notices
        .publish(actor, {
          kind: 'maintenance',
          title: '12月20日 2:00〜4:00 メンテナンスのお知らせ',
          body: 'この間はご利用いただけません。',
          audience: { everyone: true },
        })
        .then(({ notice, notified }) => ({ kind: 'notice.published', id: notice.id, reached: notified }))
    : await domain.services.jobs
        .post(actor, {
          title: 'アンケート入力',
          reward: { type: 'fixed', yen: 12000 },
          remote: true,
          status: 'open',
        })
        .then(({ job, alerts }) => ({ kind: 'job.alert', id: job.id, reached: alerts }));
  const matchedMs = performance.now() - posted;
  out(
    values.notice
      ? `  post                 notice #${subject.id} to everyone published in ${matchedMs.toFixed(0)} ms (${subject.reached} people reached; fan-out committed)`
      : `  post                 job #${subject.id} posted in ${matchedMs.toFixed(0)} ms (${subject.reached} workers match; fan-out committed)`,
  );

  let killed = false;
  let first = 0;
  let last = 0;
  let seen = 0;
  const deadline = performance.now() + 10 * 60_000;
  while (performance.now() < deadline) {
    const now = fake.delivered.length;
    if (now > seen) {
      if (seen === 0) first = performance.now();
      last = performance.now();
      seen = now;
    }
    if (values.kill && !killed && seen >= N / 3) {
      killed = true;
      child.kill('SIGKILL');
      out(`  killed the app at ${seen} delivered; restarting`);
      await new Promise((r) => child.once('exit', r));
      child = startApp();
    }
    if (seen >= N) break;
    await sleep(20);
  }
  const cpu = {
    pg: (await cpuSeconds('postgres')) - cpuBefore.pg,
    redis: (await cpuSeconds('redis-server')) - cpuBefore.redis,
    app: values.kill ? Number.NaN : (child.pid ? await cpuSeconds(child.pid) : 0) - cpuBefore.app,
    bench: (() => {
      const u = process.cpuUsage(cpuBefore.bench);
      return (u.user + u.system) / 1e6;
    })(),
  };
  // Let anything late (a duplicate) arrive before counting.
  await sleep(2000);
  const counts = new Map<string, number>();
  for (const d of fake.delivered) counts.set(d.to, (counts.get(d.to) ?? 0) + 1);
  const duplicates = [...counts.values()].filter((n) => n > 1).length;
  const missing = N - counts.size;
  const multicasts = fake.calls.filter((c) => c.path === '/v2/bot/message/multicast');
  const accepted = multicasts.filter((c) => c.status === 200).length;
  const sendSeconds = (last - first) / 1000;
  const endToEnd = (last - posted) / 1000;
  const ceiling = 200 * 500;
  const rate = sendSeconds > 0 ? counts.size / sendSeconds : Number.NaN;
  out(
    `  post → last delivery ${endToEnd.toFixed(2)} s (first delivery after ${((first - posted) / 1000).toFixed(2)} s)`,
  );
  out(
    `  recipients/s         ${rate.toFixed(0)} while sending (${((rate / ceiling) * 100).toFixed(0)}% of LINE's ${ceiling}/s); ${(counts.size / endToEnd).toFixed(0)}/s from the post`,
  );
  out(
    `  multicast calls      ${accepted} accepted, ${multicasts.length - accepted} answered otherwise (429/409)`,
  );
  const [run] = (
    await db.query(
      `select matched, extract(epoch from finished_at - created_at)::float8 as seconds,
              (select count(*) from fanout_batches where kind = $2 and subject_id = $1)::int as batches
         from fanout_runs where kind = $2 and subject_id = $1`,
      [subject.id, subject.kind],
    )
  ).rows;
  out(
    `  fan-out pages        ${run?.matched} ${values.notice ? 'people' : 'workers'} matched into ${run?.batches} batches in ${Number(run?.seconds).toFixed(2)} s (commit of the post → last page)`,
  );
  out(
    `  CPU seconds          app ${cpu.app.toFixed(2)}, PostgreSQL ${cpu.pg.toFixed(2)}, Redis ${cpu.redis.toFixed(2)}, bench + fake LINE ${cpu.bench.toFixed(2)} (2 cores: ${(2 * endToEnd).toFixed(2)} available)`,
  );
  out(`  duplicates           ${duplicates}`);
  out(`  missing              ${missing}`);
  out(`  LINE limit breaches  ${fake.violations.length}`);
  const ok = duplicates === 0 && missing === 0 && fake.violations.length === 0;
  out(
    `  result               ${ok && rate >= 0.8 * ceiling ? 'PASS' : ok ? 'exactly once, but under 80% of the ceiling' : 'FAIL'}`,
  );

  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  await db.end();
  await opened.close();
  await fake.close();
  await admin.query(`drop schema ${schema} cascade`);
  await admin.query(`drop schema if exists bullmq_${queuePrefix} cascade`);
  if (values.queue === 'redis') {
    const redis = new Redis(redisUrl);
    const keys = await redis.keys(`${queuePrefix}:*`);
    for (let i = 0; i < keys.length; i += 500) await redis.del(...keys.slice(i, i + 500));
    redis.disconnect();
  }
  await admin.end();
  await rm(dataDir, { recursive: true, force: true });
  return ok ? 0 : 1;
}

process.exitCode = await main();
