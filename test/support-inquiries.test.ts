import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DomainBench, openDomainBench, refusal } from './helpers/domain.ts';
import { type SupportWorld, supportWorld, warmPool } from './support-fixture.ts';

let bench: DomainBench;
let w: SupportWorld;

beforeAll(async () => {
  bench = await openDomainBench('support_inquiries');
  w = await supportWorld(bench);
});
afterAll(() => bench?.close());

const outboxOf = async (type: string, inquiryId: number) =>
  (await bench.outbox({ type })).filter((r) => r.payload.inquiryId === inquiryId);

describe('opening an inquiry', () => {
  it('starts as received and notifies each support member and the sales rep once', async () => {
    const created = await w.inquiries.create(w.customerA, {
      categoryId: w.category('broadcast').id,
      subtopicId: w.category('broadcast').subtopics[0]?.id ?? null,
      storeId: w.shibuya.id,
      comment: '  BGMの音量を下げたいです。  ',
    });
    expect(created.record).toMatchObject({
      status: 'received',
      companyId: w.companyA,
      storeId: w.shibuya.id,
      createdBy: w.customerA.userId,
      assigneeId: null,
      comment: 'BGMの音量を下げたいです。',
      completedAt: null,
    });
    const rows = await outboxOf('inquiry.created', created.record.id);
    expect(rows.map((r) => r.recipientUserId).sort()).toEqual(
      [w.support1.userId, w.support2.userId, w.salesRep.userId].sort(),
    );
    expect(rows.map((r) => r.dedupeKey)).toContain(
      `inquiry.created:${created.record.id}:${w.support1.userId}`,
    );
    expect(created.notified.sort()).toEqual(rows.map((r) => r.recipientUserId).sort());
    expect(await bench.audit('inquiry.created')).toContainEqual({
      action: 'inquiry.created',
      actorUserId: w.customerA.userId,
      subjectId: created.record.id,
    });
  });

  it('notifies nobody when the company has no staff assigned (the Slack desk channel picks it up)', async () => {
    const created = await w.inquiries.create(w.customerB, {
      categoryId: w.category('billing').id,
      storeId: w.storeB.id,
      comment: '請求書の金額を確認したいです。',
    });
    expect(created.notified).toEqual([]);
    expect(await outboxOf('inquiry.created', created.record.id)).toEqual([]);
  });

  it('opens a new-store consultation without a store', async () => {
    const inquiry = await w.open(w.customerA, {
      categoryId: w.category('new_store').id,
      storeId: null,
      comment: '来春、名古屋に出店予定です。',
    });
    expect(inquiry.storeId).toBeNull();
  });

  it('stores the attachments as files of the opening comment', async () => {
    const photo = await bench.upload('speaker.jpg', 'jpeg bytes', 'image/jpeg');
    const created = await w.inquiries.create(w.customerA, {
      categoryId: w.category('repair').id,
      storeId: w.shibuya.id,
      comment: '写真を添付します。',
      attachments: [photo],
    });
    expect(created.attachments).toEqual([
      expect.objectContaining({
        inquiryId: created.record.id,
        messageId: null,
        name: 'speaker.jpg',
        mime: 'image/jpeg',
        size: photo.size,
        storageKey: photo.storageKey,
        uploadedBy: w.customerA.userId,
      }),
    ]);
    const detail = await w.reads.get(w.support1, created.record.id);
    expect(detail.history[0]?.attachments.map((a) => a.name)).toEqual(['speaker.jpg']);
    expect(await bench.ctx.files.exists(photo.storageKey)).toBe(true);
  });

  it('refuses a store, sub-topic or category that does not fit', async () => {
    const repair = w.category('repair');
    const base = { categoryId: repair.id, storeId: w.shibuya.id, comment: '故障です。' };
    expect(await refusal(w.inquiries.create(w.customerA, { ...base, storeId: null }))).toBe(
      'support.store_required',
    );
    expect(await refusal(w.inquiries.create(w.customerA, { ...base, storeId: w.storeB.id }))).toBe(
      'support.store_not_found',
    );
    expect(
      await refusal(
        w.inquiries.create(w.customerA, { ...base, subtopicId: w.category('billing').subtopics[0]?.id ?? 0 }),
      ),
    ).toBe('support.subtopic_mismatch');
    expect(await refusal(w.inquiries.create(w.customerA, { ...base, categoryId: 999_999 }))).toBe(
      'support.category_not_found',
    );
  });

  it('requires a comment of at most 4,000 characters, counting an emoji as one', async () => {
    const base = { categoryId: w.category('repair').id, storeId: w.shibuya.id };
    expect(await refusal(w.inquiries.create(w.customerA, { ...base, comment: ' 　\n' }))).toBe(
      'support.comment_required',
    );
    expect(await refusal(w.inquiries.create(w.customerA, { ...base, comment: 'あ'.repeat(4001) }))).toBe(
      'support.comment_too_long',
    );
    const longest = await w.open(w.customerA, { comment: '🔊'.repeat(4000) });
    expect([...longest.comment]).toHaveLength(4000);
  });

  it('refuses more than ten attachments at once', async () => {
    const file = await bench.upload('a.txt', 'a');
    const attachments = Array.from({ length: 11 }, () => file);
    expect(
      await refusal(
        w.inquiries.create(w.customerA, {
          categoryId: w.category('other').id,
          storeId: w.shibuya.id,
          comment: 'x',
          attachments,
        }),
      ),
    ).toBe('support.too_many_attachments');
  });

  it('lets only customers open inquiries', async () => {
    const input = { categoryId: w.category('repair').id, storeId: w.shibuya.id, comment: '故障です。' };
    for (const actor of [w.support1, w.worker, w.clientA]) {
      expect(await refusal(w.inquiries.create(actor, input))).toBe('forbidden');
    }
  });

  it('refers a new inquiry to a completed one of the same company only', async () => {
    const earlier = await w.open();
    expect(await refusal(w.open(w.customerA, { refersToId: earlier.id }))).toBe(
      'support.reference_not_completed',
    );
    await w.inquiries.resolve(w.support1, earlier.id);
    const followUp = await w.open(w.customerA, { refersToId: earlier.id });
    expect(followUp.refersToId).toBe(earlier.id);
    expect(await refusal(w.open(w.customerB, { storeId: w.storeB.id, refersToId: earlier.id }))).toBe(
      'support.reference_not_completed',
    );
  });

  it('gives twenty inquiries opened at once twenty distinct sequential ids', async () => {
    await warmPool(bench, 10);
    const created = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        w.open(i % 2 === 0 ? w.customerA : w.customerA2, { comment: `同時${i}` }),
      ),
    );
    const ids = created.map((c) => c.id).sort((a, b) => a - b);
    expect(new Set(ids).size).toBe(20);
    expect((ids.at(-1) ?? 0) - (ids[0] ?? 0)).toBe(19);
  });
});

