import type { Command } from '../src/chat/command.ts';
import { type Block, type Button, type CardBlock, text } from '../src/chat/types.ts';
import type { JobRecord } from '../src/domain/work/records.ts';
import { UserError } from '../src/errors.ts';
import { formatDate, formatYen } from '../src/i18n/format.ts';
import type { Locale, Translator } from '../src/i18n/index.ts';

/** Cards per page: small enough for a phone screen and far inside every platform's limits. */
export const JOBS_PAGE_SIZE = 5;

function jobCard(job: JobRecord, t: Translator, locale: Locale, timeZone: string): CardBlock {
  // A confidential job's description is shown only in its details, to those cleared.
  const subtitle = job.confidential
    ? `🔒 ${t('checks.confidential.label')}${job.category ? `・${job.category}` : ''}`
    : job.category;
  return {
    type: 'card',
    title: `#${job.id} ${job.title}`,
    ...(subtitle ? { subtitle } : {}),
    ...(job.description && !job.confidential ? { body: job.description } : {}),
    fields: [
      { label: t('jobs.field.reward'), value: formatYen(job.rewardYen, locale) },
      { label: t('jobs.field.openings'), value: t('jobs.openings', { count: job.openings }) },
      {
        label: t('jobs.field.deadline'),
        value: job.deadline ? formatDate(job.deadline, locale, timeZone) : t('jobs.no_deadline'),
      },
      { label: t('jobs.field.location'), value: job.remote ? t('jobs.remote') : (job.prefecture ?? '-') },
    ],
  };
}

/**
 * 募集案件: open job notices, a page at a time (`jobs 2` for page 2); words search them
 * (`求人 翻訳`, `求人 翻訳 2`): a last word that is a number is the page, the rest the keyword.
 */
export const jobs: Command = {
  name: 'jobs',
  aliases: { ja: ['求人', '募集案件', '案件'], en: ['jobs', 'job-list'] },
  summary: 'cmd.jobs.summary',
  roles: ['worker', 'client', 'staff', 'admin'],
  async run({ args, t, locale, services, button }) {
    const last = args.at(-1)?.replace(/^#/, '');
    const pageGiven = last !== undefined && /^-?\d+$/.test(last);
    const page = pageGiven ? Number(last) : 1;
    if (!Number.isInteger(page) || page < 1) throw new UserError('jobs.bad_page');
    const keyword = (pageGiven ? args.slice(0, -1) : args).join(' ').trim().slice(0, 40);

    const { items, total, totalIsAtLeast } = await services.domain.jobs.listOpen(keyword ? { keyword } : {}, {
      offset: (page - 1) * JOBS_PAGE_SIZE,
      limit: JOBS_PAGE_SIZE,
    });
    if (total === 0)
      return { blocks: [text(keyword ? t('jobs.empty_keyword', { keyword }) : t('jobs.empty'))] };

    const tz = services.config.businessTimeZone;
    const blocks: Block[] = [
      text(
        keyword
          ? t('jobs.title_keyword', { keyword, count: total })
          : t(totalIsAtLeast ? 'jobs.title_at_least' : 'jobs.title', { count: total }),
      ),
      ...items.map((j) => jobCard(j, t, locale, tz)),
    ];
    const nav: Button[] = [];
    const command = keyword ? `jobs ${keyword}` : 'jobs';
    if (page > 1) nav.push(await button(t('jobs.button.prev'), `${command} ${page - 1}`));
    const remaining = total - page * JOBS_PAGE_SIZE;
    if (remaining > 0) {
      blocks.push(text(t('jobs.more', { count: remaining, page: page + 1 })));
      nav.push(await button(t('jobs.button.next'), `${command} ${page + 1}`, 'primary'));
    }
    if (nav.length > 0) blocks.push({ type: 'buttons', buttons: nav });
    return { blocks };
  },
};
