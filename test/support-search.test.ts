import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InquiryRecord } from '../src/domain/support/records.ts';
import { type DomainBench, openDomainBench, refusal } from './helpers/domain.ts';
import { type SupportWorld, supportWorld } from './support-fixture.ts';

let bench: DomainBench;
let w: SupportWorld;
/** i1…i5 by creation time; see beforeAll for who, where and when. */
let i1: InquiryRecord;
let i2: InquiryRecord;
let i3: InquiryRecord;
let i4: InquiryRecord;
let i5: InquiryRecord;

beforeAll(async () => {
  bench = await openDomainBench('support_search');
  w = await supportWorld(bench);
  const at = async <T>(iso: string, fn: () => Promise<T>) => {
    bench.clock.set(iso);
    return fn();
  };
  const a = await bench.upload('a.txt', 'first file');
  const b = await bench.upload('b.png', 'second file', 'image/png');
  const c = await bench.upload('c.pdf', 'third file', 'application/pdf');
  i1 = await at('2026-11-10T01:00:00Z', () => w.open(w.customerA, { attachments: [a] }));
  i2 = await at('2026-11-20T01:00:00Z', () =>
    w.open(w.customerA2, { categoryId: w.category('billing').id, storeId: w.umeda.id }),
  );
  // i3 at 23:59 on 30 November in Tokyo; i4 at 00:30 on 1 December in Tokyo (still 30 November in UTC).
  i3 = await at('2026-11-30T14:59:00Z', () =>
    w.open(w.customerA, { categoryId: w.category('new_store').id, storeId: null }),
  );
  i4 = await at('2026-11-30T15:30:00Z', () =>
    w.open(w.customerB, { storeId: w.storeB.id, attachments: [c] }),
  );
  i5 = await at('2026-12-05T01:00:00Z', () =>
    w.open(w.customerA, { categoryId: w.category('broadcast').id }),
  );
  await at('2026-12-05T02:00:00Z', () =>
    w.inquiries.addMessage(w.customerA, i5.id, { body: '写真です。', attachments: [b] }),
  );
  await at('2026-12-06T01:00:00Z', () => w.inquiries.take(w.support1, i1.id));
  await at('2026-12-07T01:00:00Z', () => w.inquiries.resolve(w.support1, i2.id));
});
afterAll(() => bench?.close());

const ids = (page: { items: { inquiry: InquiryRecord }[] }) => page.items.map((r) => r.inquiry.id);

