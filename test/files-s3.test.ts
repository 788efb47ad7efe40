/**
 * S3FileStorage against a real S3-compatible HTTP server: s3rver (the maintained @20minutes fork),
 * started here on a free loopback port with its files in a temp dir. It checks SigV4 signatures, so the
 * credentials, region and addressing style really go over the wire. It does not verify
 * `x-amz-checksum-sha256` itself, so the tests assert the header the storage sends instead. Also:
 * request deadlines against a server that stalls, and `fileStorageFrom`'s URL parsing.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { IdentityCheckService } from '../src/domain/checks/identity.ts';
import { AppError } from '../src/errors.ts';
import { fileStorageFrom, S3FileStorage } from '../src/files/s3.ts';
import { LocalFileStorage } from '../src/files/storage.ts';
import { openDomainBench } from './helpers/domain.ts';
import { jpeg } from './helpers/files.ts';

/** The part of s3rver's (untyped, CommonJS) API used here. */
interface S3rver {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
  httpServer: Server;
}
type S3rverClass = new (options: {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
  configureBuckets: { name: string }[];
}) => S3rver;
const S3rverServer = createRequire(import.meta.url)('@20minutes/s3rver') as S3rverClass;

// s3rver's built-in account.
const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
const BUCKET = 'files-test';

interface Call {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

let dir: string;
let server: S3rver;
let endpoint: string;
let calls: Call[] = [];
let storage: S3FileStorage;
let admin: S3Client;

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest();
const sharded = (key: string) => `${key.slice(0, 2)}/${key.slice(2, 4)}/${key}`;

/**
 * Whether the bucket holds exactly this object key, asked with a separate client. (Object-level: s3rver
 * checks bucket-level requests such as ListObjectsV2 against a different canonical path than the SDK
 * signs, and refuses them.)
 */
async function holds(objectKey: string): Promise<boolean> {
  try {
    await admin.send(new HeadObjectCommand({ Bucket: BUCKET, Key: objectKey }));
    return true;
  } catch (err) {
    if ((err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return false;
    throw err;
  }
}

/** A request's path without its query (the SDK adds `?x-id=PutObject`). */
const pathOf = (call: Call | undefined) => call?.url.split('?')[0];

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The error a promise rejects with (fails the test if it resolves). */
async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error('expected a rejection');
}

/** The error a stream ends with (fails the test if it ends cleanly). */
function streamError(stream: NodeJS.ReadableStream): Promise<AppError> {
  return rejection(collect(stream));
}

function storageWith(options: Partial<ConstructorParameters<typeof S3FileStorage>[0]> = {}): S3FileStorage {
  return new S3FileStorage({
    bucket: BUCKET,
    prefix: 'tenant/files',
    region: 'us-east-1',
    endpoint,
    forcePathStyle: true,
    credentials: CREDENTIALS,
    ...options,
  });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'files-s3-'));
  server = new S3rverServer({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: path.join(dir, 's3rver'),
    configureBuckets: [{ name: BUCKET }],
  });
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
  // Every request as the server received it, before s3rver handles it.
  server.httpServer.prependListener('request', (req) => {
    calls.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
  });
  storage = storageWith();
  admin = new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials: CREDENTIALS });
});

