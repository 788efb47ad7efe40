import { defineEntity, p } from '@mikro-orm/core';

/**
 * The one row that names this database: made by its migration, so a database dropped and created
 * again (a reset, a restored backup of another) gets a new id. Queue job ids carry it, so jobs a
 * long-lived Redis still holds from an earlier database never stand in for this one's.
 */
export const DatabaseInstanceSchema = defineEntity({
  name: 'DatabaseInstance',
  tableName: 'database_instance',
  properties: {
    id: p.uuid().primary().defaultRaw('gen_random_uuid()'),
    createdAt: p
      .datetime()
      .defaultRaw('now()')
      .onCreate(() => new Date()),
  },
});

export class DatabaseInstance extends DatabaseInstanceSchema.class {}
DatabaseInstanceSchema.setClass(DatabaseInstance);
