/**
 * A Bolt `Receiver` on the app's shared HTTP server (`POST /slack/events`) instead of Bolt's own.
 * Every request is verified with Bolt's `isValidSlackRequest` on the raw body first (signature and a
 * timestamp within 5 minutes, docs/platforms.md §2.1): anything else is 401 and never reaches a listener.
 * The HTTP answer is whatever the listener passes to `ack()`; listeners ack first and work after,
 * and if none has acked within 2.5 s the request is answered anyway, inside Slack's 3 s.
 */
import type { App, Logger as BoltLogger, Receiver, ReceiverEvent } from '@slack/bolt';
import { isValidSlackRequest, LogLevel } from '@slack/bolt';
import type { HttpRequest, HttpResponse, RouteHandler } from '../../src/http/server.ts';
import { utf8 } from '../../src/http/utf8.ts';
import type { Logger } from '../../src/logger.ts';
import { checkSlackBody, urlVerification } from './inbound.ts';

export interface SharedReceiverOptions {
  signingSecret: string;
  logger: Logger;
  clock: () => Date;
  /** Answer without the listener's ack after this long (default 2,500 ms). */
  ackTimeoutMs?: number;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** The body as an object: JSON (Events API) or a form (commands; interactivity's one `payload` field). */
function parseBody(req: HttpRequest): { body: Record<string, unknown>; transport: 'json' | 'form' } | null {
  const raw = utf8(req.rawBody);
  if (raw === null) return null;
  const type = String(req.headers['content-type'] ?? '');
  try {
    if (type.includes('application/json')) {
      const parsed: unknown = JSON.parse(raw);
      return isRecord(parsed) ? { body: parsed, transport: 'json' } : null;
    }
    const form = new URLSearchParams(raw);
    // Interactivity (buttons, modals) arrives as one form field holding JSON.
    const payload = form.get('payload');
    if (payload !== null) {
      const parsed: unknown = JSON.parse(payload);
      return isRecord(parsed) ? { body: parsed, transport: 'form' } : null;
    }
    return { body: Object.fromEntries(form), transport: 'form' };
  } catch {
    return null;
  }
}

function toResponse(response: unknown): HttpResponse {
  if (response === undefined || response === null || response === '') return { status: 200, body: '' };
  if (typeof response === 'string') return { status: 200, body: response };
  return { status: 200, body: response as object };
}

export class SharedHttpReceiver implements Receiver {
  private app: App | undefined;
  private readonly options: SharedReceiverOptions;

  constructor(options: SharedReceiverOptions) {
    this.options = options;
  }

  init(app: App): void {
    this.app = app;
  }

  start(): Promise<void> {
    return Promise.resolve();
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }

  handler(): RouteHandler {
    return async (req) => {
      const { logger, clock } = this.options;
      const signature = req.headers['x-slack-signature'];
      const timestamp = Number(req.headers['x-slack-request-timestamp']);
      if (
        typeof signature !== 'string' ||
        !Number.isFinite(timestamp) ||
        !isValidSlackRequest({
          signingSecret: this.options.signingSecret,
          body: req.rawBody.toString('utf8'),
          headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
          nowMilliseconds: clock().getTime(),
        })
      ) {
        logger.warn('Slack request with a bad signature or a stale timestamp refused');
        return { status: 401, body: { error: 'invalid signature' } };
      }
      const parsed = parseBody(req);
      if (!parsed) {
        logger.warn('Slack request whose body is not UTF-8 JSON or a form ignored');
        return { status: 400, body: { error: 'unreadable body' } };
      }
      const { body, transport } = parsed;
      // The Events API's handshake when the request URL is saved.
      if (body.type === 'url_verification') {
        const handshake = urlVerification.safeParse(body);
        return handshake.success
          ? { status: 200, body: { challenge: handshake.data.challenge } }
          : { status: 400, body: { error: 'no challenge' } };
      }
      if (body.ssl_check !== undefined) return { status: 200, body: '' };
      // Checked before Bolt sees it (inbound.ts): nothing of a body that does not fit is processed.
      const verdict = checkSlackBody(body, transport);
      if (!verdict.ok) {
        const fields = { eventId: verdict.id, reason: verdict.reason };
        if (verdict.quiet) logger.debug(fields, 'Slack request acknowledged, nothing to do');
        else logger.warn(fields, 'Slack request that does not fit its schema ignored');
        return { status: verdict.status, body: verdict.status === 200 ? '' : { error: verdict.reason } };
      }
      const app = this.app;
      if (!app) return { status: 503, body: { error: 'not ready' } };

      const retryNum = Number(req.headers['x-slack-retry-num']);
      const retryReason = req.headers['x-slack-retry-reason'];
      return new Promise<HttpResponse>((resolve) => {
        let answered = false;
        const answer = (response: HttpResponse) => {
          if (answered) return;
          answered = true;
          clearTimeout(timer);
          resolve(response);
        };
        const timer = setTimeout(() => answer({ status: 200, body: '' }), this.options.ackTimeoutMs ?? 2500);
        const event: ReceiverEvent = {
          body,
          ...(Number.isFinite(retryNum) ? { retryNum } : {}),
          ...(typeof retryReason === 'string' ? { retryReason } : {}),
          ack: async (response?: unknown) => answer(toResponse(response)),
        };
        app.processEvent(event).catch((err: unknown) => {
          logger.error({ err }, 'Slack event failed');
          answer({ status: 200, body: '' });
        });
      });
    };
  }
}

/** Bolt's own logging, into the app's logger (its info is our debug). */
export function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.WARN;
  return {
    debug: (...m) => logger.debug({ bolt: m.map(String).join(' ') }),
    info: (...m) => logger.debug({ bolt: m.map(String).join(' ') }),
    warn: (...m) => logger.warn({ bolt: m.map(String).join(' ') }),
    error: (...m) => logger.error({ bolt: m.map(String).join(' ') }),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
