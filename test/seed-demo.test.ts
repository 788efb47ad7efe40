/** `npm run seed:demo` builds a believable, rule-abiding data set, once. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../db/seeders/demo.ts';
import { createDomainServices, type DomainServices } from '../src/domain/services.ts';
import { type DomainBench, openDomainBench } from './helpers/domain.ts';

let b: DomainBench;
let s: DomainServices;

beforeAll(async () => {
  b = await openDomainBench('seed');
  b.clock.set(new Date());
  s = createDomainServices(b.ctx);
});
afterAll(async () => {
  await b?.close();
});

const count = async (sql: string) =>
  Number(((await b.store.orm.em.getConnection().execute(sql)) as { n: string }[])[0]?.n ?? 0);

describe('demo data', () => {
  it('creates staff, clients, 50 workers with preferences, open jobs and applications in every state', async () => {
    const summary = await seedDemo(b.ctx, s);
    expect(summary.alreadySeeded).toBe(false);
    expect(await count(`select count(*) as n from users where 'worker' = any(roles)`)).toBe(50);
    expect(await count(`select count(*) as n from alert_preferences`)).toBe(50);
    expect(await count(`select count(*) as n from job_notices where status = 'open'`)).toBe(10);
    const states = (await b.store.orm.em
      .getConnection()
      .execute(`select distinct status from applications order by status`)) as { status: string }[];
    expect(states.map((r) => r.status)).toEqual([
      'accepted',
      'applied',
      'approved',
      'cancelled',
      'delivered',
      'rejected',
      'revision_requested',
      'withdrawn',
      'working',
    ]);
    expect(await count(`select count(*) as n from payment_statements`)).toBe(1);
    // Support desk: inquiries in every status, a new-store consultation without a store, a photo.
    const statuses = (await b.store.orm.em
      .getConnection()
      .execute(`select distinct status from inquiries order by status`)) as { status: string }[];
    expect(statuses.map((r) => r.status)).toEqual(['completed', 'in_progress', 'received']);
    expect(await count(`select count(*) as n from inquiries where store_id is null`)).toBe(1);
    expect(await count(`select count(*) as n from inquiry_attachments`)).toBeGreaterThanOrEqual(2);
    expect(await count(`select count(*) as n from stores`)).toBe(8);
    // Marketplace: every worker has a profile with skills; a team with a pending invitation.
    expect(await count(`select count(distinct user_id) as n from profile_skills`)).toBe(50);
    expect(await count(`select count(*) as n from team_invitations where status = 'pending'`)).toBe(1);
    // Everyone can be talked as from the console.
    expect(await count(`select count(*) as n from platform_identities where platform = 'console'`)).toBe(60);
  });

  it('adds nothing the second time', async () => {
    const before = await count('select count(*) as n from users');
    expect((await seedDemo(b.ctx, s)).alreadySeeded).toBe(true);
    expect(await count('select count(*) as n from users')).toBe(before);
  });
});
