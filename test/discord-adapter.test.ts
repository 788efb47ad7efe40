/**
 * The Discord adapter through signed interactions against the fake Discord REST API: the adapter
 * contract, verification, PING, deferral of slow work, modals, teams coordinating in a bound
 * channel, and a conversation between a Discord user and a LINE user.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationCommands, commandSize } from '../adapters/discord/commands.ts';
import { renderClassicMessages } from '../adapters/discord/render.ts';
import { commandGroups } from '../commands/index.ts';
import type { Reply } from '../src/chat/types.ts';
import { type AdapterHarness, adapterContract } from './contract/adapter-contract.ts';
import { makeCustomerOf } from './contract/customer.ts';
import {
  DISCORD_APP,
  type DiscordBench,
  discordSeen,
  openDiscordBench,
  snowflake,
} from './helpers/discord.ts';
import { lineUserId, seenIn } from './helpers/line.ts';

let b: DiscordBench;

beforeAll(async () => {
  b = await openDiscordBench('discordadapter');
});
afterAll(async () => {
  await b?.close();
});

/** A stable snowflake-looking id per test user name. */
const uid = (name: string) => {
  let h = 0n;
  for (const ch of name) h = (h * 131n + BigInt(ch.codePointAt(0) ?? 0)) % 1_000_000_000_000n;
  return String(1_000_000_000_000_000_000n + h);
};

function discordHarness(): AdapterHarness {
  return {
    say: (user, text) => b.say(uid(user), text),
    tap: (user, payload) => b.press(uid(user), payload),
    async sayTwice(user, text) {
      const u = uid(user);
      const interaction = {
        id: snowflake(),
        application_id: '1100000000000000001',
        type: 2,
        token: b.discord.issueInteractionToken(),
        version: 1,
        channel_id: '1500000000000000001',
        user: { id: u, username: u },
        data: { id: snowflake(), name: 'bot', type: 1, options: [{ type: 3, name: 'text', value: text }] },
      };
      const first = await b.interact(u, interaction);
      const second = await b.interact(u, { ...interaction, token: b.discord.issueInteractionToken() });
      return [first, second];
    },
    async makeCustomer(user) {
      await b.say(uid(user), 'help');
      await makeCustomerOf(b.app.store, { platform: 'discord', workspace: '', externalId: uid(user) });
    },
    // `/bot file:<attachment>` (with `text:` when there is any).
    sayWithFile: (user, text, file) => b.say(uid(user), text, { file }),
    storeFile: async (bytes) => (await b.app.files.put(bytes)).key,
    async pushFiles(user, reply) {
      // Attachments of the DM (multipart files[n]).
      const before = b.discord.attachments.length;
      await b.app.discord?.push({ workspace: '', externalId: uid(user), locale: 'ja' }, reply);
      return b.discord.attachments.slice(before).map((a) => a.bytes);
    },
    async push(user, reply) {
      const before = b.discord.messages.length;
      await b.app.discord?.push({ workspace: '', externalId: uid(user), locale: 'ja' }, reply);
      return discordSeen(b.discord.messages.slice(before) as unknown as Record<string, unknown>[]).text;
    },
  };
}

adapterContract('discord', discordHarness);

