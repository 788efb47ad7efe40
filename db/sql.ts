/** Small helpers the repositories share for raw SQL: array parameters, LIKE patterns, row mapping. */
import { type EntityClass, type EntityManager, wrap } from '@mikro-orm/postgresql';
import type { Kysely } from '@mikro-orm/sql';

/** A Postgres array literal for a text[] parameter (the driver would expand a JS array into a list). */
export const pgTextArray = (values: readonly string[]) =>
  `{${values.map((v) => `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;

/** A Postgres array literal for a text[] parameter whose elements may be null. */
export const pgNullableTextArray = (values: readonly (string | null)[]) =>
  `{${values.map((v) => (v === null ? 'NULL' : `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`)).join(',')}}`;

/** A Postgres array literal for an int[] parameter. */
export const pgIntArray = (values: readonly number[]) => `{${values.map((v) => Math.trunc(v)).join(',')}}`;

/** Escapes `%`, `_` and `\` for a LIKE pattern. */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A raw row (snake_case columns) as a plain record, through the entity's own mapping. */
export function asRecord<R>(em: EntityManager, entity: EntityClass<object>, row: Record<string, unknown>): R {
  return wrap(em.map(entity, row as never)).toObject() as unknown as R;
}

/** Loads records by id in the order given (one query, never one per row). */
export async function inOrder<R extends { id: number }>(
  table: { find: (w: { id: number[] }) => Promise<R[]> },
  ids: number[],
): Promise<R[]> {
  if (ids.length === 0) return [];
  const byId = new Map((await table.find({ id: ids })).map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is R => r !== undefined);
}

/**
 * Runs `sql` with numbered placeholders (`$1`, `$2` …), bound by PostgreSQL itself, on the
 * transaction `em` runs in (if any). MikroORM's `execute` knows only `?` and formats every value
 * into the statement's text (so a statement that uses a value three times binds it three times,
 * and `$1` reaches PostgreSQL unbound); this hands the text and the values to the `pg` driver as
 * they are. Values: scalars, null, and arrays (bound as PostgreSQL arrays).
 */
export async function queryNumbered<T>(
  em: EntityManager,
  sql: string,
  params: readonly unknown[],
): Promise<T[]> {
  for (const p of params) {
    if (
      p === undefined ||
      typeof p === 'function' ||
      typeof p === 'symbol' ||
      (typeof p === 'object' && p !== null && !Array.isArray(p) && !(p instanceof Date))
    )
      throw new Error(`queryNumbered: a ${typeof p} parameter`);
  }
  const client = em.getTransactionContext<Kysely<unknown>>() ?? em.getConnection().getClient<unknown>();
  // What Kysely's CompiledQuery.raw builds (Kysely is MikroORM's own driver layer, not a dependency here).
  const compiled = {
    sql,
    parameters: params,
    query: { kind: 'RawNode' as const, sqlFragments: [sql], parameters: [] },
    queryId: { queryId: `numbered-${++numberedSeq}` },
  };
  const result = await client.executeQuery<T>(compiled as never);
  return result.rows as T[];
}
let numberedSeq = 0;
