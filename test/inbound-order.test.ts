/**
 * Per-user order across processes (src/chat/inbound.ts): a web process takes LINE's webhooks and two
 * worker processes (ROLE=worker, 8 events at once each) run them, on both queue backends. A user
 * sends 20 messages in a burst; the replies reach them in the order they were sent, each once.
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeLine, startFakeLine } from './fakes/line-api.ts';
import { LINE_SECRET, LINE_TOKEN, lineUserId, seenIn, sign } from './helpers/line.ts';
import { freePort, type Spawned, spawnNode, waitForReady } from './helpers/process.ts';
import { freshSchema, TEST_REDIS_URL, type TestSchema, uniqueName } from './helpers/services.ts';

let fake: FakeLine;
beforeAll(async () => {
  fake = await startFakeLine({ channelAccessToken: LINE_TOKEN });
});
afterAll(async () => {
  await fake?.close();
});

async function burst(queue: 'redis' | 'postgres') {
  const schema: TestSchema = await freshSchema(`order-${queue}`);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'order-'));
  const env = {
    DATABASE_URL: schema.url,
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    LINE_CHANNEL_SECRET: LINE_SECRET,
    LINE_CHANNEL_ACCESS_TOKEN: LINE_TOKEN,
    LINE_API_URL: fake.url,
    LINE_DATA_API_URL: fake.url,
    ...(queue === 'redis' ? { REDIS_URL: TEST_REDIS_URL } : {}),
    QUEUE_PREFIX: uniqueName('order'),
  };
  const procs: Spawned[] = [];
  try {
    const webPort = await freePort();
    const web = spawnNode('src/main.ts', [], { ...env, ROLE: 'web', PORT: String(webPort) });
    procs.push(web);
    await waitForReady(`http://127.0.0.1:${webPort}/readyz`, 60_000, web);
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      const worker = spawnNode('src/main.ts', [], { ...env, ROLE: 'worker', PORT: String(port) });
      procs.push(worker);
      await waitForReady(`http://127.0.0.1:${port}/readyz`, 60_000, worker);
    }
    const user = `order-${queue}-${Date.now()}`;
    const to = lineUserId(user);
    const post = async (events: unknown[]) => {
      const body = JSON.stringify({ destination: 'Ubot', events });
      const res = await fetch(`http://127.0.0.1:${webPort}/line/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-line-signature': sign(body) },
        body,
      });
      expect(res.status).toBe(200);
    };
    const event = (n: number, fields: Record<string, unknown>) => ({
      type: 'message',
      mode: 'active',
      timestamp: Date.now(),
      source: { type: 'user', userId: to },
      webhookEventId: `01ORDER${queue.toUpperCase()}${String(n).padStart(4, '0')}${Date.now()}`,
      deliveryContext: { isRedelivery: false },
      replyToken: fake.issueReplyToken(to),
      ...fields,
    });
    // Each message its own webhook request, as LINE sends them, one right after the other.
    const words = Array.from({ length: 20 }, (_, i) => `順番${String(i + 1).padStart(2, '0')}`);
    for (const [i, word] of words.entries()) {
      await post([
        event(i, { message: { id: `M${i}${Date.now()}`, type: 'text', quoteToken: 'q', text: word } }),
      ]);
    }
    const answered = () =>
      fake.delivered
        .filter((d) => d.to === to)
        .map((d) => words.find((w) => seenIn(d.messages).text.includes(w)))
        .filter((w): w is string => w !== undefined);
    await fake.waitFor(() => answered().length >= words.length, 30_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(answered()).toEqual(words);
  } finally {
    for (const p of procs) p.child.kill('SIGTERM');
    await Promise.all(procs.map((p) => p.exited));
    await schema.drop();
  }
}

describe('a burst of one user’s messages over two worker processes', () => {
  it('is answered in order, each once (Redis queue)', () => burst('redis'), 120_000);
  it('is answered in order, each once (PostgreSQL queue)', () => burst('postgres'), 120_000);
});
