/**
 * 口座登録 as a worker and as a client walk it in the console: the bank and branch looked up by name
 * or code in the 全銀 data set and shown by name, candidates when a name fits several, JA/JF and
 * Japan Post Bank refused by code, the number never kept or shown in clear, and the Slack/Discord
 * form taking the same answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bankByCode,
  branchByCode,
  refusedBankCode,
  searchBanks,
  searchBranches,
} from '../src/domain/work/bank-codes.ts';
import { type ChatBench, openChatBench } from './helpers/chat.ts';

let c: ChatBench;
let n = 0;

beforeAll(async () => {
  c = await openChatBench('bankflow');
});
afterAll(() => c?.close());

const person = (roles: ('worker' | 'client')[] = ['worker'], locale: 'ja' | 'en' = 'ja') =>
  c.as(`bank-${++n}`, roles, { locale, name: `口座${n}` });

const flowRows = (userId: number) =>
  c.b.store.orm.em
    .getConnection()
    .execute('select answers from flow_sessions where user_id = ?', [userId]) as Promise<
    { answers: unknown }[]
  >;

describe('the 全銀 data set', () => {
  it('finds banks and branches by code, name, kana and romaji', () => {
    expect(bankByCode('0001')?.name).toBe('みずほ銀行');
    expect(bankByCode('0005')?.name).toBe('三菱UFJ銀行');
    expect(bankByCode('1000')?.name).toBe('信金中央金庫');
    expect(bankByCode('0000')).toBeNull();
    expect(branchByCode('0005', '135')?.name).toBe('渋谷');
    expect(branchByCode('0005', '999')).toBeNull();
    expect(searchBanks('三菱ＵＦＪ銀行').map((b) => b.code)).toEqual(['0005']);
    expect(searchBanks('ﾐｽﾞﾎ').map((b) => b.code)).toContain('0001');
    expect(searchBanks('rakuten').map((b) => b.code)).toEqual(['0036']);
    expect(searchBanks('京都信用金庫').map((b) => b.name)).toContain('京都信金');
    expect(searchBranches('0005', '渋谷支店').map((b) => b.code)).toContain('135');
    expect(searchBranches('0001', 'とうきょう').length).toBeGreaterThan(0);
  });

  it('refuses the JA/JF system and Japan Post Bank by code', () => {
    for (const code of ['3000', '3013', '5039', '9375', '9450', '9493'])
      expect(refusedBankCode(code), code).toBe('ja');
    expect(refusedBankCode('9900')).toBe('japan_post');
    for (const code of ['0001', '1000', '2004', '2963', '0630'])
      expect(refusedBankCode(code), code).toBeNull();
  });
});

describe('口座登録, step by step', () => {
  it('walks a worker from the bank to the confirmation, showing names found by codes', async () => {
    const w = await person();
    const none = await w.say('口座');
    expect(none).toContain('お支払い先の口座はまだ登録されていません。');
    expect(none).toContain('[1] 口座を登録する');
    const first = await w.tap('口座を登録する');
    expect(first).toContain('金融機関名または4桁の金融機関コードを入力してください');
    expect(w.choices()).toContain('みずほ銀行');

    // A name that fits several banks lists them with their codes; the answer so far is kept.
    const several = await w.say('三菱');
    expect(several).toContain('該当する金融機関が複数あります');
    expect(several).toContain('0005 三菱UFJ銀行');
    expect(several).toContain('0288 三菱UFJ信託銀行');

    const branchQ = await w.say('０００５');
    expect(branchQ).toContain('三菱UFJ銀行 (0005)の支店名、または3桁の支店番号');
    expect(await w.say('存在しない支店')).toContain(
      '三菱UFJ銀行に「存在しない支店」に該当する支店が見つかりませんでした',
    );
    expect(await w.say('999')).toContain('三菱UFJ銀行に支店コード「999」の支店が見つかりません');
    expect(await w.say('渋谷支店')).toContain('渋谷 (135) の預金種目を選んでください');
    expect(await w.say('普通預金')).toContain('口座番号(7桁)を入力してください');
    expect(await w.say('12345')).toContain('口座番号は7桁の数字で入力してください');
    expect(await w.say('１２３－４５６７')).toContain('口座名義をカタカナで入力してください');

    // Between the steps the number is kept only sealed.
    const [row] = await flowRows(w.actor.userId);
    expect(JSON.stringify(row?.answers)).not.toContain('1234567');

    expect(await w.say('山田太郎')).toContain('口座名義はカタカナで入力してください');
    const confirm = await w.say('ﾔﾏﾀﾞ ﾀﾛｳ');
    expect(confirm).toContain('金融機関: 三菱UFJ銀行 (0005)');
    expect(confirm).toContain('支店: 渋谷 (135)');
    expect(confirm).toContain('種目: 普通');
    expect(confirm).toContain('口座番号: ****567');
    expect(confirm).toContain('口座名義: ヤマダ タロウ');
    expect(confirm).not.toContain('1234567');
    const saved = await w.say('はい');
    expect(saved).toContain('お支払い先の口座を登録しました');
    expect(saved).toContain('金融機関: 三菱UFJ銀行 (0005)');
    expect(saved).not.toContain('1234567');
    expect(await flowRows(w.actor.userId)).toHaveLength(0);

    const shown = await w.say('口座');
    expect(shown).toContain('支店: 渋谷 (135)');
    expect(shown).toContain('口座を変更する');
  });

  it('refuses JA, 信連, 漁協 and Japan Post Bank by code and by name, and asks again', async () => {
    const w = await person();
    await w.say('口座登録');
    expect(await w.say('5039')).toContain('JAバンク(農協・信連)やJFマリンバンク(漁協・信漁連)の口座では');
    expect(await w.say('3013')).toContain('JAバンク(農協・信連)');
    expect(await w.say('9450')).toContain('JFマリンバンク');
    expect(await w.say('9900')).toContain('ゆうちょ銀行(郵便局)の口座では');
    expect(await w.say('東京みらい農協')).toContain('JAバンク(農協・信連)');
    expect(await w.say('秋川農協')).toContain('JAバンク(農協・信連)');
    expect(await w.say('ゆうちょ銀行')).toContain('ゆうちょ銀行(郵便局)の口座では');
    expect(await w.say('ない銀行名ですよ')).toContain('該当する金融機関が見つかりませんでした');
    expect(await w.say('0000')).toContain('金融機関コード「0000」の金融機関が見つかりません');
    // Still at the bank step: a good answer moves on.
    expect(await w.say('みずほ')).toContain('みずほ銀行 (0001)の支店名');
    expect(await w.say('キャンセル')).toBe('入力を中止しました。');
    expect(await w.say('口座')).toContain('まだ登録されていません');
  });

  it('lets a client register too, and in English', async () => {
    const client = await person(['client'], 'en');
    const none = await client.say('bank');
    expect(none).toContain('You have not registered a bank account yet.');
    expect(await client.tap('Register an account')).toContain('Choose a bank');
    expect(await client.say('Rakuten')).toContain('at 楽天銀行 (0036)');
    expect(await client.say('251')).toMatch(/Please choose the account type at .+ \(251\)/);
    await client.say('checking');
    await client.say('0001234');
    const confirm = await client.say('ラクテン ハナコ');
    expect(confirm).toContain('****234');
    expect(await client.say('yes')).toContain('Your bank account is registered.');
    expect(await client.say('bank')).toContain('Checking');
  });
});

describe('口座 in one line', () => {
  it('checks the codes and says when a typed name means another bank', async () => {
    const w = await person();
    expect(await w.say('口座 東京みらい 5039 本店 001 普通 1234567 ヤマダ タロウ')).toContain(
      'JAバンク(農協・信連)',
    );
    expect(await w.say('口座 信連 3013 本店 001 普通 1234567 ヤマダ タロウ')).toContain(
      'JAバンク(農協・信連)',
    );
    expect(await w.say('口座 みずほ銀行 0001 どこか 998 普通 1234567 ヤマダ タロウ')).toContain(
      'みずほ銀行に支店コード「998」の支店が見つかりません',
    );
    const other = await w.say('口座 三井住友銀行 0001 東京営業部 001 普通 1234567 ヤマダ タロウ');
    expect(other).toContain('お支払い先の口座を登録しました');
    expect(other).toContain(
      'ご入力の「三井住友銀行 東京営業部」ではなく、コードに該当する「みずほ銀行 東京営業部」で登録しました',
    );
    const same = await w.say('口座 みずほ銀行 0001 東京営業部 001 普通 1234567 ヤマダ タロウ');
    expect(same).not.toContain('ご入力の');
  });
});

describe('口座登録 as a form (Slack and Discord modals)', () => {
  it('takes names or codes, refuses JA by code, and registers with the sealed number', async () => {
    const w = await person();
    const event = {
      id: `bank-form-${Date.now()}`,
      platform: 'console' as const,
      kind: 'message' as const,
      text: '',
      sender: { workspace: 'local', externalId: w.handle },
      conversation: { kind: 'direct' as const, id: w.handle },
      receivedAt: new Date(),
    };
    const bad = await c.bot.submitForm(event, 'bank', {
      bank: '5039',
      branch: '001',
      accountType: '普通',
      accountNumber: '123',
      holderName: 'ヤマダ',
    });
    expect('errors' in bad && bad.errors.bank).toContain('JAバンク');
    expect('errors' in bad && bad.errors.accountNumber).toContain('7桁');
    const ok = await c.bot.submitForm(event, 'bank', {
      bank: 'みずほ',
      branch: '東京営業部',
      accountType: '普通',
      accountNumber: '7654321',
      holderName: 'やまだ たろう',
    });
    expect('reply' in ok).toBe(true);
    expect(await c.services.bankAccounts.get(w.actor)).toMatchObject({
      bankCode: '0001',
      branchCode: '001',
      holderName: 'ヤマダ タロウ',
      accountNumberMasked: '****321',
    });
  });
});
