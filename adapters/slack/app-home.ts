/**
 * The App Home tab (docs/domain.md §2.14, docs/platforms.md §2.10). When someone opens the tab Slack
 * sends `app_home_opened` (`tab: home`); their view is drawn from the store and published with
 * `views.publish` (Tier 4), nothing else: a retried or repeated event publishes the same view again,
 * which changes nothing. The 更新 button publishes it anew. The view is not redrawn in the background:
 * the desk mirror runs on the workers while events reach the web processes, so knowing whose tab to
 * redraw would need a record of open tabs for a view that is redrawn on every opening anyway.
 * - staff: their inquiries by SLA time left, unassigned inquiries near their SLA, applications and
 *   deliveries waiting, disputed invoice items (src/domain/home.ts), the inquiries linked to their
 *   desk threads (`chat.getPermalink`, remembered: a card's link never changes);
 * - anyone else linked: the way to their home in chat, and a client the work waiting on their jobs;
 * - a Slack user not linked to anyone: how to link or join, in their Slack language. Opening the tab
 *   registers nobody.
 * A button of the view runs its command as the person (the same as typing it) and answers in the
 * Messages tab, their DM with the bot.
 */
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { isStaff } from '../../src/domain/actor.ts';
import type { DomainServices } from '../../src/domain/services.ts';
import type { Store, UserRecord } from '../../src/store.ts';
import {
  HOME_OPEN,
  HOME_REFRESH,
  HOME_ROWS,
  HOME_UNASSIGNED_ROWS,
  type HomeContent,
  homeView,
  unlinkedView,
} from './app-home-view.ts';
import { type ModalDeps, openForm } from './modals.ts';
import { slackProfile } from './people.ts';
import type { SlackSender } from './send.ts';

type Tap = BlockAction<ButtonAction>;

/** Desk card links kept in memory, at most this many (the oldest go first). */
const MAX_LINKS = 2000;

export interface AppHomeOptions {
  store: Store;
  domain: DomainServices;
  timeZone: string;
  clock?: (() => Date) | undefined;
}

export class AppHome {
  private readonly deps: ModalDeps;
  private readonly send: SlackSender;
  private readonly o: AppHomeOptions;
  private readonly links = new Map<number, string>();

  constructor(deps: ModalDeps, send: SlackSender, options: AppHomeOptions) {
    this.deps = deps;
    this.send = send;
    this.o = options;
  }

  listen(app: App): void {
    app.event('app_home_opened', async ({ event, body, client }) => {
      const id = String(body.event_id);
      try {
        // The Messages tab is the DM itself: nothing to draw.
        if (event.tab === 'home') await this.publish(client, String(body.team_id), event.user);
      } finally {
        this.deps.done(id);
      }
    });
    app.action<Tap>(HOME_REFRESH, async ({ ack, body: b, client }) => {
      await ack();
      const id = `act:${b.trigger_id}`;
      try {
        await this.publish(client, teamOf(b), b.user.id);
      } finally {
        this.deps.done(id);
      }
    });
    app.action<Tap>(HOME_OPEN, async ({ ack, body: b, action, client }) => {
      await ack();
      await this.open(client, b, String(action.value ?? ''));
    });
  }

  /** Draws the person's view now and publishes it. */
  async publish(client: WebClient, team: string, slackUser: string): Promise<void> {
    const user = await this.deps.userOf(team, slackUser);
    const view = user
      ? homeView(
          await this.content(client, user),
          user.locale,
          this.o.timeZone,
          (this.o.clock ?? (() => new Date()))(),
        )
      : unlinkedView(await languageOf(client, slackUser));
    try {
      await client.views.publish({ user_id: slackUser, view });
    } catch (err) {
      // `not_enabled`: the app was installed before its manifest enabled the Home tab.
      const code = (err as { data?: { error?: string } }).data?.error ?? (err as Error).message;
      this.deps.log.warn({ err: code }, 'App Home not published');
    }
  }

  private async content(client: WebClient, user: UserRecord): Promise<HomeContent> {
    const actor = { userId: user.id, roles: user.roles, companyId: user.companyId };
    const { home } = this.o.domain;
    const content: HomeContent = { name: user.displayName, userId: user.id, threads: new Map() };
    if (isStaff(actor)) {
      content.desk = await home.desk(actor, { limit: HOME_ROWS, unassignedLimit: HOME_UNASSIGNED_ROWS });
      content.threads = await this.threads(
        client,
        [...content.desk.mine.rows, ...content.desk.unassigned.rows].map((r) => r.inquiry.id),
      );
    }
    if (isStaff(actor) || user.roles.includes('client'))
      content.reviews = await home.reviews(actor, { limit: HOME_ROWS });
    if (isStaff(actor)) content.disputes = await home.disputes(actor, { limit: HOME_ROWS });
    return content;
  }

  /** The link to each inquiry's desk thread (its card), for those whose card is posted. */
  private async threads(client: WebClient, ids: readonly number[]): Promise<Map<number, string>> {
    const found = new Map<number, string>();
    for (const id of ids) {
      let link = this.links.get(id);
      if (link === undefined) {
        const thread = await this.o.store.desk.threadOf(id);
        if (!thread?.ts) continue;
        const res = await client.chat
          .getPermalink({ channel: thread.channel, message_ts: thread.ts })
          .catch(() => null);
        // A link goes into mrkdwn as <url|text>: anything that would break out of it is left out.
        if (!res?.permalink || !/^https:\/\/[^\s|<>]+$/.test(res.permalink)) continue;
        link = res.permalink;
        if (this.links.size >= MAX_LINKS) this.links.delete(this.links.keys().next().value ?? id);
        this.links.set(id, link);
      }
      found.set(id, link);
    }
    return found;
  }

  /** A button of the view: its command runs as the person, answered in their DM with the bot. */
  private async open(client: WebClient, b: Tap, command: string): Promise<void> {
    const id = `act:${b.trigger_id}`;
    try {
      const channel = await this.send.dm(client, b.user.id);
      const event = this.deps.event(
        id,
        teamOf(b),
        b.user.id,
        channel,
        { kind: 'action', payload: command },
        true,
      );
      const { reply, locale } = await this.deps.bot.handle(event);
      if (!reply) return;
      if (await openForm(this.deps, reply, event, b.trigger_id, channel, locale, client)) return;
      await this.send.post(client, channel, reply);
    } finally {
      this.deps.done(id);
    }
  }
}

const teamOf = (b: Tap) => String(b.team?.id ?? b.user.team_id ?? '');

/** English when that is the person's Slack language, else Japanese (as for newcomers, people.ts). */
async function languageOf(client: WebClient, user: string): Promise<'ja' | 'en'> {
  const profile = await slackProfile(client, user).catch(() => null);
  return profile?.localeHint ?? 'ja';
}
