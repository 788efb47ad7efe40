/**
 * What the operator owes the workers by law (docs/domain.md §1.4, §1.9, §1.12): 取引条件 (the terms of
 * each order, again at any time), 取引条件変更 (a new version with a new reward), 支払期限 (work close to
 * the 60-day pay deadline) and 取引履歴 (a year of orders and payments as a CSV file).
 */
import { parseDate, parseYen } from '../src/chat/args.ts';
import type { Command, CommandContext } from '../src/chat/command.ts';
import { type Block, type ListBlock, type Reply, text } from '../src/chat/types.ts';
import { isStaff } from '../src/domain/actor.ts';
import type { LedgerRow } from '../src/domain/work/ledger.ts';
import { businessDateLabel, termsFields } from '../src/domain/work/order-terms-text.ts';
import { isBankBusinessDay, zonedParts } from '../src/domain/work/pay-date.ts';
import { DEFAULT_DEADLINE_DAYS, type PayDeadlineRow } from '../src/domain/work/pay-deadlines.ts';
import { addDays } from '../src/domain/work/pay-limit.ts';
import type { CloseMonthResult } from '../src/domain/work/statements.ts';
import { UserError } from '../src/errors.ts';
import { freeText, idArg } from './kit/args.ts';
import { fileBlockOf } from './kit/files.ts';
import { businessToday, dateText, monthText, yen } from './kit/format.ts';
import { namesOf, personText } from './kit/people.ts';
import { pickPerson } from './people.ts';
import { STAFF } from './roles.ts';

/** Rows of a list in one answer (a phone screen; the rest is a command or a file away). */
const ROWS = 10;

const day = (ctx: CommandContext, ymd: string) =>
  businessDateLabel(ymd, ctx.locale, ctx.services.config.businessTimeZone);

/** The worker's own records, newest order first, each with a button that opens it. */
async function termsList(ctx: CommandContext): Promise<Reply> {
  const { t } = ctx;
  if (!ctx.actor.roles.includes('worker')) throw new UserError('compliance.usage.terms');
  const mine = await ctx.services.domain.orderTerms.listMine(ctx.actor);
  if (mine.length === 0) return { blocks: [text(t('compliance.terms.empty'))] };
  const list: ListBlock = {
    type: 'list',
    title: t('compliance.terms.list_title', { count: mine.length }),
    items: [],
  };
  for (const terms of mine.slice(0, ROWS))
    list.items.push({
      title: `#${terms.applicationId} ${terms.title}`,
      description: t('compliance.terms.list_line', {
        date: dateText(ctx, terms.orderedAt),
        amount: yen(ctx, terms.rewardYen),
        version: terms.version,
      }),
      button: await ctx.button(t('compliance.terms.open'), `order-terms ${terms.applicationId}`),
    });
  return { blocks: [list, text(t('compliance.usage.terms'))] };
}

/** 取引条件: one application's terms (the latest version, with the earlier ones listed), or the worker's list. */
export const orderTerms: Command = {
  name: 'order-terms',
  aliases: { ja: ['取引条件', '取引条件通知', '発注内容'], en: ['order-terms', 'terms-of-order'] },
  summary: 'cmd.order-terms.summary',
  roles: ['worker', 'client', 'staff', 'admin'],
  async run(ctx) {
    const { t } = ctx;
    if (ctx.args.length === 0) return termsList(ctx);
    const id = idArg(ctx, 0, 'compliance.usage.terms');
    const versions = await ctx.services.domain.orderTerms.versions(ctx.actor, id);
    const current = versions.at(-1);
    if (!current) throw new UserError('compliance.terms.none', { id });
    const blocks: Block[] = [
      {
        type: 'card',
        title: t('compliance.terms.title', { id, version: current.version }),
        fields: termsFields(current, ctx.locale, ctx.services.config.businessTimeZone),
        buttons: [await ctx.button(t('work.button.details'), `application ${id}`)],
      },
    ];
    if (versions.length > 1)
      blocks.push({
        type: 'list',
        title: t('compliance.terms.versions'),
        items: versions.map((v) => ({
          title: t('compliance.terms.version_line', {
            version: v.version,
            date: dateText(ctx, v.createdAt),
            amount: yen(ctx, v.rewardYen),
          }),
          ...(v.reason ? { description: v.reason } : {}),
        })),
      });
    blocks.push(text(t('compliance.terms.keep', { id })));
    return { blocks };
  },
};

