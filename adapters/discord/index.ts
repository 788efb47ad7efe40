/**
 * The Discord adapter: HTTP interactions at `POST /discord/interactions` (no Gateway) and the REST
 * API through `@discordjs/rest` / `@discordjs/core`, which queue per route bucket, keep under the
 * 50 req/s global limit and wait out 429s (`retry_after`) themselves (docs/platforms.md §3.3).
 *
 * Every interaction is verified (Ed25519) before anything else. A command gets its answer in the
 * HTTP response when it is ready within 2 s; otherwise the response defers (type 5) and the answer
 * follows with the interaction token (`@original`, then follow-ups for whatever does not fit one
 * message). A guided flow a command or a button starts opens as modals, page by page (forms.ts).
 * In servers, answers are ephemeral (only the caller sees their invoices and applications); team
 * news goes to the team's bound channel (team-news.ts), personal notifications to DMs.
 */
import { API } from '@discordjs/core/http-only';
import { DiscordAPIError, REST } from '@discordjs/rest';
import {
  type APIApplicationCommandAutocompleteInteraction,
  type APIInteraction,
  type APIInteractionResponse,
  type APIPingInteraction,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
} from 'discord-api-types/v10';
import type { ChatAdapter, PushOptions, PushTarget } from '../../src/chat/adapter.ts';
import type { Bot } from '../../src/chat/bot.ts';
import { type ChatEvent, filesOf, type Reply } from '../../src/chat/types.ts';
import type { DomainServices } from '../../src/domain/services.ts';
import type { FileStorage } from '../../src/files/storage.ts';
import type { UploadRules } from '../../src/files/uploads.ts';
import type { HttpResponse, HttpServer } from '../../src/http/server.ts';
import { utf8 } from '../../src/http/utf8.ts';
import type { Logger } from '../../src/logger.ts';
import type { DeliveryOutcome } from '../../src/notifications/delivery.ts';
import { PermanentJobError } from '../../src/queue.ts';
import type { Store } from '../../src/store.ts';
import { type CommandGroups, commandLine, FREE_TEXT_COMMAND } from './commands.ts';
import { discordFileMessages } from './files.ts';
import { type Answer, DiscordForms } from './forms.ts';
import { checkInteraction, parsePageButton } from './inbound.ts';
import { eventOf, userOf } from './interaction-event.ts';
import { fetchAttachments, suggest } from './options.ts';
import { type DiscordMessage, type RenderOptions, renderDiscordMessages } from './render.ts';
import { postReply } from './send.ts';
import { TeamNews } from './team-news.ts';
import { TeamThreads } from './team-threads.ts';
import { isValidDiscordRequest, publicKeyFromHex } from './verify.ts';

export interface DiscordAdapterOptions {
  publicKey: string;
  applicationId: string;
  botToken: string;
  /** REST base, e.g. https://discord.com/api (the library adds /v10). */
  apiUrl: string;
  bot: Bot;
  store: Store;
  domain: DomainServices;
  groups: CommandGroups;
  /** Where files attached to `/bot file:` are stored. */
  files: FileStorage;
  /** What people may send (`MAX_UPLOAD_MB`; default 25 MB). */
  uploadRules?: UploadRules;
  logger: Logger;
  clock?: () => Date;
  timeZone: string;
  /** Components V2 for cards and lists with buttons (render.ts; default on, `DISCORD_COMPONENTS_V2=off`). */
  componentsV2?: boolean;
  /** Defer when the answer is not ready after this long (default 2,000 ms; Discord allows 3 s). */
  deferAfterMs?: number;
  teamNewsIntervalMs?: number;
  /** Called when an interaction was fully answered, follow-ups included (tests wait on it). */
  onProcessed?: (interactionId: string) => void;
}

const EPHEMERAL = MessageFlags.Ephemeral;
const DEFERRED = InteractionResponseType.DeferredChannelMessageWithSource;
/** The HTTP answer to an interaction (https://discord.com/developers/docs/interactions/receiving-and-responding). */
const respond = (body: APIInteractionResponse): HttpResponse => ({ status: 200, body });

