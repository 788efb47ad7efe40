/**
 * Banks and branches by their 全銀 codes (金融機関コード 4 digits, 支店コード 3 digits), from the
 * `zengin-code` package: the zengin-code project's data set, rebuilt from the published code lists
 * and released on npm as it changes (the version pinned in package.json names the data's date).
 * It is about 5 MB of JavaScript, so it is loaded on first use, not at start-up.
 *
 * Which codes cannot receive our transfers is decided here, by code: 3000–9499 is the JA/JF system
 * (農林中金, 信連, 農協, 信漁連, 漁協) and 9900 is ゆうちょ銀行.
 */
import { createRequire } from 'node:module';

interface ZenginEntry {
  code: string;
  name: string;
  kana: string;
  hira: string;
  roma: string;
}
interface ZenginBank extends ZenginEntry {
  branches: Record<string, ZenginEntry>;
}

export interface BankInfo {
  code: string;
  /** The name people use: みずほ銀行, 京都信金, 中央労金. */
  name: string;
  kana: string;
}
export interface BranchInfo {
  code: string;
  name: string;
  kana: string;
}

let data: Record<string, ZenginBank> | null = null;
function banks(): Record<string, ZenginBank> {
  data ??= createRequire(import.meta.url)('zengin-code') as Record<string, ZenginBank>;
  return data;
}

export const JAPAN_POST_BANK_CODE = '9900';

/** Why a bank code cannot be paid into, or null. */
export function refusedBankCode(code: string): 'ja' | 'japan_post' | null {
  if (code === JAPAN_POST_BANK_CODE) return 'japan_post';
  if (/^\d{4}$/.test(code) && code >= '3000' && code <= '9499') return 'ja';
  return null;
}

/** Names in the data set are short (みずほ, 三菱ＵＦＪ); a bank (0xxx) reads better with 銀行. */
const FOREIGN_OR_FULL = /バンク|エヌ・|エイ・ジー|リミテッド|機構|ペイメンツ|銀行$/;
function displayName(b: ZenginBank): string {
  const name = b.name.normalize('NFKC');
  return b.code < '1000' && !FOREIGN_OR_FULL.test(name) ? `${name}銀行` : name;
}

const bankInfo = (b: ZenginBank): BankInfo => ({ code: b.code, name: displayName(b), kana: b.kana });
const branchInfo = (b: ZenginEntry): BranchInfo => ({
  code: b.code,
  name: b.name.normalize('NFKC'),
  kana: b.kana,
});

export function bankByCode(code: string): BankInfo | null {
  const b = banks()[code];
  return b ? bankInfo(b) : null;
}

export function branchByCode(bankCode: string, branchCode: string): BranchInfo | null {
  const b = banks()[bankCode]?.branches[branchCode];
  return b ? branchInfo(b) : null;
}

/** Small kana read as big (the data writes トウキヨウ for トウキョウ), hiragana as katakana. */
const SMALL_KANA: Record<string, string> = {
  ァ: 'ア',
  ィ: 'イ',
  ゥ: 'ウ',
  ェ: 'エ',
  ォ: 'オ',
  ッ: 'ツ',
  ャ: 'ヤ',
  ュ: 'ユ',
  ョ: 'ヨ',
  ヮ: 'ワ',
};
export function searchKey(s: string): string {
  return s
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[ぁ-ゖ]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60))
    .replace(/[ァィゥェォッャュョヮ]/g, (c) => SMALL_KANA[c] ?? c)
    .replace(/[\s・.、,()（）-]/g, '');
}

/** What people add to a bank's short name, in the forms the data set abbreviates them to. */
const BANK_SUFFIXES: [RegExp, string][] = [
  [/(信用金庫|シンヨウキンコ)$/, '信金'],
  [/(信用組合|シンヨウクミアイ)$/, '信組'],
  [/(労働金庫|ロウドウキンコ)$/, '労金'],
  [/(銀行|ギンコウ|BANK)$/, ''],
];
const BRANCH_SUFFIX = /(支店|シテン|SHITEN|BRANCH)$/;

function keysOf(e: ZenginEntry): string[] {
  return [searchKey(e.name), searchKey(e.kana), searchKey(e.roma)];
}

function rank<T extends ZenginEntry>(entries: T[], query: string): T[] {
  const exact = entries.filter((e) => keysOf(e).includes(query));
  if (exact.length > 0) return exact;
  const prefix = entries.filter((e) => keysOf(e).some((k) => k.startsWith(query)));
  if (prefix.length > 0) return prefix;
  return entries.filter((e) => keysOf(e).some((k) => k.includes(query)));
}

/**
 * Banks whose name, kana or romaji matches what was typed (`三菱UFJ銀行`, `みずほ`, `ｿﾆｰ`, `rakuten`):
 * exact matches first, else those starting with it, else those containing it. Refused banks are
 * included, so that the caller can say why one cannot be used.
 */
export function searchBanks(typed: string): BankInfo[] {
  let query = searchKey(typed);
  for (const [suffix, short] of BANK_SUFFIXES) {
    if (suffix.test(query) && query.replace(suffix, '') !== '') {
      query = query.replace(suffix, short);
      break;
    }
  }
  if (query === '') return [];
  return rank(Object.values(banks()), query).map(bankInfo);
}

/** The bank's branches by name, kana or romaji (`渋谷支店`, `しぶや`, `本店`). */
export function searchBranches(bankCode: string, typed: string): BranchInfo[] {
  const bank = banks()[bankCode];
  if (!bank) return [];
  let query = searchKey(typed);
  if (BRANCH_SUFFIX.test(query) && query.replace(BRANCH_SUFFIX, '') !== '')
    query = query.replace(BRANCH_SUFFIX, '');
  if (query === '') return [];
  return rank(Object.values(bank.branches), query).map(branchInfo);
}

/** Whether what someone typed as a bank's name could mean the bank of that code. */
export function nameFitsBank(typed: string, code: string): boolean {
  return searchBanks(typed).some((b) => b.code === code);
}

/** Whether what someone typed as a branch's name could mean the branch of that code. */
export function nameFitsBranch(typed: string, bankCode: string, branchCode: string): boolean {
  return searchBranches(bankCode, typed).some((b) => b.code === branchCode);
}
