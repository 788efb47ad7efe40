/**
 * A JSON Schema interpreter for the platforms' API descriptions (see openapi.ts): the keywords Discord's
 * OpenAPI 3.1, LINE's OpenAPI 3.0 and Slack's Swagger 2.0 use (type, enum, const, lengths, bounds, items,
 * properties, required, additionalProperties, allOf/anyOf/oneOf, not, if/then/else, $ref, OpenAPI 3.0's
 * `nullable` and `discriminator`), with the readings of their quirks that openapi.ts describes. Schemas are
 * read as they are, nothing is compiled; lookups that repeat ($refs, patterns, union members) are cached.
 */

export interface SpecError {
  /** Where in the body, e.g. ['components', 0, 'type']. */
  path: (string | number)[];
  /** The same as a JSON pointer, e.g. '/components/0/type' ('' for the body itself). */
  pointer: string;
  /** The JSON Schema keyword that failed ('required', 'type', 'maxLength', 'enum', 'union', …). */
  keyword: string;
  message: string;
}

/** A loaded API description: the document $refs point into. */
export interface SchemaDoc {
  doc: Json;
  /** Discord: a string that parses as an integer passes where the spec says integer. */
  intStrings: boolean;
  /** Resolved $refs. */
  refs: Map<string, unknown>;
}

type Json = Record<string, unknown>;
type Path = (string | number)[];

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function resolve(spec: SchemaDoc, ref: string): unknown {
  const hit = spec.refs.get(ref);
  if (hit !== undefined) return hit;
  if (!ref.startsWith('#/')) throw new Error(`only local $refs are supported: ${ref}`);
  let node: unknown = spec.doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    node = isObject(node) ? node[key] : Array.isArray(node) ? node[Number(key)] : undefined;
  }
  if (node === undefined) throw new Error(`unresolved $ref ${ref}`);
  spec.refs.set(ref, node);
  return node;
}

export const deref = (spec: SchemaDoc, s: unknown): unknown => {
  let out = s;
  for (let i = 0; i < 20 && isObject(out) && typeof out.$ref === 'string'; i++) out = resolve(spec, out.$ref);
  return out;
};

const escapePointer = (k: string | number): string => String(k).replaceAll('~', '~0').replaceAll('/', '~1');
export const pointerOf = (p: Path): string => p.map((k) => `/${escapePointer(k)}`).join('');

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function isType(v: unknown, t: string): boolean {
  switch (t) {
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'string':
      return typeof v === 'string';
    case 'boolean':
      return typeof v === 'boolean';
    case 'null':
      return v === null;
    case 'array':
      return Array.isArray(v);
    case 'object':
      return isObject(v);
    default:
      return true;
  }
}

/** Stable JSON text (sorted keys), for enum, const and uniqueItems comparisons. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isObject(v)) {
    const keys = Object.keys(v).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'undefined';
}
const same = (a: unknown, b: unknown): boolean =>
  a === b || (typeof a === 'object' && typeof b === 'object' && canonical(a) === canonical(b));

export const show = (v: unknown): string => {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};
/** `(a, b, c)`, numbers in order. */
const list = (values: unknown[]): string => {
  const sorted = values.every((v) => typeof v === 'number')
    ? [...values].sort((a, b) => Number(a) - Number(b))
    : values;
  return `(${sorted.map((v) => show(v)).join(', ')})`;
};

const regexes = new Map<string, RegExp | null>();
function regexOf(pattern: string): RegExp | null {
  let r = regexes.get(pattern);
  if (r === undefined) {
    try {
      r = new RegExp(pattern, 'u');
    } catch {
      try {
        r = new RegExp(pattern);
      } catch {
        r = null;
      }
    }
    regexes.set(pattern, r);
  }
  return r;
}

export const INT_STRING = /^-?\d+$/;
const NO_SEEN: ReadonlySet<object> = new Set();

/** The property names each object member of a union declares (see Validator.declaredKeys). */
const declared = new WeakMap<object, Set<string> | 'any'>();
/** The `type` values each object member of a union accepts, or null when some member carries none. */
const unionTags = new WeakMap<unknown[], { member: unknown; values: unknown[] }[] | null>();

class Validator {
  private readonly spec: SchemaDoc;
  readonly errors: SpecError[] = [];

  constructor(spec: SchemaDoc) {
    this.spec = spec;
  }

  private push(out: SpecError[], p: Path, keyword: string, message: string): void {
    out.push({ path: p, pointer: pointerOf(p), keyword, message });
  }

