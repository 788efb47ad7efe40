/**
 * The worker's side of the work portal (docs/domain.md §1.2–§1.7): a job's details, applying, the
 * applications list, withdrawing, starting, asking and delivering. Money, alerts and notices are in
 * work-money.ts and work-settings.ts; one application's details in work-application.ts.
 */
import type { Command, CommandContext } from '../src/chat/command.ts';
import { type Block, type Button, text } from '../src/chat/types.ts';
import { canManageJob } from '../src/domain/work/access.ts';
import { nextStatus } from '../src/domain/work/application-states.ts';
import type { ApplicationRecord, JobRecord } from '../src/domain/work/records.ts';
import { UserError } from '../src/errors.ts';
import { statusLabel } from './application-status.ts';
import { lockedJobReply } from './checks.ts';
import { startApplyFlow } from './flows/apply.ts';
import { startDeliverFlow } from './flows/deliver.ts';
import { jobCard, jobTitles } from './job-card.ts';
import { freeText, idArg, pageArg } from './kit/args.ts';
import { attachedFiles } from './kit/files.ts';
import { dateText } from './kit/format.ts';
import { PAGE_SIZE, pageNav } from './kit/pages.ts';
import { applicationCommand } from './work-application.ts';
import { complianceWorkerCommands } from './work-compliance.ts';
import { moneyCommands } from './work-money.ts';
import { settingsCommands } from './work-settings.ts';

const isLocked = (err: unknown) => err instanceof UserError && err.key === 'checks.confidential.locked';

/** 案件詳細: one job notice, with Apply for workers and the applicants for those who manage it. */
const job: Command = {
  name: 'job',
  aliases: { ja: ['案件詳細', '求人詳細'], en: ['job', 'job-detail'] },
  summary: 'cmd.job.summary',
  roles: ['worker', 'client', 'staff', 'admin'],
  async run(ctx) {
    const { t, actor } = ctx;
    const jobId = idArg(ctx, 0, 'work.usage.job');
    let found: JobRecord;
    try {
      found = await ctx.services.domain.jobs.get(actor, jobId);
    } catch (err) {
      // A confidential job shows its title and what the person still needs, with buttons to do it.
      const locked = isLocked(err) ? await lockedJobReply(ctx, jobId) : null;
      if (locked) return locked;
      throw err;
    }
    const card = jobCard(ctx, found);
    const buttons: Button[] = [];
    if (found.status === 'open' && actor.roles.includes('worker'))
      buttons.push(await ctx.button(t('work.button.apply'), `apply ${found.id}`, 'primary'));
    if (canManageJob(actor, found)) {
      buttons.push(await ctx.button(t('work.button.applicants'), `applicants ${found.id}`));
      if (found.status === 'open')
        buttons.push(await ctx.button(t('work.button.close_job'), `close-job ${found.id}`));
    }
    if (buttons.length > 0) card.buttons = buttons;
    const blocks: Block[] = [card];
    if (found.status === 'open' && actor.roles.includes('worker'))
      blocks.push(text(t('work.job.apply_hint', { id: found.id })));
    return { blocks };
  },
};

