/**
 * The Slack App Home tab (docs/domain.md §2.14), end to end with the fake Slack and the injected
 * clock: opening the tab (`app_home_opened`) publishes the person's view with `views.publish`. Staff
 * see their inquiries by SLA time left (linked to their desk threads), unassigned inquiries near their
 * SLA, applications and deliveries waiting and disputed items, in their language; a button answers in
 * the Messages tab; long lists stay within the 100 blocks of a home view; a Slack user not linked to
 * anyone is told how to link; a repeated event only publishes the same view again.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/domain/actor.ts';
import {
  DESK,
  deskCompany,
  openSlackBench,
  type SlackBench,
  type SlackSeen,
  slackSeen,
  TEAM,
} from './helpers/slack.ts';

let b: SlackBench;
const STAFF = 'USTAFFHOME';
const STAFF_EN = 'USTAFFHOMEEN';
let staff: Actor;
let customer: Actor;
let worker: Actor;
let storeId: number;

/** A Tokyo wall-clock time (Tokyo is always UTC+9). */
const jst = (local: string) => new Date(`${local}+09:00`);

beforeAll(async () => {
  b = await openSlackBench('slackhome');
  b.clock.set(jst('2026-11-20T12:00'));
  const staffId = await b.asUser(STAFF, ['staff'], { name: '佐藤' });
  staff = { userId: staffId, roles: ['staff'], companyId: null };
  const desk = await deskCompany(b, 'home-company', { manager: true });
  customer = { userId: desk.managerId as number, roles: ['customer'], companyId: desk.companyId };
  storeId = desk.storeId;
  const w = await b.app.store.uow.run((tx) =>
    tx.users.insert({ displayName: '在宅 花子', locale: 'ja', roles: ['worker'] }),
  );
  worker = { userId: w.id, roles: ['worker'], companyId: null };
});
afterAll(async () => {
  await b?.close();
});

/** A 修理 inquiry (first response 60, resolution 600 business minutes) opened at `at`. */
async function repairAt(at: string, comment = 'スピーカーから音が出ません。'): Promise<number> {
  b.clock.set(jst(at));
  const repair = (await b.app.domain.supportDirectory.categories(customer)).find((c) => c.code === 'repair');
  const created = await b.app.domain.inquiries.create(customer, {
    categoryId: repair?.id ?? 0,
    storeId,
    comment,
  });
  return created.record.id;
}

const cardPosted = (id: number) =>
  b.slack
    .messagesIn(DESK)
    .some(
      (m) => (!m.thread_ts || m.thread_ts === m.ts) && slackSeen([m]).text.includes(`問い合わせID:${id}`),
    );

/** What the person's Home tab shows now. */
function home(user: string): SlackSeen & { blocks: { type: string }[] } {
  const blocks = b.slack.homes.get(user)?.view.blocks ?? [];
  return { ...slackSeen([{ channel: 'home', ts: '0', user: 'UBOT', reactions: [], blocks }]), blocks };
}

/** The person opens the app's Home tab (the same event again when `eventId` is given). */
async function openHome(user: string, eventId?: string) {
  const { id, body } = b.eventBody(
    { type: 'app_home_opened', user, channel: `D${user}`, tab: 'home', event_ts: '1763607600.000100' },
    eventId,
  );
  await b.request(user, id, body, 'json');
  return { id, seen: home(user) };
}

let taps = 0;
/** A button of the Home tab pressed: Slack sends the view, no channel and no response_url. */
async function tapHome(user: string, value: string, actionId = 'home-open') {
  const trigger = `trighome${++taps}`;
  const viewId = b.slack.homes.get(user)?.id ?? 'V0';
  const payload = {
    type: 'block_actions',
    team: { id: TEAM, domain: 'fake' },
    user: { id: user, team_id: TEAM },
    api_app_id: 'AAPP',
    trigger_id: trigger,
    container: { type: 'view', view_id: viewId },
    view: { id: viewId, type: 'home', hash: '1.a' },
    actions: [{ type: 'button', action_id: actionId, block_id: 'b', value, action_ts: '1763607600.1' }],
  };
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return (await b.request(user, `act:${trigger}`, body, 'form')).seen;
}

