/**
 * The fake Discord REST API itself, driven by the real `@discordjs/rest` + `@discordjs/core` to prove
 * the fake speaks their wire format (JSON and multipart bodies, `{code, message, errors}` errors,
 * X-RateLimit-* headers that the library's queues obey, 429 + retry_after they retry on). Every
 * message and command limit it claims to enforce is accepted at the limit and rejected one step past it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { API } from '@discordjs/core/http-only';
import { DiscordAPIError, REST } from '@discordjs/rest';
import { type APIMessage, Routes } from 'discord-api-types/v10';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeDiscord, startFakeDiscord } from './fakes/discord-api.ts';

const TOKEN = 'fake-bot-token';
const APP_ID = '1100000000000000001';
const USER = '1200000000000000001';
const CHANNEL = '1300000000000000001';
const GUILD = '1400000000000000001';
let clock = 1_750_000_000_000;
let fake: FakeDiscord;
let api: API;
const rests: REST[] = [];

/** A fresh client (own rate-limit queues), configured like the app's. */
function client(token = TOKEN): { rest: REST; api: API } {
  const rest = new REST({ api: `${fake.url}/api`, version: '10' }).setToken(token);
  rests.push(rest);
  return { rest, api: new API(rest) };
}

/** The DiscordAPIError a call rejects with (fails the test if it resolves). */
async function apiError(p: Promise<unknown>): Promise<DiscordAPIError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof DiscordAPIError) return err;
    throw err;
  }
  throw new Error('expected the call to fail');
}
/** The nested `errors` of a 50035 answer. */
// biome-ignore lint/suspicious/noExplicitAny: error trees are inspected freely.
const errorsOf = (e: DiscordAPIError): any => (e.rawError as { errors?: unknown }).errors;

const send = (body: unknown, channel = CHANNEL) => api.channels.createMessage(channel, body as never);
/** Expects a 400 50035 whose violation line mentions `mention`; returns the error tree. */
// biome-ignore lint/suspicious/noExplicitAny: see errorsOf.
async function rejected(body: unknown, mention: string): Promise<any> {
  const before = fake.violations.length;
  const e = await apiError(send(body));
  expect(e.status).toBe(400);
  expect(e.code).toBe(50035);
  expect(fake.violations.length).toBe(before + 1);
  expect(fake.violations.at(-1)).toContain(mention);
  return errorsOf(e);
}

const button = (id: string, label = 'Go') => ({ type: 2, style: 1, label, custom_id: id });
const row = (...components: unknown[]) => ({ type: 1, components });
const text = (content: string) => ({ type: 10, content });
const buttons = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => button(`${prefix}${i}`));
const select = (options: number, id = 'pick') => ({
  type: 3,
  custom_id: id,
  options: Array.from({ length: options }, (_, i) => ({ label: `Option ${i}`, value: `v${i}` })),
});
const command = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  description: `The ${name} command`,
  ...extra,
});

beforeAll(async () => {
  fake = await startFakeDiscord({ botToken: TOKEN, applicationId: APP_ID, now: () => clock });
});
afterAll(async () => {
  for (const r of rests) {
    r.clearHashSweeper();
    r.clearHandlerSweeper();
  }
  await fake.close();
});
beforeEach(() => {
  fake.reset();
  // A fresh client per test, so the library's own 50 req/s global throttle does not carry over between tests.
  api = client().api;
});

