/**
 * 定型文 in chat (docs/domain.md §2.12), as staff type them on the console: add, list, show, edit,
 * the English text, delete; placeholders checked when saved and filled when sent (定型文送信) in the
 * customer's language; typos, full-width input, completed inquiries and customers refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChatBench, type ChatSession, openChatBench } from './helpers/chat.ts';

let c: ChatBench;
let companyA: number;
let shibuya: number;
let staff: ChatSession;

const idIn = (printed: string) => Number(/(?:問い合わせID|Inquiry ID):(\d+)/.exec(printed)?.[1]);

beforeAll(async () => {
  c = await openChatBench('cmd_support_canned');
  companyA = await c.b.company('株式会社サウンドA');
  const admin = await c.b.user(['admin']);
  shibuya = (
    await c.services.supportSetup.createStore(admin, {
      companyId: companyA,
      name: '渋谷店',
      prefecture: '東京',
    })
  ).id;
  staff = await c.as('takahashi-canned', ['staff'], { name: '高橋' });
});
afterAll(() => c?.close());

describe('canned replies kept by staff', () => {
  it('are added, listed, shown, edited, given an English text and deleted (Japanese)', async () => {
    expect(
      await staff.say('定型文登録 お礼 {顧客名}様、お問い合わせありがとうございます。\n担当の{担当者}です。'),
    ).toContain('定型文「お礼」を登録しました。');
    // Full-width braces and the English names are placeholders too.
    expect(await staff.say('定型文登録 訪問 ｛店舗｝に{inquiry_id}番の件で伺います。')).toContain(
      '定型文「訪問」を登録しました。',
    );
    // An unknown placeholder is refused, naming the known ones; nothing is saved.
    const unknown = await staff.say('定型文登録 謝罪 {お客様}様、ご不便をおかけしました。');
    expect(unknown).toContain('[E373] 差し込み項目「{お客様}」は使えないため、保存しませんでした。');
    expect(unknown).toContain('{顧客名}/{customer_name}');
    expect(unknown).toContain('{担当者}/{assignee}');
    expect(await staff.say('定型文登録 お礼 もう一度')).toContain('[E374] 定型文「お礼」はすでにあります。');
    expect(await staff.say('定型文登録 お礼')).toContain('使い方: 定型文登録 <名前> <本文>');

    const list = await staff.say('定型文一覧');
    expect(list).toContain('定型文(2件)');
    expect(list).toContain('お礼');
    expect(list).toContain('(未設定: 日本語の本文を送ります)');
    // The line break the staff member typed is kept (the console indents it under the field).
    expect(await staff.say('定型文 お礼')).toContain(
      'お問い合わせありがとうございます。\n    担当の{担当者}です。',
    );
    // A typo is answered with the names there are.
    expect(await staff.say('定型文 おれい')).toContain(
      '[E375] 定型文「おれい」は見つかりませんでした。登録されている定型文は お礼, 訪問 です。',
    );

    expect(
      await staff.say(
        '定型文英語 お礼 Dear {customer_name}, thank you for your inquiry. This is {assignee}.',
      ),
    ).toContain('定型文「お礼」の英語の本文を設定しました。');
    expect(await staff.say('定型文編集 訪問 {店舗}に伺います。')).toContain(
      '定型文「訪問」の本文を変更しました。',
    );
    expect(await staff.say('定型文英語 訪問 なし')).toContain('英語の本文を削除しました。');
    expect(await staff.say('定型文削除 訪問')).toContain('定型文「訪問」を削除しました。');
    expect(await staff.say('定型文 訪問')).toContain('[E375]');
  });

  it('are sent on an inquiry, filled, in the customer’s language', async () => {
    const tencho = await c.as('tencho-canned', ['customer'], { companyId: companyA, name: '店長A' });
    const manager = await c.as('manager-canned', ['customer'], {
      companyId: companyA,
      name: 'Alex',
      locale: 'en',
    });
    const jaId = idIn(await tencho.say(`問い合わせ repair 1 #${shibuya} 音が出ません`));
    const enId = idIn(await manager.say(`inquiry-new repair 1 #${shibuya} No sound`));

    const sent = await staff.say(`定型文送信 ${jaId} お礼`);
    expect(sent).toContain(`問い合わせID:${jaId} に定型文「お礼」を送りました。`);
    expect(sent).toContain('店長A様、お問い合わせありがとうございます。\n担当の高橋です。');
    // Full-width digits and letters.
    const toAlex = await staff.say(`定型文送信　＃${enId}　お礼`);
    expect(toAlex).toContain('Dear Alex, thank you for your inquiry. This is 高橋.');

    // They are the staff member's own messages on the inquiries, each notified to its customer.
    const jaDetail = await tencho.say(`問い合わせ詳細 ${jaId}`);
    expect(jaDetail).toContain('店長A様、お問い合わせありがとうございます。');
    const outbox = await c.b.outbox({ type: 'inquiry.message', recipientUserId: manager.actor.userId });
    expect(outbox).toHaveLength(1);

    // Refused: a typo, a completed inquiry, another person's role.
    expect(await staff.say(`定型文送信 ${jaId} おれい`)).toContain('[E375]');
    expect(await staff.say(`定型文送信 ${jaId}`)).toContain('使い方: 定型文送信 <問い合わせID> <名前>');
    await staff.say(`完了 ${jaId}`);
    expect(await staff.say(`定型文送信 ${jaId} お礼`)).toContain(
      `[E310] 問い合わせID:${jaId} は完了しているため`,
    );
    expect(await tencho.say('定型文一覧')).toContain('このコマンドを実行する権限がありません。');
    expect(await tencho.say(`定型文送信 ${enId} お礼`)).toContain('このコマンドを実行する権限がありません。');
  });

  it('speak English to English-speaking staff', async () => {
    const jo = await c.as('jo-canned', ['staff'], { name: 'Jo', locale: 'en' });
    expect(await jo.say('canned-add THANKS Thank you, {customer_name}.')).toContain(
      'Canned reply “THANKS” saved.',
    );
    // Names are found regardless of case and width.
    expect(await jo.say('canned ｔｈａｎｋｓ')).toContain('Thank you, {customer_name}.');
    expect(await jo.say('canned-add x {name}')).toContain('[E373] “{name}” is not a placeholder we know');
    expect(await jo.say('canned-add')).toContain('Usage: canned-add <name> <text>');
    expect(await jo.say('canned-delete thanks')).toContain('Canned reply “THANKS” deleted.');
  });
});
