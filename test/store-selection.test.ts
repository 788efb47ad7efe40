/**
 * Choosing the store of a new inquiry by region, prefecture or city, as a customer does on the
 * console: the region step (only when the stores are in several regions), the store list of the
 * region chosen, typed words (東京 is 東京都, 京都 is 京都府 and never 東京都, 横浜市 finds 横浜店),
 * candidates listed with their numbers, full-width input, English, the same flow as one form, and
 * 店舗 narrowing the same way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReply } from '../adapters/console/render.ts';
import type { ChatEvent } from '../src/chat/types.ts';
import type { Actor } from '../src/domain/actor.ts';
import type { StoreRecord } from '../src/domain/support/records.ts';
import { type ChatBench, type ChatSession, openChatBench } from './helpers/chat.ts';

let c: ChatBench;
let admin: Actor;
/** 関東: 東京都 渋谷店, 新宿店; 神奈川県 横浜店. 近畿: 大阪府 梅田店; 京都府 四条店. */
let companyId: number;
/** Sixteen stores in 関東 (fourteen in 東京都) and one in 近畿: more than the eleven listed. */
let bigId: number;
/** Two stores, both in 東京都: one region, so no region step. */
let oneRegionId: number;
const ids = new Map<string, number>();

async function addStores(company: number, stores: readonly (readonly [string, string])[]) {
  for (const [name, prefecture] of stores) {
    const s = await c.services.supportSetup.createStore(admin, { companyId: company, name, prefecture });
    ids.set(`${company}:${name}`, s.id);
  }
}

const idOf = (company: number, name: string) => ids.get(`${company}:${name}`) ?? 0;
const inquiryIdIn = (printed: string) => Number(/(?:問い合わせID|inquiry ID):(\d+)/.exec(printed)?.[1]);

/** 問い合わせ → 修理 → 機器の故障: the step after the sub-topic. */
async function startRepair(me: ChatSession): Promise<string> {
  await me.say('問い合わせ');
  await me.tap('修理');
  return me.tap('機器の故障');
}

/** From the store step on: the comment, no files, and yes; returns the store of the inquiry. */
async function finish(me: ChatSession, atComment: string): Promise<number | null> {
  expect(atComment).toContain('お問い合わせの内容を入力してください。');
  await me.say('音が出ません。');
  const summary = await me.say('完了');
  expect(summary).toContain('以下の内容でよろしいですか?');
  const id = inquiryIdIn(await me.say('はい'));
  expect(id).toBeGreaterThan(0);
  return (await c.services.inquiryReads.get(me.actor, id)).inquiry.storeId;
}

beforeAll(async () => {
  c = await openChatBench('store_selection');
  admin = await c.b.user(['admin']);
  companyId = await c.b.company('サウンド商会');
  await addStores(companyId, [
    ['渋谷店', '東京都'],
    ['新宿店', '東京'],
    ['横浜店', '神奈川県'],
    ['梅田店', '大阪'],
    ['四条店', '京都府'],
  ]);
  bigId = await c.b.company('チェーン商事');
  await addStores(bigId, [
    ...[
      '青山店',
      '赤坂店',
      '池袋店',
      '上野店',
      '恵比寿店',
      '大崎店',
      '荻窪店',
      '蒲田店',
      '吉祥寺店',
      '銀座店',
      '五反田店',
      '新宿東口店',
      '新宿西口店',
      '新宿南口店',
    ].map((name) => [name, '東京都'] as const),
    ['横浜駅前店', '神奈川県'],
    ['川崎店', '神奈川県'],
    ['なんば店', '大阪府'],
  ]);
  oneRegionId = await c.b.company('ワンリージョン');
  await addStores(oneRegionId, [
    ['渋谷店', '東京都'],
    ['新宿店', '東京都'],
  ]);
});
afterAll(() => c?.close());

