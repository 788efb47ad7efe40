/**
 * 入力請求書 for staff, filtered by worker (issue 19, item 2): by number (`#12`) or by part of a name,
 * with the month; several matches are offered as buttons, none is said plainly. Through the console.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxRecord } from '../src/domain/shared.ts';
import { type ChatBench, type ChatSession, openChatBench } from './helpers/chat.ts';

let c: ChatBench;
let staff: ChatSession;

beforeAll(async () => {
  c = await openChatBench('invoicefilter');
  staff = await c.as('if-staff', ['staff'], { name: '経理 佐藤' });
});
afterAll(() => c?.close());

describe('入力請求書 <worker> <month>', () => {
  it('shows one worker’s items, by number or by name, and asks which one when several match', async () => {
    const yamadaTaro = await c.as('if-taro', ['worker'], { name: '山田 太郎' });
    const yamadaHanako = await c.as('if-hanako', ['worker'], { name: '山田 花子' });
    const suzuki = await c.as('if-suzuki', ['worker'], { name: '鈴木 一郎' });
    for (const [w, amount, what] of [
      [yamadaTaro, '12,000円', 'アンケート入力'],
      [yamadaHanako, '8,000円', '名刺入力'],
      [suzuki, '5,000円', '文字起こし'],
    ] as const) {
      expect(await staff.say(`請求登録 ${w.actor.userId} ${amount} ${what}`)).toContain('を登録しました');
    }
    const all = await staff.say('入力請求書 2026-11');
    for (const what of ['アンケート入力', '名刺入力', '文字起こし']) expect(all).toContain(what);

    const byNumber = await staff.say(`入力請求書 ＃${suzuki.actor.userId} 2026-11`);
    expect(byNumber).toContain('文字起こし');
    expect(byNumber).not.toContain('アンケート入力');

    const byName = await staff.say('入力請求書 花子 2026-11');
    expect(byName).toContain('名刺入力');
    expect(byName).not.toContain('アンケート入力');

    const several = await staff.say('入力請求書 山田 2026-11');
    expect(several).toContain('「山田」に当てはまる方が複数います。');
    const chosen = await staff.tap(`山田 太郎 (#${yamadaTaro.actor.userId})`);
    expect(chosen).toContain('アンケート入力');
    expect(chosen).not.toContain('名刺入力');

    expect(await staff.say('入力請求書 高橋 2026-11')).toContain('「高橋」に当てはまる方の明細はありません');
    // A worker cannot look at someone else's invoice by naming them.
    // (the word is read as the month they meant, and explained).
    expect(await yamadaTaro.say('入力請求書 鈴木')).toContain('「鈴木」は月として読み取れませんでした');
  });
});

describe('月締め of a month whose pay date has passed', () => {
  it('says the pay date is in the past and closes only once confirmed, listing the items still open', async () => {
    const w = await c.as('if-late', ['worker'], { name: '遅れ 次郎' });
    expect(await staff.say(`請求登録 ${w.actor.userId} 3,000円 8月の入力作業 2026-08`)).toContain(
      'を登録しました',
    );
    expect(await staff.say(`請求登録 ${w.actor.userId} 2,000円 8月の追加作業 2026-08`)).toContain(
      'を登録しました',
    );
    const items = await c.services.invoices.listItems(w.actor, { month: '2026-08' });
    await c.services.invoices.confirm(w.actor, items[0]?.id ?? 0);

    // August's pay date (the 10th of September) has passed on 2026-11-20.
    const asked = await staff.say('月締め 2026-08');
    expect(asked).toContain('2026年8月分のお支払い予定日(2026年9月10日(木))はすでに過ぎています。');
    expect(await c.services.statements.list(w.actor, {})).toHaveLength(0);
    const closed = await staff.tap('締める');
    expect(closed).toContain('2026年8月分');
    expect(closed).toContain('まだ確定していない明細');
    expect(closed).toContain(`#${items[1]?.id} 8月の追加作業`);
    expect(closed).toContain('遅れ 次郎');
  });
});

describe('approval leads to payment', () => {
  it('adds the job’s reward to the worker’s invoice when the client approves, and asks staff to check it', async () => {
    const client = await c.as('if-client', ['client'], { name: '株式会社テスト 担当' });
    const worker = await c.as('if-paid', ['worker'], { name: '報酬 花子' });
    const { job } = await c.services.jobs.post(client.actor, {
      title: 'チラシ入力',
      reward: { type: 'unit', unitPriceYen: 40, quantity: 200 },
      status: 'open',
    });
    const app = await c.services.applications.apply(worker.actor, job.id);
    await c.services.applications.accept(client.actor, app.id);
    const sheet = await c.b.ctx.files.put(Buffer.from('%PDF-1.7\nsheet'));
    await c.services.applications.handOverWorkFiles(client.actor, app.id, [
      { storageKey: sheet.key, name: 'sheet.pdf', mime: 'application/pdf', size: sheet.size },
    ]);
    await c.services.applications.start(worker.actor, app.id);
    await c.services.deliveries.deliver(worker.actor, app.id, '', [
      { storageKey: sheet.key, name: 'done.pdf', mime: 'application/pdf', size: sheet.size },
    ]);

    const approved = await client.say(`承認 ${app.id}`);
    // Unit price × quantity: ¥40 × 200 = ¥8,000; the client is not told to run a staff command.
    expect(approved).toContain('報酬 8,000円 を2026年11月分の入力請求書に登録しました。');
    expect(approved).not.toContain('請求登録');
    const items = await c.services.invoices.listItems(worker.actor, { month: '2026-11' });
    expect(items.map((i) => [i.amountYen, i.applicationId, i.status])).toEqual([[8000, app.id, 'pending']]);
    const toStaff = await c.b.outbox({ recipientUserId: staff.actor.userId, type: 'invoice.item_to_check' });
    expect(toStaff).toHaveLength(1);
    const toWorker = await c.b.outbox({ recipientUserId: worker.actor.userId, type: 'invoice.item_added' });
    expect(toWorker).toHaveLength(1);
  });
});

describe('請求修正 and 請求取消 of a disputed item', () => {
  it('corrects the amount with a reason the worker reads, who confirms again; withdraws another with a reason', async () => {
    const w = await c.as('if-disputer', ['worker'], { name: '異議 三郎' });
    expect(await staff.say(`請求登録 ${w.actor.userId} 10,000円 名刺入力 200枚`)).toContain('を登録しました');
    expect(await staff.say(`請求登録 ${w.actor.userId} 3,000円 名刺入力 追加分`)).toContain('を登録しました');
    const [first, second] = await c.services.invoices.listItems(w.actor, { month: '2026-11' });
    if (!first || !second) throw new Error('no items');
    expect(await w.say(`異議 ${first.id} 実際は180枚でした`)).toContain(`#${first.id}`);

    const corrected = await staff.say(`請求修正 ${first.id} ９，０００円 180枚で数え直しました`);
    expect(corrected).toContain(`明細 #${first.id} を9,000円に修正しました。`);
    const rows = await c.b.outbox({ recipientUserId: w.actor.userId, type: 'invoice.item_added' });
    const last = rows.at(-1);
    if (!last) throw new Error('the worker was not told');
    const { renderNotification } = await import('../src/notifications/render.ts');
    const { renderReply } = await import('../adapters/console/render.ts');
    const shown = renderReply(
      await renderNotification(last as OutboxRecord, 'ja', {
        store: c.b.store.store,
        timeZone: 'Asia/Tokyo',
        button: async (_u, label, command) => ({ label, payload: command }),
      }),
      'ja',
    );
    expect(shown.text).toContain(
      `入力請求書の2026年11月分の項目 #${first.id} が修正されました(10,000円 → 9,000円)`,
    );
    expect(shown.text).toContain('修正の理由:\n180枚で数え直しました');
    expect(shown.choices).toContain(`confirm ${first.id}`);
    expect(await w.say(`確認 ${first.id}`)).toContain('確認済みにしました');

    expect(await staff.say(`請求取消 ${second.id}`)).toContain('請求取消 明細番号 理由');
    expect(await staff.say(`請求取消 ${second.id} 重複して登録したため`)).toContain(
      `明細 #${second.id}(3,000円)を取り消しました。`,
    );
    const items = await c.services.invoices.listItems(w.actor, { month: '2026-11' });
    expect(items.map((i) => i.id)).toEqual([first.id]);
    const withdrawn = await c.b.outbox({ recipientUserId: w.actor.userId, type: 'invoice.item_withdrawn' });
    expect(withdrawn).toHaveLength(1);
    expect(withdrawn[0]?.payload.reason).toBe('重複して登録したため');
    // Workers cannot correct their own items.
    expect(await w.say(`請求修正 ${first.id} 99,000円 多めに`)).toBe(
      'このコマンドを実行する権限がありません。',
    );
  });
});
