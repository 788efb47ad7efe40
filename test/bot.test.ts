import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { renderReply } from '../adapters/console/render.ts';
import type { Bot } from '../src/chat/bot.ts';
import type { ChatEvent, Reply } from '../src/chat/types.ts';
import { type Config, loadConfig } from '../src/config.ts';
import type { DomainContext } from '../src/domain/context.ts';
import { createDomainServices } from '../src/domain/services.ts';
import { buildBot } from '../src/wiring/app.ts';
import { memoryLogger } from './helpers/logger.ts';
import { openTestStore, type TestStore, testDomainContext } from './helpers/store-fixture.ts';

let t: TestStore;
let domainCtx: DomainContext;
let seq = 0;

beforeAll(async () => {
  t = await openTestStore('bot');
  domainCtx = testDomainContext(t);
});
afterAll(async () => {
  await t?.close();
});

function makeBot(env: Record<string, string> = {}, logger = memoryLogger().logger): Bot {
  const config: Config = loadConfig(env);
  const domain = createDomainServices({ ...domainCtx, openSignupRole: config.openSignupRole });
  return buildBot({ store: t.store, domain, config, logger, newRef: () => 'REF12345' });
}

function message(user: string, text: string, extra: Partial<ChatEvent> = {}): ChatEvent {
  seq++;
  return {
    id: `evt-${seq}-${Math.random()}`,
    platform: 'console',
    sender: { workspace: 'test', externalId: user, displayName: user },
    conversation: { kind: 'direct', id: user },
    receivedAt: new Date(),
    kind: 'message',
    text,
    ...extra,
  } as ChatEvent;
}

/** All the text a reply shows, as the console adapter prints it. */
function textOf(reply: Reply | null): string {
  return reply ? renderReply(reply, 'ja').text : '';
}

describe('a first conversation', () => {
  it('welcomes a newcomer in Japanese and registers them as a worker by default', async () => {
    const bot = makeBot();
    const { reply, user } = await bot.handle(message('taro', 'ヘルプ'));
    expect(textOf(reply)).toContain('taroさん、はじめまして');
    expect(textOf(reply)).toContain('ご利用いただけるコマンド');
    expect(user?.roles).toEqual(['worker']);
    const again = await bot.handle(message('taro', 'help'));
    expect(textOf(again.reply)).not.toContain('はじめまして');
  });

  it('answers help and ヘルプ with the same commands', async () => {
    const bot = makeBot();
    const ja = await bot.handle(message('hana', 'ヘルプ'));
    const en = await bot.handle(message('hana', 'help'));
    expect(ja.reply?.blocks[1]).toEqual(en.reply?.blocks[0]);
  });
});

describe('lang', () => {
  it('switches the language and keeps it for later messages', async () => {
    const bot = makeBot();
    const changed = await bot.handle(message('emily', 'lang en'));
    expect(textOf(changed.reply)).toContain('Your language is now English.');
    expect(changed.locale).toBe('en');
    const help = await bot.handle(message('emily', 'ヘルプ'));
    expect(textOf(help.reply)).toContain('Commands you can use');
    const back = await bot.handle(message('emily', '言語 日本語'));
    expect(textOf(back.reply)).toBe('表示言語を日本語に設定しました。');
  });

  it('explains the choices when the language is missing or unknown', async () => {
    const bot = makeBot();
    const { reply } = await bot.handle(message('ken', 'lang klingon'));
    expect(textOf(reply)).toContain('lang ja');
    expect(reply?.quickReplies?.map((q) => q.payload)).toEqual(['lang ja', 'lang en']);
  });
});