describe('fake Discord: DMs, channel messages, auth and routing', () => {
  it('opens a stable DM channel and sends to it with the bot token, answering rate-limit headers', async () => {
    const dm = await api.users.createDM(USER);
    expect(dm).toMatchObject({ type: 1, recipients: [{ id: USER }] });
    expect(dm.id).toMatch(/^\d{17,19}$/);
    expect((await api.users.createDM(USER)).id).toBe(dm.id);
    expect(fake.dmChannels.get(USER)).toBe(dm.id);

    const sent = await api.channels.createMessage(dm.id, { content: 'こんにちは' });
    expect(sent).toMatchObject({ channel_id: dm.id, content: 'こんにちは', embeds: [], components: [] });
    expect(sent.author.bot).toBe(true);
    const second = await api.channels.createMessage(dm.id, { content: 'again' });
    expect(BigInt(second.id) > BigInt(sent.id)).toBe(true);
    expect(fake.messagesIn(dm.id).map((m) => m.content)).toEqual(['こんにちは', 'again']);
    expect(fake.messages[0]).toMatchObject({ author: 'bot', files: [] });

    const call = fake.calls.find((c) => c.route === 'POST /channels/:id/messages');
    expect(call).toMatchObject({ method: 'POST', path: `/channels/${dm.id}/messages`, status: 200 });
    expect(call?.headers.authorization).toBe(`Bot ${TOKEN}`);
    expect(call?.headers['content-type']).toContain('application/json');
    expect(call?.body).toEqual({ content: 'こんにちは' });
    expect(fake.violations).toEqual([]);

    const res = await fetch(`${fake.url}/api/v10/channels/${CHANNEL}/messages`, {
      method: 'POST',
      headers: { authorization: `Bot ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ content: 'raw' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-ratelimit-limit')).toBe('50');
    expect(res.headers.get('x-ratelimit-remaining')).toBe('49');
    expect(Number(res.headers.get('x-ratelimit-reset-after'))).toBeGreaterThan(0);
    expect(res.headers.get('x-ratelimit-bucket')).toMatch(/^[0-9a-f]+$/);
  });

  it('edits, deletes and reads channels', async () => {
    const m = await send({ content: 'v1' });
    const edited = await api.channels.editMessage(CHANNEL, m.id, { content: 'v2' });
    expect(edited).toMatchObject({ id: m.id, content: 'v2' });
    expect(edited.edited_timestamp).not.toBeNull();
    expect(fake.messages).toMatchObject([{ id: m.id, content: 'v2', edited: true }]);
    await api.channels.deleteMessage(CHANNEL, m.id);
    expect(fake.messages).toEqual([]);
    expect((await apiError(api.channels.deleteMessage(CHANNEL, m.id))).code).toBe(10008);
    expect((await apiError(api.channels.editMessage(CHANNEL, m.id, { content: 'x' }))).code).toBe(10008);

    expect(await api.channels.get(CHANNEL)).toMatchObject({ id: CHANNEL, type: 0 });
    const dm = await api.users.createDM(USER);
    expect(await api.channels.get(dm.id)).toMatchObject({ id: dm.id, type: 1 });
  });

  it('answers 401 without the bot token and 404 for unknown routes', async () => {
    const wrong = client('not-the-token');
    const e = await apiError(wrong.api.channels.createMessage(CHANNEL, { content: 'hi' }));
    expect(e.status).toBe(401);
    expect(e.rawError).toEqual({ code: 0, message: '401: Unauthorized' });
    const bare = await fetch(`${fake.url}/api/v10/users/@me/channels`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ recipient_id: USER }),
    });
    expect(bare.status).toBe(401);
    expect(fake.messages).toEqual([]);
    expect(fake.calls.map((c) => c.status)).toEqual([401, 401]);

    const { rest } = client();
    const missing = await apiError(rest.get(`/guilds/${GUILD}/members`));
    expect(missing.status).toBe(404);
    expect(missing.rawError).toEqual({ code: 0, message: '404: Not Found' });
    expect(fake.calls.at(-1)?.route).toBe('GET /guilds/:id/members');
    expect((await fetch(`${fake.url}/api/v9/channels/${CHANNEL}`)).status).toBe(404);
  });

  it('answers 403 50007 to a DM for a user who does not accept DMs (not a violation)', async () => {
    const blockedUser = '1200000000000000002';
    fake.blockDms(blockedUser);
    const dm = await api.users.createDM(blockedUser);
    const e = await apiError(api.channels.createMessage(dm.id, { content: 'hello?' }));
    expect(e.status).toBe(403);
    expect(e.code).toBe(50007);
    expect(e.message).toBe('Cannot send messages to this user');
    expect(fake.messagesIn(dm.id)).toEqual([]);
    expect(fake.violations).toEqual([]);
    await api.channels.createMessage((await api.users.createDM(USER)).id, { content: 'fine' });
    expect(fake.messages).toHaveLength(1);
  });

  it('takes multipart bodies: payload_json as the body, file parts recorded', async () => {
    const csv = Buffer.from('a,b\n1,2\n');
    const sent = await api.channels.createMessage(CHANNEL, {
      content: 'the report',
      files: [{ name: 'report.csv', data: csv, contentType: 'text/csv' }],
    });
    expect(sent.attachments).toMatchObject([{ filename: 'report.csv', size: csv.length }]);
    const call = fake.calls.at(-1);
    expect(call?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(call?.body).toMatchObject({ content: 'the report' });
    expect(call?.files).toEqual([{ name: 'report.csv', size: csv.length }]);
    expect(fake.messages).toMatchObject([
      { content: 'the report', files: [{ name: 'report.csv', size: 8 }] },
    ]);

    // A file alone is a message; an empty body is not (Discord's 50006).
    await api.channels.createMessage(CHANNEL, { files: [{ name: 'only.txt', data: Buffer.from('x') }] });
    expect(fake.messages).toHaveLength(2);
    const empty = await apiError(send({ content: '' }));
    expect(empty.status).toBe(400);
    expect(empty.code).toBe(50006);
    expect(fake.violations.at(-1)).toContain('empty message');
  });

  it('failNext: a 500 is retried by the library, another status is surfaced', async () => {
    fake.failNext('POST /channels/:id/messages', 1, 500);
    await send({ content: 'after a hiccup' });
    expect(fake.calls.map((c) => c.status)).toEqual([500, 200]);
    expect(fake.messages).toHaveLength(1);
    fake.failNext('POST /channels/:id/messages', 1, 403);
    expect((await apiError(send({ content: 'no' }))).status).toBe(403);
    expect(fake.messages).toHaveLength(1);
    // An injected 429 carries retry_after 1 s; the library waits it out and sends again.
    fake.failNext('POST /channels/:id/messages', 1, 429);
    await send({ content: 'after a 429' });
    expect(fake.calls.slice(-2).map((c) => c.status)).toEqual([429, 200]);
    expect(fake.calls.at(-2)?.response).toEqual({
      message: 'You are being rate limited.',
      retry_after: 1,
      global: false,
    });
    expect(fake.messages).toHaveLength(2);
  });
});

describe('fake Discord: message limits', () => {
  it('content ≤ 2,000 characters', async () => {
    await send({ content: 'a'.repeat(2000) });
    const errors = await rejected(
      { content: 'a'.repeat(2001) },
      'content: Must be 2000 or fewer in length. (got 2001)',
    );
    expect(errors.content._errors[0].code).toBe('BASE_TYPE_MAX_LENGTH');
    expect(fake.messages).toHaveLength(1);
  });

  it('≤ 10 embeds, ≤ 25 fields, 6,000 characters in all', async () => {
    await send({ embeds: Array.from({ length: 10 }, (_, i) => ({ title: `E${i}` })) });
    const tooMany = await rejected(
      { embeds: Array.from({ length: 11 }, (_, i) => ({ title: `E${i}` })) },
      'embeds: Must be 10 or fewer',
    );
    expect(tooMany.embeds._errors[0].code).toBe('BASE_TYPE_MAX_LENGTH');

    const fields = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `F${i}`, value: 'v' }));
    await send({ embeds: [{ fields: fields(25) }] });
    await rejected({ embeds: [{ fields: fields(26) }] }, 'embeds[0].fields: Must be 25 or fewer');

    // 256 + 4,096 + 256 + 1,024 + 100 + 268 = 6,000 exactly; one more footer character breaks it.
    const full = {
      title: 't'.repeat(256),
      description: 'd'.repeat(4096),
      fields: [
        { name: 'n'.repeat(256), value: 'v'.repeat(1024) },
        { name: 'm'.repeat(100), value: 'w'.repeat(268) },
      ],
    };
    await send({ embeds: [full] });
    const big = await rejected(
      { embeds: [{ ...full, footer: { text: 'f' } }] },
      'Embed size exceeds maximum size of 6000 (got 6001)',
    );
    expect(big.embeds._errors[0].code).toBe('MAX_EMBED_SIZE_EXCEEDED');

    await rejected({ embeds: [{ title: 't'.repeat(257) }] }, 'embeds[0].title: Must be 256 or fewer');
    await rejected(
      { embeds: [{ fields: [{ name: 'n', value: 'v'.repeat(1025) }] }] },
      'embeds[0].fields[0].value',
    );
    await rejected(
      { embeds: [{ description: 'x', footer: { text: 'f'.repeat(2049) } }] },
      'embeds[0].footer.text',
    );
    expect(fake.messages).toHaveLength(3);
  });

  it('≤ 5 action rows × 5 buttons, custom_id ≤ 100 and unique', async () => {
    await send({ components: Array.from({ length: 5 }, (_, r) => row(...buttons(5, `r${r}-`))) });
    await rejected(
      { components: Array.from({ length: 6 }, (_, r) => row(button(`r${r}`))) },
      'components: Must be 5 or fewer',
    );
    const six = await rejected(
      { components: [row(...buttons(6, 'b'))] },
      'components[0].components: Must be between 1 and 5',
    );
    expect(six.components[0].components._errors[0].code).toBe('BASE_TYPE_BAD_LENGTH');

    await send({ components: [row(button('x'.repeat(100)))] });
    await rejected({ components: [row(button('x'.repeat(101)))] }, 'components[0].components[0].custom_id');
    const dup = await rejected(
      { components: [row(button('same')), row(button('other'), button('same'))] },
      'Component custom id cannot be duplicated ("same")',
    );
    expect(dup.components[1].components[1].custom_id._errors[0].code).toBe('COMPONENT_CUSTOM_ID_DUPLICATED');

    await rejected({ components: [row(button('ok', 'L'.repeat(81)))] }, 'components[0].components[0].label');
    await send({ components: [row({ type: 2, style: 5, label: 'Open', url: 'https://example.com' })] });
    await rejected(
      { components: [row({ type: 2, style: 5, label: 'Open' })] },
      'components[0].components[0].url',
    );
    await rejected(
      { components: [row({ type: 2, style: 1, label: 'No id' })] },
      'custom_id: This field is required',
    );
    expect(fake.messages).toHaveLength(3);
  });

  it('a select fills its row and has 1–25 options', async () => {
    await send({ components: [row(select(25))] });
    await rejected({ components: [row(select(26))] }, 'components[0].components[0].options');
    await rejected({ components: [row(select(0))] }, 'components[0].components[0].options');
    await rejected({ components: [row(select(3), button('b'))] }, 'exceeds the maximum width');
    expect(fake.messages).toHaveLength(1);
  });

  it('flags: SUPPRESS_EMBEDS and IS_COMPONENTS_V2 anywhere, EPHEMERAL only on interaction messages', async () => {
    await send({ content: 'quiet', flags: 4 });
    await rejected({ content: 'secret', flags: 64 }, 'flags: Invalid flags');
    await rejected({ content: 'odd', flags: 1 << 16 }, 'flags: Invalid flags');
    await send({ flags: 32768, components: [text('v2')] });
    const token = fake.issueInteractionToken(CHANNEL);
    await api.interactions.followUp(APP_ID, token, { content: 'only you', flags: 64 });
    await api.interactions.followUp(APP_ID, token, {
      flags: 64 | 32768,
      components: [text('only you, v2')],
    } as never);
    expect(fake.messages.map((m) => m.flags)).toEqual([4, 32768, 64, 64 | 32768]);
  });

  it('edits are checked like creates', async () => {
    const m = await send({ content: 'v1' });
    const e = await apiError(api.channels.editMessage(CHANNEL, m.id, { content: 'a'.repeat(2001) }));
    expect(e.code).toBe(50035);
    expect(fake.violations.at(-1)).toContain('PATCH /channels/:id/messages/:id');
    expect(fake.messages[0]?.content).toBe('v1');
  });
});

describe('fake Discord: Components V2', () => {
  const V2 = 32768;
  const section = (id: string, ...texts: unknown[]) => ({
    type: 9,
    components: texts.length ? texts : [text(`about ${id}`)],
    accessory: button(id),
  });
  const container = (...components: unknown[]) => ({ type: 17, accent_color: 0x5865f2, components });

  it('takes V2 components only with the flag, and then no content or embeds', async () => {
    await send({
      flags: V2,
      components: [container(text('# Title'), { type: 14 }, section('go'), row(button('b')))],
    });
    await rejected(
      { components: [text('no flag')] },
      'components[0].type: Value of field "type" must be one of (1,)',
    );
    await rejected({ components: [container(text('no flag'))] }, 'components[0].type');
    const content = await rejected(
      { flags: V2, content: 'hello', components: [text('x')] },
      "content: The 'content' field cannot be used when using MessageFlags.IS_COMPONENTS_V2",
    );
    expect(content.content._errors[0].code).toBe('MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2');
    await rejected(
      { flags: V2, embeds: [{ title: 't' }], components: [text('x')] },
      "'embeds' field cannot be used",
    );
    expect(fake.messages).toHaveLength(1);
  });

  it('≤ 40 components counting nested ones, text displays ≤ 4,000 characters in all', async () => {
    // A container (1) with 13 sections of a text display and a button (3 each): 40.
    const sections = (n: number) => Array.from({ length: n }, (_, i) => section(`s${i}`));
    await send({ flags: V2, components: [container(...sections(13))] });
    const over = await rejected(
      { flags: V2, components: [container(...sections(13)), text('one more')] },
      'components: Maximum number of components exceeded (40) (got 41, nested ones counted)',
    );
    expect(over.components._errors[0].code).toBe('COMPONENT_MAX_TOTAL_COMPONENTS_EXCEEDED');
    await rejected(
      { flags: V2, components: Array.from({ length: 41 }, (_, i) => text(`t${i}`)) },
      'components: Must be 40 or fewer in length',
    );
    // Buttons in a row count too: 7 rows of 5 buttons are 42.
    await rejected(
      { flags: V2, components: Array.from({ length: 7 }, (_, r) => row(...buttons(5, `r${r}-`))) },
      'got 42',
    );
    await send({ flags: V2, components: [text('a'.repeat(2000)), container(text('b'.repeat(2000)))] });
    await rejected(
      { flags: V2, components: [text('a'.repeat(2000)), container(section('x', text('b'.repeat(2001))))] },
      'text displays of a message must total 4000 characters or fewer (got 4001)',
    );
    await rejected({ flags: V2, components: [text('')] }, 'components[0].content');
    await rejected({ flags: V2, components: [text('a'.repeat(4001))] }, 'components[0].content');
    expect(fake.messages).toHaveLength(2);
  });

  it('sections hold 1–3 text displays and an accessory; containers hold no containers; custom_id unique throughout', async () => {
    await send({ flags: V2, components: [section('three', text('1'), text('2'), text('3'))] });
    await rejected(
      { flags: V2, components: [section('four', text('1'), text('2'), text('3'), text('4'))] },
      'components[0].components: Must be between 1 and 3',
    );
    await rejected(
      { flags: V2, components: [{ type: 9, components: [text('1')] }] },
      'components[0].accessory: This field is required',
    );
    await rejected(
      { flags: V2, components: [{ type: 9, components: [text('1')], accessory: text('not a button') }] },
      'components[0].accessory.type: Value of field "type" must be one of (2, 11)',
    );
    await rejected(
      { flags: V2, components: [{ type: 9, components: [row(button('x'))], accessory: button('y') }] },
      'components[0].components[0].type',
    );
    await rejected(
      { flags: V2, components: [container(container(text('nested')))] },
      'components[0].components[0].type: Value of field "type" must be one of (1, 9, 10, 12, 13, 14)',
    );
    await rejected(
      { flags: V2, components: [container()] },
      'components[0].components: Must be between 1 and 40',
    );
    const dup = await rejected(
      { flags: V2, components: [container(section('same')), container(row(button('same')))] },
      'Component custom id cannot be duplicated ("same")',
    );
    expect(dup.components[1].components[0].components[0].custom_id._errors[0].code).toBe(
      'COMPONENT_CUSTOM_ID_DUPLICATED',
    );
    expect(fake.messages).toHaveLength(1);
  });

  it('keeps the flag on edits: it cannot be taken off, and turning it on drops no content silently', async () => {
    const m = await send({ flags: V2, components: [text('v2')] });
    await api.channels.editMessage(CHANNEL, m.id, { components: [text('still v2')] } as never);
    expect(fake.messages[0]).toMatchObject({ flags: V2, components: [text('still v2')] });
    const e = await apiError(api.channels.editMessage(CHANNEL, m.id, { content: 'classic again' }));
    expect(e.code).toBe(50035);
    expect(fake.violations.at(-1)).toContain("'content' field cannot be used");
    await apiError(
      api.channels.editMessage(CHANNEL, m.id, { flags: 0, components: [row(button('x'))] } as never),
    );
    expect(fake.violations.at(-1)).toContain('IS_COMPONENTS_V2 cannot be removed from a message');
    const classic = await send({ content: 'classic' });
    await apiError(
      api.channels.editMessage(CHANNEL, classic.id, { flags: V2, components: [text('v2 now')] } as never),
    );
    expect(fake.violations.at(-1)).toContain('the message still has its content');
    await api.channels.editMessage(CHANNEL, classic.id, {
      content: '',
      flags: V2,
      components: [text('v2 now')],
    } as never);
    expect(fake.messages[1]).toMatchObject({ flags: V2, components: [text('v2 now')] });
    expect(fake.messages[1]?.content).toBeUndefined();
  });

  it('a deferral takes only EPHEMERAL: the V2 answer sets its flag on the @original edit', async () => {
    expect(fake.checkInteractionResponse({ type: 5, data: { flags: 64 } })).toEqual([]);
    expect(fake.checkInteractionResponse({ type: 5, data: { flags: 64 | V2 } })).toEqual([
      expect.stringContaining('data.flags: Invalid flags'),
    ]);
    expect(
      fake.checkInteractionResponse({ type: 4, data: { flags: 64 | V2, components: [text('hi')] } }),
    ).toEqual([]);
    expect(fake.checkInteractionResponse({ type: 4, data: { flags: V2, content: 'hi' } })).toEqual([
      expect.stringContaining("data.content: The 'content' field cannot be used"),
    ]);
    expect(fake.violations).toHaveLength(2);
    expect(fake.violations[0]).toContain('interaction response (type 5)');
    const token = fake.issueInteractionToken(CHANNEL);
    await api.interactions.editReply(APP_ID, token, {
      flags: V2,
      components: [container(section('apply'))],
    } as never);
    expect(fake.interactionMessages(token)).toMatchObject([{ original: true, flags: V2 }]);
  });
});

describe('fake Discord: interaction follow-ups', () => {
  it('edits @original, follows up, edits a follow-up, all without bot auth', async () => {
    const token = fake.issueInteractionToken(CHANNEL);
    const original = await api.interactions.editReply(APP_ID, token, { content: '処理中…' });
    expect(original).toMatchObject({ content: '処理中…', channel_id: CHANNEL, webhook_id: APP_ID });
    await api.interactions.editReply(APP_ID, token, { content: 'done', components: [row(button('again'))] });
    const follow = await api.interactions.followUp(APP_ID, token, { content: 'more', flags: 64 });
    expect(follow.id).toMatch(/^\d{17,19}$/);
    await api.interactions.editReply(APP_ID, token, { content: 'more!' }, follow.id);
    expect(await api.interactions.getOriginalReply(APP_ID, token)).toMatchObject({
      id: original.id,
      content: 'done',
    });

    expect(fake.interactionMessages(token)).toMatchObject([
      { id: original.id, content: 'done', original: true, edited: true, author: 'webhook' },
      { id: follow.id, content: 'more!', flags: 64, edited: true, author: 'webhook' },
    ]);
    expect(fake.messagesIn(CHANNEL)).toHaveLength(2);
    const webhookCalls = fake.calls.filter((c) => c.route.includes('/webhooks/'));
    expect(webhookCalls.map((c) => c.route)).toEqual([
      'PATCH /webhooks/:id/:token/messages/@original',
      'PATCH /webhooks/:id/:token/messages/@original',
      'POST /webhooks/:id/:token',
      'PATCH /webhooks/:id/:token/messages/:id',
      'GET /webhooks/:id/:token/messages/@original',
    ]);
    expect(webhookCalls.every((c) => c.headers.authorization === undefined)).toBe(true);
    // Without ?wait=true a follow-up answers 204 (Discord's Execute Webhook).
    const noWait = await fetch(`${fake.url}/api/v10/webhooks/${APP_ID}/${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ content: 'fire and forget' }),
    });
    expect(noWait.status).toBe(204);
    expect(fake.interactionMessages(token)).toHaveLength(3);
    expect(fake.violations).toEqual([]);

    const tooLong = await apiError(api.interactions.followUp(APP_ID, token, { content: 'a'.repeat(2001) }));
    expect(tooLong.code).toBe(50035);
    expect(fake.violations.at(-1)).toContain('POST /webhooks/:id/:token');
  });

  it('answers 404 10015 to an unknown token, a foreign app id and a token older than 15 minutes', async () => {
    const unknown = await apiError(api.interactions.followUp(APP_ID, 'not-a-token', { content: 'x' }));
    expect(unknown.status).toBe(404);
    expect(unknown.code).toBe(10015);
    const token = fake.issueInteractionToken();
    expect(
      (await apiError(api.interactions.followUp('1100000000000000999', token, { content: 'x' }))).code,
    ).toBe(10015);
    expect(fake.violations).toEqual([]);

    clock += 15 * 60 * 1000;
    await api.interactions.followUp(APP_ID, token, { content: 'just in time' });
    clock += 1;
    const late = await apiError(api.interactions.editReply(APP_ID, token, { content: 'late' }));
    expect(late.code).toBe(10015);
    expect(fake.violations).toEqual([expect.stringContaining('used after 15 minutes')]);
    expect(fake.interactionMessages(token).map((m) => m.content)).toEqual(['just in time']);
  });
});

