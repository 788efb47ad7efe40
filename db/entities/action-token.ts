import { defineEntity, p } from '@mikro-orm/core';
import { User } from './user.ts';

/**
 * What a button does, kept server-side: the button carries only `token` (a few characters), which
 * fits LINE postback data (300) and Discord custom_id (100) and works only for the user it was
 * shown to, until it expires.
 */
export const ActionTokenSchema = defineEntity({
  name: 'ActionToken',
  tableName: 'action_tokens',
  indexes: [{ properties: ['expiresAt'] }],
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    token: p.string().length(16).unique(),
    userId: () => p.manyToOne(User).mapToPk().fieldName('user_id').deleteRule('cascade'),
    command: p.text(),
    expiresAt: p.datetime(),
    createdAt: p
      .datetime()
      .defaultRaw('now()')
      .onCreate(() => new Date()),
  },
});

export class ActionToken extends ActionTokenSchema.class {}
ActionTokenSchema.setClass(ActionToken);
