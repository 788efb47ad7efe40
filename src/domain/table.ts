/**
 * The data access a domain service gets: a small table gateway per table, inside one transaction.
 * Records are plain objects (foreign keys as ids); `db/` implements this on MikroORM. Queries that
 * need joins or full-text search get their own methods on the domain's query port instead.
 */

import { AppError } from '../errors.ts';

/**
 * A write hit a unique constraint (a duplicate the database refused). Raised by the table gateways
 * so services can turn it into a user-facing refusal without knowing the driver's error classes.
 * The transaction is aborted after it: end the unit of work by throwing.
 */
export class DuplicateRecordError extends AppError {
  readonly constraint: string | undefined;
  constructor(constraint: string | undefined, options?: ErrorOptions) {
    super('duplicate_record', `duplicate record${constraint ? ` (${constraint})` : ''}`, options);
    this.constraint = constraint;
  }
}

/**
 * Runs a first-time save again when a concurrent call inserted the same unique row first (the
 * unique key refused ours); the second run finds that row and updates it instead.
 */
export async function retryOnDuplicate<T>(save: () => Promise<T>): Promise<T> {
  try {
    return await save();
  } catch (err) {
    if (!(err instanceof DuplicateRecordError)) throw err;
    return save();
  }
}

/** Equality on each given field; an array means "any of" (SQL `in`); `null` means `is null`. */
export type Where<R> = { [K in keyof R]?: R[K] | readonly NonNullable<R[K]>[] };

export interface FindOptions<R> {
  orderBy?: { [K in keyof R]?: 'asc' | 'desc' };
  limit?: number;
  offset?: number;
}

export interface Table<R extends { id: number }, New> {
  insert(values: New): Promise<R>;
  get(id: number): Promise<R | null>;
  /** Reads and locks the row until the transaction ends (`select … for update`). */
  lock(id: number): Promise<R | null>;
  find(where: Where<R>, options?: FindOptions<R>): Promise<R[]>;
  findOne(where: Where<R>): Promise<R | null>;
  count(where: Where<R>): Promise<number>;
  update(id: number, patch: Partial<Omit<R, 'id'>>): Promise<R>;
  delete(where: Where<R>): Promise<number>;
}

/** A page of results with the total, for "n件中 1–10件" and next/previous buttons. */
export interface Page<T> {
  items: T[];
  total: number;
}

export interface PageRequest {
  offset: number;
  limit: number;
}

/**
 * Totals of searches stop counting at this many rows: an exact count reads every match (tens of
 * milliseconds at 100,000 rows), and nobody pages through a thousand results in a chat.
 */
export const COUNT_LIMIT = 1000;

/** A page whose total may be a lower bound: "1,000件以上" when `totalIsAtLeast`. */
export interface SearchPage<T> extends Page<T> {
  /** True when counting stopped at the limit, so there are at least `total` matches. */
  totalIsAtLeast: boolean;
}
