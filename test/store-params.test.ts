/**
 * Nothing but scalars reaches a query (db/params.ts): an object, an array, `undefined` or another
 * wrong type passed where the store takes an id is refused before any SQL runs, and nothing is
 * written. Each case is one a malformed webhook used to produce (issue 17).
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidQueryValue } from '../db/params.ts';
import type { IdentityKey, Store } from '../src/store.ts';
import { openTestStore, type TestStore } from './helpers/store-fixture.ts';

let t: TestStore;
let store: Store;
let orm: MikroORM;
let userId: number;
let token: string;

const HOSTILE: unknown[] = [
  { $ne: '' },
  { $gt: 0 },
  ['U1', 'U2'],
  [],
  undefined,
  null,
  42,
  true,
  '',
  'x'.repeat(10_000),
];
/** Where the store takes a numeric id, a string or a number that is no id is hostile too. */
const HOSTILE_ID: unknown[] = [
  { $gt: 0 },
  [1, 2],
  [],
  undefined,
  null,
  '42',
  true,
  0,
  -1,
  1.5,
  Number.NaN,
  2 ** 40,
];

const count = async (table: string) =>
  Number((await orm.em.getConnection().execute<{ n: string }[]>(`select count(*) as n from ${table}`))[0]?.n);

async function counts() {
  return {
    users: await count('users'),
    identities: await count('platform_identities'),
    inbound: await count('inbound_events'),
    tokens: await count('action_tokens'),
  };
}

beforeAll(async () => {
  t = await openTestStore('storeparams');
  ({ store, orm } = t);
  const { user } = await store.users.createWithIdentity(
    { platform: 'slack', workspace: 'T0PARAMS', externalId: 'U0REAL' },
    { displayName: 'Real', locale: 'ja', roles: ['worker'] },
  );
  userId = user.id;
  token = await store.actionTokens.create(userId, 'help', new Date(Date.now() + 60_000));
  await store.inboundEvents.markSeen('slack', 'Ev0REAL');
});

afterAll(async () => {
  await t?.close();
});

describe('a value that is not a scalar never becomes a filter', () => {
  it('refuses hostile identity parts in every identity method, and writes nothing', async () => {
    const before = await counts();
    for (const v of HOSTILE) {
      for (const key of [
        { platform: 'slack', workspace: 'T0PARAMS', externalId: v },
        { platform: 'slack', workspace: v, externalId: 'U0REAL' },
        { platform: v, workspace: 'T0PARAMS', externalId: 'U0REAL' },
      ] as unknown as IdentityKey[]) {
        // An empty workspace is a real one (LINE, Discord): only the other parts must be non-empty.
        if (key.workspace === '') continue;
        await expect(store.users.findByIdentity(key), JSON.stringify(key)).rejects.toBeInstanceOf(
          InvalidQueryValue,
        );
        await expect(
          store.users.createWithIdentity(key, { displayName: 'x', locale: 'ja', roles: ['worker'] }),
        ).rejects.toBeInstanceOf(InvalidQueryValue);
        await expect(store.users.renameByIdentity(key, 'Mallory')).rejects.toBeInstanceOf(InvalidQueryValue);
      }
    }
    expect(await counts()).toEqual(before);
    expect(
      (await store.users.findByIdentity({ platform: 'slack', workspace: 'T0PARAMS', externalId: 'U0REAL' }))
        ?.displayName,
    ).toBe('Real');
  });

  it('refuses hostile event ids before recording one (a redelivery check cannot be fooled)', async () => {
    const before = await counts();
    for (const v of HOSTILE) {
      await expect(store.inboundEvents.markSeen('slack', v as string)).rejects.toBeInstanceOf(
        InvalidQueryValue,
      );
    }
    expect(await counts()).toEqual(before);
    expect(await store.inboundEvents.markSeen('slack', 'Ev0REAL')).toBe(false);
  });

  it('refuses an operator object as a button token, which the ORM would otherwise read as a filter', async () => {
    // The real token resolves; `{ $ne: "" }` would match it through MikroORM's where-object.
    expect(await store.actionTokens.resolve(token, userId, new Date())).toBe('help');
    for (const v of HOSTILE) {
      await expect(store.actionTokens.resolve(v as string, userId, new Date())).rejects.toBeInstanceOf(
        InvalidQueryValue,
      );
    }
    for (const v of HOSTILE_ID) {
      await expect(store.actionTokens.resolve(token, v as number, new Date())).rejects.toBeInstanceOf(
        InvalidQueryValue,
      );
    }
  });

  it('refuses hostile ids in the desk and flow look-ups', async () => {
    for (const v of HOSTILE) {
      await expect(store.desk.inquiryAt(v as string, '1700000000.000100')).rejects.toBeInstanceOf(
        InvalidQueryValue,
      );
      await expect(store.desk.inquiryAt('CDESK', v as string)).rejects.toBeInstanceOf(InvalidQueryValue);
    }
    for (const v of HOSTILE_ID) {
      await expect(store.desk.threadOf(v as number)).rejects.toBeInstanceOf(InvalidQueryValue);
      await expect(store.flows.get(v as number, new Date())).rejects.toBeInstanceOf(InvalidQueryValue);
      await expect(store.users.setLocale(v as number, 'en')).rejects.toBeInstanceOf(InvalidQueryValue);
    }
    expect(await store.desk.inquiryAt('CDESK', '1700000000.000100')).toBeNull();
  });

  it('refuses any statement bound with undefined or an array, whoever built it (the onQuery guard)', async () => {
    const connection = orm.em.getConnection();
    await expect(connection.execute('select ? as v', [undefined])).rejects.toBeInstanceOf(InvalidQueryValue);
    await expect(connection.execute('select 1 where 1 in (?)', [[1, 2]])).rejects.toBeInstanceOf(
      InvalidQueryValue,
    );
    await expect(
      orm.em
        .fork()
        .getConnection()
        .execute('select count(*) as n from users where id = ?', [() => 1]),
    ).rejects.toBeInstanceOf(InvalidQueryValue);
    // Scalars, dates and JSON documents still bind as before.
    const [row] = await connection.execute<{ a: string; b: string }[]>('select ?::text as a, ?::jsonb as b', [
      'x',
      { k: 1 },
    ]);
    expect(row).toEqual({ a: 'x', b: { k: 1 } });
  });
});
