/**
 * 満足度 end to end (docs/domain.md §2.11): staff complete an inquiry in Slack (✅ reaction, the slash
 * command); the customer on LINE gets the 1–5 question as quick replies in their own language, taps
 * a score, adds a comment (or skips, or cancels); the Slack card and the detail show the rating. A
 * second tap changes nothing; a colleague, another company's customer, staff and a replayed button
 * are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LineSeen, lineUserId, seenIn } from './helpers/line.ts';
import { DESK, deskCompany, openSlackBench, type SlackBench, slackSeen, TEAM } from './helpers/slack.ts';

let b: SlackBench;
const STAFF = 'USTAFFCSAT';
let companyId = 0;

beforeAll(async () => {
  b = await openSlackBench('deskcsat');
  await b.asUser(STAFF, ['staff'], { name: '佐藤' });
  ({ companyId } = await deskCompany(b, 'csat-sound'));
});
afterAll(async () => {
  await b?.close();
});

/** A customer on LINE, of `company` (the bench's own by default), in `language`. */
async function lineCustomer(name: string, language: 'ja' | 'en', company = companyId): Promise<void> {
  await b.lineUser.follow(name, { displayName: name, language });
  await b.app.store.uow.run(async (tx) => {
    const identity = await tx.identities.findOne({
      platform: 'line',
      workspace: '',
      externalId: lineUserId(name),
    });
    if (!identity) throw new Error('no identity');
    await tx.users.update(identity.userId, { roles: ['customer'], companyId: company });
  });
}

async function openInquiry(customer: string, comment: string): Promise<number> {
  const seen = await b.lineUser.say(customer, `問い合わせ new_store ${comment}`);
  const id = Number(/(?:問い合わせID|Inquiry ID):(\d+)/.exec(seen.text)?.[1]);
  expect(id).toBeGreaterThan(0);
  return id;
}

