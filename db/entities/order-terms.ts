/**
 * 取引条件 (docs/domain.md §1.4): the terms of each order, one row per version. Rows are never updated
 * (a trigger refuses it); a change is a new version.
 */
import { defineEntity, p } from '@mikro-orm/core';
import { JobNotice } from './job-notice.ts';
import { User } from './user.ts';
import { Application } from './work.ts';

export const OrderTermsSchema = defineEntity({
  name: 'OrderTerms',
  tableName: 'order_terms',
  uniques: [{ properties: ['applicationId', 'version'] }],
  indexes: [{ properties: ['workerId', 'orderedAt'] }],
  checks: [
    { name: 'order_terms_reward_yen_check', expression: 'reward_yen >= 0' },
    { name: 'order_terms_version_check', expression: 'version >= 1' },
  ],
  // A row is never updated, except the two references a deleted user's account sets to null.
  triggers: [
    {
      name: 'order_terms_immutable',
      timing: 'before',
      events: ['update'],
      forEach: 'row',
      body: `if (to_jsonb(new) - 'client_user_id' - 'created_by') is distinct from (to_jsonb(old) - 'client_user_id' - 'created_by') or (new.client_user_id is not null and new.client_user_id is distinct from old.client_user_id) or (new.created_by is not null and new.created_by is distinct from old.created_by) then raise exception 'order_terms rows are never updated: a change of terms is a new version' using errcode = 'check_violation'; end if; return new;`,
    },
  ],
  properties: {
    id: p.integer().primary().autoincrement(),
    applicationId: () => p.manyToOne(Application).mapToPk().fieldName('application_id').deleteRule('cascade'),
    version: p.integer(),
    workerId: () => p.manyToOne(User).mapToPk().fieldName('worker_id').deleteRule('cascade'),
    jobId: () => p.manyToOne(JobNotice).mapToPk().fieldName('job_id').deleteRule('cascade'),
    clientUserId: () =>
      p.manyToOne(User).mapToPk().fieldName('client_user_id').nullable().deleteRule('set null'),
    clientName: p.string().length(200).default(''),
    workerName: p.string().length(200).default(''),
    title: p.string().length(200),
    description: p.text().default(''),
    rewardType: p.enum(['fixed', 'unit'] as const),
    unitPriceYen: p.integer().nullable(),
    quantity: p.integer().nullable(),
    rewardYen: p.integer(),
    dueDate: p.datetime().nullable(),
    expectedPayDate: p.string().length(10).nullable(),
    orderedAt: p.datetime(),
    reason: p.text().nullable(),
    createdBy: () => p.manyToOne(User).mapToPk().fieldName('created_by').nullable().deleteRule('set null'),
    createdAt: p
      .datetime()
      .defaultRaw('now()')
      .onCreate(() => new Date()),
  },
});
export class OrderTerms extends OrderTermsSchema.class {}
OrderTermsSchema.setClass(OrderTerms);
