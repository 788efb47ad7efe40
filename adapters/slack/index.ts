/**
 * The Slack adapter, on `@slack/bolt` 5: a Bolt `App` whose receiver is the shared HTTP server
 * (`POST /slack/events`, adapters/slack/receiver.ts), or Socket Mode when `SLACK_APP_TOKEN` is set.
 *
 * Entry points: the slash command (`/bot <command>`), direct messages, mentions in channels, buttons
 * and modals. Every listener acks first (well inside Slack's 3 s) and works after; answers go back
 * through `response_url` (slash commands, ephemeral messages) or as messages. A command that starts a
 * guided flow opens it as a modal where a trigger is at hand. The support desk lives in
 * adapters/slack/desk.ts (threads) and desk-staff.ts (staff replies, buttons, reactions in them);
 * the App Home tab in app-home.ts.
 */
import { App, type BlockAction, type ButtonAction, SocketModeReceiver } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { ChatAdapter, PushOptions, PushTarget } from '../../src/chat/adapter.ts';
import type { Bot } from '../../src/chat/bot.ts';
import type { ChatAttachment, ChatEvent, ChatSender, RejectedFile, Reply } from '../../src/chat/types.ts';
import type { DomainServices } from '../../src/domain/services.ts';
import type { FileStorage } from '../../src/files/storage.ts';
import type { UploadRules } from '../../src/files/uploads.ts';
import type { HttpServer } from '../../src/http/server.ts';
import type { Logger } from '../../src/logger.ts';
import type { DeliveryOutcome } from '../../src/notifications/delivery.ts';
import { PermanentJobError } from '../../src/queue.ts';
import type { Store, UserRecord } from '../../src/store.ts';
import { AppHome } from './app-home.ts';
import { DeskMirror } from './desk.ts';
import { DeskStaff } from './desk-staff.ts';
import { downloadSlackFiles } from './files.ts';
import { messageFiles, socketModeCheck } from './inbound.ts';
import { type ModalDeps, openForm, registerModals } from './modals.ts';
import { renameFromSlack, slackProfile } from './people.ts';
import { boltLogger, SharedHttpReceiver } from './receiver.ts';
import { BUTTON_ACTION, renderSlackMessages } from './render.ts';
import { SlackSender } from './send.ts';

export interface SlackAdapterOptions {
  signingSecret: string;
  botToken: string;
  appToken?: string | undefined;
  /** Web API base URL, e.g. https://slack.com/api/ */
  apiUrl: string;
  /** Channel id of the support desk (inquiry threads). */
  supportChannel?: string | undefined;
  bot: Bot;
  store: Store;
  domain: DomainServices;
  files: FileStorage;
  logger: Logger;
  clock?: () => Date;
  timeZone: string;
  /** What people may send (`MAX_UPLOAD_MB`; default 25 MB). */
  uploadRules?: UploadRules;
  /** How often the desk mirror catches up (default 1 s). */
  deskIntervalMs?: number;
  /** Called when an inbound Slack request was fully handled (tests wait on it). */
  onProcessed?: (id: string) => void;
}

/** A tap on one of our buttons (render.ts, desk.ts), as Bolt types it. */
type ButtonTap = BlockAction<ButtonAction>;

export class SlackAdapter implements ChatAdapter {
  readonly platform = 'slack' as const;
  readonly app: App;
  readonly desk: DeskMirror | undefined;
  private readonly o: SlackAdapterOptions;
  private readonly receiver: SharedHttpReceiver | undefined;
  private readonly clock: () => Date;
  private readonly log: Logger;
  private readonly send: SlackSender;
  private readonly staff: DeskStaff;
  private readonly modals: ModalDeps;

  constructor(options: SlackAdapterOptions) {
    this.o = options;
    this.clock = options.clock ?? (() => new Date());
    this.send = new SlackSender(options.files);
    this.log = options.logger.child({ platform: 'slack' });
    const clientOptions = { slackApiUrl: options.apiUrl };
    if (options.appToken) {
      this.app = new App({
        token: options.botToken,
        // Socket Mode opens its connection with apps.connections.open on Slack itself (the receiver
        // takes no API URL); everything else goes through `clientOptions`.
        receiver: new SocketModeReceiver({ appToken: options.appToken, logger: boltLogger(this.log) }),
        clientOptions,
        logger: boltLogger(this.log),
      });
    } else {
      this.receiver = new SharedHttpReceiver({
        signingSecret: options.signingSecret,
        logger: this.log,
        clock: this.clock,
      });
      this.app = new App({
        token: options.botToken,
        receiver: this.receiver,
        clientOptions,
        logger: boltLogger(this.log),
      });
    }
    if (options.supportChannel) {
      this.desk = new DeskMirror({
        client: this.client,
        channel: options.supportChannel,
        store: options.store.desk,
        domain: options.domain,
        files: options.files,
        logger: this.log,
        timeZone: options.timeZone,
      });
    }
    this.modals = {
      bot: options.bot,
      files: options.files,
      botToken: options.botToken,
      uploadRules: options.uploadRules,
      log: this.log,
      event: (...args) => this.event(...args),
      userOf: (team, user) => this.userOf(team, user),
      answer: async (client, user, reply) => this.send.post(client, await this.send.dm(client, user), reply),
      done: (id) => this.done(id),
    };
    this.staff = new DeskStaff({
      client: this.client,
      bot: options.bot,
      store: options.store,
      domain: options.domain,
      files: options.files,
      botToken: options.botToken,
      supportChannel: options.supportChannel,
      mirror: this.desk,
      uploadRules: options.uploadRules,
    });
    this.listen();
  }

