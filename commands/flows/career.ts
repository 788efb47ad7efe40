/**
 * 経歴 as guided flows. Adding one (`経歴 追加`): category → start month → end month (or 現在) →
 * company → work → URL → role → environment/tools → team size → one attachment → confirmation. A file
 * sent with `経歴 追加` is the attachment and is not asked for. Changing one (`経歴 変更 5`) asks the
 * same questions, each showing what is there now: スキップ keeps it, 削除 empties it (where it may be
 * empty), and the attachment can be kept, replaced or removed.
 */
import type { CommandContext } from '../../src/chat/command.ts';
import { type FlowAnswers, type FlowDefinition, type FlowField, label } from '../../src/chat/flow.ts';
import { type Reply, text } from '../../src/chat/types.ts';
import {
  type CareerEntryView,
  type CareerInput,
  type CareerPatch,
  careerCategoryOf,
  careerCompanyOf,
  careerRoleOf,
  careerStackOf,
  careerUrlOf,
  careerWorkOf,
  teamSizeOf,
} from '../../src/domain/market/career.ts';
import { yearMonthOf } from '../../src/domain/market/profile-items.ts';
import { UserError } from '../../src/errors.ts';
import type { UploadedFile } from '../../src/files/storage.ts';
import type { MessageKey } from '../../src/i18n/index.ts';
import { type CareerField, careerDetail, careerField } from '../market-career.ts';

/** The end-month answer for work still going on. */
const PRESENT = 'present';
/** A changed entry's answer for "empty this field" (a skipped answer, '', keeps it). */
const CLEAR = '__clear__';
const PRESENT_WORDS = new Set([
  '現在',
  '現職',
  '継続中',
  '在籍中',
  '今',
  'present',
  'now',
  'current',
  'ongoing',
]);
const CLEAR_WORDS = new Set(['削除', 'クリア', '空にする', 'clear', 'delete', 'remove', 'empty']);
const CATEGORIES = ['dev', 'design', 'office', 'translation', 'writing', 'other'] as const;

const editing = (answers: FlowAnswers) => answers.entry !== undefined;
const word = (input: string) => input.normalize('NFKC').trim().toLowerCase();
const filesOf = (answers: FlowAnswers) => (answers.attachment as UploadedFile[] | undefined) ?? [];

/** The entry being changed, as it is now: one's own (someone else's was refused before the flow). */
const currentOf = (ctx: CommandContext, answers: FlowAnswers) =>
  ctx.services.domain.profiles.ownCareerEntry(ctx.actor, Number(answers.entry));

interface Question {
  name: string;
  field: CareerField;
  prompt: MessageKey;
  /** Asked until answered when adding; never emptied when changing. */
  required?: boolean;
  /** The current value as shown in the question ('' when none). */
  shown(ctx: CommandContext, entry: CareerEntryView): string;
  /** The checked answer, as it is kept until the end. */
  read(input: string, ctx: CommandContext, answers: FlowAnswers): Promise<string>;
}

/** The start month in effect: the answer, or the entry's when it was kept. */
async function startOf(ctx: CommandContext, answers: FlowAnswers): Promise<string> {
  const given = answers.periodFrom;
  if (typeof given === 'string' && given !== '') return given;
  return editing(answers) ? (await currentOf(ctx, answers)).periodFrom : '';
}