/** A message with the interaction's flags (EPHEMERAL) added to its own: IS_COMPONENTS_V2 is kept, never replaced. */
const flagged = <M extends object>(m: M, flags: number) => ({
  ...m,
  flags: ('flags' in m && typeof m.flags === 'number' ? m.flags : 0) | flags,
});

/** An interaction other than a ping, checked by inbound.ts (the fields read here are there). */
type Interaction = Exclude<APIInteraction, APIPingInteraction>;

export class DiscordAdapter implements ChatAdapter {
  readonly platform = 'discord' as const;
  readonly api: API;
  readonly news: TeamNews;
  private readonly o: DiscordAdapterOptions;
  private readonly key;
  private readonly log: Logger;
  private readonly dmChannels = new Map<string, string>();
  private threads: TeamThreads | undefined;
  private readonly render: RenderOptions;
  private readonly forms: DiscordForms;

  constructor(options: DiscordAdapterOptions) {
    this.o = options;
    this.key = publicKeyFromHex(options.publicKey);
    this.log = options.logger.child({ platform: 'discord' });
    this.render = { componentsV2: options.componentsV2 !== false };
    this.forms = new DiscordForms({
      bot: options.bot,
      store: options.store,
      files: options.files,
      ...(options.uploadRules ? { uploadRules: options.uploadRules } : {}),
      log: this.log,
      render: this.render,
    });
    const rest = new REST({ api: options.apiUrl, version: '10' }).setToken(options.botToken);
    this.api = new API(rest);
    this.news = new TeamNews({
      store: options.store,
      post: (channelId, message) => this.api.channels.createMessage(channelId, message).then(() => undefined),
      logger: this.log,
    });
  }

  mount(http: HttpServer): void {
    http.route('POST', '/discord/interactions', async (req) => {
      const signature = req.headers['x-signature-ed25519'];
      const timestamp = req.headers['x-signature-timestamp'];
      if (
        !isValidDiscordRequest(
          this.key,
          req.rawBody,
          typeof signature === 'string' ? signature : undefined,
          typeof timestamp === 'string' ? timestamp : undefined,
        )
      ) {
        return { status: 401, body: { error: 'invalid request signature' } };
      }
      let body: unknown;
      try {
        const text = utf8(req.rawBody);
        if (text === null) throw new Error('not UTF-8');
        body = JSON.parse(text);
      } catch {
        this.log.warn('Discord request whose body is not UTF-8 JSON ignored');
        return { status: 400, body: { error: 'body is not JSON' } };
      }
      // Checked before anything else (inbound.ts): nothing of an interaction that does not fit is processed.
      const checked = checkInteraction(body);
      if (!checked.ok) {
        this.log.warn(
          { interactionId: checked.id, reason: checked.reason },
          'Discord interaction that does not fit its schema ignored',
        );
        return { status: 400, body: { error: checked.reason } };
      }
      return this.interaction(checked.interaction);
    });
  }

  /** Team news and team threads run on the worker processes (`news`). */
  start(options: { news: boolean; messageContent?: boolean }): void {
    if (!options.news) return;
    this.threads = new TeamThreads({
      bot: this.o.bot,
      store: this.o.store,
      domain: this.o.domain,
      api: this.api,
      logger: this.log,
      readsAllMessages: options.messageContent ?? false,
    });
    this.news.start(this.o.teamNewsIntervalMs ?? 1000);
    this.threads.start(this.o.teamNewsIntervalMs ?? 1000);
  }

  async stop(): Promise<void> {
    await Promise.all([this.news.stop(), this.threads?.stop()]);
  }

  /** ✅ in a team thread once a member's answer reached the client (team-threads.ts). */
  async onDelivery(outcome: DeliveryOutcome): Promise<void> {
    await this.threads?.onDelivery(outcome);
  }

