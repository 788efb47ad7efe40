/**
 * Signed download links, `GET /files/<token>` (README, "Files"). The token carries the file (its
 * storage key, name, type and size), the user it was issued to and its expiry, signed with HMAC-SHA256
 * under a key derived from the data encryption key, so any process of the deployment can check it
 * without a database read. A link is issued only where the person may see the record it belongs to
 * (the command or notification that shows them the record issues it for them).
 *
 * Anything that is not a valid, unexpired token of ours (forged, altered, expired, truncated,
 * `../..`) gets the same 404 page, in Japanese and English, and no hint of which it was.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { HttpRequest, HttpResponse } from '../http/server.ts';
import type { FileStorage } from './storage.ts';

export interface LinkedFile {
  storageKey: string;
  name: string;
  mime: string;
  size: number;
}

interface Claims {
  /** Version of this layout. */
  v: 1;
  k: string;
  n: string;
  m: string;
  s: number;
  /** The user it was issued to. */
  u: number;
  /** Expiry, seconds since the epoch. */
  e: number;
}

const TOKEN = /^[A-Za-z0-9_-]{10,1500}\.[A-Za-z0-9_-]{43}$/;
const KEY = /^[0-9a-f]{64}$/;
export const FILE_LINK_PREFIX = '/files/';
/** Links to a page of an identity document waiting for review: short-lived, for one staff member. */
export const IDENTITY_LINK_PREFIX = '/identity-documents/';
const IDENTITY_TTL_MS = 3600 * 1000;
const DEFAULT_TTL_MS = 24 * 3600 * 1000;

export class FileLinks {
  private readonly secret: Buffer;
  /** `PUBLIC_URL` without a trailing slash, or undefined (no links can be given out). */
  readonly publicUrl: string | undefined;
  private readonly clock: () => Date;
  private readonly ttlMs: number;

  constructor(options: { key: Buffer; publicUrl?: string | undefined; clock?: () => Date; ttlMs?: number }) {
    // A key of its own for links, derived from the data key: a link token never helps against the box.
    this.secret = Buffer.from(hkdfSync('sha256', options.key, Buffer.alloc(0), 'file-links/v1', 32));
    this.publicUrl = options.publicUrl?.replace(/\/+$/, '') || undefined;
    this.clock = options.clock ?? (() => new Date());
    this.ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
  }

  /** Whether links reach the outside over HTTPS (LINE fetches images and opens links only so). */
  get https(): boolean {
    return this.publicUrl?.startsWith('https://') === true;
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }

  token(file: LinkedFile, userId: number): string {
    const claims: Claims = {
      v: 1,
      k: file.storageKey,
      n: file.name.slice(0, 200),
      m: file.mime.slice(0, 100),
      s: file.size,
      u: userId,
      e: Math.floor((this.clock().getTime() + this.ttlMs) / 1000),
    };
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `${payload}.${this.sign(payload)}`;
  }

  /** The link for `userId`, or undefined without `PUBLIC_URL`. */
  url(file: LinkedFile, userId: number): string | undefined {
    return this.publicUrl ? `${this.publicUrl}${FILE_LINK_PREFIX}${this.token(file, userId)}` : undefined;
  }

  /**
   * A link to page `documentId` of an identity document, for staff member `userId`, valid one hour;
   * undefined without `PUBLIC_URL`. The page itself is read (and opened) only when the link is used,
   * so once the document is decided and deleted the link answers 404.
   */
  identityPageUrl(documentId: number, userId: number): string | undefined {
    if (!this.publicUrl) return undefined;
    const claims = {
      v: 2,
      d: documentId,
      u: userId,
      e: Math.floor((this.clock().getTime() + IDENTITY_TTL_MS) / 1000),
    };
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `${this.publicUrl}${IDENTITY_LINK_PREFIX}${payload}.${this.sign(`identity.${payload}`)}`;
  }

