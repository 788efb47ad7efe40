/**
 * Scripted console conversations for command tests: real bot, real store (a fresh schema), real
 * domain services, driven through the console adapter exactly as `npm run chat` would be.
 */
import { PassThrough } from 'node:stream';
import { ConsoleAdapter } from '../../adapters/console/index.ts';
import { renderReply } from '../../adapters/console/render.ts';
import type { Bot } from '../../src/chat/bot.ts';
import type { ChatAttachment, Reply } from '../../src/chat/types.ts';
import { loadConfig } from '../../src/config.ts';
import type { Actor } from '../../src/domain/actor.ts';
import type { Role } from '../../src/domain/roles.ts';
import { createDomainServices, type DomainServices } from '../../src/domain/services.ts';
import type { FileStorage, UploadedFile } from '../../src/files/storage.ts';
import type { Locale } from '../../src/i18n/index.ts';
import type { Store } from '../../src/store.ts';
import { buildBot } from '../../src/wiring/app.ts';
import { type DomainBench, openDomainBench } from './domain.ts';
import { memoryLogger } from './logger.ts';

export interface ChatSession {
  actor: Actor;
  handle: string;
  /** Types a line; returns what the console printed for it. */
  say(line: string): Promise<string>;
  /** Presses the button or quick reply whose label contains `label` in the last reply. */
  tap(label: string): Promise<string>;
  /** Labels of the numbered choices the last reply offered. */
  choices(): string[];
}

export interface ChatBench {
  b: DomainBench;
  bot: Bot;
  services: DomainServices;
  /** A person with a console identity `handle`, the given roles (and company), in `locale`. */
  as(
    handle: string,
    roles: Role[],
    options?: { companyId?: number | null; locale?: Locale; name?: string },
  ): Promise<ChatSession>;
  close(): Promise<void>;
}

let seq = 0;

export async function openChatBench(prefix: string): Promise<ChatBench> {
  const b = await openDomainBench(prefix);
  const services = createDomainServices(b.ctx);
  const bot = buildBot({
    store: b.store.store,
    domain: services,
    config: loadConfig({}),
    logger: memoryLogger('silent').logger,
    clock: b.clock,
  });
  return {
    b,
    bot,
    services,
    async as(handle, roles, options = {}) {
      const session = await consoleSession(b.store.store, bot, handle, roles, options);
      return { ...session, handle };
    },
    close: () => b.close(),
  };
}

/** Stores `content` as an upload, as an adapter does before handing a file to a service. */
export async function uploadFor(
  bench: ChatBench,
  name: string,
  content: string,
  mime = 'text/plain',
): Promise<UploadedFile> {
  return bench.b.upload(name, content, mime);
}

let fileSeq = 0;

/**
 * What the console would print when `handle` sends `line` with `files` attached, as an adapter does
 * once it stored them (the bytes are already in file storage).
 */
export async function sayWithFiles(
  bot: Bot,
  handle: string,
  line: string,
  files: readonly ChatAttachment[],
): Promise<string> {
  const { reply, locale } = await bot.handle({
    id: `files-${++fileSeq}-${Math.random()}`,
    platform: 'console',
    sender: { workspace: 'local', externalId: handle, displayName: handle },
    conversation: { kind: 'direct', id: handle },
    receivedAt: new Date(),
    kind: 'message',
    text: line,
    attachments: files.map((f) => ({
      name: f.name,
      mime: f.mime,
      size: f.size,
      ...(f.storageKey ? { storageKey: f.storageKey } : {}),
    })),
  });
  if (!reply) throw new Error('the bot ignored the message as a duplicate');
  return renderReply(reply, locale).text;
}

/**
 * A person with a console identity `handle`, the given roles (and company), in `locale`, talking
 * to `bot`: what the console prints for each line, and a tap on a numbered choice by its label.
 */
export async function consoleSession(
  store: Store,
  bot: Bot,
  handle: string,
  roles: Role[],
  options: { companyId?: number | null; locale?: Locale; name?: string; files?: FileStorage } = {},
): Promise<Omit<ChatSession, 'handle'>> {
  const user = await store.uow.run(async (tx) => {
    const u = await tx.users.insert({
      displayName: options.name ?? handle,
      locale: options.locale ?? 'ja',
      roles,
      companyId: options.companyId ?? null,
    });
    await tx.identities.insert({ userId: u.id, platform: 'console', workspace: 'local', externalId: handle });
    return u;
  });
  const adapter = new ConsoleAdapter({
    bot,
    sender: { workspace: 'local', externalId: handle, displayName: handle },
    input: new PassThrough(),
    output: new PassThrough(),
    ...(options.files ? { files: options.files } : {}),
    newEventId: () => `chat-${++seq}-${Math.random()}`,
  });
  let labels: string[] = [];
  const say = async (line: string) => {
    const printed = await adapter.handleLine(line);
    labels = [...printed.matchAll(/\[(\d+)\] ([^[\n]+?)(?=\s{2}|\s*$|\n)/gm)].map((m) => (m[2] ?? '').trim());
    return printed;
  };
  return {
    actor: { userId: user.id, roles, companyId: user.companyId },
    say,
    async tap(label) {
      const index = labels.findIndex((l) => l.includes(label));
      if (index === -1) throw new Error(`no choice labelled "${label}" in: ${labels.join(' | ')}`);
      return say(String(index + 1));
    },
    choices: () => [...labels],
  };
}

let replySeq = 0;

/** The reply itself (blocks, buttons, files) to `line` from a console person, before any rendering. */
export async function replyTo(bot: Bot, who: { handle: string }, line: string): Promise<Reply> {
  const { reply } = await bot.handle({
    id: `reply-${++replySeq}-${Math.random()}`,
    platform: 'console',
    sender: { workspace: 'local', externalId: who.handle },
    conversation: { kind: 'direct', id: who.handle },
    receivedAt: new Date(),
    kind: 'message',
    text: line,
  });
  if (!reply) throw new Error('no reply');
  return reply;
}
