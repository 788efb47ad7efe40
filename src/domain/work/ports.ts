/** Work portal tables and the queries that need more than one table. */
import type { Page, PageRequest, SearchPage, Table } from '../table.ts';
import type {
  AlertPreferenceRecord,
  ApplicationFileRecord,
  ApplicationRecord,
  BankAccountRecord,
  DeliveryRecord,
  InvoiceItemRecord,
  JobRecord,
  NewAlertPreference,
  NewApplication,
  NewApplicationFile,
  NewBankAccount,
  NewDelivery,
  NewInvoiceItem,
  NewJob,
  NewNotice,
  NewNoticeRead,
  NewOrderTerms,
  NewPaymentStatement,
  NewQuestion,
  NoticeKind,
  NoticeReadRecord,
  NoticeRecord,
  OrderTermsRecord,
  PaymentStatementRecord,
  QuestionRecord,
} from './records.ts';

export interface JobSearch {
  keyword?: string;
  skill?: string;
  prefecture?: string;
  minRewardYen?: number;
}

export interface WorkTables {
  jobs: Table<JobRecord, NewJob>;
  applications: Table<ApplicationRecord, NewApplication>;
  applicationFiles: Table<ApplicationFileRecord, NewApplicationFile>;
  questions: Table<QuestionRecord, NewQuestion>;
  deliveries: Table<DeliveryRecord, NewDelivery>;
  invoiceItems: Table<InvoiceItemRecord, NewInvoiceItem>;
  statements: Table<PaymentStatementRecord, NewPaymentStatement>;
  bankAccounts: Table<BankAccountRecord, NewBankAccount>;
  notices: Table<NoticeRecord, NewNotice>;
  noticeReads: Table<NoticeReadRecord, NewNoticeRead>;
  alertPreferences: Table<AlertPreferenceRecord, NewAlertPreference>;
  /** 取引条件, one row per version; rows are only ever inserted (docs/domain.md §1.4). */
  orderTerms: Table<OrderTermsRecord, NewOrderTerms>;

  /**
   * Open jobs matching the filters, soonest deadline first (none last), then newest. The total is
   * exact up to COUNT_LIMIT; a keyword search only says whether more follow (`totalIsAtLeast`).
   */
  searchOpenJobs(filter: JobSearch, page: PageRequest): Promise<SearchPage<JobRecord>>;
  /**
   * When the work of each application was received (給付を受領した日, docs/domain.md §1.9): the time of
   * its approved delivery, or of the delivery waiting for review; applications with neither are left
   * out. A delivery sent back for revision was not accepted work and does not count.
   */
  receipts(applicationIds: readonly number[]): Promise<Map<number, Date>>;
  /** How many applications of the job hold an opening (accepted … approved). */
  countSeatsTaken(jobId: number): Promise<number>;
  /**
   * Notices visible to a user (everyone, their roles, personal), newest first, with read flags;
   * only those of `kinds` when given.
   */
  noticesFor(
    userId: number,
    roles: readonly string[],
    page: PageRequest,
    kinds?: readonly NoticeKind[],
  ): Promise<Page<NoticeRecord & { read: boolean }>>;
  /** Per kind, how many notices are visible to the user and how many of them they have not opened. */
  noticeCounts(
    userId: number,
    roles: readonly string[],
  ): Promise<{ kind: NoticeKind; total: number; unread: number }[]>;
}
