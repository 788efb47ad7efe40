/**
 * Once before all test files: extensions the migrations expect, created up front so that files
 * migrating their own schemas in parallel do not race to create them (CREATE EXTENSION IF NOT
 * EXISTS is not safe under concurrency).
 */
import pg from 'pg';

export default async function setup(): Promise<void> {
  const client = new pg.Client({
    connectionString: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
  });
  await client.connect();
  try {
    await client.query('create extension if not exists pg_trgm schema public');
  } finally {
    await client.end();
  }
}
