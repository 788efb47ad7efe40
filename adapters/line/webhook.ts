/**
 * `POST /line/webhook`. Order matters (docs/platforms.md §1.1): the signature is checked on the raw
 * bytes with the SDK's `validateSignature` before the body is parsed; a bad or missing signature is
 * 401 and nothing is queued; a body that is not the documented JSON is 400. Valid events are queued
 * in one round trip and the answer is 200, well within LINE's 2 s deadline. LINE's "Verify" button
 * sends an empty event list, which is simply acknowledged.
 */
import { validateSignature } from '@line/bot-sdk';
import type { HttpRequest, HttpResponse, RouteHandler } from '../../src/http/server.ts';
import { utf8 } from '../../src/http/utf8.ts';
import type { Logger } from '../../src/logger.ts';
import { checkedEvents, lineWebhookSchema } from './events.ts';
import type { LineJob } from './index.ts';

export interface LineWebhookOptions {
  channelSecret: string;
  logger: Logger;
  clock: () => Date;
  enqueue(jobs: LineJob[]): Promise<void>;
}

export function lineWebhookHandler(options: LineWebhookOptions): RouteHandler {
  return async (req: HttpRequest): Promise<HttpResponse> => {
    const signature = req.headers['x-line-signature'];
    if (
      typeof signature !== 'string' ||
      signature === '' ||
      !validateSignature(req.rawBody, options.channelSecret, signature)
    ) {
      options.logger.warn('LINE webhook with a bad or missing signature refused');
      return { status: 401, body: { error: 'invalid signature' } };
    }
    let json: unknown;
    try {
      const text = utf8(req.rawBody);
      if (text === null) throw new Error('not UTF-8');
      json = JSON.parse(text);
    } catch {
      return { status: 400, body: { error: 'body is not JSON' } };
    }
    const parsed = lineWebhookSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return {
        status: 400,
        body: { error: `unexpected webhook body at ${issue?.path.join('.') || 'top level'}` },
      };
    }
    const receivedAt = options.clock().getTime();
    const events = checkedEvents(parsed.data);
    if (events.length > 0) await options.enqueue(events.map((event) => ({ event, receivedAt })));
    return { status: 200, body: {} };
  };
}
