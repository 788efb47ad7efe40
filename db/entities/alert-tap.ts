import { defineEntity, p } from '@mikro-orm/core';
import { JobNotice } from './job-notice.ts';
import { User } from './user.ts';

/** Someone pressed Apply or Details on a job alert (once per job and person): the funnel's "opened the job". */
export const AlertTapSchema = defineEntity({
  name: 'AlertTap',
  tableName: 'alert_taps',
  properties: {
    jobId: () => p.manyToOne(JobNotice).mapToPk().fieldName('job_id').primary().deleteRule('cascade'),
    userId: () => p.manyToOne(User).mapToPk().fieldName('user_id').primary().deleteRule('cascade'),
    tappedAt: p
      .datetime()
      .defaultRaw('now()')
      .onCreate(() => new Date()),
  },
});

export class AlertTap extends AlertTapSchema.class {}
AlertTapSchema.setClass(AlertTap);
