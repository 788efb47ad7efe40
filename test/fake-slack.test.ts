/**
 * The fake Slack Web API itself, driven by the real `@slack/web-api` WebClient to prove the fake
 * speaks its wire format (form bodies with JSON-in-form fields, 200 + ok:false errors, 429 +
 * Retry-After, the three-step files.uploadV2). Every Block Kit limit it claims to enforce is
 * accepted at the limit and rejected one step past it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { ErrorCode, type Logger, LogLevel, WebClient } from '@slack/web-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from './fakes/slack-api.ts';

const TOKEN = 'xoxb-test-token';
let clock = 1_700_000_000_000;
let fake: FakeSlack;
let slack: WebClient;

/** WebClient logs the `[ERROR] ...` lines of response_metadata.messages; keep test output quiet. */
const quiet: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  setLevel() {},
  getLevel: () => LogLevel.ERROR,
  setName() {},
};

const clientFor = (token: string, extra: { rejectRateLimitedCalls?: boolean } = {}): WebClient =>
  new WebClient(token, {
    slackApiUrl: `${fake.url}/api/`,
    logger: quiet,
    retryConfig: { retries: 0 },
    ...extra,
  });

/** The `data` of the WebAPIPlatformError a call rejects with (fails the test if it resolves). */
// biome-ignore lint/suspicious/noExplicitAny: error payloads are inspected freely.
async function platformError(p: Promise<unknown>): Promise<any> {
  try {
    await p;
  } catch (err) {
    // biome-ignore lint/suspicious/noExplicitAny: see above.
    const e = err as any;
    expect(e.code).toBe(ErrorCode.PlatformError);
    return e.data;
  }
  throw new Error('expected the call to fail');
}

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
const button = (actionId: string, text = 'Go') => ({
  type: 'button',
  action_id: actionId,
  text: { type: 'plain_text', text },
  value: 'v',
});
const modal = (blocks: unknown[] = [section('hi')], extra: Record<string, unknown> = {}) => ({
  type: 'modal',
  title: { type: 'plain_text', text: 'Title' },
  close: { type: 'plain_text', text: 'Close' },
  blocks,
  ...extra,
});

beforeAll(async () => {
  fake = await startFakeSlack({ botToken: TOKEN, now: () => clock });
  slack = clientFor(TOKEN);
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.reset();
});

describe('fake Slack: auth and routing', () => {
  it('answers auth.test with the team and bot ids', async () => {
    const res = await slack.auth.test();
    expect(res).toMatchObject({ ok: true, team_id: 'T0FAKE', user_id: 'UBOT', bot_id: expect.any(String) });
    const call = fake.calls.at(-1);
    expect(call).toMatchObject({ method: 'POST', path: '/api/auth.test', api: 'auth.test', status: 200 });
    expect(call?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('rejects a wrong token with invalid_auth, accepts a token form field', async () => {
    const err = await platformError(clientFor('xoxb-wrong').chat.postMessage({ channel: 'C1', text: 'x' }));
    expect(err.error).toBe('invalid_auth');
    expect(fake.messages).toEqual([]);
    const res = await fetch(`${fake.url}/api/auth.test`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: TOKEN }).toString(),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true });
  });

  it('answers unknown_method for anything else', async () => {
    expect((await platformError(slack.apiCall('chat.nothing'))).error).toBe('unknown_method');
  });

  it('accepts JSON bodies as well as forms', async () => {
    const res = await fetch(`${fake.url}/api/chat.postMessage`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ channel: 'CJ', blocks: [section('from json')] }),
    });
    expect(await res.json()).toMatchObject({ ok: true, channel: 'CJ' });
    expect(fake.messagesIn('CJ')[0]?.blocks).toEqual([section('from json')]);
  });
});

