import { defineEntity, p } from '@mikro-orm/core';
import { User } from './user.ts';

/**
 * Notifications to send, written in the same transaction as the change that causes them; a relay
 * moves unrelayed rows to the queue. `dedupeKey` makes a repeated change notify once.
 */
export const OutboxSchema = defineEntity({
  name: 'Outbox',
  tableName: 'outbox',
  indexes: [{ properties: ['relayedAt', 'id'] }, { properties: ['recipientUserId'] }],
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    type: p.string().length(48),
    recipientUserId: () => p.manyToOne(User).mapToPk().fieldName('recipient_user_id').deleteRule('cascade'),
    payload: p.json<Record<string, unknown>>().default('{}'),
    dedupeKey: p.string().length(200).unique(),
    createdAt: p
      .datetime()
      .defaultRaw('now()')
      .onCreate(() => new Date()),
    relayedAt: p.datetime().nullable(),
    /** A relay's lease on the row while it enqueues it; an expired lease lets another relay retry. */
    claimedAt: p.datetime().nullable(),
  },
});

export class Outbox extends OutboxSchema.class {}
OutboxSchema.setClass(Outbox);
