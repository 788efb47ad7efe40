/**
 * Staff review work and pay for it on Slack, the way the console journey does it
 * (test/cmd-work-journey.test.ts): slash commands answered privately, DM messages carrying Slack
 * files, and the decision buttons of the DM notifications (採用 on a new application, 検収する on a
 * delivery). The worker is a Slack user too, so their notifications arrive as DMs.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackMessage } from './fakes/slack-api.ts';
import { openSlackBench, type SlackBench, type SlackSeen, slackSeen, TEAM } from './helpers/slack.ts';

/**
 * Only `user` sees it: an ephemeral answer to them, or a DM (a notification the command caused, such
 * as the invoice item to check, may land in their DM while the answer is being read).
 */
const privateTo =
  (user: string) =>
  (m: { ephemeral?: { user: string }; channel: string }): boolean =>
    m.ephemeral?.user === user || m.channel.startsWith('D');

let b: SlackBench;
let seq = 0;

beforeAll(async () => {
  b = await openSlackBench('slackreview');
});
afterAll(async () => {
  await b?.close();
});

/** The number after `prefix #` in `text`. */
function idAfter(text: string, prefix: string): number {
  const m = new RegExp(`${prefix} #(\\d+)`).exec(text);
  if (!m) throw new Error(`no "${prefix} #…" in:\n${text}`);
  return Number(m[1]);
}

/** Outbox rows of one type for one recipient (no service lists them). */
async function outbox(type: string, recipientUserId: number): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: b.schema.url });
  await client.connect();
  try {
    const res = await client.query(
      'select id, type, payload from outbox where type = $1 and recipient_user_id = $2 order by id',
      [type, recipientUserId],
    );
    return res.rows;
  } finally {
    await client.end();
  }
}

/** The DM channel the app opened with `user` (conversations.open) for its notifications. */
function dmChannelOf(user: string): string | undefined {
  for (const c of b.slack.calls) {
    if (c.api === 'conversations.open' && c.body.users === user) {
      const id = (c.response as { channel?: { id?: string } })?.channel?.id;
      if (id) return id;
    }
  }
  return undefined;
}

/** Notification DMs to `user` whose visible text contains `text`. */
function notificationsTo(user: string, text: string): SlackMessage[] {
  const channel = dmChannelOf(user);
  if (!channel) return [];
  return b.slack.messages.filter(
    (m) => m.channel === channel && !m.ephemeral && slackSeen([m]).text.includes(text),
  );
}

/** Waits for the one notification DM to `user` containing `text` and returns it. */
async function notification(user: string, text: string): Promise<SlackMessage> {
  await b.slack.waitFor(() => notificationsTo(user, text).length > 0, 8000);
  const found = notificationsTo(user, text);
  expect(found).toHaveLength(1);
  return found[0] as SlackMessage;
}

/**
 * Presses the button labelled exactly `label` on `message` (a notification DM, which the bench's
 * `press` does not know about because it came from the outbox, not from a request of `user`).
 */
async function pressOn(user: string, message: SlackMessage, label: string): Promise<SlackSeen> {
  const button = slackSeen([message]).buttons.find((x) => x.text === label);
  if (!button) {
    const labels = slackSeen([message])
      .buttons.map((x) => x.text)
      .join(' | ');
    throw new Error(`no button "${label}" on the message: ${labels}`);
  }
  const trigger = `TRIGREVIEW${++seq}`;
  const payload = {
    type: 'block_actions',
    team: { id: TEAM, domain: 'fake' },
    user: { id: user, team_id: TEAM },
    api_app_id: 'AAPP',
    trigger_id: trigger,
    container: {
      type: 'message',
      message_ts: message.ts,
      channel_id: message.channel,
      is_ephemeral: message.ephemeral !== undefined,
    },
    channel: { id: message.channel },
    message: { ts: message.ts, blocks: message.blocks ?? [] },
    response_url: b.slack.responseUrl(message.channel, user, message.ts),
    actions: [
      {
        type: 'button',
        action_id: button.action_id,
        block_id: 'b',
        value: button.value,
        action_ts: String(b.clock().getTime() / 1000),
      },
    ],
  };
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return (await b.request(user, `act:${trigger}`, body, 'form')).seen;
}

/** A DM from `user` with one Slack file shared in it. */
function dmWithFile(user: string, text: string, name: string, content: string): Promise<SlackSeen> {
  const file = b.slack.addFile(Buffer.from(content), name, 'text/plain');
  return b.dm(user, text, { subtype: 'file_share', files: [file] });
}

