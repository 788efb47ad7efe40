/**
 * Team threads when the operator switched on the privileged Message Content intent
 * (DISCORD_MESSAGE_CONTENT=on): the Gateway asks for it, the thread says answers need no mention, and a
 * plain answer in the thread reaches the client (in their language) on LINE.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DiscordBench, GUILD, openDiscordBench, snowflake } from './helpers/discord.ts';
import { lineUserId, seenIn } from './helpers/line.ts';
import { processedTracker } from './helpers/processed.ts';

let n = 0;
const discordUser = () => `19${String(Date.now()).slice(-10)}${String(++n).padStart(6, '0')}`;

describe('team threads with the Message Content intent (DISCORD_MESSAGE_CONTENT=on)', () => {
  let c: DiscordBench;
  const track = processedTracker('gateway message');

  beforeAll(async () => {
    c = await openDiscordBench('threads-mc', {
      env: { DISCORD_GATEWAY: 'on', DISCORD_MESSAGE_CONTENT: 'on' },
      app: { onProcessed: track.mark },
    });
    await c.discord.gateway.waitLive();
  }, 30_000);

  afterAll(async () => {
    await c?.close();
  });

  it('asks for the privileged intent and relays a plain answer without a mention', async () => {
    expect(c.discord.gateway.identifies.at(-1)?.intents).toBe(1 | 512 | 4096 | 32768);
    const owner = discordUser();
    const ownerId = await c.asUser(owner, ['worker'], { name: '山田' });
    await c.say(owner, 'チーム作成 plain-lab 「プレーン」 説明');
    const channel = '1700000000000000009';
    await c.command(owner, 'market', 'team-discord', `plain-lab ${channel}`, { guild: true, channel });
    await c.lineUser.follow('plain-client', { displayName: '四郎', language: 'en' });
    const client = await c.app.store.users.findByIdentity({
      platform: 'line',
      workspace: '',
      externalId: lineUserId('plain-client'),
    });
    await c.app.store.uow.run((tx) => tx.users.update(client?.id ?? 0, { roles: ['client'] }));
    expect(
      (await c.lineUser.say('plain-client', 'team-consult plain-lab Hello, can you help?')).text,
    ).toContain('Your message was sent to the team “プレーン”');
    await c.discord.waitFor(() => [...c.discord.threads.values()].some((t) => t.parentId === channel), 8000);
    const [thread] = [...c.discord.threads.entries()].find(([, t]) => t.parentId === channel) ?? [];
    if (!thread) throw new Error('no thread');
    await c.discord.waitFor(() => c.discord.messagesIn(thread).length >= 2, 8000);
    expect(c.discord.messagesIn(thread)[0]?.content).toContain('このスレッドに書いたお返事は四郎さん');
    const id = snowflake();
    c.discord.gateway.messageCreate({
      id,
      channel_id: thread,
      guild_id: GUILD,
      content: 'Sure, happy to help',
      author: { id: owner, global_name: owner },
    });
    await track.wait(id, 1);
    await c.line.waitFor(
      () =>
        c.line.delivered.some(
          (d) => d.to === lineUserId('plain-client') && JSON.stringify(d.messages).includes('happy to help'),
        ),
      8000,
    );
    // The client reads the notification in English, their language.
    const pushed = c.line.delivered.filter((d) => d.to === lineUserId('plain-client')).at(-1);
    expect(seenIn(pushed?.messages ?? []).text).toContain('山田');
    expect(ownerId).toBeGreaterThan(0);
    expect(c.discord.violations).toEqual([]);
  });
});
