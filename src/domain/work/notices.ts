/**
 * お知らせ (docs/domain.md §1.10, §2.6): announcements, product news and maintenance notices to everyone or
 * to one role, and personal notices to one user, with read tracking.
 *
 * Delivery: personal and role notices write one `notice.published` outbox row per recipient. A notice
 * to everyone writes none here: pushing it to every user is the broadcast fan-out's job (one
 * `insert … select` over users in the repository, not a loop over all users in a service); until then
 * it is listed, counted as unread and opened like any other notice.
 */

import { UserError } from '../../errors.ts';
import { type Actor, requireStaff } from '../actor.ts';
import type { DomainContext } from '../context.ts';
import { ROLES, type Role } from '../roles.ts';
import { DuplicateRecordError, type Page, type PageRequest } from '../table.ts';
import type { Tx } from '../tx.ts';
import { NOTICE_KINDS, type NoticeKind, type NoticeRecord } from './records.ts';

export const MAX_NOTICE_TITLE_LENGTH = 200;
export const MAX_NOTICE_BODY_LENGTH = 4000;
/** Page size when a service has to walk a list to the end (users of a role, unread notices). */
const SCAN_PAGE = 500;

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
export function isVisibleTo(notice: NoticeRecord, actor: Actor): boolean {
  if (notice.userId !== null) return notice.userId === actor.userId;
  return notice.audienceRole === null || (actor.roles as readonly string[]).includes(notice.audienceRole);
}

export class NoticeService {
  private readonly ctx: DomainContext;

  constructor(ctx: DomainContext) {
    this.ctx = ctx;
  }

  /** [staff] Publishes a notice; returns it with the number of outbox rows written. */
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

      let notified = 0;
      const notifyOne = async (recipientUserId: number) => {
        const written = await tx.notify({
          type: 'notice.published',
          recipientUserId,
          payload: { noticeId: notice.id, kind: notice.kind, title: notice.title },
          dedupeKey: `notice.published:${notice.id}:${recipientUserId}`,
        });
        if (written) notified++;
      };
      if (personal) {
        await notifyOne(audience.userId);
      } else if ('role' in audience) {
        for (const userId of await usersWithRole(tx, audience.role)) await notifyOne(userId);
      }
      // Everyone: no rows here; the broadcast fan-out delivers it (see the file comment).
      return { notice, notified };
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

/**
 * Ids of the users holding `role`. The user table's gateway cannot filter on an array column, so this
 * walks it in pages; a `usersWithRole` query (or an `insert … select` fan-out) belongs in the ports.
 */
export async function usersWithRole(tx: Tx, role: Role): Promise<number[]> {
  const ids: number[] = [];
  for (let offset = 0; ; offset += SCAN_PAGE) {
    const users = await tx.users.find({}, { orderBy: { id: 'asc' }, limit: SCAN_PAGE, offset });
    for (const u of users) if (u.roles.includes(role)) ids.push(u.id);
    if (users.length < SCAN_PAGE) return ids;
  }
}
