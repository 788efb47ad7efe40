/**
 * The one place that reads the environment. Every variable of docs/architecture.md §3.1 is parsed here,
 * once, into a typed and frozen object; the rest of the code receives `Config` as a parameter.
 */
import path from 'node:path';
import { z } from 'zod';
import { parseKey } from './crypto/secret-box.ts';

import { ROLES, type Role } from './domain/roles.ts';
import {
  type DeskSettings,
  deskSettings,
  parseClosedDays,
  parseDeskHours,
  parseUrgentPhones,
} from './domain/support/calendar.ts';
import { AppError } from './errors.ts';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Thrown when the environment is invalid; its message names the variable and is safe to print. */
export class ConfigError extends AppError {
  constructor(message: string) {
    super('config_invalid', message);
  }
}

/** Empty strings count as "not set" (a blank line in `.env` must not become a value). */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

const postgresUrl = z.string().refine(
  (v) => {
    try {
      const u = new URL(v);
      return (u.protocol === 'postgres:' || u.protocol === 'postgresql:') && u.hostname !== '';
    } catch {
      return false;
    }
  },
  { error: 'must be a URL like postgres://user:password@host:5432/database' },
);

const redisUrl = z.string().refine(
  (v) => {
    try {
      const u = new URL(v);
      return (u.protocol === 'redis:' || u.protocol === 'rediss:') && u.hostname !== '';
    } catch {
      return false;
    }
  },
  { error: 'must be a URL like redis://host:6379' },
);

const timeZone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { error: 'must be an IANA time zone such as Asia/Tokyo' },
);

/** A value one of the desk parsers reads (src/domain/support/calendar.ts); its message says what is wrong. */
const parsedBy = (parse: (text: string) => unknown) =>
  z.string().superRefine((value, ctx) => {
    try {
      parse(value);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: (err as Error).message });
    }
  });