afterAll(async () => {
  storage?.close();
  admin?.destroy();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

beforeEach(() => {
  calls = [];
});

describe('identity documents on S3', () => {
  it('deletes the plain bytes from the bucket at submission, and the sealed pages at the decision', async () => {
    const b = await openDomainBench('ids3');
    try {
      b.ctx.files = storage;
      const checks = new IdentityCheckService(b.ctx);
      const worker = await b.user(['worker']);
      const staff = await b.user(['staff']);
      const photo = jpeg(`licence ${randomBytes(8).toString('hex')}`);
      const put = await storage.put(photo);
      const objectKey = `tenant/files/${sharded(put.key)}`;
      expect(await holds(objectKey)).toBe(true);
      await checks.submit(worker, 'drivers_license', [
        { storageKey: put.key, name: 'licence.jpg', mime: 'image/jpeg', size: put.size },
      ]);
      expect(await holds(objectKey)).toBe(false);
      expect(calls.some((c) => c.method === 'DELETE' && pathOf(c) === `/${BUCKET}/${objectKey}`)).toBe(true);
      expect((await checks.pages(staff, worker.userId)).map((p) => sha256(p.bytes).toString('hex'))).toEqual([
        put.key,
      ]);
      await checks.decide(staff, worker.userId, 'verified');
      expect(await checks.pages(staff, worker.userId)).toEqual([]);
      expect(await b.ctx.uow.read((tx) => tx.identityDocuments.count({ userId: worker.userId }))).toBe(0);
    } finally {
      await b.close();
    }
  });
});

describe('S3FileStorage', () => {
  it('puts under <prefix>/ab/cd/<key> with the SHA-256 checksum, and reads it back', async () => {
    const data = Buffer.from('請求書 2024-05.pdf のつもり');
    const stored = await storage.put(data);
    const digest = sha256(data);
    expect(stored).toEqual({ key: digest.toString('hex'), size: data.byteLength });

    const puts = calls.filter((c) => c.method === 'PUT');
    expect(puts).toHaveLength(1);
    expect(pathOf(puts[0])).toBe(`/${BUCKET}/tenant/files/${sharded(stored.key)}`);
    expect(puts[0]?.headers['x-amz-checksum-sha256']).toBe(digest.toString('base64'));
    expect(puts[0]?.headers['content-length']).toBe(String(data.byteLength));

    expect(await holds(`tenant/files/${sharded(stored.key)}`)).toBe(true);
    expect(await storage.exists(stored.key)).toBe(true);
    expect(await storage.read(stored.key)).toEqual(data);
    expect(await collect(storage.stream(stored.key))).toEqual(data);
  });

  it('stores the same content once', async () => {
    const data = randomBytes(1024);
    const first = await storage.put(data);
    const second = await storage.put(Uint8Array.from(data));
    expect(second).toEqual(first);
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(1);
    expect(calls.filter((c) => c.method === 'HEAD')).toHaveLength(2);
    expect(await holds(`tenant/files/${sharded(first.key)}`)).toBe(true);
  });

  it('streams a larger object whole', async () => {
    const data = randomBytes(5 * 1024 * 1024 + 17);
    const { key } = await storage.put(data);
    const back = await collect(storage.stream(key));
    expect(back.byteLength).toBe(data.byteLength);
    expect(sha256(back).toString('hex')).toBe(key);
  });

  it('answers false, and read and stream fail, for a key it does not hold', async () => {
    const missing = sha256(Buffer.from('never stored')).toString('hex');
    expect(await storage.exists(missing)).toBe(false);
    const err = await rejection(storage.read(missing));
    expect(err.code).toBe('file.not_found');
    expect(err.message).toContain(`s3://${BUCKET}/tenant/files/${sharded(missing)}`);
    expect((await streamError(storage.stream(missing))).code).toBe('file.not_found');
  });

  it('refuses to read bytes that do not hash to their key', async () => {
    const { key } = await storage.put(Buffer.from('the original'));
    // Someone with write access to the bucket replaces the object.
    await admin.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: `tenant/files/${sharded(key)}`, Body: 'tampered' }),
    );
    expect((await rejection(storage.read(key))).code).toBe('file.corrupt');
  });

  it('cancels the download when the reader goes away, before or during the body', async () => {
    const { key } = await storage.put(randomBytes(2 * 1024 * 1024));
    storage.stream(key).destroy();
    const during = storage.stream(key);
    await new Promise<void>((resolve) => during.once('data', () => resolve()));
    during.destroy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The client is still usable afterwards.
    expect(await storage.exists(key)).toBe(true);
  });

  it('refuses anything but 64 lower-case hex digits as a key, before any request', async () => {
    const bad = ['', 'abc', '../../etc/passwd', 'A'.repeat(64), `${'a'.repeat(63)}g`, `${'a'.repeat(64)}/x`];
    for (const key of bad) {
      expect((await rejection(storage.read(key))).code).toBe('file.bad_key');
      expect((await rejection(storage.exists(key))).code).toBe('file.bad_key');
      expect(() => storage.stream(key)).toThrow(expect.objectContaining({ code: 'file.bad_key' }));
    }
    expect(calls).toEqual([]);
  });

  it('keeps each prefix to itself, normalising slashes, and an empty prefix shards at the root', async () => {
    const data = Buffer.from(`prefix test ${Date.now()}`);
    const other = storageWith({ prefix: '/other//place/' });
    const root = storageWith({ prefix: '' });
    try {
      expect(other.location).toBe(`s3://${BUCKET}/other/place`);
      const { key } = await other.put(data);
      expect(await holds(`other/place/${sharded(key)}`)).toBe(true);
      expect(await storage.exists(key)).toBe(false);
      expect(await root.exists(key)).toBe(false);

      await root.put(data);
      expect(await holds(sharded(key))).toBe(true);
      expect(await root.read(key)).toEqual(data);
    } finally {
      other.close();
      root.close();
    }
  });

  it('throws, rather than answering false, when the server refuses the request', async () => {
    const wrong = storageWith({ credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'not-the-secret' } });
    try {
      const key = sha256(Buffer.from('x')).toString('hex');
      const err = await rejection(wrong.exists(key));
      expect(err.code).toBe('file.storage_failed');
      expect(err.message).toMatch(/HeadObject .* failed: 403/);
      expect(err.message).not.toContain('not-the-secret');
    } finally {
      wrong.close();
    }
  });
});

