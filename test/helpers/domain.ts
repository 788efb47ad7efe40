/**
 * A domain test bench on the real PostgreSQL: a fresh migrated schema, a unit of work, an injected
 * clock, a real secret box and file storage in a temp dir, and helpers to make users and read the
 * outbox and audit log.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createUnitOfWork } from '../../db/unit-of-work.ts';
import { secretBox } from '../../src/crypto/secret-box.ts';
import type { Actor } from '../../src/domain/actor.ts';
import type { DomainContext } from '../../src/domain/context.ts';
import type { Role } from '../../src/domain/roles.ts';
import type { OutboxRecord } from '../../src/domain/shared.ts';
import { LocalFileStorage, type UploadedFile } from '../../src/files/storage.ts';
import { openTestStore, type TestStore } from './store-fixture.ts';

export interface TestClock {
  (): Date;
  set(at: Date | string): void;
  advance(ms: number): void;
}

export function testClock(start: Date | string = '2026-11-20T03:00:00Z'): TestClock {
  let now = new Date(start);
  const clock = (() => new Date(now)) as TestClock;
  clock.set = (at) => {
    now = new Date(at);
  };
  clock.advance = (ms) => {
    now = new Date(now.getTime() + ms);
  };
  return clock;
}

/** An outbox row with its payload as a plain record. */
export type OutboxRow = Omit<OutboxRecord, 'type' | 'payload'> & {
  type: OutboxRecord['type'];
  payload: Record<string, unknown>;
};

export interface DomainBench {
  ctx: DomainContext;
  clock: TestClock;
  store: TestStore;
  /** Creates a user with the given roles (and company) and returns them as an actor. */
  user(roles: Role[], options?: { name?: string; companyId?: number | null }): Promise<Actor>;
  company(name?: string): Promise<number>;
  /** Stores bytes in file storage and returns them as an upload, as an adapter would. */
  upload(name: string, content: string, mime?: string): Promise<UploadedFile>;
  /** Outbox rows as stored (payloads as plain records, for asserting on any field). */
  outbox(where?: { type?: string; recipientUserId?: number }): Promise<OutboxRow[]>;
  audit(action?: string): Promise<{ action: string; actorUserId: number | null; subjectId: number | null }[]>;
  close(): Promise<void>;
}

let seq = 0;

export async function openDomainBench(prefix: string): Promise<DomainBench> {
  const store = await openTestStore(prefix);
  const dir = await mkdtemp(path.join(os.tmpdir(), `${prefix}-files-`));
  const clock = testClock();
  const files = new LocalFileStorage(dir);
  const ctx: DomainContext = {
    uow: createUnitOfWork(store.orm),
    clock,
    files,
    secrets: secretBox(randomBytes(32)),
    businessTimeZone: 'Asia/Tokyo',
    openSignupRole: 'worker',
  };
  const sql = <T extends object>(q: string, params: unknown[] = []) =>
    store.orm.em.getConnection().execute(q, params) as Promise<T>;
  return {
    ctx,
    clock,
    store,
    async user(roles, options = {}) {
      seq++;
      const u = await ctx.uow.run((tx) =>
        tx.users.insert({
          displayName: options.name ?? `${roles.join('-') || 'guest'}-${seq}`,
          locale: 'ja',
          roles,
          companyId: options.companyId ?? null,
        }),
      );
      return { userId: u.id, roles, companyId: u.companyId };
    },
    async company(name = `company-${++seq}`) {
      const c = await ctx.uow.run((tx) =>
        tx.companies.insert({ slug: `c${seq}${Date.now() % 100000}`, name }),
      );
      return c.id;
    },
    async upload(name, content, mime = 'text/plain') {
      const stored = await files.put(Buffer.from(content, 'utf8'));
      return { storageKey: stored.key, name, mime, size: stored.size };
    },
    async outbox(where = {}) {
      const rows = await sql<Record<string, unknown>[]>(
        `select id, type, recipient_user_id, payload, dedupe_key, created_at, relayed_at from outbox
          where (?::text is null or type = ?) and (?::int is null or recipient_user_id = ?) order by id`,
        [
          where.type ?? null,
          where.type ?? null,
          where.recipientUserId ?? null,
          where.recipientUserId ?? null,
        ],
      );
      return rows.map((r) => ({
        id: Number(r.id),
        type: r.type as OutboxRecord['type'],
        recipientUserId: Number(r.recipient_user_id),
        payload: r.payload as Record<string, unknown>,
        dedupeKey: String(r.dedupe_key),
        createdAt: r.created_at as Date,
        relayedAt: (r.relayed_at as Date | null) ?? null,
      }));
    },
    async audit(action) {
      const rows = await sql<{ action: string; actor_user_id: number | null; subject_id: number | null }[]>(
        `select action, actor_user_id, subject_id from audit_log where (?::text is null or action = ?) order by id`,
        [action ?? null, action ?? null],
      );
      return rows.map((r) => ({ action: r.action, actorUserId: r.actor_user_id, subjectId: r.subject_id }));
    },
    async close() {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Runs `promise` and returns the `UserError` key it was refused with (fails the test otherwise). */
export async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    const key = (err as { key?: string }).key;
    if (typeof key === 'string') return key;
    throw err;
  }
  throw new Error('expected a refusal, but the call succeeded');
}
