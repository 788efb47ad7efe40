/** Support desk tables and the queries that need more than one table. */
import type { Page, PageRequest, SearchPage, Table } from '../table.ts';
import type { DeskTables } from './desk-ports.ts';
import type {
  CannedReplyRecord,
  InquiryRatingRecord,
  NewCannedReply,
  NewInquiryRating,
} from './desk-records.ts';
import type { DeskReportInquiry } from './desk-report.ts';
import type {
  AttachmentView,
  CompanyStaffRecord,
  InquiryAttachmentRecord,
  InquiryCategoryRecord,
  InquiryMessageRecord,
  InquiryRecord,
  InquiryStatus,
  InquirySubtopicRecord,
  NewCompanyStaff,
  NewInquiry,
  NewInquiryAttachment,
  NewInquiryMessage,
  NewStore,
  StoreRecord,
} from './records.ts';

/**
 * Free word (already NFKC-normalized, split on spaces: every term must match name, prefecture or
 * region), region and prefecture (both exact); every given part narrows.
 */
export interface StoreSearch {
  terms?: readonly string[];
  region?: string;
  /** One of the 47 prefectures as stored (東京都). */
  prefecture?: string;
}

/**
 * Filters of the inquiry list and the files list; every field narrows. Times are instants: the
 * service turns business dates into them in the business time zone.
 */
export interface InquiryFilter {
  companyId?: number;
  categoryId?: number;
  storeId?: number;
  status?: InquiryStatus;
  /** The prefecture of the inquiry's store. */
  prefecture?: string;
  createdBy?: number;
  /** `created_at >= createdFrom`. */
  createdFrom?: Date;
  /** `created_at < createdBefore`. */
  createdBefore?: Date;
  /** ファイル: oldest first instead of newest first. */
  oldestFirst?: boolean;
}

export { COUNT_LIMIT, type SearchPage } from '../table.ts';

export interface SupportTables extends DeskTables {
  stores: Table<StoreRecord, NewStore>;
  companyStaff: Table<CompanyStaffRecord, NewCompanyStaff>;
  /** Seeded by the migration; the domain changes only their desk settings (docs/domain.md §2.8). */
  categories: Table<InquiryCategoryRecord, never>;
  subtopics: Table<InquirySubtopicRecord, never>;
  inquiries: Table<InquiryRecord, NewInquiry>;
  messages: Table<InquiryMessageRecord, NewInquiryMessage>;
  attachments: Table<InquiryAttachmentRecord, NewInquiryAttachment>;
  /** 満足度 (docs/domain.md §2.11) and 定型文 (§2.12). */
  ratings: Table<InquiryRatingRecord, NewInquiryRating>;
  cannedReplies: Table<CannedReplyRecord, NewCannedReply>;

  /** A company's stores matching the search, by name then id. */
  searchStores(companyId: number, search: StoreSearch, page: PageRequest): Promise<Page<StoreRecord>>;
  /** The regions a company's stores are in, with how many stores each, by name. */
  storeRegions(companyId: number): Promise<{ region: string; stores: number }[]>;
  /**
   * Where each of `ids` stands (from 1) in `searchStores(companyId, search)`'s order; ids that do
   * not match the search are left out.
   */
  storePositions(
    companyId: number,
    search: StoreSearch,
    ids: readonly number[],
  ): Promise<Map<number, number>>;
  /**
   * Inquiries matching the filter, newest update first (then highest id). The total is exact up to
   * `COUNT_LIMIT` (or the end of the requested page, if further).
   */
  searchInquiries(filter: InquiryFilter, page: PageRequest): Promise<SearchPage<InquiryRecord>>;
  /** The same page as `searchInquiries`, each row with what the list shows, in at most two statements. */
  searchInquiryList(filter: InquiryFilter, page: PageRequest): Promise<SearchPage<InquiryListRow>>;
  /** Attachments of the inquiries matching the filter, newest first, with their files; total as above. */
  searchAttachments(filter: InquiryFilter, page: PageRequest): Promise<SearchPage<AttachmentView>>;
  /** Every attachment of one inquiry with its file, oldest first. */
  attachmentsOf(inquiryId: number): Promise<AttachmentView[]>;
  /** 対応レポート: the inquiries opened in `[from, before)` with their SLA facts and rating, by id (docs/domain.md §2.13). */
  deskReport(range: { from: Date; before: Date }): Promise<DeskReportInquiry[]>;
}

/** One row of 問い合わせ一覧: the inquiry with its company's name, store, topic and latest message. */
export interface InquiryListRow {
  inquiry: InquiryRecord;
  companyName: string;
  store: StoreRecord | null;
  category: InquiryCategoryRecord;
  subtopic: InquirySubtopicRecord | null;
  /** The newest message on it (the opening one when nobody has replied), or null. */
  latest: { body: string; authorId: number | null; fromCustomer: boolean; createdAt: Date } | null;
}
