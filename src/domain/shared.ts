/** Records shared by every domain: companies, files, the outbox and the audit log. */
import type { Platform } from './platforms.ts';

export interface CompanyRecord {
  id: number;
  /** URL slug: lower-case letters, digits and hyphens, immutable. */
  slug: string;
  name: string;
  introduction: string;
  address: string;
  /** Contact phone number, digits and hyphens ('' when none was given). */
  contactPhone: string;
  contactEmail: string | null;
  logoFileId: number | null;
  createdAt: Date;
}
export type NewCompany = Pick<CompanyRecord, 'slug' | 'name'> &
  Partial<Pick<CompanyRecord, 'introduction' | 'address' | 'contactPhone' | 'contactEmail' | 'logoFileId'>>;

/** A stored file: the bytes live in file storage under `storageKey` (their SHA-256). */
export interface FileRecord {
  id: number;
  storageKey: string;
  name: string;
  mime: string;
  size: number;
  uploadedBy: number;
  createdAt: Date;
}
export type NewFile = Omit<FileRecord, 'id' | 'createdAt'>;

/** What kind of notification an outbox row carries (docs/domain.md §6.1). */
export const NOTIFICATION_TYPES = [
  'job.alert',
  'application.received',
  'application.accepted',
  'application.rejected',
  'application.cancelled',
  'work_files.handed',
  'question.asked',
  'question.answered',
  'delivery.received',
  'delivery.approved',
  'delivery.revision_requested',
  'invoice.item_added',
  'invoice.item_disputed',
  'invoice.item_to_check',
  'invoice.item_withdrawn',
  'payment.statement',
  'order.terms_revised',
  'inquiry.created',
  'inquiry.message',
  'inquiry.status',
  'inquiry.after_hours',
  'team.invitation',
  'team.invitation_decided',
  'market.message',
  'market.followed',
  'notice.published',
  'account.linked',
  'identity.submitted',
  'identity.decided',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** What an application's notifications carry (received, decided, delivered, reviewed). */
type ApplicationPayload = {
  applicationId: number;
  jobId: number;
  status: string;
  /** The files delivered (delivery.received), shown with the notification. */
  fileIds?: number[];
  /** The order's terms stated with the acceptance (application.accepted), shown with it. */
  termsId?: number;
};
/** What an invoice item's notifications carry (src/domain/work/invoices.ts `itemPayload`). */
export type InvoiceItemPayload = {
  itemId: number;
  workerId: number;
  month: string;
  amountYen: number;
  description: string;
};
type QuestionPayload = { questionId: number; applicationId: number; jobId: number };

/**
 * The payload of each kind of notification: `tx.notify({ type, payload })` checks the payload against
 * its type, and an `OutboxRecord` narrowed by `type` has its payload's fields.
 */
export type NotificationPayloads = {
  'job.alert': { jobId: number };
  'application.received': ApplicationPayload;
  'application.accepted': ApplicationPayload;
  'application.rejected': ApplicationPayload;
  'application.cancelled': ApplicationPayload;
  'work_files.handed': {
    applicationId: number;
    jobId: number;
    files: number;
    fileIds: number[];
    note?: string;
  };
  'question.asked': QuestionPayload;
  'question.answered': QuestionPayload;
  'delivery.received': ApplicationPayload;
  'delivery.approved': ApplicationPayload;
  'delivery.revision_requested': ApplicationPayload;
  'invoice.item_added': InvoiceItemPayload & {
    corrected?: true;
    previousAmountYen?: number;
    reason?: string;
  };
  'invoice.item_disputed': InvoiceItemPayload & { comment: string };
  'invoice.item_to_check': InvoiceItemPayload & { applicationId: number; jobId: number };
  'invoice.item_withdrawn': InvoiceItemPayload & { reason: string };
  'payment.statement': {
    statementId: number;
    month: string;
    totalYen: number;
    payDate: string;
    itemCount: number;
  };
  'order.terms_revised': { applicationId: number; jobId: number; termsId: number; version: number };
  'inquiry.created': {
    inquiryId: number;
    companyId: number;
    storeId: number | null;
    categoryId: number | null;
    /** Assigned in turn (docs/domain.md §2.10); absent on rows written before. */
    assigneeId?: number | null;
  };
  'inquiry.message': { inquiryId: number; messageId: number; authorId: number };
  'inquiry.status': { inquiryId: number; status: string; assigneeId: number | null };
  /** The desk is closed (docs/domain.md §2.9): when it opens (ISO instant) and the urgent numbers. */
  'inquiry.after_hours': { inquiryId: number; opensAt: string; phones: string[] };
  'team.invitation': {
    invitationId: number;
    teamId: number;
    teamName: string;
    inviterId: number;
    inviterName: string;
    comment: string;
  };
  'team.invitation_decided': {
    invitationId: number;
    teamId: number;
    teamName: string;
    inviteeId: number;
    inviteeName: string;
    decision: string;
  };
  'market.message': {
    conversationId: number;
    messageId: number;
    senderId: number;
    senderName: string;
    jobId: number | null;
    excerpt: string;
  };
  'market.followed': { followerId: number; followerName: string };
  'notice.published': { noticeId: number; kind: string; title: string };
  'account.linked': { platform: Platform };
  'identity.submitted': { userId: number; name: string; kind: string; pages: number; dueAt: string };
  'identity.decided': { verdict: 'verified' | 'rejected'; reason: string; kind: string };
};

/** A notification's type with its payload, one member per type (narrow on `type`). */
export type NotificationMessage<T extends NotificationType = NotificationType> = {
  [K in T]: { type: K; payload: NotificationPayloads[K] };
}[T];

export type OutboxRecord<T extends NotificationType = NotificationType> = NotificationMessage<T> & {
  id: number;
  recipientUserId: number;
  /** One notification per key: a retried or repeated change never notifies twice. */
  dedupeKey: string;
  createdAt: Date;
  relayedAt: Date | null;
};
export type NewOutbox<T extends NotificationType = NotificationType> = NotificationMessage<T> & {
  recipientUserId: number;
  dedupeKey: string;
};

export interface AuditRecord {
  id: number;
  actorUserId: number | null;
  action: string;
  subjectType: string;
  subjectId: number | null;
  data: Record<string, unknown>;
  createdAt: Date;
}
export type NewAudit = Omit<AuditRecord, 'id' | 'createdAt'>;
