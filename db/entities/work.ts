/** Work portal entities after the job notice: applications through payment statements. */
import { defineEntity, p } from '@mikro-orm/core';
import { ALERT_DEFAULTS } from '../../src/domain/audience/rules.ts';
import { APPLICATION_STATUSES, INVOICE_ITEM_STATUSES, NOTICE_KINDS } from '../../src/domain/work/records.ts';
import { StoredFile } from './file.ts';
import { JobNotice } from './job-notice.ts';
import { User } from './user.ts';

const createdAt = () =>
  p
    .datetime()
    .defaultRaw('now()')
    .onCreate(() => new Date());
const updatedAt = () =>
  p
    .datetime()
    .defaultRaw('now()')
    .onCreate(() => new Date())
    .onUpdate(() => new Date());

export const ApplicationSchema = defineEntity({
  name: 'Application',
  tableName: 'applications',
  indexes: [
    { properties: ['jobId', 'status'] },
    { properties: ['workerId', 'status'] },
    {
      name: 'applications_worker_recent',
      expression: `create index "applications_worker_recent" on "applications" ("worker_id", "updated_at" desc, "id" desc)`,
    },
    {
      name: 'applications_one_active_per_worker',
      expression: `create unique index "applications_one_active_per_worker" on "applications" ("job_id", "worker_id") where status in ('applied', 'accepted', 'working', 'delivered', 'revision_requested')`,
    },
  ],
  properties: {
    id: p.integer().primary().autoincrement(),
    jobId: () => p.manyToOne(JobNotice).mapToPk().fieldName('job_id').deleteRule('cascade'),
    workerId: () => p.manyToOne(User).mapToPk().fieldName('worker_id').deleteRule('cascade'),
    status: p.enum(APPLICATION_STATUSES).default('applied'),
    message: p.text().default(''),
    decisionReason: p.text().nullable(),
    decidedBy: () => p.manyToOne(User).mapToPk().fieldName('decided_by').nullable().deleteRule('set null'),
    workFilesHandedAt: p.datetime().nullable(),
    startedAt: p.datetime().nullable(),
    deliveredAt: p.datetime().nullable(),
    approvedAt: p.datetime().nullable(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});
export class Application extends ApplicationSchema.class {}
ApplicationSchema.setClass(Application);

export const DeliverySchema = defineEntity({
  name: 'Delivery',
  tableName: 'deliveries',
  indexes: [{ properties: ['applicationId'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    applicationId: () => p.manyToOne(Application).mapToPk().fieldName('application_id').deleteRule('cascade'),
    note: p.text().default(''),
    reviewStatus: p.enum(['pending', 'approved', 'revision_requested'] as const).default('pending'),
    feedback: p.text().nullable(),
    reviewedBy: () => p.manyToOne(User).mapToPk().fieldName('reviewed_by').nullable().deleteRule('set null'),
    reviewedAt: p.datetime().nullable(),
    createdAt: createdAt(),
  },
});
export class Delivery extends DeliverySchema.class {}
DeliverySchema.setClass(Delivery);

export const ApplicationFileSchema = defineEntity({
  name: 'ApplicationFile',
  tableName: 'application_files',
  indexes: [{ properties: ['applicationId', 'kind'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    applicationId: () => p.manyToOne(Application).mapToPk().fieldName('application_id').deleteRule('cascade'),
    fileId: () => p.manyToOne(StoredFile).mapToPk().fieldName('file_id').deleteRule('cascade'),
    kind: p.enum(['work', 'delivery'] as const),
    deliveryId: () =>
      p.manyToOne(Delivery).mapToPk().fieldName('delivery_id').nullable().deleteRule('cascade'),
    createdAt: createdAt(),
  },
});
export class ApplicationFile extends ApplicationFileSchema.class {}
ApplicationFileSchema.setClass(ApplicationFile);

export const QuestionSchema = defineEntity({
  name: 'Question',
  tableName: 'questions',
  indexes: [{ properties: ['applicationId'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    applicationId: () => p.manyToOne(Application).mapToPk().fieldName('application_id').deleteRule('cascade'),
    askedBy: () => p.manyToOne(User).mapToPk().fieldName('asked_by').deleteRule('cascade'),
    body: p.text(),
    answer: p.text().nullable(),
    answeredBy: () => p.manyToOne(User).mapToPk().fieldName('answered_by').nullable().deleteRule('set null'),
    answeredAt: p.datetime().nullable(),
    createdAt: createdAt(),
  },
});
export class Question extends QuestionSchema.class {}
QuestionSchema.setClass(Question);

export const PaymentStatementSchema = defineEntity({
  name: 'PaymentStatement',
  tableName: 'payment_statements',
  uniques: [{ properties: ['workerId', 'month'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    workerId: () => p.manyToOne(User).mapToPk().fieldName('worker_id').deleteRule('cascade'),
    month: p.string().length(7),
    totalYen: p.integer(),
    payDate: p.string().length(10),
    createdBy: () => p.manyToOne(User).mapToPk().fieldName('created_by').nullable().deleteRule('set null'),
    createdAt: createdAt(),
  },
});
export class PaymentStatement extends PaymentStatementSchema.class {}
PaymentStatementSchema.setClass(PaymentStatement);

export const InvoiceItemSchema = defineEntity({
  name: 'InvoiceItem',
  tableName: 'invoice_items',
  indexes: [{ properties: ['workerId', 'month'] }, { properties: ['month', 'status'] }],
  checks: [{ name: 'invoice_items_amount_yen_check', expression: 'amount_yen >= 0' }],
  properties: {
    id: p.integer().primary().autoincrement(),
    workerId: () => p.manyToOne(User).mapToPk().fieldName('worker_id').deleteRule('cascade'),
    applicationId: () =>
      p.manyToOne(Application).mapToPk().fieldName('application_id').nullable().deleteRule('set null'),
    month: p.string().length(7),
    amountYen: p.integer(),
    description: p.text().default(''),
    status: p.enum(INVOICE_ITEM_STATUSES).default('pending'),
    disputeComment: p.text().nullable(),
    statementId: () =>
      p.manyToOne(PaymentStatement).mapToPk().fieldName('statement_id').nullable().deleteRule('set null'),
    createdBy: () => p.manyToOne(User).mapToPk().fieldName('created_by').nullable().deleteRule('set null'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});
export class InvoiceItem extends InvoiceItemSchema.class {}
InvoiceItemSchema.setClass(InvoiceItem);

export const BankAccountSchema = defineEntity({
  name: 'BankAccount',
  tableName: 'bank_accounts',
  properties: {
    id: p.integer().primary().autoincrement(),
    userId: () => p.manyToOne(User).mapToPk().fieldName('user_id').unique().deleteRule('cascade'),
    bankName: p.string().length(100),
    bankCode: p.string().length(4),
    branchName: p.string().length(100),
    branchCode: p.string().length(3),
    accountType: p.enum(['ordinary', 'checking', 'savings'] as const),
    accountNumberEnc: p.text(),
    accountLast4: p.string().length(4),
    holderName: p.string().length(100),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});
export class BankAccount extends BankAccountSchema.class {}
BankAccountSchema.setClass(BankAccount);

export const NoticeSchema = defineEntity({
  name: 'Notice',
  tableName: 'notices',
  indexes: [{ properties: ['userId'] }, { properties: ['createdAt'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    kind: p.enum(NOTICE_KINDS),
    title: p.string().length(200),
    body: p.text().default(''),
    audienceRole: p.string().length(16).nullable(),
    userId: () => p.manyToOne(User).mapToPk().fieldName('user_id').nullable().deleteRule('cascade'),
    createdBy: () => p.manyToOne(User).mapToPk().fieldName('created_by').nullable().deleteRule('set null'),
    createdAt: createdAt(),
  },
});
export class Notice extends NoticeSchema.class {}
NoticeSchema.setClass(Notice);

export const NoticeReadSchema = defineEntity({
  name: 'NoticeRead',
  tableName: 'notice_reads',
  uniques: [{ properties: ['noticeId', 'userId'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    noticeId: () => p.manyToOne(Notice).mapToPk().fieldName('notice_id').deleteRule('cascade'),
    userId: () => p.manyToOne(User).mapToPk().fieldName('user_id').deleteRule('cascade'),
    readAt: createdAt(),
  },
});
export class NoticeRead extends NoticeReadSchema.class {}
NoticeReadSchema.setClass(NoticeRead);

export const AlertPreferenceSchema = defineEntity({
  name: 'AlertPreference',
  tableName: 'alert_preferences',
  properties: {
    id: p.integer().primary().autoincrement(),
    userId: () => p.manyToOne(User).mapToPk().fieldName('user_id').unique().deleteRule('cascade'),
    // The defaults are the audience rules' (a worker who never saved preferences reads the same).
    skills: p.array().default([...ALERT_DEFAULTS.skills]),
    prefectures: p.array().default([...ALERT_DEFAULTS.prefectures]),
    remoteOk: p.boolean().default(ALERT_DEFAULTS.remoteOk),
    minRewardYen: p.integer().default(ALERT_DEFAULTS.minRewardYen),
    preferredPlatform: p.string().length(16).nullable(),
    quietStart: p.string().length(5).nullable(),
    quietEnd: p.string().length(5).nullable(),
    paused: p.boolean().default(ALERT_DEFAULTS.paused),
    updatedAt: updatedAt(),
  },
});
export class AlertPreference extends AlertPreferenceSchema.class {}
AlertPreferenceSchema.setClass(AlertPreference);

export const workEntities = [
  Application,
  Delivery,
  ApplicationFile,
  Question,
  PaymentStatement,
  InvoiceItem,
  BankAccount,
  Notice,
  NoticeRead,
  AlertPreference,
];
