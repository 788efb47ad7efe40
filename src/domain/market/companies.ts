/**
 * 会社情報 (docs/domain.md §3.5): a client first looks for their company among the registered ones and
 * joins it, or registers it (URL slug, name, introduction, address, contact phone and e-mail, logo)
 * and joins. Each field has its own check, so a guided registration can refuse a value at its step.
 */
import { UserError } from '../../errors.ts';
import type { UploadedFile } from '../../files/storage.ts';
import { type Actor, requireRole } from '../actor.ts';
import type { DomainContext } from '../context.ts';
import type { CompanyRecord, FileRecord } from '../shared.ts';
import { DuplicateRecordError } from '../table.ts';
import type { Tx } from '../tx.ts';
import { logoOf } from './logo.ts';
import { boundedProse, boundedText, COMPANY_SLUG, clean, emailOf, phoneOf, slugOf } from './validate.ts';

export interface NewCompanyInput {
  slug: string;
  name: string;
  introduction?: string;
  address?: string;
  /** Digits and hyphens; full-width digits are read as digits. */
  contactPhone?: string;
  contactEmail: string;
  logo?: UploadedFile;
}

/** A company as its page shows it: the record and its logo's file row, if it has one. */
export interface CompanyPage {
  company: CompanyRecord;
  logo: FileRecord | null;
}

const MAX_RESULTS = 20;
export const MAX_COMPANY_NAME = 200;
export const MAX_COMPANY_INTRODUCTION = 2000;
export const MAX_COMPANY_ADDRESS = 300;

/** The company name as kept (NFKC, trimmed), 1–200 characters. */
export const companyNameOf = (value: string) =>
  boundedText(
    value,
    1,
    MAX_COMPANY_NAME,
    () => new UserError('market.company_name_invalid', { max: MAX_COMPANY_NAME }),
  );

/** The introduction as written (trimmed only), at most 2,000 characters. */
export const companyIntroductionOf = (value: string) =>
  boundedProse(
    value,
    0,
    MAX_COMPANY_INTRODUCTION,
    () => new UserError('market.introduction_too_long', { max: MAX_COMPANY_INTRODUCTION }),
  );

/** The address (NFKC, trimmed), at most 300 characters. */
export const companyAddressOf = (value: string) =>
  boundedText(
    value,
    0,
    MAX_COMPANY_ADDRESS,
    () => new UserError('market.address_too_long', { max: MAX_COMPANY_ADDRESS }),
  );

export class CompanyService {
  private readonly ctx: DomainContext;

  constructor(ctx: DomainContext) {
    this.ctx = ctx;
  }

  /** Companies whose name or URL contains `query` (NFKC, case-insensitive), by name; at most 20. */
  search(actor: Actor, query: string, limit = 10): Promise<CompanyRecord[]> {
    return this.ctx.uow.run(async (tx) => {
      requireRole(actor, 'client', 'staff');
      const fragment = clean(query).toLowerCase();
      if (fragment === '') throw new UserError('market.company_query_required');
      return tx.market.searchCompanies(fragment, Math.min(Math.max(Math.trunc(limit), 1), MAX_RESULTS));
    });
  }

  /** The company numbered `companyId`, with its logo; refused when there is none. */
  get(actor: Actor, companyId: number): Promise<CompanyPage> {
    return this.ctx.uow.read(async (tx) => {
      requireRole(actor, 'client', 'staff');
      const company = await tx.companies.get(companyId);
      if (!company) throw new UserError('market.company_not_found');
      return pageOf(tx, company);
    });
  }

  /** The company whose URL is `slug` (as typed: NFKC, any case), or null when none has it. */
  bySlug(actor: Actor, slug: string): Promise<CompanyPage | null> {
    return this.ctx.uow.read(async (tx) => {
      requireRole(actor, 'client', 'staff');
      const company = await tx.companies.findOne({ slug: clean(slug).toLowerCase() });
      return company ? pageOf(tx, company) : null;
    });
  }

  /**
   * The URL `slug` as it would be kept (NFKC, lower-cased), refused when it breaks the rule or
   * another company has it: the guided registration checks it at its own step. The insert checks
   * again, so a URL taken in between is still refused then.
   */
  checkSlug(actor: Actor, slug: string): Promise<string> {
    return this.ctx.uow.read(async (tx) => {
      requireRole(actor, 'client');
      const kept = slugOf(slug, COMPANY_SLUG, 'company.slug_invalid');
      if (await tx.companies.findOne({ slug: kept })) throw new UserError('company.slug_taken');
      return kept;
    });
  }

  /** A client without a company joins an existing one. */
  join(actor: Actor, companyId: number): Promise<CompanyRecord> {
    return this.ctx.uow.run(async (tx) => {
      requireRole(actor, 'client');
      await requireNoCompany(tx, actor);
      const company = await tx.companies.get(companyId);
      if (!company) throw new UserError('market.company_not_found');
      await tx.users.update(actor.userId, { companyId });
      await tx.audit({
        actorUserId: actor.userId,
        action: 'company.joined',
        subjectType: 'company',
        subjectId: companyId,
        data: {},
      });
      return company;
    });
  }

  /** A client without a company registers one and joins it. The slug never changes afterwards. */
  register(actor: Actor, input: NewCompanyInput): Promise<CompanyRecord> {
    return this.ctx.uow.run(async (tx) => {
      requireRole(actor, 'client');
      await requireNoCompany(tx, actor);
      const slug = slugOf(input.slug, COMPANY_SLUG, 'company.slug_invalid');
      const name = companyNameOf(input.name);
      const introduction = companyIntroductionOf(input.introduction ?? '');
      const address = companyAddressOf(input.address ?? '');
      const phone = clean(input.contactPhone ?? '');
      const contactPhone = phone === '' ? '' : phoneOf(phone);
      const contactEmail = emailOf(input.contactEmail);
      if (await tx.companies.findOne({ slug })) throw new UserError('company.slug_taken');
      const logoFileId = input.logo ? (await logoOf(tx, actor, input.logo)).id : null;
      let company: CompanyRecord;
      try {
        company = await tx.companies.insert({
          slug,
          name,
          introduction,
          address,
          contactPhone,
          contactEmail,
          logoFileId,
        });
      } catch (err) {
        // Someone registered the same slug between the check and the insert.
        if (err instanceof DuplicateRecordError) throw new UserError('company.slug_taken');
        throw err;
      }
      await tx.users.update(actor.userId, { companyId: company.id });
      await tx.audit({
        actorUserId: actor.userId,
        action: 'company.registered',
        subjectType: 'company',
        subjectId: company.id,
        data: { slug },
      });
      return company;
    });
  }
}

async function pageOf(tx: Tx, company: CompanyRecord): Promise<CompanyPage> {
  const logo = company.logoFileId === null ? null : await tx.files.get(company.logoFileId);
  return { company, logo };
}

/** Refuses a client who already belongs to a company (read from the row, not the actor's snapshot). */
async function requireNoCompany(tx: Tx, actor: Actor): Promise<void> {
  const user = await tx.users.lock(actor.userId);
  if (!user) throw new UserError('market.user_not_found');
  if (user.companyId !== null) throw new UserError('market.company_already_joined');
}