/** 取引条件変更: `<application> <reward> <reason>`, before approval; the worker reads the new version. */
const termsRevise: Command = {
  name: 'terms-revise',
  aliases: { ja: ['取引条件変更', '報酬変更'], en: ['terms-revise', 'change-reward'] },
  summary: 'cmd.terms-revise.summary',
  roles: ['staff', 'admin', 'client'],
  async run(ctx) {
    if (ctx.args.length < 3) throw new UserError('compliance.usage.terms_revise');
    const id = idArg(ctx, 0, 'compliance.usage.terms_revise');
    const rewardYen = parseYen(ctx.args[1]);
    const terms = await ctx.services.domain.orderTerms.revise(ctx.actor, id, rewardYen, freeText(ctx, 2));
    return {
      blocks: [
        text(
          ctx.t('compliance.terms.revised', {
            id,
            version: terms.version,
            amount: yen(ctx, terms.rewardYen),
          }),
        ),
        { type: 'buttons', buttons: [await ctx.button(ctx.t('notify.button.terms'), `order-terms ${id}`)] },
      ],
    };
  },
};

function deadlineRow(ctx: CommandContext, r: PayDeadlineRow, people: Map<number, string>) {
  const { t } = ctx;
  const left =
    r.daysLeft === 1
      ? t('compliance.deadlines.left_one')
      : r.daysLeft > 0
        ? t('compliance.deadlines.left', { days: r.daysLeft })
        : r.daysLeft === 0
          ? t('compliance.deadlines.today')
          : r.daysLeft === -1
            ? t('compliance.deadlines.overdue_one')
            : t('compliance.deadlines.overdue', { days: -r.daysLeft });
  const status =
    r.status === 'awaiting_review'
      ? t('compliance.deadlines.awaiting_review')
      : t(`money.invoice.status.${r.status}`);
  const lines = [
    t('compliance.deadlines.line', {
      worker: personText(people, r.workerId),
      amount: yen(ctx, r.amountYen),
      status,
    }),
    t('compliance.deadlines.dates', {
      received: day(ctx, r.receivedOn),
      payBy: day(ctx, r.payBy),
      left,
      planned: day(ctx, r.plannedPayDate),
    }),
  ];
  if (r.tooLate)
    lines.push(
      r.month === null
        ? t('compliance.deadlines.too_late_review')
        : t('compliance.deadlines.too_late_item', { month: r.month, worker: r.workerId }),
    );
  return {
    title:
      r.itemId === null
        ? t('compliance.deadlines.review', { id: r.applicationId, description: r.description })
        : t('compliance.deadlines.item', { id: r.itemId, description: r.description }),
    description: lines.join('\n'),
  };
}

/** 支払期限 [days]: unpaid received work whose 60-day limit comes within `days` (14), soonest first. */
const payDeadlines: Command = {
  name: 'pay-deadlines',
  aliases: { ja: ['支払期限', '支払期限一覧'], en: ['pay-deadlines', 'deadlines'] },
  summary: 'cmd.pay-deadlines.summary',
  roles: STAFF,
  async run(ctx) {
    const { t } = ctx;
    if (ctx.args.length > 1) throw new UserError('compliance.usage.pay_deadlines');
    const typed = ctx.args[0]?.replace(/日$/, '');
    if (typed !== undefined && !/^\d{1,3}$/.test(typed))
      throw new UserError('compliance.usage.pay_deadlines');
    const days = typed === undefined ? DEFAULT_DEADLINE_DAYS : Number(typed);
    const rows = await ctx.services.domain.payDeadlines.list(ctx.actor, days);
    if (rows.length === 0)
      return {
        blocks: [text(`${t('compliance.deadlines.none', { days })}\n${t('compliance.deadlines.hint')}`)],
      };
    const people = await namesOf(
      ctx,
      rows.map((r) => r.workerId),
    );
    const shown = rows.slice(0, ROWS);
    const blocks: Block[] = [
      {
        type: 'list',
        title: t('compliance.deadlines.title', { days, count: rows.length }),
        items: shown.map((r) => deadlineRow(ctx, r, people)),
      },
    ];
    blocks.push(text(t('compliance.deadlines.hint')));
    return { blocks };
  },
};

