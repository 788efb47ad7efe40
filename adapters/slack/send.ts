/**
 * How a reply leaves for Slack: its messages (at most 50 blocks each, render.ts), then the files it
 * hands over, uploaded into the same conversation or thread; and the DM channel with a person,
 * opened once and remembered.
 */
import type { WebClient } from '@slack/web-api';
import { filesOf, type Reply } from '../../src/chat/types.ts';
import type { FileStorage } from '../../src/files/storage.ts';
import { renderSlackMessages } from './render.ts';

export class SlackSender {
  private readonly files: FileStorage;
  private readonly dmChannels = new Map<string, string>();

  constructor(files: FileStorage) {
    this.files = files;
  }

  async post(client: WebClient, channel: string, reply: Reply, threadTs?: string): Promise<void> {
    for (const m of renderSlackMessages(reply)) {
      await client.chat.postMessage({
        channel,
        text: m.text,
        blocks: m.blocks,
        ...(threadTs ? { thread_ts: threadTs } : {}),
      });
    }
    await this.sendFiles(client, channel, reply, threadTs);
  }

  /**
   * The files a reply hands over, uploaded into `channel` (or its thread) after the message, in one
   * share: Slack's external upload flow (files.getUploadURLExternal, the upload, then
   * files.completeUploadExternal; https://docs.slack.dev/messaging/working-with-files#upload),
   * which `filesUploadV2` runs. files.upload was retired on 2025-11-12.
   */
  async sendFiles(client: WebClient, channel: string, reply: Reply, threadTs?: string): Promise<void> {
    const files = filesOf(reply);
    if (files.length === 0) return;
    const file_uploads = await Promise.all(
      files.map(async ({ file }) => ({
        file: await this.files.read(file.storageKey),
        filename: file.name,
        title: file.name,
      })),
    );
    await client.filesUploadV2({
      channel_id: channel,
      ...(threadTs ? { thread_ts: threadTs } : {}),
      file_uploads,
    });
  }

  /** Files of an answer only its reader sees (ephemeral): into their DM with the bot, never the channel. */
  async filesPrivately(client: WebClient, user: string, channel: string, reply: Reply): Promise<void> {
    if (filesOf(reply).length === 0) return;
    await this.sendFiles(client, channel.startsWith('D') ? channel : await this.dm(client, user), reply);
  }

  /** The DM channel with `user` (conversations.open once, then remembered). */
  async dm(client: WebClient, user: string): Promise<string> {
    const known = this.dmChannels.get(user);
    if (known) return known;
    const res = await client.conversations.open({ users: user });
    const channel = String(res.channel?.id ?? '');
    this.dmChannels.set(user, channel);
    return channel;
  }
}
