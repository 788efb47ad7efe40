/**
 * One inquiry: opening it (for now in one line; a guided flow will replace this), reading its whole
 * history, replying from either side, and the staff taking and resolving it.
 */
import { parseId } from '../src/chat/args.ts';
import type { Command, CommandContext } from '../src/chat/command.ts';
import { type Block, type Button, type CardBlock, type Field, text } from '../src/chat/types.ts';
import { isStaff } from '../src/domain/actor.ts';
import type { InquiryDetail } from '../src/domain/support/inquiry-reads.ts';
import type { AttachmentView } from '../src/domain/support/records.ts';
import { UserError } from '../src/errors.ts';
import { formatDate } from '../src/i18n/format.ts';
import { ratingLine } from '../src/notifications/csat.ts';
import { findCategory, inquiryLabel, statusLabel, storeOf, topicOf } from './inquiry-labels.ts';
import { freeText } from './kit/args.ts';
import { attachedFiles, fileBlockOf } from './kit/files.ts';
import { formatDateTime, formatSize } from './kit/format.ts';
import { DESK_ROLES, STAFF } from './roles.ts';

/** Files handed over with 問い合わせ詳細 at most (each is a message or an upload on some platforms). */
const MAX_DETAIL_FILES = 10;
const fileLine = (a: AttachmentView) => `📎 ${a.name} (${a.mime}, ${formatSize(a.size)})`;

/**
 * 問い合わせ: `inquiry-new <category> [sub-topic number] [#store] [ref:#id] <comment>` with the
 * message's attachments. The category is its code or its number in カテゴリ.
 */
export const inquiryNew: Command = {
  name: 'inquiry-new',
  aliases: { ja: ['問い合わせ', '新規問い合わせ'], en: ['inquiry-new', 'new-inquiry'] },
  summary: 'cmd.inquiry-new.summary',
  roles: ['customer'],
  async run(ctx) {
    const { args, t } = ctx;
    // With nothing after it, the command guides the customer step by step.
    if (args[0] === undefined) return ctx.startFlow('inquiry');
    const categories = await ctx.services.domain.supportDirectory.categories(ctx.actor);
    const category = findCategory(categories, args[0]);
    if (!category) throw new UserError('support.category_not_found');

    let subtopicId: number | undefined;
    let storeId: number | undefined;
    let refersToId: number | undefined;
    let consumed = 1;
    for (const word of args.slice(1)) {
      // The sub-topic number comes right after the category, so a comment may start with a number.
      if (consumed === 1 && /^\d{1,3}$/.test(word)) {
        const subtopic = category.subtopics[Number(word) - 1];
        if (!subtopic) throw new UserError('support.subtopic_mismatch');
        subtopicId = subtopic.id;
      } else if (storeId === undefined && /^#\d+$/.test(word)) {
        storeId = parseId(word);
      } else if (refersToId === undefined && /^(?:ref|参照):/i.test(word)) {
        refersToId = parseId(word.slice(word.indexOf(':') + 1));
      } else {
        break;
      }
      consumed++;
    }
    const attachments = attachedFiles(ctx);
    const created = await ctx.services.domain.inquiries.create(ctx.actor, {
      categoryId: category.id,
      subtopicId: subtopicId ?? null,
      storeId: storeId ?? null,
      refersToId: refersToId ?? null,
      comment: freeText(ctx, consumed),
      attachments,
    });
    // Read back as the detail shows it: store, sub-topic and company names in one place.
    const detail = await ctx.services.domain.inquiryReads.get(ctx.actor, created.record.id);
    const card = summaryCard(ctx, detail);
    const id = detail.inquiry.id;
    if (created.attachments.length > 0) {
      card.fields.push({
        label: t('support.field.attachments'),
        value: created.attachments.map((a) => a.name).join(t('common.separator')),
      });
    }
    return {
      blocks: [
        text(t('support.created', { label: inquiryLabel(t, id) })),
        {
          ...card,
          body: detail.inquiry.comment,
          buttons: [
            await ctx.button(t('support.button.detail'), `inquiry ${id}`, 'primary'),
            await ctx.button(t('support.button.inquiries'), 'inquiries'),
          ],
        },
        text(t('support.reply_how_to', { id })),
      ],
    };
  },
};

function summaryCard(ctx: CommandContext, detail: InquiryDetail): CardBlock {
  const { t, locale } = ctx;
  const tz = ctx.services.config.businessTimeZone;
  const { inquiry } = detail;
  const fields: Field[] = [
    { label: t('support.field.status'), value: statusLabel(t, inquiry.status) },
    { label: t('support.field.category'), value: topicOf(detail.category, detail.subtopic, locale) },
    { label: t('support.field.store'), value: storeOf(detail.store, t) },
    { label: t('support.field.company'), value: detail.company.name },
    {
      label: t('support.field.assignee'),
      value: detail.assignee?.displayName || t('support.no_assignee'),
    },
    { label: t('support.field.created'), value: formatDate(inquiry.createdAt, locale, tz) },
  ];
  if (inquiry.refersToId !== null) {
    fields.push({ label: t('support.field.refers_to'), value: inquiryLabel(t, inquiry.refersToId) });
  }
  if (inquiry.status === 'completed') {
    const value = detail.rating ? ratingLine(locale, detail.rating) : t('csat.not_rated_yet');
    fields.push({ label: t('csat.field'), value });
  }
  return { type: 'card', title: inquiryLabel(t, inquiry.id), fields };
}

