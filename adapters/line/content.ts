/**
 * Files people send on LINE (image, video, audio, file messages): LINE keeps their content only a short,
 * unspecified time (docs/platforms.md §1.7), so it is fetched when the event is handled and goes straight to
 * file storage under the upload rules; the flow step gets the stored key.
 */
import type { ChatAttachment, RejectedFile } from '../../src/chat/types.ts';
import type { FileStorage } from '../../src/files/storage.ts';
import { acceptUpload, DEFAULT_UPLOAD_RULES, type UploadRules } from '../../src/files/uploads.ts';
import type { Logger } from '../../src/logger.ts';
import { LineApiError, type LineClient } from './client.ts';
import { contentName } from './events.ts';

export async function fetchContent(
  o: { client: LineClient; files: FileStorage; uploadRules?: UploadRules | undefined; log: Logger },
  kind: string,
  messageId: string,
  fileName: string | undefined,
): Promise<
  { attachment: ChatAttachment } | { rejected: RejectedFile } | { problem: 'platform.file_failed' }
> {
  const rules = o.uploadRules ?? DEFAULT_UPLOAD_RULES;
  try {
    const { bytes, contentType } = await o.client.content(messageId, rules.maxBytes);
    const mime = contentType.split(';')[0]?.trim() || 'application/octet-stream';
    return await acceptUpload(o.files, rules, bytes, fileName ?? contentName(kind, messageId, mime));
  } catch (err) {
    const e = err instanceof LineApiError ? err : undefined;
    o.log.warn({ messageId, err: (err as Error).message }, 'message content not fetched');
    if (e?.status === 413)
      return {
        rejected: { name: fileName ?? kind, problem: 'upload.too_large', limitBytes: rules.maxBytes },
      };
    return { problem: 'platform.file_failed' };
  }
}