describe('fake Discord: interaction responses the app sends back', () => {
  const label = (component: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    type: 18,
    label: 'Label',
    component,
    ...extra,
  });
  const textInput = (id: string, extra: Record<string, unknown> = {}) => ({
    type: 4,
    custom_id: id,
    style: 1,
    ...extra,
  });
  const modal = (components: unknown[], extra: Record<string, unknown> = {}) => ({
    type: 9,
    data: { custom_id: 'form:x:{}', title: 'Form', components, ...extra },
  });
  /** The violation lines `response` adds. */
  const violations = (response: unknown): string[] => {
    const before = fake.violations.length;
    fake.checkInteractionResponse(response);
    return fake.violations.slice(before);
  };

  it('takes a modal of Labels at the limits: every input kind, 45/100 characters, 25 options, 10 files', () => {
    const options = (n: number) => Array.from({ length: n }, (_, i) => ({ label: `L${i}`, value: `v${i}` }));
    const at = modal(
      [
        { type: 10, content: 'x'.repeat(4000) },
        label(textInput('t', { value: 'x'.repeat(4000), max_length: 4000, placeholder: 'p'.repeat(100) }), {
          label: 'l'.repeat(45),
          description: 'd'.repeat(100),
        }),
        label({ type: 3, custom_id: 's', options: options(25), min_values: 0, max_values: 25 }),
        label({ type: 19, custom_id: 'f', min_values: 0, max_values: 10, required: false }),
        label({ type: 21, custom_id: 'r', options: options(10) }),
      ],
      { custom_id: 'c'.repeat(100), title: 't'.repeat(45) },
    );
    expect(violations(at)).toEqual([]);
    expect(violations({ type: 4, data: { content: 'ok' } })).toEqual([]);
  });

  it('records each limit a modal breaks, one step past it', () => {
    const options = (n: number) => Array.from({ length: n }, (_, i) => ({ label: `L${i}`, value: `v${i}` }));
    const cases: [unknown, string][] = [
      [modal([label(textInput('t'))], { title: 't'.repeat(46) }), 'data.title'],
      [modal([label(textInput('t'))], { custom_id: 'c'.repeat(101) }), 'data.custom_id'],
      [modal(Array.from({ length: 6 }, (_, i) => label(textInput(`t${i}`)))), '6 components'],
      [modal([label(textInput('t'), { label: 'l'.repeat(46) })]), 'data.components[0].label'],
      [modal([label(textInput('t'), { description: 'd'.repeat(101) })]), 'data.components[0].description'],
      [modal([label(textInput('t', { label: 'own label' }))]), 'not allowed inside a Label'],
      [modal([label(textInput('t', { value: 'x'.repeat(4001) }))]), 'component.value'],
      [modal([label(textInput('t', { placeholder: 'p'.repeat(101) }))]), 'component.placeholder'],
      [modal([label({ type: 3, custom_id: 's', options: options(26) })]), '26 options'],
      [modal([label({ type: 3, custom_id: 's', options: [] })]), '0 options'],
      [modal([label({ type: 19, custom_id: 'f', max_values: 11 })]), 'component.max_values'],
      [modal([label({ type: 21, custom_id: 'r', options: options(1) })]), '1 options'],
      [modal([label({ type: 2, custom_id: 'b', style: 1 })]), 'cannot be in a Label'],
      [modal([label(textInput('t')), label(textInput('t'))]), 'used twice'],
      [modal([{ type: 1, components: [textInput('t')] }]), 'components[0].components[0].label'],
      [{ type: 4, data: { content: 'x'.repeat(2001) } }, 'content'],
    ];
    expect(fake.violations.length).toBe(0);
    fake.checkInteractionResponse(modal([label(textInput('t'))]), 5);
    expect(fake.violations.at(-1)).toContain('a modal cannot answer interaction type 5');
    for (const [response, mention] of cases) {
      const lines = violations(response);
      expect(lines, mention).toHaveLength(1);
      expect(lines[0]).toContain(mention);
    }
  });
});

