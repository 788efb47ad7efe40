import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DomainBench, openDomainBench, refusal } from './helpers/domain.ts';
import { type SupportWorld, supportWorld, warmPool } from './support-fixture.ts';

let bench: DomainBench;
let w: SupportWorld;

beforeAll(async () => {
  bench = await openDomainBench('support_setup');
  w = await supportWorld(bench);
});
afterAll(() => bench?.close());

describe('seeded inquiry categories', () => {
  it('lists the nine categories in order, each with both names and two to four sub-topics', async () => {
    const categories = await w.directory.categories(w.customerA);
    expect(categories.map((c) => c.nameJa)).toEqual([
      '放送プログラム',
      '支払・請求',
      '修理',
      '商品問合せ',
      '改装',
      '移転',
      '閉店',
      'その他',
      '新規出店のご相談',
    ]);
    for (const c of categories) {
      expect(c.nameEn, c.code).not.toBe('');
      expect(c.subtopics.length, c.code).toBeGreaterThanOrEqual(2);
      expect(c.subtopics.length, c.code).toBeLessThanOrEqual(4);
      expect(c.subtopics.every((s) => s.categoryId === c.id && s.nameJa !== '' && s.nameEn !== '')).toBe(
        true,
      );
    }
    expect(w.category('broadcast').subtopics.map((s) => s.nameJa)).toEqual(
      expect.arrayContaining(['BGM', 'CM']),
    );
  });

  it('needs a store for every category except the new-store consultation', async () => {
    const categories = await w.directory.categories(w.support1);
    expect(categories.filter((c) => !c.needsStore).map((c) => c.code)).toEqual(['new_store']);
  });

  it('shows categories to customers and staff only', async () => {
    expect(await refusal(w.directory.categories(w.worker))).toBe('forbidden');
    expect(await refusal(w.directory.categories(w.clientA))).toBe('forbidden');
  });
});

describe('stores', () => {
  it('completes the prefecture, defaults the region and stores text NFKC-normalized', async () => {
    const store = await w.setup.createStore(w.support1, {
      companyId: w.companyA,
      name: 'ＡＢＣ　新宿店',
      prefecture: '東京',
    });
    expect(store).toMatchObject({ name: 'ABC 新宿店', prefecture: '東京都', region: '関東' });
    expect(w.umeda).toMatchObject({ prefecture: '大阪府', region: '近畿' });
    expect((await bench.audit('support.store_created')).at(-1)).toMatchObject({
      actorUserId: w.support1.userId,
      subjectId: store.id,
    });
  });

  it('keeps a region the staff give', async () => {
    const store = await w.setup.createStore(w.admin, {
      companyId: w.companyB,
      name: '那覇店',
      prefecture: '沖縄県',
      region: '沖縄エリア',
    });
    expect(store.region).toBe('沖縄エリア');
  });

  it('refuses a store without a name, with an unknown prefecture or for no company', async () => {
    const base = { companyId: w.companyA, name: '池袋店', prefecture: '東京都' };
    expect(await refusal(w.setup.createStore(w.admin, { ...base, name: '  ' }))).toBe(
      'support.store_name_required',
    );
    expect(await refusal(w.setup.createStore(w.admin, { ...base, prefecture: '東京市' }))).toBe(
      'support.prefecture_invalid',
    );
    expect(await refusal(w.setup.createStore(w.admin, { ...base, companyId: 999_999 }))).toBe(
      'support.company_not_found',
    );
  });

  it('lets only staff create stores', async () => {
    const input = { companyId: w.companyA, name: '池袋店', prefecture: '東京都' };
    for (const actor of [w.customerA, w.worker, w.clientA]) {
      expect(await refusal(w.setup.createStore(actor, input))).toBe('forbidden');
    }
  });
});

