/** The work portal from job notice to approved delivery, with its rules, races and notifications. */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNotificationStore, pageSpan } from '../db/notifications.ts';
import type { Actor } from '../src/domain/actor.ts';
import { TRANSITIONS } from '../src/domain/work/application-states.ts';
import { ApplicationService } from '../src/domain/work/applications.ts';
import { DeliveryService } from '../src/domain/work/deliveries.ts';
import { JobService, type PostJobInput } from '../src/domain/work/jobs.ts';
import { QuestionService } from '../src/domain/work/questions.ts';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../src/domain/work/records.ts';
import { type DomainBench, openDomainBench, refusal } from './helpers/domain.ts';

let b: DomainBench;
let jobs: JobService;
let apps: ApplicationService;
let questions: QuestionService;
let deliveries: DeliveryService;
let staff: Actor;

beforeAll(async () => {
  b = await openDomainBench('workflow');
  jobs = new JobService(b.ctx);
  apps = new ApplicationService(b.ctx);
  questions = new QuestionService(b.ctx);
  deliveries = new DeliveryService(b.ctx);
  staff = await b.user(['staff']);
});
afterAll(async () => {
  await b?.close();
});

const inAWeek = () => new Date(b.clock().getTime() + 7 * 24 * 3600 * 1000);
const openJob = async (extra: Partial<PostJobInput> = {}, by: Actor = staff) =>
  (
    await jobs.post(by, {
      title: 'データ入力',
      reward: { type: 'fixed', yen: 12000 },
      status: 'open',
      deadline: inAWeek(),
      ...extra,
    })
  ).job;

