/**
 * Files on the console: a word `@path` in a typed line attaches that local file, as a photo or a
 * document sent in a chat app would be. The file is read, checked against the upload rules like any
 * platform's, stored through the file-storage interface, and handed to the bot as an attachment; the
 * word is removed from the text.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ChatAttachment, RejectedFile } from '../../src/chat/types.ts';
import type { FileStorage } from '../../src/files/storage.ts';
import { acceptUpload, DEFAULT_UPLOAD_RULES, tooLarge, type UploadRules } from '../../src/files/uploads.ts';

export type AttachmentProblem = { kind: 'missing'; path: string };

/**
 * Splits `@path` words off `line`; returns the remaining text, the stored attachments and the files
 * the upload rules refused (src/files/uploads.ts; the bot says why, nothing of them is stored).
 */
export async function takeAttachments(
  line: string,
  storage: FileStorage,
  cwd: string = process.cwd(),
  rules: UploadRules = DEFAULT_UPLOAD_RULES,
): Promise<
  { text: string; attachments: ChatAttachment[]; rejected: RejectedFile[] } | { problem: AttachmentProblem }
> {
  const words = line.split(/\s+/);
  const attachments: ChatAttachment[] = [];
  const rejected: RejectedFile[] = [];
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
    const name = path.basename(file);
    if (tooLarge(size, rules)) {
      rejected.push({ name, problem: 'upload.too_large', limitBytes: rules.maxBytes });
      continue;
    }
    const accepted = await acceptUpload(storage, rules, await readFile(file), name);
    if ('rejected' in accepted) rejected.push(accepted.rejected);
    else attachments.push(accepted.attachment);
  }
  return { text: kept.join(' ').trim(), attachments, rejected };
}
