/**
 * What the operator owes workers by law (docs/domain.md §1.4, §1.9, §1.12), as people type it in the
 * console, on the injected clock: the order's terms stated at acceptance (ja and en) and read again,
 * a new version when the reward changes, the 60-day rule at month close and the early close, the pay
 * deadlines list, and the ledger as CSV (in chat and from the command line).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesOf } from '../src/chat/types.ts';
import type { Actor } from '../src/domain/actor.ts';
import type { OutboxRecord } from '../src/domain/shared.ts';
import { ledgerCsv } from '../src/domain/work/ledger-csv.ts';
import { renderNotification } from '../src/notifications/render.ts';
import { type ChatBench, type ChatSession, openChatBench, replyTo } from './helpers/chat.ts';
import { spawnNode } from './helpers/process.ts';

let c: ChatBench;
let staff: ChatSession;
let staffEn: ChatSession;
let hanako: ChatSession;
let bob: ChatSession;
let taro: ChatSession;
let client: ChatSession;

/** `12` → `１２`. */
const fullWidth = (n: number) => String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));

/** JST noon of a business date, as the clock reads it. */
const at = (ymd: string) => `${ymd}T03:00:00Z`;

beforeAll(async () => {
  c = await openChatBench('compliance');
  c.b.clock.set(at('2026-08-20'));
  c.b.ctx.operatorName = '株式会社サンプル';
  staff = await c.as('comp-staff', ['staff'], { name: '佐藤' });
  staffEn = await c.as('comp-staff-en', ['staff'], { name: 'Sato', locale: 'en' });
  hanako = await c.as('comp-hanako', ['worker'], { name: '花子' });
  bob = await c.as('comp-bob', ['worker'], { name: 'Bob', locale: 'en' });
  taro = await c.as('comp-taro', ['worker'], { name: '太郎' });
  const company = await c.b.company('株式会社クライアント');
  client = await c.as('comp-client', ['client'], { name: '鈴木', companyId: company });
});
afterAll(() => c?.close());

/** A notification as the recipient would read it, in `locale` (buttons as their commands). */
async function rendered(row: { id: number }, locale: 'ja' | 'en'): Promise<string> {
  const [full] = (await c.b.outbox()).filter((r) => r.id === row.id);
  const reply = await renderNotification(full as unknown as OutboxRecord, locale, {
    store: c.b.store.store,
    timeZone: 'Asia/Tokyo',
    button: async (_user, label, command) => ({ label, payload: command }),
  });
  return reply.blocks.map((b) => (b.type === 'text' ? b.text : JSON.stringify(b))).join('\n');
}

async function postJob(title: string, yen: number, extra: { dueDate?: Date; description?: string } = {}) {
  const { job } = await c.services.jobs.post(staff.actor, {
    title,
    reward: { type: 'fixed', yen },
    openings: 3,
    status: 'open',
    ...extra,
  });
  return job.id;
}

/** Apply, accept, hand over, start: an application in work. */
async function inWork(worker: Actor, jobId: number): Promise<number> {
  const app = await c.services.applications.apply(worker, jobId);
  await c.services.applications.accept(staff.actor, app.id);
  await c.services.applications.handOverWorkFiles(staff.actor, app.id, [await c.b.upload('作業.xlsx', 'w')]);
  await c.services.applications.start(worker, app.id);
  return app.id;
}

async function deliverOn(worker: Actor, appId: number, ymd: string) {
  c.b.clock.set(at(ymd));
  await c.services.deliveries.deliver(worker, appId, '', [
    await c.b.upload(`納品${appId}.xlsx`, `d${appId}`),
  ]);
}

/** Approve on `ymd` and have the worker confirm the item it adds; returns the item's id. */
async function approveOn(worker: Actor, appId: number, ymd: string): Promise<number> {
  c.b.clock.set(at(ymd));
  await c.services.deliveries.approve(staff.actor, appId);
  const [item] = await c.b.store.store.uow.read((tx) => tx.work.invoiceItems.find({ applicationId: appId }));
  if (!item) throw new Error('no item');
  await c.services.invoices.confirm(worker, item.id);
  return item.id;
}

let jobTerms: number;
let appH: number;
let appB: number;

