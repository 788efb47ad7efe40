/**
 * 取引履歴 as CSV (docs/domain.md §1.12): RFC 4180 (comma-separated, CRLF line ends, a field quoted when it
 * holds a comma, a quote or a line break, quotes doubled), UTF-8 with a byte order mark by default so
 * Excel opens Japanese text correctly. Column names and states are in the reader's language; dates are
 * `YYYY-MM-DD`, amounts whole yen without separators. A text field that a spreadsheet would run as a
 * formula (starting with =, +, -, @, a tab or a carriage return) gets a leading apostrophe.
 */
import { type Locale, type MessageKey, translateRaw } from '../../i18n/index.ts';
import type { Ledger, LedgerRow } from './ledger.ts';

const BOM = '\uFEFF';

/** The columns, in order: the catalog key of the heading and the value of a row. */
const COLUMNS: readonly [string, (r: LedgerRow, locale: Locale) => string | number | null][] = [
  ['ordered_on', (r) => r.orderedOn],
  ['application', (r) => r.applicationId],
  ['client', (r) => r.clientName],
  ['work', (r) => r.work],
  ['reward', (r) => r.rewardYen],
  ['terms_version', (r) => r.termsVersion],
  ['due_on', (r) => r.dueOn],
  ['received_on', (r) => r.receivedOn],
  ['approved_on', (r) => r.approvedOn],
  ['pay_by', (r) => r.payBy],
  ['month', (r) => r.month],
  ['item', (r) => r.itemId],
  ['item_description', (r) => r.itemDescription],
  ['amount', (r) => r.amountYen],
  [
    'status',
    (r, locale) =>
      'item' in r.status
        ? translateRaw(locale, `money.invoice.status.${r.status.item}` as MessageKey)
        : translateRaw(locale, `application.status.${r.status.application}` as MessageKey),
  ],
  ['statement', (r) => r.statementId],
  ['pay_date', (r) => r.payDate],
];

/** One field, quoted as RFC 4180 asks, defused when a spreadsheet would take text for a formula. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function ledgerCsv(ledger: Ledger, locale: Locale, options: { bom?: boolean } = {}): string {
  const heading = COLUMNS.map(([key]) =>
    csvField(translateRaw(locale, `compliance.ledger.col.${key}` as MessageKey)),
  );
  const lines = [heading.join(',')];
  for (const row of ledger.rows)
    lines.push(COLUMNS.map(([, value]) => csvField(value(row, locale))).join(','));
  return `${options.bom === false ? '' : BOM}${lines.join('\r\n')}\r\n`;
}

/** The file's name: `取引履歴_2026_12.csv` / `ledger-2026-12.csv` (year, worker number). */
export const ledgerFileName = (ledger: Ledger, locale: Locale) =>
  translateRaw(locale, 'compliance.ledger.file_name', { year: ledger.year, worker: ledger.workerId });
