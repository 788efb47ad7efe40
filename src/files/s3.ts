/**
 * File storage in an S3-compatible object store (AWS S3, MinIO, Cloudflare R2, …), and the choice of
 * store from a `FILES_URL`-style setting. Same contract as LocalFileStorage: content-addressed by the
 * hex SHA-256, objects sharded as `<prefix>/ab/cd/<key>`.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { AppError } from '../errors.ts';
import { type FileStorage, LocalFileStorage, type StoredObject } from './storage.ts';

const KEY = /^[0-9a-f]{64}$/;
const DEFAULT_TIMEOUT_MS = 30_000;
/** An upload may take this much longer per MiB than a bodiless request (i.e. it may run at 1 MiB/s). */
const UPLOAD_MS_PER_MIB = 1_000;

export interface S3FileStorageOptions {
  bucket: string;
  /** Key prefix inside the bucket; slashes at either end and doubled ones are dropped. May be empty. */
  prefix: string;
  region?: string;
  /** For S3-compatible servers, e.g. `http://127.0.0.1:9000`. */
  endpoint?: string;
  forcePathStyle?: boolean;
  /** Left out: the SDK's default provider chain (env, shared config, SSO, container/instance roles). */
  credentials?: S3ClientConfig['credentials'];
  /**
   * Bound on each request (default 30 s): a HEAD must be answered within it, a GET must start answering
   * within it, a PUT must finish within it plus 1 s per MiB, and no connection may sit idle that long.
   */
  timeoutMs?: number;
}

/** `[a, b, "", c/]` → `a/b/c`: no leading, trailing or doubled slash. */
function normalisePrefix(prefix: string): string {
  return prefix
    .split('/')
    .filter((p) => p !== '')
    .join('/');
}

