/**
 * Checks request bodies against the platforms' own API descriptions, for the fake platform servers:
 * Discord's OpenAPI 3.1 (https://github.com/discord/discord-api-spec), LINE's OpenAPI 3.0
 * (https://github.com/line/line-openapi) and Slack's Swagger 2.0 (https://github.com/slackapi/slack-api-specs).
 * The specs are read in place from `$PLATFORM_SPECS_DIR`, else `<repository>/../shared/platform-specs`
 * (`discord/openapi.json`, `line/messaging-api.yml`, `slack/slack_web_openapi_v2_without_examples.json`).
 * Where that folder or a spec is missing, nothing is checked: every function answers no errors.
 *
 * Each spec is loaded once per process, on first use. Its schemas are interpreted by ./json-schema.ts (no code
 * generation), with the JSON Schema keywords the three specs use and these readings of their quirks:
 * - Discord: a string that parses as an integer is accepted where the spec says `integer` (its README:
 *   "Our API accepts strings for int fields if they are parseable as ints").
 * - A union (`oneOf`/`anyOf`) whose object members each carry one `type` value (Discord's components,
 *   interaction callbacks) is dispatched on `type`, so an error names the member that applies and an
 *   unknown `type` fails. `oneOf` is read as "at least one": the generated members overlap (objects whose
 *   properties are all optional), and the APIs take a body that fits any of them. Among untagged object
 *   members, those that declare every field of the body are tried first (no object of these specs forbids
 *   unknown properties, so a member would otherwise pass by ignoring a field it lacks).
 * - LINE: OpenAPI 3.0 `discriminator` + `mapping` on a base schema (`Message`, `Action`, `FlexComponent`…)
 *   is expanded: the body is checked against the subtype its `type` names, and an unknown or missing
 *   `type` fails; `nullable: true` allows null.
 * - `format` is not checked: it is an annotation in JSON Schema 2020-12, and LINE's spec has a pattern
 *   put in a `format`.
 * - Slack: its arguments are formData/query parameters, nearly all typed string, and the spec is from
 *   2020; only required arguments and boolean/number types are checked, never unknown names (newer
 *   arguments such as `metadata` or `team_id` are missing from it), and any verb matches (the Web API
 *   takes GET or POST for every method).
 */

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import {
  deref,
  INT_STRING,
  isObject,
  pointerOf,
  type SchemaDoc,
  type SpecError,
  show,
  validateWith,
} from './json-schema.ts';

export type { SpecError } from './json-schema.ts';

export type PlatformSpec = 'discord' | 'line' | 'slack';

const FILES: Record<PlatformSpec, string> = {
  discord: 'discord/openapi.json',
  line: 'line/messaging-api.yml',
  slack: 'slack/slack_web_openapi_v2_without_examples.json',
};

type Json = Record<string, unknown>;

interface Operation {
  method: string;
  template: string;
  regex: RegExp;
  /** Path segments that are not `{parameters}`: a literal match wins over a template. */
  literals: number;
  op: Json;
  item: Json;
}

interface Loaded extends SchemaDoc {
  swagger2: boolean;
  basePath: string;
  operations: Operation[];
}

/** The folder the specs are read from: $PLATFORM_SPECS_DIR, else <repository root>/../shared/platform-specs. */
export function specsDir(): string {
  const fromEnv = process.env.PLATFORM_SPECS_DIR;
  if (fromEnv) return path.resolve(fromEnv);
  const root = fileURLToPath(new URL('../../', import.meta.url));
  return path.resolve(root, '..', 'shared', 'platform-specs');
}

const cache = new Map<string, Loaded | null>();

