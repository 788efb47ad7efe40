import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChatBench, openChatBench } from './helpers/chat.ts';

let c: ChatBench;
beforeAll(async () => {
  c = await openChatBench('cmdmarketprof');
});
afterAll(() => c?.close());

describe('profile', () => {
  it('fills in a profile field by field and shows it (ja)', async () => {
    const worker = await c.as('prof-ja', ['worker'], { name: '中村' });
    expect(await worker.say('プロフィール')).toContain('まだプロフィールが登録されていません。');

    expect(await worker.say('プロフィール 設定 ニックネーム なかむら')).toContain(
      'プロフィールを更新しました。',
    );
    await worker.say('プロフィール 設定 ステータス 仕事内容による');
    await worker.say('プロフィール 設定 紹介 Webデザインを10年やっています（UI中心）');
    await worker.say('プロフィール 設定 稼働時間 週20〜30時間');
    await worker.say('プロフィール 設定 時給 3,500円');
    await worker.say('プロフィール 設定 都道府県 東京');
    await worker.say('プロフィール 設定 市区町村 世田谷区');
    await worker.say('プロフィール 設定 趣味 写真');
    expect(await worker.say('スキル Figma:5:8, HTML:4:10、TypeScript:3')).toContain(
      'スキルを3件登録しました。',
    );
    expect(await worker.say('資格 追加 ウェブデザイン技能検定 2019年4月')).toContain(
      '資格「ウェブデザイン技能検定」を登録しました(#',
    );

    const shown = await worker.say('プロフィール');
    expect(shown).toContain(`■ なかむらさん(#${worker.actor.userId})`);
    expect(shown).toContain('  仕事内容による');
    // Prose keeps the writer's own full-width brackets.
    expect(shown).toContain('Webデザインを10年やっています（UI中心）');
    expect(shown).toContain('稼働時間: 週20〜30時間');
    expect(shown).toContain('時給: 3,500円');
    expect(shown).toContain('地域: 東京都 世田谷区');
    expect(shown).toContain('スキル: Figma Lv5・8年、HTML Lv4・10年、TypeScript Lv3');
    expect(shown).toContain('ウェブデザイン技能検定 (2019-04)');
    expect(shown).toContain('趣味: 写真');
    expect(shown).toContain('確認状況: 本人確認: 未確認、機密保持確認: 未確認');
    expect(worker.choices()).toEqual(['対応可能', '仕事内容による', '現在忙しい']);

    const busy = await worker.tap('現在忙しい');
    expect(busy).toContain('プロフィールを更新しました。');
    expect(busy).toContain('  現在忙しい');
  });

  it('reads the hourly rate as a Japanese keyboard types it, with or without プロフィール 設定', async () => {
    const worker = await c.as('prof-rate', ['worker'], { name: '岡田' });
    expect(await worker.say('プロフィール 設定 時給 １８００')).toContain('時給: 1,800円');
    expect(await worker.say('時給 ２，２００円')).toContain('時給: 2,200円');
    expect(await worker.say('時給２５００円')).toContain('時給: 2,500円');
    expect(await worker.say('プロフィール 時給 ￥３，０００')).toContain('時給: 3,000円');
    expect(await worker.say('時給 たくさん')).toContain('「たくさん」は金額として読み取れませんでした');
    expect(await worker.say('時給')).toContain('時給: 3,000円');
  });

  it('offers the choices for status and hours, and clears a field with none (en)', async () => {
    const worker = await c.as('prof-en', ['worker'], { locale: 'en', name: 'Emma' });
    expect(await worker.say('profile set status')).toContain('Please choose your status.');
    expect(worker.choices()).toEqual(['Available', 'Depends on the work', 'Busy']);
    expect(await worker.say('profile set status sleepy')).toContain('[E453] Please choose a status');
    expect(await worker.say('profile set hours')).toContain('Please choose your weekly hours.');
    const set = await worker.tap('40+ h/week');
    expect(set).toContain('Your profile has been updated.');
    expect(set).toContain('Weekly hours: 40+ h/week');
    await worker.say('profile set rate 4000');
    expect(await worker.say('profile')).toContain('Hourly rate: ¥4,000');
    expect(await worker.say('profile set rate none')).toContain('Hourly rate: Not set');
    expect(await worker.say('profile set rate lots')).toContain('Could not read “lots” as an amount');
    expect(await worker.say('profile set pref Atlantis')).toBe(
      '[E456] That is not a prefecture (e.g. 東京都 or 大阪).',
    );
    expect(await worker.say('profile set colour blue')).toContain('Usage: profile set <field> <value>');
  });

  it('shows another worker’s profile with Consult and Follow, and refuses unknown ones', async () => {
    const client = await c.as('prof-viewer', ['client'], { locale: 'en' });
    const worker = await c.as('prof-shown', ['worker'], { name: 'Kenta' });
    await worker.say('profile set nickname Ken');
    const shown = await client.say(`profile #${worker.actor.userId}`);
    expect(shown).toContain(`■ Ken (#${worker.actor.userId})`);
    expect(client.choices()).toEqual(['Consult', 'Follow']);
    expect(await client.tap('Follow')).toBe(`You are now following Kenta (#${worker.actor.userId}).`);
    expect(await client.say('profile 99999')).toBe('[E451] We could not find that profile.');
    // A client's own profile is theirs to read, but nobody else's.
    expect(await worker.say(`プロフィール ${client.actor.userId}`)).toBe(
      '[E451] ご指定のプロフィールが見つかりませんでした。',
    );
  });

  it('answers malformed skills with translated messages', async () => {
    const worker = await c.as('prof-skills', ['worker']);
    expect(await worker.say('スキル TypeScript:上級')).toBe(
      '[E461] スキルのレベルは1〜5の数字で指定してください。',
    );
    expect(await worker.say('スキル TypeScript:9')).toBe(
      '[E461] スキルのレベルは1〜5の数字で指定してください。',
    );
    expect(await worker.say('スキル TypeScript:3:ずっと')).toBe(
      '[E462] 経験年数は0〜60の整数で入力してください。',
    );
    // Without a level a word is not read as a skill; 「スキル 追加 TypeScript」 asks for the level.
    expect(await worker.say('スキル TypeScript')).toContain(
      '「スキル 追加 名前:レベル:経験年数 メモ」で1件ずつ追加します',
    );
    expect(await worker.say('スキル Go:3, go:4')).toBe(
      '[E464] スキル「go」が重複しています。1件にまとめてください。',
    );
    expect(await worker.say('スキル')).toContain('スキルはまだ登録されていません。');
    await worker.say('スキル Go:Lv3:2年');
    expect(await worker.say('スキル')).toMatch(/・#\d+ Go Lv3・2年/);
    expect(await worker.say('スキル なし')).toBe('スキルをすべて削除しました。');
  });

  it('lists, adds and removes qualifications, refusing someone else’s', async () => {
    const worker = await c.as('prof-qual', ['worker'], { locale: 'en' });
    const other = await c.as('prof-qual-other', ['worker'], { locale: 'en' });
    const added = await worker.say('qualification add PMP 2021-06');
    const id = Number(/\(#(\d+)\)/.exec(added)?.[1]);
    expect(added).toBe(`Qualification “PMP” added (#${id}).`);
    expect(await worker.say('qualification')).toContain(`#${id} PMP`);
    expect(await other.say(`qualification remove ${id}`)).toBe(
      `[E482] The qualification #${id} is someone else’s, so you cannot change or remove it. Send “qualification” to see your own numbers.`,
    );
    expect(await worker.say('qualification add CPA 2021-13')).toBe(
      '[E466] Please write the month as in “2024-04”.',
    );
    expect(await worker.say(`qualification remove ${id}`)).toBe(`Qualification #${id} removed.`);
    expect(await worker.say('qualification')).toContain('You have no qualifications listed yet.');
    expect(await worker.say('qualification remove')).toContain('Usage: qualification add <name> <YYYY-MM>');
  });
});

describe('worker search', () => {
  it('finds workers by skill and status, pages them and opens a profile from a row (ja)', async () => {
    const client = await c.as('search-client', ['client']);
    for (let i = 1; i <= 7; i++) {
      const w = await c.as(`search-worker-${i}`, ['worker'], { name: `ワーカー${i}` });
      await w.say(`スキル Rust:${(i % 5) + 1}:${i}`);
      await w.say(`プロフィール 設定 ステータス ${i === 7 ? '現在忙しい' : '対応可能'}`);
    }
    const first = await client.say('ワーカーを探す rust');
    expect(first).toContain('条件: スキル「rust」');
    // The search counts only one row past the page, so the first page knows "at least 6".
    expect(first).toContain('ワーカー検索結果(6人以上)');
    expect(first).toContain('1〜5件目を表示しています。');
    expect(first.match(/■ ワーカー\d+さん/g)).toHaveLength(5);
    const second = await client.tap('次のページ');
    expect(second).toContain('ワーカー検索結果(7人)');
    expect(second).toContain('7件中 6〜7件目を表示しています。');
    // Available workers come first; the busy one is last.
    expect(second).toContain('ワーカー7さん');
    expect(second).toContain('現在忙しい');
    expect(await client.tap('前のページ')).toContain('1〜5件目を表示しています。');

    const busy = await client.say('ワーカーを探す rust 現在忙しい');
    expect(busy).toContain('ワーカー検索結果(1人)');
    expect(busy).toContain('ワーカー7さん');
    const profile = await client.tap('プロフィール');
    expect(profile).toContain('■ ワーカー7さん');
    expect(profile).toContain('Rust Lv3・7年');

    expect(await client.say('ワーカーを探す COBOL')).toContain('条件に合うワーカーは見つかりませんでした。');
    expect(await client.say('ワーカーを探す rust 9')).toBe(
      'そのページはありません。1から最後のページまでの番号を指定してください。',
    );
  });

  it('searches by status alone in English', async () => {
    const staff = await c.as('search-staff', ['staff'], { locale: 'en' });
    const found = await staff.say('workers busy');
    expect(found).toContain('Filter: Busy');
    expect(found).toMatch(/Workers found \(\d+\)/);
    expect(found).toContain('ワーカー7 (#');
    expect(found).not.toContain('Available');
  });
});

describe('verification', () => {
  it('lets staff record identity and NDA checks, shown on the profile', async () => {
    const staff = await c.as('verify-staff', ['staff'], { locale: 'en' });
    const worker = await c.as('verify-worker', ['worker'], { name: '森' });
    expect(await staff.say(`verify ${worker.actor.userId} identity on`)).toBe(
      `Recorded the identity check of 森 (#${worker.actor.userId}) as done (Fri, 20 Nov 2026).`,
    );
    await staff.say(`verify ${worker.actor.userId} nda on`);
    expect(await worker.say('プロフィール 設定 ニックネーム もり')).toContain(
      '確認状況: 本人確認済み (2026年11月20日(金))、機密保持確認済み (2026年11月20日(金))',
    );
    expect(await staff.say(`verify ${worker.actor.userId} nda off`)).toBe(
      `Withdrew the NDA confirmation of 森 (#${worker.actor.userId}).`,
    );
    expect(await staff.say('verify 99999 nda on')).toBe('[E451] We could not find that profile.');
    expect(await staff.say(`verify ${worker.actor.userId} passport on`)).toContain(
      'Usage: verify <user number>',
    );
    expect(await worker.say(`確認記録 ${worker.actor.userId} 本人 on`)).toBe(
      'このコマンドを実行する権限がありません。',
    );
  });
});
