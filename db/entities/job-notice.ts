import { defineEntity, p } from '@mikro-orm/core';
import { JOB_STATUSES } from '../../src/domain/work/records.ts';
import { User } from './user.ts';

/** 募集案件. Rewards are integer yen; times are stored in UTC. */
export const JobNoticeSchema = defineEntity({
  name: 'JobNotice',
  tableName: 'job_notices',
  indexes: [
    { properties: ['status', 'deadline'] },
    // Open jobs in list order (deadline, newest), so a page stops at LIMIT.
    {
      name: 'job_notices_open_order',
      expression: `create index "job_notices_open_order" on "job_notices" ("deadline" asc nulls last, "id" desc) where status = 'open'`,
    },
    {
      name: 'job_notices_open_skills',
      expression: `create index "job_notices_open_skills" on "job_notices" using gin ("skills") where status = 'open'`,
    },
    // Keyword search: ilike '%word%' on title and description, Japanese included (trigrams).
    {
      name: 'job_notices_open_text',
      expression: `create index "job_notices_open_text" on "job_notices" using gin ((title || ' ' || description) public.gin_trgm_ops) where status = 'open'`,
    },
  ],
  checks: [
    { name: 'job_notices_reward_yen_check', expression: 'reward_yen >= 0' },
    { name: 'job_notices_openings_check', expression: 'openings >= 1' },
  ],
  properties: {
    id: p.integer().primary().autoincrement(),
    title: p.string().length(200),
    description: p.text().default(''),
    category: p.string().length(100).default(''),
    skills: p.array().default([]),
    prefecture: p.string().length(16).nullable(),
    remote: p.boolean().default(false),
    /** 機密案件: details, work files and applying only for workers with a checked identity and the current NDA. */
    confidential: p.boolean().default(false),
    rewardType: p.enum(['fixed', 'unit'] as const).default('fixed'),
    unitPriceYen: p.integer().nullable(),
    quantity: p.integer().nullable(),
    rewardYen: p.integer(),
    openings: p.integer().default(1),
    deadline: p.datetime().nullable(),
    dueDate: p.datetime().nullable(),
    status: p.enum(JOB_STATUSES).default('draft'),
    createdBy: () => p.manyToOne(User).mapToPk().fieldName('created_by').nullable().deleteRule('set null'),
    createdAt: p
      .datetime()
      .defaultRaw('now()')
      .onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .defaultRaw('now()')
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export class JobNotice extends JobNoticeSchema.class {}
JobNoticeSchema.setClass(JobNotice);
