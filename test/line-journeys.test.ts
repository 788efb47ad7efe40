/**
 * The console journeys (cmd-work-journey, cmd-support-inquiry) with the worker and the customer on
 * LINE: a new friend follows the bot, taps Flex buttons and quick replies, sends a document as a file
 * message and a photo as an image message, and is told of each step by push. Staff work in a console
 * session on the same app. At the end, that no request of the whole file broke a documented LINE limit.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jpeg, zip } from './helpers/files.ts';
import { type LineBench, type LineSeen, lineUserId, openLineBench, seenIn } from './helpers/line.ts';

let b: LineBench;
let tmp: string;

beforeAll(async () => {
  b = await openLineBench('linejourneys');
  tmp = await mkdtemp(path.join(os.tmpdir(), 'linejourneys-files-'));
});
afterAll(async () => {
  await b?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

interface LineMessageLike {
  type: string;
  text?: string;
  quickReply?: { items: { action: { label: string; data: string } }[] };
}

/** The number after `prefix #` in `text`. */
function idAfter(text: string, prefix: string): number {
  const m = new RegExp(`${prefix} #(\\d+)`).exec(text);
  if (!m) throw new Error(`no "${prefix} #…" in:\n${text}`);
  return Number(m[1]);
}

const messagesOf = (seen: LineSeen) => seen.messages as LineMessageLike[];

/** Labels of the quick reply on the last message (LINE shows them only there). */
const quickReplies = (seen: LineSeen) =>
  (messagesOf(seen).at(-1)?.quickReply?.items ?? []).map((i) => i.action.label);

/** Whether a Flex message of `seen` holds a postback button labelled `label`. */
const flexHasButton = (seen: LineSeen, label: string) =>
  messagesOf(seen).some(
    (m) => m.type === 'flex' && JSON.stringify(m).includes(`"type":"postback","label":"${label}"`),
  );

/**
 * Waits until the adapter has pushed (not replied) to `user` a message containing `text`; returns the
 * visible text of that push.
 */
async function pushedTo(user: string, text: string): Promise<string> {
  const to = lineUserId(user);
  const pushed = () =>
    b.fake.delivered.find(
      (d) => d.to === to && d.via !== 'reply' && JSON.stringify(d.messages).includes(text),
    );
  await b.fake.waitFor(() => pushed() !== undefined, 8000);
  return seenIn(pushed()?.messages ?? []).text;
}

/** The app's user id behind a LINE user. */
async function userIdOf(user: string): Promise<number> {
  const found = await b.app.store.users.findByIdentity({
    platform: 'line',
    workspace: '',
    externalId: lineUserId(user),
  });
  if (!found) throw new Error(`no app user for LINE user ${user}`);
  return found.id;
}

/** Writes a local file for the console's `@/abs/path` attachment syntax. */
async function localFile(name: string, content: string | Buffer): Promise<string> {
  const file = path.join(tmp, name);
  await writeFile(file, content);
  return file;
}

