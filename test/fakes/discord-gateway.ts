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
const OP = { DISPATCH: 0, HEARTBEAT: 1, IDENTIFY: 2, RESUME: 6, INVALID_SESSION: 9, HELLO: 10, ACK: 11 };

export function attachFakeGateway(
  server: Server,
  options: { botToken: string; botUserId: string; url: string; heartbeatIntervalMs?: number },
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
    ws.on('message', (raw) => {
      const p = JSON.parse(String(raw)) as { op: number; d: Record<string, unknown> | number | null };
      const d = (p.d ?? {}) as Record<string, unknown>;
      if (p.op === OP.HEARTBEAT) send(ws, { op: OP.ACK, d: null, s: null, t: null });
      else if (p.op === OP.IDENTIFY) {
        if (d.token !== options.botToken) {
          ws.close(4004, 'Authentication failed.');
          return;
        }
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
