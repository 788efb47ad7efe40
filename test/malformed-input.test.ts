/**
 * Correctly signed but malformed bodies at every webhook endpoint (issue 17): at least 200 per
 * endpoint, generated from a seed (MALFORMED_SEED, default below) so a failure can be replayed. Each
 * is a real body with one field made hostile, or a body broken as a whole (helpers/malformed.ts).
 *
 * For every one: the answer is 2xx or 4xx (never 5xx), exactly the status the platform expects; and
 * after all of them no row was written in any table, no fake platform API was called, and /readyz is
 * healthy. A valid body sent last shows that the counting would have seen a write.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISCORD_APP, type DiscordBench, openDiscordBench, snowflake } from './helpers/discord.ts';
import { type LineBench, lineUserId, openLineBench } from './helpers/line.ts';
import { type Base, brokenBodies, DELETE, type Field, generate, rowCounts } from './helpers/malformed.ts';
import { openSlackBench, type SlackBench, TEAM } from './helpers/slack.ts';

const SEED = Number(process.env.MALFORMED_SEED ?? 20261206);
const PER_KIND = 240;

const settle = () => new Promise((r) => setTimeout(r, 300));

async function readyz(url: string): Promise<number> {
  return (await fetch(`${url}/readyz`)).status;
}

/** Sends every body; returns the ones answered other than `expected(label)`. */
async function sendAll(
  bodies: { label: string; bytes: Buffer | string }[],
  send: (b: Buffer | string) => Promise<Response>,
  expected: (label: string) => number[],
): Promise<string[]> {
  const wrong: string[] = [];
  for (const { label, bytes } of bodies) {
    const res = await send(bytes);
    await res.arrayBuffer();
    if (process.env.MALFORMED_DEBUG) console.log(res.status, label);
    const want = expected(label);
    if (!want.includes(res.status) || res.status >= 500) wrong.push(`${res.status} ← ${label}`);
  }
  return wrong;
}

const asJson = (g: { label: string; body: unknown }[]) =>
  g.map(({ label, body }) => ({ label, bytes: JSON.stringify(body) }));

describe('LINE: POST /line/webhook', () => {
  let b: LineBench;
  beforeAll(async () => {
    b = await openLineBench('malline');
  });
  afterAll(async () => {
    await b?.close();
  });

  const userId = lineUserId('malformed-line');
  const event = (fields: Record<string, unknown>) => ({
    destination: `U${'f'.repeat(32)}`,
    events: [
      {
        type: 'message',
        mode: 'active',
        timestamp: 1_765_000_000_000,
        source: { type: 'user', userId },
        webhookEventId: '01JEMALFORMED0000000000001',
        deliveryContext: { isRedelivery: false },
        replyToken: 'a'.repeat(32),
        ...fields,
      },
    ],
  });
  const messageId: Field = {
    path: ['events', 0, 'message', 'id'],
    kind: 'id',
    required: true,
  };
  const common: Field[] = [
    { path: ['events'], kind: 'array', required: true },
    // Unknown event types are LINE's to add and pass through; only a type that is no string does not.
    { path: ['events', 0, 'webhookEventId'], kind: 'text', required: true, max: 200 },
    { path: ['events', 0, 'timestamp'], kind: 'number', required: true },
    { path: ['events', 0, 'source', 'type'], kind: 'type', required: true },
    { path: ['events', 0, 'source', 'userId'], kind: 'id', required: true },
    { path: ['events', 0, 'replyToken'], kind: 'text', max: 255 },
    { path: ['events', 0, 'deliveryContext'], kind: 'object' },
  ];
  const bases: Base[] = [
    {
      name: 'text',
      body: event({ message: { id: '468789577898262530', type: 'text', text: 'ヘルプ' } }),
      fields: [
        ...common,
        { ...messageId, kind: 'text', max: 50 },
        { path: ['events', 0, 'message', 'text'], kind: 'text', max: 5000 },
        { path: ['events', 0, 'message'], kind: 'object' },
      ],
    },
    {
      name: 'postback',
      body: event({ type: 'postback', postback: { data: 'help' } }),
      fields: [
        ...common,
        { path: ['events', 0, 'postback'], kind: 'object' },
        { path: ['events', 0, 'postback', 'data'], kind: 'text', required: true, max: 300 },
      ],
    },
    { name: 'follow', body: event({ type: 'follow' }), fields: common },
  ];

  it(`answers ${PER_KIND} malformed, signed bodies 400 and processes none of them`, async () => {
    const bodies = [
      ...asJson(generate(SEED, PER_KIND, bases)),
      ...brokenBodies(JSON.stringify(bases[0]?.body)).map((x) => ({ ...x })),
    ];
    const rowsBefore = await rowCounts(b.schema.url, b.schema.name);
    const callsBefore = b.fake.calls.length;
    const wrong = await sendAll(
      bodies,
      (body) => b.post(body),
      () => [400],
    );
    expect(wrong).toEqual([]);
    await settle();
    expect(await rowCounts(b.schema.url, b.schema.name)).toEqual(rowsBefore);
    expect(b.fake.calls.slice(callsBefore)).toEqual([]);
    expect(await readyz(b.url)).toBe(200);

    // The control: the valid body itself is processed (a user and an inbound event are written).
    const res = await b.post(JSON.stringify(bases[0]?.body));
    expect(res.status).toBe(200);
    await b.fake.waitFor(() => b.fake.calls.length > callsBefore);
    const after = await rowCounts(b.schema.url, b.schema.name);
    expect(after.users).toBeGreaterThan(rowsBefore.users ?? 0);
  });
});

