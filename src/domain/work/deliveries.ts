/** 納品 and 検収 (docs/domain.md §1.7): the worker delivers files, staff approve or ask for a revision. */
import { UserError } from '../../errors.ts';
import type { UploadedFile } from '../../files/storage.ts';
import type { Actor } from '../actor.ts';
import type { DomainContext } from '../context.ts';
import { recordUploads } from '../files.ts';
import type { Tx } from '../tx.ts';
import { applicationAccess, requireManager, requireWorker } from './access.ts';
import { nextStatus } from './application-states.ts';
import { notify } from './applications.ts';
import { cleanDescription, isMonthClosed, itemPayload } from './invoices.ts';
import { usersWithRole } from './notices.ts';
import { latestTerms } from './order-terms.ts';
import { businessMonth } from './pay-date.ts';
import type { ApplicationFileRecord, ApplicationRecord, DeliveryRecord, JobRecord } from './records.ts';

export interface DeliveryDetail {
  delivery: DeliveryRecord;
  files: ApplicationFileRecord[];
}

export class DeliveryService {
  private readonly ctx: DomainContext;

  constructor(ctx: DomainContext) {
    this.ctx = ctx;
  }

  /** working → delivered, with at least one file and an optional note. */
  deliver(
    actor: Actor,
    applicationId: number,
    note: string,
    uploads: readonly UploadedFile[],
  ): Promise<DeliveryDetail> {
    return this.ctx.uow.run(async (tx) => {
      const access = await applicationAccess(tx, actor, applicationId);
      requireWorker(access);
      const to = nextStatus(access.app, 'deliver');
      if (uploads.length === 0) throw new UserError('delivery.files_required');
      const stored = await recordUploads(tx, actor.userId, uploads);
      // The delivery's time is when the work was received (docs/domain.md §1.9): the domain clock's.
      const now = this.ctx.clock();
      const delivery = await tx.work.deliveries.insert({
        applicationId,
        note: note.trim().slice(0, 4000),
        createdAt: now,
      });
      const files: ApplicationFileRecord[] = [];
      for (const f of stored) {
        files.push(
          await tx.work.applicationFiles.insert({
            applicationId,
            fileId: f.id,
            kind: 'delivery',
            deliveryId: delivery.id,
          }),
        );
      }
      const app = await tx.work.applications.update(applicationId, { status: to, deliveredAt: now });
      await tx.audit({
        actorUserId: actor.userId,
        action: 'application.deliver',
        subjectType: 'application',
        subjectId: applicationId,
        data: { deliveryId: delivery.id, files: stored.length },
      });
      if (access.job.createdBy !== null)
        await notify(tx, 'delivery.received', access.job.createdBy, app, {
          fileIds: stored.map((f) => f.id),
        });
      return { delivery, files };
    });
  }

  /** 検収 OK: delivered → approved; the worker gets the delivery confirmation. */
  approve(actor: Actor, applicationId: number): Promise<ApplicationRecord> {
    return this.review(actor, applicationId, 'approve', null);
  }

  /** delivered → revision_requested with feedback; the worker starts again from there. */
  requestRevision(actor: Actor, applicationId: number, feedback: string): Promise<ApplicationRecord> {
    const text = feedback.trim();
    if (text === '') return Promise.reject(new UserError('delivery.feedback_required'));
    return this.review(actor, applicationId, 'requestRevision', text);
  }

  /** Every delivery of an application with its files, oldest first. */
  list(actor: Actor, applicationId: number): Promise<DeliveryDetail[]> {
    return this.ctx.uow.read(async (tx) => {
      await applicationAccess(tx, actor, applicationId, false);
      const deliveries = await tx.work.deliveries.find({ applicationId }, { orderBy: { id: 'asc' } });
      const files = await tx.work.applicationFiles.find({ applicationId, kind: 'delivery' });
      return deliveries.map((delivery) => ({
        delivery,
        files: files.filter((f) => f.deliveryId === delivery.id),
      }));
    });
  }

  /**
   * Approval leads to payment: the reward of the order's terms (the job's reward, fixed or unit price ×
   * quantity, unless a later version of the terms changed it) becomes an item of
   * the worker's 入力請求書 for this month, the worker is asked to confirm it, and staff are asked
   * to check it (whoever approved: staff or the client who posted the job). Nothing is added when
   * an item for this application exists already, or when the month is closed for the worker
   * (staff then add it to a later month by hand, as the month-close report says).
   */
  private async invoiceFor(tx: Tx, actor: Actor, app: ApplicationRecord, job: JobRecord): Promise<void> {
    if ((await tx.work.invoiceItems.count({ applicationId: app.id })) > 0) return;
    const month = businessMonth(this.ctx.clock(), this.ctx.businessTimeZone);
    if (await isMonthClosed(tx, app.workerId, month)) return;
    // The reward agreed in the order's terms (their latest version), else the job's.
    const terms = await latestTerms(tx, app.id);
    const { id } = await tx.work.invoiceItems.insert({
      workerId: app.workerId,
      month,
      amountYen: terms?.rewardYen ?? job.rewardYen,
      description: cleanDescription(`#${job.id} ${job.title}`),
      applicationId: app.id,
      createdBy: actor.userId,
    });
    const item = await tx.work.invoiceItems.get(id);
    if (!item) return;
    await tx.audit({
      actorUserId: actor.userId,
      action: 'invoice.item_added',
      subjectType: 'invoice_item',
      subjectId: item.id,
      data: {
        workerId: item.workerId,
        month,
        amountYen: item.amountYen,
        applicationId: app.id,
        from: 'approval',
      },
    });
    await tx.notify({
      type: 'invoice.item_added',
      recipientUserId: item.workerId,
      payload: itemPayload(item),
      dedupeKey: `invoice.item_added:${item.id}`,
    });
    for (const staffId of await usersWithRole(tx, 'staff')) {
      await tx.notify({
        type: 'invoice.item_to_check',
        recipientUserId: staffId,
        payload: { ...itemPayload(item), applicationId: app.id, jobId: job.id },
        dedupeKey: `invoice.item_to_check:${item.id}:${staffId}`,
      });
    }
  }

  private review(
    actor: Actor,
    applicationId: number,
    action: 'approve' | 'requestRevision',
    feedback: string | null,
  ): Promise<ApplicationRecord> {
    return this.ctx.uow.run(async (tx) => {
      const access = await applicationAccess(tx, actor, applicationId);
      requireManager(access);
      const to = nextStatus(access.app, action);
      const [latest] = await tx.work.deliveries.find(
        { applicationId },
        { orderBy: { id: 'desc' }, limit: 1 },
      );
      const now = this.ctx.clock();
      if (latest) {
        await tx.work.deliveries.update(latest.id, {
          reviewStatus: action === 'approve' ? 'approved' : 'revision_requested',
          feedback,
          reviewedBy: actor.userId,
          reviewedAt: now,
        });
      }
      const app = await tx.work.applications.update(applicationId, {
        status: to,
        ...(action === 'approve' ? { approvedAt: now } : {}),
      });
      await tx.audit({
        actorUserId: actor.userId,
        action: `application.${action}`,
        subjectType: 'application',
        subjectId: applicationId,
        data: { from: access.app.status, to, deliveryId: latest?.id ?? null },
      });
      await notify(
        tx,
        action === 'approve' ? 'delivery.approved' : 'delivery.revision_requested',
        app.workerId,
        app,
      );
      if (action === 'approve') await this.invoiceFor(tx, actor, app, access.job);
      return app;
    });
  }
}
