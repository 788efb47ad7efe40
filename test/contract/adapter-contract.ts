/**
 * The adapter contract: what every platform adapter must do, whatever its transport. Each adapter's
 * test file supplies a harness that talks to it the way its platform would (a terminal for the
 * console; signed webhooks against fake API servers for LINE, Slack and Discord) and runs this suite.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BUTTON_PAYLOAD_MAX, type Reply } from '../../src/chat/types.ts';
import { jpeg, pdf } from '../helpers/files.ts';

/** What the user saw in answer to one input: the visible text and the tappable payloads. */
export interface Seen {
  text: string;
  payloads: string[];
}

export interface AdapterHarness {
  /** Delivers a typed message from `user`, as a new platform event. */
  say(user: string, text: string): Promise<Seen>;
  /** Taps a button or quick reply `user` was shown (by its payload). */
  tap(user: string, payload: string): Promise<Seen>;
  /** Delivers one platform event twice (a redelivery); returns what each delivery showed. */
  sayTwice(user: string, text: string): Promise<[Seen, Seen]>;
  /** Makes `user` a customer of a company with one store (for the support-desk flow). */
  makeCustomer(user: string): Promise<void>;
  /** Sends `text` with a file attached, the way the platform sends files. */
  sayWithFile(
    user: string,
    text: string,
    file: { name: string; content: string | Buffer; mime: string },
  ): Promise<Seen>;
  /** Pushes a notification to `user` through the adapter; returns what the user saw. */
  push(user: string, reply: Reply): Promise<string>;
  /**
   * Pushes `reply` (its file blocks' bytes are already in the app's file storage) and returns the
   * bytes of every file as the user ends up with them, the platform's way: an upload, an attachment,
   * a download link followed, a file written to disk.
   */
  pushFiles(user: string, reply: Reply): Promise<Buffer[]>;
  /** Puts bytes in the app's file storage; returns the storage key. */
  storeFile(bytes: Buffer): Promise<string>;
}

export function adapterContract(name: string, harness: () => AdapterHarness): void {
  describe(`adapter contract: ${name}`, () => {
    it('greets a newcomer and shows help in Japanese by default', async () => {
      const seen = await harness().say('contract-new', 'ヘルプ');
      expect(seen.text).toContain('はじめまして');
      expect(seen.text).toContain('ご利用いただけるコマンド');
    });

    it('understands commands in both languages and full-width input', async () => {
      const h = harness();
      expect((await h.say('contract-lang', 'ｈｅｌｐ')).text).toContain('ご利用いただけるコマンド');
      expect((await h.say('contract-lang', '求人')).text).toMatch(/募集案件/);
    });

    it('keeps the user’s language for every later reply', async () => {
      const h = harness();
      expect((await h.say('contract-en', 'lang en')).text).toContain('Your language is now English.');
      expect((await h.say('contract-en', 'ヘルプ')).text).toContain('Commands you can use');
    });

    it('offers taps whose payloads fit every platform and run when tapped', async () => {
      const h = harness();
      const seen = await h.say('contract-tap', 'lang');
      expect(seen.payloads).toContain('lang en');
      for (const p of seen.payloads) expect(p.length).toBeLessThanOrEqual(BUTTON_PAYLOAD_MAX);
      expect((await h.tap('contract-tap', 'lang en')).text).toContain('Your language is now English.');
    });

    it('processes a redelivered event once', async () => {
      const [first, second] = await harness().sayTwice('contract-dup', 'help');
      expect(first.text).not.toBe('');
      expect(second.text).toBe('');
    });

    it('runs a guided flow across messages, re-asks on bad input and leaves on cancel', async () => {
      const h = harness();
      await h.makeCustomer('contract-flow');
      expect((await h.say('contract-flow', '問い合わせ')).text).toContain(
        'お問い合わせの種類を選んでください。',
      );
      expect((await h.say('contract-flow', '999')).text).toContain('一覧から番号で選んでください。');
      expect((await h.say('contract-flow', 'キャンセル')).text).toContain('入力を中止しました。');
      expect((await h.say('contract-flow', 'ヘルプ')).text).toContain('ご利用いただけるコマンド');
    });

    it('hands files sent with a message to the step that wants them', async () => {
      const h = harness();
      await h.makeCustomer('contract-file');
      await h.say('contract-file', '問い合わせ');
      await h.say('contract-file', '1');
      await h.say('contract-file', 'skip');
      await h.say('contract-file', '1');
      expect((await h.say('contract-file', 'スピーカーの故障です')).text).toContain('写真や資料');
      const seen = await h.sayWithFile('contract-file', '', {
        name: 'photo.jpg',
        content: jpeg(),
        mime: 'image/jpeg',
      });
      expect(seen.text).toContain('ファイルを1件受け取りました');
      await h.say('contract-file', 'キャンセル');
    });

    it('delivers a pushed notification to the user', async () => {
      const h = harness();
      await h.say('contract-push', 'help');
      const seen = await h.push('contract-push', {
        blocks: [{ type: 'text', text: '応募 #1 が採用されました。' }],
      });
      expect(seen).toContain('応募 #1 が採用されました。');
    });

    it('hands the files of a reply over, bytes intact', async () => {
      const h = harness();
      await h.say('contract-files', 'help');
      const sent = [jpeg('a photo of the work'), pdf('見積書 12,000円')];
      const names = ['作業写真.jpg', '見積書.pdf'];
      const mimes = ['image/jpeg', 'application/pdf'];
      const blocks: Reply['blocks'] = [{ type: 'text', text: '作業ファイルです。' }];
      for (const [i, bytes] of sent.entries()) {
        const key = await h.storeFile(bytes);
        blocks.push({
          type: 'file',
          file: { storageKey: key, name: names[i] ?? '', mime: mimes[i] ?? '', size: bytes.length },
        });
      }
      const received = await h.pushFiles('contract-files', { blocks });
      const digest = (b: Buffer) => createHash('sha256').update(b).digest('hex');
      expect(received.map(digest).sort()).toEqual(sent.map(digest).sort());
    });

    it('answers an unknown command with suggestions instead of silence', async () => {
      const seen = await harness().say('contract-typo', 'hlep');
      expect(seen.text).toContain('help');
      expect(seen.payloads.length).toBeGreaterThan(0);
    });
  });
}
