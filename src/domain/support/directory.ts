/**
 * What the desk shows before and around an inquiry: support info (基本情報), the categories with
 * their sub-topics, and the company's stores by free word or region.
 */
import { UserError } from '../../errors.ts';
import type { MessageKey } from '../../i18n/index.ts';
import type { Actor } from '../actor.ts';
import type { DomainContext } from '../context.ts';
import type { Page, PageRequest } from '../table.ts';
import type { Tx } from '../tx.ts';
import { deskScope } from './access.ts';
import { pageOf, searchTerms } from './input.ts';
import type { InquiryCategoryRecord, InquirySubtopicRecord, StoreRecord } from './records.ts';

export interface StaffContact {
  userId: number;
  displayName: string;
}

export interface SupportInfo {
  company: { id: number; name: string };
  salesReps: StaffContact[];
  supportMembers: StaffContact[];
  /** Catalog text with the call-centre hours for urgent cases. */
  callCentreHours: MessageKey;
}

export type CategoryWithSubtopics = InquiryCategoryRecord & { subtopics: InquirySubtopicRecord[] };

export interface StoreQuery {
  /** Staff name the company; a customer's own company is the default (and the only one allowed). */
  companyId?: number;
  /** Free word over name, prefecture and region; every space-separated term must match. */
  word?: string;
  region?: string;
}

/**
 * The company the actor works on: a customer's own (naming another is refused), or the one staff
 * name. Also checks the company exists.
 */
export async function companyFor(tx: Tx, actor: Actor, companyId: number | undefined) {
  const scope = deskScope(actor);
  if (scope && companyId !== undefined && companyId !== scope.companyId) throw new UserError('forbidden');
  const id = scope?.companyId ?? companyId;
  const company = id === undefined ? null : await tx.companies.get(id);
  if (!company) throw new UserError('support.company_not_found');
  return company;
}

export class SupportDirectoryService {
  private readonly ctx: DomainContext;

  constructor(ctx: DomainContext) {
    this.ctx = ctx;
  }

  /** 基本情報: the company's sales rep(s) and support members, and the call-centre hours. */
  supportInfo(actor: Actor, companyId?: number): Promise<SupportInfo> {
    return this.ctx.uow.read(async (tx) => {
      const company = await companyFor(tx, actor, companyId);
      const rows = await tx.support.companyStaff.find({ companyId: company.id }, { orderBy: { id: 'asc' } });
      const users = await tx.users.find({ id: [...new Set(rows.map((r) => r.userId))] });
      const names = new Map(users.map((u) => [u.id, u.displayName]));
      const contacts = (role: string) =>
        rows
          .filter((r) => r.role === role)
          .map((r) => ({ userId: r.userId, displayName: names.get(r.userId) ?? '' }));
      return {
        company: { id: company.id, name: company.name },
        salesReps: contacts('sales_rep'),
        supportMembers: contacts('support'),
        callCentreHours: 'support.call_centre_hours',
      };
    });
  }

  /** Every category in display order with its sub-topics; both names, the caller picks the locale. */
  categories(actor: Actor): Promise<CategoryWithSubtopics[]> {
    return this.ctx.uow.read(async (tx) => {
      deskScope(actor);
      const categories = await tx.support.categories.find({}, { orderBy: { sort: 'asc', id: 'asc' } });
      const subtopics = await tx.support.subtopics.find({}, { orderBy: { sort: 'asc', id: 'asc' } });
      return categories.map((c) => ({ ...c, subtopics: subtopics.filter((s) => s.categoryId === c.id) }));
    });
  }

  /** The company's stores by free word (NFKC: `ＡＢＣ　渋谷` finds "ABC 渋谷店") and/or region. */
  searchStores(actor: Actor, query: StoreQuery, page?: Partial<PageRequest>): Promise<Page<StoreRecord>> {
    return this.ctx.uow.read(async (tx) => {
      const company = await companyFor(tx, actor, query.companyId);
      const region = query.region?.normalize('NFKC').trim();
      return tx.support.searchStores(
        company.id,
        { terms: searchTerms(query.word ?? ''), ...(region ? { region } : {}) },
        pageOf(page),
      );
    });
  }

  /** The regions of the company's stores with their counts, for "choose by region". */
  storeRegions(actor: Actor, companyId?: number): Promise<{ region: string; stores: number }[]> {
    return this.ctx.uow.read(async (tx) => {
      const company = await companyFor(tx, actor, companyId);
      return tx.support.storeRegions(company.id);
    });
  }
}
