/**
 * Plain messages to the bot over the Discord Gateway (adapters/discord/gateway.ts), against the fake
 * Gateway on the fake REST API's port: DMs and mentions in a server channel go through the bot and are
 * answered in their channel; bots and unmentioned channel messages are ignored; a message id is answered
 * once; a dropped connection resumes without losing or repeating an event.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordGateway, GATEWAY_INTENTS } from '../adapters/discord/gateway.ts';
import {
  DISCORD_APP,
  type DiscordBench,
  discordSeen,
  GUILD,
  openDiscordBench,
  snowflake,
} from './helpers/discord.ts';
import { testClock } from './helpers/domain.ts';
import { jpeg } from './helpers/files.ts';
import { memoryLogger } from './helpers/logger.ts';
import { processedTracker } from './helpers/processed.ts';

const tracker = processedTracker('gateway message');
let b: DiscordBench;
let n = 0;
const newUser = () => `17${String(Date.now()).slice(-10)}${String(++n).padStart(6, '0')}`;
const dmChannel = (user: string) => `16${user.slice(2)}`;
const GUILD_CHANNEL = '1400000000000000077';

beforeAll(async () => {
  b = await openDiscordBench('gw', { env: { DISCORD_GATEWAY: 'on' }, app: { onProcessed: tracker.mark } });
  await b.discord.gateway.waitLive();
  await b.discord.waitFor(() => b.app.discordGateway?.status().state === 'connected');
}, 30_000);

afterAll(async () => {
  await b?.close();
});

/** Pushes a MESSAGE_CREATE and waits until the app handled it; returns what the bot wrote in the channel. */
async function send(
  user: string,
  content: string,
  options: {
    guild?: boolean;
    mention?: boolean;
    bot?: boolean;
    id?: string;
    files?: ReturnType<DiscordBench['hostFile']>[];
  } = {},
) {
  const channel = options.guild ? GUILD_CHANNEL : dmChannel(user);
  const before = b.discord.messagesIn(channel).length;
  const id = options.id ?? snowflake();
  const already = tracker.count(id);
  b.discord.gateway.messageCreate({
    id,
    channel_id: channel,
    ...(options.guild ? { guild_id: GUILD } : {}),
    content: options.mention ? `<@${DISCORD_APP}> ${content}` : content,
    author: { id: user, global_name: user, ...(options.bot ? { bot: true } : {}) },
    ...(options.mention ? { mentions: [DISCORD_APP] } : {}),
    ...(options.files ? { attachments: options.files } : {}),
  });
  await tracker.wait(id, already + 1);
  const written = b.discord.messagesIn(channel).slice(before);
  return { id, ...discordSeen(written as unknown as Record<string, unknown>[]) };
}

describe('Discord Gateway', () => {
  it('identifies with the non-privileged intents only and shows the connection on /readyz', async () => {
    expect(b.discord.gateway.identifies.map((i) => i.intents)).toEqual([GATEWAY_INTENTS]);
    // Guilds (1), GuildMessages (512), DirectMessages (4096); no MessageContent (32768).
    expect(GATEWAY_INTENTS).toBe(1 | 512 | 4096);
    const ready = (await (await fetch(`${b.url}/readyz`)).json()) as {
      platforms: { discord: { gateway?: { state: string; since: string; status: string } } };
    };
    expect(ready.platforms.discord.gateway).toMatchObject({ state: 'connected', status: 'ok' });
    // What @discordjs/ws sent (IDENTIFY, heartbeats) is what the Gateway accepts.
    expect(b.discord.gateway.violations).toEqual([]);
    const metrics = await (await fetch(`${b.url}/metrics`)).text();
    expect(metrics).toMatch(/^discord_gateway_disconnected_seconds 0$/m);
  });

  it('answers a DM in its channel', async () => {
    const seen = await send(newUser(), 'ヘルプ');
    expect(seen.text).not.toBe('');
    expect(seen.messages.length).toBeGreaterThan(0);
    expect(b.discord.violations).toEqual([]);
  });

  it('continues a guided flow with plain DMs', async () => {
    const user = newUser();
    expect((await send(user, '口座登録')).text).toContain(
      '金融機関名または4桁の金融機関コードを入力してください',
    );
    expect((await send(user, 'みずほ')).text).toContain('みずほ銀行 (0001)の支店名');
    expect((await send(user, '東京営業部')).text).toContain('預金種目を選んでください');
    expect((await send(user, '普通')).text).toContain('口座番号(7桁)を入力してください');
    expect((await send(user, '1234567')).text).toContain('口座名義をカタカナで入力してください');
    expect((await send(user, 'ヤマダ タロウ')).text).toContain('口座名義: ヤマダ タロウ');
    expect((await send(user, 'はい')).text).toContain('お支払い先の口座を登録しました');
  });

  it('takes files sent by DM: an identity document sent as a photo, and a file of a kind not accepted', async () => {
    const user = newUser();
    await send(user, '本人確認提出');
    expect((await send(user, 'パスポート')).text).toContain('書類の写真またはPDFを送ってください');
    const bad = b.hostFile({
      name: 'tool.exe',
      content: Buffer.from('MZ\x90\x00 not a document'),
      mime: 'application/octet-stream',
    });
    expect((await send(user, '', { files: [bad] })).text).toMatch(/\[E202\]/);
    const photo = b.hostFile({ name: 'passport.jpg', content: jpeg('passport by DM'), mime: 'image/jpeg' });
    expect((await send(user, '', { files: [photo] })).text).toContain('1件');
    await send(user, '完了');
    expect((await send(user, 'はい')).text).toContain('本人確認書類(パスポート、1枚)を受け付けました');
  });

  it('answers a mention in a server channel by DM (with a pointer in the channel), and ignores the rest', async () => {
    const user = newUser();
    const inChannel = await send(user, '口座', { guild: true, mention: true });
    // The channel reads only that the answer went by DM: an answer can hold personal data.
    expect(inChannel.text).toContain(`<@${user}> さん、お返事はダイレクトメッセージでお送りしました。`);
    expect(inChannel.text).not.toContain('口座');
    // The DM channel the bot opened for them (POST /users/@me/channels).
    const dmOpened = () => b.discord.dmChannels.get(user) ?? '';
    await b.discord.waitFor(() => b.discord.messagesIn(dmOpened()).length > 0);
    const dm = discordSeen(b.discord.messagesIn(dmOpened()) as unknown as Record<string, unknown>[]);
    expect(dm.text).toContain('お支払い先の口座はまだ登録されていません');
    expect((await send(user, 'ヘルプ', { guild: true })).messages).toHaveLength(0);
  });

  it('ignores messages from bots', async () => {
    expect((await send(newUser(), 'ヘルプ', { bot: true })).messages).toHaveLength(0);
    expect(
      (await send(newUser(), 'ヘルプ', { guild: true, mention: true, bot: true })).messages,
    ).toHaveLength(0);
  });

  it('answers a message id delivered twice once', async () => {
    const user = newUser();
    const first = await send(user, 'ヘルプ');
    expect(first.messages).not.toHaveLength(0);
    const before = b.discord.messagesIn(dmChannel(user)).length;
    b.discord.gateway.redeliver(first.id);
    await tracker.wait(first.id, 2);
    expect(b.discord.messagesIn(dmChannel(user))).toHaveLength(before);
  });

  it('resumes a dropped connection without losing or repeating an event', async () => {
    const user = newUser();
    const resumes = b.discord.gateway.resumes;
    b.discord.gateway.drop();
    // Sent while the socket is down: replayed on resume.
    const id = snowflake();
    b.discord.gateway.messageCreate({
      id,
      channel_id: dmChannel(user),
      content: 'ヘルプ',
      author: { id: user },
    });
    await tracker.wait(id, 1, 20_000);
    expect(b.discord.gateway.resumes).toBe(resumes + 1);
    expect(b.discord.gateway.identifies).toHaveLength(1);
    const answered = b.discord.messagesIn(dmChannel(user)).length;
    expect(answered).toBeGreaterThan(0);
    // The next message is answered too, and the replayed one is not answered again.
    await send(user, 'ヘルプ');
    expect(tracker.count(id)).toBe(1);
    expect(b.discord.messagesIn(dmChannel(user)).length).toBe(answered * 2);
    await b.discord.waitFor(() => b.app.discordGateway?.status().state === 'connected');
  }, 30_000);
});

