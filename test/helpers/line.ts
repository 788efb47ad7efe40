/**
 * The whole app with LINE enabled against the fake LINE API (test/fakes/line-api.ts), driven the way
 * LINE drives it: signed webhook requests carrying events with reply tokens the fake issued. Each
 * call waits until the adapter has handled the event and returns what the user saw.
 */
import { createHash, createHmac } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.ts';
import type { Role } from '../../src/domain/roles.ts';
import type { Locale } from '../../src/i18n/index.ts';
import type { Logger } from '../../src/logger.ts';
import { type App, type AppOptions, createApp } from '../../src/wiring/app.ts';
import { type FakeLine, type FakeLineOptions, startFakeLine } from '../fakes/line-api.ts';
import { consoleSession } from './chat.ts';
import { type TestClock, testClock } from './domain.ts';
import { memoryLogger } from './logger.ts';
import { processedTracker } from './processed.ts';
import { freshSchema, TEST_REDIS_URL, type TestSchema, uniqueName } from './services.ts';

export const LINE_SECRET = 'test-channel-secret';
export const LINE_TOKEN = 'test-channel-access-token';

/** What a LINE user saw: the visible text of the messages and the postback data they can tap. */
export interface LineSeen {
  text: string;
  payloads: string[];
  /** Tap targets with their labels, in order. */
  buttons: { label: string; data: string }[];
  messages: unknown[];
}

/** A stable LINE-looking user id ("U" + 32 hex) for a test name. */
export const lineUserId = (name: string): string => `U${createHash('md5').update(name).digest('hex')}`;

export function sign(body: string | Buffer, secret = LINE_SECRET): string {
  return createHmac('sha256', secret).update(body).digest('base64');
}

/** The visible text and tap targets of LINE message objects. */
export function seenIn(messages: unknown[]): LineSeen {
  const texts: string[] = [];
  const buttons: { label: string; data: string }[] = [];
  const walk = (node: unknown, inAction: boolean) => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const n of node) walk(n, inAction);
      return;
    }
    const n = node as Record<string, unknown>;
    if (n.type === 'postback' && typeof n.data === 'string') {
      buttons.push({ label: String(n.label ?? ''), data: n.data });
      return;
    }
    if (!inAction && n.type === 'text' && typeof n.text === 'string') texts.push(n.text);
    for (const [k, v] of Object.entries(n)) if (k !== 'altText') walk(v, inAction || k === 'action');
  };
  walk(messages, false);
  return { text: texts.join('\n'), payloads: buttons.map((b) => b.data), buttons, messages };
}

let seq = 0;
const nextId = (prefix: string) => `${prefix}${Date.now().toString(36)}${(++seq).toString(36)}`.toUpperCase();

export interface LineBench {
  app: App;
  fake: FakeLine;
  clock: TestClock;
  url: string;
  /** The bench's own PostgreSQL schema (for reading rows no service lists, e.g. the outbox). */
  schema: TestSchema;
  /** Posts a raw body with a signature (a correct one unless given). */
  post(body: string | Buffer, signature?: string | null): Promise<Response>;
  /** Builds an event from `user` (base fields filled in, a fresh reply token unless `replyToken: null`). */
  event(user: string, fields: Record<string, unknown>, options?: { replyToken?: string | null }): LineEvent;
  /** Posts events in one signed request and waits until each was handled; what `user` saw since. */
  send(user: string, events: LineEvent[]): Promise<LineSeen>;
  say(user: string, text: string): Promise<LineSeen>;
  /** Taps a postback by data (must have been offered to the user last time). */
  tap(user: string, data: string): Promise<LineSeen>;
  /** Taps the button whose label contains `label` in what the user saw last. */
  tapLabel(user: string, label: string): Promise<LineSeen>;
  follow(user: string, profile?: { displayName: string; language?: string }): Promise<LineSeen>;
  /** Sends a file (image/* as an image message, others as a file message) the fake serves as content. */
  sendFile(user: string, file: { name: string; content: string | Buffer; mime: string }): Promise<LineSeen>;
  last(user: string): LineSeen;
  /** A console session on the same app (staff work there in the journeys); `@/abs/path` in a line attaches a file. */
  console(
    handle: string,
    roles: Role[],
    options?: { name?: string; companyId?: number | null; locale?: Locale },
  ): Promise<ConsoleSession>;
  close(): Promise<void>;
}

export interface ConsoleSession {
  userId: number;
  say(line: string): Promise<string>;
  tap(label: string): Promise<string>;
}

export type LineEvent = Record<string, unknown> & { webhookEventId: string };

