/**
 * スキル・資格・趣味: the lists of one's profile, shown with their numbers and edited one item at a
 * time (add, change, remove), so adding one never drops the others. 経歴 is in market-career.ts.
 */
import { parseId } from '../src/chat/args.ts';
import type { Command, CommandContext } from '../src/chat/command.ts';
import { type Block, type Reply, text } from '../src/chat/types.ts';
import { hobbyList, type SkillEdit, type SkillPatch, skillKey } from '../src/domain/market/profile-items.ts';
import type { ProfileSkillRecord } from '../src/domain/market/records.ts';
import { UserError } from '../src/errors.ts';
import type { Translator } from '../src/i18n/index.ts';
import { firstPhrase, freeText, isWord, unquote } from './kit/args.ts';
import { MEMBERS } from './roles.ts';

export const LIST_WORDS = ['list', '一覧', '表示'];
export const ADD_WORDS = ['add', '追加', '登録'];
export const CHANGE_WORDS = ['change', 'update', 'edit', '変更', '更新', '編集'];
export const REMOVE_WORDS = ['remove', 'delete', '削除'];
const CLEAR_WORDS = ['none', 'clear', 'なし', '-'];
/** A note may be introduced by one of these words (`スキル 変更 3 メモ UI中心`). */
const NOTE_WORD = /^(?:メモ|備考|note|memo)[:：]?\s*/iu;

const LEVEL = /^(?:lv\.?|レベル)?(\d{1,2})$/i;
const YEARS = /^(\d{1,2})(?:年|y|yrs?|years?)?$/i;
const YEARS_WITH_UNIT = /^(\d{1,2})(?:年|y|yrs?|years?)$/i;

const levelOf = (word: string) => {
  const m = LEVEL.exec(word.normalize('NFKC'));
  if (!m) throw new UserError('market.skill_level_invalid');
  return Number(m[1]);
};
const yearsOf = (word: string) => {
  const m = YEARS.exec(word.normalize('NFKC'));
  if (!m) throw new UserError('market.skill_years_invalid');
  return Number(m[1]);
};

/** The first whitespace-separated word of `s` and the rest. */
function splitFirst(s: string): [string, string] {
  const m = /^(\S*)\s*([\s\S]*)$/u.exec(s.trim());
  return [m?.[1] ?? '', (m?.[2] ?? '').trim()];
}

const noteOf = (s: string) => s.replace(NOTE_WORD, '').trim();

/**
 * `Figma:5:8 UI中心`, `Adobe XD:4`, `「Adobe XD」 プロトタイプ`, `Figma` → the skill's name and
 * what was given. With a colon, the name is everything before it (spaces and all); without one, it
 * is the first word or quoted phrase, and the rest is the note.
 */
export function skillSpecOf(input: string): SkillEdit {
  const s = input.trim();
  const colon = s.search(/[:：]/u);
  const spec: Partial<SkillEdit> = {};
  let name: string;
  let note: string;
  if (colon < 0) {
    [name, note] = firstPhrase(s);
  } else {
    name = unquote(s.slice(0, colon));
    const [token, rest] = splitFirst(s.slice(colon + 1));
    const parts = token.split(/[:：]/u);
    if (parts.length > 2) throw new UserError('market.usage.skills');
    const [level = '', years = ''] = parts;
    if (level !== '') spec.level = levelOf(level);
    if (years !== '') spec.years = yearsOf(years);
    note = rest;
  }
  if (name === '') throw new UserError('market.usage.skills');
  note = noteOf(note);
  return { ...spec, name, ...(note === '' ? {} : { note }) };
}