describe('the App Home tab for staff', () => {
  let late: number;
  let fresh: number;
  let answered: number;
  let near: number;
  let calm: number;
  let applied: number;
  let delivered: number;
  let disputed: number;

  beforeAll(async () => {
    // Assigned to 佐藤: answered at 10:00 (resolution left), taken at 11:20 and at 12:00.
    answered = await repairAt('2026-11-20T10:00');
    await b.app.domain.inquiries.take(staff, answered);
    await b.app.domain.inquiries.addMessage(staff, answered, { body: '確認いたします。' });
    late = await repairAt('2026-11-20T11:20');
    near = await repairAt('2026-11-20T11:10');
    fresh = await repairAt('2026-11-20T12:00');
    calm = await repairAt('2026-11-20T12:00');
    await b.app.domain.inquiries.take(staff, fresh);
    await b.app.domain.inquiries.take(staff, late);

    const { job } = await b.app.domain.jobs.post(staff, {
      title: '名刺入力',
      reward: { type: 'fixed', yen: 6000 },
      status: 'open',
    });
    applied = (await b.app.domain.applications.apply(worker, job.id)).id;
    const { job: second } = await b.app.domain.jobs.post(staff, {
      title: 'アンケート集計',
      reward: { type: 'fixed', yen: 5000 },
      status: 'open',
    });
    delivered = (await b.app.domain.applications.apply(worker, second.id)).id;
    await b.app.domain.applications.accept(staff, delivered);
    const sheet = await b.app.files.put(Buffer.from('%PDF-1.7\nsheet'));
    const file = { storageKey: sheet.key, name: 'sheet.pdf', mime: 'application/pdf', size: sheet.size };
    await b.app.domain.applications.handOverWorkFiles(staff, delivered, [file]);
    await b.app.domain.applications.start(worker, delivered);
    await b.app.domain.deliveries.deliver(worker, delivered, '', [file]);
    const item = await b.app.domain.invoices.addItem(staff, {
      workerId: worker.userId,
      amountYen: 1200,
      description: '交通費',
    });
    disputed = item.id;
    await b.app.domain.invoices.dispute(worker, item.id, '金額が違います');
    // The desk mirror posts the cards the Home tab links to.
    await b.slack.waitFor(() => [late, fresh, answered, near].every(cardPosted), 8000);
  });

  it('shows a Japanese staff member their inquiries by SLA time left, the unassigned near breach, and the work waiting', async () => {
    const { seen } = await openHome(STAFF);
    const publish = b.slack.calls.filter((c) => c.api === 'views.publish').at(-1);
    expect(publish?.body.user_id).toBe(STAFF);
    expect((publish?.body.view as { type?: string } | undefined)?.type).toBe('home');
    const text = seen.text;
    expect(text).toContain('佐藤さんのホーム');
    expect(text).toContain('11月20日(金) 12:00 時点の内容です。');
    // Mine: the least time left first, each with its store, company, status and SLA line.
    expect(text).toContain('担当中の問い合わせ(3件)');
    const at = (id: number) => text.indexOf(`問い合わせID:${id}>`);
    expect(at(late)).toBeGreaterThan(0);
    expect(at(late)).toBeLessThan(at(fresh));
    expect(at(fresh)).toBeLessThan(at(answered));
    expect(text).toContain('渋谷店(東京都)・株式会社サウンド・対応中');
    expect(text).toContain('⏱ 初回返信まで 残り 20分(営業時間) ・ 解決まで 残り 9時間(営業時間)');
    expect(text).toContain('⏱ 初回返信まで 残り 1時間(営業時間)');
    expect(text).toContain('⏱ 初回返信 済 ・ 解決まで 残り 8時間(営業時間)');
    // Each links to its desk thread and opens it in chat.
    expect(text).toMatch(
      new RegExp(`<https://fake\\.slack\\.com/archives/${DESK}/p\\d+\\|問い合わせID:${late}>`),
    );
    expect(seen.payloads).toEqual(expect.arrayContaining([`inquiry ${late}`, `inquiry ${fresh}`]));
    // Unassigned: only the one at its warning (50 of 60 minutes used), not the calm one.
    expect(text).toContain('対応目標が近い未割当の問い合わせ(1件)');
    expect(text).toContain(`問い合わせID:${near}>`);
    expect(text).toContain('⏱ 初回返信まで 残り 10分(営業時間)');
    expect(text).not.toContain(`問い合わせID:${calm}`);
    // The work waiting, and the dispute with the worker's comment.
    expect(text).toContain('判断待ちの応募(1件)');
    expect(text).toContain(`応募 #${applied}(名刺入力)`);
    expect(text).toMatch(/応募日: \d{4}年\d{1,2}月\d{1,2}日/);
    expect(text).toContain('検収待ちの納品(1件)');
    expect(text).toContain(`応募 #${delivered}(アンケート集計)`);
    expect(text).toContain('異議が出ている請求明細(1件)');
    expect(text).toContain(`#${disputed} 交通費`);
    expect(text).toContain('在宅 花子・2026年11月・1,200円・あなたが登録');
    expect(text).toContain('> 金額が違います');
    expect(seen.payloads).toEqual(
      expect.arrayContaining([
        `applicants ${(await b.app.domain.applications.get(staff, applied)).application.jobId}`,
        `review ${delivered}`,
        `invoice #${worker.userId} 2026-11`,
      ]),
    );
    expect(b.slack.violations).toEqual([]);
  });

  it('answers a button of the tab in the Messages tab, as if the command were typed', async () => {
    await openHome(STAFF);
    const dm = await tapHome(STAFF, `inquiry ${late}`);
    expect(dm.text).toContain(`問い合わせID:${late}`);
    expect(dm.text).toContain('スピーカーから音が出ません。');
    const review = await tapHome(STAFF, `review ${delivered}`);
    expect(review.text).toContain(`応募 #${delivered}`);
    // Refresh publishes the tab again, drawn now.
    b.clock.set(jst('2026-11-20T12:10'));
    await tapHome(STAFF, 'refresh', 'home-refresh');
    expect(home(STAFF).text).toContain('11月20日(金) 12:10 時点の内容です。');
    expect(home(STAFF).text).toContain('⏱ 初回返信まで 残り 10分(営業時間)');
    // Anything but the commands the view offers is refused at the edge (400), never run.
    const res = await b.post(
      new URLSearchParams({
        payload: JSON.stringify({
          type: 'block_actions',
          team: { id: TEAM },
          user: { id: STAFF, team_id: TEAM },
          trigger_id: 'trighomebad',
          actions: [{ type: 'button', action_id: 'home-open', value: '請求登録 1 100000円 x' }],
        }),
      }).toString(),
      'form',
    );
    expect(res.status).toBe(400);
    expect(b.slack.violations).toEqual([]);
  });

  it('speaks English to an English-speaking staff member', async () => {
    b.clock.set(jst('2026-11-20T12:00'));
    const id = await b.asUser(STAFF_EN, ['staff'], { name: 'Alex' });
    await b.app.store.uow.run((tx) => tx.users.update(id, { locale: 'en' }));
    const { seen } = await openHome(STAFF_EN);
    expect(seen.text).toContain('Home of Alex');
    expect(seen.text).toContain('Inquiries assigned to you (0)');
    expect(seen.text).toContain('No inquiries are assigned to you.');
    expect(seen.text).toContain('Unassigned inquiries close to their target (1)');
    expect(seen.text).toContain(`Inquiry ID:${near}>`);
    expect(seen.text).toContain('First response due in 10 min (business hours)');
    expect(seen.text).toContain(`Application #${applied} (名刺入力)`);
    expect(seen.text).toContain('Disputed invoice items (1)');
    expect(seen.text).not.toContain('担当中の問い合わせ');
    expect(b.slack.violations).toEqual([]);
  });

  it('stays within a home view’s 100 blocks with long lists: ten rows each and how many more', async () => {
    for (let i = 0; i < 13; i++) await b.app.domain.inquiries.take(staff, await repairAt('2026-11-20T12:05'));
    for (let i = 0; i < 12; i++) {
      const { job } = await b.app.domain.jobs.post(staff, {
        title: `データ入力 ${i + 1}`,
        reward: { type: 'fixed', yen: 3000 },
        status: 'open',
      });
      await b.app.domain.applications.apply(worker, job.id);
    }
    const { seen } = await openHome(STAFF);
    expect(b.slack.violations).toEqual([]);
    expect(seen.blocks.length).toBeLessThanOrEqual(100);
    expect(seen.text).toContain('担当中の問い合わせ(16件)');
    expect(seen.text).toContain(
      'ほか6件あります。チャットで「問い合わせ一覧 対応中」と送ると一覧をご覧いただけます。',
    );
    expect(seen.text).toContain('判断待ちの応募(13件)');
    expect(seen.text).toContain('ほか3件あります。');
    expect(seen.payloads.filter((p) => p.startsWith('applicants ')).length).toBe(10);
    // Ten of mine and the one unassigned near its target.
    expect(seen.payloads.filter((p) => p.startsWith('inquiry ')).length).toBe(11);
  });

  it('takes a repeated delivery of the event as harmless: the same view again, nothing else', async () => {
    const { id } = await openHome(STAFF);
    const before = home(STAFF).blocks;
    const publishes = b.slack.calls.filter((c) => c.api === 'views.publish').length;
    await openHome(STAFF, id);
    expect(home(STAFF).blocks).toEqual(before);
    expect(b.slack.calls.filter((c) => c.api === 'views.publish').length).toBe(publishes + 1);
    // The Messages tab draws nothing.
    const { body, id: other } = b.eventBody({
      type: 'app_home_opened',
      user: STAFF,
      channel: `D${STAFF}`,
      tab: 'messages',
    });
    await b.request(STAFF, other, body, 'json');
    expect(b.slack.calls.filter((c) => c.api === 'views.publish').length).toBe(publishes + 1);
    expect(b.slack.violations).toEqual([]);
  });
});

