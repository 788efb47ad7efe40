/**
 * Demo data for the support desk: two customer companies with stores across Japan, staff assigned
 * to them, customers, and inquiries in every status (with messages both ways and a photo).
 */
import type { Actor } from '../../src/domain/actor.ts';
import type { DomainContext } from '../../src/domain/context.ts';
import type { DomainServices } from '../../src/domain/services.ts';
import type { DemoPeople, PersonFactory, UploadFactory } from './demo.ts';

const STORES: Record<string, [string, string][]> = {
  soundlife: [
    ['渋谷店', '東京都'],
    ['新宿東口店', '東京都'],
    ['横浜西口店', '神奈川県'],
    ['梅田店', '大阪府'],
    ['名駅店', '愛知県'],
  ],
  hokuto: [
    ['札幌大通店', '北海道'],
    ['仙台一番町店', '宮城県'],
    ['博多駅前店', '福岡県'],
  ],
};

export async function seedSupport(
  ctx: DomainContext,
  s: DomainServices,
  people: DemoPeople,
  person: PersonFactory,
  upload: UploadFactory,
): Promise<Record<string, number>> {
  const [staff1, staff2, staff3] = people.staff as [Actor, Actor, Actor];
  const admin = people.admin;
  const companies = await ctx.uow.run(async (tx) => ({
    soundlife: await tx.companies.insert({
      slug: 'soundlife',
      name: '株式会社サウンドライフ',
      introduction: '全国で生活雑貨店を展開しています。',
    }),
    hokuto: await tx.companies.insert({
      slug: 'hokuto',
      name: '北斗ドラッグ株式会社',
      introduction: '北日本と九州のドラッグストアです。',
    }),
  }));
  let storeCount = 0;
  const stores: Record<string, number[]> = { soundlife: [], hokuto: [] };
  for (const [slug, list] of Object.entries(STORES)) {
    const company = companies[slug as keyof typeof companies];
    for (const [name, prefecture] of list) {
      const store = await s.supportSetup.createStore(admin, { companyId: company.id, name, prefecture });
      stores[slug]?.push(store.id);
      storeCount++;
    }
  }
  for (const company of Object.values(companies)) {
    await s.supportSetup.assignStaff(admin, {
      companyId: company.id,
      userId: staff1.userId,
      role: 'sales_rep',
    });
    await s.supportSetup.assignStaff(admin, {
      companyId: company.id,
      userId: staff2.userId,
      role: 'support',
    });
    await s.supportSetup.assignStaff(admin, {
      companyId: company.id,
      userId: staff3.userId,
      role: 'support',
    });
  }
  const customers = [
    await person(ctx, 'customer1', '店長 伊藤(渋谷店)', ['customer'], companies.soundlife.id),
    await person(ctx, 'customer2', '店長 渡辺(梅田店)', ['customer'], companies.soundlife.id),
    await person(ctx, 'customer3', '店長 小林(札幌大通店)', ['customer'], companies.hokuto.id),
    await person(ctx, 'customer4', '本部 加藤', ['customer'], companies.hokuto.id),
  ] as [Actor, Actor, Actor, Actor];

  const categories = await s.supportDirectory.categories(admin);
  const category = (code: string) => {
    const c = categories.find((x) => x.code === code);
    if (!c) throw new Error(`demo: no inquiry category ${code}`);
    return c;
  };
  const subtopic = (code: string) => category(code).subtopics[0]?.id ?? null;
  const [shibuya, , , umeda] = stores.soundlife as number[];
  const [sapporo] = stores.hokuto as number[];

  // received: just opened, with a photo.
  const photo = await upload(ctx, '店内スピーカー.jpg', 'demo-jpeg-bytes', 'image/jpeg');
  await s.inquiries.create(customers[0], {
    categoryId: category('repair').id,
    subtopicId: subtopic('repair'),
    storeId: shibuya ?? null,
    comment: '店内奥のスピーカーから音が出ません。写真を添付します。',
    attachments: [photo],
  });
  // in progress: taken by support, a conversation going on.
  const bgm = await s.inquiries.create(customers[1], {
    categoryId: category('broadcast').id,
    subtopicId: subtopic('broadcast'),
    storeId: umeda ?? null,
    comment: '年末のセール期間だけBGMの番組を変更できますか?',
  });
  await s.inquiries.take(staff2, bgm.record.id);
  await s.inquiries.addMessage(staff2, bgm.record.id, {
    body: '可能です。ご希望の期間と番組をお知らせください。',
  });
  await s.inquiries.addMessage(customers[1], bgm.record.id, {
    body: '12月20日〜31日で、クリスマス特集をお願いします。',
  });
  // completed, and a follow-up referring to it.
  const billing = await s.inquiries.create(customers[2], {
    categoryId: category('billing').id,
    subtopicId: subtopic('billing'),
    storeId: sapporo ?? null,
    comment: '11月分の請求書の宛名を本部に変更してください。',
  });
  await s.inquiries.take(staff3, billing.record.id);
  await s.inquiries.addMessage(staff3, billing.record.id, {
    body: '宛名を変更した請求書を再発行しました。',
    attachments: [await upload(ctx, '請求書_11月_再発行.pdf', 'demo-pdf', 'application/pdf')],
  });
  await s.inquiries.resolve(staff3, billing.record.id);
  // new-store consultation: no store yet.
  await s.inquiries.create(customers[3], {
    categoryId: category('new_store').id,
    subtopicId: subtopic('new_store'),
    comment: '来春に那覇で新規出店を予定しています。音響設備のご相談をさせてください。',
  });
  return { companies: 2, stores: storeCount, customers: customers.length, inquiries: 4 };
}
