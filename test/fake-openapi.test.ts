/**
 * The fakes check request bodies against the platforms' own API descriptions (test/fakes/openapi.ts, reading
 * ../shared/platform-specs): Discord's OpenAPI 3.1, LINE's OpenAPI 3.0 (YAML) and Slack's Swagger 2.0. Each wired
 * fake refuses a body that only the spec catches, the way the platform answers, and takes a valid one; the
 * readings of the specs' quirks hold (Discord's int-parseable strings, dispatch on `type`, LINE's discriminators);
 * and without the specs folder nothing is checked and nothing is said.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeDiscord, startFakeDiscord } from './fakes/discord-api.ts';
import { type FakeLine, startFakeLine } from './fakes/line-api.ts';
import {
  describeSpecErrors,
  operationTemplate,
  specAvailable,
  validateRequest,
  validateSchema,
} from './fakes/openapi.ts';
import { type FakeSlack, startFakeSlack } from './fakes/slack-api.ts';

const DISCORD_TOKEN = 'fake-bot-token';
const APP_ID = '1100000000000000001';
const CHANNEL = '1300000000000000001';
const LINE_TOKEN = 'line-token';
const SLACK_TOKEN = 'xoxb-test-token';

const present = specAvailable('discord') && specAvailable('line') && specAvailable('slack');

let discord: FakeDiscord;
let line: FakeLine;
let slack: FakeSlack;

beforeAll(async () => {
  discord = await startFakeDiscord({ botToken: DISCORD_TOKEN, applicationId: APP_ID });
  line = await startFakeLine({ channelAccessToken: LINE_TOKEN });
  slack = await startFakeSlack({ botToken: SLACK_TOKEN });
});
afterAll(async () => {
  await discord.close();
  await line.close();
  await slack.close();
});
beforeEach(() => {
  discord.reset();
  line.reset();
  slack.reset();
});

// biome-ignore lint/suspicious/noExplicitAny: answers are inspected freely.
type Answer = { status: number; json: any };

async function discordPost(apiPath: string, body: unknown, method = 'POST'): Promise<Answer> {
  const res = await fetch(`${discord.url}/api/v10${apiPath}`, {
    method,
    headers: { authorization: `Bot ${DISCORD_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: res.status === 204 ? null : await res.json() };
}
const sendMessage = (body: unknown) => discordPost(`/channels/${CHANNEL}/messages`, body);

async function linePush(messages: unknown[], extra: Record<string, unknown> = {}): Promise<Answer> {
  const res = await fetch(`${line.url}/v2/bot/message/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${LINE_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ to: 'U1', messages, ...extra }),
  });
  return { status: res.status, json: await res.json() };
}

async function slackCall(method: string, args: Record<string, string>): Promise<Answer> {
  const res = await fetch(`${slack.url}/api/${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${SLACK_TOKEN}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(args).toString(),
  });
  return { status: res.status, json: await res.json() };
}

const row = (...components: unknown[]) => ({ type: 1, components });
const flexText = (contents: unknown[]) => ({
  type: 'flex',
  altText: 'card',
  contents: { type: 'bubble', body: { type: 'box', layout: 'vertical', contents } },
});

describe('the platform specs', () => {
  it('are found beside the repository (CI has them; a bare clone may not, and then skips the checks)', () => {
    if (process.env.CI) expect(present).toBe(true);
    expect(typeof present).toBe('boolean');
  });
});

describe.skipIf(!present)('spec checks: the module', () => {
  it('finds the operation of a path, a literal segment before a template', () => {
    expect(operationTemplate('discord', 'POST', `/channels/${CHANNEL}/messages`)).toBe(
      '/channels/{channel_id}/messages',
    );
    expect(operationTemplate('discord', 'PATCH', '/webhooks/1/tok/messages/@original')).toBe(
      '/webhooks/{webhook_id}/{webhook_token}/messages/@original',
    );
    expect(operationTemplate('line', 'POST', '/v2/bot/message/push')).toBe('/v2/bot/message/push');
    // Slack's spec names one verb per method; the Web API takes any.
    expect(operationTemplate('slack', 'POST', '/api/views.open')).toBe('/views.open');
    expect(operationTemplate('slack', 'POST', '/api/files.getUploadURLExternal')).toBeUndefined();
  });

  it('reports readable errors with a JSON pointer, dispatching unions on type', () => {
    const errors = validateRequest('discord', 'POST', `/channels/${CHANNEL}/messages`, {
      content: 'x',
      components: [row({ type: 99, custom_id: 'a' })],
      allowed_mentions: { parse: ['nobody'] },
    });
    expect(describeSpecErrors(errors)).toEqual([
      '/components/0/components/0/type: must be one of (2, 3, 5, 6, 7, 8) (got 99)',
      '/allowed_mentions/parse/0: must be one of ("users", "roles", "everyone") (got "nobody")',
    ]);
    expect(errors[0]).toMatchObject({ path: ['components', 0, 'components', 0, 'type'], keyword: 'union' });
    expect(validateSchema('discord', 'MessageAllowedMentionsRequest', { parse: ['users'] })).toEqual([]);
    // Discord takes int-parseable strings where the spec says integer (discord.js sends permissions so).
    expect(validateSchema('discord', 'RichEmbed', { color: '255' })).toEqual([]);
    expect(describeSpecErrors(validateSchema('discord', 'RichEmbed', { color: 'red' }))).toEqual([
      '/color: must be integer or null (got string)',
    ]);
  });

  it("expands LINE's discriminators: the subtype named by type is checked, an unknown type fails", () => {
    const push = (messages: unknown[]) =>
      describeSpecErrors(validateRequest('line', 'POST', '/v2/bot/message/push', { to: 'U1', messages }));
    expect(push([{ type: 'text', text: 'hi' }])).toEqual([]);
    expect(push([{ type: 'text' }])).toEqual(['/messages/0/text: is required']);
    expect(push([{ type: 'bogus' }])[0]).toMatch(
      /^\/messages\/0\/type: must be one of \("text", .*\(got "bogus"\)$/,
    );
    expect(push([{ text: 'no type' }])[0]).toMatch(/^\/messages\/0\/type: is required/);
    expect(push([flexText([{ type: 'text', text: 'a' }, { type: 'nope' }])])[0]).toMatch(
      /^\/messages\/0\/contents\/body\/contents\/1\/type: must be one of/,
    );
  });
});

describe.skipIf(!present)('spec checks: fake Discord', () => {
  it('refuses a message that only the spec catches with 50035, and takes a valid one', async () => {
    const bad = await sendMessage({ content: 'hi', allowed_mentions: { parse: ['nobody'] } });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ code: 50035, message: 'Invalid Form Body' });
    expect(bad.json.errors.allowed_mentions.parse[0]._errors[0].code).toBe('BASE_TYPE_CHOICES');
    expect(discord.violations).toEqual([
      expect.stringContaining('allowed_mentions.parse[0]: must be one of ("users", "roles", "everyone")'),
    ]);
    expect(discord.violations[0]).toContain('(API spec)');

    const colour = await sendMessage({ embeds: [{ title: 't', color: 'red' }] });
    expect(colour.status).toBe(400);
    expect(colour.json.errors.embeds[0].color._errors[0].message).toMatch(/must be integer/);

    const good = await sendMessage({
      content: 'hi',
      allowed_mentions: { parse: ['users'] },
      embeds: [{ title: 't', color: '16711680' }],
      components: [row({ type: 2, style: 1, label: 'Go', custom_id: 'go' })],
    });
    expect(good.status).toBe(200);
    expect(discord.messages).toHaveLength(1);
    expect(discord.violations).toHaveLength(2);
  });

  it("keeps the fake's own error where both name the same field, and adds the spec's elsewhere", async () => {
    const both = await sendMessage({
      content: 'x',
      components: [row({ type: 99 })],
      allowed_mentions: { parse: ['nobody'] },
    });
    expect(both.status).toBe(400);
    const type = both.json.errors.components[0].components[0].type._errors;
    expect(type).toHaveLength(1);
    expect(type[0].message).toBe('Value of field "type" must be one of (2, 3, 5, 6, 7, 8).');
    expect(both.json.errors.allowed_mentions.parse[0]._errors).toHaveLength(1);
    expect(discord.violations).toHaveLength(1);
  });

  it('checks the payload_json of a multipart body, interaction follow-ups and command registration', async () => {
    const form = new FormData();
    form.append('payload_json', JSON.stringify({ content: 'file', allowed_mentions: { parse: ['nobody'] } }));
    form.append('files[0]', new Blob(['hello']), 'a.txt');
    const multipart = await fetch(`${discord.url}/api/v10/channels/${CHANNEL}/messages`, {
      method: 'POST',
      headers: { authorization: `Bot ${DISCORD_TOKEN}` },
      body: form,
    });
    expect(multipart.status).toBe(400);
    expect(discord.violations.at(-1)).toContain('allowed_mentions.parse[0]');

    const token = discord.issueInteractionToken(CHANNEL);
    const followUp = await discordPost(`/webhooks/${APP_ID}/${token}`, { content: 'x', tts: 'loud' });
    expect(followUp.status).toBe(400);
    expect(discord.violations.at(-1)).toMatch(/POST \/webhooks\/:id\/:token: tts: must be boolean/);

    const put = (commands: unknown[]) => discordPost(`/applications/${APP_ID}/commands`, commands, 'PUT');
    const ok = await put([{ name: 'jobs', description: 'Jobs', default_member_permissions: '8' }]);
    expect(ok.status).toBe(200);
    const bad = await put([{ name: 'jobs', description: 'Jobs', default_member_permissions: 'admin' }]);
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].default_member_permissions._errors).toHaveLength(1);
    expect(discord.violations).toHaveLength(3);
  });

  it('checks interaction responses against the callback schema and the message limits', () => {
    expect(discord.checkInteractionResponse({ type: 1 })).toEqual([]);
    expect(discord.checkInteractionResponse({ type: 4, data: { content: 'hi', flags: 64 } })).toEqual([]);
    expect(discord.checkInteractionResponse({ type: 5, data: { flags: 64 } })).toEqual([]);
    const modal = {
      type: 9,
      data: {
        custom_id: 'apply',
        title: 'Apply',
        components: [row({ type: 4, custom_id: 'why', style: 2, label: 'Why?' })],
      },
    };
    expect(discord.checkInteractionResponse(modal)).toEqual([]);
    expect(discord.violations).toEqual([]);

    expect(discord.checkInteractionResponse({ type: 3 })).toEqual([
      'type: must be one of (1, 4, 5, 6, 7, 8, 9, 12, 13) (got 3) (API spec)',
    ]);
    const { title: _title, ...untitled } = modal.data;
    // The modal limits (discord-modal.ts) name it first; the spec's reading is not repeated.
    expect(discord.checkInteractionResponse({ type: 9, data: untitled })).toEqual(['data.title: required']);
    // The documented 2,000 characters of a message hold in an interaction response too.
    expect(discord.checkInteractionResponse({ type: 4, data: { content: 'a'.repeat(2001) } })).toEqual([
      'data.content: Must be 2000 or fewer in length. (got 2001)',
    ]);
    expect(discord.violations).toHaveLength(3);
    expect(discord.violations[0]).toMatch(/^interaction response \(type 3\): type: must be one of/);
  });
});

describe.skipIf(!present)('spec checks: fake LINE', () => {
  it('refuses a message of unknown type or without its text, as the fake itself does', async () => {
    const unknown = await linePush([{ type: 'bogus' }]);
    expect(unknown.status).toBe(400);
    expect(unknown.json.details).toEqual([
      { message: 'unknown message type "bogus"', property: 'messages[0].type' },
    ]);
    const textless = await linePush([{ type: 'text' }]);
    expect(textless.status).toBe(400);
    expect(textless.json.details.map((d: { property: string }) => d.property)).toEqual(['messages[0].text']);
    expect(line.violations).toHaveLength(2);
  });

  it('refuses what only the spec catches with the same 400, and takes a valid message', async () => {
    const flex = await linePush([flexText([{ type: 'text', text: 'a' }, { type: 'nope' }])]);
    expect(flex.status).toBe(400);
    expect(flex.json.message).toBe('The request body has 1 error(s)');
    expect(flex.json.details[0].property).toBe('messages[0].contents.body.contents[1].type');
    expect(flex.json.details[0].message).toMatch(/^must be one of \("box", .*\(got "nope"\)$/);
    expect(line.violations.at(-1)).toContain('(API spec)');

    const sticker = await linePush([{ type: 'sticker', packageId: '446' }]);
    expect(sticker.status).toBe(400);
    expect(sticker.json.details).toEqual([{ message: 'is required', property: 'messages[0].stickerId' }]);

    const flag = await linePush([{ type: 'text', text: 'hi' }], { notificationDisabled: 'yes' });
    expect(flag.status).toBe(400);
    expect(flag.json.details[0].property).toBe('notificationDisabled');

    const quick = await linePush([
      {
        type: 'text',
        text: 'pick',
        quickReply: { items: [{ type: 'action', action: { type: 'teleport', label: 'Go' } }] },
      },
    ]);
    expect(quick.status).toBe(400);
    expect(quick.json.details[0].property).toBe('messages[0].quickReply.items[0].action.type');
    expect(line.violations).toHaveLength(4);

    const good = await linePush([
      {
        type: 'text',
        text: 'hi',
        quickReply: { items: [{ type: 'action', action: { type: 'message', label: 'Yes', text: 'yes' } }] },
      },
      { type: 'sticker', packageId: '446', stickerId: '1988' },
      flexText([
        { type: 'text', text: 'a' },
        { type: 'button', action: { type: 'postback', label: 'Go', data: 'go' } },
      ]),
    ]);
    expect(good.status).toBe(200);
    expect(line.messagesTo('U1')).toHaveLength(3);
    expect(line.violations).toHaveLength(4);
  });
});

describe.skipIf(!present)('spec checks: fake Slack', () => {
  it('answers invalid_arguments for a missing required argument or a mistyped one', async () => {
    const noChannel = await slackCall('chat.postMessage', { text: 'hi' });
    expect(noChannel.json).toMatchObject({
      ok: false,
      error: 'invalid_arguments',
      response_metadata: { messages: ['[ERROR] missing required field: channel'] },
    });
    const mistyped = await slackCall('chat.postMessage', {
      channel: 'C1',
      text: 'hi',
      unfurl_links: 'maybe',
    });
    expect(mistyped.json.error).toBe('invalid_arguments');
    expect(mistyped.json.response_metadata.messages[0]).toMatch(
      /must be boolean.*\[json-pointer:\/unfurl_links\]/,
    );
    expect(slack.violations).toEqual([
      'chat.postMessage: missing required field: channel (API spec)',
      expect.stringContaining('chat.postMessage: must be boolean (got "maybe")'),
    ]);

    const good = await slackCall('chat.postMessage', {
      channel: 'C1',
      text: 'hi',
      unfurl_links: 'false',
      // Newer than the spec: taken, not refused.
      metadata: JSON.stringify({ event_type: 'x', event_payload: {} }),
    });
    expect(good.json.ok).toBe(true);
  });

  it('lets methods the stale spec lacks through (files.uploadV2 steps)', async () => {
    const res = await slackCall('files.getUploadURLExternal', { filename: 'a.txt', length: '5' });
    expect(res.json).toMatchObject({ ok: true, file_id: expect.stringMatching(/^F/) });
    expect(slack.violations).toEqual([]);
  });
});

describe('without the specs folder', () => {
  it('checks nothing and says nothing', async () => {
    const empty = await mkdtemp(path.join(os.tmpdir(), 'no-platform-specs-'));
    const before = process.env.PLATFORM_SPECS_DIR;
    process.env.PLATFORM_SPECS_DIR = empty;
    try {
      expect(specAvailable('discord')).toBe(false);
      expect(specAvailable('line')).toBe(false);
      expect(validateRequest('discord', 'POST', `/channels/${CHANNEL}/messages`, { tts: 'loud' })).toEqual(
        [],
      );
      expect(validateSchema('line', 'Message', { type: 'bogus' })).toEqual([]);
      expect(discord.checkInteractionResponse({ type: 3 })).toEqual([]);

      const mentions = await sendMessage({ content: 'hi', allowed_mentions: { parse: ['nobody'] } });
      expect(mentions.status).toBe(200);
      const flex = await linePush([flexText([{ type: 'nope' }])]);
      expect(flex.status).toBe(200);
      const post = await slackCall('chat.postMessage', { channel: 'C1', text: 'hi', unfurl_links: 'maybe' });
      expect(post.json.ok).toBe(true);
      expect([...discord.violations, ...line.violations, ...slack.violations]).toEqual([]);
    } finally {
      if (before === undefined) delete process.env.PLATFORM_SPECS_DIR;
      else process.env.PLATFORM_SPECS_DIR = before;
      await rm(empty, { recursive: true, force: true });
    }
    // Back with the folder, the checks are made again.
    expect(specAvailable('discord')).toBe(present);
  });
});