  /**
   * Checks `value` at `p` against `schema`, adding errors to `out`. `seen` holds the discriminator schemas
   * already applied to this same value (a LINE subtype `allOf`s its base, whose discriminator must not
   * dispatch again).
   */
  check(
    schema: unknown,
    value: unknown,
    p: Path,
    out: SpecError[],
    seen: ReadonlySet<object>,
    depth = 0,
  ): void {
    if (depth > 200) throw new Error(`schema nesting too deep at ${pointerOf(p)} (a $ref cycle?)`);
    if (schema === false) {
      this.push(out, p, 'false', 'is not allowed');
      return;
    }
    if (!isObject(schema)) return;
    const s = schema;
    if (typeof s.$ref === 'string') this.check(resolve(this.spec, s.$ref), value, p, out, seen, depth + 1);
    if (value === null && s.nullable === true) return;
    let v = value;
    const types = typeof s.type === 'string' ? [s.type] : Array.isArray(s.type) ? (s.type as string[]) : null;
    if (types) {
      if (this.spec.intStrings && types.includes('integer') && typeof v === 'string' && INT_STRING.test(v)) {
        v = Number(v);
      }
      if (!types.some((t) => isType(v, t))) {
        this.push(out, p, 'type', `must be ${types.join(' or ')} (got ${jsonType(v)})`);
        return;
      }
    }
    if (Array.isArray(s.enum) && !s.enum.some((e) => same(e, v))) {
      this.push(out, p, 'enum', `must be one of ${list(s.enum)} (got ${show(v)})`);
    }
    if ('const' in s && !same(s.const, v))
      this.push(out, p, 'const', `must be ${show(s.const)} (got ${show(v)})`);
    if (typeof v === 'string') this.checkString(s, v, p, out);
    else if (typeof v === 'number') this.checkNumber(s, v, p, out);
    else if (Array.isArray(v)) this.checkArray(s, v, p, out, depth);
    else if (isObject(v)) this.checkObject(s, v, p, out, depth);
    if (Array.isArray(s.allOf)) for (const sub of s.allOf) this.check(sub, v, p, out, seen, depth + 1);
    if (Array.isArray(s.anyOf)) this.union(s.anyOf, v, p, out, seen, depth);
    if (Array.isArray(s.oneOf)) this.union(s.oneOf, v, p, out, seen, depth);
    if (s.not !== undefined) {
      const trial: SpecError[] = [];
      this.check(s.not, v, p, trial, seen, depth + 1);
      if (trial.length === 0) this.push(out, p, 'not', 'matches a schema it must not match');
    }
    if (s.if !== undefined) {
      const trial: SpecError[] = [];
      this.check(s.if, v, p, trial, seen, depth + 1);
      const branch = trial.length === 0 ? s.then : s.else;
      if (branch !== undefined) this.check(branch, v, p, out, seen, depth + 1);
    }
    if (isObject(s.discriminator) && isObject(v) && !seen.has(s))
      this.discriminate(s, v, p, out, seen, depth);
  }

  private checkString(s: Json, v: string, p: Path, out: SpecError[]): void {
    // JSON Schema counts characters as code points.
    const length = typeof s.minLength === 'number' || typeof s.maxLength === 'number' ? [...v].length : 0;
    if (typeof s.minLength === 'number' && length < s.minLength) {
      this.push(out, p, 'minLength', `must be at least ${s.minLength} characters (got ${length})`);
    }
    if (typeof s.maxLength === 'number' && length > s.maxLength) {
      this.push(out, p, 'maxLength', `must be at most ${s.maxLength} characters (got ${length})`);
    }
    if (typeof s.pattern === 'string' && regexOf(s.pattern)?.test(v) === false) {
      this.push(out, p, 'pattern', `must match ${s.pattern} (got ${show(v)})`);
    }
  }

  private checkNumber(s: Json, v: number, p: Path, out: SpecError[]): void {
    const exMin = s.exclusiveMinimum;
    const exMax = s.exclusiveMaximum;
    if (typeof s.minimum === 'number' && (exMin === true ? v <= s.minimum : v < s.minimum)) {
      this.push(out, p, 'minimum', `must be ${exMin === true ? '>' : '≥'} ${s.minimum} (got ${v})`);
    }
    if (typeof s.maximum === 'number' && (exMax === true ? v >= s.maximum : v > s.maximum)) {
      this.push(out, p, 'maximum', `must be ${exMax === true ? '<' : '≤'} ${s.maximum} (got ${v})`);
    }
    if (typeof exMin === 'number' && v <= exMin)
      this.push(out, p, 'exclusiveMinimum', `must be > ${exMin} (got ${v})`);
    if (typeof exMax === 'number' && v >= exMax)
      this.push(out, p, 'exclusiveMaximum', `must be < ${exMax} (got ${v})`);
    if (typeof s.multipleOf === 'number' && s.multipleOf > 0 && !Number.isInteger(v / s.multipleOf)) {
      this.push(out, p, 'multipleOf', `must be a multiple of ${s.multipleOf} (got ${v})`);
    }
  }

