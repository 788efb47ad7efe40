/**
 * Notification delivery v1: outbox → queue (job id = outbox id) → adapter push → receipt, on the
 * real PostgreSQL and Redis, with a recording adapter standing in for a platform.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReply } from '../adapters/console/render.ts';
import type { ChatAdapter, PushTarget } from '../src/chat/adapter.ts';
import { tokenButton } from '../src/chat/bot.ts';
import type { Reply } from '../src/chat/types.ts';
import type { Platform } from '../src/domain/platforms.ts';
import { chooseTarget, deliveryQueue, NotificationDelivery } from '../src/notifications/delivery.ts';
import { type JobQueue, PermanentJobError } from '../src/queue.ts';
import { createJobQueue } from '../src/wiring/bullmq.ts';
import { type ChatBench, openChatBench } from './helpers/chat.ts';
import { memoryLogger } from './helpers/logger.ts';
import { TEST_REDIS_URL, uniqueName } from './helpers/services.ts';

class RecordingAdapter implements ChatAdapter {
  readonly pushes: { target: PushTarget; reply: Reply }[] = [];
  fail: Error | null = null;
  readonly platform: Platform;
  constructor(platform: Platform) {
    this.platform = platform;
  }
  async push(target: PushTarget, reply: Reply): Promise<void> {
    if (this.fail) throw this.fail;
    this.pushes.push({ target, reply });
  }
}

let c: ChatBench;
let queue: JobQueue;
let delivery: NotificationDelivery;

const until = async (check: () => boolean | Promise<boolean>, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
};

beforeAll(async () => {
  c = await openChatBench('notify');
  queue = createJobQueue({
    connection: { kind: 'redis', url: TEST_REDIS_URL, prefix: uniqueName('notify') },
    logger: memoryLogger('silent').logger,
    runWorkers: true,
  });
  delivery = new NotificationDelivery({
    store: c.b.store.store,
    queue,
    logger: memoryLogger('silent').logger,
    timeZone: 'Asia/Tokyo',
    button: (userId, label, command) => tokenButton(c.b.store.store, userId, label, command, new Date()),
  });
});
afterAll(async () => {
  await queue?.close();
  await c?.close();
});

describe('notification delivery', () => {
  it('relays an outbox row once and pushes it to the recipient in their language, with a receipt', async () => {
    const client = await c.as('client-n', ['client'], { locale: 'en' });
    const worker = await c.as('worker-n', ['worker']);
    const { job } = await c.services.jobs.post(client.actor, {
      title: 'Data entry',
      reward: { type: 'fixed', yen: 5000 },
      status: 'open',
    });
    await c.services.applications.apply(worker.actor, job.id);
    const console = new RecordingAdapter('console');
    delivery.serve(deliveryQueue({ platform: 'console' }, client.actor.userId), console);

    const [row] = await c.b.outbox({ type: 'application.received', recipientUserId: client.actor.userId });
    if (!row) throw new Error('no outbox row');
    expect(await delivery.relayOnce()).toBeGreaterThanOrEqual(1);
    expect(await delivery.relayOnce()).toBe(0);
    await until(() => console.pushes.length === 1);
    const pushed = console.pushes[0];
    expect(pushed?.target).toMatchObject({ externalId: 'client-n', locale: 'en' });
    expect(renderReply(pushed?.reply ?? { blocks: [] }, 'en').text).toContain(`Application #`);
    await until(async () => (await c.b.store.store.notifications.getReceipt(row.id))?.status === 'sent');
    expect(await c.b.store.store.notifications.getReceipt(row.id)).toMatchObject({
      status: 'sent',
      platform: 'console',
      attempts: 1,
    });

    // A relay that crashed after enqueueing re-enqueues the same job id: still one delivery.
    await queue
      .producer({ queue: deliveryQueue({ platform: 'console' }, client.actor.userId), name: 'deliver' })
      .add(
        {
          outboxId: row.id,
          createdAt: new Date(row.createdAt).toISOString(),
          platform: 'console',
          workspace: 'local',
          externalId: 'client-n',
        },
        { id: await delivery.jobId('outbox', row.id) },
      );
    await new Promise((r) => setTimeout(r, 300));
    expect(console.pushes).toHaveLength(1);
  });

  it('sends a job alert as a card whose Apply button applies', async () => {
    const staff = await c.as('staff-n', ['staff']);
    const worker = await c.as('alert-worker', ['worker']);
    await c.services.alerts.update(worker.actor, { skills: ['翻訳'] });
    const console = new RecordingAdapter('console');
    delivery.serve(deliveryQueue({ platform: 'console' }, worker.actor.userId), console);
    const { job } = await c.services.jobs.post(staff.actor, {
      title: '翻訳の仕事',
      skills: ['翻訳'],
      remote: true,
      reward: { type: 'fixed', yen: 20000 },
      status: 'open',
    });
    await delivery.relayOnce();
    await until(() => console.pushes.length === 1);
    const reply = console.pushes[0]?.reply ?? { blocks: [] };
    const rendered = renderReply(reply, 'ja');
    expect(rendered.text).toContain('新しい募集案件のお知らせです。');
    expect(rendered.text).toContain('20,000円');
    // Pressing the button in the worker's chat applies to the job.
    const pressed = await c.bot.handle({
      id: `press-${job.id}`,
      platform: 'console',
      kind: 'action',
      payload: rendered.choices[0] ?? '',
      sender: { workspace: 'local', externalId: 'alert-worker' },
      conversation: { kind: 'direct', id: 'alert-worker' },
      receivedAt: new Date(),
    });
    expect(pressed.reply).not.toBeNull();
    // Applying asks for an optional message and a confirmation (the apply flow).
    for (const [i, text] of ['スキップ', 'はい'].entries()) {
      await c.bot.handle({
        id: `answer-${i}-${job.id}`,
        platform: 'console',
        kind: 'message',
        text,
        sender: { workspace: 'local', externalId: 'alert-worker' },
        conversation: { kind: 'direct', id: 'alert-worker' },
        receivedAt: new Date(),
      });
    }
    const mine = await c.services.applications.listMine(worker.actor, { offset: 0, limit: 10 });
    expect(mine.items.map((a) => a.jobId)).toContain(job.id);
  });

  it('records a permanent failure without retrying, and an unreachable recipient', async () => {
    const staff = await c.as('staff-p', ['staff']);
    const worker = await c.as('blocked-worker', ['worker']);
    const blocking = new RecordingAdapter('console');
    blocking.fail = new PermanentJobError('blocked', 'the user blocked the bot');
    delivery.serve(deliveryQueue({ platform: 'console' }, worker.actor.userId), blocking);
    await c.services.notices.publish(staff.actor, {
      kind: 'personal',
      title: '個別連絡',
      audience: { userId: worker.actor.userId },
    });
    const [row] = await c.b.outbox({ type: 'notice.published', recipientUserId: worker.actor.userId });
    if (!row) throw new Error('no outbox row');
    await delivery.relayOnce();
    await until(async () => (await c.b.store.store.notifications.getReceipt(row.id))?.status === 'failed');
    expect(await c.b.store.store.notifications.getReceipt(row.id)).toMatchObject({
      status: 'failed',
      reason: 'blocked',
      attempts: 1,
    });

    // Nobody to reach: the only identity is marked unreachable.
    const gone = await c.as('gone-worker', ['worker']);
    await c.services.identity.setReachable(
      { platform: 'console', workspace: 'local', externalId: 'gone-worker' },
      false,
    );
    await c.services.notices.publish(staff.actor, {
      kind: 'personal',
      title: '連絡',
      audience: { userId: gone.actor.userId },
    });
    const [goneRow] = await c.b.outbox({ type: 'notice.published', recipientUserId: gone.actor.userId });
    await delivery.relayOnce();
    expect(await c.b.store.store.notifications.getReceipt(goneRow?.id ?? 0)).toMatchObject({
      status: 'failed',
      reason: 'unreachable',
    });
  });

  it('uses the preferred platform when reachable and falls back otherwise', () => {
    const targets = [
      { platform: 'console' as const, workspace: 'local', externalId: 'a', reachable: true },
      { platform: 'line' as const, workspace: '', externalId: 'U1', reachable: false },
      { platform: 'slack' as const, workspace: 'T1', externalId: 'U2', reachable: true },
    ];
    expect(
      chooseTarget({ userId: 1, locale: 'ja', preferredPlatform: 'console', targets, quiet: null })?.platform,
    ).toBe('console');
    expect(
      chooseTarget({ userId: 1, locale: 'ja', preferredPlatform: 'line', targets, quiet: null })?.platform,
    ).toBe('slack');
    expect(
      chooseTarget({ userId: 1, locale: 'ja', preferredPlatform: null, targets: [], quiet: null }),
    ).toBeNull();
  });
});
