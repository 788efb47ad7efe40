/**
 * The store as core sees it: identities and inbound-event dedupe for the chat path, and a unit of
 * work over every domain table for the services. `db/`
 * implements it with MikroORM; core never imports the ORM (a boundary test checks this).
 */

import type { Platform } from './domain/platforms.ts';
import type { Role } from './domain/roles.ts';
import type { SlaAlertKind, SlaTarget } from './domain/support/sla.ts';
import type { Locale } from './i18n/index.ts';

export type StoreKind = 'embedded' | 'postgres';

export interface IdentityKey {
  platform: Platform;
  workspace: string;
  externalId: string;
}

export interface UserRecord {
  id: number;
  displayName: string;
  locale: Locale;
  roles: Role[];
  /** The company of a customer or client. */
  companyId: number | null;
  createdAt: Date;
}

import type { UnitOfWork } from './domain/tx.ts';
import type { NotificationStore } from './notifications/ports.ts';

export interface UserStore {
  findByIdentity(key: IdentityKey): Promise<UserRecord | null>;
  /**
   * Creates a user bound to `key`. If another request bound the identity first (two events racing),
   * returns that user instead of failing.
   */
  createWithIdentity(
    key: IdentityKey,
    init: { displayName: string; locale: Locale; roles: Role[] },
  ): Promise<{ user: UserRecord; created: boolean }>;
  setLocale(userId: number, locale: Locale): Promise<void>;
  /** The name a platform now gives the person behind `key` (they changed it there); false if unknown. */
  renameByIdentity(key: IdentityKey, displayName: string): Promise<boolean>;
}

/** What an event may do now (InboundEventStore.take). */
export type InboundTurn =
  /** Its turn: it is now `handling`. */
  | { kind: 'go' }
  /** An earlier event of the same user is still waiting or running (or, with `admitMissing` off, it is not admitted yet). */
  | { kind: 'wait' }
  /** Handled and delivered before (a redelivery). */
  | { kind: 'duplicate' }
  /** Handled before but not delivered: the kept reply, to send again. */
  | { kind: 'replay'; reply: unknown };

/**
 * Platform events: each handled once and, per user, in the order they arrived, across processes
 * (src/chat/inbound.ts). Only the bot core uses it.
 */
export interface InboundEventStore {
  /** Records a platform event id; `false` when it was already recorded (a redelivery). */
  markSeen(platform: Platform, eventId: string): Promise<boolean>;
  /** Puts events in their users' lines as they arrive, in the order given (ids already known keep their place). */
  admit(events: readonly { platform: Platform; eventId: string; userKey: string }[]): Promise<void>;
  /**
   * Takes the event's turn; see InboundTurn. An event not admitted yet is admitted first, at the end of
   * its user's line, unless `admitMissing` is false (its admission is on its way: it waits for it).
   */
  take(
    platform: Platform,
    eventId: string,
    userKey: string,
    options: { staleAfterMs: number; admitMissing: boolean },
  ): Promise<InboundTurn>;
  /** `done` forgets the reply; `failed` keeps it for a retry. */
  finish(
    platform: Platform,
    eventId: string,
    outcome: { status: 'done' | 'failed'; reply?: unknown; reason?: string },
  ): Promise<void>;
}

/** Button actions kept server-side (see db/entities/action-token.ts). */
export interface ActionTokenStore {
  /** Stores `command` for `userId` and returns the short token a button carries. */
  create(userId: number, command: string, expiresAt: Date): Promise<string>;
  /** The command behind `token`, if it is the user's and has not expired. */
  resolve(token: string, userId: number, now: Date): Promise<string | null>;
}

/** A guided flow in progress (src/chat/flow.ts), one per user. */
export interface FlowSessionRecord {
  userId: number;
  flowId: string;
  step: string;
  answers: Record<string, unknown>;
  expiresAt: Date;
}

export interface FlowSessionStore {
  /** The user's flow in progress; an expired one is removed and reported as `expired`. */
  get(userId: number, now: Date): Promise<FlowSessionRecord | 'expired' | null>;
  save(session: FlowSessionRecord): Promise<void>;
  clear(userId: number): Promise<void>;
}

