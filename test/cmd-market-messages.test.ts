import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChatBench, openChatBench, uploadFor } from './helpers/chat.ts';

let c: ChatBench;
beforeAll(async () => {
  c = await openChatBench('cmdmarketmsg');
});
afterAll(() => c?.close());

/** The conversation number a reply mentions (`会話 #5` / `conversation #5`). */
const conversationIn = (printed: string) => Number(/(?:会話|conversation) #(\d+)/i.exec(printed)?.[1]);

describe('marketplace messages', () => {
  it('lets a client message a worker, who sees it unread, opens it and replies (ja)', async () => {
    const client = await c.as('msg-client', ['client'], { name: '佐藤' });
    const worker = await c.as('msg-worker', ['worker'], { name: '鈴木' });

    const sent = await client.say(`メッセージ ${worker.actor.userId} ロゴ制作をお願いできますか`);
    expect(sent).toContain(`鈴木さん(#${worker.actor.userId})にメッセージを送信しました`);
    const id = conversationIn(sent);
    expect(id).toBeGreaterThan(0);

    const inbox = await worker.say('メッセージ一覧');
    expect(inbox).toContain('メッセージ(1件)');
    expect(inbox).toContain(`#${id} 佐藤さん(#${client.actor.userId}) [未読1件]`);
    expect(inbox).toContain('佐藤: ロゴ制作をお願いできますか');

    const opened = await worker.tap('開く');
    expect(opened).toContain(`会話 #${id}(1件中 1〜1件目)`);
    expect(opened).toContain('ロゴ制作をお願いできますか');
    expect(opened).toContain(`返信するには「送信 ${id} 本文」と送ってください。`);
    // Reading marks it read.
    expect(await worker.say('メッセージ一覧')).not.toContain('未読');

    expect(await worker.say(`送信 ${id} 承知しました。詳細を教えてください`)).toContain(
      `会話 #${id} にメッセージを送信しました。`,
    );
    const history = await client.say(`会話 #${id}`);
    expect(history).toContain('あなた・');
    expect(history).toContain(`鈴木さん(#${worker.actor.userId})・`);
    expect(history).toContain('承知しました。詳細を教えてください');

    // Messaging the same person again reuses the conversation.
    expect(conversationIn(await client.say(`メッセージ ${worker.actor.userId} 追伸です`))).toBe(id);
  });

  it('pages a long conversation from the newest messages back (en)', async () => {
    const a = await c.as('msg-pager-a', ['client'], { locale: 'en', name: 'Ann' });
    const b = await c.as('msg-pager-b', ['worker'], { locale: 'en', name: 'Ben' });
    const first = await a.say(`message ${b.actor.userId} hello 1`);
    const id = conversationIn(first);
    for (let i = 2; i <= 7; i++) await a.say(`say ${id} hello ${i}`);
    const latest = await b.say(`chat ${id}`);
    expect(latest).toContain(`Conversation #${id} (3–7 of 7)`);
    expect(latest).toContain('hello 7');
    expect(latest).not.toContain('hello 2');
    const older = await b.tap('Older messages');
    expect(older).toContain(`Conversation #${id} (1–2 of 7)`);
    expect(older).toContain('hello 1');
    expect(await b.tap('Newer messages')).toContain('hello 7');
  });

  it('asks the poster of a job a question about it', async () => {
    const poster = await c.as('msg-poster', ['client'], { name: '高橋' });
    const worker = await c.as('msg-asker', ['worker'], { locale: 'en' });
    const { job } = await c.services.jobs.post(poster.actor, {
      title: 'バナー制作',
      reward: { type: 'fixed', yen: 30000 },
      remote: true,
      status: 'open',
    });
    const asked = await worker.say(`ask-job #${job.id} Can the due date move?`);
    expect(asked).toContain(`Your question was sent to the poster of job #${job.id}`);
    const inbox = await poster.say('メッセージ一覧');
    expect(inbox).toContain(`募集案件 #${job.id} について`);
    expect(inbox).toContain('Can the due date move?');

    expect(await worker.say('ask-job 99999 hello')).toContain('[E406] We could not find that job notice.');
  });

  it('asks for the first message when the profile’s consult button is pressed, opening nothing before it is sent', async () => {
    const client = await c.as('msg-consulter', ['client']);
    const worker = await c.as('msg-consulted', ['worker'], { name: '伊藤' });
    await worker.say('プロフィール 設定 ニックネーム いとう');
    const shown = await client.say(`プロフィール ${worker.actor.userId}`);
    expect(shown).toContain(`いとうさん(#${worker.actor.userId})`);
    const asked = await client.tap('相談する');
    expect(asked).toContain(`伊藤さん(#${worker.actor.userId})に送るメッセージを入力してください。`);
    expect((await c.services.messages.myConversations(client.actor)).total).toBe(0);
    const confirm = await client.say('来月からお願いできますか');
    expect(confirm).toContain('メッセージ: 来月からお願いできますか');
    const sent = await client.tap('はい');
    expect(sent).toContain(`伊藤さん(#${worker.actor.userId})にメッセージを送信しました(会話 #`);
    const id = conversationIn(sent);
    expect(await client.say(`相談 ${worker.actor.userId} 追伸です`)).toContain(`(会話 #${id})`);
  });

  it('names the other person by part of their name, asking which one when several match', async () => {
    const client = await c.as('msg-name-client', ['client'], { name: '発注 一郎' });
    const one = await c.as('msg-name-1', ['worker'], { name: '翻訳 ユニーク花子' });
    await c.as('msg-name-2', ['worker'], { name: '同姓 太郎' });
    await c.as('msg-name-3', ['worker'], { name: '同姓 次郎' });
    // A customer of the support desk is not a marketplace member: not found by name.
    await c.as('msg-name-4', ['customer'], { name: '同姓 三郎' });
    const sent = await client.say('メッセージ ユニーク花子 はじめまして、ご相談です');
    expect(sent).toContain('翻訳 ユニーク花子');
    const which = await client.say('メッセージ 同姓 よろしくお願いします');
    expect(which).toContain('「同姓」に当てはまる方が複数います。どなたですか?');
    expect(client.choices().some((c) => c.startsWith('同姓 太郎'))).toBe(true);
    expect(client.choices().some((c) => c.startsWith('同姓 次郎'))).toBe(true);
    expect(client.choices().some((c) => c.startsWith('同姓 三郎'))).toBe(false);
    const picked = await client.tap('同姓 次郎');
    expect(picked).toContain('同姓 次郎');
    expect(await client.say('フォロー ユニーク花子')).toContain('翻訳 ユニーク花子');
    expect(await client.say('プロフィール ユニーク花子')).toContain('翻訳 ユニーク花子');
    expect(await client.say('プロフィール 該当者なしの名前')).toContain(
      'という名前の方が見つかりませんでした',
    );
    expect(one.actor.userId).toBeGreaterThan(0);
  });

  it('answers unknown users, strangers to a conversation and missing text with translated messages', async () => {
    const client = await c.as('msg-bad-client', ['client']);
    const worker = await c.as('msg-bad-worker', ['worker']);
    const stranger = await c.as('msg-stranger', ['worker'], { locale: 'en' });
    expect(await client.say('メッセージ 99999 こんにちは')).toContain(
      '[E405] ご指定のユーザーが見つかりませんでした。',
    );
    expect(await client.say('メッセージ abc こんにちは')).toContain(
      '「abc」という名前の方が見つかりませんでした。名前の一部か、番号(例: #12)で指定してください。',
    );
    expect(await client.say('メッセージ')).toContain(
      '「メッセージ ユーザー番号 本文」のように送ってください',
    );
    expect(await client.say(`メッセージ ${client.actor.userId} hi`)).toContain(
      '[E404] ご自身にメッセージを送ることはできません。',
    );
    const id = conversationIn(await client.say(`メッセージ ${worker.actor.userId} 内密の相談です`));

    expect(await stranger.say(`chat ${id}`)).toBe('You are not allowed to do that.');
    expect(await stranger.say(`say ${id} let me in`)).toBe('You are not allowed to do that.');
    expect(await stranger.say('chat 99999')).toContain('[E401] We could not find that conversation.');
    expect(await stranger.say(`say ${id}`)).toContain('Usage: say <conversation number> <text>');
    expect(await stranger.say(`consult ${client.actor.userId} hi`)).toContain(
      '[E409] We could not find that worker.',
    );
    expect(await worker.say(`会話 ${id} 9`)).toContain(
      'そのページはありません。1から最後のページまでの番号を指定してください。',
    );
  });
});

describe('follow, followers and contacts', () => {
  it('follows a worker, who sees the follower and follows back from the button (ja)', async () => {
    const client = await c.as('fol-client', ['client'], { name: '田中' });
    const worker = await c.as('fol-worker', ['worker'], { name: '山本' });
    expect(await client.say(`フォロー ${worker.actor.userId}`)).toBe(
      `山本さん(#${worker.actor.userId})をフォローしました。`,
    );
    expect(await client.say(`フォロー ${worker.actor.userId}`)).toBe(
      `山本さん(#${worker.actor.userId})はすでにフォローしています。`,
    );
    const following = await client.say('フォロー中');
    expect(following).toContain('フォロー中(1人)');
    expect(following).toContain(`山本さん(#${worker.actor.userId})`);

    const followers = await worker.say('フォロワー');
    expect(followers).toContain('フォロワー(1人)');
    expect(followers).toContain(`田中さん(#${client.actor.userId})`);
    expect(await worker.tap('フォローを返す')).toBe(`田中さん(#${client.actor.userId})をフォローしました。`);

    expect(await worker.say('フォロワー')).toContain(`田中さん(#${client.actor.userId})・相互フォロー`);
    const contacts = await client.say('コンタクト');
    expect(contacts).toContain('コンタクト(1人)');
    expect(contacts).toContain(`山本さん(#${worker.actor.userId})`);
    expect(contacts).toContain('相互フォロー');

    expect(await client.say(`フォロー解除 ${worker.actor.userId}`)).toBe(
      `山本さん(#${worker.actor.userId})のフォローを解除しました。`,
    );
    expect(await client.say('コンタクト')).toContain('コンタクトはまだありません。');
  });

  it('lists a client one completed a job with as a contact, with that reason (en)', async () => {
    const client = await c.as('con-client', ['client'], { name: 'Acme Ltd' });
    const worker = await c.as('con-worker', ['worker'], { locale: 'en' });
    const s = c.services;
    const { job } = await s.jobs.post(client.actor, {
      title: 'Data entry',
      reward: { type: 'fixed', yen: 10000 },
      remote: true,
      status: 'open',
    });
    const app = await s.applications.apply(worker.actor, job.id);
    await s.applications.accept(client.actor, app.id);
    await s.applications.handOverWorkFiles(client.actor, app.id, [await uploadFor(c, 'manual.txt', 'how')]);
    await s.applications.start(worker.actor, app.id);
    await s.deliveries.deliver(worker.actor, app.id, 'done', [await uploadFor(c, 'result.txt', 'data')]);
    await s.deliveries.approve(client.actor, app.id);

    const contacts = await worker.say('contacts');
    expect(contacts).toContain('Contacts (1)');
    expect(contacts).toContain(`Acme Ltd (#${client.actor.userId})`);
    expect(contacts).toContain('Worked together · completed jobs: 1');
    expect(await worker.tap('Message')).toContain(`Type your message to Acme Ltd (#${client.actor.userId}).`);
    await worker.say('Thank you for the job.');
    expect(await worker.tap('Yes')).toContain(
      `Message sent to Acme Ltd (#${client.actor.userId}) (conversation #`,
    );
  });

  it('speaks English and refuses following oneself or an unknown user', async () => {
    const worker = await c.as('fol-en', ['worker'], { locale: 'en' });
    expect(await worker.say('following')).toContain('You are not following anyone yet.');
    expect(await worker.say('followers')).toBe('No one follows you yet.');
    expect(await worker.say(`follow ${worker.actor.userId}`)).toBe('[E411] You cannot follow yourself.');
    expect(await worker.say('follow 99999')).toBe('[E405] We could not find that user.');
    expect(await worker.say('unfollow 99999')).toBe('You were not following user #99999.');
    expect(await worker.say('follow')).toBe('Usage: follow <user number> (e.g. follow 12).');
  });

  it('pages the followers list with next and previous buttons', async () => {
    const star = await c.as('fol-star', ['worker'], { locale: 'en' });
    for (let i = 0; i < 7; i++) {
      const fan = await c.as(`fol-fan-${i}`, ['client'], { name: `Fan ${i}` });
      await fan.say(`follow ${star.actor.userId}`);
    }
    const first = await star.say('followers');
    expect(first).toContain('Followers (7)');
    expect(first).toContain('Showing 1–5 of 7.');
    const second = await star.tap('Next');
    expect(second).toContain('Showing 6–7 of 7.');
    expect(await star.tap('Previous')).toContain('Showing 1–5 of 7.');
  });
});
