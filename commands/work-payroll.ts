/**
 * Staff money and announcements (docs/domain.md §1.8–§1.10): invoice items, the month-end close into payment
 * statements, and publishing notices.
 */
import { parseId, parseYen } from '../src/chat/args.ts';
import type { Command } from '../src/chat/command.ts';
import { type Block, text } from '../src/chat/types.ts';
import type { Role } from '../src/domain/roles.ts';
import type { NoticeAudience } from '../src/domain/work/notices.ts';
import { parseBusinessMonth, payDateFor } from '../src/domain/work/pay-date.ts';
import type { NoticeKind } from '../src/domain/work/records.ts';
import { UserError } from '../src/errors.ts';
import { businessDateText, businessToday, monthText, yen } from './kit/format.ts';
import { namesOf, personText } from './kit/people.ts';
import { pickPerson } from './people.ts';
import { STAFF } from './roles.ts';
import { closeReportBlocks, earlyCloseReply } from './work-compliance.ts';

/** Looks like a month (`2026-11`, `2026/11`, `2026年11月`); the service validates it. */
const MONTH_LIKE = /^\d{4}\s*[-/.年]\s*\d{1,2}月?$/;
/** The approved application an item pays for: `app#12`, `応募#12`. */
const APPLICATION_REF = /^(?:app|application|応募)[:#]?(\d{1,9})$/i;
/** Statements listed in the month-close report; the rest are counted. */
const REPORT_ROWS = 10;

/** 請求登録: `pay <worker> <amount> <description> [YYYY-MM] [app#<id>]` adds an invoice item. */
const pay: Command = {
  name: 'pay',
  aliases: { ja: ['請求登録', '支払登録'], en: ['pay', 'add-invoice-item'] },
  summary: 'cmd.pay.summary',
  roles: STAFF,
  async run(ctx) {
    const { t, args } = ctx;
    if (args.length < 3) throw new UserError('work.usage.pay');
    const picked = await pickPerson(ctx, { command: 'pay', argIndex: 0, roles: ['worker'] });
    if ('reply' in picked) return picked.reply;
    const workerId = picked.userId;
    const amountYen = parseYen(args[1]);
    const words = args.slice(2);
    let month: string | undefined;
    let applicationId: number | undefined;
    const last = words.at(-1);
    if (words.length > 1 && last !== undefined && MONTH_LIKE.test(last)) {
      month = last;
      words.pop();
    }
    const description = words
      .filter((w) => {
        const ref = APPLICATION_REF.exec(w);
        if (ref) applicationId = Number(ref[1]);
        return !ref;
      })
      .join(' ');
    if (description === '') throw new UserError('work.usage.pay');
    const item = await ctx.services.domain.invoices.addItem(ctx.actor, {
      workerId,
      amountYen,
      description,
      ...(month === undefined ? {} : { month }),
      ...(applicationId === undefined ? {} : { applicationId }),
    });
    const people = await namesOf(ctx, [item.workerId]);
    return {
      blocks: [
        text(
          t('work.pay.done', {
            id: item.id,
            worker: personText(people, item.workerId),
            amount: yen(ctx, item.amountYen),
            month: monthText(ctx.locale, item.month),
            description: item.description,
          }),
        ),
      ],
    };
  },
};

/** 月締め: confirmed items of a finished month become payment statements (末締め翌月10日払い). */
const closeMonth: Command = {
  name: 'close-month',
  aliases: { ja: ['月締め', '締め処理'], en: ['close-month'] },
  summary: 'cmd.close-month.summary',
  roles: STAFF,
  async run(ctx) {
    const { t } = ctx;
    if (ctx.args.length < 1 || ctx.args.length > 3) throw new UserError('work.usage.close_month');
    const asked = parseBusinessMonth(ctx.args[0] ?? '');
    // `月締め 2026-10 #12 2026-11-05`: that worker alone, paid earlier (the 60-day rule, docs/domain.md §1.9).
    if (ctx.args.length === 3) return earlyCloseReply(ctx, asked);
    // A back-dated close: its pay date has already passed. Say so, and close only once confirmed.
    const due = payDateFor(asked);
    const today = businessToday(ctx);
    if (due < today && !['はい', 'yes', '確定'].includes((ctx.args[1] ?? '').toLowerCase())) {
      return {
        blocks: [
          text(
            t('work.close_month.pay_date_passed', {
              month: monthText(ctx.locale, asked),
              payDate: businessDateText(ctx, due),
            }),
          ),
          {
            type: 'buttons',
            buttons: [
              await ctx.button(t('work.button.close_anyway'), `close-month ${asked} yes`, 'danger'),
              await ctx.button(t('work.button.cancel_close'), `invoice ${asked}`),
            ],
          },
        ],
      };
    }
    const r = await ctx.services.domain.statements.closeMonth(ctx.actor, asked);
    const month = monthText(ctx.locale, r.month);
    const payDate = businessDateText(ctx, r.payDate);
    const lines: string[] = [];
    const blocks: Block[] = [];
    if (r.created.length === 0) {
      lines.push(t('work.close_month.none', { month, payDate }));
    } else {
      const total = r.created.reduce((sum, s) => sum + s.totalYen, 0);
      lines.push(
        t('work.close_month.done', { month, count: r.created.length, total: yen(ctx, total), payDate }),
      );
      const shown = r.created.slice(0, REPORT_ROWS);
      const people = await namesOf(ctx, [...shown.map((s) => s.workerId), ...r.workersWithoutBankAccount]);
      blocks.push({
        type: 'list',
        title: t('work.close_month.statements'),
        items: shown.map((s) => ({
          title: t('work.close_month.row', { id: s.statementId, worker: personText(people, s.workerId) }),
          description: t('work.close_month.row_line', { total: yen(ctx, s.totalYen), count: s.itemCount }),
        })),
      });
      if (r.created.length > shown.length)
        blocks.push(text(t('work.close_month.more', { count: r.created.length - shown.length })));
      if (r.workersWithoutBankAccount.length > 0) {
        const names = r.workersWithoutBankAccount.map((id) => personText(people, id));
        blocks.push(text(t('work.close_month.no_bank', { workers: names.join(t('common.separator')) })));
      }
    }
    if (r.pendingItems > 0 || r.disputedItems > 0) {
      lines.push(t('work.close_month.left_out', { pending: r.pendingItems, disputed: r.disputedItems }));
      // Exactly which items are still open, and whose, so they can be settled.
      const open = (await ctx.services.domain.invoices.listItems(ctx.actor, { month: r.month })).filter(
        (i) => i.status === 'pending' || i.status === 'disputed',
      );
      const people = await namesOf(
        ctx,
        open.map((i) => i.workerId),
      );
      blocks.push({
        type: 'list',
        title: t('work.close_month.open_items'),
        items: open.slice(0, REPORT_ROWS).map((i) => ({
          title: `#${i.id} ${i.description}`,
          description: [
            t('work.invoice.line', {
              amount: yen(ctx, i.amountYen),
              status: t(`money.invoice.status.${i.status}`),
            }),
            t('work.field.worker_line', { worker: personText(people, i.workerId) }),
            ...(i.disputeComment ? [t('work.invoice.comment', { comment: i.disputeComment })] : []),
          ].join('\n'),
        })),
      });
    }
    return { blocks: [text(lines.join('\n')), ...blocks, ...(await closeReportBlocks(ctx, r))] };
  },
};

/** Audience words in either language. */
const ROLE_WORDS: Record<string, Role> = {
  worker: 'worker',
  workers: 'worker',
  ワーカー: 'worker',
  client: 'client',
  clients: 'client',
  クライアント: 'client',
  staff: 'staff',
  スタッフ: 'staff',
  社員: 'staff',
  customer: 'customer',
  customers: 'customer',
  お客様: 'customer',
  顧客: 'customer',
  admin: 'admin',
  管理者: 'admin',
};
const EVERYONE_WORDS = new Set(['everyone', 'all', '全員', 'みんな']);
const USER_WORDS = new Set(['user', 'ユーザー', '個人']);

/** The kind of a notice to everyone or a role, named after the audience (ご案内 when none is named). */
const KIND_WORDS: Record<string, Exclude<NoticeKind, 'personal'>> = {
  ご案内: 'announcement',
  案内: 'announcement',
  announcement: 'announcement',
  製品情報: 'product',
  製品: 'product',
  product: 'product',
  メンテナンス: 'maintenance',
  システム関連: 'maintenance',
  システム: 'maintenance',
  maintenance: 'maintenance',
  system: 'maintenance',
};

/**
 * お知らせ配信: `notify everyone|<role>|user <id> [ご案内|製品情報|メンテナンス] <title> / <body>`; a
 * メンテナンス notice is listed under the システム関連 tab, the others under ご案内.
 */
const notify: Command = {
  name: 'notify',
  aliases: { ja: ['お知らせ配信'], en: ['notify', 'publish-notice'] },
  summary: 'cmd.notify.summary',
  roles: STAFF,
  async run(ctx) {
    const { t, args } = ctx;
    const who = (args[0] ?? '').toLowerCase();
    let audience: NoticeAudience;
    let audienceText: string;
    let skip = 1;
    if (EVERYONE_WORDS.has(who)) {
      audience = { everyone: true };
      audienceText = t('work.notify.everyone');
    } else if (ROLE_WORDS[who]) {
      const role = ROLE_WORDS[who];
      audience = { role };
      audienceText = t(`work.role.${role}`);
    } else if (USER_WORDS.has(who)) {
      if (args[1] === undefined) throw new UserError('work.usage.notify');
      const picked = await pickPerson(ctx, { command: 'notify', argIndex: 1 });
      if ('reply' in picked) return picked.reply;
      const { userId } = picked;
      audience = { userId };
      audienceText = personText(await namesOf(ctx, [userId]), userId);
      skip = 2;
    } else {
      throw new UserError('work.usage.notify');
    }
    // A kind word is one only when a title follows it (`notify everyone Maintenance / …` is a title).
    const named = 'userId' in audience ? undefined : KIND_WORDS[(args[skip] ?? '').toLowerCase()];
    const kindWord = named && args[skip + 1] !== undefined && args[skip + 1] !== '/' ? named : undefined;
    if (kindWord) skip++;
    // Padded, so a form that starts or ends with the separator still splits there.
    const content = ` ${args.slice(skip).join(' ')} `;
    const slash = content.indexOf(' / ');
    const title = (slash === -1 ? content : content.slice(0, slash)).trim();
    const body = slash === -1 ? '' : content.slice(slash + 3).trim();
    if (title === '') throw new UserError('work.usage.notify');
    const { notice, notified } = await ctx.services.domain.notices.publish(ctx.actor, {
      kind: 'userId' in audience ? 'personal' : (kindWord ?? 'announcement'),
      title,
      body,
      audience,
    });
    const done =
      'everyone' in audience
        ? t('work.notify.done_everyone', { id: notice.id })
        : t('work.notify.done', { id: notice.id, audience: audienceText, count: notified });
    return { blocks: [text(done)] };
  },
};

/**
 * 請求修正: staff correct a pending or disputed item's amount, with the reason the worker reads
 * (`請求修正 12 9,000円 件数を数え直しました`); the item goes back to 確認待ち and the worker is asked
 * to confirm again.
 */
const correct: Command = {
  name: 'correct-item',
  aliases: { ja: ['請求修正', '明細修正'], en: ['correct-item', 'fix-item'] },
  summary: 'cmd.correct-item.summary',
  roles: STAFF,
  async run(ctx) {
    const { t } = ctx;
    if (ctx.args.length < 3) throw new UserError('work.usage.correct_item');
    const id = parseId(ctx.args[0]);
    const amountYen = parseYen(ctx.args[1]);
    const reason = ctx.args.slice(2).join(' ').trim();
    const item = await ctx.services.domain.invoices.correct(ctx.actor, id, { amountYen, reason });
    return {
      blocks: [
        text(t('work.correct_item.done', { id: item.id, amount: yen(ctx, item.amountYen) })),
        {
          type: 'buttons',
          buttons: [await ctx.button(t('work.button.invoice'), `invoice #${item.workerId} ${item.month}`)],
        },
      ],
    };
  },
};

/** 請求取消: staff withdraw a pending or disputed item, with the reason the worker reads. */
const withdrawItem: Command = {
  name: 'withdraw-item',
  aliases: { ja: ['請求取消', '明細取消'], en: ['withdraw-item'] },
  summary: 'cmd.withdraw-item.summary',
  roles: STAFF,
  async run(ctx) {
    const { t } = ctx;
    if (ctx.args.length < 2) throw new UserError('work.usage.withdraw_item');
    const item = await ctx.services.domain.invoices.withdraw(
      ctx.actor,
      parseId(ctx.args[0]),
      ctx.args.slice(1).join(' '),
    );
    return {
      blocks: [text(t('work.withdraw_item.done', { id: item.id, amount: yen(ctx, item.amountYen) }))],
    };
  },
};

export const payrollCommands: readonly Command[] = [pay, correct, withdrawItem, closeMonth, notify];
