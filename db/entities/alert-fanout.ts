import { defineEntity, p } from '@mikro-orm/core';
import { JobNotice } from './job-notice.ts';

/**
 * A job's alert fan-out (DOMAIN.md §6): written when the job opens, in the same transaction, then
 * worked through in pages of matching workers (keyset on the user id, `cursor`) by the delivery
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
 * What became of a job alert for one worker: queued, sent (on which platform, in which batch) or
 * failed and why (unreachable, job_closed, line_monthly_limit…). A batch's recipients get theirs
 * when it settles (500 in one statement; until then see `alert_recipients`), everyone else's with the
 * page that matched them. No foreign keys: a 100,000-worker fan-out writes 100,000 of these, and the
 * checks cost as much as the rows (measured). Alerts sent one by one (quiet hours, Slack, Discord)
 * point to their outbox row.
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
    batchId: p.bigint('number').nullable(),
    outboxId: p.bigint('number').nullable(),
    updatedAt: p
      .datetime()
      .defaultRaw('now()')
      .onCreate(() => new Date()),
  },
});

export class AlertReceipt extends AlertReceiptSchema.class {}
AlertReceiptSchema.setClass(AlertReceipt);

/**
 * Every recipient of every job alert, one row each, in every state: a batch's recipients are
 * `queued` through their batch until it settles and writes their receipts.
 */
export const AlertRecipientSchema = defineEntity({
  name: 'AlertRecipient',
  tableName: 'alert_recipients',
  view: true,
  expression: `select r.job_id, r.user_id, r.platform, r.status, r.reason, r.batch_id, r.outbox_id, r.updated_at
  from alert_receipts r
union all
select b.job_id, m.user_id, b.platform, b.status, b.reason, b.id as batch_id, null::bigint as outbox_id,
       b.created_at as updated_at
  from alert_batches b cross join lateral unnest(b.user_ids) as m(user_id) where b.status = 'queued'`,
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