describe('fake Slack: messages', () => {
  it('posts, threads, updates and deletes with unique increasing ts', async () => {
    const first = await slack.chat.postMessage({
      channel: 'C1',
      text: 'hello',
      blocks: [section('*hello*')],
    });
    expect(first.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(first.message).toMatchObject({ text: 'hello', user: 'UBOT' });
    const reply = await slack.chat.postMessage({
      channel: 'C1',
      text: 'in thread',
      thread_ts: first.ts ?? '',
    });
    await slack.chat.postMessage({ channel: 'C2', text: 'elsewhere' });
    expect(Number(reply.ts)).toBeGreaterThan(Number(first.ts));
    expect(fake.messagesIn('C1').map((m) => m.text)).toEqual(['hello', 'in thread']);
    expect(fake.messagesIn('C1', first.ts).map((m) => m.text)).toEqual(['hello', 'in thread']);
    expect(fake.messagesIn('C1')[1]?.thread_ts).toBe(first.ts);
    // The JSON-in-form blocks arrive decoded.
    expect(fake.calls[0]?.body.blocks).toEqual([section('*hello*')]);

    await slack.chat.update({ channel: 'C1', ts: first.ts ?? '', text: 'edited' });
    expect(fake.messages[0]).toMatchObject({ text: 'edited', edited: true, blocks: [section('*hello*')] });
    const missing = await platformError(slack.chat.update({ channel: 'C1', ts: '1.000001', text: 'x' }));
    expect(missing.error).toBe('message_not_found');

    await slack.chat.delete({ channel: 'C1', ts: reply.ts ?? '' });
    expect(fake.messagesIn('C1').map((m) => m.text)).toEqual(['edited']);
    expect((await platformError(slack.chat.postMessage({ channel: 'C1', text: '' }))).error).toBe('no_text');
    expect(fake.violations).toEqual([]);
  });

  it('records ephemeral messages, which cannot be updated', async () => {
    const res = await slack.chat.postEphemeral({ channel: 'C1', user: 'U1', text: 'only you' });
    expect(res.message_ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(fake.messages).toEqual([
      expect.objectContaining({ channel: 'C1', text: 'only you', ephemeral: { user: 'U1' } }),
    ]);
    const err = await platformError(
      slack.chat.update({ channel: 'C1', ts: res.message_ts ?? '', text: 'x' }),
    );
    expect(err.error).toBe('message_not_found');
  });

  it('opens a stable DM channel per user', async () => {
    const a = await slack.conversations.open({ users: 'U1' });
    const b = await slack.conversations.open({ users: 'U1' });
    const c = await slack.conversations.open({ users: 'U2' });
    expect(a.channel?.id).toMatch(/^D[0-9A-F]+$/);
    expect(b.channel?.id).toBe(a.channel?.id);
    expect(c.channel?.id).not.toBe(a.channel?.id);
  });

  it('adds reactions once', async () => {
    const { ts } = await slack.chat.postMessage({ channel: 'C1', text: 'react' });
    await slack.reactions.add({ channel: 'C1', timestamp: ts ?? '', name: 'eyes' });
    const dup = await platformError(
      slack.reactions.add({ channel: 'C1', timestamp: ts ?? '', name: 'eyes' }),
    );
    expect(dup.error).toBe('already_reacted');
    expect(fake.messages[0]?.reactions).toEqual(['eyes']);
    const gone = await platformError(slack.reactions.add({ channel: 'C1', timestamp: '1.1', name: 'eyes' }));
    expect(gone.error).toBe('message_not_found');
  });

  it('answers users.info from the users map', async () => {
    fake.users.set('U1', {
      id: 'U1',
      name: 'taro',
      real_name: 'Taro Yamada',
      tz: 'Asia/Tokyo',
      locale: 'ja-JP',
    });
    const res = await slack.users.info({ user: 'U1' });
    expect(res.user).toMatchObject({ id: 'U1', name: 'taro', real_name: 'Taro Yamada', tz: 'Asia/Tokyo' });
    expect((await platformError(slack.users.info({ user: 'U9' }))).error).toBe('user_not_found');
  });
});

describe('fake Slack: files', () => {
  it('runs files.uploadV2 end to end into a thread', async () => {
    const { ts } = await slack.chat.postMessage({ channel: 'C1', text: 'parent' });
    const bytes = Buffer.from('%PDF-1.7 fake invoice\n\u0000\u00ff');
    const res = await slack.filesUploadV2({
      channel_id: 'C1',
      thread_ts: ts ?? '',
      file: bytes,
      filename: 'invoice.pdf',
      title: 'Invoice',
      initial_comment: 'here you go',
    });
    expect(res.ok).toBe(true);
    expect(fake.calls.map((c) => c.api ?? c.path.replace(/[^/]+$/, '*'))).toEqual([
      'chat.postMessage',
      'files.getUploadURLExternal',
      '/upload/*',
      'files.completeUploadExternal',
    ]);
    const [id, upload] = [...fake.uploads][0] ?? [];
    expect(upload?.bytes.equals(bytes)).toBe(true);
    expect(upload).toMatchObject({ name: 'invoice.pdf', channel: 'C1', threadTs: ts });
    const thread = fake.messagesIn('C1', ts);
    expect(thread[1]).toMatchObject({
      thread_ts: ts,
      text: 'here you go',
      files: [{ id, name: 'invoice.pdf', title: 'Invoice', size: bytes.length }],
    });
  });

  it('accepts a raw (non-multipart) upload and rejects completing an unknown file', async () => {
    const { upload_url, file_id } = await slack.files.getUploadURLExternal({ filename: 'a.txt', length: 3 });
    const up = await fetch(upload_url ?? '', { method: 'POST', body: 'abc' });
    expect(await up.text()).toBe('OK - 3');
    expect(fake.uploads.get(file_id ?? '')?.bytes.toString()).toBe('abc');
    const err = await platformError(slack.files.completeUploadExternal({ files: [{ id: 'FNOPE' }] }));
    expect(err.error).toBe('file_not_found');
    // Without a channel the file is uploaded but shared nowhere.
    await slack.files.completeUploadExternal({ files: [{ id: file_id ?? '' }] });
    expect(fake.messages).toEqual([]);
  });

  it('serves url_private_download only with the bot token', async () => {
    const file = fake.addFile(Buffer.from([1, 2, 3, 4]), 'photo 1.png', 'image/png');
    expect(file).toMatchObject({ name: 'photo 1.png', mimetype: 'image/png', size: 4 });
    const withToken = await fetch(file.url_private_download, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(withToken.status).toBe(200);
    expect(withToken.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await withToken.arrayBuffer())).toEqual(Buffer.from([1, 2, 3, 4]));
    const anonymous = await fetch(file.url_private_download, { redirect: 'manual' });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get('location')).toBe(`${fake.url}/login`);
    // Following the redirect (what a naive download does) yields HTML, not the file.
    const followed = await fetch(file.url_private);
    expect(followed.headers.get('content-type')).toMatch(/^text\/html/);
  });
});

describe('fake Slack: files.uploadV2 (getUploadURLExternal, upload URL, completeUploadExternal)', () => {
  const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
  const auth = { authorization: `Bearer ${TOKEN}` };
  /** A reservation made with a raw Web API call (length as the bot would send it). */
  const reserve = (filename: string, length: number) =>
    slack.files.getUploadURLExternal({ filename, length }).then((r) => ({
      url: r.upload_url ?? '',
      id: r.file_id ?? '',
    }));

  it('shares several files as one message in a channel, bytes intact, served at url_private', async () => {
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      randomBytes(70_000),
    ]);
    const csv = Buffer.from('名前,金額\n山田,1200\n');
    const res = await slack.filesUploadV2({
      channel_id: 'CFILES',
      initial_comment: '請求書です',
      file_uploads: [
        { file: png, filename: 'scan.png', title: 'Scan' },
        { file: csv, filename: '明細.csv' },
      ],
    });
    expect(res.ok).toBe(true);
    expect(fake.violations).toEqual([]);
    expect(
      fake.files.map((f) => [f.name, f.title, f.size, f.mimetype, sha256(f.bytes), f.completed]),
    ).toEqual(
      expect.arrayContaining([
        ['scan.png', 'Scan', png.length, 'image/png', sha256(png), true],
        ['明細.csv', '明細.csv', csv.length, 'text/csv', sha256(csv), true],
      ]),
    );
    // One completeUploadExternal, one message carrying both files, like a person's file share.
    expect(fake.calls.filter((c) => c.api === 'files.completeUploadExternal')).toHaveLength(1);
    const shared = fake.messagesIn('CFILES');
    expect(shared).toHaveLength(1);
    const message = shared[0];
    expect(message).toMatchObject({ text: '請求書です', user: 'UBOT' });
    expect(message?.files?.map((f) => f.name).sort()).toEqual(['scan.png', '明細.csv'].sort());
    for (const f of fake.files) {
      expect(f).toMatchObject({
        channel: 'CFILES',
        ts: message?.ts,
        shares: [{ channel: 'CFILES', ts: message?.ts }],
      });
      expect(message?.files).toContainEqual(
        expect.objectContaining({ id: f.id, title: f.title, size: f.size }),
      );
      const got = await fetch(f.url_private_download, { headers: auth });
      expect(sha256(Buffer.from(await got.arrayBuffer()))).toBe(sha256(f.bytes));
    }
    // The answer of completeUploadExternal names the files, as the API does.
    // biome-ignore lint/suspicious/noExplicitAny: the raw completion result.
    const completion = (res.files as any[])[0];
    expect(completion.files.map((f: { id: string }) => f.id).sort()).toEqual(
      fake.files.map((f) => f.id).sort(),
    );
    expect(completion.files[0]).toMatchObject({
      mimetype: expect.any(String),
      url_private: expect.any(String),
    });
    // What getUploadURLExternal was asked: the name and the byte length (WebClient sends it as a form field).
    const asked = fake.calls.filter((c) => c.api === 'files.getUploadURLExternal').map((c) => c.body);
    expect(asked).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ filename: 'scan.png', length: String(png.length) }),
        expect.objectContaining({ filename: '明細.csv', length: String(csv.length) }),
      ]),
    );
  });

  it('takes the bytes raw or as one multipart file part, exactly `length` of them, once per URL', async () => {
    const bytes = Buffer.from([0, 255, 1, 254, 10, 13]);
    const { url, id } = await reserve('data.bin', bytes.length);
    const short = await fetch(url, { method: 'POST', body: new Uint8Array(bytes.subarray(0, 5)) });
    expect(short.status).toBe(400);
    expect(fake.violations.at(-1)).toContain(
      '5 bytes sent for data.bin, files.getUploadURLExternal was told length 6',
    );
    const two = new FormData();
    two.append('a', new Blob([new Uint8Array(bytes)]), 'a.bin');
    two.append('b', new Blob([new Uint8Array(bytes)]), 'b.bin');
    expect((await fetch(url, { method: 'POST', body: two })).status).toBe(400);
    expect(fake.violations.at(-1)).toContain('exactly one file part (got 2');
    expect(fake.files).toEqual([]);

    const form = new FormData();
    form.append('filename', new Blob([new Uint8Array(bytes)]), 'data.bin');
    const up = await fetch(url, { method: 'POST', body: form });
    expect(up.status).toBe(200);
    expect(await up.text()).toBe('OK - 6');
    expect(fake.files).toMatchObject([{ id, name: 'data.bin', size: 6, completed: false }]);
    expect(fake.files[0]?.bytes.equals(bytes)).toBe(true);
    expect(fake.uploads.get(id)?.bytes.equals(bytes)).toBe(true);

    const again = await fetch(url, { method: 'POST', body: new Uint8Array(bytes) });
    expect(again.status).toBe(400);
    expect(fake.violations.at(-1)).toContain('already uploaded');
    const stranger = await fetch(`${fake.url}/upload/FNOSUCH`, { method: 'POST', body: 'x' });
    expect(stranger.status).toBe(404);
    expect(fake.violations).toHaveLength(4);
  });

  it('getUploadURLExternal: filename and a whole length > 0 required, alt text ≤ 1,000, snippets ≤ 1 MB', async () => {
    const err = await platformError(slack.apiCall('files.getUploadURLExternal', { length: 3 }));
    expect(err).toMatchObject({ error: 'invalid_arguments' });
    expect(err.response_metadata.messages[0]).toContain('missing required field: filename');
    const call = (args: Record<string, unknown>) =>
      platformError(slack.apiCall('files.getUploadURLExternal', { filename: 'a.txt', ...args }));
    expect((await call({ length: '1.5' })).error).toBe('invalid_arguments');
    expect((await call({ length: 0 })).error).toBe('missing_argument');
    expect((await call({ length: 3, alt_txt: 'a'.repeat(1001) })).error).toBe('alt_txt_too_large');
    // @slack/web-api sends the alt text as `alt_text`: held to the same limit.
    expect((await call({ length: 3, alt_text: 'a'.repeat(1001) })).error).toBe('alt_txt_too_large');
    expect((await call({ length: 1024 * 1024 + 1, snippet_type: 'python' })).error).toBe('snippet_too_large');
    expect(fake.violations).toHaveLength(6);
    await slack.files.getUploadURLExternal({ filename: 'a.py', length: 1024 * 1024, snippet_type: 'python' });
    await slack.files.getUploadURLExternal({ filename: 'a.png', length: 3, alt_text: 'a'.repeat(1000) });
    expect(fake.violations).toHaveLength(6);
  });

  it('refuses a file over 1 GB, or over the limit a test sets', async () => {
    await slack.files.getUploadURLExternal({ filename: 'huge.mov', length: 1_000_000_000 });
    const huge = await platformError(
      slack.files.getUploadURLExternal({ filename: 'huge.mov', length: 1_000_000_001 }),
    );
    expect(huge.error).toBe('file_upload_size_restricted');
    expect(fake.violations).toEqual([
      expect.stringContaining('1000000001 bytes, over the 1000000000-byte file limit'),
    ]);

    const small = await startFakeSlack({ botToken: TOKEN, maxFileBytes: 10 });
    try {
      const client = new WebClient(TOKEN, {
        slackApiUrl: `${small.url}/api/`,
        logger: quiet,
        retryConfig: { retries: 0 },
      });
      await client.filesUploadV2({ channel_id: 'C1', file: Buffer.alloc(10, 1), filename: 'ten.bin' });
      expect(small.messagesIn('C1')[0]?.files).toMatchObject([{ name: 'ten.bin', size: 10 }]);
      const over = await platformError(
        client.filesUploadV2({ channel_id: 'C1', file: Buffer.alloc(11, 1), filename: 'eleven.bin' }),
      );
      expect(over.error).toBe('file_upload_size_restricted');
      expect(small.files.map((f) => f.name)).toEqual(['ten.bin']);
      expect(small.violations).toHaveLength(1);
    } finally {
      await small.close();
    }
  });

  it('completeUploadExternal: only uploaded files, each once; one channel for a thread; blocks give way to the comment', async () => {
    const fail = async (args: Record<string, unknown>, error: string, violation: string) => {
      const e = await platformError(slack.apiCall('files.completeUploadExternal', args));
      expect(e.error).toBe(error);
      expect(fake.violations.at(-1)).toContain(violation);
    };
    await fail({ files: [{ id: 'FNOSUCH' }] }, 'file_not_found', 'never given an upload URL');
    const { url, id } = await reserve('late.txt', 4);
    await fail({ files: [{ id }] }, 'file_not_found', 'completed before its bytes reached the upload URL');
    await fail({ files: [] }, 'invalid_arguments', 'files must be an array of 1 to 100');
    await fail({ files: [{ title: 'no id' }] }, 'invalid_arguments', 'files[0] must be {id, title?}');
    await fail({ files: [{ id }, { id }] }, 'invalid_arguments', 'listed twice');
    await fetch(url, { method: 'POST', body: 'late' });
    await fail(
      { files: [{ id }], channels: 'C1,C2', thread_ts: '1700000000.000100' },
      'invalid_arguments',
      'thread_ts needs exactly one channel',
    );
    expect(fake.messages).toEqual([]);

    const { ts } = await slack.chat.postMessage({ channel: 'C1', text: 'parent' });
    await slack.files.completeUploadExternal({
      files: [{ id, title: 'Late' }],
      channel_id: 'C1',
      thread_ts: ts ?? '',
      initial_comment: 'the file',
      blocks: [section('ignored when there is a comment')],
    });
    const reply = fake.messagesIn('C1', ts).at(-1);
    expect(reply).toMatchObject({ thread_ts: ts, text: 'the file', files: [{ id, title: 'Late' }] });
    expect(reply?.blocks).toBeUndefined();
    expect(fake.files[0]).toMatchObject({ completed: true, channel: 'C1', thread_ts: ts, ts: reply?.ts });
    await fail({ files: [{ id }], channel_id: 'C1' }, 'file_not_found', 'completed twice');
    expect(fake.messagesIn('C1')).toHaveLength(2);
  });

  it('refuses a channel the bot cannot post in (denyChannel), for files and messages', async () => {
    fake.denyChannel('CPRIV');
    const bytes = Buffer.from('secret');
    const e = await platformError(
      slack.filesUploadV2({ channel_id: 'CPRIV', file: bytes, filename: 's.txt' }),
    );
    expect(e.error).toBe('not_in_channel');
    expect(fake.violations).toEqual([expect.stringContaining('cannot post in CPRIV (not_in_channel)')]);
    expect(fake.files).toMatchObject([{ name: 's.txt', completed: false, shares: [] }]);
    expect(fake.messagesIn('CPRIV')).toEqual([]);
    fake.denyChannel('CGONE', 'channel_not_found');
    expect((await platformError(slack.chat.postMessage({ channel: 'CGONE', text: 'x' }))).error).toBe(
      'channel_not_found',
    );
    fake.reset();
    await slack.chat.postMessage({ channel: 'CPRIV', text: 'allowed again after reset' });
    expect(fake.violations).toEqual([]);
  });
});

