/**
 * The desk around an inquiry in chat: staff set up a customer company (stores, sales rep, support
 * members), customers read their support info, the categories and their stores; then the inquiry
 * list's filters and pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChatBench, type ChatSession, openChatBench } from './helpers/chat.ts';

let c: ChatBench;
let companyA: number;
let companyB: number;
let staff: ChatSession;

const sql = (q: string, params: unknown[] = []) => c.b.store.orm.em.getConnection().execute(q, params);
const idIn = (printed: string) => Number(/(?:問い合わせID|Inquiry ID):(\d+)/.exec(printed)?.[1]);
const storeIdIn = (printed: string) => Number(/#(\d+) /.exec(printed)?.[1]);

beforeAll(async () => {
  c = await openChatBench('cmd_support_desk');
  companyA = await c.b.company('株式会社サウンドA');
  companyB = await c.b.company('株式会社ミュージックB');
  staff = await c.as('takahashi', ['staff'], { name: '高橋' });
});
afterAll(() => c?.close());

describe('setting up a customer company (staff)', () => {
  it('registers stores and assigns the sales rep and support members, shown in 基本情報', async () => {
    const sato = await c.as('sato-desk', ['staff'], { name: '佐藤' });
    expect(await staff.say(`店舗登録 #${companyA} 渋谷店 東京`)).toMatch(
      /#\d+ 渋谷店\(東京都\)を会社 #\d+ に登録しました\(地域: 関東\)。/,
    );
    expect(await staff.say(`店舗登録 #${companyA} 梅田 駅前店 大阪府`)).toContain('梅田 駅前店(大阪府)');
    expect(await staff.say(`店舗登録 #${companyA} 横浜店 神奈川`)).toContain('横浜店(神奈川県)');

    expect(await staff.say(`担当設定 #${companyA} #${staff.actor.userId} 担当営業`)).toContain(
      `ユーザー #${staff.actor.userId} を担当営業に設定しました。`,
    );
    const info = await staff.say(`担当設定 #${companyA} #${sato.actor.userId} サポート`);
    expect(info).toContain('担当営業: 高橋');
    expect(info).toContain('サポート担当: 佐藤');

    const customer = await c.as('tencho-desk', ['customer'], { companyId: companyA });
    const own = await customer.say('基本情報');
    expect(own).toContain('株式会社サウンドA の基本情報');
    // The call centre's numbers and hours from the desk's settings, and the operator's notes.
    expect(own).toContain('お急ぎの場合はコールセンター(0120-000-000)までお電話ください。');
    expect(own).toContain('受付時間は平日 9:30〜20:00、土日祝 9:30〜18:00です(休業日: 12月29日〜1月3日)。');
    // The bench's clock: Friday 20 November 2026, 12:00 in Tokyo.
    expect(own).toContain('本日の受付時間は9:30〜20:00で、ただいま受付中です。');
    expect(own).toContain('お電話でのお問い合わせ');
    expect(own).toContain('放送プログラム: 番組編成の確認が必要なため');
    expect(own).toContain('担当営業: 高橋');
    expect(own).toContain('サポート担当: 佐藤');
    expect(customer.choices()).toEqual(['カテゴリ', '店舗', '問い合わせ一覧']);

    expect(await staff.say(`基本情報 #${companyA}`)).toContain('サポート担当: 佐藤');
    expect(await staff.say(`担当解除 #${companyA} #${sato.actor.userId} サポート`)).toContain(
      'サポート担当: 未設定',
    );
    expect(await staff.say(`担当解除 #${companyA} #${sato.actor.userId} サポート`)).toContain(
      'サポート担当に設定されていませんでした。',
    );
  });

  it('answers the staff’s mistakes with usage lines and numbered messages', async () => {
    const worker = await c.as('worker-desk', ['worker']);
    expect(await staff.say('店舗登録 #1 渋谷店')).toContain('使い方: 店舗登録 <会社ID> <店舗名> <都道府県>');
    expect(await staff.say(`店舗登録 #${companyA} 渋谷店 東京市`)).toContain('[E315]');
    expect(await staff.say('店舗登録 #999999 渋谷店 東京')).toContain('[E301]');
    expect(await staff.say(`担当設定 #${companyA} #${worker.actor.userId} サポート`)).toContain('[E313]');
    expect(await staff.say(`担当設定 #${companyA} #${staff.actor.userId} 社長`)).toContain(
      '使い方: 担当設定',
    );
    expect(await staff.say('基本情報')).toContain('使い方: 基本情報 <会社ID>');
    expect(await staff.say('店舗')).toContain('使い方: 店舗 <会社ID>');
    const customer = await c.as('tencho-desk2', ['customer'], { companyId: companyA });
    expect(await customer.say(`店舗登録 #${companyA} 新宿店 東京`)).toContain(
      'このコマンドを実行する権限がありません。',
    );
    expect(await customer.say(`基本情報 #${companyB}`)).toContain('この操作を行う権限がありません。');
  });
});

describe('categories and stores', () => {
  it('lists categories with their sub-topics in the user’s language', async () => {
    const ja = await c.as('tencho-cat', ['customer'], { companyId: companyA });
    const en = await c.as('manager-cat', ['customer'], { companyId: companyA, locale: 'en' });
    const jaList = await ja.say('カテゴリ');
    expect(jaList).toContain('1. 放送プログラム (broadcast)');
    expect(jaList).toContain('3) 番組表・放送スケジュール');
    expect(jaList).toContain('9. 新規出店のご相談 (new_store)');
    expect(jaList).toContain('※ 店舗の指定は不要です');
    const enList = await en.say('categories');
    expect(enList).toContain('3. Repair (repair)');
    expect(enList).toContain('2) No sound or no picture');
    expect(enList).toContain('To open an inquiry, send “inquiry-new');
  });

  it('finds the customer’s stores by free word or region, never another company’s', async () => {
    await staff.say(`店舗登録 #${companyB} 札幌店 北海道`);
    const customer = await c.as('tencho-stores', ['customer'], { companyId: companyA, locale: 'en' });
    const all = await customer.say('stores');
    expect(all).toContain('Stores (3)');
    expect(all).not.toContain('札幌店');
    expect(customer.choices()).toEqual(['近畿 (1)', '関東 (2)']);
    const kanto = await customer.tap('関東');
    expect(kanto).toContain('Stores (2)');
    expect(kanto).toContain('横浜店');
    expect(kanto).not.toContain('梅田');
    // Every word must match.
    expect(await customer.say('stores 渋谷 大阪')).toContain('No store matches');
    expect(await customer.say('stores 渋谷　東京')).toContain('渋谷店');
    expect(await customer.say('stores 駅前')).toContain('梅田 駅前店');
    expect(await customer.say('stores 札幌')).toContain('No store matches “札幌”.');
    expect(await staff.say(`店舗 #${companyB}`)).toContain('札幌店');
  });
});

describe('問い合わせ一覧 filters and pages', () => {
  it('filters by status, category, store, prefecture, period and creator, newest update first', async () => {
    const owner = await c.as('tencho-list', ['customer'], { companyId: companyA });
    const colleague = await c.as('tencho-list2', ['customer'], { companyId: companyA });
    const stores = await owner.say('店舗 渋谷');
    const shibuya = storeIdIn(stores);
    const umeda = storeIdIn(await owner.say('店舗 梅田'));
    const repair = idIn(await owner.say(`問い合わせ 修理 #${shibuya} 音が出ません`));
    c.b.clock.advance(3600_000);
    const billing = idIn(await colleague.say(`問い合わせ billing #${umeda} 請求書について`));
    c.b.clock.advance(3600_000);
    await staff.say(`対応開始 ${repair}`);

    const newest = await owner.say('問い合わせ一覧');
    // Taking it made the repair inquiry the latest update.
    expect(newest.indexOf(`問い合わせID:${repair}`)).toBeLessThan(newest.indexOf(`問い合わせID:${billing}`));
    const onlyIn = async (filters: string) => {
      const out = await owner.say(`問い合わせ一覧 ${filters}`);
      return [out.includes(`問い合わせID:${repair} `), out.includes(`問い合わせID:${billing} `)];
    };
    expect(await onlyIn('対応中')).toEqual([true, false]);
    expect(await onlyIn('状態:受付中')).toEqual([false, true]);
    expect(await onlyIn('status:in_progress')).toEqual([true, false]);
    expect(await onlyIn('category:billing')).toEqual([false, true]);
    expect(await onlyIn('カテゴリ:3')).toEqual([true, false]);
    expect(await onlyIn(`store:#${umeda}`)).toEqual([false, true]);
    expect(await onlyIn('pref:東京')).toEqual([true, false]);
    expect(await onlyIn('都道府県:大阪府')).toEqual([false, true]);
    expect(await onlyIn('mine')).toEqual([true, false]);
    expect(await onlyIn('from:2026-11-20 to:2026-11-20')).toEqual([true, true]);
    expect(await onlyIn('from:2026-11-21')).toEqual([false, false]);
    // Without a year, a search date is the latest one up to today: 11/20 is this year's.
    expect(await onlyIn('from:11/20 to:11月20日')).toEqual([true, true]);
    expect(await owner.say('問い合わせ一覧 from:2026-11-21')).toContain('条件に合う問い合わせはありません。');
  });

  it('pages five at a time with next and previous buttons that keep the filters', async () => {
    const customer = await c.as('manager-pages', ['customer'], { companyId: companyB, locale: 'en' });
    const sapporo = storeIdIn(await customer.say('stores'));
    for (let i = 1; i <= 7; i++) {
      c.b.clock.advance(60_000);
      await customer.say(`inquiry-new other #${sapporo} Question number ${i}`);
    }
    await customer.say(`inquiry-new repair #${sapporo} A repair question, not other`);
    const first = await customer.say('inquiries category:other');
    expect(first).toContain('Inquiries (7, latest update first)');
    expect(first).toContain('Question number 7');
    expect(first).not.toContain('Question number 2');
    expect(customer.choices()).toContain('Next page');
    expect(customer.choices()).not.toContain('Previous page');
    const second = await customer.tap('Next page');
    expect(second).toContain('Question number 2');
    expect(second).toContain('Question number 1');
    expect(second).not.toContain('Question number 3');
    expect(customer.choices()).toContain('Previous page');
    expect(customer.choices()).not.toContain('Next page');
    expect(await customer.tap('Previous page')).toContain('Question number 7');
    expect(await customer.say('inquiries page:9')).toContain('Nothing on this page.');
  });

  it('says "1,000件以上" when there are more inquiries than the count stops at', async () => {
    const [customer] = (await sql(
      `insert into users (display_name, locale, roles, company_id) values ('大量', 'ja', '{customer}', ?) returning id`,
      [companyB],
    )) as { id: number }[];
    await sql(
      `insert into inquiries (company_id, store_id, category_id, status, created_by, comment, created_at, updated_at)
       select ?, null, (select id from inquiry_categories where code = 'new_store'), 'received', ?, '大量 ' || g,
              timestamptz '2026-01-01' + g * interval '1 minute', timestamptz '2026-01-01' + g * interval '1 minute'
         from generate_series(1, 1005) g`,
      [companyB, customer?.id],
    );
    const list = await staff.say(`問い合わせ一覧 会社:#${companyB}`);
    expect(list).toContain('問い合わせ一覧(1,000件以上、更新の新しい順)');
    expect(staff.choices()).toContain('次のページ');
  });
});
