/**
 * FAQ, 利用規約 and 個人情報の取り扱い (issue 19, item 4): the operator's texts, from CONTENT_DIR or the
 * repository's `content/`, in the person's language. Through the console.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleAdapter } from '../adapters/console/index.ts';
import { loadConfig } from '../src/config.ts';
import { createDomainServices } from '../src/domain/services.ts';
import { buildBot } from '../src/wiring/app.ts';
import { memoryLogger } from './helpers/logger.ts';
import { openTestStore, type TestStore, testDomainContext } from './helpers/store-fixture.ts';

let t: TestStore;
beforeAll(async () => {
  t = await openTestStore('documents');
});
afterAll(async () => {
  await t?.close();
});

function session(env: Record<string, string>, who: string) {
  const bot = buildBot({
    store: t.store,
    domain: createDomainServices(testDomainContext(t)),
    config: loadConfig(env),
    logger: memoryLogger('silent').logger,
  });
  const adapter = new ConsoleAdapter({
    bot,
    sender: { workspace: 'local', externalId: who, displayName: who },
    input: new PassThrough(),
    output: new PassThrough(),
  });
  return (line: string) => adapter.handleLine(line);
}

describe('FAQ, terms and privacy', () => {
  it('answers with the built-in texts in the person’s language', async () => {
    const say = session({}, 'doc-reader');
    const faq = await say('FAQ');
    expect(faq).toContain('【よくある質問】');
    expect(faq).toContain('募集案件にはどうやって応募しますか?');
    expect(faq).toContain('翌月10日');
    expect(await say('利用規約')).toContain('秘密の保持');
    expect(await say('個人情報の取り扱い')).toContain('取得する情報');
    await say('lang en');
    expect(await say('faq')).toContain('How do I apply for a job?');
    expect(await say('privacy')).toContain('What we collect');
  });

  it('answers with what the operator put in CONTENT_DIR, falling back to Japanese, and says when a text is missing', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'content-'));
    await writeFile(
      path.join(dir, 'faq.ja.md'),
      '当社の窓口は平日9:30〜20:00です。\n\n## 電話はつながりますか?\n03-0000-0000 までどうぞ。\n',
    );
    const say = session({ CONTENT_DIR: dir }, 'doc-operator');
    const faq = await say('よくある質問');
    expect(faq).toContain('当社の窓口は平日9:30〜20:00です。');
    expect(faq).toContain('電話はつながりますか?');
    expect(faq).toContain('03-0000-0000');
    await say('lang en');
    expect(await say('faq')).toContain('電話はつながりますか?');
    expect(await say('terms')).toBe('This document is not available yet. Please ask us with an inquiry.');
  });
});
