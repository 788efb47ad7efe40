/**
 * プロフィール: showing a profile and editing its fields, one at a time or all in turn
 * (プロフィール編集, commands/flows/profile.ts), and the profile image. Its lists (skills,
 * qualifications, career, hobbies) are edited one item at a time in market-profile-items.ts and
 * market-career.ts. Personal details (name, address, phone, …) come only to the person and staff:
 * the profile service leaves them out of anyone else's view.
 */
import { parseYen } from '../src/chat/args.ts';
import type { Command, CommandContext } from '../src/chat/command.ts';
import { type Block, type CardBlock, type QuickReply, type Reply, text } from '../src/chat/types.ts';
import { IMAGE_MAX_MB } from '../src/domain/market/profile-fields.ts';
import { hobbyList } from '../src/domain/market/profile-items.ts';
import type { ProfilePatch, ProfileView } from '../src/domain/market/profiles.ts';
import {
  PROFILE_STATUSES,
  type ProfileStatus,
  WEEKLY_HOURS,
  type WeeklyHours,
} from '../src/domain/market/records.ts';
import { UserError } from '../src/errors.ts';
import { formatDate, formatYen } from '../src/i18n/format.ts';
import { freeText, isWord } from './kit/args.ts';
import { attachedFiles, fileBlockOf } from './kit/files.ts';
import { person } from './kit/people.ts';
import { careerList } from './market-career.ts';
import { ageBandText, personalCard, shownToOthers } from './market-profile-card.ts';
import { skillText } from './market-profile-items.ts';
import { pickPerson } from './people.ts';
import { MEMBERS, PARTICIPANTS } from './roles.ts';

/** The guided flow that changes every field in turn (commands/flows/profile.ts). */
export const PROFILE_EDIT_FLOW = 'profile-edit';
/** The one that asks for the profile image. */
export const PROFILE_IMAGE_FLOW = 'profile-image';

const SET_WORDS = ['set', '設定', '変更'];
const CLEAR_WORDS = ['none', 'clear', 'なし', '-'];
const EDIT_WORDS = ['edit', '編集'];
const REMOVE_WORDS = ['remove', 'delete', 'clear', '削除', 'なし'];
const IMAGE_SET_WORDS = ['set', 'change', 'upload', '登録', '変更'];
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
  username: ['username', 'ユーザー名'],
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

/**
 * The profile as a card, with the profile image above it where there is one. The person and staff
 * also get the personal details; one's own also gets the status choices as quick replies.
 */
