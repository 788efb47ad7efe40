/**
 * What needs a person now: the queries behind ホーム in chat (docs/domain.md §7.6) and the Slack App
 * Home (§2.14), so both show the same things by the same rules.
 * - applications waiting for a decision (§1.4) and deliveries waiting for review (§1.7): on every job
 *   for staff (they may decide on any), on the jobs they posted for anyone else;
 * - disputed invoice items (§1.8): staff only, all of them (any staff member corrects one);
 * - the desk (§2.8): the open inquiries assigned to the person, the least SLA time left first, and
 *   the unassigned ones whose SLA is at its warning or past it. Staff only.
 * Each list is one page with its total.
 */
import { type Actor, isStaff, requireStaff } from './actor.ts';
import type { DomainContext } from './context.ts';
import { DeskSlaService, type SlaBoardRow } from './support/desk-sla.ts';
import type { InquiryCategoryRecord, InquiryRecord, StoreRecord } from './support/records.ts';
import type { SlaStatus } from './support/sla.ts';
import type { Tx } from './tx.ts';
import type { ApplicationRecord, InvoiceItemRecord } from './work/records.ts';

/** One page of a list, with how many there are in all. */
export interface Counted<T> {
  rows: T[];
  total: number;
}

export interface WaitingApplication {
  application: ApplicationRecord;
  jobTitle: string;
}

export interface DisputedItem {
  item: InvoiceItemRecord;
  workerName: string;
}

/** An open inquiry as the App Home lists it: where it is from, and its SLA now. */
export interface DeskHomeRow {
  inquiry: InquiryRecord;
  category: InquiryCategoryRecord;
  store: StoreRecord | null;
  companyName: string;
  sla: SlaStatus;
}

/** How many of a non-staff person's own jobs are looked at (the latest posted). */
const OWN_JOBS = 200;

/** An SLA clock at its warning or past its target, still running. */
const pressing = (row: SlaBoardRow) =>
  [row.status.firstResponse, row.status.resolution].some(
    (c) => c !== null && c.stoppedAt === null && (c.state === 'warning' || c.state === 'breached'),
  );

export class HomeService {
  private readonly ctx: DomainContext;
  private readonly sla: DeskSlaService;

  constructor(ctx: DomainContext) {
    this.ctx = ctx;
    this.sla = new DeskSlaService(ctx);
  }

  /**
   * New applications (newest first) and deliveries waiting for review (the longest waiting first):
   * on every job for staff, else on the jobs the actor posted.
   */
  reviews(
    actor: Actor,
    options: { limit: number },
  ): Promise<{ applications: Counted<WaitingApplication>; deliveries: Counted<WaitingApplication> }> {
    return this.ctx.uow.read(async (tx) => {
      const empty = { rows: [], total: 0 };
      let scope: { jobId?: number[] } = {};
      if (!isStaff(actor)) {
        const jobs = await tx.work.jobs.find(
          { createdBy: actor.userId },
          { orderBy: { id: 'desc' }, limit: OWN_JOBS },
        );
        if (jobs.length === 0) return { applications: empty, deliveries: empty };
        scope = { jobId: jobs.map((j) => j.id) };
      }
      const applied = await tx.work.applications.find(
        { ...scope, status: 'applied' },
        { orderBy: { id: 'desc' }, limit: options.limit },
      );
      const delivered = await tx.work.applications.find(
        { ...scope, status: 'delivered' },
        { orderBy: { updatedAt: 'asc' }, limit: options.limit },
      );
      const titles = await jobTitles(tx, [...applied, ...delivered]);
      const rows = (apps: ApplicationRecord[]) =>
        apps.map((a) => ({ application: a, jobTitle: titles.get(a.jobId) ?? '' }));
      return {
        applications: {
          rows: rows(applied),
          total: await tx.work.applications.count({ ...scope, status: 'applied' }),
        },
        deliveries: {
          rows: rows(delivered),
          total: await tx.work.applications.count({ ...scope, status: 'delivered' }),
        },
      };
    });
  }