/** `4`, `Lv4`, `4:6`, `:6`, `6年`, `Lv4 6年`, then the note (`なし` empties it). */
export function skillPatchOf(input: string): SkillPatch {
  const patch: SkillPatch = {};
  let rest = input.trim();
  for (let i = 0; i < 2; i++) {
    const [token, after] = splitFirst(rest);
    const word = token.normalize('NFKC');
    if (patch.years === undefined && YEARS_WITH_UNIT.test(word)) {
      patch.years = yearsOf(word);
    } else if (patch.level === undefined && /^(?:(?:lv\.?|レベル)?\d{1,2})?:\S*$/i.test(word)) {
      const [level = '', years = ''] = word.split(':');
      if (level !== '') patch.level = levelOf(level);
      if (years !== '') patch.years = yearsOf(years);
    } else if (patch.level === undefined && LEVEL.test(word)) {
      patch.level = levelOf(word);
    } else {
      break;
    }
    rest = after;
  }
  const note = noteOf(rest);
  if (note !== '') patch.note = isWord(note, CLEAR_WORDS) ? '' : note;
  if (Object.keys(patch).length === 0) throw new UserError('market.usage.skills');
  return patch;
}

/** `Figma Lv5・8年`; years are left out when none were given (stored as 0). */
export const skillLabel = (t: Translator, s: { name: string; level: number; years: number }) =>
  s.years > 0
    ? t('market.profile.skill', { name: s.name, level: s.level, years: s.years })
    : t('market.profile.skill_level', { name: s.name, level: s.level });

/** `Figma Lv5・8年`, with the note in brackets when there is one. */
export const skillText = (t: Translator, s: ProfileSkillRecord) =>
  s.note ? t('market.items.skill_note', { skill: skillLabel(t, s), note: s.note }) : skillLabel(t, s);

async function skillList(ctx: CommandContext): Promise<Block[]> {
  const { t } = ctx;
  const { skills } = await ctx.services.domain.profiles.get(ctx.actor, ctx.actor.userId);
  if (skills.length === 0) return [text(t('market.skills.none'))];
  return [
    {
      type: 'list',
      title: t('market.items.skills.title', { count: skills.length }),
      items: skills.map((s) => ({
        title: `#${s.id} ${skillLabel(t, s)}`,
        ...(s.note ? { description: s.note } : {}),
      })),
    },
  ];
}

/** `スキル 追加 Figma:4:3 UI中心`: one skill added, or changed when that name is listed already. */
async function addSkill(ctx: CommandContext, input: string): Promise<Reply> {
  const { t } = ctx;
  if (input === '') throw new UserError('market.usage.skills');
  const spec = skillSpecOf(input);
  const profiles = ctx.services.domain.profiles;
  const { skills } = await profiles.get(ctx.actor, ctx.actor.userId);
  const listed = skills.find((s) => s.nameKey === skillKey(spec.name));
  if (!listed && spec.level === undefined) {
    // A new skill needs a level: offer 1–5, each carrying the rest of what was typed.
    const years = spec.years === undefined ? '' : `:${spec.years}`;
    const note = spec.note ? ` ${spec.note}` : '';
    const quickReplies = await Promise.all(
      [1, 2, 3, 4, 5].map((level) =>
        ctx.quickReply(
          t('market.items.skill_level', { level }),
          `skills add ${spec.name}:${level}${years}${note}`,
        ),
      ),
    );
    return { blocks: [text(t('market.items.skill_level_prompt', { name: spec.name }))], quickReplies };
  }
  if (listed && spec.level === undefined && spec.years === undefined && spec.note === undefined) {
    return {
      blocks: [
        text(t('market.items.skill_unchanged', { name: listed.name, id: listed.id })),
        ...(await skillList(ctx)),
      ],
    };
  }
  const [saved] = await profiles.addSkills(ctx.actor, [spec]);
  if (!saved) throw new Error('addSkills returned nothing for one skill');
  const lead = saved.created ? 'market.items.skill_added' : 'market.items.skill_changed';
  return {
    blocks: [text(t(lead, { name: saved.skill.name, id: saved.skill.id })), ...(await skillList(ctx))],
  };
}