describe('jobs', () => {
  beforeEach(async () => {
    await t.orm.em.getConnection().execute('delete from job_notices');
  });

  it('says so when no job notice is open', async () => {
    const { reply } = await makeBot().handle(message('jiro', '求人'));
    expect(textOf(reply)).toContain('現在、募集中の募集案件はありません。');
  });

  it('lists open notices with reward, openings, deadline and place in the user’s language', async () => {
    await t.store.uow.run(async (tx) => {
      await tx.work.jobs.insert({
        title: 'データ入力',
        rewardYen: 12000,
        openings: 3,
        remote: true,
        status: 'open',
        deadline: new Date('2026-12-09T15:30:00Z'),
      });
      await tx.work.jobs.insert({ title: '下書き', rewardYen: 1, status: 'draft' });
    });
    const bot = makeBot();
    const ja = textOf((await bot.handle(message('jiro', 'jobs'))).reply);
    expect(ja).toContain('募集案件(1件)');
    expect(ja).toContain('報酬: 12,000円');
    expect(ja).toContain('募集人数: 3名');
    expect(ja).toContain('応募締切: 2026年12月10日(木)');
    expect(ja).toContain('勤務地: 在宅(リモート)');
    expect(ja).not.toContain('下書き');
    await bot.handle(message('jiro', 'lang en'));
    const en = textOf((await bot.handle(message('jiro', 'jobs'))).reply);
    expect(en).toContain('Reward: ¥12,000');
    expect(en).toContain('Apply by: Thu, 10 Dec 2026');
  });

  it('pages long lists with next/previous buttons whose short payloads run the next page', async () => {
    await t.store.uow.run(async (tx) => {
      for (let i = 1; i <= 12; i++)
        await tx.work.jobs.insert({ title: `job ${i}`, rewardYen: 1000 * i, status: 'open' });
    });
    const bot = makeBot();
    const press = (user: string, payload: string) =>
      bot.handle({ ...message(user, ''), kind: 'action', payload } as ChatEvent);
    const buttonsOf = (reply: Reply | null) => {
      const nav = reply?.blocks.find((b) => b.type === 'buttons');
      return nav?.type === 'buttons' ? nav.buttons : [];
    };
    const first = await bot.handle(message('saburo', 'jobs'));
    expect(first.reply?.blocks.filter((b) => b.type === 'card')).toHaveLength(5);
    const [next] = buttonsOf(first.reply);
    // A short server-side token, well inside Discord's 100 and LINE's 300 characters.
    expect(next?.payload).toMatch(/^a:[0-9a-z]{10}$/);

    const second = await press('saburo', next?.payload ?? '');
    expect(textOf(second.reply)).toContain(' job 7\n');
    const [prev, next2] = buttonsOf(second.reply);
    expect(prev?.label).toBe('前のページ');
    const third = await press('saburo', next2?.payload ?? '');
    expect(third.reply?.blocks.filter((b) => b.type === 'card')).toHaveLength(2);

    // A button works only for the user it was shown to.
    const stolen = await press('shiro', next?.payload ?? '');
    expect(textOf(stolen.reply)).toContain('有効期限が切れています');
  });

  it('says a button has expired after two weeks', async () => {
    let now = new Date('2026-11-20T00:00:00Z');
    const config = loadConfig({});
    const bot = buildBot({
      store: t.store,
      domain: createDomainServices({ ...domainCtx, clock: () => now }),
      config,
      logger: memoryLogger().logger,
      clock: () => now,
    });
    await t.store.uow.run(async (tx) => {
      for (let i = 1; i <= 6; i++)
        await tx.work.jobs.insert({ title: `old ${i}`, rewardYen: 1, status: 'open' });
    });
    const first = await bot.handle(message('goro2', 'jobs'));
    const nav = first.reply?.blocks.find((b) => b.type === 'buttons');
    const payload = nav?.type === 'buttons' ? (nav.buttons[0]?.payload ?? '') : '';
    now = new Date(now.getTime() + 15 * 24 * 3600 * 1000);
    const late = await bot.handle({ ...message('goro2', ''), kind: 'action', payload } as ChatEvent);
    expect(textOf(late.reply)).toContain('有効期限が切れています');
  });

  it('rejects a bad page number with a translated message', async () => {
    const { reply } = await makeBot().handle(message('shiro', 'jobs ０'));
    expect(textOf(reply)).toBe('ページ番号は1以上の数字で指定してください(例: jobs 2)。');
  });
});

describe('errors and edge cases', () => {
  it('processes a redelivered event id once', async () => {
    const bot = makeBot();
    const event = message('goro', 'help');
    expect((await bot.handle(event)).reply).not.toBeNull();
    expect((await bot.handle(event)).reply).toBeNull();
  });

  it('suggests the closest command for a typo', async () => {
    const { reply } = await makeBot().handle(message('rokuro', 'jbos'));
    expect(textOf(reply)).toContain('もしかして: jobs');
    expect(reply?.quickReplies?.map((q) => q.payload)).toEqual(['jobs', 'ヘルプ']);
  });

  it('answers a bug with an apology and a reference id, and logs the error with that id', async () => {
    const { logger, records } = memoryLogger();
    const bot = makeBot({}, logger);
    bot.router.register({
      name: 'boom',
      aliases: { ja: ['爆発'], en: ['boom'] },
      summary: 'cmd.help.summary',
      run: async () => {
        throw new Error('database exploded at 10.0.0.5');
      },
    });
    const { reply } = await bot.handle(message('nana', 'boom'));
    const shown = textOf(reply);
    expect(shown).toContain('参照番号 REF12345');
    expect(shown).not.toContain('exploded');
    const logged = records.find((r) => r.msg === 'command failed');
    expect(logged).toMatchObject({ ref: 'REF12345', command: 'boom', platform: 'console' });
  });

  it('lets someone without a role read help but explains invitations when sign-up is closed', async () => {
    const bot = makeBot({ OPEN_SIGNUP_ROLE: '' });
    const { reply, user } = await bot.handle(message('stranger', 'jobs'));
    expect(user?.roles).toEqual([]);
    expect(textOf(reply)).toContain('招待制');
    const help = textOf((await bot.handle(message('stranger', 'help'))).reply);
    expect(help).not.toContain('求人');
    expect(help).toContain('ヘルプ');
  });

  it('asks for a command when the message is empty', async () => {
    const { reply } = await makeBot().handle(message('hachi', '　'));
    expect(textOf(reply)).toContain('メッセージが空でした');
  });
});
