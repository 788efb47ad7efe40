/**
 * 問い合わせ: a customer opens an inquiry, both sides comment, staff take and resolve it
 * (received / 受付中 → in_progress / 対応中 → completed / 完了; read-only once completed).
 */
import { UserError } from '../../errors.ts';
import type { UploadedFile } from '../../files/storage.ts';
import { type Actor, isStaff, requireRole, requireStaff } from '../actor.ts';
import type { DomainContext } from '../context.ts';
import { recordUploads } from '../files.ts';
import type { Tx } from '../tx.ts';
import { visibleInquiry } from './access.ts';
import { replyAfterHours } from './after-hours.ts';
import { roundRobinAssignee } from './assignment.ts';
import { deskOf } from './calendar.ts';
import { checkAttachmentCount, cleanComment } from './input.ts';
import { notifyCreated, notifyMessage, notifyStatus } from './notify.ts';
import type { AttachmentView, InquiryMessageRecord, InquiryRecord } from './records.ts';

export interface NewInquiryInput {
  categoryId: number;
  subtopicId?: number | null;
  /** Required unless the category needs no store (新規出店のご相談). */
  storeId?: number | null;
  comment: string;
  attachments?: readonly UploadedFile[];
  /** A completed inquiry of the same company this one follows up on. */
  refersToId?: number | null;
}

export interface MessageInput {
  /** May be empty when files are attached (a photo sent on its own). */
  body: string;
  attachments?: readonly UploadedFile[];
}

export interface Created<T> {
  record: T;
  attachments: AttachmentView[];
  /** Users an outbox row was written for. */
  notified: number[];
}

/** Stores the uploads and attaches them to the inquiry (and message), as the history shows them. */
async function attach(
  tx: Tx,
  actor: Actor,
  inquiryId: number,
  messageId: number | null,
  uploads: readonly UploadedFile[],
  at: Date,
): Promise<AttachmentView[]> {
  const files = await recordUploads(tx, actor.userId, uploads);
  const views: AttachmentView[] = [];
  for (const file of files) {
    const row = await tx.support.attachments.insert({ inquiryId, messageId, fileId: file.id, createdAt: at });
    views.push({
      attachmentId: row.id,
      inquiryId,
      messageId,
      fileId: file.id,
      name: file.name,
      mime: file.mime,
      size: file.size,
      storageKey: file.storageKey,
      uploadedBy: file.uploadedBy,
      createdAt: row.createdAt,
    });
  }
  return views;
}

export class InquiryService {
  private readonly ctx: DomainContext;

  constructor(ctx: DomainContext) {
    this.ctx = ctx;
  }

  /**
   * 新規問い合わせ: a customer opens an inquiry for one of their company's stores (or none, for a
   * new-store consultation). It starts as received and reaches the company's assigned staff.
   */
  create(actor: Actor, input: NewInquiryInput): Promise<Created<InquiryRecord>> {
    return this.ctx.uow.run(async (tx) => {
      requireRole(actor, 'customer');
      const companyId = actor.companyId;
      if (companyId === null) throw new UserError('forbidden');
      const comment = cleanComment(input.comment);
      const uploads = input.attachments ?? [];
      checkAttachmentCount(uploads);

      const category = await tx.support.categories.get(input.categoryId);
      if (!category) throw new UserError('support.category_not_found');
      const subtopicId = input.subtopicId ?? null;
      if (subtopicId !== null) {
        const subtopic = await tx.support.subtopics.get(subtopicId);
        if (!subtopic || subtopic.categoryId !== category.id)
          throw new UserError('support.subtopic_mismatch');
      }
      const storeId = input.storeId ?? null;
      if (storeId === null && category.needsStore) throw new UserError('support.store_required');
      if (storeId !== null) {
        const store = await tx.support.stores.get(storeId);
        if (!store || store.companyId !== companyId) throw new UserError('support.store_not_found');
      }
      const refersToId = input.refersToId ?? null;
      if (refersToId !== null) {
        const earlier = await tx.support.inquiries.get(refersToId);
        if (!earlier || earlier.companyId !== companyId || earlier.status !== 'completed') {
          throw new UserError('support.reference_not_completed', { id: refersToId });
        }
      }

      const now = this.ctx.clock();
      const desk = deskOf(this.ctx);
      // Round-robin categories go to the next support member on duty (docs/domain.md §2.10).
      const assigneeId = category.roundRobin
        ? await roundRobinAssignee(tx, desk.calendar, companyId, now)
        : null;
      const inquiry = await tx.support.inquiries.insert({
        companyId,
        storeId,
        categoryId: category.id,
        subtopicId,
        status: 'received',
        createdBy: actor.userId,
        assigneeId,
        comment,
        refersToId,
        createdAt: now,
        updatedAt: now,
        completedAt: null,
      });
      const attachments = await attach(tx, actor, inquiry.id, null, uploads, now);
      await tx.audit({
        actorUserId: actor.userId,
        action: 'inquiry.created',
        subjectType: 'inquiry',
        subjectId: inquiry.id,
        data: {
          companyId,
          storeId,
          categoryId: category.id,
          subtopicId,
          refersToId,
          files: attachments.length,
          ...(assigneeId === null ? {} : { assigneeId, assignedBy: 'round_robin' }),
        },
      });
      const notified = await notifyCreated(tx, actor, inquiry);
      await replyAfterHours(tx, desk, actor, inquiry.id, now);
      return { record: inquiry, attachments, notified };
    });
  }

