/** プロフィール (DOMAIN.md §3.4–3.5): showing and editing a profile, skills and qualifications. */
import { parseId, parseYen } from '../src/chat/args.ts';
import type { Command, CommandContext } from '../src/chat/command.ts';
import { type Block, type CardBlock, type QuickReply, type Reply, text } from '../src/chat/types.ts';
import type { ProfilePatch, ProfileView, SkillInput } from '../src/domain/market/profiles.ts';
import {
  PROFILE_STATUSES,
  type ProfileStatus,
  WEEKLY_HOURS,
  type WeeklyHours,
} from '../src/domain/market/records.ts';
import { UserError } from '../src/errors.ts';
import { formatDate, formatYen } from '../src/i18n/format.ts';
import { freeText, isWord, MEMBERS, PARTICIPANTS, person, skillLabel } from './market-shared.ts';
import { pickPerson } from './people.ts';

const SET_WORDS = ['set', '設定', '変更'];
const CLEAR_WORDS = ['none', 'clear', 'なし', '-'];
const STATUS_WORDS: Record<ProfileStatus, readonly string[]> = {
  available: ['available', '対応可能'],
  depends: ['depends', '仕事内容による'],
  busy: ['busy', '現在忙しい', '忙しい'],
};
const FIELD_WORDS = {
  status: ['status', 'ステータス', '状態'],
  nickname: ['nickname', 'ニックネーム'],
  intro: ['intro', 'introduction', '紹介', '自己紹介', '紹介文'],
  hours: ['hours', '稼働時間'],
  rate: ['rate', '時給'],
  pref: ['pref', 'prefecture', '都道府県'],
  city: ['city', '市区町村'],
  hobbies: ['hobbies', '趣味'],
} as const;
type Field = keyof typeof FIELD_WORDS;

/** `busy`, `現在忙しい`, … → the status; undefined for anything else. */
export function statusOf(word: string | undefined): ProfileStatus | undefined {
  return PROFILE_STATUSES.find((s) => isWord(word, STATUS_WORDS[s]));
}

/** `10-20`, `週10〜20時間`, `40+`, `under 10`, … → the band; undefined when it is none of them. */
function hoursOf(value: string): WeeklyHours | undefined {
  const s = value
    .toLowerCase()
    .replace(/h\/week|hours?|時間|週|\s/g, '')
    .replace(/h$/, '')
    .replace(/[〜~–_]/g, '-');
  const bands: Record<string, WeeklyHours> = {
    'under-10': 'under_10',
    under10: 'under_10',
    '<10': 'under_10',
    '-10': 'under_10',
    '10未満': 'under_10',
    '10-20': '10_20',
    '20-30': '20_30',
    '30-40': '30_40',
    'over-40': 'over_40',
    over40: 'over_40',
    '40+': 'over_40',
    '40-': 'over_40',
    '40以上': 'over_40',
  };
  return bands[s];
}

function placeOf(view: ProfileView): string | undefined {
  const place = [view.profile?.prefecture, view.profile?.city].filter(Boolean).join(' ');
  return place === '' ? undefined : place;
}

/** The profile as a card; one's own also gets the status choices as quick replies. */
async function profileReply(ctx: CommandContext, view: ProfileView, lead?: string): Promise<Reply> {
  const { t, locale, services, actor } = ctx;
  const own = view.userId === actor.userId;
  const p = view.profile;
  const blocks: Block[] = lead ? [text(lead)] : [];
  if (own && p === null) {
    blocks.push(text(t('market.profile.empty_own')));
    return { blocks };
  }
  const notSet = t('market.not_set');
  const sep = t('common.separator');
  const card: CardBlock = {
    type: 'card',
    title: person(t, view.userId, p?.nickname || view.displayName),
    ...(p ? { subtitle: t(`market.status.${p.status}`) } : {}),
    ...(p?.introduction ? { body: p.introduction } : {}),
    fields: [
      {
        label: t('market.profile.field.hours'),
        value: p?.weeklyHours ? t(`market.weekly_hours.${p.weeklyHours}`) : notSet,
      },
      {
        label: t('market.profile.field.rate'),
        value: p?.hourlyRateYen != null ? formatYen(p.hourlyRateYen, locale) : notSet,
      },
      { label: t('market.profile.field.place'), value: placeOf(view) ?? notSet },
      {
        label: t('market.profile.field.skills'),
        value: view.skills.length > 0 ? view.skills.map((s) => skillLabel(t, s)).join(sep) : notSet,
      },
      {
        label: t('market.profile.field.qualifications'),
        value:
          view.qualifications.length > 0
            ? view.qualifications
                .map((q) => `#${q.id} ${q.name}${q.acquiredOn ? ` (${q.acquiredOn})` : ''}`)
                .join(sep)
            : notSet,
      },
    ],
  };
  if (view.career.length > 0) {
    card.fields.push({
      label: t('market.profile.field.career'),
      value: view.career
        .map((c) =>
          t('market.profile.career', {
            from: c.periodFrom,
            to: c.periodTo ?? t('market.profile.present'),
            company: c.role ? `${c.company} (${c.role})` : c.company,
          }),
        )
        .join(sep),
    });
  }
  if (p?.hobbies) card.fields.push({ label: t('market.profile.field.hobbies'), value: p.hobbies });
  const tz = services.config.businessTimeZone;
  const identity = p?.identityVerifiedAt
    ? `${t('market.identity_verified')} (${formatDate(p.identityVerifiedAt, locale, tz)})`
    : t('market.profile.identity_unverified');
  const nda = p?.ndaVerifiedAt
    ? `${t('market.nda_verified')} (${formatDate(p.ndaVerifiedAt, locale, tz)})`
    : t('market.profile.nda_unverified');
  card.fields.push({ label: t('market.profile.field.checks'), value: `${identity}${sep}${nda}` });
  blocks.push(card);
  if (own) {
    blocks.push(text(t('market.profile.own_hint')));
    return { blocks, quickReplies: await statusChoices(ctx) };
  }
  // Consult cannot carry free text from a button: it opens the conversation and says how to write.
  card.buttons = [await ctx.button(t('market.button.consult'), `consult ${view.userId}`, 'primary')];
  if (MEMBERS.some((r) => actor.roles.includes(r)))
    card.buttons.push(await ctx.button(t('market.button.follow'), `follow ${view.userId}`));
  return { blocks };
}