  private checkArray(s: Json, v: unknown[], p: Path, out: SpecError[], depth: number): void {
    if (typeof s.minItems === 'number' && v.length < s.minItems) {
      this.push(out, p, 'minItems', `must have at least ${s.minItems} items (got ${v.length})`);
    }
    if (typeof s.maxItems === 'number' && v.length > s.maxItems) {
      this.push(out, p, 'maxItems', `must have at most ${s.maxItems} items (got ${v.length})`);
    }
    if (s.uniqueItems === true) {
      const texts = v.map(canonical);
      const dup = texts.findIndex((t, i) => texts.indexOf(t) !== i);
      if (dup >= 0)
        this.push(out, p, 'uniqueItems', `items must be unique ([${dup}] repeats an earlier item)`);
    }
    if (s.items !== undefined && !Array.isArray(s.items)) {
      for (const [i, item] of v.entries()) this.check(s.items, item, [...p, i], out, NO_SEEN, depth + 1);
    }
  }

  private checkObject(s: Json, v: Json, p: Path, out: SpecError[], depth: number): void {
    if (Array.isArray(s.required)) {
      for (const key of s.required) {
        if (typeof key === 'string' && !Object.hasOwn(v, key))
          this.push(out, [...p, key], 'required', 'is required');
      }
    }
    const keys = Object.keys(v);
    if (typeof s.minProperties === 'number' && keys.length < s.minProperties) {
      this.push(
        out,
        p,
        'minProperties',
        `must have at least ${s.minProperties} properties (got ${keys.length})`,
      );
    }
    if (typeof s.maxProperties === 'number' && keys.length > s.maxProperties) {
      this.push(
        out,
        p,
        'maxProperties',
        `must have at most ${s.maxProperties} properties (got ${keys.length})`,
      );
    }
    const props = isObject(s.properties) ? s.properties : undefined;
    const patterns = isObject(s.patternProperties) ? Object.entries(s.patternProperties) : [];
    for (const key of keys) {
      let known = false;
      if (props && Object.hasOwn(props, key)) {
        known = true;
        this.check(props[key], v[key], [...p, key], out, NO_SEEN, depth + 1);
      }
      for (const [pattern, sub] of patterns) {
        if (regexOf(pattern)?.test(key)) {
          known = true;
          this.check(sub, v[key], [...p, key], out, NO_SEEN, depth + 1);
        }
      }
      if (!known && s.additionalProperties !== undefined && s.additionalProperties !== true) {
        this.check(s.additionalProperties, v[key], [...p, key], out, NO_SEEN, depth + 1);
      }
    }
  }

  /** The `type` values of each member, when every object member has them (see unionTags). */
  private tagsOf(members: unknown[]): { member: unknown; values: unknown[] }[] | null {
    let tags = unionTags.get(members);
    if (tags !== undefined) return tags;
    tags = [];
    for (const raw of members) {
      const m = deref(this.spec, raw);
      if (isObject(m) && (m.type === 'null' || ('const' in m && m.const === null))) continue;
      const props = isObject(m) && isObject(m.properties) ? m.properties : undefined;
      const t = deref(this.spec, props?.type);
      const values = isObject(t)
        ? Array.isArray(t.enum)
          ? t.enum
          : 'const' in t
            ? [t.const]
            : undefined
        : undefined;
      if (!values) {
        tags = null;
        break;
      }
      tags.push({ member: raw, values });
    }
    if (tags && tags.length < 2) tags = null;
    unionTags.set(members, tags);
    return tags;
  }

