/**
 * Opens the store the configuration asks for: PostgreSQL at DATABASE_URL, or the embedded PostgreSQL
 * server under DATA_DIR. Moves an old PGlite store's data over on the first start after the upgrade,
 * then applies committed migrations before anything else touches the database.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import { createMikroStore } from '../../db/mikro-store.ts';
import { migrate, openOrm } from '../../db/orm.ts';
import { redactUrl } from '../config.ts';
import { StartupError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { Store, StoreKind } from '../store.ts';
import type { QueueConnection } from './bullmq.ts';
import { openEmbedded } from './embedded.ts';
import { importPglite } from './pglite-import.ts';

export interface OpenedStore {
  store: Store;
  orm: MikroORM;
  kind: StoreKind;
  /** Connection URL (the embedded server's loopback URL in embedded mode), for BullMQ's backend. */
  url: string;
  /** Applies pending migrations; returns their names. */
  migrate(): Promise<string[]>;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  databaseUrl: string | undefined;
  dataDir: string;
  logger: Logger;
  /** Apply pending migrations (default true). */
  migrate?: boolean;
  /** Where the app's jobs go: an old PGlite store's unfinished jobs are moved there. */
  queueConnection?: (store: { url: string; kind: StoreKind }) => QueueConnection;
}

function describeConnectError(err: unknown): string {
  const e = err as NodeJS.ErrnoException & { errors?: unknown[] };
  if (e.code === 'ECONNREFUSED') return 'connection refused';
  if (e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN') return 'host not found';
  if (e.code === '3D000') return 'database does not exist';
  if (e.code === '28P01' || e.code === '28000') return 'authentication failed';
  return (e.message || String(err)).split('\n')[0] ?? 'unknown error';
}

export async function openStore(options: OpenStoreOptions): Promise<OpenedStore> {
  const { logger } = options;
  const embedded = options.databaseUrl ? null : await openEmbedded(options.dataDir, { logger });
  const url = options.databaseUrl ?? (embedded as NonNullable<typeof embedded>).url;
  const kind: StoreKind = embedded ? 'embedded' : 'postgres';

  let orm: MikroORM;
  try {
    orm = await openOrm({
      clientUrl: url,
      poolMax: 10,
      ...(logger.isLevelEnabled('trace') ? { log: (m: string) => logger.trace({ orm: m }) } : {}),
    });
    await orm.em.getConnection().execute('select 1');
  } catch (err) {
    await embedded?.close();
    const where = embedded ? `the embedded database in ${options.dataDir}` : `DATABASE_URL=${redactUrl(url)}`;
    throw new StartupError(`Cannot connect to ${where}: ${describeConnectError(err)}`, { cause: err });
  }

  if (embedded?.legacyPglite) {
    try {
      await importPglite({
        legacyDir: embedded.legacyPglite,
        orm,
        url,
        logger,
        queue: options.queueConnection?.({ url, kind }),
      });
    } catch (err) {
      await orm.close();
      await embedded.close();
      if (err instanceof StartupError) throw err;
      throw new StartupError(
        `Moving the PGlite store in ${embedded.legacyPglite} into the embedded PostgreSQL server failed: ${describeConnectError(err)}`,
        { cause: err },
      );
    }
  }

  if (options.migrate !== false) {
    try {
      const applied = await migrate(orm);
      if (applied.length > 0) logger.info({ applied }, 'migrations applied');
    } catch (err) {
      await orm.close();
      await embedded?.close();
      throw new StartupError(`Database migration failed: ${describeConnectError(err)}`, { cause: err });
    }
  }

  logger.info(
    {
      store: kind,
      ...(embedded ? { dataDir: options.dataDir, pgdata: embedded.pgdata, attached: !embedded.started } : {}),
    },
    'store ready',
  );
  return {
    store: createMikroStore(orm, kind),
    orm,
    kind,
    url,
    migrate: () => migrate(orm),
    async close() {
      await orm.close();
      await embedded?.close();
    },
  };
}
