/**
 * The profile as the guide lists it, walked in the console as a worker would: プロフィール編集 asks
 * every field in turn showing what is there now (変更しない keeps one), a full-width postal code
 * fills in the prefecture and the city, wrong answers are asked again with the reason, the user name
 * is set once and a taken one is refused. Another worker sees only the public fields (the age band
 * and the gender only when shown), staff see everything, and the profile image is set, shown as a
 * file and removed. Japanese first, then English once; the same flow as a form (Slack) keeps what is
 * left empty, and Discord, typed in the conversation (`/bot text:`), asks it step by step instead
 * (from its subcommand it opens as modals of five fields, discord-modals.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatEvent } from '../src/chat/types.ts';
import {
  ageBandOf,
  ageOn,
  birthDateOf,
  furiganaOf,
  lookupPostalCode,
  postalCodeOf,
  usernameOf,
} from '../src/domain/market/profile-fields.ts';
import type { UploadedFile } from '../src/files/storage.ts';
import { type ChatBench, type ChatSession, openChatBench, sayWithFiles } from './helpers/chat.ts';
import { openDiscordBench } from './helpers/discord.ts';
import { jpeg, pdf, png } from './helpers/files.ts';

let c: ChatBench;
let worker: ChatSession;
let other: ChatSession;
let staff: ChatSession;

beforeAll(async () => {
  c = await openChatBench('profilefields');
  worker = await c.as('pf-worker', ['worker'], { name: '山田' });
  other = await c.as('pf-other', ['worker'], { name: '鈴木' });
  staff = await c.as('pf-staff', ['staff'], { name: '高橋' });
});
afterAll(() => c?.close());

/** Real file bytes in file storage, as an adapter hands an attachment over. */
async function upload(name: string, bytes: Buffer, mime: string): Promise<UploadedFile> {
  const stored = await c.b.ctx.files.put(bytes);
  return { storageKey: stored.key, name, mime, size: stored.size };
}

/**
 * Answers 変更しない / keep until the question containing `question` is asked; returns it. (Typed:
 * the console reads a typed number as the answer to a text question, not as a quick reply.)
 */
async function keepUntil(s: ChatSession, keep: string, question: string, last: string): Promise<string> {
  let reply = last;
  for (let i = 0; i < 25 && !reply.includes(question); i++) reply = await s.say(keep);
  expect(reply).toContain(question);
  return reply;
}

/** Private values of the worker, none of which anyone else may be shown. */
const PRIVATE = ['山田 太郎', 'ヤマダ タロウ', '1990', '104-0061', '銀座1-2-3', '090-1234-5678', '男性'];