describe('the region step of a new inquiry', () => {
  it('lists the regions with their store counts, then only the stores of the region chosen', async () => {
    const me = await c.as('kinki', ['customer'], { companyId });
    const region = await startRepair(me);
    expect(region).toContain('店舗のある地域を選んでください。');
    expect(me.choices()).toEqual(expect.arrayContaining(['関東(3店舗)', '近畿(2店舗)', 'スキップ']));

    const stores = await me.tap('近畿');
    expect(stores).toContain('対象の店舗を選ぶか');
    expect(stores).toContain('梅田店(大阪府)');
    expect(stores).toContain('四条店(京都府)');
    expect(stores).not.toContain('渋谷店');
    expect(stores).not.toContain('横浜店');
    expect(me.choices().filter((l) => l.endsWith(')'))).toHaveLength(2);

    // A word from another region: said so, with where it is, and how to choose another region.
    const elsewhere = await me.say('渋谷');
    expect(elsewhere).toContain(
      '「渋谷」に該当する店舗は「近畿」の中にはありませんが、ほかの地域に1件あります。',
    );
    expect(elsewhere).toContain('地域で「スキップ」するか');
    const nowhere = await me.say('札幌');
    expect(nowhere).toContain('「札幌」に該当する店舗は「近畿」の中にありません。');
    expect(nowhere).toContain('地域を選び直す場合は');

    const at = await me.tap('四条店');
    expect(await finish(me, at)).toBe(idOf(companyId, '四条店'));
  });

  it('narrows by a typed prefecture: 東京 is 東京都, 京都 is 京都府, 大阪 is 大阪府', async () => {
    const me = await c.as('tokyo', ['customer'], { companyId });
    await startRepair(me);
    const tokyo = await me.say('東京');
    expect(tokyo).toContain('対象の店舗を選ぶか');
    expect(tokyo).toContain('渋谷店(東京都)');
    expect(tokyo).toContain('新宿店(東京都)');
    expect(tokyo).not.toContain('横浜店');
    expect(tokyo).not.toContain('梅田店');
    // Inside 東京, a word of the name picks the store.
    expect(await finish(me, await me.say('新宿'))).toBe(idOf(companyId, '新宿店'));

    const kyoto = await c.as('kyoto', ['customer'], { companyId });
    await startRepair(kyoto);
    const kyotoStores = await kyoto.say('京都');
    expect(kyotoStores).toContain('四条店(京都府)');
    expect(kyotoStores).not.toContain('東京都');
    expect(await finish(kyoto, await kyoto.say('1'))).toBe(idOf(companyId, '四条店'));

    const osaka = await c.as('osaka', ['customer'], { companyId });
    await startRepair(osaka);
    const osakaStores = await osaka.say('大阪府');
    expect(osakaStores).toContain('梅田店(大阪府)');
    expect(osakaStores).not.toContain('四条店');
    expect(await finish(osaka, await osaka.say('梅田店'))).toBe(idOf(companyId, '梅田店'));
  });

  it('takes full-width and half-width kana input, a city with 市, and refuses what matches nothing', async () => {
    const me = await c.as('zenkaku', ['customer'], { companyId });
    await startRepair(me);
    // Half-width kana is folded and simply matches nothing; 北海道 has no store of this company.
    expect(await me.say('ｵｵｻｶ')).toContain('「オオサカ」に該当する地域・店舗はありません。');
    expect(await me.say('北海道')).toContain('「北海道」に該当する地域・店舗はありません。');
    expect(await me.say('99')).toContain('一覧から番号で選んでください。');
    // A city typed with 市 narrows to the stores named after it.
    const yokohama = await me.say('横浜市');
    expect(yokohama).toContain('横浜店(神奈川県)');
    expect(yokohama).not.toContain('渋谷店');
    expect(await finish(me, await me.say('１'))).toBe(idOf(companyId, '横浜店'));

    const wide = await c.as('zenkaku2', ['customer'], { companyId });
    await startRepair(wide);
    // 東京都 with the ideographic space after it, then the store by its id typed full-width.
    const tokyo = await wide.say('東京都　');
    expect(tokyo).toContain('渋谷店(東京都)');
    expect(tokyo).not.toContain('梅田店');
    const shibuya = idOf(companyId, '渋谷店');
    const chosen = await wide.say(
      `＃${String(shibuya).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))}`,
    );
    expect(await finish(wide, chosen)).toBe(shibuya);
  });
});

