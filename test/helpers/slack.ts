/**
 * The whole app with Slack (and LINE, for the inquiry relay) enabled against the fake Slack and LINE
 * APIs, driven the way Slack drives it: signed requests (slash commands, Events API callbacks,
 * interactivity payloads). Each call waits until the adapter has handled the request.
 */
import { createHmac } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { type App, type AppOptions, createApp } from '../../src/wiring/app.ts';
import { type FakeLine, startFakeLine } from '../fakes/line-api.ts';
import { type FakeSlack, type SlackMessage, startFakeSlack } from '../fakes/slack-api.ts';
import { type TestClock, testClock } from './domain.ts';
import { createLineDriver, LINE_SECRET, LINE_TOKEN, type LineDriver } from './line.ts';
import { memoryLogger } from './logger.ts';
import { processedTracker } from './processed.ts';
import { freshSchema, TEST_REDIS_URL, type TestSchema, uniqueName } from './services.ts';

export const SLACK_SECRET = 'test-slack-signing-secret';
export const SLACK_TOKEN = 'xoxb-test-token';
export const TEAM = 'T0FAKE';
export const DESK = 'CDESK';

export interface SlackSeen {
  text: string;
  payloads: string[];
  buttons: { text: string; value: string; action_id: string }[];
  messages: SlackMessage[];
}

/** Visible text and buttons of Slack messages. */
export function slackSeen(messages: SlackMessage[]): SlackSeen {
  const texts: string[] = [];
  const buttons: SlackSeen['buttons'] = [];
  const walk = (node: unknown) => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const n of node) walk(n);
      return;
    }
    const n = node as Record<string, unknown>;
    if (n.type === 'button') {
      const t = (n.text as { text?: string } | undefined)?.text ?? '';
      buttons.push({ text: t, value: String(n.value ?? ''), action_id: String(n.action_id ?? '') });
      return;
    }
    if ((n.type === 'mrkdwn' || n.type === 'plain_text') && typeof n.text === 'string') texts.push(n.text);
    for (const v of Object.values(n)) walk(v);
  };
  for (const m of messages) {
    if (m.blocks?.length) walk(m.blocks);
    else if (m.text) texts.push(m.text);
  }
  const unmrkdwn = (s: string) => s.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
  return { text: unmrkdwn(texts.join('\n')), payloads: buttons.map((b) => b.value), buttons, messages };
}

export function signSlack(body: string | Buffer, timestamp: number, secret = SLACK_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:`).update(body).digest('hex')}`;
}

let seq = 0;
const nextId = (p: string) => `${p}${Date.now().toString(36)}${(++seq).toString(36)}`.toUpperCase();

export interface SlackBench {
  app: App;
  slack: FakeSlack;
  line: FakeLine;
  /** A LINE user's side (customers on LINE in the desk relay). */
  lineUser: LineDriver;
  clock: TestClock;
  schema: TestSchema;
  url: string;
  /** Posts a signed request (a stale or wrong signature when asked) and returns the raw response. */
  post(
    body: string | Buffer,
    contentType: 'json' | 'form',
    options?: { timestamp?: number; signature?: string | null; headers?: Record<string, string> },
  ): Promise<Response>;
  /** Posts and waits until the adapter finished handling `id`; returns what `user` saw since. */
  request(
    user: string,
    id: string,
    body: string,
    contentType: 'json' | 'form',
    options?: { headers?: Record<string, string> },
  ): Promise<{ res: Response; seen: SlackSeen }>;
  dm(user: string, text: string, extra?: Record<string, unknown>): Promise<SlackSeen>;
  slash(user: string, text: string, channel?: string): Promise<SlackSeen>;
  /** Presses a button by value among what `user` saw last. */
  press(user: string, value: string): Promise<SlackSeen>;
  pressLabel(user: string, label: string): Promise<SlackSeen>;
  /** An Events API callback (event_id returned). */
  eventBody(event: Record<string, unknown>, eventId?: string): { body: string; id: string };
  last(user: string): SlackSeen;
  /** Makes `user` (a Slack user id) a user with these roles. */
  asUser(
    user: string,
    roles: string[],
    options?: { name?: string; companyId?: number | null },
  ): Promise<number>;
  close(): Promise<void>;
}

