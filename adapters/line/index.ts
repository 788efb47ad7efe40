/**
 * The LINE adapter (Messaging API, `@line/bot-sdk` 11). Inbound:
 *
 *   POST /line/webhook ─▶ signature (SDK validateSignature on the raw body; 401) ─▶ shape (400)
 *     ─▶ one job per event on `line-inbound` ─▶ 200            (well inside LINE's 2 s deadline)
 *   worker ─▶ per-user order ─▶ content fetched and stored ─▶ Bot.handle (dedupe on webhookEventId)
 *     ─▶ Flex/text rendering ─▶ reply token while fresh (< 1 min, single use, 5 messages), push after
 *
 * The webhook only verifies and queues, so its answer never waits on the store or a slow command,
 * and an event that was acknowledged is never lost: it sits in the queue until a worker has run it.
 * While a command is slow, LINE's loading animation shows in the chat. Outbound, the notification
 * queue `notify-line` pushes with a retry key derived from the notification (see client.ts).
 */
import type { webhook } from '@line/bot-sdk';
import type { MulticastAdapter, PushOptions, PushTarget } from '../../src/chat/adapter.ts';
import type { Bot } from '../../src/chat/bot.ts';
import type { ChatAttachment, ChatEvent, RejectedFile, Reply } from '../../src/chat/types.ts';
import type { IdentityService } from '../../src/domain/identity/service.ts';
import type { FileStorage } from '../../src/files/storage.ts';
import type { UploadRules } from '../../src/files/uploads.ts';
import type { HttpServer } from '../../src/http/server.ts';
import { type Locale, t } from '../../src/i18n/index.ts';
import type { Logger } from '../../src/logger.ts';
import { type JobQueue, jobType } from '../../src/queue.ts';
import type { Store } from '../../src/store.ts';
import {
  type LineApiError,
  LineClient,
  type LineClientOptions,
  MULTICAST_MAX,
  retryKeyFor,
} from './client.ts';
import { fetchContent } from './content.ts';
import { chatIdOf, type LineEvent, lineEventRef } from './events.ts';
import { LineProfiles } from './profiles.ts';
import { type LineMessage, perCall, renderLineMessages } from './render.ts';
import { lineWebhookHandler } from './webhook.ts';

export interface LineJob {
  event: LineEvent;
  /** When our webhook received it (ms): the reply token is good for one minute from about then. */
  receivedAt: number;
}

export const lineInbound = jobType<LineJob>('line-inbound', 'event');

/** LINE gives a reply token one minute; we stop using it a little before, to allow for clock skew. */
const REPLY_WINDOW_MS = 50_000;

export interface LineAdapterOptions extends Omit<LineClientOptions, 'channelAccessToken'> {
  channelSecret: string;
  channelAccessToken: string;
  bot: Bot;
  store: Store;
  identity: IdentityService;
  files: FileStorage;
  /** What people may send (`MAX_UPLOAD_MB`; default 25 MB). */
  uploadRules?: UploadRules;
  queue: JobQueue;
  logger: Logger;
  clock?: () => Date;
  /** Show the loading animation when a command takes longer than this (default 500 ms). */
  loadingAfterMs?: number;
  /** Events handled at once by one worker process (default 8). */
  concurrency?: number;
  /** Called after each inbound event was handled (tests and benchmarks wait on it). */
  onProcessed?: (webhookEventId: string) => void;
}

export class LineAdapter implements MulticastAdapter {
  readonly platform = 'line' as const;
  readonly multicastMax = MULTICAST_MAX;
  readonly client: LineClient;
  private readonly options: LineAdapterOptions;
  private readonly clock: () => Date;
  private readonly log: Logger;
  private readonly profiles: LineProfiles;

  constructor(options: LineAdapterOptions) {
    this.options = options;
    this.client = new LineClient(options);
    this.clock = options.clock ?? (() => new Date());
    this.log = options.logger.child({ platform: 'line' });
    this.profiles = new LineProfiles({
      client: this.client,
      store: options.store,
      clock: this.clock,
      log: this.log,
    });
  }

  /** `POST /line/webhook`: verify, check, queue, acknowledge. */
  mount(http: HttpServer): void {
    const producer = this.options.queue.producer(lineInbound);
    http.route(
      'POST',
      '/line/webhook',
      lineWebhookHandler({
        channelSecret: this.options.channelSecret,
        logger: this.log,
        clock: this.clock,
        enqueue: async (jobs) => {
          await producer.addBulk(jobs.map((data) => ({ data })));
          // Each person's events take their place in line in the order they arrived, written after
          // the acknowledgement (no database work on its path); a worker that starts one first waits
          // for its place (src/chat/inbound.ts).
          this.options.bot.admit(jobs.flatMap(({ event }) => lineEventRef(event))).catch((error: unknown) => {
            this.log.warn({ err: error }, 'events not admitted on arrival; their workers admit them');
          });
        },
      }),
    );
  }

