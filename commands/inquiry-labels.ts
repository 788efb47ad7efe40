/**
 * How the support desk names things in its replies: a category, subtopic or other directory row in
 * the reader's language, an inquiry's topic (`修理 / 機器の故障`), status and id label, and a store
 * (`#12 渋谷店(東京都)`); and the category a typed word names (its code, number or name).
 */
import type { CategoryWithSubtopics } from '../src/domain/support/directory.ts';
import type {
  InquiryCategoryRecord,
  InquiryStatus,
  InquirySubtopicRecord,
  StoreRecord,
} from '../src/domain/support/records.ts';
import type { Locale, Translator } from '../src/i18n/index.ts';

export const nameOf = (row: { nameJa: string; nameEn: string }, locale: Locale) =>
  locale === 'ja' ? row.nameJa : row.nameEn;

export const statusLabel = (t: Translator, status: InquiryStatus) => t(`support.status.${status}`);

export const inquiryLabel = (t: Translator, id: number) => t('support.inquiry_label', { id });

/** `修理 / 機器の故障`, or just the category. */
export function topicOf(
  category: InquiryCategoryRecord,
  subtopic: InquirySubtopicRecord | null,
  locale: Locale,
): string {
  return subtopic ? `${nameOf(category, locale)} / ${nameOf(subtopic, locale)}` : nameOf(category, locale);
}

/** `#12 渋谷店(東京都)`, or "no store" for a new-store consultation. */
export function storeOf(store: StoreRecord | null, t: Translator): string {
  return store
    ? t('support.store_line', { id: store.id, name: store.name, prefecture: store.prefecture })
    : t('support.no_store');
}

/** A category by code (`repair`), its number in the categories list (`3`), or its name in either language. */
export function findCategory(
  categories: readonly CategoryWithSubtopics[],
  arg: string,
): CategoryWithSubtopics | undefined {
  const word = arg.toLowerCase();
  if (/^\d{1,3}$/.test(word)) return categories[Number(word) - 1];
  return categories.find((c) => c.code === word || c.nameJa === arg || c.nameEn.toLowerCase() === word);
}