describe('取引条件 at acceptance', () => {
  it('stores version 1 and states it to the worker with the acceptance, in Japanese and in English', async () => {
    const { job } = await c.services.jobs.post(staff.actor, {
      title: 'アンケート入力',
      description: '紙のアンケート240件をExcelに入力します。',
      reward: { type: 'unit', unitPriceYen: 50, quantity: 240 },
      openings: 2,
      dueDate: new Date('2026-12-10T14:59:00Z'),
      status: 'open',
    });
    jobTerms = job.id;
    appH = (await c.services.applications.apply(hanako.actor, jobTerms)).id;
    appB = (await c.services.applications.apply(bob.actor, jobTerms)).id;
    expect(await staff.say(`採用 ${appH}`)).toContain(
      `応募 #${appH}(花子 (#${hanako.actor.userId}))を採用しました`,
    );
    expect(await staff.say(`採用 ${appB}`)).toContain('を採用しました');

    const terms = await c.b.store.store.uow.read((tx) => tx.work.orderTerms.find({ applicationId: appH }));
    expect(terms).toEqual([
      expect.objectContaining({
        version: 1,
        workerId: hanako.actor.userId,
        jobId: jobTerms,
        clientUserId: null,
        clientName: '株式会社サンプル',
        workerName: '花子',
        rewardType: 'unit',
        unitPriceYen: 50,
        quantity: 240,
        rewardYen: 12000,
        expectedPayDate: '2027-01-08',
        orderedAt: new Date(at('2026-08-20')),
        reason: null,
        createdBy: staff.actor.userId,
      }),
    ]);
    const [accepted] = await c.b.outbox({
      type: 'application.accepted',
      recipientUserId: hanako.actor.userId,
    });
    expect(accepted?.payload).toMatchObject({ applicationId: appH, termsId: terms[0]?.id });
    expect(await rendered(accepted as { id: number }, 'ja')).toBe(
      [
        `応募 #${appH} が採用されました。作業ファイルの受け渡しまでお待ちください。`,
        '',
        `■ 取引条件(応募 #${appH}・第1版)`,
        '発注事業者: 株式会社サンプル',
        '受託者: 花子',
        '業務委託日: 2026年8月20日(木)',
        `業務内容: #${jobTerms} アンケート入力`,
        '紙のアンケート240件をExcelに入力します。',
        '報酬額: 12,000円(税込・単価 50円 × 240件)',
        '納期: 2026年12月10日(木)',
        '納品の方法: このチャットの「納品」でファイルをお送りください。届いた時点で受領となります。',
        '検収: 納品を受けた日から起算して7日以内に完了します。',
        '支払期日: 検収が完了した月の末日締め、翌月10日払いです(金融機関の休業日は前営業日)。ただし、納品を受けた日から起算して60日以内に必ずお支払いします。',
        'お支払い予定日: 2027年1月8日(金)(納期どおりに納品・検収が済んだ場合)',
        '支払方法: ご登録の口座への銀行振込',
        `{"type":"buttons","buttons":[{"label":"取引条件を見る","payload":"order-terms ${appH}"},{"label":"応募状況を見る","payload":"application ${appH}"}]}`,
      ].join('\n'),
    );
    const [toBob] = await c.b.outbox({ type: 'application.accepted', recipientUserId: bob.actor.userId });
    const english = await rendered(toBob as { id: number }, 'en');
    expect(english).toContain(`■ Terms of the order (application #${appB}, version 1)`);
    expect(english).toContain('Ordered by: 株式会社サンプル');
    expect(english).toContain('Contractor: Bob');
    expect(english).toContain('Ordered on: Thu, 20 Aug 2026');
    expect(english).toContain('Reward: ¥12,000 (tax included, ¥50 × 240 units)');
    expect(english).toContain('Due date: Thu, 10 Dec 2026');
    expect(english).toContain(
      'Expected pay date: Fri, 8 Jan 2027 (when delivered and reviewed by the due date)',
    );
    expect(english).toContain('Payment method: Bank transfer to your registered account');
    expect(english).toContain(`"payload":"order-terms ${appB}"`);
  });

  it('names a client’s company for the client’s own job, and refuses to update a stored version', async () => {
    const { job } = await c.services.jobs.post(client.actor, {
      title: 'ロゴの清書',
      reward: { type: 'fixed', yen: 30000 },
      status: 'open',
    });
    const app = await c.services.applications.apply(taro.actor, job.id);
    await c.services.applications.accept(client.actor, app.id);
    const [terms] = await c.b.store.store.uow.read((tx) =>
      tx.work.orderTerms.find({ applicationId: app.id }),
    );
    expect(terms).toMatchObject({
      clientUserId: client.actor.userId,
      clientName: '株式会社クライアント',
      dueDate: null,
      expectedPayDate: null,
    });
    const sql = (q: string, p: unknown[]) => c.b.store.orm.em.getConnection().execute(q, p);
    await expect(sql('update order_terms set reward_yen = 1 where id = ?', [terms?.id])).rejects.toThrow(
      /never updated/,
    );
    // The client reads the terms of their own job's order; staff read anyone's.
    expect(await client.say(`取引条件 ${app.id}`)).toContain('発注事業者: 株式会社クライアント');
    expect(await client.say(`取引条件 ${appH}`)).toBe(
      'ご指定の応募が見つかりませんでした。番号をご確認ください。',
    );
  });
});

