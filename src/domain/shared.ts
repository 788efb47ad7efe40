/** Records shared by every domain: companies, files, the outbox and the audit log. */

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
  'inquiry.created',
  'inquiry.message',
  'inquiry.status',
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

export interface OutboxRecord {
  id: number;
  type: NotificationType;
  recipientUserId: number;
  payload: Record<string, unknown>;
  /** One notification per key: a retried or repeated change never notifies twice. */
  dedupeKey: string;
  createdAt: Date;
  relayedAt: Date | null;
}
export type NewOutbox = Pick<OutboxRecord, 'type' | 'recipientUserId' | 'payload' | 'dedupeKey'>;

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
