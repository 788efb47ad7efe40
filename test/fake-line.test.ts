/**
 * The fake LINE API itself: every limit it claims to enforce is rejected one step past the limit
 * and accepted at it, so bot tests that rely on `violations` staying empty can trust it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeLine, startFakeLine } from './fakes/line-api.ts';

const TOKEN = 'test-channel-token';
const AUTH = { authorization: `Bearer ${TOKEN}` };
let clock = 1_700_000_000_000;
let fake: FakeLine;

interface Res {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are inspected freely.
  json: any;
  headers: Headers;
}

async function call(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Res> {
  const init: RequestInit = { method, headers: { ...AUTH, ...headers } };
  if (Buffer.isBuffer(body)) init.body = new Uint8Array(body);
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { 'content-type': 'application/json', ...AUTH, ...headers };
  }
  const res = await fetch(`${fake.url}${path}`, init);
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null, headers: res.headers };
}
const post = (path: string, body?: unknown, headers?: Record<string, string>) =>
  call('POST', path, body, headers);
const text = (t = 'hi') => ({ type: 'text', text: t });
const push = (to: string, messages: unknown[], headers?: Record<string, string>) =>
  post('/v2/bot/message/push', { to, messages }, headers);
const bubble = (filler = '') => ({
  type: 'bubble',
  body: { type: 'box', layout: 'vertical', contents: [{ type: 'text', text: filler || 'x' }] },
});
const flex = (contents: unknown) => ({ type: 'flex', altText: 'alt', contents });
const postback = (data: string) => ({ type: 'postback', label: 'Go', data });

beforeAll(async () => {
  fake = await startFakeLine({ channelAccessToken: TOKEN, now: () => clock });
});
afterAll(async () => {
  await fake.close();
});

describe('fake LINE: auth and routing', () => {
  it('answers 401 without a bearer token or with a wrong one', async () => {
    const none = await fetch(`${fake.url}/v2/bot/message/push`, { method: 'POST', body: '{}' });
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ message: expect.stringMatching(/^Authentication failed/) });
    const wrong = await post(
      '/v2/bot/message/push',
      { to: 'U1', messages: [text()] },
      { authorization: 'Bearer nope' },
    );
    expect(wrong.status).toBe(401);
    expect(fake.delivered).toEqual([]);
  });

  it('answers 404 for unknown paths', async () => {
    expect((await call('GET', '/v2/bot/nothing')).json).toEqual({ message: 'Not found' });
  });
});

describe('fake LINE: reply', () => {
  it('accepts a reply token once, within 60 s', async () => {
    fake.reset();
    const token = fake.issueReplyToken('U-reply');
    const first = await post('/v2/bot/message/reply', { replyToken: token, messages: [text('one')] });
    expect(first.status).toBe(200);
    expect(first.json.sentMessages).toHaveLength(1);
    expect(first.json.sentMessages[0]).toEqual({ id: expect.any(String), quoteToken: expect.any(String) });
    const again = await post('/v2/bot/message/reply', { replyToken: token, messages: [text('two')] });
    expect(again.status).toBe(400);
    expect(again.json).toEqual({ message: 'Invalid reply token' });
    expect(fake.messagesTo('U-reply')).toEqual([text('one')]);
    expect(fake.delivered[0]?.via).toBe('reply');
  });

  it('rejects a reply token older than 60 s', async () => {
    const fresh = fake.issueReplyToken('U-late');
    const stale = fake.issueReplyToken('U-late');
    clock += 59_000;
    expect((await post('/v2/bot/message/reply', { replyToken: fresh, messages: [text()] })).status).toBe(200);
    clock += 2_000;
    const late = await post('/v2/bot/message/reply', { replyToken: stale, messages: [text()] });
    expect(late.status).toBe(400);
    expect(late.json.message).toBe('Invalid reply token');
  });

  it('keeps a reply token usable after a request rejected for a limit', async () => {
    const token = fake.issueReplyToken('U-retry');
    expect((await post('/v2/bot/message/reply', { replyToken: token, messages: [text('')] })).status).toBe(
      400,
    );
    expect((await post('/v2/bot/message/reply', { replyToken: token, messages: [text()] })).status).toBe(200);
  });
});

describe('fake LINE: push and retry keys', () => {
  it('answers 409 with the first request id when an accepted retry key is sent again', async () => {
    fake.reset();
    const key = crypto.randomUUID();
    const first = await push('U-key', [text()], { 'x-line-retry-key': key });
    expect(first.status).toBe(200);
    const requestId = first.headers.get('x-line-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const repeat = await push('U-key', [text()], { 'x-line-retry-key': key });
    expect(repeat.status).toBe(409);
    expect(repeat.json).toEqual({ message: 'The retry key is already accepted' });
    expect(repeat.headers.get('x-line-accepted-request-id')).toBe(requestId);
    expect(fake.delivered).toEqual([{ to: 'U-key', via: 'push', messages: [text()], requestId }]);
  });

  it('accepts a retry after a failed (500) attempt with the same key', async () => {
    fake.reset();
    fake.failNext('/v2/bot/message/push', 1);
    const key = crypto.randomUUID();
    const failed = await push('U-fail', [text()], { 'x-line-retry-key': key });
    expect(failed.status).toBe(500);
    expect(failed.json).toEqual({ message: 'Internal error' });
    const retried = await push('U-fail', [text()], { 'x-line-retry-key': key });
    expect(retried.status).toBe(200);
    expect(fake.messagesTo('U-fail')).toHaveLength(1);
    expect(fake.calls.map((c) => c.status)).toEqual([500, 200]);
  });

  it('rejects a retry key that is not a UUID', async () => {
    expect((await push('U1', [text()], { 'x-line-retry-key': 'abc' })).status).toBe(400);
  });
});

describe('fake LINE: message limits', () => {
  const rejects = async (send: () => Promise<Res>, property: RegExp) => {
    fake.reset();
    const r = await send();
    expect(r.status).toBe(400);
    expect(r.json.message).toBe('The request body has 1 error(s)');
    expect(r.json.details[0].property).toMatch(property);
    expect(fake.violations).toHaveLength(1);
    expect(fake.delivered).toEqual([]);
  };

  it('multicast: rejects 501 ids, delivers once per recipient up to 500', async () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `U${i}`);
    await rejects(() => post('/v2/bot/message/multicast', { to: ids(501), messages: [text()] }), /^to$/);
    const ok = await post('/v2/bot/message/multicast', { to: ids(500), messages: [text()] });
    expect(ok.status).toBe(200);
    expect(ok.json).toEqual({});
    expect(fake.delivered).toHaveLength(500);
  });

  it('rejects 6 messages, accepts 5', async () => {
    await rejects(
      () =>
        push(
          'U1',
          Array.from({ length: 6 }, () => text()),
        ),
      /^messages$/,
    );
    expect(
      (
        await push(
          'U1',
          Array.from({ length: 5 }, () => text()),
        )
      ).status,
    ).toBe(200);
  });

  it('rejects a text of 5001 characters, accepts 5000', async () => {
    await rejects(() => push('U1', [text('a'.repeat(5001))]), /^messages\[0\]\.text$/);
    expect((await push('U1', [text('a'.repeat(5000))])).status).toBe(200);
  });

  it('rejects a quick reply with 14 items, accepts 13', async () => {
    const items = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ type: 'action', action: postback(`d${i}`) }));
    await rejects(() => push('U1', [{ ...text(), quickReply: { items: items(14) } }]), /quickReply\.items$/);
    expect((await push('U1', [{ ...text(), quickReply: { items: items(13) } }])).status).toBe(200);
  });

  it('rejects a quick reply item without a label', async () => {
    const item = { type: 'action', action: { type: 'postback', data: 'x' } };
    await rejects(
      () => push('U1', [{ ...text(), quickReply: { items: [item] } }]),
      /items\[0\]\.action\.label$/,
    );
  });

  it('rejects postback data of 301 characters anywhere in a message, accepts 300', async () => {
    const withData = (data: string) =>
      flex({
        type: 'bubble',
        footer: { type: 'box', layout: 'vertical', contents: [{ type: 'button', action: postback(data) }] },
      });
    await rejects(() => push('U1', [withData('d'.repeat(301))]), /footer\.contents\[0\]\.action\.data$/);
    expect((await push('U1', [withData('d'.repeat(300))])).status).toBe(200);
  });

  it('rejects an action label over 20 characters', async () => {
    const button = { type: 'button', action: { type: 'uri', label: 'L'.repeat(21), uri: 'https://x' } };
    const msg = flex({ type: 'bubble', body: { type: 'box', layout: 'vertical', contents: [button] } });
    await rejects(() => push('U1', [msg]), /action\.label$/);
  });

  it('rejects a flex carousel of 13 bubbles, accepts 12', async () => {
    const carousel = (n: number) =>
      flex({ type: 'carousel', contents: Array.from({ length: n }, () => bubble()) });
    await rejects(() => push('U1', [carousel(13)]), /contents\.contents$/);
    expect((await push('U1', [carousel(12)])).status).toBe(200);
  });

  it('rejects a bubble over 30 KB and a carousel over 50 KB', async () => {
    await rejects(() => push('U1', [flex(bubble('x'.repeat(31_000)))]), /^messages\[0\]\.contents$/);
    const big = flex({
      type: 'carousel',
      contents: [bubble('x'.repeat(26_000)), bubble('y'.repeat(26_000))],
    });
    await rejects(() => push('U1', [big]), /^messages\[0\]\.contents$/);
    expect((await push('U1', [flex(bubble('x'.repeat(30_000)))])).status).toBe(200);
  });

  it('rejects a flex altText over 400 characters and an unknown message type', async () => {
    await rejects(() => push('U1', [{ ...flex(bubble()), altText: 'a'.repeat(401) }]), /altText$/);
    await rejects(() => push('U1', [{ type: 'sparkle' }]), /^messages\[0\]\.type$/);
  });

  it('rejects a request body over 2 MB', async () => {
    fake.reset();
    const r = await push(
      'U1',
      [text()].map((m) => ({ ...m, padding: 'p'.repeat(2_100_000) })),
    );
    expect(r.status).toBe(400);
    expect(fake.violations[0]).toMatch(/over 2 MB/);
  });
});

describe('fake LINE: image messages and URI actions', () => {
  /** One 400 with one detail on `property`, recorded as one violation, nothing delivered. */
  const rejects = async (send: () => Promise<Res>, property: RegExp, message?: RegExp) => {
    fake.reset();
    const r = await send();
    expect(r.status).toBe(400);
    expect(r.json.message).toBe('The request body has 1 error(s)');
    expect(r.json.details[0].property).toMatch(property);
    if (message) expect(r.json.details[0].message).toMatch(message);
    expect(fake.violations).toHaveLength(1);
    expect(fake.delivered).toEqual([]);
  };
  /** An HTTPS URL of exactly n characters. */
  const httpsUrl = (n: number, base = 'https://files.example.com/') =>
    `${base}${'a'.repeat(n - base.length)}`;
  const image = (originalContentUrl: unknown, previewImageUrl: unknown = httpsUrl(40)) => ({
    type: 'image',
    originalContentUrl,
    previewImageUrl,
  });
  const uriButton = (uri: string, extra: Record<string, unknown> = {}) =>
    flex({
      type: 'bubble',
      body: {
        type: 'box',
        layout: 'vertical',
        contents: [{ type: 'button', action: { type: 'uri', label: 'Open', uri, ...extra } }],
      },
    });
  const buttons = (uri: string) => ({
    type: 'template',
    altText: 'a file',
    template: { type: 'buttons', text: 'Your invoice', actions: [{ type: 'uri', label: 'Download', uri }] },
  });

  it('takes an image message with HTTPS URLs of up to 2,000 characters', async () => {
    fake.reset();
    const ok = await push('U1', [image(httpsUrl(2000), httpsUrl(2000))]);
    expect(ok.status).toBe(200);
    expect(fake.messagesTo('U1')).toEqual([image(httpsUrl(2000), httpsUrl(2000))]);
    await rejects(() => push('U1', [image(httpsUrl(2001))]), /^messages\[0\]\.originalContentUrl$/, /2000/);
    await rejects(
      () => push('U1', [image(httpsUrl(40), httpsUrl(2001))]),
      /^messages\[0\]\.previewImageUrl$/,
    );
    expect(fake.violations[0]).toContain('messages[0].previewImageUrl');
  });

  it('refuses an image URL that is not HTTPS, not percent-encoded, or missing', async () => {
    await rejects(
      () => push('U1', [image('http://files.example.com/a.jpg')]),
      /^messages\[0\]\.originalContentUrl$/,
      /HTTPS/,
    );
    await rejects(() => push('U1', [image('/files/a.jpg')]), /originalContentUrl$/, /HTTPS/);
    // A Japanese file name must go percent-encoded.
    await rejects(
      () => push('U1', [image('https://files.example.com/写真 1.jpg')]),
      /originalContentUrl$/,
      /percent-encoded/,
    );
    const encoded = `https://files.example.com/${encodeURIComponent('写真 1.jpg')}`;
    expect((await push('U1', [image(encoded, encoded)])).status).toBe(200);
    await rejects(
      () => push('U1', [{ type: 'image', originalContentUrl: httpsUrl(40) }]),
      /^messages\[0\]\.previewImageUrl$/,
      /must be specified/,
    );
    // The same rules hold for the other media URLs, e.g. a template's thumbnail.
    await rejects(
      () =>
        push('U1', [
          {
            ...buttons('https://x.example'),
            template: { ...buttons('https://x.example').template, thumbnailImageUrl: 'http://x/a.png' },
          },
        ]),
      /template\.thumbnailImageUrl$/,
    );
  });

  it('checks URI actions in templates and flex: http, https, line or tel, percent-encoded', async () => {
    fake.reset();
    for (const uri of [
      'https://files.example.com/invoice.pdf',
      'http://example.com/a?b=c#d',
      'tel:0312345678',
      'line://nv/recommendOA/%40example',
    ]) {
      expect((await push('U1', [buttons(uri), uriButton(uri)])).status).toBe(200);
    }
    expect(fake.violations).toEqual([]);
    await rejects(
      () => push('U1', [buttons('ftp://files.example.com/a.pdf')]),
      /^messages\[0\]\.template\.actions\[0\]\.uri$/,
      /scheme "ftp"/,
    );
    await rejects(() => push('U1', [uriButton('javascript:alert(1)')]), /action\.uri$/, /scheme/);
    await rejects(() => push('U1', [uriButton('files.example.com/a.pdf')]), /action\.uri$/, /scheme/);
    await rejects(() => push('U1', [uriButton('https://files.example.com/請求書.pdf')]), /action\.uri$/);
    await rejects(
      () => push('U1', [uriButton('https://x.example', { altUri: { desktop: 'mailto:a@example.com' } })]),
      /action\.altUri\.desktop$/,
    );
    // Rich menu areas are checked the same way.
    fake.reset();
    const menu = await post('/v2/bot/richmenu', {
      size: { width: 2500, height: 843 },
      selected: false,
      name: 'm',
      chatBarText: 'Menu',
      areas: [{ bounds: { x: 0, y: 0, width: 2500, height: 843 }, action: { type: 'uri', uri: 'ftp://x' } }],
    });
    expect(menu.status).toBe(400);
    expect(menu.json.details[0].property).toBe('areas[0].action.uri');
  });

  it('takes URIs of up to 10,000 characters (LINE raised 1,000 to 10,000), or the limit given', async () => {
    await rejects(() => push('U1', [uriButton(httpsUrl(10_001))]), /action\.uri$/, /10000/);
    await rejects(
      () => push('U1', [uriButton('https://x.example', { altUri: { desktop: httpsUrl(10_001) } })]),
      /altUri\.desktop$/,
    );
    expect(
      (await push('U1', [uriButton(httpsUrl(10_000), { altUri: { desktop: httpsUrl(10_000) } })])).status,
    ).toBe(200);
    const strict = await startFakeLine({ channelAccessToken: TOKEN, uriMaxLength: 1000 });
    try {
      const send = (uri: string) =>
        fetch(`${strict.url}/v2/bot/message/push`, {
          method: 'POST',
          headers: { ...AUTH, 'content-type': 'application/json' },
          body: JSON.stringify({ to: 'U1', messages: [buttons(uri)] }),
        });
      expect((await send(httpsUrl(1000))).status).toBe(200);
      expect((await send(httpsUrl(1001))).status).toBe(400);
      expect(strict.violations).toHaveLength(1);
    } finally {
      await strict.close();
    }
  });
});