  private async interaction(i: APIInteraction): Promise<HttpResponse> {
    if (i.type === InteractionType.Ping) return respond({ type: InteractionResponseType.Pong });
    if (i.type === InteractionType.ApplicationCommandAutocomplete)
      return respond({
        type: InteractionResponseType.ApplicationCommandAutocompleteResult,
        data: { choices: await this.autocomplete(i) },
      });
    const flags = i.guild_id ? EPHEMERAL : 0;
    const id = String(i.id);
    let answer: () => Promise<Answer>;
    if (i.type === InteractionType.ApplicationCommand) {
      const { data } = i;
      const { subcommand, args } = commandLine(data);
      // Files attached to `/bot file:` (a context-menu command's `resolved` holds none).
      const resolved =
        'resolved' in data && data.resolved && 'attachments' in data.resolved ? data.resolved : {};
      // `/bot` with nothing to say (no text, no file) opens the home view, as Slack's empty `/bot` does.
      const typed = `${subcommand} ${args}`.trim();
      const text = typed === '' && !resolved.attachments ? 'home' : typed;
      answer = async () => {
        const { attachments, rejected } = await fetchAttachments(
          resolved.attachments,
          this.o.files,
          this.log,
          this.o.uploadRules,
        );
        return this.run(
          eventOf(i, this.o.clock?.() ?? new Date(), {
            kind: 'message',
            text,
            ...(attachments.length ? { attachments } : {}),
            ...(rejected.length ? { rejectedFiles: rejected } : {}),
          }),
          data.name === FREE_TEXT_COMMAND,
        );
      };
    } else if (i.type === InteractionType.MessageComponent) {
      const payload = i.data.custom_id;
      // A button under a form's page opens the next (or a refused) page's modal (forms.ts).
      answer = parsePageButton(payload)
        ? () => this.form(i, (event) => this.forms.page(event, payload))
        : () => this.run(eventOf(i, this.o.clock?.() ?? new Date(), { kind: 'action', payload }), false);
    } else {
      // MODAL_SUBMIT: the last type inbound.ts lets through.
      const { data } = i;
      answer = () => this.form(i, (event) => this.forms.submit(event, data));
    }

    const work = answer();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), this.o.deferAfterMs ?? 2000);
    });
    const first = await Promise.race([work, late]).finally(() => clearTimeout(timer));
    if (first === 'late') {
      // Deferred: Discord shows "thinking…" and the answer replaces it when ready (token valid 15 min).
      // The deferral may carry only EPHEMERAL; a V2 answer sets its flag on the @original edit (deliver).
      void work
        .then((a) => this.deliver(i, a, flags, true))
        .catch((err: unknown) => this.log.error({ err }, 'deferred Discord answer failed'))
        .finally(() => this.o.onProcessed?.(id));
      // `flags` is 0 in DMs, which MessageFlags does not name: this body is not typed as a response.
      return { status: 200, body: { type: DEFERRED, data: { flags } } };
    }
    if (first.kind === 'duplicate') {
      // Seen before: acknowledge without showing anything (the deferred placeholder is removed).
      setTimeout(() => {
        this.api.interactions
          .deleteReply(this.o.applicationId, String(i.token))
          .catch(() => undefined)
          .finally(() => this.o.onProcessed?.(id));
      }, 20);
      return respond({ type: DEFERRED, data: { flags: EPHEMERAL } });
    }
    if (first.kind === 'modal') {
      // The form replaces the step-by-step questions the flow started with.
      await first.begin?.();
      queueMicrotask(() => this.o.onProcessed?.(id));
      return respond({ type: InteractionResponseType.Modal, data: first.modal });
    }
    const [head, ...rest] = first.messages;
    // The rest follow once Discord has our response (a follow-up before it would be refused).
    setTimeout(() => {
      this.followUps(i, rest, flags)
        .then(() => this.fileFollowUps(i, first, flags))
        .catch((err: unknown) => this.log.error({ err }, 'Discord follow-up failed'))
        .finally(() => this.o.onProcessed?.(id));
    }, 20);
    return respond({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: flagged(head ?? {}, flags),
    });
  }

  private async deliver(i: Interaction, a: Answer, flags: number, deferred: boolean): Promise<void> {
    if (a.kind === 'duplicate') {
      await this.api.interactions.deleteReply(this.o.applicationId, String(i.token));
      return;
    }
    // Too late for a modal: the flow goes on step by step, as it started. The edit carries the
    // head's own flags (IS_COMPONENTS_V2 for a V2 answer); the deferral already made it ephemeral.
    const [head, ...rest] = a.messages;
    if (deferred && head) await this.api.interactions.editReply(this.o.applicationId, String(i.token), head);
    await this.followUps(i, rest, flags);
    await this.fileFollowUps(i, a, flags);
  }

  /** The files of an answer, as follow-ups with attachments (discord/files.ts). */
  private async fileFollowUps(i: Interaction, a: Answer, flags: number): Promise<void> {
    if (a.kind !== 'messages' || !a.files?.length) return;
    for (const m of await discordFileMessages(a.files, this.o.files, a.locale ?? 'ja')) {
      await this.api.interactions.followUp(this.o.applicationId, String(i.token), flagged(m, flags));
    }
  }

  private async followUps(i: Interaction, messages: DiscordMessage[], flags: number): Promise<void> {
    for (const m of messages) {
      await this.api.interactions.followUp(this.o.applicationId, String(i.token), flagged(m, flags));
    }
  }

  /**
   * What the bot answers to a command or a button. A flow it starts opens as a modal (forms.ts):
   * from a subcommand or a button always, typed in the conversation (`/bot text:`) when one page holds it.
   */
  private async run(event: ChatEvent, conversation: boolean): Promise<Answer> {
    const { reply, locale } = await this.o.bot.handle(event);
    if (!reply) return { kind: 'duplicate' };
    const messages = renderDiscordMessages(reply, this.render);
    const form = reply.form ? await this.forms.first(event, reply.form, locale, conversation) : null;
    if (form) {
      const user = await this.o.store.users.findByIdentity({
        platform: 'discord',
        workspace: '',
        externalId: event.sender.externalId,
      });
      return {
        kind: 'modal',
        modal: form.modal,
        messages,
        ...(user ? { begin: () => form.begin(user.id) } : {}),
      };
    }
    return { kind: 'messages', messages, files: filesOf(reply), locale };
  }

  /** A form's page opened or submitted, once per interaction id. */
  private async form(i: Interaction, handle: (event: ChatEvent) => Promise<Answer>): Promise<Answer> {
    if (!(await this.o.bot.firstTime('discord', String(i.id)))) return { kind: 'duplicate' };
    return handle(eventOf(i, this.o.clock?.() ?? new Date(), { kind: 'message', text: '' }));
  }

  private autocomplete(i: APIApplicationCommandAutocompleteInteraction) {
    return suggest(commandLine(i.data), userOf(i).id, this.o, this.log);
  }

  /** A notification for one Discord user, by DM. */
  async push(target: PushTarget, reply: Reply, _options: PushOptions = {}): Promise<void> {
    try {
      let channel = this.dmChannels.get(target.externalId);
      if (!channel) {
        channel = (await this.api.users.createDM(target.externalId)).id;
        this.dmChannels.set(target.externalId, channel);
      }
      await postReply(this.api, channel, reply, {
        locale: target.locale,
        files: this.o.files,
        render: this.render,
      });
    } catch (err) {
      // 50007: the user does not accept DMs from us; 10013: unknown user (https://discord.com/developers/docs/topics/opcodes-and-status-codes).
      if (err instanceof DiscordAPIError && (err.code === 50007 || err.code === 10013)) {
        throw new PermanentJobError('discord_unreachable', err.message);
      }
      throw err;
    }
  }
}
