/**
 * The desk around an inquiry: 基本情報 (sales rep, support members, call-centre hours), the
 * categories, the company's stores, and the staff's setup of a customer company.
 */
import { parseId } from '../src/chat/args.ts';
import type { Command, CommandContext } from '../src/chat/command.ts';
import { type Block, type CardBlock, type QuickReply, text } from '../src/chat/types.ts';
import { isStaff } from '../src/domain/actor.ts';
import type { SupportInfo } from '../src/domain/support/directory.ts';
import type { CompanyStaffRole } from '../src/domain/support/records.ts';
import { UserError } from '../src/errors.ts';
import { entries, readDoc } from './documents.ts';
import { nameOf, storeOf } from './inquiry-labels.ts';
import { deskHoursLines } from './kit/desk-hours.ts';
import { formatCount } from './kit/format.ts';
import { pageNav } from './kit/pages.ts';
import { pickPerson } from './people.ts';
import { DESK_ROLES, STAFF } from './roles.ts';

const STORES_PAGE_SIZE = 10;

function infoCard(ctx: CommandContext, info: SupportInfo): CardBlock {
  const { t } = ctx;
  const names = (people: { displayName: string }[]) =>
    people.length === 0
      ? t('support.info.unassigned')
      : people.map((p) => p.displayName).join(t('common.separator'));
  return {
    type: 'card',
    title: t('support.info.title', { company: info.company.name }),
    fields: [
      { label: t('support.staff_role.sales_rep'), value: names(info.salesReps) },
      { label: t('support.staff_role.support'), value: names(info.supportMembers) },
    ],
    // The urgent numbers and hours from the desk's own settings (docs/domain.md §2.7).
    body: deskHoursLines(ctx, ctx.services.domain.deskSla.now()).join('\n'),
  };
}

/** 基本情報: who looks after the company, and when the call centre answers. */
export const supportInfo: Command = {
  name: 'support',
  aliases: { ja: ['基本情報', 'サポート情報'], en: ['support', 'support-info'] },
  summary: 'cmd.support.summary',
  roles: DESK_ROLES,
  async run(ctx) {
    const staff = isStaff(ctx.actor);
    if (staff && ctx.args[0] === undefined) throw new UserError('support.usage.support');
    const companyId = ctx.args[0] === undefined ? undefined : parseId(ctx.args[0]);
    const info = await ctx.services.domain.supportDirectory.supportInfo(ctx.actor, companyId);
    const quickReplies: QuickReply[] = staff
      ? [await ctx.quickReply(ctx.t('support.button.inquiries'), `inquiries company:#${info.company.id}`)]
      : [
          await ctx.quickReply(ctx.t('support.button.categories'), 'categories'),
          await ctx.quickReply(ctx.t('support.button.stores'), 'stores'),
          await ctx.quickReply(ctx.t('support.button.inquiries'), 'inquiries'),
        ];
    // The call centre's numbers and hours, and notes by category, as the operator configures them.
    const notes = await readDoc(ctx, 'support').then(
      (md) => entries(md),
      () => null,
    );
    const blocks: Block[] = [infoCard(ctx, info)];
    if (notes && notes.items.length > 0)
      blocks.push({
        type: 'list',
        items: notes.items.map((e) => ({ title: e.title, description: e.body })),
      });
    return { blocks, quickReplies };
  },
};

/** カテゴリ: what an inquiry can be about, numbered as 問い合わせ takes them. */
export const categories: Command = {
  name: 'categories',
  aliases: { ja: ['カテゴリ', 'カテゴリー'], en: ['categories'] },
  summary: 'cmd.categories.summary',
  roles: DESK_ROLES,
  async run(ctx) {
    const { t, locale } = ctx;
    const list = await ctx.services.domain.supportDirectory.categories(ctx.actor);
    const blocks: Block[] = [
      {
        type: 'list',
        title: t('support.categories.title'),
        items: list.map((c, i) => ({
          title: `${i + 1}. ${nameOf(c, locale)} (${c.code})`,
          description: [
            ...c.subtopics.map((s, j) => `${j + 1}) ${nameOf(s, locale)}`),
            ...(c.needsStore ? [] : [t('support.categories.no_store_needed')]),
          ].join('\n'),
        })),
      },
    ];
    if (!isStaff(ctx.actor)) blocks.push(text(t('support.categories.how_to')));
    return { blocks };
  },
};

