/**
 * The path every event takes after an adapter normalized it (docs/architecture.md §4.2): its turn (once,
 * in order per user: inbound.ts) → resolve identity → route → command → Reply. Errors stop here: a
 * `UserError` becomes a translated message;
 * anything else is logged with a reference id and the user gets an apology quoting it.
 */
import { randomUUID } from 'node:crypto';
import type { Config } from '../config.ts';
import { fanoutTap } from '../domain/audience/kinds.ts';
import type { Platform } from '../domain/platforms.ts';
import type { DomainServices } from '../domain/services.ts';
import { UserError } from '../errors.ts';
import type { FileLinks } from '../files/links.ts';
import type { UploadedFile } from '../files/storage.ts';
import { type Locale, t, translateRaw, translator } from '../i18n/index.ts';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import { resolveUser } from '../services/users.ts';
import type { Store, UserRecord } from '../store.ts';
import type { CommandContext, CommandServices } from './command.ts';
import { type FlowAnswers, type FlowDefinition, FlowEngine, FORM_STEP } from './flow.ts';
import { isEventId, isPlatformIdentity } from './ids.ts';
import { type EventRef, InboundLine, type KeptReply } from './inbound.ts';
import { normalizeInput } from './normalize.ts';
import { mayRun, type Router } from './router.ts';
import { type Button, type ChatEvent, type FormSpec, type Reply, text } from './types.ts';

/** The reply with a download link, issued for `userId`, on each file it hands over. */
export function withLinks(reply: Reply, userId: number, links: FileLinks | undefined): Reply {
  if (!links?.publicUrl || !reply.blocks.some((b) => b.type === 'file')) return reply;
  return {
    ...reply,
    blocks: reply.blocks.map((b) => {
      if (b.type !== 'file') return b;
      const url = links.url(b.file, userId);
      return url ? { ...b, url } : b;
    }),
  };
}

/** Button payloads `a:<token>` name a command stored server-side (ActionTokenStore). */
const TOKEN_PREFIX = 'a:';
/** How long a button keeps working after it was shown. */
const BUTTON_TTL_MS = 14 * 24 * 3600 * 1000;

/** A button for `userId` whose short payload runs `command` when pressed (until it expires). */
export async function tokenButton(
  store: Store,
  userId: number,
  label: string,
  command: string,
  now: Date,
  style?: Button['style'],
): Promise<Button> {
  const token = await store.actionTokens.create(userId, command, new Date(now.getTime() + BUTTON_TTL_MS));
  return { label, payload: TOKEN_PREFIX + token, ...(style ? { style } : {}) };
}

export interface BotOptions {
  store: Store;
  domain: DomainServices;
  config: Config;
  router: Router;
  logger: Logger;
  metrics?: Metrics;
  clock?: () => Date;
  /** Guided flows commands may start (commands/flows). */
  flows?: readonly FlowDefinition[];
  /** Reference ids for error reports; injectable for tests. */
  newRef?: () => string;
  /** Signs download links for the files a reply hands over (when `PUBLIC_URL` is set). */
  links?: FileLinks;
}

export interface HandledEvent {
  /** The reply to render, or null when the event was a duplicate and was ignored. */
  reply: Reply | null;
  /** The reply was kept from an earlier delivery that failed (see `handle`'s `confirm`). */
  replayed?: boolean;
  user: UserRecord | null;
  /** The locale the reply was written in. */
  locale: Locale;
}

export class Bot {
  private readonly options: BotOptions;
  private readonly services: CommandServices;
  private readonly newRef: () => string;
  private readonly flows: FlowEngine;
  private readonly inbound: InboundLine;

  constructor(options: BotOptions) {
    this.options = options;
    this.services = {
      store: options.store,
      domain: options.domain,
      config: options.config,
      clock: options.clock ?? (() => new Date()),
      links: options.links,
    };
    this.newRef = options.newRef ?? (() => randomUUID().slice(0, 8).toUpperCase());
    this.flows = new FlowEngine(options.store, options.flows ?? []);
    this.inbound = new InboundLine(options.store.inboundEvents);
  }

  get router(): Router {
    return this.options.router;
  }

