/**
 * Files users share in Slack: fetched from `url_private_download` with the bot token (Slack's files
 * are private to the workspace) and put in file storage, so a flow step or an inquiry gets the bytes.
 */
import type { ChatAttachment } from '../../src/chat/types.ts';
import { type FileStorage, MAX_FILE_BYTES } from '../../src/files/storage.ts';

export interface SlackFile {
  id: string;
  name?: string;
  title?: string;
  mimetype?: string;
  size?: number;
  url_private_download?: string;
  url_private?: string;
}

export async function downloadSlackFiles(
  files: readonly SlackFile[],
  botToken: string,
  storage: FileStorage,
): Promise<{ attachments: ChatAttachment[]; failed: string[] }> {
  const attachments: ChatAttachment[] = [];
  const failed: string[] = [];
  for (const f of files) {
    const url = f.url_private_download ?? f.url_private;
    const name = f.name ?? f.title ?? f.id;
    if (!url || (f.size ?? 0) > MAX_FILE_BYTES) {
      failed.push(name);
      continue;
    }
    try {
      // `redirect: manual`: without a valid token Slack redirects to a login page, which is not the file.
      const res = await fetch(url, {
        headers: { authorization: `Bearer ${botToken}` },
        redirect: 'manual',
        signal: AbortSignal.timeout(30_000),
      });
      if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
      const bytes = Buffer.from(await res.arrayBuffer());
      if (bytes.length === 0 || bytes.length > MAX_FILE_BYTES) throw new Error('empty or too large');
      const stored = await storage.put(bytes);
      attachments.push({
        name,
        mime: f.mimetype ?? res.headers.get('content-type') ?? 'application/octet-stream',
        size: stored.size,
        storageKey: stored.key,
      });
    } catch {
      failed.push(name);
    }
  }
  return { attachments, failed };
}
