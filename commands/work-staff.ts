/**
 * The staff side of the work portal (docs/domain.md §1.1, §1.4): posting, closing and cancelling job
 * notices, and deciding on applicants. Clients may do the same for their own jobs (the services check
 * who manages a job). Work files, questions and reviews are in work-review.ts; invoicing, the month
 * close and notices in work-payroll.ts.
 */
import { parseDate, parseYen } from '../src/chat/args.ts';
import type { Command, CommandContext } from '../src/chat/command.ts';
import { type Block, type Button, type CardBlock, text } from '../src/chat/types.ts';
import type { PostJobInput } from '../src/domain/work/jobs.ts';
import { type ApplicationRecord, SEAT_HOLDING_STATUSES } from '../src/domain/work/records.ts';
import { UserError } from '../src/errors.ts';
import { statusLabel } from './application-status.ts';
import { jobCard } from './job-card.ts';
import { freeText, idArg, pageArg } from './kit/args.ts';
import { businessToday, dateText, endOfBusinessDay } from './kit/format.ts';
import { PAGE_SIZE, pageNav } from './kit/pages.ts';
import { namesOf, personText } from './kit/people.ts';
import { complianceStaffCommands } from './work-compliance.ts';
import { payrollCommands } from './work-payroll.ts';
import { reviewCommands } from './work-review.ts';

const MANAGERS = ['staff', 'admin', 'client'] as const;

/** `12000`, `1.2万円`, or a unit price × quantity: `50×200`, `50円x200`. */
function parseReward(input: string): PostJobInput['reward'] {
  const unit = /^(.+?)\s*[×xX*]\s*(\d+)$/.exec(input);
  if (unit) return { type: 'unit', unitPriceYen: parseYen(unit[1]), quantity: Number(unit[2]) };
  return { type: 'fixed', yen: parseYen(input) };
}

/** The ` / `-separated fields of the one-line form (a plain `/` when there are exactly three). */
function formFields(rest: string): string[] {
  const spaced = rest.split(/\s+\/\s+/).map((s) => s.trim());
  if (spaced.length >= 3) return spaced;
  const plain = rest.split('/').map((s) => s.trim());
  return plain.length === 3 ? plain : spaced;
}

/** 求人登録: `title / reward / openings [/ deadline]`, posted open and remote (sends job alerts). */
const postJob: Command = {
  name: 'post-job',
  aliases: { ja: ['求人登録', '案件登録'], en: ['post-job', 'new-job'] },
  summary: 'cmd.post-job.summary',
  roles: MANAGERS,
  async run(ctx) {
    const { t } = ctx;
    if (ctx.args.length === 0) return ctx.startFlow('post-job');
    const fields = formFields(ctx.rest);
    const [title, rewardText, openingsText, deadlineText, dueText] = fields;
    if (fields.length > 5 || !title || !rewardText || !openingsText)
      throw new UserError('work.usage.post_job');
    const openings = /^\d{1,6}[名人]?$/.test(openingsText) ? Number.parseInt(openingsText, 10) : Number.NaN;
    if (Number.isNaN(openings)) throw new UserError('job.bad_openings');
    const dateOf = (text: string | undefined) =>
      text ? endOfBusinessDay(ctx, parseDate(text, businessToday(ctx))) : null;
    const deadline = dateOf(deadlineText);
    const { job, alerts } = await ctx.services.domain.jobs.post(ctx.actor, {
      title,
      reward: parseReward(rewardText),
      openings,
      deadline,
      dueDate: dateOf(dueText),
      // The portal's work is done from home (在宅業務); the one-line form has no place field yet.
      remote: true,
      status: 'open',
    });
    const card = jobCard(ctx, job);
    card.buttons = [
      await ctx.button(t('work.button.applicants'), `applicants ${job.id}`),
      await ctx.button(t('work.button.close_job'), `close-job ${job.id}`),
    ];
    return { blocks: [text(t('work.post_job.done', { id: job.id, alerts })), card] };
  },
};

/** 募集終了: no more applications; accepted work goes on. */
const closeJob: Command = {
  name: 'close-job',
  aliases: { ja: ['募集終了', '募集締切'], en: ['close-job'] },
  summary: 'cmd.close-job.summary',
  roles: MANAGERS,
  async run(ctx) {
    const job = await ctx.services.domain.jobs.close(ctx.actor, idArg(ctx, 0, 'work.usage.close_job'));
    return { blocks: [text(ctx.t('work.close_job.done', { id: job.id, title: job.title }))] };
  },
};

/** 募集中止: cancels a job notice that is still a draft or open. */
const cancelJob: Command = {
  name: 'cancel-job',
  aliases: { ja: ['募集中止', '案件中止'], en: ['cancel-job'] },
  summary: 'cmd.cancel-job.summary',
  roles: MANAGERS,
  async run(ctx) {
    const job = await ctx.services.domain.jobs.cancel(ctx.actor, idArg(ctx, 0, 'work.usage.cancel_job'));
    return { blocks: [text(ctx.t('work.cancel_job.done', { id: job.id, title: job.title }))] };
  },
};