/** `/bot 求人登録 …` by `staff`; the job id. */
async function postJob(staff: string, title: string): Promise<number> {
  const posted = await b.slash(staff, `求人登録 ${title} / 12,000円 / 1 / 2026-12-10`);
  expect(posted.text).toContain('を公開しました');
  expect(posted.messages.every(privateTo(staff))).toBe(true);
  return idAfter(posted.text, '募集案件');
}

describe('staff review work on Slack', () => {
  it('decides on an applicant and approves a delivery from the DM notification buttons', async () => {
    const staff = 'USTAFF';
    const worker = 'UWORKER';
    await b.asUser(staff, ['staff'], { name: '佐藤' });
    const workerId = await b.asUser(worker, ['worker'], { name: '花子' });

    // 求人登録 by slash command: answered privately to the staff member.
    const jobId = await postJob(staff, 'アンケート入力');

    // The worker applies in a DM with a message (no guided flow).
    const applied = await b.dm(worker, `応募 ${jobId} よろしくお願いします`);
    expect(applied.text).toContain(`募集案件 #${jobId} アンケート入力 に応募しました`);
    const appId = idAfter(applied.text, '応募');

    // The job's owner is told in a DM, with the decision buttons.
    const received = await notification(staff, `応募 #${appId} が届きました`);
    expect(slackSeen([received]).buttons.map((x) => x.text)).toEqual(['採用', '不採用', '応募者を見る']);

    // 応募者 by slash command: the list, privately, with 採用 / 不採用 on the undecided application.
    const applicants = await b.slash(staff, `応募者 ${jobId}`);
    expect(applicants.messages.length).toBeGreaterThan(0);
    expect(applicants.messages.every(privateTo(staff))).toBe(true);
    expect(applicants.text).toContain(`募集案件 #${jobId} アンケート入力 の応募者(1件、採用0/1名)`);
    expect(applicants.text).toContain(`応募 #${appId} 花子 (#${workerId})`);
    expect(applicants.text).toContain('よろしくお願いします');
    expect(applicants.buttons.map((x) => x.text)).toEqual(['採用', '不採用']);
    // 不採用 on the private list only asks for a reason (nothing is decided), answered privately too.
    const rejectAsk = await b.pressLabel(staff, '不採用');
    expect(rejectAsk.text).toContain(
      `応募 #${appId} を不採用にするには、理由を添えて「不採用 ${appId} 理由」`,
    );
    expect(rejectAsk.messages.every(privateTo(staff))).toBe(true);

    // 採用 on the notification accepts; the answer comes in the same DM.
    const accepted = await pressOn(staff, received, '採用');
    expect(accepted.text).toContain(`応募 #${appId}(花子 (#${workerId}))を採用しました`);
    expect(accepted.text).toContain(`「作業ファイル ${appId}」`);
    expect(accepted.messages.every((m) => m.channel === received.channel && !m.ephemeral)).toBe(true);
    expect(await outbox('application.accepted', workerId)).toHaveLength(1);
    await notification(worker, `応募 #${appId} が採用されました`);

    // The list now shows the seat taken and no more decisions.
    const after = await b.slash(staff, `応募者 ${jobId}`);
    expect(after.text).toContain('(1件、採用1/1名)');
    expect(after.buttons.map((x) => x.text)).toEqual(['詳細']);

    // 作業ファイル: a slash command cannot carry files, so the staff member shares one in a DM.
    const handed = await dmWithFile(staff, `作業ファイル ${appId}`, '回答用シート.txt', 'sheet');
    expect(handed.text).toContain(`応募 #${appId} のワーカーに作業ファイル1件を渡しました。`);
    await notification(worker, `応募 #${appId} の作業ファイル(1件)が届きました`);

    // The worker starts and delivers with a file.
    expect((await b.dm(worker, `作業開始 ${appId}`)).text).toContain(`応募 #${appId} の作業を開始しました。`);
    const delivered = await dmWithFile(worker, `納品 ${appId} ご確認お願いします`, '入力済み.txt', 'done');
    expect(delivered.text).toContain(`応募 #${appId} の納品を受け付けました(ファイル1件)`);

    // 検収する on the delivery notification shows the review; 承認 approves.
    const deliveryNote = await notification(staff, `応募 #${appId} の納品が届きました`);
    expect(slackSeen([deliveryNote]).buttons.map((x) => x.text)).toEqual(['検収する']);
    const review = await pressOn(staff, deliveryNote, '検収する');
    expect(review.text).toContain(`応募 #${appId} の納品 #`);
    expect(review.text).toContain('ご確認お願いします');
    expect(review.text).toContain('入力済み.txt');
    expect(review.text).toContain('検収待ち');
    expect(review.buttons.map((x) => x.text)).toEqual(['承認', '修正依頼', '詳細']);
    const approved = await b.pressLabel(staff, '承認');
    expect(approved.text).toContain(`応募 #${appId} の納品を承認し、検収を完了しました`);
    expect(approved.text).toContain('報酬 12,000円 を2026年11月分の入力請求書に登録しました。');
    await notification(worker, `応募 #${appId} の納品を検収しました`);

    // Pressing 採用 once more on the old notification is refused by naming the state.
    const again = await pressOn(staff, received, '採用');
    expect(again.text).toContain('この応募は現在「検収完了」のため、この操作はできません。');

    // The worker sees the finished state (card fields render as "*label*\nvalue" on Slack).
    const status = await b.slash(worker, `応募状況 ${appId}`);
    expect(status.text).toContain('*状況*\n検収完了');
    expect(status.text).toContain('ファイル: 入力済み.txt');
  });
});

