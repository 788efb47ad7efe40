/** お知らせ: publishing to everyone, a role or one person, who is notified, and read tracking. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/domain/actor.ts';
import type { DomainContext } from '../src/domain/context.ts';
import { NoticeService } from '../src/domain/work/notices.ts';
import { type DomainBench, openDomainBench, refusal } from './helpers/domain.ts';

let b: DomainBench;
let notices: NoticeService;
let staff: Actor;

beforeAll(async () => {
  b = await openDomainBench('notices');
  notices = new NoticeService(b.ctx);
  staff = await b.user(['staff']);
});
afterAll(async () => {
  await b?.close();
});

const raw = <T extends object>(sql: string, params: unknown[] = []) =>
  b.store.orm.em.getConnection().execute(sql, params) as Promise<T[]>;

/** Works through every waiting fan-out as the delivery relay does (no multicast platform here: one outbox row each). */
async function runFanouts(): Promise<void> {
  while (await b.store.store.notifications.fanoutPage({ pageSize: 1000, multicast: null })) {
    // Page after page.
  }
}

describe('publishing', () => {
  it('notifies each user of a role segment once, and nobody outside it', async () => {
    const w1 = await b.user(['worker']);
    const w2 = await b.user(['worker', 'client']);
    const customer = await b.user(['customer']);
    // Reachable (a console identity each): the fan-out writes an outbox row for those it can reach.
    for (const u of [w1, w2, customer])
      await raw(
        `insert into platform_identities (user_id, platform, workspace, external_id, created_at)
         values (?, 'console', 'local', ?, now())`,
        [u.userId, `notice-${u.userId}`],
      );
    const { notice, notified } = await notices.publish(staff, {
      kind: 'product',
      title: '新機能のお知らせ',
      body: '明細の確認がLINEからできるようになりました。',
      audience: { role: 'worker' },
    });
    expect(notice).toMatchObject({
      kind: 'product',
      audienceRole: 'worker',
      userId: null,
      createdBy: staff.userId,
    });
    // The role's fan-out, committed with the notice, writes the rows as the relay works it through.
    await runFanouts();
    const rows = (await b.outbox({ type: 'notice.published' })).filter(
      (r) => r.payload.noticeId === notice.id,
    );
    expect(rows.map((r) => r.recipientUserId).sort((x, y) => x - y)).toEqual([w1.userId, w2.userId]);
    expect(notified).toBe(rows.length);
    expect(rows.every((r) => r.dedupeKey === `notice.published:${notice.id}:${r.recipientUserId}`)).toBe(
      true,
    );
    expect((await notices.list(customer)).items.map((n) => n.id)).not.toContain(notice.id);
    expect(await refusal(notices.open(customer, notice.id))).toBe('not_found');
    expect((await notices.open(w2, notice.id)).read).toBe(true);
  });

  it('sends a personal notice to that user only', async () => {
    const worker = await b.user(['worker']);
    const other = await b.user(['worker']);
    const { notice, notified } = await notices.publish(staff, {
      kind: 'personal',
      title: '書類のご提出のお願い',
      audience: { userId: worker.userId },
    });
    expect(notified).toBe(1);
    expect(await b.outbox({ type: 'notice.published', recipientUserId: worker.userId })).toHaveLength(1);
    expect((await notices.list(worker)).items.map((n) => n.id)).toContain(notice.id);
    expect((await notices.list(other)).items.map((n) => n.id)).not.toContain(notice.id);
    expect(await refusal(notices.open(other, notice.id))).toBe('not_found');
  });

  it('writes no outbox rows for a notice to everyone (the broadcast fan-out delivers it) yet shows it to all', async () => {
    const before = (await b.outbox({ type: 'notice.published' })).length;
    const users = await raw<{ n: number }>('select count(*)::int as n from users');
    const { notice, notified } = await notices.publish(staff, {
      kind: 'maintenance',
      title: 'メンテナンスのお知らせ',
      body: '12月10日 2:00〜4:00',
      audience: { everyone: true },
    });
    // Everyone it reaches now is counted; nobody is written to one by one in the publishing transaction.
    expect(notified).toBe(users[0]?.n);
    expect((await b.outbox({ type: 'notice.published' })).length).toBe(before);
    for (const roles of [['worker'], ['customer'], ['staff']] as const) {
      const someone = await b.user([...roles]);
      expect((await notices.list(someone)).items[0]?.id).toBe(notice.id);
    }
  });

  it('is for staff only, and checks kind, title and audience', async () => {
    const worker = await b.user(['worker']);
    const ok = { kind: 'announcement', title: 'タイトル', audience: { everyone: true } } as const;
    expect(await refusal(notices.publish(worker, ok))).toBe('forbidden');
    expect(await refusal(notices.publish(staff, { ...ok, title: '  ' }))).toBe('money.notice.title_required');
    expect(await refusal(notices.publish(staff, { ...ok, body: 'x'.repeat(4001) }))).toBe(
      'money.notice.body_too_long',
    );
    expect(await refusal(notices.publish(staff, { ...ok, kind: 'personal' }))).toBe(
      'money.notice.personal_needs_user',
    );
    expect(await refusal(notices.publish(staff, { ...ok, audience: { userId: worker.userId } }))).toBe(
      'money.notice.personal_needs_user',
    );
    expect(await refusal(notices.publish(staff, { ...ok, kind: 'urgent' as 'product' }))).toBe(
      'money.notice.bad_kind',
    );
    expect(await refusal(notices.publish(staff, { ...ok, audience: { role: 'boss' as 'staff' } }))).toBe(
      'money.notice.bad_role',
    );
    expect(
      await refusal(notices.publish(staff, { kind: 'personal', title: 'x', audience: { userId: 999_999 } })),
    ).toBe('not_found');
  });
});

