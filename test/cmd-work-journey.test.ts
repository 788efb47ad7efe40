/**
 * The work portal end to end in Japanese, as two people type it in the console: a job is posted,
 * found, applied for, accepted by button, handed work files, started, asked about and answered,
 * delivered, approved, invoiced, confirmed, closed into a statement, and read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UploadedFile } from '../src/files/storage.ts';
import {
  type ChatBench,
  type ChatSession,
  openChatBench,
  sayWithFiles as sendFilesAs,
  uploadFor,
} from './helpers/chat.ts';

let c: ChatBench;

beforeAll(async () => {
  c = await openChatBench('cmdworkjourney');
});
afterAll(() => c?.close());

/** What the console would print for `line` sent by `who` with `files` attached. */
function sayWithFiles(who: ChatSession, line: string, files: UploadedFile[]): Promise<string> {
  return sendFilesAs(c.bot, who.handle, line, files);
}

/** The number after `prefix #` in `text`. */
function idAfter(text: string, prefix: string): number {
  const m = new RegExp(`${prefix} #(\\d+)`).exec(text);
  if (!m) throw new Error(`no "${prefix} #…" in:\n${text}`);
  return Number(m[1]);
}

describe('the work portal in Japanese, from job notice to payment statement', () => {
  it('walks a worker and a staff member through every step', async () => {
    const staff = await c.as('journey-staff', ['staff'], { name: '佐藤' });
    const worker = await c.as('journey-worker', ['worker'], { name: '花子' });

    // 求人登録: one line, posted open; the worker (default preferences) gets a job alert.
    const posted = await staff.say('求人登録 アンケート入力 / 12,000円 / 1 / 2026-12-10');
    expect(posted).toContain('を公開しました');
    expect(posted).toMatch(/ワーカー[1-9]\d*名にジョブアラートを送信します/);
    expect(posted).toContain('2026年12月10日(木)');
    const jobId = idAfter(posted, '募集案件');

    // 求人 → 案件詳細 → 応募する (button).
    expect(await worker.say('求人')).toContain('アンケート入力');
    const card = await worker.say(`案件詳細 #${jobId}`);
    expect(card).toContain(`■ #${jobId} アンケート入力`);
    expect(card).toContain('報酬: 12,000円');
    expect(card).toContain('状況: 募集中');
    // The button starts the guided apply flow: an optional message, then the confirmation.
    expect(await worker.tap('応募する')).toContain('応募メッセージがあれば入力してください');
    expect(await worker.say('スキップ')).toContain('報酬: 12,000円');
    const applied = await worker.tap('はい');
    expect(applied).toContain(`募集案件 #${jobId} アンケート入力 に応募しました`);
    const appId = idAfter(applied, '応募');
    expect(await worker.tap('応募状況を見る')).toContain('状況: 応募済み');

    // 応募者 → 採用 (button); the worker is told.
    const applicants = await staff.say(`応募者 ${jobId}`);
    expect(applicants).toContain(`応募 #${appId} 花子 (#${worker.actor.userId})`);
    expect(staff.choices()).toEqual(['採用', '不採用']);
    const accepted = await staff.tap('採用');
    expect(accepted).toContain(`応募 #${appId}(花子 (#${worker.actor.userId}))を採用しました`);
    expect(accepted).toContain(`「作業ファイル ${appId}」`);
    expect(
      await c.b.outbox({ type: 'application.accepted', recipientUserId: worker.actor.userId }),
    ).toHaveLength(1);

    // Accepted but no work files yet: the list offers details, and starting is refused.
    expect(await worker.say('応募一覧')).toContain('採用');
    expect(worker.choices()).toEqual(['詳細']);
    expect(await worker.say(`作業開始 ${appId}`)).toContain('作業ファイルがまだ渡されていない');

    // 作業ファイル with attachments.
    const sheet = await uploadFor(c, '回答用シート.xlsx', 'sheet');
    const handed = await sayWithFiles(staff, `作業ファイル ${appId}`, [sheet]);
    expect(handed).toBe(`応募 #${appId} のワーカーに作業ファイル1件を渡しました。\n\n[1] 詳細`);

    // 応募一覧 → 作業開始 (button).
    await worker.say('応募一覧');
    expect(worker.choices()).toEqual(['作業開始']);
    const started = await worker.tap('作業開始');
    expect(started).toContain(`応募 #${appId} の作業を開始しました。`);
    expect(started).toContain(`「納品 ${appId} メモ」`);

    // 質問 → 回答; the history shows both, in order, with the work files.
    const asked = await worker.say(`質問 ${appId} 回答は半角で入力しますか`);
    const questionId = idAfter(asked, '質問');
    expect(await staff.say(`回答 ${questionId} はい、半角でお願いします`)).toContain(
      `質問 #${questionId} に回答しました(応募 #${appId})`,
    );
    const status = await worker.say(`応募状況 ${appId}`);
    expect(status).toContain('状況: 作業中');
    expect(status).toContain('作業ファイル: 回答用シート.xlsx');
    expect(status).toContain(`Q#${questionId}`);
    expect(status).toContain('回答は半角で入力しますか');
    expect(status).toContain('回答: はい、半角でお願いします');

    // 納品: without files it starts the guided delivery flow (left here); with files it is received.
    expect(await worker.say(`納品 ${appId}`)).toContain('納品ファイルを添付してください。');
    expect(await worker.say('キャンセル')).toBe('入力を中止しました。');
    const result = await uploadFor(c, '入力済み.xlsx', 'done');
    expect(await sayWithFiles(worker, `納品 ${appId} ご確認お願いします`, [result])).toContain(
      `応募 #${appId} の納品を受け付けました(ファイル1件)`,
    );

    // 検収 → 承認 (button).
    const review = await staff.say(`検収 ${appId}`);
    expect(review).toContain('ご確認お願いします');
    expect(review).toContain('ファイル: 入力済み.xlsx');
    expect(review).toContain('検収: 検収待ち');
    const approved = await staff.tap('承認');
    expect(approved).toContain(`応募 #${appId} の納品を承認し、検収を完了しました`);
    // Approval leads to payment: the job's reward is this month's (November in Tokyo) invoice item.
    expect(approved).toContain('報酬 12,000円 を2026年11月分の入力請求書に登録しました。');

    // 入力請求書 → 確認する (button).
    const invoice = await worker.say('入力請求書');
    expect(invoice).toContain('2026年11月分の入力請求書(1件)');
    expect(invoice).toContain('12,000円・確認待ち');
    const confirmed = await worker.tap('確認する');
    expect(confirmed).toMatch(/明細 #\d+\(12,000円\)を確認済みにしました/);
    expect(await worker.tap('入力請求書に戻る')).toContain('12,000円・確認済み');

    // 月締め once November is over: one statement, paid on Thursday 10 December.
    c.b.clock.set('2026-12-01T03:00:00Z');
    const closed = await staff.say('月締め 2026-11');
    expect(closed).toContain(
      '2026年11月分を締めました。支払明細書1件(合計12,000円)を発行し、お支払日は2026年12月10日(木)です。',
    );
    expect(closed).toContain('お支払い先の口座が未登録');

    // 支払明細書 → 開く (button).
    const statements = await worker.say('支払明細書');
    expect(statements).toContain('2026年11月分');
    expect(statements).toContain('12,000円・お支払日 2026年12月10日(木)');
    const statement = await worker.tap('開く');
    expect(statement).toContain('合計金額: 12,000円');
    expect(statement).toContain('お支払日: 2026年12月10日(木)');
    expect(statement).toContain('アンケート入力');
    expect(statement).toContain('口座がまだ登録されていません');
    expect(await worker.say(`応募状況 ${appId}`)).toContain('状況: 検収完了');
  });
});
