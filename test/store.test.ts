import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectionUrl, migrate, openOrm, schemaFromUrl } from '../db/orm.ts';
import { type EventRef, InboundLine } from '../src/chat/inbound.ts';
import type { Store } from '../src/store.ts';
import type { TestSchema } from './helpers/services.ts';
import { openTestStore, type TestStore } from './helpers/store-fixture.ts';

let t: TestStore;
let schema: TestSchema;
let orm: MikroORM;
let store: Store;

beforeAll(async () => {
  t = await openTestStore('store');
  ({ schema, orm, store } = t);
});

afterAll(async () => {
  await t?.close();
});

describe('migrations', () => {
  it('creates the tables in the test schema and is a no-op the second time', async () => {
    const tables = await orm.em
      .getConnection()
      .execute<{ table_name: string }[]>(
        'select table_name from information_schema.tables where table_schema = ? order by table_name',
        [schema.name],
      );
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining([
        'users',
        'platform_identities',
        'job_notices',
        'inbound_events',
        'mikro_orm_migrations',
      ]),
    );
    expect(await migrate(orm)).toEqual([]);
  });

  it('restarts on a URL whose search_path names the schema (migration table is found again)', async () => {
    // Regression: the migrator looked for its table in `public`, so a second process on such a
    // DATABASE_URL tried to create `mikro_orm_migrations` again and exited.
    const second = await openOrm({ clientUrl: schema.url });
    try {
      expect(await migrate(second)).toEqual([]);
    } finally {
      await second.close();
    }
  });

  it('reads the schema from ?schema= or from options=-c search_path=', () => {
    expect(schemaFromUrl('postgres://h/db?schema=app')).toBe('app');
    expect(schemaFromUrl('postgres://h/db?options=-c%20search_path%3Dt_1%2Cpublic')).toBe('t_1');
    expect(schemaFromUrl('postgres://h/db?sslmode=require')).toBeUndefined();
  });

  it('puts every table of a ?schema= URL in that schema, not in public', async () => {
    const name = `${schema.name}_q`;
    const url = new URL(schema.url);
    url.searchParams.delete('options');
    url.searchParams.set('schema', name);
    expect(connectionUrl(url.toString())).toContain(`search_path%3D${name}`);
    const admin = orm.em.fork();
    await admin.execute(`create schema "${name}"`);
    const other = await openOrm({ clientUrl: url.toString() });
    try {
      expect((await migrate(other)).length).toBeGreaterThan(10);
      const [row] = await other.em.fork().execute<{ schema: string }[]>(`select current_schema() as schema`);
      expect(row?.schema).toBe(name);
      const tables = await admin.execute<{ n: string }[]>(
        `select count(*) as n from information_schema.tables where table_schema = ? and table_name = 'users'`,
        [name],
      );
      expect(Number(tables[0]?.n)).toBe(1);
    } finally {
      await other.close();
      await admin.execute(`drop schema "${name}" cascade`);
    }
  });
});

