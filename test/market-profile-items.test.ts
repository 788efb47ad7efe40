/**
 * A profile's lists edited one item at a time through the console, as a worker would: skills (adding
 * one keeps the others; notes), qualifications, career entries through the guided flow with an
 * attachment, and hobbies; another person sees them on the profile, and someone else's numbers are
 * refused. Japanese first, then English once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UploadedFile } from '../src/files/storage.ts';
import { type ChatBench, type ChatSession, openChatBench, sayWithFiles } from './helpers/chat.ts';
import { pdf, png } from './helpers/files.ts';

let c: ChatBench;
let worker: ChatSession;
let other: ChatSession;

beforeAll(async () => {
  c = await openChatBench('profileitems');
  worker = await c.as('items-worker', ['worker'], { name: '佐藤' });
  other = await c.as('items-other', ['worker'], { name: '鈴木' });
});
afterAll(() => c?.close());

/** Real file bytes in file storage, as an adapter hands an attachment over. */
async function upload(name: string, bytes: Buffer, mime: string): Promise<UploadedFile> {
  const stored = await c.b.ctx.files.put(bytes);
  return { storageKey: stored.key, name, mime, size: stored.size };
}

const idIn = (reply: string, pattern: RegExp) => Number(pattern.exec(reply)?.[1]);

