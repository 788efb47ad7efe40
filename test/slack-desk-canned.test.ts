/**
 * 定型文 in the Slack desk threads (docs/domain.md §2.12, docs/platforms.md §2.9): staff keep canned
 * replies with `/bot`, then insert one in an inquiry's thread by replying `定型文 <名前>` or with the
 * message shortcut and its modal; the customer on LINE receives it filled, in their language, like a
 * typed thread reply (📤, then ✅ in the thread). Typos, extra words, a message outside the desk
 * threads and someone who is not staff are answered privately and nothing reaches the customer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineUserId, seenIn } from './helpers/line.ts';
import {
  DESK,
  deskCompany,
  openSlackBench,
  replyInThread,
  type SlackBench,
  slackSeen,
  TEAM,
} from './helpers/slack.ts';

let b: SlackBench;
const STAFF = 'USTAFFCANNED';
let companyId = 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  b = await openSlackBench('deskcanned');
  await b.asUser(STAFF, ['staff'], { name: '佐藤' });
  ({ companyId } = await deskCompany(b, 'canned-sound'));
});
afterAll(async () => {
  await b?.close();
});

async function lineCustomer(name: string, language: 'ja' | 'en'): Promise<void> {
  await b.lineUser.follow(name, { displayName: name, language });
  await b.app.store.uow.run(async (tx) => {
    const identity = await tx.identities.findOne({
      platform: 'line',
      workspace: '',
      externalId: lineUserId(name),
    });
    if (!identity) throw new Error('no identity');
    await tx.users.update(identity.userId, { roles: ['customer'], companyId });
  });
}

/** Opens an inquiry on LINE and returns its id and its card's ts once the mirror recorded it. */
async function openInquiry(customer: string, comment: string): Promise<{ id: number; ts: string }> {
  const seen = await b.lineUser.say(customer, `問い合わせ new_store ${comment}`);
  const id = Number(/(?:問い合わせID|Inquiry ID):(\d+)/.exec(seen.text)?.[1]);
  expect(id).toBeGreaterThan(0);
  let ts: string | null = null;
  for (let i = 0; i < 800 && !ts; i++) {
    ts = (await b.app.store.desk.threadOf(id))?.ts ?? null;
    if (!ts) await sleep(10);
  }
  if (!ts) throw new Error(`no card for inquiry ${id}`);
  return { id, ts };
}

/** What a person types in a thread: the message exists in Slack, then the Events API tells the app. */
const says = (text: string, threadTs: string, user = STAFF) => replyInThread(b, user, threadTs, text);

const pushes = (customer: string) =>
  b.line.delivered.filter((d) => d.to === lineUserId(customer) && d.via === 'push');

async function pushTo(customer: string, text: string): Promise<string> {
  const find = () => pushes(customer).find((d) => JSON.stringify(d.messages).includes(text));
  await b.line.waitFor(() => find() !== undefined, 8000);
  return seenIn(find()?.messages ?? []).text;
}

const threadText = (ts: string) => slackSeen(b.slack.messagesIn(DESK, ts).filter((m) => m.ts !== ts)).text;
const lastEphemeral = (user: string) => b.slack.messages.filter((m) => m.ephemeral?.user === user).at(-1);

/** The message shortcut used on the message `ts` of `channel` (a thread reply carries `thread_ts`). */
async function shortcut(user: string, channel: string, message: { ts: string; thread_ts?: string }) {
  const trigger = `trig-canned-${Math.random().toString(36).slice(2, 10)}`;
  const payload = {
    type: 'message_action',
    callback_id: 'desk-canned',
    trigger_id: trigger,
    team: { id: TEAM, domain: 'fake' },
    user: { id: user, team_id: TEAM, name: user },
    channel: { id: channel, name: 'desk' },
    message: { type: 'message', user, text: 'x', ...message },
    message_ts: message.ts,
    response_url: b.slack.responseUrl(channel, user),
    action_ts: '1',
    token: 'legacy',
  };
  const res = await b.post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'form');
  expect(res.status).toBe(200);
  return trigger;
}

