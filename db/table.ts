/**
 * `Table` (src/domain/table.ts) for one entity inside one transaction's EntityManager. Entities keep
 * foreign keys as plain ids (`mapToPk`), so a record is the entity's own fields as a plain object.
 */
import {
  type EntityClass,
  type EntityManager,
  LockMode,
  UniqueConstraintViolationException,
  wrap,
} from '@mikro-orm/postgresql';
import { DuplicateRecordError, type FindOptions, type Table, type Where } from '../src/domain/table.ts';

/** The violated constraint's name, from the driver error underneath MikroORM's exception. */
function constraintOf(err: UniqueConstraintViolationException): string | undefined {
  const cause = (err as { cause?: { constraint?: string } }).cause;
  return cause?.constraint ?? /constraint "([^"]+)"/.exec(err.message)?.[1];
}

type Filter = Record<string, unknown>;

function toFilter<R>(where: Where<R>): Filter {
  const filter: Filter = {};
  for (const [key, value] of Object.entries(where)) {
    if (value === undefined) continue;
    filter[key] = Array.isArray(value) ? { $in: value } : value;
  }
  return filter;
}

export function mikroTable<R extends { id: number }, New>(
  em: EntityManager,
  entity: EntityClass<object>,
): Table<R, New> {
  // A freshly inserted entity lacks the nullable columns nobody set; records always carry every
  // field (null when empty), as a row read back would.
  const fields = em
    .getMetadata()
    .get(entity)
    .props.filter((p) => p.persist !== false && p.kind !== '1:m' && p.kind !== 'm:n')
    .map((p) => p.name as string);
  const plain = (e: object | null): R | null => {
    if (!e) return null;
    const o = wrap(e).toObject() as Record<string, unknown>;
    for (const f of fields) if (o[f] === undefined) o[f] = null;
    return o as unknown as R;
  };
  const byId = { id: undefined as unknown as number };
  const find = async (where: Where<R>, options?: FindOptions<R>) => {
    const rows = await em.find(entity, toFilter(where) as never, {
      ...(options?.orderBy ? { orderBy: options.orderBy as never } : { orderBy: { id: 'asc' } as never }),
      ...(options?.limit !== undefined ? { limit: options.limit } : {}),
      ...(options?.offset !== undefined ? { offset: options.offset } : {}),
    });
    return rows.map((r) => plain(r) as R);
  };
  return {
    async insert(values) {
      const e = em.create(entity, values as never);
      try {
        await em.flush();
      } catch (err) {
        if (err instanceof UniqueConstraintViolationException) {
          em.clear();
          throw new DuplicateRecordError(constraintOf(err), { cause: err });
        }
        throw err;
      }
      return plain(e) as R;
    },
    async get(id) {
      return plain(await em.findOne(entity, { ...byId, id } as never));
    },
    async lock(id) {
      return plain(
        await em.findOne(entity, { ...byId, id } as never, {
          lockMode: LockMode.PESSIMISTIC_WRITE,
          refresh: true,
        }),
      );
    },
    find,
    async findOne(where) {
      return (await find(where, { limit: 1 }))[0] ?? null;
    },
    async count(where) {
      return em.count(entity, toFilter(where) as never);
    },
    async update(id, patch) {
      const e = await em.findOneOrFail(entity, { ...byId, id } as never);
      em.assign(e, patch as never);
      try {
        await em.flush();
      } catch (err) {
        // As for inserts: a value another row holds (a unique key) is a refusal a service can name.
        if (err instanceof UniqueConstraintViolationException) {
          em.clear();
          throw new DuplicateRecordError(constraintOf(err), { cause: err });
        }
        throw err;
      }
      return plain(e) as R;
    },
    async delete(where) {
      return em.nativeDelete(entity, toFilter(where) as never);
    },
  };
}
