/**
 * 応募状況: one application as its worker or its job's managers see it — status, work files, the
 * question history and the deliveries — with the buttons for whoever has the next move.
 */
import type { Command, CommandContext } from '../src/chat/command.ts';
import { type Block, type Button, type Field, text } from '../src/chat/types.ts';
import type { DeliveryDetail } from '../src/domain/work/deliveries.ts';
import type { ApplicationRecord, QuestionRecord } from '../src/domain/work/records.ts';
import { statusLabel } from './application-status.ts';
import { jobTitles } from './job-card.ts';
import { idArg } from './kit/args.ts';
import { fileBlocks, fileNames } from './kit/files.ts';
import { dateText, joined } from './kit/format.ts';
import { namesOf, personText } from './kit/people.ts';

/** The worker's next move on their own application. */
async function workerButtons(ctx: CommandContext, app: ApplicationRecord): Promise<Button[]> {
  const { t } = ctx;
  switch (app.status) {
    case 'applied':
      return [await ctx.button(t('work.button.withdraw'), `withdraw ${app.id}`, 'danger')];
    case 'accepted':
      return app.workFilesHandedAt
        ? [await ctx.button(t('work.button.start'), `start ${app.id}`, 'primary')]
        : [];
    case 'revision_requested':
      return [await ctx.button(t('work.button.restart'), `start ${app.id}`, 'primary')];
    case 'working':
      return [await ctx.button(t('work.button.deliver_how'), `deliver ${app.id}`)];
    default:
      return [];
  }
}

/** The manager's next move (staff or the job's poster). */
async function managerButtons(ctx: CommandContext, app: ApplicationRecord): Promise<Button[]> {
  const { t } = ctx;
  switch (app.status) {
    case 'applied':
      return [
        await ctx.button(t('work.button.accept'), `accept ${app.id}`, 'primary'),
        await ctx.button(t('work.button.reject'), `reject ${app.id}`, 'danger'),
      ];
    case 'delivered':
      return [await ctx.button(t('work.button.review'), `review ${app.id}`, 'primary')];
    default:
      return [];
  }
}

function questionBlock(ctx: CommandContext, questions: QuestionRecord[], asWorker: boolean): Block {
  const { t } = ctx;
  return {
    type: 'list',
    title: t('work.application.questions'),
    items: questions.map((q) => ({
      title: t('work.application.question', { id: q.id, date: dateText(ctx, q.createdAt), body: q.body }),
      description:
        q.answer !== null
          ? t('work.application.answer', { answer: q.answer })
          : asWorker
            ? t('work.application.unanswered')
            : t('work.application.answer_hint', { id: q.id }),
    })),
  };
}

function deliveryBlock(ctx: CommandContext, deliveries: DeliveryDetail[], names: Map<number, string>): Block {
  const { t } = ctx;
  return {
    type: 'list',
    title: t('work.application.deliveries'),
    items: deliveries.map(({ delivery, files }) => ({
      title: t('work.application.delivery', { id: delivery.id, date: dateText(ctx, delivery.createdAt) }),
      description: [
        ...(delivery.note ? [t('work.field.note_line', { note: delivery.note })] : []),
        t('work.field.files_line', {
          files: joined(
            ctx,
            files.map((f) => names.get(f.fileId) ?? '-'),
          ),
        }),
        t(`work.review_status.${delivery.reviewStatus}`),
        ...(delivery.feedback ? [t('work.field.feedback_line', { feedback: delivery.feedback })] : []),
      ].join('\n'),
    })),
  };
}

export const applicationCommand: Command = {
  name: 'application',
  aliases: { ja: ['応募状況', '応募詳細'], en: ['application', 'application-status'] },
  summary: 'cmd.application.summary',
  roles: ['worker', 'client', 'staff', 'admin'],
  async run(ctx) {
    const { t, actor } = ctx;
    const { domain } = ctx.services;
    const id = idArg(ctx, 0, 'work.usage.application');
    // Each call checks the actor may see the application (its worker or its job's managers).
    const { application: app, workFiles } = await domain.applications.get(actor, id);
    const questions = await domain.questions.history(actor, id);
    const deliveries = await domain.deliveries.list(actor, id);
    const asWorker = app.workerId === actor.userId;

    const names = await fileNames(ctx, [
      ...workFiles.map((f) => f.fileId),
      ...deliveries.flatMap((d) => d.files.map((f) => f.fileId)),
    ]);
    const title = (await jobTitles(ctx, [app.jobId])).get(app.jobId) ?? '';
    const fields: Field[] = [
      { label: t('work.field.job'), value: `#${app.jobId} ${title}` },
      { label: t('work.field.status'), value: statusLabel(ctx, app.status) },
    ];
    if (!asWorker) {
      const people = await namesOf(ctx, [app.workerId]);
      fields.push({ label: t('work.field.worker'), value: personText(people, app.workerId) });
    }
    fields.push({ label: t('work.field.applied_on'), value: dateText(ctx, app.createdAt) });
    if (app.message) fields.push({ label: t('work.field.message'), value: app.message });
    if (app.decisionReason) fields.push({ label: t('work.field.reason'), value: app.decisionReason });
    fields.push({
      label: t('work.field.work_files'),
      value: joined(
        ctx,
        workFiles.map((f) => names.get(f.fileId) ?? '-'),
      ),
    });
    if (app.startedAt)
      fields.push({ label: t('work.field.started_on'), value: dateText(ctx, app.startedAt) });

    const buttons = asWorker ? await workerButtons(ctx, app) : await managerButtons(ctx, app);
    buttons.push(await ctx.button(t('work.button.job'), `job ${app.jobId}`));
    const blocks: Block[] = [
      { type: 'card', title: t('work.application.title', { id: app.id }), fields, buttons },
    ];
    if (questions.length > 0) blocks.push(questionBlock(ctx, questions, asWorker));
    if (deliveries.length > 0) blocks.push(deliveryBlock(ctx, deliveries, names));

    const hints: string[] = [];
    const open = ['applied', 'accepted', 'working', 'delivered', 'revision_requested'].includes(app.status);
    if (asWorker && app.status === 'working') hints.push(t('work.deliver.how', { id: app.id }));
    if (asWorker && open) hints.push(t('work.application.ask_hint', { id: app.id }));
    if (!asWorker && ['accepted', 'working', 'revision_requested'].includes(app.status))
      hints.push(t('work.handout.how', { id: app.id }));
    if (hints.length > 0) blocks.push(text(hints.join('\n')));
    // The files themselves: the work files for everyone who may see the application, and the
    // latest delivery's files for the people who review it.
    const latest = deliveries.at(-1);
    blocks.push(
      ...(await fileBlocks(ctx, [
        ...workFiles.map((f) => f.fileId),
        ...(!asWorker && latest ? latest.files.map((f) => f.fileId) : []),
      ])),
    );
    return { blocks };
  },
};