const statusChoices = (ctx: CommandContext): Promise<QuickReply[]> =>
  Promise.all(
    PROFILE_STATUSES.map((s) => ctx.quickReply(ctx.t(`market.status.${s}`), `profile set status ${s}`)),
  );

const hoursChoices = (ctx: CommandContext): Promise<QuickReply[]> =>
  Promise.all(
    WEEKLY_HOURS.map((h) => ctx.quickReply(ctx.t(`market.weekly_hours.${h}`), `profile set hours ${h}`)),
  );

const fieldOf = (word: string | undefined) =>
  (Object.keys(FIELD_WORDS) as Field[]).find((f) => isWord(word, FIELD_WORDS[f]));

/**
 * `profile set <field> <value>` (also `profile <field> <value>`, and `時給 <amount>` on its own): one
 * field of one's own profile; the value is what follows the first `valueAt` words.
 */
async function setField(ctx: CommandContext, field: Field | undefined, valueAt: number): Promise<Reply> {
  const { t } = ctx;
  if (field === undefined) throw new UserError('market.usage.profile');
  const value = freeText(ctx, valueAt);
  const clear = isWord(value, CLEAR_WORDS);
  if (field === 'status' && statusOf(value) === undefined) {
    const lead = value === '' ? t('market.profile.status_prompt') : t('market.status_invalid');
    return { blocks: [text(lead)], quickReplies: await statusChoices(ctx) };
  }
  if (field === 'hours' && !clear && hoursOf(value) === undefined) {
    const lead = value === '' ? t('market.profile.hours_prompt') : t('market.weekly_hours_invalid');
    return { blocks: [text(lead)], quickReplies: await hoursChoices(ctx) };
  }
  if (value === '') throw new UserError('market.usage.profile');
  const patch: ProfilePatch = {};
  switch (field) {
    case 'status':
      patch.status = statusOf(value) as ProfileStatus;
      break;
    case 'nickname':
      patch.nickname = value;
      break;
    case 'intro':
      patch.introduction = clear ? '' : value;
      break;
    case 'hours':
      patch.weeklyHours = clear ? null : (hoursOf(value) as WeeklyHours);
      break;
    case 'rate':
      patch.hourlyRateYen = clear ? null : parseYen(value);
      break;
    case 'pref':
      patch.prefecture = clear ? null : value;
      break;
    case 'city':
      patch.city = clear ? null : value;
      break;
    case 'hobbies':
      patch.hobbies = clear ? '' : value;
      break;
  }
  await ctx.services.domain.profiles.update(ctx.actor, patch);
  const view = await ctx.services.domain.profiles.get(ctx.actor, ctx.actor.userId);
  return profileReply(ctx, view, t('market.profile.updated'));
}

const profile: Command = {
  name: 'profile',
  aliases: { ja: ['プロフィール'], en: ['profile'] },
  summary: 'cmd.profile.summary',
  roles: PARTICIPANTS,
  async run(ctx) {
    if (isWord(ctx.args[0], SET_WORDS)) return setField(ctx, fieldOf(ctx.args[1]), 2);
    const field = fieldOf(ctx.args[0]);
    if (field !== undefined) return setField(ctx, field, 1);
    if (ctx.args[0] === undefined)
      return profileReply(ctx, await ctx.services.domain.profiles.get(ctx.actor, ctx.actor.userId));
    // `プロフィール 12`, `プロフィール #12` or `プロフィール 山田`.
    const picked = await pickPerson(ctx, { command: 'profile', argIndex: 0, roles: MEMBERS });
    if ('reply' in picked) return picked.reply;
    return profileReply(ctx, await ctx.services.domain.profiles.get(ctx.actor, picked.userId));
  },
};

