/**
 * The shape of every platform id the bot accepts, written once: the adapters' inbound schemas use
 * these patterns at the edge, and the core checks an identity again before it looks a user up or
 * registers one, so an id that is not a platform's (`""`, `"42"`, `"[object Object]"`, an object) can
 * never become a user (README, "Inbound checks").
 *
 * - LINE: user ids are `U` + 32 lower-case hex digits; groups `C…`, rooms `R…` (Messaging API
 *   reference, "Source user / group chat / multi-person chat").
 * - Slack: upper-case alphanumerics with a type letter: workspaces `T` (Enterprise Grid `E`), users
 *   `U` or `W`, channels `C`, private channels and group DMs `G`, DMs `D` (api.slack.com, "Slack
 *   identifiers"). Their length is not fixed, so only the alphabet and the first letter are checked.
 * - Discord: snowflakes, decimal 64-bit integers; any real one has at least 17 digits (its first 42
 *   bits are milliseconds since 2015), so `"42"` is not a user (discord.com/developers, "Snowflakes").
 * - Console: the name typed at the prompt, on the operator's own machine.
 */

export const LINE_USER_ID = /^U[0-9a-f]{32}$/;
export const LINE_GROUP_ID = /^C[0-9a-f]{32}$/;
export const LINE_ROOM_ID = /^R[0-9a-f]{32}$/;

export const SLACK_TEAM_ID = /^[TE][A-Z0-9]{1,31}$/;
export const SLACK_USER_ID = /^[UW][A-Z0-9]{1,31}$/;
export const SLACK_CHANNEL_ID = /^[CDG][A-Z0-9]{1,31}$/;
/** Message timestamps, which are also message ids: `1700000000.000100`. */
export const SLACK_TS = /^\d{1,12}\.\d{1,8}$/;

const MAX_SNOWFLAKE = 2n ** 64n - 1n;
const SNOWFLAKE_DIGITS = /^[1-9]\d{16,19}$/;
export function isSnowflake(value: unknown): value is string {
  return typeof value === 'string' && SNOWFLAKE_DIGITS.test(value) && BigInt(value) <= MAX_SNOWFLAKE;
}

/** Console names: printable, one line, as long as a display name may be. */
const CONSOLE_NAME = /^[^\p{Cc}\p{Cs}]{1,100}$/u;

/** Event ids used for dedupe: printable ASCII, short (every platform's fits). */
export const EVENT_ID = /^[\x21-\x7e]{1,200}$/;

/** Whether `key` is an identity the platform could have sent (types included: only strings pass). */
export function isPlatformIdentity(key: {
  platform: unknown;
  workspace: unknown;
  externalId: unknown;
}): boolean {
  const { platform, workspace, externalId } = key;
  if (typeof workspace !== 'string' || typeof externalId !== 'string') return false;
  switch (platform) {
    case 'line':
      return workspace === '' && LINE_USER_ID.test(externalId);
    case 'slack':
      return SLACK_TEAM_ID.test(workspace) && SLACK_USER_ID.test(externalId);
    case 'discord':
      return workspace === '' && isSnowflake(externalId);
    case 'console':
      return CONSOLE_NAME.test(workspace) && CONSOLE_NAME.test(externalId);
    default:
      return false;
  }
}

export function isEventId(value: unknown): value is string {
  return typeof value === 'string' && EVENT_ID.test(value);
}
