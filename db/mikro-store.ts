/**
 * `Store` (src/store.ts) implemented with MikroORM. Each call forks a fresh EntityManager, so the store
 * is safe to share between concurrent requests; records leave as plain objects, never entities.
 */

import { randomBytes } from 'node:crypto';
import { type EntityManager, type MikroORM, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import type { Role } from '../src/domain/roles.ts';
import { isLocale, type Locale } from '../src/i18n/index.ts';
import type { IdentityKey, Store, StoreKind, UserRecord } from '../src/store.ts';
import { createDeskStore } from './desk.ts';
import { ActionToken, FlowSession, PlatformIdentity, User } from './entities/index.ts';
import { createInboundEventStore } from './inbound-events.ts';
import { createNotificationStore } from './notifications.ts';
import { identityKey, intId, text } from './params.ts';
import { createTeamNewsStore } from './team-news.ts';
import { createTeamThreadStore } from './team-threads.ts';
import { createUnitOfWork } from './unit-of-work.ts';

interface UserRow {
  id: number;
  display_name: string;
  locale: string;
  roles: string[];
  company_id: number | null;
  created_at: Date | string;
}

interface FlowRow {
  flow_id: string;
  step: string;
  answers: Record<string, unknown> | string;
  expires_at: Date | string;
}

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

  // The three reads every chat event makes (dedupe, who is this, any flow open) are plain SQL: one
  // round trip each and no entity hydration, which is most of their cost through the ORM.
  const findByIdentity = async (key: IdentityKey): Promise<UserRecord | null> => {
    identityKey(key);
    const rows: UserRow[] = await em().execute(
      `select u.id, u.display_name, u.locale, u.roles, u.company_id, u.created_at
         from platform_identities i join users u on u.id = i.user_id
        where i.platform = ? and i.workspace = ? and i.external_id = ?`,
      [key.platform, key.workspace, key.externalId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      displayName: row.display_name,
      locale: isLocale(row.locale) ? row.locale : 'ja',
      roles: [...(row.roles as Role[])],
      companyId: row.company_id ?? null,
      createdAt: new Date(row.created_at),
    };
  };

  let instanceTag: Promise<string> | undefined;
  const readInstanceTag = async (): Promise<string> => {
    const rows: { id: string }[] = await em().execute(
      'select id::text as id from database_instance order by created_at limit 1',
    );
    const id = rows[0]?.id;
    if (!id) throw new Error('database_instance is empty: run the migrations');
    return id.replaceAll('-', '').slice(0, 12);
  };

  return {
    kind,
    instanceTag() {
      instanceTag ??= readInstanceTag().catch((err: unknown) => {
        instanceTag = undefined; // try again next time
        throw err;
      });
      return instanceTag;
    },
    users: {
      findByIdentity,
      async createWithIdentity(key, init) {
        const { platform, workspace, externalId } = identityKey(key);
        const fork = em();
        try {
          const user = await fork.transactional(async (tx) => {
            const u = tx.create(User, {
              displayName: init.displayName,
              locale: init.locale,
              roles: init.roles,
            });
            await tx.flush();
            tx.create(PlatformIdentity, { userId: u.id, platform, workspace, externalId });
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
        await em().nativeUpdate(
          User,
          { id: intId(userId, 'user id') },
          { locale: text(locale, 'locale', 10) },
        );
      },
      async renameByIdentity(key, displayName) {
        identityKey(key);
        text(displayName, 'display name', 10_000);
        const result: { affectedRows?: number } = await em().execute(
          `update users u set display_name = ? from platform_identities i
            where i.user_id = u.id and i.platform = ? and i.workspace = ? and i.external_id = ?
              and u.display_name is distinct from ?`,
          [displayName.slice(0, 200), key.platform, key.workspace, key.externalId, displayName.slice(0, 200)],
          'run',
        );
        return (result.affectedRows ?? 0) > 0;
      },
    },
    uow: createUnitOfWork(orm),
    notifications: createNotificationStore(orm),
    desk: createDeskStore(orm),
    teamNews: createTeamNewsStore(orm),
    teamThreads: createTeamThreadStore(orm),
    alertTaps: {
      async record(jobId, userId) {
        await em().execute(
          'insert into alert_taps (job_id, user_id, tapped_at) values (?, ?, now()) on conflict do nothing',
          [jobId, userId],
        );
      },
      async funnel(jobId) {
        // A job's alert receipts are one range of their primary key (kind, subject_id, user_id); its
        // multicast batches (each its recipients' receipt) one range of fanout_batches_kind_subject_id_index.
        const [row] = await em().execute<{ sent: number; opened: number; applied: number }[]>(
          `select
             (select count(*) from fanout_receipts where kind = 'job.alert' and subject_id = ? and status = 'sent')::int
               + (select coalesce(sum(cardinality(user_ids)), 0) from fanout_batches
                   where kind = 'job.alert' and subject_id = ? and status = 'sent')::int as sent,
             (select count(*) from alert_taps where job_id = ?)::int as opened,
             (select count(*) from applications a where a.job_id = ? and (
                exists (select 1 from fanout_receipts r
                         where r.kind = 'job.alert' and r.subject_id = a.job_id and r.user_id = a.worker_id)
                or exists (select 1 from fanout_batches b
                            where b.kind = 'job.alert' and b.subject_id = a.job_id and a.worker_id = any(b.user_ids))
              ))::int as applied`,
          [jobId, jobId, jobId, jobId],
        );
        return { sent: row?.sent ?? 0, opened: row?.opened ?? 0, applied: row?.applied ?? 0 };
      },
    },
    flows: {
      async get(userId, now) {
        const fork = em();
        const rows: FlowRow[] = await fork.execute(
          'select flow_id, step, answers, expires_at from flow_sessions where user_id = ?',
          [intId(userId, 'user id')],
        );
        const row = rows[0];
        if (!row) return null;
        const expiresAt = new Date(row.expires_at);
        if (expiresAt.getTime() <= now.getTime()) {
          await fork.nativeDelete(FlowSession, { userId });
          return 'expired';
        }
        const answers = typeof row.answers === 'string' ? JSON.parse(row.answers) : row.answers;
        return { userId, flowId: row.flow_id, step: row.step, answers, expiresAt };
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
        const row = await em().findOne(ActionToken, {
          token: text(token, 'token', 40),
          userId: intId(userId, 'user id'),
          expiresAt: { $gt: now },
        });
        return row?.command ?? null;
      },
    },
    inboundEvents: createInboundEventStore(orm),
    async ping() {
      await orm.em.getConnection().execute('select 1');
    },
  };
}
