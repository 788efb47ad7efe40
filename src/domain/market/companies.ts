/**
 * 会社情報 (DOMAIN.md §3.5): a client first looks for their company among the registered ones and
 * joins it, or registers it (URL slug, name, introduction, address, contact e-mail, logo) and joins.
 */
import { UserError } from '../../errors.ts';
import type { UploadedFile } from '../../files/storage.ts';
import { type Actor, requireRole } from '../actor.ts';
import type { DomainContext } from '../context.ts';
import type { CompanyRecord } from '../shared.ts';
import { DuplicateRecordError } from '../table.ts';
import type { Tx } from '../tx.ts';
import { logoOf } from './logo.ts';
import { boundedProse, boundedText, COMPANY_SLUG, clean, emailOf, slugOf } from './validate.ts';

export interface NewCompanyInput {
  slug: string;
  name: string;
  introduction?: string;
  address?: string;
  contactEmail: string;
  logo?: UploadedFile;
}

const MAX_RESULTS = 20;

export class CompanyService {
  private readonly ctx: DomainContext;

  constructor(ctx: DomainContext) {
    this.ctx = ctx;
  }

  /** Companies whose name contains `query` (NFKC, case-insensitive), by name; at most 20. */
  search(actor: Actor, query: string, limit = 10): Promise<CompanyRecord[]> {
    return this.ctx.uow.run(async (tx) => {
      requireRole(actor, 'client', 'staff');
      const fragment = clean(query).toLowerCase();
      if (fragment === '') throw new UserError('market.company_query_required');
      return tx.market.searchCompanies(fragment, Math.min(Math.max(Math.trunc(limit), 1), MAX_RESULTS));
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
      const name = boundedText(
        input.name,
        1,
        200,
        () => new UserError('market.company_name_invalid', { max: 200 }),
      );
      const introduction = boundedProse(
        input.introduction ?? '',
        0,
        2000,
        () => new UserError('market.introduction_too_long', { max: 2000 }),
      );
      const address = boundedText(
        input.address ?? '',
        0,
        300,
        () => new UserError('market.address_too_long', { max: 300 }),
      );
      const contactEmail = emailOf(input.contactEmail);
      if (await tx.companies.findOne({ slug })) throw new UserError('company.slug_taken');
      const logoFileId = input.logo ? (await logoOf(tx, actor, input.logo)).id : null;
      let company: CompanyRecord;
      try {
        company = await tx.companies.insert({ slug, name, introduction, address, contactEmail, logoFileId });
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

/** Refuses a client who already belongs to a company (read from the row, not the actor's snapshot). */
async function requireNoCompany(tx: Tx, actor: Actor): Promise<void> {
  const user = await tx.users.lock(actor.userId);
  if (!user) throw new UserError('market.user_not_found');
  if (user.companyId !== null) throw new UserError('market.company_already_joined');
}
