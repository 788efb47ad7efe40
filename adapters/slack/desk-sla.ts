/**
 * SLAs in the desk channel (docs/domain.md §2.8): each card's line of time left (「初回返信まで 残り
 * 45分(営業時間)」, or overdue), redrawn as it changes, and the warnings and breaches the SLA watch
 * recorded, posted in the card's thread mentioning the assignee (or the channel). Alerts are claimed
 * with a lease before posting, so each is posted once whichever worker runs the desk.
 */
import type { WebClient } from '@slack/web-api';
import type { Actor } from '../../src/domain/actor.ts';
import type { DomainServices } from '../../src/domain/services.ts';
import type { SlaClock, SlaStatus } from '../../src/domain/support/sla.ts';
import { formatDayTime, formatMinutes } from '../../src/i18n/format.ts';
import { type Locale, t } from '../../src/i18n/index.ts';
import type { Logger } from '../../src/logger.ts';
import type { DeskSlaAlert, DeskStore } from '../../src/store.ts';
import { mrkdwnEscape } from './render.ts';

/** The desk reads as staff, no person (as the mirror does). */
const DESK_ACTOR: Actor = { userId: 0, roles: ['staff'], companyId: null };
/** Cards are checked for a changed line every this many passes of the mirror (15 s by default). */
const REFRESH_EVERY = 15;
/** Cards redrawn at most per refresh (chat.update is rate limited, docs/platforms.md §2.4). */
const REDRAWS_PER_REFRESH = 20;

/** Minutes as the card shows them: exact under 10, by 5 under an hour, else by half hours. */
function shown(minutes: number): number {
  if (minutes < 10) return Math.max(1, minutes);
  if (minutes < 60) return minutes - (minutes % 5);
  return minutes - (minutes % 30);
}

function clockText(clock: SlaClock, locale: Locale): string | null {
  const first = clock.target === 'first_response';
  const left = (m: number) => formatMinutes(shown(m), locale);
  switch (clock.state) {
    case 'running':
    case 'warning':
      return t(locale, first ? 'sla.card.first_left' : 'sla.card.resolution_left', {
        left: left(clock.leftMinutes),
      });
    case 'breached':
      return t(locale, first ? 'sla.card.first_over' : 'sla.card.resolution_over', {
        over: left(-clock.leftMinutes),
      });
    case 'met':
      return first ? t(locale, 'sla.card.first_done') : null;
    case 'missed':
      return first ? t(locale, 'sla.card.first_late') : null;
  }
}

/** The card's SLA line; empty for a completed inquiry or a category without targets. */
export function slaLine(status: SlaStatus | null, locale: Locale): string {
  if (!status || status.resolution?.stoppedAt) return '';
  return [status.firstResponse, status.resolution]
    .flatMap((c) => (c ? [clockText(c, locale)] : []))
    .filter((x): x is string => x !== null)
    .join(t(locale, 'sla.card.separator'));
}

export interface DeskSlaOptions {
  client: WebClient;
  store: DeskStore;
  domain: Pick<DomainServices, 'deskSla'>;
  logger: Logger;
  locale: Locale;
  /** Redraws an inquiry's card and returns the SLA line it now shows. */
  redraw(inquiryId: number, channel: string, ts: string): Promise<string>;
}

export class DeskSla {
  private readonly o: DeskSlaOptions;
  private passes = 0;

  constructor(options: DeskSlaOptions) {
    this.o = options;
  }

  /** One pass of the mirror: alerts every time, card lines every `REFRESH_EVERY` passes. */
  async pass(): Promise<number> {
    let calls = await this.postAlerts();
    if (this.passes++ % REFRESH_EVERY === 0) calls += await this.refreshCards();
    return calls;
  }

  /** Redraws the cards whose SLA line changed; returns how many Slack calls it made. */
  async refreshCards(): Promise<number> {
    const cards = await this.o.store.slaCards(500);
    if (cards.length === 0) return 0;
    const board = new Map(
      (await this.o.domain.deskSla.board(DESK_ACTOR, { limit: 10_000 })).map((r) => [r.facts.inquiryId, r]),
    );
    let calls = 0;
    for (const card of cards) {
      if (calls >= REDRAWS_PER_REFRESH) break;
      const line = slaLine(board.get(card.inquiryId)?.status ?? null, this.o.locale);
      if (line === card.slaShown) continue;
      try {
        await this.o.store.setSlaShown(
          card.inquiryId,
          await this.o.redraw(card.inquiryId, card.channel, card.ts),
        );
        calls++;
      } catch (err) {
        this.o.logger.warn(
          { inquiryId: card.inquiryId, err: (err as Error).message },
          'SLA line not redrawn',
        );
      }
    }
    return calls;
  }

  /** Posts the recorded SLA warnings and breaches in their threads; returns the Slack calls made. */
  async postAlerts(): Promise<number> {
    let calls = 0;
    for (const alert of await this.o.store.claimSlaAlerts(20)) {
      try {
        const status = await this.o.domain.deskSla.status(DESK_ACTOR, alert.inquiryId);
        const clock = alert.target === 'first_response' ? status.firstResponse : status.resolution;
        // Answered (or resolved) since it was recorded: nothing to warn about any more.
        // A warning that comes after its breach is left to the breach.
        if (!clock || clock.stoppedAt !== null || (alert.kind === 'warning' && clock.state === 'breached')) {
          await this.o.store.slaAlertDone(alert);
          continue;
        }
        const text = this.alertText(alert, clock);
        await this.o.client.chat.postMessage({
          channel: alert.channel,
          thread_ts: alert.threadTs,
          text,
          blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
        });
        calls++;
        await this.o.store.slaAlertDone(alert);
      } catch (err) {
        await this.o.store.releaseSlaAlert(alert);
        this.o.logger.warn({ ...alert, err: (err as Error).message }, 'SLA alert not posted; will retry');
      }
    }
    return calls;
  }

  /** `<@U…> ⏰ 問い合わせID:12 の初回返信の目標まで、残り 12分(営業時間)です。…`, mention unescaped. */
  private alertText(alert: DeskSlaAlert, clock: SlaClock): string {
    const { locale } = this.o;
    const mention = alert.assigneeSlackId ? `<@${alert.assigneeSlackId}>` : '<!channel>';
    const params = {
      mention: '\u0000',
      id: alert.inquiryId,
      target: t(locale, `sla.target.${alert.target}`),
    };
    const tz = this.o.domain.deskSla.settings.calendar.timeZone;
    const text =
      alert.kind === 'warning'
        ? t(locale, 'sla.alert.warning', {
            ...params,
            left: formatMinutes(Math.max(1, clock.leftMinutes), locale),
            due: formatDayTime(clock.dueAt, locale, tz),
          })
        : t(locale, 'sla.alert.breach', { ...params, minutes: formatMinutes(clock.minutes, locale) });
    return mrkdwnEscape(text).replace('\u0000', mention);
  }
}