describe('取引条件 as a command', () => {
  it('opens the worker’s own terms, with full-width digits, and lists them when typed alone', async () => {
    // `取引条件 ３`: the number as a Japanese keyboard types it.
    const card = await hanako.say(`取引条件 ${fullWidth(appH)}`);
    expect(card).toContain(`■ 取引条件(応募 #${appH}・第1版)`);
    expect(card).toContain('報酬額: 12,000円(税込・単価 50円 × 240件)');
    expect(card).toContain(`「取引条件 ${appH}」でいつでも表示できます`);
    expect(await hanako.say(`取引条件${appH}`)).toContain(`■ 取引条件(応募 #${appH}・第1版)`);
    const list = await hanako.say('取引条件');
    expect(list).toContain('取引条件の記録(1件)');
    expect(list).toContain(`#${appH} アンケート入力`);
    expect(list).toContain('2026年8月20日(木) 発注・報酬 12,000円・第1版');
    expect(await hanako.tap('開く')).toContain(`■ 取引条件(応募 #${appH}・第1版)`);
  });

  it('answers staff, and tells another worker the application is not found; wrong input is explained', async () => {
    expect(await staff.say(`取引条件 #${appH}`)).toContain('受託者: 花子');
    expect(await taro.say(`取引条件 ${appH}`)).toBe(
      'ご指定の応募が見つかりませんでした。番号をご確認ください。',
    );
    expect(await hanako.say(`取引条件 ${appB}`)).toBe(
      'ご指定の応募が見つかりませんでした。番号をご確認ください。',
    );
    expect(await hanako.say('取引条件 999999')).toBe(
      'ご指定の応募が見つかりませんでした。番号をご確認ください。',
    );
    expect(await hanako.say('取引条件 あいう')).toContain('は番号として読み取れませんでした');
    expect(await staff.say('取引条件')).toContain('「取引条件 応募番号」で送ってください');
    expect(await hanako.say(`取引条 ${appH}`)).toContain('取引条件');
  });

  it('speaks English: order-terms, terms <number>, and terms alone is still the terms of use', async () => {
    expect(await bob.say('order-terms')).toContain('Your order terms (1)');
    const card = await bob.say(`terms ${appB}`);
    expect(card).toContain(`■ Terms of the order (application #${appB}, version 1)`);
    expect(card).toContain(`Send “terms ${appB}” to see them again at any time.`);
    expect(await bob.say('terms')).not.toContain('Terms of the order');
    expect(await bob.say(`terms ${appH}`)).toBe(
      'We could not find that application. Please check the number.',
    );
  });
});