describe('job notices', () => {
  it('posts a draft visible only to staff and its poster, then publishes it', async () => {
    const worker = await b.user(['worker']);
    const { job, alerts } = await jobs.post(staff, {
      title: '  下書き案件 ',
      reward: { type: 'unit', unitPriceYen: 50, quantity: 200 },
    });
    expect(job).toMatchObject({
      title: '下書き案件',
      status: 'draft',
      rewardYen: 10000,
      rewardType: 'unit',
      quantity: 200,
    });
    expect(alerts).toBe(0);
    expect(await refusal(jobs.get(worker, job.id))).toBe('not_found');
    expect(await refusal(apps.apply(worker, job.id))).toBe('not_found');
    const published = await jobs.publish(staff, job.id);
    expect(published.job.status).toBe('open');
    await expect(jobs.get(worker, job.id)).resolves.toMatchObject({ id: job.id });
    expect(await refusal(jobs.publish(staff, job.id))).toBe('job.wrong_state');
  });

  it('validates what is posted', async () => {
    expect(await refusal(jobs.post(staff, { title: ' ', reward: { type: 'fixed', yen: 1 } }))).toBe(
      'job.title_required',
    );
    expect(await refusal(jobs.post(staff, { title: 'x', reward: { type: 'fixed', yen: -1 } }))).toBe(
      'job.bad_reward',
    );
    expect(await refusal(jobs.post(staff, { title: 'x', reward: { type: 'fixed', yen: 1.5 } }))).toBe(
      'job.bad_reward',
    );
    expect(
      await refusal(
        jobs.post(staff, { title: 'x', reward: { type: 'unit', unitPriceYen: 10, quantity: 0 } }),
      ),
    ).toBe('job.bad_reward');
    expect(
      await refusal(jobs.post(staff, { title: 'x', reward: { type: 'fixed', yen: 1 }, openings: 0 })),
    ).toBe('job.bad_openings');
    expect(
      await refusal(
        jobs.post(staff, {
          title: 'x',
          reward: { type: 'fixed', yen: 1 },
          deadline: new Date(b.clock().getTime() - 1),
        }),
      ),
    ).toBe('job.deadline_in_past');
  });

  it('lets staff and clients post but not workers or customers', async () => {
    const client = await b.user(['client']);
    await expect(
      jobs.post(client, { title: 'client job', reward: { type: 'fixed', yen: 5000 } }),
    ).resolves.toBeTruthy();
    expect(
      await refusal(jobs.post(await b.user(['worker']), { title: 'x', reward: { type: 'fixed', yen: 1 } })),
    ).toBe('forbidden');
    expect(
      await refusal(jobs.post(await b.user(['customer']), { title: 'x', reward: { type: 'fixed', yen: 1 } })),
    ).toBe('forbidden');
  });

  it('only its poster or staff close or cancel a job', async () => {
    const client = await b.user(['client']);
    const other = await b.user(['client']);
    const job = await openJob({}, client);
    expect(await refusal(jobs.close(other, job.id))).toBe('forbidden');
    await expect(jobs.close(client, job.id)).resolves.toMatchObject({ status: 'closed' });
    expect(await refusal(jobs.cancel(staff, job.id))).toBe('job.wrong_state');
  });

  it('sends one job alert per matching worker when a job opens', async () => {
    // Workers from earlier tests have no saved preferences: they match everything. Pause them so
    // this test counts only the ones it sets up.
    await b.ctx.uow.run(async (tx) => {
      for (const u of await tx.users.find({})) {
        if (u.roles.includes('worker')) await tx.work.alertPreferences.insert({ userId: u.id, paused: true });
      }
    });
    const match = await b.user(['worker']);
    const wrongSkill = await b.user(['worker']);
    const paused = await b.user(['worker']);
    const tooCheap = await b.user(['worker']);
    const anySkillRemote = await b.user(['worker']);
    const noPreferences = await b.user(['worker']);
    await b.ctx.uow.run(async (tx) => {
      await tx.work.alertPreferences.insert({
        userId: match.userId,
        skills: ['Excel'],
        prefectures: ['東京都'],
      });
      await tx.work.alertPreferences.insert({ userId: wrongSkill.userId, skills: ['Photoshop'] });
      await tx.work.alertPreferences.insert({ userId: paused.userId, paused: true });
      await tx.work.alertPreferences.insert({ userId: tooCheap.userId, minRewardYen: 50_000 });
      await tx.work.alertPreferences.insert({
        userId: anySkillRemote.userId,
        prefectures: ['大阪府'],
        remoteOk: true,
      });
    });
    const { job, alerts } = await jobs.post(staff, {
      title: 'Excel集計',
      skills: ['Excel'],
      remote: true,
      reward: { type: 'fixed', yen: 20000 },
      status: 'open',
    });
    expect(alerts).toBe(3);
    // The fan-out the post committed, worked through as the relay does (pages of 2 here).
    const notifications = createNotificationStore(b.store.orm);
    const pages = [];
    for (let page = await notifications.fanoutPage({ pageSize: 2, multicast: null }); page; ) {
      pages.push(page);
      page = await notifications.fanoutPage({ pageSize: 2, multicast: null });
    }
    // Earlier tests' jobs come first (oldest fan-out first). A page spans a range of user ids
    // (earlier tests' users make some empty) and never holds more than its 2 workers.
    const ours = pages.filter((p) => p.kind === 'job.alert' && p.subjectId === job.id);
    expect(ours.map((p) => p.matched).reduce((x, y) => x + y)).toBe(3);
    expect(Math.max(...ours.map((p) => p.matched))).toBe(2);
    expect(ours.map((p) => p.done)).toEqual([...ours.slice(1).map(() => false), true]);
    const receipts = await b.store.orm.em
      .getConnection()
      .execute<{ user_id: number; status: string; reason: string | null }[]>(
        `select user_id, status, reason from fanout_receipts where kind = 'job.alert' and subject_id = ? order by user_id`,
        [job.id],
      );
    // Nobody here has a chat identity yet: each is recorded as unreachable, not silently dropped.
    expect(receipts).toEqual(
      [match.userId, anySkillRemote.userId, noPreferences.userId]
        .sort((x, y) => x - y)
        .map((id) => ({ user_id: id, status: 'failed', reason: 'unreachable' })),
    );
  });

  it('pages a fan-out by ranges of user ids: sparse matches widen the range, a page never exceeds its size', async () => {
    const sql = b.store.orm.em.getConnection();
    await sql.execute(
      `insert into alert_preferences (user_id, paused, updated_at) select id, true, now() from users
       on conflict (user_id) do update set paused = true`,
    );
    // 200 workers of whom 1 in 10 takes alerts, then 200 who all do.
    const ids = (
      await sql.execute<{ id: number }[]>(
        `insert into users (display_name, locale, roles, created_at, updated_at)
         select 'w' || g, 'ja', '{worker}', now(), now() from generate_series(1, 400) g returning id`,
      )
    ).map((r) => r.id);
    ids.sort((x, y) => x - y);
    await sql.execute(
      `insert into alert_preferences (user_id, paused, updated_at) select u, true, now() from unnest(?::int[]) u`,
      [`{${ids.slice(0, 200).filter((_, i) => i % 10 !== 0)}}`],
    );
    const { job, alerts } = await jobs.post(staff, {
      title: '疎らな一致',
      remote: true,
      reward: { type: 'fixed', yen: 1000 },
      status: 'open',
    });
    expect(alerts).toBe(220);
    const notifications = createNotificationStore(b.store.orm);
    const pages = [];
    for (;;) {
      const page = await notifications.fanoutPage({ pageSize: 10, multicast: null });
      if (!page) break;
      pages.push(page);
    }
    const ours = pages.filter((p) => p.kind === 'job.alert' && p.subjectId === job.id);
    // Pages don't overlap (the sum is exact) and none holds more than 10.
    expect(ours.map((p) => p.matched).reduce((x, y) => x + y)).toBe(220);
    expect(Math.max(...ours.map((p) => p.matched))).toBe(10);
    // The sparse part takes a few pages (the range widens), not one page per 10 user ids.
    expect(ours.length).toBeLessThan(22 + 8);
    expect(ours.at(-1)?.done).toBe(true);
  });

  it('sizes a fan-out page range by the share of users matched so far', () => {
    expect(pageSpan(10_000, 0, 0)).toBe(10_000);
    expect(pageSpan(10_000, 50_000, 50_000)).toBe(10_000);
    expect(pageSpan(10_000, 50_000, 5_000)).toBe(100_000);
    expect(pageSpan(10_000, 50_000, 0)).toBe(500_000);
    expect(pageSpan(10_000, 10_000_000, 1)).toBe(500_000);
  });

  it('searches open jobs by keyword, skill, prefecture and reward', async () => {
    await openJob({
      title: '翻訳(英→日)',
      skills: ['翻訳'],
      prefecture: '福岡県',
      reward: { type: 'fixed', yen: 30000 },
    });
    expect(
      (await jobs.listOpen({ keyword: '翻訳' }, { offset: 0, limit: 10 })).items.map((j) => j.title),
    ).toEqual(['翻訳(英→日)']);
    expect(
      (await jobs.listOpen({ skill: '翻訳', prefecture: '福岡県' }, { offset: 0, limit: 10 })).total,
    ).toBe(1);
    expect(
      (await jobs.listOpen({ skill: '翻訳', minRewardYen: 30001 }, { offset: 0, limit: 10 })).total,
    ).toBe(0);
    // LIKE wildcards typed by a user are literal.
    expect((await jobs.listOpen({ keyword: '%' }, { offset: 0, limit: 10 })).total).toBe(0);
  });
});

