import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';
import { queueConnectionFor } from '../src/wiring/bullmq.ts';

describe('loadConfig', () => {
  it('boots with no environment at all: embedded store, port 3000, everything optional', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      redisUrl: undefined,
      dataDir: path.resolve('.data'),
      role: 'all',
      openSignupRole: 'worker',
      businessTimeZone: 'Asia/Tokyo',
    });
    expect(c.slack.status).toEqual({ enabled: false, missing: ['SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN'] });
    expect(c.line.apiUrl).toBe('https://api.line.me');
  });

  it('turns the Discord Gateway on with a bot token unless DISCORD_GATEWAY=off', () => {
    expect(loadConfig({}).discord.gateway).toBe(false);
    expect(loadConfig({ DISCORD_BOT_TOKEN: 't' }).discord.gateway).toBe(true);
    expect(loadConfig({ DISCORD_BOT_TOKEN: 't', DISCORD_GATEWAY: 'on' }).discord.gateway).toBe(true);
    expect(loadConfig({ DISCORD_BOT_TOKEN: 't', DISCORD_GATEWAY: 'off' }).discord.gateway).toBe(false);
    expect(() => loadConfig({ DISCORD_GATEWAY: 'no' })).toThrow('DISCORD_GATEWAY');
  });

  it('lays Discord cards and lists with buttons out in Components V2 unless DISCORD_COMPONENTS_V2=off', () => {
    expect(loadConfig({}).discord.componentsV2).toBe(true);
    expect(loadConfig({ DISCORD_COMPONENTS_V2: 'on' }).discord.componentsV2).toBe(true);
    expect(loadConfig({ DISCORD_COMPONENTS_V2: 'off' }).discord.componentsV2).toBe(false);
    expect(() => loadConfig({ DISCORD_COMPONENTS_V2: 'no' })).toThrow('DISCORD_COMPONENTS_V2');
  });

  it('takes a BullMQ key prefix for Redis and refuses one Redis would split on', () => {
    const config = loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379', QUEUE_PREFIX: 'tenant-a' });
    expect(queueConnectionFor(config, { url: 'postgres://x/y' })).toEqual({
      kind: 'redis',
      url: 'redis://127.0.0.1:6379',
      prefix: 'tenant-a',
    });
    expect(() => loadConfig({ QUEUE_PREFIX: 'a:b' })).toThrow('QUEUE_PREFIX=a:b is invalid');
  });

  it('keeps BullMQ on PostgreSQL in its own schema, named after QUEUE_PREFIX when one is set', () => {
    const store = { url: 'postgres://x/y?options=-c%20search_path%3Dapp' };
    expect(queueConnectionFor(loadConfig({}), store)).toEqual({
      kind: 'postgres',
      url: 'postgres://x/y',
      schema: 'bullmq',
    });
    expect(queueConnectionFor(loadConfig({ QUEUE_PREFIX: 'tenant-a' }), store)).toMatchObject({
      schema: 'bullmq_tenant_a',
    });
    // The embedded server is a real PostgreSQL too: the same schema as an external one.
    expect(
      queueConnectionFor(loadConfig({ QUEUE_PREFIX: 'tenant-a' }), {
        url: 'postgres://bot:pw@127.0.0.1:5/bot',
      }),
    ).toEqual({ kind: 'postgres', url: 'postgres://bot:pw@127.0.0.1:5/bot', schema: 'bullmq_tenant_a' });
  });

  it('returns a deeply frozen object', () => {
    const c = loadConfig({});
    expect(Object.isFrozen(c)).toBe(true);
    expect(Object.isFrozen(c.slack)).toBe(true);
    expect(() => {
      (c as { port: number }).port = 1;
    }).toThrow(TypeError);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '3.5'],
    ['DATABASE_URL', 'not a url'],
    ['DATABASE_URL', 'mysql://localhost/db'],
    ['REDIS_URL', 'localhost:6379'],
    ['BUSINESS_TZ', 'Mars/Olympus'],
    ['LOG_LEVEL', 'loud'],
    ['ROLE', 'both'],
    ['OPEN_SIGNUP_ROLE', 'boss'],
    ['LINE_API_URL', 'ftp://example.com'],
  ])('rejects %s=%s with one line that names the variable', (name, value) => {
    let error: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message.startsWith(`${name}=`)).toBe(true);
    expect(message).not.toContain('\n');
  });

  it('never echoes secrets or URL passwords in an error', () => {
    expect(() => loadConfig({ DISCORD_PUBLIC_KEY: 'sekrit' })).toThrow('DISCORD_PUBLIC_KEY=*** is invalid');
    expect(() => loadConfig({ DATABASE_URL: 'mysql://u:hunter2@db/x' })).toThrow(/u:\*\*\*@db/);
  });

  it('treats blank values as unset, except OPEN_SIGNUP_ROLE where empty means invitation only', () => {
    const c = loadConfig({ PORT: '', DATABASE_URL: ' ', OPEN_SIGNUP_ROLE: '' });
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.openSignupRole).toBeNull();
  });

  it('enables a platform only when all of its credentials are present', () => {
    const c = loadConfig({
      LINE_CHANNEL_SECRET: 's',
      LINE_CHANNEL_ACCESS_TOKEN: 't',
      SLACK_BOT_TOKEN: 'xoxb-1',
      LINE_API_URL: 'http://127.0.0.1:9999',
    });
    expect(c.line.status.enabled).toBe(true);
    expect(c.line.apiUrl).toBe('http://127.0.0.1:9999');
    expect(c.slack.status).toEqual({ enabled: false, missing: ['SLACK_SIGNING_SECRET'] });
  });
});
