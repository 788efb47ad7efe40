/**
 * DATA_DIR/postgres.json: how every process of one DATA_DIR reaches its embedded server (cluster
 * directory, port, user, password, database), written once, mode 0600, by whichever process links
 * its file first.
 */
import { randomBytes } from 'node:crypto';
import { link, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { StartupError } from '../errors.ts';
import { freePort, HOST } from './embedded-server.ts';

/** DATA_DIR/postgres.json: how to reach the cluster. Mode 0600: it holds the password. */
export interface EmbeddedSettings {
  version: 1;
  pgdata: string;
  port: number;
  user: string;
  password: string;
  database: string;
}

export const SETTINGS_FILE = 'postgres.json';
const USER = 'bot';
const DATABASE = 'bot';

export async function readSettings(file: string): Promise<EmbeddedSettings | null> {
  try {
    const s = JSON.parse(await readFile(file, 'utf8')) as EmbeddedSettings;
    return s.version === 1 && typeof s.password === 'string' && typeof s.pgdata === 'string' ? s : null;
  } catch {
    return null;
  }
}

/** Writes the settings atomically (temp file + rename), mode 0600. */
export async function writeSettings(file: string, s: EmbeddedSettings): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(s, null, 2)}\n`, { mode: 0o600 });
  await rename(tmp, file);
}

/** The settings of DATA_DIR, created once: the first process to link its file in wins a race. */
export async function ensureSettings(
  dataDir: string,
  pgdata: () => Promise<string>,
): Promise<EmbeddedSettings> {
  const file = path.join(dataDir, SETTINGS_FILE);
  const existing = await readSettings(file);
  if (existing) return existing;
  const fresh: EmbeddedSettings = {
    version: 1,
    pgdata: await pgdata(),
    port: await freePort(),
    user: USER,
    password: randomBytes(24).toString('base64url'),
    database: DATABASE,
  };
  const tmp = `${file}.${process.pid}.new`;
  await writeFile(tmp, `${JSON.stringify(fresh, null, 2)}\n`, { mode: 0o600 });
  try {
    await link(tmp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    await rm(tmp, { force: true });
  }
  const settled = await readSettings(file);
  if (!settled)
    throw new StartupError(`${file} is unreadable; remove it only if DATA_DIR holds no data yet.`);
  return settled;
}

export function embeddedUrl(s: EmbeddedSettings, port = s.port): string {
  return `postgres://${s.user}:${encodeURIComponent(s.password)}@${HOST}:${port}/${s.database}`;
}