describe('Slack: POST /slack/events', () => {
  let b: SlackBench;
  beforeAll(async () => {
    b = await openSlackBench('malslack');
  });
  afterAll(async () => {
    await b?.close();
  });

  const user = 'U0MALFORMED';
  const channel = 'D0MALFORMED';
  const ts = '1765000000.000100';
  const envelope = (event: Record<string, unknown>) => ({
    token: 'legacy',
    team_id: TEAM,
    api_app_id: 'A0APP',
    type: 'event_callback',
    event_id: 'Ev0MALFORMED1',
    event_time: 1_765_000_000,
    event,
  });
  /** Trigger ids are word characters, dots and dashes: "42" is one, these are not. */
  const TRIGGER_IDS = [null, 42, {}, { $ne: '' }, [1, 'a'], '', 'x'.repeat(300), 'a b', 'ｔ１'];
  /** Event ids are printable ASCII of any shape: only these are not one. */
  const EVENT_IDS = [DELETE, null, 42, {}, { $ne: '' }, [1, 'a'], '', 'x'.repeat(300), 'Ev 1', 'ｅｖ１'];
  const envelopeFields: Field[] = [
    { path: ['team_id'], kind: 'id', required: true },
    { path: ['event_id'], kind: 'id', values: EVENT_IDS },
    { path: ['type'], kind: 'type', required: true },
    { path: ['event'], kind: 'object', required: true },
    { path: ['event', 'type'], kind: 'type', required: true },
  ];
  const eventBases: Base[] = [
    {
      name: 'message.im',
      body: envelope({ type: 'message', channel_type: 'im', channel, user, team: TEAM, text: 'ヘルプ', ts }),
      fields: [
        ...envelopeFields,
        { path: ['event', 'user'], kind: 'id', required: true },
        { path: ['event', 'channel'], kind: 'id', required: true },
        { path: ['event', 'ts'], kind: 'id', required: true },
        { path: ['event', 'text'], kind: 'text', max: 40_000 },
        { path: ['event', 'thread_ts'], kind: 'id' },
        { path: ['event', 'files'], kind: 'array' },
      ],
    },
    {
      name: 'app_mention',
      body: envelope({ type: 'app_mention', channel: 'C0GENERAL', user, text: '<@U0BOT> ヘルプ', ts }),
      fields: [
        ...envelopeFields,
        { path: ['event', 'user'], kind: 'id', required: true },
        { path: ['event', 'channel'], kind: 'id', required: true },
        { path: ['event', 'text'], kind: 'text', required: true, max: 40_000 },
      ],
    },
    {
      name: 'reaction_added',
      body: envelope({
        type: 'reaction_added',
        user,
        reaction: 'eyes',
        item: { type: 'message', channel: 'CDESK', ts },
      }),
      fields: [
        ...envelopeFields,
        { path: ['event', 'user'], kind: 'id', required: true },
        { path: ['event', 'reaction'], kind: 'text', required: true, max: 100 },
        { path: ['event', 'item'], kind: 'object', required: true },
        { path: ['event', 'item', 'channel'], kind: 'id', required: true },
        { path: ['event', 'item', 'ts'], kind: 'id', required: true },
      ],
    },
    {
      name: 'user_change',
      body: envelope({ type: 'user_change', user: { id: user, team_id: TEAM, name: 'mal', profile: {} } }),
      fields: [
        ...envelopeFields,
        { path: ['event', 'user'], kind: 'object', required: true },
        { path: ['event', 'user', 'id'], kind: 'id', required: true },
        { path: ['event', 'user', 'name'], kind: 'text', max: 500 },
        { path: ['event', 'user', 'profile'], kind: 'object' },
      ],
    },
    {
      name: 'app_home_opened',
      body: envelope({ type: 'app_home_opened', user, channel, tab: 'home', event_ts: ts }),
      fields: [
        ...envelopeFields,
        { path: ['event', 'user'], kind: 'id', required: true },
        { path: ['event', 'channel'], kind: 'id' },
        { path: ['event', 'tab'], kind: 'type' },
      ],
    },
  ];

  const interaction = (payload: Record<string, unknown>) => ({
    team: { id: TEAM, domain: 'fake' },
    user: { id: user, team_id: TEAM },
    api_app_id: 'A0APP',
    trigger_id: '13345224609.738474920.8088930838d88f008e0',
    ...payload,
  });
  const actorFields: Field[] = [
    { path: ['user'], kind: 'object', required: true },
    { path: ['user', 'id'], kind: 'id', required: true },
    { path: ['team', 'id'], kind: 'id', required: true },
    { path: ['type'], kind: 'type', required: true },
  ];
  const interactionBases: Base[] = [
    {
      name: 'block_actions',
      body: interaction({
        type: 'block_actions',
        container: { type: 'message', message_ts: ts, channel_id: channel, is_ephemeral: false },
        channel: { id: channel },
        message: { ts },
        response_url: 'https://hooks.slack.com/actions/T0FAKE/1/abc',
        actions: [
          { type: 'button', action_id: 'bot-button:0:a', block_id: 'b', value: 'help', action_ts: ts },
        ],
      }),
      fields: [
        ...actorFields,
        { path: ['actions'], kind: 'array', required: true },
        { path: ['actions', 0], kind: 'object', required: true },
        { path: ['actions', 0, 'action_id'], kind: 'type', required: true },
        { path: ['actions', 0, 'value'], kind: 'text', required: true, max: 2000 },
        { path: ['container', 'channel_id'], kind: 'id' },
        { path: ['container', 'message_ts'], kind: 'id' },
        { path: ['channel', 'id'], kind: 'id', required: true },
        { path: ['response_url'], kind: 'id' },
        { path: ['trigger_id'], kind: 'id', values: TRIGGER_IDS },
      ],
    },
    {
      name: 'desk-take',
      body: interaction({
        type: 'block_actions',
        channel: { id: 'CDESK' },
        message: { ts },
        actions: [{ type: 'button', action_id: 'desk-take', value: '12', action_ts: ts }],
      }),
      fields: [
        ...actorFields,
        {
          path: ['actions', 0, 'value'],
          kind: 'id',
          values: [DELETE, '', '0', 'x', '-1', '1e3', ' 12', '12345678901', 42, {}, { $ne: '' }, null],
        },
      ],
    },
    {
      name: 'home-open',
      body: interaction({
        type: 'block_actions',
        container: { type: 'view', view_id: 'V0MALFORMED' },
        view: { id: 'V0MALFORMED', type: 'home' },
        actions: [{ type: 'button', action_id: 'home-open', value: 'inquiry 12', action_ts: ts }],
      }),
      fields: [
        ...actorFields,
        {
          path: ['actions', 0, 'value'],
          kind: 'id',
          values: [
            DELETE,
            '',
            'inquiry 0',
            'inquiry x',
            'inquiry 12 13',
            'help',
            '請求登録 1 100円',
            42,
            null,
          ],
        },
      ],
    },
    {
      name: 'view_submission',
      body: interaction({
        type: 'view_submission',
        view: {
          id: 'V0MALFORMED',
          hash: '1712345678.abcd',
          callback_id: 'bot-form',
          private_metadata: JSON.stringify({ flowId: 'inquiry', preset: {}, channel }),
          state: { values: { subject: { subject: { type: 'plain_text_input', value: 'x' } } } },
        },
      }),
      fields: [
        ...actorFields,
        { path: ['view'], kind: 'object', required: true },
        { path: ['view', 'id'], kind: 'text', required: true, max: 50 },
        { path: ['view', 'callback_id'], kind: 'type', required: true },
        { path: ['view', 'private_metadata'], kind: 'type', required: true },
        { path: ['view', 'state'], kind: 'object', required: true },
        {
          path: ['view', 'state', 'values', 'subject', 'subject', 'value'],
          kind: 'text',
          nullable: true,
          max: 3000,
        },
      ],
    },
  ];

  const slash = {
    token: 'legacy',
    team_id: TEAM,
    team_domain: 'fake',
    channel_id: channel,
    channel_name: 'directmessage',
    user_id: user,
    user_name: 'mal',
    command: '/bot',
    text: 'ヘルプ',
    api_app_id: 'A0APP',
    response_url: 'https://hooks.slack.com/commands/T0FAKE/1/abc',
    trigger_id: '13345224609.738474920.8088930838d88f008e0',
  };
  const form = (body: unknown) =>
    new URLSearchParams(
      Object.entries(body as Record<string, unknown>).map(([k, v]): [string, string] => [
        k,
        typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v),
      ]),
    ).toString();

  it(`answers ${PER_KIND} malformed bodies of each kind as Slack expects and processes none of them`, async () => {
    const events = generate(SEED, PER_KIND, eventBases).map((g) => ({
      label: `event ${g.label}`,
      bytes: JSON.stringify(g.body),
    }));
    const interactions = generate(SEED + 2, PER_KIND, interactionBases).map((g) => ({
      label: `interaction ${g.label}`,
      bytes: new URLSearchParams({ payload: JSON.stringify(g.body) }).toString(),
    }));
    // A form carries only strings: an object arrives as "[object Object]", an array as "U1,U2".
    const slashFields: Field[] = [
      { path: ['team_id'], kind: 'id', required: true },
      { path: ['user_id'], kind: 'id', required: true },
      { path: ['channel_id'], kind: 'id', required: true },
      { path: ['command'], kind: 'id', required: true },
      { path: ['response_url'], kind: 'id', required: true },
    ];
    const commands = [
      ...generate(SEED + 3, PER_KIND, [{ name: 'slash', body: slash, fields: slashFields }]),
      ...[{ text: 'あ'.repeat(4001) }, { text: undefined }, { trigger_id: '' }, { trigger_id: 'x y' }].map(
        (patch) => ({ label: `slash ${JSON.stringify(patch).slice(0, 30)}`, body: { ...slash, ...patch } }),
      ),
    ]
      .map((g) => ({
        label: `command ${g.label}`,
        body: Object.fromEntries(
          Object.entries(g.body as object).filter(([, v]) => v !== undefined && v !== null),
        ),
      }))
      // Deleting a field by setting null: a form has no null, so drop it (still a missing field).
      .map((g) => ({ label: g.label, bytes: form(g.body) }));
    const broken = brokenBodies(JSON.stringify(eventBases[0]?.body)).map((x) => ({
      label: `broken ${x.label}`,
      bytes: x.bytes,
    }));

    expect(events.length).toBeGreaterThanOrEqual(200);
    expect(interactions.length).toBeGreaterThanOrEqual(200);
    expect(commands.length).toBeGreaterThanOrEqual(200);

    const rowsBefore = await rowCounts(b.schema.url, b.schema.name);
    const slackBefore = b.slack.calls.length;
    const lineBefore = b.line.calls.length;
    const wrong = [
      // Events API: acknowledged (200) so Slack does not retry, and dropped.
      ...(await sendAll(
        events,
        (x) => b.post(x, 'json'),
        () => [200],
      )),
      ...(await sendAll(
        interactions,
        (x) => b.post(x, 'form'),
        () => [400],
      )),
      ...(await sendAll(
        commands,
        (x) => b.post(x, 'form'),
        () => [400],
      )),
      // A body that is not UTF-8 fails Slack's signature, computed over the text (401); the rest are 400.
      ...(await sendAll(
        broken,
        (x) => b.post(x, 'json'),
        (label) => (label.includes('UTF-8') ? [400, 401] : [400]),
      )),
    ];
    expect(wrong).toEqual([]);
    await settle();
    expect(await rowCounts(b.schema.url, b.schema.name)).toEqual(rowsBefore);
    expect(b.slack.calls.slice(slackBefore)).toEqual([]);
    expect(b.line.calls.slice(lineBefore)).toEqual([]);
    expect(await readyz(b.url)).toBe(200);

    // The control: the valid DM itself registers its sender and is answered.
    await b.request(user, 'Ev0MALFORMED1', JSON.stringify(eventBases[0]?.body), 'json');
    expect((await rowCounts(b.schema.url, b.schema.name)).users).toBeGreaterThan(rowsBefore.users ?? 0);
    expect(b.slack.calls.length).toBeGreaterThan(slackBefore);
  });
});