async function applicantButtons(ctx: CommandContext, app: ApplicationRecord): Promise<Button[]> {
  const { t } = ctx;
  if (app.status === 'applied') {
    return [
      await ctx.button(t('work.button.accept'), `accept ${app.id}`, 'primary'),
      await ctx.button(t('work.button.reject'), `reject ${app.id}`, 'danger'),
    ];
  }
  if (app.status === 'delivered')
    return [await ctx.button(t('work.button.review'), `review ${app.id}`, 'primary')];
  return [await ctx.button(t('work.button.details'), `application ${app.id}`)];
}

/** 応募者: a job's applications in the order they came, with Accept/Reject on undecided ones. */
const applicants: Command = {
  name: 'applicants',
  aliases: { ja: ['応募者', '応募者一覧'], en: ['applicants'] },
  summary: 'cmd.applicants.summary',
  roles: MANAGERS,
  async run(ctx) {
    const { t, actor } = ctx;
    const { domain } = ctx.services;
    const jobId = idArg(ctx, 0, 'work.usage.applicants');
    const page = pageArg(ctx.args[1], 'work.bad_page');
    const all = await domain.applications.listForJob(actor, jobId);
    const job = await domain.jobs.get(actor, jobId);
    // How the job alerts did: sent → pressed Apply → applied.
    const funnel = await ctx.services.store.alertTaps.funnel(job.id);
    const funnelText = funnel.sent > 0 ? [text(t('work.applicants.funnel', { ...funnel }))] : [];
    if (all.length === 0)
      return { blocks: [text(t('work.applicants.empty', { id: job.id, title: job.title })), ...funnelText] };
    const seats = all.filter((a) => (SEAT_HOLDING_STATUSES as readonly string[]).includes(a.status)).length;
    const shown = all.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
    const people = await namesOf(
      ctx,
      shown.map((a) => a.workerId),
    );
    const blocks: Block[] = [
      text(
        t('work.applicants.title', {
          id: job.id,
          title: job.title,
          count: all.length,
          seats,
          openings: job.openings,
        }),
      ),
    ];
    for (const a of shown) {
      const card: CardBlock = {
        type: 'card',
        title: t('work.applicants.card', { id: a.id, worker: personText(people, a.workerId) }),
        fields: [
          { label: t('work.field.status'), value: statusLabel(ctx, a.status) },
          { label: t('work.field.applied_on'), value: dateText(ctx, a.createdAt) },
          ...(a.message ? [{ label: t('work.field.message'), value: a.message }] : []),
        ],
        buttons: await applicantButtons(ctx, a),
      };
      blocks.push(card);
    }
    blocks.push(...funnelText);
    blocks.push(
      ...(await pageNav(ctx, {
        page,
        total: all.length,
        commandFor: (p) => `applicants ${jobId} ${p}`,
        portal: 'work',
      })),
    );
    return { blocks };
  },
};

/** 採用: accepts an applicant (within the job's openings); next, hand over the work files. */
const accept: Command = {
  name: 'accept',
  aliases: { ja: ['採用'], en: ['accept', 'hire'] },
  summary: 'cmd.accept.summary',
  roles: MANAGERS,
  async run(ctx) {
    const { t } = ctx;
    const app = await ctx.services.domain.applications.accept(ctx.actor, idArg(ctx, 0, 'work.usage.accept'));
    const people = await namesOf(ctx, [app.workerId]);
    return {
      blocks: [
        text(
          `${t('work.accept.done', { id: app.id, worker: personText(people, app.workerId) })}\n${t('work.handout.how', { id: app.id })}`,
        ),
        {
          type: 'buttons',
          buttons: [await ctx.button(t('work.button.details'), `application ${app.id}`)],
        },
      ],
    };
  },
};

/** 不採用: rejects with a reason the worker is told; without one it asks for it. */
const reject: Command = {
  name: 'reject',
  aliases: { ja: ['不採用', 'お見送り'], en: ['reject'] },
  summary: 'cmd.reject.summary',
  roles: MANAGERS,
  async run(ctx) {
    const id = idArg(ctx, 0, 'work.usage.reject');
    const reason = freeText(ctx, 1);
    if (reason === '') throw new UserError('work.reject.reason_needed', { id });
    const app = await ctx.services.domain.applications.reject(ctx.actor, id, reason);
    return { blocks: [text(ctx.t('work.reject.done', { id: app.id }))] };
  },
};

/** 依頼キャンセル: cancels an application before approval, with a reason. */
const cancelApplication: Command = {
  name: 'cancel-application',
  aliases: { ja: ['依頼キャンセル', '応募キャンセル'], en: ['cancel-application'] },
  summary: 'cmd.cancel-application.summary',
  roles: MANAGERS,
  async run(ctx) {
    const id = idArg(ctx, 0, 'work.usage.cancel_application');
    const reason = freeText(ctx, 1);
    if (reason === '') throw new UserError('work.usage.cancel_application');
    const app = await ctx.services.domain.applications.cancel(ctx.actor, id, reason);
    return { blocks: [text(ctx.t('work.cancel_application.done', { id: app.id }))] };
  },
};

export const staffCommands: readonly Command[] = [
  postJob,
  closeJob,
  cancelJob,
  applicants,
  accept,
  reject,
  cancelApplication,
  ...reviewCommands,
  ...payrollCommands,
  ...complianceStaffCommands,
];
