import type { MikroORM } from '@mikro-orm/postgresql';
import { migrate, openOrm } from '../../db/orm.ts';
import { createMikroStore } from '../../db/store.ts';
import type { Store } from '../../src/store.ts';
import { freshSchema, type TestSchema } from './services.ts';

export interface TestStore {
  store: Store;
  orm: MikroORM;
  schema: TestSchema;
  close(): Promise<void>;
}

/** A migrated store in a fresh schema of the real test PostgreSQL. */
export async function openTestStore(prefix: string): Promise<TestStore> {
  const schema = await freshSchema(prefix);
  const orm = await openOrm({ clientUrl: schema.url });
  await migrate(orm);
  return {
    store: createMikroStore(orm, 'postgres'),
    orm,
    schema,
    async close() {
      await orm.close();
      await schema.drop();
    },
  };
}