export interface Store {
  readonly kind: StoreKind;
  readonly users: UserStore;
  /** Transactions over every domain table (src/domain/tx.ts). */
  readonly uow: UnitOfWork;
  readonly inboundEvents: InboundEventStore;
  readonly actionTokens: ActionTokenStore;
  readonly flows: FlowSessionStore;
  /** The outbox relay and delivery receipts (src/notifications). */
  readonly notifications: NotificationStore;
  /** Where inquiries are mirrored in the desk channel. */
  readonly desk: DeskStore;
  /** Apply taps on job alerts (the alert funnel). */
  readonly alertTaps: AlertTapStore;
  /** Team news for the teams' Discord channels. */
  readonly teamNews: TeamNewsStore;
  readonly teamThreads: TeamThreadStore;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  /**
   * A short id of this database (12 hex digits of its `database_instance` row), new whenever the
   * database is made anew. Queue job ids carry it, so they never collide across database lifetimes.
   */
  instanceTag(): Promise<string>;
}

/** An SLA alert to post in a desk thread (docs/domain.md §2.8). */
export interface DeskSlaAlert {
  inquiryId: number;
  target: SlaTarget;
  kind: SlaAlertKind;
  channel: string;
  threadTs: string;
  /** The assignee's Slack user id, when they linked Slack; null: unassigned or not on Slack. */
  assigneeSlackId: string | null;
}

/** The SLA side of the desk mirror (adapters/slack/desk-sla.ts): card lines and alerts, each once. */
export interface DeskSlaStore {
  /** Cards of open inquiries, with the SLA line each shows, by inquiry id. */
  slaCards(limit: number): Promise<{ inquiryId: number; channel: string; ts: string; slaShown: string }[]>;
  setSlaShown(inquiryId: number, line: string): Promise<void>;
  /**
   * Claims (with a lease) up to `limit` SLA alerts not posted yet, of open inquiries whose card is
   * posted, recorded in the last day.
   */
  claimSlaAlerts(limit: number): Promise<DeskSlaAlert[]>;
  /** Posted (or no longer worth posting): never claimed again. */
  slaAlertDone(alert: Pick<DeskSlaAlert, 'inquiryId' | 'target' | 'kind'>): Promise<void>;
  /** Gives a claim back after a failed post, so a later pass retries it. */
  releaseSlaAlert(alert: Pick<DeskSlaAlert, 'inquiryId' | 'target' | 'kind'>): Promise<void>;
}

/** An inquiry's mirror thread in a desk channel (Slack): its card and what the card shows. */
export interface DeskThreadRecord {
  inquiryId: number;
  channel: string;
  /** The card message (thread root); null while a worker is posting it. */
  ts: string | null;
  /** `status:assigneeId` as last drawn on the card. */
  cardState: string;
}

/**
 * Bookkeeping of the support desk mirror (adapters/slack/desk.ts). The inquiry tables stay the
 * source of truth: the mirror claims what is not in its thread yet (with a lease, so a crash
 * between claim and post only delays it), posts it, then records where it went.
 */
export interface DeskStore extends DeskSlaStore {
  /** Claims up to `limit` open inquiries with no thread yet (or a lapsed claim) for `channel`. */
  claimThreads(channel: string, limit: number): Promise<number[]>;
  threadPosted(inquiryId: number, ts: string, cardState: string): Promise<void>;
  /** Gives a claim back after a failed post, so the next pass retries it. */
  releaseThread(inquiryId: number): Promise<void>;
  /** Threads whose card no longer shows the inquiry's status or assignee, with the state now. */
  staleCards(limit: number): Promise<(DeskThreadRecord & { ts: string; state: string })[]>;
  setCardState(inquiryId: number, state: string): Promise<void>;
  /** Claims up to `limit` messages of threaded inquiries that are not in their thread yet. */
  claimMessages(
    limit: number,
  ): Promise<{ messageId: number; inquiryId: number; channel: string; threadTs: string }[]>;
  /** Records a mirrored message; false when staff wrote it in the thread meanwhile (not to be posted). */
  messagePosted(messageId: number, ts: string): Promise<boolean>;
  releaseMessage(messageId: number): Promise<void>;
  /** A message staff wrote in the thread itself: never mirrored back. */
  recordDeskMessage(messageId: number, inquiryId: number, channel: string, ts: string): Promise<void>;
  /** The message's place in its thread, if it has one. */
  messageAt(
    messageId: number,
  ): Promise<{ channel: string; ts: string | null; origin: 'desk' | 'mirror' } | null>;
  threadOf(inquiryId: number): Promise<DeskThreadRecord | null>;
  /** The inquiry whose card is `ts` in `channel`. */
  inquiryAt(channel: string, ts: string): Promise<number | null>;
}