const YEAR = /^(\d{4})年?$/;

/** One ledger row as a list item of the readable summary. */
function ledgerItem(ctx: CommandContext, r: LedgerRow): ListBlock['items'][number] {
  const { t } = ctx;
  const status =
    'item' in r.status
      ? t(`money.invoice.status.${r.status.item}`)
      : t(`application.status.${r.status.application}`);
  const lines = [
    t('compliance.ledger.row', {
      ordered: r.orderedOn ? day(ctx, r.orderedOn) : r.month ? monthText(ctx.locale, r.month) : '',
      amount: yen(ctx, r.amountYen ?? r.rewardYen ?? 0),
      status,
    }),
  ];
  if (r.payDate && r.statementId !== null)
    lines.push(t('compliance.ledger.row_paid', { payDate: day(ctx, r.payDate), statement: r.statementId }));
  const title = r.applicationId === null ? r.itemDescription : `#${r.applicationId} ${r.work}`;
  return { title, description: lines.join('\n') };
}

/**
 * 取引履歴 [year]: the worker's year as a readable summary and a CSV file (staff: 取引履歴 <worker> [year]).
 * The file goes the way every file goes (an upload, an attachment, or a signed link; README "Files").
 */
const ledger: Command = {
  name: 'ledger',
  aliases: { ja: ['取引履歴', '取引記録'], en: ['ledger', 'transactions'] },
  summary: 'cmd.ledger.summary',
  roles: ['worker', 'staff', 'admin'],
  async run(ctx) {
    const { t, actor } = ctx;
    let workerId = actor.userId;
    let yearArg: string | undefined;
    for (const [i, arg] of ctx.args.entries()) {
      if (YEAR.test(arg) && yearArg === undefined) yearArg = arg;
      else if (isStaff(actor) && workerId === actor.userId) {
        const picked = await pickPerson(ctx, { command: 'ledger', argIndex: i, roles: ['worker'] });
        if ('reply' in picked) return picked.reply;
        workerId = picked.userId;
      } else if (yearArg === undefined) throw new UserError('compliance.ledger.bad_year', { year: arg });
      else throw new UserError('compliance.usage.ledger');
    }
    const tz = ctx.services.config.businessTimeZone;
    const year =
      yearArg === undefined ? zonedParts(ctx.services.clock(), tz).year : Number(YEAR.exec(yearArg)?.[1]);
    const { ledger: l, file } = await ctx.services.domain.ledger.csvFile(actor, workerId, year, ctx.locale);
    const title = t('compliance.ledger.title', { name: l.workerName, year });
    if (l.rows.length === 0) return { blocks: [text(`${title}\n${t('compliance.ledger.empty', { year })}`)] };
    const items = l.rows.filter((r) => r.itemId !== null);
    const sum = (rows: LedgerRow[]) => rows.reduce((s, r) => s + (r.amountYen ?? 0), 0);
    const summary = t('compliance.ledger.summary', {
      orders: new Set(l.rows.flatMap((r) => (r.orderedOn ? [r.applicationId] : []))).size,
      items: items.length,
      total: yen(ctx, sum(items)),
      paid: yen(ctx, sum(items.filter((r) => r.statementId !== null))),
    });
    const latest = l.rows.slice(-ROWS).reverse();
    const blocks: Block[] = [
      text(`${title}\n${summary}`),
      { type: 'list', items: latest.map((r) => ledgerItem(ctx, r)) },
    ];
    if (l.rows.length > latest.length)
      blocks.push(text(t('compliance.ledger.more', { count: l.rows.length - latest.length })));
    blocks.push(text(t('compliance.ledger.file')), fileBlockOf(file));
    return { blocks };
  },
};