export async function openLineBench(
  prefix: string,
  options: {
    fake?: Partial<FakeLineOptions>;
    app?: AppOptions['line'];
    clock?: TestClock;
    /** The Redis the queue uses (default the test Redis), e.g. one the test starts and restarts. */
    redisUrl?: string;
    /** The queue's key prefix (default a fresh one), e.g. the same for two benches in turn. */
    queuePrefix?: string;
    /** The app's logger (default a silent one), e.g. a memoryLogger to assert what was logged. */
    logger?: Logger;
    /** More configuration, e.g. PUBLIC_URL. */
    env?: Record<string, string>;
  } = {},
): Promise<LineBench> {
  const clock = options.clock ?? testClock();
  const fake = await startFakeLine({
    channelAccessToken: LINE_TOKEN,
    now: () => clock().getTime(),
    ...options.fake,
  });
  const schema: TestSchema = await freshSchema(prefix);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `${prefix}-`));
  const tracker = processedTracker('event');
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: schema.url,
    DATA_DIR: dataDir,
    LINE_CHANNEL_SECRET: LINE_SECRET,
    LINE_CHANNEL_ACCESS_TOKEN: LINE_TOKEN,
    LINE_API_URL: fake.url,
    LINE_DATA_API_URL: fake.url,
    ...options.env,
  });
  const queuePrefix = options.queuePrefix ?? uniqueName(prefix);
  const app = await createApp(config, {
    logger: options.logger ?? memoryLogger('silent').logger,
    clock,
    queueConnection: () => ({ kind: 'redis', url: options.redisUrl ?? TEST_REDIS_URL, prefix: queuePrefix }),
    line: {
      backoffMs: () => 5,
      ...options.app,
      onProcessed: (id) => {
        options.app?.onProcessed?.(id);
        tracker.mark(id);
      },
    },
  });
  const url = `http://127.0.0.1:${await app.listen()}`;

  const waitProcessed = (id: string, count: number) => tracker.wait(id, count);

  const driver = createLineDriver({
    url,
    fake,
    clock,
    processed: (id) => tracker.count(id),
    waitProcessed,
  });
  const bench: LineBench = {
    app,
    fake,
    clock,
    url,
    schema,
    ...driver,
    async console(handle, roles, opts = {}) {
      const session = await consoleSession(app.store, app.bot, handle, roles, { ...opts, files: app.files });
      return { userId: session.actor.userId, say: session.say, tap: session.tap };
    },
    async close() {
      await app.stop();
      await fake.close();
      await schema.drop();
    },
  };
  return bench;
}

/** What drives the app as LINE would: signed webhooks with events, waiting until each was handled. */
export type LineDriver = Pick<
  LineBench,
  'post' | 'event' | 'send' | 'say' | 'tap' | 'tapLabel' | 'follow' | 'sendFile' | 'last'
>;

export function createLineDriver(d: {
  url: string;
  fake: FakeLine;
  clock: TestClock;
  processed(id: string): number;
  waitProcessed(id: string, count: number): Promise<void>;
}): LineDriver {
  const { url, fake, clock, waitProcessed } = d;
  const lastSeen = new Map<string, LineSeen>();
  const post = (body: string | Buffer, signature?: string | null) =>
    fetch(`${url}/line/webhook`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(signature === null ? {} : { 'x-line-signature': signature ?? sign(body) }),
      },
      body,
    });

  const event: LineBench['event'] = (user, fields, opts = {}) => {
    const userId = lineUserId(user);
    const token = opts.replyToken === undefined ? fake.issueReplyToken(userId) : opts.replyToken;
    return {
      type: 'message',
      mode: 'active',
      timestamp: clock().getTime(),
      source: { type: 'user', userId },
      webhookEventId: nextId('01W'),
      deliveryContext: { isRedelivery: false },
      ...(token ? { replyToken: token } : {}),
      ...fields,
    } as LineEvent;
  };

  const send: LineBench['send'] = async (user, events) => {
    const userId = lineUserId(user);
    const before = fake.delivered.length;
    const expected = new Map<string, number>();
    for (const e of events) expected.set(e.webhookEventId, (expected.get(e.webhookEventId) ?? 0) + 1);
    const already = new Map([...expected.keys()].map((id) => [id, d.processed(id)]));
    const res = await post(JSON.stringify({ destination: 'Ubot', events }));
    if (res.status !== 200) throw new Error(`webhook answered ${res.status}: ${await res.text()}`);
    await Promise.all([...expected].map(([id, n]) => waitProcessed(id, (already.get(id) ?? 0) + n)));
    const messages = fake.delivered
      .slice(before)
      .filter((d) => d.to === userId)
      .flatMap((d) => d.messages);
    const seen = seenIn(messages);
    if (messages.length > 0) lastSeen.set(user, seen);
    return seen;
  };

  return {
    post,
    event,
    send,
    say: (user, text) =>
      send(user, [event(user, { message: { id: nextId('M'), type: 'text', quoteToken: 'q', text } })]),
    tap(user, data) {
      const offered = lastSeen.get(user)?.payloads ?? [];
      if (!offered.includes(data))
        throw new Error(`"${data}" was not offered to ${user}: ${offered.join(' | ')}`);
      return send(user, [event(user, { type: 'postback', postback: { data } })]);
    },
    tapLabel(user, label) {
      const button = lastSeen.get(user)?.buttons.find((b) => b.label.includes(label));
      if (!button) {
        const labels = (lastSeen.get(user)?.buttons ?? []).map((b) => b.label).join(' | ');
        throw new Error(`no button "${label}" for ${user}: ${labels}`);
      }
      return send(user, [event(user, { type: 'postback', postback: { data: button.data } })]);
    },
    follow(user, profile) {
      fake.setProfile(lineUserId(user), profile ?? { displayName: user, language: 'ja' });
      return send(user, [event(user, { type: 'follow', follow: { isUnblocked: false } })]);
    },
    sendFile(user, file) {
      const id = nextId('C');
      const bytes = Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content);
      fake.setContent(id, bytes, file.mime);
      const message = file.mime.startsWith('image/')
        ? { id, type: 'image', contentProvider: { type: 'line' }, quoteToken: 'q' }
        : { id, type: 'file', fileName: file.name, fileSize: bytes.length };
      return send(user, [event(user, { message })]);
    },
    last: (user) => lastSeen.get(user) ?? seenIn([]),
  };
}
