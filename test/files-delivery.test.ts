/**
 * Files reach people (issue 18), through signed webhooks against the fake platforms, the bytes
 * compared by SHA-256 at the far end:
 * - a LINE worker and Slack staff: work files handed over in Slack arrive on LINE (a download card
 *   over the signed HTTPS link), the worker's delivery arrives in Slack (uploaded into the DM) with
 *   the notification, and again on the review card;
 * - Discord: a team member delivers with `/bot file:`, and the reviewer's card carries the file as an
 *   attachment.
 * The inquiry relay (a LINE photo into the Slack thread, a PDF reply back to LINE) is in
 * slack-desk.test.ts. No fake records a limit breach.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/domain/actor.ts';
import { type DiscordBench, openDiscordBench } from './helpers/discord.ts';
import { zip } from './helpers/files.ts';
import { lineUserId } from './helpers/line.ts';
import { openSlackBench, type SlackBench } from './helpers/slack.ts';

const PUBLIC_URL = 'https://bot.example.test';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const LINK = /https:\/\/bot\.example\.test\/files\/[\w.-]+/g;

describe('files between a LINE worker and Slack staff', () => {
  let b: SlackBench;
  beforeAll(async () => {
    b = await openSlackBench('filesdel', { env: { PUBLIC_URL } });
  });
  afterAll(async () => {
    await b?.close();
  });

  /** Follows a link as LINE does, through the HTTPS front that forwards to the app. */
  async function download(link: string): Promise<Buffer> {
    const url = new URL(link);
    expect(url.origin).toBe(PUBLIC_URL);
    const res = await fetch(`${b.url}${url.pathname}`);
    expect(res.status).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  }

  const linksTo = (user: string) => JSON.stringify(b.line.messagesTo(lineUserId(user))).match(LINK) ?? [];

  it('hands work files to the worker on LINE and the delivery to staff in Slack, bytes intact', async () => {
    const STAFF = 'U0FILESTAFF';
    const staffId = await b.asUser(STAFF, ['staff'], { name: '事務局 佐藤' });
    const staff: Actor = { userId: staffId, roles: ['staff'], companyId: null };
    await b.lineUser.follow('files-hanako', { displayName: '花子', language: 'ja' });
    const worker = await b.app.store.users.findByIdentity({
      platform: 'line',
      workspace: '',
      externalId: lineUserId('files-hanako'),
    });
    if (!worker) throw new Error('the follow registered nobody');
    const { job } = await b.app.domain.jobs.post(staff, {
      title: '名刺データ入力',
      reward: { type: 'fixed', yen: 5000 },
      status: 'open',
    });
    const app = await b.app.domain.applications.apply(
      { userId: worker.id, roles: worker.roles, companyId: null },
      job.id,
    );
    await b.app.domain.applications.accept(staff, app.id);

    // 作業ファイル in the staff member's DM with the bot, the sheet attached.
    const sheet = zip('meishi list: 山田 太郎, 佐藤 花子');
    const shared = b.slack.addFile(sheet, 'meishi_list.xlsx', XLSX);
    const handed = await b.dm(STAFF, `作業ファイル ${app.id}`, { subtype: 'file_share', files: [shared] });
    expect(handed.text).toContain(`応募 #${app.id} のワーカーに作業ファイル1件を渡しました。`);

    // The worker's notification on LINE carries the file: a card with a download button.
    await b.line.waitFor(() => linksTo('files-hanako').length > 0, 8000);
    const card = b.line
      .messagesTo(lineUserId('files-hanako'))
      .find((m) => m.type === 'flex' && JSON.stringify(m).includes('meishi_list.xlsx'));
    expect(JSON.stringify(card)).toContain('ダウンロード');
    const [link] = linksTo('files-hanako');
    expect(sha(await download(link ?? ''))).toBe(sha(sheet));

    // 応募状況 on LINE shows the same file again, with a fresh link.
    const status = await b.lineUser.say('files-hanako', `応募状況 ${app.id}`);
    expect(status.text).toContain('meishi_list.xlsx');

    // 納品 on LINE: a file message, 完了, a note, はい.
    await b.app.domain.applications
      .start({ userId: worker.id, roles: worker.roles, companyId: null }, app.id)
      .catch(() => undefined);
    const result = zip('result: 2 cards entered');
    await b.lineUser.say('files-hanako', `納品 ${app.id}`);
    await b.lineUser.sendFile('files-hanako', { name: 'result.xlsx', content: result, mime: XLSX });
    await b.lineUser.tapLabel('files-hanako', '完了');
    await b.lineUser.say('files-hanako', 'ご確認お願いします');
    expect((await b.lineUser.tapLabel('files-hanako', 'はい')).text).toContain(
      `応募 #${app.id} の納品を受け付けました`,
    );

    // Staff's notification in Slack: the file uploaded into their DM, bytes intact.
    const delivered = () => b.slack.files.filter((f) => f.name === 'result.xlsx' && f.completed && f.channel);
    await b.slack.waitFor(() => delivered().length >= 1, 8000);
    expect(sha(delivered()[0]?.bytes ?? Buffer.alloc(0))).toBe(sha(result));
    expect(delivered()[0]?.channel?.startsWith('D')).toBe(true);

    // 検収 from the slash command: the card is only theirs, the file goes to their DM.
    const review = await b.slash(STAFF, `検収 ${app.id}`);
    expect(review.text).toContain('ご確認お願いします');
    await b.slack.waitFor(() => delivered().length >= 2, 8000);
    expect(delivered().every((f) => sha(f.bytes) === sha(result))).toBe(true);

    expect(b.slack.violations).toEqual([]);
    expect(b.line.violations).toEqual([]);
  });
});

