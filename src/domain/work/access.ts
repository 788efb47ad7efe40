/** Who may act on a job or an application: staff, the job's poster, and the applying worker. */
import { UserError } from '../../errors.ts';
import { type Actor, isStaff } from '../actor.ts';
import type { Tx } from '../tx.ts';
import type { ApplicationRecord, JobRecord } from './records.ts';

export const canManageJob = (actor: Actor, job: JobRecord) =>
  isStaff(actor) || job.createdBy === actor.userId;

/** The job, if the actor may manage it; a job they may not see reads as not found. */
export async function managedJob(tx: Tx, actor: Actor, jobId: number, lock = false): Promise<JobRecord> {
  const job = lock ? await tx.work.jobs.lock(jobId) : await tx.work.jobs.get(jobId);
  if (!job) throw new UserError('not_found', { thing: '@thing.job' });
  if (!canManageJob(actor, job)) throw new UserError('forbidden');
  return job;
}

export interface ApplicationAccess {
  app: ApplicationRecord;
  job: JobRecord;
  /** The actor is the applying worker. */
  asWorker: boolean;
  /** The actor manages the job (staff or its poster). */
  asManager: boolean;
}

/**
 * Loads an application (locked for update unless `lock` is false, for reads) with its job and says how the actor relates to it;
 * anyone else is refused. Someone else's application reads as not found, so ids reveal nothing.
 */
export async function applicationAccess(
  tx: Tx,
  actor: Actor,
  applicationId: number,
  lock = true,
): Promise<ApplicationAccess> {
  const app = lock
    ? await tx.work.applications.lock(applicationId)
    : await tx.work.applications.get(applicationId);
  if (!app) throw new UserError('not_found', { thing: '@thing.application' });
  const job = await tx.work.jobs.get(app.jobId);
  if (!job) throw new UserError('not_found', { thing: '@thing.job' });
  const asWorker = app.workerId === actor.userId;
  const asManager = canManageJob(actor, job);
  if (!asWorker && !asManager) throw new UserError('not_found', { thing: '@thing.application' });
  return { app, job, asWorker, asManager };
}

export function requireWorker(access: ApplicationAccess): void {
  if (!access.asWorker) throw new UserError('forbidden');
}

export function requireManager(access: ApplicationAccess): void {
  if (!access.asManager) throw new UserError('forbidden');
}
