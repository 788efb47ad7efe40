/** `UnitOfWork` on MikroORM: one forked EntityManager in one transaction per `run`. */
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Tx, UnitOfWork } from '../src/domain/tx.ts';
import {
  AuditLog,
  Company,
  IdentityCheck,
  IdentityDocument,
  Invitation,
  LinkCode,
  NdaAgreement,
  Outbox,
  PlatformIdentity,
  StoredFile,
  User,
} from './entities/index.ts';
import { audienceTables } from './fanout.ts';
import { marketTables } from './repositories/market.ts';
import { supportTables } from './repositories/support.ts';
import { workTables } from './repositories/work.ts';
import { likeEscape, pgTextArray } from './sql.ts';
import { mikroTable } from './table.ts';

export function createTx(em: EntityManager): Tx {
  return {
    users: mikroTable(em, User),
    identities: mikroTable(em, PlatformIdentity),
    linkCodes: mikroTable(em, LinkCode),
    invitations: mikroTable(em, Invitation),
    companies: mikroTable(em, Company),
    files: mikroTable(em, StoredFile),
    identityChecks: mikroTable(em, IdentityCheck),
    identityDocuments: mikroTable(em, IdentityDocument),
    ndaAgreements: mikroTable(em, NdaAgreement),
    async usersNamed(part, roles, limit) {
      const needle = `%${likeEscape(part.normalize('NFKC').toLowerCase().replace(/\s+/g, ''))}%`;
      const rows = await em.execute<{ id: number; display_name: string }[]>(
        `select id, display_name from users
          where replace(replace(lower(normalize(display_name, NFKC)), ' ', ''), '　', '') like ?
            and (?::text[] is null or roles && ?::text[])
          order by id limit ?`,
        [needle, roles ? pgTextArray(roles) : null, roles ? pgTextArray(roles) : null, limit],
      );
      return rows.map((r) => ({ id: r.id, displayName: r.display_name }));
    },
    async notify(row) {
      const inserted = await em
        .createQueryBuilder(Outbox)
        .insert({ ...row, createdAt: new Date() })
        .onConflict(['dedupeKey'])
        .ignore()
        .execute('run');
      return (inserted as { affectedRows?: number }).affectedRows === 1;
    },
    async audit(row) {
      em.create(AuditLog, row);
      await em.flush();
    },
    audience: audienceTables(em),
    work: workTables(em),
    support: supportTables(em),
    market: marketTables(em),
  };
}

export function createUnitOfWork(orm: MikroORM): UnitOfWork {
  return {
    run(fn) {
      return orm.em.fork().transactional((em) => fn(createTx(em)));
    },
    // async, so a callback that throws before its first await still yields a rejected promise.
    async read(fn) {
      return fn(createTx(orm.em.fork()));
    },
  };
}
