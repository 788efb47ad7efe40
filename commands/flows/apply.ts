/**
 * 応募 as a guided flow (docs/domain.md §1.3), for a job chosen beforehand (`apply 12`): an optional
 * message → confirmation showing the job's title and reward → applies. `apply 12 message` applies at
 * once (work-worker.ts).
 */
import type { CommandContext } from '../../src/chat/command.ts';
import { type FlowAnswers, type FlowDefinition, label } from '../../src/chat/flow.ts';
import type { Reply } from '../../src/chat/types.ts';
import { text } from '../../src/chat/types.ts';
import { ACTIVE_APPLICATION_STATUSES } from '../../src/domain/work/records.ts';
import { UserError } from '../../src/errors.ts';
import { jobTitles } from '../job-card.ts';
import { yen } from '../kit/format.ts';

const jobIdOf = (answers: FlowAnswers) => Number(answers.job);

/**
 * Starts the flow for `jobId` after the checks the service will make anyway (the job is open, its
 * deadline has not passed, no active application yet), so nobody types a message only to be refused.
 */
export async function startApplyFlow(ctx: CommandContext, jobId: number): Promise<Reply> {
  const { job, active } = await ctx.services.store.uow.read(async (tx) => ({
    job: await tx.work.jobs.get(jobId),
    active: await tx.work.applications.find({
      jobId,
      workerId: ctx.actor.userId,
      status: [...ACTIVE_APPLICATION_STATUSES],
    }),
  }));
  if (!job || job.status === 'draft') throw new UserError('not_found', { thing: '@thing.job' });
  if (job.status !== 'open') throw new UserError('job.not_open');
  if (job.deadline && job.deadline.getTime() <= ctx.services.clock().getTime())
    throw new UserError('job.deadline_passed');
  // A confidential job: refused (with what is missing) before the message is asked for.
  if (job.confidential && !(await ctx.services.domain.jobs.clearance(ctx.actor)).cleared)
    throw new UserError('checks.confidential.locked');
  if (active.length > 0) throw new UserError('application.duplicate');
  return ctx.startFlow('apply', { job: String(jobId) });
}

export const applyFlow: FlowDefinition = {
  id: 'apply',
  fields: [{ name: 'message', prompt: 'flow.apply.message', type: 'text', optional: true }],
  async summary(ctx, answers) {
    const job = await ctx.services.domain.jobs.get(ctx.actor, jobIdOf(answers));
    const message = String(answers.message ?? '');
    return [
      label(ctx, 'flow.label.job', `#${job.id} ${job.title}`),
      label(ctx, 'flow.label.reward', yen(ctx, job.rewardYen)),
      label(ctx, 'flow.label.message', message === '' ? ctx.t('work.none') : message),
    ];
  },
  async submit(ctx, answers) {
    const { t } = ctx;
    const jobId = jobIdOf(answers);
    const app = await ctx.services.domain.applications.apply(ctx.actor, jobId, String(answers.message ?? ''));
    const titles = await jobTitles(ctx, [jobId]);
    return {
      blocks: [
        text(t('work.apply.done', { id: app.id, jobId, job: titles.get(jobId) ?? '' })),
        {
          type: 'buttons',
          buttons: [
            await ctx.button(t('work.button.see_application'), `application ${app.id}`, 'primary'),
            await ctx.button(t('work.button.my_applications'), 'applications'),
          ],
        },
      ],
    };
  },
};
