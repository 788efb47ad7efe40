/**
 * Nothing acknowledged is lost when Redis restarts: the app warns (log and /readyz) when its Redis
 * could evict or forget queued jobs, and with AOF on, a Redis killed and started again in the middle
 * of a burst of signed LINE events still gets every event answered exactly once. Each test runs
 * redis-server processes of its own, on free ports, in temporary directories.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createJobQueue } from '../src/wiring/bullmq.ts';
import { type LineEvent, lineUserId, openLineBench, sign } from './helpers/line.ts';
import { memoryLogger } from './helpers/logger.ts';
import { freePort } from './helpers/process.ts';

interface TestRedis {
  url: string;
  /** Kills the server with SIGKILL (as a crash would) and waits for it to be gone. */
  kill(): Promise<void>;
  /** Starts it again on the same port and directory (its AOF, if any, is read back). */
  start(): Promise<void>;
}

const running = new Set<ChildProcess>();
const dirs: string[] = [];
afterAll(async () => {
  for (const child of running) child.kill('SIGKILL');
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function startRedis(flags: string[]): Promise<TestRedis> {
  const port = await freePort();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bot-redis-'));
  dirs.push(dir);
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, ...flags], {
      stdio: 'ignore',
    });
    running.add(child);
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => {});
    try {
      for (const until = Date.now() + 10_000; Date.now() < until; ) {
        try {
          await probe.connect();
          await probe.ping();
          return;
        } catch {
          probe.disconnect();
          await new Promise((r) => setTimeout(r, 50));
        }
      }
      throw new Error(`redis-server on ${port} did not start`);
    } finally {
      probe.disconnect();
    }
  };
  await start();
  return {
    url,
    start,
    async kill() {
      const c = child;
      if (!c || c.exitCode !== null) return;
      const gone = new Promise((r) => c.once('exit', r));
      c.kill('SIGKILL');
      await gone;
      running.delete(c);
    },
  };
}

describe('the queue on Redis, and what a restart of Redis would lose', () => {
  it('warns on /readyz and in the log when Redis may evict jobs or keeps nothing on disk, and not when it is safe', async () => {
    const careless = await startRedis([
      '--save',
      '',
      '--appendonly',
      'no',
      '--maxmemory-policy',
      'allkeys-lru',
    ]);
    const safe = await startRedis(['--save', '', '--appendonly', 'yes', '--appendfsync', 'always']);
    const check = async (url: string) => {
      const queue = createJobQueue({
        connection: { kind: 'redis', url },
        logger: memoryLogger('silent').logger,
        runWorkers: false,
      });
      try {
        return await queue.durability();
      } finally {
        await queue.close();
      }
    };
    const risky = await check(careless.url);
    expect(risky.settings).toMatchObject({ 'maxmemory-policy': 'allkeys-lru', appendonly: 'no', save: '' });
    expect(risky.warnings).toEqual([
      expect.stringContaining('maxmemory-policy is allkeys-lru'),
      expect.stringContaining('keeps nothing on disk'),
    ]);
    expect(await check(safe.url)).toEqual({
      settings: { 'maxmemory-policy': 'noeviction', appendonly: 'yes', save: '' },
      warnings: [],
    });

    const bench = await openLineBench('redis-warn', { redisUrl: careless.url });
    try {
      const ready = (await (await fetch(`${bench.url}/readyz`)).json()) as { queue: { warnings?: string[] } };
      expect(ready.queue.warnings).toHaveLength(2);
    } finally {
      await bench.close();
    }
  });

  it('answers every LINE event exactly once when Redis (AOF on) is killed and started again mid-burst', async () => {
    const redis = await startRedis(['--save', '', '--appendonly', 'yes', '--appendfsync', 'always']);
    // One event at a time, so a burst is acknowledged well ahead of being handled.
    const bench = await openLineBench('redis-aof', { redisUrl: redis.url, app: { concurrency: 1 } });
    try {
      const events: LineEvent[] = [];
      for (let i = 0; i < 150; i += 1) {
        const user = `aof-user-${i % 10}`;
        events.push(
          bench.event(user, { message: { id: `aof-${i}`, type: 'text', quoteToken: 'q', text: 'ヘルプ' } }),
        );
      }
      const acked = new Set<string>();
      const post = async (e: LineEvent, redelivery: boolean) => {
        const body = JSON.stringify({
          destination: 'Ubot',
          events: [{ ...e, deliveryContext: { isRedelivery: redelivery } }],
        });
        try {
          const res = await bench.post(body, sign(body));
          if (res.status === 200) acked.add(e.webhookEventId);
        } catch {
          // not acknowledged: LINE sends it again
        }
      };
      const repliedTo = () =>
        new Set(
          bench.fake.calls
            .filter((c) => c.path === '/v2/bot/message/reply' && c.status === 200)
            .map((c) => (c.body as { replyToken: string }).replyToken),
        );
      // A burst acknowledged faster than it is handled, then Redis dies with the rest queued.
      await Promise.all(events.slice(0, 100).map((e) => post(e, false)));
      await redis.kill();
      const backlog = [...acked].filter((id) => {
        const e = events.find((x) => x.webhookEventId === id);
        return !repliedTo().has(String(e?.replyToken));
      }).length;
      // The test means something only if acknowledged events were still waiting in Redis (more
      // than the one the worker holds).
      expect(backlog).toBeGreaterThan(10);
      // More events arrive while Redis is down; it comes back half a second later.
      const during = Promise.all(events.slice(100).map((e) => post(e, false)));
      await new Promise((r) => setTimeout(r, 500));
      await redis.start();
      await during;
      // As LINE does: what was not acknowledged with a 200 is delivered again.
      for (let round = 0; round < 5 && acked.size < events.length; round += 1) {
        await Promise.all(events.filter((e) => !acked.has(e.webhookEventId)).map((e) => post(e, true)));
      }
      expect(acked.size).toBe(events.length);

      const tokens = new Set(events.map((e) => String(e.replyToken)));
      const replies = () =>
        bench.fake.calls
          .filter((c) => c.path === '/v2/bot/message/reply' && c.status === 200)
          .map((c) => (c.body as { replyToken: string }).replyToken)
          .filter((t) => tokens.has(t));
      await bench.fake.waitFor(() => new Set(replies()).size === events.length, 90_000);
      await new Promise((r) => setTimeout(r, 1000)); // a late repeat would show now
      const counts = new Map<string, number>();
      for (const t of replies()) counts.set(t, (counts.get(t) ?? 0) + 1);
      expect([...counts.values()].filter((n) => n !== 1)).toEqual([]);
      const pushed = bench.fake.calls.filter(
        (c) =>
          c.path === '/v2/bot/message/push' &&
          [...Array(10).keys()].some((u) => (c.body as { to?: string }).to === lineUserId(`aof-user-${u}`)),
      );
      expect(pushed).toEqual([]);
    } finally {
      await bench.close();
    }
  }, 150_000);
});