  get client(): WebClient {
    return this.app.client;
  }

  /** `POST /slack/events` on the shared server (HTTP mode). */
  mount(http: HttpServer): void {
    if (this.receiver) http.route('POST', '/slack/events', this.receiver.handler());
  }

  /** Socket Mode connects here; workers mirror the desk. */
  async start(options: { desk: boolean }): Promise<void> {
    // Socket Mode connects (and reconnects) in the background; the HTTP side does not wait for it.
    if (this.o.appToken) {
      this.app
        .start()
        .catch((err: unknown) =>
          this.log.error({ err: (err as Error).message }, 'Slack Socket Mode did not connect'),
        );
    }
    if (options.desk) this.desk?.start(this.o.deskIntervalMs ?? 1000);
  }

  async stop(): Promise<void> {
    await this.desk?.stop();
    if (this.o.appToken) await this.app.stop();
  }

  private sender(team: string, user: string): ChatSender {
    return { workspace: team, externalId: user, profile: () => slackProfile(this.client, user) };
  }

  private async userOf(team: string, user: string): Promise<UserRecord | null> {
    return this.o.store.users.findByIdentity({ platform: 'slack', workspace: team, externalId: user });
  }

  private event(
    id: string,
    team: string,
    user: string,
    channel: string,
    input:
      | { kind: 'message'; text: string; attachments?: ChatAttachment[]; rejectedFiles?: RejectedFile[] }
      | { kind: 'action'; payload: string },
    direct: boolean,
  ): ChatEvent {
    return {
      ...input,
      id,
      platform: 'slack',
      sender: this.sender(team, user),
      conversation: { kind: direct ? 'direct' : 'group', id: channel },
      receivedAt: this.clock(),
    };
  }

  private done(id: string): void {
    this.o.onProcessed?.(id);
  }