/** Submits the canned-reply modal opened by `trigger` with the option whose text starts with `name`. */
async function submitModal(user: string, trigger: string, name: string): Promise<Response> {
  await b.slack.waitFor(() => b.slack.views.some((v) => v.trigger_id === trigger), 8000);
  const opened = b.slack.views.find((v) => v.trigger_id === trigger);
  const select = opened?.view.blocks.find((x: { block_id?: string }) => x.block_id === 'canned');
  const option = select.element.options.find((o: { text: { text: string } }) => o.text.text.startsWith(name));
  const payload = {
    type: 'view_submission',
    team: { id: TEAM, domain: 'fake' },
    user: { id: user, team_id: TEAM },
    api_app_id: 'AAPP',
    trigger_id: `${trigger}-submit`,
    view: {
      id: opened?.id,
      hash: '1.a',
      callback_id: opened?.view.callback_id,
      private_metadata: opened?.view.private_metadata,
      state: {
        values: {
          canned: { canned: { type: 'static_select', selected_option: { value: option?.value ?? '0' } } },
        },
      },
    },
  };
  return b.post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'form');
}

describe('canned replies in the desk threads', () => {
  it('are kept with /bot and sent by a thread reply, filled, to a Japanese customer on LINE', async () => {
    expect(
      (
        await b.slash(
          STAFF,
          '定型文登録 お礼 {顧客名}様、お問い合わせありがとうございます。担当の{担当者}です。',
        )
      ).text,
    ).toContain('定型文「お礼」を登録しました。');
    expect(
      (
        await b.slash(
          STAFF,
          '定型文英語 お礼 Dear {customer_name}, thank you for your inquiry. This is {assignee}.',
        )
      ).text,
    ).toContain('英語の本文を設定しました');
    await b.slash(STAFF, '定型文登録 訪問 {店舗}に伺います。');

    await lineCustomer('canned-tencho', 'ja');
    const { id, ts } = await openInquiry('canned-tencho', '新店舗の相談です');

    const trigger = await says('定型文 お礼', ts);
    const pushed = await pushTo('canned-tencho', 'お問い合わせありがとうございます');
    expect(pushed).toContain(`問い合わせID:${id} にサポート担当からメッセージが届きました。`);
    expect(pushed).toContain('canned-tencho様、お問い合わせありがとうございます。担当の佐藤です。');
    // The thread shows what was sent, under the staff member, with 📤, then the delivery.
    const posted = b.slack.messagesIn(DESK, ts).find((m) => slackSeen([m]).text.includes('定型文「お礼」'));
    expect(slackSeen(posted ? [posted] : []).text).toContain(`<@${STAFF}> (担当)・定型文「お礼」`);
    expect(posted?.reactions).toContain('outbox_tray');
    await b.slack.waitFor(() => threadText(ts).includes('✅ お客様にLINEで届けました。'), 8000);
    // The trigger itself is not relayed, and the mirror does not post the reply a second time.
    await sleep(400);
    expect(pushes('canned-tencho').filter((d) => JSON.stringify(d.messages).includes('定型文 お礼'))).toEqual(
      [],
    );
    expect(threadText(ts).match(/担当の佐藤です/g)).toHaveLength(1);
    expect(b.slack.messages.find((m) => m.ts === trigger)).toBeDefined();
  });

  it('answers a typo or extra words privately and sends nothing', async () => {
    await lineCustomer('canned-typo', 'ja');
    const { ts } = await openInquiry('canned-typo', '照明の相談です');
    const before = pushes('canned-typo').length;
    await says('定型文 おれい', ts);
    expect(lastEphemeral(STAFF)?.text).toContain(
      '[E375] 定型文「おれい」は見つかりませんでした。登録されている定型文は お礼, 訪問 です。',
    );
    await says('定型文 お礼 よろしくお願いします', ts);
    expect(lastEphemeral(STAFF)?.text).toContain('「定型文 <名前>」とだけ返信してください');
    // Full-width letters and the ideographic space fold.
    await says('定型文　おれい', ts);
    expect(lastEphemeral(STAFF)?.text).toContain('[E375]');
    await says('ｃａｎｎｅｄ　おれい', ts);
    expect(lastEphemeral(STAFF)?.text).toContain('[E375]');
    await sleep(300);
    expect(pushes('canned-typo').length).toBe(before);
    // Someone who is not staff: not sent either.
    await says('定型文 お礼', ts, 'UOUTSIDERC');
    expect(lastEphemeral('UOUTSIDERC')?.text).toContain('お客様に送信されていません');
    await sleep(300);
    expect(pushes('canned-typo').length).toBe(before);
  });

  it('are sent from the message shortcut’s modal, in English to an English-speaking customer', async () => {
    await lineCustomer('canned-manager', 'en');
    const { id, ts } = await openInquiry('canned-manager', 'Opening a second store');
    const customerSays = await says('こんにちは', ts);
    await pushTo('canned-manager', 'こんにちは');

    // On a reply in the thread: the modal names the customer and their language.
    const trigger = await shortcut(STAFF, DESK, { ts: customerSays, thread_ts: ts });
    await b.slack.waitFor(() => b.slack.views.some((v) => v.trigger_id === trigger), 8000);
    const modal = JSON.stringify(b.slack.views.find((v) => v.trigger_id === trigger)?.view);
    expect(modal).toContain(`問い合わせID:${id} のお客様(canned-manager、英語)`);
    expect(modal).toContain('お礼 — {顧客名}様');
    expect((await submitModal(STAFF, trigger, 'お礼')).status).toBe(200);
    const pushed = await pushTo('canned-manager', 'Dear canned-manager');
    expect(pushed).toContain('Dear canned-manager, thank you for your inquiry. This is 佐藤.');
    await b.slack.waitFor(() => threadText(ts).includes('Dear canned-manager'), 8000);
    await b.slack.waitFor(() => threadText(ts).includes('✅ お客様にLINEで届けました。'), 8000);

    // Without an English text the Japanese one is sent.
    const second = await shortcut(STAFF, DESK, { ts });
    await submitModal(STAFF, second, '訪問');
    expect(await pushTo('canned-manager', 'に伺います')).toContain('に伺います。');
  });

  it('tells why the shortcut cannot be used outside a desk thread, by someone not staff, or when completed', async () => {
    const elsewhere = await shortcut(STAFF, 'CGENERAL', { ts: '1700000000.000100' });
    await b.slack.waitFor(
      () => lastEphemeral(STAFF)?.text?.includes('問い合わせチャンネルのスレッド') ?? false,
      8000,
    );
    expect(b.slack.views.some((v) => v.trigger_id === elsewhere)).toBe(false);

    await lineCustomer('canned-done', 'ja');
    const { id, ts } = await openInquiry('canned-done', '閉店の相談です');
    await shortcut('UOUTSIDERC', DESK, { ts });
    await b.slack.waitFor(
      () => lastEphemeral('UOUTSIDERC')?.text?.includes('担当者として登録されていない') ?? false,
      8000,
    );

    // A canned reply deleted while the modal was open: said under the select, nothing sent.
    await b.slash(STAFF, '定型文登録 一時 {会社名}の件です。');
    const open = await shortcut(STAFF, DESK, { ts });
    await b.slack.waitFor(() => b.slack.views.some((v) => v.trigger_id === open), 8000);
    await b.slash(STAFF, '定型文削除 一時');
    const refused = (await (await submitModal(STAFF, open, '一時')).json()) as {
      response_action: string;
      errors: Record<string, string>;
    };
    expect(refused).toEqual({
      response_action: 'errors',
      errors: { canned: '選んだ定型文は削除されています。別の定型文を選んでください。' },
    });

    await b.slash(STAFF, `完了 ${id}`);
    const late = await shortcut(STAFF, DESK, { ts });
    await b.slack.waitFor(() => lastEphemeral(STAFF)?.text?.includes('[E310]') ?? false, 8000);
    expect(b.slack.views.some((v) => v.trigger_id === late)).toBe(false);
    await says('定型文 お礼', ts);
    expect(lastEphemeral(STAFF)?.text).toContain(`[E310] 問い合わせID:${id} は完了しているため`);
  });

  it('broke no documented limit', () => {
    expect(b.slack.violations).toEqual([]);
    expect(b.line.violations).toEqual([]);
  });
});
