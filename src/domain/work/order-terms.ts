/**
 * 取引条件 (docs/domain.md §1.4): the terms of an order, stated to the worker when their application is
 * accepted (the freelance act's 取引条件の明示; a chat message is an allowed means). Each version is an
 * immutable row: version 1 at acceptance, a new version when the reward changes (staff or the job's
 * poster revise it before approval, or staff correct the invoice item it became). The worker, staff
 * and the job's poster can read every version again; anyone else reads "not found".
 */
import { UserError } from '../../errors.ts';
import { type Actor, isStaff, requireRole } from '../actor.ts';
import type { DomainContext } from '../context.ts';
import type { Tx } from '../tx.ts';
import { applicationAccess, requireManager } from './access.ts';
import { businessMonth, payDateFor } from './pay-date.ts';
import type { ApplicationRecord, ApplicationStatus, JobRecord, OrderTermsRecord } from './records.ts';

/** Terms can be revised here until the work is approved; after that, through the invoice item. */
const REVISABLE: readonly ApplicationStatus[] = ['accepted', 'working', 'delivered', 'revision_requested'];
const MAX_REWARD = 100_000_000;
const MAX_REASON = 1000;

/** The latest version of an application's terms, or null when it has none (accepted before they were kept). */
export async function latestTerms(tx: Tx, applicationId: number): Promise<OrderTermsRecord | null> {
  const [last] = await tx.work.orderTerms.find({ applicationId }, { orderBy: { version: 'desc' }, limit: 1 });
  return last ?? null;
}

/**
 * Who orders the work (発注事業者): a client's own job is theirs (their company's name, else theirs);
 * a job staff posted is the operator's (`OPERATOR_NAME`, else the poster's company; '' when unknown).
 */
async function clientOf(
  tx: Tx,
  ctx: DomainContext,
  job: JobRecord,
): Promise<{ clientUserId: number | null; clientName: string }> {
  const poster = job.createdBy === null ? null : await tx.users.get(job.createdBy);
  const company = poster?.companyId ? await tx.companies.get(poster.companyId) : null;
  const staffPoster = poster !== null && isStaff({ ...poster, userId: poster.id });
  if (poster?.roles.includes('client') && !staffPoster)
    return { clientUserId: poster.id, clientName: company?.name ?? poster.displayName };
  return { clientUserId: null, clientName: ctx.operatorName ?? company?.name ?? '' };
}

/**
 * Writes the next version of an application's terms: version 1 from the job as it stands, later ones
 * from the previous version with the new reward and the reason. A later version notifies the worker;
 * version 1 travels with the acceptance notice.
 */
export async function issueTerms(
  tx: Tx,
  ctx: DomainContext,
  actor: Actor,
  app: ApplicationRecord,
  job: JobRecord,
  change: { rewardYen: number; reason: string } | null,
): Promise<OrderTermsRecord> {
  const previous = await latestTerms(tx, app.id);
  const tz = ctx.businessTimeZone;
  let base: Omit<OrderTermsRecord, 'id' | 'createdAt' | 'version' | 'reason' | 'createdBy'>;
  if (previous) {
    const { id: _id, createdAt: _at, version: _v, reason: _r, createdBy: _by, ...kept } = previous;
    base = kept;
  } else {
    const worker = await tx.users.get(app.workerId);
    base = {
      applicationId: app.id,
      workerId: app.workerId,
      jobId: job.id,
      ...(await clientOf(tx, ctx, job)),
      workerName: worker?.displayName ?? '',
      title: job.title,
      description: job.description,
      rewardType: job.rewardType,
      unitPriceYen: job.unitPriceYen,
      quantity: job.quantity,
      rewardYen: job.rewardYen,
      dueDate: job.dueDate,
      expectedPayDate: job.dueDate ? payDateFor(businessMonth(job.dueDate, tz)) : null,
      orderedAt: ctx.clock(),
    };
  }
  // A changed total no longer is the old unit price × quantity: the new version states the amount.
  const reward =
    change && change.rewardYen !== base.rewardYen
      ? { rewardType: 'fixed' as const, unitPriceYen: null, quantity: null, rewardYen: change.rewardYen }
      : {};
  const terms = await tx.work.orderTerms.insert({
    ...base,
    ...reward,
    version: (previous?.version ?? 0) + 1,
    reason: change?.reason ?? null,
    createdBy: actor.userId,
    createdAt: ctx.clock(),
  });
  await tx.audit({
    actorUserId: actor.userId,
    action: 'order_terms.issued',
    subjectType: 'application',
    subjectId: app.id,
    data: { termsId: terms.id, version: terms.version, rewardYen: terms.rewardYen },
  });
  if (previous || change) {
    await tx.notify({
      type: 'order.terms_revised',
      recipientUserId: app.workerId,
      payload: { applicationId: app.id, jobId: terms.jobId, termsId: terms.id, version: terms.version },
      dedupeKey: `order.terms_revised:${terms.id}`,
    });
  }
  return terms;
}

export class OrderTermsService {
  private readonly ctx: DomainContext;

  constructor(ctx: DomainContext) {
    this.ctx = ctx;
  }

  /** Every version of an application's terms, oldest first, for its worker, staff or the job's poster. */
  versions(actor: Actor, applicationId: number): Promise<OrderTermsRecord[]> {
    return this.ctx.uow.read(async (tx) => {
      await applicationAccess(tx, actor, applicationId, false);
      const all = await tx.work.orderTerms.find({ applicationId }, { orderBy: { version: 'asc' } });
      if (all.length === 0) throw new UserError('compliance.terms.none', { id: applicationId });
      return all;
    });
  }

  /** The worker's own orders: the latest version of each, newest order first. */
  listMine(actor: Actor): Promise<OrderTermsRecord[]> {
    return this.ctx.uow.read(async (tx) => {
      requireRole(actor, 'worker');
      const all = await tx.work.orderTerms.find(
        { workerId: actor.userId },
        { orderBy: { orderedAt: 'desc', applicationId: 'desc', version: 'desc' } },
      );
      const seen = new Set<number>();
      return all.filter((t) => !seen.has(t.applicationId) && seen.add(t.applicationId));
    });
  }

  /**
   * [staff, or the job's poster] A new reward before the work is approved, with the reason the worker
   * reads: a new version of the terms. After approval the reward changes through the invoice item.
   */
  revise(actor: Actor, applicationId: number, rewardYen: number, reason: string): Promise<OrderTermsRecord> {
    return this.ctx.uow.run(async (tx) => {
      const access = await applicationAccess(tx, actor, applicationId);
      requireManager(access);
      if (!REVISABLE.includes(access.app.status))
        throw new UserError('compliance.terms.not_revisable', {
          status: `@application.status.${access.app.status}`,
        });
      const why = reason.normalize('NFKC').trim();
      if (why === '' || why.length > MAX_REASON)
        throw new UserError('compliance.terms.reason_required', { max: MAX_REASON });
      if (!Number.isSafeInteger(rewardYen) || rewardYen < 1 || rewardYen > MAX_REWARD)
        throw new UserError('job.bad_reward');
      const current = await latestTerms(tx, applicationId);
      if (current?.rewardYen === rewardYen) throw new UserError('compliance.terms.unchanged');
      return issueTerms(tx, this.ctx, actor, access.app, access.job, { rewardYen, reason: why });
    });
  }
}
