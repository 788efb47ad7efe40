import { defineEntity, p } from '@mikro-orm/core';
import { User } from './user.ts';

/** One account on one platform, bound to exactly one user (DOMAIN.md §4). */
export const PlatformIdentitySchema = defineEntity({
  name: 'PlatformIdentity',
  tableName: 'platform_identities',
  uniques: [{ properties: ['platform', 'workspace', 'externalId'] }],
  indexes: [{ properties: ['user'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    user: () => p.manyToOne(User).deleteRule('cascade'),
    platform: p.string().length(16),
    workspace: p.string().length(64).default(''),
    externalId: p.string().length(128),
    createdAt: p
      .datetime()
      .defaultRaw('now()')
      .onCreate(() => new Date()),
  },
});

export class PlatformIdentity extends PlatformIdentitySchema.class {}
PlatformIdentitySchema.setClass(PlatformIdentity);
