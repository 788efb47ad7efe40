/**
 * The audience rules (src/domain/audience/): who each audience holds, the delivery plan's platform
 * choice, the seat rule a job's alerts are cancelled by, and the outbox payloads typed per kind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseTarget, FALLBACK_ORDER } from '../src/domain/audience/plan.ts';
import {
  type Audience,
  noticeReaches,
  openingsLeft,
  takesApplications,
} from '../src/domain/audience/rules.ts';
import { PLATFORM_ORDER } from '../src/domain/audience/sql.ts';
import type { NewOutbox } from '../src/domain/shared.ts';
import { type DomainBench, openDomainBench } from './helpers/domain.ts';

let b: DomainBench;

beforeAll(async () => {
  b = await openDomainBench('audience');
});
afterAll(async () => {
  await b?.close();
});

const sql = <T extends object>(q: string, params: unknown[] = []) =>
  b.store.orm.em.getConnection().execute(q, params) as Promise<T[]>;

describe('audiences', () => {
  it('hold everyone, a role, a company’s customers, or a team’s members', async () => {
    const company = await b.company('東京ストア');
    const other = await b.company('大阪ストア');
    const customer = await b.user(['customer'], { companyId: company });
    const staffOfCompany = await b.user(['staff'], { companyId: company });
    const elsewhere = await b.user(['customer'], { companyId: other });
    const worker = await b.user(['worker']);
    const member = await b.user(['worker', 'client']);
    const [team] = await sql<{ id: number }>(
      `insert into teams (slug, name, owner_id, created_at, updated_at) values ('team-a', 'チームA', ?, now(), now()) returning id`,
      [member.userId],
    );
    await sql(`insert into team_members (team_id, user_id, joined_at) values (?, ?, now()), (?, ?, now())`, [
      team?.id,
      member.userId,
      team?.id,
      customer.userId,
    ]);
    const of = (audience: Audience) => b.ctx.uow.read((tx) => tx.audience.userIds(audience));
    const all = await sql<{ id: number }>('select id from users order by id');
    expect(await of({ everyone: true })).toEqual(all.map((u) => u.id));
    expect(await of({ role: 'worker' })).toEqual([worker.userId, member.userId]);
    expect(await of({ companyCustomers: company })).toEqual([customer.userId]);
    expect(await of({ companyCustomers: other })).toEqual([elsewhere.userId]);
    expect(await of({ team: team?.id ?? 0 })).toEqual([customer.userId, member.userId].sort((x, y) => x - y));
    expect(await of({ role: 'staff' })).toContain(staffOfCompany.userId);
  });
});

describe('the delivery plan', () => {
  it('has one fallback order, in TypeScript and in SQL', () => {
    expect(PLATFORM_ORDER).toBe(`array[${FALLBACK_ORDER.map((p) => `'${p}'`).join(', ')}]::text[]`);
    const target = (platform: (typeof FALLBACK_ORDER)[number]) => ({
      platform,
      workspace: '',
      externalId: platform,
      reachable: true,
    });
    const everywhere = FALLBACK_ORDER.map(target).reverse();
    expect(
      chooseTarget({ userId: 1, locale: 'ja', preferredPlatform: null, targets: everywhere, quiet: null }),
    ).toEqual(target(FALLBACK_ORDER[0] ?? 'line'));
  });
});

describe('the rules', () => {
  it('a job takes applications while open with a free seat', () => {
    expect(takesApplications({ status: 'open', openings: 2 }, 1)).toBe(true);
    expect(takesApplications({ status: 'open', openings: 2 }, 2)).toBe(false);
    expect(takesApplications({ status: 'closed', openings: 2 }, 0)).toBe(false);
    expect(openingsLeft({ openings: 2 }, 3)).toBe(0);
  });

  it('a notice reaches its one person, else its role, else everyone', () => {
    const user = { userId: 7, roles: ['worker'] };
    expect(noticeReaches({ userId: 7, audienceRole: null }, user)).toBe(true);
    expect(noticeReaches({ userId: 8, audienceRole: null }, user)).toBe(false);
    expect(noticeReaches({ userId: null, audienceRole: 'worker' }, user)).toBe(true);
    expect(noticeReaches({ userId: null, audienceRole: 'staff' }, user)).toBe(false);
    expect(noticeReaches({ userId: null, audienceRole: null }, user)).toBe(true);
  });
});

describe('outbox payloads', () => {
  it('are typed per notification kind', () => {
    const alert: NewOutbox = { type: 'job.alert', recipientUserId: 1, payload: { jobId: 1 }, dedupeKey: 'k' };
    const wrong: NewOutbox = {
      type: 'job.alert',
      recipientUserId: 1,
      // @ts-expect-error: a job alert's payload names its job.
      payload: { noticeId: 1 },
      dedupeKey: 'k',
    };
    const notice: NewOutbox<'notice.published'> = {
      type: 'notice.published',
      recipientUserId: 1,
      // @ts-expect-error: a notice's payload has its kind and title too.
      payload: { noticeId: 1 },
      dedupeKey: 'k',
    };
    expect([alert, wrong, notice].map((r) => r.type)).toEqual(['job.alert', 'job.alert', 'notice.published']);
  });
});
