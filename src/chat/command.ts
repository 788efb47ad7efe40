/**
 * What a conversational command is. Commands live in `commands/`, one group per file; they receive a
 * context of core types only (no platform payloads) and return a `Reply`.
 */
import type { Config } from '../config.ts';
import type { Actor } from '../domain/actor.ts';
import type { Role } from '../domain/roles.ts';
import type { DomainServices } from '../domain/services.ts';
import type { FileLinks } from '../files/links.ts';
import type { Locale, MessageKey, Translator } from '../i18n/index.ts';
import type { Store, UserRecord } from '../store.ts';
import type { FlowAnswers } from './flow.ts';
import type { Button, ChatEvent, QuickReply, Reply } from './types.ts';

export interface CommandServices {
  store: Store;
  domain: DomainServices;
  config: Config;
  clock: () => Date;
  /** Signed links (file downloads, identity-document pages); undefined where no server runs. */
  links?: FileLinks | undefined;
}

export interface CommandContext {
  user: UserRecord;
  /** The user as domain services take them (id, roles, company). */
  actor: Actor;
  locale: Locale;
  t: Translator;
  /** Arguments after the command name, already NFKC-normalized and split on whitespace. */
  args: string[];
  /** Everything after the command name, normalized, whitespace preserved. */
  rest: string;
  event: ChatEvent;
  services: CommandServices;
  /** Commands the user may run, for help. */
  available(): readonly Command[];
  /**
   * A button that runs `command` (a command line, as the user would type it) for this user when
   * pressed. Its payload is a short server-side token, so any command fits every platform's limit.
   */
  button(label: string, command: string, style?: Button['style']): Promise<Button>;
  /** The same as a quick reply. */
  quickReply(label: string, command: string): Promise<QuickReply>;
  /** Starts a guided flow (commands/flows) for this user and returns its first question. */
  startFlow(id: string, preset?: FlowAnswers): Promise<Reply>;
}

export interface Command {
  /** Canonical English name, used in button payloads and logs. */
  name: string;
  /** Every name a user may type, both languages (matched after NFKC and lower-casing). */
  aliases: { ja: readonly string[]; en: readonly string[] };
  summary: Extract<MessageKey, `cmd.${string}.summary`>;
  /** Who may run it; omitted = anyone, including someone who has no role yet. */
  roles?: readonly Role[];
  run(ctx: CommandContext): Promise<Reply>;
}
