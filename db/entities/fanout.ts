import { defineEntity, p } from '@mikro-orm/core';
import { FANOUT_TYPES } from '../../src/domain/audience/kinds.ts';

/**
 * A fan-out (src/domain/audience/): one notification of a kind (a job alert, a notice) about one
 * subject (the job, the notice) to an audience worked out in pages. Written with the change that
 * caused it, in the same transaction, then worked through in pages of its audience (ranges of user
 * ids after `cursor`) by the delivery relay. A page and the cursor's advance commit together, so a
 * crash repeats no page and skips none. The subject has no foreign key (it is in a different table
 * per kind): a subject that is gone reads as a cause that no longer stands, which cancels the rest.
 */
export const FanoutRunSchema = defineEntity({
  name: 'FanoutRun',
  tableName: 'fanout_runs',
  indexes: [
    {
      name: 'fanout_runs_matching',
      expression: `create index "fanout_runs_matching" on "fanout_runs" ("created_at") where status = 'matching'`,
    },
  ],
  properties: {
    kind: p.enum(FANOUT_TYPES).primary(),
    subjectId: p.integer().primary(),
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

export class FanoutRun extends FanoutRunSchema.class {}
FanoutRunSchema.setClass(FanoutRun);

/**
 * One multicast of a fan-out: up to 500 recipients of one kind, subject and language, fixed when the
 * page that matched them commits. It is queued once (job id = batch id), sent with one retry key,
 * and settled in one statement: it is its recipients' receipt.
 */
export const FanoutBatchSchema = defineEntity({
  name: 'FanoutBatch',
  tableName: 'fanout_batches',
  indexes: [
    {
      name: 'fanout_batches_queued',
      expression: `create index "fanout_batches_queued" on "fanout_batches" ("id") where status = 'queued'`,
    },
    { properties: ['kind', 'subjectId'] },
  ],
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    kind: p.enum(FANOUT_TYPES),
    subjectId: p.integer(),
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

export class FanoutBatch extends FanoutBatchSchema.class {}
FanoutBatchSchema.setClass(FanoutBatch);

/**
 * What became of a fan-out's message for someone not reached by multicast: queued, sent (on which
 * platform) or failed and why (unreachable, job_closed…). Written with the page that matched them;
 * messages sent one by one (quiet hours, Slack, Discord) point to their outbox row and settle with
 * it (`fanout_receipts_outbox`). A multicast batch's recipients have no row here: one LINE
 * multicast has one outcome for all its recipients, so the batch row is their receipt, read one row
 * per recipient through `fanout_recipients`. No foreign keys: the checks cost as much as the rows
 * (measured).
 */
export const FanoutReceiptSchema = defineEntity({
  name: 'FanoutReceipt',
  tableName: 'fanout_receipts',
  indexes: [
    {
      name: 'fanout_receipts_outbox',
      expression: `create index "fanout_receipts_outbox" on "fanout_receipts" ("outbox_id") where outbox_id is not null`,
    },
  ],
  properties: {
    kind: p.enum(FANOUT_TYPES).primary(),
    subjectId: p.integer().primary(),
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

export class FanoutReceipt extends FanoutReceiptSchema.class {}
FanoutReceiptSchema.setClass(FanoutReceipt);

/** The view's query (kept in PostgreSQL's own normalized form, so schema diffs see no change). */
const FANOUT_RECIPIENTS = `select r.kind, r.subject_id, r.user_id, r.platform, r.status, r.reason, null::bigint as batch_id, r.outbox_id, r.updated_at
  from fanout_receipts r
union all
select b.kind, b.subject_id, m.user_id, b.platform, b.status, b.reason, b.id as batch_id, null::bigint as outbox_id,
       coalesce(b.sent_at, b.queued_at, b.created_at) as updated_at
  from fanout_batches b cross join lateral unnest(b.user_ids) as m(user_id)`;

/**
 * Every recipient of every fan-out, one row each, in every state: the receipts, and each multicast
 * batch's recipients with their batch's state (queued, sent, or failed and why).
 */
export const FanoutRecipientSchema = defineEntity({
  name: 'FanoutRecipient',
  tableName: 'fanout_recipients',
  view: true,
  expression: FANOUT_RECIPIENTS,
  properties: {
    kind: p.string().primary(),
    subjectId: p.integer().primary(),
    userId: p.integer().primary(),
    platform: p.string().nullable(),
    status: p.string(),
    reason: p.string().nullable(),
    batchId: p.bigint('number').nullable(),
    outboxId: p.bigint('number').nullable(),
    updatedAt: p.datetime(),
  },
});

export class FanoutRecipient extends FanoutRecipientSchema.class {}
FanoutRecipientSchema.setClass(FanoutRecipient);

export const fanoutEntities = [FanoutRun, FanoutBatch, FanoutReceipt, FanoutRecipient];