const QUESTIONS: Question[] = [
  {
    name: 'category',
    field: 'category',
    prompt: 'market.items.career.ask.category',
    shown: (_ctx, e) => e.category,
    read: async (input) => careerCategoryOf(input),
  },
  {
    name: 'periodFrom',
    field: 'period_from',
    prompt: 'market.items.career.ask.period_from',
    required: true,
    shown: (_ctx, e) => e.periodFrom,
    async read(input) {
      const month = yearMonthOf(input);
      if (month === null) throw new UserError('market.month_invalid');
      return month;
    },
  },
  {
    name: 'periodTo',
    field: 'period_to',
    prompt: 'market.items.career.ask.period_to',
    required: true,
    shown: (ctx, e) => e.periodTo ?? ctx.t('market.profile.present'),
    async read(input, ctx, answers) {
      if (PRESENT_WORDS.has(word(input))) return PRESENT;
      let month: string | null;
      try {
        month = yearMonthOf(input);
      } catch (err) {
        // Said again with 現在 in it: an end month is the one question that takes a word too.
        if (err instanceof UserError) throw new UserError('market.career_end_invalid');
        throw err;
      }
      if (month === null) throw new UserError('market.career_end_invalid');
      if (month < (await startOf(ctx, answers))) throw new UserError('market.career_period_invalid');
      return month;
    },
  },
  {
    name: 'company',
    field: 'company',
    prompt: 'market.items.career.ask.company',
    required: true,
    shown: (_ctx, e) => e.company,
    read: async (input) => careerCompanyOf(input),
  },
  {
    name: 'work',
    field: 'work',
    prompt: 'market.items.career.ask.work',
    shown: (_ctx, e) => e.work,
    read: async (input) => careerWorkOf(input),
  },
  {
    name: 'url',
    field: 'url',
    prompt: 'market.items.career.ask.url',
    shown: (_ctx, e) => e.url,
    read: async (input) => careerUrlOf(input),
  },
  {
    name: 'role',
    field: 'role',
    prompt: 'market.items.career.ask.role',
    shown: (_ctx, e) => e.role,
    read: async (input) => careerRoleOf(input),
  },
  {
    name: 'stack',
    field: 'stack',
    prompt: 'market.items.career.ask.stack',
    shown: (_ctx, e) => e.stack,
    read: async (input) => careerStackOf(input),
  },
  {
    name: 'teamSize',
    field: 'team_size',
    prompt: 'market.items.career.ask.team_size',
    shown: (ctx, e) =>
      e.teamSize === null ? '' : ctx.t('market.items.career.team_size', { count: e.teamSize }),
    read: async (input) => String(teamSizeOf(input)),
  },
];

const categoryChoices = async (ctx: CommandContext) =>
  CATEGORIES.map((c) => {
    const name = ctx.t(`market.items.career.category.${c}`);
    return { value: name, label: name };
  });

function fieldOf(q: Question, edit: boolean): FlowField {
  return {
    name: q.name,
    prompt: q.prompt,
    type: q.name === 'category' ? 'choice' : 'text',
    // Changing an entry, every question may be skipped: it keeps what is there.
    optional: edit || !q.required,
    ...(q.name === 'category' ? { choices: categoryChoices } : {}),
    // How to leave the question: skip an optional one when adding; keep or empty it when changing.
    async promptParams(ctx, answers) {
      if (!edit) return { hint: q.required ? '' : ctx.t('market.items.career.optional') };
      const shown = q.shown(ctx, await currentOf(ctx, answers));
      const value = shown === '' ? ctx.t('market.not_set') : shown;
      const key = q.required ? 'market.items.career.current_required' : 'market.items.career.current';
      return { hint: ctx.t(key, { value }) };
    },
    async resolve(input, ctx, answers) {
      if (edit && CLEAR_WORDS.has(word(input))) {
        if (q.required) throw new UserError('market.career_required', { field: careerField(ctx.t, q.field) });
        return CLEAR;
      }
      return q.read(input, ctx, answers);
    },
    // A kept end month must still not be before a changed start month.
    ...(q.name === 'periodTo' && edit
      ? {
          async check(value: unknown, ctx: CommandContext, answers: FlowAnswers) {
            if (value !== '') return;
            const { periodTo } = await currentOf(ctx, answers);
            if (periodTo !== null && periodTo < (await startOf(ctx, answers)))
              throw new UserError('market.career_period_invalid');
          },
        }
      : {}),
  };
}

const attachmentFields = (edit: boolean): FlowField[] => [
  {
    name: 'attachmentAction',
    prompt: 'market.items.career.ask.attachment_action',
    type: 'choice',
    optional: true,
    when: (answers) => edit && answers.attached !== undefined,
    promptParams: async (_ctx, answers) => ({ name: String(answers.attached) }),
    choices: async (ctx) => [
      { value: 'keep', label: ctx.t('market.items.career.keep_file') },
      { value: 'replace', label: ctx.t('market.items.career.replace_file') },
      { value: 'remove', label: ctx.t('market.items.career.remove_file') },
    ],
  },
  {
    name: 'attachment',
    prompt: 'market.items.career.ask.attachment',
    type: 'files',
    optional: true,
    maxFiles: 1,
    // Not asked when the file came with `経歴 追加`, nor when a changed entry keeps or drops its own.
    when: (answers) =>
      answers.attachment === undefined &&
      (!edit || answers.attached === undefined || answers.attachmentAction === 'replace'),
  },
];