  /**
   * A comment on an open inquiry, by a customer of its company or by staff. Completed inquiries are
   * read-only. Moves the inquiry to the top of the list (updated now).
   */
  addMessage(actor: Actor, inquiryId: number, input: MessageInput): Promise<Created<InquiryMessageRecord>> {
    return this.ctx.uow.run(async (tx) => {
      // Locked so a message and a concurrent resolve cannot both win.
      const inquiry = await visibleInquiry(tx, actor, inquiryId, { lock: true });
      if (inquiry.status === 'completed')
        throw new UserError('support.inquiry_completed', { id: inquiry.id });
      const uploads = input.attachments ?? [];
      checkAttachmentCount(uploads);
      const body = cleanComment(input.body, { allowEmpty: uploads.length > 0 });

      const now = this.ctx.clock();
      const message = await tx.support.messages.insert({
        inquiryId: inquiry.id,
        authorId: actor.userId,
        body,
        createdAt: now,
      });
      const attachments = await attach(tx, actor, inquiry.id, message.id, uploads, now);
      const fromStaff = isStaff(actor);
      // The first staff message reaches the customer: the first response (docs/domain.md §2.8).
      const first = fromStaff && inquiry.firstResponseAt === null ? { firstResponseAt: now } : {};
      const updated = await tx.support.inquiries.update(inquiry.id, { updatedAt: now, ...first });
      await tx.audit({
        actorUserId: actor.userId,
        action: 'inquiry.message_added',
        subjectType: 'inquiry',
        subjectId: inquiry.id,
        data: { messageId: message.id, fromStaff, files: attachments.length },
      });
      const notified = await notifyMessage(tx, actor, updated, message, fromStaff);
      if (!fromStaff) await replyAfterHours(tx, deskOf(this.ctx), actor, inquiry.id, now);
      return { record: message, attachments, notified };
    });
  }

  /**
   * Staff take an inquiry: it becomes in progress with them as assignee. Taking one someone else
   * holds reassigns it; taking one you already hold changes nothing. The customer hears when the
   * status changes (received → in progress), not on a hand-over between staff.
   */
  take(actor: Actor, inquiryId: number): Promise<InquiryRecord> {
    return this.ctx.uow.run(async (tx) => {
      requireStaff(actor);
      const inquiry = await visibleInquiry(tx, actor, inquiryId, { lock: true });
      if (inquiry.status === 'completed')
        throw new UserError('support.already_completed', { id: inquiry.id });
      if (inquiry.status === 'in_progress' && inquiry.assigneeId === actor.userId) return inquiry;

      const updated = await tx.support.inquiries.update(inquiry.id, {
        status: 'in_progress',
        assigneeId: actor.userId,
        updatedAt: this.ctx.clock(),
      });
      await tx.audit({
        actorUserId: actor.userId,
        action: 'inquiry.taken',
        subjectType: 'inquiry',
        subjectId: inquiry.id,
        data: { from: inquiry.status, previousAssigneeId: inquiry.assigneeId },
      });
      if (inquiry.status !== 'in_progress') await notifyStatus(tx, actor, updated);
      return updated;
    });
  }

  /** Staff resolve an inquiry: completed, and read-only from now on. Resolving twice is refused. */
  resolve(actor: Actor, inquiryId: number): Promise<InquiryRecord> {
    return this.ctx.uow.run(async (tx) => {
      requireStaff(actor);
      const inquiry = await visibleInquiry(tx, actor, inquiryId, { lock: true });
      if (inquiry.status === 'completed')
        throw new UserError('support.already_completed', { id: inquiry.id });

      const now = this.ctx.clock();
      const updated = await tx.support.inquiries.update(inquiry.id, {
        status: 'completed',
        // Resolving an untaken inquiry records who answered it.
        assigneeId: inquiry.assigneeId ?? actor.userId,
        completedAt: now,
        updatedAt: now,
      });
      await tx.audit({
        actorUserId: actor.userId,
        action: 'inquiry.resolved',
        subjectType: 'inquiry',
        subjectId: inquiry.id,
        data: { from: inquiry.status },
      });
      await notifyStatus(tx, actor, updated);
      return updated;
    });
  }
}
