/**
 * The Discord Gateway: a WebSocket on which Discord pushes the messages people write to the bot.
 * Interactions (index.ts) need a slash command; with the Gateway a person can simply write to the bot
 * in a DM, or mention it in a server channel, and the message goes through the bot like a LINE or
 * Slack message. Guided flows continue with plain messages.
 *
 * Only non-privileged intents are requested (Guilds, GuildMessages, DirectMessages): Discord delivers
 * the content of DMs and of messages that mention the bot without the privileged MESSAGE_CONTENT intent.
 * `@discordjs/ws` keeps the connection (heartbeats, resume with missed events replayed, reconnect);
 * `@discordjs/core` dispatches the events. The gateway URL comes from `GET /gateway/bot`.
 */
import { Client, GatewayDispatchEvents, GatewayIntentBits } from '@discordjs/core';
import { API } from '@discordjs/core/http-only';
import { REST } from '@discordjs/rest';
import { WebSocketManager, WebSocketShardEvents } from '@discordjs/ws';
import type { GatewayMessageCreateDispatchData } from 'discord-api-types/v10';
import { Gauge, type Registry } from 'prom-client';
import type { Bot } from '../../src/chat/bot.ts';
import type { ChatEvent, Reply } from '../../src/chat/types.ts';
import type { DomainServices } from '../../src/domain/services.ts';
import type { FileStorage } from '../../src/files/storage.ts';
import type { UploadRules } from '../../src/files/uploads.ts';
import { type Locale, t } from '../../src/i18n/index.ts';
import type { Logger } from '../../src/logger.ts';
import type { Store } from '../../src/store.ts';
import { fetchAttachments } from './options.ts';
import type { RenderOptions } from './render.ts';
import { postReply } from './send.ts';
import { TeamThreads } from './team-threads.ts';

export interface DiscordGatewayOptions {
  botToken: string;
  /** REST base, e.g. https://discord.com/api (the library adds /v10). */
  apiUrl: string;
  bot: Bot;
  files: FileStorage;
  /** What may be sent (size and kind), as for every other platform. */
  uploadRules?: UploadRules;
  logger: Logger;
  clock?: () => Date;
  /** Components V2 for cards and lists with buttons (render.ts; default on, `DISCORD_COMPONENTS_V2=off`). */
  componentsV2?: boolean;
  /** Called once a MESSAGE_CREATE was answered or ignored (tests wait on it), with the message id. */
  onProcessed?: (messageId: string) => void;
  /** With these, members' answers in team threads reach the client (team-threads.ts). */
  store?: Store;
  domain?: DomainServices;
  /** Also ask for the privileged MESSAGE_CONTENT intent (DISCORD_MESSAGE_CONTENT=on). */
  messageContent?: boolean;
}

export type GatewayState = 'connecting' | 'connected' | 'reconnecting' | 'stopped';

export interface GatewayStatus {
  state: GatewayState;
  /** ISO time the state was entered. */
  since: string;
  /** 'degraded' once the Gateway has been away for longer than DEGRADED_AFTER_MS. */
  status: 'ok' | 'degraded';
}

/** How long the Gateway may be away before /readyz reports it degraded. */
export const DEGRADED_AFTER_MS = 60_000;

export const GATEWAY_INTENTS =
  GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.DirectMessages;
/** Privileged: only when the operator switched it on (Developer Portal → Bot → Message Content Intent). */
export const MESSAGE_CONTENT_INTENT = GatewayIntentBits.MessageContent;

/** A MESSAGE_CREATE as @discordjs/core dispatches it (not schema-checked: optional parts are read as optional). */
type GatewayMessage = GatewayMessageCreateDispatchData;

/** `discord_gateway_disconnected_seconds`: alert when it stays above 60, when /readyz says degraded. */
export function gatewayMetric(registry: Registry, gateway: DiscordGateway): void {
  new Gauge({
    name: 'discord_gateway_disconnected_seconds',
    help: 'Seconds since the Discord Gateway was last connected (0 while connected)',
    registers: [registry],
    collect() {
      this.set(gateway.awaySeconds());
    },
  });
}

export class DiscordGateway {
  private readonly o: DiscordGatewayOptions;
  private readonly log: Logger;
  private readonly rest: REST;
  private readonly manager: WebSocketManager;
  private readonly client: Client;
  private botUserId: string | null = null;
  private state: GatewayState = 'stopped';
  private since: Date;
  private readonly inFlight = new Set<Promise<void>>();
  private retry: NodeJS.Timeout | undefined;
  private readonly threads: TeamThreads | undefined;

  constructor(options: DiscordGatewayOptions) {
    this.o = options;
    this.log = options.logger.child({ platform: 'discord', part: 'gateway' });
    this.since = this.now();
    this.rest = new REST({ api: options.apiUrl, version: '10' }).setToken(options.botToken);
    this.manager = new WebSocketManager({
      token: options.botToken,
      intents: GATEWAY_INTENTS | (options.messageContent ? MESSAGE_CONTENT_INTENT : 0),
      rest: this.rest,
    });
    this.client = new Client({ rest: this.rest, gateway: this.manager });
    if (options.store && options.domain) {
      this.threads = new TeamThreads({
        bot: options.bot,
        store: options.store,
        domain: options.domain,
        api: new API(this.rest),
        logger: this.log,
        readsAllMessages: options.messageContent ?? false,
      });
    }

    this.manager.on(WebSocketShardEvents.Ready, (data) => {
      this.botUserId = data.user.id;
      this.enter('connected');
      this.log.info({ botUserId: data.user.id }, 'Discord Gateway ready');
    });
    this.manager.on(WebSocketShardEvents.Resumed, () => {
      this.enter('connected');
      this.log.info('Discord Gateway resumed');
    });
    this.manager.on(WebSocketShardEvents.Closed, (code) => {
      if (this.state === 'stopped') return;
      this.enter('reconnecting');
      this.log.warn({ code }, 'Discord Gateway closed; reconnecting');
    });
    this.manager.on(WebSocketShardEvents.Error, (err) => {
      this.log.warn({ err }, 'Discord Gateway error');
    });
    this.client.on(GatewayDispatchEvents.MessageCreate, ({ data }) => {
      const work = this.message(data)
        .catch((err: unknown) => this.log.error({ err, messageId: data.id }, 'Discord message failed'))
        .finally(() => {
          this.inFlight.delete(work);
          this.o.onProcessed?.(String(data.id));
        });
      this.inFlight.add(work);
    });
  }

