/** For the adapter contract's support-desk flow: turns a platform user into a customer with one store. */
import type { IdentityKey, Store } from '../../src/store.ts';

export async function makeCustomerOf(store: Store, key: IdentityKey): Promise<void> {
  await store.uow.run(async (tx) => {
    const company = await tx.companies.insert({
      slug: `c${Math.random().toString(36).slice(2, 10)}`,
      name: '契約会社',
    });
    await tx.support.stores.insert({
      companyId: company.id,
      name: '本店',
      prefecture: '東京都',
      region: '関東',
    });
    const identity = await tx.identities.findOne(key);
    if (!identity) throw new Error(`no identity for ${key.platform}:${key.externalId}`);
    await tx.users.update(identity.userId, { roles: ['customer'], companyId: company.id });
  });
}
