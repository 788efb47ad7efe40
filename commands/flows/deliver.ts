/**
 * 納品 as a guided flow (docs/domain.md §1.7), for an application chosen beforehand (`deliver 12`):
 * the delivered files (at least one) → an optional note → confirmation → delivers. `deliver 12 note`
 * with files attached delivers at once (work-worker.ts).
 */
import type { CommandContext } from '../../src/chat/command.ts';
import { type FlowAnswers, type FlowDefinition, label } from '../../src/chat/flow.ts';
import { type Reply, text } from '../../src/chat/types.ts';
import { UserError } from '../../src/errors.ts';
import type { UploadedFile } from '../../src/files/storage.ts';

const applicationIdOf = (answers: FlowAnswers) => Number(answers.application);
const filesOf = (answers: FlowAnswers) => (answers.files as UploadedFile[] | undefined) ?? [];

/**
 * Starts the flow for `applicationId` once it is known to be the worker's own and in work, so the
 * files are not collected only to be refused. A note typed with the command is kept.
 */
export async function startDeliverFlow(
  ctx: CommandContext,
  applicationId: number,
  note: string,
): Promise<Reply> {
  const { application } = await ctx.services.domain.applications.get(ctx.actor, applicationId);
  if (application.workerId !== ctx.actor.userId) throw new UserError('forbidden');
  if (application.status !== 'working') {
    throw new UserError('application.wrong_state', {
      status: `@application.status.${application.status}`,
    });
  }
  return ctx.startFlow('deliver', {
    application: String(applicationId),
    ...(note === '' ? {} : { note }),
  });
}

export const deliverFlow: FlowDefinition = {
  id: 'deliver',
  fields: [
    {
      name: 'files',
      prompt: 'flow.deliver.files',
      type: 'files',
      // "done" with nothing attached is asked again, with the reason.
      check: async (value) => {
        if ((value as UploadedFile[]).length === 0) throw new UserError('flow.deliver.files_required');
      },
    },
    // A note typed with the command (`deliver 12 note`) is not asked again.
    {
      name: 'note',
      prompt: 'flow.deliver.note',
      type: 'text',
      optional: true,
      when: (answers) => answers.note === undefined,
    },
  ],
  async summary(ctx, answers) {
    const note = String(answers.note ?? '');
    return [
      label(ctx, 'flow.label.application', `#${applicationIdOf(answers)}`),
      label(
        ctx,
        'flow.label.files',
        filesOf(answers)
          .map((f) => f.name)
          .join(', '),
      ),
      label(ctx, 'flow.label.note', note === '' ? ctx.t('work.none') : note),
    ];
  },
  async submit(ctx, answers) {
    const { t } = ctx;
    const applicationId = applicationIdOf(answers);
    const { files } = await ctx.services.domain.deliveries.deliver(
      ctx.actor,
      applicationId,
      String(answers.note ?? ''),
      filesOf(answers),
    );
    return {
      blocks: [
        text(t('work.deliver.done', { id: applicationId, count: files.length })),
        {
          type: 'buttons',
          buttons: [await ctx.button(t('work.button.details'), `application ${applicationId}`)],
        },
      ],
    };
  },
};