describe('store search', () => {
  it('finds a customer’s stores by a free word typed full-width, over name, prefecture and region', async () => {
    const byName = await w.directory.searchStores(w.customerA, { word: '渋谷' });
    expect(byName.items.map((s) => s.id)).toEqual([w.shibuya.id]);
    const fullWidth = await w.directory.searchStores(w.customerA, { word: 'ａｂｃ　新宿' });
    expect(fullWidth.items.map((s) => s.name)).toEqual(['ABC 新宿店']);
    const byPrefecture = await w.directory.searchStores(w.customerA, { word: '大阪' });
    expect(byPrefecture.items.map((s) => s.id)).toEqual([w.umeda.id]);
    const byRegion = await w.directory.searchStores(w.customerA, { word: '関東' });
    expect(byRegion.items.map((s) => s.name).sort()).toEqual(['ABC 新宿店', '渋谷店']);
  });

  it('treats % and _ in the word as plain characters', async () => {
    expect((await w.directory.searchStores(w.customerA, { word: '%' })).total).toBe(0);
  });

  it('lists stores by region and the regions with their store counts', async () => {
    const kinki = await w.directory.searchStores(w.customerA, { region: '近畿' });
    expect(kinki.items.map((s) => s.id)).toEqual([w.umeda.id]);
    expect(await w.directory.storeRegions(w.customerA)).toEqual([
      { region: '近畿', stores: 1 },
      { region: '関東', stores: 2 },
    ]);
  });

  it('pages the stores with the total', async () => {
    const page = await w.directory.searchStores(w.customerA, {}, { offset: 1, limit: 1 });
    expect(page.total).toBe(3);
    expect(page.items).toHaveLength(1);
  });

  it('keeps a customer within their own company and lets staff name any company', async () => {
    expect(await refusal(w.directory.searchStores(w.customerA, { companyId: w.companyB }))).toBe('forbidden');
    expect((await w.directory.searchStores(w.customerB, { word: '渋谷' })).total).toBe(0);
    const asStaff = await w.directory.searchStores(w.otherStaff, { companyId: w.companyB, word: '札幌' });
    expect(asStaff.items.map((s) => s.id)).toEqual([w.storeB.id]);
    expect(await refusal(w.directory.searchStores(w.otherStaff, { word: '札幌' }))).toBe(
      'support.company_not_found',
    );
  });

  it('refuses workers and clients', async () => {
    expect(await refusal(w.directory.searchStores(w.worker, { companyId: w.companyA }))).toBe('forbidden');
    expect(await refusal(w.directory.searchStores(w.clientA, {}))).toBe('forbidden');
    expect(await refusal(w.directory.storeRegions(w.clientA))).toBe('forbidden');
  });
});

describe('staff assignment and support info', () => {
  it('shows the company’s sales rep and support members', async () => {
    const info = await w.directory.supportInfo(w.customerA);
    expect(info.company).toEqual({ id: w.companyA, name: '株式会社サウンドA' });
    expect(info.salesReps).toEqual([{ userId: w.salesRep.userId, displayName: '高橋' }]);
    expect(info.supportMembers.map((m) => m.displayName)).toEqual(['佐藤', '鈴木']);
  });

  it('shows an unstaffed company with nobody assigned', async () => {
    const info = await w.directory.supportInfo(w.customerB);
    expect(info.salesReps).toEqual([]);
    expect(info.supportMembers).toEqual([]);
  });

  it('lets staff read any company’s support info, and customers only their own', async () => {
    expect((await w.directory.supportInfo(w.otherStaff, w.companyB)).company.id).toBe(w.companyB);
    expect(await refusal(w.directory.supportInfo(w.customerA, w.companyB))).toBe('forbidden');
    expect(await refusal(w.directory.supportInfo(w.worker))).toBe('forbidden');
    expect(await refusal(w.directory.supportInfo(w.clientA))).toBe('forbidden');
  });

  it('assigns only staff, once: repeating an assignment writes nothing', async () => {
    const before = await bench.audit('support.staff_assigned');
    const again = await w.setup.assignStaff(w.admin, {
      companyId: w.companyA,
      userId: w.support1.userId,
      role: 'support',
    });
    expect(again.userId).toBe(w.support1.userId);
    expect(await bench.audit('support.staff_assigned')).toHaveLength(before.length);
    expect(
      await refusal(
        w.setup.assignStaff(w.admin, { companyId: w.companyA, userId: w.customerA.userId, role: 'support' }),
      ),
    ).toBe('support.not_staff_member');
  });

  it('takes concurrent identical assignments as one', async () => {
    const input = { companyId: w.companyB, userId: w.otherStaff.userId, role: 'sales_rep' as const };
    await warmPool(bench, 4);
    const rows = await Promise.all(
      [w.admin, w.support1, w.support2, w.salesRep].map((a) => w.setup.assignStaff(a, input)),
    );
    expect(new Set(rows.map((r) => r.id)).size).toBe(1);
    expect(
      (await bench.audit('support.staff_assigned')).filter((a) => a.subjectId === w.companyB),
    ).toHaveLength(1);
    expect((await w.directory.supportInfo(w.customerB)).salesReps.map((r) => r.userId)).toEqual([
      w.otherStaff.userId,
    ]);
    expect(await w.setup.unassignStaff(w.admin, input)).toBe(true);
    expect(await w.setup.unassignStaff(w.admin, input)).toBe(false);
    expect((await w.directory.supportInfo(w.customerB)).salesReps).toEqual([]);
  });

  it('lets only staff assign or unassign', async () => {
    const input = { companyId: w.companyA, userId: w.otherStaff.userId, role: 'support' as const };
    for (const actor of [w.customerA, w.worker, w.clientA]) {
      expect(await refusal(w.setup.assignStaff(actor, input))).toBe('forbidden');
      expect(await refusal(w.setup.unassignStaff(actor, input))).toBe('forbidden');
    }
  });
});
