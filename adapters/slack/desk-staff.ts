/**
 * What staff do in the desk channel's inquiry threads (docs/domain.md §2.4): a reply in a thread goes to
 * the customer on their own platform (`//` keeps it as an internal note); the card's buttons and the
 * 👀 / ✅ reactions take and resolve; once a reply was delivered, the thread says on which platform.
 * The threads themselves are drawn by desk.ts (DeskMirror).
 */
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { FileShareMessageEvent, GenericMessageEvent, ReactionAddedEvent } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Bot } from '../../src/chat/bot.ts';
import type { Actor } from '../../src/domain/actor.ts';
import type { DomainServices } from '../../src/domain/services.ts';
import { UserError } from '../../src/errors.ts';
import type { FileStorage } from '../../src/files/storage.ts';
import { DEFAULT_UPLOAD_RULES, type UploadRules } from '../../src/files/uploads.ts';
import { type Locale, t, translateRaw } from '../../src/i18n/index.ts';
import type { DeliveryOutcome } from '../../src/notifications/delivery.ts';
import type { Store } from '../../src/store.ts';
import { DESK_RESOLVE, DESK_TAKE, type DeskMirror } from './desk.ts';
import { DeskCanned } from './desk-canned.ts';
import { downloadSlackFiles } from './files.ts';
import { messageFiles } from './inbound.ts';

const REACTION_TAKE = new Set(['eyes']);
const REACTION_RESOLVE = new Set(['white_check_mark', 'heavy_check_mark']);
/** A thread reply starting with this stays in Slack (internal note). */
const NOTE_PREFIX = '//';

/** A person's message: plain, or with files. */
type PersonMessage = GenericMessageEvent | FileShareMessageEvent;
/** Where a card's button was pressed, and by whom. */
interface Tap {
  team: string;
  user: string;
  channel: string;
  ts: string;
}

export interface DeskStaffOptions {
  client: WebClient;
  /** Decides whether an event id was seen before (src/chat/inbound.ts). */
  bot: Pick<Bot, 'firstTime'>;
  store: Store;
  domain: DomainServices;
  files: FileStorage;
  botToken: string;
  supportChannel?: string | undefined;
  mirror?: DeskMirror | undefined;
  uploadRules?: UploadRules | undefined;
}

export class DeskStaff {
  private readonly o: DeskStaffOptions;
  /** 定型文 in the threads (desk-canned.ts). */
  private readonly canned: DeskCanned;

  constructor(options: DeskStaffOptions) {
    this.o = options;
    this.canned = new DeskCanned({
      client: options.client,
      desk: options.store.desk,
      domain: options.domain,
      staffOf: (team, user) => this.staffOf(team, user),
    });
  }

  /** The desk's own listeners: the canned-reply shortcut and its modal, the card's buttons. */
  listen(app: App): void {
    this.canned.listen(app);
    app.action<BlockAction<ButtonAction>>(DESK_TAKE, async ({ ack, body, action }) => {
      await ack();
      await this.act(body, Number(action.value), 'take');
    });
    app.action<BlockAction<ButtonAction>>(DESK_RESOLVE, async ({ ack, body, action }) => {
      await ack();
      await this.act(body, Number(action.value), 'resolve');
    });
  }

  /** The Slack user as staff (null when not linked or not staff), and the language to answer in. */
  private async staffOf(team: string, user: string): Promise<{ actor: Actor | null; locale: Locale }> {
    const u = await this.o.store.users.findByIdentity({
      platform: 'slack',
      workspace: team,
      externalId: user,
    });
    const staff = u !== null && (u.roles.includes('staff') || u.roles.includes('admin'));
    return {
      actor: staff ? { userId: u.id, roles: u.roles, companyId: u.companyId } : null,
      locale: u?.locale ?? 'ja',
    };
  }

  /** Only `user` sees it, under the thread. */
  private async tell(channel: string, threadTs: string, user: string, text: string): Promise<void> {
    await this.o.client.chat.postEphemeral({ channel, user, thread_ts: threadTs, text });
  }

  private async inquiryOfTs(channel: string, ts: string): Promise<number | null> {
    const direct = await this.o.store.desk.inquiryAt(channel, ts);
    if (direct !== null) return direct;
    // A reaction on a reply: find the thread it belongs to.
    const res = await this.o.client.conversations.replies({ channel, ts, limit: 1 }).catch(() => null);
    const root = res?.messages?.[0]?.thread_ts;
    return root ? this.o.store.desk.inquiryAt(channel, String(root)) : null;
  }

