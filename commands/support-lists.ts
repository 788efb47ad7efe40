/** 問い合わせ一覧 and ファイル: searches over the inquiries the user may see, a page at a time. */

import { parseId } from '../src/chat/args.ts';
import type { Command } from '../src/chat/command.ts';
import { type Block, type CardBlock, fileBlock, text } from '../src/chat/types.ts';
import { UserError } from '../src/errors.ts';
import { formatDate } from '../src/i18n/format.ts';
import {
  DESK_ROLES,
  formatCount,
  formatDateTime,
  formatSize,
  inquiryLabel,
  isStaffUser,
  LIST_PAGE_SIZE,
  pageButtons,
  parseListFilters,
  statusLabel,
  storeOf,
  topicOf,
} from './support-shared.ts';

/** The first line of a comment, cut to fit a card. */
function excerpt(comment: string): string {
  const first = comment.split('\n')[0] ?? '';
  const chars = [...first];
  return chars.length > 60 || comment.includes('\n') ? `${chars.slice(0, 60).join('')}…` : first;
}

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
      offset: (filters.page - 1) * LIST_PAGE_SIZE,
      limit: LIST_PAGE_SIZE,
    });
    if (found.items.length === 0) {
      return { blocks: [text(t(found.total === 0 ? 'support.list.empty' : 'support.list.no_page'))] };
    }
    const staff = isStaffUser(ctx);
    const cards: CardBlock[] = [];
    for (const item of found.items) {
      const { inquiry } = item;
      cards.push({
        type: 'card',
        title: `${inquiryLabel(t, inquiry.id)} ${topicOf(item.category, item.subtopic, locale)}`,
        subtitle: statusLabel(t, inquiry.status),
        body: excerpt(inquiry.comment),
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
                  value: excerpt(item.latest.body) || '-',
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
    const nav = await pageButtons(ctx, 'inquiries', filters, found.total);
    if (nav.length > 0) blocks.push({ type: 'buttons', buttons: nav });
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
      offset: (filters.page - 1) * LIST_PAGE_SIZE,
      limit: LIST_PAGE_SIZE,
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
            ...(category ? [locale === 'ja' ? category.nameJa : category.nameEn] : []),
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
    const nav = await pageButtons(ctx, 'files', filters, found.total);
    if (nav.length > 0) blocks.push({ type: 'buttons', buttons: nav });
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
        fileBlock({ storageKey: found.storageKey, name: found.name, mime: found.mime, size: found.size }),
      ],
    };
  },
};