const envSchema = z.object({
  PORT: optional(
    z.coerce
      .number({ error: 'must be a whole number from 0 to 65535' })
      .int({ error: 'must be a whole number from 0 to 65535' })
      .min(0, { error: 'must be a whole number from 0 to 65535' })
      .max(65535, { error: 'must be a whole number from 0 to 65535' }),
  ),
  HOST: optional(z.string()),
  DATABASE_URL: optional(postgresUrl),
  DATA_DIR: optional(z.string()),
  REDIS_URL: optional(redisUrl),
  QUEUE_PREFIX: optional(
    z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, { error: 'must be 1 to 40 letters, digits, - or _' }),
  ),
  ROLE: optional(z.enum(['web', 'worker', 'all'], { error: 'must be one of web, worker, all' })),
  SLACK_SIGNING_SECRET: optional(z.string()),
  SLACK_BOT_TOKEN: optional(z.string()),
  SLACK_APP_TOKEN: optional(z.string()),
  SLACK_SUPPORT_CHANNEL: optional(z.string()),
  LINE_CHANNEL_SECRET: optional(z.string()),
  LINE_CHANNEL_ACCESS_TOKEN: optional(z.string()),
  DISCORD_PUBLIC_KEY: optional(z.string().regex(/^[0-9a-fA-F]{64}$/, { error: 'must be 64 hex characters' })),
  DISCORD_APPLICATION_ID: optional(z.string().regex(/^\d{5,25}$/, { error: 'must be a numeric snowflake' })),
  DISCORD_BOT_TOKEN: optional(z.string()),
  SLACK_API_URL: optional(httpUrl),
  LINE_API_URL: optional(httpUrl),
  LINE_DATA_API_URL: optional(httpUrl),
  DISCORD_API_URL: optional(httpUrl),
  DISCORD_GATEWAY: optional(z.enum(['on', 'off'], { error: 'must be on or off' })),
  DISCORD_MESSAGE_CONTENT: optional(z.enum(['on', 'off'], { error: 'must be on or off' })),
  DISCORD_COMPONENTS_V2: optional(z.enum(['on', 'off'], { error: 'must be on or off' })),
  // Not `optional()`: an empty value is meaningful here (invitation only).
  OPEN_SIGNUP_ROLE: z
    .enum([...ROLES, ''], { error: `must be one of ${ROLES.join(', ')} or empty (invitation only)` })
    .optional(),
  BUSINESS_TZ: optional(timeZone),
  DESK_HOURS: optional(parsedBy(parseDeskHours)),
  DESK_CLOSED_DAYS: optional(parsedBy(parseClosedDays)),
  DESK_URGENT_PHONES: optional(parsedBy(parseUrgentPhones)),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` })),
  DATA_ENCRYPTION_KEY: optional(
    z
      .string()
      .refine((v) => parseKey(v) !== null, { error: 'must be 64 hex characters or base64 of 32 bytes' }),
  ),
  PUBLIC_URL: optional(httpUrl),
  CONTENT_DIR: optional(z.string()),
  OPERATOR_NAME: optional(z.string().trim().max(200, { error: 'must be at most 200 characters' })),
  MAX_UPLOAD_MB: optional(
    z.coerce
      .number({ error: 'must be a number of megabytes from 1 to 100' })
      .min(1, { error: 'must be a number of megabytes from 1 to 100' })
      .max(100, { error: 'must be a number of megabytes from 1 to 100' }),
  ),
  FILES_URL: optional(
    z.string().regex(/^(s3:\/\/[^/\s]+(\/\S*)?|file:\/\/\/\S+)$/, {
      error: 'must be s3://bucket[/prefix] or file:///absolute/path',
    }),
  ),
});

export interface PlatformStatus {
  enabled: boolean;
  /** Why it is disabled (names the missing variables); empty when enabled. */
  missing: readonly string[];
}

export interface Config {
  readonly port: number;
  readonly host: string;
  /** Set: that PostgreSQL. Unset: the embedded PostgreSQL server under `dataDir`. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly redisUrl: string | undefined;
  /** BullMQ key prefix on Redis (default BullMQ's `bull`): lets deployments share one Redis. */
  readonly queuePrefix: string | undefined;
  readonly role: 'web' | 'worker' | 'all';
  readonly openSignupRole: Role | null;
  readonly businessTimeZone: string;
  /** The support desk's calendar and urgent numbers (DESK_HOURS, DESK_CLOSED_DAYS, DESK_URGENT_PHONES). */
  readonly desk: DeskSettings;
  /** Key for fields encrypted at rest; unset = generated into DATA_DIR/encryption.key. */
  readonly dataEncryptionKey: Buffer | undefined;
  /** The app's address as people reach it (https in production): the base of download links. */
  readonly publicUrl: string | undefined;
  /** Largest file a person may send, in bytes (`MAX_UPLOAD_MB`, default 25). */
  readonly maxUploadBytes: number;
  /** Where files are kept: unset = DATA_DIR/files; `s3://bucket/prefix`; `file:///path`. */
  readonly filesUrl: string | undefined;
  /** Where FAQ, terms and privacy texts are read from (`<name>.<ja|en>.md`); unset = the repository's `content/`. */
  readonly contentDir: string | undefined;
  /**
   * The business that orders the work staff post (発注事業者), named in every order's terms
   * (docs/domain.md §1.4); unset: the posting staff member's company, else "the operator".
   */
  readonly operatorName: string | undefined;
  /** The AWS_* and S3_* variables an `s3://` FILES_URL is used with (region, endpoint, keys). */
  readonly filesEnv: Readonly<Record<string, string | undefined>>;
  /** Unset: each entry point picks its own default (server `info`, console chat `warn`). */
  readonly logLevel: LogLevel | undefined;
  readonly slack: {
    readonly signingSecret: string | undefined;
    readonly botToken: string | undefined;
    readonly appToken: string | undefined;
    readonly supportChannel: string | undefined;
    readonly apiUrl: string;
    readonly status: PlatformStatus;
  };
  readonly line: {
    readonly channelSecret: string | undefined;
    readonly channelAccessToken: string | undefined;
    readonly apiUrl: string;
    readonly dataApiUrl: string;
    readonly status: PlatformStatus;
  };
  readonly discord: {
    readonly publicKey: string | undefined;
    readonly applicationId: string | undefined;
    readonly botToken: string | undefined;
    readonly apiUrl: string;
    /**
     * Whether the web process (ROLE=web or all) holds a Gateway connection for plain messages to the bot:
     * on when DISCORD_BOT_TOKEN is set, unless DISCORD_GATEWAY=off.
     */
    readonly gateway: boolean;
    /**
     * DISCORD_MESSAGE_CONTENT=on: the Gateway also asks for the privileged MESSAGE_CONTENT intent (to be
     * switched on in the Developer Portal), so members can answer in team threads without mentioning the bot.
     */
    readonly messageContent: boolean;
    /** Components V2 layout for cards and lists with buttons (adapters/discord/render.ts), unless DISCORD_COMPONENTS_V2=off. */
    readonly componentsV2: boolean;
    readonly status: PlatformStatus;
  };
}

