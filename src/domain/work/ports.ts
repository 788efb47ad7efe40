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
  NewPaymentStatement,
  NewQuestion,
  NoticeKind,
  NoticeReadRecord,
  NoticeRecord,
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

  /**
   * Open jobs matching the filters, soonest deadline first (none last), then newest. The total is
   * exact up to COUNT_LIMIT; a keyword search only says whether more follow (`totalIsAtLeast`).
   */
  searchOpenJobs(filter: JobSearch, page: PageRequest): Promise<SearchPage<JobRecord>>;
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
