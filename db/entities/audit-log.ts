import { defineEntity, p } from '@mikro-orm/core';
import { User } from './user.ts';

/** Who did what to which record, for every state change. */
export const AuditLogSchema = defineEntity({
  name: 'AuditLog',
  tableName: 'audit_log',
  indexes: [{ properties: ['subjectType', 'subjectId'] }],
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    actorUserId: () =>
      p.manyToOne(User).mapToPk().fieldName('actor_user_id').nullable().deleteRule('set null'),
    action: p.string().length(64),
    subjectType: p.string().length(32),
    subjectId: p.integer().nullable(),
    data: p.json<Record<string, unknown>>().default('{}'),
    createdAt: p
      .datetime()
      .defaultRaw('now()')
      .onCreate(() => new Date()),
  },
});

export class AuditLog extends AuditLogSchema.class {}
AuditLogSchema.setClass(AuditLog);
