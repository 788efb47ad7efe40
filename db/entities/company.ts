import { defineEntity, p } from '@mikro-orm/core';
import { StoredFile } from './file.ts';

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
    contactPhone: p.string().length(20).default(''),
    contactEmail: p.string().length(254).nullable(),
    logoFileId: () =>
      p.manyToOne(StoredFile).mapToPk().fieldName('logo_file_id').nullable().deleteRule('set null'),
    createdAt: p
      .datetime()
      .defaultRaw('now()')
      .onCreate(() => new Date()),
  },
});

export class Company extends CompanySchema.class {}
CompanySchema.setClass(Company);
