/**
 * Job alert preferences (通知設定, docs/domain.md §6.3) and notices (お知らせ, docs/domain.md §1.10): what a worker
 * wants to hear about and when, and the announcements addressed to them with read marks.
 */

import { parseYen } from '../src/chat/args.ts';
import type { Command, CommandContext } from '../src/chat/command.ts';
import { type Block, type Button, type CardBlock, text } from '../src/chat/types.ts';
import type { Platform } from '../src/domain/platforms.ts';
import type { AlertPreferences, AlertPreferencesUpdate } from '../src/domain/work/alerts.ts';
import { type NoticeTab, tabOfKind } from '../src/domain/work/notices.ts';
import { UserError } from '../src/errors.ts';
import { idArg, isClearWord, pageArg, switchWord } from './kit/args.ts';
import { dateText, joined, yen } from './kit/format.ts';
import { PAGE_SIZE, pageNav } from './kit/pages.ts';

type Setting = 'skills' | 'prefectures' | 'min' | 'quiet' | 'pause' | 'resume' | 'remote' | 'platform';

/** Subcommand words in either language → the setting they change. */
const SETTINGS: Record<string, Setting> = {
  skills: 'skills',
  skill: 'skills',
  スキル: 'skills',
  prefectures: 'prefectures',
  prefecture: 'prefectures',
  pref: 'prefectures',
  都道府県: 'prefectures',
  地域: 'prefectures',
  min: 'min',
  'min-reward': 'min',
  最低報酬: 'min',
  最低金額: 'min',
  quiet: 'quiet',
  通知停止時間: 'quiet',
  停止時間: 'quiet',
  pause: 'pause',
  停止: 'pause',
  一時停止: 'pause',
  resume: 'resume',
  再開: 'resume',
  remote: 'remote',
  在宅: 'remote',
  リモート: 'remote',
  platform: 'platform',
  通知先: 'platform',
};

