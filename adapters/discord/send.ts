/**
 * A reply posted in a channel (a DM, or a channel the Gateway answers in): its messages rendered as the
 * renderer decides (render.ts, classic or Components V2), then its files (files.ts), in order.
 */
import type { API as GatewayAPI } from '@discordjs/core';
import type { API } from '@discordjs/core/http-only';
import { DiscordAPIError } from '@discordjs/rest';
import { filesOf, type Reply } from '../../src/chat/types.ts';
import type { FileStorage } from '../../src/files/storage.ts';
import type { Locale } from '../../src/i18n/index.ts';
import { discordFileMessages } from './files.ts';
import { type RenderOptions, renderDiscordMessages } from './render.ts';

export async function postReply(
  api: API | GatewayAPI,
  channelId: string,
  reply: Reply,
  o: { locale: Locale; files: FileStorage; render: RenderOptions },
): Promise<void> {
  const locale = reply.locale ?? o.locale;
  for (const message of renderDiscordMessages({ ...reply, locale }, o.render)) {
    await api.channels.createMessage(channelId, message);
  }
  for (const message of await discordFileMessages(filesOf(reply), o.files, locale)) {
    await api.channels.createMessage(channelId, message);
  }
}

/** The channel or thread is gone, or the bot may not write there (403 / 404): retrying will not help. */
export function channelGone(err: unknown): err is DiscordAPIError {
  return err instanceof DiscordAPIError && (err.status === 403 || err.status === 404);
}
