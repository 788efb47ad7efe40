/**
 * お知らせ (docs/domain.md §1.10, §2.6): announcements, product news and maintenance notices to everyone or
 * to one role, and personal notices to one user, with read tracking.
 *
 * Delivery: a personal notice writes its one `notice.published` outbox row. A notice to everyone or to
 * a role starts a fan-out (src/domain/audience/): the delivery relay pushes it to each person it
 * reaches on their own platform, in pages of the users table (LINE multicasts of ≤ 500, one by one
 * elsewhere and for quiet hours), exactly once and across restarts. Who it reaches (`noticeReaches`)
 * is also who sees it listed, counted as unread and opened; the pushed message's button opens it.
 */

import { UserError } from '../../errors.ts';
import { type Actor, requireStaff } from '../actor.ts';
import { noticeReaches } from '../audience/rules.ts';
import type { DomainContext } from '../context.ts';
import { ROLES, type Role } from '../roles.ts';
import { DuplicateRecordError, type Page, type PageRequest } from '../table.ts';
import type { Tx } from '../tx.ts';
import { NOTICE_KINDS, type NoticeKind, type NoticeRecord } from './records.ts';

export const MAX_NOTICE_TITLE_LENGTH = 200;
export const MAX_NOTICE_BODY_LENGTH = 4000;
/**
 * The portal's two tabs: ご案内 (announcements, product news, personal notices) and システム関連
 * (maintenance). Every kind is in exactly one.
 */
export const NOTICE_TABS = {
  info: ['announcement', 'product', 'personal'],
  system: ['maintenance'],
} as const satisfies Record<string, readonly NoticeKind[]>;
export type NoticeTab = keyof typeof NOTICE_TABS;

export const tabOfKind = (kind: NoticeKind): NoticeTab =>
  (NOTICE_TABS.system as readonly NoticeKind[]).includes(kind) ? 'system' : 'info';

export type NoticeAudience = { everyone: true } | { role: Role } | { userId: number };

export interface PublishNoticeInput {
  /** `personal` goes with `{ userId }`, the other kinds with everyone or a role. */
  kind: NoticeKind;
  title: string;
  body?: string;
  audience: NoticeAudience;
}

export type NoticeWithRead = NoticeRecord & { read: boolean };

const noticeNotFound = () => new UserError('not_found', { thing: '@money.thing.notice' });

/** Whether the notice is addressed to the actor (personally, by one of their roles, or to everyone). */
export const isVisibleTo = (notice: NoticeRecord, actor: Actor): boolean => noticeReaches(notice, actor);

export class NoticeService {
  private readonly ctx: DomainContext;

  constructor(ctx: DomainContext) {
    this.ctx = ctx;
  }

  /**
   * [staff] Publishes a notice; returns it with how many people it is pushed to: 1 for a personal
   * notice, else the people its fan-out reaches now (as the count of a posted job's alerts).
   */
  publish(actor: Actor, input: PublishNoticeInput): Promise<{ notice: NoticeRecord; notified: number }> {
    return this.ctx.uow.run(async (tx) => {
      requireStaff(actor);
      if (!NOTICE_KINDS.includes(input.kind)) throw new UserError('money.notice.bad_kind');
      const title = input.title.normalize('NFKC').trim();
      if (title === '' || title.length > MAX_NOTICE_TITLE_LENGTH) {
        throw new UserError('money.notice.title_required', { max: MAX_NOTICE_TITLE_LENGTH });
      }
      const body = (input.body ?? '').trim();
      if (body.length > MAX_NOTICE_BODY_LENGTH) {
        throw new UserError('money.notice.body_too_long', { max: MAX_NOTICE_BODY_LENGTH });
      }
      const { audience } = input;
      const personal = 'userId' in audience;
      if (personal !== (input.kind === 'personal')) throw new UserError('money.notice.personal_needs_user');
      if ('role' in audience && !ROLES.includes(audience.role)) throw new UserError('money.notice.bad_role');
      if (personal && !(await tx.users.get(audience.userId))) {
        throw new UserError('not_found', { thing: '@money.thing.user' });
      }

      const notice = await tx.work.notices.insert({
        kind: input.kind,
        title,
        body,
        audienceRole: 'role' in audience ? audience.role : null,
        userId: personal ? audience.userId : null,
        createdBy: actor.userId,
      });
      await tx.audit({
        actorUserId: actor.userId,
        action: 'notice.published',
        subjectType: 'notice',
        subjectId: notice.id,
        data: { kind: notice.kind, audienceRole: notice.audienceRole, userId: notice.userId },
      });

      if (!personal) {
        // Everyone, or a role: the fan-out, committed with the notice (see the file comment).
        return { notice, notified: await tx.audience.startFanout('notice.published', notice.id) };
      }
      const written = await tx.notify({
        type: 'notice.published',
        recipientUserId: audience.userId,
        payload: { noticeId: notice.id, kind: notice.kind, title: notice.title },
        dedupeKey: `notice.published:${notice.id}:${audience.userId}`,
      });
      return { notice, notified: written ? 1 : 0 };
    });
  }

  /** Notices addressed to the actor (of one tab when given), newest first, each with whether they have read it. */
  list(
    actor: Actor,
    page: PageRequest = { offset: 0, limit: 10 },
    tab?: NoticeTab,
  ): Promise<Page<NoticeWithRead>> {
    return this.ctx.uow.read((tx) =>
      tx.work.noticesFor(actor.userId, actor.roles, page, tab ? NOTICE_TABS[tab] : undefined),
    );
  }

  /** Per tab, how many notices the actor has and how many they have not opened (one statement). */
  tabCounts(actor: Actor): Promise<Record<NoticeTab, { total: number; unread: number }>> {
    return this.ctx.uow.read(async (tx) => {
      const counts = { info: { total: 0, unread: 0 }, system: { total: 0, unread: 0 } };
      for (const row of await tx.work.noticeCounts(actor.userId, actor.roles)) {
        const tab = counts[tabOfKind(row.kind)];
        tab.total += row.total;
        tab.unread += row.unread;
      }
      return counts;
    });
  }

  /** Opens a notice addressed to the actor and marks it read (once, however often it is opened). */
  async open(actor: Actor, noticeId: number): Promise<NoticeWithRead> {
    try {
      return await this.ctx.uow.run(async (tx) => {
        const notice = await tx.work.notices.get(noticeId);
        if (!notice || !isVisibleTo(notice, actor)) throw noticeNotFound();
        if (!(await tx.work.noticeReads.findOne({ noticeId, userId: actor.userId }))) {
          await tx.work.noticeReads.insert({ noticeId, userId: actor.userId });
        }
        return { ...notice, read: true };
      });
    } catch (err) {
      // The same user opened it twice at once (two devices): the other call recorded the read.
      if (!(err instanceof DuplicateRecordError)) throw err;
      const notice = await this.ctx.uow.read((tx) => tx.work.notices.get(noticeId));
      if (!notice) throw noticeNotFound();
      return { ...notice, read: true };
    }
  }

  /** How many notices addressed to the actor they have not opened. */
  async unreadCount(actor: Actor): Promise<number> {
    const { info, system } = await this.tabCounts(actor);
    return info.unread + system.unread;
  }
}

/** Ids of the users holding `role` (the audience rule's query), for the few notified one row each (staff). */
export function usersWithRole(tx: Tx, role: Role): Promise<number[]> {
  return tx.audience.userIds({ role });
}