  /** Runs queued events (worker and all-in-one processes). */
  startWorker(): void {
    // 8 at once, not 4: each event holds its slot from claim to completion, and with the queue on
    // PostgreSQL (two more database round trips per event, on a busy machine) that was 20 ms
    // during a backlog, so 4 slots did 200 events/s, LINE's rate in the benchmark, and a start-up
    // backlog never drained (bench:line-webhook --queue postgres). A user's events still run one at
    // a time, in order (`process`).
    this.options.queue.handle(lineInbound, (job) => this.process(job), {
      concurrency: this.options.concurrency ?? 8,
    });
  }

  /**
   * Handles one event. A user's events are answered one at a time, in the order they arrived, on any
   * number of worker processes: the bot core keeps their line (src/chat/inbound.ts), not this process.
   */
  async process(job: LineJob): Promise<void> {
    try {
      await this.handleEvent(job);
    } finally {
      this.options.onProcessed?.(job.event.webhookEventId);
    }
  }

  private async handleEvent(job: LineJob): Promise<void> {
    const { event } = job;
    const src = event.source;
    if (!src) return;
    const log = this.log.child({ eventId: event.webhookEventId, type: event.type });
    // Only direct chats act on commands; in a group or room the bot says where it works instead.
    if (src.type !== 'user') {
      if (await this.needsDirectOnlyNotice(event)) {
        await this.deliver(job, chatIdOf(src), {
          blocks: [{ type: 'text', text: t('ja', 'platform.direct_only') }],
        });
      }
      return;
    }
    // A user's id is always there (the schema requires it).
    const userId = chatIdOf(src);
    const identityKey = { platform: 'line' as const, workspace: '', externalId: userId };
    switch (event.type) {
      case 'unfollow':
        // Blocked or removed: no more pushes until they follow again.
        if (await this.options.bot.firstTime('line', event.webhookEventId)) {
          await this.options.identity.setReachable(identityKey, false);
          log.info('user unfollowed; marked unreachable');
        }
        return;
      case 'follow': {
        await this.options.identity.setReachable(identityKey, true);
        // A new friend gets the welcome and their home view; an existing user who re-follows gets the
        // home view (commands/home.ts), under the name LINE gives them now (LINE sends no event when a
        // name changes).
        const profile = await this.profiles.profileOf(userId);
        if (profile.displayName)
          await this.options.store.users.renameByIdentity(identityKey, profile.displayName);
        await this.runBot(job, userId, { kind: 'message', text: 'home' }, profile);
        return;
      }
      case 'postback':
        if (event.postback) await this.runBot(job, userId, { kind: 'action', payload: event.postback.data });
        this.profiles.refreshName(identityKey);
        return;
      case 'message':
        await this.onMessage(job, event.message, userId);
        this.profiles.refreshName(identityKey);
        return;
      default:
        log.debug('event type not used');
    }
  }

  private async onMessage(job: LineJob, message: webhook.MessageContent, userId: string): Promise<void> {
    if (!message) return;
    if (message.type === 'text') {
      await this.runBot(job, userId, { kind: 'message', text: message.text ?? '' });
      return;
    }
    if (['image', 'video', 'audio', 'file'].includes(message.type)) {
      const fileName = 'fileName' in message ? message.fileName : undefined;
      const fetched = await fetchContent(
        {
          client: this.client,
          files: this.options.files,
          uploadRules: this.options.uploadRules,
          log: this.log,
        },
        message.type,
        message.id,
        fileName,
      );
      if ('problem' in fetched) {
        await this.noticeOnce(job, userId, fetched.problem);
        return;
      }
      // Refused by the upload rules: the bot says why (in the person's language), nothing is kept.
      await this.runBot(
        job,
        userId,
        'rejected' in fetched
          ? { kind: 'message', text: '', rejectedFiles: [fetched.rejected] }
          : { kind: 'message', text: '', attachments: [fetched.attachment] },
      );
      return;
    }
    // Stickers, locations and the like: a hint instead of silence.
    await this.noticeOnce(job, userId, 'platform.unsupported');
  }

  /** Says a fixed notice once per event (dedupe on its id), in the user's language when known. */
  private async noticeOnce(
    job: LineJob,
    userId: string,
    key: 'platform.unsupported' | 'platform.file_failed' | 'platform.file_too_large',
  ): Promise<void> {
    if (!(await this.options.bot.firstTime('line', job.event.webhookEventId))) return;
    const user = await this.options.store.users.findByIdentity({
      platform: 'line',
      workspace: '',
      externalId: userId,
    });
    await this.deliver(job, userId, { blocks: [{ type: 'text', text: t(user?.locale ?? 'ja', key) }] });
  }