describe('fake Slack: views', () => {
  it('opens a modal once per trigger_id, then updates and pushes', async () => {
    const opened = await slack.views.open({ trigger_id: 'trig-1', view: modal([section('one')]) as never });
    expect(opened.view?.id).toMatch(/^V/);
    const again = await platformError(slack.views.open({ trigger_id: 'trig-1', view: modal() as never }));
    expect(again.error).toBe('invalid_trigger_id');
    expect(fake.violations).toEqual([expect.stringContaining('trig-1')]);

    await slack.views.update({ view_id: opened.view?.id ?? '', view: modal([section('two')]) as never });
    expect(fake.views).toEqual([
      { id: opened.view?.id, trigger_id: 'trig-1', view: modal([section('two')]) },
    ]);
    const byExternal = modal([section('three')], { external_id: 'ext-1' });
    await slack.views.update({ view_id: opened.view?.id ?? '', view: byExternal as never });
    await slack.views.update({ external_id: 'ext-1', view: modal([section('four')]) as never });
    expect(fake.views[0]?.view.blocks).toEqual([section('four')]);
    const missing = await platformError(slack.views.update({ view_id: 'VNOPE', view: modal() as never }));
    expect(missing.error).toBe('not_found');

    await slack.views.push({ trigger_id: 'trig-2', view: modal() as never });
    expect(fake.views).toHaveLength(2);
  });

  it('enforces the view limits: title 24, 100 blocks, private_metadata 3,000, callback_id 255, input parts', async () => {
    const open = (i: number, view: unknown) =>
      slack.views.open({ trigger_id: `t-${i}`, view: view as never });
    await open(0, {
      ...modal(Array.from({ length: 100 }, () => section('x'))),
      title: { type: 'plain_text', text: 't'.repeat(24) },
      private_metadata: 'm'.repeat(3000),
      callback_id: 'c'.repeat(255),
    });
    const cases: [unknown, string][] = [
      [{ ...modal(), title: { type: 'plain_text', text: 't'.repeat(25) } }, '/view/title/text'],
      [modal(Array.from({ length: 101 }, () => section('x'))), '/view/blocks'],
      [modal([section('x')], { private_metadata: 'm'.repeat(3001) }), '/view/private_metadata'],
      [modal([section('x')], { callback_id: 'c'.repeat(256) }), '/view/callback_id'],
      [
        modal([{ type: 'input', element: { type: 'plain_text_input', action_id: 'a' } }], {
          submit: { type: 'plain_text', text: 'OK' },
        }),
        '/view/blocks/0/label',
      ],
      [
        modal([{ type: 'input', label: { type: 'plain_text', text: 'L' } }], {
          submit: { type: 'plain_text', text: 'OK' },
        }),
        '/view/blocks/0/element',
      ],
    ];
    for (const [i, [view, pointer]] of cases.entries()) {
      const err = await platformError(open(i + 1, view));
      expect(err.error).toBe('invalid_blocks');
      expect(err.errors.join('\n')).toContain(`[json-pointer:${pointer}]`);
    }
    expect(fake.violations).toHaveLength(cases.length);
    expect(fake.views).toHaveLength(1);
  });
});

