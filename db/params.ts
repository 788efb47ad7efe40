/**
 * Nothing but scalars reaches a query (README, "Inbound checks").
 *
 * MikroORM 7 formats bound values into the SQL text itself (`Platform.formatQuery`): an array becomes
 * a comma list and a plain object becomes JSON, so a value of the wrong type does not fail, it
 * changes the query (`syntax error at or near ","`, `column "undefined" does not exist`), and in a
 * filter an object such as `{ "$ne": "" }` is read as an operator. Two guards stop that:
 * - the repository methods that take values from outside (platform ids, event ids, tokens, message
 *   timestamps) check them with `text` / `intId` below and refuse anything else with `InvalidQueryValue`;
 * - `guardParams`, installed as the ORM's `onQuery` hook, refuses any statement bound with
 *   `undefined`, an array (which would become a list), a function or a symbol, whoever built it.
 */
import { AppError } from '../src/errors.ts';

export class InvalidQueryValue extends AppError {
  constructor(what: string) {
    super('invalid_query_value', `${what} is not a valid value for a query`);
  }
}

/** A string of 1..max characters (never an object, an array or undefined). */
export function text(value: unknown, what: string, max = 500): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > max)
    throw new InvalidQueryValue(what);
  return value;
}

/** A string that may be empty (LINE and Discord identities have no workspace). */
export function textOrEmpty(value: unknown, what: string, max = 500): string {
  if (typeof value !== 'string' || value.length > max) throw new InvalidQueryValue(what);
  return value;
}

/** A positive integer id that fits an `integer` column. */
export function intId(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1 || value > 2_147_483_647)
    throw new InvalidQueryValue(what);
  return value;
}

/** An identity as the store takes it: three strings. */
export function identityKey<K extends { platform: unknown; workspace: unknown; externalId: unknown }>(
  key: K,
): K {
  if (key === null || typeof key !== 'object') throw new InvalidQueryValue('identity');
  text(key.platform, 'platform', 20);
  textOrEmpty(key.workspace, 'workspace', 100);
  text(key.externalId, 'external id', 200);
  return key;
}

/** The ORM's `onQuery` hook: a statement bound with a value that has no SQL form is never sent. */
export function guardParams(sql: string, params: readonly unknown[]): string {
  for (const p of params) {
    if (p === undefined || typeof p === 'function' || typeof p === 'symbol')
      throw new InvalidQueryValue(`a ${typeof p} parameter`);
    if (Array.isArray(p)) throw new InvalidQueryValue('an array parameter');
  }
  return sql;
}
