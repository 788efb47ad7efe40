/**
 * A job notice as the work portal shows it: the card with everything a worker needs to decide
 * (reward, openings, deadline, place, skills, in the business time zone), and jobs' titles by id
 * for replies that name a job next to an application. Read titles only for ids the service has just
 * returned to this actor.
 */
import type { CommandContext } from '../src/chat/command.ts';
import type { CardBlock } from '../src/chat/types.ts';
import type { JobRecord } from '../src/domain/work/records.ts';
import { dateText, joined, yen } from './kit/format.ts';

/** One job notice as a card: everything a worker needs to decide, in the business time zone. */
export function jobCard(ctx: CommandContext, job: JobRecord): CardBlock {
  const { t } = ctx;
  const reward =
    job.rewardType === 'unit' && job.unitPriceYen !== null && job.quantity !== null
      ? t('work.job.reward_unit', {
          unit: yen(ctx, job.unitPriceYen),
          quantity: job.quantity,
          total: yen(ctx, job.rewardYen),
        })
      : yen(ctx, job.rewardYen);
  const fields = [
    { label: t('work.field.status'), value: t(`job.status.${job.status}`) },
    { label: t('jobs.field.reward'), value: reward },
    { label: t('jobs.field.openings'), value: t('jobs.openings', { count: job.openings }) },
    {
      label: t('jobs.field.deadline'),
      value: job.deadline ? dateText(ctx, job.deadline) : t('jobs.no_deadline'),
    },
    ...(job.dueDate ? [{ label: t('work.field.due_date'), value: dateText(ctx, job.dueDate) }] : []),
    { label: t('jobs.field.location'), value: job.remote ? t('jobs.remote') : (job.prefecture ?? '-') },
    ...(job.skills.length > 0 ? [{ label: t('work.field.skills'), value: joined(ctx, job.skills) }] : []),
  ];
  // 機密案件: whoever sees this card is cleared or manages the job; the requirement is stated.
  if (job.confidential)
    fields.push({
      label: `🔒 ${t('checks.confidential.label')}`,
      value: t('checks.confidential.staff_note'),
    });
  return {
    type: 'card',
    title: `#${job.id} ${job.title}`,
    ...(job.category ? { subtitle: job.category } : {}),
    ...(job.description ? { body: job.description } : {}),
    fields,
  };
}

/** Jobs' titles by id (unknown ids are left out). */
export async function jobTitles(ctx: CommandContext, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.services.store.uow.read((tx) => tx.work.jobs.find({ id: [...new Set(ids)] }));
  return new Map(rows.map((j) => [j.id, j.title]));
}