/** `Excel,Word` / `Excel、Word` / `Excel Word`; `off` clears the list. */
function listValue(values: string[]): string[] {
  if (values.length === 1 && isClearWord(values[0])) return [];
  return values
    .join(',')
    .split(/[,、]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The change a subcommand asks for (pause and resume have their own service calls). */
function updateFor(setting: Setting, values: string[]): AlertPreferencesUpdate {
  const first = (values[0] ?? '').toLowerCase();
  switch (setting) {
    case 'skills':
      return { skills: listValue(values) };
    case 'prefectures':
      return { prefectures: listValue(values) };
    case 'min':
      if (values.length !== 1) throw new UserError('work.usage.alerts');
      return { minRewardYen: parseYen(values[0]) };
    case 'quiet': {
      if (values.length === 1 && isClearWord(first)) return { quietStart: null, quietEnd: null };
      // `22:00 07:00` or `22:00-07:00` / `22:00〜07:00`.
      const times = values.length === 1 ? (values[0] ?? '').split(/[-~〜]/) : values;
      const [from, to] = times;
      if (times.length !== 2 || !from || !to) throw new UserError('work.usage.alerts');
      return { quietStart: from, quietEnd: to };
    }
    case 'remote': {
      const remoteOk = switchWord(first);
      if (remoteOk === undefined) throw new UserError('work.usage.alerts');
      return { remoteOk };
    }
    case 'platform':
      if (values.length !== 1) throw new UserError('work.usage.alerts');
      return { preferredPlatform: isClearWord(first) || first === 'auto' ? null : (first as Platform) };
    default:
      throw new UserError('work.usage.alerts');
  }
}

async function preferencesCard(ctx: CommandContext, p: AlertPreferences): Promise<CardBlock> {
  const { t } = ctx;
  return {
    type: 'card',
    title: t('work.alerts.title'),
    fields: [
      { label: t('work.field.status'), value: t(p.paused ? 'work.alerts.paused' : 'work.alerts.active') },
      {
        label: t('work.field.skills'),
        value: p.skills.length ? joined(ctx, p.skills) : t('work.alerts.any'),
      },
      {
        label: t('work.field.prefectures'),
        value: p.prefectures.length ? joined(ctx, p.prefectures) : t('work.alerts.any'),
      },
      { label: t('work.field.remote'), value: t(p.remoteOk ? 'work.yes' : 'work.no') },
      {
        label: t('work.field.min_reward'),
        value: p.minRewardYen > 0 ? yen(ctx, p.minRewardYen) : t('work.alerts.any'),
      },
      {
        label: t('work.field.quiet'),
        value: p.quietStart && p.quietEnd ? `${p.quietStart}–${p.quietEnd}` : t('work.alerts.no_quiet'),
      },
      {
        label: t('work.field.platform'),
        value: p.preferredPlatform
          ? t(`money.platform.${p.preferredPlatform}`)
          : t('work.alerts.platform_auto'),
      },
    ],
    buttons: [
      p.paused
        ? await ctx.button(t('work.button.resume_alerts'), 'alerts resume', 'primary')
        : await ctx.button(t('work.button.pause_alerts'), 'alerts pause'),
      await ctx.button(
        t(p.remoteOk ? 'work.button.remote_off' : 'work.button.remote_on'),
        `alerts remote ${p.remoteOk ? 'off' : 'on'}`,
      ),
    ],
  };
}

/** 通知設定: shows the job alert preferences, or changes one of them. */
const alerts: Command = {
  name: 'alerts',
  aliases: { ja: ['通知設定', 'ジョブアラート'], en: ['alerts', 'alert-settings'] },
  summary: 'cmd.alerts.summary',
  roles: ['worker'],
  async run(ctx) {
    const { t, actor, args } = ctx;
    const service = ctx.services.domain.alerts;
    if (args.length === 0) {
      return { blocks: [await preferencesCard(ctx, await service.get(actor)), text(t('work.alerts.help'))] };
    }
    const setting = SETTINGS[(args[0] ?? '').toLowerCase()];
    if (!setting) throw new UserError('work.usage.alerts');
    const values = args.slice(1);
    let saved: AlertPreferences;
    if (setting === 'pause' || setting === 'resume') {
      if (values.length > 0) throw new UserError('work.usage.alerts');
      saved = setting === 'pause' ? await service.pause(actor) : await service.resume(actor);
    } else {
      if (values.length === 0 && setting !== 'skills' && setting !== 'prefectures')
        throw new UserError('work.usage.alerts');
      saved = await service.update(actor, updateFor(setting, values));
    }
    const done =
      setting === 'pause'
        ? 'work.alerts.paused_done'
        : setting === 'resume'
          ? 'work.alerts.resumed_done'
          : 'work.alerts.saved';
    return { blocks: [text(t(done)), await preferencesCard(ctx, saved)] };
  },
};

/** What people type for each tab of お知らせ. */
const TAB_WORDS: Record<string, NoticeTab> = {
  ご案内: 'info',
  案内: 'info',
  info: 'info',
  guide: 'info',
  システム関連: 'system',
  システム: 'system',
  メンテナンス: 'system',
  system: 'system',
  maintenance: 'system',
};

/**
 * お知らせ [ご案内|システム関連] [page]: notices addressed to me in the portal's two tabs, newest
 * first, unread ones marked; each tab's button says how many are unread.
 */
const notices: Command = {
  name: 'notices',
  aliases: { ja: ['お知らせ', 'お知らせ一覧'], en: ['notices', 'news'] },
  summary: 'cmd.notices.summary',
  roles: ['worker', 'client', 'staff', 'customer', 'admin'],
  async run(ctx) {
    const { t, actor } = ctx;
    const chosen = ctx.args[0] === undefined ? undefined : TAB_WORDS[ctx.args[0].toLowerCase()];
    const tab: NoticeTab = chosen ?? 'info';
    const page = pageArg(ctx.args[chosen ? 1 : 0], 'work.bad_page');
    const service = ctx.services.domain.notices;
    const counts = await service.tabCounts(actor);
    if (counts.info.total + counts.system.total === 0) return { blocks: [text(t('work.notices.empty'))] };
    const tabs: Button[] = [];
    for (const each of ['info', 'system'] as const) {
      const name = t(`work.notices.tab.${each}`);
      const unread = counts[each].unread;
      const caption = unread > 0 ? t('work.notices.tab_unread', { tab: name, unread }) : name;
      tabs.push(
        await ctx.button(
          each === tab ? `● ${caption}` : caption,
          `notices ${each}`,
          each === tab ? 'primary' : undefined,
        ),
      );
    }
    const { items, total } = await service.list(
      actor,
      { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE },
      tab,
    );
    const listed = [];
    for (const n of items) {
      listed.push({
        title: `${n.read ? '' : t('work.notices.unread_mark')}#${n.id} ${n.title}`,
        description: t('work.notices.line', {
          kind: t(`money.notice.kind.${n.kind}`),
          date: dateText(ctx, n.createdAt),
        }),
        button: await ctx.button(t('work.button.open'), `notice ${n.id}`),
      });
    }
    const title = t('work.notices.title', {
      tab: t(`work.notices.tab.${tab}`),
      count: total,
      unread: counts[tab].unread,
    });
    const blocks: Block[] = [
      { type: 'buttons', buttons: tabs },
      total === 0
        ? text(t('work.notices.tab_empty', { tab: t(`work.notices.tab.${tab}`) }))
        : { type: 'list', title, items: listed },
      ...(await pageNav(ctx, { page, total, commandFor: (p) => `notices ${tab} ${p}`, portal: 'work' })),
    ];
    return { blocks };
  },
};

/** お知らせ詳細: opens one notice and marks it read. */
const notice: Command = {
  name: 'notice',
  aliases: { ja: ['お知らせ詳細'], en: ['notice'] },
  summary: 'cmd.notice.summary',
  roles: ['worker', 'client', 'staff', 'customer', 'admin'],
  async run(ctx) {
    const { t } = ctx;
    const n = await ctx.services.domain.notices.open(ctx.actor, idArg(ctx, 0, 'work.usage.notice'));
    return {
      blocks: [
        {
          type: 'card',
          title: n.title,
          subtitle: `${t(`work.notices.tab.${tabOfKind(n.kind)}`)}・${t(`money.notice.kind.${n.kind}`)}`,
          ...(n.body ? { body: n.body } : {}),
          fields: [{ label: t('work.field.published_on'), value: dateText(ctx, n.createdAt) }],
          buttons: [await ctx.button(t('work.button.all_notices'), `notices ${tabOfKind(n.kind)}`)],
        },
      ],
    };
  },
};

export const settingsCommands: readonly Command[] = [alerts, notices, notice];
