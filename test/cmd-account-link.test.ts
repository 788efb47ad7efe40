/**
 * Linking another platform in chat: a code issued on one app, typed on the other, binds that app's
 * account to the same person; the linked accounts are listed and can be unlinked (never the last).
 * Wrong, expired and repeated codes are answered with the numbered messages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReply } from '../adapters/console/render.ts';
import { type ChatBench, type ChatSession, openChatBench } from './helpers/chat.ts';
import { lineUserId } from './helpers/line.ts';

let c: ChatBench;
let companyA: number;
let seq = 0;

/** Types `text` on LINE as `lineId` (LINE has one global id space: workspace ''). */
async function onLine(lineId: string, text: string): Promise<string> {
  const { reply, locale } = await c.bot.handle({
    id: `line-${++seq}`,
    platform: 'line',
    sender: { workspace: '', externalId: lineId, displayName: 'LINE user' },
    conversation: { kind: 'direct', id: lineId },
    receivedAt: new Date(),
    kind: 'message',
    text,
  });
  if (!reply) throw new Error('no reply');
  return renderReply(reply, locale).text;
}

async function issueCode(session: ChatSession, command = '連携'): Promise<string> {
  const printed = await session.say(command);
  const code = /(?:連携コードは|link code is) ([A-Z0-9]+)/.exec(printed)?.[1];
  if (!code) throw new Error(`no code in: ${printed}`);
  return code;
}

beforeAll(async () => {
  c = await openChatBench('cmd_account_link');
  companyA = await c.b.company('株式会社サウンドA');
});
afterAll(() => c?.close());

describe('linking a second platform', () => {
  it('links LINE with a code from the console, lists both and unlinks LINE again (Japanese)', async () => {
    const hanako = await c.as('hanako', ['customer'], { companyId: companyA });
    const issued = await hanako.say('連携');
    expect(issued).toMatch(/連携コードは [A-Z0-9]{8} です。10分以内に/);
    expect(issued).toContain('有効期限は 2026年11月20日(金) 12:10 までです');
    const code = await issueCode(hanako);

    expect(await onLine(lineUserId('hanako'), `連携 ${code}`)).toContain(
      '連携が完了しました。今後はLINEでもご利用いただけます。',
    );
    // The LINE account is now Hanako: a customer of company A.
    expect(await onLine(lineUserId('hanako'), '基本情報')).toContain('株式会社サウンドA の基本情報');

    const list = await hanako.say('連携一覧');
    expect(list).toContain('連携しているアプリ(2件)');
    expect(list).toMatch(/#\d+ コンソール \(…nako\) ← このアプリ/);
    expect(list).toMatch(new RegExp(`#\\d+ LINE \\(…${lineUserId('hanako').slice(-4)}\\)`));
    expect(hanako.choices().filter((l) => l === '連携解除')).toHaveLength(2);
    const lineId = /#(\d+) LINE/.exec(list)?.[1];
    expect(await hanako.say(`連携解除 #${lineId}`)).toContain('LINEとの連携を解除しました。');

    const after = await hanako.say('連携一覧');
    expect(after).toContain('連携しているアプリ(1件)');
    expect(hanako.choices()).not.toContain('連携解除');
    const consoleId = /#(\d+) コンソール/.exec(after)?.[1];
    expect(await hanako.say(`連携解除 ${consoleId}`)).toContain('[E104] 最後に残った連携は解除できません。');
    // LINE is a stranger again: a new user who is welcomed.
    expect(await onLine(lineUserId('hanako'), 'ヘルプ')).toContain('はじめまして');
  });

  it('links a second console session with a lower-case, hyphenated code and marks the account in use (English)', async () => {
    const bob = await c.as('bob', ['worker'], { locale: 'en' });
    const phone = await c.as('bob-phone', ['worker'], { locale: 'en' });
    const issued = await bob.say('link');
    expect(issued).toContain('Within 10 minutes, send “link');
    expect(issued).toContain('Valid until Fri, 20 Nov 2026 12:10 (single use).');
    const code = await issueCode(bob, 'link');

    const typed = `${code.slice(0, 4)}-${code.slice(4)}`.toLowerCase();
    expect(await phone.say(`link ${typed}`)).toContain('Linked. You can now also use the bot on Console.');
    const list = await phone.say('accounts');
    expect(list).toContain('Linked apps (2)');
    expect(list).toMatch(/Console \(…hone\) ← this app/);
    expect(list).not.toMatch(/Console \(bob\) ← this app/);
    expect(phone.choices()).toEqual(['Unlink', 'Unlink', 'Link another app']);
    // The first Unlink is bob's first console account, the oldest.
    expect(await phone.tap('Unlink')).toContain('Unlinked Console.');
    expect(await phone.say('accounts')).toContain('Linked apps (1)');
  });
});

describe('codes that do not work', () => {
  it('refuses a wrong code and an expired one with [E101], in Japanese and English', async () => {
    const ja = await c.as('jiro', ['worker']);
    expect(await onLine(lineUserId('jiro'), '連携 ZZZZ9999')).toContain(
      '[E101] 連携コードが正しくないか、有効期限(10分)が切れています。',
    );
    const code = await issueCode(ja);
    c.b.clock.advance(10 * 60_000 + 1);
    expect(await onLine(lineUserId('jiro'), `連携 ${code}`)).toContain('[E101]');

    const en = await c.as('emma', ['worker'], { locale: 'en' });
    const other = await c.as('emma-laptop', ['worker'], { locale: 'en' });
    const fresh = await issueCode(en, 'link');
    expect(await other.say('link WRONG123')).toContain('[E101] That link code is wrong or has expired');
    expect(await other.say(`link ${fresh}`)).toContain('Linked.');
    // Used once; the same code does not link a third account.
    const third = await c.as('emma-tablet', ['worker'], { locale: 'en' });
    expect(await third.say(`link ${fresh}`)).toContain('[E101]');
  });

  it('locks linking from an account after five wrong codes with [E102], even for the right code', async () => {
    const owner = await c.as('saburo', ['worker']);
    const code = await issueCode(owner);
    for (let i = 0; i < 4; i++)
      expect(await onLine(lineUserId('guess'), `連携 WRONG00${i}`)).toContain('[E101]');
    expect(await onLine(lineUserId('guess'), '連携 WRONG004')).toContain(
      '[E102] 連携コードの入力に5回失敗したため',
    );
    expect(await onLine(lineUserId('guess'), `連携 ${code}`)).toContain('[E102]');
  });

  it('refuses to move an account that is one of several of another person’s with [E103]', async () => {
    const shiro = await c.as('shiro', ['worker']);
    await onLine(lineUserId('shiro'), `連携 ${await issueCode(shiro)}`);
    const goro = await c.as('goro', ['worker']);
    expect(await onLine(lineUserId('shiro'), `連携 ${await issueCode(goro)}`)).toContain(
      '[E103] このアカウントはすでに別のユーザーに連携されています。',
    );
    expect(await shiro.say(`連携 ${await issueCode(shiro)}`)).toContain(
      'このアカウントはすでにあなたのユーザーに連携されています。',
    );
  });

  it('answers an unlink of someone else’s account or a malformed id', async () => {
    const rokuro = await c.as('rokuro', ['worker']);
    expect(await rokuro.say('連携解除')).toContain('使い方: 連携解除 <連携ID>');
    expect(await rokuro.say('連携解除 1')).toContain('見つかりませんでした');
    expect(await rokuro.say('連携解除 abc')).toContain('「abc」は番号として読み取れませんでした。');
  });
});
