/**
 * What the support desk commands share: reading the filters of 問い合わせ一覧 and ファイル, the
 * customer's own words as typed, attachments of the message, and the labels every reply uses.
 */
import { parseDate, parseId } from '../src/chat/args.ts';
import type { CommandContext } from '../src/chat/command.ts';
import { normalizeInput } from '../src/chat/normalize.ts';
import type { Button } from '../src/chat/types.ts';
import type { CategoryWithSubtopics } from '../src/domain/support/directory.ts';
import type { InquiryQuery } from '../src/domain/support/inquiry-reads.ts';
import type {
  InquiryCategoryRecord,
  InquiryStatus,
  InquirySubtopicRecord,
  StoreRecord,
} from '../src/domain/support/records.ts';
import { UserError } from '../src/errors.ts';
import type { UploadedFile } from '../src/files/storage.ts';
import { formatDate } from '../src/i18n/format.ts';
import type { Locale, MessageKey, Translator } from '../src/i18n/index.ts';

/** Who works at the desk: customers within their company, staff (and admins) for every company. */
export const DESK_ROLES = ['customer', 'staff', 'admin'] as const;
export const STAFF_ONLY = ['staff', 'admin'] as const;

export const isStaffUser = (ctx: CommandContext) =>
  ctx.actor.roles.includes('staff') || ctx.actor.roles.includes('admin');

/** Inquiries and files per page: a phone screen, far inside every platform's limits. */
export const LIST_PAGE_SIZE = 5;

export const nameOf = (row: { nameJa: string; nameEn: string }, locale: Locale) =>
  locale === 'ja' ? row.nameJa : row.nameEn;

export const statusLabel = (t: Translator, status: InquiryStatus) => t(`support.status.${status}`);

export const inquiryLabel = (t: Translator, id: number) => t('support.inquiry_label', { id });

/** `修理 / 機器の故障`, or just the category. */
export function topicOf(
  category: InquiryCategoryRecord,
  subtopic: InquirySubtopicRecord | null,
  locale: Locale,
): string {
  return subtopic ? `${nameOf(category, locale)} / ${nameOf(subtopic, locale)}` : nameOf(category, locale);
}

/** `#12 渋谷店(東京都)`, or "no store" for a new-store consultation. */
export function storeOf(store: StoreRecord | null, t: Translator): string {
  return store
    ? t('support.store_line', { id: store.id, name: store.name, prefecture: store.prefecture })
    : t('support.no_store');
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** The date as formatDate writes it, and the time of day, both in the business time zone. */
export function formatDateTime(date: Date, locale: Locale, timeZone: string): string {
  let fmt = timeFormats.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hour12: false });
    timeFormats.set(timeZone, fmt);
  }
  return `${formatDate(date, locale, timeZone)} ${fmt.format(date)}`;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** `1,000` for a count: both languages group thousands with a comma. */
export const formatCount = (n: number) => n.toLocaleString('en-US');

/**
 * The text after the first `consumed` arguments exactly as the user typed it: a comment is the
 * customer's own words, and NFKC would rewrite them (full-width brackets, ①). Falls back to the
 * normalized text for a button press, or when the raw text does not line up with the arguments.
 */
export function rawTail(ctx: CommandContext, consumed: number): string {
  const normalized = ctx.args.slice(consumed).join(' ');
  if (ctx.event.kind !== 'message') return normalized;
  let rest = ctx.event.text.trim();
  // The command name, then the consumed arguments.
  for (let i = 0; i <= consumed; i++) {
    const m = /^\S+(?:\s+|$)/u.exec(rest);
    if (!m) return normalized;
    rest = rest.slice(m[0].length);
  }
  return normalizeInput(rest) === normalized ? rest.trim() : normalized;
}

/** The files the adapter already stored with this message (nothing for a button press). */
export function uploadsOf(ctx: CommandContext): UploadedFile[] {
  if (ctx.event.kind !== 'message') return [];
  return (ctx.event.attachments ?? []).flatMap((a) =>
    a.storageKey ? [{ storageKey: a.storageKey, name: a.name, mime: a.mime, size: a.size }] : [],
  );
}

/** A category by code (`repair`), its number in the categories list (`3`), or its name in either language. */
export function findCategory(
  categories: readonly CategoryWithSubtopics[],
  arg: string,
): CategoryWithSubtopics | undefined {
  const word = arg.toLowerCase();
  if (/^\d{1,3}$/.test(word)) return categories[Number(word) - 1];
  return categories.find((c) => c.code === word || c.nameJa === arg || c.nameEn.toLowerCase() === word);
}

