/** `@path` in a console line attaches a local file, stored through file storage, as chat apps send files. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { takeAttachments } from '../adapters/console/attachments.ts';
import { ConsoleAdapter } from '../adapters/console/index.ts';
import { type ChatBench, openChatBench } from './helpers/chat.ts';
import { jpeg } from './helpers/files.ts';

let c: ChatBench;
let dir: string;

beforeAll(async () => {
  c = await openChatBench('console_files');
  dir = await mkdtemp(path.join(os.tmpdir(), 'console-files-'));
  await writeFile(path.join(dir, 'スピーカー.jpg'), jpeg('fake jpeg bytes'));
});
afterAll(() => c?.close());

describe('console attachments', () => {
  it('stores a @path file and passes it on with the rest of the line as text', async () => {
    const taken = await takeAttachments(
      `修理お願いします @${path.join(dir, 'スピーカー.jpg')}`,
      c.b.ctx.files,
    );
    if ('problem' in taken) throw new Error('unexpected problem');
    expect(taken.text).toBe('修理お願いします');
    expect(taken.attachments).toEqual([
      {
        name: 'スピーカー.jpg',
        mime: 'image/jpeg',
        size: jpeg('fake jpeg bytes').length,
        storageKey: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    ]);
    expect((await c.b.ctx.files.read(taken.attachments[0]?.storageKey ?? '')).toString()).toBe(
      jpeg('fake jpeg bytes').toString(),
    );
    expect(await takeAttachments('x @/no/such/file.jpg', c.b.ctx.files)).toEqual({
      problem: { kind: 'missing', path: '/no/such/file.jpg' },
    });
  });

  it('opens an inquiry with a photo typed as a path, end to end', async () => {
    const admin = await c.b.user(['admin']);
    const companyId = await c.b.company('音響サービス');
    const store = await c.services.supportSetup.createStore(admin, {
      companyId,
      name: '渋谷店',
      prefecture: '東京都',
    });
    const customer = await c.as('shop-owner', ['customer'], { companyId });
    const output = new PassThrough();
    const adapter = new ConsoleAdapter({
      bot: c.bot,
      sender: { workspace: 'local', externalId: customer.handle, displayName: customer.handle },
      input: new PassThrough(),
      output,
      files: c.b.ctx.files,
    });
    const printed = await adapter.handleLine(
      `問い合わせ repair #${store.id} スピーカーから音が出ません @${path.join(dir, 'スピーカー.jpg')}`,
    );
    const id = Number(/ID:(\d+)/.exec(printed)?.[1]);
    expect(id).toBeGreaterThan(0);
    const detail = await c.services.inquiryReads.get(customer.actor, id);
    expect(JSON.stringify(detail)).toContain('スピーカー.jpg');
    expect(await adapter.handleLine('返信 1 @/missing.png')).toBe('ファイルが見つかりません: /missing.png');
  });

  it('refuses a renamed executable and a file over MAX_UPLOAD_MB with numbered messages, and stores neither', async () => {
    const exe = path.join(dir, 'invoice.pdf');
    await writeFile(exe, Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]));
    const big = path.join(dir, '大きい.pdf');
    await writeFile(big, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2 * 1024 * 1024)]));
    const output = new PassThrough();
    const adapter = new ConsoleAdapter({
      bot: c.bot,
      sender: { workspace: 'local', externalId: 'uploader', displayName: 'uploader' },
      input: new PassThrough(),
      output,
      files: c.b.ctx.files,
      uploadRules: { maxBytes: 1024 * 1024 },
    });
    const printed = await adapter.handleLine(`問い合わせ @${exe} @${big}`);
    expect(printed).toContain('[E202] 「invoice.pdf」は受け付けていない種類のファイルです。');
    expect(printed).toContain('[E201] 「大きい.pdf」は大きすぎるため受け付けられませんでした(1MBまで)');
    expect(printed).toContain('このメッセージは処理していません。');
    // Nothing of either was stored.
    const { createHash } = await import('node:crypto');
    const { readFile } = await import('node:fs/promises');
    for (const f of [exe, big]) {
      expect(
        await c.b.ctx.files.exists(
          createHash('sha256')
            .update(await readFile(f))
            .digest('hex'),
        ),
      ).toBe(false);
    }
  });

  it('writes the files a reply hands over under the downloads folder and prints where, never overwriting another file', async () => {
    const downloads = path.join(dir, 'downloads', 'worker-a');
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk) => {
      printed += String(chunk);
    });
    const adapter = new ConsoleAdapter({
      bot: c.bot,
      sender: { workspace: 'local', externalId: 'worker-a', displayName: 'worker-a' },
      input: new PassThrough(),
      output,
      files: c.b.ctx.files,
      downloadsDir: downloads,
    });
    const first = jpeg('work file one');
    const second = jpeg('another file, same name');
    const file = async (bytes: Buffer, name: string) => {
      const stored = await c.b.ctx.files.put(bytes);
      return {
        type: 'file' as const,
        file: { storageKey: stored.key, name, mime: 'image/jpeg', size: stored.size },
      };
    };
    await adapter.push(
      { workspace: 'local', externalId: 'worker-a', locale: 'ja' },
      { blocks: [{ type: 'text', text: '作業ファイルです' }, await file(first, '../../名刺.jpg')] },
    );
    await adapter.push(
      { workspace: 'local', externalId: 'worker-a', locale: 'ja' },
      { blocks: [await file(second, '名刺.jpg'), await file(first, '名刺.jpg')] },
    );
    const { readFile } = await import('node:fs/promises');
    // The name cannot leave the folder; a different file of the same name is kept beside it.
    expect((await readFile(path.join(downloads, '.._.._名刺.jpg'))).equals(first)).toBe(true);
    expect((await readFile(path.join(downloads, '名刺.jpg'))).equals(second)).toBe(true);
    expect((await readFile(path.join(downloads, '名刺 (2).jpg'))).equals(first)).toBe(true);
    expect(printed).toContain(`📁 保存しました: ${path.join(downloads, '名刺.jpg')}`);
  });
});