/** `スキル 削除 12` or `スキル 削除 Figma`. */
async function skillIdOf(ctx: CommandContext, target: string): Promise<number> {
  if (/^(?:#|no\.?)?\d+$/i.test(target)) return parseId(target);
  const { skills } = await ctx.services.domain.profiles.get(ctx.actor, ctx.actor.userId);
  const found = skills.find((s) => s.nameKey === skillKey(unquote(target)));
  if (!found) throw new UserError('market.skill_not_listed', { name: unquote(target).slice(0, 50) });
  return found.id;
}

const skills: Command = {
  name: 'skills',
  aliases: { ja: ['スキル', 'スキル登録'], en: ['skills', 'skill'] },
  summary: 'cmd.skills.summary',
  roles: MEMBERS,
  async run(ctx) {
    const { t, args } = ctx;
    const profiles = ctx.services.domain.profiles;
    const verb = args[0];
    if (verb === undefined || (args.length === 1 && isWord(verb, LIST_WORDS)))
      return { blocks: [...(await skillList(ctx)), text(t('market.usage.skills'))] };
    if (isWord(verb, ADD_WORDS)) return addSkill(ctx, freeText(ctx, 1));
    if (isWord(verb, CHANGE_WORDS)) {
      if (args[1] === undefined) throw new UserError('market.usage.skills');
      const id = parseId(args[1]);
      const skill = await profiles.updateSkill(ctx.actor, id, skillPatchOf(freeText(ctx, 2)));
      return {
        blocks: [text(t('market.items.skill_changed', { name: skill.name, id })), ...(await skillList(ctx))],
      };
    }
    if (isWord(verb, REMOVE_WORDS)) {
      const target = args.slice(1).join(' ');
      if (target === '') throw new UserError('market.usage.skills');
      const removed = await profiles.removeSkill(ctx.actor, await skillIdOf(ctx, target));
      return {
        blocks: [
          text(t('market.items.skill_removed', { name: removed.name, id: removed.id })),
          ...(await skillList(ctx)),
        ],
      };
    }
    if (args.length === 1 && isWord(verb, CLEAR_WORDS)) {
      await profiles.setSkills(ctx.actor, []);
      return { blocks: [text(t('market.skills.cleared'))] };
    }
    // `スキル Figma:5:8, HTML:4`: each listed skill added or changed; the others stay.
    const items = freeText(ctx, 0)
      .split(/[,、，]/u)
      .map((s) => s.trim())
      .filter((s) => s !== '');
    if (items.some((s) => !/[:：]/u.test(s))) throw new UserError('market.usage.skills');
    const saved = await profiles.addSkills(ctx.actor, items.map(skillSpecOf));
    return {
      blocks: [text(t('market.skills.saved', { count: saved.length })), ...(await skillList(ctx))],
    };
  },
};

/** `2019-04`, `2019/4`, `2019.4`, `2019年4月`: a word that is meant as a month (checked by the service). */
const MONTH_WORD = /^\d{4}(?:[-/.]|年)\d{1,2}月?$/;

const qualificationLabel = (q: { id: number; name: string; acquiredOn: string | null }) =>
  `#${q.id} ${q.name}${q.acquiredOn ? ` (${q.acquiredOn})` : ''}`;

async function qualificationList(ctx: CommandContext): Promise<Block[]> {
  const { t } = ctx;
  const { qualifications } = await ctx.services.domain.profiles.get(ctx.actor, ctx.actor.userId);
  if (qualifications.length === 0) return [text(t('market.qualification.none'))];
  return [
    {
      type: 'list',
      title: t('market.qualification.title'),
      items: qualifications.map((q) => ({
        title: `#${q.id} ${q.name}`,
        ...(q.acquiredOn ? { description: q.acquiredOn } : {}),
      })),
    },
  ];
}

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
      const month = MONTH_WORD.test(words.at(-1) ?? '') ? words.at(-1) : undefined;
      const name = (month ? words.slice(0, -1) : words).join(' ');
      if (name === '') throw new UserError('market.usage.qualification');
      const added = await profiles.addQualification(ctx.actor, { name, acquiredOn: month ?? null });
      return { blocks: [text(t('market.qualification.added', { name: added.name, id: added.id }))] };
    }
    if (isWord(args[0], CHANGE_WORDS)) {
      if (args[1] === undefined || args.length < 3) throw new UserError('market.usage.qualification');
      const id = parseId(args[1]);
      const words = args.slice(2);
      const last = words.at(-1) ?? '';
      // The last word may be the month, or なし to remove it; the words before it are the new name.
      const month = MONTH_WORD.test(last) ? last : isWord(last, CLEAR_WORDS) ? null : undefined;
      const name = (month === undefined ? words : words.slice(0, -1)).join(' ');
      const updated = await profiles.updateQualification(ctx.actor, id, {
        ...(name === '' ? {} : { name }),
        ...(month === undefined ? {} : { acquiredOn: month }),
      });
      return {
        blocks: [
          text(t('market.items.qualification_changed', { id, label: qualificationLabel(updated) })),
          ...(await qualificationList(ctx)),
        ],
      };
    }
    if (isWord(args[0], REMOVE_WORDS)) {
      if (args[1] === undefined) throw new UserError('market.usage.qualification');
      const removed = await profiles.removeQualification(ctx.actor, parseId(args[1]));
      return { blocks: [text(t('market.qualification.removed', { id: removed.id }))] };
    }
    if (args.length > 1 || (args.length === 1 && !isWord(args[0], LIST_WORDS)))
      throw new UserError('market.usage.qualification');
    return { blocks: [...(await qualificationList(ctx)), text(t('market.usage.qualification'))] };
  },
};

