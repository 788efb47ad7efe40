/** Support desk entities (docs/domain.md §2): stores, assigned staff, categories, inquiries and messages. */
import { defineEntity, p } from '@mikro-orm/core';
import { INQUIRY_STATUSES, STAFF_ROLES } from '../../src/domain/support/records.ts';
import { Company } from './company.ts';
import { StoredFile } from './file.ts';
import { User } from './user.ts';

// No `onUpdate` on `updatedAt`: services set it from the injected clock, so "newest update first"
// follows the domain's time (and tests can move it).
const createdAt = () =>
  p
    .datetime()
    .defaultRaw('now()')
    .onCreate(() => new Date());

export const StoreSchema = defineEntity({
  name: 'Store',
  tableName: 'stores',
  indexes: [{ properties: ['companyId', 'region'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    companyId: () => p.manyToOne(Company).mapToPk().fieldName('company_id').deleteRule('cascade'),
    name: p.string().length(200),
    prefecture: p.string().length(16),
    region: p.string().length(50),
    createdAt: createdAt(),
  },
});
export class Store extends StoreSchema.class {}
StoreSchema.setClass(Store);

export const CompanyStaffSchema = defineEntity({
  name: 'CompanyStaff',
  tableName: 'company_staff',
  uniques: [{ properties: ['companyId', 'userId', 'role'] }],
  indexes: [{ properties: ['userId'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    companyId: () => p.manyToOne(Company).mapToPk().fieldName('company_id').deleteRule('cascade'),
    userId: () => p.manyToOne(User).mapToPk().fieldName('user_id').deleteRule('cascade'),
    role: p.enum(STAFF_ROLES),
    createdAt: createdAt(),
  },
});
export class CompanyStaff extends CompanyStaffSchema.class {}
CompanyStaffSchema.setClass(CompanyStaff);

export const InquiryCategorySchema = defineEntity({
  name: 'InquiryCategory',
  tableName: 'inquiry_categories',
  properties: {
    id: p.integer().primary().autoincrement(),
    code: p.string().length(32).unique(),
    nameJa: p.string().length(100),
    nameEn: p.string().length(100),
    sort: p.integer().default(0),
    needsStore: p.boolean().default(true),
    slaFirstResponseMinutes: p.integer().nullable(),
    slaResolutionMinutes: p.integer().nullable(),
    roundRobin: p.boolean().default(false),
  },
});
export class InquiryCategory extends InquiryCategorySchema.class {}
InquiryCategorySchema.setClass(InquiryCategory);

export const InquirySubtopicSchema = defineEntity({
  name: 'InquirySubtopic',
  tableName: 'inquiry_subtopics',
  indexes: [{ properties: ['categoryId'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    categoryId: () => p.manyToOne(InquiryCategory).mapToPk().fieldName('category_id').deleteRule('cascade'),
    nameJa: p.string().length(100),
    nameEn: p.string().length(100),
    sort: p.integer().default(0),
  },
});
export class InquirySubtopic extends InquirySubtopicSchema.class {}
InquirySubtopicSchema.setClass(InquirySubtopic);

/**
 * 問い合わせ. The list orders by `updated_at desc, id desc`; each index ends in `(updated_at, id)` so
 * a page is read in index order (scanned backwards) instead of sorting every match.
 */
export const InquirySchema = defineEntity({
  name: 'Inquiry',
  tableName: 'inquiries',
  indexes: [
    { properties: ['companyId', 'updatedAt', 'id'] },
    { properties: ['status', 'updatedAt', 'id'] },
    { properties: ['updatedAt', 'id'] },
    { properties: ['storeId'] },
    { properties: ['categoryId'] },
    { properties: ['createdBy'] },
    { properties: ['createdAt'] },
  ],
  properties: {
    id: p.integer().primary().autoincrement(),
    companyId: () => p.manyToOne(Company).mapToPk().fieldName('company_id').deleteRule('cascade'),
    // A store or category with inquiries is history: deleting it is refused (no action).
    storeId: () => p.manyToOne(Store).mapToPk().fieldName('store_id').nullable().deleteRule('no action'),
    categoryId: () => p.manyToOne(InquiryCategory).mapToPk().fieldName('category_id'),
    subtopicId: () =>
      p.manyToOne(InquirySubtopic).mapToPk().fieldName('subtopic_id').nullable().deleteRule('set null'),
    status: p.enum(INQUIRY_STATUSES).default('received'),
    createdBy: () => p.manyToOne(User).mapToPk().fieldName('created_by'),
    assigneeId: () => p.manyToOne(User).mapToPk().fieldName('assignee_id').nullable().deleteRule('set null'),
    comment: p.text(),
    refersToId: () =>
      p.manyToOne(Inquiry).mapToPk().fieldName('refers_to_id').nullable().deleteRule('set null'),
    createdAt: createdAt(),
    updatedAt: createdAt(),
    completedAt: p.datetime().nullable(),
    firstResponseAt: p.datetime().nullable(),
  },
});
export class Inquiry extends InquirySchema.class {}
InquirySchema.setClass(Inquiry);

export const InquiryMessageSchema = defineEntity({
  name: 'InquiryMessage',
  tableName: 'inquiry_messages',
  indexes: [{ properties: ['inquiryId'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    inquiryId: () => p.manyToOne(Inquiry).mapToPk().fieldName('inquiry_id').deleteRule('cascade'),
    authorId: () => p.manyToOne(User).mapToPk().fieldName('author_id'),
    body: p.text().default(''),
    createdAt: createdAt(),
  },
});
export class InquiryMessage extends InquiryMessageSchema.class {}
InquiryMessageSchema.setClass(InquiryMessage);

/** Files exchanged on an inquiry; the files list (ファイル) reads them newest first. */
export const InquiryAttachmentSchema = defineEntity({
  name: 'InquiryAttachment',
  tableName: 'inquiry_attachments',
  indexes: [{ properties: ['inquiryId'] }, { properties: ['createdAt', 'id'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    inquiryId: () => p.manyToOne(Inquiry).mapToPk().fieldName('inquiry_id').deleteRule('cascade'),
    messageId: () =>
      p.manyToOne(InquiryMessage).mapToPk().fieldName('message_id').nullable().deleteRule('cascade'),
    fileId: () => p.manyToOne(StoredFile).mapToPk().fieldName('file_id').deleteRule('cascade'),
    createdAt: createdAt(),
  },
});
export class InquiryAttachment extends InquiryAttachmentSchema.class {}
InquiryAttachmentSchema.setClass(InquiryAttachment);

export const supportEntities = [
  Store,
  CompanyStaff,
  InquiryCategory,
  InquirySubtopic,
  Inquiry,
  InquiryMessage,
  InquiryAttachment,
];