  /**
   * Connects in the background. While `GET /gateway/bot` or the first connection fails, it is tried again
   * (5 s, doubling to 60 s); once connected, `@discordjs/ws` resumes or reconnects by itself.
   */
  start(): void {
    this.enter('connecting');
    this.connect(5000);
  }

  private connect(delayMs: number): void {
    this.manager.connect().catch((err: unknown) => {
      if (this.state === 'stopped') return;
      this.enter('reconnecting');
      this.log.error({ err, retryInMs: delayMs }, 'Discord Gateway could not connect');
      this.retry = setTimeout(() => this.connect(Math.min(delayMs * 2, 60_000)), delayMs);
      this.retry.unref();
    });
  }

  async stop(): Promise<void> {
    if (this.state === 'stopped') return;
    this.enter('stopped');
    clearTimeout(this.retry);
    await Promise.resolve()
      .then(() => this.manager.destroy())
      .catch(() => undefined);
    await Promise.allSettled([...this.inFlight]);
  }

  /** Seconds since the Gateway was last connected; 0 while it is (the metric's value). */
  awaySeconds(): number {
    if (this.state === 'connected') return 0;
    return Math.max(0, (this.now().getTime() - this.since.getTime()) / 1000);
  }

  status(): GatewayStatus {
    const away =
      this.state !== 'connected' && this.now().getTime() - this.since.getTime() > DEGRADED_AFTER_MS;
    return { state: this.state, since: this.since.toISOString(), status: away ? 'degraded' : 'ok' };
  }

  private now(): Date {
    return this.o.clock?.() ?? new Date();
  }

  private enter(state: GatewayState): void {
    if (this.state === state) return;
    this.state = state;
    this.since = this.now();
  }

  /** The text a message says to the bot, or null when it is not for the bot. */
  private textFor(m: GatewayMessage): string | null {
    // Other bots (and this one's own messages) and webhooks are never answered.
    if (m.author.bot || m.webhook_id || m.author.id === this.botUserId) return null;
    const content = m.content ?? '';
    if (!m.guild_id) return content.trim();
    // In a server channel, only messages that mention the bot.
    if (!this.botUserId || !(m.mentions ?? []).some((u) => u.id === this.botUserId)) return null;
    return content.replace(new RegExp(`<@!?${this.botUserId}>`, 'g'), ' ').trim();
  }

  private async message(m: GatewayMessage): Promise<void> {
    // An answer in a team thread goes to the conversation it mirrors, not to the bot.
    if (m.guild_id && this.threads && (await this.threads.fromThread(m, this.botUserId))) return;
    const text = this.textFor(m);
    if (text === null) return;
    const name = m.author.global_name ?? undefined;
    const event: ChatEvent = {
      kind: 'message',
      // Nothing said and nothing sent opens the home view; a file alone answers a flow's file step.
      text: text === '' && (m.attachments ?? []).length === 0 ? 'home' : text,
      // The message id: the bot's dedupe (inbound events) answers it once, whatever the Gateway replays.
      id: String(m.id),
      platform: 'discord',
      // Discord user ids are global: one identity whatever the server.
      sender: { workspace: '', externalId: String(m.author.id), ...(name ? { displayName: name } : {}) },
      conversation: { kind: m.guild_id ? 'group' : 'direct', id: String(m.channel_id) },
      receivedAt: this.now(),
    };
    // Files sent with the message: fetched from the CDN and checked like every other upload.
    if ((m.attachments ?? []).length > 0) {
      const byId = Object.fromEntries((m.attachments ?? []).map((a) => [a.id, { ...a }]));
      const { attachments, rejected } = await fetchAttachments(
        byId,
        this.o.files,
        this.log,
        this.o.uploadRules,
      );
      if (attachments.length > 0) Object.assign(event, { attachments });
      if (rejected.length > 0) Object.assign(event, { rejectedFiles: rejected });
    }
    const { reply, locale } = await this.o.bot.handle(event);
    if (!reply) return;
    if (!m.guild_id) {
      await this.send(String(m.channel_id), reply, locale);
      return;
    }
    // A mention in a server channel is answered by DM: an answer can hold applications, invoices or
    // a bank account, which the rest of the channel must not read. The channel gets a pointer only.
    const dm = await this.client.api.users.createDM(String(m.author.id));
    await this.send(dm.id, reply, locale);
    await this.client.api.channels.createMessage(String(m.channel_id), {
      content: t(locale, 'platform.discord.answered_in_dm', { user: `<@${m.author.id}>` }),
      allowed_mentions: { users: [String(m.author.id)] },
    });
  }

  /** A reply in a channel, rendered as the DMs of index.ts are (a V2 message keeps its flags). */
  private async send(channelId: string, reply: Reply, locale: Locale): Promise<void> {
    const render: RenderOptions = { componentsV2: this.o.componentsV2 !== false };
    await postReply(this.client.api, channelId, reply, { locale, files: this.o.files, render });
  }
}
