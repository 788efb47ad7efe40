/**
 * What the desk shows before and around an inquiry: support info (基本情報), the categories with
 * their sub-topics, and the company's stores by free word or region.
 */
import { UserError } from '../../errors.ts';
import type { Actor } from '../actor.ts';
import type { DomainContext } from '../context.ts';
import { canonicalPrefecture } from '../prefectures.ts';
import type { Page, PageRequest } from '../table.ts';
import type { Tx } from '../tx.ts';
import { deskScope } from './access.ts';
import { pageOf, searchTerms } from './input.ts';
import type { StoreSearch } from './ports.ts';
import type { InquiryCategoryRecord, InquirySubtopicRecord, StoreRecord } from './records.ts';

export interface StaffContact {
  userId: number;
  displayName: string;
}

export interface SupportInfo {
  company: { id: number; name: string };
  salesReps: StaffContact[];
  supportMembers: StaffContact[];
}

export type CategoryWithSubtopics = InquiryCategoryRecord & { subtopics: InquirySubtopicRecord[] };

export interface StoreQuery {
  /** Staff name the company; a customer's own company is the default (and the only one allowed). */
  companyId?: number;
  /** Free word over name, prefecture and region; every space-separated term must match. */
  word?: string;
  region?: string;
  /** A prefecture as stored (東京都); `東京` is completed to it. */
  prefecture?: string;
}

/**
 * What someone typed to find a store, term by term (NFKC, split on spaces): the name of one of the
 * company's regions (`関東`, also `関東地方`) narrows to that region; a prefecture, with or without
 * 都・府・県 (`東京` → 東京都, `京都` → 京都府 and never 東京都, `北海道`), to that prefecture; any other
 * term must appear in the name, prefecture or region (a city or ward such as `渋谷`, `横浜`).
 */
export function readStoreWords(text: string, regions: readonly string[]): StoreSearch {
  const search: { terms: string[]; region?: string; prefecture?: string } = { terms: [] };
  for (const term of searchTerms(text)) {
    const region = search.region === undefined ? regionNamed(term, regions) : undefined;
    const prefecture = search.prefecture === undefined ? canonicalPrefecture(term) : null;
    if (region !== undefined) search.region = region;
    else if (prefecture) search.prefecture = prefecture;
    else search.terms.push(term);
  }
  return search;
}

function regionNamed(term: string, regions: readonly string[]): string | undefined {
  const typed = term.toLowerCase();
  return regions.find((r) => {
    const name = r.normalize('NFKC').toLowerCase();
    return typed === name || typed === `${name}地方`;
  });
}

/** Both searches at once; null when they cannot both hold (two different regions or prefectures). */
function bothOf(a: StoreSearch, b: StoreSearch): StoreSearch | null {
  if (a.region !== undefined && b.region !== undefined && a.region !== b.region) return null;
  if (a.prefecture !== undefined && b.prefecture !== undefined && a.prefecture !== b.prefecture) return null;
  const region = a.region ?? b.region;
  const prefecture = a.prefecture ?? b.prefecture;
  return {
    terms: [...(a.terms ?? []), ...(b.terms ?? [])],
    ...(region === undefined ? {} : { region }),
    ...(prefecture === undefined ? {} : { prefecture }),
  };
}

/** A city or ward as typed with its suffix (`横浜市`, `渋谷区`) also finds `横浜店`, `渋谷店`. */
const withoutCitySuffix = (terms: readonly string[]) =>
  terms.map((t) => ([...t].length > 2 ? t.replace(/[市区町村]$/u, '') : t));

export interface StoreLookup {
  /** What the company's stores are looked up in, as typed before (a region, prefecture or city). */
  within?: string;
  /** Staff name the company; a customer's own company is the default (and the only one allowed). */
  companyId?: number;
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

  /** 基本情報: the company's sales rep(s) and support members (the desk's hours: DeskSlaService.now). */
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
      const prefecture = query.prefecture === undefined ? null : canonicalPrefecture(query.prefecture);
      if (query.prefecture !== undefined && prefecture === null) return { items: [], total: 0 };
      return tx.support.searchStores(
        company.id,
        {
          terms: searchTerms(query.word ?? ''),
          ...(region ? { region } : {}),
          ...(prefecture ? { prefecture } : {}),
        },
        pageOf(page),
      );
    });
  }

  /**
   * The company's stores for what someone typed (read by `readStoreWords`: `東京` is 東京都, `関東`
   * the region, `渋谷` a word of the name), inside `within` (what they narrowed to before, read the
   * same way) when given. A city typed with 市・区・町・村 that finds nothing is tried without it.
   * Empty text lists everything inside `within`, by name.
   */
  lookupStores(
    actor: Actor,
    text: string,
    options: StoreLookup = {},
    page?: Partial<PageRequest>,
  ): Promise<Page<StoreRecord>> {
    return this.ctx.uow.read(async (tx) => {
      const company = await companyFor(tx, actor, options.companyId);
      const search = await lookupSearch(tx, company.id, text, options.within);
      if (search === null) return { items: [], total: 0 };
      const found = await tx.support.searchStores(company.id, search, pageOf(page));
      const terms = search.terms ?? [];
      const shorter = withoutCitySuffix(terms);
      if (found.total > 0 || shorter.every((t, i) => t === terms[i])) return found;
      return tx.support.searchStores(company.id, { ...search, terms: shorter }, pageOf(page));
    });
  }

  /**
   * The number each store has in the list of `lookupStores(actor, '', { within })` (from 1, by
   * name), so a store found by a word can be chosen by the number it has in that list.
   */
  storeNumbers(
    actor: Actor,
    stores: readonly StoreRecord[],
    options: StoreLookup = {},
  ): Promise<Map<number, number>> {
    return this.ctx.uow.read(async (tx) => {
      const company = await companyFor(tx, actor, options.companyId);
      const search = await lookupSearch(tx, company.id, '', options.within);
      if (search === null || stores.length === 0) return new Map<number, number>();
      return tx.support.storePositions(
        company.id,
        search,
        stores.map((s) => s.id),
      );
    });
  }

  /** One of the company's stores by its id; null when there is none (or it is another company's). */
  store(actor: Actor, id: number, companyId?: number): Promise<StoreRecord | null> {
    return this.ctx.uow.read(async (tx) => {
      const company = await companyFor(tx, actor, companyId);
      const store = await tx.support.stores.get(id);
      return store && store.companyId === company.id ? store : null;
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

/** The search for `text` inside `within`, both read against the company's regions; null if they conflict. */
async function lookupSearch(
  tx: Tx,
  companyId: number,
  text: string,
  within: string | undefined,
): Promise<StoreSearch | null> {
  const regions = (await tx.support.storeRegions(companyId)).map((r) => r.region);
  return bothOf(readStoreWords(within ?? '', regions), readStoreWords(text, regions));
}
