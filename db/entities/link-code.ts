import { defineEntity, p } from '@mikro-orm/core';
import { User } from './user.ts';

/** A one-time code for linking another platform to a user (10 minutes, single use, stored hashed). */
export const LinkCodeSchema = defineEntity({
  name: 'LinkCode',
  tableName: 'link_codes',
  indexes: [{ properties: ['userId'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    userId: () => p.manyToOne(User).mapToPk().fieldName('user_id').deleteRule('cascade'),
    codeHash: p.string().length(64).unique(),
    expiresAt: p.datetime(),
    usedAt: p.datetime().nullable(),
    createdAt: p
      .datetime()
      .defaultRaw('now()')
      .onCreate(() => new Date()),
  },
});

export class LinkCode extends LinkCodeSchema.class {}
LinkCodeSchema.setClass(LinkCode);