  private union(
    members: unknown[],
    v: unknown,
    p: Path,
    out: SpecError[],
    seen: ReadonlySet<object>,
    depth: number,
  ): void {
    const resolved = members.map((m) => deref(this.spec, m));
    // A union of constants (Discord spells enums this way) reads as an enum.
    if (resolved.length > 0 && resolved.every((m) => isObject(m) && 'const' in m)) {
      const values = resolved.map((m) => (m as Json).const);
      if (!values.some((c) => same(c, v)))
        this.push(out, p, 'enum', `must be one of ${list(values)} (got ${show(v)})`);
      return;
    }
    let candidates = members;
    const tags = isObject(v) && 'type' in v ? this.tagsOf(members) : null;
    if (tags && isObject(v)) {
      const tag =
        this.spec.intStrings && typeof v.type === 'string' && INT_STRING.test(v.type)
          ? Number(v.type)
          : v.type;
      const hits = tags.filter((t) => t.values.some((x) => same(x, tag)));
      if (hits.length === 0) {
        const all = [...new Set(tags.flatMap((t) => t.values))];
        this.push(out, [...p, 'type'], 'union', `must be one of ${list(all)} (got ${show(v.type)})`);
        return;
      }
      candidates = hits.map((h) => h.member);
    }
    if (isObject(v) && candidates.length > 1) {
      // Untagged object members (Discord's execute-webhook body: a new message or an edit) overlap, and the
      // spec's objects allow unknown properties, so a member passes by ignoring a field it lacks. The members
      // that declare every field of the body are the ones that apply, when there are any.
      const keys = Object.keys(v);
      const covering = candidates.filter((m) => {
        const declared = this.declaredKeys(m);
        return declared === 'any' || (declared !== undefined && keys.every((k) => declared.has(k)));
      });
      if (covering.length > 0) candidates = covering;
    }
    let best: SpecError[] | undefined;
    let bestRank = Number.POSITIVE_INFINITY;
    const rootTypes: string[] = [];
    for (const member of candidates) {
      const trial: SpecError[] = [];
      this.check(member, v, p, trial, seen, depth + 1);
      if (trial.length === 0) return;
      const rootType = trial.find((e) => e.keyword === 'type' && e.path.length === p.length);
      if (rootType) rootTypes.push(rootType.message.replace(/^must be (.*) \(got .*\)$/, '$1'));
      // A member the value has the right JSON type for explains the failure best.
      const rank = (rootType ? 1_000_000 : 0) + trial.length;
      if (rank < bestRank) {
        best = trial;
        bestRank = rank;
      }
    }
    if (rootTypes.length === candidates.length) {
      this.push(out, p, 'type', `must be ${[...new Set(rootTypes)].join(' or ')} (got ${jsonType(v)})`);
    } else if (best) out.push(...best);
  }

  /**
   * The property names an object member declares (through $ref and allOf); 'any' when it takes any name
   * (patternProperties, an additionalProperties schema), undefined when it is no object schema.
   */
  private declaredKeys(member: unknown, depth = 0): Set<string> | 'any' | undefined {
    const cached = declared.get(member as object);
    if (cached !== undefined || depth > 20) return cached ?? undefined;
    const m = deref(this.spec, member);
    let out: Set<string> | 'any' | undefined;
    if (isObject(m)) {
      const types = typeof m.type === 'string' ? [m.type] : Array.isArray(m.type) ? m.type : [];
      const keys = new Set<string>(isObject(m.properties) ? Object.keys(m.properties) : []);
      if (isObject(m.patternProperties) || isObject(m.additionalProperties)) out = 'any';
      else {
        let object = types.includes('object') || keys.size > 0;
        for (const sub of Array.isArray(m.allOf) ? m.allOf : []) {
          const inner = this.declaredKeys(sub, depth + 1);
          if (inner === 'any') return 'any';
          if (inner) {
            object = true;
            for (const k of inner) keys.add(k);
          }
        }
        out = object ? keys : undefined;
      }
    }
    if (isObject(member) && out !== undefined) declared.set(member, out);
    return out;
  }

  /** OpenAPI 3.0 discriminator: check the subtype its `mapping` names for the value's tag. */
  private discriminate(
    s: Json,
    v: Json,
    p: Path,
    out: SpecError[],
    seen: ReadonlySet<object>,
    depth: number,
  ): void {
    const d = s.discriminator as Json;
    const prop = typeof d.propertyName === 'string' ? d.propertyName : 'type';
    const mapping = isObject(d.mapping) ? d.mapping : {};
    const tag = v[prop];
    const target = typeof tag === 'string' && Object.hasOwn(mapping, tag) ? mapping[tag] : undefined;
    if (typeof target !== 'string') {
      const message =
        tag === undefined
          ? `is required (one of ${list(Object.keys(mapping))})`
          : `must be one of ${list(Object.keys(mapping))} (got ${show(tag)})`;
      this.push(out, [...p, prop], 'discriminator', message);
      return;
    }
    this.check({ $ref: target }, v, p, out, new Set([...seen, s]), depth + 1);
  }
}

/** Drops repeated errors (a LINE subtype re-applies its base schema). */
function unique(errors: SpecError[]): SpecError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.pointer}\u0000${e.keyword}\u0000${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The errors of `value` against `schema` (whose $refs point into `spec`), each once. */
export function validateWith(spec: SchemaDoc, schema: unknown, value: unknown): SpecError[] {
  const v = new Validator(spec);
  v.check(schema, value, [], v.errors, NO_SEEN);
  return unique(v.errors);
}
