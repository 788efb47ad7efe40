/**
 * Message catalog. `ja` is the default and defines the keys; `en` must have every key with the same
 * placeholders, which the types below check at compile time (a missing or renamed `{param}` fails
 * `npm run typecheck`). A test checks the same at run time.
 */
import { en } from './en.ts';
import { ja } from './ja.ts';

export const LOCALES = ['ja', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'ja';

export type MessageKey = keyof typeof ja;

/** Placeholder names of a template: `'{a} and {b}'` → `'a' | 'b'`. */
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | Placeholders<Rest>
  : never;

export type MessageParams<K extends MessageKey> = [Placeholders<(typeof ja)[K]>] extends [never]
  ? undefined
  : Record<Placeholders<(typeof ja)[K]>, string | number>;

/** The shape `en` must satisfy: same keys, and each value must mention the same placeholders. */
export type Catalog = { readonly [K in MessageKey]: TemplateWith<Placeholders<(typeof ja)[K]>> };
type TemplateWith<P extends string> = [P] extends [never] ? string : `${string}{${P}}${string}`;

const catalogs: Record<Locale, Record<MessageKey, string>> = { ja, en };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Translate `key` into `locale`, filling `{placeholders}` from `params`. */
export function t<K extends MessageKey>(
  locale: Locale,
  key: K,
  ...params: MessageParams<K> extends undefined ? [] : [MessageParams<K>]
): string {
  return translateRaw(locale, key, params[0]);
}

/**
 * `t` without the compile-time parameter check, for keys carried at run time (e.g. a `UserError`).
 * A parameter written `@some.key` is itself translated, so locale-free code (domain services) can
 * pass labels such as `{ status: '@application.status.working' }`.
 */
export function translateRaw(
  locale: Locale,
  key: MessageKey,
  values?: Record<string, string | number>,
): string {
  const catalog = catalogs[locale];
  const template = catalog[key];
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in values)) return whole;
    const value = values[name];
    if (typeof value === 'string' && value.startsWith('@') && value.slice(1) in catalog) {
      return catalog[value.slice(1) as MessageKey];
    }
    return String(value);
  });
}

/** A translator bound to one locale, handed to commands. */
export type Translator = <K extends MessageKey>(
  key: K,
  ...params: MessageParams<K> extends undefined ? [] : [MessageParams<K>]
) => string;

export function translator(locale: Locale): Translator {
  return (key, ...params) => t(locale, key, ...params);
}

export { catalogs as _catalogsForTests };