describe('fake Slack: the Home tab (views.publish) and permalinks', () => {
  const homeView = (blocks: unknown[] = [section('hi')]) => ({ type: 'home', blocks });

  it('keeps the latest home view per user, within 100 blocks, 250 KB and its hash', async () => {
    const first = await slack.views.publish({ user_id: 'U1', view: homeView() as never });
    expect(first.view?.id).toMatch(/^V/);
    const full = homeView(Array.from({ length: 100 }, () => section('x')));
    const again = await slack.views.publish({ user_id: 'U1', view: full as never });
    expect(again.view?.id).toBe(first.view?.id);
    expect(fake.homes.get('U1')?.view).toEqual(full);
    const stale = await platformError(
      slack.views.publish({ user_id: 'U1', view: homeView() as never, hash: 'stale' }),
    );
    expect(stale.error).toBe('hash_conflict');
    await slack.views.publish({ user_id: 'U1', view: homeView() as never, hash: again.view?.hash ?? '' });

    const cases: [unknown, string][] = [
      [homeView(Array.from({ length: 101 }, () => section('x'))), '/view/blocks'],
      [modal(), '/view/type'],
      [homeView([section('x'.repeat(3001))]), '/view/blocks/0/text/text'],
    ];
    for (const [view, pointer] of cases) {
      const err = await platformError(slack.views.publish({ user_id: 'U2', view: view as never }));
      expect(err.error).toBe('invalid_blocks');
      expect(err.errors.join('\n')).toContain(`[json-pointer:${pointer}]`);
    }
    const huge = homeView(Array.from({ length: 100 }, () => section('x'.repeat(2900))));
    expect((await platformError(slack.views.publish({ user_id: 'U2', view: huge as never }))).error).toBe(
      'view_too_large',
    );
    expect(fake.violations).toHaveLength(cases.length + 1);
    expect(fake.homes.has('U2')).toBe(false);
  });

  it('answers chat.getPermalink for a message that exists', async () => {
    const posted = await slack.chat.postMessage({ channel: 'C1', text: 'card' });
    const link = await slack.chat.getPermalink({ channel: 'C1', message_ts: String(posted.ts) });
    expect(link.permalink).toBe(`https://fake.slack.com/archives/C1/p${String(posted.ts).replace('.', '')}`);
    const missing = await platformError(slack.chat.getPermalink({ channel: 'C1', message_ts: '1.000001' }));
    expect(missing.error).toBe('message_not_found');
  });
});

