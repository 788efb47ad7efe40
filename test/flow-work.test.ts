/**
 * The work portal's guided flows through the console: posting a job step by step (staff), applying
 * with an optional message (worker) and delivering files with a note (worker). Bad answers are asked
 * again with the reason, cancel leaves, and a fresh bot over the same store resumes a flow.
 */
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleAdapter } from '../adapters/console/index.ts';
import type { Bot } from '../src/chat/bot.ts';
import { loadConfig } from '../src/config.ts';
import type { UploadedFile } from '../src/files/storage.ts';
import { buildBot } from '../src/wiring/app.ts';
import {
  type ChatBench,
  type ChatSession,
  openChatBench,
  sayWithFiles as sendFilesAs,
  uploadFor,
} from './helpers/chat.ts';
import { memoryLogger } from './helpers/logger.ts';

let c: ChatBench;
let staff: ChatSession;
let staffEn: ChatSession;
let seq = 0;

beforeAll(async () => {
  c = await openChatBench('flow_work');
  staff = await c.as('fw-staff', ['staff'], { name: '佐藤' });
  staffEn = await c.as('fw-staff-en', ['staff'], { name: 'Sato', locale: 'en' });
});
afterAll(() => c?.close());

/** A new process: a fresh bot over the same store and services. */
const restartedBot = () =>
  buildBot({
    store: c.b.store.store,
    domain: c.services,
    config: loadConfig({}),
    logger: memoryLogger('silent').logger,
    clock: c.b.clock,
  });

/** What the console prints when `who` sends `files` (and `line`) to `bot`. */
function sendFiles(who: ChatSession, files: UploadedFile[], line = '', bot: Bot = c.bot) {
  return sendFilesAs(bot, who.handle, line, files);
}