/** 応募: applies with an optional message; one active application per job. */
const apply: Command = {
  name: 'apply',
  aliases: { ja: ['応募', '応募する'], en: ['apply'] },
  summary: 'cmd.apply.summary',
  roles: ['worker'],
  async run(ctx) {
    const { t } = ctx;
    const jobId = idArg(ctx, 0, 'work.usage.apply');
    let app: ApplicationRecord;
    try {
      if (ctx.args.length === 1) return await startApplyFlow(ctx, jobId);
      app = await ctx.services.domain.applications.apply(ctx.actor, jobId, freeText(ctx, 1));
    } catch (err) {
      const locked = isLocked(err) ? await lockedJobReply(ctx, jobId) : null;
      if (locked) return locked;
      throw err;
    }
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

/** The one obvious next step of the worker's own application, as a button. */
function nextStep(ctx: CommandContext, app: ApplicationRecord): Promise<Button> {
  const { t } = ctx;
  if (app.status === 'accepted' && app.workFilesHandedAt)
    return ctx.button(t('work.button.start'), `start ${app.id}`, 'primary');
  if (app.status === 'revision_requested')
    return ctx.button(t('work.button.restart'), `start ${app.id}`, 'primary');
  if (app.status === 'working') return ctx.button(t('work.button.deliver_how'), `deliver ${app.id}`);
  return ctx.button(t('work.button.details'), `application ${app.id}`);
}

/** 応募一覧: the worker's applications, most recently changed first. */
const applications: Command = {
  name: 'applications',
  aliases: { ja: ['応募一覧', '応募履歴', '応募案件'], en: ['applications', 'my-applications'] },
  summary: 'cmd.applications.summary',
  roles: ['worker'],
  async run(ctx) {
    const { t } = ctx;
    const page = pageArg(ctx.args[0], 'work.bad_page');
    const { items, total } = await ctx.services.domain.applications.listMine(ctx.actor, {
      offset: (page - 1) * PAGE_SIZE,
      limit: PAGE_SIZE,
    });
    if (total === 0) {
      return {
        blocks: [
          text(t('work.applications.empty')),
          { type: 'buttons', buttons: [await ctx.button(t('work.button.browse_jobs'), 'jobs')] },
        ],
      };
    }
    const titles = await jobTitles(
      ctx,
      items.map((a) => a.jobId),
    );
    const listed = [];
    for (const a of items) {
      listed.push({
        title: `#${a.id} ${titles.get(a.jobId) ?? `#${a.jobId}`}`,
        description: t('work.applications.line', {
          status: statusLabel(ctx, a.status),
          date: dateText(ctx, a.updatedAt),
        }),
        button: await nextStep(ctx, a),
      });
    }
    return {
      blocks: [
        { type: 'list', title: t('work.applications.title', { count: total }), items: listed },
        ...(await pageNav(ctx, { page, total, commandFor: (p) => `applications ${p}`, portal: 'work' })),
      ],
    };
  },
};

/** 辞退: withdraws an application that has not been decided yet, once the worker confirms. */
const withdraw: Command = {
  name: 'withdraw',
  aliases: { ja: ['辞退', '応募取り消し'], en: ['withdraw'] },
  summary: 'cmd.withdraw.summary',
  roles: ['worker'],
  async run(ctx) {
    const id = idArg(ctx, 0, 'work.usage.withdraw');
    // It cannot be undone: ask first (`辞退 12 はい` / the button confirms).
    if (!CONFIRM_WORDS.has((ctx.args[1] ?? '').toLowerCase())) {
      const { application } = await ctx.services.domain.applications.get(ctx.actor, id);
      // The same state rule the service applies: no question for a step that would be refused.
      nextStatus(application, 'withdraw');
      const title = (await jobTitles(ctx, [application.jobId])).get(application.jobId) ?? '';
      return {
        blocks: [
          text(ctx.t('work.withdraw.confirm', { id, job: `#${application.jobId} ${title}` })),
          {
            type: 'buttons',
            buttons: [
              await ctx.button(ctx.t('work.button.withdraw_confirm'), `withdraw ${id} yes`, 'danger'),
              await ctx.button(ctx.t('work.button.keep_application'), `application ${id}`),
            ],
          },
        ],
      };
    }
    const app = await ctx.services.domain.applications.withdraw(ctx.actor, id);
    return { blocks: [text(ctx.t('work.withdraw.done', { id: app.id }))] };
  },
};

const CONFIRM_WORDS = new Set(['yes', 'はい', '確定', 'ok']);

/** 作業開始: once accepted with the work files handed over, or again after a revision request. */
const start: Command = {
  name: 'start',
  aliases: { ja: ['作業開始', '作業再開'], en: ['start', 'start-work'] },
  summary: 'cmd.start.summary',
  roles: ['worker'],
  async run(ctx) {
    const { t } = ctx;
    const app = await ctx.services.domain.applications.start(ctx.actor, idArg(ctx, 0, 'work.usage.start'));
    return {
      blocks: [
        text(`${t('work.start.done', { id: app.id })}\n${t('work.deliver.how', { id: app.id })}`),
        {
          type: 'buttons',
          buttons: [await ctx.button(t('work.button.details'), `application ${app.id}`)],
        },
      ],
    };
  },
};

/** 質問: a question on the worker's application; staff answer, the history stays in order. */
const ask: Command = {
  name: 'ask',
  aliases: { ja: ['質問', '質問する'], en: ['ask', 'question'] },
  summary: 'cmd.ask.summary',
  roles: ['worker'],
  async run(ctx) {
    const { t } = ctx;
    const applicationId = idArg(ctx, 0, 'work.usage.ask');
    const body = freeText(ctx, 1);
    if (body === '') throw new UserError('work.usage.ask');
    const q = await ctx.services.domain.questions.ask(ctx.actor, applicationId, body);
    return {
      blocks: [
        text(t('work.ask.done', { id: q.id, application: applicationId })),
        {
          type: 'buttons',
          buttons: [await ctx.button(t('work.button.details'), `application ${applicationId}`)],
        },
      ],
    };
  },
};

/**
 * 納品: the files attached to this message plus an optional note. Without files it starts the guided
 * flow (commands/flows/deliver.ts), after checking the application is the worker's and in work.
 */
const deliver: Command = {
  name: 'deliver',
  aliases: { ja: ['納品', '納品する'], en: ['deliver', 'delivery'] },
  summary: 'cmd.deliver.summary',
  roles: ['worker'],
  async run(ctx) {
    const { t } = ctx;
    const applicationId = idArg(ctx, 0, 'work.usage.deliver');
    const uploads = attachedFiles(ctx);
    if (uploads.length === 0) return startDeliverFlow(ctx, applicationId, freeText(ctx, 1));
    const { files } = await ctx.services.domain.deliveries.deliver(
      ctx.actor,
      applicationId,
      freeText(ctx, 1),
      uploads,
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

export const workerCommands: readonly Command[] = [
  job,
  apply,
  applications,
  applicationCommand,
  withdraw,
  start,
  ask,
  deliver,
  ...moneyCommands,
  ...complianceWorkerCommands,
  ...settingsCommands,
];