describe('a new version when the reward changes', () => {
  it('revises before approval, invoices the new reward, and versions again when the item is corrected', async () => {
    const revised = await staff.say(`取引条件変更 ${appH} 15,000円 作業量が増えたため`);
    expect(revised).toContain(`応募 #${appH} の取引条件を第2版にし、報酬を15,000円にしました`);
    const [notice] = await c.b.outbox({ type: 'order.terms_revised', recipientUserId: hanako.actor.userId });
    expect(notice?.payload).toMatchObject({ applicationId: appH, version: 2 });
    const text = await rendered(notice as { id: number }, 'ja');
    expect(text).toContain(`応募 #${appH} の取引条件が変わりました(第2版)。`);
    expect(text).toContain('報酬額: 15,000円(税込・固定額)');
    expect(text).toContain('変更の理由: 作業量が増えたため');
    expect(await staff.say(`取引条件変更 ${appH} 15000 同じ`)).toBe(
      '報酬額が現在の取引条件と同じため、変更しませんでした。',
    );
    expect(await staff.say(`取引条件変更 ${appH} 16000`)).toContain(
      '「取引条件変更 応募番号 新しい報酬額 理由」',
    );

    const shown = await hanako.say(`取引条件 ${appH}`);
    expect(shown).toContain(`■ 取引条件(応募 #${appH}・第2版)`);
    expect(shown).toContain('第1版(2026年8月20日(木))報酬 12,000円');
    expect(shown).toContain('第2版(2026年8月20日(木))報酬 15,000円');

    await c.services.applications.handOverWorkFiles(staff.actor, appH, [await c.b.upload('a.xlsx', 'a')]);
    await c.services.applications.start(hanako.actor, appH);
    await deliverOn(hanako.actor, appH, '2026-08-24');
    c.b.clock.set(at('2026-08-25'));
    await c.services.deliveries.approve(staff.actor, appH);
    const [item] = await c.b.store.store.uow.read((tx) => tx.work.invoiceItems.find({ applicationId: appH }));
    expect(item?.amountYen).toBe(15000);
    expect(await staff.say(`請求修正 ${item?.id} 16,000円 単価を見直しました`)).toContain(
      '16,000円に修正しました',
    );
    const versions = await c.services.orderTerms.versions(hanako.actor, appH);
    expect(versions.map((v) => [v.version, v.rewardYen, v.reason])).toEqual([
      [1, 12000, null],
      [2, 15000, '作業量が増えたため'],
      [3, 16000, '単価を見直しました'],
    ]);
    expect(await staff.say(`取引条件変更 ${appH} 17000 念のため`)).toContain(
      '状況が「検収完了」の応募の取引条件は変更できません',
    );
  });
});

let jobs: { a: number; b: number; c: number; d: number };
let apps: { a: number; b: number; c: number; d: number };
let items: { a: number; b: number; c: number };
let wa: ChatSession;
let wb: ChatSession;
let wc: ChatSession;
let wd: ChatSession;