describe('fake LINE: rate and monthly limits', () => {
  it('answers 429 Too Many Requests (no Retry-After) once the bucket is empty', async () => {
    fake.reset();
    fake.setRates({ default: 5 });
    try {
      const all = await Promise.all(Array.from({ length: 20 }, () => push('U-rate', [text()])));
      const limited = all.filter((r) => r.status === 429);
      expect(limited.length).toBeGreaterThan(0);
      expect(limited[0]?.json).toEqual({ message: 'Too Many Requests' });
      expect(limited[0]?.headers.get('retry-after')).toBeNull();
      expect(fake.calls.filter((c) => c.status === 429)).toHaveLength(limited.length);
    } finally {
      fake.setRates({ default: 2000 });
    }
  });

  it('answers 429 monthly limit past the quota, counting per recipient, replies free', async () => {
    const quota = await startFakeLine({ channelAccessToken: TOKEN, monthlyLimit: 3 });
    try {
      const send = (path: string, body: unknown) =>
        fetch(`${quota.url}${path}`, {
          method: 'POST',
          headers: { ...AUTH, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      expect((await send('/v2/bot/message/multicast', { to: ['A', 'B'], messages: [text()] })).status).toBe(
        200,
      );
      const over = await send('/v2/bot/message/multicast', { to: ['C', 'D'], messages: [text()] });
      expect(over.status).toBe(429);
      expect(await over.json()).toEqual({ message: 'You have reached your monthly limit.' });
      expect((await send('/v2/bot/message/push', { to: 'C', messages: [text()] })).status).toBe(200);
      expect((await send('/v2/bot/message/push', { to: 'D', messages: [text()] })).status).toBe(429);
      const replyToken = quota.issueReplyToken('D');
      expect((await send('/v2/bot/message/reply', { replyToken, messages: [text()] })).status).toBe(200);
    } finally {
      await quota.close();
    }
  });
});

describe('fake LINE: loading, profile, content', () => {
  it('starts a loading animation for 5..60 s in steps of 5', async () => {
    expect((await post('/v2/bot/chat/loading/start', { chatId: 'U1' })).status).toBe(202);
    expect((await post('/v2/bot/chat/loading/start', { chatId: 'U1', loadingSeconds: 60 })).status).toBe(202);
    expect((await post('/v2/bot/chat/loading/start', { chatId: 'U1', loadingSeconds: 7 })).status).toBe(400);
  });

  it('serves a profile set with setProfile, 404 otherwise', async () => {
    fake.setProfile('U-prof', { displayName: 'Hanako', language: 'ja' });
    const r = await call('GET', '/v2/bot/profile/U-prof');
    expect(r.json).toEqual({ userId: 'U-prof', displayName: 'Hanako', language: 'ja' });
    expect((await call('GET', '/v2/bot/profile/U-none')).status).toBe(404);
  });

  it('serves message content bytes with their type and length, 404 otherwise', async () => {
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x01]);
    fake.setContent('m-1', bytes, 'image/jpeg');
    const res = await fetch(`${fake.url}/v2/bot/message/m-1/content`, { headers: AUTH });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('content-length')).toBe('5');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(bytes);
    expect((await call('GET', '/v2/bot/message/m-2/content')).status).toBe(404);
  });
});

