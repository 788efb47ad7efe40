import { defineEntity, p } from '@mikro-orm/core';
import { User } from './user.ts';

/** A stored file's metadata; the bytes are in file storage under `storageKey` (SHA-256). */
export const StoredFileSchema = defineEntity({
  name: 'StoredFile',
  tableName: 'files',
  indexes: [{ properties: ['storageKey'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    storageKey: p.string().length(64),
    name: p.string().length(255),
    mime: p.string().length(127),
    size: p.bigint('number'),
    uploadedBy: () => p.manyToOne(User).mapToPk().fieldName('uploaded_by'),
    createdAt: p
      .datetime()
      .defaultRaw('now()')
      .onCreate(() => new Date()),
  },
});

export class StoredFile extends StoredFileSchema.class {}
StoredFileSchema.setClass(StoredFile);
