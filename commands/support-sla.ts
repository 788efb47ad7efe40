/**
 * The desk managers' commands (docs/domain.md §2.8, §2.10): SLA targets per category (SLA設定),
 * round-robin per category (自動割当), and going on and off duty (勤務開始 / 勤務終了).
 */
import type { Command, CommandContext } from '../src/chat/command.ts';
import { type Block, text } from '../src/chat/types.ts';
import type { SlaTarget } from '../src/domain/support/sla.ts';
import { UserError } from '../src/errors.ts';
import { formatDayTime, formatMinutes } from '../src/i18n/format.ts';
import { findCategory, nameOf } from './inquiry-labels.ts';
import { formatDateTime, timeOfDay } from './kit/format.ts';
import { STAFF } from './roles.ts';

const TARGET_WORDS: Record<string, SlaTarget> = {
  初回: 'first_response',
  初回返信: 'first_response',
  初回応答: 'first_response',
  返信: 'first_response',
  first: 'first_response',
  'first-response': 'first_response',
  first_response: 'first_response',
  response: 'first_response',
  解決: 'resolution',
  完了: 'resolution',
  resolution: 'resolution',
  resolve: 'resolution',
};
const NONE_WORDS = new Set(['なし', '無し', 'none', 'off', '-']);
const ON_WORDS = new Set(['on', 'オン', '有効', 'する', 'yes']);
const OFF_WORDS = new Set(['off', 'オフ', '無効', 'しない', 'no']);

/**
 * A length of business time as staff type it (NFKC already): `90`, `90分`, `90m`, `2時間`, `1.5h`,
 * `1時間30分`, `1h30m`; `なし` / `none` is null. Anything else is refused with `sla.bad_duration`.
 */
export function parseMinutes(value: string): number | null {
  const s = value.toLowerCase().replace(/\s+/g, '');
  if (NONE_WORDS.has(s)) return null;
  const m =
    /^(?:(\d+(?:\.\d+)?)(?:時間|h|hr|hrs|hours?))?(?:(\d+(?:\.\d+)?)(?:分|m|min|mins|minutes?)?)?$/u.exec(s);
  if (!m || s === '' || (m[1] !== undefined && m[2] !== undefined && /\./.test(m[2]))) {
    throw new UserError('sla.bad_duration', { value });
  }
  return Math.round(Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0));
}

async function categoryArg(ctx: CommandContext, arg: string | undefined) {
  const categories = await ctx.services.domain.supportDirectory.categories(ctx.actor);
  const category = arg === undefined ? undefined : findCategory(categories, arg);
  if (!category) throw new UserError('support.category_not_found');
  return category;
}

const minutesText = (ctx: CommandContext, minutes: number | null) =>
  minutes === null ? ctx.t('sla.none') : formatMinutes(minutes, ctx.locale);

/** SLA設定 (staff): the targets of every category, or `sla <category> <first|resolution> <time|none>`. */
export const slaSettings: Command = {
  name: 'sla',
  aliases: { ja: ['SLA設定', '対応目標'], en: ['sla', 'sla-settings'] },
  summary: 'cmd.sla.summary',
  roles: STAFF,
  async run(ctx) {
    const { t, args, locale } = ctx;
    if (args.length === 0) {
      const categories = await ctx.services.domain.supportDirectory.categories(ctx.actor);
      return {
        blocks: [
          {
            type: 'list',
            title: t('sla.title'),
            items: categories.map((c, i) => ({
              title: `${i + 1}. ${nameOf(c, locale)} (${c.code})`,
              description: t('sla.row', {
                first: minutesText(ctx, c.slaFirstResponseMinutes),
                resolution: minutesText(ctx, c.slaResolutionMinutes),
                roundRobin: t(c.roundRobin ? 'sla.on' : 'sla.off'),
              }),
            })),
          },
          text(t('sla.how_to')),
        ],
      };
    }
    const target = TARGET_WORDS[(args[1] ?? '').toLowerCase()];
    if (args.length < 3 || !target) throw new UserError('sla.usage');
    const category = await categoryArg(ctx, args[0]);
    const minutes = parseMinutes(args.slice(2).join(''));
    await ctx.services.domain.deskSla.setTarget(ctx.actor, category.id, target, minutes);
    const params = { category: nameOf(category, locale), target: t(`sla.target.${target}`) };
    return {
      blocks: [
        text(
          minutes === null
            ? t('sla.target_cleared', params)
            : t('sla.target_set', { ...params, value: formatMinutes(minutes, locale) }),
        ),
        { type: 'buttons', buttons: [await ctx.button(t('sla.title'), 'sla')] },
      ],
    };
  },
};

