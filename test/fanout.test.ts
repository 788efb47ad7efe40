/**
 * Job-alert fan-out to LINE as multicasts of ≤ 500: every matching worker exactly once (also when a
 * relay dies between claiming and queueing, and when a batch is queued twice), alerts cancelled when
 * the job closes first, the fallback platform for someone unreachable on LINE, the monthly quota
 * ending a batch without retries, and 429s waited out.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multicastJob } from '../src/notifications/delivery.ts';
import { type LineBench, openLineBench } from './helpers/line.ts';

let b: LineBench;
let db: pg.Client;

beforeAll(async () => {
  b = await openLineBench('fanout');
  db = new pg.Client({ connectionString: b.schema.url });
  await db.connect();
  // The test drives the relay itself, pass by pass.
  await b.app.notifications.stop();
});
afterAll(async () => {
  await db?.end();
  await b?.close();
});

/** `n` workers reachable on LINE (real-looking ids: `U` + 32 hex); returns their LINE ids. */
async function seedWorkers(prefix: string, n: number): Promise<string[]> {
  const { rows } = await db.query(
    `with u as (
       insert into users (display_name, locale, roles, created_at, updated_at)
       select $1 || g, 'ja', '{worker}', now(), now() from generate_series(1, $2) g returning id)
     insert into platform_identities (user_id, platform, workspace, external_id, created_at)
     select id, 'line', '', 'U' || md5($1 || id::text), now() from u returning external_id`,
    [prefix, n],
  );
  return rows.map((r) => r.external_id as string);
}

async function staff(): Promise<{ userId: number; roles: ['staff']; companyId: null }> {
  const { rows } = await db.query(
    `insert into users (display_name, locale, roles, created_at, updated_at) values ('staff', 'ja', '{staff}', now(), now()) returning id`,
  );
  return { userId: Number(rows[0].id), roles: ['staff'], companyId: null };
}

/** Stops other workers' alerts from counting: pause everyone seeded before. */
async function pauseAllAlerts(): Promise<void> {
  await db.query(
    `insert into alert_preferences (user_id, paused, updated_at) select id, true, now() from users
     on conflict (user_id) do update set paused = true`,
  );
}

async function relayAll(): Promise<void> {
  while ((await b.app.notifications.relayOnce()) > 0) {
    // Until the outbox is empty.
  }
}

async function receipts(jobId: number): Promise<Record<string, number>> {
  const { rows } = await db.query(
    `select r.status || coalesce(':' || r.reason, '') as s, count(*)::int as n
       from fanout_recipients r where r.kind = 'job.alert' and r.subject_id = $1 group by 1`,
    [jobId],
  );
  return Object.fromEntries(rows.map((r) => [r.s, r.n]));
}

/** Matches every waiting fan-out page by page, as a relay does, without queueing anything. */
async function matchAll(): Promise<{ matched: number; batches: number }> {
  const total = { matched: 0, batches: 0 };
  for (;;) {
    const page = await b.app.store.notifications.fanoutPage({
      pageSize: 10_000,
      multicast: { platform: 'line', size: 500 },
    });
    if (!page) return total;
    total.matched += page.matched;
    total.batches += page.batches;
  }
}

const deliveredTo = (ids: string[]) => {
  const set = new Set(ids);
  const counts = new Map<string, number>();
  for (const d of b.fake.delivered) if (set.has(d.to)) counts.set(d.to, (counts.get(d.to) ?? 0) + 1);
  return counts;
};

