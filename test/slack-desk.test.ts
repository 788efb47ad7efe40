/**
 * The support desk relay end to end: a customer on LINE opens an inquiry with a photo, its card and
 * photo appear in the Slack desk channel, a staff reply in the thread reaches the customer on LINE
 * (and the thread says so), the customer's answer appears in the thread, internal notes stay in
 * Slack, and resolving (button or ✅) redraws the card and tells the customer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jpeg, pdf } from './helpers/files.ts';
import { lineUserId, seenIn } from './helpers/line.ts';
import { DESK, openSlackBench, replyInThread, type SlackBench, slackSeen, TEAM } from './helpers/slack.ts';

let b: SlackBench;
const STAFF = 'USTAFFDESK';

beforeAll(async () => {
  // Links to files are signed for this address (LINE fetches files only over HTTPS).
  b = await openSlackBench('slackdesk', { env: { PUBLIC_URL: 'https://desk.example.test' } });
  await b.asUser(STAFF, ['staff'], { name: '佐藤' });
});
afterAll(async () => {
  await b?.close();
});

/** The card (thread root) of inquiry `id` in the desk channel, once the mirror has posted it. */
async function cardOf(id: number) {
  const find = () =>
    b.slack
      .messagesIn(DESK)
      .find((m) =>
        !m.thread_ts || m.thread_ts === m.ts ? slackSeen([m]).text.includes(`問い合わせID:${id}`) : false,
      );
  await b.slack.waitFor(() => find() !== undefined, 8000);
  const card = find() as NonNullable<ReturnType<typeof find>>;
  // The card is in Slack a moment before the mirror records its ts: a reply in its thread before
  // then is not known as the inquiry's yet.
  for (let i = 0; i < 800 && (await b.app.store.desk.threadOf(id))?.ts !== card.ts; i++)
    await new Promise((r) => setTimeout(r, 10));
  return card;
}

const threadText = (ts: string) => slackSeen(b.slack.messagesIn(DESK, ts).filter((m) => m.ts !== ts)).text;

/** What a person types in a thread: the message exists in Slack, then the Events API tells the app. */
const staffSays = (text: string, threadTs: string, user = STAFF, files?: unknown[]) =>
  replyInThread(b, user, threadTs, text, files);

async function linePushTo(user: string, text: string): Promise<string> {
  const to = lineUserId(user);
  const find = () =>
    b.line.delivered.find(
      (d) => d.to === to && d.via === 'push' && JSON.stringify(d.messages).includes(text),
    );
  await b.line.waitFor(() => find() !== undefined, 8000);
  return seenIn(find()?.messages ?? []).text;
}

async function makeLineCustomer(name: string): Promise<void> {
  await b.lineUser.follow(name, { displayName: name, language: 'ja' });
  await b.app.store.uow.run(async (tx) => {
    const identity = await tx.identities.findOne({
      platform: 'line',
      workspace: '',
      externalId: lineUserId(name),
    });
    if (!identity) throw new Error('no identity');
    const company = await tx.companies.insert({
      slug: `c${Math.random().toString(36).slice(2, 10)}`,
      name: '株式会社サウンド',
    });
    await tx.support.stores.insert({
      companyId: company.id,
      name: '渋谷店',
      prefecture: '東京都',
      region: '関東',
    });
    await tx.users.update(identity.userId, { roles: ['customer'], companyId: company.id });
  });
}