  /** The claims of a valid, unexpired identity-page token, else null. */
  verifyIdentityPage(token: string): { documentId: number; userId: number } | null {
    if (!TOKEN.test(token)) return null;
    const [payload = '', signature = ''] = token.split('.');
    const expected = Buffer.from(this.sign(`identity.${payload}`));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    try {
      const c = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
      if (c.v !== 2 || !Number.isSafeInteger(c.d) || !Number.isSafeInteger(c.u)) return null;
      if (typeof c.e !== 'number' || c.e * 1000 <= this.clock().getTime()) return null;
      return { documentId: c.d as number, userId: c.u as number };
    } catch {
      return null;
    }
  }

  /** The claims of a valid, unexpired token, else null (whatever is wrong with it). */
  verify(token: string): (LinkedFile & { userId: number; expiresAt: Date }) | null {
    if (!TOKEN.test(token)) return null;
    const [payload = '', signature = ''] = token.split('.');
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    let claims: Claims;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Claims;
    } catch {
      return null;
    }
    if (claims.v !== 1 || typeof claims.k !== 'string' || !KEY.test(claims.k)) return null;
    if (typeof claims.e !== 'number' || claims.e * 1000 <= this.clock().getTime()) return null;
    return {
      storageKey: claims.k,
      name: String(claims.n),
      mime: String(claims.m),
      size: Number(claims.s),
      userId: Number(claims.u),
      expiresAt: new Date(claims.e * 1000),
    };
  }
}

/** `attachment` with the original name: an ASCII fallback and the UTF-8 name (RFC 6266, RFC 5987). */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\]/g, '_') || 'file';
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

const NOT_FOUND_PAGE = `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>リンクが無効です / Link not valid</title></head>
<body style="font-family: sans-serif; max-width: 32em; margin: 2em auto; line-height: 1.6">
<h1 style="font-size: 1.2em">このリンクは有効期限が切れているか、正しくありません。</h1>
<p>お手数ですが、ボットで同じ画面をもう一度開いてください。新しいリンクが表示されます(リンクの有効期限は24時間です)。</p>
<hr>
<h1 style="font-size: 1.2em" lang="en">This link has expired or is not valid.</h1>
<p lang="en">Please open the same screen in the bot again to get a new link (links last 24 hours).</p>
</body></html>
`;

const notFound = (): HttpResponse => ({
  status: 404,
  headers: {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  },
  body: NOT_FOUND_PAGE,
});

/**
 * `GET /identity-documents/<token>`: a page of an identity document waiting for review, shown inline
 * to the staff member the link was made for, or the 404 page (also once the document is deleted).
 */
export function identityPageHandler(
  links: FileLinks,
  load: (
    documentId: number,
    staffUserId: number,
  ) => Promise<{ name: string; mime: string; bytes: Buffer } | null>,
) {
  return async (req: HttpRequest): Promise<HttpResponse> => {
    const claims = links.verifyIdentityPage(req.path.slice(IDENTITY_LINK_PREFIX.length));
    const page = claims ? await load(claims.documentId, claims.userId) : null;
    if (!page) return notFound();
    return {
      status: 200,
      headers: {
        'content-type': page.mime || 'application/octet-stream',
        'content-length': String(page.bytes.byteLength),
        'content-disposition': contentDisposition(page.name).replace(/^attachment/, 'inline'),
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
        'content-security-policy': "default-src 'none'; img-src 'self'; sandbox",
        'referrer-policy': 'no-referrer',
      },
      body: page.bytes,
    };
  };
}

/** `GET /files/<token>`: the file, as a download, or the 404 page. */
export function fileDownloadHandler(links: FileLinks, storage: FileStorage) {
  return async (req: HttpRequest): Promise<HttpResponse> => {
    const token = req.path.slice(FILE_LINK_PREFIX.length);
    const file = links.verify(token);
    if (!file || !(await storage.exists(file.storageKey))) return notFound();
    return {
      status: 200,
      headers: {
        'content-type': file.mime || 'application/octet-stream',
        'content-length': String(file.size),
        'content-disposition': contentDisposition(file.name),
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
        'content-security-policy': "default-src 'none'; sandbox",
        'referrer-policy': 'no-referrer',
      },
      body: storage.stream(file.storageKey),
    };
  };
}
