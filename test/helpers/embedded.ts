/**
 * DATA_DIRs for tests of the embedded PostgreSQL server. mkdtemp makes 0700 directories, which the
 * `postgres` OS user (the server's user when tests run as root) cannot enter, so the cluster would be
 * kept under /var/lib instead; these are 0755 so it stays inside, unless a test asks otherwise.
 * `removeDataDir` stops the server and removes the cluster wherever it was kept.
 */
import { chmod, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { removeEmbedded } from '../../src/wiring/embedded.ts';

export async function embeddedDataDir(prefix: string, mode = 0o755): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `${prefix}-`));
  await chmod(dir, mode);
  return dir;
}

export const removeDataDir = (dir: string | undefined) => (dir ? removeEmbedded(dir) : Promise.resolve());