describe('the inquiry relay between LINE and a Slack thread', () => {
  it('carries a LINE inquiry, its photo, replies both ways, notes, and the resolution', async () => {
    await makeLineCustomer('tencho');
    // 問い合わせ step by step on LINE, with a photo.
    await b.lineUser.say('tencho', '問い合わせ');
    await b.lineUser.tapLabel('tencho', '修理');
    await b.lineUser.tapLabel('tencho', '音が出ない・映らない');
    await b.lineUser.tapLabel('tencho', '渋谷店');
    await b.lineUser.say('tencho', 'スピーカーから音が出ません。');
    await b.lineUser.sendFile('tencho', {
      name: 'speaker.jpg',
      content: jpeg('a speaker'),
      mime: 'image/jpeg',
    });
    await b.lineUser.tapLabel('tencho', '完了');
    const created = await b.lineUser.tapLabel('tencho', 'はい');
    const id = Number(/問い合わせID:(\d+)/.exec(created.text)?.[1]);
    expect(id).toBeGreaterThan(0);

    // The card: id, category, store, customer, status, Take/Resolve; the photo in the thread.
    const card = await cardOf(id);
    const cardText = slackSeen([card]).text;
    expect(cardText).toContain('修理 / 音が出ない・映らない');
    expect(cardText).toContain('渋谷店(東京都)');
    expect(cardText).toContain('tencho / 株式会社サウンド');
    expect(cardText).toContain('受付中');
    expect(cardText).toContain('スピーカーから音が出ません。');
    expect(slackSeen([card]).buttons.map((x) => x.text)).toEqual(['対応開始', '完了にする']);
    await b.slack.waitFor(() => [...b.slack.uploads.values()].some((u) => u.threadTs === card.ts), 8000);
    const upload = [...b.slack.uploads.values()].find((u) => u.threadTs === card.ts);
    expect(upload?.bytes.equals(jpeg('a speaker'))).toBe(true);

    // 👀 on the card takes it: the card shows 対応中 and the assignee; the customer is told on LINE.
    const { id: reactionId, body } = b.eventBody({
      type: 'reaction_added',
      user: STAFF,
      reaction: 'eyes',
      item: { type: 'message', channel: DESK, ts: card.ts },
      item_user: 'UBOT',
      event_ts: '1',
    });
    await b.request(STAFF, reactionId, body, 'json');
    await b.slack.waitFor(
      () =>
        slackSeen([b.slack.messagesIn(DESK).find((m) => m.ts === card.ts) ?? card]).text.includes('対応中'),
      8000,
    );
    expect(slackSeen([b.slack.messagesIn(DESK).find((m) => m.ts === card.ts) ?? card]).text).toContain(
      '佐藤',
    );
    expect(await linePushTo('tencho', '対応中')).toContain(`問い合わせID:${id}`);

    // A staff reply in the thread reaches the customer on LINE, and the thread confirms it.
    await staffSays('ご連絡ありがとうございます。明日10時に伺います。', card.ts);
    const pushed = await linePushTo('tencho', '明日10時に伺います');
    expect(pushed).toContain(`問い合わせID:${id} にサポート担当からメッセージが届きました。`);
    await b.slack.waitFor(() => threadText(card.ts).includes('✅ お客様にLINEで届けました。'), 8000);
    // The staff message is not echoed back into the thread by the mirror.
    await new Promise((r) => setTimeout(r, 400));
    expect(threadText(card.ts).match(/明日10時に伺います/g)).toHaveLength(1);

    // A reply with a PDF: the customer gets the text and a card whose download link gives the same bytes.
    const estimate = pdf('修理見積書 12,000円');
    const estimateFile = b.slack.addFile(estimate, '見積書.pdf', 'application/pdf');
    await staffSays('お見積りをお送りします。', card.ts, STAFF, [estimateFile]);
    await linePushTo('tencho', 'お見積りをお送りします');
    const link = /https:\/\/desk\.example\.test\/files\/[\w.-]+/.exec(
      JSON.stringify(b.line.messagesTo(lineUserId('tencho'))),
    )?.[0];
    expect(link).toBeDefined();
    const got = await fetch(`${b.url}${new URL(link ?? '').pathname}`);
    expect(got.status).toBe(200);
    expect(Buffer.from(await got.arrayBuffer()).equals(estimate)).toBe(true);
    expect(decodeURIComponent(got.headers.get('content-disposition') ?? '')).toContain('見積書.pdf');
    expect(b.line.violations).toEqual([]);

    // An internal note stays in Slack.
    const pushesBefore = b.line.delivered.filter((d) => d.via === 'push').length;
    const noteTs = await staffSays('// 部品の在庫を確認中', card.ts);
    expect(b.slack.messages.find((m) => m.ts === noteTs)?.reactions).toContain('lock');
    await new Promise((r) => setTimeout(r, 400));
    expect(b.line.delivered.filter((d) => d.via === 'push').length).toBe(pushesBefore);

    // The customer answers on LINE; it appears in the thread under their name.
    await b.lineUser.say('tencho', `返信 ${id} 10時で大丈夫です。よろしくお願いします。`);
    await b.slack.waitFor(() => threadText(card.ts).includes('10時で大丈夫です'), 8000);
    expect(threadText(card.ts)).toContain('tencho(お客様)');

    // Resolve with the card's button: the card shows 完了 without buttons; the customer is told.
    const current = b.slack.messagesIn(DESK).find((m) => m.ts === card.ts) ?? card;
    const resolve = slackSeen([current]).buttons.find((x) => x.text === '完了にする');
    expect(resolve).toBeDefined();
    const trigger = `trig-resolve-${id}`;
    const payload = {
      type: 'block_actions',
      team: { id: TEAM },
      user: { id: STAFF, team_id: TEAM },
      trigger_id: trigger,
      container: { type: 'message', message_ts: card.ts, channel_id: DESK },
      channel: { id: DESK },
      message: { ts: card.ts },
      response_url: b.slack.responseUrl(DESK, STAFF),
      actions: [{ type: 'button', action_id: resolve?.action_id, value: resolve?.value, action_ts: '1' }],
    };
    const res = await b.post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'form');
    expect(res.status).toBe(200);
    await b.slack.waitFor(() => {
      const now = b.slack.messagesIn(DESK).find((m) => m.ts === card.ts);
      return (
        now !== undefined && slackSeen([now]).text.includes('完了') && slackSeen([now]).buttons.length === 0
      );
    }, 8000);
    expect(await linePushTo('tencho', '「完了」')).toContain(`問い合わせID:${id}`);

    // After completion the thread is read-only: a late reply is refused, privately.
    await staffSays('追加でご連絡です', card.ts);
    const refusal = b.slack.messages
      .filter((m) => m.ephemeral?.user === STAFF && m.thread_ts === card.ts)
      .at(-1);
    expect(refusal?.text ?? '').not.toBe('');
  });

  it('tells a Slack user who is not staff that their reply was not sent', async () => {
    await makeLineCustomer('kyaku2');
    // The one-line form: a new-store consultation needs no store.
    const created = await b.lineUser.say('kyaku2', '問い合わせ new_store 新しいお店の相談です');
    const id = Number(/問い合わせID:(\d+)/.exec(created.text)?.[1]);
    expect(id).toBeGreaterThan(0);
    const card = await cardOf(id);
    await staffSays('こんにちは', card.ts, 'UOUTSIDER');
    const ephemeral = b.slack.messages.filter((m) => m.ephemeral?.user === 'UOUTSIDER').at(-1);
    expect(ephemeral?.text).toContain('お客様に送信されていません');
    expect(b.line.delivered.some((d) => JSON.stringify(d.messages).includes('こんにちは'))).toBe(false);
  });

  it('broke no documented limit on either platform', () => {
    expect(b.slack.violations).toEqual([]);
    expect(b.line.violations).toEqual([]);
  });
});