describe('Discord: POST /discord/interactions', () => {
  let b: DiscordBench;
  beforeAll(async () => {
    b = await openDiscordBench('maldiscord');
  });
  afterAll(async () => {
    await b?.close();
  });

  const userId = '1300000000000000777';
  const base = (fields: Record<string, unknown>) => ({
    id: '1300000000000000001',
    application_id: DISCORD_APP,
    token: 'a'.repeat(64),
    version: 1,
    channel_id: '1500000000000000777',
    user: { id: userId, username: 'mal', global_name: 'Mal' },
    locale: 'ja',
    ...fields,
  });
  /** Types are numbers: these are not one of ours. */
  const typeField: Field = { path: ['type'], kind: 'type', required: true };
  const common: Field[] = [
    typeField,
    { path: ['id'], kind: 'id', required: true },
    { path: ['application_id'], kind: 'id', required: true },
    { path: ['token'], kind: 'text', required: true, max: 500 },
    { path: ['user'], kind: 'object', required: true },
    { path: ['user', 'id'], kind: 'id', required: true },
    { path: ['user', 'global_name'], kind: 'text', nullable: true, max: 100 },
    { path: ['channel_id'], kind: 'id' },
    { path: ['data'], kind: 'object', required: true },
  ];
  const command = {
    id: '1300000000000000002',
    name: 'bot',
    type: 1,
    options: [{ name: 'text', type: 3, value: 'ヘルプ' }],
  };
  const commandFields: Field[] = [
    ...common,
    { path: ['data', 'name'], kind: 'text', required: true, max: 32 },
    { path: ['data', 'options'], kind: 'array' },
    { path: ['data', 'options', 0, 'name'], kind: 'text', required: true, max: 32 },
    { path: ['data', 'options', 0, 'type'], kind: 'number', required: true },
  ];
  const bases: Base[] = [
    {
      name: 'ping',
      body: { id: '1300000000000000001', application_id: DISCORD_APP, type: 1 },
      fields: common.slice(0, 3),
    },
    { name: 'command', body: base({ type: 2, data: command }), fields: commandFields },
    { name: 'autocomplete', body: base({ type: 4, data: command }), fields: commandFields },
    {
      name: 'command in a server',
      body: {
        ...base({ type: 2, data: command, guild_id: '1200000000000000001' }),
        user: undefined,
        member: { user: { id: userId, username: 'mal', global_name: 'Mal' }, roles: [] },
      },
      fields: [
        typeField,
        { path: ['guild_id'], kind: 'id' },
        { path: ['member'], kind: 'object', required: true },
        { path: ['member', 'user'], kind: 'object', required: true },
        { path: ['member', 'user', 'id'], kind: 'id', required: true },
      ],
    },
    {
      name: 'button',
      body: base({
        type: 3,
        data: { custom_id: 'help', component_type: 2 },
        message: { id: '1300000000000000003' },
      }),
      fields: [
        ...common,
        { path: ['data', 'custom_id'], kind: 'text', required: true, max: 100 },
        { path: ['data', 'component_type'], kind: 'number', required: true },
      ],
    },
    {
      name: 'modal',
      body: base({
        type: 5,
        data: {
          custom_id: 'form:inquiry:{}',
          components: [{ type: 1, components: [{ type: 4, custom_id: 'subject', value: '請求書について' }] }],
        },
      }),
      fields: [
        ...common,
        { path: ['data', 'custom_id'], kind: 'type', required: true },
        { path: ['data', 'components'], kind: 'array', required: true },
        { path: ['data', 'components', 0], kind: 'object', required: true },
        { path: ['data', 'components', 0, 'type'], kind: 'number', required: true },
        {
          path: ['data', 'components', 0, 'components', 0, 'value'],
          kind: 'text',
          required: true,
          max: 4000,
        },
        {
          path: ['data', 'components', 0, 'components', 0, 'custom_id'],
          kind: 'text',
          required: true,
          max: 100,
        },
      ],
    },
  ];
  // Our forms' custom ids: only `form:<flow>:<JSON object of strings and numbers>` is one.
  const modalIds = [
    'form:',
    'form:x',
    'form:x:[]',
    'form:x:{"a":{"$ne":""}}',
    'form:x:not-json',
    'help',
    'form::{}',
  ];

  it(`answers ${PER_KIND} malformed, signed interactions 400 and processes none of them`, async () => {
    const generated = asJson(
      generate(SEED, PER_KIND, bases).map((g) => ({
        ...g,
        body: JSON.parse(JSON.stringify(g.body)), // drops the undefined `user` of the server base
      })),
    );
    const modal = bases.at(-1)?.body as { data: { custom_id: string } };
    const forms = modalIds.map((custom_id) => ({
      label: `modal custom_id ${custom_id}`,
      bytes: JSON.stringify({ ...modal, data: { ...modal.data, custom_id } }),
    }));
    const bodies = [...generated, ...forms, ...brokenBodies(JSON.stringify(bases[1]?.body))];
    expect(bodies.length).toBeGreaterThanOrEqual(200);

    const rowsBefore = await rowCounts(b.schema.url, b.schema.name);
    const discordBefore = b.discord.calls.length;
    const wrong = await sendAll(
      bodies,
      (x) => b.post(x),
      () => [400],
    );
    expect(wrong).toEqual([]);
    await settle();
    expect(await rowCounts(b.schema.url, b.schema.name)).toEqual(rowsBefore);
    expect(b.discord.calls.slice(discordBefore)).toEqual([]);
    expect(b.line.calls).toEqual([]);
    expect(await readyz(b.url)).toBe(200);

    // The control: the valid command registers its sender (a fresh id, so it is not a duplicate).
    const res = await b.post(JSON.stringify({ ...(bases[1]?.body as object), id: snowflake() }));
    expect(res.status).toBe(200);
    await settle();
    expect((await rowCounts(b.schema.url, b.schema.name)).users).toBeGreaterThan(rowsBefore.users ?? 0);
  });
});
