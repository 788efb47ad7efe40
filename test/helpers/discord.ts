/**
 * The whole app with Discord (and LINE, for cross-platform conversations) enabled against the fake
 * Discord and LINE APIs, driven the way Discord drives it: interactions signed with a test Ed25519
 * key, with tokens the fake issued for the follow-ups. Each call waits until the interaction was
 * fully answered (HTTP response, then any @original edit and follow-ups).
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { type App, type AppOptions, createApp } from '../../src/wiring/app.ts';
import { type DiscordMessage, type FakeDiscord, startFakeDiscord } from '../fakes/discord-api.ts';
import { type FakeLine, startFakeLine } from '../fakes/line-api.ts';
import { type TestClock, testClock } from './domain.ts';
import { createLineDriver, LINE_SECRET, LINE_TOKEN, type LineDriver } from './line.ts';
import { memoryLogger } from './logger.ts';
import { processedTracker } from './processed.ts';
import { freshSchema, TEST_REDIS_URL, type TestSchema, uniqueName } from './services.ts';

export const DISCORD_APP = '1100000000000000001';
export const DISCORD_TOKEN = 'discord-test-token';
export const GUILD = '1200000000000000001';

export interface DiscordSeen {
  text: string;
  payloads: string[];
  buttons: { label: string; custom_id: string }[];
  /** The interaction response as sent (type and data). */
  response: { type: number; data?: Record<string, unknown> };
  messages: Record<string, unknown>[];
}

