import { defineEntity, p } from '@mikro-orm/core';
import { Company } from './company.ts';

/** A person. Roles are a set (a user may hold several); locale follows them across platforms. */
export const UserSchema = defineEntity({
  name: 'User',
  tableName: 'users',
  properties: {
    id: p.integer().primary().autoincrement(),
    displayName: p.string().length(200),
    locale: p.string().length(5).default('ja'),
    roles: p.array().default([]),
    companyId: () => p.manyToOne(Company).mapToPk().fieldName('company_id').nullable().deleteRule('set null'),
    createdAt: p
      .datetime()
      .defaultRaw('now()')
      .onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .defaultRaw('now()')
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export class User extends UserSchema.class {}
UserSchema.setClass(User);