/** What the entry will be, field by field, for the confirmation. */
async function summary(ctx: CommandContext, answers: FlowAnswers): Promise<string[]> {
  const { t } = ctx;
  const entry = editing(answers) ? await currentOf(ctx, answers) : null;
  const shownValue = (q: Question): string => {
    const given = answers[q.name];
    if (given === CLEAR) return '';
    if (given === undefined || given === '') return entry ? q.shown(ctx, entry) : '';
    if (q.name === 'periodTo' && given === PRESENT) return t('market.profile.present');
    if (q.name === 'teamSize') return t('market.items.career.team_size', { count: Number(given) });
    return String(given);
  };
  const shown = new Map(QUESTIONS.map((q) => [q.name, shownValue(q)]));
  const file = filesOf(answers)[0]?.name;
  const attachment =
    file ?? (answers.attachmentAction === 'remove' ? '' : entry?.attachment ? entry.attachment.name : '');
  const line = (field: CareerField, value: string | undefined) =>
    label(ctx, `market.items.career.field.${field}`, value ? value : t('market.not_set'));
  return [
    line('category', shown.get('category')),
    line(
      'period',
      t('market.items.career.period_value', {
        from: shown.get('periodFrom') ?? '',
        to: shown.get('periodTo') ?? '',
      }),
    ),
    line('company', shown.get('company')),
    line('work', shown.get('work')),
    line('url', shown.get('url')),
    line('role', shown.get('role')),
    line('stack', shown.get('stack')),
    line('team_size', shown.get('teamSize')),
    line('attachment', attachment),
  ];
}

const answer = (answers: FlowAnswers, name: string) => String(answers[name] ?? '');

async function shownAfter(ctx: CommandContext, lead: string, id: number): Promise<Reply> {
  // The saved entry as a card; the file itself the person has just sent, so it is not sent back.
  const entry = await ctx.services.domain.profiles.careerEntry(ctx.actor, id);
  return { blocks: [text(lead), ...careerDetail(ctx.t, entry).filter((b) => b.type !== 'file')] };
}

export const careerFlow: FlowDefinition = {
  id: 'career',
  fields: [...QUESTIONS.map((q) => fieldOf(q, false)), ...attachmentFields(false)],
  summary,
  async submit(ctx, answers) {
    const teamSize = answer(answers, 'teamSize');
    const input: CareerInput = {
      category: answer(answers, 'category'),
      periodFrom: answer(answers, 'periodFrom'),
      periodTo: answers.periodTo === PRESENT ? null : answer(answers, 'periodTo'),
      company: answer(answers, 'company'),
      work: answer(answers, 'work'),
      url: answer(answers, 'url'),
      role: answer(answers, 'role'),
      stack: answer(answers, 'stack'),
      teamSize: teamSize === '' ? null : Number(teamSize),
      attachment: filesOf(answers)[0] ?? null,
    };
    const saved = await ctx.services.domain.profiles.addCareerEntry(ctx.actor, input);
    return shownAfter(ctx, ctx.t('market.items.career.added', { id: saved.id }), saved.id);
  },
};

export const careerEditFlow: FlowDefinition = {
  id: 'career-edit',
  fields: [...QUESTIONS.map((q) => fieldOf(q, true)), ...attachmentFields(true)],
  summary,
  async submit(ctx, answers) {
    const patch: CareerPatch = {};
    const changed = (name: string) => {
      const given = answers[name];
      return given === undefined || given === '' ? undefined : given === CLEAR ? '' : String(given);
    };
    for (const name of ['category', 'periodFrom', 'company', 'work', 'url', 'role', 'stack'] as const) {
      const value = changed(name);
      if (value !== undefined) patch[name] = value;
    }
    const periodTo = changed('periodTo');
    if (periodTo !== undefined) patch.periodTo = periodTo === PRESENT ? null : periodTo;
    const teamSize = changed('teamSize');
    if (teamSize !== undefined) patch.teamSize = teamSize === '' ? null : Number(teamSize);
    const file = filesOf(answers)[0];
    if (file) patch.attachment = file;
    else if (answers.attachmentAction === 'remove') patch.attachment = null;
    const id = Number(answers.entry);
    await ctx.services.domain.profiles.updateCareerEntry(ctx.actor, id, patch);
    return shownAfter(ctx, ctx.t('market.items.career.updated', { id }), id);
  },
};
