/**
 * フォロー and コンタクト (docs/domain.md §3.2): workers and clients follow workers (and each other);
 * contacts are the clients you completed a job with and your friends (mutual follows).
 */

import { UserError } from '../../errors.ts';
import { type Actor, requireRole } from '../actor.ts';
import type { DomainContext } from '../context.ts';
import type { Role } from '../roles.ts';
import type { Page, PageRequest } from '../table.ts';
import type { Contact, FollowEntry } from './records.ts';
import { pageOf } from './validate.ts';

/** Who follows and can be followed. */
const FOLLOWERS: Role[] = ['worker', 'client'];

export class FollowService {
  private readonly ctx: DomainContext;

  constructor(ctx: DomainContext) {
    this.ctx = ctx;
  }

  /**
   * Follows `userId` and tells them once. Following again is a no-op (`followed: false`), and so is
   * following again after an unfollow as far as notifications go: the dedupe key is the pair, so
   * toggling never spams the person followed.
   */
  follow(actor: Actor, userId: number): Promise<{ followed: boolean }> {
    return this.ctx.uow.run(async (tx) => {
      requireRole(actor, ...FOLLOWERS);
      if (userId === actor.userId) throw new UserError('market.cannot_follow_self');
      const target = await tx.users.get(userId);
      if (!target) throw new UserError('market.user_not_found');
      if (!target.roles.some((r) => FOLLOWERS.includes(r))) throw new UserError('market.cannot_follow');
      const follow = await tx.market.addFollow(actor.userId, userId, this.ctx.clock());
      if (!follow) return { followed: false };
      await tx.audit({
        actorUserId: actor.userId,
        action: 'market.followed',
        subjectType: 'user',
        subjectId: userId,
        data: {},
      });
      await tx.notify({
        type: 'market.followed',
        recipientUserId: userId,
        payload: {
          followerId: actor.userId,
          followerName: (await tx.users.get(actor.userId))?.displayName ?? '',
        },
        dedupeKey: `market.followed:${actor.userId}:${userId}`,
      });
      return { followed: true };
    });
  }

  /** Stops following; `unfollowed: false` when there was nothing to undo. */
  unfollow(actor: Actor, userId: number): Promise<{ unfollowed: boolean }> {
    return this.ctx.uow.run(async (tx) => {
      requireRole(actor, ...FOLLOWERS);
      const removed = await tx.market.follows.delete({ followerId: actor.userId, followeeId: userId });
      if (removed === 0) return { unfollowed: false };
      await tx.audit({
        actorUserId: actor.userId,
        action: 'market.unfollowed',
        subjectType: 'user',
        subjectId: userId,
        data: {},
      });
      return { unfollowed: true };
    });
  }

  /** Whom I follow, newest first; `mutual` marks those who follow me back. */
  following(actor: Actor, page: Partial<PageRequest> = {}): Promise<Page<FollowEntry>> {
    return this.ctx.uow.run(async (tx) => {
      requireRole(actor, ...FOLLOWERS);
      return tx.market.followList(actor.userId, 'following', pageOf(page));
    });
  }

  /** Who follows me, newest first. */
  followers(actor: Actor, page: Partial<PageRequest> = {}): Promise<Page<FollowEntry>> {
    return this.ctx.uow.run(async (tx) => {
      requireRole(actor, ...FOLLOWERS);
      return tx.market.followList(actor.userId, 'followers', pageOf(page));
    });
  }

  /** コンタクト: completed-job partners and friends, by name, each with the reasons. */
  contacts(actor: Actor, page: Partial<PageRequest> = {}): Promise<Page<Contact>> {
    return this.ctx.uow.run(async (tx) => {
      requireRole(actor, ...FOLLOWERS);
      return tx.market.contactsOf(actor.userId, pageOf(page));
    });
  }
}
