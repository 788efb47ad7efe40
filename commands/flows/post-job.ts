/**
 * 求人登録 as a guided flow (docs/domain.md §1.1): title → description → category → skills → place
 * (remote or a prefecture) → reward → openings → application deadline → posts the job open, which
 * sends job alerts. The one-line `post-job title / reward / openings` form stays in work-staff.ts.
 */
import type { CommandContext } from '../../src/chat/command.ts';
import { type FlowAnswers, type FlowDefinition, label } from '../../src/chat/flow.ts';
import { type Block, text } from '../../src/chat/types.ts';
import { canonicalPrefecture } from '../../src/domain/prefectures.ts';
import { UserError } from '../../src/errors.ts';
import { jobCard } from '../job-card.ts';
import { dateText, endOfBusinessDay, joined, yen } from '../kit/format.ts';

const REMOTE = 'remote';
/** Words that mean "remote" besides the choice itself. */
const REMOTE_WORDS = new Set(['remote', 'リモート', '在宅', 'テレワーク', 'online', 'オンライン']);

/** `a, b、c` → `['a', 'b', 'c']`. */
const skillsOf = (answers: FlowAnswers) =>
  String(answers.skills ?? '')
    .split(/[,、，]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

const deadlineOf = (ctx: CommandContext, answers: FlowAnswers) =>
  answers.deadline ? endOfBusinessDay(ctx, String(answers.deadline)) : null;
/** 納期: the end of the business day the work is due, stated in the order's terms (docs/domain.md §1.4). */
const dueOf = (ctx: CommandContext, answers: FlowAnswers) =>
  answers.due ? endOfBusinessDay(ctx, String(answers.due)) : null;

const placeText = (ctx: CommandContext, answers: FlowAnswers) =>
  answers.place === REMOTE ? ctx.t('jobs.remote') : String(answers.place);

const optionalText = (ctx: CommandContext, value: unknown) =>
  value === undefined || value === '' ? ctx.t('work.none') : String(value);

export const postJobFlow: FlowDefinition = {
  id: 'post-job',
  fields: [
    { name: 'title', prompt: 'flow.post_job.title', type: 'text' },
    { name: 'description', prompt: 'flow.post_job.description', type: 'text', optional: true },
    { name: 'category', prompt: 'flow.post_job.category', type: 'text', optional: true },
    { name: 'skills', prompt: 'flow.post_job.skills', type: 'text', optional: true },
    {
      name: 'place',
      prompt: 'flow.post_job.place',
      type: 'choice',
      choices: async (ctx) => [{ value: REMOTE, label: ctx.t('jobs.remote') }],
      resolve: async (input) => {
        if (REMOTE_WORDS.has(input.toLowerCase())) return REMOTE;
        const prefecture = canonicalPrefecture(input);
        if (prefecture === null)
          throw new UserError('flow.post_job.unknown_prefecture', { input: input.slice(0, 20) });
        return prefecture;
      },
    },
    {
      name: 'reward',
      prompt: 'flow.post_job.reward',
      type: 'yen',
      // Checked here, at its own step: a refusal at the end would throw the other answers away.
      check: async (value) => {
        if (Number(value) < 1) throw new UserError('job.bad_reward');
      },
    },
    {
      name: 'openings',
      prompt: 'flow.post_job.openings',
      type: 'number',
      check: async (value) => {
        if (Number(value) < 1) throw new UserError('flow.post_job.openings_min');
      },
    },
    {
      name: 'deadline',
      prompt: 'flow.post_job.deadline',
      type: 'date',
      optional: true,
      check: async (value, ctx) => {
        if (value === null || value === undefined || value === '') return; // skipped: no deadline
        const end = endOfBusinessDay(ctx, String(value));
        if (end.getTime() <= ctx.services.clock().getTime()) throw new UserError('job.deadline_in_past');
      },
    },
    {
      name: 'due',
      prompt: 'flow.post_job.due',
      type: 'date',
      optional: true,
      check: async (value, ctx, answers) => {
        if (value === null || value === undefined || value === '') return; // skipped: stated later
        const due = endOfBusinessDay(ctx, String(value));
        if (due.getTime() <= ctx.services.clock().getTime()) throw new UserError('job.due_in_past');
        const deadline = deadlineOf(ctx, answers);
        if (deadline && due.getTime() < deadline.getTime()) throw new UserError('job.due_before_deadline');
      },
    },
  ],
  async summary(ctx, answers) {
    const deadline = deadlineOf(ctx, answers);
    const due = dueOf(ctx, answers);
    return [
      label(ctx, 'flow.label.title', String(answers.title)),
      label(ctx, 'flow.label.description', optionalText(ctx, answers.description)),
      label(ctx, 'flow.label.job_category', optionalText(ctx, answers.category)),
      label(ctx, 'flow.label.skills', joined(ctx, skillsOf(answers))),
      label(ctx, 'flow.label.place', placeText(ctx, answers)),
      label(ctx, 'flow.label.reward', yen(ctx, Number(answers.reward))),
      label(ctx, 'flow.label.openings', ctx.t('jobs.openings', { count: Number(answers.openings) })),
      label(ctx, 'flow.label.deadline', deadline ? dateText(ctx, deadline) : ctx.t('jobs.no_deadline')),
      label(ctx, 'work.field.due_date', due ? dateText(ctx, due) : ctx.t('compliance.terms.no_due')),
    ];
  },
  async submit(ctx, answers) {
    const { t } = ctx;
    const remote = answers.place === REMOTE;
    // A deadline that is not in the future is refused by the service; its reason is shown.
    const { job, alerts } = await ctx.services.domain.jobs.post(ctx.actor, {
      title: String(answers.title),
      description: String(answers.description ?? ''),
      category: String(answers.category ?? ''),
      skills: skillsOf(answers),
      prefecture: remote ? null : String(answers.place),
      remote,
      reward: { type: 'fixed', yen: Number(answers.reward) },
      openings: Number(answers.openings),
      deadline: deadlineOf(ctx, answers),
      dueDate: dueOf(ctx, answers),
      status: 'open',
    });
    const card = jobCard(ctx, job);
    card.buttons = [
      await ctx.button(t('work.button.applicants'), `applicants ${job.id}`),
      await ctx.button(t('work.button.close_job'), `close-job ${job.id}`),
    ];
    const blocks: Block[] = [text(t('work.post_job.done', { id: job.id, alerts })), card];
    return { blocks };
  },
};
