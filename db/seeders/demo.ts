/**
 * `npm run seed:demo`: a believable data set for trying the bot, created through the domain services
 * so every row obeys the same rules as real use (and leaves the same audit and outbox rows).
 * Everyone gets a console identity, so `npm run chat -- --as worker1` talks as that person.
 */

import type { Actor } from '../../src/domain/actor.ts';
import type { DomainContext } from '../../src/domain/context.ts';
import type { Role } from '../../src/domain/roles.ts';
import type { DomainServices } from '../../src/domain/services.ts';
import { businessMonth } from '../../src/domain/work/pay-date.ts';
import type { JobRecord } from '../../src/domain/work/records.ts';
import type { UploadedFile } from '../../src/files/storage.ts';
import { FAMILY, GIVEN, JOBS, PREFS, pick, rng, SKILLS } from './demo-data.ts';
import { seedMarketplace } from './demo-market.ts';
import { seedSupport } from './demo-support.ts';

export interface DemoPeople {
  admin: Actor;
  staff: Actor[];
  clients: Actor[];
  workers: Actor[];
}

export interface DemoSummary {
  alreadySeeded: boolean;
  counts: Record<string, number>;
}

const DAY = 24 * 3600 * 1000;
const MARKER = 'admin';

/** A user with a console identity `handle` (what `npm run chat -- --as` takes). */
async function person(
  ctx: DomainContext,
  handle: string,
  name: string,
  roles: Role[],
  companyId: number | null = null,
): Promise<Actor> {
  return ctx.uow.run(async (tx) => {
    const user = await tx.users.insert({ displayName: name, locale: 'ja', roles, companyId });
    await tx.identities.insert({
      userId: user.id,
      platform: 'console',
      workspace: 'local',
      externalId: handle,
    });
    return { userId: user.id, roles, companyId };
  });
}

async function upload(
  ctx: DomainContext,
  name: string,
  content: string,
  mime = 'text/plain',
): Promise<UploadedFile> {
  const stored = await ctx.files.put(Buffer.from(content, 'utf8'));
  return { storageKey: stored.key, name, mime, size: stored.size };
}

