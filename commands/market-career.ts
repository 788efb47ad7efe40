/**
 * 経歴: one's career entries listed with their numbers, one entry in full with its attachment (anyone
 * who may read the profile), and adding or changing one as a guided flow (flows/career.ts), since an
 * entry has many fields and a file.
 */
import { parseId } from '../src/chat/args.ts';
import type { Command, CommandContext } from '../src/chat/command.ts';
import { type Block, type CardBlock, type ListBlock, text } from '../src/chat/types.ts';
import type { CareerEntryView } from '../src/domain/market/career.ts';
import { UserError } from '../src/errors.ts';
import type { Translator } from '../src/i18n/index.ts';
import { isWord } from './kit/args.ts';
import { attachedFiles, fileBlockOf } from './kit/files.ts';
import { excerpt } from './kit/format.ts';
import { ADD_WORDS, CHANGE_WORDS, LIST_WORDS, REMOVE_WORDS } from './market-profile-items.ts';
import { MEMBERS, PARTICIPANTS } from './roles.ts';

/** `#5 2023-04〜現在 株式会社ABC`. */
export const careerTitle = (t: Translator, c: CareerEntryView) =>
  `#${c.id} ${t('market.profile.career', {
    from: c.periodFrom,
    to: c.periodTo ?? t('market.profile.present'),
    company: c.company,
  })}`;

const CAREER_FIELDS = [
  'category',
  'period',
  'period_from',
  'period_to',
  'company',
  'work',
  'url',
  'role',
  'stack',
  'team_size',
  'attachment',
] as const;
export type CareerField = (typeof CAREER_FIELDS)[number];

export const careerField = (t: Translator, field: CareerField) => t(`market.items.career.field.${field}`);

/**
 * The entry's fields besides its period and company, those given: the work cut short in a list
 * (`full` false, where the attachment says how to get it) and whole on the entry's own card.
 */
function careerFields(t: Translator, c: CareerEntryView, full: boolean): { label: string; value: string }[] {
  const fields: [CareerField, string][] = [
    ['category', c.category],
    ['role', c.role],
    ['team_size', c.teamSize === null ? '' : t('market.items.career.team_size', { count: c.teamSize })],
    ['work', full ? '' : excerpt(c.work, 80)],
    ['stack', c.stack],
    ['url', c.url],
    [
      'attachment',
      !c.attachment
        ? ''
        : full
          ? c.attachment.name
          : t('market.items.career.attachment_line', { name: c.attachment.name, id: c.id }),
    ],
  ];
  return fields.flatMap(([f, value]) => (value === '' ? [] : [{ label: careerField(t, f), value }]));
}

/** Career entries as a list, each with its fields: on one's own list and on anyone's profile. */
export function careerList(t: Translator, entries: readonly CareerEntryView[]): ListBlock {
  return {
    type: 'list',
    title: t('market.items.career.title', { count: entries.length }),
    items: entries.map((c) => {
      const lines = careerFields(t, c, false).map((f) => `${f.label}: ${f.value}`);
      return { title: careerTitle(t, c), ...(lines.length > 0 ? { description: lines.join('\n') } : {}) };
    }),
  };
}

/** One entry in full, as a card (the work as its body), with its attachment handed over. */
export function careerDetail(t: Translator, c: CareerEntryView): Block[] {
  const card: CardBlock = {
    type: 'card',
    title: `#${c.id} ${c.company}`,
    subtitle: `${careerField(t, 'period')}: ${t('market.items.career.period_value', {
      from: c.periodFrom,
      to: c.periodTo ?? t('market.profile.present'),
    })}`,
    ...(c.work ? { body: c.work } : {}),
    fields: careerFields(t, c, true),
  };
  const file = c.attachment;
  if (!file) return [card];
  return [card, fileBlockOf(file)];
}

async function ownCareer(ctx: CommandContext): Promise<Block[]> {
  const { career } = await ctx.services.domain.profiles.get(ctx.actor, ctx.actor.userId);
  return career.length === 0 ? [text(ctx.t('market.items.career.none'))] : [careerList(ctx.t, career)];
}

const career: Command = {
  name: 'career',
  aliases: { ja: ['経歴'], en: ['career'] },
  summary: 'cmd.career.summary',
  // Staff read entries (and their attachments) from profiles too; only workers and clients keep them.
  roles: PARTICIPANTS,
  async run(ctx) {
    const { t, args } = ctx;
    const profiles = ctx.services.domain.profiles;
    const verb = args[0];
    const edits = [ADD_WORDS, CHANGE_WORDS, REMOVE_WORDS].some((words) => isWord(verb, words));
    // Refused before a flow is started, not after its last question.
    if (edits && !MEMBERS.some((r) => ctx.actor.roles.includes(r))) throw new UserError('forbidden');
    if (verb === undefined || (args.length === 1 && isWord(verb, LIST_WORDS)))
      return { blocks: [...(await ownCareer(ctx)), text(t('market.items.usage.career'))] };
    if (isWord(verb, ADD_WORDS)) {
      // A file sent with `経歴 追加` is the attachment; the flow does not ask for it again.
      const files = attachedFiles(ctx);
      if (files.length > 1) throw new UserError('flow.files_too_many', { max: 1 });
      return ctx.startFlow('career', files.length === 1 ? { attachment: files } : {});
    }
    if (isWord(verb, CHANGE_WORDS)) {
      if (args[1] === undefined) throw new UserError('market.items.usage.career');
      const entry = await profiles.ownCareerEntry(ctx.actor, parseId(args[1]));
      return ctx.startFlow('career-edit', {
        entry: String(entry.id),
        ...(entry.attachment ? { attached: entry.attachment.name } : {}),
      });
    }
    if (isWord(verb, REMOVE_WORDS)) {
      if (args[1] === undefined) throw new UserError('market.items.usage.career');
      const removed = await profiles.removeCareerEntry(ctx.actor, parseId(args[1]));
      return {
        blocks: [
          text(t('market.items.career.removed', { id: removed.id, company: removed.company })),
          ...(await ownCareer(ctx)),
        ],
      };
    }
    // `経歴 5`: one entry in full, with its attachment (one's own, or a worker's).
    if (args.length === 1 && /^(?:#|no\.?)?\d+$/i.test(verb))
      return { blocks: careerDetail(t, await profiles.careerEntry(ctx.actor, parseId(verb))) };
    throw new UserError('market.items.usage.career');
  },
};

export const careerCommands: readonly Command[] = [career];
