/**
 * The embedded store: PGlite persisted under DATA_DIR, served on a loopback port by pglite-socket so
 * MikroORM's ordinary postgres driver, BullMQ's PostgreSQL backend and `psql` all talk to it as to a
 * real server (ARCHITECTURE.md, "Runtime and the embedded default").
 *
 * PGlite is single-process: two processes opening the same directory would corrupt it. The serving
 * process therefore writes `embedded.json` (pid, port); a second process on the same DATA_DIR (e.g.
 * `npm run chat` beside `npm start`) connects to that port instead of opening the files itself.
 */

import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { StartupError } from '../errors.ts';

export interface EmbeddedDatabase {
  url: string;
  /** True when this process owns the PGlite files; false when attached to another process's server. */
  owner: boolean;
  close(): Promise<void>;
}

interface LockFile {
  pid: number;
  host: string;
  port: number;
}

const HOST = '127.0.0.1';

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function portOpen(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

const urlFor = (host: string, port: number) => `postgres://postgres@${host}:${port}/postgres`;

async function readLock(file: string): Promise<LockFile | null> {
  try {
    const lock = JSON.parse(await readFile(file, 'utf8')) as LockFile;
    return typeof lock.pid === 'number' && typeof lock.port === 'number' ? lock : null;
  } catch {
    return null;
  }
}

/** Opens (or attaches to) the embedded database in `dataDir`; `null` gives a throw-away in-memory one. */
export async function openEmbedded(dataDir: string | null): Promise<EmbeddedDatabase> {
  const pgdata = dataDir === null ? null : path.join(dataDir, 'pgdata');
  const lockPath = dataDir === null ? null : path.join(dataDir, 'embedded.json');
  if (pgdata) await mkdir(pgdata, { recursive: true });

  const lock = lockPath ? await readLock(lockPath) : null;
  if (lock && lock.pid !== process.pid && pidAlive(lock.pid) && (await portOpen(lock.host, lock.port))) {
    return { url: urlFor(lock.host, lock.port), owner: false, close: async () => {} };
  }

  let db: PGlite;
  try {
    // PostgreSQL's default 128 MB of shared buffers is sized for a server; an embedded store for one
    // bot process does well with 32 MB and idles ~120 MB smaller (see bench:startup).
    // pg_trgm backs the job keyword search index, as on a real server (a migration creates it).
    const options = { postgresqlconf: ['shared_buffers=32MB'], extensions: { pg_trgm } };
    if (pgdata) {
      const fresh = !existsSync(path.join(pgdata, 'PG_VERSION'));
      db = await PGlite.create(pgdata, options);
      if (fresh) {
        // initdb leaves the WebAssembly heap grown by several hundred MB; reopening the new cluster
        // (~0.3 s, once per data directory) starts from a small heap again.
        await db.close();
        db = await PGlite.create(pgdata, options);
      }
    } else {
      db = await PGlite.create(options);
    }
  } catch (err) {
    throw new StartupError(
      `Cannot open the embedded database in ${pgdata}: ${(err as Error).message}. ` +
        'Set DATA_DIR to a writable directory, or DATABASE_URL to use PostgreSQL.',
      { cause: err },
    );
  }
  // maxConnections: the ORM pool plus BullMQ's pools and LISTEN clients; the socket server queues
  // queries onto the single PGlite instance and keeps a transaction on its own connection.
  const server = new PGLiteSocketServer({ db, host: HOST, port: 0, maxConnections: 100 });
  await server.start();
  const port = Number(server.getServerConn().split(':').pop());
  if (lockPath)
    await writeFile(lockPath, JSON.stringify({ pid: process.pid, host: HOST, port } satisfies LockFile));

  return {
    url: urlFor(HOST, port),
    owner: true,
    async close() {
      await server.stop();
      await db.close();
      if (!lockPath) return;
      const current = await readLock(lockPath);
      if (current?.pid === process.pid) await rm(lockPath, { force: true });
    },
  };
}