describe('S3FileStorage deadlines', () => {
  let stall: Server;
  let stalling: S3FileStorage;
  const key = sha256(Buffer.from('stalled')).toString('hex');

  beforeAll(async () => {
    // HEAD: never answered. GET: headers and 10 of 100 bytes, then silence.
    stall = createServer((req, res) => {
      if (req.method === 'GET') {
        res.writeHead(200, { 'content-length': '100', 'content-type': 'application/octet-stream' });
        res.write(Buffer.alloc(10));
      }
    });
    await new Promise<void>((resolve) => stall.listen(0, '127.0.0.1', resolve));
    const { port } = stall.address() as AddressInfo;
    stalling = storageWith({ endpoint: `http://127.0.0.1:${port}`, timeoutMs: 300 });
  });

  afterAll(async () => {
    stalling?.close();
    stall?.closeAllConnections();
    await new Promise((resolve) => stall?.close(resolve));
  });

  it('gives up on a request that gets no answer', async () => {
    const started = Date.now();
    const err = await rejection(stalling.exists(key));
    expect(err.code).toBe('file.storage_timeout');
    expect(err.message).toContain('HeadObject');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('ends a stream with an error when the body stalls', async () => {
    const started = Date.now();
    const err = await streamError(stalling.stream(key));
    expect(err.code).toBe('file.storage_timeout');
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('fileStorageFrom', () => {
  const env = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
    AWS_ENDPOINT_URL_S3: endpoint,
    S3_FORCE_PATH_STYLE: 'true',
    AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
    ...extra,
  });

  it('uses <dataDir>/files on local disk when unset or empty', async () => {
    const dataDir = path.join(dir, 'data');
    for (const url of [undefined, '', '  ']) {
      const files = fileStorageFrom(url, dataDir, {});
      expect(files).toBeInstanceOf(LocalFileStorage);
      const { key } = await files.put(Buffer.from('local'));
      expect(existsSync(path.join(dataDir, 'files', sharded(key)))).toBe(true);
    }
  });

  it('uses the directory of a file:/// URL', async () => {
    const elsewhere = path.join(dir, 'elsewhere');
    const files = fileStorageFrom(`file://${elsewhere}`, path.join(dir, 'unused'), {});
    expect(files).toBeInstanceOf(LocalFileStorage);
    const { key } = await files.put(Buffer.from('elsewhere'));
    expect(existsSync(path.join(elsewhere, sharded(key)))).toBe(true);
    expect(existsSync(path.join(dir, 'unused'))).toBe(false);
  });

  it('parses s3://bucket and s3://bucket/a/b', () => {
    const bare = fileStorageFrom(`s3://${BUCKET}`, dir, {});
    const nested = fileStorageFrom(`s3://${BUCKET}/a/b/`, dir, {});
    try {
      expect(bare).toBeInstanceOf(S3FileStorage);
      expect(bare).toMatchObject({ bucket: BUCKET, prefix: '' });
      expect(nested).toMatchObject({ bucket: BUCKET, prefix: 'a/b' });
    } finally {
      (bare as S3FileStorage).close();
      (nested as S3FileStorage).close();
    }
  });

  it('takes region, endpoint, path style and keys from the environment it is given', async () => {
    const files = fileStorageFrom(
      `s3://${BUCKET}/from-url/x`,
      dir,
      env({ AWS_REGION: 'eu-west-3', AWS_ENDPOINT_URL: 'http://127.0.0.1:9' }),
    ) as S3FileStorage;
    try {
      const data = Buffer.from('through the URL');
      const { key } = await files.put(data);
      expect(await files.read(key)).toEqual(data);
      const put = calls.find((c) => c.method === 'PUT');
      // Path-style: the bucket is in the path, not the host name.
      expect(pathOf(put)).toBe(`/${BUCKET}/from-url/x/${sharded(key)}`);
      expect(put?.headers.authorization).toContain('Credential=S3RVER/');
      expect(put?.headers.authorization).toContain('/eu-west-3/s3/aws4_request');
    } finally {
      files.close();
    }
  });

  it('refuses other schemes and malformed values with one line naming the accepted forms', () => {
    const refused: [string, RegExp][] = [
      ['http://x', /scheme http: .*file:\/\/\/absolute\/path or s3:\/\/bucket\[\/prefix\]/],
      ['https://bucket.s3.amazonaws.com/p', /scheme https: /],
      ['/var/files', /not a URL/],
      ['file://host/var/files', /names a host/],
      ['s3://', /valid bucket/],
      ['s3://Upper/p', /valid bucket/],
      ['s3://bucket:9000/p', /valid bucket/],
      ['s3://bucket/p?versionId=1', /no query/],
    ];
    for (const [url, message] of refused) {
      let err: unknown;
      try {
        fileStorageFrom(url, dir, {});
      } catch (e) {
        err = e;
      }
      expect(err, url).toBeInstanceOf(Error);
      expect((err as Error).message, url).toMatch(message);
      expect((err as Error).message, url).not.toContain('\n');
    }
  });

  it('never repeats credentials put in the URL', () => {
    expect(() => fileStorageFrom('s3://AKIAEXAMPLE:s3cr3t@bucket/p', dir, {})).toThrow(
      /must not carry credentials/,
    );
    try {
      fileStorageFrom('s3://AKIAEXAMPLE:s3cr3t@bucket/p', dir, {});
    } catch (e) {
      expect((e as Error).message).not.toMatch(/AKIAEXAMPLE|s3cr3t/);
    }
  });

  it('refuses a bad S3_FORCE_PATH_STYLE or endpoint', () => {
    expect(() => fileStorageFrom(`s3://${BUCKET}`, dir, { S3_FORCE_PATH_STYLE: 'yes' })).toThrow(
      /S3_FORCE_PATH_STYLE must be true or false/,
    );
    expect(() => fileStorageFrom(`s3://${BUCKET}`, dir, { AWS_ENDPOINT_URL: 'localhost:9000' })).toThrow(
      /AWS_ENDPOINT_URL must be an http\(s\) URL/,
    );
  });
});