describe('Discord Gateway away', () => {
  it('is reported degraded once it has been away for more than 60 s, and retries', async () => {
    const clock = testClock();
    // A port nothing listens on: GET /gateway/bot fails, so the Gateway stays away.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const gateway = new DiscordGateway({
      botToken: 'token',
      apiUrl: `http://127.0.0.1:${port}/api`,
      bot: b.app.bot,
      files: b.app.files,
      logger: memoryLogger('silent').logger,
      clock,
    });
    try {
      gateway.start();
      expect(gateway.status()).toMatchObject({ state: 'connecting', status: 'ok' });
      await b.discord.waitFor(() => gateway.status().state === 'reconnecting', 15_000);
      clock.advance(30_000);
      expect(gateway.status().status).toBe('ok');
      clock.advance(31_000);
      expect(gateway.status()).toMatchObject({ state: 'reconnecting', status: 'degraded' });
      expect(gateway.awaySeconds()).toBeGreaterThan(60);
    } finally {
      await gateway.stop();
    }
  }, 20_000);
});

describe('Discord Gateway and ROLE', () => {
  it('is not held by a worker process', async () => {
    const worker = await openDiscordBench('gwworker', { env: { DISCORD_GATEWAY: 'on', ROLE: 'worker' } });
    try {
      expect(worker.app.discordGateway).toBeUndefined();
      expect(worker.discord.calls.filter((c) => c.route === 'GET /gateway/bot')).toEqual([]);
    } finally {
      await worker.close();
    }
  }, 30_000);
});

describe('the fake Gateway refuses what Discord refuses', () => {
  it('closes on a malformed IDENTIFY (4002) and on a privileged intent not enabled for the app (4014)', async () => {
    const { startFakeDiscord } = await import('./fakes/discord-api.ts');
    const { WebSocket } = await import('ws');
    const fake = await startFakeDiscord({
      botToken: 'gw-token',
      applicationId: DISCORD_APP,
      privilegedIntents: 0,
    });
    const closeCode = (identify: Record<string, unknown>) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(fake.gateway.url);
        ws.on('message', (raw) => {
          if ((JSON.parse(String(raw)) as { op: number }).op === 10)
            ws.send(JSON.stringify({ op: 2, d: identify }));
        });
        ws.on('close', (code) => resolve(code));
      });
    const properties = { os: 'linux', browser: 'test', device: 'test' };
    try {
      expect(await closeCode({ token: 'gw-token', intents: GATEWAY_INTENTS })).toBe(4002);
      expect(await closeCode({ token: 'gw-token', intents: GATEWAY_INTENTS | (1 << 15), properties })).toBe(
        4014,
      );
      expect(fake.gateway.violations).toEqual([
        'gateway 4002: identify properties must have os, browser and device',
        'gateway 4014: disallowed intent(s) 32768: not enabled for the app',
      ]);
      expect(fake.gateway.identifies).toEqual([]);
    } finally {
      await fake.close();
    }
  });
});
