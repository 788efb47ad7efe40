/**
 * The console adapter: a terminal conversation with the bot, acting as one user. It is the reference
 * for the adapter contract: it only turns input into `ChatEvent`s and renders `Reply`s; every rule
 * lives in the bot, commands and services.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { ChatAdapter, PushTarget } from '../../src/chat/adapter.ts';
import type { Bot } from '../../src/chat/bot.ts';
import { normalizeInput } from '../../src/chat/normalize.ts';
import { type ChatEvent, type ChatSender, filesOf, type Reply } from '../../src/chat/types.ts';
import type { FileStorage } from '../../src/files/storage.ts';
import type { UploadRules } from '../../src/files/uploads.ts';
import type { Locale } from '../../src/i18n/index.ts';
import { PermanentJobError } from '../../src/queue.ts';
import type { UserRecord } from '../../src/store.ts';
import { takeAttachments } from './attachments.ts';
import { renderReply } from './render.ts';

const QUIT_WORDS = new Set(['exit', 'quit', '終了', 'おわり']);

/** A file name safe to write: no directories, no control characters, not empty or dot-only. */
export function safeName(name: string): string {
  const base = name
    .replace(/[\\/]/g, '_')
    .replace(/[\p{Cc}]/gu, '')
    .trim()
    .slice(0, 200);
  return base === '' || /^\.+$/.test(base) ? 'file' : base;
}

/** Writes `bytes` as `name` in `dir`, or `name (2)`… when another file has that name; returns the path. */
async function freePath(dir: string, name: string, bytes: Buffer): Promise<string> {
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 1; ; n++) {
    const candidate = path.join(dir, n === 1 ? name : `${stem} (${n})${ext}`);
    try {
      if ((await readFile(candidate)).equals(bytes)) return candidate;
    } catch {
      await writeFile(candidate, bytes, { flag: 'wx' });
      return candidate;
    }
  }
}

export interface ConsoleAdapterOptions {
  bot: Bot;
  sender: ChatSender;
  input: Readable;
  output: Writable;
  /** Show a prompt (interactive terminals); off when stdin is a pipe. */
  prompt?: boolean;
  clock?: () => Date;
  newEventId?: () => string;
  /** Where `@path` attachments are stored; without it `@words` stay ordinary text. */
  files?: FileStorage;
  /** What may be attached (`MAX_UPLOAD_MB`; default 25 MB). */
  uploadRules?: UploadRules;
  /**
   * Where files handed over in replies are written (`DATA_DIR/downloads/<user>/`); without it the
   * console only names them.
   */
  downloadsDir?: string;
  /** Called once, when the bot first tells who this session's user is (e.g. to serve their notifications). */
  onUser?: (user: UserRecord) => void;
}

export class ConsoleAdapter implements ChatAdapter {
  readonly platform = 'console' as const;
  private readonly options: ConsoleAdapterOptions;
  private choices: string[] = [];
  private locale: Locale = 'ja';
  private userKnown = false;
  private expectsText = false;

  constructor(options: ConsoleAdapterOptions) {
    this.options = options;
  }

  /** Turns one typed line into an event: a bare number picks a numbered choice from the last reply. */
  toEvent(line: string): ChatEvent {
    const base = {
      id: this.options.newEventId?.() ?? `console-${randomUUID()}`,
      platform: 'console' as const,
      sender: this.options.sender,
      conversation: { kind: 'direct' as const, id: this.options.sender.externalId },
      receivedAt: this.options.clock?.() ?? new Date(),
    };
    const picked =
      // A choice's number is 1–2 digits without a leading zero: `0005` is typed text (a bank code).
      !this.expectsText && /^\s*[1-9１-９][0-9０-９]?\s*$/.test(line)
        ? this.choices[Number(line.normalize('NFKC')) - 1]
        : undefined;
    return picked !== undefined
      ? { ...base, kind: 'action', payload: picked }
      : { ...base, kind: 'message', text: line };
  }

