/** The assembled app on the real PostgreSQL and Redis: health endpoints, HTTP behaviour, shutdown. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { type App, createApp } from '../src/wiring/app.ts';
import { memoryLogger } from './helpers/logger.ts';
import { freshSchema, TEST_REDIS_URL, type TestSchema, uniqueName } from './helpers/services.ts';

let app: App;
let base: string;
let schema: TestSchema;

beforeAll(async () => {
  schema = await freshSchema('app');
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: schema.url,
    REDIS_URL: TEST_REDIS_URL,
    LINE_CHANNEL_SECRET: 'line-secret',
    LINE_CHANNEL_ACCESS_TOKEN: 'line-token',
  });
  const prefix = uniqueName('app');
  app = await createApp(config, {
    logger: memoryLogger('silent').logger,
    queueConnection: () => ({ kind: 'redis', url: TEST_REDIS_URL, prefix }),
  });
  // A webhook-style route, as adapters will mount: it must see the exact bytes that were sent.
  app.http.route('POST', '/echo', async (req) => ({
    status: 200,
    body: { bytes: req.rawBody.length, hex: req.rawBody.toString('hex') },
  }));
  app.http.route('GET', '/boom', async () => {
    throw new Error('secret internals at /var/lib/x');
  });
  base = `http://127.0.0.1:${await app.listen()}`;
});

afterAll(async () => {
  await app?.stop();
  await schema?.drop();
});

describe('health endpoints', () => {
  it('GET /healthz answers 200', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz reports the external store, the Redis queue and each platform', async () => {
    const res = await fetch(`${base}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      ready: true,
      role: 'all',
      store: { kind: 'postgres', status: 'ok' },
      // Warnings depend on how the test Redis is run: test/redis-durability.test.ts checks them.
      queue: expect.objectContaining({ backend: 'redis', status: 'ok' }),
      platforms: {
        console: { enabled: true },
        line: { enabled: true },
        slack: { enabled: false, missing: ['SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN'] },
        discord: {
          enabled: false,
          missing: ['DISCORD_PUBLIC_KEY', 'DISCORD_APPLICATION_ID', 'DISCORD_BOT_TOKEN'],
        },
      },
    });
  });

  it('GET /metrics serves Prometheus text including request and chat counters', async () => {
    await app.bot.handle({
      id: 'metrics-1',
      platform: 'console',
      kind: 'message',
      text: 'help',
      sender: { workspace: 't', externalId: 'm' },
      conversation: { kind: 'direct', id: 'm' },
      receivedAt: new Date(),
    });
    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const body = await res.text();
    expect(body).toMatch(/http_requests_total\{method="GET",route="\/healthz",status="200"\} \d+/);
    expect(body).toContain('chat_events_total{platform="console",command="help",outcome="ok"} 1');
    expect(body).toContain('process_resident_memory_bytes');
  });
});

describe('HTTP server', () => {
  it('hands routes the raw body, byte for byte', async () => {
    const bytes = Buffer.from('{"b": 1,  "a":"日本語"}\n', 'utf8');
    const res = await fetch(`${base}/echo`, { method: 'POST', body: bytes });
    expect(await res.json()).toEqual({ bytes: bytes.length, hex: bytes.toString('hex') });
  });

  it('answers 404 for unknown paths and 405 with Allow for a wrong method', async () => {
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    const res = await fetch(`${base}/echo`);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
  });

  it('refuses bodies over 2 MB with 413', async () => {
    const res = await fetch(`${base}/echo`, { method: 'POST', body: Buffer.alloc(2 * 1024 * 1024 + 1) });
    expect(res.status).toBe(413);
  });

  it('never sends a stack trace: a failing route gets 500 with a reference only', async () => {
    const res = await fetch(`${base}/boom`);
    expect(res.status).toBe(500);
    const body = await res.text();
    expect(body).not.toContain('secret');
    expect(JSON.parse(body)).toMatchObject({ error: 'internal', ref: expect.any(String) });
  });
});

describe('readiness when a dependency is down', () => {
  it('answers 503 and names the part that is down', async () => {
    const s = await freshSchema('appdown');
    const down = await createApp(
      loadConfig({ PORT: '0', HOST: '127.0.0.1', DATABASE_URL: s.url, REDIS_URL: 'redis://127.0.0.1:1' }),
      { logger: memoryLogger('silent').logger },
    );
    try {
      const port = await down.listen();
      const res = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({
        ready: false,
        store: { status: 'ok' },
        queue: { backend: 'redis', status: 'down' },
      });
    } finally {
      await down.stop();
      await s.drop();
    }
  });
});
