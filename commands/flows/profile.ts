/**
 * プロフィール編集 as a guided flow: every field of one's profile in turn, each question showing what
 * is there now. 変更しない (or an empty form input) keeps a field; 削除 empties one that may be
 * empty. Each answer is checked by the profile service at its own step; a postal code fills in the
 * prefecture and the city (they are asked only without one) and leads the address question. The
 * user name is asked only while it is not set (the command presets `usernameSet` otherwise): it
 * never changes.
 */
import { parseYen } from '../../src/chat/args.ts';
import type { CommandContext } from '../../src/chat/command.ts';
import { type FlowAnswers, type FlowDefinition, type FlowField, label } from '../../src/chat/flow.ts';
import type { Reply } from '../../src/chat/types.ts';
import { postalCodeText } from '../../src/domain/market/profile-fields.ts';
import { hobbyList } from '../../src/domain/market/profile-items.ts';
import type { ProfilePatch } from '../../src/domain/market/profiles.ts';
import {
  GENDERS,
  type Gender,
  PROFILE_STATUSES,
  type ProfileStatus,
  WEEKLY_HOURS,
  type WeeklyHours,
} from '../../src/domain/market/records.ts';
import { UserError } from '../../src/errors.ts';
import { formatYen } from '../../src/i18n/format.ts';
import { PROFILE_EDIT_FLOW, profileReply } from '../market-profiles.ts';
import {
  CLEAR,
  CLEAR_WORDS,
  checked,
  choiceLabel,
  own,
  postalAnswer,
  type Question,
  switchChoices,
  switchText,
  word,
} from './profile-answers.ts';

