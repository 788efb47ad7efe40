/** フォロー and コンタクト: follow rules, one notification per follow, lists, and who counts as a contact. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/domain/actor.ts';
import { FollowService } from '../src/domain/market/follows.ts';
import type { ApplicationStatus } from '../src/domain/work/records.ts';
import { type DomainBench, openDomainBench, refusal } from './helpers/domain.ts';

let b: DomainBench;
let follows: FollowService;

beforeAll(async () => {
  b = await openDomainBench('mkt_follow');
  follows = new FollowService(b.ctx);
});
afterAll(async () => {
  await b?.close();
});

/** A job posted by `poster` with `worker`'s application in `status`. */
async function worked(poster: Actor, worker: Actor, status: ApplicationStatus = 'approved') {
  await b.ctx.uow.run(async (tx) => {
    const job = await tx.work.jobs.insert({
      title: 'データ入力',
      rewardYen: 10000,
      status: 'open',
      createdBy: poster.userId,
    });
    const app = await tx.work.applications.insert({ jobId: job.id, workerId: worker.userId });
    await tx.work.applications.update(app.id, { status });
  });
}

describe('following', () => {
  it('follows a worker and tells them once; following again changes nothing', async () => {
    const client = await b.user(['client']);
    const worker = await b.user(['worker']);
    expect(await follows.follow(client, worker.userId)).toEqual({ followed: true });
    expect(await follows.follow(client, worker.userId)).toEqual({ followed: false });
    const sent = await b.outbox({ type: 'market.followed', recipientUserId: worker.userId });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      payload: { followerId: client.userId },
      dedupeKey: `market.followed:${client.userId}:${worker.userId}`,
    });
    expect((await b.audit('market.followed')).filter((a) => a.actorUserId === client.userId)).toHaveLength(1);
  });

  it('does not notify again when someone unfollows and follows again', async () => {
    const a = await b.user(['worker']);
    const c = await b.user(['worker']);
    await follows.follow(a, c.userId);
    expect(await follows.unfollow(a, c.userId)).toEqual({ unfollowed: true });
    expect(await follows.unfollow(a, c.userId)).toEqual({ unfollowed: false });
    expect(await follows.follow(a, c.userId)).toEqual({ followed: true });
    expect(await b.outbox({ type: 'market.followed', recipientUserId: c.userId })).toHaveLength(1);
  });

  it('settles two simultaneous follows into one follow and one notification', async () => {
    const a = await b.user(['client']);
    const w = await b.user(['worker']);
    const results = await Promise.all([follows.follow(a, w.userId), follows.follow(a, w.userId)]);
    expect(results.filter((r) => r.followed)).toHaveLength(1);
    expect(await b.outbox({ type: 'market.followed', recipientUserId: w.userId })).toHaveLength(1);
  });

  it('refuses following oneself, staff, customers, unknown users, and following as a customer', async () => {
    const worker = await b.user(['worker']);
    const staff = await b.user(['staff']);
    const customer = await b.user(['customer']);
    expect(await refusal(follows.follow(worker, worker.userId))).toBe('market.cannot_follow_self');
    expect(await refusal(follows.follow(worker, staff.userId))).toBe('market.cannot_follow');
    expect(await refusal(follows.follow(worker, customer.userId))).toBe('market.cannot_follow');
    expect(await refusal(follows.follow(worker, 999_999))).toBe('market.user_not_found');
    expect(await refusal(follows.follow(customer, worker.userId))).toBe('forbidden');
  });

  it('lists following and followers newest first, marking who follows back', async () => {
    const me = await b.user(['worker']);
    const x = await b.user(['worker'], { name: 'X' });
    const y = await b.user(['client'], { name: 'Y' });
    await follows.follow(me, x.userId);
    b.clock.advance(1000);
    await follows.follow(me, y.userId);
    await follows.follow(x, me.userId);
    const following = await follows.following(me);
    expect(following.total).toBe(2);
    expect(following.items.map((f) => [f.displayName, f.mutual])).toEqual([
      ['Y', false],
      ['X', true],
    ]);
    const followers = await follows.followers(me);
    expect(followers.items).toMatchObject([{ userId: x.userId, mutual: true }]);
    expect((await follows.followers(y)).items.map((f) => f.userId)).toEqual([me.userId]);
    expect((await follows.following(me, { offset: 1, limit: 1 })).items.map((f) => f.displayName)).toEqual([
      'X',
    ]);
  });
});

describe('contacts', () => {
  it('are clients I completed a job with, seen from both sides, and friends, each marked why', async () => {
    const worker = await b.user(['worker'], { name: 'W' });
    const client = await b.user(['client'], { name: 'C-done' });
    const friend = await b.user(['worker'], { name: 'F-friend' });
    const both = await b.user(['client'], { name: 'B-both' });
    const oneWay = await b.user(['worker'], { name: 'O-oneway' });
    const staffPoster = await b.user(['staff'], { name: 'S-staff' });
    const unfinished = await b.user(['client'], { name: 'U-unfinished' });

    await worked(client, worker);
    await worked(client, worker); // two completed jobs with the same client
    await worked(both, worker);
    await worked(staffPoster, worker); // staff are not clients
    await worked(unfinished, worker, 'delivered'); // not approved yet
    await follows.follow(worker, friend.userId);
    await follows.follow(friend, worker.userId);
    await follows.follow(worker, both.userId);
    await follows.follow(both, worker.userId);
    await follows.follow(worker, oneWay.userId);

    const mine = await follows.contacts(worker);
    expect(mine.total).toBe(3);
    expect(mine.items.map((c) => [c.displayName, c.reasons, c.completedJobs])).toEqual([
      ['B-both', ['completed_job', 'mutual_follow'], 1],
      ['C-done', ['completed_job'], 2],
      ['F-friend', ['mutual_follow'], 0],
    ]);

    // The client sees the worker the same way.
    const theirs = await follows.contacts(client);
    expect(theirs.items).toEqual([
      { userId: worker.userId, displayName: 'W', reasons: ['completed_job'], completedJobs: 2 },
    ]);
    expect((await follows.contacts(unfinished)).items).toEqual([]);
  });

  it('drop a friend once the follow is no longer mutual', async () => {
    const a = await b.user(['worker']);
    const c = await b.user(['worker']);
    await follows.follow(a, c.userId);
    await follows.follow(c, a.userId);
    expect((await follows.contacts(a)).total).toBe(1);
    await follows.unfollow(c, a.userId);
    expect(await follows.contacts(a)).toEqual({ items: [], total: 0 });
  });
});
