/**
 * The webhook body as far as the adapter relies on it (Messaging API reference, "Webhook event
 * objects"). Checked after the signature, before anything is queued: a body that does not have this
 * shape is answered 400 and nothing of it is processed. Unknown event types pass through and are
 * ignored later, as LINE adds types over time.
 */
import { z } from 'zod';

const source = z.union([
  z.object({ type: z.literal('user'), userId: z.string().min(1) }),
  z.object({ type: z.literal('group'), groupId: z.string().min(1), userId: z.string().optional() }),
  z.object({ type: z.literal('room'), roomId: z.string().min(1), userId: z.string().optional() }),
]);

const message = z.looseObject({
  id: z.string().min(1),
  type: z.string(),
  text: z.string().optional(),
  fileName: z.string().optional(),
  fileSize: z.number().optional(),
  contentProvider: z.looseObject({ type: z.string() }).optional(),
});

export const lineEventSchema = z.looseObject({
  type: z.string().min(1),
  /** Unique per event and identical on redelivery: the dedupe key (PLATFORMS.md). */
  webhookEventId: z.string().min(1).max(100),
  timestamp: z.number(),
  mode: z.string().optional(),
  source: source.optional(),
  replyToken: z.string().optional(),
  message: message.optional(),
  postback: z.looseObject({ data: z.string() }).optional(),
  deliveryContext: z.looseObject({ isRedelivery: z.boolean() }).optional(),
});

export const lineWebhookSchema = z.looseObject({
  destination: z.string().optional(),
  events: z.array(lineEventSchema),
});

export type LineEvent = z.infer<typeof lineEventSchema>;
export type LineSource = z.infer<typeof source>;

/** The id of the chat an event came from (a user, group or room). */
export function chatIdOf(s: LineSource): string {
  return s.type === 'user' ? s.userId : s.type === 'group' ? s.groupId : s.roomId;
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
