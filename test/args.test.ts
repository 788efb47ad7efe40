import { describe, expect, it } from 'vitest';
import { parseDate, parseId, parseYen } from '../src/chat/args.ts';
import { normalizeInput } from '../src/chat/normalize.ts';

const key = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    return (err as { key?: string }).key;
  }
  return 'no error';
};

describe('argument parsing', () => {
  it('reads ids with or without #, full-width included', () => {
    expect(parseId('12')).toBe(12);
    expect(parseId('#12')).toBe(12);
    expect(parseId(normalizeInput('＃１２'))).toBe(12);
    expect(parseId('ID:29')).toBe(29);
    expect(key(() => parseId('twelve'))).toBe('error.bad_id');
    expect(key(() => parseId(undefined))).toBe('error.bad_id');
  });

  it('reads yen amounts as people write them', () => {
    expect(parseYen('12000')).toBe(12000);
    expect(parseYen('12,000円')).toBe(12000);
    expect(parseYen('¥12,000')).toBe(12000);
    expect(parseYen('1.2万')).toBe(12000);
    expect(key(() => parseYen('12.5'))).toBe('error.bad_amount');
    expect(key(() => parseYen('-5'))).toBe('error.bad_amount');
  });

  it('reads dates with or without the year, refusing impossible ones', () => {
    expect(parseDate('2026-12-10', '2026-11-22')).toBe('2026-12-10');
    expect(parseDate('2026年12月10日', '2026-11-22')).toBe('2026-12-10');
    expect(parseDate('12/10', '2026-11-22')).toBe('2026-12-10');
    expect(parseDate('1月5日', '2026-11-22')).toBe('2027-01-05');
    expect(key(() => parseDate('2026-02-30', '2026-11-22'))).toBe('error.bad_date');
    expect(key(() => parseDate('tomorrow', '2026-11-22'))).toBe('error.bad_date');
  });
});
