/**
 * Lists of people act, in the console as a client or worker types it: every contact, follower,
 * followed person and found worker has Message and Invite to team; Invite to team finds the team
 * (the one you own, a question when you own several, how to create one when you own none); Message
 * and Consult without text ask for the first message, and the conversation exists only once it is
 * sent. The same replies stay within LINE's, Slack's and Discord's limits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderClassicMessages, renderDiscordMessages } from '../adapters/discord/render.ts';
import { renderLineMessages } from '../adapters/line/render.ts';
import { renderSlackMessages } from '../adapters/slack/render.ts';
import type { Reply } from '../src/chat/types.ts';
import { type ChatBench, type ChatSession, openChatBench, replyTo as replyToBot } from './helpers/chat.ts';

let c: ChatBench;
beforeAll(async () => {
  c = await openChatBench('mktcontactsact');
});
afterAll(() => c?.close());

const conversationsOf = async (who: ChatSession) =>
  (await c.services.messages.myConversations(who.actor)).total;

/** The reply a line gets, as the adapters receive it. */
const replyTo = (who: ChatSession, line: string): Promise<Reply> => replyToBot(c.bot, who, line);

describe('acting from a list of people (ja)', () => {
  it('invites a followed worker to the team: how to create one, the only one, then which one', async () => {
    const client = await c.as('act-client', ['client'], { name: '佐藤' });
    const worker = await c.as('act-worker', ['worker'], { name: '山本' });
    const w = worker.actor.userId;
    await client.say(`フォロー ${w}`);

    const following = await client.say('フォロー中');
    expect(following).toContain('フォロー中(1人)');
    expect(following).toContain(`■ 山本さん(#${w})`);
    expect(client.choices()).toEqual(['メッセージ', 'チームに招待']);

    // No team yet: how to create one.
    expect(await client.tap('チームに招待')).toBe(
      `山本さん(#${w})を招待できるチームがまだありません。「チーム作成 URL チーム名」(例: チーム作成 design-lab デザイン研究会)と送ってチームを作成してから、もう一度お試しください。`,
    );

    // One team: that one, at once.
    await client.say('チーム作成 sato-design 佐藤デザイン');
    await client.say('フォロー中');
    const invited = await client.tap('チームに招待');
    expect(invited).toContain(`山本さん(#${w})をチーム「佐藤デザイン」に招待しました(招待 #`);
    expect(await worker.say('承認待ち一覧')).toContain('佐藤デザイン');
    await client.say('フォロー中');
    expect(await client.tap('チームに招待')).toContain('[E440] この方にはすでに招待を送っています。');

    // Several teams: which one, with a button per team.
    await client.say('チーム作成 sato-video 佐藤映像');
    await client.say('フォロー中');
    const which = await client.tap('チームに招待');
    expect(which).toContain(`山本さん(#${w})をどのチームに招待しますか?`);
    expect(client.choices()).toEqual(['佐藤デザイン', '佐藤映像']);
    expect(await client.tap('佐藤映像')).toContain(`山本さん(#${w})をチーム「佐藤映像」に招待しました`);
    // Typed with a team URL, and a team someone else owns.
    const other = await c.as('act-other-owner', ['worker'], { name: '他のオーナー' });
    await other.say('チーム作成 others-team 他人のチーム');
    expect(await client.say(`チームに招待 ${w} others-team`)).toBe('この操作を行う権限がありません。');
    expect(await client.say(`チームに招待 ${client.actor.userId}`)).toContain(
      '[E438] チームに招待できるのはワーカーとして登録している方だけです。',
    );
    expect(await client.say('チームに招待')).toContain('「チームに招待 ユーザー番号」のように送ってください');
  });

  it('asks for the first message, and opens the conversation only when it is sent', async () => {
    const client = await c.as('act-msg-client', ['client'], { name: '田中' });
    const worker = await c.as('act-msg-worker', ['worker'], { name: '中村' });
    const w = worker.actor.userId;
    await worker.say(`フォロー ${client.actor.userId}`);

    // A follower not followed back: Follow back first, then Message and Invite to team.
    const followers = await client.say('フォロワー');
    expect(followers).toContain(`■ 中村さん(#${w})`);
    expect(client.choices()).toEqual(['フォローを返す', 'メッセージ', 'チームに招待']);
    const asked = await client.tap('メッセージ');
    expect(asked).toContain(`中村さん(#${w})に送るメッセージを入力してください。`);
    expect(await conversationsOf(client)).toBe(0);
    // Cancelled: still nothing.
    expect(await client.say('キャンセル')).toBe('入力を中止しました。');
    expect(await conversationsOf(client)).toBe(0);
    expect(await conversationsOf(worker)).toBe(0);

    await client.say('フォロワー');
    await client.tap('メッセージ');
    const confirm = await client.say('はじめまして。動画編集をお願いできますか?');
    expect(confirm).toContain(`宛先: 中村さん(#${w})`);
    expect(confirm).toContain('メッセージ: はじめまして。動画編集をお願いできますか?');
    expect(await conversationsOf(client)).toBe(0);
    const sent = await client.tap('はい');
    expect(sent).toContain(`中村さん(#${w})にメッセージを送信しました(会話 #`);
    expect(await conversationsOf(worker)).toBe(1);
    const inbox = await worker.say('メッセージ一覧');
    expect(inbox).toContain('[未読1件]');
    expect(inbox).toContain('はじめまして。動画編集をお願いできますか?');

    // 相談 without text asks too; with text it sends at once, into the same conversation.
    expect(await client.say(`相談 ${w}`)).toContain(`中村さん(#${w})に送るメッセージを入力してください。`);
    await client.say('来週の予定はいかがですか');
    expect(await client.tap('はい')).toContain('(会話 #');
    expect(await conversationsOf(client)).toBe(1);

    // Refused at once, before any question.
    expect(await client.say(`相談 ${client.actor.userId}`)).toContain(
      '[E409] ご指定のワーカーが見つかりませんでした。',
    );
    expect(await client.say(`メッセージ ${client.actor.userId}`)).toContain(
      '[E404] ご自身にメッセージを送ることはできません。',
    );
    expect(await client.say('メッセージ 99999')).toContain('[E405]');
    expect(await client.say('案件について質問 99999')).toContain('[E406]');
  });

  it('asks a question about a job only once it is written', async () => {
    const poster = await c.as('act-poster', ['client'], { name: '高橋' });
    const worker = await c.as('act-asker', ['worker'], { name: '小林' });
    const { job } = await c.services.jobs.post(poster.actor, {
      title: '翻訳',
      reward: { type: 'fixed', yen: 5000 },
      remote: true,
      status: 'open',
    });
    expect(await worker.say(`案件について質問 ${job.id}`)).toContain(
      `募集案件 #${job.id} の掲載者に送るメッセージを入力してください。`,
    );
    expect(await conversationsOf(poster)).toBe(0);
    await worker.say('納期はいつですか');
    expect(await worker.tap('はい')).toContain(`募集案件 #${job.id} の掲載者に質問を送信しました(会話 #`);
    expect(await poster.say('メッセージ一覧')).toContain(`募集案件 #${job.id} について`);
  });

  it('gives contacts and found workers the same buttons, invite only for workers', async () => {
    const client = await c.as('act-con-client', ['client'], { name: '伊藤' });
    const worker = await c.as('act-con-worker', ['worker'], { name: '渡辺' });
    const peer = await c.as('act-con-peer', ['client'], { name: '加藤' });
    await client.say(`フォロー ${worker.actor.userId}`);
    await worker.say(`フォロー ${client.actor.userId}`);
    await client.say(`フォロー ${peer.actor.userId}`);
    await peer.say(`フォロー ${client.actor.userId}`);

    const contacts = await client.say('コンタクト');
    expect(contacts).toContain('コンタクト(2人)');
    expect(contacts).toContain(`■ 渡辺さん(#${worker.actor.userId})`);
    expect(contacts).toContain(`■ 加藤さん(#${peer.actor.userId})`);
    // A client cannot join a team: Message only.
    expect(client.choices().filter((l) => l === 'チームに招待')).toHaveLength(1);
    expect(client.choices().filter((l) => l === 'メッセージ')).toHaveLength(2);

    await worker.say('スキル Premiere:4:3');
    const found = await client.say('ワーカーを探す premiere');
    expect(found).toContain(`■ 渡辺さん(#${worker.actor.userId})`);
    expect(client.choices()).toEqual(['プロフィール', 'メッセージ', 'チームに招待']);
    expect(await client.tap('メッセージ')).toContain(
      `渡辺さん(#${worker.actor.userId})に送るメッセージを入力してください。`,
    );
    await client.say('キャンセル');
    // Staff may message a worker but own no team: no Invite to team.
    const staff = await c.as('act-staff', ['staff'], { name: '社員' });
    await staff.say('ワーカーを探す premiere');
    expect(staff.choices()).toEqual(['プロフィール', 'メッセージ']);
    // One's own row has no buttons but the profile.
    await worker.say('ワーカーを探す premiere');
    expect(worker.choices()).toEqual(['プロフィール']);
  });

  it('is one text field when a platform shows the question as a form (Slack and Discord modals)', async () => {
    const client = await c.as('act-form-client', ['client'], { name: '森' });
    const worker = await c.as('act-form-worker', ['worker'], { name: '林' });
    const event = {
      id: `act-form-${Math.random()}`,
      platform: 'console' as const,
      sender: { workspace: 'local', externalId: client.handle },
      conversation: { kind: 'direct' as const, id: client.handle },
      receivedAt: new Date(),
      kind: 'message' as const,
      text: '',
    };
    const started = await replyTo(client, `メッセージ ${worker.actor.userId}`);
    expect(started.form).toEqual({
      flowId: 'first-message',
      preset: { kind: 'message', target: worker.actor.userId },
    });
    const preset = started.form?.preset ?? {};
    const spec = await c.bot.describeForm(event, 'first-message', preset);
    expect(spec.fields.map((f) => [f.name, f.label])).toEqual([
      ['body', `林さん(#${worker.actor.userId})に送るメッセージを入力してください。`],
    ]);
    expect(await c.bot.submitForm(event, 'first-message', { body: ' ' }, {}, preset)).toEqual({
      errors: { body: '内容を入力してください(4,000文字以内)。' },
    });
    expect(await conversationsOf(client)).toBe(0);
    const sent = await c.bot.submitForm(
      event,
      'first-message',
      { body: 'フォームから失礼します' },
      {},
      preset,
    );
    expect('reply' in sent && sent.reply.blocks[0]).toMatchObject({
      text: expect.stringContaining(`林さん(#${worker.actor.userId})にメッセージを送信しました`),
    });
    expect(await conversationsOf(worker)).toBe(1);
  });

  it('keeps a full page of people within every platform’s limits', async () => {
    const client = await c.as('act-limits', ['client'], { name: '上限' });
    for (let i = 0; i < 6; i++) {
      const fan = await c.as(`act-limits-fan-${i}`, ['worker'], { name: `ファン${i}` });
      await fan.say(`フォロー ${client.actor.userId}`);
    }
    const reply = await replyTo(client, 'フォロワー');
    // Five cards of Follow back, Message and Invite to team, and the next page.
    expect(reply.blocks.filter((b) => b.type === 'card')).toHaveLength(5);
    // Classic Discord shows buttons apart from the cards: each names its person.
    const labels = renderClassicMessages(reply).flatMap((m) =>
      (m.components ?? []).flatMap((row) => row.components.map((b) => b.label)),
    );
    expect(labels.filter((l) => /^ファン\dさん\(#\d+\): メッセージ$/.test(l))).toHaveLength(5);
    expect(labels.filter((l) => /^ファン\dさん\(#\d+\): チームに招待$/.test(l))).toHaveLength(5);
    for (const m of renderClassicMessages(reply)) {
      expect((m.components ?? []).length).toBeLessThanOrEqual(5);
      for (const row of m.components ?? []) expect(row.components.length).toBeLessThanOrEqual(5);
      expect((m.embeds ?? []).length).toBeLessThanOrEqual(10);
    }
    // With Components V2 (the default) each person is a container holding their own two buttons.
    const people = renderDiscordMessages(reply)
      .flatMap((m) => (m.flags === undefined ? [] : m.components))
      .filter((c) => c.type === 17 && /ファン\dさん/.test(JSON.stringify(c)));
    expect(people).toHaveLength(5);
    for (const person of people) {
      const labelsIn = [...JSON.stringify(person).matchAll(/"label":"([^"]*)"/g)].map((x) => x[1]);
      expect(labelsIn).toEqual(expect.arrayContaining(['メッセージ', 'チームに招待']));
    }
    for (const m of renderSlackMessages(reply)) expect(m.blocks.length).toBeLessThanOrEqual(50);
    const line = renderLineMessages(reply, '…', 'ja');
    expect(line.length).toBeLessThanOrEqual(5);
    for (const m of line) {
      if (m.type !== 'flex') continue;
      const contents = m.contents as { type: string; contents?: unknown[] };
      if (contents.type === 'carousel') expect(contents.contents?.length ?? 0).toBeLessThanOrEqual(12);
      expect(Buffer.byteLength(JSON.stringify(m.contents))).toBeLessThanOrEqual(50 * 1024);
    }
  });
});

describe('acting from a list of people (en)', () => {
  it('invites a contact to one of several teams and writes a first message', async () => {
    const owner = await c.as('act-en-owner', ['worker'], { locale: 'en', name: 'Olivia' });
    const mate = await c.as('act-en-mate', ['worker'], { locale: 'en', name: 'Mason' });
    await owner.say(`follow ${mate.actor.userId}`);
    await mate.say(`follow ${owner.actor.userId}`);
    await owner.say('team-create olivia-one Alpha');
    await owner.say('team-create olivia-two Beta');
    const contacts = await owner.say('contacts');
    expect(contacts).toContain('Contacts (1)');
    expect(owner.choices()).toEqual(['Message', 'Invite to team']);
    expect(await owner.tap('Invite to team')).toContain(
      `Which team do you want to invite Mason (#${mate.actor.userId}) to?`,
    );
    expect(owner.choices()).toEqual(['Alpha', 'Beta']);
    expect(await owner.tap('Beta')).toContain(`Invited Mason (#${mate.actor.userId}) to the team “Beta”`);
    expect(await mate.say('invitations')).toContain('Beta');

    await owner.say('contacts');
    expect(await owner.tap('Message')).toContain(`Type your message to Mason (#${mate.actor.userId}).`);
    expect(await owner.say('Welcome aboard!')).toContain('Message: Welcome aboard!');
    expect(await owner.tap('Yes')).toContain(`Message sent to Mason (#${mate.actor.userId}) (conversation #`);
    expect(await mate.say('messages')).toContain('Welcome aboard!');
  });
});
