/**
 * The Slack adapter through signed requests against the fake Slack Web API: the adapter contract,
 * request verification, retries, the 3 s ack, rendering within Block Kit limits, modals.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSlackMessages } from '../adapters/slack/render.ts';
import type { Reply } from '../src/chat/types.ts';
import { type AdapterHarness, adapterContract } from './contract/adapter-contract.ts';
import { makeCustomerOf } from './contract/customer.ts';
import { jpeg } from './helpers/files.ts';
import { openSlackBench, type SlackBench, slackSeen, TEAM } from './helpers/slack.ts';

let b: SlackBench;

beforeAll(async () => {
  b = await openSlackBench('slackadapter');
});
afterAll(async () => {
  await b?.close();
});

const uid = (name: string) => `U${name.replace(/[^a-z0-9]/gi, '').toUpperCase()}`;

function slackHarness(): AdapterHarness {
  return {
    say: (user, text) => b.dm(uid(user), text),
    tap: (user, payload) => b.press(uid(user), payload),
    async sayTwice(user, text) {
      const u = uid(user);
      const { id, body } = b.eventBody({
        type: 'message',
        channel_type: 'im',
        channel: `D${u}`,
        user: u,
        team: TEAM,
        text,
        ts: '1700000000.000001',
      });
      const first = (await b.request(u, id, body, 'json')).seen;
      // Slack's retry of a delivery it thinks failed: the same event_id, with retry headers.
      const second = (
        await b.request(u, id, body, 'json', {
          headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
        })
      ).seen;
      return [first, second];
    },
    async makeCustomer(user) {
      await b.dm(uid(user), 'help');
      await makeCustomerOf(b.app.store, { platform: 'slack', workspace: TEAM, externalId: uid(user) });
    },
    async sayWithFile(user, text, file) {
      const f = b.slack.addFile(Buffer.from(file.content), file.name, file.mime);
      return b.dm(uid(user), text, { subtype: 'file_share', files: [f] });
    },
    storeFile: async (bytes) => (await b.app.files.put(bytes)).key,
    async pushFiles(user, reply) {
      // Uploaded into the person's DM with the bot (files.getUploadURLExternal + completeUploadExternal).
      const before = b.slack.files.length;
      await b.app.slack?.push({ workspace: TEAM, externalId: uid(user), locale: 'ja' }, reply);
      return b.slack.files
        .slice(before)
        .filter((f) => f.completed && f.channel?.startsWith('D'))
        .map((f) => f.bytes);
    },
    async push(user, reply) {
      const before = b.slack.messages.length;
      await b.app.slack?.push({ workspace: TEAM, externalId: uid(user), locale: 'ja' }, reply);
      return slackSeen(b.slack.messages.slice(before)).text;
    },
  };
}

adapterContract('slack', slackHarness);

describe('Slack request verification', () => {
  const command = () =>
    new URLSearchParams({
      team_id: TEAM,
      channel_id: 'DUVERIFY',
      channel_name: 'directmessage',
      user_id: 'UVERIFY',
      command: '/bot',
      text: 'help',
      response_url: b.slack.responseUrl('DUVERIFY', 'UVERIFY'),
      trigger_id: 'trig-verify',
    }).toString();

  it('refuses a bad signature, a missing one and a stale timestamp with 401, and runs nothing', async () => {
    const before = b.slack.calls.length;
    const body = command();
    expect((await b.post(body, 'form', { signature: 'v0=deadbeef' })).status).toBe(401);
    expect((await b.post(body, 'form', { signature: null })).status).toBe(401);
    const sixMinutesAgo = Math.floor(b.clock().getTime() / 1000) - 6 * 60;
    expect((await b.post(body, 'form', { timestamp: sixMinutesAgo })).status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(b.slack.calls.length).toBe(before);
    expect(
      await b.app.store.users.findByIdentity({ platform: 'slack', workspace: TEAM, externalId: 'UVERIFY' }),
    ).toBeNull();
  });

  it('answers the Events API url_verification handshake', async () => {
    const res = await b.post(
      JSON.stringify({ type: 'url_verification', challenge: 'abc123', token: 'x' }),
      'json',
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: 'abc123' });
  });

  it('acks a slash command at once even when the work behind it takes 5 s', async () => {
    const original = b.app.bot.handle.bind(b.app.bot);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let handled = false;
    b.app.bot.handle = async (event) => {
      await Promise.race([gate, new Promise((r) => setTimeout(r, 5000))]);
      const result = await original(event);
      handled = true;
      return result;
    };
    try {
      const started = performance.now();
      const res = await b.post(command().replace('trig-verify', 'trig-slow'), 'form');
      const elapsed = performance.now() - started;
      expect(res.status).toBe(200);
      // The answer came back while the command was still running, well inside Slack's 3 s.
      expect(handled).toBe(false);
      expect(elapsed).toBeLessThan(3000);
    } finally {
      release();
      b.app.bot.handle = original;
    }
  });
});

describe('Slack entry points', () => {
  it('answers a slash command privately through response_url', async () => {
    const seen = await b.slash('USLASH', 'ヘルプ');
    expect(seen.text).toContain('ご利用いただけるコマンド');
    expect(seen.messages.every((m) => m.ephemeral?.user === 'USLASH')).toBe(true);
  });

  it('answers a mention in a channel in a thread under it', async () => {
    const { id, body } = b.eventBody({
      type: 'app_mention',
      channel: 'CGENERAL',
      user: 'UMENTION',
      text: '<@UBOT> ヘルプ',
      ts: '1700000100.000100',
      team: TEAM,
    });
    await b.request('UMENTION', id, body, 'json');
    const replies = b.slack.messagesIn('CGENERAL').filter((m) => m.thread_ts === '1700000100.000100');
    expect(replies.length).toBeGreaterThan(0);
    expect(slackSeen(replies).text).toContain('ご利用いただけるコマンド');
  });

  it('opens a guided flow as a modal from a slash command, shows field errors, and posts the result', async () => {
    const staff = 'UMODALSTAFF';
    await b.asUser(staff, ['staff'], { name: '佐藤' });
    const viewsBefore = b.slack.views.length;
    await b.slash(staff, '求人登録');
    expect(b.slack.views.length).toBe(viewsBefore + 1);
    const view = b.slack.views.at(-1)?.view;
    expect(view.type).toBe('modal');
    const blockIds = (view.blocks as { block_id?: string }[]).map((x) => x.block_id).filter(Boolean);
    expect(blockIds.length).toBeGreaterThan(2);

    const submit = async (values: Record<string, string>) => {
      const state = {
        values: Object.fromEntries(
          blockIds.map((id) => [
            id,
            { value: { type: 'plain_text_input', value: values[id ?? ''] ?? null } },
          ]),
        ),
      };
      const payload = {
        type: 'view_submission',
        team: { id: TEAM },
        user: { id: staff, team_id: TEAM },
        api_app_id: 'AAPP',
        view: { ...view, id: 'V1', hash: `h${Math.random()}`, state },
      };
      const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
      const id = `view:V1:${payload.view.hash}`;
      return b.request(staff, id, body, 'form');
    };
    // Nothing filled in: the form stays open with a reason under the fields.
    const bad = await submit({});
    const errors = (await bad.res.json()) as { response_action: string; errors: Record<string, string> };
    expect(errors.response_action).toBe('errors');
    expect(Object.keys(errors.errors)).toEqual(expect.arrayContaining(['title', 'reward', 'openings']));
    expect(errors.errors.reward).toContain('金額');

    // Filled in: the job is posted and the result comes to the staff member's DM.
    const good = await submit({ title: '商品データ入力', place: '東京都', reward: '8,000円', openings: '2' });
    expect(await good.res.text()).toBe('');
    expect(good.seen.text).toContain('商品データ入力');
    expect(good.seen.text).toContain('を公開しました');
    expect(
      await b.app.store.flows.get(
        (await b.app.store.users.findByIdentity({ platform: 'slack', workspace: TEAM, externalId: staff }))
          ?.id ?? 0,
        new Date(),
      ),
    ).toBeNull();
  });
});

describe('the inquiry flow as a Slack modal', () => {
  it('redraws on a category choice, takes a file, and creates the inquiry', async () => {
    const customer = 'UMODALCUST';
    await b.dm(customer, 'help');
    await b.app.store.uow.run(async (tx) => {
      const company = await tx.companies.insert({
        slug: `m${Math.random().toString(36).slice(2, 9)}`,
        name: '株式会社モーダル',
      });
      await tx.support.stores.insert({
        companyId: company.id,
        name: '本店',
        prefecture: '大阪府',
        region: '近畿',
      });
      const identity = await tx.identities.findOne({
        platform: 'slack',
        workspace: TEAM,
        externalId: customer,
      });
      await tx.users.update(identity?.userId ?? 0, { roles: ['customer'], companyId: company.id });
    });
    await b.slash(customer, '問い合わせ');
    const opened = b.slack.views.at(-1);
    // Slack hands back the view with a hash; an update must quote it (or it was changed meanwhile).
    const openCall = b.slack.calls.filter((c) => c.api === 'views.open').at(-1);
    const openedHash = (openCall?.response as { view?: { hash?: string } } | undefined)?.view?.hash ?? '';
    const ids = (v: { blocks: { block_id?: string }[] }) => v.blocks.map((x) => x.block_id).filter(Boolean);
    // No sub-topic until a category is chosen; the store can be typed; files can be attached.
    expect(ids(opened?.view)).toEqual(['category', 'store', 'comment', 'attachments']);
    const category = opened?.view.blocks[0].element.options.find(
      (o: { text: { text: string } }) => o.text.text === '修理',
    );
    expect(category).toBeDefined();

    // Choosing 修理 redraws the form with its sub-topics.
    const state = (values: Record<string, unknown>) => ({ values });
    const viewPayload = (
      values: Record<string, unknown>,
      type: string,
      extra: Record<string, unknown> = {},
    ) => ({
      type,
      team: { id: TEAM },
      user: { id: customer, team_id: TEAM },
      api_app_id: 'AAPP',
      trigger_id: `trig-${Math.random()}`,
      view: { ...opened?.view, id: opened?.id, hash: openedHash, state: state(values) },
      ...extra,
    });
    const chosen = {
      category: { 'form-select': { type: 'static_select', selected_option: { value: category.value } } },
    };
    const select = viewPayload(chosen, 'block_actions', {
      container: { type: 'view', view_id: opened?.id },
      actions: [
        {
          type: 'static_select',
          action_id: 'form-select',
          block_id: 'category',
          selected_option: { value: category.value },
        },
      ],
    });
    const res = await b.post(new URLSearchParams({ payload: JSON.stringify(select) }).toString(), 'form');
    expect(res.status).toBe(200);
    await b.slack.waitFor(() =>
      ids(b.slack.views.find((v) => v.id === opened?.id)?.view).includes('subtopic'),
    );
    const redrawn = b.slack.views.find((v) => v.id === opened?.id)?.view;
    expect(ids(redrawn)).toEqual(['category', 'subtopic', 'store', 'comment', 'attachments']);

    // Submitted with a typed store name and an attached photo.
    const photo = b.slack.addFile(jpeg('modal photo'), 'photo.jpg', 'image/jpeg');
    const submit = viewPayload(
      {
        ...chosen,
        subtopic: { 'form-select': { type: 'static_select', selected_option: null } },
        store: { value: { type: 'plain_text_input', value: '本店' } },
        comment: { value: { type: 'plain_text_input', value: 'アンプの電源が入りません' } },
        attachments: { value: { type: 'file_input', files: [photo] } },
      },
      'view_submission',
    );
    const hash = submit.view.hash;
    const done = await b.request(
      customer,
      `view:${opened?.id}:${hash}`,
      new URLSearchParams({ payload: JSON.stringify(submit) }).toString(),
      'form',
    );
    expect(await done.res.text()).toBe('');
    expect(done.seen.text).toContain('問い合わせを受け付けました(問い合わせID:');
    const id = Number(/問い合わせID:(\d+)/.exec(done.seen.text)?.[1]);
    const attachments = await b.app.store.uow.read((tx) => tx.support.attachmentsOf(id));
    expect(attachments.map((a) => a.name)).toEqual(['photo.jpg']);
    expect((await b.app.files.read(attachments[0]?.storageKey ?? '')).toString()).toBe(
      jpeg('modal photo').toString(),
    );
  });
});

describe('Slack newcomers', () => {
  it('greets a newcomer by the name Slack knows, in their Slack language, not by their raw id', async () => {
    b.slack.users.set('UNEWHANAKO', {
      id: 'UNEWHANAKO',
      name: '花子',
      real_name: '山田 花子',
      locale: 'ja-JP',
    });
    const ja = await b.dm('UNEWHANAKO', 'help');
    expect(ja.text).toContain('花子さん、はじめまして');
    expect(ja.text).not.toContain('UNEWHANAKO');
    b.slack.users.set('UNEWALICE', {
      id: 'UNEWALICE',
      name: 'alice',
      real_name: 'Alice Smith',
      locale: 'en-US',
    });
    const en = await b.dm('UNEWALICE', 'help');
    expect(en.text).toMatch(/alice/);
    expect(en.text).toContain('Commands you can use');
    // Slack unreachable for the look-up: still registered and answered, by id.
    const unknown = await b.dm('UNEWNOBODY', 'help');
    expect(unknown.text).toContain('UNEWNOBODYさん、はじめまして');
    const user = await b.app.store.users.findByIdentity({
      platform: 'slack',
      workspace: TEAM,
      externalId: 'UNEWHANAKO',
    });
    expect(user?.displayName).toBe('花子');

    // They change their name in Slack: the bot follows (user_change).
    const { id, body } = b.eventBody({
      type: 'user_change',
      user: {
        id: 'UNEWHANAKO',
        team_id: TEAM,
        name: 'hanako',
        profile: { display_name: '春子', real_name: '山田 春子' },
      },
    });
    await b.request('UNEWHANAKO', id, body, 'json');
    const renamed = await b.app.store.users.findByIdentity({
      platform: 'slack',
      workspace: TEAM,
      externalId: 'UNEWHANAKO',
    });
    expect(renamed?.displayName).toBe('春子');
  });
});

describe('Slack rendering', () => {
  it('keeps a long reply within Block Kit limits by splitting it into messages and sections', () => {
    const reply: Reply = {
      blocks: [
        { type: 'text', text: `${'長い説明です。'.repeat(1000)}` },
        {
          type: 'card',
          title: 'カード',
          fields: Array.from({ length: 23 }, (_, i) => ({ label: `項目${i}`, value: '値' })),
          buttons: Array.from({ length: 30 }, (_, i) => ({ label: `ボタン${i}`, payload: `x ${i}` })),
        },
        {
          type: 'list',
          title: '一覧',
          items: Array.from({ length: 80 }, (_, i) => ({
            title: `行 ${i}`,
            button: { label: '開く', payload: `o ${i}` },
          })),
        },
      ],
      quickReplies: [{ label: 'ヘルプ', payload: 'help' }],
    };
    const messages = renderSlackMessages(reply);
    expect(messages.length).toBeGreaterThan(1);
    const values = new Set<string>();
    for (const m of messages) {
      expect(m.blocks.length).toBeLessThanOrEqual(50);
      for (const block of m.blocks) {
        const text = 'text' in block && typeof block.text === 'object' ? (block.text?.text ?? '') : '';
        expect(text.length).toBeLessThanOrEqual(3000);
        expect(('fields' in block ? (block.fields ?? []) : []).length).toBeLessThanOrEqual(10);
        expect(('elements' in block ? block.elements : []).length).toBeLessThanOrEqual(25);
      }
      for (const v of slackSeen([{ channel: 'x', ts: '1', user: 'u', reactions: [], blocks: m.blocks }])
        .payloads)
        values.add(v);
    }
    expect(values.size).toBe(30 + 80 + 1);
  });

  it('escapes &, < and > so user text cannot ping channels or break formatting', () => {
    const [m] = renderSlackMessages({ blocks: [{ type: 'text', text: '<!channel> A&B' }] });
    expect(JSON.stringify(m?.blocks)).toContain('&lt;!channel&gt; A&amp;B');
  });
});

describe('Slack setup', () => {
  it('ships a manifest whose URLs, command, scopes and events match what the adapter handles', async () => {
    const manifest = JSON.parse(
      await readFile(new URL('../adapters/slack/manifest.json', import.meta.url), 'utf8'),
    );
    const urls = [
      manifest.features.slash_commands[0].url,
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
    ];
    for (const url of urls) expect(url).toMatch(/\/slack\/events$/);
    expect(manifest.features.slash_commands[0].command).toBe('/bot');
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(
      expect.arrayContaining([
        'message.im',
        'message.channels',
        'app_mention',
        'reaction_added',
        'user_change',
      ]),
    );
    expect(manifest.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining([
        'chat:write',
        'commands',
        'im:write',
        'files:read',
        'files:write',
        'reactions:write',
        'users:read',
      ]),
    );
  });

  it('waits out a 429 from chat.postMessage and still answers', async () => {
    b.slack.failNext('chat.postMessage', 1, { status: 429, retryAfter: 1 });
    const seen = await b.dm('URATELIMIT', 'ヘルプ');
    expect(seen.text).toContain('ご利用いただけるコマンド');
    expect(b.slack.calls.some((c) => c.api === 'chat.postMessage' && c.status === 429)).toBe(true);
  });
});

describe('limits', () => {
  it('no request of this file broke a documented Slack limit', () => {
    expect(b.slack.violations).toEqual([]);
  });
});
