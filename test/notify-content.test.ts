/**
 * Notifications say what happened (issue 19, item 1): the words the other person wrote travel with
 * the notification (a rejection's or a cancellation's reason, the answer to a question, a revision
 * request, the note and deadline sent with work files), and the next step is a button. Walked as
 * the worker on LINE (pushes through the fake LINE API) while staff work in the console.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/domain/actor.ts';
import { jpeg } from './helpers/files.ts';
import { type LineBench, lineUserId, openLineBench, seenIn } from './helpers/line.ts';

let b: LineBench;
beforeAll(async () => {
  b = await openLineBench('notifycontent');
});
afterAll(async () => {
  await b?.close();
});

/** The push to `user` containing `text`: what they read, and the labels of its buttons. */
async function pushedTo(user: string, text: string): Promise<{ text: string; buttons: string[] }> {
  const to = lineUserId(user);
  const find = () =>
    b.fake.delivered.find(
      (d) => d.to === to && d.via !== 'reply' && JSON.stringify(d.messages).includes(text),
    );
  await b.fake.waitFor(() => find() !== undefined, 8000);
  const messages = find()?.messages ?? [];
  const labels = [...JSON.stringify(messages).matchAll(/"label":"([^"]+)"/g)].map((m) => m[1] ?? '');
  return { text: seenIn(messages).text, buttons: labels };
}

async function workerActor(user: string): Promise<Actor> {
  await b.follow(user, { displayName: user, language: 'ja' });
  const found = await b.app.store.users.findByIdentity({
    platform: 'line',
    workspace: '',
    externalId: lineUserId(user),
  });
  if (!found) throw new Error('no worker');
  return { userId: found.id, roles: found.roles, companyId: null };
}

describe('notifications carry what the other person wrote, and the next step', () => {
  it('a rejection arrives with its reason and a button to the application', async () => {
    const staff = await b.console('notify-staff-1', ['staff'], { name: '事務局' });
    const staffActor: Actor = { userId: staff.userId, roles: ['staff'], companyId: null };
    const worker = await workerActor('notify-rejected');
    const { job } = await b.app.domain.jobs.post(staffActor, {
      title: 'データ入力',
      reward: { type: 'fixed', yen: 5000 },
      status: 'open',
    });
    const app = await b.app.domain.applications.apply(worker, job.id);
    expect(
      await staff.say(`不採用 ${app.id} 今回は経験者を優先しました。次回の募集もぜひご検討ください。`),
    ).toContain(`応募 #${app.id}`);
    const pushed = await pushedTo('notify-rejected', `応募 #${app.id} は、今回は見送りとなりました`);
    expect(pushed.text).toContain('理由:\n今回は経験者を優先しました。次回の募集もぜひご検討ください。');
    expect(pushed.buttons).toContain('応募状況を見る');
  });

  it('work files arrive with the note and deadline staff wrote, and buttons to start and to see the application', async () => {
    const staff = await b.console('notify-staff-2', ['staff'], { name: '事務局' });
    const staffActor: Actor = { userId: staff.userId, roles: ['staff'], companyId: null };
    const worker = await workerActor('notify-files');
    const { job } = await b.app.domain.jobs.post(staffActor, {
      title: '名刺入力',
      reward: { type: 'fixed', yen: 8000 },
      status: 'open',
    });
    const app = await b.app.domain.applications.apply(worker, job.id);
    await b.app.domain.applications.accept(staffActor, app.id);
    const stored = await b.app.files.put(jpeg('a card'));
    await b.app.domain.applications.handOverWorkFiles(
      staffActor,
      app.id,
      [{ storageKey: stored.key, name: 'meishi.jpg', mime: 'image/jpeg', size: stored.size }],
      '12月10日(木)17時までに納品してください。氏名は全角でお願いします。',
    );
    const pushed = await pushedTo('notify-files', `応募 #${app.id} の作業ファイル`);
    expect(pushed.text).toContain(
      '担当者からのメモ:\n12月10日(木)17時までに納品してください。氏名は全角でお願いします。',
    );
    expect(pushed.buttons).toEqual(expect.arrayContaining(['作業を開始する', '応募状況を見る']));

    // The answer to a question arrives with the question and the answer.
    await b.app.domain.applications.start(worker, app.id);
    const question = await b.app.domain.questions.ask(worker, app.id, '裏面の英語表記も入力しますか？');
    expect(await staff.say(`回答 ${question.id} 英語表記は入力不要です。`)).toContain(`質問 #${question.id}`);
    const answered = await pushedTo('notify-files', `質問 #${question.id} に回答がありました`);
    expect(answered.text).toContain('質問:\n裏面の英語表記も入力しますか？');
    expect(answered.text).toContain('回答:\n英語表記は入力不要です。');

    // A revision request arrives with what to revise, and a button to deliver again.
    const result = await b.app.files.put(jpeg('result'));
    await b.app.domain.deliveries.deliver(worker, app.id, '', [
      { storageKey: result.key, name: 'result.jpg', mime: 'image/jpeg', size: result.size },
    ]);
    await staff.say(`修正依頼 ${app.id} 3枚目の電話番号が1桁抜けています。`);
    const revision = await pushedTo('notify-files', `応募 #${app.id} に修正依頼が届きました`);
    expect(revision.text).toContain('修正依頼の内容:\n3枚目の電話番号が1桁抜けています。');
    expect(revision.buttons).toEqual(expect.arrayContaining(['納品する', '応募状況を見る']));
  });

  it('a cancellation arrives with its reason; a very long text is clipped with a way to the whole record', async () => {
    const staff = await b.console('notify-staff-3', ['staff'], { name: '事務局' });
    const staffActor: Actor = { userId: staff.userId, roles: ['staff'], companyId: null };
    const worker = await workerActor('notify-cancelled');
    const { job } = await b.app.domain.jobs.post(staffActor, {
      title: '文字起こし',
      reward: { type: 'fixed', yen: 9000 },
      status: 'open',
    });
    const app = await b.app.domain.applications.apply(worker, job.id);
    await b.app.domain.applications.accept(staffActor, app.id);
    const reason = `クライアントの都合により案件が中止になりました。${'大変申し訳ございません。'.repeat(80)}`;
    await b.app.domain.applications.cancel(staffActor, app.id, reason);
    const pushed = await pushedTo('notify-cancelled', `応募 #${app.id} はキャンセルされました`);
    expect(pushed.text).toContain('理由:\nクライアントの都合により案件が中止になりました。');
    expect(pushed.text).toContain('(続きは「応募状況を見る」からご覧ください)');
    expect(pushed.text.length).toBeLessThan(reason.length);
    expect(pushed.buttons).toContain('応募状況を見る');
    expect(b.fake.violations).toEqual([]);
  });
});