describe('users', () => {
  const key = { platform: 'console' as const, workspace: 'local', externalId: 'hanako' };

  it('creates a user bound to an identity and finds it again', async () => {
    expect(await store.users.findByIdentity(key)).toBeNull();
    const { user, created } = await store.users.createWithIdentity(key, {
      displayName: '花子',
      locale: 'ja',
      roles: ['worker'],
    });
    expect(created).toBe(true);
    expect(user).toMatchObject({ displayName: '花子', locale: 'ja', roles: ['worker'] });
    expect(await store.users.findByIdentity(key)).toEqual(user);
  });

  it('returns the existing user when two first contacts race for one identity', async () => {
    const raceKey = { ...key, externalId: 'racer' };
    const init = { displayName: 'racer', locale: 'en' as const, roles: [] };
    const results = await Promise.all([
      store.users.createWithIdentity(raceKey, init),
      store.users.createWithIdentity(raceKey, init),
      store.users.createWithIdentity(raceKey, init),
    ]);
    expect(new Set(results.map((r) => r.user.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const rows = await orm.em
      .getConnection()
      .execute<{ count: string }[]>(`select count(*) from users where display_name = 'racer'`);
    expect(Number(rows[0]?.count)).toBe(1);
  });

  it('keeps identities of the same id apart across platforms and workspaces', async () => {
    const a = await store.users.createWithIdentity(
      { platform: 'slack', workspace: 'T1', externalId: 'U1' },
      {
        displayName: 'a',
        locale: 'ja',
        roles: [],
      },
    );
    const b = await store.users.createWithIdentity(
      { platform: 'slack', workspace: 'T2', externalId: 'U1' },
      {
        displayName: 'b',
        locale: 'ja',
        roles: [],
      },
    );
    expect(a.user.id).not.toBe(b.user.id);
  });

  it('stores the chosen language', async () => {
    const user = await store.users.findByIdentity(key);
    if (!user) throw new Error('user missing');
    await store.users.setLocale(user.id, 'en');
    expect((await store.users.findByIdentity(key))?.locale).toBe('en');
  });
});

describe('job notices', () => {
  it('lists only open notices, soonest deadline first and undated last, with a total for paging', async () => {
    const d = (x: string) => new Date(x);
    await store.uow.run(async (tx) => {
      await tx.work.jobs.insert({ title: 'draft', rewardYen: 1000, status: 'draft' });
      await tx.work.jobs.insert({ title: 'closed', rewardYen: 1000, status: 'closed' });
      await tx.work.jobs.insert({
        title: 'late',
        rewardYen: 1000,
        status: 'open',
        deadline: d('2026-12-20T00:00:00Z'),
      });
      await tx.work.jobs.insert({ title: 'undated', rewardYen: 1000, status: 'open' });
      await tx.work.jobs.insert({
        title: 'soon',
        rewardYen: 12000,
        status: 'open',
        deadline: d('2026-12-01T00:00:00Z'),
      });
    });
    const all = await store.uow.run((tx) => tx.work.searchOpenJobs({}, { offset: 0, limit: 10 }));
    expect(all.total).toBe(3);
    expect(all.items.map((j) => j.title)).toEqual(['soon', 'late', 'undated']);
    const second = await store.uow.run((tx) => tx.work.searchOpenJobs({}, { offset: 1, limit: 1 }));
    expect(second).toMatchObject({ total: 3, items: [{ title: 'late' }] });
    // Past the last page the total is still right.
    expect(await store.uow.run((tx) => tx.work.searchOpenJobs({}, { offset: 10, limit: 5 }))).toEqual({
      items: [],
      total: 3,
      totalIsAtLeast: false,
    });
  });

  it('refuses a negative reward (checked by the database too)', async () => {
    await expect(
      store.uow.run((tx) => tx.work.jobs.insert({ title: 'bad', rewardYen: -1, status: 'open' })),
    ).rejects.toThrow();
  });

  it('rolls back every write of a unit of work that fails', async () => {
    await expect(
      store.uow.run(async (tx) => {
        await tx.work.jobs.insert({ title: 'rolled back', rewardYen: 1, status: 'open' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await store.uow.run((tx) => tx.work.jobs.count({ title: 'rolled back' }))).toBe(0);
  });
});

describe('inbound events', () => {
  it('records an event id once and reports repeats', async () => {
    expect(await store.inboundEvents.markSeen('line', 'evt-1')).toBe(true);
    expect(await store.inboundEvents.markSeen('line', 'evt-1')).toBe(false);
    expect(await store.inboundEvents.markSeen('slack', 'evt-1')).toBe(true);
    const concurrent = await Promise.all(
      Array.from({ length: 5 }, () => store.inboundEvents.markSeen('line', 'evt-2')),
    );
    expect(concurrent.filter(Boolean)).toHaveLength(1);
  });

  // Each test's events are its own user's (an event left handling would hold up the next test's).
  const ref = (id: string): EventRef => ({
    platform: 'line',
    id,
    sender: { workspace: '', externalId: `U-${id.split('-')[1]}` },
  });
  const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('an event started before its admission is written waits for it, and keeps its place behind an earlier one', async () => {
    const line = new InboundLine(store.inboundEvents, { admissionWaitMs: 60_000 });
    const order: string[] = [];
    // The worker got the second event before the webhook wrote either admission.
    const second = line.turn(ref('ev-order-2'), true).then((t) => order.push(`2:${t.kind}`));
    await pause(100);
    expect(order).toEqual([]);
    await line.admit([ref('ev-order-1'), ref('ev-order-2')]);
    order.push(`1:${(await line.turn(ref('ev-order-1'), true)).kind}`);
    await pause(100);
    expect(order).toEqual(['1:go']);
    await line.done(ref('ev-order-1'));
    await second;
    expect(order).toEqual(['1:go', '2:go']);
  });

  it('admissions are written in the order of the calls, and an event whose admission never came takes its place', async () => {
    const line = new InboundLine(store.inboundEvents, { admissionWaitMs: 200 });
    await Promise.all([line.admit([ref('ev-batch-1')]), line.admit([ref('ev-batch-2'), ref('ev-batch-3')])]);
    const rows = await orm.em
      .fork()
      .execute<{ event_id: string }[]>(
        "select event_id from inbound_events where event_id like 'ev-batch-%' order by seq",
      );
    expect(rows.map((r) => r.event_id)).toEqual(['ev-batch-1', 'ev-batch-2', 'ev-batch-3']);
    for (const id of ['ev-batch-1', 'ev-batch-2', 'ev-batch-3']) {
      expect(await line.turn(ref(id), true)).toEqual({ kind: 'go' });
      await line.done(ref(id));
    }
    const started = Date.now();
    expect(await line.turn(ref('ev-never-admitted'), true)).toEqual({ kind: 'go' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
  });
});
