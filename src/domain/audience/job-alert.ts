/**
 * Job alerts (docs/domain.md §6): a job posted open goes to every worker whose alert preferences match it,
 * and what has not gone out yet is cancelled once the job no longer takes applications.
 */
import type { Button, Reply } from '../../chat/types.ts';
import { formatDate, formatYen } from '../../i18n/format.ts';
import { type Locale, t } from '../../i18n/index.ts';
import type { JobRecord } from '../work/records.ts';
import { type FanoutKind, field, isNumber, isString, isStringOrNull, personalButtons } from './kind.ts';
import { ALERT_MATCH, JOB_TAKES_APPLICATIONS } from './sql.ts';

/** What a job alert shows of its job. */
export type AlertJob = Pick<JobRecord, 'id' | 'title' | 'category' | 'rewardYen' | 'deadline'>;

/**
 * A job alert's buttons: Apply, and Details (opening the job). Both are counted for the alert's
 * funnel (`tap`, read by the bot core through the fan-out kinds), since a chat app never tells anyone
 * that a message was read. In a multicast they carry the command itself, so one message serves every
 * recipient.
 */
const ALERT_TAP = /^alert-(apply|open):(\d{1,9})$/;
export const alertButtons = (jobId: number, locale: Locale): Button[] => [
  { label: t(locale, 'notify.button.apply'), payload: `alert-apply:${jobId}` },
  { label: t(locale, 'notify.button.details'), payload: `alert-open:${jobId}` },
];

export function renderJobAlert(
  job: AlertJob,
  locale: Locale,
  timeZone: string,
  buttons: Button[] = alertButtons(job.id, locale),
): Reply {
  return {
    locale,
    blocks: [
      { type: 'text', text: t(locale, 'notify.job.alert') },
      {
        type: 'card',
        title: `#${job.id} ${job.title}`,
        ...(job.category ? { subtitle: job.category } : {}),
        fields: [
          { label: t(locale, 'jobs.field.reward'), value: formatYen(job.rewardYen, locale) },
          {
            label: t(locale, 'jobs.field.deadline'),
            value: job.deadline ? formatDate(job.deadline, locale, timeZone) : t(locale, 'jobs.no_deadline'),
          },
        ],
        buttons,
      },
    ],
  };
}

export const jobAlertKind: FanoutKind<AlertJob> = {
  type: 'job.alert',
  tap(payload) {
    const m = ALERT_TAP.exec(payload);
    return m ? { subjectId: Number(m[2]), command: `${m[1] === 'apply' ? 'apply' : 'job'} ${m[2]}` } : null;
  },
  subject: { table: 'job_notices', alias: 'j' },
  audience: ALERT_MATCH,
  live: JOB_TAKES_APPLICATIONS,
  cancelledReason: 'job_closed',
  content: `jsonb_build_object('id', j.id, 'title', j.title, 'category', j.category,
    'rewardYen', j.reward_yen, 'deadline', j.deadline)`,
  payload: `jsonb_build_object('jobId', j.id)`,
  subjectKey: 'jobId',
  quietHours: true,
  parse(json) {
    const deadline = field(json, 'deadline', isStringOrNull);
    return {
      id: field(json, 'id', isNumber),
      title: field(json, 'title', isString),
      category: field(json, 'category', isString),
      rewardYen: field(json, 'rewardYen', isNumber),
      deadline: deadline === null ? null : new Date(deadline),
    };
  },
  async render(job, locale, options) {
    const buttons = await personalButtons(alertButtons(job.id, locale), options);
    return renderJobAlert(job, locale, options.timeZone, buttons);
  },
};
