import { defineEntity, p } from '@mikro-orm/core';

/** Platform event ids already processed, so a redelivered webhook is handled once. */
export const InboundEventSchema = defineEntity({
  name: 'InboundEvent',
  tableName: 'inbound_events',
  indexes: [{ properties: ['receivedAt'] }],
  properties: {
    platform: p.string().length(16).primary(),
    eventId: p.string().length(128).primary(),
    receivedAt: p
      .datetime()
      .defaultRaw('now()')
      .onCreate(() => new Date()),
  },
});

export class InboundEvent extends InboundEventSchema.class {}
InboundEventSchema.setClass(InboundEvent);
