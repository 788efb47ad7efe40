import { defineEntity, p } from '@mikro-orm/core';

/** A customer or client company (会社情報). */
export const CompanySchema = defineEntity({
  name: 'Company',
  tableName: 'companies',
  properties: {
    id: p.integer().primary().autoincrement(),
    slug: p.string().length(64).unique(),
    name: p.string().length(200),
    introduction: p.text().default(''),
    address: p.string().length(300).default(''),
    contactEmail: p.string().length(254).nullable(),
    logoFileId: p.integer().nullable(),
    createdAt: p
      .datetime()
      .defaultRaw('now()')
      .onCreate(() => new Date()),
  },
});

export class Company extends CompanySchema.class {}
CompanySchema.setClass(Company);