const QUESTIONS: Question[] = [
  {
    name: 'status',
    prompt: 'profile.ask.status',
    label: 'profile.field.status',
    choices: (ctx) => PROFILE_STATUSES.map((s) => ({ value: s, label: ctx.t(`market.status.${s}`) })),
    shown: (ctx, v) => (v.profile ? ctx.t(`market.status.${v.profile.status}`) : ''),
    apply: (patch, value) => {
      if (value !== null) patch.status = value as ProfileStatus;
    },
  },
  {
    name: 'nickname',
    prompt: 'profile.ask.nickname',
    label: 'profile.field.nickname',
    shown: (_ctx, v) => v.profile?.nickname ?? '',
    read: (input, ctx) => checked(ctx, { nickname: input }, 'nickname'),
    apply: (patch, value) => {
      if (value !== null) patch.nickname = value;
    },
  },
  {
    name: 'username',
    prompt: 'profile.ask.username',
    label: 'profile.field.username',
    // Once set it never changes: the command says so with `usernameSet`, and it is not asked.
    when: (answers) => answers.usernameSet === undefined,
    shown: (_ctx, v) => v.profile?.username ?? '',
    read: (input, ctx) => ctx.services.domain.profiles.checkUsername(ctx.actor, input),
    apply: (patch, value) => {
      if (value !== null) patch.username = value;
    },
  },
  {
    name: 'fullName',
    prompt: 'profile.ask.full_name',
    label: 'profile.field.full_name',
    clearable: true,
    shown: (_ctx, v) => v.personal?.fullName ?? '',
    read: (input, ctx) => checked(ctx, { fullName: input }, 'fullName'),
    apply: (patch, value) => {
      patch.fullName = value ?? '';
    },
  },
  {
    name: 'furigana',
    prompt: 'profile.ask.furigana',
    label: 'profile.field.furigana',
    clearable: true,
    shown: (_ctx, v) => v.personal?.furigana ?? '',
    read: (input, ctx) => checked(ctx, { furigana: input }, 'furigana'),
    apply: (patch, value) => {
      patch.furigana = value ?? '';
    },
  },
  {
    name: 'gender',
    prompt: 'profile.ask.gender',
    label: 'profile.field.gender',
    choices: (ctx) => GENDERS.map((g) => ({ value: g, label: ctx.t(`profile.gender.${g}`) })),
    shown: (ctx, v) => (v.personal?.gender ? ctx.t(`profile.gender.${v.personal.gender}`) : ''),
    apply: (patch, value) => {
      if (value !== null) patch.gender = value as Gender;
    },
  },
  {
    name: 'genderPublic',
    prompt: 'profile.ask.gender_public',
    label: 'profile.field.gender_public',
    choices: switchChoices,
    // Nothing to show when the answer is 回答しない.
    when: (answers) => answers.gender !== 'no_answer',
    shown: (ctx, v) => switchText(ctx, v.personal?.genderPublic),
    apply: (patch, value) => {
      if (value !== null) patch.genderPublic = value === 'on';
    },
  },
  {
    name: 'birthDate',
    prompt: 'profile.ask.birth_date',
    label: 'profile.field.birth_date',
    clearable: true,
    shown: (_ctx, v) => v.personal?.birthDate ?? '',
    read: (input, ctx) => checked(ctx, { birthDate: input }, 'birthDate'),
    apply: (patch, value) => {
      patch.birthDate = value;
    },
  },
  {
    name: 'ageBandPublic',
    prompt: 'profile.ask.age_band_public',
    label: 'profile.field.age_band_public',
    choices: switchChoices,
    shown: (ctx, v) => switchText(ctx, v.personal?.ageBandPublic),
    apply: (patch, value) => {
      if (value !== null) patch.ageBandPublic = value === 'on';
    },
  },
  {
    name: 'postalCode',
    prompt: 'profile.ask.postal_code',
    label: 'profile.field.postal_code',
    clearable: true,
    shown: (_ctx, v) => (v.personal?.postalCode ? postalCodeText(v.personal.postalCode) : ''),
    // Refused at once when the code is not in Japan Post's data.
    read: async (input, ctx) => (await ctx.services.domain.profiles.lookupPostalCode(input)).code,
    display: (_ctx, value) => postalCodeText(value),
    apply: (patch, value) => {
      patch.postalCode = value;
    },
  },
  {
    name: 'prefecture',
    prompt: 'profile.ask.prefecture',
    label: 'profile.field.prefecture',
    clearable: true,
    // A postal code has given it.
    when: (answers) => postalAnswer(answers) === null,
    shown: (_ctx, v) => v.profile?.prefecture ?? '',
    read: (input, ctx) => checked(ctx, { prefecture: input }, 'prefecture'),
    apply: (patch, value) => {
      patch.prefecture = value;
    },
  },
  {
    name: 'city',
    prompt: 'profile.ask.city',
    label: 'profile.field.city',
    clearable: true,
    when: (answers) => postalAnswer(answers) === null,
    shown: (_ctx, v) => v.profile?.city ?? '',
    read: (input, ctx) => checked(ctx, { city: input }, 'city'),
    apply: (patch, value) => {
      patch.city = value;
    },
  },
  {
    name: 'addressLine',
    prompt: 'profile.ask.address_line',
    label: 'profile.field.address_line',
    clearable: true,
    shown: (_ctx, v) => v.personal?.addressLine ?? '',
    async read(input, ctx, answers) {
      const value = await checked(ctx, { addressLine: input }, 'addressLine');
      // Only the block typed after a postal code that names one town: the town goes in front.
      const code = postalAnswer(answers);
      const town = code ? (await ctx.services.domain.profiles.lookupPostalCode(code)).town : '';
      return town !== '' && !value.startsWith(town)
        ? checked(ctx, { addressLine: `${town}${value}` }, 'addressLine')
        : value;
    },
    apply: (patch, value) => {
      patch.addressLine = value ?? '';
    },
  },
  {
    name: 'phone',
    prompt: 'profile.ask.phone',
    label: 'profile.field.phone',
    clearable: true,
    shown: (_ctx, v) => v.personal?.phone ?? '',
    read: (input, ctx) => checked(ctx, { phone: input }, 'phone'),
    apply: (patch, value) => {
      patch.phone = value ?? '';
    },
  },
  {
    name: 'hometown',
    prompt: 'profile.ask.hometown',
    label: 'profile.field.hometown',
    clearable: true,
    shown: (_ctx, v) => v.profile?.hometown ?? '',
    read: (input, ctx) => checked(ctx, { hometown: input }, 'hometown'),
    apply: (patch, value) => {
      patch.hometown = value ?? '';
    },
  },
  {
    name: 'school',
    prompt: 'profile.ask.school',
    label: 'profile.field.school',
    clearable: true,
    shown: (_ctx, v) => v.profile?.school ?? '',
    read: (input, ctx) => checked(ctx, { school: input }, 'school'),
    apply: (patch, value) => {
      patch.school = value ?? '';
    },
  },
  {
    name: 'introduction',
    prompt: 'profile.ask.introduction',
    label: 'profile.field.introduction',
    clearable: true,
    shown: (_ctx, v) => clip(v.profile?.introduction ?? '', 40),
    read: (input, ctx) => checked(ctx, { introduction: input }, 'introduction'),
    display: (_ctx, value) => clip(value, 40),
    apply: (patch, value) => {
      patch.introduction = value ?? '';
    },
  },
  {
    name: 'weeklyHours',
    prompt: 'profile.ask.weekly_hours',
    label: 'profile.field.weekly_hours',
    choices: (ctx) => WEEKLY_HOURS.map((h) => ({ value: h, label: ctx.t(`market.weekly_hours.${h}`) })),
    shown: (ctx, v) => (v.profile?.weeklyHours ? ctx.t(`market.weekly_hours.${v.profile.weeklyHours}`) : ''),
    apply: (patch, value) => {
      if (value !== null) patch.weeklyHours = value as WeeklyHours;
    },
  },
  {
    name: 'hourlyRate',
    prompt: 'profile.ask.hourly_rate',
    label: 'profile.field.hourly_rate',
    clearable: true,
    shown: (ctx, v) =>
      v.profile?.hourlyRateYen != null ? formatYen(v.profile.hourlyRateYen, ctx.locale) : '',
    read: (input, ctx) => checked(ctx, { hourlyRateYen: parseYen(input) }, 'hourlyRateYen'),
    display: (ctx, value) => formatYen(Number(value), ctx.locale),
    apply: (patch, value) => {
      patch.hourlyRateYen = value === null ? null : Number(value);
    },
  },
  {
    name: 'hobbies',
    prompt: 'profile.ask.hobbies',
    label: 'profile.field.hobbies',
    clearable: true,
    shown: (ctx, v) => hobbyList(v.profile?.hobbies ?? '').join(ctx.t('common.separator')),
    read: async (input, ctx) => hobbyList(await checked(ctx, { hobbies: input }, 'hobbies')).join('、'),
    display: (ctx, value) => hobbyList(value).join(ctx.t('common.separator')),
    apply: (patch, value) => {
      patch.hobbies = value ?? '';
    },
  },
];