export async function openSlackBench(
  prefix: string,
  options: {
    app?: AppOptions['slack'];
    clock?: TestClock;
    /** More configuration, e.g. PUBLIC_URL. */
    env?: Record<string, string>;
  } = {},
): Promise<SlackBench> {
  const clock = options.clock ?? testClock();
  // A faster channel rate than Slack's ≈1/s keeps conversations quick; a test covers the 429 path.
  const slack = await startFakeSlack({
    botToken: SLACK_TOKEN,
    teamId: TEAM,
    postRate: { perSecond: 20, burst: 20 },
  });
  const line = await startFakeLine({ channelAccessToken: LINE_TOKEN, now: () => clock().getTime() });
  const schema = await freshSchema(prefix);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `${prefix}-`));
  const tracker = processedTracker();
  const mark = tracker.mark;
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: schema.url,
    DATA_DIR: dataDir,
    SLACK_SIGNING_SECRET: SLACK_SECRET,
    SLACK_BOT_TOKEN: SLACK_TOKEN,
    SLACK_API_URL: `${slack.url}/api/`,
    SLACK_SUPPORT_CHANNEL: DESK,
    LINE_CHANNEL_SECRET: LINE_SECRET,
    LINE_CHANNEL_ACCESS_TOKEN: LINE_TOKEN,
    LINE_API_URL: line.url,
    LINE_DATA_API_URL: line.url,
    ...options.env,
  });
  const queuePrefix = uniqueName(prefix);
  const app = await createApp(config, {
    logger: memoryLogger('silent').logger,
    clock,
    queueConnection: () => ({ kind: 'redis', url: TEST_REDIS_URL, prefix: queuePrefix }),
    line: { backoffMs: () => 5, loadingAfterMs: 60_000, onProcessed: (id) => mark(id) },
    slack: {
      deskIntervalMs: 100,
      ...options.app,
      onProcessed: (id) => {
        options.app?.onProcessed?.(id);
        mark(id);
      },
    },
  });
  const url = `http://127.0.0.1:${await app.listen()}`;
  const lastSeen = new Map<string, SlackSeen>();

  const waitProcessed = (id: string, count: number) => tracker.wait(id, count);

  const post: SlackBench['post'] = (body, contentType, opts = {}) => {
    // Slack's clock, not the test clock: the signature window is checked against the app's clock.
    const timestamp = opts.timestamp ?? Math.floor(clock().getTime() / 1000);
    return fetch(`${url}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': contentType === 'json' ? 'application/json' : 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(timestamp),
        ...(opts.signature === null
          ? {}
          : { 'x-slack-signature': opts.signature ?? signSlack(body, timestamp) }),
        ...opts.headers,
      },
      body,
    });
  };

  const seenBy = (user: string, from: number) =>
    slackSeen(
      slack.messages
        .slice(from)
        .filter((m) =>
          m.ephemeral
            ? m.ephemeral.user === user
            : m.channel.startsWith('D') && (dmOwner.get(m.channel) ?? m.channel.slice(1)) === user,
        ),
    );
  // DM channels: the ones our events use (D<user>) and the ones conversations.open gives.
  const dmOwner = new Map<string, string>();

  const request: SlackBench['request'] = async (user, id, body, contentType, opts = {}) => {
    const before = slack.messages.length;
    const already = tracker.count(id);
    const res = await post(body, contentType, opts);
    if (res.status !== 200) throw new Error(`Slack webhook answered ${res.status}: ${await res.text()}`);
    await waitProcessed(id, already + 1);
    // conversations.open channels are learnt from the calls.
    for (const c of slack.calls) {
      if (c.api === 'conversations.open') {
        const u = String(c.body.users ?? '');
        const channel = (c.response as { channel?: { id?: string } })?.channel?.id;
        if (channel) dmOwner.set(channel, u);
      }
    }
    const seen = seenBy(user, before);
    if (seen.messages.length > 0) lastSeen.set(user, seen);
    return { res, seen };
  };

  const eventBody: SlackBench['eventBody'] = (event, eventId) => {
    const id = eventId ?? nextId('Ev');
    return {
      id,
      body: JSON.stringify({
        token: 'legacy',
        team_id: TEAM,
        api_app_id: 'AAPP',
        type: 'event_callback',
        event_id: id,
        event_time: Math.floor(clock().getTime() / 1000),
        event,
      }),
    };
  };

  const dm: SlackBench['dm'] = async (user, text, extra = {}) => {
    const channel = `D${user}`;
    dmOwner.set(channel, user);
    const { id, body } = eventBody({
      type: 'message',
      channel_type: 'im',
      channel,
      user,
      team: TEAM,
      text,
      ts: `${Math.floor(clock().getTime() / 1000)}.${String(++seq).padStart(6, '0')}`,
      ...extra,
    });
    return (await request(user, id, body, 'json')).seen;
  };

  const slash: SlackBench['slash'] = async (user, text, channel = `D${user}`) => {
    dmOwner.set(channel, user);
    const trigger = nextId('trig');
    const form = new URLSearchParams({
      token: 'legacy',
      team_id: TEAM,
      team_domain: 'fake',
      channel_id: channel,
      channel_name: channel.startsWith('D') ? 'directmessage' : 'general',
      user_id: user,
      user_name: user,
      command: '/bot',
      text,
      api_app_id: 'AAPP',
      response_url: slack.responseUrl(channel, user),
      trigger_id: trigger,
    });
    return (await request(user, `cmd:${trigger}`, form.toString(), 'form')).seen;
  };

  const press = async (user: string, button: { value: string; action_id: string }) => {
    const last = lastSeen.get(user);
    const message = last?.messages.find((m) =>
      JSON.stringify(m.blocks ?? []).includes(JSON.stringify(button.action_id)),
    );
    const trigger = nextId('trig');
    const channel = message?.channel ?? `D${user}`;
    const payload = {
      type: 'block_actions',
      team: { id: TEAM, domain: 'fake' },
      user: { id: user, team_id: TEAM },
      api_app_id: 'AAPP',
      trigger_id: trigger,
      container: {
        type: 'message',
        message_ts: message?.ts ?? '0',
        channel_id: channel,
        is_ephemeral: message?.ephemeral !== undefined,
        ...(message?.thread_ts ? { thread_ts: message.thread_ts } : {}),
      },
      channel: { id: channel },
      message: { ts: message?.ts ?? '0', blocks: message?.blocks ?? [] },
      response_url: slack.responseUrl(channel, user, message?.ts),
      actions: [
        {
          type: 'button',
          action_id: button.action_id,
          block_id: 'b',
          value: button.value,
          action_ts: String(clock().getTime() / 1000),
        },
      ],
    };
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    return (await request(user, `act:${trigger}`, body, 'form')).seen;
  };

  const lineUser = createLineDriver({
    url,
    fake: line,
    clock,
    processed: (id) => tracker.count(id),
    waitProcessed,
  });

  const bench: SlackBench = {
    app,
    slack,
    line,
    lineUser,
    clock,
    schema,
    url,
    post,
    request,
    dm,
    slash,
    eventBody,
    async press(user, value) {
      const button = lastSeen.get(user)?.buttons.find((b) => b.value === value);
      if (!button)
        throw new Error(`"${value}" was not offered to ${user}: ${lastSeen.get(user)?.payloads.join(' | ')}`);
      return press(user, button);
    },
    async pressLabel(user, label) {
      const button = lastSeen.get(user)?.buttons.find((b) => b.text.includes(label));
      if (!button) {
        throw new Error(
          `no button "${label}" for ${user}: ${(lastSeen.get(user)?.buttons ?? []).map((b) => b.text).join(' | ')}`,
        );
      }
      return press(user, button);
    },
    last: (user) => lastSeen.get(user) ?? slackSeen([]),
    async asUser(user, roles, opts = {}) {
      return app.store.uow.run(async (tx) => {
        const existing = await tx.identities.findOne({
          platform: 'slack',
          workspace: TEAM,
          externalId: user,
        });
        if (existing) {
          await tx.users.update(existing.userId, {
            roles: roles as never,
            companyId: opts.companyId ?? null,
          });
          return existing.userId;
        }
        const u = await tx.users.insert({
          displayName: opts.name ?? user,
          locale: 'ja',
          roles: roles as never,
          companyId: opts.companyId ?? null,
        });
        await tx.identities.insert({ userId: u.id, platform: 'slack', workspace: TEAM, externalId: user });
        return u.id;
      });
    },
    async close() {
      await app.stop();
      await slack.close();
      await line.close();
      await schema.drop();
    },
  };
  return bench;
}

/**
 * What a person types in a desk thread: the message is posted in Slack first (the fake API), then the
 * Events API tells the app, and this waits until the app handled it. Returns the message's ts.
 */
export async function replyInThread(
  b: SlackBench,
  user: string,
  threadTs: string,
  text: string,
  files?: unknown[],
): Promise<string> {
  const posted = (await (
    await fetch(`${b.slack.url}/api/chat.postMessage`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SLACK_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ channel: DESK, thread_ts: threadTs, text }),
    })
  ).json()) as { ts: string };
  const { id, body } = b.eventBody({
    type: 'message',
    channel: DESK,
    channel_type: 'channel',
    user,
    team: TEAM,
    text,
    ts: posted.ts,
    thread_ts: threadTs,
    ...(files ? { subtype: 'file_share', files } : {}),
  });
  await b.request(user, id, body, 'json');
  return posted.ts;
}

/** A customer company of the desk with one store, 渋谷店 (東京都), and, when asked, its 店長 (a customer). */
export async function deskCompany(
  b: SlackBench,
  slug: string,
  options: { manager?: boolean } = {},
): Promise<{ companyId: number; storeId: number; managerId: number | null }> {
  return b.app.store.uow.run(async (tx) => {
    const company = await tx.companies.insert({ slug, name: '株式会社サウンド' });
    const store = await tx.support.stores.insert({
      companyId: company.id,
      name: '渋谷店',
      prefecture: '東京都',
      region: '関東',
    });
    const manager = options.manager
      ? await tx.users.insert({
          displayName: '店長',
          locale: 'ja',
          roles: ['customer'],
          companyId: company.id,
        })
      : null;
    return { companyId: company.id, storeId: store.id, managerId: manager?.id ?? null };
  });
}
