/**
 * A fake Discord Gateway (v10, JSON, no compression) for tests, on the fake REST API's port: HELLO
 * (op 10) on connect, IDENTIFY (op 2) → READY, heartbeats (op 1) acked (op 11), RESUME (op 6) →
 * the dispatches the session missed (by sequence) then RESUMED; an unknown session gets INVALID
 * SESSION (op 9, not resumable). Tests push dispatches (`messageCreate`) and drop the connection
 * (`drop`) to exercise resume. https://discord.com/developers/docs/events/gateway
 */
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { type WebSocket, WebSocketServer } from 'ws';

export interface FakeGatewayMessage {
  id: string;
  channel_id: string;
  guild_id?: string;
  content: string;
  author: { id: string; username?: string; global_name?: string; bot?: boolean };
  /** Users the message mentions (ids). */
  mentions?: string[];
  /** Files sent with it, as Discord lists them (the url on the CDN). */
  attachments?: { id: string; filename: string; size: number; url: string; content_type?: string }[];
}

export interface FakeGateway {
  /** ws://127.0.0.1:<port>, what GET /gateway/bot answers. */
  url: string;
  /** Sessions identified so far (with the intents they asked for), and how many resumes. */
  identifies: { token: string; intents: number }[];
  /**
   * Payloads the bot sent that Discord would refuse (closing the connection with the code it documents):
   * one line each, so a test can assert none.
   */
  violations: string[];
  resumes: number;
  /** Whether a session is connected and identified or resumed now. */
  readonly live: boolean;
  /** Pushes MESSAGE_CREATE (kept in the session's log: replayed on resume when the socket is down). */
  messageCreate(m: FakeGatewayMessage): void;
  /** Re-sends an already-dispatched event as a new dispatch (same payload, new sequence). */
  redeliver(messageId: string): void;
  /** Closes the socket with a resumable close code (4000), as Discord does on its side. */
  drop(): void;
  waitLive(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const MESSAGE_CONTENT = 1 << 15;
/** The privileged intents: GUILD_MEMBERS (1 << 1), GUILD_PRESENCES (1 << 8), MESSAGE_CONTENT (1 << 15). */
const PRIVILEGED = (1 << 1) | (1 << 8) | MESSAGE_CONTENT;
/** "Payloads sent over the gateway are limited to a maximum of 4096 bytes" (Gateway, Sending Events). */
const MAX_PAYLOAD_BYTES = 4096;
/** "Apps can send 120 gateway events per connection every 60 seconds" (Gateway, Rate Limiting). */
const MAX_EVENTS_PER_MINUTE = 120;

/**
 * What is wrong with a payload the bot sent, as the Gateway reads it
 * (https://discord.com/developers/docs/events/gateway-events#send-events): IDENTIFY needs a token, integer
 * intents and `properties` {os, browser, device}; RESUME a token, session id and integer seq; HEARTBEAT the
 * last sequence number or null. The close code Discord uses for it comes with the reason.
 */
function payloadIssue(p: unknown): { code: number; reason: string } | null {
  if (typeof p !== 'object' || p === null || Array.isArray(p)) return { code: 4002, reason: 'not an object' };
  const { op, d } = p as { op?: unknown; d?: unknown };
  const obj = (typeof d === 'object' && d !== null ? d : {}) as Record<string, unknown>;
  const str = (v: unknown) => typeof v === 'string' && v !== '';
  switch (op) {
    case OP.HEARTBEAT:
      return d === null || Number.isInteger(d)
        ? null
        : { code: 4002, reason: 'heartbeat d must be an integer or null' };
    case OP.IDENTIFY: {
      const props = (obj.properties ?? {}) as Record<string, unknown>;
      if (!str(obj.token)) return { code: 4004, reason: 'identify without a token' };
      if (!Number.isInteger(obj.intents) || Number(obj.intents) < 0)
        return { code: 4013, reason: 'identify intents must be a non-negative integer' };
      if (!['os', 'browser', 'device'].every((k) => typeof props[k] === 'string'))
        return { code: 4002, reason: 'identify properties must have os, browser and device' };
      if (
        obj.large_threshold !== undefined &&
        !(Number(obj.large_threshold) >= 50 && Number(obj.large_threshold) <= 250)
      )
        return { code: 4002, reason: 'large_threshold must be 50-250' };
      return null;
    }
    case OP.RESUME:
      return str(obj.token) && str(obj.session_id) && Number.isInteger(obj.seq)
        ? null
        : { code: 4002, reason: 'resume needs token, session_id and an integer seq' };
    case 3: // presence update
    case 4: // voice state update
    case 8: // request guild members
      return null;
    default:
      return { code: 4001, reason: `unknown opcode ${String(op)}` };
  }
}
const OP = { DISPATCH: 0, HEARTBEAT: 1, IDENTIFY: 2, RESUME: 6, INVALID_SESSION: 9, HELLO: 10, ACK: 11 };

export function attachFakeGateway(
  server: Server,
  options: {
    botToken: string;
    botUserId: string;
    url: string;
    heartbeatIntervalMs?: number;
    /** Privileged intents switched on for the app in the Developer Portal (default all); others close 4014. */
    privilegedIntents?: number;
  },
): FakeGateway {
  const wss = new WebSocketServer({ server });
  let sessionId: string | null = null;
  let seq = 0;
  const log: { s: number; t: string; d: unknown }[] = [];
  let socket: WebSocket | null = null;
  let live = false;

  const send = (ws: WebSocket, payload: Record<string, unknown>) => ws.send(JSON.stringify(payload));
  const dispatch = (t: string, d: unknown) => {
    const event = { s: ++seq, t, d };
    log.push(event);
    if (socket && live) send(socket, { op: OP.DISPATCH, ...event });
  };

  wss.on('connection', (ws) => {
    // One session at a time, as a single-shard bot has.
    socket?.terminate();
    socket = ws;
    live = false;
    send(ws, {
      op: OP.HELLO,
      d: { heartbeat_interval: options.heartbeatIntervalMs ?? 41_250 },
      s: null,
      t: null,
    });
    const sent: number[] = [];
    const refuse = (code: number, reason: string) => {
      fake.violations.push(`gateway ${code}: ${reason}`);
      ws.close(code, reason.slice(0, 120));
    };
    ws.on('message', (raw) => {
      const bytes = Buffer.byteLength(String(raw));
      if (bytes > MAX_PAYLOAD_BYTES)
        return refuse(4002, `payload of ${bytes} bytes (max ${MAX_PAYLOAD_BYTES})`);
      const at = Date.now();
      sent.push(at);
      while ((sent[0] ?? at) < at - 60_000) sent.shift();
      if (sent.length > MAX_EVENTS_PER_MINUTE) return refuse(4008, 'rate limited (120 events a minute)');
      let parsed: unknown;
      try {
        parsed = JSON.parse(String(raw));
      } catch {
        return refuse(4002, 'payload is not JSON');
      }
      const issue = payloadIssue(parsed);
      if (issue) return refuse(issue.code, issue.reason);
      const p = parsed as { op: number; d: Record<string, unknown> | number | null };
      const d = (p.d ?? {}) as Record<string, unknown>;
      if (p.op === OP.HEARTBEAT) send(ws, { op: OP.ACK, d: null, s: null, t: null });
      else if (p.op === OP.IDENTIFY) {
        if (d.token !== options.botToken) {
          ws.close(4004, 'Authentication failed.');
          return;
        }
        const asked = Number(d.intents) & PRIVILEGED & ~(options.privilegedIntents ?? PRIVILEGED);
        if (asked !== 0) return refuse(4014, `disallowed intent(s) ${asked}: not enabled for the app`);
        fake.identifies.push({ token: String(d.token), intents: Number(d.intents) });
        sessionId = randomBytes(16).toString('hex');
        seq = 0;
        log.length = 0;
        live = true;
        dispatch('READY', {
          v: 10,
          user: { id: options.botUserId, username: 'bot', discriminator: '0', bot: true, global_name: null },
          guilds: [],
          session_id: sessionId,
          resume_gateway_url: options.url,
          shard: [0, 1],
          application: { id: options.botUserId, flags: 0 },
        });
      } else if (p.op === OP.RESUME) {
        if (d.token !== options.botToken || d.session_id !== sessionId) {
          send(ws, { op: OP.INVALID_SESSION, d: false, s: null, t: null });
          return;
        }
        fake.resumes++;
        live = true;
        for (const e of log) if (e.s > Number(d.seq)) send(ws, { op: OP.DISPATCH, ...e });
        dispatch('RESUMED', null);
      }
    });
    ws.on('close', () => {
      if (socket === ws) {
        socket = null;
        live = false;
      }
    });
  });

  const messages = new Map<string, unknown>();
  const fake: FakeGateway = {
    url: options.url,
    identifies: [],
    violations: [],
    resumes: 0,
    get live() {
      return live;
    },
    messageCreate(m) {
      // Without the privileged MESSAGE_CONTENT intent (1 << 15), a server message that does not mention
      // the bot arrives with content, embeds and attachments empty; DMs and mentions keep them
      // (https://discord.com/developers/docs/events/gateway#message-content-intent).
      const intents = fake.identifies.at(-1)?.intents ?? 0;
      const readable =
        (intents & MESSAGE_CONTENT) !== 0 ||
        !m.guild_id ||
        m.author.id === options.botUserId ||
        (m.mentions ?? []).includes(options.botUserId);
      const d = {
        id: m.id,
        channel_id: m.channel_id,
        ...(m.guild_id ? { guild_id: m.guild_id } : {}),
        content: readable ? m.content : '',
        author: { username: m.author.id, discriminator: '0', global_name: null, ...m.author },
        mentions: (m.mentions ?? []).map((id) => ({ id, username: id, discriminator: '0' })),
        mention_roles: [],
        mention_everyone: false,
        attachments: readable ? (m.attachments ?? []).map((a) => ({ ...a, proxy_url: a.url })) : [],
        embeds: [],
        type: 0,
        tts: false,
        pinned: false,
        timestamp: new Date().toISOString(),
        edited_timestamp: null,
      };
      messages.set(m.id, d);
      dispatch('MESSAGE_CREATE', d);
    },
    redeliver(messageId) {
      dispatch('MESSAGE_CREATE', messages.get(messageId));
    },
    drop() {
      live = false;
      socket?.close(4000, 'Unknown error');
    },
    async waitLive(timeoutMs = 5000) {
      const until = Date.now() + timeoutMs;
      while (!live) {
        if (Date.now() > until) throw new Error('fake Gateway: no live session');
        await new Promise((r) => setTimeout(r, 5));
      }
    },
    close() {
      for (const c of wss.clients) c.terminate();
      return new Promise((resolve) => wss.close(() => resolve()));
    },
  };
  return fake;
}