describe('from application to approved delivery', () => {
  it('walks the whole journey with one notification per step', async () => {
    const client = await b.user(['client']);
    const worker = await b.user(['worker']);
    const job = await openJob({}, client);

    const app = await apps.apply(worker, job.id, ' よろしくお願いします ');
    expect(app).toMatchObject({ status: 'applied', message: 'よろしくお願いします' });
    expect(await b.outbox({ type: 'application.received', recipientUserId: client.userId })).toHaveLength(1);

    const q = await questions.ask(worker, app.id, '納期はいつですか?');
    await questions.answer(client, q.id, '来週金曜日です。');
    expect(await refusal(questions.answer(client, q.id, 'again'))).toBe('question.already_answered');
    expect((await questions.history(worker, app.id)).map((x) => [x.body, x.answer])).toEqual([
      ['納期はいつですか?', '来週金曜日です。'],
    ]);

    await apps.accept(client, app.id);
    expect(await refusal(apps.start(worker, app.id))).toBe('application.no_work_files');
    await apps.handOverWorkFiles(client, app.id, [await b.upload('手順書.pdf', 'manual', 'application/pdf')]);
    expect((await apps.get(worker, app.id)).workFiles).toHaveLength(1);
    await apps.start(worker, app.id);

    expect(await refusal(deliveries.deliver(worker, app.id, 'done', []))).toBe('delivery.files_required');
    await deliveries.deliver(worker, app.id, '納品します', [await b.upload('result.xlsx', 'v1')]);
    expect(await refusal(deliveries.requestRevision(client, app.id, '  '))).toBe(
      'delivery.feedback_required',
    );
    await deliveries.requestRevision(client, app.id, '3行目を修正してください');
    await apps.start(worker, app.id);
    await deliveries.deliver(worker, app.id, '修正しました', [await b.upload('result.xlsx', 'v2')]);
    const approved = await deliveries.approve(client, app.id);
    expect(approved.status).toBe('approved');
    expect(approved.approvedAt).toBeInstanceOf(Date);

    const history = await deliveries.list(worker, app.id);
    expect(history.map((d) => d.delivery.reviewStatus)).toEqual(['revision_requested', 'approved']);
    expect(history.every((d) => d.files.length === 1)).toBe(true);

    const toWorker = (await b.outbox({ recipientUserId: worker.userId })).map((r) => r.type);
    expect(toWorker).toEqual([
      'question.answered',
      'application.accepted',
      'work_files.handed',
      'delivery.revision_requested',
      'delivery.approved',
      // Approval leads to payment: the reward is the worker's invoice item.
      'invoice.item_added',
    ]);
    const toClient = (await b.outbox({ recipientUserId: client.userId })).map((r) => r.type);
    expect(toClient).toEqual([
      'application.received',
      'question.asked',
      'delivery.received',
      'delivery.received',
    ]);
    expect(
      (await b.audit()).filter((a) => a.subjectId === app.id && a.action.startsWith('application.')),
    ).not.toHaveLength(0);
  });

  it('refuses a duplicate application, also when two arrive at once, but allows one after withdrawing', async () => {
    const worker = await b.user(['worker']);
    const job = await openJob();
    const both = await Promise.allSettled([apps.apply(worker, job.id), apps.apply(worker, job.id)]);
    expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = both.find((r) => r.status === 'rejected');
    expect((failed as PromiseRejectedResult).reason.key).toBe('application.duplicate');
    const [first] = await apps.listForJob(staff, job.id);
    if (!first) throw new Error('no application');
    expect(await refusal(apps.apply(worker, job.id))).toBe('application.duplicate');
    await apps.withdraw(worker, first.id);
    await expect(apps.apply(worker, job.id)).resolves.toMatchObject({ status: 'applied' });
  });

  it('never accepts more than the openings, even with staff accepting concurrently', async () => {
    const job = await openJob({ openings: 2 });
    const applicants = await Promise.all(Array.from({ length: 8 }, () => b.user(['worker'])));
    const applications = await Promise.all(applicants.map((w) => apps.apply(w, job.id)));
    const otherStaff = await b.user(['staff']);
    const results = await Promise.allSettled(
      applications.map((a, i) => apps.accept(i % 2 ? staff : otherStaff, a.id)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    const reasons = results
      .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
      .map((r) => r.reason.key);
    expect(new Set(reasons)).toEqual(new Set(['application.openings_full']));
    expect(await apps.listForJob(staff, job.id, 'accepted')).toHaveLength(2);
    expect(
      (await b.outbox({ type: 'application.accepted' })).filter((r) => r.payload.jobId === job.id),
    ).toHaveLength(2);
  });

  it('refuses applying to a closed job or after the deadline', async () => {
    const worker = await b.user(['worker']);
    const closed = await openJob();
    await jobs.close(staff, closed.id);
    expect(await refusal(apps.apply(worker, closed.id))).toBe('job.not_open');
    const soon = await openJob({ deadline: new Date(b.clock().getTime() + 60_000) });
    b.clock.advance(60_001);
    expect(await refusal(apps.apply(worker, soon.id))).toBe('job.deadline_passed');
  });
});

describe('authorization', () => {
  it('keeps each side to its own moves and hides others’ applications', async () => {
    const client = await b.user(['client']);
    const worker = await b.user(['worker']);
    const stranger = await b.user(['worker']);
    const otherClient = await b.user(['client']);
    const job = await openJob({}, client);
    const app = await apps.apply(worker, job.id);

    expect(await refusal(apps.accept(worker, app.id))).toBe('forbidden');
    expect(await refusal(apps.accept(otherClient, app.id))).toBe('forbidden');
    expect(await refusal(apps.get(stranger, app.id))).toBe('not_found');
    expect(await refusal(questions.ask(stranger, app.id, 'hi'))).toBe('not_found');
    expect(await refusal(apps.withdraw(client, app.id))).toBe('forbidden');
    expect(await refusal(apps.listForJob(worker, job.id))).toBe('forbidden');

    await apps.accept(client, app.id);
    await apps.handOverWorkFiles(staff, app.id, [await b.upload('a.txt', 'a')]);
    expect(await refusal(apps.start(client, app.id))).toBe('forbidden');
    await apps.start(worker, app.id);
    await deliveries.deliver(worker, app.id, '', [await b.upload('b.txt', 'b')]);
    // A worker cannot approve a delivery, not even their own.
    expect(await refusal(deliveries.approve(worker, app.id))).toBe('forbidden');
    expect(await refusal(deliveries.approve(stranger, app.id))).toBe('not_found');
    await expect(deliveries.approve(staff, app.id)).resolves.toMatchObject({ status: 'approved' });
    expect(await refusal(apps.cancel(staff, app.id, 'late'))).toBe('application.wrong_state');
  });
});

describe('the application state machine', () => {
  const worker = () => b.user(['worker']);

  /** Puts a fresh application directly into `status`, as if it had got there. */
  async function applicationIn(status: ApplicationStatus) {
    const w = await worker();
    const job = await openJob({ openings: 5 });
    const app = await apps.apply(w, job.id);
    await b.ctx.uow.run((tx) =>
      tx.work.applications.update(app.id, { status, workFilesHandedAt: b.clock() }),
    );
    return { w, app };
  }

  const perform = async (action: keyof typeof TRANSITIONS, w: Actor, id: number) => {
    const file = await b.upload('f.txt', `file-${id}`);
    switch (action) {
      case 'accept':
        return apps.accept(staff, id);
      case 'reject':
        return apps.reject(staff, id, 'reason');
      case 'withdraw':
        return apps.withdraw(w, id);
      case 'start':
        return apps.start(w, id);
      case 'deliver':
        return deliveries.deliver(w, id, '', [file]);
      case 'approve':
        return deliveries.approve(staff, id);
      case 'requestRevision':
        return deliveries.requestRevision(staff, id, 'fix');
      case 'cancel':
        return apps.cancel(staff, id, 'reason');
    }
  };

  for (const [action, rule] of Object.entries(TRANSITIONS) as [
    keyof typeof TRANSITIONS,
    (typeof TRANSITIONS)[keyof typeof TRANSITIONS],
  ][]) {
    it(`${action}: allowed from ${rule.from.join(', ')} to ${rule.to}, refused from every other state`, async () => {
      for (const status of APPLICATION_STATUSES) {
        const { w, app } = await applicationIn(status);
        const allowed = (rule.from as readonly string[]).includes(status);
        if (allowed) {
          await perform(action, w, app.id);
          const after = await apps.get(staff, app.id);
          expect(after.application.status, `${action} from ${status}`).toBe(rule.to);
        } else {
          const key = await refusal(perform(action, w, app.id));
          expect(
            ['application.wrong_state', 'application.not_accepted'],
            `${action} from ${status}`,
          ).toContain(key);
        }
      }
    });
  }
});
