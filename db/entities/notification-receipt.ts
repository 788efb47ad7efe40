import { defineEntity, p } from '@mikro-orm/core';
import { Outbox } from './outbox.ts';
import { User } from './user.ts';

/** What became of one notification for its recipient: queued, sent (on which platform), or failed and why. */
export const NotificationReceiptSchema = defineEntity({
  name: 'NotificationReceipt',
  tableName: 'notification_receipts',
  indexes: [{ properties: ['userId', 'status'] }],
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    outboxId: () => p.manyToOne(Outbox).mapToPk().fieldName('outbox_id').unique().deleteRule('cascade'),
    userId: () => p.manyToOne(User).mapToPk().fieldName('user_id').deleteRule('cascade'),
    platform: p.string().length(16).nullable(),
    status: p.enum(['queued', 'sent', 'failed'] as const),
    reason: p.string().length(200).nullable(),
    attempts: p.integer().default(0),
    createdAt: p
      .datetime()
      .defaultRaw('now()')
      .onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .defaultRaw('now()')
      .onCreate(() => new Date()),
  },
});

export class NotificationReceipt extends NotificationReceiptSchema.class {}
NotificationReceiptSchema.setClass(NotificationReceipt);