describe('paying for work on Slack', () => {
  it('adds an invoice item, lets the worker confirm it, and closes the month into a statement', async () => {
    const staff = 'UPAYSTAFF';
    const worker = 'UPAYWORKER';
    await b.asUser(staff, ['staff'], { name: '鈴木' });
    const workerId = await b.asUser(worker, ['worker'], { name: '太郎' });

    // An approved application, by commands only.
    const jobId = await postJob(staff, 'データ入力');
    const appId = idAfter((await b.dm(worker, `応募 ${jobId} お願いします`)).text, '応募');
    expect((await b.slash(staff, `採用 ${appId}`)).text).toContain(
      `応募 #${appId}(太郎 (#${workerId}))を採用しました`,
    );
    await dmWithFile(staff, `作業ファイル ${appId}`, 'manual.txt', 'manual');
    await b.dm(worker, `作業開始 ${appId}`);
    await dmWithFile(worker, `納品 ${appId} 完了しました`, 'result.txt', 'result');
    // Approval leads to payment: the reward is added to the worker's invoice, and staff are asked to check it.
    const approved = await b.slash(staff, `承認 ${appId}`);
    expect(approved.text).toContain(`応募 #${appId} の納品を承認し`);
    expect(approved.text).toContain('報酬 12,000円 を2026年11月分の入力請求書に登録しました。');
    expect(approved.messages.every(privateTo(staff))).toBe(true);
    await notification(worker, '入力請求書に2026年11月分の項目 #');
    await notification(staff, `応募 #${appId} の検収が済み、入力請求書に2026年11月分の項目 #`);
    // A second item for the same application is not added by approving: 請求登録 stays for extras.
    expect(workerId).toBeGreaterThan(0);

    // The worker confirms it from their invoice (DM, then the button).
    const invoice = await b.dm(worker, '入力請求書');
    expect(invoice.text).toContain('2026年11月分の入力請求書(1件)');
    expect(invoice.text).toContain('12,000円・確認待ち');
    const confirmed = await b.pressLabel(worker, '確認する');
    expect(confirmed.text).toMatch(/明細 #\d+\(12,000円\)を確認済みにしました/);

    // Once November is over, 月締め issues one statement paid on Thursday 10 December.
    b.clock.set('2026-12-01T03:00:00Z');
    const closed = await b.slash(staff, '月締め 2026-11');
    expect(closed.text).toContain(
      '2026年11月分を締めました。支払明細書1件(合計12,000円)を発行し、お支払日は2026年12月10日(木)です。',
    );
    expect(closed.text).toContain('お支払い先の口座が未登録');
    expect(closed.text).toContain('太郎');
    expect(closed.messages.every(privateTo(staff))).toBe(true);
    await notification(worker, '2026年11月分の支払明細書を発行しました。合計 12,000円');

    // The worker reads it.
    const statements = await b.slash(worker, '支払明細書');
    expect(statements.text).toContain('12,000円・お支払日 2026年12月10日(木)');
  });
});

describe('limits', () => {
  it('no request of this file broke a documented Slack or LINE limit', () => {
    expect(b.slack.violations).toEqual([]);
    expect(b.line.violations).toEqual([]);
  });
});