describe('read tracking', () => {
  it('lists notices newest first with read flags, marks one read when opened, and counts the unread', async () => {
    const worker = await b.user(['worker']);
    const first = (
      await notices.publish(staff, { kind: 'personal', title: '1通目', audience: { userId: worker.userId } })
    ).notice;
    b.clock.advance(1000);
    const second = (
      await notices.publish(staff, { kind: 'personal', title: '2通目', audience: { userId: worker.userId } })
    ).notice;
    const everyoneBefore = await notices.unreadCount(worker);
    const page = await notices.list(worker, { offset: 0, limit: 100 });
    const mine = page.items.filter((n) => n.id === first.id || n.id === second.id);
    expect(mine.map((n) => [n.title, n.read])).toEqual([
      ['2通目', false],
      ['1通目', false],
    ]);

    const opened = await notices.open(worker, first.id);
    expect(opened).toMatchObject({ id: first.id, title: '1通目', read: true });
    expect(await notices.unreadCount(worker)).toBe(everyoneBefore - 1);
    const after = (await notices.list(worker, { offset: 0, limit: 100 })).items;
    expect(after.find((n) => n.id === first.id)?.read).toBe(true);
    expect(after.find((n) => n.id === second.id)?.read).toBe(false);
  });

  it('records a read once however often (or however concurrently) the notice is opened', async () => {
    const worker = await b.user(['worker']);
    const { notice } = await notices.publish(staff, {
      kind: 'personal',
      title: '確認してください',
      audience: { userId: worker.userId },
    });
    await Promise.all([notices.open(worker, notice.id), notices.open(worker, notice.id)]);
    await notices.open(worker, notice.id);
    const rows = await raw('select id from notice_reads where notice_id = ? and user_id = ?', [
      notice.id,
      worker.userId,
    ]);
    expect(rows).toHaveLength(1);
    expect(await notices.unreadCount(worker)).toBe(
      (await notices.list(worker, { offset: 0, limit: 500 })).items.filter((n) => !n.read).length,
    );
  });

  it('treats a read recorded by a concurrent open as read, instead of failing on the unique key', async () => {
    const worker = await b.user(['worker']);
    const { notice } = await notices.publish(staff, {
      kind: 'personal',
      title: '同時',
      audience: { userId: worker.userId },
    });
    await notices.open(worker, notice.id);
    // The other open committed between this one's check and its insert: the check sees no read.
    const racing: DomainContext = {
      ...b.ctx,
      uow: {
        read: b.ctx.uow.read,
        run: (fn) =>
          b.ctx.uow.run((tx) =>
            fn({
              ...tx,
              work: { ...tx.work, noticeReads: { ...tx.work.noticeReads, findOne: async () => null } },
            }),
          ),
      },
    };
    await expect(new NoticeService(racing).open(worker, notice.id)).resolves.toMatchObject({
      id: notice.id,
      read: true,
    });
    expect(await raw('select id from notice_reads where notice_id = ?', [notice.id])).toHaveLength(1);
  });

  it('does not open a notice that does not exist', async () => {
    expect(await refusal(notices.open(await b.user(['worker']), 999_999))).toBe('not_found');
  });
});
