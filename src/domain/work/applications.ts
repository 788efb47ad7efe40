/**
 * 応募 → 依頼可否 → 作業開始 (docs/domain.md §1.3–§1.5): applying, deciding, handing over work files,
 * starting, withdrawing and cancelling. Every move goes through the state machine of
 * application-states.ts, inside one transaction with its audit and outbox rows.
 */
import { UserError } from '../../errors.ts';
import type { UploadedFile } from '../../files/storage.ts';
import { type Actor, isStaff, requireRole } from '../actor.ts';
import { openingsLeft, TAKES_APPLICATIONS } from '../audience/rules.ts';
import { clearanceOf } from '../checks/clearance.ts';
import type { DomainContext } from '../context.ts';
import { recordUploads } from '../files.ts';
import type { NotificationPayloads } from '../shared.ts';
import { DuplicateRecordError, type Page, type PageRequest } from '../table.ts';
import type { Tx } from '../tx.ts';
import {
  type ApplicationAccess,
  applicationAccess,
  managedJob,
  requireManager,
  requireWorker,
} from './access.ts';
import { type ApplicationAction, nextStatus } from './application-states.ts';
import { issueTerms } from './order-terms.ts';
import type { ApplicationFileRecord, ApplicationRecord, ApplicationStatus } from './records.ts';

const MAX_MESSAGE = 2000;

export interface ApplicationDetail {
  application: ApplicationRecord;
  workFiles: ApplicationFileRecord[];
}

export class ApplicationService {
  private readonly ctx: DomainContext;

  constructor(ctx: DomainContext) {
    this.ctx = ctx;
  }

  /** A worker applies to an open job before its deadline; one active application per job. */
  apply(actor: Actor, jobId: number, message = ''): Promise<ApplicationRecord> {
    return this.ctx.uow.run(async (tx) => {
      requireRole(actor, 'worker');
      const text = message.trim();
      if (text.length > MAX_MESSAGE)
        throw new UserError('application.message_too_long', { max: MAX_MESSAGE });
      const job = await tx.work.jobs.get(jobId);
      if (!job || job.status === 'draft') throw new UserError('not_found', { thing: '@thing.job' });
      if (job.status !== TAKES_APPLICATIONS.status) throw new UserError('job.not_open');
      if (job.confidential && !(await clearanceOf(tx, this.ctx, actor.userId)).cleared)
        throw new UserError('checks.confidential.locked');
      if (job.deadline && job.deadline.getTime() <= this.ctx.clock().getTime())
        throw new UserError('job.deadline_passed');
      let app: ApplicationRecord;
      try {
        // The partial unique index (one active application per worker and job) settles races.
        app = await tx.work.applications.insert({ jobId, workerId: actor.userId, message: text });
      } catch (err) {
        if (err instanceof DuplicateRecordError) throw new UserError('application.duplicate');
        throw err;
      }
      await tx.audit({
        actorUserId: actor.userId,
        action: 'application.applied',
        subjectType: 'application',
        subjectId: app.id,
        data: { jobId },
      });
      if (job.createdBy !== null && job.createdBy !== actor.userId) {
        await notify(tx, 'application.received', job.createdBy, app);
      }
      return app;
    });
  }

  /**
   * Staff (or the job's poster) accept an application. The job row is locked first, so concurrent
   * accepts are serialized and can never fill more than the job's openings.
   */
  accept(actor: Actor, applicationId: number): Promise<ApplicationRecord> {
    return this.ctx.uow.run(async (tx) => {
      const peek = await tx.work.applications.get(applicationId);
      if (!peek) throw new UserError('not_found', { thing: '@thing.application' });
      const job = await managedJob(tx, actor, peek.jobId, true);
      const access = await applicationAccess(tx, actor, applicationId);
      const to = nextStatus(access.app, 'accept');
      // The seat rule is the one that cancels the job's alerts once it is filled (audience/rules.ts).
      if (openingsLeft(job, await tx.work.countSeatsTaken(job.id)) === 0)
        throw new UserError('application.openings_full', { openings: job.openings });
      // The terms of the order (取引条件) are stated with the acceptance itself: version 1.
      const terms = await issueTerms(tx, this.ctx, actor, access.app, job, null);
      return this.move(tx, actor, access, 'accept', to, { decidedBy: actor.userId }, 'application.accepted', {
        termsId: terms.id,
      });
    });
  }