  /**
   * Handles an event once, after the earlier events of the same user (inbound.ts). With `confirm`, the
   * event stays `handling` (the user's next event waits) until the adapter says whether the reply was
   * delivered: `delivered`, or `undelivered` with the reply, which a retry of the event sends again
   * instead of running the command twice.
   */
  async handle(
    event: ChatEvent,
    options: { confirm?: boolean; admitted?: boolean } = {},
  ): Promise<HandledEvent> {
    const { logger } = this.options;
    // The adapters' schemas refuse these first; this is the core's own check (src/chat/ids.ts).
    if (!isEventId(event.id) || !isPlatformIdentity({ platform: event.platform, ...event.sender })) {
      logger.child({ platform: event.platform }).warn('event with an id no platform sends ignored');
      this.options.metrics?.chatEvents.inc({ platform: event.platform, command: 'none', outcome: 'invalid' });
      return { reply: null, user: null, locale: event.sender.localeHint ?? 'ja' };
    }
    const turn = await this.inbound.turn(event, options.admitted);
    if (turn.kind === 'duplicate') {
      logger.child({ platform: event.platform, eventId: event.id }).info('duplicate event ignored');
      this.options.metrics?.chatEvents.inc({
        platform: event.platform,
        command: 'none',
        outcome: 'duplicate',
      });
      return { reply: null, user: null, locale: event.sender.localeHint ?? 'ja' };
    }
    if (turn.kind === 'replay') {
      // Handled before, its delivery failed: the same reply again (the command does not run twice).
      return { reply: turn.kept.reply, user: null, locale: turn.kept.locale, replayed: true };
    }
    let result: HandledEvent | undefined;
    try {
      result = await this.run(event);
      return result;
    } finally {
      // A confirmed event is finished by `delivered` / `undelivered`; any other is done now.
      if (!options.confirm || !result?.reply) await this.inbound.done(event);
    }
  }

  /**
   * Puts events in their users' lines as they arrive: adapters that queue them call it once they are
   * queued (it need not delay the acknowledgement) and pass `admitted` to `handle` (inbound.ts).
   */
  admit(events: readonly EventRef[]): Promise<void> {
    return this.inbound.admit(events);
  }

  /** The reply of a `confirm`ed event was delivered. */
  delivered(event: EventRef): Promise<void> {
    return this.inbound.done(event);
  }

  /** Every attempt to deliver `reply` failed: the event's retry sends it again. */
  undelivered(event: EventRef, kept: KeptReply, reason: string): Promise<void> {
    return this.inbound.undelivered(event, kept, reason);
  }

  /** True the first time a platform event id is seen: for what adapters handle outside `handle`. */
  firstTime(platform: Platform, eventId: string): Promise<boolean> {
    return this.inbound.firstTime(platform, eventId);
  }

  private async run(event: ChatEvent): Promise<HandledEvent> {
    const { store, logger, metrics, config } = this.options;
    const started = performance.now();
    const log = logger.child({ platform: event.platform, eventId: event.id });
    const outcome = { command: 'none', result: 'ok' };
    let user: UserRecord | null = null;
    let locale: Locale = event.sender.localeHint ?? 'ja';
    try {
      const resolved = await resolveUser(store, event.platform, event.sender, config.openSignupRole);
      user = resolved.user;
      locale = user.locale;
      if (resolved.created) log.info({ userId: user.id }, 'new user registered');

      // Files the upload rules refused: the person is told why, and the message is not processed.
      if (event.kind === 'message' && event.rejectedFiles?.length) {
        outcome.result = 'user_error';
        const lines = event.rejectedFiles.map((f) =>
          translateRaw(locale, f.problem, {
            name: f.name,
            limit: Math.round((f.limitBytes ?? config.maxUploadBytes) / 1024 / 1024),
          }),
        );
        return {
          reply: { blocks: [text([...lines, t(locale, 'upload.nothing_kept')].join('\n'))] },
          user,
          locale,
        };
      }

      const reply = withLinks(await this.dispatch(event, user, outcome), user.id, this.options.links);
      if (resolved.created)
        reply.blocks.unshift(text(t(locale, 'welcome.new_user', { name: user.displayName })));
      // A command may change the user's language (lang); the reply is then in the new one.
      return { reply, user, locale: reply.locale ?? locale };
    } catch (err) {
      if (err instanceof UserError) {
        outcome.result = 'user_error';
        return { reply: { blocks: [text(translateRaw(locale, err.key, err.params))] }, user, locale };
      }
      outcome.result = 'error';
      const ref = this.newRef();
      log.error({ err, ref, userId: user?.id, command: outcome.command }, 'command failed');
      return { reply: { blocks: [text(t(locale, 'error.internal', { ref }))] }, user, locale };
    } finally {
      metrics?.chatEvents.inc({
        platform: event.platform,
        command: outcome.command,
        outcome: outcome.result,
      });
      metrics?.chatLatency.observe({ platform: event.platform }, (performance.now() - started) / 1000);
    }
  }

  /**
   * A guided flow submitted whole as a form (Slack and Discord modals), with the same parsing and
   * checks as the step-by-step questions. Returns the reason per field, or the result.
   */
  async submitForm(
    event: ChatEvent,
    flowId: string,
    raw: Record<string, string>,
    files: Record<string, UploadedFile[]> = {},
    preset: FlowAnswers = {},
  ): Promise<{ errors: Record<string, string> } | { reply: Reply }> {
    const { user } = await resolveUser(
      this.options.store,
      event.platform,
      event.sender,
      this.options.config.openSignupRole,
    );
    return this.flows.submitForm(this.context(event, user, [], ''), flowId, raw, files, preset);
  }