describe('inquiry list (問い合わせ一覧)', () => {
  it('shows staff every company’s inquiries, newest update first', async () => {
    const page = await w.reads.search(w.otherStaff);
    expect(ids(page)).toEqual([i2.id, i1.id, i5.id, i4.id, i3.id]);
    expect(page.total).toBe(5);
  });

  it('shows a customer only their company’s inquiries, whoever opened them', async () => {
    expect(ids(await w.reads.search(w.customerA2))).toEqual([i2.id, i1.id, i5.id, i3.id]);
    expect(ids(await w.reads.search(w.customerB))).toEqual([i4.id]);
  });

  it('carries each row’s company, store, category and sub-topic', async () => {
    const page = await w.reads.search(w.support1, { storeId: w.umeda.id });
    expect(page.items[0]).toMatchObject({
      inquiry: { id: i2.id, status: 'completed' },
      companyName: '株式会社サウンドA',
      store: { name: '梅田店', prefecture: '大阪府' },
      category: { code: 'billing', nameJa: '支払・請求' },
      subtopic: null,
    });
    const noStore = await w.reads.search(w.support1, { categoryId: w.category('new_store').id });
    expect(noStore.items[0]?.store).toBeNull();
  });

  it('filters by category, store, status, prefecture and creator', async () => {
    const repair = w.category('repair').id;
    expect(ids(await w.reads.search(w.support1, { categoryId: repair }))).toEqual([i1.id, i4.id]);
    expect(ids(await w.reads.search(w.customerA, { categoryId: repair }))).toEqual([i1.id]);
    expect(ids(await w.reads.search(w.support1, { storeId: w.umeda.id }))).toEqual([i2.id]);
    expect(ids(await w.reads.search(w.support1, { status: 'received' }))).toEqual([i5.id, i4.id, i3.id]);
    expect(ids(await w.reads.search(w.support1, { status: 'in_progress' }))).toEqual([i1.id]);
    expect(ids(await w.reads.search(w.support1, { status: 'completed' }))).toEqual([i2.id]);
    expect(ids(await w.reads.search(w.support1, { prefecture: '東京' }))).toEqual([i1.id, i5.id]);
    expect(ids(await w.reads.search(w.support1, { prefecture: '北海道' }))).toEqual([i4.id]);
    expect(ids(await w.reads.search(w.support1, { createdBy: w.customerA2.userId }))).toEqual([i2.id]);
    expect(ids(await w.reads.search(w.support1, { companyId: w.companyB }))).toEqual([i4.id]);
    expect(
      ids(await w.reads.search(w.support1, { status: 'received', prefecture: '東京都', categoryId: repair })),
    ).toEqual([]);
  });

  it('filters the period by business dates in Tokyo, both ends included', async () => {
    // i3 was opened at 23:59 on 30 Nov and i4 at 00:30 on 1 Dec, Tokyo time.
    const december = await w.reads.search(w.support1, { period: { from: '2026-12-01' } });
    expect(ids(december)).toEqual([i5.id, i4.id]);
    const november = await w.reads.search(w.support1, {
      period: { from: '2026/11/20', to: '２０２６－１１－３０' },
    });
    expect(ids(november)).toEqual([i2.id, i3.id]);
    const oneDay = await w.reads.search(w.support1, { period: { from: '2026-11-10', to: '2026-11-10' } });
    expect(ids(oneDay)).toEqual([i1.id]);
  });

  it('refuses a period that is not dates or runs backwards, and an unknown prefecture', async () => {
    expect(await refusal(w.reads.search(w.support1, { period: { from: '2026-02-30' } }))).toBe(
      'support.period_invalid',
    );
    expect(
      await refusal(w.reads.search(w.support1, { period: { from: '2026-12-02', to: '2026-12-01' } })),
    ).toBe('support.period_invalid');
    expect(await refusal(w.reads.search(w.support1, { prefecture: 'Tokyo' }))).toBe(
      'support.prefecture_invalid',
    );
  });

  it('pages in order with the total on every page', async () => {
    const pages = await Promise.all(
      [0, 2, 4, 10].map((offset) => w.reads.search(w.support1, {}, { offset, limit: 2 })),
    );
    expect(pages.map(ids)).toEqual([[i2.id, i1.id], [i5.id, i4.id], [i3.id], []]);
    expect(pages.map((p) => p.total)).toEqual([5, 5, 5, 5]);
  });

  it('keeps a customer out of another company’s list', async () => {
    expect(await refusal(w.reads.search(w.customerA, { companyId: w.companyB }))).toBe('forbidden');
    // Another company's store as a filter finds nothing rather than that company's inquiries.
    expect((await w.reads.search(w.customerA, { storeId: w.storeB.id })).total).toBe(0);
  });

  it('refuses workers and clients', async () => {
    expect(await refusal(w.reads.search(w.worker))).toBe('forbidden');
    expect(await refusal(w.reads.search(w.clientA))).toBe('forbidden');
  });
});

describe('files list (ファイル)', () => {
  const names = (page: { items: { name: string }[] }) => page.items.map((f) => f.name);

  it('lists every attachment newest first, each with its file and inquiry', async () => {
    const page = await w.reads.files(w.support1);
    expect(names(page)).toEqual(['b.png', 'c.pdf', 'a.txt']);
    expect(page.total).toBe(3);
    expect(page.items[0]).toMatchObject({
      inquiryId: i5.id,
      mime: 'image/png',
      size: Buffer.byteLength('second file'),
      uploadedBy: w.customerA.userId,
    });
    expect(page.items[0]?.storageKey).toMatch(/^[0-9a-f]{64}$/);
    expect(page.items[0]?.messageId).not.toBeNull();
    expect(page.items[2]).toMatchObject({ inquiryId: i1.id, messageId: null });
  });

  it('shows a customer only their company’s files', async () => {
    expect(names(await w.reads.files(w.customerA))).toEqual(['b.png', 'a.txt']);
    expect(names(await w.reads.files(w.customerB))).toEqual(['c.pdf']);
    expect(await refusal(w.reads.files(w.customerA, { companyId: w.companyB }))).toBe('forbidden');
  });

  it('filters by the inquiry’s category, store, status and period', async () => {
    expect(names(await w.reads.files(w.support1, { categoryId: w.category('repair').id }))).toEqual([
      'c.pdf',
      'a.txt',
    ]);
    expect(names(await w.reads.files(w.support1, { storeId: w.shibuya.id }))).toEqual(['b.png', 'a.txt']);
    expect(names(await w.reads.files(w.support1, { status: 'in_progress' }))).toEqual(['a.txt']);
    expect(names(await w.reads.files(w.customerA, { period: { from: '2026-12-01' } }))).toEqual(['b.png']);
  });

  it('pages the files with the total', async () => {
    const second = await w.reads.files(w.support1, {}, { offset: 1, limit: 1 });
    expect(names(second)).toEqual(['c.pdf']);
    expect(second.total).toBe(3);
  });

  it('refuses workers and clients', async () => {
    expect(await refusal(w.reads.files(w.worker))).toBe('forbidden');
    expect(await refusal(w.reads.files(w.clientA))).toBe('forbidden');
  });
});