  /** [staff] Disputed invoice items (異議), the oldest first, with the worker's name. */
  disputes(actor: Actor, options: { limit: number }): Promise<Counted<DisputedItem>> {
    return this.ctx.uow.read(async (tx) => {
      requireStaff(actor);
      const items = await tx.work.invoiceItems.find(
        { status: 'disputed' },
        { orderBy: { id: 'asc' }, limit: options.limit },
      );
      const workers =
        items.length > 0 ? await tx.users.find({ id: [...new Set(items.map((i) => i.workerId))] }) : [];
      const names = new Map(workers.map((u) => [u.id, u.displayName]));
      return {
        rows: items.map((item) => ({ item, workerName: names.get(item.workerId) ?? '' })),
        total: await tx.work.invoiceItems.count({ status: 'disputed' }),
      };
    });
  }

  /**
   * [staff] The desk for one staff member: the open inquiries assigned to them, the least SLA time
   * left first (those without a target last), and the unassigned ones at their SLA warning or past it.
   */
  async desk(
    actor: Actor,
    options: { limit: number; unassignedLimit: number },
  ): Promise<{ mine: Counted<DeskHomeRow>; unassigned: Counted<DeskHomeRow> }> {
    requireStaff(actor);
    const board = await this.sla.board(actor, { limit: 10_000 });
    const mine = board.filter((r) => r.facts.assigneeId === actor.userId);
    const unassigned = board.filter((r) => r.facts.assigneeId === null && pressing(r));
    const shown = [...mine.slice(0, options.limit), ...unassigned.slice(0, options.unassignedLimit)];
    const rows = await this.ctx.uow.read((tx) => deskRows(tx, shown));
    const pick = (list: SlaBoardRow[], limit: number) =>
      list.slice(0, limit).flatMap((r) => rows.get(r.facts.inquiryId) ?? []);
    return {
      mine: { rows: pick(mine, options.limit), total: mine.length },
      unassigned: { rows: pick(unassigned, options.unassignedLimit), total: unassigned.length },
    };
  }
}

async function jobTitles(tx: Tx, apps: readonly ApplicationRecord[]): Promise<Map<number, string>> {
  if (apps.length === 0) return new Map();
  const jobs = await tx.work.jobs.find({ id: [...new Set(apps.map((a) => a.jobId))] });
  return new Map(jobs.map((j) => [j.id, j.title]));
}

/** The inquiries of the board rows with their category, store and company, in a fixed number of queries. */
async function deskRows(tx: Tx, board: readonly SlaBoardRow[]): Promise<Map<number, DeskHomeRow>> {
  if (board.length === 0) return new Map();
  const inquiries = await tx.support.inquiries.find({ id: board.map((r) => r.facts.inquiryId) });
  const unique = (ids: (number | null)[]) => [...new Set(ids.filter((x): x is number => x !== null))];
  const categories = await tx.support.categories.find({ id: unique(inquiries.map((i) => i.categoryId)) });
  const storeIds = unique(inquiries.map((i) => i.storeId));
  const stores = storeIds.length > 0 ? await tx.support.stores.find({ id: storeIds }) : [];
  const companies = await tx.companies.find({ id: unique(inquiries.map((i) => i.companyId)) });
  const byId = <T extends { id: number }>(list: T[]) => new Map(list.map((x) => [x.id, x]));
  const [category, store, company] = [byId(categories), byId(stores), byId(companies)];
  const sla = new Map(board.map((r) => [r.facts.inquiryId, r.status]));
  const rows = new Map<number, DeskHomeRow>();
  for (const inquiry of inquiries) {
    const c = category.get(inquiry.categoryId);
    const status = sla.get(inquiry.id);
    if (!c || !status) continue;
    rows.set(inquiry.id, {
      inquiry,
      category: c,
      store: inquiry.storeId === null ? null : (store.get(inquiry.storeId) ?? null),
      companyName: company.get(inquiry.companyId)?.name ?? '',
      sla: status,
    });
  }
  return rows;
}
