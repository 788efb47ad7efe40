/** 募集案件: posting, opening, closing and browsing job notices (docs/domain.md §1.1–§1.2). */
import { UserError } from '../../errors.ts';
import { type Actor, requireRole } from '../actor.ts';
import { type Clearance, clearanceOf } from '../checks/clearance.ts';
import type { DomainContext } from '../context.ts';
import type { PageRequest, SearchPage } from '../table.ts';
import type { Tx } from '../tx.ts';
import { canManageJob, managedJob } from './access.ts';
import type { JobSearch } from './ports.ts';
import type { ApplicationStatus, JobRecord, JobStatus } from './records.ts';

export interface PostJobInput {
  title: string;
  description?: string;
  category?: string;
  skills?: string[];
  prefecture?: string | null;
  remote?: boolean;
  /** 機密案件: only people with a verified identity and the current NDA see its details and apply. */
  confidential?: boolean;
  /** A fixed reward, or a unit price × quantity. */
  reward: { type: 'fixed'; yen: number } | { type: 'unit'; unitPriceYen: number; quantity: number };
  openings?: number;
  deadline?: Date | null;
  dueDate?: Date | null;
  /** `open` publishes at once (and sends job alerts); `draft` keeps it to its poster and staff. */
  status?: 'draft' | 'open';
}

const MAX_REWARD = 100_000_000;
/** Application states of a worker who holds a place on the job (they keep seeing it once it closes). */
const HOLDS_PLACE: readonly ApplicationStatus[] = [
  'accepted',
  'working',
  'delivered',
  'revision_requested',
  'approved',
];

/** A reward is a whole number of yen, more than nothing (a job for ¥0 is not a job). */
const isYen = (n: number) => Number.isInteger(n) && n >= 1 && n <= MAX_REWARD;

function validate(input: PostJobInput, now: Date) {
  const title = input.title.normalize('NFKC').trim();
  if (title === '' || title.length > 200) throw new UserError('job.title_required');
  let rewardYen: number;
  let unitPriceYen: number | null = null;
  let quantity: number | null = null;
  if (input.reward.type === 'fixed') {
    rewardYen = input.reward.yen;
  } else {
    unitPriceYen = input.reward.unitPriceYen;
    quantity = input.reward.quantity;
    if (!isYen(unitPriceYen) || !Number.isInteger(quantity) || quantity < 1)
      throw new UserError('job.bad_reward');
    rewardYen = unitPriceYen * quantity;
  }
  if (!isYen(rewardYen)) throw new UserError('job.bad_reward');
  const openings = input.openings ?? 1;
  if (!Number.isInteger(openings) || openings < 1 || openings > 10_000)
    throw new UserError('job.bad_openings');
  if (input.deadline && input.deadline.getTime() <= now.getTime())
    throw new UserError('job.deadline_in_past');
  // 納期 is stated in the order's terms (docs/domain.md §1.4): in the future, not before the deadline.
  if (input.dueDate && input.dueDate.getTime() <= now.getTime()) throw new UserError('job.due_in_past');
  if (input.dueDate && input.deadline && input.dueDate.getTime() < input.deadline.getTime())
    throw new UserError('job.due_before_deadline');
  const skills = [
    ...new Set((input.skills ?? []).map((s) => s.normalize('NFKC').trim()).filter((s) => s !== '')),
  ];
  return { title, rewardYen, unitPriceYen, quantity, openings, skills };
}

export class JobService {
  private readonly ctx: DomainContext;

  constructor(ctx: DomainContext) {
    this.ctx = ctx;
  }

  /** Staff or a client posts a job; posting it open sends job alerts to matching workers. */
  post(actor: Actor, input: PostJobInput): Promise<{ job: JobRecord; alerts: number }> {
    return this.ctx.uow.run(async (tx) => {
      requireRole(actor, 'staff', 'client');
      const v = validate(input, this.ctx.clock());
      const job = await tx.work.jobs.insert({
        title: v.title,
        description: (input.description ?? '').trim(),
        category: (input.category ?? '').trim(),
        skills: v.skills,
        prefecture: input.prefecture ?? null,
        remote: input.remote ?? false,
        confidential: input.confidential ?? false,
        rewardType: input.reward.type,
        unitPriceYen: v.unitPriceYen,
        quantity: v.quantity,
        rewardYen: v.rewardYen,
        openings: v.openings,
        deadline: input.deadline ?? null,
        dueDate: input.dueDate ?? null,
        status: input.status ?? 'draft',
        createdBy: actor.userId,
      });
      await tx.audit({
        actorUserId: actor.userId,
        action: 'job.posted',
        subjectType: 'job',
        subjectId: job.id,
        data: { status: job.status },
      });
      const alerts = job.status === 'open' ? await tx.audience.startFanout('job.alert', job.id) : 0;
      return { job, alerts };
    });
  }

