/**
 * 会社 in the console, as a client types it: search first, then join or register; registering asks
 * each field in turn (logo as a real image through the upload rules, URL checked at its own step,
 * name, introduction, address, phone, e-mail), and the company's page shows every field and the logo.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesOf, type Reply } from '../src/chat/types.ts';
import { acceptUpload, DEFAULT_UPLOAD_RULES } from '../src/files/uploads.ts';
import {
  type ChatBench,
  type ChatSession,
  consoleSession,
  openChatBench,
  replyTo as replyToBot,
} from './helpers/chat.ts';
import { pdf, png } from './helpers/files.ts';

let c: ChatBench;
let dir: string;
let sound: number;

beforeAll(async () => {
  c = await openChatBench('mktcompany');
  dir = await mkdtemp(path.join(os.tmpdir(), 'mktcompany-'));
  await writeFile(path.join(dir, 'logo.png'), png('sound life logo'));
  await writeFile(path.join(dir, 'second.png'), png('another logo'));
  await writeFile(path.join(dir, 'brochure.pdf'), pdf('brochure'));
  // Named like an image, but its bytes are not one: the upload rules refuse it.
  await writeFile(path.join(dir, 'fake.png'), Buffer.from('MZ\x90\x00 not really an image'));
  sound = (
    await c.b.ctx.uow.run((tx) =>
      tx.companies.insert({ slug: 'sound-a', name: '株式会社サウンドA', address: '東京都渋谷区1-2-3' }),
    )
  ).id;
});
afterAll(() => c?.close());

let seq = 0;
/** A client in the console whose `@path` words attach local files, as `npm run chat` does. */
async function client(locale: 'ja' | 'en' = 'ja', companyId: number | null = null): Promise<ChatSession> {
  const handle = `company-client-${++seq}`;
  const session = await consoleSession(c.b.store.store, c.bot, handle, ['client'], {
    locale,
    companyId,
    files: c.b.ctx.files,
  });
  return { ...session, handle };
}

const file = (name: string) => `@${path.join(dir, name)}`;

/** The reply itself (not its console text), for what a platform would render: files, cards. */
const replyTo = (who: ChatSession, line: string): Promise<Reply> => replyToBot(c.bot, who, line);

const companyOf = (userId: number) => c.b.ctx.uow.run(async (tx) => (await tx.users.get(userId))?.companyId);