describe('the 60-day rule', () => {
  beforeAll(async () => {
    c.b.clock.set(at('2026-08-25'));
    wa = await c.as('comp-a', ['worker'], { name: '秋子' });
    wb = await c.as('comp-b', ['worker'], { name: '文男' });
    wc = await c.as('comp-c', ['worker'], { name: '千夏' });
    wd = await c.as('comp-d', ['worker'], { name: '大地' });
    jobs = {
      a: await postJob('データ入力, "至急"', 10000),
      b: await postJob('文字起こし', 20000),
      c: await postJob('画像の切り抜き', 30000),
      d: await postJob('商品説明の作成', 40000),
    };
    apps = {
      a: await inWork(wa.actor, jobs.a),
      b: await inWork(wb.actor, jobs.b),
      c: await inWork(wc.actor, jobs.c),
      d: await inWork(wd.actor, jobs.d),
    };
    await deliverOn(wb.actor, apps.b, '2026-09-01');
    await deliverOn(wc.actor, apps.c, '2026-09-05');
    await deliverOn(wa.actor, apps.a, '2026-10-05');
    await deliverOn(wd.actor, apps.d, '2026-10-15');
    items = {
      b: await approveOn(wb.actor, apps.b, '2026-10-02'),
      c: await approveOn(wc.actor, apps.c, '2026-10-06'),
      a: await approveOn(wa.actor, apps.a, '2026-10-20'),
    };
  });

  it('lists received work near its limit, with the limit date, soonest first', async () => {
    c.b.clock.set(at('2026-10-21'));
    const soon = await staff.say('支払期限');
    expect(soon).toContain('支払期限が14日以内、または予定の支払日では間に合わない仕事(3件)');
    // Hanako's August item is still unconfirmed, its month never closed: due tomorrow.
    expect(soon).toContain(
      '受領 2026年8月24日(月) → 支払期限 2026年10月22日(木)(あと1日)・予定の支払日 2026年10月21日(水)',
    );
    const b = soon.indexOf(`#${items.b} #${jobs.b} 文字起こし`);
    const cc = soon.indexOf(`#${items.c} #${jobs.c} 画像の切り抜き`);
    expect(b).toBeGreaterThan(-1);
    expect(cc).toBeGreaterThan(b);
    expect(soon).toContain(`文男 (#${wb.actor.userId})・20,000円・確認済み`);
    expect(soon).toContain(
      '受領 2026年9月1日(火) → 支払期限 2026年10月30日(金)(あと9日)・予定の支払日 2026年11月10日(火)',
    );
    expect(soon).toContain('受領 2026年9月5日(土) → 支払期限 2026年11月3日(火)(あと13日)');
    expect(soon).toContain(
      `⚠ 予定の支払日では期限を過ぎます。期限までに個別にお支払いのうえ「月締め 2026-10 #${wb.actor.userId} 支払日」で締めてください。`,
    );
    expect(soon).not.toContain('データ入力');
    expect(soon).toContain('納品を受けた日を1日目として数えた60日目です');

    const all = await staff.say('支払期限 60');
    expect(all).toContain('(5件)');
    expect(all).toContain('受領 2026年10月5日(月) → 支払期限 2026年12月3日(木)(あと43日)');
    expect(all).toContain(`応募 #${apps.d}(#${jobs.d} 商品説明の作成)`);
    expect(all).toContain(`大地 (#${wd.actor.userId})・40,000円・検収待ち`);
    expect(all).toContain('受領 2026年10月15日(木) → 支払期限 2026年12月13日(日)(あと53日)');

    const english = await staffEn.say('pay-deadlines');
    expect(english).toContain('(3)');
    expect(english).toContain('(1 day left)');
    expect(english).toContain(
      'Received Tue, 1 Sep 2026 → pay by Fri, 30 Oct 2026 (9 days left) · planned pay date Tue, 10 Nov 2026',
    );
    expect(await staff.say('支払期限 あした')).toContain('「支払期限 日数」の形で送ってください');
    expect(await staff.say('支払期限 61')).toBe('日数は0〜60の整数で指定してください。');
    expect(await wa.say('支払期限')).toContain('権限');
  });

  it('refuses the statements paid after the limit at month close, closes the others, and says what to do', async () => {
    c.b.clock.set(at('2026-11-02'));
    const closed = await staff.say('月締め 2026-10');
    expect(closed).toContain(
      '2026年10月分を締めました。支払明細書1件(合計10,000円)を発行し、お支払日は2026年11月10日(火)です。',
    );
    expect(closed).toContain(
      '⚠ 次のワーカーの支払明細書は発行しませんでした。お支払日 2026年11月10日(火) では、納品を受けた日から60日の支払期限を過ぎる明細があるためです。',
    );
    expect(closed).toContain(`文男 (#${wb.actor.userId})・明細1件・20,000円`);
    expect(closed).toContain(
      `#${items.b} #${jobs.b} 文字起こし(20,000円): 受領 2026年9月1日(火)、支払期限 2026年10月30日(金)`,
    );
    expect(closed).toContain('支払期限をすでに過ぎている明細があります。直ちにお支払いください。');
    expect(closed).toContain(`月締め 2026-10 #${wb.actor.userId} 2026-11-02`);
    expect(closed).toContain(
      `#${items.c} #${jobs.c} 画像の切り抜き(30,000円): 受領 2026年9月5日(土)、支払期限 2026年11月3日(火)`,
    );
    expect(closed).toContain(`月締め 2026-10 #${wc.actor.userId} 2026-11-02`);

    const statements = await c.b.store.store.uow.read((tx) => tx.work.statements.find({ month: '2026-10' }));
    expect(statements.map((s) => [s.workerId, s.payDate])).toEqual([[wa.actor.userId, '2026-11-10']]);
    expect(await c.b.outbox({ type: 'payment.statement', recipientUserId: wb.actor.userId })).toEqual([]);
    expect((await c.services.invoices.getItem(staff.actor, items.b)).status).toBe('confirmed');
    expect((await c.b.audit('statement.refused')).length).toBe(2);

    // Closing again refuses again, and issues nothing twice.
    const again = await staff.say('月締め 2026-10');
    expect(again).toContain('新たに発行する支払明細書はありませんでした');
    expect(again).toContain(`文男 (#${wb.actor.userId})・明細1件・20,000円`);
  });

  it('closes one worker early, on or before the limit, and records a payment already too late', async () => {
    expect(await staff.say(`月締め 2026-10 #${wc.actor.userId} 2026-11-05`)).toContain(
      `#${items.c} #${jobs.c} 画像の切り抜き(30,000円): 受領 2026年9月5日(土)、支払期限 2026年11月3日(火)`,
    );
    expect(await staff.say(`月締め 2026-10 #${wc.actor.userId} 2026-11-03`)).toBe(
      '早めのお支払日は、2026-11-01から2026-11-10までの金融機関の営業日を「YYYY-MM-DD」の形で指定してください。',
    );
    const early = await staff.say(`月締め 2026-10 #${wc.actor.userId} 2026-11-02`);
    const [ofC] = await c.b.store.store.uow.read((tx) =>
      tx.work.statements.find({ workerId: wc.actor.userId }),
    );
    expect(early).toBe(
      `千夏 (#${wc.actor.userId})の2026年10月分を締めました。支払明細書 #${ofC?.id}(合計30,000円)を発行し、お支払日は2026年11月2日(月)です。`,
    );
    const late = await staffEn.say(`close-month 2026-10 #${wb.actor.userId} 2026-11-04`);
    const [ofB] = await c.b.store.store.uow.read((tx) =>
      tx.work.statements.find({ workerId: wb.actor.userId }),
    );
    expect(late).toContain(
      `Oct 2026 is closed for 文男 (#${wb.actor.userId}): statement #${ofB?.id} (¥20,000), paid on Wed, 4 Nov 2026.`,
    );
    expect(late).toContain(
      `⚠ Some items are paid after their deadline (#${items.b}). This has been recorded.`,
    );
    const byWorker = await c.b.store.store.uow.read((tx) => tx.work.statements.find({ month: '2026-10' }));
    expect(byWorker.map((s) => [s.workerId, s.payDate]).sort()).toEqual(
      [
        [wa.actor.userId, '2026-11-10'],
        [wb.actor.userId, '2026-11-04'],
        [wc.actor.userId, '2026-11-02'],
      ].sort(),
    );
    const [paid] = await c.b.outbox({ type: 'payment.statement', recipientUserId: wb.actor.userId });
    expect(paid?.payload).toMatchObject({ payDate: '2026-11-04', totalYen: 20000 });
    expect(await staff.say('支払期限 60')).not.toContain('文字起こし');
  });
});

