/**
 * Staff during the work (docs/domain.md §1.4–§1.7): handing over work files, answering questions and
 * reviewing deliveries (検収: approve or request a revision).
 */
import type { Command } from '../src/chat/command.ts';
import { type Block, type Button, text } from '../src/chat/types.ts';
import { UserError } from '../src/errors.ts';
import { statusLabel } from './application-status.ts';
import { jobTitles } from './job-card.ts';
import { freeText, idArg } from './kit/args.ts';
import { attachedFiles, fileBlocks, fileNames } from './kit/files.ts';
import { dateText, joined, monthText, yen } from './kit/format.ts';
import { namesOf, personText } from './kit/people.ts';

const MANAGERS = ['staff', 'admin', 'client'] as const;
/** States in which work files may be handed over (the service's rule, checked early for the advice). */
const HANDOUT_STATES: readonly string[] = ['accepted', 'working', 'revision_requested'];

/** 作業ファイル: the files attached to this message go to the accepted worker. */
const handout: Command = {
  name: 'handout',
  aliases: { ja: ['作業ファイル', '作業ファイル送付'], en: ['handout', 'work-files'] },
  summary: 'cmd.handout.summary',
  roles: MANAGERS,
  async run(ctx) {
    const { t } = ctx;
    const { applications } = ctx.services.domain;
    const id = idArg(ctx, 0, 'work.usage.handout');
    const uploads = attachedFiles(ctx);
    if (uploads.length === 0) {
      const { application } = await applications.get(ctx.actor, id);
      if (!HANDOUT_STATES.includes(application.status)) {
        throw new UserError('application.wrong_state', {
          status: `@application.status.${application.status}`,
        });
      }
      return { blocks: [text(t('work.handout.attach', { id }))] };
    }
    // Words after the id are the note that goes with the files (instructions, the deadline).
    const rows = await applications.handOverWorkFiles(ctx.actor, id, uploads, freeText(ctx, 1));
    return {
      blocks: [
        text(t('work.handout.done', { id, count: rows.length })),
        { type: 'buttons', buttons: [await ctx.button(t('work.button.details'), `application ${id}`)] },
      ],
    };
  },
};

/** 回答: answers a worker's question; the worker is notified. */
const answer: Command = {
  name: 'answer',
  aliases: { ja: ['回答', '質問回答'], en: ['answer'] },
  summary: 'cmd.answer.summary',
  roles: MANAGERS,
  async run(ctx) {
    const { t } = ctx;
    const id = idArg(ctx, 0, 'work.usage.answer');
    const body = freeText(ctx, 1);
    if (body === '') throw new UserError('work.usage.answer');
    const q = await ctx.services.domain.questions.answer(ctx.actor, id, body);
    return {
      blocks: [
        text(t('work.answer.done', { id: q.id, application: q.applicationId })),
        {
          type: 'buttons',
          buttons: [await ctx.button(t('work.button.details'), `application ${q.applicationId}`)],
        },
      ],
    };
  },
};

/** 検収: the latest delivery with Approve / Request revision while it awaits review. */
const review: Command = {
  name: 'review',
  aliases: { ja: ['検収'], en: ['review'] },
  summary: 'cmd.review.summary',
  roles: MANAGERS,
  async run(ctx) {
    const { t, actor } = ctx;
    const { domain } = ctx.services;
    const id = idArg(ctx, 0, 'work.usage.review');
    const { application: app } = await domain.applications.get(actor, id);
    const deliveries = await domain.deliveries.list(actor, id);
    const latest = deliveries.at(-1);
    if (!latest) {
      return { blocks: [text(t('work.review.none', { id, status: statusLabel(ctx, app.status) }))] };
    }
    const { delivery, files } = latest;
    const names = await fileNames(
      ctx,
      files.map((f) => f.fileId),
    );
    const people = await namesOf(ctx, [app.workerId]);
    const title = (await jobTitles(ctx, [app.jobId])).get(app.jobId) ?? '';
    const buttons: Button[] = [];
    if (app.status === 'delivered') {
      buttons.push(
        await ctx.button(t('work.button.approve'), `approve ${id}`, 'primary'),
        await ctx.button(t('work.button.revise'), `revise ${id}`, 'danger'),
      );
    }
    buttons.push(await ctx.button(t('work.button.details'), `application ${id}`));
    const blocks: Block[] = [
      {
        type: 'card',
        title: t('work.review.title', { id, delivery: delivery.id }),
        ...(delivery.note ? { body: delivery.note } : {}),
        fields: [
          { label: t('work.field.job'), value: `#${app.jobId} ${title}` },
          { label: t('work.field.worker'), value: personText(people, app.workerId) },
          { label: t('work.field.status'), value: statusLabel(ctx, app.status) },
          { label: t('work.field.delivered_on'), value: dateText(ctx, delivery.createdAt) },
          {
            label: t('work.field.files'),
            value: joined(
              ctx,
              files.map((f) => names.get(f.fileId) ?? '-'),
            ),
          },
          { label: t('work.field.review'), value: t(`work.review_status.${delivery.reviewStatus}`) },
          ...(delivery.feedback ? [{ label: t('work.field.feedback'), value: delivery.feedback }] : []),
        ],
        buttons,
      },
    ];
    if (deliveries.length > 1) blocks.push(text(t('work.review.earlier', { count: deliveries.length - 1 })));
    // The delivered files themselves, to open and check.
    blocks.push(
      ...(await fileBlocks(
        ctx,
        files.map((f) => f.fileId),
      )),
    );
    return { blocks };
  },
};

/** 承認: approves the delivery; next, the payable amount goes on the worker's invoice. */
const approve: Command = {
  name: 'approve',
  aliases: { ja: ['承認', '検収完了'], en: ['approve'] },
  summary: 'cmd.approve.summary',
  roles: MANAGERS,
  async run(ctx) {
    const { t } = ctx;
    const app = await ctx.services.domain.deliveries.approve(ctx.actor, idArg(ctx, 0, 'work.usage.approve'));
    // The reward became an item of the worker's invoice with the approval (staff are asked to check it).
    const [item] = await ctx.services.store.uow.read((tx) =>
      tx.work.invoiceItems.find({ applicationId: app.id }),
    );
    return {
      blocks: [
        text(
          [
            t('work.approve.done', { id: app.id }),
            item
              ? t('work.approve.invoiced', {
                  amount: yen(ctx, item.amountYen),
                  month: monthText(ctx.locale, item.month),
                })
              : t('work.approve.not_invoiced'),
          ].join('\n'),
        ),
      ],
    };
  },
};

/** 修正依頼: sends the delivery back with feedback; the worker starts again. */
const revise: Command = {
  name: 'revise',
  aliases: { ja: ['修正依頼'], en: ['revise', 'request-revision'] },
  summary: 'cmd.revise.summary',
  roles: MANAGERS,
  async run(ctx) {
    const id = idArg(ctx, 0, 'work.usage.revise');
    const feedback = freeText(ctx, 1);
    if (feedback === '') throw new UserError('work.revise.feedback_needed', { id });
    const app = await ctx.services.domain.deliveries.requestRevision(ctx.actor, id, feedback);
    return { blocks: [text(ctx.t('work.revise.done', { id: app.id }))] };
  },
};

export const reviewCommands: readonly Command[] = [handout, answer, review, approve, revise];
