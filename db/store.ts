/**
 * `Store` (src/store.ts) implemented with MikroORM. Each call forks a fresh EntityManager, so the store
 * is safe to share between concurrent requests; records leave as plain objects, never entities.
 */
import { type EntityManager, type MikroORM, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import type { Platform, Role } from '../src/config.ts';
import { isLocale, type Locale } from '../src/i18n/index.ts';
import type {
  IdentityKey,
  JobNoticeRecord,
  NewJobNotice,
  Page,
  Store,
  StoreKind,
  UserRecord,
} from '../src/store.ts';
import { InboundEvent, JobNotice, PlatformIdentity, User } from './entities/index.ts';

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

function toJob(j: JobNotice): JobNoticeRecord {
  return {
    id: j.id,
    title: j.title,
    description: j.description,
    category: j.category,
    prefecture: j.prefecture ?? null,
    remote: j.remote,
    rewardYen: j.rewardYen,
    openings: j.openings,
    deadline: j.deadline ?? null,
    status: j.status,
    createdAt: j.createdAt,
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
    jobs: {
      async listOpen({ offset, limit }): Promise<Page<JobNoticeRecord>> {
        const [items, total] = await em().findAndCount(
          JobNotice,
          { status: 'open' },
          { orderBy: { deadline: 'asc nulls last', id: 'desc' }, offset, limit },
        );
        return { items: items.map(toJob), total };
      },
      async create(job: NewJobNotice) {
        const fork = em();
        const entity = fork.create(JobNotice, {
          title: job.title,
          description: job.description ?? '',
          category: job.category ?? '',
          prefecture: job.prefecture ?? null,
          remote: job.remote ?? false,
          rewardYen: job.rewardYen,
          openings: job.openings ?? 1,
          deadline: job.deadline ?? null,
          status: job.status ?? 'draft',
        });
        await fork.flush();
        return toJob(entity);
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