describe('fake Discord: files', () => {
  const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
  const MiB = 1024 * 1024;
  /** A REST client for another fake (its sweepers cleared in afterAll). */
  const restFor = (url: string): REST => {
    const rest = new REST({ api: `${url}/api`, version: '10' }).setToken(TOKEN);
    rests.push(rest);
    return rest;
  };

  it('stores the files @discordjs/rest sends with their bytes and serves each at its url', async () => {
    const { rest } = client();
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(60_000)]);
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      randomBytes(5_000),
    ]);
    const sent = (await rest.post(Routes.channelMessages(CHANNEL), {
      body: { content: '請求書を送ります' },
      files: [
        { name: '請求書.pdf', data: pdf },
        { name: 'scan.png', data: png },
      ],
    })) as APIMessage;
    expect(fake.violations).toEqual([]);
    const call = fake.calls.at(-1);
    expect(call?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(call?.files).toEqual([
      { name: '請求書.pdf', size: pdf.length },
      { name: 'scan.png', size: png.length },
    ]);
    const [m] = fake.messagesIn(CHANNEL);
    expect(m?.content).toBe('請求書を送ります');
    expect(m?.attachments.map((a) => [a.filename, a.size, a.content_type, sha256(a.bytes)])).toEqual([
      ['請求書.pdf', pdf.length, 'application/pdf', sha256(pdf)],
      ['scan.png', png.length, 'image/png', sha256(png)],
    ]);
    expect(m?.files).toEqual([
      { name: '請求書.pdf', size: pdf.length },
      { name: 'scan.png', size: png.length },
    ]);
    expect(fake.attachments).toEqual(m?.attachments);
    // The answer carries Discord's attachment objects; each url serves the bytes (no auth, like the CDN).
    expect(sent.attachments).toEqual(
      m?.attachments.map((a) => ({
        id: a.id,
        filename: a.filename,
        size: a.size,
        url: a.url,
        proxy_url: a.url,
        content_type: a.content_type,
      })),
    );
    for (const a of m?.attachments ?? []) {
      expect(a.id).toMatch(/^\d{17,19}$/);
      const got = await fetch(a.url);
      expect(got.status).toBe(200);
      expect(got.headers.get('content-type')).toBe(a.content_type);
      expect(sha256(Buffer.from(await got.arrayBuffer()))).toBe(sha256(a.bytes));
    }
    expect((await fetch(`${fake.url}/attachments/${CHANNEL}/1/nothing.txt`)).status).toBe(404);
  });

  it('takes files on follow-ups, @original and channel edits; `attachments` keeps, renames or drops them', async () => {
    const token = fake.issueInteractionToken(CHANNEL);
    const a = Buffer.from('first file');
    const b = Buffer.from('second file');
    await api.interactions.editReply(APP_ID, token, { content: 'v1', files: [{ name: 'a.txt', data: a }] });
    const [original] = fake.interactionMessages(token);
    const kept = original?.attachments[0];
    expect(kept).toMatchObject({ filename: 'a.txt', content_type: 'text/plain', size: a.length });
    // List the kept file and the new files[0] (renamed, with alt text): both stay.
    await api.interactions.editReply(APP_ID, token, {
      attachments: [
        { id: kept?.id ?? '' },
        { id: '0', filename: 'b-renamed.txt', description: 'the second' },
      ],
      files: [{ name: 'b.txt', data: b }],
    });
    expect(original?.attachments.map((x) => [x.filename, x.description, sha256(x.bytes)])).toEqual([
      ['a.txt', undefined, sha256(a)],
      ['b-renamed.txt', 'the second', sha256(b)],
    ]);
    expect(original?.attachments[0]?.id).toBe(kept?.id);
    // `attachments: []` drops every file (the content stays).
    await api.interactions.editReply(APP_ID, token, { attachments: [] });
    expect(original).toMatchObject({ content: 'v1', attachments: [], files: [] });

    const follow = await api.interactions.followUp(APP_ID, token, {
      content: 'more',
      files: [{ name: 'c.csv', data: b }],
    });
    expect(follow.attachments).toMatchObject([
      { filename: 'c.csv', size: b.length, content_type: 'text/csv' },
    ]);
    const fromChannel = await send({ content: 'channel' });
    await api.channels.editMessage(CHANNEL, fromChannel.id, { files: [{ name: 'd.bin', data: a }] });
    expect(fake.messagesIn(CHANNEL).find((x) => x.id === fromChannel.id)?.attachments).toMatchObject([
      { filename: 'd.bin', size: a.length, content_type: 'application/octet-stream' },
    ]);
    // Files alone are a message, also without payload_json.
    const form = new FormData();
    form.append('files[0]', new Blob([new Uint8Array(a)]), 'only.txt');
    const only = await fetch(`${fake.url}/api/v10/channels/${CHANNEL}/messages`, {
      method: 'POST',
      headers: { authorization: `Bot ${TOKEN}` },
      body: form,
    });
    expect(only.status).toBe(200);
    expect(fake.messages.at(-1)?.attachments.map((x) => sha256(x.bytes))).toEqual([sha256(a)]);
    expect(fake.attachments.map((x) => x.filename)).toEqual([
      'a.txt',
      'b-renamed.txt',
      'c.csv',
      'd.bin',
      'only.txt',
    ]);
    expect(fake.violations).toEqual([]);
  });

  it('refuses 11 files (30015), an attachment id matching no file, and a files[n] part without a filename', async () => {
    const file = (i: number) => ({ name: `f${i}.txt`, data: Buffer.from(`file ${i}`) });
    await api.channels.createMessage(CHANNEL, { files: Array.from({ length: 10 }, (_, i) => file(i)) });
    expect(fake.messages[0]?.attachments).toHaveLength(10);
    const eleven = await apiError(
      api.channels.createMessage(CHANNEL, { files: Array.from({ length: 11 }, (_, i) => file(i)) }),
    );
    expect([eleven.status, eleven.code]).toEqual([400, 30015]);
    expect(fake.violations.at(-1)).toContain('11 attachments (max 10)');

    const stray = await apiError(
      api.channels.createMessage(CHANNEL, { attachments: [{ id: '5' }], files: [file(0)] } as never),
    );
    expect([stray.status, stray.code]).toEqual([400, 50035]);
    expect(errorsOf(stray)).toEqual({
      attachments: {
        0: { _errors: [{ code: 'ATTACHMENT_NOT_FOUND', message: 'Attachment data not found' }] },
      },
    });
    expect(fake.violations.at(-1)).toContain('attachments[0]: Attachment data not found');

    const boundary = 'fakeboundary';
    const body = [
      `--${boundary}\r\nContent-Disposition: form-data; name="payload_json"\r\n\r\n{"content":"x"}\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="files[0]"\r\n\r\nno filename\r\n`,
      `--${boundary}--\r\n`,
    ].join('');
    const nameless = await fetch(`${fake.url}/api/v10/channels/${CHANNEL}/messages`, {
      method: 'POST',
      headers: { authorization: `Bot ${TOKEN}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
      body,
    });
    expect(nameless.status).toBe(400);
    expect(await nameless.json()).toMatchObject({ code: 50035 });
    expect(fake.violations.at(-1)).toContain('files[0]');
    expect(fake.messages).toHaveLength(1);
  });

  it('answers 413 40005 past the upload limit per file (20 MiB by default) or the 25 MiB request', async () => {
    const big = await apiError(
      api.channels.createMessage(CHANNEL, { files: [{ name: 'big.bin', data: Buffer.alloc(20 * MiB + 1) }] }),
    );
    expect([big.status, big.code, big.message]).toEqual([413, 40005, 'Request entity too large']);
    expect(fake.violations.at(-1)).toContain(
      `file big.bin is ${20 * MiB + 1} bytes (max ${20 * MiB} per file)`,
    );
    await api.channels.createMessage(CHANNEL, {
      files: [{ name: 'fits.bin', data: Buffer.alloc(20 * MiB) }],
    });
    expect(fake.messages[0]?.attachments[0]?.size).toBe(20 * MiB);
    const total = await apiError(
      api.channels.createMessage(CHANNEL, {
        files: [
          { name: 'a.bin', data: Buffer.alloc(13 * MiB) },
          { name: 'b.bin', data: Buffer.alloc(13 * MiB) },
        ],
      }),
    );
    expect([total.status, total.code]).toEqual([413, 40005]);
    expect(fake.violations.at(-1)).toMatch(/request of \d+ bytes \(max 26214400\)/);
    expect(fake.messages).toHaveLength(1);

    // A server with other limits (a boost tier, or a small one for cheap tests).
    const small = await startFakeDiscord({
      botToken: TOKEN,
      applicationId: APP_ID,
      maxFileBytes: 1000,
      maxRequestBytes: 4000,
    });
    try {
      const smallApi = new API(restFor(small.url));
      await smallApi.channels.createMessage(CHANNEL, {
        files: [{ name: 'ok.bin', data: Buffer.alloc(1000) }],
      });
      const over = await apiError(
        smallApi.channels.createMessage(CHANNEL, { files: [{ name: 'no.bin', data: Buffer.alloc(1001) }] }),
      );
      expect(over.status).toBe(413);
      const many = Array.from({ length: 5 }, (_, i) => ({ name: `${i}.bin`, data: Buffer.alloc(900) }));
      expect((await apiError(smallApi.channels.createMessage(CHANNEL, { files: many }))).status).toBe(413);
      expect(small.messages.map((x) => x.files)).toEqual([[{ name: 'ok.bin', size: 1000 }]]);
      expect(small.violations).toHaveLength(2);
    } finally {
      await small.close();
    }
  });
});

describe('fake Discord: command registration', () => {
  it('echoes commands with ids, keeping ids across overwrites', async () => {
    const body = [
      command('jobs', {
        name_localizations: { ja: '求人' },
        options: [{ type: 3, name: 'query', description: 'Search words', required: false }],
      }),
      command('invoice'),
    ];
    const first = await api.applicationCommands.bulkOverwriteGuildCommands(APP_ID, GUILD, body as never);
    expect(first).toMatchObject([
      { name: 'jobs', type: 1, application_id: APP_ID, guild_id: GUILD },
      { name: 'invoice', type: 1 },
    ]);
    expect(first[0]?.id).toMatch(/^\d{17,19}$/);
    expect(fake.commands.guilds.get(GUILD)).toHaveLength(2);
    const again = await api.applicationCommands.bulkOverwriteGuildCommands(APP_ID, GUILD, [body[0]] as never);
    expect(again[0]?.id).toBe(first[0]?.id);
    expect(fake.commands.guilds.get(GUILD)).toHaveLength(1);
    await api.applicationCommands.bulkOverwriteGlobalCommands(APP_ID, body as never);
    expect(fake.commands.global.map((c) => c.name)).toEqual(['jobs', 'invoice']);
    expect(fake.violations).toEqual([]);
  });

  it('rejects bad names, descriptions and option counts', async () => {
    const put = (cmds: unknown[]) =>
      api.applicationCommands.bulkOverwriteGuildCommands(APP_ID, GUILD, cmds as never);
    const bad = async (cmds: unknown[], mention: string) => {
      const e = await apiError(put(cmds));
      expect(e.code).toBe(50035);
      expect(fake.violations.at(-1)).toContain(mention);
      return errorsOf(e);
    };
    const errors = await bad(
      [command('ok'), command('Bad Name')],
      '[1].name: Command name is invalid ("Bad Name")',
    );
    expect(errors[1].name._errors[0].code).toBe('APPLICATION_COMMAND_INVALID_NAME');
    await bad([command('x'.repeat(33))], '[0].name');
    await bad([command('upper', { name_localizations: { ja: '求人 一覧' } })], '[0].name_localizations.ja');
    await bad([command('d', { description: 'd'.repeat(101) })], '[0].description');
    await bad([command('d', { description: '' })], '[0].description');
    const opts = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ type: 3, name: `o${i}`, description: 'o' }));
    await put([command('many', { options: opts(25) })]);
    await bad([command('many', { options: opts(26) })], '[0].options: Must be 25 or fewer');
    const subs = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ type: 1, name: `s${i}`, description: 's' }));
    await put([command('subs', { options: subs(25) })]);
    await bad([command('subs', { options: subs(26) })], '[0].options: Must be 25 or fewer');
    const choices = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `c${i}`, value: `c${i}` }));
    await put([
      command('pick', { options: [{ type: 3, name: 'c', description: 'c', choices: choices(25) }] }),
    ]);
    await bad(
      [command('pick', { options: [{ type: 3, name: 'c', description: 'c', choices: choices(26) }] })],
      'choices',
    );
    await bad([command('dup'), command('dup')], 'must be unique');
    expect(fake.commands.guilds.get(GUILD)?.map((c) => c.name)).toEqual(['pick']);
  });

  it('refuses more than 100 chat-input commands', async () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => command(`c${i}`));
    await api.applicationCommands.bulkOverwriteGlobalCommands(APP_ID, many(100) as never);
    expect(fake.commands.global).toHaveLength(100);
    const e = await apiError(api.applicationCommands.bulkOverwriteGlobalCommands(APP_ID, many(101) as never));
    expect(e.status).toBe(400);
    expect(e.code).toBe(30032);
    expect(fake.violations).toEqual([expect.stringContaining('101 chat-input commands')]);
    expect(fake.commands.global).toHaveLength(100);
  });
});

describe('fake Discord: rate limits', () => {
  it('one client waits on the headers: 6 concurrent sends at 2/s all arrive, no 429', async () => {
    fake.setRates({ routeRate: 2 });
    const c = client();
    const start = Date.now();
    await Promise.all(
      Array.from({ length: 6 }, (_, i) => c.api.channels.createMessage(CHANNEL, { content: `m${i}` })),
    );
    expect(Date.now() - start).toBeGreaterThanOrEqual(1000);
    expect(fake.messagesIn(CHANNEL).map((m) => m.content)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5']);
    // @discordjs/rest reads X-RateLimit-Remaining/Reset-After and waits before the bucket is empty.
    expect(fake.calls).toHaveLength(6);
    expect(fake.calls.every((x) => x.status === 200)).toBe(true);
  });

  it('two clients sharing a bucket hit 429, retry after retry_after, and lose nothing', async () => {
    fake.setRates({ routeRate: 2 });
    const a = client();
    const b = client();
    await Promise.all(
      [a, b].flatMap((c, k) =>
        Array.from({ length: 3 }, (_, i) => c.api.channels.createMessage(CHANNEL, { content: `${k}-${i}` })),
      ),
    );
    expect(
      fake
        .messagesIn(CHANNEL)
        .map((m) => m.content)
        .sort(),
    ).toEqual(['0-0', '0-1', '0-2', '1-0', '1-1', '1-2']);
    const limited = fake.calls.filter((x) => x.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(1);
    expect(limited[0]?.response).toMatchObject({ message: 'You are being rate limited.', global: false });
    expect(limited[0]?.response.retry_after).toBeGreaterThan(0);
    expect(fake.calls.filter((x) => x.status === 200)).toHaveLength(6);
    expect(fake.violations).toEqual([]);
  });

  it('the global limit answers 429 global:true across channels; the library backs off globally', async () => {
    fake.setRates({ globalRate: 3 });
    const c = client();
    const channels = Array.from({ length: 6 }, (_, i) => `13000000000000001${i}0`);
    await Promise.all(channels.map((ch) => c.api.channels.createMessage(ch, { content: ch })));
    for (const ch of channels) expect(fake.messagesIn(ch)).toHaveLength(1);
    const limited = fake.calls.filter((x) => x.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(1);
    expect(limited.every((x) => x.response.global === true)).toBe(true);
  });
});