describe('会社: search first, then join or register (ja)', () => {
  it('offers to look the company up, lists matches with 参加する and ends with 新しく登録する', async () => {
    const me = await client();
    const asked = await me.say('会社');
    expect(asked).toContain('ご自分の会社を、会社名の一部かURLで探してください(例: 会社 サウンド)。');
    expect(me.choices()).toEqual(['新しく登録する']);

    const found = await me.say('会社 サウンド');
    expect(found).toContain('【会社の検索結果(1件)】');
    expect(found).toContain(`・#${sound} 株式会社サウンドA  [1] 参加する`);
    expect(found).toContain('URL: sound-a、東京都渋谷区1-2-3');
    expect(me.choices()).toEqual(['参加する', '新しく登録する']);
    // The URL finds it too.
    expect(await me.say('会社検索 sound-')).toContain(`#${sound} 株式会社サウンドA`);

    const none = await me.say('会社 存在しない会社');
    expect(none).toContain('「存在しない会社」に一致する会社は見つかりませんでした。');
    expect(none).toContain('「新しく登録する」から登録できます。');
    expect(me.choices()).toEqual(['新しく登録する']);

    await me.say('会社 サウンド');
    const joined = await me.tap('参加する');
    expect(joined).toContain(`会社 #${sound} 株式会社サウンドA に参加しました。`);
    expect(joined).toContain('■ 株式会社サウンドA');
    expect(joined).toContain('住所: 東京都渋谷区1-2-3');
    expect(joined).toContain('電話番号: 未登録');
    expect(joined).toContain('あなたが所属している会社です。');
    expect(await companyOf(me.actor.userId)).toBe(sound);
    // Their own company is what 会社 shows now.
    expect(await me.say('会社')).toContain('■ 株式会社サウンドA');
  });

  it('registers a company step by step, refusing each wrong answer at its own step', async () => {
    const me = await client();
    await me.say('会社 まだない会社');
    const started = await me.tap('新しく登録する');
    expect(started).toContain('会社のロゴ画像があれば1枚送ってください(PNG・JPEG・GIF・WebP、5MBまで)。');

    // A file whose bytes are not an image is refused by the upload rules; the step stays.
    const fake = await me.say(file('fake.png'));
    expect(fake).toContain('[E202]');
    expect(fake).toContain('このメッセージは処理していません。');
    // A PDF is a file the portals take, but not a logo: refused at once, and not kept.
    const notImage = await me.say(file('brochure.pdf'));
    expect(notImage).toContain('[E427]');
    expect(notImage).toContain('会社のロゴ画像があれば1枚送ってください');
    // Two images at once are one too many.
    expect(await me.say(`${file('logo.png')} ${file('second.png')}`)).toContain(
      'ここで添付できるファイルは1件までです。',
    );
    // One image ends the step.
    expect(await me.say(file('logo.png'))).toContain(
      '会社ページのURLに使う名前を、半角の英数字とハイフンで入力してください',
    );

    expect(await me.say('ab')).toContain('会社のURLは半角の英字・数字・ハイフンの3〜32文字で');
    expect(await me.say('sound_life')).toContain('会社のURLは半角の英字・数字・ハイフンの3〜32文字で');
    expect(await me.say('Sound-A')).toContain('そのURLはすでに使われています。');
    expect(await me.say('Sound-Life')).toContain('会社名を入力してください');
    expect(await me.say('株式会社サウンドライフ')).toContain('会社の紹介文を入力してください');
    expect(await me.say('店舗向けBGMの制作と配信をしています。')).toContain('会社の住所を入力してください');
    expect(await me.say('東京都千代田区丸の内1-1-1')).toContain('連絡先の電話番号を入力してください');
    expect(await me.say('03-12')).toContain('[E428] 電話番号は数字とハイフンで入力してください');
    // Full-width digits and the long-vowel mark typed as a dash are read as 03-1234-5678.
    expect(await me.say('０３ー１２３４ー５６７８')).toContain('連絡先のメールアドレスを入力してください');
    expect(await me.say('info@')).toContain('[E426]');
    const summary = await me.say('ｉｎｆｏ＠soundlife.example');
    expect(summary).toContain('以下の内容でよろしいですか?');
    for (const line of [
      'ロゴ: logo.png',
      'URL: sound-life',
      '会社名: 株式会社サウンドライフ',
      '紹介文: 店舗向けBGMの制作と配信をしています。',
      '住所: 東京都千代田区丸の内1-1-1',
      '電話番号: 03-1234-5678',
      'メールアドレス: info@soundlife.example',
    ])
      expect(summary).toContain(line);

    const done = await me.tap('はい');
    expect(done).toMatch(/会社 #\d+ 株式会社サウンドライフ\(URL: sound-life\)を登録し、参加しました。/);
    expect(done).toContain('📎 logo.png');
    expect(done).toContain('■ 株式会社サウンドライフ');
    expect(done).toContain('店舗向けBGMの制作と配信をしています。');
    expect(done).toContain('電話番号: 03-1234-5678');
    expect(done).toContain('メールアドレス: info@soundlife.example');
    expect(done).toContain('あなたが所属している会社です。');

    // Its page, as a platform renders it: the logo is an image file handed over with the card.
    const page = await replyTo(me, '会社 sound-life');
    const [logo] = filesOf(page);
    expect(logo?.file).toMatchObject({ name: 'logo.png', mime: 'image/png' });
    expect(await c.b.ctx.files.read(logo?.file.storageKey ?? '')).toEqual(png('sound life logo'));
    const card = page.blocks.find((b) => b.type === 'card');
    expect(card?.type === 'card' && card.fields.map((f) => f.label)).toEqual([
      'URL',
      '住所',
      '電話番号',
      'メールアドレス',
      'ロゴ',
    ]);
  });

  it('shows someone else’s company without joining, and refuses a client who already has one', async () => {
    const owner = await client();
    await owner.say('会社登録');
    await owner.say('完了');
    await owner.say('kita-design');
    await owner.say('北デザイン株式会社');
    await owner.say('スキップ');
    await owner.say('スキップ');
    await owner.say('スキップ');
    await owner.say('hello@kita.example');
    const registered = await owner.tap('はい');
    const id = Number(/会社 #(\d+)/.exec(registered)?.[1]);
    expect(registered).toContain('紹介文: 未登録');
    expect(registered).toContain('ロゴ: 未登録');

    // A client of another company sees the page, with no join button.
    const other = await client('ja', sound);
    const seen = await other.say(`会社 #${id}`);
    expect(seen).toContain('■ 北デザイン株式会社');
    expect(seen).toContain('メールアドレス: hello@kita.example');
    expect(seen).not.toContain('参加する');
    expect(seen).not.toContain('あなたが所属している会社です。');
    expect(await other.say(`会社参加 ${id}`)).toContain('[E423] すでに会社に所属しています。');
    // Registering is refused at once, before any question.
    expect(await other.say('会社登録')).toContain('[E423] すでに会社に所属しています。');
    expect(await other.say('会社 #999999')).toContain('[E422]');

    // A client without one may join it from its page.
    const newcomer = await client();
    expect(await newcomer.say(`会社${id}`)).toContain('この会社の方は「参加する」を押してください。');
    expect(await newcomer.tap('参加する')).toContain(`会社 #${id} 北デザイン株式会社 に参加しました。`);
  });

  it('leaves nothing behind when the registration is cancelled', async () => {
    const me = await client();
    // An image sent with the command is the logo: the questions start at the URL.
    expect(await me.say(`会社登録 ${file('brochure.pdf')}`)).toContain('[E427]');
    const withLogo = await me.say(`会社登録 ${file('logo.png')}`);
    expect(withLogo).toContain('会社ページのURLに使う名前を');
    expect(withLogo).not.toContain('ロゴ画像があれば');
    expect(await me.say('キャンセル')).toBe('入力を中止しました。');
    await me.say('会社登録');
    await me.say('スキップ');
    await me.say('cancelled-co');
    await me.say('キャンセルする会社');
    expect(await me.say('キャンセル')).toBe('入力を中止しました。');
    expect(await companyOf(me.actor.userId)).toBeNull();
    expect(await me.say('会社 cancelled-co')).toContain(
      '「cancelled-co」に一致する会社は見つかりませんでした。',
    );
    // Saying no at the confirmation ends it the same way.
    await me.say('会社登録');
    await me.say('完了');
    await me.say('declined-co');
    await me.say('断る会社');
    for (let i = 0; i < 3; i++) await me.say('スキップ');
    await me.say('no@declined.example');
    expect(await me.say('いいえ')).toBe('入力を中止しました。');
    expect(await companyOf(me.actor.userId)).toBeNull();
  });
});

describe('company in English', () => {
  it('registers step by step, then on one line with “ / ”, and shows the page', async () => {
    const me = await client('en');
    expect(await me.say('company-register')).toContain('If your company has a logo, send one image');
    expect(await me.say(file('logo.png'))).toContain('Choose the URL name of your company page');
    expect(await me.say('x')).toContain('A company URL must be 3–32 letters, digits or hyphens');
    await me.say('harbor-works');
    await me.say('Harbor Works Ltd.');
    await me.say('skip');
    await me.say('skip');
    expect(await me.say('080 1234 5678')).toContain('What is the contact e-mail address?');
    const summary = await me.say('office@harbor.example');
    expect(summary).toContain('Phone: 080-1234-5678');
    expect(summary).toContain('Address: Not set');
    const done = await me.tap('Yes');
    expect(done).toMatch(/Registered company #\d+ Harbor Works Ltd\. \(URL: harbor-works\) and joined it\./);
    expect(done).toContain('📎 logo.png');
    expect(done).toContain('This is your company.');

    const oneLine = await client('en');
    expect(
      await oneLine.say(
        'company-register bay-co / Bay Co. / mail@bay.example / 045-123-4567 / Yokohama / We sail.',
      ),
    ).toContain('Registered company');
    const page = await oneLine.say('company bay-co');
    expect(page).toContain('■ Bay Co.');
    expect(page).toContain('We sail.');
    expect(page).toContain('Phone: 045-123-4567');
    expect(page).toContain('Address: Yokohama');
    const bad = await client('en');
    expect(await bad.say('company-register bad-mail / Bad Co. / not-an-email')).toContain('[E426]');
    expect(await bad.say('company-register bad-phone / Bad Co. / a@b.example / 12-34')).toContain('[E428]');
  });

  it('takes the whole registration as one form (Slack modal), answering per field', async () => {
    const me = await client('en');
    const event = {
      id: `company-form-${++seq}`,
      platform: 'console' as const,
      sender: { workspace: 'local', externalId: me.handle },
      conversation: { kind: 'direct' as const, id: me.handle },
      receivedAt: new Date(),
      kind: 'message' as const,
      text: '',
    };
    const stored = async (bytes: Buffer, name: string) => {
      const accepted = await acceptUpload(c.b.ctx.files, DEFAULT_UPLOAD_RULES, bytes, name);
      if (!('attachment' in accepted)) throw new Error('refused');
      const { storageKey = '', mime, size } = accepted.attachment;
      return { storageKey, name, mime, size };
    };
    const spec = await c.bot.describeForm(event, 'company-register');
    expect(spec.fields.map((f) => [f.name, f.type, f.optional])).toEqual([
      ['logo', 'files', true],
      ['slug', 'text', false],
      ['name', 'text', false],
      ['introduction', 'text', true],
      ['address', 'text', true],
      ['phone', 'text', true],
      ['email', 'text', false],
    ]);
    const values = {
      slug: 'sound-a',
      name: 'Form Co.',
      introduction: '',
      address: '',
      phone: '12',
      email: 'bad',
    };
    const refused = await c.bot.submitForm(event, 'company-register', values, {
      logo: [await stored(pdf('not a logo'), 'logo.pdf')],
    });
    expect(refused).toEqual({
      errors: {
        logo: '[E427] The logo must be an image file (PNG, JPEG, …).',
        slug: 'That URL is already taken. Please choose another.',
        phone: expect.stringContaining('[E428]'),
        email: expect.stringContaining('[E426]'),
      },
    });
    expect(await companyOf(me.actor.userId)).toBeNull();
    const ok = await c.bot.submitForm(
      event,
      'company-register',
      { ...values, slug: 'form-co', phone: '０４５－１１１－２２２２', email: 'hi@form.example' },
      { logo: [await stored(png('form logo'), 'form.png')] },
    );
    expect('reply' in ok && filesOf(ok.reply).map((f) => f.file.name)).toEqual(['form.png']);
    expect(await companyOf(me.actor.userId)).toBeGreaterThan(0);
  });
});
