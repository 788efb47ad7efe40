/**
 * The store as core sees it: plain records and the operations the current commands need. `db/`
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

import type { JobStatus } from './domain/work/records.ts';

export interface JobNoticeRecord {
  id: number;
  title: string;
  description: string;
  category: string;
  /** Prefecture name (e.g. 東京都); null with `remote` for work from home. */
  prefecture: string | null;
  remote: boolean;
  /** Integer yen. */
  rewardYen: number;
  openings: number;
  deadline: Date | null;
  status: JobStatus;
  createdAt: Date;
}

export interface NewJobNotice {
  title: string;
  description?: string;
  category?: string;
  prefecture?: string | null;
  remote?: boolean;
  rewardYen: number;
  openings?: number;
  deadline?: Date | null;
  status?: JobStatus;
}

export interface Page<T> {
  items: T[];
  total: number;
}

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

export interface JobStore {
  /** Open notices, soonest deadline first (no deadline last), then newest. */
  listOpen(page: { offset: number; limit: number }): Promise<Page<JobNoticeRecord>>;
  create(job: NewJobNotice): Promise<JobNoticeRecord>;
}

export interface InboundEventStore {
  /** Records a platform event id; `false` when it was already recorded (a redelivery). */
  markSeen(platform: Platform, eventId: string): Promise<boolean>;
}

export interface Store {
  readonly kind: StoreKind;
  readonly users: UserStore;
  readonly jobs: JobStore;
  readonly inboundEvents: InboundEventStore;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
}
