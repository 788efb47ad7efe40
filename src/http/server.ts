/**
 * One HTTP server, one port. Routes receive the raw body as bytes, because every platform signs the
 * exact bytes it sent (LINE x-line-signature, Slack v0 signature, Discord Ed25519) and verification
 * must happen before any parsing.
 */
import { randomUUID } from 'node:crypto';
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';

export interface HttpRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
}

export interface HttpResponse {
  status: number;
  headers?: Record<string, string>;
  /** Objects are sent as JSON; strings and buffers as they are; a stream is piped (file downloads). */
  body?: string | Buffer | Readable | object;
}

export type RouteHandler = (req: HttpRequest) => Promise<HttpResponse>;

/** LINE allows 2 MB requests (docs/platforms.md §1.6); nothing we accept is larger. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLarge());
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, response: HttpResponse): void {
  const headers: Record<string, string> = { ...response.headers };
  if (response.body instanceof Readable) {
    const stream = response.body;
    res.writeHead(response.status, headers);
    // A storage error half-way cannot change the status any more: the connection is cut instead,
    // so the client sees an incomplete download rather than a corrupt file.
    stream.on('error', () => res.destroy());
    stream.pipe(res);
    return;
  }
  let body: string | Buffer | undefined;
  if (response.body === undefined) body = undefined;
  else if (typeof response.body === 'string' || Buffer.isBuffer(response.body)) body = response.body;
  else {
    body = JSON.stringify(response.body);
    headers['content-type'] ??= 'application/json; charset=utf-8';
  }
  res.writeHead(response.status, headers);
  res.end(body);
}

export class HttpServer {
  private readonly routes = new Map<string, Map<string, RouteHandler>>();
  /** Routes for every path under a prefix (`/files/`), tried when no exact path matches. */
  private readonly prefixes: { prefix: string; routes: Map<string, RouteHandler> }[] = [];
  private readonly server: http.Server;
  private readonly logger: Logger;
  private readonly metrics: Metrics | undefined;

  constructor(options: { logger: Logger; metrics?: Metrics }) {
    this.logger = options.logger;
    this.metrics = options.metrics;
    this.server = http.createServer((req, res) => {
      this.dispatch(req, res).catch((err: unknown) => {
        this.logger.error({ err }, 'http dispatch failed');
        if (!res.headersSent) send(res, { status: 500, body: { error: 'internal' } });
      });
    });
    // Platforms retry on slow answers; a stuck client must not hold a socket for minutes.
    this.server.requestTimeout = 30_000;
    this.server.keepAliveTimeout = 5_000;
  }

  route(method: string, path: string, handler: RouteHandler): this {
    let byMethod = this.routes.get(path);
    if (!byMethod) {
      byMethod = new Map();
      this.routes.set(path, byMethod);
    }
    const m = method.toUpperCase();
    if (byMethod.has(m)) throw new Error(`route ${m} ${path} registered twice`);
    byMethod.set(m, handler);
    return this;
  }

  /** A handler for every path that starts with `prefix` (which ends with `/`); it reads `req.path`. */
  routePrefix(method: string, prefix: string, handler: RouteHandler): this {
    if (!prefix.endsWith('/')) throw new Error(`prefix ${prefix} must end with /`);
    let entry = this.prefixes.find((p) => p.prefix === prefix);
    if (!entry) {
      entry = { prefix, routes: new Map() };
      this.prefixes.push(entry);
    }
    const m = method.toUpperCase();
    if (entry.routes.has(m)) throw new Error(`route ${m} ${prefix}* registered twice`);
    entry.routes.set(m, handler);
    return this;
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = (req.method ?? 'GET').toUpperCase();
    const prefixed = this.routes.has(url.pathname)
      ? undefined
      : this.prefixes.find((p) => url.pathname.startsWith(p.prefix));
    const byMethod = this.routes.get(url.pathname) ?? prefixed?.routes;
    const handler = byMethod?.get(method) ?? (method === 'HEAD' ? byMethod?.get('GET') : undefined);
    // Metrics label prefixed routes by their prefix: a token in the label would be one series each.
    const routeLabel = prefixed ? `${prefixed.prefix}*` : byMethod ? url.pathname : 'unmatched';
    let status = 500;
    try {
      if (!byMethod) {
        status = 404;
        req.resume();
        return send(res, { status, body: { error: 'not_found' } });
      }
      if (!handler) {
        status = 405;
        req.resume();
        return send(res, {
          status,
          headers: { allow: [...byMethod.keys()].join(', ') },
          body: { error: 'method_not_allowed' },
        });
      }
      let rawBody: Buffer;
      try {
        rawBody = await readBody(req, MAX_BODY_BYTES);
      } catch (err) {
        if (err instanceof BodyTooLarge) {
          status = 413;
          return send(res, {
            status,
            headers: { connection: 'close' },
            body: { error: 'payload_too_large' },
          });
        }
        throw err;
      }
      let response: HttpResponse;
      try {
        response = await handler({
          method,
          path: url.pathname,
          query: url.searchParams,
          headers: req.headers,
          rawBody,
        });
      } catch (err) {
        // Never a stack trace to a caller: log it with a reference and answer with the reference only.
        const ref = randomUUID().slice(0, 8);
        this.logger.error({ err, ref, route: url.pathname }, 'route handler failed');
        response = { status: 500, body: { error: 'internal', ref } };
      }
      status = response.status;
      if (method === 'HEAD') {
        const { body: omitted, ...head } = response;
        if (omitted instanceof Readable) omitted.destroy();
        send(res, head);
      } else {
        send(res, response);
      }
    } finally {
      this.metrics?.httpRequests.inc({ method, route: routeLabel, status: String(status) });
    }
  }

  listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const onError = (err: Error) => reject(err);
      this.server.once('error', onError);
      this.server.listen(port, host, () => {
        this.server.off('error', onError);
        resolve((this.server.address() as AddressInfo).port);
      });
    });
  }

  /** Stops accepting connections and waits for in-flight requests (idle keep-alives are dropped). */
  close(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.server.listening) return resolve();
      this.server.close(() => resolve());
      this.server.closeIdleConnections();
    });
  }
}
