/**
 * The store as core sees it: identities and inbound-event dedupe for the chat path, and a unit of
 * work over every domain table for the services. `db/`
 * implements it with MikroORM; core never imports the ORM (a boundary test checks this).
 */
import type { Platform, Role } from './config.ts';
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
}

export interface InboundEventStore {
  /** Records a platform event id; `false` when it was already recorded (a redelivery). */
  markSeen(platform: Platform, eventId: string): Promise<boolean>;
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
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
}