describe('the ledger (取引履歴)', () => {
  let expected: string;

  beforeAll(async () => {
    // A hand-made item (no order) whose text a spreadsheet would run as a formula, and an order not invoiced yet.
    await staff.say(`請求登録 #${wa.actor.userId} 1,200円 =1+1 交通費 2026-11`);
    c.b.clock.set(at('2026-11-03'));
    const extra = await postJob('追加の入力', 5000);
    await c.services.applications.accept(
      staff.actor,
      (await c.services.applications.apply(wa.actor, extra)).id,
    );
    const ledger = await c.services.ledger.ledger(staff.actor, wa.actor.userId, 2026);
    expected = ledgerCsv(ledger, 'ja');
  });

  it('exports a worker’s orders, deliveries and payments as RFC 4180 CSV with a BOM', async () => {
    const [orderA] = await c.services.orderTerms.versions(wa.actor, apps.a);
    const [manual] = await c.b.store.store.uow.read((tx) =>
      tx.work.invoiceItems.find({ workerId: wa.actor.userId, applicationId: null }),
    );
    const [statement] = await c.b.store.store.uow.read((tx) =>
      tx.work.statements.find({ workerId: wa.actor.userId }),
    );
    const mine = await c.services.orderTerms.listMine(wa.actor);
    const extraApp = mine[0]?.applicationId;
    expect(orderA?.version).toBe(1);
    expect(expected).toBe(
      [
        '\uFEFF発注日,応募番号,発注事業者,業務内容,報酬額(円),取引条件の版,納期,納品日(給付受領日),検収日,支払期限(受領から60日),請求月,明細番号,明細,金額(円),状態,支払明細書番号,支払日',
        `2026-08-25,${apps.a},株式会社サンプル,"データ入力, ""至急""",10000,1,,2026-10-05,2026-10-20,2026-12-03,2026-10,${items.a},"#${jobs.a} データ入力, ""至急""",10000,支払明細書に計上済み,${statement?.id},2026-11-10`,
        `,,,,,,,,,,2026-11,${manual?.id},'=1+1 交通費,1200,確認待ち,,`,
        `2026-11-03,${extraApp},株式会社サンプル,追加の入力,5000,1,,,,,,,,,採用,,`,
        '',
      ].join('\r\n'),
    );
    const english = ledgerCsv(await c.services.ledger.ledger(null, wa.actor.userId, 2026), 'en', {
      bom: false,
    });
    expect(english.split('\r\n')[0]).toBe(
      'Ordered on,Application,Ordered by,Work,Reward (JPY),Terms version,Due date,Delivered (received) on,Approved on,Pay by (60 days from receipt),Invoice month,Item,Item description,Amount (JPY),Status,Statement,Pay date',
    );
    expect(english.split('\r\n')[3]).toContain(',Accepted,,');
    expect(await c.services.ledger.ledger(wb.actor, wa.actor.userId, 2026).catch((e) => e.key)).toBe(
      'forbidden',
    );
  });

  it('hands the worker their own ledger as a CSV file with a readable summary (取引履歴)', async () => {
    const said = await wa.say('取引履歴');
    expect(said).toContain('秋子さんの2026年の取引履歴');
    expect(said).toContain('発注 2件・明細 2件(合計 11,200円)・うち支払明細書に計上済み 10,000円');
    expect(said).toContain(`#${apps.a} データ入力, "至急"`);
    expect(said).toContain('支払日 2026年11月10日(火)');
    expect(said).toContain(`📎 取引履歴_2026_${wa.actor.userId}.csv`);
    const reply = await replyTo(c.bot, wa, '取引履歴 ２０２６年');
    const [file] = filesOf(reply);
    expect(file?.file.mime).toBe('text/csv');
    expect((await c.b.ctx.files.read(file?.file.storageKey ?? '')).toString('utf8')).toBe(expected);
    expect(await wa.say('取引履歴 2025')).toBe('秋子さんの2025年の取引履歴\n2025年の取引はまだありません。');
    expect(await wa.say('取引履歴 来年')).toContain('「来年」は年として読み取れませんでした');
    expect(await staff.say(`取引履歴 秋子 2026`)).toContain('秋子さんの2026年の取引履歴');
    const english = await replyTo(c.bot, bob, 'ledger');
    expect(filesOf(english)[0]?.file.name).toBe(`ledger_2026_${bob.actor.userId}.csv`);
  });

  it('exports the same file from the command line (npm run cli -- work-ledger)', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ledger-cli-'));
    try {
      const env = { DATABASE_URL: c.b.store.schema.url, DATA_DIR: dir };
      const args = ['work-ledger', '--worker', String(wa.actor.userId), '--year', '2026'];
      const toStdout = spawnNode('src/cli.ts', args, env);
      expect(await toStdout.exited).toBe(0);
      expect(toStdout.stdout()).toBe(expected);
      const out = path.join(dir, 'ledger.csv');
      const toFile = spawnNode('src/cli.ts', [...args, '--out', out, '--lang', 'en', '--no-bom'], env);
      expect(await toFile.exited).toBe(0);
      expect(toFile.stderr()).toBe(`wrote 3 row(s) to ${out}\n`);
      expect((await readFile(out, 'utf8')).startsWith('Ordered on,Application,')).toBe(true);
      const wrong = spawnNode(
        'src/cli.ts',
        ['work-ledger', '--worker', String(wa.actor.userId), '--year', '26'],
        env,
      );
      expect(await wrong.exited).toBe(2);
      expect(wrong.stderr()).toContain('--year takes a year such as 2026');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
