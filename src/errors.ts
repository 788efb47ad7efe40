/**
 * Typed errors. Every error the code raises on purpose carries a string `code`.
 * - `UserError`: the user did something we can explain; shown translated, never logged as a bug.
 * - anything else reaching the router is a bug: logged with a reference id, the user gets an apology.
 */
import type { MessageKey, MessageParams } from './i18n/index.ts';

export class AppError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** An error whose message is a catalog key, rendered in the user's language. */
export class UserError<K extends MessageKey = MessageKey> extends AppError {
  readonly key: K;
  readonly params: MessageParams<K>;
  constructor(key: K, ...params: MessageParams<K> extends undefined ? [] : [MessageParams<K>]) {
    super(key, key);
    this.key = key;
    this.params = params[0] as MessageParams<K>;
  }
}

/** Start-up failed for a reason the operator can fix; `message` is one printable line. */
export class StartupError extends AppError {
  constructor(message: string, options?: ErrorOptions) {
    super('startup_failed', message, options);
  }
}
