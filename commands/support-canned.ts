/**
 * 定型文 (docs/domain.md §2.12), staff only: 定型文一覧 lists them (`定型文 <名前>` shows one whole),
 * 定型文登録 / 定型文編集 / 定型文英語 / 定型文削除 keep them, and 定型文送信 sends one on an inquiry as the
 * staff member's own reply. In a Slack desk thread staff reply `定型文 <名前>` or use the message
 * shortcut instead (adapters/slack/desk-canned.ts).
 */
import { parseId } from '../src/chat/args.ts';
import type { Command, CommandContext } from '../src/chat/command.ts';
import { type Block, text } from '../src/chat/types.ts';
import { placeholderList } from '../src/domain/support/canned.ts';
import type { CannedReplyRecord } from '../src/domain/support/desk-records.ts';
import { UserError } from '../src/errors.ts';
import { type Locale, t } from '../src/i18n/index.ts';
import { inquiryLabel } from './inquiry-labels.ts';
import { freeText, isClearWord } from './kit/args.ts';
import { excerpt } from './kit/format.ts';
import { STAFF } from './roles.ts';

/** An example text with placeholders, written with the names of `locale`. */
const example = (locale: Locale) =>
  locale === 'ja'
    ? t('ja', 'canned.example', { customer: '{顧客名}', staff: '{担当者}' })
    : t('en', 'canned.example', { customer: '{customer_name}', staff: '{assignee}' });

type Usage = 'canned.usage.canned-add' | 'canned.usage.canned-edit' | 'canned.usage.canned-en';

/** `<name> <text>`: the name, and the text as typed (line breaks kept); either missing → usage. */
function nameAndText(ctx: CommandContext, usage: Usage): { name: string; body: string } {
  const name = ctx.args[0];
  const body = freeText(ctx, 1);
  if (name === undefined || body === '') {
    const sample = example(usage === 'canned.usage.canned-en' ? 'en' : ctx.locale);
    throw new UserError(usage, { example: sample, placeholders: placeholderList() });
  }
  return { name, body };
}

function cannedCard(ctx: CommandContext, c: CannedReplyRecord): Block {
  return {
    type: 'card',
    title: c.name,
    fields: [
      { label: ctx.t('canned.list.ja'), value: c.bodyJa },
      { label: ctx.t('canned.list.en'), value: c.bodyEn ?? ctx.t('canned.list.en_missing') },
    ],
  };
}

const listButton = async (ctx: CommandContext) => ({
  type: 'buttons' as const,
  buttons: [await ctx.button(ctx.t('canned.button.list'), 'canned')],
});

/** 定型文一覧: every canned reply with the start of its texts; `定型文 <名前>` shows one whole. */
export const cannedList: Command = {
  name: 'canned',
  aliases: { ja: ['定型文一覧', '定型文'], en: ['canned', 'canned-list'] },
  summary: 'cmd.canned.summary',
  roles: STAFF,
  async run(ctx) {
    const service = ctx.services.domain.cannedReplies;
    const how = text(ctx.t('canned.list.how_to', { placeholders: placeholderList() }));
    if (ctx.args[0] !== undefined)
      return { blocks: [cannedCard(ctx, await service.get(ctx.actor, ctx.args[0])), how] };
    const all = await service.list(ctx.actor);
    if (all.length === 0) return { blocks: [text(ctx.t('canned.list.none'))] };
    return {
      blocks: [
        {
          type: 'list',
          title: ctx.t('canned.list.title', { count: all.length }),
          items: await Promise.all(
            all.map(async (c) => ({
              title: c.name,
              description: [
                `${ctx.t('canned.list.ja')}: ${excerpt(c.bodyJa, 80)}`,
                `${ctx.t('canned.list.en')}: ${c.bodyEn === null ? ctx.t('canned.list.en_missing') : excerpt(c.bodyEn, 80)}`,
              ].join('\n'),
              button: await ctx.button(ctx.t('canned.button.show'), `canned ${c.name}`),
            })),
          ),
        },
        how,
      ],
    };
  },
};

/** 定型文登録: `定型文登録 <名前> <本文>` (Japanese). */
export const cannedAdd: Command = {
  name: 'canned-add',
  aliases: { ja: ['定型文登録'], en: ['canned-add'] },
  summary: 'cmd.canned-add.summary',
  roles: STAFF,
  async run(ctx) {
    const { name, body } = nameAndText(ctx, 'canned.usage.canned-add');
    const saved = await ctx.services.domain.cannedReplies.add(ctx.actor, name, body);
    return {
      blocks: [
        text(ctx.t('canned.added', { name: saved.name })),
        cannedCard(ctx, saved),
        await listButton(ctx),
      ],
    };
  },
};

/** 定型文編集: a new Japanese text. */
export const cannedEdit: Command = {
  name: 'canned-edit',
  aliases: { ja: ['定型文編集', '定型文変更'], en: ['canned-edit'] },
  summary: 'cmd.canned-edit.summary',
  roles: STAFF,
  async run(ctx) {
    const { name, body } = nameAndText(ctx, 'canned.usage.canned-edit');
    const saved = await ctx.services.domain.cannedReplies.edit(ctx.actor, name, { ja: body });
    return { blocks: [text(ctx.t('canned.edited', { name: saved.name })), cannedCard(ctx, saved)] };
  },
};

/** 定型文英語: the English text (`なし` / `none` removes it). */
export const cannedEnglish: Command = {
  name: 'canned-en',
  aliases: { ja: ['定型文英語'], en: ['canned-en'] },
  summary: 'cmd.canned-en.summary',
  roles: STAFF,
  async run(ctx) {
    const { name, body } = nameAndText(ctx, 'canned.usage.canned-en');
    const clear = ctx.args.length === 2 && isClearWord(ctx.args[1]);
    const saved = await ctx.services.domain.cannedReplies.edit(ctx.actor, name, { en: clear ? null : body });
    const done = ctx.t(clear ? 'canned.en_cleared' : 'canned.en_set', { name: saved.name });
    return { blocks: [text(done), cannedCard(ctx, saved)] };
  },
};

/** 定型文削除. */
export const cannedDelete: Command = {
  name: 'canned-delete',
  aliases: { ja: ['定型文削除'], en: ['canned-delete'] },
  summary: 'cmd.canned-delete.summary',
  roles: STAFF,
  async run(ctx) {
    if (ctx.args.length !== 1) throw new UserError('canned.usage.canned-delete');
    const gone = await ctx.services.domain.cannedReplies.remove(ctx.actor, ctx.args[0] ?? '');
    return { blocks: [text(ctx.t('canned.deleted', { name: gone.name })), await listButton(ctx)] };
  },
};

/** 定型文送信: `定型文送信 <問い合わせID> <名前>`, sent as the staff member's reply (from any platform). */
export const cannedSend: Command = {
  name: 'canned-send',
  aliases: { ja: ['定型文送信'], en: ['canned-send'] },
  summary: 'cmd.canned-send.summary',
  roles: STAFF,
  async run(ctx) {
    if (ctx.args.length !== 2) throw new UserError('canned.usage.canned-send');
    const id = parseId(ctx.args[0]);
    const sent = await ctx.services.domain.cannedReplies.send(ctx.actor, id, ctx.args[1] ?? '');
    const label = inquiryLabel(ctx.t, id);
    return {
      blocks: [
        text(ctx.t('canned.sent', { label, name: sent.filled.canned.name })),
        text(sent.filled.text),
        {
          type: 'buttons',
          buttons: [await ctx.button(ctx.t('support.button.detail'), `inquiry ${id}`, 'primary')],
        },
      ],
    };
  },
};
