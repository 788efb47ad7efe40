/** What the fake platform servers share: a loopback server, multipart bodies, waiting for a condition. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface Part {
  name: string;
  filename?: string;
  /** The part's own Content-Type header, when it has one. */
  contentType?: string;
  data: Buffer;
}

/** Parts of a multipart/form-data body (enough for what fetch's FormData produces). */
export function multipartParts(raw: Buffer, contentType: string): Part[] {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = m?.[1] ?? m?.[2];
  if (!boundary) return [];
  const delimiter = Buffer.from(`--${boundary}`);
  const next = Buffer.from(`\r\n--${boundary}`);
  const parts: Part[] = [];
  let pos = raw.indexOf(delimiter);
  while (pos >= 0) {
    const start = pos + delimiter.length;
    if (raw.subarray(start, start + 2).toString('latin1') === '--') break;
    const headerEnd = raw.indexOf('\r\n\r\n', start);
    if (headerEnd < 0) break;
    const end = raw.indexOf(next, headerEnd + 4);
    if (end < 0) break;
    const head = raw.subarray(start, headerEnd).toString('utf8');
    const part: Part = {
      name: /[;\s]name="([^"]*)"/i.exec(head)?.[1] ?? '',
      data: raw.subarray(headerEnd + 4, end),
    };
    const filename = /filename="([^"]*)"/i.exec(head)?.[1];
    if (filename !== undefined) part.filename = filename;
    const type = /^content-type:\s*([^\r\n]+)/im.exec(head)?.[1]?.trim();
    if (type) part.contentType = type;
    parts.push(part);
    pos = end + 2;
  }
  return parts;
}

const MIME_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
  txt: 'text/plain',
  csv: 'text/csv',
  json: 'application/json',
  zip: 'application/zip',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  mp4: 'video/mp4',
  mp3: 'audio/mpeg',
};

/** A media type from a file name's extension (what the platforms show when the client gives none). */
export function mimeTypeOf(filename: string): string {
  const ext = /\.([A-Za-z0-9]+)$/.exec(filename)?.[1]?.toLowerCase() ?? '';
  return MIME_TYPES[ext] ?? 'application/octet-stream';
}

/**
 * Resolves when `predicate()` holds (polled every 5 ms); after `timeoutMs` rejects naming the fake
 * and its last calls, so a test that waits in vain shows what the bot did instead.
 */
export function pollUntil(
  predicate: () => boolean,
  timeoutMs: number,
  who: string,
  describeCalls: () => string,
): Promise<void> {
  const start = Date.now();
  return new Promise<void>((resolve, reject) => {
    const tick = (): void => {
      let done: boolean;
      try {
        done = predicate();
      } catch (err) {
        reject(err);
        return;
      }
      if (done) resolve();
      else if (Date.now() - start < timeoutMs) setTimeout(tick, 5);
      else
        reject(new Error(`${who}: waitFor timed out after ${timeoutMs} ms; last calls:\n${describeCalls()}`));
    };
    tick();
  });
}

/** A loopback HTTP server on a free port, handing each request over with its whole body. */
export async function listenLocal(
  onRequest: (req: IncomingMessage, res: ServerResponse, body: Buffer) => void,
): Promise<{ server: Server; port: number }> {
  const server = createServer((incoming, res) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (c: Buffer) => chunks.push(c));
    incoming.on('end', () => onRequest(incoming, res, Buffer.concat(chunks)));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  return { server, port: typeof address === 'object' && address ? address.port : 0 };
}

/** Closes a fake's server, dropping kept-alive connections. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((err) => (err ? reject(err) : resolve()));
    server.closeAllConnections();
  });
}
