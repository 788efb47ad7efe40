/**
 * Files a reply hands over, on LINE. A bot can send images but no other kind of file
 * (https://developers.line.biz/en/reference/messaging-api/#message-objects), and LINE fetches an
 * image from an HTTPS address itself, so everything goes through the file's signed download link
 * (`PUBLIC_URL`, https):
 * - a JPEG or PNG of at most 1 MB becomes an image message (the same address serves as its preview,
 *   which LINE wants at most 1 MB; https://developers.line.biz/en/reference/messaging-api/#image-message);
 * - anything else becomes a card with the file's name and size and a download button (URI action);
 * - without an HTTPS link, a line says so and where to get the file instead.
 */
import type { messagingApi } from '@line/bot-sdk';
import type { FileBlock } from '../../src/chat/types.ts';
import { type Locale, t } from '../../src/i18n/index.ts';
import { clip } from '../shared/text.ts';

/** What a file becomes on LINE: an image, a card with a download button, or a line of text. */
export type LineFileMessage = messagingApi.ImageMessage | messagingApi.FlexMessage | messagingApi.TextMessage;

const PREVIEW_MAX = 1024 * 1024;
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png']);

const size = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function lineFileMessages(files: readonly FileBlock[], locale: Locale): LineFileMessage[] {
  const out: LineFileMessage[] = [];
  const missing: string[] = [];
  for (const { file, url } of files) {
    if (!url?.startsWith('https://')) {
      missing.push(t(locale, 'files.no_link', { name: file.name }));
      continue;
    }
    if (IMAGE_TYPES.has(file.mime) && file.size <= PREVIEW_MAX) {
      out.push({ type: 'image', originalContentUrl: url, previewImageUrl: url });
      continue;
    }
    out.push({
      type: 'flex',
      altText: clip(`📎 ${file.name}`, 400),
      contents: {
        type: 'bubble',
        size: 'kilo',
        body: {
          type: 'box',
          layout: 'vertical',
          spacing: 'sm',
          contents: [
            { type: 'text', text: clip(`📎 ${file.name}`, 2000), wrap: true, weight: 'bold' },
            {
              type: 'text',
              text: `${file.mime} · ${size(file.size)}`,
              size: 'xs',
              color: '#8C8C8C',
              wrap: true,
            },
          ],
        },
        footer: {
          type: 'box',
          layout: 'vertical',
          contents: [
            {
              type: 'button',
              style: 'primary',
              color: '#06C755',
              action: { type: 'uri', label: t(locale, 'files.download'), uri: url },
            },
          ],
        },
      },
    });
  }
  if (missing.length > 0) out.push({ type: 'text', text: clip(missing.join('\n'), 5000) });
  return out;
}