/** The business date today (`YYYY-MM-DD`) in the business time zone. */
function businessToday(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/**
 * A search date: like parseDate, but a date typed without its year means the latest such date up to
 * today (people search the past; `12/10` in November is last December).
 */
function searchDate(arg: string, today: string): string {
  const date = parseDate(arg, today);
  if (/^\d{4}/.test(arg) || date <= today) return date;
  return parseDate(`${Number(date.slice(0, 4)) - 1}${date.slice(4)}`, today);
}

const STATUS_WORDS: Record<string, InquiryStatus> = {
  received: 'received',
  受付中: 'received',
  in_progress: 'in_progress',
  'in-progress': 'in_progress',
  対応中: 'in_progress',
  completed: 'completed',
  完了: 'completed',
};

const FILTER_KEYS: Record<string, string> = {
  status: 'status',
  ステータス: 'status',
  状態: 'status',
  category: 'category',
  カテゴリ: 'category',
  カテゴリー: 'category',
  store: 'store',
  店舗: 'store',
  pref: 'pref',
  prefecture: 'pref',
  都道府県: 'pref',
  from: 'from',
  開始: 'from',
  to: 'to',
  終了: 'to',
  company: 'company',
  会社: 'company',
  page: 'page',
  ページ: 'page',
};

export interface ListFilters {
  query: InquiryQuery;
  page: number;
  /** The filter words without the page, to build the next and previous page's command. */
  words: string[];
}

/**
 * The filters of 問い合わせ一覧 and ファイル: `status:対応中`, `category:repair`, `store:#12`,
 * `pref:東京`, `from:2026-11-01`, `to:2026-11-30`, `mine`, `company:#3` (staff), `page:2`. A status
 * word alone (`対応中`) works too. Anything else is answered with the command's usage line.
 */
export async function parseListFilters(
  ctx: CommandContext,
  usage: Extract<MessageKey, `support.usage.${string}`>,
): Promise<ListFilters> {
  const query: InquiryQuery = {};
  const period: { from?: string; to?: string } = {};
  const words: string[] = [];
  let page = 1;
  const today = businessToday(ctx.services.clock(), ctx.services.config.businessTimeZone);
  for (const word of ctx.args) {
    const colon = word.indexOf(':');
    const key = colon > 0 ? FILTER_KEYS[word.slice(0, colon).toLowerCase()] : undefined;
    const value = colon > 0 ? word.slice(colon + 1) : '';
    const bare = word.toLowerCase();
    const status =
      key === undefined
        ? STATUS_WORDS[bare]
        : key === 'status'
          ? STATUS_WORDS[value.toLowerCase()]
          : undefined;
    if (status !== undefined) {
      query.status = status;
    } else if (key === undefined && ['古い順', 'oldest', 'oldest-first'].includes(bare)) {
      query.oldestFirst = true;
    } else if (key === undefined && ['新しい順', 'newest', 'newest-first'].includes(bare)) {
      query.oldestFirst = false;
    } else if (key === undefined && ['mine', '自分', '自分の'].includes(bare)) {
      query.createdBy = ctx.actor.userId;
    } else if (key === 'category' && value !== '') {
      const found = findCategory(await ctx.services.domain.supportDirectory.categories(ctx.actor), value);
      if (!found) throw new UserError('support.category_not_found');
      query.categoryId = found.id;
    } else if (key === 'store') {
      query.storeId = parseId(value);
    } else if (key === 'company') {
      query.companyId = parseId(value);
    } else if (key === 'pref' && value !== '') {
      query.prefecture = value;
    } else if (key === 'from') {
      period.from = searchDate(value, today);
    } else if (key === 'to') {
      period.to = searchDate(value, today);
    } else if (key === 'page' && /^\d{1,4}$/.test(value) && Number(value) >= 1) {
      page = Number(value);
      continue;
    } else {
      throw new UserError(usage);
    }
    words.push(word);
  }
  if (period.from || period.to) query.period = period;
  return { query, page, words };
}

/** Previous and next page buttons for a list command, keeping its filters. */
export async function pageButtons(
  ctx: CommandContext,
  command: string,
  filters: ListFilters,
  total: number,
): Promise<Button[]> {
  const line = (page: number) => [command, ...filters.words, `page:${page}`].join(' ');
  const nav: Button[] = [];
  if (filters.page > 1) nav.push(await ctx.button(ctx.t('support.button.prev'), line(filters.page - 1)));
  if (total > filters.page * LIST_PAGE_SIZE) {
    nav.push(await ctx.button(ctx.t('support.button.next'), line(filters.page + 1), 'primary'));
  }
  return nav;
}
