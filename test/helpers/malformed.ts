/**
 * Malformed bodies, generated deterministically from a seed: each one is a real, valid body of the
 * endpoint with exactly one field made hostile (missing, the wrong type, an operator object, an
 * array, an id of the wrong shape, a string over the platform's limit, an unknown type), or a body
 * that is broken as a whole (not JSON, not UTF-8, truncated, the wrong top-level type).
 */
import pg from 'pg';

/** mulberry32: a small, fast, seeded PRNG (deterministic across runs and machines). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const DELETE = Symbol('delete');
type Hostile = unknown;

/**
 * What a field is, for choosing values that cannot pass: `id` (a platform id), `text` (with its
 * limit), `type` (a discriminator), `number`, `object`, `array`. `required` allows deleting it;
 * `nullable` fields are not given null.
 */
export interface Field {
  path: (string | number)[];
  kind: 'id' | 'text' | 'type' | 'number' | 'object' | 'array';
  required?: boolean;
  nullable?: boolean;
  /** For text: the longest valid value. */
  max?: number;
  /** Instead of the kind's values, where some of those would be valid here (a trigger id may be "42"). */
  values?: unknown[];
}

const OBJECTS: Hostile[] = [{ $ne: '' }, { $gt: 0 }, {}, [1, 'a'], [], ['U1', 'U2']];

export function hostileValues(field: Field): Hostile[] {
  if (field.values) return field.values;
  const out: Hostile[] = [...OBJECTS, 42, true, -1];
  if (field.required) out.push(DELETE);
  if (!field.nullable) out.push(null);
  switch (field.kind) {
    case 'id':
      out.push(
        '',
        '42',
        '[object Object]',
        'undefined',
        ' ',
        'x'.repeat(300),
        '../../etc/passwd',
        'U\u0000',
        'ｕ１２３',
      );
      break;
    case 'text':
      out.push('あ'.repeat((field.max ?? 1000) + 1));
      break;
    case 'type':
      out.push('', 'no_such_type', 'x'.repeat(300));
      break;
    case 'number':
      out.splice(out.indexOf(42), 1);
      out.splice(out.indexOf(-1), 1);
      out.push('1', '1e3', 1.5);
      break;
    case 'object':
      out.splice(out.indexOf(OBJECTS[2]), 1); // {} could be a valid empty object
      out.push('x', '{}');
      break;
    case 'array':
      out.splice(out.indexOf(OBJECTS[4]), 1); // [] may be valid
      out.splice(out.indexOf(OBJECTS[3]), 1);
      out.splice(out.indexOf(OBJECTS[5]), 1);
      out.push('x', '[]');
      break;
  }
  return out;
}

function setPath(body: unknown, path: (string | number)[], value: Hostile): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path.at(-1) as string | number;
  if (value === DELETE) delete node[last];
  else node[last] = value;
  return copy;
}

export interface Base {
  name: string;
  body: unknown;
  fields: Field[];
}

export interface Generated {
  label: string;
  body: unknown;
}

/** `count` bodies: a base, one of its fields, one hostile value; all drawn from `seed`. */
export function generate(seed: number, count: number, bases: Base[]): Generated[] {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const out: Generated[] = [];
  while (out.length < count) {
    const base = pick(bases);
    const field = pick(base.fields);
    const value = pick(hostileValues(field));
    const shown =
      value === DELETE
        ? 'deleted'
        : typeof value === 'string' && value.length > 40
          ? `"${value.slice(0, 8)}…" (${value.length})`
          : JSON.stringify(value);
    out.push({
      label: `${base.name}: ${field.path.join('.')} = ${shown}`,
      body: setPath(base.body, field.path, value),
    });
  }
  return out;
}

/** Bodies broken as a whole, as raw bytes. */
export function brokenBodies(valid: string): { label: string; bytes: Buffer }[] {
  return [
    { label: 'empty', bytes: Buffer.alloc(0) },
    { label: 'not JSON', bytes: Buffer.from('hello') },
    { label: 'truncated', bytes: Buffer.from(valid.slice(0, Math.floor(valid.length / 2))) },
    { label: 'null', bytes: Buffer.from('null') },
    { label: 'array', bytes: Buffer.from(`[${valid}]`) },
    { label: 'string', bytes: Buffer.from(JSON.stringify(valid)) },
    { label: 'number', bytes: Buffer.from('42') },
    {
      label: 'invalid UTF-8',
      bytes: Buffer.concat([
        Buffer.from(valid.slice(0, -2)),
        Buffer.from([0xff, 0xfe, 0xc3]),
        Buffer.from(valid.slice(-2)),
      ]),
    },
    { label: 'deep nesting', bytes: Buffer.from(`${'['.repeat(5000)}${']'.repeat(5000)}`) },
  ];
}

/** Rows in every table of a schema (to show that nothing was written). */
export async function rowCounts(url: string, schema: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ table_name: string }>(
      `select table_name from information_schema.tables
        where table_schema = $1 and table_type = 'BASE TABLE' order by table_name`,
      [schema],
    );
    const counts: Record<string, number> = {};
    for (const { table_name } of tables) {
      const { rows } = await client.query<{ n: string }>(
        `select count(*) as n from "${schema}"."${table_name}"`,
      );
      counts[table_name] = Number(rows[0]?.n);
    }
    return counts;
  } finally {
    await client.end();
  }
}