function load(spec: PlatformSpec): Loaded | null {
  const file = path.join(specsDir(), FILES[spec]);
  const cached = cache.get(file);
  if (cached !== undefined) return cached;
  let loaded: Loaded | null = null;
  if (existsSync(file)) {
    const text = readFileSync(file, 'utf8');
    const doc = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
    if (!isObject(doc)) throw new Error(`${file}: not an API description`);
    const operations: Operation[] = [];
    for (const [template, item] of Object.entries(isObject(doc.paths) ? doc.paths : {})) {
      if (!isObject(item)) continue;
      const segments = template.split('/');
      const pattern = segments
        .map((s) => (/^\{[^}]+\}$/.test(s) ? '([^/]+)' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
        .join('/');
      const literals = segments.filter((s) => s !== '' && !s.startsWith('{')).length;
      for (const [method, op] of Object.entries(item)) {
        if (method === 'parameters' || !isObject(op)) continue;
        operations.push({
          method: method.toUpperCase(),
          template,
          regex: new RegExp(`^${pattern}$`),
          literals,
          op,
          item,
        });
      }
    }
    operations.sort((a, b) => b.literals - a.literals);
    loaded = {
      doc,
      swagger2: doc.swagger === '2.0',
      basePath: typeof doc.basePath === 'string' ? doc.basePath : '',
      intStrings: spec === 'discord',
      operations,
      refs: new Map(),
    };
  }
  cache.set(file, loaded);
  return loaded;
}

/** Whether the spec can be read (the shared folder is there), so checks are made. */
export function specAvailable(spec: PlatformSpec): boolean {
  return load(spec) !== null;
}

/** The operation a request goes to, e.g. ('POST', '/channels/123/messages') → `/channels/{channel_id}/messages`. */
function findOperation(spec: Loaded, method: string, urlPath: string): Operation | undefined {
  const p =
    spec.basePath && urlPath.startsWith(`${spec.basePath}/`) ? urlPath.slice(spec.basePath.length) : urlPath;
  const m = method.toUpperCase();
  const matches = spec.operations.filter((o) => o.regex.test(p));
  // Slack's spec gives each method one verb, but the Web API takes GET or POST for all of them.
  return matches.find((o) => o.method === m) ?? (spec.swagger2 ? matches[0] : undefined);
}

/** The path template of the operation a request goes to (undefined when the spec lacks it or is absent). */
export function operationTemplate(spec: PlatformSpec, method: string, urlPath: string): string | undefined {
  const loaded = load(spec);
  return loaded ? findOperation(loaded, method, urlPath)?.template : undefined;
}

/** Slack (Swagger 2.0): required arguments present, boolean and number arguments of that type. */
function validateParameters(spec: Loaded, operation: Operation, args: unknown): SpecError[] {
  const errors: SpecError[] = [];
  const fields = isObject(args) ? args : {};
  const params = [
    ...(Array.isArray(operation.item.parameters) ? operation.item.parameters : []),
    ...(Array.isArray(operation.op.parameters) ? operation.op.parameters : []),
  ];
  for (const raw of params) {
    const param = deref(spec, raw);
    if (!isObject(param) || typeof param.name !== 'string') continue;
    // The token is the fake's own auth check (Slack takes it as a Bearer header or a `token` argument).
    if (param.in === 'header' || param.in === 'path' || param.name === 'token') continue;
    const p = [param.name];
    const v = fields[param.name];
    if (v === undefined || v === null || v === '') {
      if (param.required === true)
        errors.push({ path: p, pointer: pointerOf(p), keyword: 'required', message: 'is required' });
      continue;
    }
    // Form values are strings; a JSON body sends real booleans and numbers. `string` arguments take anything:
    // Block Kit arrives decoded, and numbers pass as strings.
    const ok =
      param.type === 'boolean'
        ? typeof v === 'boolean' ||
          v === 0 ||
          v === 1 ||
          (typeof v === 'string' && /^(true|false|0|1)$/.test(v))
        : param.type === 'integer'
          ? (typeof v === 'number' && Number.isInteger(v)) ||
            (typeof v === 'string' && INT_STRING.test(v.trim()))
          : param.type === 'number'
            ? (typeof v === 'number' && Number.isFinite(v)) ||
              (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)))
            : true;
    if (!ok) {
      errors.push({
        path: p,
        pointer: pointerOf(p),
        keyword: 'type',
        message: `must be ${param.type} (got ${show(v)})`,
      });
    }
  }
  return errors;
}

/**
 * Errors of a request body against the operation for `method` + `urlPath` (e.g. 'POST',
 * '/channels/123/messages'; Slack: '/chat.postMessage' or '/api/chat.postMessage', with the arguments as the
 * body). JSON bodies are checked against the operation's `application/json` schema (pass a multipart body's
 * `payload_json`). No errors when the spec is absent, lacks the operation, or the operation takes no body.
 */
export function validateRequest(
  spec: PlatformSpec,
  method: string,
  urlPath: string,
  body: unknown,
): SpecError[] {
  const loaded = load(spec);
  if (!loaded) return [];
  const operation = findOperation(loaded, method, urlPath);
  if (!operation) return [];
  if (loaded.swagger2) return validateParameters(loaded, operation, body);
  const requestBody = deref(loaded, operation.op.requestBody);
  if (!isObject(requestBody) || !isObject(requestBody.content)) return [];
  const content = requestBody.content;
  const media =
    content['application/json'] ??
    Object.entries(content).find(([type]) => type.includes('json'))?.[1] ??
    content['multipart/form-data'];
  if (!isObject(media) || media.schema === undefined) return [];
  if (body === undefined || body === null) {
    return requestBody.required === true
      ? [{ path: [], pointer: '', keyword: 'required', message: 'a body is required' }]
      : [];
  }
  return validateWith(loaded, media.schema, body);
}

/**
 * Errors of `value` against a named component schema (`#/components/schemas/<name>`, Swagger 2.0:
 * `#/definitions/<name>`). No errors when the spec is absent; an unknown name throws.
 */
export function validateSchema(spec: PlatformSpec, name: string, value: unknown): SpecError[] {
  const loaded = load(spec);
  if (!loaded) return [];
  const ref = loaded.swagger2 ? `#/definitions/${name}` : `#/components/schemas/${name}`;
  return validateWith(loaded, { $ref: ref }, value);
}

/** One line per error: `/components/0/type: must be one of (1) (got 99)`. */
export function describeSpecErrors(errors: SpecError[]): string[] {
  return errors.map((e) => `${e.pointer || '(body)'}: ${e.message}`);
}