describe('the App Home tab for everyone else', () => {
  it('tells a Slack user linked to nobody how to link, in their Slack language, and registers nobody', async () => {
    const ja = await openHome('UNOBODYHOME');
    expect(ja.seen.text).toContain('このSlackアカウントは、まだボットのユーザーと連携されていません。');
    expect(ja.seen.text).toContain('「連携 <コード>」');
    expect(ja.seen.text).toContain('「参加 <招待コード>」');
    b.slack.users.set('UNOBODYHOMEEN', { id: 'UNOBODYHOMEEN', name: 'pat', locale: 'en-US' });
    const en = await openHome('UNOBODYHOMEEN');
    expect(en.seen.text).toContain('This Slack account is not linked to a user of the bot yet.');
    expect(en.seen.text).toContain('“link <code>”');
    for (const externalId of ['UNOBODYHOME', 'UNOBODYHOMEEN'])
      expect(await b.app.store.users.findByIdentity({ platform: 'slack', workspace: TEAM, externalId })).toBe(
        null,
      );
    expect(b.slack.violations).toEqual([]);
  });

  it('leads a linked worker to their home in chat', async () => {
    await b.asUser('UWORKERHOME', ['worker'], { name: '在宅 次郎' });
    const { seen } = await openHome('UWORKERHOME');
    expect(seen.text).toContain('在宅 次郎さんのホーム');
    expect(seen.text).not.toContain('担当中の問い合わせ');
    expect(seen.payloads).toContain('home');
    expect((await tapHome('UWORKERHOME', 'home')).text).toContain('在宅 次郎さんのホームです。');
    expect(b.slack.violations).toEqual([]);
  });

  it('is declared in the manifest: the Home tab and its event', async () => {
    const manifest = JSON.parse(
      await readFile(new URL('../adapters/slack/manifest.json', import.meta.url), 'utf8'),
    );
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.event_subscriptions.bot_events).toContain('app_home_opened');
  });
});
