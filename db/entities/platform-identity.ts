import { defineEntity, p } from '@mikro-orm/core';
import { User } from './user.ts';

/** One account on one platform, bound to exactly one user (docs/domain.md §4.3). */
export const PlatformIdentitySchema = defineEntity({
  name: 'PlatformIdentity',
  tableName: 'platform_identities',
  uniques: [{ properties: ['platform', 'workspace', 'externalId'] }],
  indexes: [{ properties: ['userId'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    userId: () => p.manyToOne(User).mapToPk().fieldName('user_id').deleteRule('cascade'),
    platform: p.string().length(16),
    workspace: p.string().length(64).default(''),
    externalId: p.string().length(128),
    /** Set when the platform told us the user can no longer be reached (LINE unfollow, block). */
    unreachableAt: p.datetime().nullable(),
    /** Wrong link codes entered from this identity; five lock linking. */
    linkFailures: p.integer().default(0),
    linkLockedAt: p.datetime().nullable(),
    createdAt: p
      .datetime()
      .defaultRaw('now()')
      .onCreate(() => new Date()),
  },
});

export class PlatformIdentity extends PlatformIdentitySchema.class {}
PlatformIdentitySchema.setClass(PlatformIdentity);