  /** draft → open, sending job alerts. */
  publish(actor: Actor, jobId: number): Promise<{ job: JobRecord; alerts: number }> {
    return this.ctx.uow.run(async (tx) => {
      const job = await this.transition(tx, actor, jobId, ['draft'], 'open');
      return { job, alerts: await tx.audience.startFanout('job.alert', job.id) };
    });
  }

  /** open → closed: no more applications; work already accepted goes on. */
  close(actor: Actor, jobId: number): Promise<JobRecord> {
    return this.ctx.uow.run((tx) => this.transition(tx, actor, jobId, ['open'], 'closed'));
  }

  /** draft or open → cancelled. */
  cancel(actor: Actor, jobId: number): Promise<JobRecord> {
    return this.ctx.uow.run((tx) => this.transition(tx, actor, jobId, ['draft', 'open'], 'cancelled'));
  }

  /**
   * Open jobs for anyone; a draft, closed or cancelled one only for staff and its poster. A
   * confidential job's details only for those cleared (identity verified, current NDA agreed):
   * others get `checks.confidential.locked` (see `preview` for what they may see).
   */
  get(actor: Actor, jobId: number): Promise<JobRecord> {
    return this.ctx.uow.read(async (tx) => {
      const job = await tx.work.jobs.get(jobId);
      if (!job) throw new UserError('not_found', { thing: '@thing.job' });
      if (canManageJob(actor, job)) return job;
      if (job.confidential && (job.status === 'open' || job.status === 'closed')) {
        if (!(await clearanceOf(tx, this.ctx, actor.userId)).cleared)
          throw new UserError('checks.confidential.locked');
      }
      if (job.status === 'open') return job;
      // Once closed, a job stays visible to the workers who hold a place on it: they still work on it.
      const mine = await tx.work.applications.find({ jobId, workerId: actor.userId });
      if (mine.some((a) => HOLDS_PLACE.includes(a.status))) return job;
      throw new UserError('not_found', { thing: '@thing.job' });
    });
  }

  /** What someone not cleared sees of a confidential open job: its number and title. */
  preview(jobId: number): Promise<Pick<JobRecord, 'id' | 'title' | 'confidential'> | null> {
    return this.ctx.uow.read(async (tx) => {
      const job = await tx.work.jobs.get(jobId);
      if (job?.status !== 'open') return null;
      return { id: job.id, title: job.title, confidential: job.confidential };
    });
  }

  /** Whether the actor may see and take confidential work, and what they still need. */
  clearance(actor: Actor): Promise<Clearance> {
    return this.ctx.uow.read((tx) => clearanceOf(tx, this.ctx, actor.userId));
  }

  /** [staff, its poster] Marks the job confidential (機密案件) or not. */
  setConfidential(actor: Actor, jobId: number, confidential: boolean): Promise<JobRecord> {
    return this.ctx.uow.run(async (tx) => {
      const job = await managedJob(tx, actor, jobId, true);
      if (job.confidential === confidential) return job;
      const updated = await tx.work.jobs.update(job.id, { confidential });
      await tx.audit({
        actorUserId: actor.userId,
        action: confidential ? 'job.confidential_set' : 'job.confidential_unset',
        subjectType: 'job',
        subjectId: job.id,
        data: {},
      });
      return updated;
    });
  }

  /** 募集案件を見る: open jobs with optional keyword, skill, prefecture and minimum reward. */
  listOpen(filter: JobSearch, page: PageRequest): Promise<SearchPage<JobRecord>> {
    const clean: JobSearch = {
      ...(filter.keyword?.trim() ? { keyword: filter.keyword.normalize('NFKC').trim() } : {}),
      ...(filter.skill?.trim() ? { skill: filter.skill.normalize('NFKC').trim() } : {}),
      ...(filter.prefecture ? { prefecture: filter.prefecture } : {}),
      ...(filter.minRewardYen !== undefined ? { minRewardYen: filter.minRewardYen } : {}),
    };
    return this.ctx.uow.read((tx) => tx.work.searchOpenJobs(clean, page));
  }

  private async transition(
    tx: Tx,
    actor: Actor,
    jobId: number,
    from: JobStatus[],
    to: JobStatus,
  ): Promise<JobRecord> {
    const job = await managedJob(tx, actor, jobId, true);
    if (!from.includes(job.status))
      throw new UserError('job.wrong_state', { status: `@job.status.${job.status}` });
    const updated = await tx.work.jobs.update(job.id, { status: to });
    await tx.audit({
      actorUserId: actor.userId,
      action: `job.${to}`,
      subjectType: 'job',
      subjectId: job.id,
      data: { from: job.status },
    });
    return updated;
  }
}
