/**
 * The webhook body as far as the adapter relies on it (Messaging API reference, "Webhook event
 * objects"). Checked after the signature, before anything is queued: a body that does not have this
 * shape is answered 400 and nothing of it is processed. Unknown event types pass through and are
 * ignored later, as LINE adds types over time.
 */
import type { webhook } from '@line/bot-sdk';
import { z } from 'zod';
import { EVENT_ID, LINE_GROUP_ID, LINE_ROOM_ID, LINE_USER_ID } from '../../src/chat/ids.ts';
import type { EventRef } from '../../src/chat/inbound.ts';

// Ids have LINE's shapes (src/chat/ids.ts): no user is made from anything else.
const userId = z.string().regex(LINE_USER_ID);
const source = z.union([
  z.object({ type: z.literal('user'), userId }),
  z.object({ type: z.literal('group'), groupId: z.string().regex(LINE_GROUP_ID), userId: userId.optional() }),
  z.object({ type: z.literal('room'), roomId: z.string().regex(LINE_ROOM_ID), userId: userId.optional() }),
]);

const message = z.looseObject({
  // Numeric in practice; it goes into the content URL, so nothing but a safe token passes.
  id: z.string().regex(/^[\w-]{1,50}$/),
  type: z.string().min(1).max(50),
  // A person's text message is at most 5,000 characters (Messaging API, "Text message").
  text: z.string().max(5000).optional(),
  fileName: z.string().max(1000).optional(),
  fileSize: z.number().int().nonnegative().optional(),
  contentProvider: z.looseObject({ type: z.string() }).optional(),
});

export const lineEventSchema = z.looseObject({
  type: z.string().min(1).max(50),
  /** Unique per event and identical on redelivery: the dedupe key (a ULID). */
  webhookEventId: z.string().regex(EVENT_ID),
  timestamp: z.number().int().nonnegative(),
  mode: z.string().optional(),
  source: source.optional(),
  replyToken: z.string().max(255).optional(),
  message: message.optional(),
  // Postback data is at most 300 characters (Messaging API, "Postback action").
  postback: z.looseObject({ data: z.string().max(300) }).optional(),
  deliveryContext: z.looseObject({ isRedelivery: z.boolean() }).optional(),
});

export const lineWebhookSchema = z.looseObject({
  destination: z.string().optional(),
  events: z.array(lineEventSchema),
});

/** An event as the SDK types it; the webhook checked it with `lineEventSchema` first (`checkedEvents`). */
export type LineEvent = webhook.Event;

/**
 * The events of a body that passed `lineWebhookSchema`, as the SDK's type: the one place the checked
 * value becomes `webhook.Event`. What the adapter reads was checked (ids, text, postback data); what the
 * SDK's type claims beyond that (`mode`, `deliveryContext`, …) is not relied on.
 */
export const checkedEvents = (body: z.infer<typeof lineWebhookSchema>): LineEvent[] =>
  body.events as LineEvent[];

/** The id of the chat an event came from (a user, group or room; the schema requires a user's id). */
export function chatIdOf(s: webhook.Source): string {
  return (s.type === 'user' ? s.userId : s.type === 'group' ? s.groupId : s.roomId) ?? '';
}

/** The event types of a person's chat that the bot answers in their line (the others are ignored). */
const ANSWERED = new Set(['message', 'follow', 'postback', 'unfollow']);

/**
 * A person's event as it takes its place in their line (src/chat/inbound.ts): only those the worker
 * finishes (answers, or marks seen), since an admitted event holds up the person's next ones.
 */
export function lineEventRef(event: LineEvent): EventRef[] {
  const src = event.source;
  if (src?.type !== 'user' || !src.userId || !ANSWERED.has(event.type)) return [];
  if ((event.type === 'message' && !event.message) || (event.type === 'postback' && !event.postback))
    return [];
  return [{ platform: 'line', id: event.webhookEventId, sender: { workspace: '', externalId: src.userId } }];
}

/** A file name for content LINE sends without one (images, video, audio). */
export function contentName(kind: string, messageId: string, contentType: string): string {
  const ext: Record<string, string> = {
    'image/jpeg': 'jpg',
    'image/png': 'png',
    'image/gif': 'gif',
    'video/mp4': 'mp4',
    'audio/x-m4a': 'm4a',
    'audio/mp4': 'm4a',
    'audio/mpeg': 'mp3',
  };
  const fallback = kind === 'image' ? 'jpg' : kind === 'video' ? 'mp4' : kind === 'audio' ? 'm4a' : 'bin';
  return `${kind}-${messageId}.${ext[contentType.split(';')[0]?.trim() ?? ''] ?? fallback}`;
}