describe('files to a Discord reviewer', () => {
  let b: DiscordBench;
  beforeAll(async () => {
    b = await openDiscordBench('filesdisc', { env: { PUBLIC_URL } });
  });
  afterAll(async () => {
    await b?.close();
  });

  it('takes a team member’s delivery on Discord and attaches it to the reviewer’s card, bytes intact', async () => {
    const REVIEWER = '1300000000000004242';
    const WORKER = '1300000000000004343';
    const staffId = await b.asUser(REVIEWER, ['staff'], { name: '検収担当' });
    const workerId = await b.asUser(WORKER, ['worker'], { name: 'チームの加藤' });
    const staff: Actor = { userId: staffId, roles: ['staff'], companyId: null };
    const worker: Actor = { userId: workerId, roles: ['worker'], companyId: null };
    const { job } = await b.app.domain.jobs.post(staff, {
      title: 'アンケート入力',
      reward: { type: 'fixed', yen: 3000 },
      status: 'open',
    });
    const app = await b.app.domain.applications.apply(worker, job.id);
    await b.app.domain.applications.accept(staff, app.id);
    const storedSheet = await b.app.files.put(zip('work sheet'));
    await b.app.domain.applications.handOverWorkFiles(staff, app.id, [
      { storageKey: storedSheet.key, name: 'sheet.xlsx', mime: XLSX, size: storedSheet.size },
    ]);
    await b.app.domain.applications.start(worker, app.id).catch(() => undefined);

    // 納品 step by step with /bot: the file as `/bot file:`, 完了, a note, はい.
    const result = zip('discord delivery');
    expect((await b.say(WORKER, `納品 ${app.id}`)).text).toContain('納品ファイルを添付してください');
    expect(
      (await b.say(WORKER, '', { file: { name: 'delivery.xlsx', content: result, mime: XLSX } })).text,
    ).toContain('ファイルを1件受け取りました');
    await b.say(WORKER, '完了');
    await b.say(WORKER, 'よろしくお願いします');
    expect((await b.say(WORKER, 'はい')).text).toContain(`応募 #${app.id} の納品を受け付けました`);

    const before = b.discord.attachments.length;
    const seen = await b.say(REVIEWER, `検収 ${app.id}`);
    expect(seen.text).toContain('よろしくお願いします');
    await b.discord.waitFor(() => b.discord.attachments.length > before, 8000);
    const sent = b.discord.attachments.slice(before);
    expect(sent.map((a) => a.filename)).toEqual(['delivery.xlsx']);
    expect(sha(sent[0]?.bytes ?? Buffer.alloc(0))).toBe(sha(result));
    expect(b.discord.violations).toEqual([]);
  });
});
