/**
 * The worker's money (docs/domain.md §1.8, §1.9, §1.11): the month's invoice items to confirm or dispute, payment
 * statements with their pay dates, and the bank account payments go to. Staff may read the same
 * lists for everyone (the services decide what each actor sees).
 */
import type { Command, CommandContext } from '../src/chat/command.ts';
import { type Block, type CardBlock, type ListBlock, type Reply, text } from '../src/chat/types.ts';
import { isStaff } from '../src/domain/actor.ts';
import type { MaskedBankAccount } from '../src/domain/work/bank-accounts.ts';
import { nameFitsBank, nameFitsBranch } from '../src/domain/work/bank-codes.ts';
import { businessMonth, parseBusinessMonth } from '../src/domain/work/pay-date.ts';
import { UserError } from '../src/errors.ts';
import { freeText, idArg, pageArg } from './kit/args.ts';
import { businessDateText, dateText, monthText, yen } from './kit/format.ts';
import { PAGE_SIZE, pageNav } from './kit/pages.ts';
import { namesOf, personText } from './kit/people.ts';

/** 入力請求書: a month's items (this month unless `YYYY-MM` is given), with Confirm on pending ones. */
const invoice: Command = {
  name: 'invoice',
  aliases: { ja: ['入力請求書', '請求書', '請求明細'], en: ['invoice', 'invoices'] },
  summary: 'cmd.invoice.summary',
  roles: ['worker', 'staff', 'admin'],
  async run(ctx) {
    const { t, actor } = ctx;
    const staffView = isStaff(actor);
    // `入力請求書 [worker] [month] [page]`: a month reads as one, a short number is the page, and
    // (for staff) anything else names the worker: `#12` by number, or part of their name.
    let monthArg: string | undefined;
    let pageText: string | undefined;
    let workerArg: string | undefined;
    for (const arg of ctx.args) {
      if (isMonth(arg) && monthArg === undefined) monthArg = arg;
      else if (/^\d{1,3}$/.test(arg) && pageText === undefined) pageText = arg;
      else if (staffView && workerArg === undefined) workerArg = arg;
      // A worker's word is a month they meant: its parse error says what was not understood.
      else if (!staffView && monthArg === undefined) monthArg = arg;
      else throw new UserError('work.usage.invoice');
    }
    const page = pageArg(pageText, 'work.bad_page');
    const month =
      monthArg === undefined
        ? businessMonth(ctx.services.clock(), ctx.services.config.businessTimeZone)
        : parseBusinessMonth(monthArg);
    let items = await ctx.services.domain.invoices.listItems(actor, { month });
    const label = monthText(ctx.locale, month);
    if (workerArg !== undefined) {
      const picked = await pickWorker(ctx, workerArg, items, month, label);
      if ('reply' in picked) return picked.reply;
      items = items.filter((i) => i.workerId === picked.workerId);
    }
    if (items.length === 0) return { blocks: [text(t('work.invoice.empty', { month: label }))] };

    const people = staffView
      ? await namesOf(
          ctx,
          items.map((i) => i.workerId),
        )
      : new Map();
    const shown = items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
    const list: ListBlock = {
      type: 'list',
      title: t('work.invoice.title', { month: label, count: items.length }),
      items: [],
    };
    for (const i of shown) {
      const lines = [
        t('work.invoice.line', {
          amount: yen(ctx, i.amountYen),
          status: t(`money.invoice.status.${i.status}`),
        }),
      ];
      if (staffView) lines.push(t('work.field.worker_line', { worker: personText(people, i.workerId) }));
      if (i.disputeComment) lines.push(t('work.invoice.comment', { comment: i.disputeComment }));
      list.items.push({
        title: `#${i.id} ${i.description}`,
        description: lines.join('\n'),
        ...(i.status === 'pending' && i.workerId === actor.userId
          ? { button: await ctx.button(t('work.button.confirm'), `confirm ${i.id}`, 'primary') }
          : {}),
      });
    }
    const sum = (status?: string) =>
      items.filter((i) => status === undefined || i.status === status).reduce((s, i) => s + i.amountYen, 0);
    const notes = [
      t('work.invoice.total', { total: yen(ctx, sum()), confirmed: yen(ctx, sum('confirmed')) }),
    ];
    if (items.some((i) => i.status === 'pending' && i.workerId === actor.userId))
      notes.push(t('work.invoice.dispute_hint'));
    return {
      blocks: [
        list,
        text(notes.join('\n')),
        ...(await pageNav(ctx, {
          page,
          total: items.length,
          commandFor: (p) => `invoice ${workerArg ?? ''} ${month} ${p}`.replace('  ', ' '),
          portal: 'work',
        })),
      ],
    };
  },
};