function statusOf(err: unknown): number | undefined {
  return (err as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;
}

/** The error's name and HTTP status, never its whole text (S3 error bodies can be long XML). */
function reasonOf(err: unknown): string {
  const status = statusOf(err);
  const name = err instanceof Error ? err.name : String(err);
  return status === undefined ? name : `${status} ${name}`;
}

export class S3FileStorage implements FileStorage {
  readonly bucket: string;
  readonly prefix: string;
  private readonly timeoutMs: number;
  /** ES-private, so logging this object (pino, util.inspect) never reaches the client's credentials. */
  readonly #client: S3Client;

  constructor(options: S3FileStorageOptions) {
    this.bucket = options.bucket;
    this.prefix = normalisePrefix(options.prefix);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const config: S3ClientConfig = {
      region: options.region ?? 'us-east-1',
      forcePathStyle: options.forcePathStyle ?? false,
      // A bucket in another region than configured answers 301; the SDK then retries in the right one.
      // https://docs.aws.amazon.com/AWSJavaScriptSDK/v3/latest/Package/-aws-sdk-client-s3/Interface/S3ClientConfig/
      followRegionRedirects: true,
      // socketTimeout fails a request whose connection moves no byte for that long, body included; the
      // per-call deadlines (abortSignal below) bound the whole exchange, retries included.
      requestHandler: {
        connectionTimeout: Math.min(this.timeoutMs, 10_000),
        socketTimeout: this.timeoutMs,
      },
    };
    if (options.endpoint !== undefined) config.endpoint = options.endpoint;
    if (options.credentials !== undefined) config.credentials = options.credentials;
    this.#client = new S3Client(config);
  }

  /** `s3://bucket/prefix`, for start-up logs. */
  get location(): string {
    return `s3://${this.bucket}/${this.prefix}`;
  }

  private objectKey(key: string): string {
    if (!KEY.test(key)) throw new AppError('file.bad_key', `not a storage key: ${key.slice(0, 80)}`);
    const sharded = `${key.slice(0, 2)}/${key.slice(2, 4)}/${key}`;
    return this.prefix === '' ? sharded : `${this.prefix}/${sharded}`;
  }

  /** `timedOutAfterMs`: the deadline that cut the request short, if one did. */
  private failure(op: string, objectKey: string, err: unknown, timedOutAfterMs?: number): AppError {
    const where = `S3 ${op} s3://${this.bucket}/${objectKey}`;
    if (timedOutAfterMs !== undefined) {
      return new AppError('file.storage_timeout', `${where} got no answer within ${timedOutAfterMs} ms`, {
        cause: err,
      });
    }
    // The handler's own timeouts (connect, idle socket) are named TimeoutError.
    if (err instanceof Error && err.name === 'TimeoutError') {
      return new AppError('file.storage_timeout', `${where} timed out: ${err.message}`, { cause: err });
    }
    const code = statusOf(err) === 404 ? 'file.not_found' : 'file.storage_failed';
    return new AppError(code, `${where} failed: ${reasonOf(err)}`, { cause: err });
  }

  /** Sends one command under a deadline; failures become AppErrors naming the operation and object. */
  private async send<T>(
    op: string,
    objectKey: string,
    deadlineMs: number,
    run: (abortSignal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, deadlineMs);
    try {
      return await run(controller.signal);
    } catch (err) {
      throw this.failure(op, objectKey, err, timedOut ? deadlineMs : undefined);
    } finally {
      clearTimeout(timer);
    }
  }

  private async headExists(objectKey: string): Promise<boolean> {
    try {
      await this.send('HeadObject', objectKey, this.timeoutMs, (abortSignal) =>
        this.#client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: objectKey }), { abortSignal }),
      );
      return true;
    } catch (err) {
      // A missing object is 404 only when we may list the bucket; without s3:ListBucket S3 says 403,
      // which stays an error here (a permission to fix, not a missing file).
      // https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadObject.html
      if (err instanceof AppError && err.code === 'file.not_found') return false;
      throw err;
    }
  }

  async put(data: Buffer | Uint8Array): Promise<StoredObject> {
    const digest = createHash('sha256').update(data).digest();
    const key = digest.toString('hex');
    const objectKey = this.objectKey(key);
    if (!(await this.headExists(objectKey))) {
      const deadline = this.timeoutMs + Math.ceil((data.byteLength / 1024 / 1024) * UPLOAD_MS_PER_MIB);
      await this.send('PutObject', objectKey, deadline, (abortSignal) =>
        this.#client.send(
          new PutObjectCommand({
            Bucket: this.bucket,
            Key: objectKey,
            Body: data,
            ContentLength: data.byteLength,
            ContentType: 'application/octet-stream',
            // S3 recomputes the SHA-256 of what it received and refuses the upload when it differs, so
            // a corrupted transfer never lands under a valid key. It also keeps the checksum, which the
            // SDK asks for and checks on each GetObject by default.
            // https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html
            // https://docs.aws.amazon.com/sdkref/latest/guide/feature-dataintegrity.html
            ChecksumSHA256: digest.toString('base64'),
          }),
          { abortSignal },
        ),
      );
    }
    return { key, size: data.byteLength };
  }

  async read(key: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of this.stream(key)) chunks.push(chunk as Buffer);
    const data = Buffer.concat(chunks);
    // Content-addressed: whatever the store (or a proxy in front of it) returned must hash to its key.
    if (createHash('sha256').update(data).digest('hex') !== key) {
      throw new AppError(
        'file.corrupt',
        `S3 object s3://${this.bucket}/${this.objectKey(key)} does not match its key`,
      );
    }
    return data;
  }

  /**
   * The object's bytes as they arrive. Synchronous like the interface: the GetObject runs behind the
   * returned stream, and its failure (missing object, timeout, connection lost) is the stream's error.
   * Destroying the stream early cancels the download.
   */
  stream(key: string): Readable {
    const objectKey = this.objectKey(key);
    const out = new PassThrough();
    const cancel = new AbortController();
    out.once('close', () => cancel.abort());
    this.send('GetObject', objectKey, this.timeoutMs, (abortSignal) =>
      this.#client.send(new GetObjectCommand({ Bucket: this.bucket, Key: objectKey }), {
        abortSignal: AbortSignal.any([abortSignal, cancel.signal]),
      }),
    ).then(
      (res) => {
        // In Node the body is an http.IncomingMessage, or a checksum-verifying stream wrapping it.
        const body = res.Body;
        if (!(body instanceof Readable)) {
          out.destroy(
            new AppError('file.storage_failed', `S3 GetObject s3://${this.bucket}/${objectKey}: no body`),
          );
          return;
        }
        if (out.destroyed) {
          body.destroy();
          return;
        }
        body.on('error', (err) => out.destroy(this.failure('GetObject', objectKey, err)));
        out.once('close', () => {
          if (!body.readableEnded) body.destroy();
        });
        body.pipe(out);
      },
      (err: unknown) => {
        out.destroy(err instanceof Error ? err : new Error(String(err)));
      },
    );
    return out;
  }

  async exists(key: string): Promise<boolean> {
    return this.headExists(this.objectKey(key));
  }

  /** DeleteObject: S3 answers 204 whether or not the object was there. */
  async delete(key: string): Promise<void> {
    const objectKey = this.objectKey(key);
    await this.send('DeleteObject', objectKey, this.timeoutMs, (abortSignal) =>
      this.#client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: objectKey }), { abortSignal }),
    );
  }

  /** Closes the client's pooled connections (shutdown, tests). */
  close(): void {
    this.#client.destroy();
  }
}

