/**
 * Reading a command's arguments, for every portal: the free text after the first arguments as the
 * user typed it, an id argument, a page number, on/off and "clear" words, and quoted phrases. The
 * router has already NFKC-normalized `ctx.args`; only free text goes back to the raw message.
 */
import { parseId } from '../../src/chat/args.ts';
import type { CommandContext } from '../../src/chat/command.ts';
import { normalizeInput } from '../../src/chat/normalize.ts';
import { UserError } from '../../src/errors.ts';
import type { MessageKey, MessageParams } from '../../src/i18n/index.ts';

/** A message key that takes no parameters, so it can be thrown as it is. */
type PlainKey = { [K in MessageKey]: MessageParams<K> extends undefined ? K : never }[MessageKey];
/** A command's usage line (`work.usage.apply`, `market.usage.chat`, …). */
export type UsageKey = Extract<PlainKey, `${string}.usage.${string}`>;

/**
 * The free text after the command name and the first `skip` arguments, as the user typed it: line
 * breaks and their own typography (full-width brackets, ①, 〜) are theirs to keep, and NFKC would
 * rewrite them, so prose is taken from the raw message. A button press, or raw words that do not
 * line up with the normalized arguments, fall back to the normalized arguments.
 */
export function freeText(ctx: CommandContext, skip: number): string {
  const normalized = ctx.args.slice(skip).join(' ');
  if (ctx.event.kind !== 'message') return normalized;
  let rest = ctx.event.text.trim();
  // The command name, then the skipped arguments.
  for (let i = 0; i <= skip; i++) {
    const m = /^\S+(?:\s+|$)/u.exec(rest);
    if (!m) return normalized;
    rest = rest.slice(m[0].length);
  }
  return normalizeInput(rest) === normalized ? rest.trim() : normalized;
}

/** The id at `args[index]`: missing → the command's usage line; malformed → `error.bad_id`. */
export function idArg(ctx: CommandContext, index: number, usage: UsageKey): number {
  const arg = ctx.args[index];
  if (arg === undefined || arg === '') throw new UserError(usage);
  return parseId(arg);
}

/** A 1-based page number (`2`, `#2`); none means the first page. Anything else is `badPage`. */
export function pageArg(arg: string | undefined, badPage: 'market.bad_page' | 'work.bad_page'): number {
  if (arg === undefined) return 1;
  const page = /^#?\d{1,6}$/.test(arg) ? Number(arg.replace('#', '')) : 0;
  if (page < 1) throw new UserError(badPage);
  return page;
}

/** Whether `word` (already normalized) is one of `words`, ignoring case. */
export const isWord = (word: string | undefined, words: readonly string[]) =>
  word !== undefined && words.includes(word.toLowerCase());

const ON_WORDS = ['on', 'yes', 'true', 'ok', 'はい', 'オン', '可', 'する', '設定', '済', '済み', '確認済み'];
const OFF_WORDS = [
  'off',
  'no',
  'false',
  'いいえ',
  'オフ',
  '不可',
  'しない',
  '解除',
  '取消',
  '取り消し',
  '未確認',
];
const CLEAR_WORDS = ['off', 'none', 'clear', 'なし', '無し', '解除', 'オフ'];

/** A switch word: `on`/`はい`/`済み` → true, `off`/`いいえ`/`解除` → false, anything else undefined. */
export function switchWord(word: string | undefined): boolean | undefined {
  if (isWord(word, ON_WORDS)) return true;
  if (isWord(word, OFF_WORDS)) return false;
  return undefined;
}

/** Whether `word` asks to clear a setting (`off`, `none`, `なし`, `解除`). */
export const isClearWord = (word: string | undefined) => isWord(word, CLEAR_WORDS);

/** A value in quotes (「…」, "…", “…”, 『…』) loses them; anything else is returned trimmed. */
export function unquote(s: string): string {
  const m = /^(?:「([\s\S]*)」|"([\s\S]*)"|“([\s\S]*)”|『([\s\S]*)』)$/u.exec(s.trim());
  return m ? (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').trim() : s.trim();
}

/** Splits off the first word, or a quoted phrase, from `s`: `「開発 チーム」 紹介` → [`開発 チーム`, `紹介`]. */
export function firstPhrase(s: string): [string, string] {
  const src = s.trim();
  const m = /^(?:「([^」]*)」|"([^"]*)"|“([^”]*)”|『([^』]*)』|(\S+))\s*([\s\S]*)$/u.exec(src);
  if (!m) return ['', ''];
  return [(m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? '').trim(), (m[6] ?? '').trim()];
}