function clip(s: string, max: number): string {
  const chars = [...s.replace(/\s+/gu, ' ')];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
}

function fieldOf(q: Question): FlowField {
  return {
    name: q.name,
    prompt: q.prompt,
    type: q.choices ? 'choice' : 'text',
    keep: true,
    ...(q.when ? { when: q.when } : {}),
    ...(q.choices ? { choices: async (ctx: CommandContext) => q.choices?.(ctx) ?? [] } : {}),
    async promptParams(ctx, answers) {
      const now = q.shown(ctx, await own(ctx));
      const params: Record<string, string> = { current: now === '' ? ctx.t('market.not_set') : now };
      if (q.name === 'addressLine') {
        const code = postalAnswer(answers);
        const found = code ? await ctx.services.domain.profiles.lookupPostalCode(code) : null;
        params.found = found
          ? ctx.t('profile.postal_found', {
              place: [found.prefecture, found.city, found.town].filter(Boolean).join(' '),
            })
          : '';
      }
      return params;
    },
    // A choice's typed text that is none of its options is refused as such by the engine.
    ...(q.read
      ? {
          async resolve(input: string, ctx: CommandContext, answers: FlowAnswers) {
            if (CLEAR_WORDS.has(word(input))) {
              if (!q.clearable) throw new UserError('profile.field_required', { field: ctx.t(q.label) });
              return CLEAR;
            }
            return (q.read as NonNullable<Question['read']>)(input, ctx, answers);
          },
        }
      : {}),
  };
}

/** Each field as it will be once saved, for the confirmation. */
async function summary(ctx: CommandContext, answers: FlowAnswers): Promise<string[]> {
  const view = await own(ctx);
  const code = postalAnswer(answers);
  const found = code ? await ctx.services.domain.profiles.lookupPostalCode(code) : null;
  const notSet = ctx.t('market.not_set');
  const lines: string[] = [];
  for (const q of QUESTIONS) {
    if (q.when && !q.when(answers)) {
      // Not asked: the user name as it is; the prefecture and the city from the postal code.
      if (q.name === 'username') lines.push(label(ctx, q.label, q.shown(ctx, view)));
      if (found && q.name === 'prefecture') lines.push(label(ctx, q.label, found.prefecture));
      if (found && q.name === 'city') lines.push(label(ctx, q.label, found.city));
      continue;
    }
    const given = answers[q.name];
    let value: string;
    if (given === CLEAR) value = '';
    else if (given === undefined || given === '') value = q.shown(ctx, view);
    else if (q.choices) value = choiceLabel(q, ctx, String(given));
    else value = q.display ? q.display(ctx, String(given)) : String(given);
    lines.push(label(ctx, q.label, value === '' ? notSet : value));
  }
  return lines;
}

/** The answers as a patch: kept fields are left out, emptied ones are null or ''. */
function patchOf(answers: FlowAnswers): ProfilePatch {
  const patch: ProfilePatch = {};
  for (const q of QUESTIONS) {
    if (q.when && !q.when(answers)) continue;
    const given = answers[q.name];
    if (given === undefined || given === '') continue;
    q.apply(patch, given === CLEAR ? null : String(given));
  }
  return patch;
}

export const profileEditFlow: FlowDefinition = {
  id: PROFILE_EDIT_FLOW,
  fields: QUESTIONS.map(fieldOf),
  summary,
  async submit(ctx, answers): Promise<Reply> {
    await ctx.services.domain.profiles.update(ctx.actor, patchOf(answers));
    return profileReply(ctx, await own(ctx), ctx.t('market.profile.updated'));
  },
};