export async function seedDemo(ctx: DomainContext, s: DomainServices): Promise<DemoSummary> {
  const seeded = await ctx.uow.read((tx) =>
    tx.identities.findOne({ platform: 'console', workspace: 'local', externalId: MARKER }),
  );
  if (seeded) return { alreadySeeded: true, counts: {} };
  const r = rng(20261122);
  const name = () => `${pick(r, FAMILY)} ${pick(r, GIVEN)}`;

  const admin = await person(ctx, MARKER, '管理者 デモ', ['admin', 'staff']);
  const staff = [
    await person(ctx, 'staff1', '業務管理 佐藤', ['staff']),
    await person(ctx, 'staff2', 'サポート 鈴木', ['staff']),
    await person(ctx, 'staff3', 'サポート 高橋', ['staff']),
  ];
  const clientCompany = await ctx.uow.run((tx) =>
    tx.companies.insert({
      slug: 'mirai',
      name: '株式会社ミライ企画',
      introduction: 'Web制作とデータ整備の会社です。',
    }),
  );
  const clients = [
    await person(ctx, 'client1', '発注 山田', ['client'], clientCompany.id),
    await person(ctx, 'client2', '発注 中村', ['client'], clientCompany.id),
  ];
  const workers: Actor[] = [];
  for (let i = 1; i <= 50; i++) {
    const w = await person(ctx, `worker${i}`, name(), ['worker']);
    workers.push(w);
    const skills = [...new Set([pick(r, SKILLS), pick(r, SKILLS), pick(r, SKILLS)])].slice(
      0,
      1 + Math.floor(r() * 3),
    );
    await s.alerts.update(w, {
      skills,
      prefectures: r() < 0.5 ? [pick(r, PREFS)] : [],
      remoteOk: r() < 0.85,
      minRewardYen: r() < 0.3 ? 10000 : 0,
      ...(i % 7 === 0 ? { quietStart: '22:00', quietEnd: '07:00' } : {}),
    });
  }
  const people: DemoPeople = { admin, staff, clients, workers };

  // Job notices: most open now, two already closed.
  const now = ctx.clock().getTime();
  const jobs: { job: JobRecord; poster: Actor }[] = [];
  for (const [i, j] of JOBS.entries()) {
    const poster = i % 3 === 0 ? (clients[0] as Actor) : (staff[0] as Actor);
    const { job } = await s.jobs.post(poster, {
      title: j.title,
      description: j.description,
      category: j.category,
      skills: j.skills,
      remote: j.remote,
      prefecture: j.prefecture,
      reward: { type: 'fixed', yen: j.yen },
      openings: j.openings,
      deadline: new Date(now + (7 + i * 3) * DAY),
      dueDate: new Date(now + (21 + i * 3) * DAY),
      status: 'open',
    });
    jobs.push({ job, poster });
  }

  // Applications in every state of the machine.
  const w = (n: number) => workers[n - 1] as Actor;
  const first = jobs[0] as (typeof jobs)[number];
  const second = jobs[2] as (typeof jobs)[number];
  const apply = (n: number, j: (typeof jobs)[number], msg = 'よろしくお願いいたします。') =>
    s.applications.apply(w(n), j.job.id, msg);
  const manual = await upload(
    ctx,
    '作業手順書.txt',
    '1. 管理画面にログイン\n2. 商品一覧から登録\n3. 入力後に確認\n',
  );

  await apply(1, first); // applied
  const accepted = await apply(2, first);
  await s.applications.accept(first.poster, accepted.id);
  const working = await apply(3, first);
  await s.applications.accept(first.poster, working.id);
  await s.applications.handOverWorkFiles(first.poster, working.id, [manual]);
  await s.applications.start(w(3), working.id);
  const q = await s.questions.ask(w(3), working.id, '商品説明の文字数に上限はありますか?');
  await s.questions.answer(first.poster, q.id, '全角200文字までにしてください。');

  const delivered = await apply(4, second);
  await s.applications.accept(second.poster, delivered.id);
  await s.applications.handOverWorkFiles(second.poster, delivered.id, [
    await upload(ctx, '音声リスト.txt', 'meeting-01.m4a\n'),
  ]);
  await s.applications.start(w(4), delivered.id);
  await s.deliveries.deliver(w(4), delivered.id, '1本目を納品します。', [
    await upload(ctx, 'meeting-01.txt', '議事録本文…'),
  ]);

  const revised = await apply(5, second);
  await s.applications.accept(second.poster, revised.id);
  await s.applications.handOverWorkFiles(second.poster, revised.id, [
    await upload(ctx, '音声リスト2.txt', 'meeting-02.m4a\n'),
  ]);
  await s.applications.start(w(5), revised.id);
  await s.deliveries.deliver(w(5), revised.id, '納品します。', [
    await upload(ctx, 'meeting-02.txt', '議事録 v1'),
  ]);
  await s.deliveries.requestRevision(second.poster, revised.id, '話者名を付けてください。');

  const approved: number[] = [];
  for (const n of [6, 7]) {
    const j = jobs[3 + n - 6] as (typeof jobs)[number];
    const app = await apply(n, j);
    await s.applications.accept(j.poster, app.id);
    await s.applications.handOverWorkFiles(j.poster, app.id, [
      await upload(ctx, `資料${n}.txt`, `資料 ${n}`),
    ]);
    await s.applications.start(w(n), app.id);
    await s.deliveries.deliver(w(n), app.id, '納品いたします。', [
      await upload(ctx, `成果物${n}.txt`, `成果物 ${n}`),
    ]);
    await s.deliveries.approve(j.poster, app.id);
    approved.push(app.id);
  }
  const rejected = await apply(8, jobs[5] as (typeof jobs)[number]);
  await s.applications.reject(
    (jobs[5] as (typeof jobs)[number]).poster,
    rejected.id,
    '今回は経験者を優先しました。',
  );
  const withdrawn = await apply(9, jobs[6] as (typeof jobs)[number]);
  await s.applications.withdraw(w(9), withdrawn.id);
  const cancelled = await apply(10, jobs[7] as (typeof jobs)[number]);
  await s.applications.accept((jobs[7] as (typeof jobs)[number]).poster, cancelled.id);
  await s.applications.cancel(staff[0] as Actor, cancelled.id, '発注元の都合により案件が中止になりました。');

  // Money: items for approved work, one confirmed and one waiting; last month closed into statements.
  const thisMonth = businessMonth(ctx.clock(), ctx.businessTimeZone);
  const lastMonth = businessMonth(new Date(now - 31 * DAY), ctx.businessTimeZone);
  const staff1 = staff[0] as Actor;
  const paid = await s.invoices.addItem(staff1, {
    workerId: w(6).userId,
    amountYen: 40000,
    description: '英文マニュアル翻訳',
    month: lastMonth,
    applicationId: approved[0] ?? null,
  });
  await s.invoices.confirm(w(6), paid.id);
  await s.statements.closeMonth(staff1, lastMonth);
  await s.invoices.addItem(staff1, {
    workerId: w(7).userId,
    amountYen: 15000,
    description: '経費精算の入力補助',
    month: thisMonth,
    applicationId: approved[1] ?? null,
  });
  await s.bankAccounts.register(w(6), {
    // A real bank and branch: codes are checked against the 全銀 data set.
    bankName: 'みずほ銀行',
    bankCode: '0001',
    branchName: '東京営業部',
    branchCode: '001',
    accountType: 'ordinary',
    accountNumber: '1234567',
    holderName: 'ヤマダ ハナコ',
  });

  await s.notices.publish(staff1, {
    kind: 'announcement',
    title: '年末年始のお支払いについて',
    body: '12月31日〜1月3日は金融機関の休業日のため、お支払い予定日が前倒しになる場合があります。',
    audience: { everyone: true },
  });
  await s.notices.publish(staff1, {
    kind: 'maintenance',
    title: 'システムメンテナンスのお知らせ',
    body: '毎月第2日曜日 2:00〜4:00 はメンテナンスのため一部機能を停止します。',
    audience: { everyone: true },
  });

  const support = await seedSupport(ctx, s, people, person, upload);
  const market = await seedMarketplace(ctx, s, people, r);
  return {
    alreadySeeded: false,
    counts: {
      staff: staff.length + 1,
      clients: clients.length,
      workers: workers.length,
      jobs: jobs.length,
      applications: 10,
      ...support,
      ...market,
    },
  };
}

export type PersonFactory = typeof person;
export type UploadFactory = typeof upload;
