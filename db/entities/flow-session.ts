import { defineEntity, p } from '@mikro-orm/core';
import { User } from './user.ts';

/** A guided flow in progress: one per user, kept in the store so it survives restarts (24 hours). */
export const FlowSessionSchema = defineEntity({
  name: 'FlowSession',
  tableName: 'flow_sessions',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    userId: () => p.manyToOne(User).mapToPk().fieldName('user_id').unique().deleteRule('cascade'),
    flowId: p.string().length(64),
    answers: p.json<Record<string, unknown>>().default('{}'),
    /** The field being asked now. */
    step: p.string().length(64),
    expiresAt: p.datetime(),
    updatedAt: p
      .datetime()
      .defaultRaw('now()')
      .onCreate(() => new Date()),
  },
});

export class FlowSession extends FlowSessionSchema.class {}
FlowSessionSchema.setClass(FlowSession);
