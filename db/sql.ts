/** Small helpers the repositories share for raw SQL: array parameters, LIKE patterns, row mapping. */
import { type EntityClass, type EntityManager, wrap } from '@mikro-orm/postgresql';

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
