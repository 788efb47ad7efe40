/**
 * 取引履歴 (docs/domain.md §1.12): a worker's record of one year: the orders they were given (with the
 * terms' latest version), when the work was received and approved, the items it became and the
 * statements that paid them. Staff and the operator (the command line) read anyone's; a worker their own.
 * One row per invoice item of a month of the year (with its order, if any), and one row per order
 * placed in the year that has no item in it (not invoiced yet, or invoiced in the next year).
 */
import { UserError } from '../../errors.ts';
import type { UploadedFile } from '../../files/storage.ts';
import type { Locale } from '../../i18n/index.ts';
import { type Actor, isStaff } from '../actor.ts';
import type { DomainContext } from '../context.ts';
import { ledgerCsv, ledgerFileName } from './ledger-csv.ts';
import { businessDate, payLimit } from './pay-limit.ts';
import type {
  ApplicationRecord,
  ApplicationStatus,
  InvoiceItemRecord,
  InvoiceItemStatus,
  OrderTermsRecord,
} from './records.ts';

export interface LedgerRow {
  /** 発注日 (the acceptance), business date; null for an item that pays no order. */
  orderedOn: string | null;
  applicationId: number | null;
  clientName: string;
  work: string;
  rewardYen: number | null;
  termsVersion: number | null;
  dueOn: string | null;
  /** 給付を受領した日: the accepted delivery's date. */
  receivedOn: string | null;
  approvedOn: string | null;
  /** The last day of the 60-day rule. */
  payBy: string | null;
  month: string | null;
  itemId: number | null;
  itemDescription: string;
  amountYen: number | null;
  /** The item's state, or (an order without an item) the application's. */
  status: { item: InvoiceItemStatus } | { application: ApplicationStatus };
  statementId: number | null;
  payDate: string | null;
}

export interface Ledger {
  workerId: number;
  workerName: string;
  year: number;
  rows: LedgerRow[];
}

export class LedgerService {
  private readonly ctx: DomainContext;

  constructor(ctx: DomainContext) {
    this.ctx = ctx;
  }

  /** A worker's ledger of `year`; `actor` null is the operator at the command line. */
  ledger(actor: Actor | null, workerId: number, year: number): Promise<Ledger> {
    return this.ctx.uow.read(async (tx) => {
      if (actor !== null && !isStaff(actor) && actor.userId !== workerId) throw new UserError('forbidden');
      if (!Number.isInteger(year) || year < 2000 || year > 2100)
        throw new UserError('compliance.ledger.bad_year', { year: String(year) });
      const worker = await tx.users.get(workerId);
      if (!worker) throw new UserError('not_found', { thing: '@money.thing.worker' });
      const tz = this.ctx.businessTimeZone;
      const prefix = `${year}-`;
      const terms = await tx.work.orderTerms.find({ workerId }, { orderBy: { version: 'asc' } });
      const latest = new Map<number, OrderTermsRecord>();
      for (const t of terms) latest.set(t.applicationId, t);
      const items = (
        await tx.work.invoiceItems.find({ workerId }, { orderBy: { month: 'asc', id: 'asc' } })
      ).filter((i) => i.month.startsWith(prefix));
      const statements = new Map((await tx.work.statements.find({ workerId })).map((s) => [s.id, s]));
      const appIds = [
        ...new Set([
          ...latest.keys(),
          ...items.flatMap((i) => (i.applicationId === null ? [] : [i.applicationId])),
        ]),
      ];
      const apps = new Map(
        (appIds.length === 0 ? [] : await tx.work.applications.find({ id: appIds })).map((a) => [a.id, a]),
      );
      const jobIds = [...new Set([...apps.values()].map((a) => a.jobId))];
      const jobs = new Map(
        (jobIds.length === 0 ? [] : await tx.work.jobs.find({ id: jobIds })).map((j) => [j.id, j]),
      );
      const receipts = await tx.work.receipts(appIds);
      const day = (d: Date | null | undefined) => (d ? businessDate(d, tz) : null);

      const order = (app: ApplicationRecord | undefined) => {
        const t = app ? latest.get(app.id) : undefined;
        const job = app ? jobs.get(app.jobId) : undefined;
        const received = app ? day(receipts.get(app.id)) : null;
        return {
          orderedOn: t ? day(t.orderedAt) : null,
          applicationId: app?.id ?? null,
          clientName: t?.clientName ?? '',
          work: t?.title ?? job?.title ?? '',
          rewardYen: t?.rewardYen ?? job?.rewardYen ?? null,
          termsVersion: t?.version ?? null,
          dueOn: day(t ? t.dueDate : job?.dueDate),
          receivedOn: received,
          approvedOn: day(app?.approvedAt),
          payBy: received ? payLimit(received) : null,
        };
      };
      const itemPart = (i: InvoiceItemRecord) => {
        const statement = i.statementId === null ? undefined : statements.get(i.statementId);
        return {
          month: i.month,
          itemId: i.id,
          itemDescription: i.description,
          amountYen: i.amountYen,
          status: { item: i.status },
          statementId: statement?.id ?? null,
          payDate: statement?.payDate ?? null,
        };
      };

      const rows: LedgerRow[] = items.map((i) => ({
        ...order(i.applicationId === null ? undefined : apps.get(i.applicationId)),
        ...itemPart(i),
      }));
      const invoiced = new Set(items.map((i) => i.applicationId));
      for (const [appId, t] of latest) {
        const app = apps.get(appId);
        if (!app || invoiced.has(appId) || !day(t.orderedAt)?.startsWith(prefix)) continue;
        rows.push({
          ...order(app),
          month: null,
          itemId: null,
          itemDescription: '',
          amountYen: null,
          status: { application: app.status },
          statementId: null,
          payDate: null,
        });
      }
      const key = (r: LedgerRow) => r.orderedOn ?? `${r.month ?? ''}-01`;
      rows.sort(
        (a, b) =>
          key(a).localeCompare(key(b)) ||
          (a.applicationId ?? 0) - (b.applicationId ?? 0) ||
          (a.itemId ?? 0) - (b.itemId ?? 0),
      );
      return { workerId, workerName: worker.displayName, year, rows };
    });
  }

  /** The ledger as a CSV file in file storage, to hand to the person who asked (README, "Files"). */
  async csvFile(
    actor: Actor | null,
    workerId: number,
    year: number,
    locale: Locale,
  ): Promise<{ ledger: Ledger; file: UploadedFile }> {
    const ledger = await this.ledger(actor, workerId, year);
    const stored = await this.ctx.files.put(Buffer.from(ledgerCsv(ledger, locale), 'utf8'));
    const name = ledgerFileName(ledger, locale);
    return { ledger, file: { storageKey: stored.key, name, mime: 'text/csv', size: stored.size } };
  }
}
