/** Helpers the marketplace commands share: free text as typed, pages, names, dates with times. */
import type { CommandContext } from '../src/chat/command.ts';
import { normalizeInput } from '../src/chat/normalize.ts';
import { type Block, type Button, text } from '../src/chat/types.ts';
import type { Role } from '../src/domain/roles.ts';
import { UserError } from '../src/errors.ts';
import { formatDate } from '../src/i18n/format.ts';
import type { Locale, Translator } from '../src/i18n/index.ts';

/** Rows per page: small enough for a phone screen, and never more than 5 buttons in a block. */
export const PAGE_SIZE = 5;

/** Who takes part in conversations (the message service's own set; admins act as staff). */
export const PARTICIPANTS: Role[] = ['worker', 'client', 'staff', 'admin'];
/** Who follows, owns teams and profiles. */
export const MEMBERS: Role[] = ['worker', 'client'];

/**
 * The free text after the command name and the first `skip` arguments, as the user typed it: line
 * breaks and their own typography (full-width brackets, 〜) are theirs to keep, so prose is taken from
 * the raw message. A button press, or anything whose raw words do not line up with the normalized
 * ones, falls back to the normalized arguments.
 */
export function freeText(ctx: CommandContext, skip: number): string {
  const normalized = ctx.args.slice(skip).join(' ');
  if (ctx.event.kind !== 'message') return normalized;
  let raw = ctx.event.text.trim();
  for (let i = 0; i <= skip; i++) raw = raw.replace(/^\S+\s*/u, '');
  raw = raw.trim();
  return normalizeInput(raw) === normalized ? raw : normalized;
}

/** A 1-based page number; `undefined` is page 1. */
export function parsePage(arg: string | undefined): number {
  if (arg === undefined) return 1;
  const page = /^\d{1,4}$/.test(arg) ? Number(arg) : 0;
  if (page < 1) throw new UserError('market.bad_page');
  return page;
}

/** "n件中 a〜b件目" and previous/next buttons for page `page` of a list of `total`. */
export async function pageNav(
  ctx: CommandContext,
  page: number,
  shown: number,
  total: number,
  commandFor: (page: number) => string,
  /** The total is a lower bound (a search that stopped counting): "1〜5件目" without "n件中". */
  totalIsAtLeast = false,
): Promise<Block[]> {
  if (total <= PAGE_SIZE && page === 1) return [];
  const from = (page - 1) * PAGE_SIZE + 1;
  const to = from + shown - 1;
  const blocks: Block[] = [
    text(
      totalIsAtLeast
        ? ctx.t('market.page_open', { from, to })
        : ctx.t('market.page', { total, from: Math.min(from, total), to }),
    ),
  ];
  const buttons: Button[] = [];
  if (page > 1) buttons.push(await ctx.button(ctx.t('market.button.prev'), commandFor(page - 1)));
  if (page * PAGE_SIZE < total)
    buttons.push(await ctx.button(ctx.t('market.button.next'), commandFor(page + 1), 'primary'));
  if (buttons.length > 0) blocks.push({ type: 'buttons', buttons });
  return blocks;
}

/**
 * Display names of users, for replies that name the person acted on. Read-only; the services have
 * already checked that the acting user may do what the reply reports.
 */
export async function namesOf(ctx: CommandContext, ids: readonly number[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const users = await ctx.services.store.uow.read((tx) => tx.users.find({ id: unique }));
  return new Map(users.map((u) => [u.id, u.displayName]));
}

/** `山田さん(#12)` / `Yamada (#12)`, or `ユーザー #12` when the name is unknown. */
export function person(t: Translator, id: number, name: string | undefined): string {
  return name ? t('market.person', { name, id }) : t('market.person_unknown', { id });
}

export async function personOf(ctx: CommandContext, id: number): Promise<string> {
  return person(ctx.t, id, (await namesOf(ctx, [id])).get(id));
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** The date as formatDate writes it, and the time of day, both in the business time zone. */
export function formatDateTime(date: Date, locale: Locale, timeZone: string): string {
  let fmt = timeFormats.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    timeFormats.set(timeZone, fmt);
  }
  return `${formatDate(date, locale, timeZone)} ${fmt.format(date)}`;
}

/** The first `max` characters of `s` on one line, with an ellipsis when cut. */
export function excerpt(s: string, max = 40): string {
  const chars = [...s.replace(/\s+/gu, ' ').trim()];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
}

/** Whether `word` (already normalized) is one of `words`, ignoring case. */
export const isWord = (word: string | undefined, words: readonly string[]) =>
  word !== undefined && words.includes(word.toLowerCase());

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

/** `Figma Lv5・8年`; years are left out when none were given (stored as 0). */
export const skillLabel = (t: Translator, s: { name: string; level: number; years: number }) =>
  s.years > 0
    ? t('market.profile.skill', { name: s.name, level: s.level, years: s.years })
    : t('market.profile.skill_level', { name: s.name, level: s.level });
