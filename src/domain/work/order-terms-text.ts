/**
 * 取引条件 as people read them (docs/domain.md §1.4), the same in the acceptance notice and in the
 * command: who orders, who does the work, when it was ordered, the work, the reward and how it is
 * computed, the due date, how it is delivered and reviewed, when and how it is paid.
 */
import { formatDate, formatYen } from '../../i18n/format.ts';
import { type Locale, t } from '../../i18n/index.ts';
import { zonedTimeToInstant } from './pay-date.ts';
import type { OrderTermsRecord } from './records.ts';

/** The review (検収) is completed within this many days of receiving the delivery, as the terms state. */
export const REVIEW_DAYS = 7;
/** The work's description in the terms, at most (the job's details show it whole). */
const DESCRIPTION_MAX = 300;

/** A business date `YYYY-MM-DD` as people read dates. */
export function businessDateLabel(ymd: string, locale: Locale, timeZone: string): string {
  const [year, month, day] = ymd.split('-').map(Number) as [number, number, number];
  return formatDate(
    zonedTimeToInstant({ year, month, day, hour: 12, minute: 0 }, timeZone),
    locale,
    timeZone,
  );
}

export function termsFields(
  terms: OrderTermsRecord,
  locale: Locale,
  timeZone: string,
): { label: string; value: string }[] {
  const yen = (n: number) => formatYen(n, locale);
  const chars = [...terms.description.trim()];
  const description =
    chars.length > DESCRIPTION_MAX ? `${chars.slice(0, DESCRIPTION_MAX).join('')}…` : chars.join('');
  const reward =
    terms.rewardType === 'unit' && terms.unitPriceYen !== null && terms.quantity !== null
      ? t(locale, 'compliance.terms.reward_unit', {
          amount: yen(terms.rewardYen),
          unit: yen(terms.unitPriceYen),
          quantity: terms.quantity.toLocaleString('en-US'),
        })
      : t(locale, 'compliance.terms.reward_fixed', { amount: yen(terms.rewardYen) });
  const fields = [
    {
      label: t(locale, 'compliance.terms.field.client'),
      value: terms.clientName || t(locale, 'compliance.terms.operator'),
    },
    { label: t(locale, 'compliance.terms.field.worker'), value: terms.workerName },
    {
      label: t(locale, 'compliance.terms.field.ordered_on'),
      value: formatDate(terms.orderedAt, locale, timeZone),
    },
    {
      label: t(locale, 'compliance.terms.field.work'),
      value: [`#${terms.jobId} ${terms.title}`, ...(description ? [description] : [])].join('\n'),
    },
    { label: t(locale, 'compliance.terms.field.reward'), value: reward },
    {
      label: t(locale, 'compliance.terms.field.due'),
      value: terms.dueDate
        ? formatDate(terms.dueDate, locale, timeZone)
        : t(locale, 'compliance.terms.no_due'),
    },
    { label: t(locale, 'compliance.terms.field.delivery'), value: t(locale, 'compliance.terms.delivery') },
    {
      label: t(locale, 'compliance.terms.field.inspection'),
      value: t(locale, 'compliance.terms.inspection', { days: REVIEW_DAYS }),
    },
    { label: t(locale, 'compliance.terms.field.pay_terms'), value: t(locale, 'compliance.terms.pay_terms') },
    ...(terms.expectedPayDate
      ? [
          {
            label: t(locale, 'compliance.terms.field.expected_pay'),
            value: t(locale, 'compliance.terms.expected_pay', {
              date: businessDateLabel(terms.expectedPayDate, locale, timeZone),
            }),
          },
        ]
      : []),
    { label: t(locale, 'compliance.terms.field.method'), value: t(locale, 'compliance.terms.method') },
  ];
  if (terms.reason) fields.push({ label: t(locale, 'compliance.terms.field.reason'), value: terms.reason });
  return fields;
}

/** The terms as plain text (a notification): the title, then one `label: value` per line. */
export function termsText(terms: OrderTermsRecord, locale: Locale, timeZone: string): string {
  return [
    `■ ${t(locale, 'compliance.terms.title', { id: terms.applicationId, version: terms.version })}`,
    ...termsFields(terms, locale, timeZone).map((f) => `${f.label}: ${f.value}`),
  ].join('\n');
}
