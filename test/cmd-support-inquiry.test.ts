/**
 * An inquiry through its whole life in chat, in Japanese and in English: a customer opens it with a
 * photo, staff take it and reply, the customer replies, staff resolve it, it becomes read-only, and
 * the photo shows in the files list linking back to it. Then what is refused, and how it is said.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatAttachment } from '../src/chat/types.ts';
import {
  type ChatBench,
  type ChatSession,
  openChatBench,
  sayWithFiles as sendFilesAs,
  uploadFor,
} from './helpers/chat.ts';

let c: ChatBench;
let companyA: number;
let companyB: number;
let shibuya: number;
let sapporo: number;

/**
 * Sends a message with attachments from `session`'s console identity, as an adapter does once it
 * stored the files; returns what the console would print.
 */
function sendWithFiles(session: ChatSession, text: string, attachments: ChatAttachment[]): Promise<string> {
  return sendFilesAs(c.bot, session.handle, text, attachments);
}

const idIn = (printed: string) => Number(/(?:問い合わせID|Inquiry ID):(\d+)/.exec(printed)?.[1]);

beforeAll(async () => {
  c = await openChatBench('cmd_support_inquiry');
  companyA = await c.b.company('株式会社サウンドA');
  companyB = await c.b.company('株式会社ミュージックB');
  const admin = await c.b.user(['admin']);
  shibuya = (
    await c.services.supportSetup.createStore(admin, {
      companyId: companyA,
      name: '渋谷店',
      prefecture: '東京',
    })
  ).id;
  sapporo = (
    await c.services.supportSetup.createStore(admin, {
      companyId: companyB,
      name: '札幌店',
      prefecture: '北海道',
    })
  ).id;
});
afterAll(() => c?.close());

