import { describe, expect, it } from 'vitest';
import { formatDate, formatDayTime, formatMonth, formatYen } from '../src/i18n/format.ts';
import { _catalogsForTests as catalogs, t, translateRaw } from '../src/i18n/index.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('catalog', () => {
  it('has every Japanese key in English with the same placeholders', () => {
    expect(Object.keys(catalogs.en).sort()).toEqual(Object.keys(catalogs.ja).sort());
    for (const [key, ja] of Object.entries(catalogs.ja)) {
      expect(placeholders(catalogs.en[key as keyof typeof catalogs.en]), key).toEqual(placeholders(ja));
    }
  });

  it('speaks politely in Japanese (です・ます) in full sentences', () => {
    const sentences = Object.entries(catalogs.ja).filter(([, v]) => v.endsWith('。'));
    expect(sentences.length).toBeGreaterThan(5);
    for (const [key, v] of sentences)
      expect(v, key).toMatch(/(です|ます|ました|ません|ください|でした|ございません)(\(.*\))?。$/);
  });

  it('translates parameters that name a catalog key, so services can pass labels', () => {
    expect(translateRaw('ja', 'application.wrong_state', { status: '@application.status.working' })).toBe(
      'この応募は現在「作業中」のため、この操作はできません。',
    );
    expect(
      translateRaw('en', 'application.wrong_state', { status: '@application.status.working' }),
    ).toContain('“Working”');
  });

  it('names the missing thing in the reader’s language', () => {
    expect(translateRaw('ja', 'not_found', { thing: '@thing.job' })).toBe(
      'ご指定の募集案件が見つかりませんでした。番号をご確認ください。',
    );
    expect(translateRaw('en', 'not_found', { thing: '@thing.job' })).toBe(
      'We could not find that job notice. Please check the number.',
    );
  });

  it('fills placeholders', () => {
    expect(t('en', 'jobs.title', { count: 3 })).toBe('Job notices (3)');
    expect(t('ja', 'jobs.title', { count: 3 })).toBe('募集案件(3件)');
  });
});

describe('formatting', () => {
  it('shows yen the way each language writes it', () => {
    expect(formatYen(12000, 'ja')).toBe('12,000円');
    expect(formatYen(12000, 'en')).toBe('¥12,000');
  });

  it('shows dates in the business time zone, not the server’s', () => {
    // 2026-12-09T15:30Z is already Thursday 10 December in Tokyo.
    const d = new Date('2026-12-09T15:30:00Z');
    expect(formatDate(d, 'ja', 'Asia/Tokyo')).toBe('2026年12月10日(木)');
    expect(formatDate(d, 'en', 'Asia/Tokyo')).toBe('Thu, 10 Dec 2026');
    // Three-letter months in English, September included (ICU's en-GB says "Sept").
    const september = new Date('2026-09-10T03:00:00Z');
    expect(formatDate(september, 'en', 'Asia/Tokyo')).toBe('Thu, 10 Sep 2026');
    expect(formatDayTime(september, 'en', 'Asia/Tokyo')).toBe('Thu 10 Sep, 12:00');
    expect(formatMonth('2026-09', 'en')).toBe('Sep 2026');
    expect(formatDate(d, 'en', 'UTC')).toBe('Wed, 9 Dec 2026');
  });
});