describe('fake LINE: rich menu', () => {
  const menu = (over: Record<string, unknown> = {}) => ({
    size: { width: 2500, height: 843 },
    selected: false,
    name: 'main',
    chatBarText: 'Menu',
    areas: [{ bounds: { x: 0, y: 0, width: 2500, height: 843 }, action: postback('menu') }],
    ...over,
  });
  const png = (size: number) => Buffer.alloc(size, 1);

  it('creates a menu, uploads its image and makes it the default', async () => {
    fake.reset();
    const created = await post('/v2/bot/richmenu', menu());
    expect(created.status).toBe(200);
    const id: string = created.json.richMenuId;
    expect(id).toMatch(/^richmenu-[0-9a-f]{32}$/);
    expect((await post(`/v2/bot/user/all/richmenu/${id}`)).status).toBe(400);
    const upload = await post(`/v2/bot/richmenu/${id}/content`, png(1_048_576), {
      'content-type': 'image/png',
    });
    expect(upload.status).toBe(200);
    expect(fake.richMenus.get(id)?.image).toEqual({ contentType: 'image/png', size: 1_048_576 });
    expect((await post(`/v2/bot/user/all/richmenu/${id}`)).status).toBe(200);
    expect(fake.defaultRichMenuId).toBe(id);
    expect((await call('GET', '/v2/bot/user/all/richmenu')).json).toEqual({ richMenuId: id });
    expect((await call('GET', '/v2/bot/richmenu/list')).json.richmenus).toContainEqual({
      richMenuId: id,
      ...menu(),
    });
    expect((await call('DELETE', `/v2/bot/richmenu/${id}`)).status).toBe(200);
    expect(fake.defaultRichMenuId).toBeNull();
    expect((await call('GET', '/v2/bot/user/all/richmenu')).status).toBe(404);
  });

  it('rejects an image over 1 MB or of another type, and an unknown menu id', async () => {
    const { json } = await post('/v2/bot/richmenu', menu());
    const path = `/v2/bot/richmenu/${json.richMenuId}/content`;
    fake.reset();
    expect((await post(path, png(1_048_577), { 'content-type': 'image/png' })).status).toBe(400);
    expect((await post(path, png(10), { 'content-type': 'image/gif' })).status).toBe(400);
    expect(fake.violations).toHaveLength(2);
    expect(
      (await post('/v2/bot/richmenu/richmenu-none/content', png(10), { 'content-type': 'image/png' })).status,
    ).toBe(404);
  });

  it('rejects a menu that breaks the rich menu object limits', async () => {
    const reject = async (body: unknown, property: string) => {
      const r = await post('/v2/bot/richmenu', body);
      expect(r.status).toBe(400);
      expect(r.json.details.map((d: { property: string }) => d.property)).toContain(property);
    };
    await reject(menu({ chatBarText: 'c'.repeat(15) }), 'chatBarText');
    await reject(menu({ name: 'n'.repeat(301) }), 'name');
    await reject(menu({ size: { width: 2500, height: 1000 } }), 'size');
    await reject(menu({ areas: [] }), 'areas');
    const area = { bounds: { x: 0, y: 0, width: 1, height: 1 }, action: postback('d'.repeat(301)) };
    await reject(menu({ areas: [area] }), 'areas[0].action.data');
  });
});

describe('fake LINE: waitFor', () => {
  it('rejects after the timeout with the last calls listed', async () => {
    fake.reset();
    await push('U-wait', [text()]);
    await expect(fake.waitFor(() => false, 30)).rejects.toThrow(/POST \/v2\/bot\/message\/push -> 200/);
    await expect(fake.waitFor(() => fake.messagesTo('U-wait').length === 1)).resolves.toBeUndefined();
  });
});