describe('job alerts to LINE', () => {
  it('reach 1,200 workers in 3 multicasts, each exactly once, with sent receipts', async () => {
    await pauseAllAlerts();
    const ids = await seedWorkers('a', 1200);
    const { job, alerts } = await b.app.domain.jobs.post(await staff(), {
      title: 'データ入力',
      reward: { type: 'fixed', yen: 9000 },
      remote: true,
      status: 'open',
    });
    expect(alerts).toBe(1200);
    const before = b.fake.calls.length;
    await relayAll();
    await b.fake.waitFor(() => deliveredTo(ids).size === 1200, 10_000);
    const calls = b.fake.calls.slice(before).filter((c) => c.path === '/v2/bot/message/multicast');
    expect(calls.map((c) => (c.body as { to: string[] }).to.length).sort()).toEqual([200, 500, 500]);
    expect([...deliveredTo(ids).values()].every((n) => n === 1)).toBe(true);
    await b.fake.waitFor(() => true);
    for (let i = 0; i < 100 && (await receipts(job.id)).sent !== 1200; i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(await receipts(job.id)).toEqual({ sent: 1200 });
    // One message serves everyone: the Apply button carries the command itself (tracked for the funnel).
    expect(JSON.stringify(calls[0]?.body)).toContain(`"data":"alert-apply:${job.id}"`);

    // Two workers press Apply (one twice); one of them goes on to apply. Staff see the funnel.
    const tap = (externalId: string) =>
      b.send('funnel', [
        b.event(
          'funnel',
          {
            type: 'postback',
            source: { type: 'user', userId: externalId },
            postback: { data: `alert-apply:${job.id}` },
          },
          { replyToken: null },
        ),
      ]);
    await tap(ids[0] ?? '');
    await tap(ids[0] ?? '');
    await tap(ids[1] ?? '');
    // A third opens the job's details from the alert (and doesn't apply).
    const before2 = b.fake.calls.length;
    await b.send('funnel', [
      b.event(
        'funnel',
        {
          type: 'postback',
          source: { type: 'user', userId: ids[2] ?? '' },
          postback: { data: `alert-open:${job.id}` },
        },
        { replyToken: null },
      ),
    ]);
    await b.fake.waitFor(() =>
      b.fake.calls
        .slice(before2)
        .some((c) => c.path === '/v2/bot/message/push' && JSON.stringify(c.body).includes('データ入力')),
    );
    const yes = (externalId: string, data: string) =>
      b.send('funnel', [
        b.event(
          'funnel',
          { type: 'postback', source: { type: 'user', userId: externalId }, postback: { data } },
          { replyToken: null },
        ),
      ]);
    await yes(ids[1] ?? '', 'skip');
    await yes(ids[1] ?? '', 'yes');
    const staffConsole = await b.console('funnel-staff', ['admin'], { name: '管理者' });
    expect(await staffConsole.say(`応募者 ${job.id}`)).toContain(
      'ジョブアラート: 送信 1200件 → 求人を開いた 3人 → 応募 1件',
    );
  });

  it('stays exactly once when a relay dies after a page or after claiming, and when a batch is queued twice', async () => {
    await pauseAllAlerts();
    const ids = await seedWorkers('c', 700);
    const { job } = await b.app.domain.jobs.post(await staff(), {
      title: '再送確認',
      reward: { type: 'fixed', yen: 5000 },
      remote: true,
      status: 'open',
    });
    // A relay matches the page (batches and receipts committed with the cursor), claims the
    // batches, and dies before queueing them.
    expect(await matchAll()).toEqual({ matched: 700, batches: 2 });
    expect(await b.app.store.notifications.claimBatches(100)).toHaveLength(2);
    expect(await receipts(job.id)).toEqual({ queued: 700 });
    // Leased: the next relays leave them alone, and the finished page is not matched again.
    await relayAll();
    expect(deliveredTo(ids).size).toBe(0);
    // The lease lapses; two relays now race over the same batches.
    await db.query(
      `update fanout_batches set queued_at = now() - interval '2 minutes' where kind = 'job.alert' and subject_id = $1`,
      [job.id],
    );
    await Promise.all([b.app.notifications.relayOnce(), b.app.notifications.relayOnce()]);
    await relayAll();
    await b.fake.waitFor(() => deliveredTo(ids).size === 700, 10_000);
    for (let i = 0; i < 100 && (await receipts(job.id)).sent !== 700; i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(await receipts(job.id)).toEqual({ sent: 700 });
    // A batch queued again after it went out (a stale lease, an operator's retry) sends nothing.
    const { rows } = await db.query(
      `select id from fanout_batches where kind = 'job.alert' and subject_id = $1 order by id`,
      [job.id],
    );
    await b.app.queue
      .producer(multicastJob('notify-line-multicast'))
      .addBulk(rows.map((r) => ({ data: { batchId: Number(r.id) }, options: { id: `again-${r.id}` } })));
    await new Promise((r) => setTimeout(r, 500));
    expect([...deliveredTo(ids).values()].every((n) => n === 1)).toBe(true);
    expect(deliveredTo(ids).size).toBe(700);
  });

  it('cancels alerts not yet sent when the job closes first, and stops matching', async () => {
    await pauseAllAlerts();
    const ids = await seedWorkers('d', 50);
    const actor = await staff();
    const post = (title: string) =>
      b.app.domain.jobs.post(actor, {
        title,
        reward: { type: 'fixed', yen: 3000 },
        remote: true,
        status: 'open',
      });
    // Matched and batched, then closed before the batch went out.
    const { job } = await post('すぐ締切');
    await matchAll();
    await b.app.domain.jobs.close(actor, job.id);
    // Closed before its fan-out even started.
    const { job: early } = await post('もっと早く締切');
    await b.app.domain.jobs.close(actor, early.id);
    await relayAll();
    for (let i = 0; i < 100 && (await receipts(job.id))['failed:job_closed'] !== 50; i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await receipts(job.id)).toEqual({ 'failed:job_closed': 50 });
    expect(await receipts(early.id)).toEqual({});
    const { rows } = await db.query(
      `select subject_id as job_id, status, matched from fanout_runs where kind = 'job.alert' and subject_id = any($1) order by subject_id`,
      [[job.id, early.id]],
    );
    expect(rows).toEqual([
      { job_id: job.id, status: 'done', matched: 50 },
      { job_id: early.id, status: 'cancelled', matched: 0 },
    ]);
    expect(deliveredTo(ids).size).toBe(0);
  });

  it('uses the fallback platform for a worker LINE cannot reach, and skips one reachable nowhere', async () => {
    await pauseAllAlerts();
    const [blocked, nowhere] = await seedWorkers('e', 2);
    await db.query(`update platform_identities set unreachable_at = now() where external_id = any($1)`, [
      [blocked, nowhere],
    ]);
    await db.query(
      `insert into platform_identities (user_id, platform, workspace, external_id, created_at)
       select user_id, 'console', 'local', 'fallback-console', now() from platform_identities where external_id = $1`,
      [blocked],
    );
    const { job } = await b.app.domain.jobs.post(await staff(), {
      title: 'フォールバック',
      reward: { type: 'fixed', yen: 3000 },
      remote: true,
      status: 'open',
    });
    await relayAll();
    const { rows } = await db.query(
      `select r.platform, r.status, r.reason, r.outbox_id is not null as one_by_one from fanout_receipts r
        where r.kind = 'job.alert' and r.subject_id = $1 order by r.platform nulls last`,
      [job.id],
    );
    expect(rows).toEqual([
      // Queued on the console user's own queue, until they open a chat session.
      { platform: 'console', status: 'queued', reason: null, one_by_one: true },
      { platform: null, status: 'failed', reason: 'unreachable', one_by_one: false },
    ]);
  });

  it('waits out 429s from the multicast limit and still delivers each once', async () => {
    await pauseAllAlerts();
    const ids = await seedWorkers('f', 1500);
    b.fake.setRates({ multicast: 1 });
    try {
      await b.app.domain.jobs.post(await staff(), {
        title: '混雑時',
        reward: { type: 'fixed', yen: 3000 },
        remote: true,
        status: 'open',
      });
      const before = b.fake.calls.length;
      await relayAll();
      await b.fake.waitFor(() => deliveredTo(ids).size === 1500, 20_000);
      expect(b.fake.calls.slice(before).some((c) => c.status === 429)).toBe(true);
      expect([...deliveredTo(ids).values()].every((n) => n === 1)).toBe(true);
    } finally {
      b.fake.setRates({ multicast: 200 });
    }
  }, 30_000);
});

describe('quiet hours', () => {
  it('hold a worker’s alert until their quiet window ends, while the others get it at once', async () => {
    await pauseAllAlerts();
    const [sleeper, awake] = await seedWorkers('g', 2);
    await db.query(
      `insert into alert_preferences (user_id, quiet_start, quiet_end, paused, updated_at)
       select user_id, '11:00', '13:00', false, now() from platform_identities where external_id = $1
       on conflict (user_id) do update set quiet_start = '11:00', quiet_end = '13:00', paused = false`,
      [sleeper],
    );
    await db.query(
      `update alert_preferences set paused = false where user_id in
         (select user_id from platform_identities where external_id = $1)`,
      [awake],
    );
    // 12:59:58 in Tokyo: the window ends in two seconds.
    b.clock.set('2026-11-20T03:59:58Z');
    const { job } = await b.app.domain.jobs.post(await staff(), {
      title: '静かな時間',
      reward: { type: 'fixed', yen: 3000 },
      remote: true,
      status: 'open',
    });
    await relayAll();
    await b.fake.waitFor(() => deliveredTo([awake ?? '']).size === 1, 5000);
    expect(deliveredTo([sleeper ?? '']).size).toBe(0);
    const counts = await b.app.queue.counts();
    expect(counts['notify-line']?.delayed).toBe(1);
    // Held, not dropped: it goes out when the window ends.
    await b.fake.waitFor(() => deliveredTo([sleeper ?? '']).size === 1, 8000);
    expect(JSON.stringify(b.fake.delivered.find((d) => d.to === sleeper)?.messages)).toContain('静かな時間');
    expect(job.id).toBeGreaterThan(0);
  });
});

describe('the monthly quota', () => {
  it('ends a batch without retrying and records why', async () => {
    const quota = await openLineBench('fanoutquota', { fake: { monthlyLimit: 0 } });
    const q = new pg.Client({ connectionString: quota.schema.url });
    await q.connect();
    try {
      await quota.app.notifications.stop();
      await q.query(
        `with u as (insert into users (display_name, locale, roles, created_at, updated_at)
                    select 'q' || g, 'ja', '{worker}', now(), now() from generate_series(1, 10) g returning id)
         insert into platform_identities (user_id, platform, workspace, external_id, created_at)
         select id, 'line', '', 'Uq' || id, now() from u`,
      );
      const { rows } = await q.query(
        `insert into users (display_name, locale, roles, created_at, updated_at) values ('s', 'ja', '{staff}', now(), now()) returning id`,
      );
      const { job } = await quota.app.domain.jobs.post(
        { userId: Number(rows[0].id), roles: ['staff'], companyId: null },
        { title: '上限', reward: { type: 'fixed', yen: 1000 }, remote: true, status: 'open' },
      );
      await quota.app.notifications.relayOnce();
      const status = async () =>
        (
          await q.query(
            `select b.status, b.reason, b.attempts, count(r.*)::int as recipients
               from fanout_batches b join fanout_recipients r on r.batch_id = b.id and r.status = b.status
                and r.reason = b.reason
              where b.kind = 'job.alert' and b.subject_id = $1 group by 1, 2, 3`,
            [job.id],
          )
        ).rows;
      for (let i = 0; i < 100 && (await status())[0]?.status !== 'failed'; i++)
        await new Promise((r) => setTimeout(r, 50));
      expect(await status()).toEqual([
        { status: 'failed', reason: 'line_monthly_limit', attempts: 1, recipients: 10 },
      ]);
      await new Promise((r) => setTimeout(r, 1500));
      expect(quota.fake.calls.filter((c) => c.path === '/v2/bot/message/multicast')).toHaveLength(1);
    } finally {
      await q.end();
      await quota.close();
    }
  });
});

describe('limits', () => {
  it('no request broke a documented LINE limit', () => {
    expect(b.fake.violations).toEqual([]);
  });
});
