/**
 * 本人確認 across platforms, through signed webhooks against the fake APIs: a LINE worker sends their
 * licence as a photo; the staff member in Slack gets the review card in their DM, opens the page by
 * its signed link (bytes intact), and verifies it; the link then answers 404, the bytes are gone
 * from file storage and from the store, and the worker is told on LINE. No fake records a breach.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jpeg } from './helpers/files.ts';
import { lineUserId } from './helpers/line.ts';
import { openSlackBench, type SlackBench } from './helpers/slack.ts';

const PUBLIC_URL = 'https://bot.example.test';
const LINK = /https:\/\/bot\.example\.test\/identity-documents\/[\w.-]+/g;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('an identity check between a LINE worker and a Slack reviewer', () => {
  let b: SlackBench;
  beforeAll(async () => {
    b = await openSlackBench('idlineslack', { env: { PUBLIC_URL } });
  });
  afterAll(async () => {
    await b?.close();
  });

  it('sends the licence on LINE, reviews it in Slack, and leaves no byte behind', async () => {
    const STAFF = 'U0IDREVIEWER';
    await b.asUser(STAFF, ['staff'], { name: '審査 佐藤' });
    await b.lineUser.follow('id-hanako', { displayName: '花子', language: 'ja' });
    const worker = await b.app.store.users.findByIdentity({
      platform: 'line',
      workspace: '',
      externalId: lineUserId('id-hanako'),
    });
    if (!worker) throw new Error('the follow registered nobody');

    // The worker, on LINE: 本人確認 → 書類を提出する → 運転免許証 → the photo → 完了 → はい.
    expect((await b.lineUser.say('id-hanako', '本人確認')).text).toContain('状況\n未提出');
    expect((await b.lineUser.tapLabel('id-hanako', '書類を提出する')).text).toContain('提出する書類の種類');
    await b.lineUser.tapLabel('id-hanako', '運転免許証');
    const photo = jpeg('licence of 花子');
    await b.lineUser.sendFile('id-hanako', { name: 'licence.jpg', content: photo, mime: 'image/jpeg' });
    await b.lineUser.tapLabel('id-hanako', '完了');
    const done = await b.lineUser.tapLabel('id-hanako', 'はい');
    expect(done.text).toContain('本人確認書類(運転免許証、1枚)を受け付けました');
    // The plain photo the adapter stored (content-addressed: its key is its SHA-256) is gone.
    expect(await b.app.files.exists(sha(photo))).toBe(false);

    // The reviewer's DM in Slack: the card with the deadline and the button to review.
    const notice = () =>
      b.slack.messages.find(
        (m) =>
          m.channel.startsWith('D') &&
          JSON.stringify(m.blocks ?? m.text).includes('本人確認書類が提出されました'),
      );
    await b.slack.waitFor(() => notice() !== undefined, 8000);
    expect(JSON.stringify(notice()?.blocks)).toContain('確認期限は');
    expect(JSON.stringify(notice()?.blocks)).toContain('書類を確認する');

    const card = await b.slash(STAFF, `本人確認書類 ${worker.id}`);
    expect(card.text).toContain('運転免許証');
    const [link] = card.text.match(LINK) ?? [];
    expect(link).toBeDefined();
    const path = new URL(link ?? '').pathname;
    const page = await fetch(`${b.url}${path}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('private, no-store');
    expect(sha(Buffer.from(await page.arrayBuffer()))).toBe(sha(photo));
    // Someone else's copy of the link (altered) is refused like any bad link.
    expect((await fetch(`${b.url}${path.slice(0, -2)}xx`)).status).toBe(404);

    const decided = await b.pressLabel(STAFF, '確認済みにする');
    expect(decided.text).toContain('本人確認を確認済みにしました。書類は削除しました。');
    expect((await fetch(`${b.url}${path}`)).status).toBe(404);
    expect(await b.app.store.uow.read((tx) => tx.identityDocuments.count({ userId: worker.id }))).toBe(0);

    // The worker is told on LINE, with the way to the NDA.
    const told = () => JSON.stringify(b.line.messagesTo(lineUserId('id-hanako')));
    await b.line.waitFor(() => told().includes('本人確認が完了しました'), 8000);
    expect(told()).toContain('機密保持確認へ');

    expect(b.slack.violations).toEqual([]);
    expect(b.line.violations).toEqual([]);
  });
});
