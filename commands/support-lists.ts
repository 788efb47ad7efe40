/**
 * 問い合わせ一覧 and ファイル: searches over the inquiries the user may see, a page at a time, and
 * the filters both take (status, category, store, prefecture, period, mine, company, page).
 */
import { parseDate, parseId } from '../src/chat/args.ts';
import type { Command, CommandContext } from '../src/chat/command.ts';
import { type Block, type CardBlock, text } from '../src/chat/types.ts';
import { isStaff } from '../src/domain/actor.ts';
import type { InquiryQuery } from '../src/domain/support/inquiry-reads.ts';
import type { InquiryStatus } from '../src/domain/support/records.ts';
import { UserError } from '../src/errors.ts';
import { formatDate } from '../src/i18n/format.ts';
import type { MessageKey } from '../src/i18n/index.ts';
import { findCategory, inquiryLabel, nameOf, statusLabel, storeOf, topicOf } from './inquiry-labels.ts';
import { fileBlockOf } from './kit/files.ts';
import { businessToday, excerpt, formatCount, formatDateTime, formatSize } from './kit/format.ts';
import { PAGE_SIZE, pageNav } from './kit/pages.ts';
import { DESK_ROLES } from './roles.ts';

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

interface ListFilters {
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
async function parseListFilters(
  ctx: CommandContext,
  usage: Extract<MessageKey, `support.usage.${string}`>,
): Promise<ListFilters> {
  const query: InquiryQuery = {};
  const period: { from?: string; to?: string } = {};
  const words: string[] = [];
  let page = 1;
  const today = businessToday(ctx);
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
const listNav = (ctx: CommandContext, command: string, filters: ListFilters, total: number) =>
  pageNav(ctx, {
    page: filters.page,
    total,
    commandFor: (page) => [command, ...filters.words, `page:${page}`].join(' '),
    portal: 'support',
  });

/** The first line of a comment, cut to fit a card. */
const firstLine = (comment: string) => excerpt(comment, 60, true);

/** 問い合わせ一覧: newest update first, with filters (`status:対応中 store:#12 from:2026-11-01 mine`). */
export const inquiries: Command = {
  name: 'inquiries',
  aliases: { ja: ['問い合わせ一覧'], en: ['inquiries', 'inquiry-list'] },
  summary: 'cmd.inquiries.summary',
  roles: DESK_ROLES,
  async run(ctx) {
    const { t, locale } = ctx;
    const tz = ctx.services.config.businessTimeZone;
    const filters = await parseListFilters(ctx, 'support.usage.inquiries');
    const found = await ctx.services.domain.inquiryReads.search(ctx.actor, filters.query, {
      offset: (filters.page - 1) * PAGE_SIZE,
      limit: PAGE_SIZE,
    });
    if (found.items.length === 0) {
      return { blocks: [text(t(found.total === 0 ? 'support.list.empty' : 'support.list.no_page'))] };
    }
    const staff = isStaff(ctx.actor);
    const cards: CardBlock[] = [];
    for (const item of found.items) {
      const { inquiry } = item;
      cards.push({
        type: 'card',
        title: `${inquiryLabel(t, inquiry.id)} ${topicOf(item.category, item.subtopic, locale)}`,
        subtitle: statusLabel(t, inquiry.status),
        body: firstLine(inquiry.comment),
        fields: [
          { label: t('support.field.store'), value: storeOf(item.store, t) },
          ...(staff ? [{ label: t('support.field.company'), value: item.companyName }] : []),
          { label: t('support.field.updated'), value: formatDateTime(inquiry.updatedAt, locale, tz) },
          // The latest message, as the portal's list shows it: who wrote it, when, and its first line.
          ...(item.latest
            ? [
                {
                  label: t(
                    item.latest.fromCustomer ? 'support.field.latest_customer' : 'support.field.latest_staff',
                    {
                      at: formatDateTime(item.latest.createdAt, locale, tz),
                    },
                  ),
                  value: firstLine(item.latest.body) || '-',
                },
              ]
            : []),
        ],
        buttons: [await ctx.button(t('support.button.detail'), `inquiry ${inquiry.id}`)],
      });
    }
    const count = formatCount(found.total);
    const blocks: Block[] = [
      text(t(found.totalIsAtLeast ? 'support.list.title_at_least' : 'support.list.title', { count })),
      ...cards,
    ];
    blocks.push(...(await listNav(ctx, 'inquiries', filters, found.total)));
    return { blocks };
  },
};

/** ファイル: every file exchanged on the matching inquiries, newest first, each linking to its inquiry. */
export const files: Command = {
  name: 'files',
  aliases: { ja: ['ファイル', 'ファイル一覧'], en: ['files', 'file-list'] },
  summary: 'cmd.files.summary',
  roles: DESK_ROLES,
  async run(ctx) {
    const { t, locale } = ctx;
    const tz = ctx.services.config.businessTimeZone;
    const filters = await parseListFilters(ctx, 'support.usage.files');
    const found = await ctx.services.domain.inquiryReads.files(ctx.actor, filters.query, {
      offset: (filters.page - 1) * PAGE_SIZE,
      limit: PAGE_SIZE,
    });
    if (found.items.length === 0) {
      return { blocks: [text(t(found.total === 0 ? 'support.files.empty' : 'support.list.no_page'))] };
    }
    const items = [];
    // Each row names its inquiry's status and category, as the portal's list does.
    const categories = new Map(
      (await ctx.services.domain.supportDirectory.categories(ctx.actor)).map((c) => [c.id, c]),
    );
    for (const file of found.items) {
      const category = file.categoryId === undefined ? undefined : categories.get(file.categoryId);
      items.push({
        title: `📎 ${file.name}`,
        description: [
          [
            inquiryLabel(t, file.inquiryId),
            ...(file.inquiryStatus ? [statusLabel(t, file.inquiryStatus)] : []),
            ...(category ? [nameOf(category, locale)] : []),
          ].join(t('support.files.separator')),
          [`${file.mime}, ${formatSize(file.size)}`, formatDate(file.createdAt, locale, tz)].join(
            t('support.files.separator'),
          ),
        ].join('\n'),
        // The row hands the file itself over; its answer links back to the inquiry (やり取りを確認).
        button: await ctx.button(t('support.files.get'), `get-file ${file.inquiryId} ${file.attachmentId}`),
      });
    }
    const count = formatCount(found.total);
    const blocks: Block[] = [
      {
        type: 'list',
        title: t(
          found.totalIsAtLeast
            ? 'support.files.title_at_least'
            : filters.query.oldestFirst
              ? 'support.files.title_oldest'
              : 'support.files.title',
          { count },
        ),
        items,
      },
    ];
    blocks.push(...(await listNav(ctx, 'files', filters, found.total)));
    return { blocks };
  },
};

/** ファイル受取: one file of an inquiry the person may see, handed over, with the way back to the inquiry. */
export const getFile: Command = {
  name: 'get-file',
  aliases: { ja: ['ファイル受取', 'ファイル取得'], en: ['get-file', 'file'] },
  summary: 'cmd.file.summary',
  roles: DESK_ROLES,
  async run(ctx) {
    const { t } = ctx;
    if (ctx.args.length !== 2) throw new UserError('support.usage.file');
    const inquiryId = parseId(ctx.args[0]);
    const attachmentId = parseId(ctx.args[1]);
    // The read checks that the person may see the inquiry, as 問い合わせ詳細 does.
    const detail = await ctx.services.domain.inquiryReads.get(ctx.actor, inquiryId);
    const found = detail.history.flatMap((e) => e.attachments).find((a) => a.attachmentId === attachmentId);
    if (!found) throw new UserError('support.file.not_found', { id: attachmentId });
    return {
      blocks: [
        text(t('support.file.here', { inquiryId, name: found.name })),
        {
          type: 'buttons',
          buttons: [await ctx.button(inquiryLabel(t, inquiryId), `inquiry ${inquiryId}`)],
        },
        fileBlockOf(found),
      ],
    };
  },
};