  reject(actor: Actor, applicationId: number, reason: string): Promise<ApplicationRecord> {
    return this.ctx.uow.run(async (tx) => {
      const access = await applicationAccess(tx, actor, applicationId);
      requireManager(access);
      const why = reason.trim();
      if (why === '') throw new UserError('application.reason_required');
      const to = nextStatus(access.app, 'reject');
      return this.move(
        tx,
        actor,
        access,
        'reject',
        to,
        { decidedBy: actor.userId, decisionReason: why },
        'application.rejected',
      );
    });
  }

  /** The worker withdraws an application that has not been decided yet. */
  withdraw(actor: Actor, applicationId: number): Promise<ApplicationRecord> {
    return this.ctx.uow.run(async (tx) => {
      const access = await applicationAccess(tx, actor, applicationId);
      requireWorker(access);
      return this.move(tx, actor, access, 'withdraw', nextStatus(access.app, 'withdraw'), {}, null);
    });
  }

  /** Staff cancel at any point before approval, with a reason; the worker is told. */
  cancel(actor: Actor, applicationId: number, reason: string): Promise<ApplicationRecord> {
    return this.ctx.uow.run(async (tx) => {
      const access = await applicationAccess(tx, actor, applicationId);
      requireManager(access);
      const why = reason.trim();
      if (why === '') throw new UserError('application.reason_required');
      const to = nextStatus(access.app, 'cancel');
      return this.move(
        tx,
        actor,
        access,
        'cancel',
        to,
        { decisionReason: why, decidedBy: actor.userId },
        'application.cancelled',
      );
    });
  }

  /** 作業ファイル: staff hand files to an accepted worker (again later if needed). */
  handOverWorkFiles(
    actor: Actor,
    applicationId: number,
    uploads: readonly UploadedFile[],
    /** What staff wrote with the files (instructions, the deadline); it travels with the notification. */
    note = '',
  ): Promise<ApplicationFileRecord[]> {
    return this.ctx.uow.run(async (tx) => {
      const access = await applicationAccess(tx, actor, applicationId);
      requireManager(access);
      const allowed: ApplicationStatus[] = ['accepted', 'working', 'revision_requested'];
      if (!allowed.includes(access.app.status)) {
        throw new UserError('application.wrong_state', {
          status: `@application.status.${access.app.status}`,
        });
      }
      if (uploads.length === 0) throw new UserError('delivery.files_required');
      const job = await tx.work.jobs.get(access.app.jobId);
      if (job?.confidential && !(await clearanceOf(tx, this.ctx, access.app.workerId)).cleared)
        throw new UserError('checks.confidential.worker_not_cleared');
      const files = await recordUploads(tx, actor.userId, uploads);
      const rows: ApplicationFileRecord[] = [];
      for (const f of files)
        rows.push(await tx.work.applicationFiles.insert({ applicationId, fileId: f.id, kind: 'work' }));
      await tx.work.applications.update(applicationId, { workFilesHandedAt: this.ctx.clock() });
      await tx.audit({
        actorUserId: actor.userId,
        action: 'application.work_files',
        subjectType: 'application',
        subjectId: applicationId,
        data: { files: files.map((f) => f.id), ...(note.trim() ? { note: note.trim().slice(0, 4000) } : {}) },
      });
      await tx.notify({
        type: 'work_files.handed',
        recipientUserId: access.app.workerId,
        // The files themselves go with the notification (src/notifications/render.ts).
        payload: {
          applicationId,
          jobId: access.job.id,
          files: files.length,
          fileIds: files.map((f) => f.id),
          ...(note.trim() ? { note: note.trim().slice(0, 4000) } : {}),
        },
        dedupeKey: `work_files.handed:${applicationId}:${rows[0]?.id}`,
      });
      return rows;
    });
  }

