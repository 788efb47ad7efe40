/**
 * お知らせ through the fan-out: a notice to everyone reaches each user exactly once on their own
 * platform (LINE multicasts of ≤ 500 per language, Slack and Discord one by one, quiet hours held,
 * the fallback platform for someone LINE cannot reach, the preferred platform first), with a
 * receipt each; its button opens it and marks it read. A notice to a role reaches that role only.
 * The app runs LINE, Slack and Discord against their fakes.
 */
import { generateKeyPairSync } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeDiscord, startFakeDiscord } from './fakes/discord-api.ts';
import { type FakeSlack, startFakeSlack } from './fakes/slack-api.ts';
import { type LineBench, lineUserId, openLineBench, seenIn } from './helpers/line.ts';

const SLACK_TOKEN = 'xoxb-notice-token';
const TEAM = 'T0NOTICE';
const DISCORD_APP = '1100000000000000009';
const DISCORD_TOKEN = 'discord-notice-token';

let b: LineBench;
let slack: FakeSlack;
let discord: FakeDiscord;
let db: pg.Client;

beforeAll(async () => {
  slack = await startFakeSlack({
    botToken: SLACK_TOKEN,
    teamId: TEAM,
    postRate: { perSecond: 20, burst: 20 },
  });
  discord = await startFakeDiscord({ botToken: DISCORD_TOKEN, applicationId: DISCORD_APP });
  const { publicKey } = generateKeyPairSync('ed25519');
  b = await openLineBench('noticefan', {
    env: {
      SLACK_SIGNING_SECRET: 'notice-signing-secret',
      SLACK_BOT_TOKEN: SLACK_TOKEN,
      SLACK_API_URL: `${slack.url}/api/`,
      DISCORD_PUBLIC_KEY: publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex'),
      DISCORD_APPLICATION_ID: DISCORD_APP,
      DISCORD_BOT_TOKEN: DISCORD_TOKEN,
      DISCORD_API_URL: `${discord.url}/api`,
      DISCORD_GATEWAY: 'off',
    },
  });
  db = new pg.Client({ connectionString: b.schema.url });
  await db.connect();
});
afterAll(async () => {
  await db?.end();
  await b?.close();
  await slack?.close();
  await discord?.close();
});

/** Users with these roles and locale, each with the identities given (external id per user id); returns their ids. */
async function seed(
  n: number,
  roles: string[],
  locale: string,
  identities: { platform: string; workspace: string; externalId: (i: number) => string }[],
): Promise<number[]> {
  const { rows } = await db.query(
    `insert into users (display_name, locale, roles, created_at, updated_at)
     select 'u' || g, $2, $3, now(), now() from generate_series(1, $1) g returning id`,
    [n, locale, roles],
  );
  const ids = rows.map((r) => Number(r.id)).sort((x, y) => x - y);
  for (const [i, id] of ids.entries()) {
    for (const identity of identities)
      await db.query(
        `insert into platform_identities (user_id, platform, workspace, external_id, created_at) values ($1, $2, $3, $4, now())`,
        [id, identity.platform, identity.workspace, identity.externalId(i)],
      );
  }
  return ids;
}

const line = (prefix: string) => ({
  platform: 'line',
  workspace: '',
  externalId: (i: number) => lineUserId(`${prefix}${i}`),
});
const slackUser = (prefix: string) => ({
  platform: 'slack',
  workspace: TEAM,
  externalId: (i: number) => `U${prefix}${i}`,
});
const discordUser = (base: number) => ({
  platform: 'discord',
  workspace: '',
  externalId: (i: number) => String(130000000000000000n + BigInt(base + i)),
});

const timesSeen = (texts: string[], title: string) => texts.filter((t) => t.includes(title)).length;
const lineTexts = (externalId: string) =>
  b.fake.delivered.filter((d) => d.to === externalId).map((d) => JSON.stringify(d.messages));
/** Slack DMs by the user they went to (conversations.open tells whose channel is whose). */
function slackTexts(user: string): string[] {
  const channels = new Set(
    slack.calls
      .filter((c) => c.api === 'conversations.open' && String(c.body.users) === user)
      .map((c) => (c.response as { channel?: { id?: string } })?.channel?.id),
  );
  return slack.messages.filter((m) => channels.has(m.channel)).map((m) => JSON.stringify(m));
}
function discordTexts(user: string): string[] {
  const channel = discord.dmChannels.get(user);
  return discord.messages.filter((m) => m.channel_id === channel).map((m) => JSON.stringify(m));
}

