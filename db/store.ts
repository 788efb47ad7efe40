/**
 * `Store` (src/store.ts) implemented with MikroORM. Each call forks a fresh EntityManager, so the store
 * is safe to share between concurrent requests; records leave as plain objects, never entities.
 */

import { randomBytes } from 'node:crypto';
import { type EntityManager, type MikroORM, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import type { Platform, Role } from '../src/config.ts';
import { isLocale, type Locale } from '../src/i18n/index.ts';
import type { IdentityKey, Store, StoreKind, UserRecord } from '../src/store.ts';
import { ActionToken, FlowSession, InboundEvent, PlatformIdentity, User } from './entities/index.ts';
import { createNotificationStore } from './notifications.ts';
import { createUnitOfWork } from './unit-of-work.ts';

function toUser(u: User): UserRecord {
  return {
    id: u.id,
    displayName: u.displayName,
    locale: isLocale(u.locale) ? u.locale : 'ja',
    roles: [...(u.roles as Role[])],
    companyId: u.companyId ?? null,
    createdAt: u.createdAt,
  };
}

export function createMikroStore(orm: MikroORM, kind: StoreKind): Store {
  const em = (): EntityManager => orm.em.fork();

  const findByIdentity = async (key: IdentityKey): Promise<UserRecord | null> => {
    const fork = em();
    const identity = await fork.findOne(PlatformIdentity, {
      platform: key.platform,
      workspace: key.workspace,
      externalId: key.externalId,
    });
    if (!identity) return null;
    const user = await fork.findOne(User, { id: identity.userId });
    return user ? toUser(user) : null;
  };

  return {
    kind,
    users: {
      findByIdentity,
      async createWithIdentity(key, init) {
        const fork = em();
        try {
          const user = await fork.transactional(async (tx) => {
            const u = tx.create(User, {
              displayName: init.displayName,
              locale: init.locale,
              roles: init.roles,
            });
            await tx.flush();
            tx.create(PlatformIdentity, { userId: u.id, ...key });
            return u;
          });
          return { user: toUser(user), created: true };
        } catch (err) {
          // Two first messages raced: the identity is already bound, so use that user.
          if (err instanceof UniqueConstraintViolationException) {
            const existing = await findByIdentity(key);
            if (existing) return { user: existing, created: false };
          }
          throw err;
        }
      },
      async setLocale(userId: number, locale: Locale) {
        await em().nativeUpdate(User, { id: userId }, { locale });
      },
    },
    uow: createUnitOfWork(orm),
    notifications: createNotificationStore(orm),
    flows: {
      async get(userId, now) {
        const fork = em();
        const row = await fork.findOne(FlowSession, { userId });
        if (!row) return null;
        if (row.expiresAt.getTime() <= now.getTime()) {
          await fork.nativeDelete(FlowSession, { userId });
          return 'expired';
        }
        return { userId, flowId: row.flowId, step: row.step, answers: row.answers, expiresAt: row.expiresAt };
      },
      async save(session) {
        await em()
          .createQueryBuilder(FlowSession)
          .insert({ ...session, updatedAt: new Date() })
          .onConflict(['userId'])
          .merge(['flowId', 'step', 'answers', 'expiresAt', 'updatedAt'])
          .execute('run');
      },
      async clear(userId) {
        await em().nativeDelete(FlowSession, { userId });
      },
    },
    actionTokens: {
      async create(userId, command, expiresAt) {
        // 10 random base-36 characters: ~52 bits, ample for tokens bound to one user.
        for (;;) {
          const token = randomBytes(8).readBigUInt64BE().toString(36).slice(0, 10).padStart(10, '0');
          const inserted = await em()
            .createQueryBuilder(ActionToken)
            .insert({ token, userId, command, expiresAt, createdAt: new Date() })
            .onConflict(['token'])
            .ignore()
            .execute('run');
          if ((inserted as { affectedRows?: number }).affectedRows === 1) return token;
        }
      },
      async resolve(token, userId, now) {
        const row = await em().findOne(ActionToken, { token, userId, expiresAt: { $gt: now } });
        return row?.command ?? null;
      },
    },
    inboundEvents: {
      async markSeen(platform: Platform, eventId: string) {
        const inserted = await em()
          .createQueryBuilder(InboundEvent)
          .insert({ platform, eventId, receivedAt: new Date() })
          .onConflict(['platform', 'eventId'])
          .ignore()
          .execute('run');
        return (inserted as { affectedRows?: number }).affectedRows === 1;
      },
    },
    async ping() {
      await orm.em.getConnection().execute('select 1');
    },
  };
}
