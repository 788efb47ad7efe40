/**
 * Team threads (adapters/discord/team-threads.ts) against the fake Discord (REST + Gateway) and LINE:
 * a client on LINE consults a team whose channel is bound; the conversation gets a thread in that
 * channel; the client's messages appear in it; a member's answer in the thread (mentioning the bot,
 * as the non-privileged intents require) reaches the client on LINE and gets ✅ once delivered; `//`
 * stays in Discord; outsiders and unlinked accounts are told why nothing was sent; a redelivered
 * Gateway event is relayed once. A conversation about a job a member works on gets a thread too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/domain/actor.ts';
import { DISCORD_APP, type DiscordBench, GUILD, openDiscordBench, snowflake } from './helpers/discord.ts';
import { lineUserId, seenIn } from './helpers/line.ts';
import { processedTracker } from './helpers/processed.ts';

const tracker = processedTracker('gateway message');
let b: DiscordBench;
let n = 0;
const discordUser = () => `18${String(Date.now()).slice(-10)}${String(++n).padStart(6, '0')}`;

beforeAll(async () => {
  b = await openDiscordBench('threads', {
    env: { DISCORD_GATEWAY: 'on' },
    app: { onProcessed: tracker.mark },
  });
  await b.discord.gateway.waitLive();
  await b.discord.waitFor(() => b.app.discordGateway?.status().state === 'connected');
}, 30_000);

afterAll(async () => {
  await b?.close();
});

const actorOf = async (userId: number): Promise<Actor> => {
  const u = await b.app.store.uow.read((tx) => tx.users.get(userId));
  if (!u) throw new Error(`no user ${userId}`);
  return { userId: u.id, roles: u.roles, companyId: u.companyId };
};

/** A Discord worker who owns a team bound to `channel`, and a second member; returns their ids. */
async function teamWithChannel(slug: string, channel: string) {
  const owner = discordUser();
  const member = discordUser();
  const ownerId = await b.asUser(owner, ['worker'], { name: '山田' });
  const memberId = await b.asUser(member, ['worker'], { name: '加藤' });
  expect(
    (await b.say(owner, `チーム作成 ${slug} 「デザイン ${slug}」 ロゴとバナーを作っています`)).text,
  ).toContain('を作成しました');
  await b.command(owner, 'market', 'team-discord', `${slug} ${channel}`, { guild: true, channel });
  const team = await b.app.domain.teams.getBySlug(await actorOf(ownerId), slug);
  const invitation = await b.app.domain.teamInvitations.invite(await actorOf(ownerId), team.id, memberId);
  await b.app.domain.teamInvitations.approve(await actorOf(memberId), invitation.id);
  return { owner, member, ownerId, memberId, team };
}

/** A LINE user with the client role. */
async function lineClient(name: string, displayName: string): Promise<number> {
  await b.lineUser.follow(name, { displayName, language: 'ja' });
  const u = await b.app.store.users.findByIdentity({
    platform: 'line',
    workspace: '',
    externalId: lineUserId(name),
  });
  if (!u) throw new Error('LINE user not created');
  await b.app.store.uow.run((tx) => tx.users.update(u.id, { roles: ['client'] }));
  return u.id;
}

/** A message in a thread, from the Gateway; waits until the app handled it. */
/** The thread of the conversation in `channel`, once the mirror has recorded it (so answers in it are relayed). */
async function threadIn(channel: string): Promise<string> {
  await b.discord.waitFor(() => [...b.discord.threads.values()].some((t) => t.parentId === channel), 8000);
  const [thread] = [...b.discord.threads.entries()].find(([, t]) => t.parentId === channel) ?? [];
  if (!thread) throw new Error('no thread');
  for (let i = 0; i < 400 && !(await b.app.store.teamThreads.threadAt(thread)); i++) {
    await new Promise((r) => setTimeout(r, 20));
  }
  return thread;
}

async function inThread(
  thread: string,
  user: string,
  content: string,
  options: { mention?: boolean; id?: string } = {},
): Promise<string> {
  const id = options.id ?? snowflake();
  const already = tracker.count(id);
  b.discord.gateway.messageCreate({
    id,
    channel_id: thread,
    guild_id: GUILD,
    content: options.mention === false ? content : `<@${DISCORD_APP}> ${content}`,
    author: { id: user, global_name: user },
    ...(options.mention === false ? {} : { mentions: [DISCORD_APP] }),
  });
  await tracker.wait(id, already + 1);
  return id;
}

