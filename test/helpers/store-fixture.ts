import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createMikroStore } from '../../db/mikro-store.ts';
import { migrate, openOrm } from '../../db/orm.ts';
import { secretBox } from '../../src/crypto/secret-box.ts';
import type { DomainContext } from '../../src/domain/context.ts';
import { LocalFileStorage } from '../../src/files/storage.ts';
import type { Store } from '../../src/store.ts';
import { freshSchema, type TestSchema } from './services.ts';

export interface TestStore {
  store: Store;
  orm: MikroORM;
  schema: TestSchema;
  close(): Promise<void>;
}

/** A domain context on a test store: test clock, in-memory-keyed secret box, files under the OS temp dir. */
export function testDomainContext(t: TestStore, clock: () => Date = () => new Date()): DomainContext {
  return {
    uow: t.store.uow,
    clock,
    files: new LocalFileStorage(path.join(os.tmpdir(), `bot-test-files-${t.schema.name}`)),
    secrets: secretBox(randomBytes(32)),
    businessTimeZone: 'Asia/Tokyo',
    openSignupRole: 'worker',
  };
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
