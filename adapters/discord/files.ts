/**
 * Files a reply hands over, as Discord attachments (multipart `files[n]` with `payload_json`,
 * https://discord.com/developers/docs/reference#uploading-files): at most 10 per message, each within
 * the bot's upload limit. Discord has raised that limit over time and servers with boosts get more,
 * so the adapter keeps to 10 MiB, which every server accepts; a larger file goes as its signed
 * download link (`PUBLIC_URL`), or, without one, as a line saying where to get it.
 */
import type { FileBlock } from '../../src/chat/types.ts';
import type { FileStorage } from '../../src/files/storage.ts';
import { type Locale, t } from '../../src/i18n/index.ts';

export const DISCORD_MAX_FILES = 10;
export const DISCORD_FILE_LIMIT = 10 * 1024 * 1024;

export interface DiscordUpload {
  name: string;
  data: Buffer;
  contentType: string;
}

/** The messages that carry `files`: attachments in groups of 10, then one message of links or notes. */
export async function discordFileMessages(
  files: readonly FileBlock[],
  storage: FileStorage,
  locale: Locale,
  limit = DISCORD_FILE_LIMIT,
): Promise<{ content?: string; files?: DiscordUpload[] }[]> {
  const uploads: DiscordUpload[] = [];
  const lines: string[] = [];
  for (const { file, url } of files) {
    if (file.size <= limit) {
      uploads.push({ name: file.name, data: await storage.read(file.storageKey), contentType: file.mime });
    } else {
      lines.push(
        url
          ? t(locale, 'files.link', { name: file.name, url })
          : t(locale, 'files.too_large_here', { name: file.name }),
      );
    }
  }
  const out: { content?: string; files?: DiscordUpload[] }[] = [];
  for (let i = 0; i < uploads.length; i += DISCORD_MAX_FILES)
    out.push({ files: uploads.slice(i, i + DISCORD_MAX_FILES) });
  if (lines.length > 0) out.push({ content: lines.join('\n').slice(0, 2000) });
  return out;
}