/** Written like a month (`2026-11`, `2026/11`, `2026年11月`): read as one, so a wrong one is explained. */
const isMonth = (arg: string) => /^\d{4}\s*[-/.年]\s*\d{1,2}\s*月?(分)?$/u.test(arg);

/**
 * The worker a staff member names: `#12` by number, else by part of the name among the workers
 * with items this month. Several matches are offered as buttons; none is said plainly.
 */
async function pickWorker(
  ctx: CommandContext,
  spec: string,
  items: readonly { workerId: number }[],
  month: string,
  label: string,
): Promise<{ workerId: number } | { reply: Reply }> {
  const { t } = ctx;
  const byId = /^(?:#|no\.?)(\d{1,9})$/i.exec(spec);
  if (byId) return { workerId: Number(byId[1]) };
  const people = await namesOf(
    ctx,
    items.map((i) => i.workerId),
  );
  const needle = spec.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  const matches = [...people].filter(([, name]) =>
    name.normalize('NFKC').toLowerCase().replace(/\s+/g, '').includes(needle),
  );
  if (matches.length === 1) return { workerId: matches[0]?.[0] ?? 0 };
  if (matches.length === 0)
    return { reply: { blocks: [text(t('work.invoice.no_worker', { name: spec, month: label }))] } };
  return {
    reply: {
      blocks: [
        text(t('work.invoice.which_worker', { name: spec })),
        {
          type: 'buttons',
          buttons: await Promise.all(
            matches
              .slice(0, 10)
              .map(([id, name]) => ctx.button(`${name} (#${id})`, `invoice #${id} ${month}`)),
          ),
        },
      ],
    },
  };
}

/** 確認: the worker agrees with an item's amount. */
const confirm: Command = {
  name: 'confirm',
  aliases: { ja: ['確認', '請求確認'], en: ['confirm'] },
  summary: 'cmd.confirm.summary',
  roles: ['worker'],
  async run(ctx) {
    const { t } = ctx;
    const item = await ctx.services.domain.invoices.confirm(ctx.actor, idArg(ctx, 0, 'work.usage.confirm'));
    return {
      blocks: [
        text(t('work.confirm.done', { id: item.id, amount: yen(ctx, item.amountYen) })),
        {
          type: 'buttons',
          buttons: [await ctx.button(t('work.button.invoice'), `invoice ${item.month}`)],
        },
      ],
    };
  },
};

/** 異議: the worker disputes an item's amount with a comment; staff correct it. */
const dispute: Command = {
  name: 'dispute',
  aliases: { ja: ['異議', '金額相違'], en: ['dispute'] },
  summary: 'cmd.dispute.summary',
  roles: ['worker'],
  async run(ctx) {
    const id = idArg(ctx, 0, 'work.usage.dispute');
    const comment = freeText(ctx, 1);
    if (comment === '') throw new UserError('work.usage.dispute');
    const item = await ctx.services.domain.invoices.dispute(ctx.actor, id, comment);
    return { blocks: [text(ctx.t('work.dispute.done', { id: item.id }))] };
  },
};

async function statementList(ctx: CommandContext, page: number): Promise<Block[]> {
  const { t, actor } = ctx;
  const all = await ctx.services.domain.statements.list(actor);
  if (all.length === 0) return [text(t('work.statement.empty'))];
  const shown = all.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const staffView = isStaff(actor);
  const people = staffView
    ? await namesOf(
        ctx,
        shown.map((s) => s.workerId),
      )
    : new Map();
  const list: ListBlock = {
    type: 'list',
    title: t('work.statement.list_title', { count: all.length }),
    items: [],
  };
  for (const s of shown) {
    list.items.push({
      title: t('work.statement.item_title', { id: s.id, month: monthText(ctx.locale, s.month) }),
      description: [
        t('work.statement.item_line', {
          total: yen(ctx, s.totalYen),
          payDate: businessDateText(ctx, s.payDate),
        }),
        ...(staffView ? [t('work.field.worker_line', { worker: personText(people, s.workerId) })] : []),
      ].join('\n'),
      button: await ctx.button(t('work.button.open'), `statement ${s.id}`),
    });
  }
  return [
    list,
    ...(await pageNav(ctx, {
      page,
      total: all.length,
      commandFor: (p) => `statement page ${p}`,
      portal: 'work',
    })),
  ];
}

/** 支払明細書: my statements, or one with its items and pay date (`statement page 2` pages on). */
const statement: Command = {
  name: 'statement',
  aliases: { ja: ['支払明細書', '支払明細'], en: ['statement', 'statements', 'payslip'] },
  summary: 'cmd.statement.summary',
  roles: ['worker', 'staff', 'admin'],
  async run(ctx) {
    const { t, actor } = ctx;
    const first = ctx.args[0]?.toLowerCase();
    if (first === undefined) return { blocks: await statementList(ctx, 1) };
    if (first === 'page' || first === 'ページ')
      return { blocks: await statementList(ctx, pageArg(ctx.args[1], 'work.bad_page')) };
    const { statement: s, items } = await ctx.services.domain.statements.get(
      actor,
      idArg(ctx, 0, 'work.usage.statement'),
    );
    const fields = [
      { label: t('work.field.month'), value: monthText(ctx.locale, s.month) },
      { label: t('work.field.total'), value: yen(ctx, s.totalYen) },
      { label: t('work.field.pay_date'), value: businessDateText(ctx, s.payDate) },
      { label: t('work.field.issued_on'), value: dateText(ctx, s.createdAt) },
    ];
    if (s.workerId !== actor.userId) {
      const people = await namesOf(ctx, [s.workerId]);
      fields.push({ label: t('work.field.worker'), value: personText(people, s.workerId) });
    }
    const blocks: Block[] = [
      {
        type: 'card',
        title: t('work.statement.title', { id: s.id, month: monthText(ctx.locale, s.month) }),
        fields,
      },
      {
        type: 'list',
        title: t('work.statement.items', { count: items.length }),
        items: items.map((i) => ({ title: `#${i.id} ${i.description}`, description: yen(ctx, i.amountYen) })),
      },
    ];
    if (s.workerId === actor.userId && !(await ctx.services.domain.bankAccounts.get(actor)))
      blocks.push(text(t('work.statement.no_bank')));
    return { blocks };
  },
};

export function accountCard(ctx: CommandContext, a: MaskedBankAccount): CardBlock {
  const { t } = ctx;
  return {
    type: 'card',
    title: t('work.bank.title'),
    fields: [
      { label: t('work.field.bank'), value: `${a.bankName} (${a.bankCode})` },
      { label: t('work.field.branch'), value: `${a.branchName} (${a.branchCode})` },
      { label: t('work.field.account_type'), value: t(`money.bank.type.${a.accountType}`) },
      { label: t('work.field.account_number'), value: a.accountNumberMasked },
      { label: t('work.field.holder'), value: a.holderName },
    ],
  };
}

/**
 * 口座: shows the registered account masked, with a button to register or change it (the guided
 * flow, `口座登録`). The one-line form (bank, bank code, branch, branch code, type, number, holder)
 * still registers directly. The reply never repeats the number unmasked.
 */
const bank: Command = {
  name: 'bank',
  aliases: { ja: ['口座', '振込先', '口座情報'], en: ['bank', 'bank-account'] },
  summary: 'cmd.bank.summary',
  roles: ['worker', 'client'],
  async run(ctx) {
    const { t, args, actor } = ctx;
    const accounts = ctx.services.domain.bankAccounts;
    if (args.length === 0) {
      const current = await accounts.get(actor);
      if (!current) {
        const start = await ctx.button(t('work.button.register_bank'), 'bank-register', 'primary');
        return {
          blocks: [
            {
              type: 'card',
              title: t('work.bank.none'),
              body: t('work.bank.how'),
              fields: [],
              buttons: [start],
            },
          ],
        };
      }
      const card = accountCard(ctx, current);
      card.buttons = [await ctx.button(t('work.button.change_bank'), 'bank-register')];
      return { blocks: [card] };
    }
    if (args.length < 7) throw new UserError('work.usage.bank');
    const [bankName, bankCode, branchName, branchCode, accountType, accountNumber] = args as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const saved = await accounts.register(actor, {
      bankName,
      bankCode,
      branchName,
      branchCode,
      accountType,
      accountNumber,
      holderName: freeText(ctx, 6),
    });
    const blocks: Block[] = [text(t('work.bank.registered')), accountCard(ctx, saved)];
    // The codes decide; a typed name that means another bank or branch is pointed out, not ignored.
    const typedOther =
      !nameFitsBank(bankName, saved.bankCode) ||
      !nameFitsBranch(branchName, saved.bankCode, saved.branchCode);
    if (typedOther)
      blocks.push(
        text(
          t('work.bank.name_differs', {
            typed: `${bankName} ${branchName}`,
            found: `${saved.bankName} ${saved.branchName}`,
          }),
        ),
      );
    return { blocks };
  },
};

/** 口座登録 / 口座変更: the guided flow, one question at a time (a form on Slack and Discord). */
const bankRegister: Command = {
  name: 'bank-register',
  aliases: { ja: ['口座登録', '口座変更', '振込先登録'], en: ['register-bank', 'change-bank'] },
  summary: 'cmd.bank_register.summary',
  roles: ['worker', 'client'],
  async run(ctx) {
    return ctx.startFlow('bank');
  },
};

export const moneyCommands: readonly Command[] = [invoice, confirm, dispute, statement, bank, bankRegister];
