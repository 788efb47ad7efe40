/**
 * Parsing what users type for ids, amounts and dates. The router NFKC-normalizes the arguments, but
 * free text is taken as typed (a profile value, a form field), so each parser folds its own input
 * too: `#12`, `＃１２` and `12` are the same id, `１，８００円` the same amount as `1,800`.
 */
import { UserError } from '../errors.ts';

/** `12`, `#12`, `No.12`, `ID:12` → 12. */
export function parseId(arg: string | undefined): number {
  const m = arg === undefined ? null : /^(?:#|no\.?|id[:：]?)?(\d{1,9})$/i.exec(arg.normalize('NFKC').trim());
  if (!m) throw new UserError('error.bad_id', { input: (arg ?? '').slice(0, 20) });
  return Number(m[1]);
}

/** `12000`, `12,000`, `12,000円`, `¥12,000`, `1.2万円` → 12000. */
export function parseYen(arg: string | undefined): number {
  const s = (arg ?? '')
    .normalize('NFKC')
    .trim()
    .replace(/[,，\s]/g, '')
    .replace(/^[¥￥]/, '')
    .replace(/円$/, '');
  const man = /^(\d+(?:\.\d+)?)万$/.exec(s);
  const value = man ? Math.round(Number(man[1]) * 10_000) : /^\d+$/.test(s) ? Number(s) : Number.NaN;
  if (!Number.isSafeInteger(value))
    throw new UserError('error.bad_amount', { input: (arg ?? '').slice(0, 20) });
  return value;
}

/**
 * A calendar date in the business time zone: `2026-12-10`, `2026/12/10`, `2026年12月10日`, or without
 * the year (`12/10`, `12月10日`: the next such date from `today`). Returns `YYYY-MM-DD`.
 */
export function parseDate(arg: string | undefined, today: string): string {
  const s = (arg ?? '').normalize('NFKC').trim();
  const full = /^(\d{4})[-/年](\d{1,2})[-/月](\d{1,2})日?$/.exec(s);
  const short = full ? null : /^(\d{1,2})[/月](\d{1,2})日?$/.exec(s);
  let y: number;
  let m: number;
  let d: number;
  if (full) {
    [y, m, d] = [Number(full[1]), Number(full[2]), Number(full[3])];
  } else if (short) {
    [m, d] = [Number(short[1]), Number(short[2])];
    const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
    y = m < tm || (m === tm && d < td) ? ty + 1 : ty;
  } else {
    throw new UserError('error.bad_date', { input: s.slice(0, 20) });
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    throw new UserError('error.bad_date', { input: s.slice(0, 20) });
  }
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
