/** Work portal records (docs/domain.md §1): job notices through payment statements. */
import type { Platform } from '../platforms.ts';

export const JOB_STATUSES = ['draft', 'open', 'closed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export interface JobRecord {
  id: number;
  title: string;
  description: string;
  category: string;
  skills: string[];
  /** Prefecture (e.g. 東京都); null for remote-only work. */
  prefecture: string | null;
  remote: boolean;
  /** 機密案件: details, work files and applying only for people with a verified identity and the current NDA. */
  confidential: boolean;
  rewardType: 'fixed' | 'unit';
  /** For unit-priced work: price per unit × quantity = rewardYen. */
  unitPriceYen: number | null;
  quantity: number | null;
  /** Total reward in integer yen. */
  rewardYen: number;
  openings: number;
  deadline: Date | null;
  dueDate: Date | null;
  status: JobStatus;
  createdBy: number | null;
  createdAt: Date;
  updatedAt: Date;
}
export type NewJob = Pick<JobRecord, 'title' | 'rewardYen'> &
  Partial<Omit<JobRecord, 'id' | 'title' | 'rewardYen' | 'createdAt' | 'updatedAt'>>;

export const APPLICATION_STATUSES = [
  'applied',
  'accepted',
  'rejected',
  'withdrawn',
  'working',
  'delivered',
  'revision_requested',
  'approved',
  'cancelled',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
/** An application in one of these states blocks another by the same worker for the same job. */
export const ACTIVE_APPLICATION_STATUSES = [
  'applied',
  'accepted',
  'working',
  'delivered',
  'revision_requested',
] as const;
/** States that hold one of the job's openings. */
export const SEAT_HOLDING_STATUSES = [
  'accepted',
  'working',
  'delivered',
  'revision_requested',
  'approved',
] as const;

export interface ApplicationRecord {
  id: number;
  jobId: number;
  workerId: number;
  status: ApplicationStatus;
  message: string;
  /** Why it was rejected or cancelled. */
  decisionReason: string | null;
  decidedBy: number | null;
  workFilesHandedAt: Date | null;
  startedAt: Date | null;
  deliveredAt: Date | null;
  approvedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}
export type NewApplication = Pick<ApplicationRecord, 'jobId' | 'workerId'> &
  Partial<Pick<ApplicationRecord, 'message'>>;

export interface ApplicationFileRecord {
  id: number;
  applicationId: number;
  fileId: number;
  kind: 'work' | 'delivery';
  deliveryId: number | null;
  createdAt: Date;
}
export type NewApplicationFile = Pick<ApplicationFileRecord, 'applicationId' | 'fileId' | 'kind'> &
  Partial<Pick<ApplicationFileRecord, 'deliveryId'>>;

export interface QuestionRecord {
  id: number;
  applicationId: number;
  askedBy: number;
  body: string;
  answer: string | null;
  answeredBy: number | null;
  answeredAt: Date | null;
  createdAt: Date;
}
export type NewQuestion = Pick<QuestionRecord, 'applicationId' | 'askedBy' | 'body'>;

export interface DeliveryRecord {
  id: number;
  applicationId: number;
  note: string;
  reviewStatus: 'pending' | 'approved' | 'revision_requested';
  feedback: string | null;
  reviewedBy: number | null;
  reviewedAt: Date | null;
  createdAt: Date;
}
/** `createdAt` is the domain clock's: it is when the work was received (the 60-day rule, §1.9). */
export type NewDelivery = Pick<DeliveryRecord, 'applicationId' | 'note'> &
  Partial<Pick<DeliveryRecord, 'createdAt'>>;

export const INVOICE_ITEM_STATUSES = ['pending', 'confirmed', 'disputed', 'paid'] as const;
export type InvoiceItemStatus = (typeof INVOICE_ITEM_STATUSES)[number];

export interface InvoiceItemRecord {
  id: number;
  workerId: number;
  applicationId: number | null;
  /** Business month the work counts for, `YYYY-MM`. */
  month: string;
  amountYen: number;
  description: string;
  status: InvoiceItemStatus;
  disputeComment: string | null;
  statementId: number | null;
  createdBy: number | null;
  createdAt: Date;
  updatedAt: Date;
}
export type NewInvoiceItem = Pick<InvoiceItemRecord, 'workerId' | 'month' | 'amountYen' | 'description'> &
  Partial<Pick<InvoiceItemRecord, 'applicationId' | 'createdBy'>>;

export interface PaymentStatementRecord {
  id: number;
  workerId: number;
  month: string;
  totalYen: number;
  /** `YYYY-MM-DD` in the business time zone. */
  payDate: string;
  createdBy: number | null;
  createdAt: Date;
}
export type NewPaymentStatement = Omit<PaymentStatementRecord, 'id' | 'createdAt'>;

export interface BankAccountRecord {
  id: number;
  userId: number;
  bankName: string;
  bankCode: string;
  branchName: string;
  branchCode: string;
  accountType: 'ordinary' | 'checking' | 'savings';
  /** Encrypted at rest; never logged, only ever shown masked. */
  accountNumberEnc: string;
  accountLast4: string;
  holderName: string;
  createdAt: Date;
  updatedAt: Date;
}
export type NewBankAccount = Omit<BankAccountRecord, 'id' | 'createdAt' | 'updatedAt'>;

export const NOTICE_KINDS = ['announcement', 'product', 'maintenance', 'personal'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export interface NoticeRecord {
  id: number;
  kind: NoticeKind;
  title: string;
  body: string;
  /** Segment: everyone with this role; null with `userId` null = everyone. */
  audienceRole: string | null;
  /** Personal notice to one user. */
  userId: number | null;
  createdBy: number | null;
  createdAt: Date;
}
export type NewNotice = Pick<NoticeRecord, 'kind' | 'title' | 'body'> &
  Partial<Pick<NoticeRecord, 'audienceRole' | 'userId' | 'createdBy'>>;

export interface NoticeReadRecord {
  id: number;
  noticeId: number;
  userId: number;
  readAt: Date;
}
export type NewNoticeRead = Pick<NoticeReadRecord, 'noticeId' | 'userId'>;

export interface AlertPreferenceRecord {
  id: number;
  userId: number;
  skills: string[];
  prefectures: string[];
  remoteOk: boolean;
  minRewardYen: number;
  preferredPlatform: Platform | null;
  /** Quiet hours in the business time zone, `HH:MM`; both null = none. */
  quietStart: string | null;
  quietEnd: string | null;
  paused: boolean;
  updatedAt: Date;
}
export type NewAlertPreference = Pick<AlertPreferenceRecord, 'userId'> &
  Partial<Omit<AlertPreferenceRecord, 'id' | 'userId' | 'updatedAt'>>;

/** How a reward is computed: a fixed amount, or a unit price × quantity. */
export type RewardType = 'fixed' | 'unit';

/**
 * 取引条件 (docs/domain.md §1.4): the terms of one order as the worker was told them, one immutable row
 * per version. Version 1 is written when the application is accepted; a change (a corrected reward)
 * is a new version, never an update (the table refuses updates). What the job said is copied, so a
 * later edit of the job does not rewrite what was agreed.
 */
export interface OrderTermsRecord {
  id: number;
  applicationId: number;
  version: number;
  workerId: number;
  jobId: number;
  /** The job's poster, when the order is theirs (a client's job); null for the operator's own jobs. */
  clientUserId: number | null;
  /** 発注事業者の名称; '' when unknown (shown as "the operator of this service"). */
  clientName: string;
  /** 受託者 (the worker's name as it was at the order). */
  workerName: string;
  /** 業務内容: the job's title and description. */
  title: string;
  description: string;
  rewardType: RewardType;
  unitPriceYen: number | null;
  quantity: number | null;
  rewardYen: number;
  /** 納期 (the job's due date), if it has one. */
  dueDate: Date | null;
  /** Expected pay date `YYYY-MM-DD` when the work is delivered and accepted by the due date. */
  expectedPayDate: string | null;
  /** 業務委託をした日: when the application was accepted (the same in every version). */
  orderedAt: Date;
  /** Why this version replaced the previous one; null for version 1. */
  reason: string | null;
  createdBy: number | null;
  createdAt: Date;
}
export type NewOrderTerms = Omit<OrderTermsRecord, 'id' | 'createdAt'> &
  Partial<Pick<OrderTermsRecord, 'createdAt'>>;