/** A V2 text display as read: the heading and bold marks the renderer puts at line starts taken off. */
const readable = (markdown: string): string =>
  markdown.replace(/^### /gm, '').replace(/^\*\*(.+?)\*\*/gm, '$1');

/**
 * Visible text and buttons of Discord message bodies, in reading order: classic messages (content, embeds,
 * action rows) and Components V2 ones (text displays, sections with their accessory, containers, action rows
 * at any depth).
 */
export function discordSeen(messages: Record<string, unknown>[]): Omit<DiscordSeen, 'response'> {
  const texts: string[] = [];
  const buttons: DiscordSeen['buttons'] = [];
  const component = (c: Record<string, unknown>): void => {
    if (c.type === 10 && typeof c.content === 'string') texts.push(readable(c.content));
    if (c.type === 2 && typeof c.custom_id === 'string')
      buttons.push({ label: String(c.label ?? ''), custom_id: c.custom_id });
    for (const child of (c.components as Record<string, unknown>[] | undefined) ?? []) component(child);
    if (typeof c.accessory === 'object' && c.accessory !== null)
      component(c.accessory as Record<string, unknown>);
  };
  for (const m of messages) {
    if (typeof m.content === 'string' && m.content !== '…') texts.push(m.content);
    for (const e of (m.embeds as Record<string, unknown>[] | undefined) ?? []) {
      if (typeof e.title === 'string') texts.push(e.title);
      if (typeof e.description === 'string') texts.push(e.description);
      for (const f of (e.fields as { name: string; value: string }[] | undefined) ?? [])
        texts.push(`${f.name}: ${f.value}`);
    }
    for (const c of (m.components as Record<string, unknown>[] | undefined) ?? []) component(c);
  }
  return { text: texts.join('\n'), payloads: buttons.map((b) => b.custom_id), buttons, messages };
}

/** A file someone picks in a modal's file upload (`size` overrides the size Discord declares). */
export interface DiscordUpload {
  name: string;
  content: string | Buffer;
  mime: string;
  size?: number;
}

/** An answer in a modal: text, an option's value (or several), a checkbox, or files. */
export type ModalValue = string | boolean | string[] | DiscordUpload[];

let seq = 0n;
/** Snowflake-like ids, increasing. */
export const snowflake = () =>
  String(1_300_000_000_000_000_000n + ++seq * 4096n + BigInt(Math.floor(Math.random() * 4096)));

export interface DiscordBench {
  app: App;
  discord: FakeDiscord;
  line: FakeLine;
  lineUser: LineDriver;
  clock: TestClock;
  schema: TestSchema;
  url: string;
  publicKeyHex: string;
  /** Posts an interaction body, signed unless told otherwise. */
  post(
    body: string | Buffer,
    options?: { signature?: string | null; timestamp?: string; signedAt?: string },
  ): Promise<Response>;
  /** Sends an interaction from `user` and waits until it was fully answered. */
  interact(user: string, interaction: Record<string, unknown>): Promise<DiscordSeen>;
  /** Puts bytes on the fake CDN, as Discord does with a file someone sent; returns its attachment. */
  hostFile(file: DiscordUpload): {
    id: string;
    filename: string;
    size: number;
    url: string;
    content_type: string;
  };
  /** `/bot text:<text>` (in a server channel when `guild` is set), optionally with `file:`. */
  say(
    user: string,
    text: string,
    options?: {
      guild?: boolean;
      channel?: string;
      file?: { name: string; content: string | Buffer; mime: string };
    },
  ): Promise<DiscordSeen>;
  /** `/<group> <sub> args:<args>`. */
  command(
    user: string,
    group: string,
    sub: string,
    args?: string,
    options?: { guild?: boolean; channel?: string },
  ): Promise<DiscordSeen>;
  press(user: string, customId: string): Promise<DiscordSeen>;
  pressLabel(user: string, label: string): Promise<DiscordSeen>;
  submitModal(user: string, customId: string, values: Record<string, string>): Promise<DiscordSeen>;
  /**
   * Fills in and submits the last modal shown to `user` as Discord's client does: each Label's input
   * answered by its kind (a text input's text, prefilled `value` unless given; a select's or radio
   * group's option value(s), default ones unless given; a file upload's files, put on the CDN and
   * described in `resolved.attachments`). Throws when a value is not offered, a field is not in the
   * modal, or a required one is left empty (the client would not submit it).
   */
  fillModal(
    user: string,
    values: Record<string, ModalValue>,
    options?: { guild?: boolean },
  ): Promise<DiscordSeen>;
  last(user: string): DiscordSeen;
  /** Makes a Discord user with roles (and a profile name). */
  asUser(user: string, roles: string[], options?: { name?: string }): Promise<number>;
  close(): Promise<void>;
}

export async function openDiscordBench(
  prefix: string,
  options: {
    app?: AppOptions['discord'];
    clock?: TestClock;
    /** More configuration, e.g. PUBLIC_URL. */
    env?: Record<string, string>;
  } = {},
): Promise<DiscordBench> {
  const clock = options.clock ?? testClock();
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const publicKeyHex = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
  const discord = await startFakeDiscord({ botToken: DISCORD_TOKEN, applicationId: DISCORD_APP });
  const line = await startFakeLine({ channelAccessToken: LINE_TOKEN, now: () => clock().getTime() });
  const schema = await freshSchema(prefix);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `${prefix}-`));
  const tracker = processedTracker();
  const mark = tracker.mark;
  const waitProcessed = (id: string, count: number) => tracker.wait(id, count);
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: schema.url,
    DATA_DIR: dataDir,
    DISCORD_PUBLIC_KEY: publicKeyHex,
    DISCORD_APPLICATION_ID: DISCORD_APP,
    DISCORD_BOT_TOKEN: DISCORD_TOKEN,
    DISCORD_API_URL: `${discord.url}/api`,
    LINE_CHANNEL_SECRET: LINE_SECRET,
    LINE_CHANNEL_ACCESS_TOKEN: LINE_TOKEN,
    LINE_API_URL: line.url,
    LINE_DATA_API_URL: line.url,
    // The Gateway is opted into by the tests about it (discord-gateway.test.ts).
    DISCORD_GATEWAY: 'off',
    ...options.env,
  });
  const queuePrefix = uniqueName(prefix);
  const app = await createApp(config, {
    logger: process.env.TEST_LOG ? createLogger({ level: 'warn', fd: 2 }) : memoryLogger('silent').logger,
    clock,
    queueConnection: () => ({ kind: 'redis', url: TEST_REDIS_URL, prefix: queuePrefix }),
    line: { backoffMs: () => 5, loadingAfterMs: 60_000, onProcessed: mark },
    discord: {
      teamNewsIntervalMs: 100,
      ...options.app,
      onProcessed: (id) => {
        options.app?.onProcessed?.(id);
        mark(id);
      },
    },
  });
  const url = `http://127.0.0.1:${await app.listen()}`;
  const lastSeen = new Map<string, DiscordSeen>();
  // Discord's CDN, where attachments of an interaction are fetched from (public URLs).
  const cdn = new Map<string, { bytes: Buffer; type: string }>();
  const cdnServer = createServer((req, res) => {
    const id = /\/attachments\/(\d+)\//.exec(req.url ?? '')?.[1] ?? '';
    const file = cdn.get(id);
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': file.type, 'content-length': file.bytes.length }).end(file.bytes);
  });
  await new Promise<void>((resolve) => cdnServer.listen(0, '127.0.0.1', resolve));
  const cdnUrl = `http://127.0.0.1:${(cdnServer.address() as AddressInfo).port}`;

  const post: DiscordBench['post'] = (body, opts = {}) => {
    const timestamp = opts.timestamp ?? String(Math.floor(Date.now() / 1000));
    const signature =
      opts.signature === undefined
        ? sign(
            null,
            Buffer.concat([Buffer.from(opts.signedAt ?? timestamp), Buffer.from(body)]),
            privateKey,
          ).toString('hex')
        : opts.signature;
    return fetch(`${url}/discord/interactions`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-signature-timestamp': timestamp,
        ...(signature === null ? {} : { 'x-signature-ed25519': signature }),
      },
      body,
    });
  };

  const base = (user: string, guild: boolean, channel?: string) => ({
    id: snowflake(),
    application_id: DISCORD_APP,
    token: discord.issueInteractionToken(),
    version: 1,
    locale: 'ja',
    channel_id:
      channel ??
      (guild ? '1400000000000000001' : `15${user.replace(/\D/g, '').padStart(17, '0').slice(-17)}`),
    ...(guild
      ? { guild_id: GUILD, member: { user: { id: user, username: user, global_name: user }, roles: [] } }
      : { user: { id: user, username: user, global_name: user } }),
  });

  const interact: DiscordBench['interact'] = async (user, interaction) => {
    const id = String(interaction.id);
    const token = String(interaction.token);
    const already = tracker.count(id);
    const res = await post(JSON.stringify(interaction));
    if (res.status !== 200) throw new Error(`interaction answered ${res.status}: ${await res.text()}`);
    const response = (await res.json()) as DiscordSeen['response'];
    // What the app answered Discord with is an interaction response: held to the API spec, the message
    // and modal limits and the V2 and deferral rules like a REST body (a breach lands in discord.violations).
    discord.checkInteractionResponse(response, Number(interaction.type));
    // A PONG, an autocomplete or a modal has no follow-ups to wait for.
    if (![1, 8].includes(response.type)) await waitProcessed(id, already + 1);
    const bodies: Record<string, unknown>[] = [];
    if (response.type === 4 && response.data) bodies.push(response.data);
    for (const m of discord.interactionMessages(token) as unknown as DiscordMessage[]) {
      bodies.push(m as unknown as Record<string, unknown>);
    }
    const seen = { ...discordSeen(bodies), response };
    if (bodies.length > 0 || response.type === 9) lastSeen.set(user, seen);
    return seen;
  };

  const commandData = (group: string, sub: string, args?: string) => ({
    id: snowflake(),
    name: group,
    type: 1,
    options: [{ type: 1, name: sub, options: args ? [{ type: 3, name: 'args', value: args }] : [] }],
  });

  const press = (user: string, customId: string) =>
    interact(user, {
      ...base(user, false),
      type: 3,
      data: { custom_id: customId, component_type: 2 },
      message: { id: snowflake(), channel_id: '0' },
    });

  const hostFile: DiscordBench['hostFile'] = (file) => {
    const id = snowflake();
    const bytes = Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content);
    cdn.set(id, { bytes, type: file.mime });
    return {
      id,
      filename: file.name,
      size: file.size ?? bytes.length,
      url: `${cdnUrl}/attachments/${id}/${file.name}`,
      content_type: file.mime,
    };
  };

  const fillModal: DiscordBench['fillModal'] = (user, values, opts = {}) => {
    const shown = lastSeen.get(user)?.response;
    if (shown?.type !== 9 || !shown.data) throw new Error(`no modal is open for ${user}`);
    const { custom_id, components } = modalSubmission(shown.data, values, hostFile);
    const attachments = Object.fromEntries(components.flatMap((c) => c.hosted ?? []).map((a) => [a.id, a]));
    return interact(user, {
      ...base(user, opts.guild === true),
      type: 5,
      data: {
        custom_id,
        components: components.map(({ hosted: _, ...c }) => c),
        ...(Object.keys(attachments).length > 0 ? { resolved: { attachments } } : {}),
      },
    });
  };

  const lineUser = createLineDriver({
    url,
    fake: line,
    clock,
    processed: (id) => tracker.count(id),
    waitProcessed,
  });

  return {
    app,
    discord,
    line,
    lineUser,
    clock,
    schema,
    url,
    publicKeyHex,
    post,
    interact,
    hostFile,
    say(user, text, opts = {}) {
      const options: Record<string, unknown>[] = text ? [{ type: 3, name: 'text', value: text }] : [];
      const resolved: Record<string, unknown> = {};
      if (opts.file) {
        const id = snowflake();
        const bytes = Buffer.isBuffer(opts.file.content) ? opts.file.content : Buffer.from(opts.file.content);
        cdn.set(id, { bytes, type: opts.file.mime });
        options.push({ type: 11, name: 'file', value: id });
        resolved.attachments = {
          [id]: {
            id,
            filename: opts.file.name,
            size: bytes.length,
            content_type: opts.file.mime,
            url: `${cdnUrl}/attachments/${id}/${opts.file.name}`,
          },
        };
      }
      return interact(user, {
        ...base(user, opts.guild === true, opts.channel),
        type: 2,
        data: { id: snowflake(), name: 'bot', type: 1, options, ...(opts.file ? { resolved } : {}) },
      });
    },
    command: (user, group, sub, args, opts = {}) =>
      interact(user, {
        ...base(user, opts.guild === true, opts.channel),
        type: 2,
        data: commandData(group, sub, args),
      }),
    press(user, customId) {
      const offered = lastSeen.get(user)?.payloads ?? [];
      if (!offered.includes(customId))
        throw new Error(`"${customId}" was not offered to ${user}: ${offered.join(' | ')}`);
      return press(user, customId);
    },
    pressLabel(user, label) {
      const button = lastSeen.get(user)?.buttons.find((b) => b.label.includes(label));
      if (!button) {
        throw new Error(
          `no button "${label}" for ${user}: ${(lastSeen.get(user)?.buttons ?? []).map((b) => b.label).join(' | ')}`,
        );
      }
      return press(user, button.custom_id);
    },
    submitModal: (user, customId, values) =>
      interact(user, {
        ...base(user, false),
        type: 5,
        data: {
          custom_id: customId,
          components: Object.entries(values).map(([k, v]) => ({
            type: 1,
            components: [{ type: 4, custom_id: k, value: v }],
          })),
        },
      }),
    fillModal,
    last: (user) => lastSeen.get(user) ?? { ...discordSeen([]), response: { type: 0 } },
    async asUser(user, roles, opts = {}) {
      return app.store.uow.run(async (tx) => {
        const existing = await tx.identities.findOne({
          platform: 'discord',
          workspace: '',
          externalId: user,
        });
        if (existing) {
          await tx.users.update(existing.userId, { roles: roles as never });
          return existing.userId;
        }
        const u = await tx.users.insert({
          displayName: opts.name ?? user,
          locale: 'ja',
          roles: roles as never,
          companyId: null,
        });
        await tx.identities.insert({ userId: u.id, platform: 'discord', workspace: '', externalId: user });
        return u.id;
      });
    },
    async close() {
      await app.stop();
      await discord.close();
      await line.close();
      await new Promise((resolve) => cdnServer.close(resolve));
      await schema.drop();
    },
  };
}