async function cardOf(id: number) {
  const find = () =>
    b.slack
      .messagesIn(DESK)
      .find(
        (m) => (!m.thread_ts || m.thread_ts === m.ts) && slackSeen([m]).text.includes(`問い合わせID:${id}`),
      );
  await b.slack.waitFor(() => find() !== undefined, 8000);
  // The mirror records the card's ts just after posting it: reactions find the inquiry by it.
  for (let i = 0; i < 400 && !(await b.app.store.desk.threadOf(id))?.ts; i++) await sleep(10);
  return find() as NonNullable<ReturnType<typeof find>>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const cardNow = (ts: string) => slackSeen(b.slack.messagesIn(DESK).filter((m) => m.ts === ts)).text;

/** The push to `customer` containing `text`, as LINE shows it (quick replies included). */
async function pushTo(customer: string, text: string): Promise<LineSeen & { quick: unknown }> {
  const to = lineUserId(customer);
  const find = () =>
    b.line.delivered.find(
      (d) => d.to === to && d.via === 'push' && JSON.stringify(d.messages).includes(text),
    );
  await b.line.waitFor(() => find() !== undefined, 8000);
  const messages = find()?.messages ?? [];
  return { ...seenIn(messages), quick: (messages.at(-1) as { quickReply?: unknown }).quickReply };
}

/** A postback from `customer` with `data`, as LINE sends it when a quick reply is tapped. */
const postback = (customer: string, data: string) =>
  b.lineUser.send(customer, [b.lineUser.event(customer, { type: 'postback', postback: { data } })]);

const ratingOf = async (inquiryId: number) =>
  b.app.store.uow.read((tx) => tx.support.ratings.findOne({ inquiryId }));

describe('満足度 after an inquiry is completed', () => {
  it('asks the customer on LINE in Japanese, records a tap and a comment, and shows them to staff', async () => {
    await lineCustomer('csat-tencho', 'ja');
    const id = await openInquiry('csat-tencho', 'スピーカーの増設を相談したいです');
    const card = await cardOf(id);

    // ✅ on the card completes it.
    const { id: eventId, body } = b.eventBody({
      type: 'reaction_added',
      user: STAFF,
      reaction: 'white_check_mark',
      item: { type: 'message', channel: DESK, ts: card.ts },
      item_user: 'UBOT',
      event_ts: '1',
    });
    await b.request(STAFF, eventId, body, 'json');

    // The completion notice ends with the question; the five scores are LINE quick replies.
    const asked = await pushTo('csat-tencho', '対応はいかがでしたか');
    expect(asked.text).toContain(`問い合わせID:${id} の状況が「完了」になりました。`);
    expect(asked.text).toContain(`問い合わせID:${id} の対応はいかがでしたか。5段階でご評価ください`);
    const items = (asked.quick as { items: { action: { type: string; label: string; data: string } }[] })
      .items;
    expect(items.map((i) => i.action.label)).toEqual([
      '1 とても不満',
      '2 不満',
      '3 ふつう',
      '4 満足',
      '5 とても満足',
    ]);
    expect(items.every((i) => i.action.type === 'postback' && i.action.data.startsWith('a:'))).toBe(true);
    const tap = (label: string) => items.find((i) => i.action.label === label)?.action.data ?? '';

    // A tap records it; the comment is asked next, with スキップ and キャンセル.
    const rated = await postback('csat-tencho', tap('4 満足'));
    expect(rated.text).toContain(`問い合わせID:${id} へのご評価「★★★★☆ (4)」を承りました。`);
    expect(rated.text).toContain('ご感想やご意見をお聞かせください(500文字まで、任意です)');
    expect(rated.buttons.map((x) => x.label)).toEqual(['スキップ', 'キャンセル']);
    expect((await ratingOf(id))?.score).toBe(4);

    // A button tapped in the comment step is no comment; too long a comment is asked again.
    expect((await postback('csat-tencho', tap('5 とても満足'))).text).toContain('[E365]');
    expect((await b.lineUser.say('csat-tencho', 'あ'.repeat(501))).text).toContain(
      '[E364] コメントは500文字以内で入力してください。',
    );
    const thanked = await b.lineUser.say('csat-tencho', '丁寧でした');
    expect(thanked.text).toContain('ご感想をお寄せいただき、ありがとうございました。');
    expect(await ratingOf(id)).toMatchObject({ score: 4, comment: '丁寧でした' });

    // The card in the desk channel shows it.
    await b.slack.waitFor(() => cardNow(card.ts).includes('★★★★☆ (4) 『丁寧でした』'), 8000);
    expect(cardNow(card.ts)).toContain('満足度');

    // A second tap is answered politely and changes nothing.
    const again = await postback('csat-tencho', tap('5 とても満足'));
    expect(again.text).toContain(`問い合わせID:${id} はすでに「★★★★☆ (4)」とご評価いただいています。`);
    expect((await b.lineUser.say('csat-tencho', `評価 ${id} 1`)).text).toContain('すでに「★★★★☆ (4)」');
    expect((await ratingOf(id))?.score).toBe(4);

    // Staff see it in the detail.
    const detail = await b.slash(STAFF, `問い合わせ詳細 ${id}`);
    expect(detail.text).toContain('★★★★☆ (4) 『丁寧でした』');
    expect(b.line.violations).toEqual([]);
  });

  it('asks in English, takes full-width digits, and keeps the rating when the comment is cancelled', async () => {
    await lineCustomer('csat-manager', 'en');
    const id = await openInquiry('csat-manager', 'Opening a second store');
    await cardOf(id);

    // The slash command completes it.
    expect((await b.slash(STAFF, `完了 ${id}`)).text).toContain(`問い合わせID:${id} を完了にしました。`);
    const asked = await pushTo('csat-manager', 'How did we do');
    expect(asked.text).toContain(
      `How did we do with Inquiry ID:${id}? Please rate us from 1 to 5 (5 is best).`,
    );
    expect(asked.buttons.map((x) => x.label)).toContain('5 Very satisfied');

    // Typed, with full-width digits; a score out of range is refused.
    expect((await b.lineUser.say('csat-manager', `csat ${id} ６`)).text).toContain('[E363]');
    const rated = await b.lineUser.say(
      'csat-manager',
      `評価　＃${String(id).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))}　５`,
    );
    expect(rated.text).toContain(`we have your rating “★★★★★ (5)” for Inquiry ID:${id}`);
    expect(rated.text).toContain('tell us more in a comment');
    const cancelled = await b.lineUser.tapLabel('csat-manager', 'Cancel');
    expect(cancelled.text).toContain('your rating is kept');
    expect(await ratingOf(id)).toMatchObject({ score: 5, comment: null });
    // Out of the comment step, a typed line is a command again.
    expect((await b.lineUser.say('csat-manager', `csat ${id}`)).text).toContain('You already rated');
  });

  it('refuses anyone but the customer who opened it, and an inquiry not completed', async () => {
    await lineCustomer('csat-owner', 'ja');
    await lineCustomer('csat-colleague', 'ja');
    const otherCompany = await b.app.store.uow.run(
      async (tx) => (await tx.companies.insert({ slug: 'csat-other', name: '株式会社ほか' })).id,
    );
    await lineCustomer('csat-stranger', 'ja', otherCompany);
    const id = await openInquiry('csat-owner', '照明の相談です');
    await cardOf(id);

    // Not completed yet: nothing to rate.
    expect((await b.lineUser.say('csat-owner', `評価 ${id} 5`)).text).toContain('[E362]');
    await b.slash(STAFF, `完了 ${id}`);
    const asked = await pushTo('csat-owner', '対応はいかがでしたか');
    const token = asked.buttons.find((x) => x.label === '1 とても不満')?.data ?? '';

    // A colleague of the same company, by hand or with the owner's button; another company's customer.
    expect((await b.lineUser.say('csat-colleague', `評価 ${id} 1`)).text).toContain(
      `[E361] 問い合わせID:${id} を評価できるのは、お問い合わせいただいたご本人のみです。`,
    );
    expect((await postback('csat-colleague', token)).text).toContain('このボタンは有効期限が切れています');
    expect((await postback('csat-colleague', `csat ${id} 1`)).text).toContain('[E361]');
    expect((await b.lineUser.say('csat-stranger', `評価 ${id} 1`)).text).toContain(
      `[E309] 問い合わせID:${id} が見つかりませんでした。`,
    );
    // Staff do not rate.
    expect((await b.slash(STAFF, `評価 ${id} 5`)).text).toContain('権限がありません');
    expect(await ratingOf(id)).toBeNull();

    // The owner still can; skipping the comment ends it.
    expect((await b.lineUser.say('csat-owner', `評価 ${id}`)).buttons.map((x) => x.label)).toHaveLength(5);
    await postback('csat-owner', token);
    expect((await b.lineUser.tapLabel('csat-owner', 'スキップ')).text).toContain(
      'ご評価ありがとうございました。',
    );
    expect(await ratingOf(id)).toMatchObject({ score: 1, comment: null });
  });

  it('broke no documented limit', () => {
    expect(b.slack.violations).toEqual([]);
    expect(b.line.violations).toEqual([]);
    expect(TEAM).toBeTruthy();
  });
});