const threadTexts = (thread: string) => b.discord.messagesIn(thread).map((m) => m.content ?? '');
const pushedTo = (name: string, text: string) =>
  b.line.delivered.filter((d) => d.to === lineUserId(name) && JSON.stringify(d.messages).includes(text));

describe('team threads', () => {
  it('relays a LINE client’s consultation and the members’ answers both ways', async () => {
    const channel = '1700000000000000001';
    const { member, owner, team } = await teamWithChannel('thread-lab', channel);
    await lineClient('thread-client', '花子');

    // The client finds the team and consults it from the card's button; the message is asked for.
    const card = await b.lineUser.say('thread-client', 'チーム thread-lab');
    expect(card.text).toContain('デザイン thread-lab');
    const asked = await b.lineUser.tapLabel('thread-client', 'チームに相談');
    expect(asked.text).toContain('チーム「デザイン thread-lab」に送るメッセージを入力してください');
    await b.lineUser.say('thread-client', 'ロゴの制作をお願いできますか。予算は5万円ほどです');
    const sent = await b.lineUser.say('thread-client', 'はい');
    expect(sent.text).toContain('チーム「デザイン thread-lab」に相談を送信しました');
    // Her list names the team, not only the owner the conversation was opened with.
    expect((await b.lineUser.say('thread-client', 'メッセージ一覧')).text).toContain(
      'チーム「デザイン thread-lab」(',
    );

    // A thread in the team's channel, opened with who it is with and how to answer, then the message.
    const thread = await threadIn(channel);
    expect(b.discord.threads.get(thread)?.name).toBe('花子さんとの会話');
    await b.discord.waitFor(() => threadTexts(thread).some((c) => c.includes('予算は5万円ほどです')), 8000);
    const texts = threadTexts(thread);
    expect(texts[0]).toContain('花子さんとの会話です');
    expect(texts[0]).toContain('ボットにメンションするか');
    expect(texts[1]).toBe('**花子**(お客様)\nロゴの制作をお願いできますか。予算は5万円ほどです');
    // Team news keeps the channel itself: the thread's messages are not posted there.
    expect(b.discord.messagesIn(channel).some((m) => (m.content ?? '').includes('予算'))).toBe(false);

    // A member answers in the thread: 📤 at once, the client gets it on LINE, then ✅.
    const answer = await inThread(thread, member, 'ありがとうございます。明日までにお見積もりをお送りします');
    expect(b.discord.reactions).toContainEqual({ channelId: thread, messageId: answer, emoji: '📤' });
    await b.line.waitFor(() => pushedTo('thread-client', 'お見積もりをお送りします').length > 0, 8000);
    const pushed = seenIn(pushedTo('thread-client', 'お見積もりをお送りします')[0]?.messages ?? []);
    expect(pushed.text).toContain('加藤さんからメッセージが届きました');
    await b.discord.waitFor(
      () => b.discord.reactions.some((r) => r.messageId === answer && r.emoji === '✅'),
      8000,
    );
    // The member's own words are not posted again by the mirror.
    await new Promise((r) => setTimeout(r, 300));
    expect(threadTexts(thread).filter((c) => c.includes('お見積もりをお送りします'))).toEqual([]);

    // The same Gateway event delivered again is relayed once.
    b.discord.gateway.redeliver(answer);
    await tracker.wait(answer, 2);
    await new Promise((r) => setTimeout(r, 300));
    expect(pushedTo('thread-client', 'お見積もりをお送りします')).toHaveLength(1);

    // A `//` note stays in Discord (🔒); a message without the mention cannot be read, and is not sent.
    const note = await inThread(thread, owner, '// 見積もりは15万円で出しましょう');
    expect(b.discord.reactions).toContainEqual({ channelId: thread, messageId: note, emoji: '🔒' });
    await inThread(thread, owner, 'メンションなしの返信', { mention: false });
    await new Promise((r) => setTimeout(r, 300));
    expect(pushedTo('thread-client', '15万円')).toHaveLength(0);
    expect(pushedTo('thread-client', 'メンションなし')).toHaveLength(0);

    // The owner answers too; the client writes back from LINE, and it appears in the thread once.
    await inThread(thread, owner, 'オーナーの山田です。よろしくお願いいたします');
    await b.line.waitFor(() => pushedTo('thread-client', 'オーナーの山田です').length > 0, 8000);
    const conversation = (await b.app.domain.messages.myConversations(await actorOf(team.ownerId))).items[0]
      ?.conversation.id;
    await b.lineUser.say('thread-client', `送信 ${conversation} 承知しました。お待ちしております`);
    await b.discord.waitFor(() => threadTexts(thread).some((c) => c.includes('お待ちしております')), 8000);
    await new Promise((r) => setTimeout(r, 300));
    expect(threadTexts(thread).filter((c) => c.includes('お待ちしております'))).toHaveLength(1);
    expect(b.discord.violations).toEqual([]);
    expect(b.discord.gateway.violations).toEqual([]);
  });

  it('tells an outsider and an unlinked account that nothing was sent', async () => {
    const channel = '1700000000000000002';
    await teamWithChannel('thread-guard', channel);
    await lineClient('guard-client', '次郎');
    await b.lineUser.say('guard-client', 'チームに相談 thread-guard はじめまして');
    const thread = await threadIn(channel);

    const outsider = discordUser();
    await b.asUser(outsider, ['worker'], { name: '部外者' });
    await inThread(thread, outsider, '私が代わりにお答えします');
    expect(threadTexts(thread).at(-1)).toContain('[E444] あなたはこのチームのメンバーではありません');
    await inThread(thread, discordUser(), 'こんにちは');
    expect(threadTexts(thread).at(-1)).toContain('このDiscordアカウントはまだ連携されていない');
    await new Promise((r) => setTimeout(r, 300));
    expect(pushedTo('guard-client', '代わりにお答えします')).toHaveLength(0);
    expect(b.discord.violations).toEqual([]);
  });

  it('refuses a team member consulting their own team, and an unknown team, in English too', async () => {
    const channel = '1700000000000000003';
    const { member } = await teamWithChannel('thread-own', channel);
    expect((await b.say(member, 'チームに相談 thread-own こんにちは')).text).toContain('[E447]');
    await b.say(member, 'lang en');
    expect((await b.say(member, 'team-consult no-such-team hello')).text).toContain(
      '[E431] We could not find that team',
    );
    expect((await b.say(member, 'team-consult')).text).toContain('Usage: team-consult <url> <text>');
  });

  it('gives a thread to a conversation about a job a member works on', async () => {
    const channel = '1700000000000000004';
    const { member, memberId, owner } = await teamWithChannel('thread-job', channel);
    const clientId = await lineClient('job-client', '三郎');
    const { job } = await b.app.domain.jobs.post(await actorOf(clientId), {
      title: '商品バナーの制作',
      reward: { type: 'fixed', yen: 30000 },
      skills: [],
      status: 'open',
    });
    const application = await b.app.domain.applications.apply(
      await actorOf(memberId),
      job.id,
      'お任せください',
    );
    // Not yet accepted: a question about the job is between the two of them only.
    expect((await b.say(member, `案件について質問 ${job.id} サイズの指定はありますか`)).text).toContain(
      `募集案件 #${job.id} の掲載者に質問を送信しました`,
    );
    await new Promise((r) => setTimeout(r, 500));
    expect([...b.discord.threads.values()].some((t) => t.parentId === channel)).toBe(false);

    // Accepted: the member works on it as part of the team, so the conversation gets a thread.
    await b.app.domain.applications.accept(await actorOf(clientId), application.id);
    const conversation = (await b.app.domain.messages.myConversations(await actorOf(clientId))).items[0]
      ?.conversation.id;
    await b.lineUser.say('job-client', `送信 ${conversation} 1200×628でお願いします`);
    const thread = await threadIn(channel);
    expect(b.discord.threads.get(thread)?.name).toBe('三郎さんとの会話 — 商品バナーの制作');
    await b.discord.waitFor(() => threadTexts(thread).some((c) => c.includes('1200×628')), 8000);
    expect(threadTexts(thread)[0]).toContain(`募集案件 #${job.id} 商品バナーの制作`);
    // The earlier question is there too (the thread starts with the latest messages).
    expect(threadTexts(thread).some((c) => c.includes('**加藤**(チーム)\nサイズの指定はありますか'))).toBe(
      true,
    );

    // The owner, not in the conversation yet, answers for the team: it reaches the client.
    await inThread(thread, owner, 'チームの山田です。加藤と二人で対応します');
    await b.line.waitFor(() => pushedTo('job-client', '二人で対応します').length > 0, 8000);
    expect(b.discord.violations).toEqual([]);
  });
});