  /** The flow `flowId` as a form for this user, given the answers so far (see FlowEngine.describe). */
  async describeForm(event: ChatEvent, flowId: string, answers: FlowAnswers = {}): Promise<FormSpec> {
    const { user } = await resolveUser(
      this.options.store,
      event.platform,
      event.sender,
      this.options.config.openSignupRole,
    );
    return this.flows.describe(this.context(event, user, [], ''), flowId, answers);
  }

  /** Ends the user's step-by-step flow (a form took its place) or form draft (the form was sent). */
  async clearFlow(userId: number): Promise<void> {
    await this.options.store.flows.clear(userId);
  }

  /**
   * Keeps what a form filled in over several pages holds so far (Discord modals), in the user's flow
   * session: it replaces the step-by-step questions, and lasts as long as a flow does.
   */
  async saveFormDraft(userId: number, flowId: string, draft: Record<string, unknown>): Promise<void> {
    await this.flows.saveDraft(userId, flowId, draft, this.services.clock());
  }

  /** The user's form draft of `flowId` (see saveFormDraft), or null. */
  async formDraft(userId: number, flowId: string): Promise<Record<string, unknown> | null> {
    return this.flows.draft(userId, flowId, this.services.clock());
  }

  private async dispatch(
    event: ChatEvent,
    user: UserRecord,
    outcome: { command: string; result: string },
  ): Promise<Reply> {
    const locale = user.locale;
    let input: string;
    if (event.kind === 'message') {
      input = event.text;
    } else if (event.payload.startsWith(TOKEN_PREFIX)) {
      const command = await this.options.store.actionTokens.resolve(
        event.payload.slice(TOKEN_PREFIX.length),
        user.id,
        this.services.clock(),
      );
      if (command === null) {
        outcome.result = 'expired_button';
        return { blocks: [text(t(locale, 'error.button_expired'))] };
      }
      input = command;
    } else {
      input = event.payload;
    }
    // A counted button of a fan-out's message (a job alert's Apply or Details): recorded for its
    // funnel, then the same as typing the command it stands for.
    const tap = event.kind === 'action' ? fanoutTap(input) : null;
    if (tap) {
      await this.options.store.alertTaps.record(tap.subjectId, user.id);
      input = tap.command;
    }
    // A user in a guided flow is answering its questions (cancel leaves it); a form's draft asks nothing.
    const session = await this.options.store.flows.get(user.id, this.services.clock());
    if (session !== null && session !== 'expired' && session.step !== FORM_STEP) {
      outcome.command = `flow:${session.flowId}`;
      return this.flows.continue(this.context(event, user, [], ''), session, normalizeInput(input));
    }
    const route = this.router.resolve(input, user.roles);
    if (route.kind === 'empty') {
      outcome.result = 'empty';
      return { blocks: [text(t(locale, 'error.empty_message'))] };
    }
    if (route.kind === 'unknown') {
      outcome.result = 'unknown';
      return unknownCommandReply(locale, route.input, route.suggestions);
    }
    outcome.command = route.command.name;
    if (!mayRun(route.command, user.roles)) {
      outcome.result = 'forbidden';
      return {
        blocks: [text(t(locale, user.roles.length === 0 ? 'error.invitation_only' : 'error.not_allowed'))],
      };
    }
    const reply = await route.command.run(this.context(event, user, route.args, route.rest));
    if (session === 'expired') reply.blocks.unshift(text(t(locale, 'flow.expired')));
    return reply;
  }

  private context(event: ChatEvent, user: UserRecord, args: string[], rest: string): CommandContext {
    const locale = user.locale;
    const button = (label: string, command: string, style?: Button['style']) =>
      tokenButton(this.options.store, user.id, label, command, this.services.clock(), style);
    const ctx: CommandContext = {
      user,
      actor: { userId: user.id, roles: user.roles, companyId: user.companyId },
      button,
      quickReply: async (label, command) => {
        const b = await button(label, command);
        return { label: b.label, payload: b.payload };
      },
      startFlow: (id, preset) => this.flows.start(ctx, id, preset),
      locale,
      t: translator(locale),
      args,
      rest,
      event,
      services: this.services,
      available: () => this.router.allowedFor(user.roles),
    };
    return ctx;
  }
}

function unknownCommandReply(locale: Locale, input: string, suggestions: string[]): Reply {
  const lines = [t(locale, 'error.unknown_command', { input: input.slice(0, 40) })];
  if (suggestions.length > 0) {
    lines.push(
      t(locale, 'error.did_you_mean', { suggestions: suggestions.join(t(locale, 'common.separator')) }),
    );
  }
  lines.push(t(locale, 'error.see_help'));
  return {
    blocks: [text(lines.join('\n'))],
    quickReplies: [...new Set([...suggestions, locale === 'ja' ? 'ヘルプ' : 'help'])].map((s) => ({
      label: s,
      payload: s,
    })),
  };
}
