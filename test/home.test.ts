/**
 * ホーム / トップ / home (issue 19, item 3): per role, what needs the person now, each with the button
 * for the next step. Walked through the console; Slack's empty `/bot` leads here too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChatBench, type ChatSession, openChatBench } from './helpers/chat.ts';
import { openSlackBench } from './helpers/slack.ts';

let c: ChatBench;
let staff: ChatSession;

beforeAll(async () => {
  c = await openChatBench('home');
  staff = await c.as('home-staff', ['staff'], { name: '事務局 佐藤' });
});
afterAll(() => c?.close());

describe('home', () => {
  it('shows a worker what waits for them, and staff what waits for staff, each with its button', async () => {
    const worker = await c.as('home-worker', ['worker'], { name: '在宅 花子' });
    expect(await worker.say('トップ')).toContain('今すぐご対応いただくことはありません。');

    const { job } = await c.services.jobs.post(staff.actor, {
      title: '名刺入力',
      reward: { type: 'fixed', yen: 6000 },
      status: 'open',
    });
    const app = await c.services.applications.apply(worker.actor, job.id);
    // Staff: the new application, with the way to the applicants.
    const staffHome = await staff.say('ホーム');
    expect(staffHome).toContain('新しい応募');
    expect(staffHome).toContain(`応募 #${app.id}(名刺入力)`);
    expect(staff.choices()).toContain('応募者を見る');

    await c.services.applications.accept(staff.actor, app.id);
    expect(await staff.say(`請求登録 ${worker.actor.userId} 1,000円 交通費`)).toContain('を登録しました');
    const home = await worker.say('ホーム');
    expect(home).toContain('在宅 花子さんのホームです。');
    expect(home).toContain('作業をお願いしている応募');
    expect(home).toContain(`#${app.id} 名刺入力`);
    expect(home).toContain('採用されました。作業ファイルが届くまでお待ちください。');
    expect(home).toContain('確認待ちの請求明細(1件)');
    expect(home).toMatch(/今月分のお支払い予定日は \d{4}年\d{1,2}月\d{1,2}日/);
    const sheet = await c.b.ctx.files.put(Buffer.from('%PDF-1.7\nsheet'));
    await c.services.applications.handOverWorkFiles(staff.actor, app.id, [
      { storageKey: sheet.key, name: 'sheet.pdf', mime: 'application/pdf', size: sheet.size },
    ]);
    expect(await worker.say('ホーム')).toContain('採用されました。作業を開始してください。');
    expect(await worker.tap('作業を開始する')).toContain(`応募 #${app.id}`);
    const after = await worker.say('home');
    expect(after).toContain('作業中です。終わりましたら納品してください。');
    expect(worker.choices()).toContain('納品する');
  });

  it('shows a client the applications and deliveries on the jobs they posted, and nobody else’s', async () => {
    const client = await c.as('home-client', ['client'], { name: '発注 太郎' });
    const worker = await c.as('home-worker-2', ['worker'], { name: '在宅 次郎' });
    const { job: theirs } = await c.services.jobs.post(client.actor, {
      title: 'アンケート集計',
      reward: { type: 'fixed', yen: 5000 },
      status: 'open',
    });
    const { job: staffJob } = await c.services.jobs.post(staff.actor, {
      title: '別の案件',
      reward: { type: 'fixed', yen: 5000 },
      status: 'open',
    });
    const app = await c.services.applications.apply(worker.actor, theirs.id);
    await c.services.applications.apply(worker.actor, staffJob.id);
    const home = await client.say('ホーム');
    expect(home).toContain('発注 太郎さんのホームです。');
    expect(home).toContain(`応募 #${app.id}(アンケート集計)`);
    expect(home).not.toContain('別の案件');
    expect(client.choices()).toContain('応募者を見る');
    expect(client.choices()).toContain('求人を登録する');
  });

  it('is the first answer after 参加 with an invitation code, for the role just gained', async () => {
    const created = await staff.say('招待 ワーカー');
    const code = /招待コードは ([A-Z0-9]+)/.exec(created)?.[1];
    const newcomer = await c.as('home-newcomer', [], { name: '新人 三郎' });
    const joined = await newcomer.say(`参加 ${code}`);
    expect(joined).toContain('参加が完了しました。あなたの役割: ワーカー');
    expect(joined).toContain('新人 三郎さんのホームです。');
    expect(joined).toContain('今月分のお支払い予定日は');
    expect(newcomer.choices()).toContain('募集案件を見る');
  });

  it('help is a short menu grouped by portal, with one command’s details on request', async () => {
    const worker = await c.as('help-worker', ['worker'], { name: 'ヘルプ 太郎' });
    const menu = await worker.say('ヘルプ');
    expect(menu).toContain('【ご利用いただけるコマンド】');
    expect(menu).toContain('在宅業務(募集案件・応募・納品・請求)');
    expect(menu).toMatch(/求人・案件詳細・応募/);
    // Staff commands are not offered to a worker, and the menu is short (one line per group).
    expect(menu).not.toContain('求人登録');
    expect(menu.split('\n').length).toBeLessThan(20);
    expect(worker.choices()[0]).toBe('ホーム');
    const one = await worker.say('ヘルプ 応募');
    expect(one).toContain('募集案件に応募します');
    expect(one).toContain('別名: 応募する');
  });

  it('is what Slack’s /bot with nothing after it shows', async () => {
    const b = await openSlackBench('homeslack');
    try {
      await b.asUser('U0HOMESTAFF', ['staff'], { name: '事務局' });
      const seen = await b.slash('U0HOMESTAFF', '');
      expect(seen.text).toContain('事務局さんのホームです。');
    } finally {
      await b.close();
    }
  });
});
