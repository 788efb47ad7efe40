/**
 * MikroORM configuration and migration running. Migrations are listed explicitly (db/migrations/index.ts)
 * so they load the same way from source under Node's type stripping, with no file globbing.
 */

import { fileURLToPath } from 'node:url';
import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, type Options, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { entities } from './entities/index.ts';
import { migrations } from './migrations/index.ts';
import { guardParams } from './params.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));

export interface OrmOptions {
  clientUrl: string;
  /** Pool size; the embedded server multiplexes, so it stays small there. */
  poolMax?: number;
  /** Called with SQL when debug logging is on. */
  log?: (message: string) => void;
}

/**
 * The schema a connection URL selects, from `?schema=name` or from the first entry of
 * `?options=-c search_path=name,...`. MikroORM must be told explicitly: its migrator looks for its
 * table in the configured schema (default `public`), not along the connection's search_path, so
 * without this a second start on such a URL tried to create `mikro_orm_migrations` again.
 */
export function schemaFromUrl(url: string): string | undefined {
  let params: URLSearchParams;
  try {
    params = new URL(url).searchParams;
  } catch {
    return undefined;
  }
  const explicit = params.get('schema');
  if (explicit) return explicit;
  const match = /(?:^|\s)-c\s*search_path\s*=\s*"?([^,\s"]+)/.exec(params.get('options') ?? '');
  return match?.[1];
}

/**
 * The URL pg connects with: a `?schema=name` URL without a search_path of its own gets
 * `options=-c search_path=name`, so the migrations' and the repositories' unqualified SQL land in that
 * schema too, not only MikroORM's migration table (they went to `public` before).
 */
export function connectionUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  const schema = parsed.searchParams.get('schema');
  const options = parsed.searchParams.get('options') ?? '';
  if (!schema || /search_path/.test(options)) return url;
  parsed.searchParams.delete('schema');
  parsed.searchParams.set('options', `${options} -c search_path=${schema}`.trim());
  return parsed.toString();
}

export function ormConfig(options: OrmOptions): Options {
  const schema = schemaFromUrl(options.clientUrl);
  return {
    ...(schema ? { schema } : {}),
    driver: PostgreSqlDriver,
    clientUrl: options.clientUrl,
    // MikroORM reads only host/port/user/database from the URL; handing pg the whole string keeps
    // query parameters such as `sslmode` and `options` (search_path) working.
    driverOptions: { connectionString: connectionUrl(options.clientUrl) },
    entities,
    extensions: [Migrator],
    pool: { min: 0, max: options.poolMax ?? 10 },
    debug: options.log !== undefined,
    ...(options.log ? { logger: options.log } : {}),
    allowGlobalContext: false,
    // Nothing but scalars (and JSON documents) is bound into a statement (db/params.ts).
    onQuery: guardParams,
    migrations: {
      tableName: 'mikro_orm_migrations',
      path: MIGRATIONS_DIR,
      pathTs: MIGRATIONS_DIR,
      migrationsList: migrations,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
      emit: 'ts',
    },
  };
}

export async function openOrm(options: OrmOptions): Promise<MikroORM> {
  return MikroORM.init(ormConfig(options));
}

/** Applies pending migrations; returns the names applied (empty when up to date). */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const done = await orm.migrator.up();
  return done.map((m) => m.name);
}