/** `TypeScript:4:5` → a skill; `Lv4` and `5年` are read too. */
function skillOf(item: string): SkillInput {
  const parts = item.split(':').map((p) => p.trim());
  const [name, level, years] = parts;
  if (parts.length < 2 || parts.length > 3 || !name || level === undefined)
    throw new UserError('market.usage.skills');
  const lv = /^(?:lv\.?)?(\d{1,2})$/i.exec(level);
  if (!lv) throw new UserError('market.skill_level_invalid');
  const skill: SkillInput = { name, level: Number(lv[1]) };
  if (years !== undefined && years !== '') {
    const y = /^(\d{1,2})(?:年|y|yrs?|years?)?$/i.exec(years);
    if (!y) throw new UserError('market.skill_years_invalid');
    skill.years = Number(y[1]);
  }
  return skill;
}

const skills: Command = {
  name: 'skills',
  aliases: { ja: ['スキル', 'スキル登録'], en: ['skills'] },
  summary: 'cmd.skills.summary',
  roles: MEMBERS,
  async run(ctx) {
    const { t, rest } = ctx;
    const profiles = ctx.services.domain.profiles;
    if (rest === '') {
      const view = await profiles.get(ctx.actor, ctx.actor.userId);
      const current =
        view.skills.length > 0
          ? t('market.skills.current', {
              skills: view.skills.map((s) => skillLabel(t, s)).join(t('common.separator')),
            })
          : t('market.skills.none');
      return { blocks: [text(current), text(t('market.usage.skills'))] };
    }
    if (isWord(rest, CLEAR_WORDS)) {
      await profiles.setSkills(ctx.actor, []);
      return { blocks: [text(t('market.skills.cleared'))] };
    }
    const list = rest
      .split(/[,、]/)
      .map((s) => s.trim())
      .filter((s) => s !== '')
      .map(skillOf);
    const saved = await profiles.setSkills(ctx.actor, list);
    return {
      blocks: [
        text(t('market.skills.saved', { count: saved.length })),
        text(saved.map((s) => skillLabel(t, s)).join(t('common.separator'))),
      ],
    };
  },
};

const ADD_WORDS = ['add', '追加', '登録'];
const REMOVE_WORDS = ['remove', 'delete', '削除'];

const qualification: Command = {
  name: 'qualification',
  aliases: { ja: ['資格'], en: ['qualification', 'qualifications'] },
  summary: 'cmd.qualification.summary',
  roles: MEMBERS,
  async run(ctx) {
    const { t, args } = ctx;
    const profiles = ctx.services.domain.profiles;
    if (isWord(args[0], ADD_WORDS)) {
      const words = args.slice(1);
      const month = /^(\d{4})(?:[-/.]|年)(\d{1,2})月?$/.exec(words.at(-1) ?? '');
      const name = (month ? words.slice(0, -1) : words).join(' ');
      if (name === '') throw new UserError('market.usage.qualification');
      const added = await profiles.addQualification(ctx.actor, {
        name,
        acquiredOn: month ? `${month[1]}-${month[2]}` : null,
      });
      return { blocks: [text(t('market.qualification.added', { name: added.name, id: added.id }))] };
    }
    if (isWord(args[0], REMOVE_WORDS)) {
      if (args[1] === undefined) throw new UserError('market.usage.qualification');
      const id = parseId(args[1]);
      await profiles.removeQualification(ctx.actor, id);
      return { blocks: [text(t('market.qualification.removed', { id }))] };
    }
    if (args.length > 0) throw new UserError('market.usage.qualification');
    const view = await profiles.get(ctx.actor, ctx.actor.userId);
    const blocks: Block[] =
      view.qualifications.length === 0
        ? [text(t('market.qualification.none'))]
        : [
            {
              type: 'list',
              title: t('market.qualification.title'),
              items: view.qualifications.map((q) => ({
                title: `#${q.id} ${q.name}`,
                ...(q.acquiredOn ? { description: q.acquiredOn } : {}),
              })),
            },
          ];
    blocks.push(text(t('market.usage.qualification')));
    return { blocks };
  },
};

/** 時給 <amount>: one's hourly rate, the field people change most, without `プロフィール 設定`. */
const rate: Command = {
  name: 'rate',
  aliases: { ja: ['時給'], en: ['rate', 'hourly-rate'] },
  summary: 'cmd.rate.summary',
  roles: PARTICIPANTS,
  async run(ctx) {
    if (ctx.args.length === 0)
      return profileReply(ctx, await ctx.services.domain.profiles.get(ctx.actor, ctx.actor.userId));
    return setField(ctx, 'rate', 0);
  },
};

export const profileCommands: readonly Command[] = [profile, rate, skills, qualification];