/** One piece of team news for a team's Discord channel (never money or personal data). */
export interface TeamNewsItem {
  auditId: number;
  teamId: number;
  channelId: string;
  teamName: string;
  kind: 'member_joined' | 'member_left' | 'job_match' | 'job_status';
  /** The member who joined or left. */
  memberName?: string;
  job?: { id: number; title: string; status: string };
}

/**
 * Team news drawn from the audit log: members joining and leaving, new jobs matching the skills of
 * a team's members, status changes of jobs the team works on. Only what happened after the team
 * bound its channel; each item is claimed (with a lease) before posting, so it is posted once.
 */
export interface TeamNewsStore {
  claim(limit: number): Promise<TeamNewsItem[]>;
  posted(auditId: number, teamId: number): Promise<void>;
  release(auditId: number, teamId: number): Promise<void>;
}

/** A conversation message to mirror into its team's thread. */
export interface TeamThreadMessage {
  messageId: number;
  conversationId: number;
  teamId: number;
  threadId: string;
  body: string;
  senderName: string;
  /** Written by a member of the team (else by the client's side). */
  senderInTeam: boolean;
}

/** A conversation's thread in its team's Discord channel; `threadId` null while it is being created. */
export interface TeamThreadRecord {
  conversationId: number;
  teamId: number;
  channelId: string;
  threadId: string | null;
}

/**
 * Bookkeeping of the team-thread mirror (adapters/discord/team-threads.ts). The conversation tables
 * stay the source of truth: the mirror claims what is not in its thread yet (with a lease), posts it,
 * then records where it went; what members write in the thread is recorded as theirs.
 */
export interface TeamThreadStore {
  /** Claims up to `limit` recently active conversations with a team that have no thread yet (or a lapsed claim). */
  claimThreads(limit: number): Promise<TeamThreadRecord[]>;
  threadCreated(conversationId: number, threadId: string): Promise<void>;
  /** Gives a claim back after a failed create, so the next pass retries it. */
  releaseThread(conversationId: number): Promise<void>;
  /** The thread is gone (deleted in Discord): the next pass opens a new one. */
  forgetThread(conversationId: number): Promise<void>;
  /** Who a thread is with (the members who are not in the team) and the job it is about, if any. */
  describe(
    conversationId: number,
    teamId: number,
  ): Promise<{ others: string[]; job: { id: number; title: string } | null }>;
  /** Claims up to `limit` messages of threaded conversations that are not in their thread yet. */
  claimMessages(limit: number): Promise<TeamThreadMessage[]>;
  /** Records a mirrored message; false when a member wrote it in the thread meanwhile (not to be posted). */
  messagePosted(messageId: number, discordMessageId: string): Promise<boolean>;
  releaseMessage(messageId: number): Promise<void>;
  /** A message a member wrote in the thread itself: never mirrored back. */
  recordDiscordMessage(messageId: number, conversationId: number, discordMessageId: string): Promise<void>;
  /** Where the message is in its thread, if it is in one. */
  messageAt(messageId: number): Promise<{
    threadId: string;
    discordMessageId: string | null;
    origin: 'discord' | 'mirror';
    teamId: number;
  } | null>;
  /** The conversation whose thread is `threadId`. */
  threadAt(threadId: string): Promise<TeamThreadRecord | null>;
  inTeam(teamId: number, userId: number): Promise<boolean>;
}

/** Job alerts' effect: how many were sent, how many people opened the job from one (Apply or Details), how many applied. */
export interface AlertFunnel {
  sent: number;
  opened: number;
  applied: number;
}

export interface AlertTapStore {
  /** Someone pressed Apply or Details on an alert for `jobId` (counted once per person). */
  record(jobId: number, userId: number): Promise<void>;
  funnel(jobId: number): Promise<AlertFunnel>;
}
