import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleAdapter } from '../adapters/console/index.ts';
import { renderReply } from '../adapters/console/render.ts';
import type { Bot } from '../src/chat/bot.ts';
import { loadConfig } from '../src/config.ts';
import type { DomainContext } from '../src/domain/context.ts';
import { createDomainServices, type DomainServices } from '../src/domain/services.ts';
import { buildBot } from '../src/wiring/app.ts';
import { type AdapterHarness, adapterContract, type Seen } from './contract/adapter-contract.ts';
import { makeCustomerOf } from './contract/customer.ts';
import { memoryLogger } from './helpers/logger.ts';
import { openTestStore, type TestStore, testDomainContext } from './helpers/store-fixture.ts';

let t: TestStore;
let bot: Bot;
let domain: DomainServices;
let ctx: DomainContext;
let fileDir: string;

beforeAll(async () => {
  t = await openTestStore('console');
  ctx = testDomainContext(t);
  domain = createDomainServices(ctx);
  bot = buildBot({ store: t.store, domain, config: loadConfig({}), logger: memoryLogger('silent').logger });
  fileDir = await mkdtemp(path.join(os.tmpdir(), 'console-contract-'));
});
afterAll(async () => {
  await t?.close();
});

/** A console session per user, as `npm run chat -- --as <user>` would open. */
function consoleHarness(): AdapterHarness {
  const sessions = new Map<string, { adapter: ConsoleAdapter; output: PassThrough }>();
  let fixedId: string | undefined;
  const session = (user: string) => {
    let s = sessions.get(user);
    if (!s) {
      const output = new PassThrough();
      const adapter = new ConsoleAdapter({
        bot,
        sender: { workspace: 'local', externalId: user, displayName: user },
        input: new PassThrough(),
        output,
        files: ctx.files,
        downloadsDir: path.join(fileDir, 'downloads', user),
        newEventId: () => fixedId ?? `console-${Math.random()}`,
      });
      s = { adapter, output };
      sessions.set(user, s);
    }
    return s;
  };
  const say = async (user: string, line: string): Promise<Seen> => {
    const s = session(user);
    const text = await s.adapter.handleLine(line);
    return { text, payloads: s.adapter.lastChoices() };
  };
  return {
    say,
    async tap(user, payload) {
      // A tap on the console is typing the number shown beside the choice.
      const index = session(user).adapter.lastChoices().indexOf(payload);
      if (index === -1) throw new Error(`"${payload}" was not offered`);
      return say(user, String(index + 1));
    },
    async makeCustomer(user) {
      await say(user, 'help');
      await makeCustomerOf(t.store, { platform: 'console', workspace: 'local', externalId: user });
    },
    async sayWithFile(user, line, file) {
      // The console sends a file as `@path` in the line.
      const where = path.join(fileDir, file.name);
      await writeFile(where, file.content);
      return say(user, `${line} @${where}`.trim());
    },
    async push(user, reply) {
      const s = session(user);
      s.output.read();
      await s.adapter.push({ workspace: 'local', externalId: user, locale: 'ja' }, reply);
      return String(s.output.read() ?? '');
    },
    storeFile: async (bytes) => (await ctx.files.put(bytes)).key,
    async pushFiles(user, reply) {
      // The console writes each file under its downloads folder and prints where.
      const s = session(user);
      s.output.read();
      await s.adapter.push({ workspace: 'local', externalId: user, locale: 'ja' }, reply);
      const printed = String(s.output.read() ?? '');
      const paths = [...printed.matchAll(/📁 保存しました: (.+)/g)].map((m) => m[1] ?? '');
      return Promise.all(paths.map((p) => readFile(p)));
    },
    async sayTwice(user, line) {
      fixedId = `dup-${Math.random()}`;
      try {
        return [await say(user, line), await say(user, line)];
      } finally {
        fixedId = undefined;
      }
    },
  };
}

adapterContract('console', consoleHarness);

