/** メッセージ: starting and reusing conversations, sending, history, unread counts and who may see what. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/domain/actor.ts';
import { MAX_MESSAGE, MessageService } from '../src/domain/market/messages.ts';
import { type DomainBench, openDomainBench, refusal } from './helpers/domain.ts';

let b: DomainBench;
let messages: MessageService;

beforeAll(async () => {
  b = await openDomainBench('mkt_msg');
  messages = new MessageService(b.ctx);
});
afterAll(async () => {
  await b?.close();
});

const job = (createdBy: number | null, status: 'draft' | 'open' = 'open') =>
  b.ctx.uow.run((tx) => tx.work.jobs.insert({ title: 'LP制作', rewardYen: 50000, status, createdBy }));
const minute = 60_000;

describe('starting a conversation', () => {
  it('reuses the one conversation of a pair, whoever starts it', async () => {
    const client = await b.user(['client']);
    const worker = await b.user(['worker']);
    const first = await messages.consultWorker(client, worker.userId);
    expect(first.created).toBe(true);
    const again = await messages.startConversation(worker, client.userId);
    expect(again).toEqual({ conversation: first.conversation, created: false });
    expect(
      (await b.audit('market.conversation_started')).filter((a) => a.subjectId === first.conversation.id),
    ).toHaveLength(1);
  });

  it('keeps a separate conversation per job, reused for the same job', async () => {
    const client = await b.user(['client']);
    const worker = await b.user(['worker']);
    const j1 = await job(client.userId);
    const j2 = await job(client.userId);
    const plain = await messages.consultWorker(client, worker.userId);
    const about1 = await messages.askAboutJob(worker, j1.id);
    const about2 = await messages.askAboutJob(worker, j2.id);
    expect(about1.conversation.jobId).toBe(j1.id);
    expect(new Set([plain.conversation.id, about1.conversation.id, about2.conversation.id]).size).toBe(3);
    const fromClient = await messages.startConversation(client, worker.userId, { jobId: j1.id });
    expect(fromClient.conversation.id).toBe(about1.conversation.id);
  });

  it('opens exactly one conversation when both sides start at the same moment', async () => {
    const client = await b.user(['client']);
    const worker = await b.user(['worker']);
    const results = await Promise.all([
      messages.consultWorker(client, worker.userId),
      messages.startConversation(worker, client.userId),
      messages.consultWorker(client, worker.userId),
    ]);
    expect(new Set(results.map((r) => r.conversation.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const members = await b.ctx.uow.run((tx) =>
      tx.market.conversationMembers.find({ conversationId: results[0]?.conversation.id ?? 0 }),
    );
    expect(members.map((m) => m.userId).sort()).toEqual([client.userId, worker.userId].sort());
  });

  it('asks about a job only when it is published and has a poster', async () => {
    const worker = await b.user(['worker']);
    const client = await b.user(['client']);
    expect(await refusal(messages.askAboutJob(worker, (await job(client.userId, 'draft')).id))).toBe(
      'market.job_not_found',
    );
    expect(await refusal(messages.askAboutJob(worker, (await job(null)).id))).toBe('market.job_no_contact');
    expect(await refusal(messages.askAboutJob(worker, 999_999))).toBe('market.job_not_found');
    expect(await refusal(messages.askAboutJob(client, (await job(client.userId)).id))).toBe(
      'market.cannot_message_self',
    );
  });

  it('refuses a job conversation between two people neither of whom posted the job', async () => {
    const poster = await b.user(['client']);
    const a = await b.user(['worker']);
    const c = await b.user(['client']);
    const j = await job(poster.userId);
    expect(await refusal(messages.startConversation(a, c.userId, { jobId: j.id }))).toBe(
      'market.job_not_yours',
    );
  });

  it('consults only workers, never oneself, and only among marketplace users', async () => {
    const client = await b.user(['client']);
    const other = await b.user(['client']);
    const customer = await b.user(['customer']);
    const worker = await b.user(['worker']);
    expect(await refusal(messages.consultWorker(client, other.userId))).toBe('market.worker_not_found');
    expect(await refusal(messages.startConversation(client, client.userId))).toBe(
      'market.cannot_message_self',
    );
    expect(await refusal(messages.startConversation(client, customer.userId))).toBe('market.user_not_found');
    expect(await refusal(messages.startConversation(client, 999_999))).toBe('market.user_not_found');
    expect(await refusal(messages.consultWorker(customer, worker.userId))).toBe('forbidden');
  });
});

describe('sending', () => {
  it('trims the body and notifies the other member exactly once, never the sender', async () => {
    const client = await b.user(['client'], { name: '山田商事 山田' });
    const worker = await b.user(['worker']);
    const { conversation } = await messages.consultWorker(client, worker.userId);
    const sent = await messages.send(client, conversation.id, '  はじめまして。ご相談があります。 \n');
    expect(sent.body).toBe('はじめまして。ご相談があります。');
    const toWorker = await b.outbox({ type: 'market.message', recipientUserId: worker.userId });
    expect(toWorker).toHaveLength(1);
    expect(toWorker[0]).toMatchObject({
      dedupeKey: `market.message:${sent.id}:${worker.userId}`,
      payload: { conversationId: conversation.id, messageId: sent.id, senderName: '山田商事 山田' },
    });
    expect(await b.outbox({ type: 'market.message', recipientUserId: client.userId })).toHaveLength(0);
    expect(
      (await b.audit('market.message_sent')).filter((a) => a.subjectId === conversation.id),
    ).toHaveLength(1);
  });

  it('refuses an empty body and one over 4,000 characters, counting an emoji as one', async () => {
    const client = await b.user(['client']);
    const worker = await b.user(['worker']);
    const { conversation } = await messages.consultWorker(client, worker.userId);
    expect(await refusal(messages.send(client, conversation.id, ' \n\t '))).toBe('market.message_empty');
    expect(await refusal(messages.send(client, conversation.id, 'あ'.repeat(MAX_MESSAGE + 1)))).toBe(
      'market.message_too_long',
    );
    const longest = await messages.send(client, conversation.id, '😀'.repeat(MAX_MESSAGE));
    expect([...longest.body]).toHaveLength(MAX_MESSAGE);
  });

  it('lets no one outside the conversation read, send or mark it read, staff included', async () => {
    const client = await b.user(['client']);
    const worker = await b.user(['worker']);
    const outsider = await b.user(['worker']);
    const staff = await b.user(['staff']);
    const { conversation } = await messages.consultWorker(client, worker.userId);
    await messages.send(client, conversation.id, '見積もりをお願いします');
    for (const who of [outsider, staff]) {
      expect(await refusal(messages.send(who, conversation.id, 'こんにちは'))).toBe('forbidden');
      expect(await refusal(messages.history(who, conversation.id))).toBe('forbidden');
      expect(await refusal(messages.markRead(who, conversation.id))).toBe('forbidden');
    }
    expect(await refusal(messages.history(client, 999_999))).toBe('market.conversation_not_found');
    expect((await messages.myConversations(outsider)).items.map((s) => s.conversation.id)).not.toContain(
      conversation.id,
    );
  });
});

describe('history and the conversation list', () => {
  it('pages the history oldest first', async () => {
    const client = await b.user(['client']);
    const worker = await b.user(['worker']);
    const { conversation } = await messages.consultWorker(client, worker.userId);
    for (let i = 1; i <= 5; i++) {
      b.clock.advance(minute);
      await messages.send(i % 2 ? client : worker, conversation.id, `message ${i}`);
    }
    const first = await messages.history(worker, conversation.id, { offset: 0, limit: 2 });
    expect(first.total).toBe(5);
    expect(first.items.map((m) => m.body)).toEqual(['message 1', 'message 2']);
    const last = await messages.history(worker, conversation.id, { offset: 4, limit: 2 });
    expect(last.items.map((m) => m.body)).toEqual(['message 5']);
  });

  it('lists my conversations by latest activity with unread counts, cleared by reading to the end', async () => {
    const me = await b.user(['worker']);
    const alice = await b.user(['client'], { name: 'Alice' });
    const bob = await b.user(['client'], { name: 'Bob' });
    const carol = await b.user(['client'], { name: 'Carol' });
    const withAlice = (await messages.consultWorker(alice, me.userId)).conversation;
    const withBob = (await messages.consultWorker(bob, me.userId)).conversation;
    b.clock.advance(minute);
    const withCarol = (await messages.consultWorker(carol, me.userId)).conversation;
    b.clock.advance(minute);
    await messages.send(alice, withAlice.id, 'one');
    b.clock.advance(minute);
    await messages.send(alice, withAlice.id, 'two');
    b.clock.advance(minute);
    await messages.send(bob, withBob.id, 'hello');
    b.clock.advance(minute);
    await messages.send(me, withBob.id, 'hi Bob');

    const list = await messages.myConversations(me);
    expect(list.total).toBe(3);
    expect(list.items.map((s) => s.conversation.id)).toEqual([withBob.id, withAlice.id, withCarol.id]);
    const [bobs, alices, carols] = list.items;
    // Replying marks what came before as read.
    expect(bobs).toMatchObject({ unread: 0, others: [{ userId: bob.userId, displayName: 'Bob' }] });
    expect(bobs?.lastMessage?.body).toBe('hi Bob');
    expect(alices).toMatchObject({ unread: 2, others: [{ userId: alice.userId, displayName: 'Alice' }] });
    expect(carols).toMatchObject({ unread: 0, lastMessage: null });

    // A page short of the newest message leaves it unread; reaching the end reads it.
    b.clock.advance(minute);
    await messages.history(me, withAlice.id, { offset: 0, limit: 1 });
    expect((await messages.myConversations(me)).items[1]?.unread).toBe(2);
    await messages.history(me, withAlice.id, { offset: 1, limit: 1 });
    expect((await messages.myConversations(me)).items[1]?.unread).toBe(0);

    b.clock.advance(minute);
    await messages.send(alice, withAlice.id, 'three');
    const after = await messages.myConversations(me, { offset: 0, limit: 1 });
    expect(after).toMatchObject({ total: 3, items: [{ conversation: { id: withAlice.id }, unread: 1 }] });
    b.clock.advance(minute);
    await messages.markRead(me, withAlice.id);
    expect((await messages.myConversations(me)).items[0]?.unread).toBe(0);
    // The other side's count is their own.
    expect((await messages.myConversations(alice)).items[0]?.unread).toBe(0);
  });

  it('reports the total even for a page past the end', async () => {
    const me: Actor = await b.user(['worker']);
    const other = await b.user(['client']);
    await messages.consultWorker(other, me.userId);
    expect(await messages.myConversations(me, { offset: 10, limit: 5 })).toEqual({ items: [], total: 1 });
  });
});
