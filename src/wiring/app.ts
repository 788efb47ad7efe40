/**
 * The wiring module: the one place that assembles store, queue, HTTP server, bot and adapters.
 * Everything else receives what it needs as parameters.
 */
// Types only: each adapter (and its platform SDK) is loaded when its platform is configured, so a
// process that serves none of them starts faster and smaller (bench:startup).

import type { DiscordGateway } from '../../adapters/discord/gateway.ts';
import type { DiscordAdapter, DiscordAdapterOptions } from '../../adapters/discord/index.ts';
import type { LineAdapter, LineAdapterOptions } from '../../adapters/line/index.ts';
import type { SlackAdapter, SlackAdapterOptions } from '../../adapters/slack/index.ts';
import { allFlows } from '../../commands/flows/index.ts';
import { allCommands, commandGroups } from '../../commands/index.ts';
import { Bot, type BotOptions, tokenButton } from '../chat/bot.ts';
import { Router } from '../chat/router.ts';
import type { Config } from '../config.ts';
import type { DomainServices } from '../domain/services.ts';
import { SlaWatch } from '../domain/support/sla-watch.ts';
import {
  FILE_LINK_PREFIX,
  FileLinks,
  fileDownloadHandler,
  IDENTITY_LINK_PREFIX,
  identityPageHandler,
} from '../files/links.ts';
import type { FileStorage } from '../files/storage.ts';
import { uploadRules } from '../files/uploads.ts';
import { healthRoutes, type Readiness } from '../http/health.ts';
import { HttpServer } from '../http/server.ts';
import { createLogger, type Logger } from '../logger.ts';
import { createMetrics, type Metrics } from '../metrics.ts';
import { NotificationDelivery } from '../notifications/delivery.ts';
import type { JobQueue } from '../queue.ts';
import type { Store } from '../store.ts';
import { createJobQueue, type QueueConnection, queueConnectionFor } from './bullmq.ts';
import { createDomain } from './domain.ts';
import { type OpenedStore, openStore } from './open-store.ts';
import { readinessCheck } from './readiness.ts';

export interface AppOptions {
  logger?: Logger;
  clock?: () => Date;
  /** Override where BullMQ keeps its data (tests use a fresh Redis prefix or Postgres schema). */
  queueConnection?: (storeUrl: string) => QueueConnection;
  /** Test and benchmark hooks for the LINE adapter (rates, backoff, a callback per handled event). */
  line?: Pick<
    LineAdapterOptions,
    'onProcessed' | 'loadingAfterMs' | 'backoffMs' | 'rates' | 'attempts' | 'timeoutMs' | 'concurrency'
  >;
  /** Test hooks for the Discord adapter. */
  discord?: Pick<DiscordAdapterOptions, 'onProcessed' | 'deferAfterMs' | 'teamNewsIntervalMs'>;
  /** Test hooks for the Slack adapter. */
  slack?: Pick<SlackAdapterOptions, 'onProcessed' | 'deskIntervalMs'>;
  /** How often workers look for SLA warnings and breaches (default 30 s). */
  slaIntervalMs?: number;
}

export interface App {
  readonly config: Config;
  readonly logger: Logger;
  readonly store: Store;
  readonly queue: JobQueue;
  readonly bot: Bot;
  readonly http: HttpServer;
  readonly metrics: Metrics;
  readonly notifications: NotificationDelivery;
  /** Records the desk's SLA warnings and breaches (docs/domain.md §2.8); runs on workers. */
  readonly slaWatch: SlaWatch;
  /** The domain services (for operator tools and tests; chat goes through the bot). */
  readonly domain: DomainServices;
  /** Where attachments are stored (DATA_DIR/files). */
  readonly files: FileStorage;
  /** Signs download links for the files replies hand over (src/files/links.ts). */
  readonly links: FileLinks;
  /** Present when Discord is configured. */
  readonly discord: DiscordAdapter | undefined;
  /** Present in the web process (ROLE=web or all) when DISCORD_BOT_TOKEN is set and DISCORD_GATEWAY is not off. */
  readonly discordGateway: DiscordGateway | undefined;
  /** Present when Slack is configured. */
  readonly slack: SlackAdapter | undefined;
  /** Present when LINE is configured. */
  readonly line: LineAdapter | undefined;
  /** Listens on `config.port` (0 = any free port); resolves with the port. */
  listen(): Promise<number>;
  readiness(): Promise<Readiness>;
  /** Stops HTTP, then workers and queues, then the store. Safe to call twice. */
  stop(): Promise<void>;
}

