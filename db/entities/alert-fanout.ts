import { defineEntity, p } from '@mikro-orm/core';
import { JobNotice } from './job-notice.ts';

/**
 * A job's alert fan-out (docs/domain.md §6.4): written when the job opens, in the same transaction, then
 * worked through in pages of matching workers (ranges of user ids after `cursor`) by the delivery
 * relay. A page and the cursor's advance commit together, so a crash repeats no page and skips none.
 */
export const AlertRunSchema = defineEntity({
  name: 'AlertRun',
  tableName: 'alert_runs',
  indexes: [
    {
      name: 'alert_runs_matching',
      expression: `create index "alert_runs_matching" on "alert_runs" ("job_id") where status = 'matching'`,
    },
  ],
  properties: {
    jobId: () => p.manyToOne(JobNotice).mapToPk().fieldName('job_id').primary().deleteRule('cascade'),
    /** The last user id matched so far (pages go in user id order). */
    cursor: p.integer().default(0),
    matched: p.integer().default(0),
    status: p.enum(['matching', 'done', 'cancelled'] as const).default('matching'),
    createdAt: p
      .datetime()
      .defaultRaw('now()')
      .onCreate(() => new Date()),
    finishedAt: p.datetime().nullable(),
  },
});

export class AlertRun extends AlertRunSchema.class {}
AlertRunSchema.setClass(AlertRun);

/**
 * One multicast of a job alert: up to 500 recipients of one job and language, fixed when the page
 * that matched them commits. It is queued once (job id = batch id), sent with one retry key, and
 * settled with its recipients' receipts in one statement.
 */
export const AlertBatchSchema = defineEntity({
  name: 'AlertBatch',
  tableName: 'alert_batches',
  indexes: [
    {
      name: 'alert_batches_queued',
      expression: `create index "alert_batches_queued" on "alert_batches" ("id") where status = 'queued'`,
    },
    { properties: ['jobId'] },
  ],
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    jobId: () => p.manyToOne(JobNotice).mapToPk().fieldName('job_id').deleteRule('cascade'),
    platform: p.string().length(16),
    locale: p.string().length(5),
    userIds: p.array<number>().columnType('int[]'),
    externalIds: p.array(),
    status: p.enum(['queued', 'sent', 'failed'] as const).default('queued'),
    reason: p.string().length(200).nullable(),
    attempts: p.integer().default(0),
    /** When a relay last handed it to the queue (a lease: handed over again if still unsent 15 s later). */
    queuedAt: p.datetime().nullable(),
    createdAt: p
      .datetime()
      .defaultRaw('now()')
      .onCreate(() => new Date()),
    sentAt: p.datetime().nullable(),
  },
});

export class AlertBatch extends AlertBatchSchema.class {}
AlertBatchSchema.setClass(AlertBatch);

/**
 * What became of a job alert for a worker not reached by multicast: queued, sent (on which
 * platform) or failed and why (unreachable, job_closed…). Written with the page that matched them;
 * alerts sent one by one (quiet hours, Slack, Discord) point to their outbox row and settle with
 * it. A multicast batch's recipients have no row here: one LINE multicast has one outcome for all
 * its recipients (LINE reports nothing per recipient), so the batch row is their receipt, read
 * one row per recipient through `alert_recipients`. No foreign keys: the checks cost as much as
 * the rows (measured).
 */
export const AlertReceiptSchema = defineEntity({
  name: 'AlertReceipt',
  tableName: 'alert_receipts',
  properties: {
    jobId: p.integer().primary(),
    userId: p.integer().primary(),
    platform: p.string().length(16).nullable(),
    status: p.enum(['queued', 'sent', 'failed'] as const),
    reason: p.string().length(200).nullable(),
    outboxId: p.bigint('number').nullable(),
    updatedAt: p
      .datetime()
      .defaultRaw('now()')
      .onCreate(() => new Date()),
  },
});

export class AlertReceipt extends AlertReceiptSchema.class {}
AlertReceiptSchema.setClass(AlertReceipt);

/** The view's query (kept in PostgreSQL's own normalized form, so schema diffs see no change). */
const ALERT_RECIPIENTS = `select r.job_id, r.user_id, r.platform, r.status, r.reason, null::bigint as batch_id, r.outbox_id, r.updated_at
  from alert_receipts r
union all
select b.job_id, m.user_id, b.platform, b.status, b.reason, b.id as batch_id, null::bigint as outbox_id,
       coalesce(b.sent_at, b.queued_at, b.created_at) as updated_at
  from alert_batches b cross join lateral unnest(b.user_ids) as m(user_id)`;

/**
 * Every recipient of every job alert, one row each, in every state: the alert receipts, and each
 * multicast batch's recipients with their batch's state (queued, sent, or failed and why).
 */
export const AlertRecipientSchema = defineEntity({
  name: 'AlertRecipient',
  tableName: 'alert_recipients',
  view: true,
  expression: ALERT_RECIPIENTS,
  properties: {
    jobId: p.integer().primary(),
    userId: p.integer().primary(),
    platform: p.string().nullable(),
    status: p.string(),
    reason: p.string().nullable(),
    batchId: p.bigint('number').nullable(),
    outboxId: p.bigint('number').nullable(),
    updatedAt: p.datetime(),
  },
});

export class AlertRecipient extends AlertRecipientSchema.class {}
AlertRecipientSchema.setClass(AlertRecipient);

export const alertFanoutEntities = [AlertRun, AlertBatch, AlertReceipt, AlertRecipient];
