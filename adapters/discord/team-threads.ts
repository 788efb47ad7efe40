/**
 * Team threads: a marketplace conversation with a team (チームに相談, or with a member about a job the
 * team works on; db/team-threads.ts says which) gets a thread in the team's bound Discord channel.
 * - Outbound (`syncOnce`, on the worker processes): opens the thread, then posts every message of the
 *   conversation written elsewhere (the client on LINE, Slack or the console, a member on LINE…).
 * - Inbound (`fromThread`, called by the Gateway): a member's answer in the thread is sent in the
 *   conversation as theirs, so it reaches the client on their platform; `//` keeps it in Discord.
 * - Delivery (`onDelivery`): ✅ on the member's message once the client got it, a line if not.
 * The conversation tables stay the source of truth: the mirror catches up every pass, so a restart or
 * a Discord outage delays the thread but loses nothing (TeamThreadStore's claims have a lease).
 * Team news keeps the channel itself (team-news.ts).
 */
import type { API } from '@discordjs/core/http-only';
import {
  type APIAllowedMentions,
  ChannelType,
  type GatewayMessageCreateDispatchData,
  ThreadAutoArchiveDuration,
} from 'discord-api-types/v10';
import type { Bot } from '../../src/chat/bot.ts';
import type { DomainServices } from '../../src/domain/services.ts';
import { UserError } from '../../src/errors.ts';
import { type Locale, t, translateRaw } from '../../src/i18n/index.ts';
import type { Logger } from '../../src/logger.ts';
import type { DeliveryOutcome } from '../../src/notifications/delivery.ts';
import type { Store, TeamThreadMessage, TeamThreadRecord } from '../../src/store.ts';
import { clip, splitText } from '../shared/text.ts';
import { channelGone } from './send.ts';

/** A thread reply starting with this stays in Discord (a note for the team), as in the Slack desk. */
export const NOTE_PREFIX = '//';
/** Discord: a thread name is 1–100 characters; message content ≤ 2,000. */
const MAX_THREAD_NAME = 100;
const MAX_CONTENT = 2000;
/** Nobody is pinged by what the mirror posts (a client's "@everyone" stays text). */
const NO_MENTIONS: APIAllowedMentions = { parse: [] };

/** The parts of a MESSAGE_CREATE a thread answer needs. */
type ThreadMessage = Pick<
  GatewayMessageCreateDispatchData,
  'id' | 'channel_id' | 'content' | 'author' | 'webhook_id' | 'attachments'
>;

export interface TeamThreadsOptions {
  /** Decides whether a Gateway event was seen before (src/chat/inbound.ts). */
  bot: Pick<Bot, 'firstTime'>;
  store: Store;
  domain: DomainServices;
  api: API;
  logger: Logger;
  /** The Gateway reads every message (the MESSAGE_CONTENT intent), not only mentions: the thread says how to answer. */
  readsAllMessages?: boolean;
  /** The channel's language (team channels are shared); answers to one member follow theirs. */
  locale?: Locale;
}

export class TeamThreads {
  private readonly o: TeamThreadsOptions;
  private readonly log: Logger;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(options: TeamThreadsOptions) {
    this.o = options;
    this.log = options.logger.child({ part: 'team-threads' });
  }

  private get locale(): Locale {
    return this.o.locale ?? 'ja';
  }

  /** One pass: new threads, then new messages. Returns how many Discord calls it made. */
  async syncOnce(): Promise<number> {
    let calls = 0;
    const { store } = this.o;
    for (const thread of await store.teamThreads.claimThreads(20)) {
      try {
        calls += await this.open(thread);
      } catch (err) {
        await store.teamThreads.releaseThread(thread.conversationId);
        if (channelGone(err)) {
          // The channel is gone or closed to the bot: nothing to retry until the team binds another.
          this.log.warn({ teamId: thread.teamId }, 'team channel not writable; thread not opened');
        } else {
          this.log.warn(
            { conversationId: thread.conversationId, err: (err as Error).message },
            'team thread not opened; will retry',
          );
        }
      }
    }
    for (const m of await store.teamThreads.claimMessages(50)) {
      try {
        calls += await this.post(m);
      } catch (err) {
        await store.teamThreads.releaseMessage(m.messageId);
        if (channelGone(err)) {
          // Deleted in Discord: the next pass opens a new thread (with the latest messages).
          await store.teamThreads.forgetThread(m.conversationId);
        }
        this.log.warn(
          { messageId: m.messageId, err: (err as Error).message },
          'thread message not posted; will retry',
        );
      }
    }
    return calls;
  }

  private async open(thread: TeamThreadRecord): Promise<number> {
    const { others, job } = await this.o.store.teamThreads.describe(thread.conversationId, thread.teamId);
    const who = others.join(t(this.locale, 'common.separator')) || '-';
    const l = this.locale;
    const name = [t(l, 'discord.thread.name', { who }), job?.title].filter(Boolean).join(' — ');
    // A public thread without a starter message: https://discord.com/developers/docs/resources/channel#start-thread-without-message
    const created = await this.o.api.channels.createThread(thread.channelId, {
      name: clip(name, MAX_THREAD_NAME),
      type: ChannelType.PublicThread,
      auto_archive_duration: ThreadAutoArchiveDuration.OneWeek,
    });
    const about = job ? t(l, 'discord.thread.about_job', { job: job.id, title: job.title }) : '';
    const how = t(l, this.o.readsAllMessages ? 'discord.thread.how_plain' : 'discord.thread.how_mention', {
      who,
    });
    await this.o.api.channels.createMessage(created.id, {
      content: clip(
        t(l, 'discord.thread.opening', { who, id: thread.conversationId, about, how }),
        MAX_CONTENT,
      ),
      allowed_mentions: NO_MENTIONS,
    });
    await this.o.store.teamThreads.threadCreated(thread.conversationId, created.id);
    return 2;
  }

