/**
 * The support desk in Slack threads (docs/domain.md §2.4). Every open inquiry gets a summary card in the
 * desk channel; everything said on it (by the customer on LINE, by staff anywhere) follows as thread
 * replies, with its files; the card is redrawn (`chat.update`) when the status or assignee changes.
 * The inquiry tables are the source of truth and the mirror catches up with them every pass, so a
 * restart or a Slack outage delays the thread but loses nothing (DeskStore's claims have a lease).
 */
import type { Button as SlackButton } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Actor } from '../../src/domain/actor.ts';
import type { DomainServices } from '../../src/domain/services.ts';
import type { HistoryEntry, InquiryDetail } from '../../src/domain/support/inquiry-reads.ts';
import type { SlaStatus } from '../../src/domain/support/sla.ts';
import type { FileStorage } from '../../src/files/storage.ts';
import { formatDate } from '../../src/i18n/format.ts';
import { type Locale, t, translateRaw } from '../../src/i18n/index.ts';
import type { Logger } from '../../src/logger.ts';
import { ratingLine } from '../../src/notifications/csat.ts';
import type { DeskStore } from '../../src/store.ts';
import { DeskSla, slaLine } from './desk-sla.ts';
import { mrkdwnEscape, type SlackBlock } from './render.ts';

/** The mirror reads as the desk itself: staff visibility, no person. */
const DESK_ACTOR: Actor = { userId: 0, roles: ['staff'], companyId: null };
export const DESK_TAKE = 'desk-take';
export const DESK_RESOLVE = 'desk-resolve';

/** What the card shows that can change: as db/desk.ts computes it (CARD_STATE) to find stale cards. */
export const cardState = (d: InquiryDetail) =>
  `${d.inquiry.status}:${d.inquiry.assigneeId ?? ''}${d.rating ? `:${d.rating.score}${d.rating.comment === null ? '' : 'c'}` : ''}`;

export function renderCard(
  d: InquiryDetail,
  locale: Locale,
  timeZone: string,
  sla: SlaStatus | null = null,
): { text: string; blocks: SlackBlock[] } {
  const tr = (key: Parameters<typeof translateRaw>[1], params?: Record<string, string | number>) =>
    translateRaw(locale, key, params);
  const { inquiry } = d;
  const title = t(locale, 'desk.card.title', { id: inquiry.id });
  const name = (r: { nameJa: string; nameEn: string }) => (locale === 'ja' ? r.nameJa : r.nameEn);
  const category = [name(d.category), d.subtopic ? name(d.subtopic) : ''].filter(Boolean).join(' / ');
  const customer = d.history[0]?.author.displayName ?? '';
  const status = tr(`support.status.${inquiry.status}` as Parameters<typeof translateRaw>[1]);
  const fields = [
    [tr('desk.card.store'), d.store ? `${d.store.name}(${d.store.prefecture})` : tr('desk.card.no_store')],
    [tr('desk.card.customer'), `${customer} / ${d.company.name}`],
    [tr('desk.card.status'), status],
    [tr('desk.card.assignee'), d.assignee?.displayName ?? tr('desk.card.unassigned')],
    [tr('desk.card.created'), formatDate(inquiry.createdAt, locale, timeZone)],
  ];
  // 満足度 once the customer rated it (docs/domain.md §2.11).
  if (d.rating) fields.push([tr('csat.field'), ratingLine(locale, d.rating)]);
  const blocks: SlackBlock[] = [
    {
      type: 'section',
      text: { type: 'mrkdwn', text: `*${mrkdwnEscape(title)}*  ${mrkdwnEscape(category)}` },
    },
    {
      type: 'section',
      fields: fields.map(([label, value]) => ({
        type: 'mrkdwn',
        text: `*${mrkdwnEscape(label ?? '')}*\n${mrkdwnEscape(value ?? '')}`,
      })),
    },
  ];
  if (inquiry.comment) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: mrkdwnEscape(inquiry.comment).slice(0, 2900) },
    });
  }
  // The time left to the SLA targets, in business hours (docs/domain.md §2.8).
  const slaText = inquiry.status === 'completed' ? '' : slaLine(sla, locale);
  if (slaText)
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `⏱ ${mrkdwnEscape(slaText)}` }] });
  if (inquiry.status !== 'completed') {
    const buttons: SlackButton[] = [];
    if (inquiry.status === 'received') {
      buttons.push({
        type: 'button',
        action_id: DESK_TAKE,
        value: String(inquiry.id),
        style: 'primary',
        text: { type: 'plain_text', text: tr('desk.card.take') },
      });
    }
    buttons.push({
      type: 'button',
      action_id: DESK_RESOLVE,
      value: String(inquiry.id),
      text: { type: 'plain_text', text: tr('desk.card.resolve') },
    });
    blocks.push({ type: 'actions', elements: buttons });
  }
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: mrkdwnEscape(tr('desk.card.hint')) }] });
  return { text: `${title} ${category} — ${status}`, blocks };
}

function entryText(entry: HistoryEntry, locale: Locale): string {
  const who = t(locale, entry.author.side === 'staff' ? 'desk.message.staff' : 'desk.message.customer', {
    name: entry.author.displayName,
  });
  return `*${mrkdwnEscape(who)}*\n${mrkdwnEscape(entry.body)}`.slice(0, 2900);
}

export interface DeskMirrorOptions {
  client: WebClient;
  channel: string;
  store: DeskStore;
  domain: Pick<DomainServices, 'inquiryReads' | 'deskSla'>;
  files: FileStorage;
  logger: Logger;
  timeZone: string;
  locale?: Locale;
}

