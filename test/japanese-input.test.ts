/**
 * Japanese as people type it (issue 19, item 5), table-driven: real inputs typed on Japanese phone
 * and PC keyboards (full-width digits and letters, ideographic spaces, `＃`, a number glued to the
 * command, the portals' own menu names, yen written every way) and what the bot must read in them.
 * The normalisation lives in one place (src/chat/normalize.ts, used by the router and the flows);
 * the parsers read what it leaves.
 */
import { describe, expect, it } from 'vitest';
import { allCommands } from '../commands/index.ts';
import { parseDate, parseId, parseYen } from '../src/chat/args.ts';
import { normalizeInput } from '../src/chat/normalize.ts';
import { Router } from '../src/chat/router.ts';

const router = new Router(allCommands);

/** input → [command name, args]; `null` = no command (left to suggestions). */
const COMMANDS: [string, string | null, string[]?][] = [
  // The portals' menu names.
  ['募集案件', 'jobs', []],
  ['応募案件', 'applications', []],
  ['入力請求書', 'invoice', []],
  ['支払明細書', 'statement', []],
  ['求人', 'jobs', []],
  ['案件', 'jobs', []],
  ['応募一覧', 'applications', []],
  ['応募履歴', 'applications', []],
  ['請求書', 'invoice', []],
  ['支払明細', 'statement', []],
  ['問い合わせ一覧', 'inquiries', []],
  ['問い合わせ', 'inquiry-new', []],
  ['ファイル一覧', 'files', []],
  ['基本情報', 'support', []],
  ['ヘルプ', 'help', []],
  ['メニュー', 'help', []],
  ['使い方', 'help', []],
  ['お知らせ', 'notices', []],
  ['通知設定', 'alerts', []],
  ['口座登録', 'bank-register', []],
  ['口座', 'bank', []],
  ['振込先', 'bank', []],
  // Full-width letters, digits, spaces and signs.
  ['ｈｅｌｐ', 'help', []],
  ['ＨＥＬＰ', 'help', []],
  ['Help', 'help', []],
  ['ｊｏｂｓ　２', 'jobs', ['2']],
  ['求人　２', 'jobs', ['2']],
  ['求人 ２', 'jobs', ['2']],
  ['案件詳細　１２', 'job', ['12']],
  ['案件詳細 ＃１２', 'job', ['#12']],
  ['案件詳細 #12', 'job', ['#12']],
  ['案件詳細 No.12', 'job', ['No.12']],
  ['応募状況　＃１２', 'application', ['#12']],
  ['  応募状況   12  ', 'application', ['12']],
  ['／help', 'help', []],
  ['/help', 'help', []],
  ['!help', 'help', []],
  // A number glued to the command.
  ['案件詳細4', 'job', ['4']],
  ['案件詳細４', 'job', ['4']],
  ['応募状況＃１２', 'application', ['12']],
  ['応募状況#12', 'application', ['12']],
  ['応募状況No.12', 'application', ['12']],
  ['応募状況:12', 'application', ['12']],
  ['応募状況：１２', 'application', ['12']],
  ['応募12 よろしくお願いします', 'apply', ['12', 'よろしくお願いします']],
  ['検収3', 'review', ['3']],
  ['問い合わせ詳細7', 'inquiry', ['7']],
  ['job4', 'job', ['4']],
  ['application#12', 'application', ['12']],
  ['辞退５', 'withdraw', ['5']],
  ['作業開始２０', 'start', ['20']],
  ['お知らせ詳細3', 'notice', ['3']],
  ['返信5 ありがとうございます', 'reply', ['5', 'ありがとうございます']],
  // Words after the command stay words.
  ['求人 翻訳', 'jobs', ['翻訳']],
  ['求人　データ入力　２', 'jobs', ['データ入力', '2']],
  ['募集案件 ｴｸｾﾙ', 'jobs', ['エクセル']],
  ['時給 １８００', 'rate', ['1800']],
  ['時給１８００円', 'rate', ['1800円']],
  ['プロフィール 時給 １，８００円', 'profile', ['時給', '1,800円']],
  ['プロフィール 時給 1800', 'profile', ['時給', '1800']],
  ['言語 en', 'lang', ['en']],
  ['言語　ｊａ', 'lang', ['ja']],
  ['lang EN', 'lang', ['EN']],
  ['キャンセル', 'cancel', []],
  ['やめる', 'cancel', []],
  ['中止', 'cancel', []],
  ['CANCEL', 'cancel', []],
  // Not commands: left to suggestions, never mistaken for one.
  ['12', null],
  ['１２', null],
  ['はい', null],
  ['いいえ', null],
  ['ありがとうございます', null],
  ['hlep', null],
  ['案件詳細詳細', null],
];

const AMOUNTS: [string, number][] = [
  ['12000', 12000],
  ['12,000', 12000],
  ['12，000', 12000],
  ['１２，０００', 12000],
  ['１２０００', 12000],
  ['12000円', 12000],
  ['１２，０００円', 12000],
  ['¥12,000', 12000],
  ['￥１２，０００', 12000],
  ['1.2万', 12000],
  ['1.2万円', 12000],
  ['１．２万円', 12000],
  ['3万円', 30000],
  ['３万', 30000],
  ['1800', 1800],
  ['１８００', 1800],
  ['1,800円', 1800],
  ['0', 0],
];

const IDS: [string, number][] = [
  ['12', 12],
  ['#12', 12],
  ['＃１２', 12],
  ['No.12', 12],
  ['no12', 12],
  ['ID:12', 12],
  ['ID：１２', 12],
  ['１２', 12],
];

const DATES: [string, string][] = [
  ['2026-12-10', '2026-12-10'],
  ['2026/12/10', '2026-12-10'],
  ['２０２６／１２／１０', '2026-12-10'],
  ['2026年12月10日', '2026-12-10'],
  ['２０２６年１２月１０日', '2026-12-10'],
  ['12/10', '2026-12-10'],
  ['１２月１０日', '2026-12-10'],
  ['1/5', '2027-01-05'],
];

describe('Japanese as people type it', () => {
  it(`reads ${COMMANDS.length + AMOUNTS.length + IDS.length + DATES.length} real inputs (at least 100)`, () => {
    expect(COMMANDS.length + AMOUNTS.length + IDS.length + DATES.length).toBeGreaterThanOrEqual(100);
  });

  it.each(COMMANDS)('routes %j', (input, name, args) => {
    const route = router.resolve(input);
    if (name === null) {
      expect(route.kind === 'command' ? route.command.name : null).toBeNull();
      return;
    }
    expect(route.kind).toBe('command');
    if (route.kind !== 'command') return;
    expect(route.command.name).toBe(name);
    if (args) expect(route.args).toEqual(args);
  });

  it.each(AMOUNTS)('reads the amount %j', (input, yen) => {
    expect(parseYen(normalizeInput(input))).toBe(yen);
  });

  it.each(IDS)('reads the id %j', (input, id) => {
    expect(parseId(normalizeInput(input))).toBe(id);
  });

  it.each(DATES)('reads the date %j', (input, date) => {
    expect(parseDate(normalizeInput(input), '2026-12-06')).toBe(date);
  });
});