type Hosted = ReturnType<DiscordBench['hostFile']>;
// biome-ignore lint/suspicious/noExplicitAny: modal components are read freely.
type Component = Record<string, any>;

/** What Discord's client sends back for a modal filled in with `values` (see DiscordBench.fillModal). */
function modalSubmission(
  modal: Record<string, unknown>,
  values: Record<string, ModalValue>,
  host: (file: DiscordUpload) => Hosted,
): { custom_id: string; components: (Component & { hosted?: Hosted[] })[] } {
  const left = new Set(Object.keys(values));
  const out: (Component & { hosted?: Hosted[] })[] = [];
  let id = 0;
  for (const top of (modal.components as Component[]) ?? []) {
    id += 1;
    if (top.type === 10) {
      out.push({ type: 10, id });
      continue;
    }
    const c: Component = top.type === 18 ? top.component : top.components?.[0];
    const name = String(c.custom_id);
    const given = values[name];
    left.delete(name);
    const required = c.required !== false;
    const empty = (v: unknown) => v === '' || v === null || (Array.isArray(v) && v.length === 0);
    const options: string[] = (c.options ?? []).map((o: Component) => o.value);
    const offered = (v: string) => {
      if (!options.includes(v)) throw new Error(`"${v}" is not an option of ${name}: ${options.join(', ')}`);
      return v;
    };
    let answer: Component;
    let hosted: Hosted[] | undefined;
    if (c.type === 4) answer = { value: given === undefined ? (c.value ?? '') : String(given) };
    else if (c.type === 3 || c.type === 22) {
      const defaults = (c.options ?? []).filter((o: Component) => o.default).map((o: Component) => o.value);
      const chosen = given === undefined ? defaults : Array.isArray(given) ? given : [given];
      answer = { values: (chosen as string[]).map(String).map(offered) };
    } else if (c.type === 21) {
      const chosen = given === undefined ? (c.options ?? []).find((o: Component) => o.default)?.value : given;
      answer = { value: chosen === undefined ? null : offered(String(chosen)) };
    } else if (c.type === 23) answer = { value: given === undefined ? c.default === true : given === true };
    else if (c.type === 19) {
      const files = (given ?? []) as DiscordUpload[];
      if (files.length > (c.max_values ?? 1))
        throw new Error(`${name} takes at most ${c.max_values ?? 1} files`);
      hosted = files.map(host);
      answer = { values: hosted.map((h) => h.id) };
    } else throw new Error(`the bench cannot fill component type ${c.type}`);
    if (required && empty(answer.value ?? answer.values)) throw new Error(`${name} is required`);
    const inner = { type: c.type, id: id + 100, custom_id: name, ...answer };
    out.push(
      top.type === 18
        ? { type: 18, id, component: inner, ...(hosted ? { hosted } : {}) }
        : { type: 1, id, components: [inner] },
    );
  }
  if (left.size > 0) throw new Error(`not in the modal: ${[...left].join(', ')}`);
  return { custom_id: String(modal.custom_id), components: out };
}
