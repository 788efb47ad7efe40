/** Staff set up a customer company for the desk: its stores, its sales rep and support members. */
import { UserError } from '../../errors.ts';
import { type Actor, requireStaff } from '../actor.ts';
import type { DomainContext } from '../context.ts';
import { canonicalPrefecture, regionOf } from '../prefectures.ts';
import { DuplicateRecordError } from '../table.ts';
import type { Tx } from '../tx.ts';
import type { CompanyStaffRecord, CompanyStaffRole, StoreRecord } from './records.ts';

export interface NewStoreInput {
  companyId: number;
  name: string;
  /** 東京都, or 東京: completed to the full name. */
  prefecture: string;
  /** Defaults to the prefecture's standard region (関東, 近畿 …). */
  region?: string;
}

export interface StaffAssignment {
  companyId: number;
  userId: number;
  role: CompanyStaffRole;
}

async function requireCompany(tx: Tx, companyId: number): Promise<void> {
  if (!(await tx.companies.get(companyId))) throw new UserError('support.company_not_found');
}

export class SupportSetupService {
  private readonly ctx: DomainContext;

  constructor(ctx: DomainContext) {
    this.ctx = ctx;
  }

  /** Registers a store (店舗) of a customer company. Text is stored NFKC so search finds it. */
  createStore(actor: Actor, input: NewStoreInput): Promise<StoreRecord> {
    return this.ctx.uow.run(async (tx) => {
      requireStaff(actor);
      const name = input.name.normalize('NFKC').trim();
      if (name === '' || name.length > 200) throw new UserError('support.store_name_required');
      const prefecture = canonicalPrefecture(input.prefecture);
      if (!prefecture) throw new UserError('support.prefecture_invalid');
      const region = (input.region ?? '').normalize('NFKC').trim() || (regionOf(prefecture) ?? '');
      if (region === '' || region.length > 50) throw new UserError('support.region_invalid');
      await requireCompany(tx, input.companyId);
      const store = await tx.support.stores.insert({ companyId: input.companyId, name, prefecture, region });
      await tx.audit({
        actorUserId: actor.userId,
        action: 'support.store_created',
        subjectType: 'store',
        subjectId: store.id,
        data: { companyId: store.companyId, name, prefecture, region },
      });
      return store;
    });
  }

  /**
   * Makes a staff member the company's sales rep or one of its support members. Assigning someone
   * already assigned in that role changes nothing and writes nothing.
   */
  async assignStaff(actor: Actor, input: StaffAssignment): Promise<CompanyStaffRecord> {
    try {
      return await this.assignOnce(actor, input);
    } catch (err) {
      // Two staff assigning the same person at once: the loser's transaction hit the unique key;
      // run again, and it finds the winner's row.
      if (err instanceof DuplicateRecordError) return this.assignOnce(actor, input);
      throw err;
    }
  }

  private assignOnce(actor: Actor, input: StaffAssignment): Promise<CompanyStaffRecord> {
    return this.ctx.uow.run(async (tx) => {
      requireStaff(actor);
      await requireCompany(tx, input.companyId);
      const user = await tx.users.get(input.userId);
      if (!user || !(user.roles.includes('staff') || user.roles.includes('admin'))) {
        throw new UserError('support.not_staff_member');
      }
      const existing = await tx.support.companyStaff.findOne(input);
      if (existing) return existing;
      const row = await tx.support.companyStaff.insert(input);
      await tx.audit({
        actorUserId: actor.userId,
        action: 'support.staff_assigned',
        subjectType: 'company',
        subjectId: input.companyId,
        data: { userId: input.userId, role: input.role },
      });
      return row;
    });
  }

  /** Ends an assignment; `false` when there was none (nothing written). */
  unassignStaff(actor: Actor, input: StaffAssignment): Promise<boolean> {
    return this.ctx.uow.run(async (tx) => {
      requireStaff(actor);
      const removed = await tx.support.companyStaff.delete(input);
      if (removed === 0) return false;
      await tx.audit({
        actorUserId: actor.userId,
        action: 'support.staff_unassigned',
        subjectType: 'company',
        subjectId: input.companyId,
        data: { userId: input.userId, role: input.role },
      });
      return true;
    });
  }
}