  /** A staff reply in an inquiry's thread goes to the customer; `//` keeps it as an internal note. */
  async reply(team: string, m: PersonMessage, eventId: string): Promise<void> {
    const { client, store } = this.o;
    if (!(await this.o.bot.firstTime('slack', eventId))) return;
    const channel = String(m.channel);
    // Called for thread replies only: `thread_ts` is there.
    const thread = String(m.thread_ts);
    const inquiryId = await store.desk.inquiryAt(channel, thread);
    if (inquiryId === null) return;
    const text = String(m.text ?? '').trim();
    if (text.startsWith(NOTE_PREFIX)) {
      await client.reactions.add({ channel, timestamp: m.ts, name: 'lock' });
      return;
    }
    const { actor, locale } = await this.staffOf(team, m.user);
    if (!actor) {
      await this.tell(channel, thread, m.user, t(locale, 'desk.relay.not_staff'));
      return;
    }
    if (await this.canned.fromThread(actor, locale, m.user, { inquiryId, channel, threadTs: thread }, text))
      return;
    const { attachments, rejected } = await downloadSlackFiles(
      messageFiles(m.files),
      this.o.botToken,
      this.o.files,
      this.o.uploadRules,
    );
    if (rejected.length > 0) {
      // Nothing is relayed: the customer must not get half a reply. Staff see why, only them.
      const limit = Math.round((this.o.uploadRules ?? DEFAULT_UPLOAD_RULES).maxBytes / 1024 / 1024);
      const lines = rejected.map((f) => translateRaw(locale, f.problem, { name: f.name, limit }));
      await this.tell(channel, thread, m.user, [...lines, t(locale, 'upload.nothing_kept')].join('\n'));
      return;
    }
    try {
      const { record } = await this.o.domain.inquiries.addMessage(actor, inquiryId, {
        body: text,
        attachments: attachments.flatMap((a) =>
          a.storageKey ? [{ storageKey: a.storageKey, name: a.name, mime: a.mime, size: a.size }] : [],
        ),
      });
      await store.desk.recordDeskMessage(record.id, inquiryId, channel, String(m.ts));
      // Accepted for the customer; the delivery itself is confirmed in the thread (onDelivery).
      await client.reactions.add({ channel, timestamp: m.ts, name: 'outbox_tray' });
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      await this.tell(channel, thread, m.user, translateRaw(locale, err.key, err.params));
    }
  }

  /** The card's 対応開始 / 完了にする buttons (and the reactions that stand for them, `decide`). */
  private async act(
    b: BlockAction<ButtonAction>,
    inquiryId: number,
    verb: 'take' | 'resolve',
  ): Promise<void> {
    const team = String(b.team?.id ?? b.user?.team_id ?? '');
    const channel = String(b.channel?.id ?? b.container?.channel_id ?? '');
    const ts = String(b.message?.ts ?? b.container?.message_ts ?? '');
    await this.decide({ team, user: b.user.id, channel, ts }, inquiryId, verb);
  }

  private async decide({ team, user, channel, ts }: Tap, inquiryId: number, verb: 'take' | 'resolve') {
    const { actor, locale } = await this.staffOf(team, user);
    if (!actor) {
      await this.tell(channel, ts, user, t(locale, 'desk.relay.not_staff'));
      return;
    }
    try {
      if (verb === 'take') await this.o.domain.inquiries.take(actor, inquiryId);
      else await this.o.domain.inquiries.resolve(actor, inquiryId);
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      await this.tell(channel, ts, user, translateRaw(locale, err.key, err.params));
    }
    this.o.mirror?.kick();
  }

  /** 👀 on a card or thread takes the inquiry, ✅ resolves it. */
  async react(team: string, e: ReactionAddedEvent, eventId: string): Promise<void> {
    // A reaction on a file has no channel: not on a card.
    if (!this.o.supportChannel || e.item?.channel !== this.o.supportChannel) return;
    const verb = REACTION_TAKE.has(e.reaction) ? 'take' : REACTION_RESOLVE.has(e.reaction) ? 'resolve' : null;
    if (!verb) return;
    if (!(await this.o.bot.firstTime('slack', eventId))) return;
    const inquiryId = await this.inquiryOfTs(e.item.channel, e.item.ts);
    if (inquiryId === null) return;
    await this.decide({ team, user: e.user, channel: e.item.channel, ts: e.item.ts }, inquiryId, verb);
  }

  /** Confirms in the thread what the customer got, once the notification was delivered (or not). */
  async onDelivery(outcome: DeliveryOutcome): Promise<void> {
    if (outcome.row.type !== 'inquiry.message') return;
    const messageId = Number(outcome.row.payload.messageId);
    const at = await this.o.store.desk.messageAt(messageId);
    if (at?.origin !== 'desk' || !at.ts) return;
    const thread = await this.o.store.desk.threadOf(Number(outcome.row.payload.inquiryId));
    if (!thread?.ts) return;
    const text =
      outcome.status === 'sent'
        ? t('ja', 'desk.relay.sent', {
            platform: translateRaw('ja', `desk.platform.${outcome.platform}`),
          })
        : t('ja', 'desk.relay.failed', { reason: outcome.reason ?? '' });
    await this.o.client.chat.postMessage({
      channel: thread.channel,
      thread_ts: thread.ts,
      text,
      blocks: [{ type: 'context', elements: [{ type: 'mrkdwn', text }] }],
    });
  }
}
