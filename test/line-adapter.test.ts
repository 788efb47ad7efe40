/**
 * The LINE adapter through signed webhooks against the fake LINE API: the adapter contract, the
 * webhook rules (signature, shape, redelivery), reply token versus push, retry keys, 429s, files,
 * follow/unfollow, group chats — and, at the end, that no request of the whole file broke a limit.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LineClient, retryKeyFor } from '../adapters/line/client.ts';
import type { LineJob } from '../adapters/line/index.ts';
import { withLinks } from '../src/chat/bot.ts';
import type { Reply } from '../src/chat/types.ts';
import { type AdapterHarness, adapterContract } from './contract/adapter-contract.ts';
import { makeCustomerOf } from './contract/customer.ts';
import { LINE_TOKEN, type LineBench, lineUserId, openLineBench, sign } from './helpers/line.ts';

let b: LineBench;

beforeAll(async () => {
  b = await openLineBench('lineadapter', {
    app: { loadingAfterMs: 60_000 },
    env: { PUBLIC_URL: 'https://line.example.test' },
  });
});
afterAll(async () => {
  await b?.close();
});

const pushes = () => b.fake.calls.filter((c) => c.path === '/v2/bot/message/push');
const replies = () => b.fake.calls.filter((c) => c.path === '/v2/bot/message/reply');

function lineHarness(): AdapterHarness {
  return {
    say: (user, text) => b.say(user, text),
    tap: (user, payload) => b.tap(user, payload),
    async sayTwice(user, text) {
      const event = b.event(user, {
        message: { id: `m-${Math.random().toString(36).slice(2)}`, type: 'text', text },
      });
      const first = await b.send(user, [event]);
      // LINE's redelivery: the identical event again, flagged as such.
      const again = { ...event, deliveryContext: { isRedelivery: true } };
      const second = await b.send(user, [again]);
      return [first, second];
    },
    async makeCustomer(user) {
      await b.say(user, 'help');
      await makeCustomerOf(b.app.store, { platform: 'line', workspace: '', externalId: lineUserId(user) });
    },
    async sayWithFile(user, text, file) {
      if (text !== '') await b.say(user, text);
      return b.sendFile(user, file);
    },
    storeFile: async (bytes) => (await b.app.files.put(bytes)).key,
    async pushFiles(user, reply) {
      // LINE gets images and download cards over signed HTTPS links, which it then fetches.
      const person = await b.app.store.users.findByIdentity({
        platform: 'line',
        workspace: '',
        externalId: lineUserId(user),
      });
      const before = b.fake.delivered.length;
      await b.app.line?.push(
        { workspace: '', externalId: lineUserId(user), locale: 'ja' },
        withLinks(reply, person?.id ?? 0, b.app.links),
      );
      const links =
        JSON.stringify(b.fake.delivered.slice(before)).match(
          /https:\/\/line\.example\.test\/files\/[\w.-]+/g,
        ) ?? [];
      // An image message names its link twice (original and preview): each file once.
      return Promise.all(
        [...new Set(links)].map(async (link) => {
          const res = await fetch(`${b.url}${new URL(link).pathname}`);
          return Buffer.from(await res.arrayBuffer());
        }),
      );
    },
    async push(user, reply) {
      const before = b.fake.delivered.length;
      await b.app.line?.push({ workspace: '', externalId: lineUserId(user), locale: 'ja' }, reply);
      return b.fake.delivered
        .slice(before)
        .flatMap((d) => d.messages)
        .map((m: { text?: string }) => m.text ?? '')
        .join('\n');
    },
  };
}

adapterContract('line', lineHarness);

describe('LINE webhook', () => {
  const body = () =>
    JSON.stringify({
      destination: 'Ubot',
      events: [b.event('wh-user', { message: { id: 'm1', type: 'text', text: 'help' } })],
    });

  it('refuses a missing or wrong signature with 401 and processes nothing', async () => {
    const before = b.fake.calls.length;
    const raw = body();
    expect((await b.post(raw, null)).status).toBe(401);
    expect((await b.post(raw, sign(raw, 'another-secret'))).status).toBe(401);
    expect((await b.post(raw, 'not base64 at all')).status).toBe(401);
    // A body changed after signing (one byte) is refused too.
    expect((await b.post(raw.replace('help', 'hel p'), sign(raw))).status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(b.fake.calls.length).toBe(before);
    expect(
      await b.app.store.users.findByIdentity({
        platform: 'line',
        workspace: '',
        externalId: lineUserId('wh-user'),
      }),
    ).toBeNull();
  });

  it('answers 400 to a signed body that is not the documented JSON, without a stack trace', async () => {
    for (const raw of ['{"events": [', '{"events": "x"}', '{"events":[{"type":"message"}]}', '[]']) {
      const res = await b.post(raw);
      expect(res.status).toBe(400);
      const text = await res.text();
      expect(text).not.toMatch(/at .*\.ts/);
    }
  });

  it('acknowledges LINE’s verification request (no events)', async () => {
    const res = await b.post(JSON.stringify({ destination: 'Ubot', events: [] }));
    expect(res.status).toBe(200);
  });

  it('processes an event repeated in one request and redelivered later exactly once', async () => {
    const event = b.event('dup-user', { message: { id: 'm2', type: 'text', text: 'help' } });
    const seen = await b.send('dup-user', [event, event]);
    expect(seen.text).toContain('ご利用いただけるコマンド');
    const again = await b.send('dup-user', [{ ...event, deliveryContext: { isRedelivery: true } }]);
    expect(again.messages).toEqual([]);
    const toUser = b.fake.delivered.filter((d) => d.to === lineUserId('dup-user'));
    expect(toUser).toHaveLength(1);
  });
});

describe('LINE replies', () => {
  it('answers with the reply token once, then pushes what does not fit in five messages', async () => {
    const user = 'long-user';
    await b.say(user, 'help');
    const event = b.event(user, { message: { id: 'm3', type: 'text', text: 'help' } });
    const token = event.replyToken as string;
    const before = { replies: replies().length, pushes: pushes().length };
    await b.send(user, [event]);
    const used = replies()
      .slice(before.replies)
      .filter((c) => (c.body as { replyToken: string }).replyToken === token);
    expect(used).toHaveLength(1);
    expect(used[0]?.status).toBe(200);
    expect(pushes().length).toBe(before.pushes);
  });

  it('pushes instead once the reply token is older than LINE allows (injected clock)', async () => {
    const user = 'late-user';
    await b.say(user, 'help');
    const event = b.event(user, { message: { id: 'm4', type: 'text', text: 'ヘルプ' } });
    const receivedAt = b.clock().getTime();
    b.clock.advance(61_000);
    const before = { replies: replies().length, pushes: pushes().length };
    await b.app.line?.process({ event, receivedAt } as LineJob);
    expect(replies().length).toBe(before.replies);
    const pushed = pushes().slice(before.pushes);
    expect(pushed).toHaveLength(1);
    expect(pushed[0]?.headers['x-line-retry-key']).toBe(retryKeyFor(`reply:${event.webhookEventId}:0`));
    expect(JSON.stringify(pushed[0]?.body)).toContain('ご利用いただけるコマンド');
  });

  it('falls back to push when LINE refuses a reply token it considers used', async () => {
    const user = 'used-token';
    await b.say(user, 'help');
    const event = b.event(user, { message: { id: 'm5', type: 'text', text: 'help' } });
    // Another event already spent this token.
    const spent = await fetch(`${b.fake.url}/v2/bot/message/reply`, {
      method: 'POST',
      headers: { authorization: `Bearer ${LINE_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ replyToken: event.replyToken, messages: [{ type: 'text', text: 'x' }] }),
    });
    expect(spent.status).toBe(200);
    const seen = await b.send(user, [event]);
    expect(seen.text).toContain('ご利用いただけるコマンド');
    expect(b.fake.delivered.filter((d) => d.to === lineUserId(user)).at(-1)?.via).toBe('push');
  });

  it('splits a reply larger than LINE’s limits into several messages and calls', async () => {
    const big: Reply = {
      blocks: [
        { type: 'text', text: `${'長い本文です。'.repeat(900)}\n\n${'改行のあとも続きます。'.repeat(200)}` },
        {
          type: 'list',
          title: '一覧',
          items: Array.from({ length: 100 }, (_, i) => ({
            title: `項目 ${i + 1}`,
            description: '説明'.repeat(30),
            button: { label: `とても長いボタンのラベル その${i + 1}`, payload: `job ${i + 1}` },
          })),
        },
        ...Array.from({ length: 15 }, (_, i) => ({
          type: 'card' as const,
          title: `カード ${i + 1}`,
          fields: [{ label: '報酬', value: '12,000円' }],
          buttons: Array.from({ length: 8 }, (_, j) => ({ label: `ボタン${j}`, payload: `x ${i} ${j}` })),
        })),
      ],
      quickReplies: Array.from({ length: 20 }, (_, i) => ({ label: `候補${i + 1}`, payload: `q ${i}` })),
    };
    const user = 'big-user';
    await b.say(user, 'help');
    const before = b.fake.delivered.length;
    await b.app.line?.push({ workspace: '', externalId: lineUserId(user), locale: 'ja' }, big, {
      key: 'big-1',
    });
    const sent = b.fake.delivered.slice(before);
    expect(sent.length).toBeGreaterThan(1);
    for (const d of sent) expect(d.messages.length).toBeLessThanOrEqual(5);
    const all = sent.flatMap((d) => d.messages);
    const text = JSON.stringify(all);
    expect(text).toContain('項目 100');
    expect(text).toContain('カード 15');
    expect(text).toContain('候補20');
    expect(all.at(-1).quickReply.items).toHaveLength(13);
    expect(b.fake.violations).toEqual([]);
  });
});

describe('LINE push and multicast', () => {
  it('reuses the retry key when a push is retried, and counts a 409 as delivered', async () => {
    const to = lineUserId('retry-user');
    b.fake.failNext('/v2/bot/message/push', 1, 500);
    const before = pushes().length;
    const reply: Reply = { blocks: [{ type: 'text', text: '応募 #7 が採用されました。' }] };
    await b.app.line?.push({ workspace: '', externalId: to, locale: 'ja' }, reply, { key: 'outbox-7' });
    const tries = pushes().slice(before);
    expect(tries.map((c) => c.status)).toEqual([500, 200]);
    expect(tries[0]?.headers['x-line-retry-key']).toBe(tries[1]?.headers['x-line-retry-key']);
    // The whole job runs again (a worker died after LINE accepted): 409, nothing shown twice.
    await b.app.line?.push({ workspace: '', externalId: to, locale: 'ja' }, reply, { key: 'outbox-7' });
    expect(pushes().at(-1)?.status).toBe(409);
    expect(b.fake.delivered.filter((d) => d.to === to)).toHaveLength(1);
  });

  it('retries a 429 rate limit with backoff and does not retry the monthly limit', async () => {
    const client = new LineClient({
      channelAccessToken: LINE_TOKEN,
      apiUrl: b.fake.url,
      dataApiUrl: b.fake.url,
      attempts: 8,
      backoffMs: () => 150,
    });
    b.fake.setRates({ default: 10 });
    try {
      const ids = Array.from({ length: 15 }, (_, i) => lineUserId(`rate-${i}`));
      await Promise.all(
        ids.map((to, i) => client.push(to, [{ type: 'text', text: `${i}` }], retryKeyFor(`rate-${i}`))),
      );
      expect(pushes().some((c) => c.status === 429)).toBe(true);
      for (const to of ids) expect(b.fake.delivered.filter((d) => d.to === to)).toHaveLength(1);
    } finally {
      b.fake.setRates({ default: 2000 });
    }

    const quota = await openLineBench('linequota', { fake: { monthlyLimit: 0 } });
    try {
      const before = quota.fake.calls.length;
      await expect(
        quota.app.line?.push(
          { workspace: '', externalId: lineUserId('q'), locale: 'ja' },
          {
            blocks: [{ type: 'text', text: 'x' }],
          },
        ),
      ).rejects.toMatchObject({ code: 'line_monthly_limit' });
      expect(quota.fake.calls.length - before).toBe(1);

      // Through the notification path: the receipt says why, and the job is not retried.
      await quota.follow('quota-user');
      const key = { platform: 'line' as const, workspace: '', externalId: lineUserId('quota-user') };
      const user = await quota.app.store.users.findByIdentity(key);
      await quota.app.store.uow.run(async (tx) => {
        // A notice's push shows the notice itself, so the notice must exist.
        const notice = await tx.work.notices.insert({
          kind: 'personal',
          title: '月末のお知らせ',
          body: '',
          userId: user?.id ?? 0,
        });
        await tx.notify({
          type: 'notice.published',
          recipientUserId: user?.id ?? 0,
          payload: { title: notice.title, noticeId: notice.id, kind: notice.kind },
          dedupeKey: `quota-${Math.random()}`,
        });
      });
      const db = new pg.Client({ connectionString: quota.schema.url });
      await db.connect();
      const { rows } = await db.query('select id from outbox where recipient_user_id = $1', [user?.id]);
      await db.end();
      const outboxId = Number(rows[0]?.id);
      await quota.app.notifications.relayOnce();
      const receipt = () => quota.app.store.notifications.getReceipt(outboxId);
      for (let i = 0; i < 200 && (await receipt())?.status !== 'failed'; i++) {
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(await receipt()).toMatchObject({ status: 'failed', reason: 'line_monthly_limit', attempts: 1 });
    } finally {
      await quota.close();
    }
  });

  it('multicasts to 1,200 users in calls of at most 500, each with its own retry key', async () => {
    const ids = Array.from({ length: 1200 }, (_, i) => lineUserId(`many-${i}`));
    const before = b.fake.calls.length;
    await b.app.line?.multicast(
      ids,
      { blocks: [{ type: 'text', text: '新着の募集案件があります。' }] },
      'ja',
      'notice-1',
    );
    const calls = b.fake.calls.slice(before).filter((c) => c.path === '/v2/bot/message/multicast');
    expect(calls.map((c) => (c.body as { to: string[] }).to.length)).toEqual([500, 500, 200]);
    expect(new Set(calls.map((c) => c.headers['x-line-retry-key'])).size).toBe(3);
    expect(new Set(b.fake.delivered.filter((d) => d.via === 'multicast').map((d) => d.to)).size).toBe(1200);
  });
});

describe('LINE events', () => {
  it('greets by their LINE name someone who writes before any follow event, and takes a new name on a re-follow', async () => {
    b.fake.setProfile(lineUserId('no-follow-sato'), { displayName: '佐藤', language: 'ja' });
    const first = await b.say('no-follow-sato', 'ヘルプ');
    expect(first.text).toContain('佐藤さん、はじめまして');
    expect(first.text).not.toContain(lineUserId('no-follow-sato'));

    await b.follow('renamed-friend', { displayName: '旧姓 花子', language: 'ja' });
    await b.follow('renamed-friend', { displayName: '新姓 花子', language: 'ja' });
    const user = await b.app.store.users.findByIdentity({
      platform: 'line',
      workspace: '',
      externalId: lineUserId('renamed-friend'),
    });
    expect(user?.displayName).toBe('新姓 花子');
  });

  it('takes a name changed in LINE (which sends no event) when the person writes a day later', async () => {
    const key = { platform: 'line' as const, workspace: '', externalId: lineUserId('daily-name') };
    b.fake.setProfile(key.externalId, { displayName: '田中 一郎', language: 'ja' });
    await b.say('daily-name', 'ヘルプ');
    b.fake.setProfile(key.externalId, { displayName: '田中 一朗', language: 'ja' });
    // Within the day: the name this process read stays.
    await b.say('daily-name', 'ヘルプ');
    await new Promise((r) => setTimeout(r, 100));
    expect((await b.app.store.users.findByIdentity(key))?.displayName).toBe('田中 一郎');
    // A day later, the next message reads the profile again (after the answer) and takes the new name.
    b.clock.advance(25 * 3600 * 1000);
    await b.say('daily-name', 'ヘルプ');
    for (let i = 0; i < 50; i++) {
      if ((await b.app.store.users.findByIdentity(key))?.displayName === '田中 一朗') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect((await b.app.store.users.findByIdentity(key))?.displayName).toBe('田中 一朗');
  });

  it('welcomes a new friend by name in their LINE language, and stops pushing after unfollow', async () => {
    const seen = await b.follow('friend', { displayName: 'Alex', language: 'en' });
    expect(seen.text).toContain('Hello Alex, welcome!');
    // The first reply is their home view: what needs them now, with the next steps as buttons.
    expect(seen.text).toContain('Home for Alex.');
    expect(seen.text).toContain('Nothing needs you right now.');
    const key = { platform: 'line' as const, workspace: '', externalId: lineUserId('friend') };
    const user = await b.app.store.users.findByIdentity(key);
    expect(user?.locale).toBe('en');

    await b.send('friend', [b.event('friend', { type: 'unfollow' }, { replyToken: null })]);
    const recipients = await b.app.store.notifications.recipients([user?.id ?? 0]);
    expect(recipients.get(user?.id ?? 0)?.targets[0]?.reachable).toBe(false);

    // Following again makes them reachable again, and shows the home view (no second welcome).
    const back = await b.follow('friend', { displayName: 'Alex', language: 'en' });
    expect(back.text).not.toContain('welcome');
    expect(back.text).toContain('Home for Alex.');
    const again = await b.app.store.notifications.recipients([user?.id ?? 0]);
    expect(again.get(user?.id ?? 0)?.targets[0]?.reachable).toBe(true);
  });

  it('explains in a group that it works one to one, and ignores ordinary group talk', async () => {
    const group = { type: 'group', groupId: `C${'0'.repeat(31)}1`, userId: lineUserId('g-user') };
    const before = b.fake.delivered.length;
    const join = b.event('g-user', {
      type: 'join',
      source: { type: 'group', groupId: `C${'0'.repeat(31)}1` },
    });
    const chatter = b.event('g-user', {
      source: group,
      message: { id: 'g1', type: 'text', text: '今日の打ち合わせは15時からです' },
    });
    const command = b.event('g-user', { source: group, message: { id: 'g2', type: 'text', text: '求人' } });
    await b.send('g-user', [join, chatter, command]);
    const toGroup = b.fake.delivered
      .slice(before)
      .filter((d) => d.to === `C${'0'.repeat(31)}1` || d.via === 'reply');
    expect(toGroup).toHaveLength(2);
    expect(JSON.stringify(toGroup[0]?.messages)).toContain('1対1のトーク');
    expect(
      await b.app.store.users.findByIdentity({
        platform: 'line',
        workspace: '',
        externalId: lineUserId('g-user'),
      }),
    ).toBeNull();
  });

  it('stores a file a user sends, and tells them when LINE no longer has it', async () => {
    await b.say('file-user', 'help');
    const gone = b.event('file-user', {
      message: { id: 'expired-content', type: 'image', contentProvider: { type: 'line' } },
    });
    const seen = await b.send('file-user', [gone]);
    expect(seen.text).toContain('ファイルを受け取れませんでした');
  });

  it('answers a sticker with a hint instead of silence', async () => {
    const seen = await b.send('sticker-user', [
      b.event('sticker-user', { message: { id: 's1', type: 'sticker', packageId: '1', stickerId: '1' } }),
    ]);
    expect(seen.text).toContain('このメッセージには対応していません');
  });

  it('shows LINE’s loading animation while a command is slow', async () => {
    const slow = await openLineBench('lineloading', { app: { loadingAfterMs: 0 } });
    try {
      await slow.say('slow-user', 'help');
      const loading = slow.fake.calls.filter((c) => c.path === '/v2/bot/chat/loading/start');
      expect(loading.length).toBeGreaterThan(0);
      expect((loading[0]?.body as { chatId?: string } | undefined)?.chatId).toBe(lineUserId('slow-user'));
    } finally {
      await slow.close();
    }
  });
});

describe('limits', () => {
  it('no request of this file broke a documented LINE limit', () => {
    expect(b.fake.violations).toEqual([]);
    expect(
      b.fake.calls.filter((c) => c.status === 400 && !JSON.stringify(c.body).includes('replyToken')),
    ).toEqual([]);
  });
});