/** A bank business day to suggest for an early close: on or before `payBy` when still possible, else the next one. */
function suggestedPayDate(payBy: string, today: string): string {
  let date = payBy;
  while (date >= today && !isBankBusinessDay(date)) date = addDays(date, -1);
  if (date >= today) return date;
  date = today;
  while (!isBankBusinessDay(date)) date = addDays(date, 1);
  return date;
}

/**
 * What the month close adds for the 60-day rule (docs/domain.md §1.9): the workers whose statement was
 * refused, with the items, their receipt dates and limits, and how to pay them in time; and items an
 * early close paid after their limit.
 */
export async function closeReportBlocks(ctx: CommandContext, r: CloseMonthResult): Promise<Block[]> {
  const { t } = ctx;
  const blocks: Block[] = [];
  if (r.refused.length > 0) {
    const people = await namesOf(
      ctx,
      r.refused.map((x) => x.workerId),
    );
    const today = businessToday(ctx);
    blocks.push(text(t('compliance.close.refused', { payDate: day(ctx, r.payDate) })), {
      type: 'list',
      items: r.refused.map((x) => {
        const soonest = x.late.map((l) => l.payBy).sort()[0] ?? today;
        const lines = x.late.map((l) =>
          t('compliance.close.late_line', {
            id: l.itemId,
            description: l.description,
            amount: yen(ctx, l.amountYen),
            received: day(ctx, l.receivedOn),
            payBy: day(ctx, l.payBy),
          }),
        );
        if (soonest < today) lines.push(t('compliance.close.already_overdue'));
        lines.push(
          t('compliance.close.refused_how', {
            month: r.month,
            worker: x.workerId,
            example: suggestedPayDate(soonest, today),
          }),
        );
        return {
          title: t('compliance.close.refused_row', {
            worker: personText(people, x.workerId),
            count: x.itemCount,
            total: yen(ctx, x.totalYen),
          }),
          description: lines.join('\n'),
        };
      }),
    });
  }
  if (r.overdue.length > 0)
    blocks.push(
      text(
        t('compliance.close.paid_late', {
          items: r.overdue.map((l) => `#${l.itemId}`).join(t('common.separator')),
        }),
      ),
    );
  return blocks;
}

/** 月締め <month> <worker> <pay date>: one worker's month alone, paid earlier than the month's pay date. */
export async function earlyCloseReply(ctx: CommandContext, month: string): Promise<Reply> {
  const { t } = ctx;
  const picked = await pickPerson(ctx, { command: 'close-month', argIndex: 1, roles: ['worker'] });
  if ('reply' in picked) return picked.reply;
  const payDate = parseDate(ctx.args[2], businessToday(ctx));
  const r = await ctx.services.domain.statements.closeMonth(ctx.actor, month, {
    workerId: picked.userId,
    payDate,
  });
  const worker = personText(await namesOf(ctx, [picked.userId]), picked.userId);
  const made = r.created[0];
  const blocks: Block[] = [
    text(
      made
        ? t('compliance.close.early_done', {
            worker,
            month: monthText(ctx.locale, r.month),
            id: made.statementId,
            total: yen(ctx, made.totalYen),
            payDate: day(ctx, made.payDate),
          })
        : r.refused.length > 0
          ? ''
          : t('compliance.close.early_none', { worker, month: monthText(ctx.locale, r.month) }),
    ),
    ...(await closeReportBlocks(ctx, r)),
  ];
  return { blocks: blocks.filter((b) => b.type !== 'text' || b.text !== '') };
}

export const complianceWorkerCommands: readonly Command[] = [orderTerms, ledger];
export const complianceStaffCommands: readonly Command[] = [termsRevise, payDeadlines];