describe('fake Slack: Block Kit limits on messages', () => {
  const post = (blocks: unknown[], channel = 'CB') =>
    slack.chat.postMessage({ channel, text: 'x', blocks: blocks as never });
  const rejects = async (blocks: unknown[], pointer: string) => {
    const err = await platformError(post(blocks));
    expect(err.error).toBe('invalid_blocks');
    expect(err.errors.join('\n')).toContain(`[json-pointer:${pointer}]`);
    expect(fake.violations.at(-1)).toContain(pointer);
  };
  // A fresh channel per accepted post keeps the per-channel rate limit out of the way.
  let n = 0;
  const accepts = async (blocks: unknown[]) => {
    await post(blocks, `CA${++n}`);
  };

  it('50 blocks pass, 51 fail', async () => {
    await accepts(Array.from({ length: 50 }, () => ({ type: 'divider' })));
    await rejects(
      Array.from({ length: 51 }, () => ({ type: 'divider' })),
      '/blocks',
    );
  });

  it('section text 3,000 passes, 3,001 fails', async () => {
    await accepts([section('a'.repeat(3000))]);
    await rejects([section('a'.repeat(3001))], '/blocks/0/text/text');
  });

  it('10 section fields pass, 11 fail; a field over 2,000 fails', async () => {
    const field = (t = 'f') => ({ type: 'mrkdwn', text: t });
    await accepts([{ type: 'section', fields: Array.from({ length: 10 }, () => field()) }]);
    await rejects(
      [{ type: 'section', fields: Array.from({ length: 11 }, () => field()) }],
      '/blocks/0/fields',
    );
    await rejects([{ type: 'section', fields: [field('a'.repeat(2001))] }], '/blocks/0/fields/0/text');
  });

  it('25 action elements pass, 26 fail', async () => {
    const buttons = (k: number) => Array.from({ length: k }, (_, i) => button(`b${i}`));
    await accepts([{ type: 'actions', elements: buttons(25) }]);
    await rejects([{ type: 'actions', elements: buttons(26) }], '/blocks/0/elements');
  });

  it('checks buttons: text 75, value 2,000, action_id 255 and unique within its block', async () => {
    await accepts([
      {
        type: 'actions',
        elements: [{ ...button('a'.repeat(255), 't'.repeat(75)), value: 'v'.repeat(2000) }],
      },
    ]);
    await rejects(
      [{ type: 'actions', elements: [button('a', 't'.repeat(76))] }],
      '/blocks/0/elements/0/text/text',
    );
    await rejects(
      [{ type: 'actions', elements: [{ ...button('a'), value: 'v'.repeat(2001) }] }],
      '/blocks/0/elements/0/value',
    );
    await rejects(
      [{ type: 'actions', elements: [button('a'.repeat(256))] }],
      '/blocks/0/elements/0/action_id',
    );
    // Unique within the containing block (Block Kit reference); other blocks may reuse one.
    await rejects(
      [{ type: 'actions', elements: [button('same'), button('same')] }],
      '/blocks/0/elements/1/action_id',
    );
    await accepts([
      { ...section('s'), accessory: button('same') },
      { type: 'actions', elements: [button('same')] },
    ]);
  });

  it('checks header 150, context 10 elements, block types and top-level text 40,000', async () => {
    const header = (t: string) => ({ type: 'header', text: { type: 'plain_text', text: t } });
    await accepts([header('h'.repeat(150))]);
    await rejects([header('h'.repeat(151))], '/blocks/0/text/text');
    await rejects([{ type: 'header', text: { type: 'mrkdwn', text: 'h' } }], '/blocks/0/text/type');
    const context = (k: number) => ({
      type: 'context',
      elements: Array.from({ length: k }, () => ({ type: 'mrkdwn', text: 'c' })),
    });
    await accepts([context(10)]);
    await rejects([context(11)], '/blocks/0/elements');
    await rejects([{ type: 'carousel' }], '/blocks/0/type');
    await slack.chat.postMessage({ channel: 'CT1', text: 't'.repeat(40_000) });
    const err = await platformError(slack.chat.postMessage({ channel: 'CT2', text: 't'.repeat(40_001) }));
    expect(err.errors).toEqual([expect.stringContaining('[json-pointer:/text]')]);
  });

  it('applies the same checks to postEphemeral and chat.update', async () => {
    const tooMany = Array.from({ length: 51 }, () => ({ type: 'divider' })) as never;
    const eph = await platformError(
      slack.chat.postEphemeral({ channel: 'C1', user: 'U1', text: 'x', blocks: tooMany }),
    );
    expect(eph.error).toBe('invalid_blocks');
    const { ts } = await slack.chat.postMessage({ channel: 'C1', text: 'ok' });
    const upd = await platformError(slack.chat.update({ channel: 'C1', ts: ts ?? '', blocks: tooMany }));
    expect(upd.error).toBe('invalid_blocks');
    expect(fake.messages[0]).toMatchObject({ text: 'ok' });
    expect(fake.violations).toHaveLength(2);
  });
});

