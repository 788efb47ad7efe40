/**
 * Files users share in Slack: fetched from `url_private_download` with the bot token (Slack's files
 * are private to the workspace), checked against the upload rules (src/files/uploads.ts) and put in
 * file storage, so a flow step or an inquiry gets the bytes. A file over the limit is refused on its
 * declared size, before it is downloaded.
 */
import type { ChatAttachment, RejectedFile } from '../../src/chat/types.ts';
import type { FileStorage } from '../../src/files/storage.ts';
import { acceptUpload, DEFAULT_UPLOAD_RULES, tooLarge, type UploadRules } from '../../src/files/uploads.ts';

/** A file object of a message or a file_input (inbound.ts checks these fields). */
export interface SlackFile {
  id: string;
  name?: string | undefined;
  title?: string | undefined;
  mimetype?: string | undefined;
  size?: number | undefined;
  url_private_download?: string | undefined;
  url_private?: string | undefined;
}

export async function downloadSlackFiles(
  files: readonly SlackFile[],
  botToken: string,
  storage: FileStorage,
  rules: UploadRules = DEFAULT_UPLOAD_RULES,
): Promise<{ attachments: ChatAttachment[]; rejected: RejectedFile[] }> {
  const attachments: ChatAttachment[] = [];
  const rejected: RejectedFile[] = [];
  for (const f of files) {
    const url = f.url_private_download ?? f.url_private;
    const name = f.name ?? f.title ?? f.id;
    if (tooLarge(f.size, rules)) {
      rejected.push({ name, problem: 'upload.too_large', limitBytes: rules.maxBytes });
      continue;
    }
    if (!url) {
      rejected.push({ name, problem: 'upload.failed' });
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
      const accepted = await acceptUpload(storage, rules, Buffer.from(await res.arrayBuffer()), name);
      if ('rejected' in accepted) rejected.push(accepted.rejected);
      else attachments.push(accepted.attachment);
    } catch {
      rejected.push({ name, problem: 'upload.failed' });
    }
  }
  return { attachments, rejected };
}
