/**
 * Demo data for the marketplace: worker profiles with skills, follows, a team with members and a
 * pending invitation, and a conversation about a job.
 */
import type { Actor } from '../../src/domain/actor.ts';
import type { DomainContext } from '../../src/domain/context.ts';
import type { ProfileStatus } from '../../src/domain/market/records.ts';
import type { DomainServices } from '../../src/domain/services.ts';
import type { DemoPeople } from './demo.ts';
import { PREFS, pick, SKILLS } from './demo-data.ts';

const STATUSES: ProfileStatus[] = ['available', 'available', 'depends', 'busy'];

export async function seedMarketplace(
  _ctx: DomainContext,
  s: DomainServices,
  people: DemoPeople,
  r: () => number,
): Promise<Record<string, number>> {
  const { workers, clients, staff } = people;
  for (const [i, w] of workers.entries()) {
    await s.profiles.update(w, {
      introduction: 'コツコツ丁寧に作業します。よろしくお願いします。',
      status: pick(r, STATUSES),
      weeklyHours: pick(r, ['under_10', '10_20', '20_30'] as const),
      hourlyRateYen: 1000 + Math.floor(r() * 10) * 100,
      prefecture: pick(r, PREFS),
    });
    const names = [...new Set([pick(r, SKILLS), pick(r, SKILLS)])];
    await s.profiles.setSkills(
      w,
      names.map((name) => ({ name, level: 1 + Math.floor(r() * 5), years: Math.floor(r() * 8) })),
    );
    if (i < 10) await s.verification.setIdentityVerified(staff[0] as Actor, w.userId, true);
  }
  const client = clients[0] as Actor;
  const [w1, w2, w3, w4] = workers as [Actor, Actor, Actor, Actor];
  await s.follows.follow(client, w1.userId);
  await s.follows.follow(client, w2.userId);
  await s.follows.follow(w1, client.userId);

  const team = await s.teams.create(w1, {
    slug: 'tokyo-data',
    name: '東京データ入力チーム',
    introduction: '入力・集計の案件をチームで受けています。',
  });
  const invite = await s.teamInvitations.invite(w1, team.id, w2.userId, '一緒に入力案件をやりませんか?');
  await s.teamInvitations.approve(w2, invite.id);
  await s.teamInvitations.invite(w1, team.id, w3.userId, 'Excelの得意な方を探しています。');

  const { conversation } = await s.messages.consultWorker(client, w4.userId);
  await s.messages.send(
    client,
    conversation.id,
    'はじめまして。来月のデータ整備案件についてご相談させてください。',
  );
  await s.messages.send(w4, conversation.id, 'ご連絡ありがとうございます。ぜひ詳細をお聞かせください。');
  return { profiles: workers.length, teams: 1, conversations: 1 };
}
