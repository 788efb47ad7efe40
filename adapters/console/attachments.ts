/**
 * Files on the console: a word `@path` in a typed line attaches that local file, as a photo or a
 * document sent in a chat app would be. The file is read, stored through the file-storage
 * interface, and handed to the bot as an attachment; the word is removed from the text.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ChatAttachment } from '../../src/chat/types.ts';
import { type FileStorage, MAX_FILE_BYTES } from '../../src/files/storage.ts';

const MIME: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain',
  '.csv': 'text/csv',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.zip': 'application/zip',
};

export type AttachmentProblem = { kind: 'missing' | 'too_large'; path: string };

/** Splits `@path` words off `line`; returns the remaining text and the stored attachments. */
export async function takeAttachments(
  line: string,
  storage: FileStorage,
  cwd: string = process.cwd(),
): Promise<{ text: string; attachments: ChatAttachment[] } | { problem: AttachmentProblem }> {
  const words = line.split(/\s+/);
  const attachments: ChatAttachment[] = [];
  const kept: string[] = [];
  for (const word of words) {
    if (!word.startsWith('@') || word.length < 2) {
      kept.push(word);
      continue;
    }
    const file = path.resolve(cwd, word.slice(1));
    let size: number;
    try {
      const info = await stat(file);
      if (!info.isFile()) return { problem: { kind: 'missing', path: word.slice(1) } };
      size = info.size;
    } catch {
      return { problem: { kind: 'missing', path: word.slice(1) } };
    }
    if (size === 0 || size > MAX_FILE_BYTES) return { problem: { kind: 'too_large', path: word.slice(1) } };
    const stored = await storage.put(await readFile(file));
    attachments.push({
      name: path.basename(file),
      mime: MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      size: stored.size,
      storageKey: stored.key,
    });
  }
  return { text: kept.join(' ').trim(), attachments };
}