export class DeskMirror {
  private readonly o: DeskMirrorOptions;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private again = false;
  /** SLA lines on the cards and SLA alerts in the threads (desk-sla.ts). */
  readonly sla: DeskSla;

  constructor(options: DeskMirrorOptions) {
    this.o = options;
    this.sla = new DeskSla({
      client: options.client,
      store: options.store,
      domain: options.domain,
      logger: options.logger,
      locale: this.locale,
      redraw: async (inquiryId, channel, ts) => {
        const { card, line } = await this.draw(await options.domain.inquiryReads.get(DESK_ACTOR, inquiryId));
        await options.client.chat.update({ channel, ts, text: card.text, blocks: card.blocks });
        return line;
      },
    });
  }

  /** The card of an inquiry, with its SLA status now, and the SLA line it shows. */
  private draw(detail: InquiryDetail): { card: ReturnType<typeof renderCard>; line: string } {
    const sla = this.o.domain.deskSla.statusOf(detail.inquiry, detail.category);
    return {
      card: renderCard(detail, this.locale, this.o.timeZone, sla),
      line: detail.inquiry.status === 'completed' ? '' : slaLine(sla, this.locale),
    };
  }

  private get locale(): Locale {
    return this.o.locale ?? 'ja';
  }

  /** One pass: new cards, new messages, redrawn cards. Returns how many Slack calls it made. */
  async syncOnce(): Promise<number> {
    let calls = 0;
    const { store, client, channel } = this.o;
    const reads = this.o.domain.inquiryReads;
    for (const inquiryId of await store.claimThreads(channel, 20)) {
      try {
        const detail = await reads.get(DESK_ACTOR, inquiryId);
        const { card, line } = this.draw(detail);
        const res = await client.chat.postMessage({ channel, text: card.text, blocks: card.blocks });
        calls++;
        await store.threadPosted(inquiryId, String(res.ts), cardState(detail));
        await store.setSlaShown(inquiryId, line);
        // The opening comment is on the card; its files go into the thread.
        const opening = detail.history[0];
        if (opening && opening.attachments.length > 0) calls += await this.upload(opening, String(res.ts));
      } catch (err) {
        await store.releaseThread(inquiryId);
        this.o.logger.warn({ inquiryId, err: (err as Error).message }, 'desk card not posted; will retry');
      }
    }
    const details = new Map<number, InquiryDetail>();
    for (const m of await store.claimMessages(50)) {
      try {
        let detail = details.get(m.inquiryId);
        if (!detail) {
          detail = await reads.get(DESK_ACTOR, m.inquiryId);
          details.set(m.inquiryId, detail);
        }
        const entry = detail.history.find((h) => h.messageId === m.messageId);
        if (!entry) {
          await store.releaseMessage(m.messageId);
          continue;
        }
        const res = await client.chat.postMessage({
          channel: m.channel,
          thread_ts: m.threadTs,
          text: entry.body.slice(0, 3000),
          blocks: [{ type: 'section', text: { type: 'mrkdwn', text: entryText(entry, this.locale) } }],
        });
        calls++;
        if (!(await store.messagePosted(m.messageId, String(res.ts)))) {
          // Staff wrote it in this thread a moment ago: their own message is already there.
          await client.chat.delete({ channel: m.channel, ts: String(res.ts) });
          calls++;
          continue;
        }
        if (entry.attachments.length > 0) calls += await this.upload(entry, m.threadTs);
      } catch (err) {
        await store.releaseMessage(m.messageId);
        this.o.logger.warn(
          { messageId: m.messageId, err: (err as Error).message },
          'desk message not mirrored; will retry',
        );
      }
    }
    for (const stale of await store.staleCards(20)) {
      try {
        const detail = await reads.get(DESK_ACTOR, stale.inquiryId);
        const { card, line } = this.draw(detail);
        await client.chat.update({
          channel: stale.channel,
          ts: stale.ts,
          text: card.text,
          blocks: card.blocks,
        });
        calls++;
        await store.setCardState(stale.inquiryId, cardState(detail));
        await store.setSlaShown(stale.inquiryId, line);
      } catch (err) {
        this.o.logger.warn(
          { inquiryId: stale.inquiryId, err: (err as Error).message },
          'desk card not updated',
        );
      }
    }
    try {
      calls += await this.sla.pass();
    } catch (err) {
      this.o.logger.warn({ err: (err as Error).message }, 'desk SLA pass failed');
    }
    return calls;
  }

  private async upload(entry: HistoryEntry, threadTs: string): Promise<number> {
    let calls = 0;
    for (const a of entry.attachments) {
      // files.uploadV2: getUploadURLExternal + upload + completeUploadExternal (docs/platforms.md §2.7).
      await this.o.client.filesUploadV2({
        channel_id: this.o.channel,
        thread_ts: threadTs,
        file: await this.o.files.read(a.storageKey),
        filename: a.name,
        title: a.name,
      });
      calls += 3;
    }
    return calls;
  }

  /** Runs a pass now (coalescing with one in progress), e.g. right after a button changed a status. */
  kick(): void {
    if (this.running !== undefined) {
      this.again = true;
      return;
    }
    this.running = this.syncOnce()
      .catch((err: unknown) => this.o.logger.warn({ err }, 'desk sync failed'))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  start(intervalMs = 1000): void {
    const tick = () => {
      this.kick();
      this.timer = setTimeout(tick, intervalMs);
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.again = false;
    await this.running;
  }
}