describe('an inquiry from opening to completion', () => {
  it('is opened with a photo, taken, answered, resolved, then read-only, with the photo in ファイル (Japanese)', async () => {
    const customer = await c.as('tencho-a', ['customer'], { companyId: companyA, name: '店長A' });
    const staff = await c.as('sato', ['staff'], { name: '佐藤' });
    const photo = await uploadFor(c, 'speaker.jpg', 'jpeg bytes of a silent speaker', 'image/jpeg');

    const opened = await sendWithFiles(
      customer,
      `問い合わせ 3 2 ＃${shibuya} 音が出ません。\n電源は入ります（赤ランプ）`,
      [photo],
    );
    expect(opened).toContain('問い合わせを受け付けました。問い合わせID:');
    expect(opened).toContain('カテゴリ: 修理 / 音が出ない・映らない');
    expect(opened).toContain(`店舗: #${shibuya} 渋谷店(東京都)`);
    expect(opened).toContain('ステータス: 受付中');
    expect(opened).toContain('添付ファイル: speaker.jpg');
    // The comment is kept as typed: full-width brackets and the line break survive.
    expect(opened).toContain('電源は入ります（赤ランプ）');
    const id = idIn(opened);

    const detail = await staff.say(`問い合わせ詳細 ${id}`);
    expect(detail).toContain('店長A(お客様)');
    expect(detail).toContain('📎 speaker.jpg (image/jpeg,');
    expect(staff.choices()).toEqual(['返信する', '対応開始', '完了にする']);

    expect(await staff.tap('対応開始')).toContain(
      `問い合わせID:${id} の対応を開始しました。ステータス: 対応中`,
    );
    expect(await staff.say(`返信 ${id} 確認いたします。明日伺います。`)).toContain(
      `問い合わせID:${id} に返信しました。`,
    );
    expect(await customer.say(`返信 ${id} よろしくお願いします`)).toContain(
      `問い合わせID:${id} に返信しました。`,
    );
    expect(customer.choices()).toEqual(['詳細を見る']);

    // 問い合わせ一覧 shows each inquiry's latest message: who, when, and its first line.
    const list = await staff.say('問い合わせ一覧');
    expect(list).toMatch(/最新のやり取り\(お客様・\d{4}年\d{1,2}月\d{1,2}日.*\): よろしくお願いします/);
    const [row] = (await c.services.inquiryReads.search(staff.actor, {}, { offset: 0, limit: 1 })).items;
    expect(row?.inquiry.updatedAt).toBeInstanceOf(Date);
    expect(row?.latest?.createdAt).toBeInstanceOf(Date);

    await staff.say(`問い合わせ詳細 ${id}`);
    // Taken by me already: Take is gone, Reply and Resolve remain.
    expect(staff.choices()).toEqual(['返信する', '完了にする']);
    expect(await staff.tap('完了にする')).toContain(`問い合わせID:${id} を完了にしました。`);

    const closed = await customer.say(`問い合わせ詳細 ${id}`);
    expect(closed).toContain('ステータス: 完了');
    expect(closed).toContain('担当者: 佐藤');
    const history = closed.slice(closed.indexOf('やり取り(3件)'));
    expect(history.indexOf('音が出ません。')).toBeLessThan(history.indexOf('確認いたします。'));
    expect(history.indexOf('確認いたします。')).toBeLessThan(history.indexOf('よろしくお願いします'));
    expect(history).toContain('佐藤(サポート)');
    expect(closed).toContain('この問い合わせは完了しています(閲覧のみ)');
    expect(customer.choices()).toEqual([]);

    expect(await customer.say(`返信 ${id} もう一点あります`)).toContain(
      `[E310] 問い合わせID:${id} は完了しているため、コメントできません。`,
    );
    expect(await staff.say(`完了 ${id}`)).toContain(`[E311] 問い合わせID:${id} はすでに完了しています。`);
    expect(await staff.say(`対応開始 ${id}`)).toContain('[E311]');

    const files = await customer.say('ファイル');
    expect(files).toContain('ファイル(1件、新しい順)');
    expect(files).toContain('📎 speaker.jpg');
    // A row hands its file over, with the way back to the inquiry (やり取りを確認).
    const got = await customer.tap('ファイルを受け取る');
    expect(got).toContain(`問い合わせID:${id} のファイル「speaker.jpg」です。`);
    expect(got).toContain('📎 speaker.jpg');
    expect(await customer.tap(`問い合わせID:${id}`)).toContain('やり取り(3件)');
    // Someone else's inquiry, or a file number that is not on it, gives nothing.
    expect(await customer.say(`ファイル受取 ${id} 999999`)).toContain(
      'ファイル #999999 は、この問い合わせにはありません',
    );
  });

  it('is opened with a photo, taken, answered, resolved, then read-only, with the photo in files (English)', async () => {
    const customer = await c.as('manager-a', ['customer'], {
      companyId: companyA,
      name: 'Ann',
      locale: 'en',
    });
    const staff = await c.as('ken', ['staff'], { name: 'Ken', locale: 'en' });
    const photo = await uploadFor(c, 'invoice.png', 'png bytes of an invoice', 'image/png');

    const opened = await sendWithFiles(
      customer,
      `inquiry-new billing 1 #${shibuya} The November invoice looks doubled.`,
      [photo],
    );
    expect(opened).toContain('Your inquiry has been received. Inquiry ID:');
    expect(opened).toContain('Category: Payment & billing / Checking an invoice');
    expect(opened).toContain('Status: Received');
    expect(opened).toContain('Attachments: invoice.png');
    const id = idIn(opened);

    await staff.say('inquiries status:received');
    await staff.tap('Details');
    expect(staff.choices()).toEqual(['Reply', 'Take', 'Resolve']);
    expect(await staff.tap('Take')).toContain(`You have taken Inquiry ID:${id}. Status: In progress`);
    // Reply without text explains how to reply.
    expect(await staff.tap('Reply')).toContain(`send “reply ${id} your comment”`);
    expect(await staff.say(`reply ${id} We are checking it.`)).toContain(`Replied to Inquiry ID:${id}.`);
    const receipt = await uploadFor(c, 'receipt.pdf', 'pdf bytes', 'application/pdf');
    expect(await sendWithFiles(customer, `reply ${id} Here is the receipt.`, [receipt])).toContain(
      '📎 receipt.pdf (application/pdf,',
    );
    expect(await staff.say(`resolve ${id}`)).toContain(`Inquiry ID:${id} is completed. It is now read-only.`);

    const closed = await customer.say(`inquiry ${id}`);
    expect(closed).toContain('Status: Completed');
    expect(closed).toContain('Conversation (3)');
    expect(closed).toContain('Ken (support)');
    expect(closed).toContain('Ann (customer)');
    expect(closed).toContain('This inquiry is completed (read-only).');
    expect(await customer.say(`reply ${id} One more thing`)).toContain(
      `[E310] Inquiry ID:${id} is completed`,
    );

    const files = await customer.say('files category:billing');
    expect(files).toContain('Files (2, newest first)');
    expect(files.indexOf('receipt.pdf')).toBeLessThan(files.indexOf('invoice.png'));
    // Each row names its inquiry's status and category; 古い順 / oldest sorts the other way.
    expect(files).toMatch(/Inquiry ID:\d+ · (Received|In progress|Completed) · /);
    expect(await customer.tap('Get the file')).toContain('The file “receipt.pdf”');
    expect(await customer.tap(`Inquiry ID:${id}`)).toContain('Conversation (3)');
    const oldest = await customer.say('files category:billing oldest');
    expect(oldest).toContain('Files (2, oldest first)');
    expect(oldest.indexOf('invoice.png')).toBeLessThan(oldest.indexOf('receipt.pdf'));
  });

  it('opens a new-store consultation without a store, and a follow-up of a completed inquiry', async () => {
    const customer = await c.as('owner-a', ['customer'], { companyId: companyA });
    const staff = await c.as('suzuki', ['staff']);
    const opened = await customer.say('問い合わせ new_store 1 来春、横浜に出店を予定しています。');
    expect(opened).toContain('カテゴリ: 新規出店のご相談 / 出店予定地のご相談');
    expect(opened).toContain('店舗: 店舗の指定なし');
    const first = idIn(opened);
    await staff.say(`完了 ${first}`);
    const followUp = await customer.say(`問い合わせ 9 参照:#${first} 続きの相談です。`);
    expect(followUp).toContain(`参照元: 問い合わせID:${first}`);
  });

  it('takes a number right after the category as the sub-topic, and later numbers as the comment', async () => {
    const customer = await c.as('tencho-numbers', ['customer'], { companyId: companyA });
    const opened = await customer.say(`問い合わせ 修理 #${shibuya} 3 日前から音が出ません`);
    expect(opened).toContain('カテゴリ: 修理\n');
    expect(opened).toContain('3 日前から音が出ません');
  });
});

