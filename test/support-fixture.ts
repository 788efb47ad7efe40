/**
 * A support desk world for the support tests: two customer companies with stores, staff assigned to
 * the first, customers of each, and a worker and a client who have no business at the desk.
 */
import type { Actor } from '../src/domain/actor.ts';
import { type CategoryWithSubtopics, SupportDirectoryService } from '../src/domain/support/directory.ts';
import { InquiryService, type NewInquiryInput } from '../src/domain/support/inquiries.ts';
import { InquiryReadService } from '../src/domain/support/inquiry-reads.ts';
import type { InquiryRecord, StoreRecord } from '../src/domain/support/records.ts';
import { SupportSetupService } from '../src/domain/support/setup.ts';
import type { DomainBench } from './helpers/domain.ts';

export interface SupportWorld {
  setup: SupportSetupService;
  directory: SupportDirectoryService;
  inquiries: InquiryService;
  reads: InquiryReadService;
  companyA: number;
  companyB: number;
  admin: Actor;
  /** Assigned to company A as support members. */
  support1: Actor;
  support2: Actor;
  /** Company A's sales rep. */
  salesRep: Actor;
  /** Staff assigned to nobody. */
  otherStaff: Actor;
  customerA: Actor;
  customerA2: Actor;
  customerB: Actor;
  worker: Actor;
  /** A client belonging to company A: a company is not enough, the desk is for customers. */
  clientA: Actor;
  shibuya: StoreRecord;
  umeda: StoreRecord;
  storeB: StoreRecord;
  category: (code: string) => CategoryWithSubtopics;
  /** Opens an inquiry of customer A at 渋谷店 (repair unless said otherwise). */
  open(actor?: Actor, input?: Partial<NewInquiryInput>): Promise<InquiryRecord>;
}

export async function supportWorld(bench: DomainBench): Promise<SupportWorld> {
  const setup = new SupportSetupService(bench.ctx);
  const directory = new SupportDirectoryService(bench.ctx);
  const inquiries = new InquiryService(bench.ctx);
  const reads = new InquiryReadService(bench.ctx);
  const companyA = await bench.company('株式会社サウンドA');
  const companyB = await bench.company('株式会社ミュージックB');
  const admin = await bench.user(['admin'], { name: '管理者' });
  const support1 = await bench.user(['staff'], { name: '佐藤' });
  const support2 = await bench.user(['staff'], { name: '鈴木' });
  const salesRep = await bench.user(['staff'], { name: '高橋' });
  const otherStaff = await bench.user(['staff'], { name: '田中' });
  await setup.assignStaff(admin, { companyId: companyA, userId: support1.userId, role: 'support' });
  await setup.assignStaff(admin, { companyId: companyA, userId: support2.userId, role: 'support' });
  await setup.assignStaff(admin, { companyId: companyA, userId: salesRep.userId, role: 'sales_rep' });
  const customerA = await bench.user(['customer'], { name: '店長A', companyId: companyA });
  const customerA2 = await bench.user(['customer'], { name: '副店長A', companyId: companyA });
  const customerB = await bench.user(['customer'], { name: '店長B', companyId: companyB });
  const worker = await bench.user(['worker']);
  const clientA = await bench.user(['client'], { companyId: companyA });
  const shibuya = await setup.createStore(admin, {
    companyId: companyA,
    name: '渋谷店',
    prefecture: '東京都',
  });
  const umeda = await setup.createStore(admin, { companyId: companyA, name: '梅田店', prefecture: '大阪' });
  const storeB = await setup.createStore(admin, {
    companyId: companyB,
    name: '札幌店',
    prefecture: '北海道',
  });
  const categories = await directory.categories(admin);
  const category = (code: string) => {
    const found = categories.find((c) => c.code === code);
    if (!found) throw new Error(`no category ${code}`);
    return found;
  };
  return {
    setup,
    directory,
    inquiries,
    reads,
    companyA,
    companyB,
    admin,
    support1,
    support2,
    salesRep,
    otherStaff,
    customerA,
    customerA2,
    customerB,
    worker,
    clientA,
    shibuya,
    umeda,
    storeB,
    category,
    async open(actor = customerA, input = {}) {
      const created = await inquiries.create(actor, {
        categoryId: category('repair').id,
        storeId: shibuya.id,
        comment: '店内のスピーカーから音が出ません。',
        ...input,
      });
      return created.record;
    },
  };
}

/**
 * Opens `n` pooled connections at once, so that the next `n` transactions really run side by side:
 * from a cold pool the first transaction often finishes while the others still wait to connect.
 */
export async function warmPool(bench: DomainBench, n: number): Promise<void> {
  await Promise.all(
    Array.from({ length: n }, () =>
      bench.ctx.uow.run(async (tx) => {
        await tx.users.get(0);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }),
    ),
  );
}
