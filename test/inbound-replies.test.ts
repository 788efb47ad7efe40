/**
 * No reply is lost (src/chat/inbound.ts): when LINE refuses every attempt to deliver the answer to an
 * event, the event is not done. Its queue job fails (retried, then visible as failed until
 * `queue:retry`), and the retry sends the reply that was kept, once, without running the command again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LineBench, lineUserId, openLineBench, seenIn } from './helpers/line.ts';

let b: LineBench;
let jobId = 0;

beforeAll(async () => {
  b = await openLineBench('inbound-replies');
  const staff = await b.console('inbound-staff', ['staff']);
  const { job } = await b.app.domain.jobs.post(
    { userId: staff.userId, roles: ['staff'], companyId: null },
    {
      title: 'データ入力の確認',
      reward: { type: 'fixed', yen: 5000 },
      skills: [],
      status: 'open',
      openings: 5,
    },
  );
  jobId = job.id;
}, 30_000);

afterAll(async () => {
  await b?.close();
});

const repliesTo = (name: string, text: string) =>
  b.fake.delivered.filter((d) => d.to === lineUserId(name) && JSON.stringify(d.messages).includes(text));

const applications = async (name: string) => {
  const user = await b.app.store.users.findByIdentity({
    platform: 'line',
    workspace: '',
    externalId: lineUserId(name),
  });
  if (!user) return 0;
  const page = await b.app.domain.applications.listMine(
    { userId: user.id, roles: user.roles, companyId: user.companyId },
    { limit: 10, offset: 0 },
  );
  return page.total;
};

describe('a reply LINE refused', () => {
  it('is sent by the job’s own retry, once, and the command ran once', async () => {
    expect(jobId).toBeGreaterThan(0);
    await b.follow('retry-worker', { displayName: '再送', language: 'ja' });
    // The reply token and the first job attempt's pushes (the client tries each call 4 times) fail.
    b.fake.failNext('/v2/bot/message/reply', 1);
    b.fake.failNext('/v2/bot/message/push', 4);
    const event = b.event('retry-worker', {
      message: {
        id: `M${Date.now()}`,
        type: 'text',
        quoteToken: 'q',
        text: `応募 ${jobId} よろしくお願いします`,
      },
    });
    await b.post(JSON.stringify({ destination: 'Ubot', events: [event] }));
    await b.fake.waitFor(() => repliesTo('retry-worker', 'に応募しました').length > 0, 20_000);
    await new Promise((r) => setTimeout(r, 1500));
    expect(repliesTo('retry-worker', 'に応募しました')).toHaveLength(1);
    expect(await applications('retry-worker')).toBe(1);
  }, 30_000);

  it('waits as a failed job until `queue:retry`, then reaches the user once', async () => {
    await b.follow('outage-worker', { displayName: '障害', language: 'ja' });
    // LINE is down for every attempt of the job (5 attempts, 4 tries a call).
    b.fake.failNext('/v2/bot/message/reply', 5);
    b.fake.failNext('/v2/bot/message/push', 200);
    const before = (await b.app.queue.counts(['line-inbound']))['line-inbound']?.failed ?? 0;
    const event = b.event('outage-worker', {
      message: {
        id: `M${Date.now()}x`,
        type: 'text',
        quoteToken: 'q',
        text: `応募 ${jobId} 在宅で対応できます`,
      },
    });
    await b.post(JSON.stringify({ destination: 'Ubot', events: [event] }));
    for (let i = 0; i < 300; i++) {
      const failed = (await b.app.queue.counts(['line-inbound']))['line-inbound']?.failed ?? 0;
      if (failed > before) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect((await b.app.queue.counts(['line-inbound']))['line-inbound']?.failed).toBe(before + 1);
    expect(repliesTo('outage-worker', 'に応募しました')).toHaveLength(0);
    expect(await applications('outage-worker')).toBe(1);

    // LINE is back; the operator replays the failed job.
    b.fake.reset();
    expect(await b.app.queue.retryFailed('line-inbound')).toBe(1);
    await b.fake.waitFor(() => repliesTo('outage-worker', 'に応募しました').length > 0, 10_000);
    await new Promise((r) => setTimeout(r, 500));
    const pushed = repliesTo('outage-worker', 'に応募しました');
    expect(pushed).toHaveLength(1);
    // The reply the command gave the first time (its application number), not a second run's refusal.
    expect(seenIn(pushed[0]?.messages ?? []).text).toMatch(/に応募しました\(応募 #\d+\)/);
    expect(await applications('outage-worker')).toBe(1);
  }, 60_000);
});
