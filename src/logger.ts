/**
 * Structured logs (pino). Secrets are redacted by path; callers log ids (platform, event id, user id,
 * job id), never message bodies, tokens or bank details.
 */
import { type Logger, pino } from 'pino';

export type { Logger };

export interface LoggerOptions {
  level: string;
  /** File descriptor to write to: 1 = stdout (server), 2 = stderr (console chat keeps stdout clean). */
  fd?: 1 | 2;
}

export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level,
      base: { pid: process.pid },
      redact: {
        paths: [
          '*.token',
          '*.secret',
          '*.password',
          '*.authorization',
          'headers.authorization',
          '*.accountNumber',
        ],
        censor: '***',
      },
    },
    pino.destination({ fd: options.fd ?? 1, sync: false }),
  );
}