describe('who may see and do what', () => {
  it('never shows company A’s inquiry to a customer of company B', async () => {
    const a = await c.as('tencho-a2', ['customer'], { companyId: companyA });
    const b = await c.as('tencho-b', ['customer'], { companyId: companyB });
    const id = idIn(await a.say(`問い合わせ 修理 #${shibuya} 映りません`));

    expect(await b.say(`問い合わせ詳細 ${id}`)).toContain(
      `[E309] 問い合わせID:${id} が見つかりませんでした。`,
    );
    expect(await b.say(`返信 ${id} 見えますか`)).toContain('[E309]');
    expect(await b.say('問い合わせ一覧')).toContain('条件に合う問い合わせはありません。');
    expect(await b.say('ファイル')).toContain('条件に合うファイルはありません。');
    expect(await b.say(`問い合わせ一覧 会社:#${companyA}`)).toContain('この操作を行う権限がありません。');
    // Company A's store is not B's to open an inquiry for.
    expect(await b.say(`問い合わせ 修理 #${shibuya} 音が出ません`)).toContain('[E302]');
    expect(await b.say(`問い合わせ 修理 #${sapporo} 音が出ません`)).toContain('問い合わせを受け付けました。');
  });

  it('keeps take, resolve and store setup to staff, and the desk from workers', async () => {
    const customer = await c.as('tencho-a3', ['customer'], { companyId: companyA });
    const worker = await c.as('worker-1', ['worker']);
    const id = idIn(await customer.say(`問い合わせ 1 1 #${shibuya} BGMが止まります`));
    expect(await customer.say(`対応開始 ${id}`)).toContain('このコマンドを実行する権限がありません。');
    expect(await customer.say(`完了 ${id}`)).toContain('このコマンドを実行する権限がありません。');
    expect(await worker.say(`問い合わせ詳細 ${id}`)).toContain('このコマンドを実行する権限がありません。');
    expect(await worker.say('問い合わせ 1 1 #1 test')).toContain('このコマンドを実行する権限がありません。');
  });
});

describe('malformed and wrong input', () => {
  it('answers each mistake in opening an inquiry with its numbered message (Japanese)', async () => {
    const customer = await c.as('tencho-a4', ['customer'], { companyId: companyA });
    // With nothing after it the command starts the guided flow; cancel leaves it.
    expect(await customer.say('問い合わせ')).toContain('お問い合わせの種類を選んでください。');
    expect(await customer.say('キャンセル')).toContain('入力を中止しました。');
    expect(await customer.say('問い合わせ 42 音が出ません')).toContain('[E303]');
    expect(await customer.say('問い合わせ 宇宙 音が出ません')).toContain('[E303]');
    expect(await customer.say(`問い合わせ 3 7 #${shibuya} 音が出ません`)).toContain('[E304]');
    expect(await customer.say('問い合わせ 修理 音が出ません')).toContain('[E305]');
    expect(await customer.say(`問い合わせ 修理 #${shibuya}`)).toContain(
      '[E306] コメントを入力してください。',
    );
    expect(await customer.say('問い合わせ 修理 #999999 音が出ません')).toContain('[E302]');
    expect(await customer.say(`問い合わせ 9 参照:#999999 続き`)).toContain('[E312]');
  });

  it('answers wrong ids, states and filters in English', async () => {
    const customer = await c.as('manager-a5', ['customer'], { companyId: companyA, locale: 'en' });
    const staff = await c.as('staff-en', ['staff'], { locale: 'en' });
    expect(await customer.say('inquiry abc')).toContain('Could not read “abc” as a number');
    expect(await customer.say('inquiry')).toContain('Usage: inquiry <inquiry ID>');
    expect(await customer.say('inquiry 999999')).toContain('[E309] We could not find inquiry ID:999999.');
    expect(await customer.say('reply')).toContain('Usage: reply <inquiry ID> <comment>');
    expect(await staff.say('take 999999')).toContain('[E309]');
    expect(await staff.say('resolve')).toContain('Usage: resolve <inquiry ID>');
    expect(await customer.say('inquiries colour:red')).toContain('Usage: inquiries [status:');
    expect(await customer.say('inquiries status:lost')).toContain('Usage: inquiries [status:');
    expect(await customer.say('inquiries from:2026-13-01')).toContain(
      'Could not read “2026-13-01” as a date',
    );
    expect(await customer.say('inquiries from:2026-11-30 to:2026-11-01')).toContain('[E317]');
    expect(await customer.say('files pref:Atlantis')).toContain('[E315]');
    expect(await customer.say('files category:nothing')).toContain('[E303]');
  });
});
