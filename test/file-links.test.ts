/**
 * Signed download links (`GET /files/<token>`, src/files/links.ts): the file as a download with its
 * original (Japanese) name, and one 404 page for every token that is not a valid, unexpired one of
 * ours: expired, forged, altered to name another user or another file, truncated, path traversal.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILE_LINK_PREFIX, FileLinks, fileDownloadHandler } from '../src/files/links.ts';
import { LocalFileStorage } from '../src/files/storage.ts';
import { HttpServer } from '../src/http/server.ts';
import { memoryLogger } from './helpers/logger.ts';

let dir: string;
let server: HttpServer;
let base: string;
let now = new Date('2026-12-06T00:00:00Z');
const key = randomBytes(32);
const links = new FileLinks({ key, publicUrl: 'https://bot.example.jp/', clock: () => now });
let storage: LocalFileStorage;
const bytes = Buffer.from('name,amount\n山田,1200\n');
let file: { storageKey: string; name: string; mime: string; size: number };

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'file-links-'));
  storage = new LocalFileStorage(dir);
  const stored = await storage.put(bytes);
  file = { storageKey: stored.key, name: '納品ファイル 12月分.csv', mime: 'text/csv', size: stored.size };
  server = new HttpServer({ logger: memoryLogger('silent').logger });
  server.routePrefix('GET', FILE_LINK_PREFIX, fileDownloadHandler(links, storage));
  base = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
});

afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

const get = (token: string) => fetch(`${base}${FILE_LINK_PREFIX}${token}`);

/** A raw request, so the path reaches the server exactly as written (fetch would normalize `..`). */
function raw(pathname: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${pathname}`, { method: 'GET', path: pathname }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

async function expectNotFoundPage(res: Response) {
  expect(res.status).toBe(404);
  const page = await res.text();
  expect(page).toContain('このリンクは有効期限が切れているか、正しくありません。');
  expect(page).toContain('This link has expired or is not valid.');
  expect(page).not.toContain(file.storageKey);
}

describe('signed download links', () => {
  it('serves the bytes as a download with the original name, the stored type, nosniff and no caching', async () => {
    const url = links.url(file, 7);
    expect(url).toMatch(/^https:\/\/bot\.example\.jp\/files\/[\w-]+\.[\w-]{43}$/);
    const res = await get(links.token(file, 7));
    expect(res.status).toBe(200);
    const body = Buffer.from(await res.arrayBuffer());
    expect(createHash('sha256').update(body).digest('hex')).toBe(file.storageKey);
    expect(res.headers.get('content-type')).toBe('text/csv');
    expect(res.headers.get('content-length')).toBe(String(bytes.length));
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toContain('no-store');
    const disposition = res.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    const encoded = /filename\*=UTF-8''(.+)$/.exec(disposition)?.[1] ?? '';
    expect(decodeURIComponent(encoded)).toBe('納品ファイル 12月分.csv');
  });

  it('answers HEAD with the headers only', async () => {
    const res = await fetch(`${base}${FILE_LINK_PREFIX}${links.token(file, 7)}`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String(bytes.length));
  });

  it('refuses an expired link after 24 hours', async () => {
    const token = links.token(file, 7);
    const issuedAt = now;
    now = new Date(issuedAt.getTime() + 24 * 3600 * 1000 - 1000);
    expect((await get(token)).status).toBe(200);
    now = new Date(issuedAt.getTime() + 24 * 3600 * 1000 + 1000);
    await expectNotFoundPage(await get(token));
    now = issuedAt;
  });

  it('refuses a token altered to name another user, another file or a later expiry (the signature no longer matches)', async () => {
    const token = links.token(file, 7);
    const [payload = '', signature = ''] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    for (const change of [
      { u: 8 },
      { k: createHash('sha256').update('other').digest('hex') },
      { e: 9_999_999_999 },
    ]) {
      const forged = Buffer.from(JSON.stringify({ ...claims, ...change })).toString('base64url');
      await expectNotFoundPage(await get(`${forged}.${signature}`));
    }
    // Signed with another deployment's key.
    const other = new FileLinks({
      key: randomBytes(32),
      publicUrl: 'https://bot.example.jp',
      clock: () => now,
    });
    await expectNotFoundPage(await get(other.token(file, 7)));
    // Truncated, flipped or missing signature.
    await expectNotFoundPage(await get(token.slice(0, -1)));
    await expectNotFoundPage(
      await get(`${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`),
    );
    await expectNotFoundPage(await get(payload));
    await expectNotFoundPage(await get(''));
  });

  it('refuses path traversal in every spelling, and a signed token whose key is not a storage key', async () => {
    for (const p of [
      '/files/../../etc/passwd',
      '/files/..%2F..%2Fetc%2Fpasswd',
      '/files/%2e%2e/%2e%2e/etc/passwd',
      '/files/....//....//etc/passwd',
      `/files/${links.token(file, 7)}/../../x`,
    ]) {
      expect([400, 404]).toContain(await raw(p));
    }
    const evil = links.token({ ...file, storageKey: '../../../../etc/passwd' }, 7);
    await expectNotFoundPage(await get(evil));
  });

  it('refuses a valid link to a file no longer in storage', async () => {
    const gone = { ...file, storageKey: createHash('sha256').update('never stored').digest('hex') };
    await expectNotFoundPage(await get(links.token(gone, 7)));
  });

  it('gives no links without PUBLIC_URL', () => {
    const none = new FileLinks({ key, clock: () => now });
    expect(none.url(file, 7)).toBeUndefined();
    expect(none.https).toBe(false);
    expect(links.https).toBe(true);
  });
});