describe('Discord interactions endpoint', () => {
  it('answers PING with PONG', async () => {
    const res = await b.post(
      JSON.stringify({ id: snowflake(), type: 1, application_id: DISCORD_APP, token: 't', version: 1 }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ type: 1 });
  });

  it('refuses a bad or missing signature with 401 and runs nothing', async () => {
    const body = JSON.stringify({
      id: snowflake(),
      type: 2,
      token: 'x',
      user: { id: uid('intruder') },
      data: { name: 'bot', options: [{ type: 3, name: 'text', value: 'help' }] },
    });
    expect((await b.post(body, { signature: '00'.repeat(64) })).status).toBe(401);
    expect((await b.post(body, { signature: null })).status).toBe(401);
    // Signed for another timestamp than the one sent (a replayed signature).
    expect((await b.post(body, { timestamp: '1700000000', signedAt: '1700000001' })).status).toBe(401);
    expect(
      await b.app.store.users.findByIdentity({
        platform: 'discord',
        workspace: '',
        externalId: uid('intruder'),
      }),
    ).toBeNull();
  });

  it('defers a command whose work takes 5 s, then follows up with the answer', async () => {
    const original = b.app.bot.handle.bind(b.app.bot);
    b.app.bot.handle = async (event) => {
      await new Promise((r) => setTimeout(r, 5000));
      return original(event);
    };
    try {
      const started = performance.now();
      const seen = await b.say(uid('slow'), 'ヘルプ');
      expect(seen.response.type).toBe(5);
      expect(seen.text).toContain('ご利用いただけるコマンド');
      expect(performance.now() - started).toBeGreaterThan(4000);
    } finally {
      b.app.bot.handle = original;
    }
  }, 20_000);

  it('answers a job card in Components V2, ephemeral in a server, also after a deferral', async () => {
    const staff = uid('v2-poster');
    await b.asUser(staff, ['staff'], { name: '伊藤' });
    const posted = await b.say(staff, '求人登録 校正作業 / 5,000円 / 1');
    const jobId = Number(/募集案件 #(\d+)/.exec(posted.text)?.[1]);
    const reader = uid('v2-reader');
    await b.say(reader, 'help');
    // At once: the response carries EPHEMERAL and IS_COMPONENTS_V2 together.
    const now = await b.command(reader, 'work', 'job', String(jobId), { guild: true });
    expect(now.response).toMatchObject({ type: 4, data: { flags: 64 | 32768 } });
    expect(now.text).toContain('校正作業');
    expect(now.buttons.map((x) => x.label)).toContain('応募する');
    // Deferred: the deferral may carry only EPHEMERAL; the @original edit sets IS_COMPONENTS_V2.
    const original = b.app.bot.handle.bind(b.app.bot);
    b.app.bot.handle = async (event) => {
      await new Promise((r) => setTimeout(r, 2500));
      return original(event);
    };
    try {
      const late = await b.command(reader, 'work', 'job', String(jobId), { guild: true });
      expect(late.response).toEqual({ type: 5, data: { flags: 64 } });
      expect(late.messages[0]).toMatchObject({ original: true, flags: 32768 });
      expect(late.messages[0]).not.toHaveProperty('content');
      expect(late.text).toBe(now.text);
      expect(late.buttons.map((x) => x.label)).toEqual(now.buttons.map((x) => x.label));
    } finally {
      b.app.bot.handle = original;
    }
    expect(b.discord.violations).toEqual([]);
  }, 20_000);

  it('answers `/bot` with nothing to say with the home view, and a subcommand of /market2 like any other', async () => {
    const seen = await b.say(uid('home-discord'), '');
    expect(seen.text).toContain('さんのホームです。');
    expect(seen.text).toContain('今すぐご対応いただくことはありません。');
    const later = applicationCommands(commandGroups).find((c) => c.name === 'market2');
    const sub = later?.options[0]?.name ?? '';
    expect(sub).not.toBe('');
    const ran = await b.command(uid('home-discord'), 'market2', sub, undefined);
    expect(ran.text).not.toContain('見つかりませんでした');
  });

  it('keeps answers in a server private to the caller (ephemeral)', async () => {
    const seen = await b.command(uid('in-guild'), 'account', 'help', undefined, { guild: true });
    expect(seen.response.type).toBe(4);
    expect((seen.response.data as { flags?: number }).flags).toBe(64);
  });
});

describe('Discord commands', () => {
  it('generates slash commands from the registry within Discord’s limits', () => {
    const commands = applicationCommands(commandGroups);
    // A group of more than 25 continues in a second command (/market2).
    expect(commands.map((c) => c.name)).toEqual([
      'work',
      'staff',
      'support',
      'market',
      'market2',
      'account',
      'bot',
    ]);
    for (const c of commands) {
      expect(commandSize(c)).toBeLessThanOrEqual(8000);
      expect(c.options.length).toBeLessThanOrEqual(25);
    }
    const names = commands.flatMap((c) => c.options.map((o) => o.name));
    for (const command of Object.values(commandGroups).flat()) expect(names).toContain(command.name);
  });

  it('runs a subcommand with its arguments, and offers job ids as you type', async () => {
    const staff = uid('job-poster');
    await b.asUser(staff, ['staff'], { name: '佐藤' });
    const posted = await b.say(staff, '求人登録 データ入力 / 9,000円 / 2 / 2026-12-24');
    const jobId = Number(/募集案件 #(\d+)/.exec(posted.text)?.[1]);
    expect(jobId).toBeGreaterThan(0);
    const detail = await b.command(uid('job-reader'), 'work', 'job', String(jobId));
    expect(detail.text).toContain('データ入力');
    const res = await b.post(
      JSON.stringify({
        id: snowflake(),
        type: 4,
        application_id: '1100000000000000001',
        token: 'auto',
        user: { id: uid('job-reader') },
        data: {
          name: 'work',
          options: [
            { type: 1, name: 'apply', options: [{ type: 3, name: 'args', value: 'データ', focused: true }] },
          ],
        },
      }),
    );
    const body = (await res.json()) as { type: number; data: { choices: { name: string; value: string }[] } };
    expect(body.type).toBe(8);
    expect(body.data.choices).toContainEqual({ name: `#${jobId} データ入力`, value: String(jobId) });
  });

  it('opens the apply flow as a modal and submits it', async () => {
    const staff = uid('modal-staff');
    await b.asUser(staff, ['staff'], { name: '高橋' });
    const posted = await b.say(staff, '求人登録 翻訳チェック / 15,000円 / 1');
    const jobId = Number(/募集案件 #(\d+)/.exec(posted.text)?.[1]);
    const worker = uid('modal-worker');
    await b.say(worker, 'help');
    const card = await b.command(worker, 'work', 'job', String(jobId));
    const modal = await b.pressLabel(worker, '応募する');
    expect(modal.response.type).toBe(9);
    const data = modal.response.data as {
      custom_id: string;
      title: string;
      // Labels (type 18) around their input; the submission below uses the older action-row shape.
      components: { type: number; component: { custom_id: string } }[];
    };
    expect(data.custom_id.length).toBeLessThanOrEqual(100);
    expect(data.title.length).toBeLessThanOrEqual(45);
    expect(card.text).toContain('翻訳チェック');
    expect(data.components[0]?.type).toBe(18);
    const field = data.components[0]?.component.custom_id ?? '';
    const done = await b.submitModal(worker, data.custom_id, { [field]: '英日翻訳の経験が5年あります' });
    expect(done.text).toContain(`募集案件 #${jobId} 翻訳チェック に応募しました`);
  });
});

describe('teams in Discord', () => {
  it('create → bind a channel → invite → join from the DM button → news in the channel', async () => {
    const owner = uid('team-owner');
    const member = uid('team-member');
    await b.asUser(owner, ['worker'], { name: '山田' });
    const memberId = await b.asUser(member, ['worker'], { name: '加藤' });
    expect(
      (await b.say(owner, 'チーム作成 design-lab 「デザイン 研究会」 週末に活動しています')).text,
    ).toContain('を作成しました');
    const channel = '1600000000000000001';
    const bound = await b.command(owner, 'market', 'team-discord', `design-lab ${channel}`, {
      guild: true,
      channel,
    });
    expect(bound.text).toContain(channel);
    await b.say(owner, `チーム招待 design-lab ${memberId} ぜひご参加ください`);

    // The invitation reaches the member by DM, with a button to join.
    await b.discord.waitFor(
      () => b.discord.messages.some((m) => JSON.stringify(m).includes('への招待が届きました')),
      8000,
    );
    const dm = b.discord.messages.filter((m) => JSON.stringify(m).includes('への招待が届きました')).at(-1);
    const join = discordSeen([dm as unknown as Record<string, unknown>]).buttons.find(
      (x) => x.label === '参加する',
    );
    expect(join).toBeDefined();
    const joined = await b.interact(member, {
      id: snowflake(),
      application_id: '1100000000000000001',
      type: 3,
      token: b.discord.issueInteractionToken(),
      version: 1,
      channel_id: dm?.channel_id,
      user: { id: member, username: 'kato' },
      data: { custom_id: join?.custom_id, component_type: 2 },
    });
    expect(joined.text).toContain('デザイン 研究会');

    // Team news in the bound channel, once.
    await b.discord.waitFor(
      () =>
        b.discord
          .messagesIn(channel)
          .some((m) => (m.content ?? '').includes('加藤さんがチーム「デザイン 研究会」に参加しました')),
      8000,
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(
      b.discord.messagesIn(channel).filter((m) => (m.content ?? '').includes('参加しました')),
    ).toHaveLength(1);
    // A job that fits a member's skills is news too; one that fits nobody's is not.
    expect((await b.say(member, 'スキル 翻訳:4:5')).text).not.toBe('');
    const staffId = await b.asUser(uid('team-news-staff'), ['staff'], { name: '事務局' });
    const staff = { userId: staffId, roles: ['staff' as const], companyId: null };
    const fits = await b.app.domain.jobs.post(staff, {
      title: '契約書の翻訳',
      reward: { type: 'fixed', yen: 30000 },
      skills: ['翻訳'],
      status: 'open',
    });
    await b.app.domain.jobs.post(staff, {
      title: '倉庫の棚卸し',
      reward: { type: 'fixed', yen: 8000 },
      skills: ['体力'],
      status: 'open',
    });
    await b.discord.waitFor(
      () =>
        b.discord.messagesIn(channel).some((m) => (m.content ?? '').includes(`#${fits.job.id} 契約書の翻訳`)),
      8000,
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(b.discord.messagesIn(channel).some((m) => (m.content ?? '').includes('倉庫の棚卸し'))).toBe(false);
    // Never anyone's money: no yen amounts in team news.
    expect(b.discord.messagesIn(channel).some((m) => /円/.test(m.content ?? ''))).toBe(false);
  });
});

describe('a conversation between Discord and LINE', () => {
  it('delivers each side’s messages on the other’s own platform', async () => {
    const d = uid('market-discord');
    const dUser = await b.asUser(d, ['client'], { name: 'ディスコ株式会社' });
    await b.lineUser.follow('market-line', { displayName: '花子', language: 'ja' });
    const lineUser = await b.app.store.users.findByIdentity({
      platform: 'line',
      workspace: '',
      externalId: lineUserId('market-line'),
    });
    expect(lineUser).not.toBeNull();

    await b.say(d, `メッセージ ${lineUser?.id} はじめまして、案件のご相談です`);
    // On LINE, by push.
    const to = lineUserId('market-line');
    await b.line.waitFor(
      () =>
        b.line.delivered.some((x) => x.to === to && JSON.stringify(x.messages).includes('案件のご相談です')),
      8000,
    );
    const pushed = b.line.delivered
      .filter((x) => x.to === to && JSON.stringify(x.messages).includes('案件のご相談です'))
      .at(-1);
    expect(seenIn(pushed?.messages ?? []).text).toContain('ディスコ株式会社さんからメッセージが届きました');

    // The LINE user opens the conversation from the push's button, and answers in it.
    const open = seenIn(pushed?.messages ?? []).buttons.find((x) => x.label === '会話を開く');
    expect(open).toBeDefined();
    const opened = await b.lineUser.send('market-line', [
      b.lineUser.event('market-line', { type: 'postback', postback: { data: open?.data } }),
    ]);
    expect(opened.text).toContain('はじめまして、案件のご相談です');
    const db = new pg.Client({ connectionString: b.schema.url });
    await db.connect();
    const { rows } = await db.query('select id from conversations order by id desc limit 1');
    await db.end();
    const conversation = Number(rows[0]?.id);
    await b.lineUser.say('market-line', `送信 ${conversation} ありがとうございます。詳しく伺えますか`);
    await b.discord.waitFor(
      () => b.discord.messages.some((m) => JSON.stringify(m).includes('詳しく伺えますか')),
      8000,
    );
    const dm = b.discord.messages.filter((m) => JSON.stringify(m).includes('詳しく伺えますか')).at(-1);
    expect(dm?.channel_id).toBe(b.discord.dmChannels.get(d));
    expect(dUser).toBeGreaterThan(0);
  });
});

describe('Discord notifications', () => {
  it('treats a user who does not accept DMs as unreachable (no retries), and waits out a 429', async () => {
    const blocked = uid('no-dms');
    b.discord.blockDms(blocked);
    await expect(
      b.app.discord?.push(
        { workspace: '', externalId: blocked, locale: 'ja' },
        { blocks: [{ type: 'text', text: 'x' }] },
      ),
    ).rejects.toMatchObject({ code: 'discord_unreachable' });

    const patient = uid('patient');
    await b.app.discord?.push(
      { workspace: '', externalId: patient, locale: 'ja' },
      { blocks: [{ type: 'text', text: '準備' }] },
    );
    b.discord.failNext('POST /channels/:id/messages', 1, 429);
    await b.app.discord?.push(
      { workspace: '', externalId: patient, locale: 'ja' },
      { blocks: [{ type: 'text', text: '再送されたお知らせ' }] },
    );
    expect(
      b.discord
        .messagesIn(b.discord.dmChannels.get(patient) ?? '')
        .some((m) => m.content === '再送されたお知らせ'),
    ).toBe(true);
    expect(b.discord.calls.some((c) => c.status === 429)).toBe(true);
  });
});

describe('Discord rendering', () => {
  // Classic rendering (the same reply in Components V2: discord-render-v2.test.ts).
  it('keeps a long reply within Discord’s limits by splitting it into messages', () => {
    const reply: Reply = {
      blocks: [
        { type: 'text', text: '長い文章です。'.repeat(700) },
        ...Array.from({ length: 14 }, (_, i) => ({
          type: 'card' as const,
          title: `カード ${i}`,
          body: '説明'.repeat(300),
          fields: Array.from({ length: 30 }, (_, j) => ({ label: `項目${j}`, value: '値'.repeat(20) })),
          buttons: [{ label: `ボタン ${i}`, payload: `b ${i}` }],
        })),
      ],
      quickReplies: Array.from({ length: 20 }, (_, i) => ({ label: `候補${i}`, payload: `q ${i}` })),
    };
    const messages = renderClassicMessages(reply);
    const ids = new Set<string>();
    for (const m of messages) {
      expect((m.content ?? '').length).toBeLessThanOrEqual(2000);
      expect((m.embeds ?? []).length).toBeLessThanOrEqual(10);
      let total = 0;
      for (const e of m.embeds ?? []) {
        expect((e.fields ?? []).length).toBeLessThanOrEqual(25);
        total +=
          (e.title?.length ?? 0) +
          (e.description?.length ?? 0) +
          (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
      }
      expect(total).toBeLessThanOrEqual(6000);
      expect((m.components ?? []).length).toBeLessThanOrEqual(5);
      for (const row of m.components ?? []) {
        expect(row.components.length).toBeLessThanOrEqual(5);
        for (const c of row.components) ids.add(c.custom_id);
      }
    }
    expect(ids.size).toBe(14 + 20);
  });
});

describe('limits', () => {
  it('no request of this file broke a documented Discord or LINE limit', () => {
    expect(b.discord.violations).toEqual([]);
    expect(b.line.violations).toEqual([]);
  });
});
