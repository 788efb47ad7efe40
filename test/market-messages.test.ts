/** メッセージ: starting and reusing conversations, sending, history, unread counts and who may see what. */
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOrm } from '../db/orm.ts';
import { createUnitOfWork } from '../db/unit-of-work.ts';
import type { Actor } from '../src/domain/actor.ts';
import { MAX_MESSAGE, MessageService } from '../src/domain/market/messages.ts';
import type { ConversationSummary } from '../src/domain/market/records.ts';
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

describe('the conversation list, row by row', () => {
  /** What each summary must be, worked out from the tables one record at a time. */
  const expected = (userId: number) =>
    b.ctx.uow.run(async (tx) => {
      const summaries: ConversationSummary[] = [];
      for (const mine of await tx.market.conversationMembers.find({ userId })) {
        const conversationId = mine.conversationId;
        const conversation = await tx.market.conversations.get(conversationId);
        if (!conversation) throw new Error(`conversation ${conversationId} missing`);
        const newestFirst = await tx.market.messages.find(
          { conversationId },
          { orderBy: { createdAt: 'desc', id: 'desc' } },
        );
        const others = [];
        for (const m of await tx.market.conversationMembers.find({ conversationId })) {
          if (m.userId === userId) continue;
          others.push({ userId: m.userId, displayName: (await tx.users.get(m.userId))?.displayName ?? '' });
        }
        const unread = newestFirst.filter(
          (m) => m.senderId !== userId && (mine.lastReadAt === null || m.createdAt > mine.lastReadAt),
        ).length;
        const team = conversation.teamId === null ? null : await tx.market.teams.get(conversation.teamId);
        summaries.push({
          conversation,
          others,
          teamName: team?.name ?? null,
          lastMessage: newestFirst[0] ?? null,
          unread,
        });
      }
      const activeAt = (s: ConversationSummary) =>
        (s.conversation.lastMessageAt ?? s.conversation.createdAt).getTime();
      return summaries.sort((x, y) => activeAt(y) - activeAt(x) || y.conversation.id - x.conversation.id);
    });

  it('matches the tables on every page, in at most two statements per call', async () => {
    const me = await b.user(['worker']);
    const people = [];
    for (const name of ['Dan', 'Eve', 'Fay', 'Gus', 'Hal']) people.push(await b.user(['client'], { name }));
    const [dan, eve, fay, gus, hal] = people as [Actor, Actor, Actor, Actor, Actor];
    b.clock.advance(minute);
    // Two conversations opened at the same moment and never used: the higher id comes first.
    const withDan = (await messages.consultWorker(dan, me.userId)).conversation;
    const withEve = (await messages.consultWorker(eve, me.userId)).conversation;
    b.clock.advance(minute);
    // About a job, with a third member: both others, in the order they joined.
    const j = await job(fay.userId);
    const aboutJob = (await messages.askAboutJob(me, j.id)).conversation;
    await b.ctx.uow.run((tx) =>
      tx.market.conversationMembers.insert({ conversationId: aboutJob.id, userId: hal.userId }),
    );
    await messages.send(fay, aboutJob.id, 'job 1');
    b.clock.advance(minute);
    // Messages sent at the same moment: the latest is the one with the higher id.
    const withGus = (await messages.consultWorker(gus, me.userId)).conversation;
    await messages.send(gus, withGus.id, 'same time 1');
    await messages.send(gus, withGus.id, 'same time 2');
    b.clock.advance(minute);
    await messages.send(hal, aboutJob.id, 'job 2');
    b.clock.advance(minute);
    await messages.markRead(me, aboutJob.id);
    b.clock.advance(minute);
    await messages.send(fay, aboutJob.id, 'job 3');
    // Mine do not count as unread, nor do theirs from before I read.
    b.clock.advance(minute);
    await messages.send(me, withEve.id, 'hello Eve');
    b.clock.advance(minute);
    await messages.send(eve, withEve.id, 'hi');
    await messages.send(eve, withEve.id, 'there');

    const all = await expected(me.userId);
    expect(all.map((s) => s.conversation.id)).toEqual([withEve.id, aboutJob.id, withGus.id, withDan.id]);
    expect(all.map((s) => s.unread)).toEqual([2, 1, 2, 0]);
    expect(all[1]?.others.map((o) => o.displayName)).toEqual(['Fay', 'Hal']);
    expect(all[2]?.lastMessage?.body).toBe('same time 2');
    expect(all[3]?.lastMessage).toBeNull();

    // The same service on a second connection that counts statements, as the query benchmark does.
    let statements = 0;
    const orm = await openOrm({
      clientUrl: b.store.schema.url,
      log: (message) => {
        const plain = stripVTControlCharacters(message);
        if (
          plain.includes('[query]') &&
          !/\[query\]\s*(begin|commit|rollback|savepoint|release)/i.test(plain)
        ) {
          statements++;
        }
      },
    });
    try {
      const counted = new MessageService({ ...b.ctx, uow: createUnitOfWork(orm) });
      await counted.myConversations(me); // warm-up: the first use of the connection checks the database
      for (const limit of [1, 2, 3, 4, 5]) {
        for (let offset = 0; offset <= all.length + 1; offset += limit) {
          const before = statements;
          const page = await counted.myConversations(me, { offset, limit });
          expect(page, `offset ${offset}, limit ${limit}`).toStrictEqual({
            items: all.slice(offset, offset + limit),
            total: all.length,
          });
          expect(statements - before).toBeLessThanOrEqual(2);
        }
      }
      // Each side sees its own unread count and the conversation from its side.
      const fays = await counted.myConversations(fay);
      expect(fays).toStrictEqual({ items: await expected(fay.userId), total: 1 });
      expect(fays.items[0]).toMatchObject({ unread: 0, lastMessage: { body: 'job 3' } });
      expect(fays.items[0]?.others.map((o) => o.userId)).toEqual([me.userId, hal.userId]);
    } finally {
      await orm.close();
    }
  });
});