  /** Payloads of the numbered choices of the last reply ("[1]" is index 0). */
  lastChoices(): string[] {
    return [...this.choices];
  }

  /** Handles one line and returns what was printed for it (empty for a duplicate). */
  async handleLine(line: string): Promise<string> {
    let event = this.toEvent(line);
    if (event.kind === 'message' && this.options.files && /(^|\s)@\S/.test(line)) {
      const taken = await takeAttachments(line, this.options.files, process.cwd(), this.options.uploadRules);
      if ('problem' in taken) {
        const { path } = taken.problem;
        const message =
          this.locale === 'ja' ? `ファイルが見つかりません: ${path}` : `File not found: ${path}`;
        this.options.output.write(`${message}\n\n`);
        return message;
      }
      event = {
        ...event,
        text: taken.text,
        attachments: taken.attachments,
        ...(taken.rejected.length ? { rejectedFiles: taken.rejected } : {}),
      };
    }
    const { reply, locale, user } = await this.options.bot.handle(event);
    if (user && !this.userKnown) {
      this.userKnown = true;
      this.options.onUser?.(user);
    }
    if (!reply) return '';
    this.locale = locale;
    const printed = this.send(reply);
    return printed + (await this.saveFiles(reply));
  }

  /**
   * The files a reply hands over, written under `downloadsDir` with their own names (a different
   * file of the same name gets ` (2)`, the same file is not written twice); prints where each went.
   */
  private async saveFiles(reply: Reply): Promise<string> {
    const blocks = filesOf(reply);
    const { files, downloadsDir } = this.options;
    if (blocks.length === 0 || !files || !downloadsDir) return '';
    const ja = (reply.locale ?? this.locale) === 'ja';
    const lines: string[] = [];
    await mkdir(downloadsDir, { recursive: true });
    for (const { file } of blocks) {
      try {
        const bytes = await files.read(file.storageKey);
        const where = await freePath(downloadsDir, safeName(file.name), bytes);
        lines.push(`📁 ${ja ? '保存しました' : 'Saved'}: ${where}`);
      } catch {
        lines.push(`⚠ ${ja ? '保存できませんでした' : 'Could not save'}: ${file.name}`);
      }
    }
    const text = `${lines.join('\n')}\n\n`;
    this.options.output.write(text);
    return text;
  }

  /** Renders a reply to the terminal; also how pushed notifications will reach a console user. */
  send(reply: Reply): string {
    const rendered = renderReply(reply, reply.locale ?? this.locale);
    this.choices = rendered.choices;
    this.expectsText = reply.expectsText === true;
    this.options.output.write(`${rendered.text}\n\n`);
    return rendered.text;
  }

  /** A notification for the user of this terminal session; nobody else is reachable here. */
  async push(target: PushTarget, reply: Reply): Promise<void> {
    const { sender } = this.options;
    if (target.externalId !== sender.externalId || target.workspace !== sender.workspace) {
      throw new PermanentJobError('console_unreachable', 'that user has no open console session here');
    }
    const locale = reply.locale ?? target.locale;
    this.options.output.write(locale === 'ja' ? '🔔 通知\n' : '🔔 Notification\n');
    this.send({ ...reply, locale });
    await this.saveFiles({ ...reply, locale });
  }

  /** Reads lines until end of input or a quit word; lines are handled strictly one after another. */
  async run(): Promise<void> {
    const rl = readline.createInterface({ input: this.options.input, terminal: false });
    const prompt = () => {
      if (this.options.prompt) this.options.output.write(`${this.options.sender.displayName ?? ''}> `);
    };
    prompt();
    for await (const line of rl) {
      // `終了` ends the session whatever is pending (a flow's question, a notification being shown),
      // typed full-width or with a full stop too.
      if (
        QUIT_WORDS.has(
          normalizeInput(line)
            .replace(/[。.!！]+$/u, '')
            .toLowerCase(),
        )
      )
        break;
      if (line.trim() !== '') await this.handleLine(line);
      prompt();
    }
    rl.close();
  }
}