/** The buttons for what can happen next on an inquiry, for this user. */
async function nextSteps(ctx: CommandContext, detail: InquiryDetail): Promise<Button[]> {
  const { t } = ctx;
  const { inquiry } = detail;
  if (inquiry.status === 'completed') return [];
  const buttons = [await ctx.button(t('support.button.reply'), `reply ${inquiry.id}`)];
  if (isStaff(ctx.actor)) {
    const mine = inquiry.status === 'in_progress' && inquiry.assigneeId === ctx.actor.userId;
    if (!mine) buttons.push(await ctx.button(t('support.button.take'), `take ${inquiry.id}`, 'primary'));
    buttons.push(await ctx.button(t('support.button.resolve'), `resolve ${inquiry.id}`));
  }
  return buttons;
}

/** 問い合わせ詳細: the summary and the whole conversation in order, files included. */
export const inquiry: Command = {
  name: 'inquiry',
  aliases: { ja: ['問い合わせ詳細'], en: ['inquiry', 'inquiry-detail'] },
  summary: 'cmd.inquiry.summary',
  roles: DESK_ROLES,
  async run(ctx) {
    const { t, locale } = ctx;
    if (ctx.args.length !== 1) throw new UserError('support.usage.inquiry');
    const detail = await ctx.services.domain.inquiryReads.get(ctx.actor, parseId(ctx.args[0]));
    const tz = ctx.services.config.businessTimeZone;
    const blocks: Block[] = [
      summaryCard(ctx, detail),
      {
        type: 'list',
        title: t('support.history.title', { count: detail.history.length }),
        items: detail.history.map((entry) => ({
          title: t(
            entry.author.side === 'staff' ? 'support.history.by_staff' : 'support.history.by_customer',
            {
              name: entry.author.displayName,
              at: formatDateTime(entry.createdAt, locale, tz),
            },
          ),
          description: [...(entry.body === '' ? [] : [entry.body]), ...entry.attachments.map(fileLine)].join(
            '\n',
          ),
        })),
      },
    ];
    const buttons = await nextSteps(ctx, detail);
    if (buttons.length > 0) blocks.push({ type: 'buttons', buttons });
    else blocks.push(text(t('support.read_only', { id: detail.inquiry.id })));
    // The attachments themselves (the latest ten; older ones are in the history above by name).
    const files = detail.history.flatMap((entry) => entry.attachments).slice(-MAX_DETAIL_FILES);
    blocks.push(...files.map(fileBlockOf));
    return { blocks };
  },
};

/** 返信: `reply <id> <text>` with the message's attachments; without text, how to reply. */
export const replyCommand: Command = {
  name: 'reply',
  aliases: { ja: ['返信'], en: ['reply'] },
  summary: 'cmd.reply.summary',
  roles: DESK_ROLES,
  async run(ctx) {
    const { t } = ctx;
    if (ctx.args[0] === undefined) throw new UserError('support.usage.reply');
    const id = parseId(ctx.args[0]);
    const body = freeText(ctx, 1);
    const attachments = attachedFiles(ctx);
    if (body === '' && attachments.length === 0) {
      return { blocks: [text(t('support.reply_how_to', { id }))] };
    }
    const sent = await ctx.services.domain.inquiries.addMessage(ctx.actor, id, { body, attachments });
    const blocks: Block[] = [text(t('support.replied', { label: inquiryLabel(t, id) }))];
    if (sent.attachments.length > 0) blocks.push(text(sent.attachments.map(fileLine).join('\n')));
    const buttons = [await ctx.button(t('support.button.detail'), `inquiry ${id}`, 'primary')];
    if (isStaff(ctx.actor)) buttons.push(await ctx.button(t('support.button.resolve'), `resolve ${id}`));
    blocks.push({ type: 'buttons', buttons });
    return { blocks };
  },
};

function inquiryIdOf(ctx: CommandContext, usage: 'support.usage.take' | 'support.usage.resolve'): number {
  if (ctx.args.length !== 1) throw new UserError(usage);
  return parseId(ctx.args[0]);
}

/** 対応開始 (staff): in progress, with me as the assignee. */
export const take: Command = {
  name: 'take',
  aliases: { ja: ['対応開始'], en: ['take'] },
  summary: 'cmd.take.summary',
  roles: STAFF,
  async run(ctx) {
    const { t } = ctx;
    const taken = await ctx.services.domain.inquiries.take(ctx.actor, inquiryIdOf(ctx, 'support.usage.take'));
    return {
      blocks: [
        text(t('support.taken', { label: inquiryLabel(t, taken.id), status: statusLabel(t, taken.status) })),
        {
          type: 'buttons',
          buttons: [
            await ctx.button(t('support.button.detail'), `inquiry ${taken.id}`),
            await ctx.button(t('support.button.reply'), `reply ${taken.id}`),
            await ctx.button(t('support.button.resolve'), `resolve ${taken.id}`, 'primary'),
          ],
        },
      ],
    };
  },
};

/** 完了 (staff): completed, read-only from now on. */
export const resolve: Command = {
  name: 'resolve',
  aliases: { ja: ['対応完了', '完了'], en: ['resolve'] },
  summary: 'cmd.resolve.summary',
  roles: STAFF,
  async run(ctx) {
    const { t } = ctx;
    const done = await ctx.services.domain.inquiries.resolve(
      ctx.actor,
      inquiryIdOf(ctx, 'support.usage.resolve'),
    );
    return {
      blocks: [
        text(t('support.resolved', { label: inquiryLabel(t, done.id) })),
        { type: 'buttons', buttons: [await ctx.button(t('support.button.detail'), `inquiry ${done.id}`)] },
      ],
    };
  },
};