function status(vars: Record<string, string | undefined>): PlatformStatus {
  const missing = Object.entries(vars)
    .filter(([, v]) => v === undefined)
    .map(([k]) => k);
  return { enabled: missing.length === 0, missing };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * Parses the environment. Throws `ConfigError` whose message is one line naming the first bad
 * variable, e.g. `PORT=abc is invalid: must be a whole number from 0 to 65535`.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    const raw = env[name];
    const shown = raw === undefined ? '' : `=${redact(name, raw)}`;
    throw new ConfigError(`${name}${shown} is invalid: ${issue?.message ?? 'bad value'}`);
  }
  const e = parsed.data;
  const openSignup = e.OPEN_SIGNUP_ROLE === undefined ? 'worker' : e.OPEN_SIGNUP_ROLE;
  const config: Config = {
    port: e.PORT ?? 3000,
    host: e.HOST ?? '0.0.0.0',
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR ?? '.data'),
    redisUrl: e.REDIS_URL,
    queuePrefix: e.QUEUE_PREFIX,
    role: e.ROLE ?? 'all',
    openSignupRole: openSignup === '' ? null : openSignup,
    businessTimeZone: e.BUSINESS_TZ ?? 'Asia/Tokyo',
    desk: deskSettings(
      { hours: e.DESK_HOURS, closedDays: e.DESK_CLOSED_DAYS, urgentPhones: e.DESK_URGENT_PHONES },
      e.BUSINESS_TZ ?? 'Asia/Tokyo',
    ),
    dataEncryptionKey: e.DATA_ENCRYPTION_KEY ? (parseKey(e.DATA_ENCRYPTION_KEY) ?? undefined) : undefined,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    maxUploadBytes: Math.round((e.MAX_UPLOAD_MB ?? 25) * 1024 * 1024),
    filesUrl: e.FILES_URL,
    contentDir: e.CONTENT_DIR ? path.resolve(e.CONTENT_DIR) : undefined,
    operatorName: e.OPERATOR_NAME || undefined,
    filesEnv: Object.fromEntries(Object.entries(env).filter(([k]) => /^(AWS_|S3_)/.test(k))),
    logLevel: e.LOG_LEVEL,
    slack: {
      signingSecret: e.SLACK_SIGNING_SECRET,
      botToken: e.SLACK_BOT_TOKEN,
      appToken: e.SLACK_APP_TOKEN,
      supportChannel: e.SLACK_SUPPORT_CHANNEL,
      apiUrl: e.SLACK_API_URL ?? 'https://slack.com/api/',
      status: status({ SLACK_SIGNING_SECRET: e.SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN: e.SLACK_BOT_TOKEN }),
    },
    line: {
      channelSecret: e.LINE_CHANNEL_SECRET,
      channelAccessToken: e.LINE_CHANNEL_ACCESS_TOKEN,
      apiUrl: e.LINE_API_URL ?? 'https://api.line.me',
      dataApiUrl: e.LINE_DATA_API_URL ?? 'https://api-data.line.me',
      status: status({
        LINE_CHANNEL_SECRET: e.LINE_CHANNEL_SECRET,
        LINE_CHANNEL_ACCESS_TOKEN: e.LINE_CHANNEL_ACCESS_TOKEN,
      }),
    },
    discord: {
      publicKey: e.DISCORD_PUBLIC_KEY,
      applicationId: e.DISCORD_APPLICATION_ID,
      botToken: e.DISCORD_BOT_TOKEN,
      apiUrl: e.DISCORD_API_URL ?? 'https://discord.com/api',
      gateway: e.DISCORD_BOT_TOKEN !== undefined && e.DISCORD_GATEWAY !== 'off',
      messageContent: e.DISCORD_MESSAGE_CONTENT === 'on',
      componentsV2: e.DISCORD_COMPONENTS_V2 !== 'off',
      status: status({
        DISCORD_PUBLIC_KEY: e.DISCORD_PUBLIC_KEY,
        DISCORD_APPLICATION_ID: e.DISCORD_APPLICATION_ID,
        DISCORD_BOT_TOKEN: e.DISCORD_BOT_TOKEN,
      }),
    },
  };
  return deepFreeze(config);
}

const SECRET_NAME = /SECRET|TOKEN|KEY/;

/** Never echo secrets or URL passwords back in an error line. */
export function redact(name: string, value: string): string {
  if (SECRET_NAME.test(name)) return '***';
  return redactUrl(value);
}

/** `postgres://user:pw@host/db` → `postgres://user:***@host/db`; non-URLs pass through, cut short. */
export function redactUrl(value: string): string {
  try {
    const u = new URL(value);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return value.length > 60 ? `${value.slice(0, 57)}...` : value;
  }
}