  private async post(m: TeamThreadMessage): Promise<number> {
    const side = t(this.locale, m.senderInTeam ? 'discord.thread.side.team' : 'discord.thread.side.client');
    const text = `**${escapeMarkdown(m.senderName)}**(${side})\n${m.body}`;
    const ids: string[] = [];
    for (const content of splitText(text, MAX_CONTENT)) {
      const sent = await this.o.api.channels.createMessage(m.threadId, {
        content,
        allowed_mentions: NO_MENTIONS,
      });
      ids.push(sent.id);
    }
    const first = ids[0];
    if (first && !(await this.o.store.teamThreads.messagePosted(m.messageId, first))) {
      // A member wrote it in this thread a moment ago: their own message is already there.
      for (const id of ids) await this.o.api.channels.deleteMessage(m.threadId, id);
      return ids.length * 2;
    }
    return ids.length;
  }

  /**
   * A message in a channel the Gateway saw: when the channel is a team thread, it is handled here
   * (answered or ignored) and true comes back; false for any other channel.
   */
  async fromThread(m: ThreadMessage, botUserId: string | null): Promise<boolean> {
    const { store, api } = this.o;
    const thread = await store.teamThreads.threadAt(m.channel_id);
    if (!thread) return false;
    if (m.author.bot || m.webhook_id || m.author.id === botUserId) return true;
    const mention = botUserId ? new RegExp(`<@!?${botUserId}>`, 'g') : null;
    const text = (mention ? (m.content ?? '').replace(mention, ' ') : (m.content ?? '')).trim();
    const files = (m.attachments ?? []).length > 0;
    // Without the MESSAGE_CONTENT intent, a message that neither mentions the bot nor answers one of its
    // messages arrives empty: there is nothing to relay (the thread's first message says how to answer).
    if (text === '' && !files) return true;
    if (text.startsWith(NOTE_PREFIX)) {
      await api.channels.addMessageReaction(m.channel_id, m.id, '🔒');
      return true;
    }
    // Delivered by the Gateway again after a resume: relayed once.
    if (!(await this.o.bot.firstTime('discord', m.id))) return true;
    const user = await store.users.findByIdentity({
      platform: 'discord',
      workspace: '',
      externalId: m.author.id,
    });
    const locale = user?.locale ?? this.locale;
    if (!user) {
      await this.answer(m, t(locale, 'discord.thread.not_linked'));
      return true;
    }
    if (files) await this.answer(m, t(locale, 'discord.thread.files_not_sent'));
    if (text === '') return true;
    try {
      const actor = { userId: user.id, roles: user.roles, companyId: user.companyId };
      const record = await this.o.domain.messages.sendAsTeamMember(
        actor,
        thread.conversationId,
        thread.teamId,
        text,
      );
      await store.teamThreads.recordDiscordMessage(record.id, thread.conversationId, m.id);
      // Accepted for the client; the delivery itself is confirmed with ✅ (onDelivery).
      await api.channels.addMessageReaction(m.channel_id, m.id, '📤');
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      await this.answer(m, translateRaw(locale, err.key, err.params));
    }
    return true;
  }

  /** A short answer to one message in its thread. */
  private async answer(m: ThreadMessage, content: string): Promise<void> {
    await this.o.api.channels.createMessage(m.channel_id, {
      content: clip(content, MAX_CONTENT),
      message_reference: { message_id: m.id, fail_if_not_exists: false },
      allowed_mentions: NO_MENTIONS,
    });
  }

  /** ✅ on a member's answer once the client (someone outside the team) got it; a line when not. */
  async onDelivery(outcome: DeliveryOutcome): Promise<void> {
    if (outcome.row.type !== 'market.message') return;
    const { store, api } = this.o;
    const messageId = Number(outcome.row.payload.messageId);
    if (!Number.isSafeInteger(messageId) || messageId < 1) return;
    const at = await store.teamThreads.messageAt(messageId);
    if (at?.origin !== 'discord' || !at.discordMessageId) return;
    if (await store.teamThreads.inTeam(at.teamId, outcome.row.recipientUserId)) return;
    if (outcome.status === 'sent') {
      await api.channels.addMessageReaction(at.threadId, at.discordMessageId, '✅');
      return;
    }
    const who = await store.uow.read((tx) => tx.users.get(outcome.row.recipientUserId));
    await api.channels.createMessage(at.threadId, {
      content: clip(
        t(this.locale, 'discord.thread.failed', {
          who: who?.displayName ?? '-',
          reason: outcome.reason ?? '',
        }),
        MAX_CONTENT,
      ),
      message_reference: { message_id: at.discordMessageId, fail_if_not_exists: false },
      allowed_mentions: NO_MENTIONS,
    });
  }

  start(intervalMs = 1000): void {
    const tick = () => {
      this.running = this.syncOnce()
        .catch((err: unknown) => this.log.warn({ err }, 'team threads failed'))
        .finally(() => {
          if (this.timer !== undefined) this.timer = setTimeout(tick, intervalMs);
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }
}

/** A name shown in bold: Discord markdown characters in it stay text. */
function escapeMarkdown(s: string): string {
  return s.replace(/[\\*_~`|>]/g, '\\$&');
}
