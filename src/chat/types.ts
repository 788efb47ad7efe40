/**
 * The platform-neutral message model. Adapters turn a platform payload into a `ChatEvent` and render a
 * `Reply` within their platform's limits (docs/platforms.md); commands see only these types.
 */
import type { Platform } from '../domain/platforms.ts';
import type { Locale } from '../i18n/index.ts';

/** Who sent an event, as the platform knows them. */
export interface ChatSender {
  /** Workspace / guild scope of the id ('' where the platform has one global id space, e.g. LINE). */
  workspace: string;
  /** The platform's user id (LINE userId, Slack user id, Discord user id, console name). */
  externalId: string;
  displayName?: string;
  /** The platform's language hint, used only for a brand-new user. */
  localeHint?: Locale;
  /**
   * Looks the person up on the platform (name, language) when the event does not carry them. Called
   * only for a newcomer, once, before they are registered; a failure registers them without it.
   */
  profile?: () => Promise<{ displayName?: string; localeHint?: Locale }>;
}

export interface ChatAttachment {
  name: string;
  mime: string;
  size: number;
  /** Where the adapter put the bytes (file-storage key); set once stored. */
  storageKey?: string;
}

interface ChatEventBase {
  /** The platform's event id, used for dedupe (LINE webhookEventId, Slack event_id, Discord interaction id). */
  id: string;
  platform: Platform;
  sender: ChatSender;
  /** 'direct' for one-to-one chats; 'group' for channels, groups and rooms. */
  conversation: { kind: 'direct' | 'group'; id: string };
  receivedAt: Date;
}

/** Typed text, possibly with attachments. */
export interface MessageEvent extends ChatEventBase {
  kind: 'message';
  text: string;
  attachments?: ChatAttachment[];
  /** Files the person sent that the upload rules refused (src/files/uploads.ts); nothing of them was stored. */
  rejectedFiles?: RejectedFile[];
}

export interface RejectedFile {
  name: string;
  problem: 'upload.too_large' | 'upload.type_not_allowed' | 'upload.empty' | 'upload.failed';
  /** The size limit it was held to, in bytes (named in the message). */
  limitBytes?: number;
}

/** A button, quick reply or select was pressed; `payload` is the short token the button carried. */
export interface ActionEvent extends ChatEventBase {
  kind: 'action';
  payload: string;
}

export type ChatEvent = MessageEvent | ActionEvent;

/**
 * A button's payload is either a command line to run as if typed, or a short opaque token resolved
 * server-side. Kept ≤ 100 characters so it fits Discord custom_id (100) and LINE postback data (300).
 */
export interface Button {
  label: string;
  payload: string;
  style?: 'primary' | 'danger' | 'default';
}

export const BUTTON_PAYLOAD_MAX = 100;

export interface Field {
  label: string;
  value: string;
}

export interface TextBlock {
  type: 'text';
  text: string;
}

export interface CardBlock {
  type: 'card';
  title: string;
  subtitle?: string;
  body?: string;
  fields: Field[];
  buttons?: Button[];
}

export interface ListBlock {
  type: 'list';
  title?: string;
  items: { title: string; description?: string; button?: Button }[];
}

export interface ButtonsBlock {
  type: 'buttons';
  buttons: Button[];
}

/** A file in file storage, as a reply hands it over (work files, deliveries, attachments). */
export interface ReplyFile {
  storageKey: string;
  name: string;
  mime: string;
  size: number;
}

/**
 * A file handed to the person the reply is for. Each adapter sends the bytes its platform's way
 * (README, "Files"); `url` is a signed download link issued for that person (set by the core when
 * `PUBLIC_URL` is configured), for platforms that can only link to a file.
 */
export interface FileBlock {
  type: 'file';
  file: ReplyFile;
  url?: string;
}

export type Block = TextBlock | CardBlock | ListBlock | ButtonsBlock | FileBlock;

export const fileBlock = (file: ReplyFile): FileBlock => ({ type: 'file', file });

/** The files a reply hands over, in order. */
export const filesOf = (reply: { blocks: readonly Block[] }): FileBlock[] =>
  reply.blocks.filter((b): b is FileBlock => b.type === 'file');

/** Short suggestions shown under the reply (LINE quick reply ≤ 13, rendered as buttons elsewhere). */
export interface QuickReply {
  label: string;
  payload: string;
}

export interface Reply {
  blocks: Block[];
  quickReplies?: QuickReply[];
  /** Only the caller should see it, where the platform can do that (Slack ephemeral, Discord). */
  ephemeral?: boolean;
  /**
   * The reply asks for typed input (a number, an amount, a date): a client that maps typed numbers
   * to numbered choices (the console) must send them as text instead.
   */
  expectsText?: boolean;
  /** Set when the command changed the user's language, so the adapter knows what this reply is in. */
  locale?: Locale;
  /**
   * A guided flow began with this reply. Clients with forms (Slack and Discord modals) may show the
   * whole flow as one form instead (`Bot.describeForm` / `Bot.submitForm`); others ask step by step.
   */
  form?: {
    flowId: string;
    preset: Record<string, string | number>;
    /** Files the command was given for a files field (e.g. a logo sent with it): the form does not ask again. */
    files?: Record<string, ReplyFile[]>;
  };
}

/** One question of a guided flow, as a form field. */
export interface FormField {
  name: string;
  label: string;
  type: 'text' | 'number' | 'yen' | 'date' | 'choice' | 'files';
  optional: boolean;
  /** For choice fields: the options given the answers so far. */
  choices?: { value: string; label: string }[];
  /** For choice fields: typed text is also accepted (e.g. a store name to search). */
  acceptsText?: boolean;
  /** For files fields: how many files it takes at most. */
  maxFiles?: number;
}

export interface FormSpec {
  flowId: string;
  fields: FormField[];
}

export const text = (value: string): TextBlock => ({ type: 'text', text: value });