describe('the work portal on LINE in Japanese, from job notice to payment statement', () => {
  it('walks a LINE worker and a console staff member through every step', async () => {
    const staff = await b.console('line-journey-staff', ['staff'], { name: '佐藤' });

    // A new friend: welcomed by their LINE name, then their home view.
    const welcome = await b.follow('hanako', { displayName: '花子', language: 'ja' });
    expect(welcome.text).toContain('花子さん、はじめまして。業務ポータルのボットです。');
    expect(welcome.text).toContain('花子さんのホームです。');
    const workerId = await userIdOf('hanako');

    // 求人登録; the new worker (default preferences) gets the job alert as a push, in Japanese.
    const posted = await staff.say('求人登録 アンケート入力 / 12,000円 / 1 / 2026-12-10');
    expect(posted).toContain('を公開しました');
    expect(posted).toMatch(/ワーカー[1-9]\d*名にジョブアラートを送信します/);
    const jobId = idAfter(posted, '募集案件');
    await pushedTo('hanako', '新しい募集案件のお知らせです。');

    // 求人 → 案件詳細 (a Flex card) → 応募する (its button).
    const list = await b.say('hanako', '求人');
    expect(list.text).toContain(`#${jobId} アンケート入力`);
    expect(list.text).toContain('12,000円');
    const card = await b.say('hanako', `案件詳細 #${jobId}`);
    expect(card.text).toContain(`#${jobId} アンケート入力`);
    expect(card.text).toContain('募集中');
    expect(card.text).toContain('12,000円');
    expect(card.text).toContain('2026年12月10日(木)');
    expect(flexHasButton(card, '応募する')).toBe(true);
    // The button starts the guided apply flow: an optional message (quick replies), then the confirmation.
    const asked = await b.tapLabel('hanako', '応募する');
    expect(asked.text).toContain('応募メッセージがあれば入力してください');
    expect(quickReplies(asked)).toEqual(['スキップ', 'キャンセル']);
    const summary = await b.tapLabel('hanako', 'スキップ');
    expect(summary.text).toContain(`募集案件: #${jobId} アンケート入力`);
    expect(summary.text).toContain('報酬: 12,000円');
    expect(quickReplies(summary)).toEqual(['はい', 'キャンセル']);
    const applied = await b.tapLabel('hanako', 'はい');
    expect(applied.text).toContain(`募集案件 #${jobId} アンケート入力 に応募しました`);
    const appId = idAfter(applied.text, '応募');
    expect((await b.tapLabel('hanako', '応募状況を見る')).text).toContain('応募済み');

    // Staff: 応募者 → 採用 (button); the worker is told by push.
    const applicants = await staff.say(`応募者 ${jobId}`);
    expect(applicants).toContain(`応募 #${appId} 花子 (#${workerId})`);
    const accepted = await staff.tap('採用');
    expect(accepted).toContain(`応募 #${appId}(花子 (#${workerId}))を採用しました`);
    await pushedTo('hanako', `応募 #${appId} が採用されました。`);

    // Accepted but no work files yet: the list offers details, and starting is refused.
    const mine = await b.say('hanako', '応募一覧');
    expect(mine.text).toContain('採用');
    expect(mine.buttons.map((x) => x.label)).toEqual(['詳細']);
    expect((await b.say('hanako', `作業開始 ${appId}`)).text).toContain('作業ファイルがまだ渡されていない');

    // 作業ファイル from the console with an attachment; the worker is told by push.
    const sheet = await localFile('回答用シート.xlsx', zip('sheet'));
    expect(await staff.say(`作業ファイル ${appId} @${sheet}`)).toContain(
      `応募 #${appId} のワーカーに作業ファイル1件を渡しました。`,
    );
    await pushedTo('hanako', `応募 #${appId} の作業ファイル(1件)が届きました。`);

    // 応募一覧 → 作業開始 (button).
    expect((await b.say('hanako', '応募一覧')).buttons.map((x) => x.label)).toEqual(['作業開始']);
    const started = await b.tapLabel('hanako', '作業開始');
    expect(started.text).toContain(`応募 #${appId} の作業を開始しました。`);
    expect(started.text).toContain(`「納品 ${appId} メモ」`);

    // 質問 → 回答 (console); the answer is pushed, and the history shows both with the work files.
    const question = await b.say('hanako', `質問 ${appId} 回答は半角で入力しますか`);
    const questionId = idAfter(question.text, '質問');
    expect(await staff.say(`回答 ${questionId} はい、半角でお願いします`)).toContain(
      `質問 #${questionId} に回答しました(応募 #${appId})`,
    );
    await pushedTo('hanako', `質問 #${questionId} に回答がありました(応募 #${appId})。`);
    const status = await b.say('hanako', `応募状況 ${appId}`);
    expect(status.text).toContain('作業中');
    expect(status.text).toContain('回答用シート.xlsx');
    expect(status.text).toContain(`Q#${questionId}`);
    expect(status.text).toContain('回答は半角で入力しますか');
    expect(status.text).toContain('回答: はい、半角でお願いします');

    // 納品 as the guided flow: the file as a LINE file message, 完了, a note, はい.
    const deliver = await b.say('hanako', `納品 ${appId}`);
    expect(deliver.text).toContain('納品ファイルを添付してください。');
    expect(quickReplies(deliver)).toEqual(['完了', 'キャンセル']);
    const received = await b.sendFile('hanako', {
      name: '入力済み.xlsx',
      content: zip('done'),
      mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect(received.text).toContain('ファイルを1件受け取りました。');
    expect((await b.tapLabel('hanako', '完了')).text).toContain('検収担当者へのメモがあれば入力してください');
    const confirm = await b.say('hanako', 'ご確認お願いします');
    expect(confirm.text).toContain('添付: 入力済み.xlsx');
    expect(confirm.text).toContain('メモ: ご確認お願いします');
    expect((await b.tapLabel('hanako', 'はい')).text).toContain(
      `応募 #${appId} の納品を受け付けました(ファイル1件)`,
    );

    // 検収 → 承認 (console); the worker is told by push.
    const review = await staff.say(`検収 ${appId}`);
    expect(review).toContain('ご確認お願いします');
    expect(review).toContain('ファイル: 入力済み.xlsx');
    expect(review).toContain('検収: 検収待ち');
    const approved = await staff.tap('承認');
    expect(approved).toContain(`応募 #${appId} の納品を承認し、検収を完了しました`);
    // Approval leads to payment: the job's reward becomes this month's (November) invoice item.
    expect(approved).toContain('報酬 12,000円 を2026年11月分の入力請求書に登録しました。');
    await pushedTo('hanako', `応募 #${appId} の納品を検収しました。`);
    expect(workerId).toBeGreaterThan(0);

    // The worker is asked to check it by push.
    const itemAdded = await pushedTo('hanako', '入力請求書に');
    expect(itemAdded).toContain('(12,000円)が登録されました。');
    // The month reads as everywhere else in Japanese (it once arrived as the raw "2026-11").
    expect(itemAdded).toContain('入力請求書に2026年11月分の項目');

    // 入力請求書 → 確認する (button) → 入力請求書に戻る.
    const invoice = await b.say('hanako', '入力請求書');
    expect(invoice.text).toContain('2026年11月分の入力請求書(1件)');
    expect(invoice.text).toContain('12,000円・確認待ち');
    expect((await b.tapLabel('hanako', '確認する')).text).toMatch(
      /明細 #\d+\(12,000円\)を確認済みにしました/,
    );
    expect((await b.tapLabel('hanako', '入力請求書に戻る')).text).toContain('12,000円・確認済み');

    // 月締め once November is over: one statement, paid on Thursday 10 December, pushed to the worker.
    b.clock.set('2026-12-01T03:00:00Z');
    const closed = await staff.say('月締め 2026-11');
    expect(closed).toContain(
      '2026年11月分を締めました。支払明細書1件(合計12,000円)を発行し、お支払日は2026年12月10日(木)です。',
    );
    expect(closed).toContain('お支払い先の口座が未登録');
    const issued = await pushedTo('hanako', '分の支払明細書を発行しました。');
    expect(issued).toContain('合計 12,000円、お支払い予定日は 2026年12月10日(木) です。');
    expect(issued).toContain('2026年11月分の支払明細書を発行しました');

    // 支払明細書 → 開く (button).
    const statements = await b.say('hanako', '支払明細書');
    expect(statements.text).toContain('2026年11月分');
    expect(statements.text).toContain('12,000円・お支払日 2026年12月10日(木)');
    const statement = await b.tapLabel('hanako', '開く');
    expect(statement.text).toContain('合計金額\n12,000円');
    expect(statement.text).toContain('お支払日\n2026年12月10日(木)');
    expect(statement.text).toContain('アンケート入力');
    expect(statement.text).toContain('口座がまだ登録されていません');
    expect((await b.say('hanako', `応募状況 ${appId}`)).text).toContain('検収完了');
  });
});

describe('an inquiry with a photo on LINE', () => {
  it('is opened step by step with taps and a photo, and staff see it with its stored photo', async () => {
    const welcome = await b.follow('tencho', { displayName: '店長', language: 'ja' });
    expect(welcome.text).toContain('店長さん、はじめまして。');
    // Becoming a customer is the operator's doing: a company with a store, and the role.
    const customerId = await userIdOf('tencho');
    const storeId = await b.app.store.uow.run(async (tx) => {
      const company = await tx.companies.insert({ slug: 'line-sound-a', name: '株式会社サウンドA' });
      const store = await tx.support.stores.insert({
        companyId: company.id,
        name: '渋谷店',
        prefecture: '東京都',
        region: '関東',
      });
      await tx.users.update(customerId, { roles: ['customer'], companyId: company.id });
      return store.id;
    });

    // 問い合わせ → category → sub-topic → store, all by quick reply.
    const start = await b.say('tencho', '問い合わせ');
    expect(start.text).toContain('お問い合わせの種類を選んでください。');
    expect(quickReplies(start)).toContain('修理');
    expect((await b.tapLabel('tencho', '修理')).text).toContain('内容をもう少し詳しく選んでください。');
    const storeStep = await b.tapLabel('tencho', '音が出ない・映らない');
    expect(storeStep.text).toContain('対象の店舗を選ぶか');
    expect(quickReplies(storeStep)).toContain('渋谷店(東京都)');
    expect((await b.tapLabel('tencho', '渋谷店')).text).toContain('お問い合わせの内容を入力してください。');

    // The comment as typed (line break and full-width brackets), then the photo as an image message.
    const files = await b.say('tencho', '音が出ません。\n電源は入ります（赤ランプ）');
    expect(files.text).toContain('写真や資料があれば添付してください');
    const photoBytes = jpeg('a silent speaker');
    const photo = await b.sendFile('tencho', {
      name: 'speaker.jpg',
      content: photoBytes,
      mime: 'image/jpeg',
    });
    expect(photo.text).toContain('ファイルを1件受け取りました。');
    const summary = await b.tapLabel('tencho', '完了');
    expect(summary.text).toContain('種類: 修理');
    expect(summary.text).toContain('店舗: 渋谷店');
    expect(summary.text).toContain('内容: 音が出ません。\n電源は入ります（赤ランプ）');
    // LINE sends images without a name: the adapter names them after the message.
    expect(summary.text).toMatch(/添付: image-\w+\.jpg/);
    const created = await b.tapLabel('tencho', 'はい');
    expect(created.text).toContain('問い合わせを受け付けました(問い合わせID:');
    const id = Number(/問い合わせID:(\d+)/.exec(created.text)?.[1]);

    // The customer's own view, from the quick reply.
    const mine = await b.tapLabel('tencho', '問い合わせを見る');
    expect(mine.text).toContain(`問い合わせID:${id}`);
    expect(mine.text).toContain('修理 / 音が出ない・映らない');
    expect(mine.text).toContain(`#${storeId} 渋谷店(東京都)`);
    expect(mine.text).toMatch(new RegExp(`📎 image-\\w+\\.jpg \\(image/jpeg, ${photoBytes.length} B\\)`));

    // Staff (console) see it with one attachment, and the stored bytes are the photo's.
    const staff = await b.console('line-support-staff', ['staff'], { name: '佐藤' });
    const detail = await staff.say(`問い合わせ詳細 ${id}`);
    expect(detail).toContain('店長(お客様)');
    expect(detail).toContain('電源は入ります（赤ランプ）');
    // Once in the history, and once as the file itself, handed over with the detail.
    expect(detail.match(/📎 /g)).toHaveLength(2);
    expect(detail).toMatch(new RegExp(`📎 image-\\w+\\.jpg \\(image/jpeg, ${photoBytes.length} B\\)`));
    const attachments = await b.app.store.uow.read((tx) => tx.support.attachmentsOf(id));
    expect(attachments).toHaveLength(1);
    expect(attachments[0]?.mime).toBe('image/jpeg');
    const key = attachments[0]?.storageKey ?? '';
    expect(await b.app.files.exists(key)).toBe(true);
    expect((await b.app.files.read(key)).toString()).toBe(photoBytes.toString());

    // Staff take it and reply; the customer gets the reply itself on LINE by push.
    expect(await staff.tap('対応開始')).toContain(`問い合わせID:${id} の対応を開始しました。`);
    expect(await staff.say(`返信 ${id} 確認いたします。明日伺います。`)).toContain(
      `問い合わせID:${id} に返信しました。`,
    );
    const pushed = await pushedTo('tencho', `問い合わせID:${id} にサポート担当からメッセージが届きました。`);
    expect(pushed).toContain('確認いたします。明日伺います。');
  });
});

describe('the work portal on LINE in English', () => {
  it('speaks English to a friend whose LINE language is English: follow, alert, jobs, apply, accepted', async () => {
    const welcome = await b.follow('alex', { displayName: 'Alex', language: 'en' });
    expect(welcome.text).toContain('Hello Alex, welcome! I am the work portal bot.');
    expect(welcome.text).toContain('Home for Alex.');
    expect(welcome.text).not.toContain('ホーム');

    const staff = await b.console('line-staff-en', ['staff'], { name: 'Ken', locale: 'en' });
    const posted = await staff.say('post-job Data entry / 8,000 / 1 / 2026-12-15');
    const jobId = idAfter(posted, 'Job');
    const alert = await pushedTo('alex', 'A new job notice for you.');
    expect(alert).toContain(`#${jobId} Data entry`);
    expect(alert).toContain('¥8,000');

    const list = await b.say('alex', 'jobs');
    expect(list.text).toContain(`#${jobId} Data entry`);
    expect(list.text).toContain('¥8,000');
    const card = await b.say('alex', `job ${jobId}`);
    expect(card.text).toContain('Open');
    expect(card.text).toContain('Tue, 15 Dec 2026');
    expect(flexHasButton(card, 'Apply')).toBe(true);
    const asked = await b.tapLabel('alex', 'Apply');
    expect(asked.text).toContain('Add a message to your application if you like');
    expect(quickReplies(asked)).toEqual(['Skip', 'Cancel']);
    const summary = await b.tapLabel('alex', 'Skip');
    expect(summary.text).toContain(`Job: #${jobId} Data entry`);
    expect(summary.text).toContain('Reward: ¥8,000');
    const applied = await b.tapLabel('alex', 'Yes');
    expect(applied.text).toContain(`You applied for job #${jobId} Data entry`);
    const appId = idAfter(applied.text, 'application');
    const status = await b.tapLabel('alex', 'See the application');
    expect(status.text).toContain(`Application #${appId}`);
    expect(status.text).toContain('Applied');

    await staff.say(`applicants ${jobId}`);
    expect(await staff.tap('Accept')).toContain(`#${appId}`);
    await pushedTo('alex', `Application #${appId} was accepted.`);
  });
});

describe('limits', () => {
  it('no request of this file broke a documented LINE limit', () => {
    expect(b.fake.violations).toEqual([]);
  });
});