const ACCEPTED = 'use file:///absolute/path or s3://bucket[/prefix], or leave it unset for DATA_DIR/files';

// General-purpose bucket names: 3–63 lower-case letters, digits, dots and hyphens, starting and ending
// with a letter or digit. https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

function pathStyleFrom(value: string | undefined): boolean {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '' || v === 'false' || v === '0') return false;
  if (v === 'true' || v === '1') return true;
  throw new Error(`S3_FORCE_PATH_STYLE must be true or false, not ${JSON.stringify(value?.slice(0, 20))}`);
}

function endpointFrom(env: NodeJS.ProcessEnv): string | undefined {
  // The service-specific variable wins over the global one, as in the SDKs' own lookup.
  // https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html
  const name = env.AWS_ENDPOINT_URL_S3?.trim() ? 'AWS_ENDPOINT_URL_S3' : 'AWS_ENDPOINT_URL';
  const value = env[name]?.trim();
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} must be an http(s) URL such as http://127.0.0.1:9000`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${name} must be an http(s) URL, not a ${url.protocol} one`);
  }
  return value;
}

/**
 * The file store a URL names. `env` supplies the AWS_* / S3_* variables for s3:// (the caller passes
 * the process environment; only src/config.ts reads it).
 * - unset or empty → LocalFileStorage in `<dataDir>/files`
 * - `file:///abs/path` → LocalFileStorage there
 * - `s3://bucket[/prefix]` → S3FileStorage; region AWS_REGION (default us-east-1), endpoint
 *   AWS_ENDPOINT_URL_S3 or AWS_ENDPOINT_URL, S3_FORCE_PATH_STYLE=true for path-style addressing,
 *   credentials AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY[/AWS_SESSION_TOKEN] or else the SDK's chain.
 * Anything else throws an Error whose message is one line, without the URL's user-info.
 */
export function fileStorageFrom(
  url: string | undefined,
  dataDir: string,
  env: NodeJS.ProcessEnv,
): FileStorage {
  const value = url?.trim() ?? '';
  if (value === '') return new LocalFileStorage(path.join(dataDir, 'files'));
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new Error(`file storage URL is not a URL (${ACCEPTED})`);
  }
  if (parsed.protocol === 'file:') {
    let dir: string;
    try {
      dir = fileURLToPath(parsed);
    } catch {
      throw new Error(`file storage URL file://${parsed.host}/… names a host; ${ACCEPTED}`);
    }
    return new LocalFileStorage(dir);
  }
  if (parsed.protocol !== 's3:') {
    throw new Error(`file storage URL scheme ${parsed.protocol} is not supported; ${ACCEPTED}`);
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw new Error(
      'file storage URL s3:// must not carry credentials; set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY',
    );
  }
  if (parsed.search !== '' || parsed.hash !== '') {
    throw new Error(`file storage URL s3:// takes no query or fragment; ${ACCEPTED}`);
  }
  const bucket = parsed.host;
  if (!BUCKET.test(bucket)) {
    throw new Error(
      `file storage URL s3://${bucket.slice(0, 70)} does not name a valid bucket (3-63 of a-z 0-9 . -); ${ACCEPTED}`,
    );
  }
  let prefix: string;
  try {
    prefix = decodeURIComponent(parsed.pathname);
  } catch {
    throw new Error(`file storage URL s3://${bucket}/… has a malformed %-escape in its prefix`);
  }
  const options: S3FileStorageOptions = {
    bucket,
    prefix,
    region: env.AWS_REGION?.trim() || 'us-east-1',
    forcePathStyle: pathStyleFrom(env.S3_FORCE_PATH_STYLE),
  };
  const endpoint = endpointFrom(env);
  if (endpoint !== undefined) options.endpoint = endpoint;
  // Static keys are taken from `env` itself, so the environment handed in is the one used; without
  // them the SDK's default chain applies (shared config files, SSO, web identity, ECS/EC2 roles).
  // https://docs.aws.amazon.com/sdk-for-javascript/v3/developer-guide/setting-credentials-node.html
  const accessKeyId = env.AWS_ACCESS_KEY_ID?.trim();
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY?.trim();
  if (accessKeyId && secretAccessKey) {
    const sessionToken = env.AWS_SESSION_TOKEN?.trim();
    options.credentials = sessionToken
      ? { accessKeyId, secretAccessKey, sessionToken }
      : { accessKeyId, secretAccessKey };
  }
  return new S3FileStorage(options);
}
