import { Migration } from '@mikro-orm/migrations';

export class Migration20261206050129_database_instance extends Migration {
  override name = 'Migration20261206050129_database_instance';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "database_instance" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), primary key ("id"));`,
    );
    // The one row: this database's id, new whenever the database is made anew.
    this.addSql(`insert into "database_instance" default values;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "database_instance" cascade;`);
  }
}