/** 店舗: the company's stores by region, prefecture or free word (staff name the company first). */
export const stores: Command = {
  name: 'stores',
  aliases: { ja: ['店舗', '店舗検索'], en: ['stores', 'store-search'] },
  summary: 'cmd.stores.summary',
  roles: DESK_ROLES,
  async run(ctx) {
    const { t, args } = ctx;
    const directory = ctx.services.domain.supportDirectory;
    const staff = isStaff(ctx.actor);
    if (staff && args[0] === undefined) throw new UserError('support.usage.stores');
    const companyId = staff ? parseId(args[0]) : undefined;
    let page = 1;
    const words: string[] = [];
    for (const arg of args.slice(staff ? 1 : 0)) {
      const m = /^(?:page|ページ):(\d{1,4})$/i.exec(arg);
      if (m && Number(m[1]) >= 1) page = Number(m[1]);
      else words.push(arg);
    }
    const word = words.join(' ');
    const regions = await directory.storeRegions(ctx.actor, companyId);
    const prefix = staff ? `stores ${companyId}` : 'stores';
    // A region's name narrows to that region, a prefecture (東京 or 東京都, 京都 is 京都府) to that
    // prefecture; any other word (a city, part of the name) must appear in the name, prefecture or
    // region. `店舗 東京 渋谷` takes both.
    const found = await directory.lookupStores(
      ctx.actor,
      word,
      companyId === undefined ? {} : { companyId },
      { offset: (page - 1) * STORES_PAGE_SIZE, limit: STORES_PAGE_SIZE },
    );
    const quickReplies = await Promise.all(
      regions.slice(0, 12).map((r) => ctx.quickReply(`${r.region} (${r.stores})`, `${prefix} ${r.region}`)),
    );
    if (found.total === 0) {
      return {
        blocks: [text(t(word === '' ? 'support.stores.none' : 'support.stores.no_match', { word }))],
        quickReplies,
      };
    }
    const blocks: Block[] = [
      {
        type: 'list',
        title: t('support.stores.title', { count: formatCount(found.total) }),
        items: found.items.map((s) => ({ title: storeOf(s, t), description: s.region })),
      },
    ];
    if (!staff) blocks.push(text(t('support.stores.how_to')));
    const commandFor = (p: number) => [prefix, ...words, `page:${p}`].join(' ');
    blocks.push(
      ...(await pageNav(ctx, {
        page,
        total: found.total,
        commandFor,
        portal: 'support',
        size: STORES_PAGE_SIZE,
      })),
    );
    return { blocks, quickReplies };
  },
};

/** 店舗登録 (staff): `store-add <companyId> <name> <prefecture>`; the name may contain spaces. */
export const storeAdd: Command = {
  name: 'store-add',
  aliases: { ja: ['店舗登録'], en: ['store-add'] },
  summary: 'cmd.store-add.summary',
  roles: STAFF,
  async run(ctx) {
    const { args, t } = ctx;
    if (args.length < 3) throw new UserError('support.usage.store-add');
    const companyId = parseId(args[0]);
    const prefecture = args[args.length - 1] ?? '';
    const name = args.slice(1, -1).join(' ');
    const store = await ctx.services.domain.supportSetup.createStore(ctx.actor, {
      companyId,
      name,
      prefecture,
    });
    return {
      blocks: [
        text(
          t('support.store_added', { store: storeOf(store, t), region: store.region, company: companyId }),
        ),
        {
          type: 'buttons',
          buttons: [await ctx.button(t('support.button.stores'), `stores ${companyId}`)],
        },
      ],
    };
  },
};

const ROLE_WORDS: Record<string, CompanyStaffRole> = {
  sales_rep: 'sales_rep',
  'sales-rep': 'sales_rep',
  sales: 'sales_rep',
  担当営業: 'sales_rep',
  営業: 'sales_rep',
  support: 'support',
  サポート: 'support',
  サポート担当: 'support',
};

/** `<company> <staff member: number or part of the name> <role>`, or the reply asking which member. */
async function assignment(
  ctx: CommandContext,
  command: 'assign' | 'unassign',
  usage: 'support.usage.assign' | 'support.usage.unassign',
) {
  const [company, , roleWord] = ctx.args;
  const role = ROLE_WORDS[(roleWord ?? '').toLowerCase()];
  if (ctx.args.length !== 3 || !role) throw new UserError(usage);
  const companyId = parseId(company);
  const picked = await pickPerson(ctx, { command, argIndex: 1, roles: ['staff', 'admin'] });
  return 'reply' in picked ? picked : { companyId, userId: picked.userId, role };
}

/** 担当設定 (staff): makes a staff member the company's sales rep or one of its support members. */
export const assign: Command = {
  name: 'assign',
  aliases: { ja: ['担当設定'], en: ['assign'] },
  summary: 'cmd.assign.summary',
  roles: STAFF,
  async run(ctx) {
    const input = await assignment(ctx, 'assign', 'support.usage.assign');
    if ('reply' in input) return input.reply;
    await ctx.services.domain.supportSetup.assignStaff(ctx.actor, input);
    const info = await ctx.services.domain.supportDirectory.supportInfo(ctx.actor, input.companyId);
    const role = ctx.t(`support.staff_role.${input.role}`);
    return { blocks: [text(ctx.t('support.assigned', { user: input.userId, role })), infoCard(ctx, info)] };
  },
};

/** 担当解除 (staff): ends an assignment. */
export const unassign: Command = {
  name: 'unassign',
  aliases: { ja: ['担当解除'], en: ['unassign'] },
  summary: 'cmd.unassign.summary',
  roles: STAFF,
  async run(ctx) {
    const input = await assignment(ctx, 'unassign', 'support.usage.unassign');
    if ('reply' in input) return input.reply;
    const removed = await ctx.services.domain.supportSetup.unassignStaff(ctx.actor, input);
    const role = ctx.t(`support.staff_role.${input.role}`);
    if (!removed) return { blocks: [text(ctx.t('support.not_assigned', { user: input.userId, role }))] };
    const info = await ctx.services.domain.supportDirectory.supportInfo(ctx.actor, input.companyId);
    return { blocks: [text(ctx.t('support.unassigned', { user: input.userId, role })), infoCard(ctx, info)] };
  },
};