describe('typing at the store step', () => {
  it('after skipping the region: a city chooses, a word matching several lists them with numbers', async () => {
    const me = await c.as('skipper', ['customer'], { companyId });
    await startRepair(me);
    const all = await me.say('スキップ');
    expect(all).toContain('対象の店舗を選ぶか');
    for (const name of ['渋谷店', '新宿店', '横浜店', '梅田店', '四条店']) expect(all).toContain(name);

    // 東京 matches two stores: both listed with their numbers in the list, not just "ambiguous".
    const reply = await me.say('東京');
    // The candidates come first; the whole list follows, numbered the same way.
    const several = reply.slice(0, reply.indexOf('対象の店舗を選ぶか'));
    expect(several).toContain('該当する店舗が複数あります(2件)。');
    const number = /(\d+)\. 新宿店\(東京都\)/.exec(several)?.[1];
    expect(reply).toContain(`・${number}. 新宿店(東京都)`);
    expect(number).toBeDefined();
    expect(several).toMatch(/\d+\. 渋谷店\(東京都\)/);
    expect(several).not.toMatch(/\d+\. 梅田店/);
    const chosen = await me.say(String(number));
    expect(await finish(me, chosen)).toBe(idOf(companyId, '新宿店'));

    const city = await c.as('skipper2', ['customer'], { companyId });
    await startRepair(city);
    await city.say('スキップ');
    expect(await city.say('ｼﾌﾞﾔ')).toContain('「シブヤ」に該当する店舗が見つかりませんでした。');
    expect(await finish(city, await city.say('横浜'))).toBe(idOf(companyId, '横浜店'));
  });

  it('chooses past the eleven stores listed, by word or by number, in a company of many stores', async () => {
    const me = await c.as('chain', ['customer'], { companyId: bigId });
    await startRepair(me);
    expect(me.choices()).toEqual(expect.arrayContaining(['関東(16店舗)', '近畿(1店舗)']));
    const kanto = await me.tap('関東');
    const listed = me.choices().filter((l) => l.endsWith(')'));
    expect(listed).toHaveLength(11);
    expect(kanto).not.toContain('なんば店');

    // Where each store stands in the region's list (by name), as the flow numbers them.
    const order: StoreRecord[] = (
      await c.services.supportDirectory.lookupStores(me.actor, '', { within: '関東' }, { limit: 50 })
    ).items;
    expect(order).toHaveLength(16);
    const position = (name: string) => order.findIndex((s) => s.name === name) + 1;

    const shinjuku = await me.say('新宿');
    expect(shinjuku).toContain('該当する店舗が複数あります(3件)。');
    for (const name of ['新宿東口店', '新宿西口店', '新宿南口店'])
      expect(shinjuku).toContain(`${position(name)}. ${name}(東京都)`);
    // A store past the eleven shown is chosen by typing its number (a number the console does not
    // take for a button: past the list and its cancel button).
    const beyond = order[12];
    expect(listed).not.toContain(`${beyond?.name}(東京都)`);
    const byNumber = await me.say('13');
    expect(await finish(me, byNumber)).toBe(beyond?.id);

    const again = await c.as('chain2', ['customer'], { companyId: bigId });
    await startRepair(again);
    await again.tap('関東');
    expect(await again.say('99')).toContain('店舗の番号は1〜16の中から入力してください。');
    const last = order[15];
    expect(await finish(again, await again.say(String(last?.name)))).toBe(last?.id);
  });

  it('asks no region when every store is in one region', async () => {
    const me = await c.as('single', ['customer'], { companyId: oneRegionId });
    const step = await startRepair(me);
    expect(step).toContain('対象の店舗を選ぶか');
    expect(step).not.toContain('地域を選んでください');
    expect(await finish(me, await me.say('渋谷'))).toBe(idOf(oneRegionId, '渋谷店'));
  });
});

describe('in English', () => {
  it('asks the region and lists candidates in English', async () => {
    const me = await c.as('english', ['customer'], { companyId, locale: 'en' });
    await me.say('new-inquiry');
    await me.tap('Repair');
    const region = await me.say('skip');
    expect(region).toContain('Which region is the store in?');
    expect(me.choices()).toEqual(expect.arrayContaining(['関東 (3)', '近畿 (2)']));
    const kanto = await me.tap('関東');
    expect(kanto).toContain('Choose the store');
    expect(kanto).not.toContain('梅田店');
    expect(await me.say('店')).toContain('Several stores match (3).');
    expect(await me.say('梅田')).toContain('No store in “関東” matches “梅田”, but 1 in other regions do.');
    expect(await me.say('横浜')).toContain('Please describe your inquiry.');
    await me.say('No sound.');
    expect(await me.say('done')).toContain('Store: 横浜店(神奈川県)');
    expect(await me.say('yes')).toMatch(/inquiry ID:\d+/);
  });
});