describe('プロフィール編集 (ja)', () => {
  it('asks every field with its current value, checks each answer at its step, and saves', async () => {
    const start = await worker.say('プロフィール編集');
    expect(start).toContain('順番にお伺いします。');
    expect(start).toContain(
      '各質問には現在の内容を表示しています。そのままにする項目は「変更しない」、消す項目は「削除」と送ってください。',
    );
    expect(start).toContain('ステータスを選んでください(現在: 未設定)。');
    expect(worker.choices()).toEqual([
      '対応可能',
      '仕事内容による',
      '現在忙しい',
      '変更しない',
      'キャンセル',
    ]);

    expect(await worker.tap('仕事内容による')).toContain('ニックネームを入力してください(現在: 未設定)。');
    expect(worker.choices()).toEqual(['変更しない', 'キャンセル']);
    // A nickname cannot be emptied: 削除 is refused and the question asked again.
    expect(await worker.say('削除')).toContain('[E518] ニックネームは削除できません。');
    expect(await worker.say('やまちゃん')).toContain(
      'ユーザー名を半角英数字と「_」の3〜20文字で入力してください。一度決めると変更できませんので、ご注意ください',
    );
    expect(await worker.say('やまだ')).toContain(
      '[E501] ユーザー名は半角英数字と「_」の3〜20文字で入力してください(例: taro_yamada)。',
    );
    expect(await worker.say('admin')).toContain('[E504] ユーザー名「admin」は使えません。');
    expect(await worker.say('Taro_1')).toContain(
      '氏名を入力してください。ご本人とスタッフにのみ表示されます(現在: 未設定)。',
    );
    // NFKC: the ideographic space becomes a plain one; half-width katakana becomes full-width.
    expect(await worker.say('山田　太郎')).toContain('ふりがなをカタカナまたはひらがなで入力してください');
    expect(await worker.say('Yamada Taro')).toContain('[E506] ふりがなはカタカナまたはひらがなで');
    expect(await worker.say('ﾔﾏﾀﾞ ﾀﾛｳ')).toContain('性別を選んでください(現在: 未設定)。');
    expect(worker.choices()).toEqual(['男性', '女性', 'その他', '回答しない', '変更しない', 'キャンセル']);
    expect(await worker.tap('男性')).toContain('性別をほかの方にも公開するか選んでください(現在: 未設定)。');
    expect(await worker.tap('公開しない')).toContain('生年月日を入力してください。');

    // A day that does not exist, then one in the future, then an era date.
    const noSuchDay = await worker.say('1990-02-30');
    expect(noSuchDay).toContain('[E508] 生年月日として読み取れませんでした。');
    expect(noSuchDay).toContain('生年月日を入力してください。');
    expect(await worker.say('2030年1月1日')).toContain(
      '[E509] 生年月日には、今日以前で120年以内の日付を入力してください。',
    );
    expect(await worker.say('平成2年4月1日')).toContain(
      '年代(20代・30代など)をほかの方にも公開するか選んでください(現在: 未設定)。',
    );
    expect(await worker.tap('公開する')).toContain('郵便番号を入力してください。');

    // Not a postal code; a code nobody has; then a full-width one with a full-width hyphen.
    expect(await worker.say('12345')).toContain(
      '[E510] 郵便番号は7桁の数字で入力してください(例: 104-0061)。',
    );
    expect(await worker.say('９９９－９９９９')).toContain(
      '[E511] 郵便番号「999-9999」に当たる住所が見つかりませんでした。番号をご確認ください。',
    );
    const found = await worker.say('１０４－００６１');
    // The prefecture and the city come from the code: they are not asked.
    expect(found).toContain(
      '郵便番号から「東京都 中央区 銀座」と分かりました。続きの番地・建物名だけでも入力できます。町名・番地・建物名を入力してください(現在: 未設定)。',
    );
    expect(await worker.say('1-2-3 銀座ビル5階')).toContain('電話番号を入力してください');
    expect(await worker.say('03-1234')).toContain(
      '[E428] 電話番号は数字とハイフンで入力してください(10〜15桁、例: 03-1234-5678)。',
    );
    expect(await worker.say('０９０－１２３４－５６７８')).toContain(
      '出身地を入力してください(現在: 未設定)。',
    );
    expect(await worker.say('変更しない')).toContain('最終学歴・学校名を入力してください(現在: 未設定)。');
    expect(await worker.say('東京大学 工学部')).toContain('自己紹介を入力してください(現在: 未設定)。');
    expect(await worker.say('Webデザインを10年やっています（UI中心）')).toContain(
      '週あたりの稼働時間を選んでください(現在: 未設定)。',
    );
    expect(await worker.say('変更しない')).toContain('時給を入力してください(例: 3,000円。現在: 未設定)。');
    expect(await worker.say('３，５００円')).toContain(
      '趣味を「、」で区切って入力してください(現在: 未設定)。',
    );

    const summary = await worker.say('写真、登山');
    expect(summary).toContain('以下の内容でよろしいですか?');
    for (const line of [
      'ステータス: 仕事内容による',
      'ニックネーム: やまちゃん',
      'ユーザー名: Taro_1',
      '氏名: 山田 太郎',
      'ふりがな: ヤマダ タロウ',
      '性別: 男性',
      '性別の公開: 公開しない',
      '生年月日: 1990-04-01',
      '年代の公開: 公開する',
      '郵便番号: 104-0061',
      '都道府県: 東京都',
      '市区町村: 中央区',
      '町名・番地・建物名: 銀座1-2-3 銀座ビル5階',
      '電話番号: 090-1234-5678',
      '出身地: 未設定',
      '最終学歴・学校: 東京大学 工学部',
      '自己紹介: Webデザインを10年やっています（UI中心）',
      '稼働時間: 未設定',
      '時給: 3,500円',
      '趣味: 写真、登山',
    ])
      expect(summary).toContain(line);

    const saved = await worker.tap('はい');
    expect(saved).toContain('プロフィールを更新しました。');
    expect(saved).toContain(`■ やまちゃんさん(#${worker.actor.userId})`);
    expect(saved).toContain('  ユーザー名: @Taro_1');
    // 1990-04-01 on the business date 2026-11-20 (Tokyo): 36, so 30代.
    expect(saved).toContain('  年代: 30代');
    expect(saved).toContain('  地域: 東京都 中央区');
    expect(saved).toContain('  最終学歴・学校: 東京大学 工学部');
    expect(saved).toContain('■ 非公開の情報(ご本人とスタッフのみ表示)');
    expect(saved).toContain('  氏名: 山田 太郎');
    expect(saved).toContain('  性別: 男性(非公開)');
    expect(saved).toContain('  生年月日: 1990年4月1日(36歳)');
    expect(saved).toContain('  年代: 30代(公開)');
    expect(saved).toContain('  郵便番号: 104-0061');
    expect(saved).toContain('  住所: 東京都 中央区 銀座1-2-3 銀座ビル5階');
    expect(saved).toContain('  電話番号: 090-1234-5678');
  });

  it('keeps what 変更しない keeps, empties what 削除 empties, and does not ask the user name again', async () => {
    const start = await worker.say('プロフィール編集');
    expect(start).toContain('ステータスを選んでください(現在: 仕事内容による)。');
    const nickname = await worker.say('変更しない');
    expect(nickname).toContain('ニックネームを入力してください(現在: やまちゃん)。');
    // The user name is set: the next question is the name.
    expect(await worker.say('変更しない')).toContain(
      '氏名を入力してください。ご本人とスタッフにのみ表示されます(現在: 山田 太郎)。',
    );
    const school = await keepUntil(worker, '変更しない', '最終学歴・学校名を入力してください', '');
    expect(school).toContain('(現在: 東京大学 工学部)');
    const intro = await worker.say('削除');
    expect(intro).toContain('自己紹介を入力してください(現在: Webデザインを10年やっています（UI中心）)。');
    const summary = await keepUntil(worker, '変更しない', '以下の内容でよろしいですか?', intro);
    expect(summary).toContain('最終学歴・学校: 未設定');
    expect(summary).toContain('電話番号: 090-1234-5678');
    const saved = await worker.tap('はい');
    expect(saved).toContain('  最終学歴・学校: 未設定');
    expect(saved).toContain('  住所: 東京都 中央区 銀座1-2-3 銀座ビル5階');
    expect(saved).toContain('  ユーザー名: @Taro_1');
  });

  it('sets the user name once: another is refused, and a taken one whatever its case', async () => {
    expect(await worker.say('プロフィール 設定 ユーザー名 yamada_2')).toBe(
      '[E503] ユーザー名はすでに「Taro_1」に決まっているため、変更できません。',
    );
    // The same name again changes nothing.
    expect(await worker.say('プロフィール 設定 ユーザー名 Taro_1')).toContain('ユーザー名: @Taro_1');
    expect(await other.say('プロフィール 設定 ユーザー名 taro_1')).toBe(
      '[E502] ユーザー名「taro_1」はすでにほかの方が使っています。別の名前をお選びください。',
    );
    // In the flow, a taken name is refused at its own step.
    await other.say('プロフィール編集');
    await other.say('変更しない');
    expect(await other.say('変更しない')).toContain(
      'ユーザー名を半角英数字と「_」の3〜20文字で入力してください。',
    );
    const taken = await other.say('TARO_1');
    expect(taken).toContain('[E502] ユーザー名「TARO_1」はすでにほかの方が使っています。');
    expect(taken).toContain('ユーザー名を半角英数字と「_」の3〜20文字で入力してください。');
    expect(await other.say('キャンセル')).toBe('入力を中止しました。');
    expect(await other.say('プロフィール 設定 ユーザー名 suzuki_hanako')).toContain(
      'ユーザー名: @suzuki_hanako',
    );
  });

  it('gives one of two people claiming a name at once the name, and the other the reason', async () => {
    const [a, b] = [await c.b.user(['worker']), await c.b.user(['worker'])];
    const results = await Promise.allSettled([
      c.services.profiles.update(a, { username: 'race_name' }),
      c.services.profiles.update(b, { username: 'Race_Name' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ key: 'profile.username_taken' });
  });
});

describe('who sees what', () => {
  it('shows another worker only the public fields, the age band as the person allows', async () => {
    const seen = await other.say(`プロフィール #${worker.actor.userId}`);
    expect(seen).toContain(`■ やまちゃんさん(#${worker.actor.userId})`);
    expect(seen).toContain('  ユーザー名: @Taro_1');
    expect(seen).toContain('  年代: 30代');
    expect(seen).toContain('  地域: 東京都 中央区');
    expect(seen).not.toContain('非公開の情報');
    expect(seen).not.toContain('性別');
    for (const value of PRIVATE) expect(seen).not.toContain(value);

    // The service itself leaves the private values out of another viewer's view.
    const view = await c.services.profiles.get(other.actor, worker.actor.userId);
    expect(view.personal).toBeNull();
    expect(view.gender).toBeNull();
    expect(view.ageBand).toBe(30);
    const carried = JSON.stringify(view);
    for (const value of [
      '山田 太郎',
      'ヤマダ',
      '1990-04-01',
      '1040061',
      '銀座1-2-3',
      '090-1234-5678',
      'male',
    ])
      expect(carried).not.toContain(value);
    expect(Object.keys(view.profile ?? {})).not.toContain('phone');
  });

  it('shows the gender once the person shows it, and hides the age band once they hide it', async () => {
    await worker.say('プロフィール編集');
    const asked = await keepUntil(worker, '変更しない', '性別をほかの方にも公開するか選んでください', '');
    expect(asked).toContain('(現在: 公開しない)');
    await worker.tap('公開する');
    const ageBand = await keepUntil(worker, '変更しない', '年代(20代・30代など)をほかの方にも公開するか', '');
    expect(ageBand).toContain('(現在: 公開する)');
    await worker.tap('公開しない');
    await keepUntil(worker, '変更しない', '以下の内容でよろしいですか?', '');
    const mine = await worker.tap('はい');
    expect(mine).toContain('  性別: 男性(公開)');
    expect(mine).toContain('  年代: 30代(非公開)');

    const seen = await other.say(`プロフィール #${worker.actor.userId}`);
    expect(seen).toContain('  性別: 男性');
    expect(seen).not.toContain('年代');
    expect(seen).not.toContain('090-1234-5678');
    expect((await c.services.profiles.get(other.actor, worker.actor.userId)).ageBand).toBeNull();
  });

  it('shows staff everything', async () => {
    const seen = await staff.say(`プロフィール #${worker.actor.userId}`);
    expect(seen).toContain('■ 非公開の情報(ご本人とスタッフのみ表示)');
    expect(seen).toContain('  氏名: 山田 太郎');
    expect(seen).toContain('  ふりがな: ヤマダ タロウ');
    expect(seen).toContain('  生年月日: 1990年4月1日(36歳)');
    expect(seen).toContain('  郵便番号: 104-0061');
    expect(seen).toContain('  住所: 東京都 中央区 銀座1-2-3 銀座ビル5階');
    expect(seen).toContain('  電話番号: 090-1234-5678');
    const view = await c.services.profiles.get(staff.actor, worker.actor.userId);
    expect(view.personal).toMatchObject({ phone: '090-1234-5678', postalCode: '1040061' });
  });
});

describe('プロフィール画像', () => {
  it('sets a picture, shows it as a file on the card, and removes it', async () => {
    const none = await worker.say('プロフィール画像');
    expect(none).toContain('プロフィール画像は登録されていません。');
    expect(none).toContain(
      'プロフィール画像(JPEG・PNG・WebP、5MBまで)は、画像を添付して「プロフィール画像」と送るか、「プロフィール画像 登録」と送ってから画像を送ると登録できます。',
    );
    expect(worker.choices()).toEqual(['画像を登録する']);
    // A PDF, and a PDF that calls itself a PNG: the bytes decide.
    expect(
      await sayWithFiles(c.bot, worker.handle, 'プロフィール画像', [
        await upload('履歴書.pdf', pdf('経歴'), 'application/pdf'),
      ]),
    ).toBe('[E515] プロフィール画像にはJPEG・PNG・WebPの画像を送ってください。');
    expect(
      await sayWithFiles(c.bot, worker.handle, 'プロフィール画像', [
        await upload('face.png', pdf('not a picture'), 'image/png'),
      ]),
    ).toBe('[E515] プロフィール画像にはJPEG・PNG・WebPの画像を送ってください。');
    expect(
      await sayWithFiles(c.bot, worker.handle, 'プロフィール画像', [
        await upload('a.png', png('a'), 'image/png'),
        await upload('b.jpg', jpeg('b'), 'image/jpeg'),
      ]),
    ).toBe('[E519] プロフィール画像は1枚だけ添付してください。');

    const set = await sayWithFiles(c.bot, worker.handle, 'プロフィール画像', [
      await upload('顔写真.png', png('やまだ'), 'image/png'),
    ]);
    expect(set).toContain('プロフィール画像を登録しました。');
    expect(set).toMatch(/📎 顔写真\.png \(\d+ B\)\n\n■ やまちゃんさん/);
    // Others see it on the card too.
    expect(await other.say(`プロフィール #${worker.actor.userId}`)).toContain('📎 顔写真.png');
    const view = await c.services.profiles.get(other.actor, worker.actor.userId);
    expect(view.image).toMatchObject({ name: '顔写真.png', mime: 'image/png' });

    // A WebP picture replaces it.
    const webp = Buffer.concat([
      Buffer.from('RIFF'),
      Buffer.from([16, 0, 0, 0]),
      Buffer.from('WEBPVP8 face'),
    ]);
    const replaced = await sayWithFiles(c.bot, worker.handle, 'プロフィール画像', [
      await upload('face.webp', webp, 'image/webp'),
    ]);
    expect(replaced).toContain('📎 face.webp');
    expect(replaced).not.toContain('顔写真.png');
    expect(await worker.say('プロフィール画像')).toContain('現在のプロフィール画像です。\n\n📎 face.webp');
    expect(worker.choices()).toEqual(['画像を登録する', '画像を削除する']);

    expect(await worker.tap('画像を削除する')).toBe('プロフィール画像を削除しました。');
    expect(await other.say(`プロフィール #${worker.actor.userId}`)).not.toContain('📎');
    expect(await worker.say('プロフィール画像 削除')).toBe('プロフィール画像は登録されていません。');
  });

  it('asks for the picture after プロフィール画像 登録, as on LINE where a message is text or an image', async () => {
    expect(await worker.say('プロフィール画像 登録')).toContain(
      'プロフィール画像にする画像を1枚送ってください(JPEG・PNG・WebP、5MBまで)。',
    );
    const refused = await sayWithFiles(c.bot, worker.handle, '', [
      await upload('doc.pdf', pdf('no'), 'application/pdf'),
    ]);
    expect(refused).toContain('[E515] プロフィール画像にはJPEG・PNG・WebPの画像を送ってください。');
    expect(refused).toContain('プロフィール画像にする画像を1枚送ってください');
    const summary = await sayWithFiles(c.bot, worker.handle, '', [
      await upload('photo.jpg', jpeg('やまだ'), 'image/jpeg'),
    ]);
    expect(summary).toContain('以下の内容でよろしいですか?\nプロフィール画像: photo.jpg');
    const set = await worker.say('はい');
    expect(set).toContain('プロフィール画像を登録しました。');
    expect(set).toContain('📎 photo.jpg');
    expect((await c.services.profiles.get(other.actor, worker.actor.userId)).image?.mime).toBe('image/jpeg');
  });
});

describe('profile-edit (en)', () => {
  it('walks the same flow in English', async () => {
    const emma = await c.as('pf-emma', ['client'], { locale: 'en', name: 'Emma' });
    const start = await emma.say('profile-edit');
    expect(start).toContain('Each question shows what is there now.');
    expect(start).toContain('Please choose your status (now: Not set).');
    expect(await emma.say('keep')).toContain('Please enter your nickname (now: Not set).');
    expect(await emma.say('Em')).toContain('Please choose a user name');
    expect(await emma.say('emma_w')).toContain('Please enter your full name.');
    expect(await emma.say('Emma Watanabe')).toContain('Please enter the reading of your name');
    expect(await emma.say('えま わたなべ')).toContain('Please choose your gender (now: Not set).');
    expect(await emma.tap('Prefer not to say')).toContain('Please enter your date of birth.');
    expect(await emma.say('1999/13/01')).toContain('[E508] That is not a date of birth we can read.');
    expect(await emma.say('2001-07-15')).toContain('Should others see your age band');
    expect(await emma.tap('Show')).toContain('Please enter your postal code');
    expect(await emma.say('1009999')).toContain('[E511] We found no address for the postal code 100-9999.');
    expect(await emma.say('150-0002')).toContain('The postal code is in “東京都 渋谷区 渋谷”.');
    expect(await emma.say('2-21-1')).toContain('Please enter your phone number');
    expect(await emma.say('12')).toContain('[E428]');
    expect(await emma.say('03-1234-5678')).toContain('Please enter your hometown');
    expect(await emma.say('London')).toContain('Please enter your school');
    const summary = await keepUntil(emma, 'keep', 'Is this correct?', '');
    expect(summary).toContain('Gender: Prefer not to say');
    expect(summary).toContain('Prefecture: 東京都');
    expect(summary).toContain('Town, block, building: 渋谷2-21-1');
    const saved = await emma.tap('Yes');
    expect(saved).toContain('Your profile has been updated.');
    expect(saved).toContain('User name: @emma_w');
    expect(saved).toContain('Age: 20s');
    expect(saved).toContain('Private details (only you and staff see these)');
    expect(saved).toContain('Date of birth: 15 Jul 2001 (age 25)');
    expect(saved).toContain('Gender: Prefer not to say (private)');
    expect(saved).toContain('Address: 東京都 渋谷区 渋谷2-21-1');
    expect(await emma.say('profile-image')).toContain(
      'To set a profile picture (JPEG, PNG or WebP, up to 5 MB), attach it and send “profile-image”',
    );
  });
});

describe('input rules', () => {
  it('reads postal codes, birth dates, furigana and user names as people type them', async () => {
    for (const typed of ['104-0061', '１０４－００６１', '〒104-0061', '104 0061', '104ー0061', '1040061'])
      expect(postalCodeOf(typed), typed).toBe('1040061');
    expect(() => postalCodeOf('104-006')).toThrow('profile.postal_code_invalid');
    expect(await lookupPostalCode('1040061')).toEqual({ prefecture: '東京都', city: '中央区', town: '銀座' });
    expect(await lookupPostalCode('9999999')).toBeNull();

    const today = '2026-11-20';
    expect(birthDateOf('令和元年5月1日', today)).toBe('2019-05-01');
    expect(birthDateOf('昭和６３年１月５日', today)).toBe('1988-01-05');
    expect(birthDateOf('19900401', today)).toBe('1990-04-01');
    expect(() => birthDateOf('2026-11-21', today)).toThrow('profile.birth_date_out_of_range');
    expect(() => birthDateOf('1900-01-01', today)).toThrow('profile.birth_date_out_of_range');
    expect(() => birthDateOf('2001-02-29', today)).toThrow('profile.birth_date_invalid');
    // One more year on the birthday itself; a leap-day birthday counts from 1 March.
    expect(ageOn('1990-11-20', today)).toBe(36);
    expect(ageOn('1990-11-21', today)).toBe(35);
    expect(ageOn('2004-02-29', '2025-02-28')).toBe(20);
    expect(ageOn('2004-02-29', '2025-03-01')).toBe(21);
    expect(ageBandOf('1990-11-21', today)).toBe(30);
    expect(ageBandOf('2020-01-01', today)).toBe(0);

    expect(furiganaOf('やまだ　たろう')).toBe('やまだ たろう');
    expect(furiganaOf('ｻﾄｳ ｼﾞﾛｰ')).toBe('サトウ ジロー');
    expect(() => furiganaOf('山田')).toThrow('profile.furigana_invalid');
    expect(usernameOf('＠Ｔａｒｏ＿１')).toBe('Taro_1');
    expect(() => usernameOf('ta')).toThrow('profile.username_invalid');
    expect(() => usernameOf('taro-1')).toThrow('profile.username_invalid');
  });
});

describe('as a form', () => {
  const formEvent = (handle: string): ChatEvent => ({
    id: `form-${Math.random()}`,
    platform: 'console',
    sender: { workspace: 'local', externalId: handle, displayName: handle },
    conversation: { kind: 'direct', id: handle },
    receivedAt: new Date(),
    kind: 'message',
    text: '',
  });

  it('keeps what a form leaves empty (Slack), with each label showing the current value', async () => {
    const event = formEvent(worker.handle);
    const spec = await c.bot.describeForm(event, 'profile-edit', { usernameSet: 1 });
    const phone = spec.fields.find((f) => f.name === 'phone');
    expect(phone).toMatchObject({ optional: true, type: 'text' });
    expect(phone?.label).toContain('(例: 090-1234-5678。現在: 090-1234-5678)');
    const refused = await c.bot.submitForm(
      event,
      'profile-edit',
      { phone: '12', postalCode: '9999999' },
      {},
      { usernameSet: 1 },
    );
    expect(refused).toEqual({
      errors: {
        phone: '[E428] 電話番号は数字とハイフンで入力してください(10〜15桁、例: 03-1234-5678)。',
        postalCode: '[E511] 郵便番号「999-9999」に当たる住所が見つかりませんでした。番号をご確認ください。',
      },
    });
    const done = await c.bot.submitForm(
      event,
      'profile-edit',
      { phone: '080-9999-0000' },
      {},
      { usernameSet: 1 },
    );
    expect('reply' in done).toBe(true);
    const view = await c.services.profiles.get(worker.actor, worker.actor.userId);
    expect(view.personal).toMatchObject({
      phone: '080-9999-0000',
      fullName: '山田 太郎',
      postalCode: '1040061',
    });
    expect(view.profile).toMatchObject({ nickname: 'やまちゃん', username: 'Taro_1', prefecture: '東京都' });
  });

  it('asks step by step on Discord, whose modals take at most five inputs', async () => {
    const d = await openDiscordBench('profilefieldsdiscord');
    try {
      const user = '1234567890123456789';
      await d.asUser(user, ['worker'], { name: '佐藤' });
      const seen = await d.say(user, 'プロフィール編集');
      expect(seen.response.type).not.toBe(9);
      expect(seen.text).toContain('ステータスを選んでください(現在: 未設定)。');
      expect(seen.buttons.map((b) => b.label)).toContain('変更しない');
    } finally {
      await d.close();
    }
  });
});