  private async needsDirectOnlyNotice(event: LineEvent): Promise<boolean> {
    const asked =
      event.type === 'join' ||
      (event.type === 'message' &&
        event.message?.type === 'text' &&
        this.options.bot.router.resolve(event.message.text ?? '').kind === 'command') ||
      event.type === 'postback';
    return asked && (await this.options.bot.firstTime('line', event.webhookEventId));
  }

  private async runBot(
    job: LineJob,
    userId: string,
    input:
      | { kind: 'message'; text: string; attachments?: ChatAttachment[]; rejectedFiles?: RejectedFile[] }
      | { kind: 'action'; payload: string },
    profile: { displayName?: string; localeHint?: Locale } = {},
  ): Promise<void> {
    const event: ChatEvent = {
      ...input,
      id: job.event.webhookEventId,
      platform: 'line',
      // Someone who writes before any follow event (a friend from before the webhook was on) is
      // looked up in LINE's profile API as they are registered, so they are greeted by name too.
      sender: {
        workspace: '',
        externalId: userId,
        ...profile,
        profile: () => this.profiles.profileOf(userId),
      },
      conversation: { kind: 'direct', id: userId },
      receivedAt: new Date(job.event.timestamp),
    };
    // LINE's "typing" dots, only when the command is slow enough for the user to wonder.
    const loading = setTimeout(() => {
      this.client.showLoading(userId).catch((err: unknown) => {
        this.log.debug({ err: (err as Error).message }, 'loading animation not shown');
      });
    }, this.options.loadingAfterMs ?? 500);
    let result: Awaited<ReturnType<Bot['handle']>>;
    try {
      // `confirm`: the reply is kept until it was delivered, so a retry never loses it (nor runs the command twice).
      result = await this.options.bot.handle(event, { confirm: true, admitted: true });
    } finally {
      clearTimeout(loading);
    }
    if (!result.reply) return;
    try {
      await this.deliver(job, userId, result.reply, result.locale);
    } catch (err) {
      // LINE refused every attempt: the job fails (visible; retried, then `queue:retry`) and sends the kept reply.
      await this.options.bot.undelivered(
        event,
        { reply: result.reply, locale: result.locale },
        (err as Error).message,
      );
      throw err;
    }
    await this.options.bot.delivered(event);
  }

  /**
   * Sends a reply: the first five messages with the reply token while it is fresh (free of charge),
   * anything more, or everything once the token is stale or refused, by push with retry keys derived
   * from the event id (a retried job never shows a message twice).
   */
  private async deliver(job: LineJob, to: string, reply: Reply, locale: Locale = 'ja'): Promise<void> {
    const calls = perCall(renderLineMessages(reply, t(locale, 'platform.alt_text'), reply.locale ?? locale));
    let next = 0;
    const token = 'replyToken' in job.event ? job.event.replyToken : undefined;
    if (token && calls[0] && this.clock().getTime() - job.receivedAt < REPLY_WINDOW_MS) {
      try {
        await this.client.reply(token, calls[0]);
        next = 1;
      } catch (err) {
        const e = err as LineApiError;
        if (e.kind === 'unauthorized') throw err;
        this.log.info({ kind: e.kind, status: e.status }, 'reply not accepted; pushing instead');
      }
    }
    for (let i = next; i < calls.length; i++) {
      await this.client.push(
        to,
        calls[i] as LineMessage[],
        retryKeyFor(`reply:${job.event.webhookEventId}:${i}`),
      );
    }
  }

  /** A notification for one user (the `notify-line` queue). */
  async push(target: PushTarget, reply: Reply, options: PushOptions = {}): Promise<void> {
    const calls = perCall(
      renderLineMessages(
        reply,
        t(reply.locale ?? target.locale, 'platform.alt_text'),
        reply.locale ?? target.locale,
      ),
    );
    const base = options.key ?? `push:${target.externalId}:${Date.now()}:${Math.random()}`;
    for (const [i, messages] of calls.entries()) {
      await this.client.push(target.externalId, messages, retryKeyFor(`${base}:${i}`));
    }
  }

  /**
   * One message for many users: multicast in calls of at most 500 ids (docs/platforms.md §1.4), each with its
   * own retry key derived from `key`, so retrying the whole send repeats none of the accepted calls.
   */
  async multicast(userIds: readonly string[], reply: Reply, locale: Locale, key: string): Promise<void> {
    const calls = perCall(
      renderLineMessages(reply, t(reply.locale ?? locale, 'platform.alt_text'), reply.locale ?? locale),
    );
    for (let start = 0; start < userIds.length; start += MULTICAST_MAX) {
      const ids = userIds.slice(start, start + MULTICAST_MAX);
      for (const [i, messages] of calls.entries()) {
        await this.client.multicast(ids, messages, retryKeyFor(`${key}:${start}:${i}`));
      }
    }
  }
}