describe('console rendering', () => {
  it('numbers every button and quick reply so they can be picked by typing the number', () => {
    const { text, choices } = renderReply(
      {
        blocks: [
          {
            type: 'card',
            title: '#1 案件',
            fields: [
              { label: '報酬', value: '1,000円' },
              { label: '業務内容', value: '文字起こし\nケバ取りあり' },
            ],
            buttons: [{ label: '応募', payload: 'apply 1' }],
          },
          {
            type: 'list',
            title: '一覧',
            items: [{ title: 'a', button: { label: '開く', payload: 'open a' } }],
          },
          { type: 'buttons', buttons: [{ label: '次のページ', payload: 'jobs 2' }] },
        ],
        quickReplies: [{ label: 'ヘルプ', payload: 'help' }],
      },
      'ja',
    );
    expect(choices).toEqual(['apply 1', 'open a', 'jobs 2', 'help']);
    expect(text).toContain('■ #1 案件');
    expect(text).toContain('  報酬: 1,000円');
    // A value of several lines stays under its label.
    expect(text).toContain('  業務内容: 文字起こし\n    ケバ取りあり');
    expect(text).toContain('[1] 応募');
    expect(text).toContain('【一覧】');
    expect(text).toContain('候補: [4] ヘルプ');
  });

  it('pushes a notification to its own user and refuses anyone else as unreachable', async () => {
    const output = new PassThrough();
    const adapter = new ConsoleAdapter({
      bot,
      sender: { workspace: 'local', externalId: 'pushme', displayName: 'pushme' },
      input: new PassThrough(),
      output,
    });
    await adapter.push(
      { workspace: 'local', externalId: 'pushme', locale: 'en' },
      {
        blocks: [{ type: 'text', text: 'Your application was accepted.' }],
        quickReplies: [{ label: 'jobs', payload: 'jobs' }],
      },
    );
    expect(String(output.read())).toBe(
      '🔔 Notification\nYour application was accepted.\n\nSuggestions: [1] jobs\n\n',
    );
    await expect(
      adapter.push({ workspace: 'local', externalId: 'someone-else', locale: 'ja' }, { blocks: [] }),
    ).rejects.toMatchObject({ code: 'console_unreachable' });
  });

  it('sends a typed number as text when the question asks for one (a flow’s number step)', () => {
    const adapter = new ConsoleAdapter({
      bot,
      sender: { workspace: 'local', externalId: 'numbers2', displayName: 'numbers2' },
      input: new PassThrough(),
      output: new PassThrough(),
    });
    adapter.send({
      blocks: [{ type: 'text', text: '募集人数は?' }],
      quickReplies: [{ label: 'キャンセル', payload: 'cancel' }],
      expectsText: true,
    });
    expect(adapter.toEvent('1')).toMatchObject({ kind: 'message', text: '1' });
    adapter.send({
      blocks: [{ type: 'text', text: '選んでください' }],
      quickReplies: [{ label: 'A', payload: 'a' }],
    });
    expect(adapter.toEvent('1')).toMatchObject({ kind: 'action', payload: 'a' });
  });

  it('sends a typed number that matches no choice as ordinary text', async () => {
    const output = new PassThrough();
    const adapter = new ConsoleAdapter({
      bot,
      sender: { workspace: 'local', externalId: 'numbers', displayName: 'numbers' },
      input: new PassThrough(),
      output,
    });
    const event = adapter.toEvent('７');
    expect(event).toMatchObject({ kind: 'message', text: '７' });
  });

  it('ends the session on 終了 in a flow, full-width or with a full stop, and reads nothing after it', async () => {
    for (const quit of ['終了', '終了。', 'ｅｘｉｔ', 'QUIT', 'おわり']) {
      const input = new PassThrough();
      const output = new PassThrough();
      let printed = '';
      output.on('data', (chunk) => {
        printed += String(chunk);
      });
      const adapter = new ConsoleAdapter({
        bot,
        sender: { workspace: 'local', externalId: `quitter-${quit}`, displayName: 'quitter' },
        input,
        output,
      });
      // In the middle of a guided flow (問い合わせ asks its questions), then the quit word, then more.
      input.end(`問い合わせ\n${quit}\nヘルプ\n`);
      await adapter.run();
      expect(printed, quit).not.toContain('ご利用いただけるコマンド');
    }
  });
});
