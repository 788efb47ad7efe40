import { defineEntity, p } from '@mikro-orm/core';
import { Company } from './company.ts';
import { User } from './user.ts';

/** An invitation code carrying a role (and company): single use, valid 7 days, stored hashed. */
export const InvitationSchema = defineEntity({
  name: 'Invitation',
  tableName: 'invitations',
  properties: {
    id: p.integer().primary().autoincrement(),
    codeHash: p.string().length(64).unique(),
    role: p.string().length(16),
    companyId: () => p.manyToOne(Company).mapToPk().fieldName('company_id').nullable().deleteRule('cascade'),
    createdBy: () => p.manyToOne(User).mapToPk().fieldName('created_by').nullable().deleteRule('set null'),
    expiresAt: p.datetime(),
    usedBy: () => p.manyToOne(User).mapToPk().fieldName('used_by').nullable().deleteRule('set null'),
    usedAt: p.datetime().nullable(),
    createdAt: p
      .datetime()
      .defaultRaw('now()')
      .onCreate(() => new Date()),
  },
});

export class Invitation extends InvitationSchema.class {}
InvitationSchema.setClass(Invitation);
