import { defineEntity, p } from '@mikro-orm/core';

/**
 * Platform events, each handled once and, per user, in the order they arrived (src/chat/inbound.ts):
 * - `userKey` / `seq`: the event's place in its user's line; an event waits while an earlier one of
 *   the same user is `queued` or `handling` (which lasts until its reply is delivered), across processes;
 * - `status`: `queued` (admitted, not started) → `handling` (until the reply is delivered, when the
 *   adapter confirms delivery) → `done`; `failed` when every delivery attempt failed, the reply kept in
 *   `reply`, so a retry sends it instead of running the command again.
 */
export const InboundEventSchema = defineEntity({
  name: 'InboundEvent',
  tableName: 'inbound_events',
  indexes: [
    { properties: ['receivedAt'] },
    // Only the events that make others wait: the check stays small however long a user's history is.
    {
      name: 'inbound_events_waiting_index',
      expression: `create index "inbound_events_waiting_index" on "inbound_events" ("user_key", "seq") where "status" in ('queued', 'handling')`,
    },
  ],
  properties: {
    platform: p.string().length(16).primary(),
    eventId: p.string().length(128).primary(),
    receivedAt: p
      .datetime()
      .defaultRaw('now()')
      .onCreate(() => new Date()),
    userKey: p.string().length(300).nullable(),
    seq: p.bigint().autoincrement(),
    status: p.enum(['queued', 'handling', 'failed', 'done'] as const).default('done'),
    startedAt: p.datetime().nullable(),
    reply: p.json().nullable(),
    reason: p.string().length(200).nullable(),
  },
});

export class InboundEvent extends InboundEventSchema.class {}
InboundEventSchema.setClass(InboundEvent);