  private listen(): void {
    const { app } = this;

    // Socket Mode has no HTTP receiver to check bodies (receiver.ts does it in HTTP mode).
    if (this.o.appToken) app.use(socketModeCheck(this.log));

    // Slash command: `/bot <command>`; an empty one shows the home view (commands/home.ts).
    app.command(/.*/, async ({ command, ack, respond, client }) => {
      await ack();
      const id = `cmd:${command.trigger_id}`;
      try {
        const event = this.event(
          id,
          command.team_id,
          command.user_id,
          command.channel_id,
          { kind: 'message', text: command.text.trim() || 'home' },
          command.channel_name === 'directmessage',
        );
        const { reply, locale } = await this.o.bot.handle(event);
        if (!reply) return;
        if (await openForm(this.modals, reply, event, command.trigger_id, command.channel_id, locale, client))
          return;
        for (const m of renderSlackMessages(reply).slice(0, 5)) {
          await respond({ response_type: 'ephemeral', text: m.text, blocks: m.blocks });
        }
        await this.send.filesPrivately(client, command.user_id, command.channel_id, reply);
      } finally {
        this.done(id);
      }
    });

    // Direct messages to the bot, and staff replies in desk threads.
    app.message(async ({ message: m, body, client }) => {
      const id = String(body.event_id ?? `${m.channel}:${m.ts}`);
      try {
        // A person's message, plain or with files (inbound.ts lets no other through).
        if (m.subtype && m.subtype !== 'file_share') return;
        if (('bot_id' in m && m.bot_id) || !m.user) return;
        const team = String(body.team_id ?? ('team' in m ? m.team : undefined) ?? '');
        if (
          this.o.supportChannel &&
          m.channel === this.o.supportChannel &&
          m.thread_ts &&
          m.thread_ts !== m.ts
        ) {
          await this.staff.reply(team, m, id);
          return;
        }
        if (m.channel_type !== 'im') return;
        const { attachments, rejected } = await downloadSlackFiles(
          messageFiles(m.files),
          this.o.botToken,
          this.o.files,
          this.o.uploadRules,
        );
        const event = this.event(
          id,
          team,
          m.user,
          m.channel,
          {
            kind: 'message',
            text: String(m.text ?? ''),
            ...(attachments.length ? { attachments } : {}),
            ...(rejected.length ? { rejectedFiles: rejected } : {}),
          },
          true,
        );
        const { reply } = await this.o.bot.handle(event);
        if (reply) await this.send.post(client, m.channel, reply);
      } finally {
        this.done(id);
      }
    });

    // Mentions in channels: answered in a thread under the mention.
    app.event('app_mention', async ({ event: e, body, client }) => {
      const user = e.user ?? '';
      const id = String(body.event_id);
      try {
        const text =
          String(e.text ?? '')
            .replace(/<@[A-Z0-9]+>/g, '')
            .trim() || 'home';
        const chat = this.event(id, String(body.team_id), user, e.channel, { kind: 'message', text }, false);
        const { reply } = await this.o.bot.handle(chat);
        if (!reply) return;
        if (reply.ephemeral) {
          for (const msg of renderSlackMessages(reply)) {
            await client.chat.postEphemeral({
              channel: e.channel,
              user: user,
              text: msg.text,
              blocks: msg.blocks,
              thread_ts: e.thread_ts ?? e.ts,
            });
          }
          await this.send.filesPrivately(client, user, e.channel, reply);
        } else await this.send.post(client, e.channel, reply, e.thread_ts ?? e.ts);
      } finally {
        this.done(id);
      }
    });

    // Buttons of our messages: the value is the payload (a command or a short token).
    app.action<ButtonTap>(
      new RegExp(`^${BUTTON_ACTION}`),
      async ({ ack, body: b, action, respond, client }) => {
        await ack();
        const id = `act:${b.trigger_id ?? `${b.container?.message_ts}:${action.action_ts}`}`;
        try {
          const payload = String(action.value ?? '');
          const container = b.container ?? {};
          const channel = String(container.channel_id ?? b.channel?.id ?? '');
          const direct = channel.startsWith('D');
          const event = this.event(
            id,
            String(b.team?.id ?? b.user?.team_id ?? ''),
            b.user.id,
            channel,
            { kind: 'action', payload },
            direct,
          );
          const { reply, locale } = await this.o.bot.handle(event);
          if (!reply) return;
          if (await openForm(this.modals, reply, event, b.trigger_id, channel, locale, client)) return;
          if (container.is_ephemeral || !channel) {
            for (const m of renderSlackMessages(reply).slice(0, 5)) {
              await respond({
                response_type: 'ephemeral',
                replace_original: false,
                text: m.text,
                blocks: m.blocks,
              });
            }
            await this.send.filesPrivately(client, b.user.id, channel, reply);
          } else await this.send.post(client, channel, reply, container.thread_ts);
        } finally {
          this.done(id);
        }
      },
    );

    registerModals(app, this.modals);
    // The desk: its canned-reply shortcut and modal (desk-canned.ts), and the card's buttons.
    this.staff.listen(app);
    // The App Home tab (app-home.ts).
    new AppHome(this.modals, this.send, this.o).listen(app);

    // Someone changed their name in Slack (people.ts).
    app.event('user_change', async ({ event, body }) => {
      await renameFromSlack(this.o.store, String(body.team_id), event.user).finally(() =>
        this.done(String(body.event_id)),
      );
    });

    // Reactions on a desk card or thread: 👀 takes, ✅ resolves.
    app.event('reaction_added', async ({ event, body }) => {
      const id = String(body.event_id);
      try {
        await this.staff.react(String(body.team_id), event, id);
      } finally {
        this.done(id);
      }
    });

    app.error(async (err) => {
      this.log.error({ err: err.message }, 'Slack listener failed');
    });
  }

  /** Confirms in the thread what the customer got, once the notification was delivered (or not). */
  onDelivery(outcome: DeliveryOutcome): Promise<void> {
    return this.staff.onDelivery(outcome);
  }

  /** A notification for one Slack user, in their DM with the bot. */
  async push(target: PushTarget, reply: Reply, _options: PushOptions = {}): Promise<void> {
    let channel: string;
    try {
      channel = await this.send.dm(this.client, target.externalId);
    } catch (err) {
      const code = (err as { data?: { error?: string } }).data?.error;
      if (code === 'user_not_found' || code === 'user_disabled' || code === 'cannot_dm_bot') {
        throw new PermanentJobError('slack_unreachable', code);
      }
      throw err;
    }
    await this.send.post(this.client, channel, { ...reply, locale: reply.locale ?? target.locale });
  }
}
