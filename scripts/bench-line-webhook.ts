/**
 * `npm run bench:line-webhook [-- --rate 200 --seconds 30 --users 200 --redeliver 0.05 --queue redis|postgres]`
 *
 * Drives `POST /line/webhook` the way LINE does: one signed request per event, at a fixed rate
 * (open loop: requests leave on schedule whether or not earlier ones were answered), from many users,
 * with a share of redeliveries (the identical event again, `isRedelivery: true`). The whole app runs
 * in this process on the real PostgreSQL (BENCH_DATABASE_URL, a throw-away schema) and Redis
 * (BENCH_REDIS_URL; `--queue postgres` uses BullMQ's PostgreSQL backend instead), against the fake
 * LINE API. Prints the webhook's ack latency (p50/p99/max; target p99 ≤ 50 ms), how long events took
 * to be answered, and checks that every event was answered exactly once: zero lost, zero duplicated.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { createApp } from '../src/wiring/app.ts';
import { startFakeLine } from '../test/fakes/line-api.ts';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '30' },
    users: { type: 'string', default: '200' },
    redeliver: { type: 'string', default: '0.05' },
    queue: { type: 'string', default: 'redis' },
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

async function main(): Promise<number> {
  const schema = `benchline_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const dbUrl = new URL(baseUrl);
  dbUrl.searchParams.set('options', `-c search_path=${schema}`);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'bench-line-'));
  const fake = await startFakeLine({ channelAccessToken: TOKEN });

  const processed = new Map<string, number>();
  const answeredAt = new Map<string, number>();
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: dbUrl.toString(),
    ...(values.queue === 'redis' ? { REDIS_URL: redisUrl } : {}),
    DATA_DIR: dataDir,
    LINE_CHANNEL_SECRET: SECRET,
    LINE_CHANNEL_ACCESS_TOKEN: TOKEN,
    LINE_API_URL: fake.url,
    LINE_DATA_API_URL: fake.url,
    ROLE: process.env.BENCH_ROLE ?? 'all',
  });
  const prefix = `benchline${randomBytes(3).toString('hex')}`;
  const app = await createApp(config, {
    logger: createLogger({ level: 'error', fd: 2 }),
    ...(values.queue === 'redis'
      ? { queueConnection: () => ({ kind: 'redis' as const, url: redisUrl, prefix }) }
      : {}),
    line: {
      onProcessed: (id) => {
        processed.set(id, (processed.get(id) ?? 0) + 1);
        if (!answeredAt.has(id)) answeredAt.set(id, performance.now());
      },
    },
  });
  const port = await app.listen();
  const url = `http://127.0.0.1:${port}/line/webhook`;
  const users = Array.from({ length: userCount }, (_, i) => `U${i.toString(16).padStart(32, '0')}`);

  const sentAt = new Map<string, number>();
  const tokenOf = new Map<string, string>();
  const unique: string[] = [];
  const latencies: number[] = [];
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
      if (res.status !== 200) failures.push(`HTTP ${res.status}`);
    } catch (err) {
      failures.push((err as Error).message);
    }
  };
  const bodies = new Map<string, Record<string, unknown>>();

  process.stdout.write(
    `bench:line-webhook  ${rate} events/s for ${seconds} s, ${userCount} users, ` +
      `${Math.round(redeliverShare * 100)}% redeliveries, queue ${app.queue.backend}, store postgres\n`,
  );
  const total = rate * seconds;
  const cpuStart = process.cpuUsage();
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

  // Wait for the workers to answer everything (or give up after 120 s).
  const deadline = performance.now() + 120_000;
  while (performance.now() < deadline && unique.some((id) => !processed.has(id))) {
    await new Promise((r) => setTimeout(r, 50));
  }
  // Redeliveries of the last events may still be in the queue; give them a moment.
  const expectedRuns = unique.length + redeliveries;
  while (performance.now() < deadline && [...processed.values()].reduce((a, b) => a + b, 0) < expectedRuns) {
    await new Promise((r) => setTimeout(r, 50));
  }

  const replyCalls = fake.calls.filter((c) => c.path === '/v2/bot/message/reply' && c.status === 200);
  const replied = new Map<string, number>();
  for (const c of replyCalls) {
    const token = (c.body as { replyToken: string }).replyToken;
    replied.set(token, (replied.get(token) ?? 0) + 1);
  }
  const pushes = fake.calls.filter((c) => c.path === '/v2/bot/message/push' && c.status === 200).length;
  const lost = unique.filter((id) => !replied.has(tokenOf.get(id) as string)).length;
  const duplicated =
    [...replied.values()].filter((n) => n > 1).length +
    fake.calls.filter((c) => c.path === '/v2/bot/message/reply' && c.status !== 200).length +
    pushes;

  const cpu = process.cpuUsage(cpuStart);
  process.stdout.write(
    `  cpu                  ${((cpu.user + cpu.system) / 1000 / total).toFixed(2)} ms per request (whole process)\n`,
  );
  latencies.sort((a, b) => a - b);
  const lags = unique
    .filter((id) => answeredAt.has(id))
    .map((id) => (answeredAt.get(id) as number) - (sentAt.get(id) as number))
    .sort((a, b) => a - b);
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(
    `  requests sent        ${latencies.length + failures.length} in ${sendSeconds.toFixed(1)} s (${(total / sendSeconds).toFixed(0)}/s)`,
  );
  out(`  unique events        ${unique.length}, redeliveries ${redeliveries}`);
  out(
    `  ack latency          p50 ${ms(percentile(latencies, 50))}  p90 ${ms(percentile(latencies, 90))}  p99 ${ms(percentile(latencies, 99))}  max ${ms(latencies.at(-1) ?? Number.NaN)}`,
  );
  out(
    `  answered (reply)     p50 ${ms(percentile(lags, 50))}  p99 ${ms(percentile(lags, 99))} after the request left`,
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

  await app.stop();
  await fake.close();
  await admin.query(`drop schema ${schema} cascade`);
  await admin.end();
  await rm(dataDir, { recursive: true, force: true });
  return ok ? 0 : 1;
}

process.exitCode = await main();