describe('as one form (Slack and Discord modals)', () => {
  it('describes the region once a category is chosen, and parses a typed region and store', async () => {
    const me = await c.as('form', ['customer'], { companyId });
    const event: ChatEvent = {
      id: `form-${Date.now()}`,
      platform: 'console',
      kind: 'message',
      text: '',
      sender: { workspace: 'local', externalId: 'form' },
      conversation: { kind: 'direct', id: 'form' },
      receivedAt: new Date(),
    };
    const names = (spec: { fields: { name: string }[] }) => spec.fields.map((f) => f.name);
    expect(names(await c.bot.describeForm(event, 'inquiry'))).toEqual([
      'category',
      'subtopic',
      'store',
      'comment',
      'attachments',
    ]);
    const form = await c.bot.describeForm(event, 'inquiry');
    const repair = form.fields[0]?.choices?.find((x) => x.label === '修理');
    expect(repair).toBeDefined();
    const chosen = await c.bot.describeForm(event, 'inquiry', { category: String(repair?.value) });
    expect(names(chosen)).toEqual(['category', 'subtopic', 'region', 'store', 'comment', 'attachments']);
    const region = chosen.fields.find((f) => f.name === 'region');
    expect(region).toMatchObject({ optional: true, acceptsText: true });
    expect(region?.choices?.map((x) => x.label)).toEqual(
      expect.arrayContaining(['関東(3店舗)', '近畿(2店舗)']),
    );
    // Redescribed with the region, the store field offers that region's stores.
    const kinki = await c.bot.describeForm(event, 'inquiry', {
      category: String(repair?.value),
      region: '近畿',
    });
    expect(
      kinki.fields
        .find((f) => f.name === 'store')
        ?.choices?.map((x) => x.label)
        .sort(),
    ).toEqual(['四条店(京都府)', '梅田店(大阪府)'].sort());

    const raw = { category: String(repair?.value), subtopic: '', comment: 'BGMが止まります。' };
    const outside = await c.bot.submitForm(event, 'inquiry', { ...raw, region: '東京', store: '梅田' });
    expect(outside).toMatchObject({
      errors: {
        store: expect.stringContaining('「梅田」に該当する店舗は「東京」の中にはありませんが'),
      },
    });
    const several = await c.bot.submitForm(event, 'inquiry', { ...raw, region: '', store: '関東' });
    expect('errors' in several && several.errors.store).toContain('該当する店舗が複数あります(3件)。');
    const unknown = await c.bot.submitForm(event, 'inquiry', { ...raw, region: 'ｵｵｻｶ', store: '梅田' });
    expect('errors' in unknown && unknown.errors.region).toContain(
      '「オオサカ」に該当する地域・店舗はありません。',
    );

    const good = await c.bot.submitForm(event, 'inquiry', { ...raw, region: '大阪', store: '梅田' });
    expect('reply' in good && renderReply(good.reply, 'ja').text).toMatch(/問い合わせID:\d+/);
    const id = 'reply' in good ? inquiryIdIn(renderReply(good.reply, 'ja').text) : 0;
    expect((await c.services.inquiryReads.get(me.actor, id)).inquiry.storeId).toBe(idOf(companyId, '梅田店'));
  });
});

describe('店舗', () => {
  it('narrows by a prefecture, a region or a city, and keeps the region quick replies', async () => {
    const me = await c.as('stores-cmd', ['customer'], { companyId });
    const tokyo = await me.say('店舗 東京');
    expect(tokyo).toContain('店舗(2件)');
    expect(tokyo).toContain('渋谷店');
    expect(tokyo).not.toContain('四条店');
    expect(me.choices()).toEqual(['近畿 (2)', '関東 (3)']);
    const kyoto = await me.say('店舗 京都');
    expect(kyoto).toContain('店舗(1件)');
    expect(kyoto).toContain('四条店');
    expect(kyoto).not.toContain('渋谷店');
    expect(await me.say('店舗 北海道')).toContain('「北海道」に一致する店舗は見つかりませんでした。');
    const kanto = await me.tap('関東');
    expect(kanto).toContain('店舗(3件)');
    expect(kanto).toContain('横浜店');
    expect(await me.say('店舗 関東地方')).toContain('店舗(3件)');
    const city = await me.say('店舗 横浜市');
    expect(city).toContain('店舗(1件)');
    expect(city).toContain('横浜店');
    expect(await me.say('店舗 東京 渋谷')).toContain('店舗(1件)');
    expect(await me.say('店舗 ｵｵｻｶ')).toContain('「オオサカ」に一致する店舗は見つかりませんでした。');
  });
});