describe('fake Slack: rate limit and failNext', () => {
  it('lets a burst of 5 through per channel, then answers 429 with Retry-After', async () => {
    const strict = clientFor(TOKEN, { rejectRateLimitedCalls: true });
    for (let i = 0; i < 5; i++) await strict.chat.postMessage({ channel: 'CR', text: `m${i}` });
    // biome-ignore lint/suspicious/noExplicitAny: the WebAPIRateLimitedError.
    const err: any = await strict.chat.postMessage({ channel: 'CR', text: 'one too many' }).catch((e) => e);
    expect(err.code).toBe(ErrorCode.RateLimitedError);
    expect(err.retryAfter).toBeGreaterThanOrEqual(1);
    const limited = fake.calls.at(-1);
    expect(limited?.status).toBe(429);
    expect(limited?.response).toMatchObject({ ok: false, error: 'ratelimited' });
    // Another channel has its own bucket; a 429 is flow control, not a violation.
    await strict.chat.postMessage({ channel: 'CR2', text: 'fine' });
    expect(fake.messagesIn('CR')).toHaveLength(5);
    expect(fake.violations).toEqual([]);
  });

  it('fails the next calls of a method as asked', async () => {
    fake.failNext('chat.postMessage', 1, 'channel_not_found');
    fake.failNext('chat.postMessage', 1, { status: 429, retryAfter: 7 });
    const first = await platformError(slack.chat.postMessage({ channel: 'C1', text: 'a' }));
    expect(first.error).toBe('channel_not_found');
    // biome-ignore lint/suspicious/noExplicitAny: the WebAPIRateLimitedError.
    const second: any = await clientFor(TOKEN, { rejectRateLimitedCalls: true })
      .chat.postMessage({ channel: 'C1', text: 'b' })
      .catch((e) => e);
    expect(second.retryAfter).toBe(7);
    await slack.chat.postMessage({ channel: 'C1', text: 'c' });
    expect(fake.messages.map((m) => m.text)).toEqual(['c']);
  });
});