  /** 作業開始: only once accepted with work files handed (or again after a revision request). */
  start(actor: Actor, applicationId: number): Promise<ApplicationRecord> {
    return this.ctx.uow.run(async (tx) => {
      const access = await applicationAccess(tx, actor, applicationId);
      requireWorker(access);
      const to = nextStatus(access.app, 'start');
      if (access.app.status === 'accepted' && !access.app.workFilesHandedAt)
        throw new UserError('application.no_work_files');
      const first = access.app.startedAt === null;
      return this.move(tx, actor, access, 'start', to, first ? { startedAt: this.ctx.clock() } : {}, null);
    });
  }

  /** One application with its work files, for its worker or its job's managers. */
  get(actor: Actor, applicationId: number): Promise<ApplicationDetail> {
    return this.ctx.uow.read(async (tx) => {
      const access = await applicationAccess(tx, actor, applicationId, false);
      const workFiles = await tx.work.applicationFiles.find({ applicationId, kind: 'work' });
      return { application: access.app, workFiles };
    });
  }

  /** The worker's own applications, newest first. */
  listMine(actor: Actor, page: PageRequest): Promise<Page<ApplicationRecord>> {
    return this.ctx.uow.read(async (tx) => ({
      items: await tx.work.applications.find(
        { workerId: actor.userId },
        { orderBy: { updatedAt: 'desc', id: 'desc' }, ...page },
      ),
      total: await tx.work.applications.count({ workerId: actor.userId }),
    }));
  }

  /** A job's applications for staff or its poster, oldest first (the order they came in). */
  listForJob(actor: Actor, jobId: number, status?: ApplicationStatus): Promise<ApplicationRecord[]> {
    return this.ctx.uow.read(async (tx) => {
      await managedJob(tx, actor, jobId);
      return tx.work.applications.find({ jobId, ...(status ? { status } : {}) }, { orderBy: { id: 'asc' } });
    });
  }

  private async move(
    tx: Tx,
    actor: Actor,
    access: ApplicationAccess,
    action: ApplicationAction,
    to: ApplicationStatus,
    patch: Partial<ApplicationRecord>,
    notification: ApplicationNotification | null,
    extra: NotificationExtra = {},
  ): Promise<ApplicationRecord> {
    const app = await tx.work.applications.update(access.app.id, { ...patch, status: to });
    await tx.audit({
      actorUserId: actor.userId,
      action: `application.${action}`,
      subjectType: 'application',
      subjectId: app.id,
      data: { from: access.app.status, to, byStaff: isStaff(actor) },
    });
    if (notification) await notify(tx, notification, app.workerId, app, extra);
    return app;
  }
}

/** The notifications about an application's state (their payload names the application). */
export type ApplicationNotification = {
  [T in keyof NotificationPayloads]: NotificationPayloads[T] extends { applicationId: number; status: string }
    ? T
    : never;
}[keyof NotificationPayloads];

/** What an application's notification may carry besides its state: files, the order's terms. */
type NotificationExtra = { fileIds?: number[]; termsId?: number };

/** One outbox row per recipient and state change: the key names the application and its new state. */
export async function notify(
  tx: Tx,
  type: ApplicationNotification,
  recipientUserId: number,
  app: ApplicationRecord,
  extra: NotificationExtra = {},
): Promise<void> {
  await tx.notify({
    type,
    recipientUserId,
    payload: { applicationId: app.id, jobId: app.jobId, status: app.status, ...extra },
    dedupeKey: `${type}:${app.id}:${app.updatedAt.getTime()}`,
  });
}
