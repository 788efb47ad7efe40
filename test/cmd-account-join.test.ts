/**
 * Onboarding in chat: staff create invitation codes, a person with no role yet joins with one and
 * gets that role (and company); a client finds their company and joins it, or registers it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChatBench, type ChatSession, openChatBench } from './helpers/chat.ts';

let c: ChatBench;
let companyA: number;
let staff: ChatSession;

async function invitation(session: ChatSession, line: string): Promise<string> {
  const printed = await session.say(line);
  const code = /(?:招待コードは|Invitation code:) ([A-Z0-9]+)/.exec(printed)?.[1];
  if (!code) throw new Error(`no code in: ${printed}`);
  return code;
}

beforeAll(async () => {
  c = await openChatBench('cmd_account_join');
  companyA = await c.b.company('株式会社サウンドA');
  staff = await c.as('staff-join', ['staff']);
});
afterAll(() => c?.close());

describe('invitations', () => {
  it('lets someone with no role join as a customer of the invited company (Japanese)', async () => {
    const created = await staff.say(`招待 お客様 #${companyA}`);
    expect(created).toMatch(/招待コードは [A-Z0-9]{10} です\(有効期限: 2026年11月27日\(金\)\)。/);
    expect(created).toContain('この招待コードで参加した方は「お客様」になります。');
    const code = await invitation(staff, `招待 customer ${companyA}`);

    const newcomer = await c.as('newcomer', []);
    expect(await newcomer.say('基本情報')).toContain('このサービスは招待制です。');
    expect(await newcomer.say(`参加 ${code.toLowerCase()}`)).toContain(
      '参加が完了しました。あなたの役割: お客様',
    );
    expect(await newcomer.say('基本情報')).toContain('株式会社サウンドA の基本情報');

    const late = await c.as('latecomer', []);
    expect(await late.say(`参加 ${code}`)).toContain('[E111] 招待コードが正しくないか');
  });

  it('lets someone with no role join as staff with a code from an admin (English)', async () => {
    const admin = await c.as('admin-join', ['admin'], { locale: 'en' });
    const code = await invitation(admin, 'invite staff');
    const newcomer = await c.as('new-staff', [], { locale: 'en' });
    expect(await newcomer.say(`join ${code}`)).toContain('You have joined. Your role: Staff');
    expect(newcomer.choices()).toEqual(['Help']);
    // Staff now: the desk's staff commands run (and find no such inquiry).
    expect(await newcomer.say('take 999999')).toContain('[E309]');
  });

  it('refuses wrong and expired codes with [E111]', async () => {
    const code = await invitation(staff, '招待 ワーカー');
    const guest = await c.as('guest', [], { locale: 'en' });
    expect(await guest.say('join NOSUCHCODE')).toContain(
      '[E111] That invitation code is wrong, has expired (7 days)',
    );
    c.b.clock.advance(7 * 24 * 3600_000 + 1);
    expect(await guest.say(`join ${code}`)).toContain('[E111]');
    expect(await guest.say('join')).toContain('Usage: join <invitation code>');
  });

  it('answers invitations staff may not create, and keeps inviting to staff', async () => {
    const worker = await c.as('worker-join', ['worker']);
    expect(await staff.say('招待 お客様')).toContain('[E113]');
    expect(await staff.say('招待 管理者')).toContain('[E112]');
    expect(await staff.say('招待 宇宙人')).toContain('使い方: 招待 <役割> [会社ID]');
    expect(await staff.say('招待 お客様 #999999')).toContain('見つかりませんでした');
    expect(await worker.say('招待 ワーカー')).toContain('このコマンドを実行する権限がありません。');
  });
});

describe('a client’s company', () => {
  it('finds a company by name and joins it with the button (Japanese)', async () => {
    const client = await c.as('client-join', ['client']);
    const found = await client.say('会社検索 サウンド');
    expect(found).toContain(`#${companyA} 株式会社サウンドA`);
    expect(client.choices()).toEqual(['参加する', '新しく登録する']);
    const joined = await client.tap('参加する');
    expect(joined).toContain(`会社 #${companyA} 株式会社サウンドA に参加しました。`);
    expect(joined).toContain('あなたが所属している会社です。');
    // Belonging to a company now: rows open the page instead, and joining again is refused.
    await client.say('会社検索 サウンド');
    expect(client.choices()).toEqual(['詳しく見る']);
    expect(await client.say(`会社参加 #${companyA}`)).toContain('[E423]');
    expect(await client.say('会社検索 存在しない会社')).toContain(
      '「存在しない会社」に一致する会社は見つかりませんでした。',
    );
    expect(await client.say('会社参加 #999999')).toContain('[E423]');
  });

  it('registers a new company on one line and joins it, refusing a taken URL and a missing e-mail (English)', async () => {
    const client = await c.as('client-register', ['client'], { locale: 'en' });
    // The old glued form (name and e-mail run together) is not read any more.
    expect(await client.say('company-register soundco Sound Inc. info@example.com')).toContain(
      'Usage: send just “company-register”',
    );
    expect(await client.say('company-register soundco / Sound Inc.')).toContain('Usage: send just');
    expect(await client.say('company-register so / Sound Inc. / info@example.com')).toContain(
      'A company URL must be 3–32 letters, digits or hyphens',
    );
    expect(await client.say('company-register soundco / Sound Inc. / info@example.com')).toMatch(
      /Registered company #\d+ Sound Inc\. \(URL: soundco\) and joined it\./,
    );
    const other = await c.as('client-register2', ['client'], { locale: 'en' });
    expect(await other.say('company-register SOUNDCO / Another one / info@example.org')).toContain(
      'That URL is already taken.',
    );
    expect(await other.say('company-join 999999')).toContain('[E422]');
    expect(await other.say('company Sound Inc')).toContain('Sound Inc.');
    expect(await other.say('company')).toContain('Find your company by part of its name or its URL');
    const staff = await c.as('staff-company', ['staff'], { locale: 'en' });
    expect(await staff.say('company')).toContain('Usage: company <part of the name, URL or company ID>');
    const customer = await c.as('customer-register', ['customer'], { companyId: companyA, locale: 'en' });
    expect(await customer.say('company Sound')).toContain('not allowed');
  });
});