describe('fake Slack: response_url', () => {
  const respond = (url: string, body: unknown) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('takes 5 posts and rejects the 6th; ephemeral by default', async () => {
    const url = fake.responseUrl('C1', 'U1');
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await respond(url, { text: `r${i}`, response_type: i === 0 ? 'in_channel' : undefined });
      statuses.push(res.status);
      expect(await res.text()).toBe('ok');
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const sixth = await respond(url, { text: 'r5' });
    expect(sixth.status).toBe(404);
    expect(await sixth.text()).toBe('used_url');
    expect(fake.violations).toEqual([expect.stringContaining('more than 5 times')]);
    const msgs = fake.messagesIn('C1');
    expect(msgs).toHaveLength(5);
    expect(msgs[0]?.ephemeral).toBeUndefined();
    expect(msgs[1]?.ephemeral).toEqual({ user: 'U1' });
  });

  it('replaces and deletes the original, checks blocks and expires after 30 minutes', async () => {
    const { ts } = await slack.chat.postMessage({ channel: 'C1', text: 'with buttons' });
    const url = fake.responseUrl('C1', 'U1', ts);
    await respond(url, { replace_original: true, text: 'done', blocks: [section('done')] });
    expect(fake.messages).toEqual([expect.objectContaining({ ts, text: 'done', edited: true })]);
    const bad = await respond(url, { blocks: [section('a'.repeat(3001))] });
    expect(bad.status).toBe(400);
    expect(fake.violations).toEqual([expect.stringContaining('/blocks/0/text/text')]);
    await respond(url, { delete_original: true });
    expect(fake.messages).toEqual([]);

    const later = fake.responseUrl('C1', 'U1');
    clock += 30 * 60 * 1000 + 1;
    const expired = await respond(later, { text: 'too late' });
    expect(expired.status).toBe(404);
    expect(await expired.text()).toBe('expired_url');
  });
});

describe('fake Slack: helpers', () => {
  it('waitFor resolves on a predicate and times out listing the last calls', async () => {
    const posting = slack.chat.postMessage({ channel: 'CW', text: 'soon' });
    await fake.waitFor(() => fake.messagesIn('CW').length === 1);
    await posting;
    await expect(fake.waitFor(() => false, 30)).rejects.toThrow(
      /timed out after 30 ms[\s\S]*chat\.postMessage/,
    );
  });

  it('reset clears recorded state but keeps users', async () => {
    fake.users.set('U1', { id: 'U1', name: 'u' });
    await slack.chat.postMessage({ channel: 'C1', text: 'x' });
    fake.reset();
    expect([fake.calls, fake.messages, fake.violations, fake.views]).toEqual([[], [], [], []]);
    expect(fake.users.size).toBe(1);
  });
});