// Hobbies

async function hobbyBlocks(ctx: CommandContext, hobbies?: readonly string[]): Promise<Block[]> {
  const { t } = ctx;
  const list =
    hobbies ??
    hobbyList((await ctx.services.domain.profiles.get(ctx.actor, ctx.actor.userId)).profile?.hobbies ?? '');
  if (list.length === 0) return [text(t('market.items.hobbies.none'))];
  return [
    {
      type: 'list',
      title: t('market.items.hobbies.title', { count: list.length }),
      items: list.map((h, i) => ({ title: `${i + 1}. ${h}` })),
    },
  ];
}

const hobbies: Command = {
  name: 'hobbies',
  aliases: { ja: ['趣味'], en: ['hobbies', 'hobby'] },
  summary: 'cmd.hobbies.summary',
  roles: MEMBERS,
  async run(ctx) {
    const { t, args } = ctx;
    const profiles = ctx.services.domain.profiles;
    const verb = args[0];
    if (verb === undefined || (args.length === 1 && isWord(verb, LIST_WORDS)))
      return { blocks: [...(await hobbyBlocks(ctx)), text(t('market.items.usage.hobbies'))] };
    const value = freeText(ctx, 1);
    if (isWord(verb, ADD_WORDS) && value !== '') {
      const list = await profiles.addHobbies(ctx.actor, value);
      return {
        blocks: [text(t('market.items.hobbies.added', { name: value })), ...(await hobbyBlocks(ctx, list))],
      };
    }
    if (isWord(verb, REMOVE_WORDS) && value !== '') {
      // `趣味 削除 2` is the second one; any other word is the hobby itself.
      const which =
        /^(?:#|no\.?)?\d{1,3}$/i.test(args[1] ?? '') && args.length === 2 ? parseId(args[1]) : value;
      const { removed, hobbies: list } = await profiles.removeHobby(ctx.actor, which);
      return {
        blocks: [
          text(t('market.items.hobbies.removed', { name: removed })),
          ...(await hobbyBlocks(ctx, list)),
        ],
      };
    }
    throw new UserError('market.items.usage.hobbies');
  },
};

export const profileItemCommands: readonly Command[] = [skills, qualification, hobbies];
