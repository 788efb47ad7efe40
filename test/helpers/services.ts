/**
 * Real services for tests: PostgreSQL at TEST_DATABASE_URL (a fresh schema per test file) and Redis at
 * TEST_REDIS_URL (a fresh key prefix per test file). Nothing here is mocked.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export const uniqueName = (prefix: string) =>
  `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;

export interface TestSchema {
  name: string;
  /** TEST_DATABASE_URL whose connections use this schema (search_path). */
  url: string;
  drop(): Promise<void>;
}

/** Creates an empty schema and a URL that puts it first on the search path. */
export async function freshSchema(prefix = 't'): Promise<TestSchema> {
  const name = uniqueName(prefix);
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  await client.query(`create schema "${name}"`);
  await client.end();
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${name}`);
  return {
    name,
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`drop schema if exists "${name}" cascade`);
      await c.end();
    },
  };
}
