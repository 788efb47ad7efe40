/** Support desk records (docs/domain.md §2): stores, assigned staff, inquiry categories and inquiries. */

/** 店舗 of a customer company. Text is stored NFKC-normalized so free-word search matches. */
export interface StoreRecord {
  id: number;
  companyId: number;
  name: string;
  /** One of the 47 prefectures, e.g. 東京都. */
  prefecture: string;
  /** The company's own region label; defaults to the prefecture's standard region (関東, 近畿…). */
  region: string;
  createdAt: Date;
}
export type NewStore = Pick<StoreRecord, 'companyId' | 'name' | 'prefecture' | 'region'>;

/** 担当営業 (sales rep) or サポート担当 (support member) of a customer company. */
export const STAFF_ROLES = ['sales_rep', 'support'] as const;
export type CompanyStaffRole = (typeof STAFF_ROLES)[number];

export interface CompanyStaffRecord {
  id: number;
  companyId: number;
  userId: number;
  role: CompanyStaffRole;
  createdAt: Date;
}
export type NewCompanyStaff = Pick<CompanyStaffRecord, 'companyId' | 'userId' | 'role'>;

/** A seeded category (放送プログラム, 修理, 新規出店のご相談 …); both names so any locale can show it. */
export interface InquiryCategoryRecord {
  id: number;
  /** Stable code for commands and tests, e.g. `broadcast`, `new_store`. */
  code: string;
  nameJa: string;
  nameEn: string;
  sort: number;
  /** False only for the new-store consultation, which has no existing store. */
  needsStore: boolean;
  /** SLA targets in business minutes (docs/domain.md §2.8); null = none. */
  slaFirstResponseMinutes: number | null;
  slaResolutionMinutes: number | null;
  /** New inquiries are assigned in turn to the on-duty support members (docs/domain.md §2.10). */
  roundRobin: boolean;
}

export interface InquirySubtopicRecord {
  id: number;
  categoryId: number;
  nameJa: string;
  nameEn: string;
  sort: number;
}

/** received / 受付中 → in_progress / 対応中 → completed / 完了 (read-only afterwards). */
export const INQUIRY_STATUSES = ['received', 'in_progress', 'completed'] as const;
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number];

export interface InquiryRecord {
  /** The short sequential number users quote: "inquiry ID:29". */
  id: number;
  companyId: number;
  /** Null only for a category that needs no store (new-store consultation). */
  storeId: number | null;
  categoryId: number;
  subtopicId: number | null;
  status: InquiryStatus;
  createdBy: number;
  assigneeId: number | null;
  /** The opening comment. */
  comment: string;
  /** A completed inquiry this one follows up on. */
  refersToId: number | null;
  createdAt: Date;
  /** Bumped by every message and status change: lists show the newest update first. */
  updatedAt: Date;
  completedAt: Date | null;
  /** The first staff message to the customer (docs/domain.md §2.8); null until then. */
  firstResponseAt: Date | null;
}
/** Every field explicit: the gateway returns what was inserted, so nulls are given, not implied. */
export type NewInquiry = Omit<InquiryRecord, 'id' | 'firstResponseAt'> & { firstResponseAt?: Date | null };

export interface InquiryMessageRecord {
  id: number;
  inquiryId: number;
  authorId: number;
  body: string;
  createdAt: Date;
}
export type NewInquiryMessage = Pick<InquiryMessageRecord, 'inquiryId' | 'authorId' | 'body' | 'createdAt'>;

/** A file exchanged on an inquiry: with the opening comment (`messageId` null) or with a message. */
export interface InquiryAttachmentRecord {
  id: number;
  inquiryId: number;
  messageId: number | null;
  fileId: number;
  createdAt: Date;
}
export type NewInquiryAttachment = Pick<
  InquiryAttachmentRecord,
  'inquiryId' | 'messageId' | 'fileId' | 'createdAt'
>;

/** An attachment with its file, as history and the files list (ファイル) show it. */
export interface AttachmentView {
  /** The inquiry's status and category, where a list shows them (ファイル一覧). */
  inquiryStatus?: InquiryStatus;
  categoryId?: number;
  attachmentId: number;
  inquiryId: number;
  messageId: number | null;
  fileId: number;
  name: string;
  mime: string;
  size: number;
  storageKey: string;
  uploadedBy: number;
  createdAt: Date;
}