async function until(check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function recipients(noticeId: number): Promise<Record<string, number>> {
  const { rows } = await db.query(
    `select coalesce(r.platform, 'nowhere') || ':' || r.status || coalesce(':' || r.reason, '') as s, count(*)::int as n
       from fanout_recipients r where r.kind = 'notice.published' and r.subject_id = $1 group by 1`,
    [noticeId],
  );
  return Object.fromEntries(rows.map((r) => [r.s, r.n]));
}

describe('a notice to everyone', () => {
  it('reaches each user once on their own platform, and its button opens it and marks it read', async () => {
    const ja = await seed(1000, ['worker'], 'ja', [line('ja')]);
    const en = await seed(120, ['worker'], 'en', [line('en')]);
    const slackers = await seed(3, ['customer'], 'ja', [slackUser('SL')]);
    const discorders = await seed(2, ['client'], 'ja', [discordUser(0)]);
    // LINE cannot reach them: Slack, the next reachable platform in the fallback order.
    const [blocked] = await seed(1, ['worker'], 'ja', [line('blocked'), slackUser('FB')]);
    await db.query(
      `update platform_identities set unreachable_at = now() where user_id = $1 and platform = 'line'`,
      [blocked],
    );
    // Prefers Discord, though LINE would come first.
    const [prefersDiscord] = await seed(1, ['worker'], 'ja', [line('pref'), discordUser(100)]);
    // Quiet hours until 13:00 in Tokyo: theirs goes alone, held until then.
    const [sleeper] = await seed(1, ['worker'], 'ja', [line('quiet')]);
    await db.query(
      `insert into alert_preferences (user_id, preferred_platform, quiet_start, quiet_end, paused, updated_at)
       values ($1, null, null, null, false, now()), ($2, 'discord', null, null, false, now()),
              ($3, null, '11:00', '13:00', false, now())`,
      [blocked, prefersDiscord, sleeper],
    );
    const [nowhere] = await seed(1, ['worker'], 'ja', []);

    // 12:59:58 in Tokyo: the sleeper's window ends in two seconds.
    b.clock.set('2026-11-20T03:59:58Z');
    const staff = await b.console('notice-staff', ['staff'], { name: '管理者' });
    const title = '年末年始のお支払いについて';
    const published = await staff.say(`お知らせ配信 全員 ${title} / 12月分は1月8日にお支払いします`);
    const noticeId = Number(/#(\d+)/.exec(published)?.[1]);
    expect(noticeId).toBeGreaterThan(0);

    const lineIds = [
      ...ja.map((_, i) => lineUserId(`ja${i}`)),
      ...en.map((_, i) => lineUserId(`en${i}`)),
      lineUserId('quiet0'),
    ];
    await until(() => lineIds.every((id) => timesSeen(lineTexts(id), title) >= 1), 30_000);
    await until(() => ['USL0', 'USL1', 'USL2', 'UFB0'].every((u) => timesSeen(slackTexts(u), title) >= 1));
    const discordIds = [
      discordUser(0).externalId(0),
      discordUser(0).externalId(1),
      discordUser(100).externalId(0),
    ];
    await until(() => discordIds.every((u) => timesSeen(discordTexts(u), title) >= 1));
    // Late repeats would show up now.
    await new Promise((r) => setTimeout(r, 1500));

    for (const id of lineIds) expect(timesSeen(lineTexts(id), title)).toBe(1);
    for (const u of ['USL0', 'USL1', 'USL2', 'UFB0']) expect(timesSeen(slackTexts(u), title)).toBe(1);
    for (const u of discordIds) expect(timesSeen(discordTexts(u), title)).toBe(1);
    // Nobody else on LINE: not the one it cannot reach, not the one who prefers Discord.
    expect(lineTexts(lineUserId('blocked0'))).toEqual([]);
    expect(timesSeen(lineTexts(lineUserId('pref0')), title)).toBe(0);

    // LINE: multicasts of at most 500, each in one language; the quiet one was pushed alone.
    const multicasts = b.fake.calls.filter(
      (c) => c.path === '/v2/bot/message/multicast' && JSON.stringify(c.body).includes(title),
    );
    const sizes = multicasts.map((c) => (c.body as { to: string[] }).to.length);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(500);
    expect(sizes.reduce((x, y) => x + y, 0)).toBe(1120);
    for (const c of multicasts) {
      const to = (c.body as { to: string[] }).to;
      const english = to.filter(
        (id) => id.startsWith('U') && lineIds.indexOf(id) >= 1000 && lineIds.indexOf(id) < 1120,
      );
      expect([0, to.length]).toContain(english.length);
      expect(JSON.stringify(c.body)).toContain(english.length > 0 ? 'Notice:' : 'お知らせ:');
    }
    expect(b.fake.delivered.find((d) => d.to === lineUserId('quiet0'))?.via).toBe('push');

    // A receipt for everyone: the multicast batches for their members, one row each for the rest.
    await until(async () => (await recipients(noticeId))['line:sent'] === 1121);
    expect(await recipients(noticeId)).toEqual({
      'line:sent': 1121,
      'slack:sent': 4,
      'discord:sent': 3,
      // The publisher's own console: waits for their chat session to open.
      'console:queued': 1,
      'nowhere:failed:unreachable': 1,
    });
    const { rows: unreachable } = await db.query(
      `select user_id, status, reason from fanout_recipients where kind = 'notice.published' and subject_id = $1 and platform is null`,
      [noticeId],
    );
    expect(unreachable).toEqual([{ user_id: nowhere, status: 'failed', reason: 'unreachable' }]);

    // The multicast's button opens the notice (a command: one message serves everyone) and marks it read.
    const seen = seenIn(b.fake.delivered.find((d) => d.to === lineUserId('ja7'))?.messages ?? []);
    expect(seen.payloads).toEqual([`notice ${noticeId}`]);
    const reader = ja[7] ?? 0;
    const read = async () =>
      (await db.query('select 1 from notice_reads where notice_id = $1 and user_id = $2', [noticeId, reader]))
        .rows.length;
    expect(await read()).toBe(0);
    const opened = await b.send('ja7', [
      b.event('ja7', { type: 'postback', postback: { data: `notice ${noticeId}` } }, { replyToken: null }),
    ]);
    expect(opened.text).toContain('12月分は1月8日にお支払いします');
    expect(await read()).toBe(1);
    // Sent one by one (Slack), the button is the recipient's own token for the same command.
    const slackButton = /"value":"(a:[0-9a-z]+)"/.exec(
      slackTexts('USL0').find((t) => t.includes(title)) ?? '',
    )?.[1];
    expect(
      await b.app.store.actionTokens.resolve(slackButton?.slice(2) ?? '', slackers[0] ?? 0, b.clock()),
    ).toBe(`notice ${noticeId}`);
    expect([...slackers, ...discorders].length).toBe(5);
  }, 60_000);
});

describe('a notice to a role', () => {
  it('reaches the holders of that role only', async () => {
    const customers = await seed(2, ['customer'], 'ja', [line('cust')]);
    const before = b.fake.delivered.length;
    const slackBefore = slack.messages.length;
    const staff = (await db.query(`select id from users where 'staff' = any(roles) limit 1`)).rows[0];
    const title = '店舗向けメンテナンスのお知らせ';
    const { notice, notified } = await b.app.domain.notices.publish(
      { userId: Number(staff.id), roles: ['staff'], companyId: null },
      { kind: 'maintenance', title, audience: { role: 'customer' } },
    );
    // The two new customers and the three Slack customers of the test before.
    expect(notified).toBe(5);
    await until(() => customers.every((_, i) => timesSeen(lineTexts(lineUserId(`cust${i}`)), title) === 1));
    await until(() => ['USL0', 'USL1', 'USL2'].every((u) => timesSeen(slackTexts(u), title) === 1));
    await new Promise((r) => setTimeout(r, 1000));
    const lineTo = b.fake.delivered.slice(before).filter((d) => JSON.stringify(d.messages).includes(title));
    expect(lineTo.map((d) => d.to).sort()).toEqual([lineUserId('cust0'), lineUserId('cust1')].sort());
    expect(slack.messages.slice(slackBefore).filter((m) => JSON.stringify(m).includes(title))).toHaveLength(
      3,
    );
    expect(discord.messages.filter((m) => JSON.stringify(m).includes(title))).toEqual([]);
    expect(await recipients(notice.id)).toEqual({ 'line:sent': 2, 'slack:sent': 3 });
  }, 30_000);
});

describe('limits', () => {
  it('no request broke a documented LINE limit', () => {
    expect(b.fake.violations).toEqual([]);
  });
});
