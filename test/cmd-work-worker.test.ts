/**
 * The worker's work-portal commands with everything that can go wrong: missing and malformed
 * arguments, unknown ids, other people's records and wrong states, each answered in the worker's
 * language; plus paging, invoices, alerts, the bank account and notices.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChatBench, type ChatSession, openChatBench } from './helpers/chat.ts';

let c: ChatBench;
let staff: ChatSession;
let n = 0;

beforeAll(async () => {
  c = await openChatBench('cmdworkworker');
  staff = await c.as('w-staff', ['staff'], { name: '佐藤' });
});
afterAll(() => c?.close());

const person = (roles: ('worker' | 'staff')[] = ['worker'], locale: 'ja' | 'en' = 'ja') =>
  c.as(`w-person-${++n}`, roles, { locale, name: `ワーカー${n}` });

/** Posts an open job through the staff command and returns its id. */
async function postJob(title = 'データ入力'): Promise<number> {
  const reply = await staff.say(`求人登録 ${title} / 8000 / 3`);
  const m = /募集案件 #(\d+) を公開しました/.exec(reply);
  if (!m) throw new Error(reply);
  return Number(m[1]);
}

async function applyFor(worker: ChatSession, jobId: number): Promise<number> {
  const reply = await worker.say(`応募 ${jobId} よろしくお願いします`);
  const m = /\(応募 #(\d+)\)/.exec(reply);
  if (!m) throw new Error(reply);
  return Number(m[1]);
}

describe('job details and applying', () => {
  it('explains a missing or malformed job number and an unknown job in Japanese', async () => {
    const w = await person();
    expect(await w.say('案件詳細')).toBe('募集案件の番号を指定してください(例: 案件詳細 12)。');
    expect(await w.say('案件詳細 abc')).toContain('「abc」は番号として読み取れませんでした');
    expect(await w.say('案件詳細 #99999')).toMatch(
      /^ご指定の.*が見つかりませんでした。番号をご確認ください。$/,
    );
    expect(await w.say('応募 99999')).toContain('見つかりませんでした');
  });

  it('accepts full-width input, refuses a second application, and hides a closed job from workers', async () => {
    const w = await person();
    const jobId = await postJob();
    expect(
      await w.say(
        `案件詳細　＃${String(jobId).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))}`,
      ),
    ).toContain(`■ #${jobId} データ入力`);
    await applyFor(w, jobId);
    expect(await w.say(`応募 ${jobId}`)).toContain('この募集案件にはすでに応募済みです');
    // Another worker is accepted: they keep seeing the job once it closes; the others do not.
    const chosen = await person();
    const chosenApp = await applyFor(chosen, jobId);
    await staff.say(`採用 ${chosenApp}`);
    await staff.say(`募集終了 ${jobId}`);
    expect(await w.say(`案件詳細 ${jobId}`)).toContain('見つかりませんでした');
    expect(await chosen.say(`案件詳細 ${jobId}`)).toContain(`■ #${jobId} データ入力`);
    expect(await chosen.say(`案件詳細${jobId}`)).toContain(`■ #${jobId} データ入力`);
    expect(await (await person()).say(`応募 ${jobId}`)).toBe('この募集案件は現在募集していません。');
  });

  it('keeps staff commands away from workers', async () => {
    const w = await person();
    expect(await w.say('採用 1')).toBe('このコマンドを実行する権限がありません。');
    expect(await w.say('月締め 2026-10')).toBe('このコマンドを実行する権限がありません。');
  });
});

describe('my applications', () => {
  it('pages through applications newest first with next and previous buttons', async () => {
    const w = await person();
    for (let i = 1; i <= 6; i++) await applyFor(w, await postJob(`ページ案件${i}`));
    const first = await w.say('応募一覧');
    expect(first).toContain('ご自身の応募(6件)');
    expect(first).toContain('ページ案件6');
    expect(first).not.toContain('ページ案件1');
    expect(first).toContain('1/2ページ');
    const second = await w.tap('次のページ');
    expect(second).toContain('ページ案件1');
    expect(second).toContain('2/2ページ');
    expect(await w.tap('前のページ')).toContain('ページ案件6');
    expect(await w.say('応募一覧 0')).toBe('ページ番号は1以上の数字で指定してください。');
  });

  it('says when there are none and offers the job list', async () => {
    const w = await person();
    expect(await w.say('応募一覧')).toContain('まだ応募はありません');
    expect(await w.tap('募集案件を見る')).toContain('募集案件');
  });

  it('treats someone else’s application as unknown for every command', async () => {
    const owner = await person();
    const other = await person();
    const appId = await applyFor(owner, await postJob());
    for (const line of [
      `応募状況 ${appId}`,
      `辞退 ${appId}`,
      `質問 ${appId} 教えてください`,
      `納品 ${appId}`,
    ]) {
      expect(await other.say(line), line).toMatch(/^ご指定の.*が見つかりませんでした/);
    }
    expect(await owner.say(`応募状況 ${appId}`)).toContain('状況: 応募済み');
  });

  it('refuses steps the application’s state does not allow, naming the state', async () => {
    const w = await person();
    const appId = await applyFor(w, await postJob());
    expect(await w.say(`作業開始 ${appId}`)).toBe('作業を開始できるのは、採用が決まった応募だけです。');
    expect(await w.say(`納品 ${appId}`)).toBe('この応募は現在「応募済み」のため、この操作はできません。');
    expect(await w.say(`質問 ${appId}`)).toContain('応募の番号と質問内容を入力してください');
    await w.say(`応募状況 ${appId}`);
    // Withdrawing cannot be undone: it asks first, and 辞退しない leaves it as it is.
    expect(await w.tap('辞退する')).toContain(`応募 #${appId}`);
    expect(await w.tap('辞退しない')).toContain('状況: 応募済み');
    expect(await w.say(`辞退 ${appId}`)).toContain('を辞退しますか？辞退すると取り消せません。');
    expect(await w.tap('辞退する')).toBe(`応募 #${appId} を辞退しました。`);
    expect(await w.say(`辞退 ${appId}`)).toBe('この応募は現在「辞退」のため、この操作はできません。');
    expect(await w.say(`質問 ${appId} まだ間に合いますか`)).toContain('「辞退」のため');
  });
});

describe('invoice items', () => {
  it('confirms, disputes and refuses the wrong month, someone else’s item and a settled item', async () => {
    const w = await person();
    const other = await person();
    const add = async (amount: string, what: string) => {
      const reply = await staff.say(`請求登録 ${w.actor.userId} ${amount} ${what}`);
      const m = /明細 #(\d+)/.exec(reply);
      if (!m) throw new Error(reply);
      return Number(m[1]);
    };
    const first = await add('5000', '校正作業');
    const second = await add('3,000円', '追加入力');
    const invoice = await w.say('請求書 2026-11');
    expect(invoice).toContain('2026年11月分の入力請求書(2件)');
    expect(invoice).toContain('合計 8,000円(うち確認済み 0円)');
    expect(invoice).toContain('「異議 明細番号 理由」');
    expect(w.choices()).toEqual(['確認する', '確認する']);

    expect(await w.say(`異議 ${second}`)).toContain('明細の番号と、金額に相違がある理由を入力してください');
    expect(await w.say(`異議 ${second} 件数は2件です`)).toBe(
      `明細 #${second} に異議をお伝えしました。担当者が確認して修正いたします。`,
    );
    expect(await w.say(`確認 ${second}`)).toBe('この明細は現在「差し戻し中」のため、この操作はできません。');
    expect(await other.say(`確認 ${first}`)).toBe(
      'ご指定の入力請求書の明細が見つかりませんでした。番号をご確認ください。',
    );
    expect(await w.say(`確認 ${first}`)).toContain('5,000円');
    const after = await w.say('入力請求書');
    expect(after).toContain('5,000円・確認済み');
    expect(after).toContain('3,000円・差し戻し中');
    expect(after).toContain('コメント: 件数は2件です');

    expect(await w.say('入力請求書 2026-13')).toContain('「2026-13」は月として読み取れませんでした');
    expect(await w.say('入力請求書 先月')).toContain('月として読み取れませんでした');
    expect(await w.say('入力請求書 2026-10')).toBe('2026年10月分の入力請求書の明細はまだありません。');
    expect(await w.say('支払明細書')).toBe('支払明細書はまだありません。');
    expect(await w.say('支払明細書 99999')).toBe(
      'ご指定の支払明細書が見つかりませんでした。番号をご確認ください。',
    );
  });
});

describe('job alert settings', () => {
  it('shows the defaults and changes each setting, refusing what it cannot read', async () => {
    const w = await person();
    const shown = await w.say('通知設定');
    expect(shown).toContain('状況: 受け取る');
    expect(shown).toContain('スキル: 指定なし');

    expect(await w.say('通知設定 skills Excel、Word')).toContain('スキル: Excel、Word');
    expect(await w.say('通知設定 都道府県 東京,大阪')).toContain('都道府県: 東京都、大阪府');
    expect(await w.say('通知設定 min 1.2万円')).toContain('最低報酬: 12,000円');
    expect(await w.say('通知設定 quiet 22:00 7:00')).toContain('通知停止時間帯: 22:00–07:00');
    expect(await w.say('通知設定 remote off')).toContain('在宅案件: いいえ');
    expect(await w.tap('在宅案件も受け取る')).toContain('在宅案件: はい');
    expect(await w.say('通知設定 quiet off')).toContain('通知停止時間帯: なし');

    expect(await w.say('通知設定 pause')).toContain('ジョブアラートを一時停止しました');
    expect(w.choices()).toContain('通知を再開');
    const resumed = await w.tap('通知を再開');
    expect(resumed).toContain('ジョブアラートを再開しました。');
    expect(resumed).toContain('状況: 受け取る');

    expect(await w.say('通知設定 prefectures 火星')).toContain(
      '「火星」は都道府県名として見つかりませんでした',
    );
    expect(await w.say('通知設定 quiet 25:00 07:00')).toContain('「25:00」は時刻として読み取れませんでした');
    expect(await w.say('通知設定 min たくさん')).toContain('金額として読み取れませんでした');
    expect(await w.say('通知設定 platform line')).toContain('LINEはまだ連携されていない');
    expect(await w.say('通知設定 volume 3')).toContain('のように送って変更してください');
    expect(await w.say('通知設定 skills off')).toContain('スキル: 指定なし');
  });
});

describe('bank account', () => {
  it('explains how to register, refuses JA Bank, and only ever shows the number masked', async () => {
    const w = await person();
    const none = await w.say('口座');
    expect(none).toContain('お支払い先の口座はまだ登録されていません。');
    expect(none).toContain('[1] 口座を登録する');
    expect(await w.say('口座 みずほ銀行 0001')).toContain('1行で登録する場合は');
    expect(await w.say('口座 JAバンク 1234 本店 001 普通 1234567 ヤマダ タロウ')).toContain(
      'JAバンク(農協・信連)やJFマリンバンク(漁協・信漁連)の口座ではお支払いを受け取ることができません',
    );
    expect(await w.say('口座 みずほ銀行 1 東京営業部 001 普通 1234567 ヤマダ タロウ')).toBe(
      '金融機関コードは4桁の数字で入力してください。',
    );
    const saved = await w.say('口座 みずほ銀行 0001 東京営業部 001 普通 7654321 やまだ たろう');
    expect(saved).toContain('口座番号: ****321');
    expect(saved).toContain('口座名義: ヤマダ タロウ');
    expect(saved).not.toContain('7654321');
    const again = await w.say('口座');
    expect(again).toContain('金融機関: みずほ銀行 (0001)');
    expect(again).toContain('支店: 東京営業部 (001)');
    expect(again).not.toContain('7654321');
  });
});

describe('notices', () => {
  it('marks unread notices, opens one by button and marks it read; a personal notice stays personal', async () => {
    const w = await person();
    const other = await person();
    expect(await w.say('お知らせ')).toBe('お知らせはありません。');
    const published = await staff.say(
      `お知らせ配信 user ${w.actor.userId} 振込先のご確認 / 口座の登録をお願いします`,
    );
    const noticeId = Number(/お知らせ #(\d+)/.exec(published)?.[1]);
    expect(published).toContain('(1名に通知します)');
    const list = await w.say('お知らせ');
    expect(list).toContain('お知らせ・ご案内(1件、未読1件)');
    expect(list).toContain('● ご案内(未読1)');
    expect(list).toContain(`【未読】#${noticeId} 振込先のご確認`);
    expect(list).toContain('個別のお知らせ・');
    const opened = await w.tap('開く');
    expect(opened).toContain('■ 振込先のご確認');
    expect(opened).toContain('口座の登録をお願いします');
    expect(await w.tap('お知らせ一覧')).toContain('お知らせ・ご案内(1件、未読0件)');
    expect(await other.say(`お知らせ詳細 ${noticeId}`)).toBe(
      'ご指定のお知らせが見つかりませんでした。番号をご確認ください。',
    );
  });
});

describe('notices in two tabs', () => {
  it('lists maintenance under システム関連 and the rest under ご案内, each tab counting its unread', async () => {
    const w = await person();
    expect(
      await staff.say(
        'お知らせ配信 ワーカー メンテナンス 12月20日 2:00〜4:00 メンテナンスのお知らせ / この間はご利用いただけません',
      ),
    ).toContain('お知らせ #');
    expect(
      await staff.say('お知らせ配信 ワーカー 年末年始のお支払いについて / 12月分は1月8日にお支払いします'),
    ).toContain('お知らせ #');
    const info = await w.say('お知らせ');
    expect(info).toContain('● ご案内(未読1)');
    expect(info).toContain('システム関連(未読1)');
    expect(info).toContain('年末年始のお支払いについて');
    expect(info).not.toContain('メンテナンスのお知らせ');
    const system = await w.tap('システム関連');
    expect(system).toContain('お知らせ・システム関連(1件、未読1件)');
    expect(system).toContain('12月20日 2:00〜4:00 メンテナンスのお知らせ');
    expect(system).toContain('メンテナンス・');
    expect(system).not.toContain('年末年始');
    const opened = await w.tap('開く');
    expect(opened).toContain('システム関連・メンテナンス');
    expect(await w.tap('お知らせ一覧')).toContain('お知らせ・システム関連(1件、未読0件)');
    expect(await w.say('お知らせ システム 2')).toContain('前のページ');
    const en = await person(['worker'], 'en');
    expect(await en.say('notices system')).toContain('Notices: System (1, 1 unread)');
  });
});

describe('in English', () => {
  it('answers usage, refusals and the delivery advice in English', async () => {
    const w = await person(['worker'], 'en');
    expect(await w.say('apply')).toBe(
      'Please give the number of the job to apply for (e.g. apply 12 I would love to help).',
    );
    expect(await w.say('job 99999')).toMatch(/^We could not find that .* Please check the number\.$/);
    const jobId = await postJob('Translation');
    const applied = await w.say(`apply ${jobId} Happy to help`);
    expect(applied).toContain(`You applied for job #${jobId} Translation`);
    const appId = Number(/application #(\d+)/.exec(applied)?.[1]);
    expect(await w.tap('See the application')).toContain('Status: Applied');
    expect(await w.say(`deliver ${appId}`)).toBe('This application is “Applied”, so that is not possible.');
    expect(await w.say('invoice 2026-11')).toBe('There are no invoice items for Nov 2026 yet.');
    expect(await w.say('alerts min lots')).toContain('Could not read “lots” as an amount');
    expect(await w.say('bank')).toContain('You have not registered a bank account yet.');
  });
});