/** An open job posted by the Japanese staff member, by the one-line form. */
async function openJob(title: string): Promise<number> {
  const reply = await staff.say(`求人登録 ${title} / 8000 / 3`);
  return Number(/募集案件 #(\d+) を公開しました/.exec(reply)?.[1]);
}

/** An application of a new worker that is in work (accepted, work files handed over, started). */
async function workingApplication(locale: 'ja' | 'en') {
  const worker = await c.as(`fw-worker-${++seq}`, ['worker'], { locale });
  const jobId = await openJob(`納品テスト${seq}`);
  const app = await c.services.applications.apply(worker.actor, jobId, '');
  await c.services.applications.accept(staff.actor, app.id);
  await c.services.applications.handOverWorkFiles(staff.actor, app.id, [
    await uploadFor(c, 'sheet.xlsx', `sheet ${app.id}`),
  ]);
  await c.services.applications.start(worker.actor, app.id);
  return { worker, appId: app.id };
}

describe('post-job, step by step', () => {
  it('asks every field, re-asks bad answers with the reason, and posts the job open (ja)', async () => {
    const first = await staff.say('求人登録');
    expect(first).toContain('順番にお伺いします');
    expect(first).toContain('募集案件のタイトルを入力してください。');
    expect(await staff.say('アンケート入力')).toContain('業務内容の説明を入力してください');
    expect(await staff.say('回答を表に入力していただきます。')).toContain('カテゴリを入力してください');
    expect(await staff.say('スキップ')).toContain('必要なスキルを');
    expect(await staff.say('Excel、タイピング, Word')).toContain('勤務地を選んでください。');

    const unknown = await staff.say('火星');
    expect(unknown).toContain('「火星」は都道府県として認識できませんでした');
    expect(unknown).toContain('勤務地を選んでください。');
    expect(await staff.say('大阪')).toContain('報酬額(円)を入力してください');

    const badReward = await staff.say('たくさん');
    expect(badReward).toContain('「たくさん」は金額として読み取れませんでした');
    expect(badReward).toContain('報酬額(円)を入力してください');
    // ¥0 is refused at its own step, and the answers given so far are kept.
    const zero = await staff.say('０円');
    expect(zero).toContain('報酬は1円以上の整数で入力してください');
    expect(zero).toContain('報酬額(円)を入力してください');
    expect(await staff.say('1.2万')).toContain('募集人数を数字で入力してください。');
    expect(await staff.say('0')).toContain('募集人数は1名以上です。');
    expect(await staff.say('0')).toContain('募集人数は1名以上です。');
    expect(await staff.say('2')).toContain('応募締切日を入力してください');

    const badDate = await staff.say('2026-02-30');
    expect(badDate).toContain('「2026-02-30」は日付として読み取れませんでした');
    expect(badDate).toContain('応募締切日を入力してください');
    // A deadline already past is refused at its own step (the clock is 2026-11-20 in Tokyo).
    const past = await staff.say('2026-11-01');
    expect(past).toContain('応募締切には現在より後の日時を指定してください。');
    expect(past).toContain('応募締切日を入力してください');
    expect(await staff.say('12/10')).toContain('納期(成果物を納品していただく期日)を入力してください');
    // 納期 goes into the order's terms: not before the application deadline, not in the past.
    expect(await staff.say('12/5')).toContain('納期は応募締切より後の日付にしてください。');
    expect(await staff.say('２０２６年１１月１日')).toContain('納期には現在より後の日付を指定してください。');
    const summary = await staff.say('12/25');
    expect(summary).toContain('以下の内容でよろしいですか?');
    expect(summary).toContain('納期: 2026年12月25日(金)');
    expect(summary).toContain('タイトル: アンケート入力');
    expect(summary).toContain('業務内容: 回答を表に入力していただきます。');
    expect(summary).toContain('カテゴリ: なし');
    expect(summary).toContain('必要スキル: Excel、タイピング、Word');
    expect(summary).toContain('勤務地: 大阪府');
    expect(summary).toContain('報酬: 12,000円');
    expect(summary).toContain('募集人数: 2名');
    expect(summary).toContain('応募締切: 2026年12月10日(木)');

    const done = await staff.tap('はい');
    expect(done).toMatch(
      /募集案件 #\d+ を公開しました。条件の合うワーカー\d+名にジョブアラートを送信します。/,
    );
    const jobId = Number(/募集案件 #(\d+)/.exec(done)?.[1]);
    const job = await c.services.jobs.get(staff.actor, jobId);
    expect(job).toMatchObject({
      title: 'アンケート入力',
      status: 'open',
      prefecture: '大阪府',
      remote: false,
      rewardYen: 12000,
      openings: 2,
      skills: ['Excel', 'タイピング', 'Word'],
      dueDate: new Date('2026-12-25T14:59:00.000Z'),
    });
    expect(await staff.say('ヘルプ')).toContain('ご利用いただけるコマンド');
  });

  it('posts a remote job without a deadline, and refuses a past one at its own step (en)', async () => {
    expect(await staffEn.say('post-job')).toContain('What is the title of the job notice?');
    await staffEn.say('Data entry');
    await staffEn.say('skip');
    await staffEn.say('skip');
    expect(await staffEn.say('skip')).toContain('Where is the work done?');
    expect(await staffEn.say('Atlantis')).toContain('“Atlantis” is not a prefecture we know.');
    expect(await staffEn.tap('Remote')).toContain('What is the reward in yen?');
    expect(await staffEn.say('lots')).toContain('Could not read “lots” as an amount');
    await staffEn.say('¥5,000');
    // (On the console a bare "1" would pick the first suggestion, Cancel; LINE or Slack send the text.)
    await staffEn.say('3');
    expect(await staffEn.say('skip')).toContain('When is the work due');
    const summary = await staffEn.say('skip');
    expect(summary).toContain('Due date: none set');
    expect(summary).toContain('Place: Remote');
    expect(summary).toContain('Reward: ¥5,000');
    expect(summary).not.toMatch(/Deadline: .*2026/);
    expect(await staffEn.say('yes')).toMatch(
      /Job #\d+ is open\. Job alerts queued for matching workers: \d+\./,
    );

    // A deadline that has passed is refused at its own step, with the reason; the answers stay.
    await staffEn.say('post-job');
    for (const answer of ['Old job', 'skip', 'skip', 'skip', 'remote', '3000', '2'])
      await staffEn.say(answer);
    const past = await staffEn.say('2026-11-01');
    expect(past).toContain('The application deadline must be in the future.');
    expect(past).toContain('deadline');
    expect(await staffEn.say('2026-12-24')).toContain('When is the work due');
    expect(await staffEn.say('2026-12-20')).toContain(
      'The due date cannot be before the application deadline.',
    );
    expect(await staffEn.say('2027-01-15')).toContain('Deadline: ');
    expect(await staffEn.say('cancel')).toBe('Stopped. Nothing was saved.');
    expect(await staffEn.say('help')).toContain('Commands you can use');
  });

  it('leaves the flow on cancel mid-way and posts nothing (ja)', async () => {
    await staff.say('求人登録');
    await staff.say('中止テスト');
    await staff.say('スキップ');
    expect(await staff.say('キャンセル')).toBe('入力を中止しました。');
    expect(await staff.say('ヘルプ')).toContain('ご利用いただけるコマンド');
    const posted = await c.b.ctx.uow.read((tx) => tx.work.jobs.find({ title: '中止テスト' }));
    expect(posted).toEqual([]);
  });

  it('keeps the one-line form', async () => {
    expect(await staff.say('求人登録 一行 / 3000 / 1')).toContain('を公開しました');
  });
});

describe('apply, with the job chosen', () => {
  it('asks for an optional message, shows the job and reward, then applies (ja)', async () => {
    const worker = await c.as('fw-apply-ja', ['worker']);
    const jobId = await openJob('文字起こし');
    expect(await worker.say(`応募 ${jobId}`)).toContain('応募メッセージがあれば入力してください');
    const summary = await worker.say('よろしくお願いします。');
    expect(summary).toContain(`募集案件: #${jobId} 文字起こし`);
    expect(summary).toContain('報酬: 8,000円');
    expect(summary).toContain('メッセージ: よろしくお願いします。');
    expect(await worker.say('まだです')).toContain('「はい」で確定、「キャンセル」で中止します。');
    const applied = await worker.tap('はい');
    expect(applied).toContain(`募集案件 #${jobId} 文字起こし に応募しました`);
    const appId = Number(/応募 #(\d+)/.exec(applied)?.[1]);
    const { application } = await c.services.applications.get(worker.actor, appId);
    expect(application.message).toBe('よろしくお願いします。');
    // A second application is refused before any question is asked.
    expect(await worker.say(`応募 ${jobId}`)).toBe(
      'この募集案件にはすでに応募済みです。応募状況は「応募一覧」でご確認いただけます。',
    );
  });

  it('survives a restart, and leaves on cancel (en)', async () => {
    const worker = await c.as('fw-apply-en', ['worker'], { locale: 'en' });
    const jobId = await openJob('Tagging');
    await worker.say(`apply ${jobId}`);
    expect(await worker.say('cancel')).toBe('Stopped. Nothing was saved.');
    expect(await worker.say('applications')).not.toContain(`#${jobId}`);

    expect(await worker.say(`apply ${jobId}`)).toContain('Add a message to your application');
    const output = new PassThrough();
    const adapter = new ConsoleAdapter({
      bot: restartedBot(),
      sender: { workspace: 'local', externalId: 'fw-apply-en' },
      input: new PassThrough(),
      output,
    });
    const summary = await adapter.handleLine('skip');
    expect(summary).toContain(`Job: #${jobId} Tagging`);
    expect(summary).toContain('Reward: ¥8,000');
    expect(summary).toContain('Message: None');
    expect(await adapter.handleLine('yes')).toContain(`You applied for job #${jobId} Tagging`);
  });
});

describe('deliver, with the application chosen', () => {
  it('needs at least one file, then takes a note and delivers (ja)', async () => {
    const { worker, appId } = await workingApplication('ja');
    expect(await worker.say(`納品 ${appId}`)).toContain('納品ファイルを添付してください。');
    // "完了" with nothing attached is asked again with the reason, as often as it happens.
    expect(await worker.say('完了')).toContain('納品ファイルがまだ添付されていません。');
    expect(await worker.say('完了')).toContain('納品ファイルがまだ添付されていません。');
    expect(await worker.say('よろしく')).toContain('ファイルを添付するか、「完了」と送ってください。');
    const received = await sendFiles(worker, [await uploadFor(c, '入力済み.xlsx', `done ${appId}`)]);
    expect(received).toContain('ファイルを1件受け取りました');
    expect(await sendFiles(worker, [await uploadFor(c, '補足.txt', 'note')])).toContain(
      'ファイルを2件受け取りました',
    );
    expect(await worker.say('完了')).toContain('検収担当者へのメモがあれば入力してください');
    const summary = await worker.say('ご確認をお願いします。');
    expect(summary).toContain(`応募: #${appId}`);
    expect(summary).toContain('添付: 入力済み.xlsx, 補足.txt');
    expect(summary).toContain('メモ: ご確認をお願いします。');
    expect(await worker.tap('はい')).toContain(`応募 #${appId} の納品を受け付けました(ファイル2件)`);
    expect(await worker.say(`応募状況 ${appId}`)).toContain('状況: 納品済み');
  });

  it('keeps a note typed with the command and survives a restart (en)', async () => {
    const { worker, appId } = await workingApplication('en');
    expect(await worker.say(`deliver ${appId} First draft`)).toContain(
      'Please attach the files you are delivering.',
    );
    const bot = restartedBot();
    expect(await sendFiles(worker, [await uploadFor(c, 'draft.txt', `draft ${appId}`)], '', bot)).toContain(
      '1 file(s) received',
    );
    const output = new PassThrough();
    const adapter = new ConsoleAdapter({
      bot,
      sender: { workspace: 'local', externalId: worker.handle },
      input: new PassThrough(),
      output,
    });
    const summary = await adapter.handleLine('done');
    expect(summary).toContain('Attachments: draft.txt');
    expect(summary).toContain('Note: First draft');
    expect(await adapter.handleLine('yes')).toContain(
      `Delivery for application #${appId} received (files: 1)`,
    );
  });

  it('refuses before asking when the application is not in work, and leaves on cancel (en)', async () => {
    const { worker, appId } = await workingApplication('en');
    await worker.say(`deliver ${appId}`);
    expect(await worker.say('cancel')).toBe('Stopped. Nothing was saved.');
    const other = await c.as(`fw-other-${++seq}`, ['worker'], { locale: 'en' });
    expect(await other.say(`deliver ${appId}`)).toMatch(/^We could not find that/);
    expect(await worker.say(`application ${appId}`)).toContain('Status: Working');
  });
});