describe('skills, one at a time (ja)', () => {
  let figma = 0;

  it('adds two skills and keeps both, with a note', async () => {
    const first = await worker.say('スキル 追加 Figma:5:8 UI設計が中心');
    figma = idIn(first, /スキル「Figma」を追加しました\(#(\d+)\)。/);
    expect(figma).toBeGreaterThan(0);
    const second = await worker.say('スキル 追加 TypeScript:4');
    expect(second).toContain('スキル「TypeScript」を追加しました(#');
    // The first one is still there, with its note.
    expect(second).toContain('【登録済みのスキル(2件)】');
    expect(second).toContain(`・#${figma} Figma Lv5・8年\n    UI設計が中心`);
    expect(second).toMatch(/・#\d+ TypeScript Lv4/);
  });

  it('asks the level of a new skill given without one', async () => {
    const asked = await worker.say('スキル 追加 Go バックエンド');
    expect(asked).toContain('「Go」のレベルを選んでください(1: 初級 〜 5: 専門家レベル)。');
    expect(worker.choices()).toEqual(['Lv1', 'Lv2', 'Lv3', 'Lv4', 'Lv5']);
    const added = await worker.tap('Lv3');
    expect(added).toContain('スキル「Go」を追加しました(#');
    expect(added).toMatch(/・#\d+ Go Lv3\n {4}バックエンド/);
    expect(added).toContain('【登録済みのスキル(3件)】');
  });

  it('updates a skill by its name or its number, keeping what was not given', async () => {
    // The same name (any case) changes that skill: the years and the note stay.
    const same = await worker.say('スキル 追加 figma:4');
    expect(same).toContain(`スキル「Figma」(#${figma})を更新しました。`);
    expect(same).toContain(`・#${figma} Figma Lv4・8年\n    UI設計が中心`);
    expect(same).toContain('【登録済みのスキル(3件)】');
    // Full-width digits, as a Japanese keyboard types them.
    const changed = await worker.say(`スキル 変更 ＃${toFullWidth(figma)} ５:１０ メモ Webアプリが中心`);
    expect(changed).toContain(`スキル「Figma」(#${figma})を更新しました。`);
    expect(changed).toContain(`・#${figma} Figma Lv5・10年\n    Webアプリが中心`);
    expect(await worker.say(`スキル 変更 ${figma} 6年`)).toContain(`・#${figma} Figma Lv5・6年`);
    const cleared = await worker.say(`スキル 変更 ${figma} メモ なし`);
    expect(cleared).toContain(`・#${figma} Figma Lv5・6年\n・#`);
    await worker.say(`スキル 変更 ${figma} 10年 Webアプリが中心`);
  });

  it('deletes one skill by number or name and keeps the rest', async () => {
    const listed = await worker.say('スキル');
    const go = idIn(listed, /・#(\d+) Go Lv3/);
    const removed = await worker.say(`スキル 削除 ${toFullWidth(go)}`);
    expect(removed).toContain(`スキル「Go」(#${go})を削除しました。`);
    expect(removed).toContain('【登録済みのスキル(2件)】');
    expect(removed).not.toContain('Go Lv3');
    expect(removed).toContain(`・#${figma} Figma Lv5・10年`);
    expect(await worker.say('スキル 削除 COBOL')).toBe(
      '[E491] スキル「COBOL」は登録されていません。「スキル」で番号をご確認ください。',
    );
  });

  it('refuses unknown numbers, someone else’s skill and bad levels with clear messages', async () => {
    expect(await worker.say('スキル 変更 99999 3')).toBe(
      '[E481] スキル #99999 は見つかりませんでした。「スキル」で番号をご確認ください。',
    );
    expect(await other.say(`スキル 削除 ${figma}`)).toBe(
      `[E482] スキル #${figma} はほかの方の登録内容のため、変更・削除できません。ご自分の番号は「スキル」でご確認ください。`,
    );
    expect(await other.say(`スキル 変更 ${figma} 1`)).toContain('[E482]');
    expect(await worker.say(`スキル 変更 ${figma} 9`)).toBe(
      '[E461] スキルのレベルは1〜5の数字で指定してください。',
    );
    expect(await worker.say(`スキル 変更 ${figma}`)).toContain('「スキル 追加 名前:レベル:経験年数 メモ」');
    expect(await worker.say('スキル 変更 たくさん 3')).toContain(
      '「たくさん」は番号として読み取れませんでした',
    );
    // The other worker's own list is untouched by all this.
    expect(await other.say('スキル')).toContain('スキルはまだ登録されていません。');
  });

  it('adds several at once without dropping the ones listed', async () => {
    const saved = await worker.say('スキル Excel:3, HTML:4:10');
    expect(saved).toContain('スキルを2件登録しました。');
    expect(saved).toContain('【登録済みのスキル(4件)】');
    expect(saved).toContain(`・#${figma} Figma Lv5・10年`);
    expect(await worker.say('スキル Elm')).toContain('「スキル 追加 名前:レベル:経験年数 メモ」');
    await worker.say('スキル 削除 Excel');
    await worker.say('スキル 削除 html');
  });
});

describe('qualifications, one at a time (ja)', () => {
  it('adds, updates and deletes one, refusing someone else’s and a bad month', async () => {
    const added = await worker.say('資格 追加 基本情報技術者 ２０２０年４月');
    const q = idIn(added, /資格「基本情報技術者」を登録しました\(#(\d+)\)。/);
    expect(q).toBeGreaterThan(0);
    const kept = idIn(await worker.say('資格 追加 普通自動車免許'), /\(#(\d+)\)/);
    const listed = await worker.say('資格');
    expect(listed).toContain(`・#${q} 基本情報技術者\n    2020-04`);
    expect(listed).toContain(`・#${kept} 普通自動車免許`);

    const changed = await worker.say(`資格 変更 ${q} 応用情報技術者 2022/10`);
    expect(changed).toContain(`資格 #${q} を更新しました: #${q} 応用情報技術者 (2022-10)`);
    expect(changed).toContain(`・#${kept} 普通自動車免許`);
    expect(await worker.say(`資格 変更 ${toFullWidth(q)} 2023-04`)).toContain(
      `資格 #${q} を更新しました: #${q} 応用情報技術者 (2023-04)`,
    );
    expect(await worker.say(`資格 変更 ${q} 2022-13`)).toBe(
      '[E466] 年月は「2024-04」のように入力してください。',
    );
    expect(await worker.say(`資格 変更 ${q} なし`)).toContain(
      `資格 #${q} を更新しました: #${q} 応用情報技術者`,
    );
    expect(await other.say(`資格 削除 ${q}`)).toBe(
      `[E482] 資格 #${q} はほかの方の登録内容のため、変更・削除できません。ご自分の番号は「資格」でご確認ください。`,
    );
    expect(await worker.say('資格 削除 99999')).toBe(
      '[E481] 資格 #99999 は見つかりませんでした。「資格」で番号をご確認ください。',
    );
    expect(await worker.say(`資格 削除 ${toFullWidth(kept)}`)).toBe(`資格 #${kept} を削除しました。`);
    const after = await worker.say('資格');
    expect(after).toContain(`・#${q} 応用情報技術者`);
    expect(after).not.toContain('普通自動車免許');
  });
});

describe('career through the guided flow (ja)', () => {
  let entry = 0;

  it('adds an entry step by step with an attachment, re-asking bad answers', async () => {
    expect(await worker.say('経歴')).toContain('経歴はまだ登録されていません。「経歴 追加」で登録できます。');
    const start = await worker.say('経歴 追加');
    expect(start).toContain('順番にお伺いします。');
    expect(start).toContain('経歴の分野を選ぶか、入力してください');
    expect(worker.choices()).toEqual([
      '開発',
      'デザイン',
      '事務',
      '翻訳',
      'ライティング',
      'その他',
      'スキップ',
      'キャンセル',
    ]);
    expect(await worker.tap('開発')).toContain('開始年月を入力してください(例: 2023-04)。');
    const badStart = await worker.say('来年');
    expect(badStart).toContain('[E466] 年月は「2024-04」のように入力してください。');
    expect(badStart).toContain('開始年月を入力してください');
    expect(await worker.say('２０２３年４月')).toContain('終了年月を入力してください');
    const early = await worker.say('2022-01');
    expect(early).toContain('[E469] 経歴の終了年月は開始年月より後にしてください。');
    expect(await worker.say('2023-13')).toContain('[E489] 終了年月は「2024-03」のように入力するか');
    expect(await worker.say('現在')).toContain('会社名・取引先を入力してください');
    expect(await worker.say('株式会社サンプル')).toContain('業務内容を入力してください');
    expect(await worker.say('ECサイトの設計と実装（決済まわり）')).toContain('URLがあれば入力してください');
    const badUrl = await worker.say('ftp://example.com/shop');
    expect(badUrl).toContain('[E484] URLは http:// または https:// で始まる形で');
    expect(await worker.say('https://example.com/shop')).toContain('役割を入力してください');
    expect(await worker.say('リードエンジニア')).toContain('使用環境・ツールを入力してください');
    expect(await worker.say('スキップ')).toContain('チーム人数を数字で入力してください');
    expect(await worker.say('五人')).toContain('[E472] チーム人数は1以上の整数で入力してください。');
    expect(await worker.say('５人')).toContain('資料やポートフォリオのファイルがあれば1件添付してください');
    // The one file moves the flow on to the confirmation.
    const summary = await sayWithFiles(c.bot, worker.handle, '', [
      await upload('職務経歴書.pdf', pdf('佐藤の職務経歴'), 'application/pdf'),
    ]);
    expect(summary).toContain('以下の内容でよろしいですか?');
    expect(summary).toContain('分野: 開発');
    expect(summary).toContain('期間: 2023-04〜現在');
    expect(summary).toContain('会社・取引先: 株式会社サンプル');
    expect(summary).toContain('業務内容: ECサイトの設計と実装（決済まわり）');
    expect(summary).toContain('URL: https://example.com/shop');
    expect(summary).toContain('役割: リードエンジニア');
    expect(summary).toContain('使用環境・ツール: 未設定');
    expect(summary).toContain('チーム人数: 5人');
    expect(summary).toContain('添付: 職務経歴書.pdf');
    const done = await worker.say('はい');
    entry = idIn(done, /経歴 #(\d+) を登録しました。/);
    expect(entry).toBeGreaterThan(0);
    expect(done).toContain(`■ #${entry} 株式会社サンプル`);
    expect(done).toContain('  期間: 2023-04〜現在');
    expect(done).toContain('  チーム人数: 5人');
    expect(done).not.toContain('📎');
  });

  it('takes a file sent with 経歴 追加 as the attachment, lists entries and hands the file over', async () => {
    const start = await sayWithFiles(c.bot, worker.handle, '経歴 追加', [
      await upload('作品.png', png('ポートフォリオ'), 'image/png'),
    ]);
    expect(start).toContain('経歴の分野を選ぶか、入力してください');
    await worker.say('翻訳');
    await worker.say('2019-04');
    await worker.say('2021-03');
    await worker.say('フリーランス');
    for (let i = 0; i < 4; i++) await worker.say('スキップ');
    // No question about the attachment: the summary follows the team size.
    const summary = await worker.say('スキップ');
    expect(summary).toContain('以下の内容でよろしいですか?');
    expect(summary).toContain('添付: 作品.png');
    const second = idIn(await worker.tap('はい'), /経歴 #(\d+) を登録しました。/);

    const list = await worker.say('経歴');
    expect(list).toContain('【経歴(2件)】');
    // Newest first.
    expect(list.indexOf(`#${entry} 2023-04〜現在 株式会社サンプル`)).toBeLessThan(
      list.indexOf(`#${second} 2019-04〜2021-03 フリーランス`),
    );
    expect(list).toContain('    分野: 開発');
    expect(list).toContain('    役割: リードエンジニア');
    expect(list).toContain(`    添付: 職務経歴書.pdf(「経歴 ${entry}」で受け取れます)`);

    const detail = await worker.say(`経歴 ${toFullWidth(entry)}`);
    expect(detail).toContain(`■ #${entry} 株式会社サンプル`);
    expect(detail).toContain('  ECサイトの設計と実装（決済まわり）');
    expect(detail).toContain('  URL: https://example.com/shop');
    expect(detail).toMatch(/📎 職務経歴書\.pdf \(\d+ B\)/);

    expect(await worker.say(`経歴 削除 ${second}`)).toContain(
      `経歴 #${second}(フリーランス)を削除しました。`,
    );
    expect(await worker.say('経歴')).toContain('【経歴(1件)】');
  });

  it('changes an entry through the same questions, keeping skipped answers', async () => {
    const start = await worker.say(`経歴 変更 ${entry}`);
    expect(start).toContain('現在の内容: 開発');
    expect(start).toContain('変更しない場合は「スキップ」、空にする場合は「削除」と送ってください。');
    expect(await worker.say('スキップ')).toContain('現在の内容: 2023-04');
    const to = await worker.say('スキップ');
    expect(to).toContain('現在の内容: 現在');
    await worker.say('2024-03');
    // A required field cannot be emptied.
    expect(await worker.say('削除')).toContain('[E490] 会社・取引先は空にできません。');
    await worker.say('スキップ');
    await worker.say('スキップ');
    await worker.say('削除'); // the URL
    await worker.say('テックリード');
    await worker.say('TypeScript、Next.js');
    const file = await worker.say('スキップ');
    expect(file).toContain('添付ファイル「職務経歴書.pdf」はどうしますか?');
    expect(worker.choices()).toEqual(['そのまま', '差し替える', '削除する', 'スキップ', 'キャンセル']);
    const summary = await worker.tap('削除する');
    expect(summary).toContain('期間: 2023-04〜2024-03');
    expect(summary).toContain('会社・取引先: 株式会社サンプル');
    expect(summary).toContain('URL: 未設定');
    expect(summary).toContain('役割: テックリード');
    expect(summary).toContain('チーム人数: 5人');
    expect(summary).toContain('添付: 未設定');
    const done = await worker.tap('はい');
    expect(done).toContain(`経歴 #${entry} を更新しました。`);
    expect(done).toContain('  使用環境・ツール: TypeScript、Next.js');
    expect(done).not.toContain('URL:');
    expect(done).not.toContain('添付');
  });

  it('refuses someone else’s entry and unknown numbers', async () => {
    expect(await other.say(`経歴 変更 ${entry}`)).toBe(
      `[E482] 経歴 #${entry} はほかの方の登録内容のため、変更・削除できません。ご自分の番号は「経歴」でご確認ください。`,
    );
    expect(await other.say(`経歴 削除 ${entry}`)).toContain('[E482]');
    expect(await worker.say('経歴 削除 99999')).toBe(
      '[E481] 経歴 #99999 は見つかりませんでした。「経歴」で番号をご確認ください。',
    );
    // Reading a worker's entry is fine: it is on their public profile. Staff read it too, but keep none.
    expect(await other.say(`経歴 ${entry}`)).toContain(`■ #${entry} 株式会社サンプル`);
    const staff = await c.as('items-staff', ['staff'], { name: '田中' });
    expect(await staff.say(`経歴 ${entry}`)).toContain('  役割: テックリード');
    expect(await staff.say('経歴 追加')).toBe('この操作を行う権限がありません。');
  });
});

describe('hobbies, one at a time (ja)', () => {
  it('adds, lists and deletes by word or number', async () => {
    expect(await worker.say('趣味')).toContain('趣味はまだ登録されていません。');
    const added = await worker.say('趣味 追加 登山');
    expect(added).toContain('趣味に「登山」を追加しました。');
    expect(added).toContain('【趣味(1件)】\n・1. 登山');
    const more = await worker.say('趣味 追加 写真、料理');
    expect(more).toContain('・1. 登山\n・2. 写真\n・3. 料理');
    expect(await worker.say('趣味 追加 とざん')).toContain('趣味に「とざん」を追加しました。');
    expect(await worker.say('趣味 追加 写真')).toBe('[E486] 趣味「写真」はすでに登録されています。');
    const byNumber = await worker.say('趣味 削除 ４');
    expect(byNumber).toContain('趣味から「とざん」を削除しました。');
    const byWord = await worker.say('趣味 削除 料理');
    expect(byWord).toContain('趣味から「料理」を削除しました。');
    expect(byWord).toContain('・1. 登山\n・2. 写真');
    expect(await worker.say('趣味 削除 9')).toBe(
      '[E487] 「9」に当たる趣味が見つかりませんでした。「趣味」で番号をご確認ください。',
    );
    expect(await worker.say('趣味 登山')).toContain('「趣味 追加 登山」で1件ずつ追加し');
  });
});

describe('the profile shows them all', () => {
  it('to another person, and to the worker with where to edit them', async () => {
    const client = await c.as('items-client', ['client'], { name: '高橋' });
    const seen = await client.say(`プロフィール ${worker.actor.userId}`);
    expect(seen).toContain(`■ 佐藤さん(#${worker.actor.userId})`);
    expect(seen).toContain('スキル: Figma Lv5・10年(Webアプリが中心)、TypeScript Lv4');
    expect(seen).toContain('資格: #');
    expect(seen).toContain('応用情報技術者');
    expect(seen).toContain('趣味: 登山、写真');
    expect(seen).toContain('【経歴(1件)】');
    expect(seen).toMatch(/・#\d+ 2023-04〜2024-03 株式会社サンプル/);
    expect(seen).toContain('    役割: テックリード');

    const own = await worker.say('プロフィール');
    expect(own).toContain('【経歴(1件)】');
    expect(own).toContain(
      'スキル・資格・経歴・趣味は「スキル」「資格」「経歴」「趣味」で1件ずつ追加・変更・削除できます。',
    );
  });
});

describe('in English', () => {
  it('walks the same lists once', async () => {
    const emma = await c.as('items-en', ['worker'], { locale: 'en', name: 'Emma' });
    const skill = await emma.say('skills add "Adobe XD":3:2 prototypes');
    expect(skill).toContain('Added the skill “Adobe XD” (#');
    expect(skill).toContain('Your skills (1):');
    expect(skill).toMatch(/・#\d+ Adobe XD Lv3 \(2 yrs\)\n {4}prototypes/);
    const id = idIn(skill, /#(\d+) Adobe XD/);
    expect(await emma.say(`skills change ${id} 4`)).toContain(`Updated the skill “Adobe XD” (#${id}).`);
    expect(await worker.say(`skills remove ${id}`)).toContain('[E482]');
    expect(await emma.say(`skills remove ${id}`)).toContain(`Removed the skill “Adobe XD” (#${id}).`);

    const q = idIn(await emma.say('qualification add IELTS 7.5 2021-06'), /\(#(\d+)\)/);
    expect(await emma.say(`qualification change ${q} 2022-01`)).toContain(
      `Qualification #${q} updated: #${q} IELTS 7.5 (2022-01)`,
    );

    expect(await emma.say('career add')).toContain('Choose or type the category of this work');
    await emma.say('Localization');
    await emma.say('2020-01');
    expect(await emma.say('now')).toContain('Which company or client was it for?');
    await emma.say('Acme Ltd.');
    for (let i = 0; i < 4; i++) await emma.say('skip');
    expect(await emma.say('3 people')).toContain('Attach one file');
    const summary = await emma.say('done');
    expect(summary).toContain('Category: Localization');
    expect(summary).toContain('Period: 2020-01 – present');
    expect(summary).toContain('Team size: 3 people');
    expect(summary).toContain('Attachment: Not set');
    const done = await emma.tap('Yes');
    expect(done).toMatch(/Career entry #\d+ added\./);
    const career = idIn(done, /#(\d+) added/);
    expect(await worker.say(`career change ${career}`)).toContain('[E482] 経歴 #');

    expect(await emma.say('hobbies add chess')).toContain('Added “chess” to your hobbies.');
    expect(await emma.say('hobbies remove 1')).toContain('Removed “chess” from your hobbies.');
    expect(await emma.say('hobbies remove 1')).toBe(
      '[E487] None of your hobbies is “1”. Send “hobbies” to see the numbers.',
    );

    const profile = await emma.say('profile');
    expect(profile).toContain('Qualifications: #');
    expect(profile).toContain('Career (1):');
    expect(profile).toContain(`・#${career} 2020-01–present Acme Ltd.`);
  });
});

/** `12` → `１２`, as a Japanese keyboard types digits. */
function toFullWidth(n: number): string {
  return String(n).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
}
