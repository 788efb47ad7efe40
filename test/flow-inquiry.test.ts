/**
 * The new-inquiry guided flow through the console: each step re-asks with the reason on bad input,
 * survives a restart (a new bot over the same store), accepts a photo, can be cancelled, and
 * expires after 24 hours.
 */
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleAdapter } from '../adapters/console/index.ts';
import { renderReply } from '../adapters/console/render.ts';
import type { ChatEvent } from '../src/chat/types.ts';
import { loadConfig } from '../src/config.ts';
import { buildBot } from '../src/wiring/app.ts';
import { type ChatBench, openChatBench, uploadFor } from './helpers/chat.ts';
import { memoryLogger } from './helpers/logger.ts';

let c: ChatBench;
let companyId: number;

beforeAll(async () => {
  c = await openChatBench('flow_inquiry');
  const admin = await c.b.user(['admin']);
  companyId = await c.b.company('サウンド商会');
  for (const [name, pref] of [
    ['渋谷店', '東京都'],
    ['新宿店', '東京都'],
    ['梅田店', '大阪府'],
  ] as const) {
    await c.services.supportSetup.createStore(admin, { companyId, name, prefecture: pref });
  }
});
afterAll(() => c?.close());

describe('new inquiry, step by step', () => {
  it('asks category, sub-topic, store, comment and files, then opens the inquiry (ja)', async () => {
    const me = await c.as('flow-ja', ['customer'], { companyId });
    const first = await me.say('問い合わせ');
    expect(first).toContain('順番にお伺いします');
    expect(first).toContain('お問い合わせの種類を選んでください。');
    expect(await me.say('99')).toContain('一覧から番号で選んでください。');
    expect(await me.tap('修理')).toContain('内容をもう少し詳しく選んでください。');
    // The company has stores in two regions: the region comes first, and may be skipped.
    expect(await me.say('1')).toContain('店舗のある地域を選んでください。');
    expect(await me.say('スキップ')).toContain('対象の店舗を選ぶか');
    // Free word matching two stores is ambiguous; one match is chosen.
    expect(await me.say('東京')).toContain('該当する店舗が複数あります');
    expect(await me.say('梅田')).toContain('お問い合わせの内容を入力してください。');
    expect(await me.say('店内のスピーカーから音が出ません。')).toContain('写真や資料があれば');

    // A photo arrives as an attachment (as from LINE or `@path` on the console).
    const photo = await uploadFor(c, 'speaker.jpg', 'jpeg-bytes', 'image/jpeg');
    const withPhoto = await c.bot.handle({
      id: `photo-${Date.now()}`,
      platform: 'console',
      kind: 'message',
      text: '',
      attachments: [{ name: photo.name, mime: photo.mime, size: photo.size, storageKey: photo.storageKey }],
      sender: { workspace: 'local', externalId: 'flow-ja' },
      conversation: { kind: 'direct', id: 'flow-ja' },
      receivedAt: new Date(),
    } as ChatEvent);
    expect(renderReply(withPhoto.reply ?? { blocks: [] }, 'ja').text).toContain(
      'ファイルを1件受け取りました',
    );
    const summary = await me.say('完了');
    expect(summary).toContain('以下の内容でよろしいですか?');
    expect(summary).toContain('店舗: 梅田店');
    expect(summary).toContain('添付: speaker.jpg');
    const done = await me.tap('はい');
    const id = Number(/問い合わせID:(\d+)/.exec(done)?.[1]);
    expect(id).toBeGreaterThan(0);
    const detail = await c.services.inquiryReads.get(me.actor, id);
    expect(JSON.stringify(detail)).toContain('speaker.jpg');
    // The flow is over: the next line is a command again.
    expect(await me.say('ヘルプ')).toContain('ご利用いただけるコマンド');
  });

  it('survives a restart and skips the store for a new-store consultation (en)', async () => {
    const me = await c.as('flow-en', ['customer'], { companyId, locale: 'en' });
    expect(await me.say('new-inquiry')).toContain('What is your inquiry about?');
    expect(await me.tap('New-store')).toContain('more specific topic');

    // A new process: a fresh bot over the same store continues where the user was.
    const restarted = buildBot({
      store: c.b.store.store,
      domain: c.services,
      config: loadConfig({}),
      logger: memoryLogger('silent').logger,
      clock: c.b.clock,
    });
    const output = new PassThrough();
    const adapter = new ConsoleAdapter({
      bot: restarted,
      sender: { workspace: 'local', externalId: 'flow-en' },
      input: new PassThrough(),
      output,
    });
    expect(await adapter.handleLine('skip')).toContain('Please describe your inquiry.');
    expect(await adapter.handleLine('We plan a store in Naha next spring.')).toContain('Attach photos');
    const summary = await adapter.handleLine('done');
    expect(summary).not.toContain('Store:');
    expect(await adapter.handleLine('yes')).toMatch(/inquiry ID:\d+/);
  });

  it('takes the same flow as one form, with the same checks per field (for Slack and Discord modals)', async () => {
    const me = await c.as('form-user', ['customer'], { companyId });
    const event = {
      id: `form-${Date.now()}`,
      platform: 'console' as const,
      kind: 'message' as const,
      text: '',
      sender: { workspace: 'local', externalId: 'form-user' },
      conversation: { kind: 'direct' as const, id: 'form-user' },
      receivedAt: new Date(),
    };
    const repair = (await c.services.supportDirectory.categories(me.actor)).find((x) => x.code === 'repair');
    const bad = await c.bot.submitForm(event, 'inquiry', { category: '99', store: '東京', comment: '' });
    expect(bad).toMatchObject({
      errors: {
        category: '一覧から番号で選んでください。',
        comment: '内容を入力してください(4,000文字以内)。',
      },
    });
    const good = await c.bot.submitForm(event, 'inquiry', {
      category: String(repair?.id),
      subtopic: '',
      store: '梅田',
      comment: 'BGMが止まります。',
    });
    expect('reply' in good && renderReply(good.reply, 'ja').text).toMatch(/問い合わせID:\d+/);
  });

  it('leaves the flow on cancel, and forgets it after 24 hours', async () => {
    const me = await c.as('flow-cancel', ['customer'], { companyId });
    await me.say('問い合わせ');
    expect(await me.say('キャンセル')).toContain('入力を中止しました。');
    expect(await me.say('キャンセル')).toContain('中止する入力はありません。');
    expect(await me.say('ヘルプ')).toContain('ご利用いただけるコマンド');

    await me.say('問い合わせ');
    c.b.clock.advance(24 * 3600 * 1000 + 1);
    const after = await me.say('ヘルプ');
    expect(after).toContain('24時間が過ぎたため破棄しました');
    expect(after).toContain('ご利用いただけるコマンド');
  });
});