describe('the life of an inquiry', () => {
  it('goes received → in progress → completed, notifying the customer of each status once', async () => {
    const inquiry = await w.open();
    const taken = await w.inquiries.take(w.support1, inquiry.id);
    expect(taken).toMatchObject({ status: 'in_progress', assigneeId: w.support1.userId });
    const resolved = await w.inquiries.resolve(w.support1, inquiry.id);
    expect(resolved).toMatchObject({ status: 'completed', assigneeId: w.support1.userId });
    expect(resolved.completedAt).toEqual(bench.clock());

    const rows = await outboxOf('inquiry.status', inquiry.id);
    expect(rows.map((r) => [r.recipientUserId, r.payload.status, r.dedupeKey])).toEqual([
      [w.customerA.userId, 'in_progress', `inquiry.status:${inquiry.id}:in_progress:${w.customerA.userId}`],
      [w.customerA.userId, 'completed', `inquiry.status:${inquiry.id}:completed:${w.customerA.userId}`],
    ]);
    expect((await bench.audit('inquiry.taken')).filter((a) => a.subjectId === inquiry.id)).toHaveLength(1);
    expect((await bench.audit('inquiry.resolved')).filter((a) => a.subjectId === inquiry.id)).toHaveLength(1);
  });

  it('resolves a received inquiry directly, recording the resolver as assignee', async () => {
    const inquiry = await w.open();
    const resolved = await w.inquiries.resolve(w.support2, inquiry.id);
    expect(resolved).toMatchObject({ status: 'completed', assigneeId: w.support2.userId });
  });

  it('refuses to resolve twice, to take a completed inquiry and to comment on it', async () => {
    const inquiry = await w.open();
    await w.inquiries.resolve(w.support1, inquiry.id);
    const outboxBefore = (await bench.outbox()).length;
    expect(await refusal(w.inquiries.resolve(w.support1, inquiry.id))).toBe('support.already_completed');
    expect(await refusal(w.inquiries.take(w.support2, inquiry.id))).toBe('support.already_completed');
    expect(await refusal(w.inquiries.addMessage(w.customerA, inquiry.id, { body: 'まだ直りません。' }))).toBe(
      'support.inquiry_completed',
    );
    expect(await refusal(w.inquiries.addMessage(w.support1, inquiry.id, { body: '追記です。' }))).toBe(
      'support.inquiry_completed',
    );
    expect(await bench.outbox()).toHaveLength(outboxBefore);
  });

  it('lets only one of two simultaneous resolves win', async () => {
    const inquiry = await w.open();
    await warmPool(bench, 2);
    const results = await Promise.allSettled([
      w.inquiries.resolve(w.support1, inquiry.id),
      w.inquiries.resolve(w.support2, inquiry.id),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected');
    expect((failed as PromiseRejectedResult).reason.key).toBe('support.already_completed');
    expect(await outboxOf('inquiry.status', inquiry.id)).toHaveLength(1);
  });

  it('reassigns an in-progress inquiry to the staff member who takes it, without telling the customer again', async () => {
    const inquiry = await w.open();
    await w.inquiries.take(w.support1, inquiry.id);
    const retaken = await w.inquiries.take(w.otherStaff, inquiry.id);
    expect(retaken).toMatchObject({ status: 'in_progress', assigneeId: w.otherStaff.userId });
    expect(await outboxOf('inquiry.status', inquiry.id)).toHaveLength(1);
    expect((await bench.audit('inquiry.taken')).filter((a) => a.subjectId === inquiry.id)).toHaveLength(2);
  });

  it('changes and writes nothing when the assignee takes their own inquiry again', async () => {
    const inquiry = await w.open();
    const first = await w.inquiries.take(w.support1, inquiry.id);
    const outboxBefore = (await bench.outbox()).length;
    const auditBefore = (await bench.audit()).length;
    bench.clock.advance(60_000);
    expect(await w.inquiries.take(w.support1, inquiry.id)).toEqual(first);
    expect(await bench.outbox()).toHaveLength(outboxBefore);
    expect(await bench.audit()).toHaveLength(auditBefore);
  });

  it('lets only staff take and resolve', async () => {
    const inquiry = await w.open();
    for (const actor of [w.customerA, w.worker, w.clientA]) {
      expect(await refusal(w.inquiries.take(actor, inquiry.id))).toBe('forbidden');
      expect(await refusal(w.inquiries.resolve(actor, inquiry.id))).toBe('forbidden');
    }
    expect((await w.reads.get(w.support1, inquiry.id)).inquiry.status).toBe('received');
  });

  it('answers an unknown inquiry number as not found', async () => {
    expect(await refusal(w.inquiries.take(w.support1, 999_999))).toBe('support.inquiry_not_found');
    expect(await refusal(w.reads.get(w.support1, 999_999))).toBe('support.inquiry_not_found');
  });
});

describe('the conversation', () => {
  it('sends an unassigned customer message to the company’s support members, not the sales rep', async () => {
    const inquiry = await w.open();
    const sent = await w.inquiries.addMessage(w.customerA2, inquiry.id, { body: '追加で確認です。' });
    const rows = await outboxOf('inquiry.message', inquiry.id);
    expect(rows.map((r) => r.recipientUserId).sort()).toEqual([w.support1.userId, w.support2.userId].sort());
    expect(rows.map((r) => r.dedupeKey).sort()).toEqual(
      [
        `inquiry.message:${sent.record.id}:${w.support1.userId}`,
        `inquiry.message:${sent.record.id}:${w.support2.userId}`,
      ].sort(),
    );
  });

  it('sends a customer message to the assignee once taken, and a staff reply to the customer who opened it', async () => {
    const inquiry = await w.open();
    await w.inquiries.take(w.otherStaff, inquiry.id);
    const question = await w.inquiries.addMessage(w.customerA, inquiry.id, { body: 'いつ頃来られますか?' });
    const answer = await w.inquiries.addMessage(w.support1, inquiry.id, { body: '明日の午前に伺います。' });
    const rows = await outboxOf('inquiry.message', inquiry.id);
    expect(rows.map((r) => [r.payload.messageId, r.recipientUserId])).toEqual([
      [question.record.id, w.otherStaff.userId],
      [answer.record.id, w.customerA.userId],
    ]);
  });

  it('never notifies people of their own change, and someone in two roles only once', async () => {
    // A support member of company C who is also one of its customers opens an inquiry.
    const companyC = await bench.company('株式会社C');
    const dual = await bench.user(['customer', 'staff'], { companyId: companyC });
    const colleague = await bench.user(['staff']);
    const store = await w.setup.createStore(w.admin, {
      companyId: companyC,
      name: '神戸店',
      prefecture: '兵庫県',
    });
    for (const userId of [dual.userId, colleague.userId]) {
      await w.setup.assignStaff(w.admin, { companyId: companyC, userId, role: 'support' });
    }
    // The colleague is also the sales rep: one notification, not one per role.
    await w.setup.assignStaff(w.admin, { companyId: companyC, userId: colleague.userId, role: 'sales_rep' });
    const created = await w.inquiries.create(dual, {
      categoryId: w.category('repair').id,
      storeId: store.id,
      comment: '自分で起票します。',
    });
    expect(created.notified).toEqual([colleague.userId]);
    expect(await outboxOf('inquiry.created', created.record.id)).toHaveLength(1);
    const reply = await w.inquiries.addMessage(dual, created.record.id, { body: '自分で返信します。' });
    expect(reply.notified).toEqual([]);
  });

  it('takes a photo on its own, but not an empty message', async () => {
    const inquiry = await w.open();
    const photo = await bench.upload('after.png', 'png bytes', 'image/png');
    const sent = await w.inquiries.addMessage(w.customerA, inquiry.id, { body: ' ', attachments: [photo] });
    expect(sent.record.body).toBe('');
    expect(sent.attachments.map((a) => [a.name, a.messageId])).toEqual([['after.png', sent.record.id]]);
    expect(await refusal(w.inquiries.addMessage(w.customerA, inquiry.id, { body: '  ' }))).toBe(
      'support.comment_required',
    );
  });

  it('moves the inquiry’s update time with every message and status change', async () => {
    const inquiry = await w.open();
    bench.clock.advance(60_000);
    await w.inquiries.addMessage(w.customerA, inquiry.id, { body: 'よろしくお願いします。' });
    const afterMessage = (await w.reads.get(w.customerA, inquiry.id)).inquiry.updatedAt;
    expect(afterMessage).toEqual(bench.clock());
    bench.clock.advance(60_000);
    await w.inquiries.take(w.support1, inquiry.id);
    expect((await w.reads.get(w.customerA, inquiry.id)).inquiry.updatedAt).toEqual(bench.clock());
    expect(afterMessage.getTime()).toBeGreaterThan(inquiry.createdAt.getTime());
  });

  it('shows the whole history in order, each message with its author’s side and files', async () => {
    const inquiry = await w.open(w.customerA, { comment: '音が出ません。' });
    await w.inquiries.take(w.support1, inquiry.id);
    const log = await bench.upload('log.txt', 'error 42');
    await w.inquiries.addMessage(w.support1, inquiry.id, { body: 'ログを送ります。', attachments: [log] });
    await w.inquiries.addMessage(w.customerA2, inquiry.id, { body: '確認しました。' });
    const detail = await w.reads.get(w.customerA, inquiry.id);
    expect(
      detail.history.map((h) => [h.author.displayName, h.author.side, h.body, h.attachments.length]),
    ).toEqual([
      ['店長A', 'customer', '音が出ません。', 0],
      ['佐藤', 'staff', 'ログを送ります。', 1],
      ['副店長A', 'customer', '確認しました。', 0],
    ]);
    expect(detail).toMatchObject({
      company: { id: w.companyA, name: '株式会社サウンドA' },
      store: { id: w.shibuya.id, name: '渋谷店' },
      category: { code: 'repair' },
      assignee: { userId: w.support1.userId, side: 'staff' },
    });
    expect(detail.history[1]?.attachments[0]).toMatchObject({ name: 'log.txt', storageKey: log.storageKey });
  });
});

describe('who may see and write an inquiry', () => {
  it('hides another company’s inquiry from a customer, reading, writing or referring', async () => {
    const inquiry = await w.open();
    expect(await refusal(w.reads.get(w.customerB, inquiry.id))).toBe('support.inquiry_not_found');
    expect(await refusal(w.inquiries.addMessage(w.customerB, inquiry.id, { body: 'こんにちは。' }))).toBe(
      'support.inquiry_not_found',
    );
    expect((await outboxOf('inquiry.message', inquiry.id)).length).toBe(0);
  });

  it('lets every customer of the company and any staff member read and write', async () => {
    const inquiry = await w.open();
    expect((await w.reads.get(w.customerA2, inquiry.id)).inquiry.id).toBe(inquiry.id);
    expect((await w.reads.get(w.otherStaff, inquiry.id)).inquiry.id).toBe(inquiry.id);
    await w.inquiries.addMessage(w.customerA2, inquiry.id, { body: '私からも。' });
    await w.inquiries.addMessage(w.admin, inquiry.id, { body: '管理者です。' });
  });

  it('refuses workers and clients, even a client of the same company', async () => {
    const inquiry = await w.open();
    for (const actor of [w.worker, w.clientA]) {
      expect(await refusal(w.reads.get(actor, inquiry.id))).toBe('forbidden');
      expect(await refusal(w.inquiries.addMessage(actor, inquiry.id, { body: 'x' }))).toBe('forbidden');
    }
  });
});
