/** ワーカーを探す (docs/domain.md §3.4): workers by skill and availability, in two queries per page. */
import { UserError } from '../../errors.ts';
import { type Actor, requireRole } from '../actor.ts';
import type { DomainContext } from '../context.ts';
import type { PageRequest, SearchPage } from '../table.ts';
import { skillKey } from './profiles.ts';
import { PROFILE_STATUSES, type ProfileStatus, type WorkerSummary } from './records.ts';
import { pageOf } from './validate.ts';

export interface WorkerFilter {
  /** Skill name, matched exactly but regardless of case and width (`ＴｙｐｅＳｃｒｉｐｔ` = `typescript`). */
  skill?: string;
  status?: ProfileStatus;
}

export class WorkerSearchService {
  private readonly ctx: DomainContext;

  constructor(ctx: DomainContext) {
    this.ctx = ctx;
  }

  /**
   * Workers with a profile that match: available first, then 仕事内容による, then busy; within each,
   * the most recently updated profile first. (A worker who never wrote a profile has nothing to
   * show a client and is not listed.) The total stops counting at COUNT_LIMIT.
   */
  find(
    actor: Actor,
    filter: WorkerFilter = {},
    page: Partial<PageRequest> = {},
  ): Promise<SearchPage<WorkerSummary>> {
    return this.ctx.uow.read(async (tx) => {
      requireRole(actor, 'worker', 'client', 'staff');
      if (filter.status !== undefined && !PROFILE_STATUSES.includes(filter.status)) {
        throw new UserError('market.status_invalid');
      }
      const skill = filter.skill === undefined ? '' : skillKey(filter.skill);
      return tx.market.searchWorkers(
        { ...(skill !== '' ? { skill } : {}), ...(filter.status ? { status: filter.status } : {}) },
        pageOf(page),
      );
    });
  }
}
