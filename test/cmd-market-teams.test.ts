import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChatBench, openChatBench } from './helpers/chat.ts';

let c: ChatBench;
beforeAll(async () => {
  c = await openChatBench('cmdmarketteam');
});
afterAll(() => c?.close());

describe('teams', () => {
  it('creates a team, invites a worker who approves from the pending list, and shows the members (ja)', async () => {
    const owner = await c.as('team-owner', ['worker'], { name: '小林' });
    const invitee = await c.as('team-invitee', ['worker'], { name: '加藤' });

    expect(await owner.say('チーム作成 design-lab 「デザイン 研究会」 週末に活動しています')).toContain(
      'チーム「デザイン 研究会」(URL: design-lab)を作成しました。あなたがオーナーです。',
    );
    const invited = await owner.say(`チーム招待 design-lab ${invitee.actor.userId} ぜひご参加ください`);
    expect(invited).toContain(
      `加藤さん(#${invitee.actor.userId})をチーム「デザイン 研究会」に招待しました(招待 #`,
    );
    expect(await owner.say(`チーム招待 design-lab ${invitee.actor.userId}`)).toContain(
      '[E440] この方にはすでに招待を送っています。',
    );

    const pending = await invitee.say('承認待ち一覧');
    expect(pending).toContain('承認待ちのチーム招待(1件)');
    expect(pending).toContain('■ チーム「デザイン 研究会」への招待 #');
    expect(pending).toContain(`招待した方: 小林さん(#${owner.actor.userId})`);
    expect(pending).toContain('コメント: ぜひご参加ください');
    expect(invitee.choices()).toEqual(['承認する', '辞退する']);

    expect(await invitee.tap('承認する')).toContain('チーム「デザイン 研究会」に参加しました。');
    expect(await invitee.say('承認待ち一覧')).toBe('承認待ちのチーム招待はありません。');

    const shown = await invitee.say('チーム design-lab');
    expect(shown).toContain('■ デザイン 研究会');
    expect(shown).toContain('週末に活動しています');
    expect(shown).toContain('メンバー数: 2名');
    expect(shown).toContain(`小林さん(#${owner.actor.userId})・オーナー`);
    expect(shown).toContain(`加藤さん(#${invitee.actor.userId})`);
    expect(shown).toContain('チームを抜けるには「チーム脱退 design-lab」と送ってください。');

    const mine = await invitee.say('チーム');
    expect(mine).toContain('所属チーム(1)');
    expect(mine).toContain('デザイン 研究会 (design-lab)');
    expect(await invitee.tap('表示')).toContain('■ デザイン 研究会');
  });

  it('declines an invitation from its button and refuses deciding it twice (en)', async () => {
    const owner = await c.as('team-owner-en', ['client'], { locale: 'en' });
    const invitee = await c.as('team-invitee-en', ['worker'], { locale: 'en' });
    await owner.say('team-create web-crew "Web Crew"');
    await owner.say(`team-invite web-crew ${invitee.actor.userId} Join us`);
    const pending = await invitee.say('invitations');
    expect(pending).toContain('Pending team invitations (1)');
    expect(pending).toContain('Invitation #');
    const id = Number(/Invitation #(\d+)/.exec(pending)?.[1]);
    expect(await invitee.tap('Decline')).toBe('You declined the invitation to the team “Web Crew”.');
    expect(await invitee.say(`team-approve ${id}`)).toBe(
      '[E443] This invitation is already “Declined”, so it cannot be changed.',
    );
    expect(await owner.say(`team-approve ${id}`)).toBe('You are not allowed to run this command.');
    const someoneElse = await c.as('team-someone-else', ['worker'], { locale: 'en' });
    expect(await someoneElse.say(`team-approve ${id}`)).toBe('You are not allowed to do that.');
    expect(await invitee.say('team-approve 99999')).toBe('[E442] We could not find that invitation.');
    expect(await invitee.say('team-approve')).toContain('Usage: team-approve <invitation number>.');
  });

  it('lets only the owner edit, keeps the slug, and binds a Discord channel', async () => {
    const owner = await c.as('team-editor', ['worker'], { locale: 'en' });
    const member = await c.as('team-other', ['worker'], { locale: 'en' });
    await owner.say('team-create ops-team Ops');
    await owner.say(`team-invite ops-team ${member.actor.userId}`);
    const pending = await member.say('invitations');
    expect(pending).toContain('Ops');
    await member.tap('Approve');

    expect(await owner.say('team-edit ops-team name Operations Team')).toBe(
      'Team “Operations Team” updated.',
    );
    expect(await owner.say('team-edit ops-team intro We keep things running.')).toBe(
      'Team “Operations Team” updated.',
    );
    expect(await owner.say('team-edit ops-team slug ops-2')).toBe(
      '[E434] A team URL cannot be changed after the team is created.',
    );
    expect(await member.say('team-edit ops-team name Mine now')).toBe('You are not allowed to do that.');
    expect(await owner.say('team-edit ops-team colour blue')).toContain(
      'Usage: team-edit <url> name <new name>',
    );
    expect(await owner.say('team-edit no-such-team name X')).toBe('[E431] We could not find that team.');

    expect(await owner.say('team-discord ops-team 123456789012345678')).toBe(
      'News of the team “Operations Team” will be posted to Discord channel 123456789012345678.',
    );
    expect(await owner.say('team ops-team')).toContain('Discord channel: 123456789012345678');
    expect(await owner.say('team-discord ops-team general')).toContain(
      '[E437] That Discord channel ID is not valid.',
    );
    expect(await member.say('team-discord ops-team off')).toBe('You are not allowed to do that.');
    expect(await owner.say('team-discord ops-team off')).toBe(
      'The team “Operations Team” is no longer bound to a Discord channel.',
    );
  });

  it('lets a member leave but never the owner', async () => {
    const owner = await c.as('team-leave-owner', ['worker']);
    const member = await c.as('team-leave-member', ['worker']);
    await owner.say('チーム作成 leavers 退会テスト');
    await owner.say(`チーム招待 leavers ${member.actor.userId}`);
    await member.say('承認待ち一覧');
    await member.tap('承認する');

    expect(await owner.say('チーム脱退 leavers')).toContain(
      '[E445] オーナーはほかのメンバーがいるあいだはチームを抜けられません。',
    );
    expect(await member.say('チーム脱退 leavers')).toBe('チーム「退会テスト」を抜けました。');
    expect(await member.say('チーム脱退 leavers')).toBe(
      '[E444] あなたはこのチームのメンバーではありません。',
    );
    expect(await owner.say('チーム脱退 leavers')).toContain('[E446] オーナーはチームを抜けられません。');
    expect(await member.say('チーム')).toContain('まだチームに所属していません。');
  });

  it('answers bad team input with translated messages', async () => {
    const worker = await c.as('team-bad', ['worker']);
    const other = await c.as('team-bad-other', ['worker']);
    expect(await worker.say('チーム作成')).toContain(
      '「チーム作成 URL チーム名 紹介文」のように送ってください',
    );
    expect(await worker.say('チーム作成 Ab チーム')).toContain('[E432] チームのURLは半角英小文字');
    await worker.say('チーム作成 taken-one 先着');
    expect(await other.say('チーム作成 taken-one 後発')).toBe(
      '[E433] そのURLはすでにほかのチームが使っています。別のURLを指定してください。',
    );
    expect(await worker.say('チーム招待 taken-one 99999')).toBe(
      '[E438] チームに招待できるのはワーカーとして登録している方だけです。',
    );
    expect(await other.say(`チーム招待 taken-one ${worker.actor.userId}`)).toBe(
      'この操作を行う権限がありません。',
    );
    expect(await worker.say('チーム存在しない')).toContain(
      '「チーム存在しない」というコマンドは見つかりませんでした',
    );
    expect(await worker.say('チーム no-such')).toBe('[E431] ご指定のチームが見つかりませんでした。');
    expect(await worker.say('招待承認 abc')).toContain('「abc」は番号として読み取れませんでした');
  });

  it('pages the team list when someone belongs to many teams', async () => {
    const busy = await c.as('team-many', ['worker'], { locale: 'en' });
    for (let i = 1; i <= 6; i++) await busy.say(`team-create many-${i} Team-${i}`);
    const first = await busy.say('team');
    expect(first).toContain('Your teams (6)');
    expect(first).toContain('Showing 1–5 of 6.');
    expect(await busy.tap('Next')).toContain('Team-6');
  });
});