/** Opens the store (migrating it) and the queue; nothing listens until `listen()`. */
export async function createApp(config: Config, options: AppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger({ level: config.logLevel ?? 'info' });
  const metrics = createMetrics();
  const connectionFor = (store: { url: string }): QueueConnection =>
    options.queueConnection ? options.queueConnection(store.url) : queueConnectionFor(config, store);
  const opened: OpenedStore = await openStore({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    logger,
    queueConnection: connectionFor,
  });

  const connection = connectionFor(opened);
  const queue = createJobQueue({ connection, logger, metrics, runWorkers: config.role !== 'web' });

  let domain: Awaited<ReturnType<typeof createDomain>>;
  try {
    domain = await createDomain(config, opened.store, options.clock);
  } catch (err) {
    await opened.close();
    throw err;
  }
  const clock = options.clock ?? (() => new Date());
  // Signed download links for the files replies hand over (src/files/links.ts).
  const links = new FileLinks({ key: domain.key, publicUrl: config.publicUrl, clock });
  const bot = buildBot({
    store: opened.store,
    domain: domain.services,
    config,
    logger,
    metrics,
    links,
    ...(options.clock ? { clock: options.clock } : {}),
  });

  const notifications = new NotificationDelivery({
    store: opened.store,
    metrics,
    clock,
    queue,
    logger,
    timeZone: config.businessTimeZone,
    button: (userId, label, command) => tokenButton(opened.store, userId, label, command, clock()),
    links,
  });
  // Workers relay the outbox; platform adapters serve their delivery queues as they land.
  if (config.role !== 'web') notifications.start();
  const slaWatch = new SlaWatch({
    sla: domain.services.deskSla,
    logger,
    onRecorded: (alert, facts) =>
      (alert.kind === 'breach' ? metrics.deskSlaBreaches : metrics.deskSlaWarnings).inc({
        target: alert.target,
        category: facts.categoryCode,
      }),
  });
  if (config.role !== 'web') slaWatch.start(options.slaIntervalMs);

  const http = new HttpServer({ logger, metrics });
  http.routePrefix('GET', FILE_LINK_PREFIX, fileDownloadHandler(links, domain.ctx.files));
  // A page of an identity document for the staff member the link was made for, while it is waiting.
  http.routePrefix(
    'GET',
    IDENTITY_LINK_PREFIX,
    identityPageHandler(links, async (documentId, staffUserId) => {
      const staff = await opened.store.uow.read((tx) => tx.users.get(staffUserId));
      if (!staff) return null;
      try {
        return await domain.services.identityChecks.page(
          { userId: staff.id, roles: staff.roles, companyId: staff.companyId },
          documentId,
        );
      } catch {
        return null; // no longer staff
      }
    }),
  );
  let discordGateway: DiscordGateway | undefined;
  const readiness = readinessCheck({
    config,
    store: opened,
    queue,
    logger,
    gateway: () => discordGateway?.status(),
  });
  healthRoutes(http, { readiness, metrics, queue });

  let line: LineAdapter | undefined;
  const { channelSecret, channelAccessToken } = config.line;
  if (channelSecret && channelAccessToken) {
    // LINE fetches images and opens files only over HTTPS: without it, people are told on LINE that a
    // file cannot be handed over there; say it once here too, where it can be fixed.
    if (!links.https)
      logger.warn(
        'PUBLIC_URL is not an https:// address: files cannot be handed over on LINE (README, "Files")',
      );
    const { LineAdapter } = await import('../../adapters/line/index.ts');
    line = new LineAdapter({
      ...options.line,
      channelSecret,
      channelAccessToken,
      apiUrl: config.line.apiUrl,
      dataApiUrl: config.line.dataApiUrl,
      bot,
      store: opened.store,
      identity: domain.services.identity,
      files: domain.ctx.files,
      uploadRules: uploadRules(config),
      queue,
      logger,
      clock,
    });
    line.mount(http);
    if (config.role !== 'web') {
      line.startWorker();
      // LINE's per-channel push limit is 2,000 req/s (docs/platforms.md §1.4); this caps all workers together.
      notifications.serve('notify-line', line, { limiter: { max: 2000, durationMs: 1000 } });
      // Job alerts as multicasts of ≤ 500: LINE allows 200 multicast requests/s per channel.
      notifications.serveMulticast('notify-line-multicast', line, {
        concurrency: 20,
        limiter: { max: 200, durationMs: 1000 },
        // A multicast takes well under a second: after a crash, its batch goes again within 10 s
        // (same retry key, so LINE answers 409 for one it had already accepted).
        lockDurationMs: 10_000,
      });
    }
  }

  for (const [name, status] of Object.entries({
    slack: config.slack.status,
    line: config.line.status,
    discord: config.discord.status,
  })) {
    if (!status.enabled) logger.info({ platform: name, missing: status.missing }, 'platform disabled');
  }

  let slack: SlackAdapter | undefined;
  const { signingSecret, botToken } = config.slack;
  if (signingSecret && botToken) {
    const { SlackAdapter } = await import('../../adapters/slack/index.ts');
    slack = new SlackAdapter({
      ...options.slack,
      signingSecret,
      botToken,
      appToken: config.slack.appToken,
      apiUrl: config.slack.apiUrl,
      supportChannel: config.slack.supportChannel,
      bot,
      store: opened.store,
      domain: domain.services,
      files: domain.ctx.files,
      uploadRules: uploadRules(config),
      logger,
      clock,
      timeZone: config.businessTimeZone,
    });
    slack.mount(http);
    const adapter = slack;
    if (config.role !== 'web') {
      // chat.postMessage is about 1 message/s per channel (docs/platforms.md §2.4); each DM is its own channel,
      // so the queue caps the workspace as a whole and the Web API client waits out any 429.
      notifications.serve('notify-slack', adapter, { limiter: { max: 20, durationMs: 1000 } });
      notifications.onOutcome((outcome) => {
        adapter.onDelivery(outcome).catch((err: unknown) => logger.warn({ err }, 'desk confirmation failed'));
      });
    }
    await adapter.start({ desk: config.role !== 'web' });
  }

  let discord: DiscordAdapter | undefined;
  const { publicKey, applicationId, botToken: discordToken } = config.discord;
  if (publicKey && applicationId && discordToken) {
    const { DiscordAdapter } = await import('../../adapters/discord/index.ts');
    discord = new DiscordAdapter({
      ...options.discord,
      publicKey,
      applicationId,
      botToken: discordToken,
      apiUrl: config.discord.apiUrl,
      componentsV2: config.discord.componentsV2,
      bot,
      store: opened.store,
      domain: domain.services,
      groups: commandGroups,
      files: domain.ctx.files,
      uploadRules: uploadRules(config),
      logger,
      clock,
      timeZone: config.businessTimeZone,
    });
    discord.mount(http);
    if (config.role !== 'web') {
      // The REST client keeps to Discord's buckets and 50 req/s global limit itself (docs/platforms.md §3.3).
      notifications.serve('notify-discord', discord, { limiter: { max: 40, durationMs: 1000 } });
      const adapter = discord;
      notifications.onOutcome((outcome) => {
        adapter
          .onDelivery(outcome)
          .catch((err: unknown) => logger.warn({ err }, 'thread confirmation failed'));
      });
    }
    discord.start({ news: config.role !== 'web', messageContent: config.discord.messageContent });
  }
  // Plain messages to the bot (DMs, mentions) arrive on one Gateway connection, held by the process
  // that serves HTTP: the worker processes (which may be many) hold none.
  if (discordToken && config.discord.gateway && config.role !== 'worker') {
    const { DiscordGateway, gatewayMetric } = await import('../../adapters/discord/gateway.ts');
    discordGateway = new DiscordGateway({
      botToken: discordToken,
      apiUrl: config.discord.apiUrl,
      componentsV2: config.discord.componentsV2,
      bot,
      files: domain.ctx.files,
      uploadRules: uploadRules(config),
      logger,
      clock,
      ...(options.discord?.onProcessed ? { onProcessed: options.discord.onProcessed } : {}),
      store: opened.store,
      domain: domain.services,
      messageContent: config.discord.messageContent,
    });
    discordGateway.start();
    gatewayMetric(metrics.registry, discordGateway);
  }

  let stopping: Promise<void> | undefined;
  return {
    config,
    logger,
    store: opened.store,
    queue,
    bot,
    http,
    metrics,
    notifications,
    slaWatch,
    domain: domain.services,
    files: domain.ctx.files,
    links,
    slack,
    discord,
    discordGateway,
    line,
    async listen() {
      // The queues that webhooks feed, ready before the first webhook arrives.
      await queue.warm(line ? ['line-inbound'] : []).catch((err: unknown) => {
        logger.warn({ err: (err as Error).message }, 'queue warm-up failed; continuing');
      });
      const port = await http.listen(config.port, config.host);
      logger.info({ port, role: config.role, store: opened.kind, queue: queue.backend }, 'listening');
      return port;
    },
    readiness,
    stop() {
      stopping ??= (async () => {
        await http.close();
        await slack?.stop();
        await discordGateway?.stop();
        await discord?.stop();
        await notifications.stop();
        await slaWatch.stop();
        await queue.close();
        await opened.close();
      })();
      return stopping;
    },
  };
}

/** The bot with every command registered; shared by the server and the console chat. */
export function buildBot(deps: Omit<BotOptions, 'router'>): Bot {
  return new Bot({ flows: allFlows, ...deps, router: new Router(allCommands) });
}