/** 自動割当 (staff): which categories assign in turn and who is on duty; `round-robin <category> on|off`. */
export const roundRobin: Command = {
  name: 'round-robin',
  aliases: { ja: ['自動割当', '自動割り当て'], en: ['round-robin'] },
  summary: 'cmd.round-robin.summary',
  roles: STAFF,
  async run(ctx) {
    const { t, args, locale } = ctx;
    const desk = ctx.services.domain.deskSla;
    if (args.length === 0) {
      const categories = await ctx.services.domain.supportDirectory.categories(ctx.actor);
      const on = categories.filter((c) => c.roundRobin).map((c) => nameOf(c, locale));
      const tz = desk.settings.calendar.timeZone;
      const people = (await desk.onDuty(ctx.actor)).map((d) =>
        t('sla.duty.person', { name: d.displayName, since: timeOfDay(d.since, tz) }),
      );
      const none = t('sla.round_robin.nobody');
      const blocks: Block[] = [
        {
          type: 'card',
          title: t('sla.round_robin.title'),
          fields: [],
          body: [
            t('sla.round_robin.categories', {
              categories: on.length > 0 ? on.join(t('sla.list.separator')) : t('sla.none'),
            }),
            t('sla.round_robin.on_duty', {
              people: people.length > 0 ? people.join(t('sla.list.separator')) : none,
            }),
          ].join('\n'),
        },
        text(t('sla.usage.round_robin')),
      ];
      return { blocks };
    }
    const word = (args[1] ?? '').toLowerCase();
    const on = ON_WORDS.has(word) ? true : OFF_WORDS.has(word) ? false : null;
    if (args.length !== 2 || on === null) throw new UserError('sla.usage.round_robin');
    const category = await categoryArg(ctx, args[0]);
    await desk.setRoundRobin(ctx.actor, category.id, on);
    const name = nameOf(category, locale);
    return {
      blocks: [text(t(on ? 'sla.round_robin.set_on' : 'sla.round_robin.set_off', { category: name }))],
    };
  },
};

/** 勤務開始 (staff): on duty, so round-robin categories assign inquiries to them in turn. */
export const onDuty: Command = {
  name: 'on-duty',
  aliases: { ja: ['勤務開始'], en: ['on-duty'] },
  summary: 'cmd.on-duty.summary',
  roles: STAFF,
  async run(ctx) {
    const { t, locale } = ctx;
    const desk = ctx.services.domain.deskSla;
    const tz = desk.settings.calendar.timeZone;
    const { started, since } = await desk.startDuty(ctx.actor);
    if (!started)
      return { blocks: [text(t('sla.duty.already', { since: formatDateTime(since, locale, tz) }))] };
    const now = desk.now();
    return {
      blocks: [
        text(
          now.openNow
            ? t('sla.duty.started', { since: timeOfDay(since, tz) })
            : t('sla.duty.started_closed', { next: formatDayTime(now.nextOpening, locale, tz) }),
        ),
      ],
    };
  },
};

/** 勤務終了 (staff): off duty; no more inquiries assigned to them in turn. */
export const offDuty: Command = {
  name: 'off-duty',
  aliases: { ja: ['勤務終了'], en: ['off-duty'] },
  summary: 'cmd.off-duty.summary',
  roles: STAFF,
  async run(ctx) {
    const ended = await ctx.services.domain.deskSla.endDuty(ctx.actor);
    return { blocks: [text(ctx.t(ended ? 'sla.duty.ended' : 'sla.duty.not_on'))] };
  },
};
