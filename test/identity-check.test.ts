/**
 * 本人確認 with documents and 機密保持確認, walked in the console: a worker sends a document (photos
 * or a PDF), staff are notified with the deadline on the Japanese calendar, review it and decide;
 * the plain bytes leave file storage at submission and the sealed pages leave the store at the
 * decision; the worker sees each status and is told. The NDA is read, agreed by version, asked again
 * for a new version, and staff see who agreed to which.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatAttachment } from '../src/chat/types.ts';
import { businessDeadline } from '../src/domain/checks/identity.ts';
import { type ChatBench, type ChatSession, openChatBench, sayWithFiles } from './helpers/chat.ts';
import { jpeg, pdf } from './helpers/files.ts';

let c: ChatBench;
let staff: ChatSession;
let n = 0;

beforeAll(async () => {
  c = await openChatBench('idcheck');
  staff = await c.as('id-staff', ['staff'], { name: '審査 佐藤' });
});
afterAll(() => c?.close());

const worker = (locale: 'ja' | 'en' = 'ja') =>
  c.as(`id-worker-${++n}`, ['worker'], { name: `本人 ${n}郎`, locale });

async function stored(name: string, bytes: Buffer, mime: string): Promise<ChatAttachment> {
  const put = await c.b.ctx.files.put(bytes);
  return { name, mime, size: put.size, storageKey: put.key };
}

const sealedRows = (userId: number) =>
  c.b.store.orm.em
    .getConnection()
    .execute('select id, content_enc from identity_documents where user_id = ?', [userId]) as Promise<
    { id: number; content_enc: string }[]
  >;

describe('the review deadline', () => {
  it('counts bank business days on the Japanese calendar', () => {
    // Fri 2026-12-25 → Mon 28, Tue 29, Wed 30, (12/31–1/3 closed), Mon 1/4, Tue 1/5.
    const due = businessDeadline(new Date('2026-12-25T03:00:00Z'), 5, 'Asia/Tokyo');
    expect(due.toISOString()).toBe('2027-01-05T14:59:00.000Z');
    // Thu 2026-11-19 → Fri 20, Mon 24 (23 is 勤労感謝の日), Tue 25, Wed 26, Thu 27.
    expect(businessDeadline(new Date('2026-11-19T03:00:00Z'), 5, 'Asia/Tokyo').toISOString()).toBe(
      '2026-11-27T14:59:00.000Z',
    );
  });
});

describe('本人確認, as the worker and staff walk it', () => {
  it('takes a document, tells staff, and deletes every byte at the decision (verified)', async () => {
    const w = await worker();
    const none = await w.say('本人確認');
    expect(none).toContain('状況: 未提出');
    expect(none).toContain('書類を提出する');
    expect(await w.tap('書類を提出する')).toContain('提出する書類の種類を選んでください。');
    expect(w.choices()).toContain('運転免許証');
    expect(await w.tap('運転免許証')).toContain('書類の写真またはPDFを送ってください');
    const front = await stored('front.jpg', jpeg('licence front'), 'image/jpeg');
    const back = await stored('back.jpg', jpeg('licence back'), 'image/jpeg');
    expect(await sayWithFiles(c.bot, w.handle, '', [front, back])).toContain('2件');
    const confirm = await w.say('完了');
    expect(confirm).toContain('書類: 運転免許証');
    expect(confirm).toContain('front.jpg, back.jpg');
    const done = await w.say('はい');
    expect(done).toContain('本人確認書類(運転免許証、2枚)を受け付けました。確認期限は');

    // The plain bytes left ordinary storage; the pages are sealed apart.
    expect(await c.b.ctx.files.exists(front.storageKey ?? '')).toBe(false);
    expect(await c.b.ctx.files.exists(back.storageKey ?? '')).toBe(false);
    const rows = await sealedRows(w.actor.userId);
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.content_enc).join('')).not.toContain(jpeg('licence front').toString('base64'));

    expect(await w.say('本人確認')).toContain('状況: 確認中');

    // Staff: notified with the deadline, the document listed, reviewed and verified.
    const [note] = await c.b.outbox({ type: 'identity.submitted', recipientUserId: staff.actor.userId });
    expect(note?.payload).toMatchObject({ userId: w.actor.userId, kind: 'drivers_license', pages: 2 });
    const list = await staff.say('本人確認');
    expect(list).toContain('確認待ちの本人確認(1件)');
    expect(list).toContain(`本人 ${n}郎 (#${w.actor.userId})`);
    const card = await staff.tap('書類を確認する');
    expect(card).toContain('状況: 確認中');
    expect(card).toContain('PUBLIC_URL');
    const pages = await c.services.identityChecks.pages(staff.actor, w.actor.userId);
    expect(pages.map((p) => p.bytes.toString())).toEqual([
      jpeg('licence front').toString(),
      jpeg('licence back').toString(),
    ]);
    expect(await staff.tap('確認済みにする')).toContain('本人確認を確認済みにしました。書類は削除しました。');
    expect(await sealedRows(w.actor.userId)).toHaveLength(0);
    expect(await c.services.identityChecks.pages(staff.actor, w.actor.userId)).toEqual([]);
    const [told] = await c.b.outbox({ type: 'identity.decided', recipientUserId: w.actor.userId });
    expect(told?.payload).toMatchObject({ verdict: 'verified' });
    const audit = await c.b.audit('identity.verified');
    expect(audit.some((a) => a.actorUserId === staff.actor.userId)).toBe(true);

    const verified = await w.say('本人確認');
    expect(verified).toContain('状況: 確認済み');
    expect(await w.say('本人確認提出')).toContain('本人確認は完了しています。');
    expect(await w.say('プロフィール')).toContain('本人確認済み');
    // Deciding twice is refused.
    expect(await staff.say(`本人確認承認 ${w.actor.userId}`)).toContain('すでに確認済み、または差し戻し済み');
  });

  it('sends a document back with the reason the worker reads, and takes it again', async () => {
    const w = await worker();
    await w.say('本人確認提出');
    await w.tap('住民票');
    const scan = await stored('juminhyo.pdf', pdf('住民票の写し'), 'application/pdf');
    await sayWithFiles(c.bot, w.handle, '', [scan]);
    await w.say('完了');
    await w.say('はい');
    const card = await staff.say(`本人確認書類 ${w.actor.userId}`);
    expect(card).toContain('書類: 住民票');
    expect(await staff.tap('差し戻す')).toContain('差し戻しの理由を入力してください。');
    const confirm = await staff.say('発行から3か月以内のものをお送りください。');
    expect(confirm).toContain('理由: 発行から3か月以内のものをお送りください。');
    expect(await staff.say('はい')).toContain('本人確認書類を差し戻しました。書類は削除しました。');
    expect(await sealedRows(w.actor.userId)).toHaveLength(0);
    const [told] = await c.b.outbox({ type: 'identity.decided', recipientUserId: w.actor.userId });
    expect(told?.payload).toMatchObject({
      verdict: 'rejected',
      reason: '発行から3か月以内のものをお送りください。',
    });
    const status = await w.say('本人確認');
    expect(status).toContain('状況: 差し戻し');
    expect(status).toContain('差し戻しの理由: 発行から3か月以内のものをお送りください。');
    expect(await w.tap('提出し直す')).toContain('提出する書類の種類を選んでください。');
    await w.tap('住民票');
    // A file of a kind that is not accepted is refused at submission with its name.
    const text = await stored('memo.txt', Buffer.from('not a document'), 'text/plain');
    await sayWithFiles(c.bot, w.handle, '', [text]);
    await w.say('完了');
    expect(await w.say('はい')).toContain('「memo.txt」は受け付けられない形式です');
  });

  it('refuses wrong input: no reason, someone else, a customer, an unknown person', async () => {
    const w = await worker();
    expect(await staff.say(`本人確認承認 ${w.actor.userId}`)).toContain('提出されていません');
    expect(await staff.say(`差し戻し ${w.actor.userId}`)).toContain('提出されていません');
    const other = await worker();
    expect(await other.say(`本人確認書類 ${w.actor.userId}`)).toContain('権限がありません');
    expect(await other.say(`本人確認承認 ${w.actor.userId}`)).toContain('権限がありません');
    const customer = await c.as(`id-customer-${n}`, ['customer'], { name: 'お客様' });
    expect(await customer.say('本人確認提出')).toContain('権限がありません');
    expect(await staff.say('本人確認書類 存在しない名前')).toContain('という名前の方が見つかりませんでした');
  });

  it('speaks English', async () => {
    const w = await worker('en');
    expect(await w.say('identity')).toContain('Status: Not submitted');
    expect(await w.tap('Send a document')).toContain('Which document are you sending?');
    await w.tap('Passport');
    const page = await stored('passport.png', jpeg('passport'), 'image/jpeg');
    await sayWithFiles(c.bot, w.handle, '', [page]);
    await w.say('done');
    expect(await w.say('yes')).toContain('We received your ID document (Passport, 1 page(s)).');
  });
});

describe('機密保持確認', () => {
  it('is read and agreed by version; a new version asks again; staff see who agreed to which', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'nda-content-'));
    const built = fileURLToPath(new URL('../content/', import.meta.url));
    await cp(built, dir, { recursive: true });
    const previous = c.b.ctx.contentDir;
    c.b.ctx.contentDir = dir;
    try {
      const w = await worker();
      const shown = await w.say('機密保持確認');
      expect(shown).toContain('機密保持に関する確認事項');
      expect(shown).toContain('版: 2026-12-01');
      expect(shown).toContain('内容をお読みのうえ');
      expect(await w.tap('同意する')).toContain('(版 2026-12-01)への同意を記録しました');
      expect(await w.say('機密保持確認')).toContain('にこの版(2026-12-01)に同意いただいています');
      expect(await w.say('機密保持同意 2026-12-01')).toContain('すでに同意いただいています');

      // The operator publishes a new version: asked again; an old button is refused.
      const ja = path.join(dir, 'nda.ja.md');
      await writeFile(ja, (await readFile(ja, 'utf8')).replace('2026-12-01', '2027-01-15'));
      const again = await w.say('機密保持確認');
      expect(again).toContain('以前の版(2026-12-01)には同意いただいていますが、内容が更新されました');
      expect(await w.say('機密保持同意 2026-12-01')).toContain('確認事項が更新されています');
      const list = await staff.say('機密保持確認');
      expect(list).toContain('現在の版: 2027-01-15');
      expect(list).toContain('版 2026-12-01');
      expect(list).toContain('(旧版)');
      await w.say('機密保持確認');
      expect(await w.tap('同意する')).toContain('(版 2027-01-15)への同意を記録しました');
      expect(await staff.say('機密保持確認')).not.toContain('(旧版)');
      const en = await worker('en');
      expect(await en.say('nda')).toContain('Confidentiality confirmation');
    } finally {
      c.b.ctx.contentDir = previous;
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('機密案件', () => {
  it('opens a confidential job only to a worker whose identity is verified and who agreed to the NDA', async () => {
    const posted = await staff.say('求人登録 顧客名簿の入力 / 9000 / 2');
    const jobId = Number(/募集案件 #(\d+)/.exec(posted)?.[1]);
    expect(await staff.say(`機密設定 ${jobId} on`)).toContain(`募集案件 #${jobId} を機密案件にしました。`);
    expect(await staff.say(`案件詳細 ${jobId}`)).toContain('機密案件');
    const w = await worker();
    const list = await w.say('求人');
    expect(list).toContain(`#${jobId} 顧客名簿の入力`);
    expect(list).toContain('🔒 機密案件');
    const locked = await w.say(`案件詳細 ${jobId}`);
    expect(locked).toContain(
      'この案件は機密案件のため、詳細の閲覧と応募には本人確認(確認済み)と機密保持確認',
    );
    expect(locked).toContain('本人確認: 未提出');
    expect(locked).toContain('機密保持確認: 未同意');
    expect(w.choices()).toEqual(expect.arrayContaining(['書類を提出する', '機密保持確認へ']));
    expect(await w.say(`応募 ${jobId} よろしくお願いします`)).toContain('この案件は機密案件のため');
    expect(await w.say(`応募 ${jobId}`)).toContain('この案件は機密案件のため');

    // The worker does both; then the job opens to them.
    await w.say('本人確認提出');
    await w.tap('パスポート');
    await sayWithFiles(c.bot, w.handle, '', [await stored('p.jpg', jpeg(`passport ${n}`), 'image/jpeg')]);
    await w.say('完了');
    await w.say('はい');
    await staff.say(`本人確認承認 ${w.actor.userId}`);
    expect(await w.say(`案件詳細 ${jobId}`)).toContain('機密保持確認: 未同意');
    await w.say('機密保持確認');
    await w.tap('同意する');
    const open = await w.say(`案件詳細 ${jobId}`);
    expect(open).toContain('報酬');
    expect(open).not.toContain('詳細の閲覧と応募には');
    expect(await w.say(`応募 ${jobId} よろしくお願いします`)).toContain('応募しました');
    expect(await staff.say(`機密設定 ${jobId} off`)).toContain('機密案件の指定を外しました');
    expect(await w.say(`機密設定 ${jobId} on`)).toContain('権限がありません');
  });
});