export async function profileReply(ctx: CommandContext, view: ProfileView, lead?: string): Promise<Reply> {
  const { t, locale, services, actor } = ctx;
  const own = view.userId === actor.userId;
  const p = view.profile;
  const blocks: Block[] = lead ? [text(lead)] : [];
  if (own && p === null) {
    blocks.push(text(t('market.profile.empty_own')), text(t('profile.edit_hint')));
    return { blocks };
  }
  if (view.image) {
    blocks.push(fileBlockOf(view.image));
  }
  const shown = shownToOthers(view);
  const notSet = t('market.not_set');
  const sep = t('common.separator');
  const card: CardBlock = {
    type: 'card',
    title: person(t, view.userId, p?.nickname || view.displayName),
    ...(p ? { subtitle: t(`market.status.${p.status}`) } : {}),
    ...(p?.introduction ? { body: p.introduction } : {}),
    fields: [
      ...(p?.username ? [{ label: t('profile.field.username'), value: `@${p.username}` }] : []),
      ...(shown.gender
        ? [{ label: t('profile.field.gender'), value: t(`profile.gender.${shown.gender}`) }]
        : []),
      ...(shown.ageBand !== null
        ? [{ label: t('profile.field.age_band'), value: ageBandText(t, shown.ageBand) }]
        : []),
      {
        label: t('market.profile.field.hours'),
        value: p?.weeklyHours ? t(`market.weekly_hours.${p.weeklyHours}`) : notSet,
      },
      {
        label: t('market.profile.field.rate'),
        value: p?.hourlyRateYen != null ? formatYen(p.hourlyRateYen, locale) : notSet,
      },
      { label: t('market.profile.field.place'), value: placeOf(view) ?? notSet },
      { label: t('profile.field.hometown'), value: p?.hometown || notSet },
      { label: t('profile.field.school'), value: p?.school || notSet },
      {
        label: t('market.profile.field.skills'),
        value: view.skills.length > 0 ? view.skills.map((s) => skillText(t, s)).join(sep) : notSet,
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
  const hobbies = hobbyList(p?.hobbies ?? '');
  if (hobbies.length > 0)
    card.fields.push({ label: t('market.profile.field.hobbies'), value: hobbies.join(sep) });
  const tz = services.config.businessTimeZone;
  const identity = p?.identityVerifiedAt
    ? `${t('market.identity_verified')} (${formatDate(p.identityVerifiedAt, locale, tz)})`
    : t('market.profile.identity_unverified');
  const nda = p?.ndaVerifiedAt
    ? `${t('market.nda_verified')} (${formatDate(p.ndaVerifiedAt, locale, tz)})`
    : t('market.profile.nda_unverified');
  card.fields.push({ label: t('market.profile.field.checks'), value: `${identity}${sep}${nda}` });
  blocks.push(card);
  const personal = personalCard(ctx, view);
  if (personal) blocks.push(personal);
  // Career entries have many fields each: a list of their own under the card.
  if (view.career.length > 0) blocks.push(careerList(t, view.career));
  if (own) {
    blocks.push(
      text(t('market.profile.own_hint')),
      text(t('market.items.profile_hint')),
      text(t('profile.edit_hint')),
    );
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
    case 'username':
      patch.username = value;
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
    if (isWord(ctx.args[0], EDIT_WORDS) && ctx.args.length === 1) return startEdit(ctx);
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

/** Starts プロフィール編集; a user name once set is not asked again (it never changes). */
async function startEdit(ctx: CommandContext): Promise<Reply> {
  if (!MEMBERS.some((r) => ctx.actor.roles.includes(r))) throw new UserError('forbidden');
  const view = await ctx.services.domain.profiles.get(ctx.actor, ctx.actor.userId);
  const reply = await ctx.startFlow(PROFILE_EDIT_FLOW, view.profile?.username ? { usernameSet: 1 } : {});
  const [started, ...questions] = reply.blocks;
  return {
    ...reply,
    blocks: [...(started ? [started] : []), text(ctx.t('profile.edit.lead')), ...questions],
  };
}

/** プロフィール編集: every field in turn, each showing what is there now (commands/flows/profile.ts). */
const profileEdit: Command = {
  name: 'profile-edit',
  aliases: { ja: ['プロフィール編集'], en: ['profile-edit', 'edit-profile'] },
  summary: 'cmd.profile-edit.summary',
  roles: MEMBERS,
  run: startEdit,
};

/**
 * プロフィール画像: with one image attached (JPEG, PNG or WebP) sets it; `プロフィール画像 登録` asks
 * for it (a LINE message cannot carry text and an image together); `プロフィール画像 削除` removes
 * it; alone, shows it and says how.
 */
const profileImage: Command = {
  name: 'profile-image',
  aliases: { ja: ['プロフィール画像'], en: ['profile-image', 'profile-picture', 'profile-photo'] },
  summary: 'cmd.profile-image.summary',
  roles: MEMBERS,
  async run(ctx) {
    const { t } = ctx;
    const profiles = ctx.services.domain.profiles;
    if (isWord(ctx.args[0], REMOVE_WORDS)) {
      const removed = await profiles.removeImage(ctx.actor);
      return { blocks: [text(t(removed ? 'profile.image.removed' : 'profile.image.none'))] };
    }
    const files = attachedFiles(ctx);
    if (files.length > 1) throw new UserError('profile.image.one');
    const [upload] = files;
    if (upload) {
      await profiles.setImage(ctx.actor, upload);
      return profileReply(ctx, await profiles.get(ctx.actor, ctx.actor.userId), t('profile.image.set'));
    }
    if (isWord(ctx.args[0], IMAGE_SET_WORDS)) return ctx.startFlow(PROFILE_IMAGE_FLOW);
    const { image } = await profiles.get(ctx.actor, ctx.actor.userId);
    const usage = text(t('profile.image.usage', { max: IMAGE_MAX_MB }));
    const quickReplies = [await ctx.quickReply(t('profile.image.button.set'), 'profile-image set')];
    if (!image) return { blocks: [text(t('profile.image.none')), usage], quickReplies };
    quickReplies.push(await ctx.quickReply(t('profile.image.button.remove'), 'profile-image remove'));
    return {
      blocks: [text(t('profile.image.current')), fileBlockOf(image), usage],
      quickReplies,
    };
  },
};

export const profileCommands: readonly Command[] = [profile, profileEdit, profileImage, rate];
