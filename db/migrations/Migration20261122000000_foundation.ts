import { Migration } from '@mikro-orm/migrations';

/** Users and their platform identities, job notices, and the inbound-event dedupe table. */
export class Migration20261122000000Foundation extends Migration {
  override up(): void {
    this.addSql(`create table "users" (
      "id" serial primary key,
      "display_name" varchar(200) not null,
      "locale" varchar(5) not null default 'ja',
      "roles" text[] not null default '{}',
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now());`);

    this.addSql(`create table "platform_identities" (
      "id" serial primary key,
      "user_id" int not null,
      "platform" varchar(16) not null,
      "workspace" varchar(64) not null default '',
      "external_id" varchar(128) not null,
      "created_at" timestamptz not null default now(),
      constraint "platform_identities_platform_workspace_external_id_unique" unique ("platform", "workspace", "external_id"));`);
    this.addSql(`create index "platform_identities_user_id_index" on "platform_identities" ("user_id");`);
    this.addSql(
      `alter table "platform_identities" add constraint "platform_identities_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`,
    );

    this.addSql(`create table "job_notices" (
      "id" serial primary key,
      "title" varchar(200) not null,
      "description" text not null default '',
      "category" varchar(100) not null default '',
      "prefecture" varchar(16) null,
      "remote" boolean not null default false,
      "reward_yen" int not null,
      "openings" int not null default 1,
      "deadline" timestamptz null,
      "status" text not null default 'draft',
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now(),
      constraint "job_notices_status_check" check ("status" in ('draft', 'open', 'closed', 'cancelled')),
      constraint "job_notices_reward_yen_check" check (reward_yen >= 0),
      constraint "job_notices_openings_check" check (openings >= 1));`);
    this.addSql(`create index "job_notices_status_deadline_index" on "job_notices" ("status", "deadline");`);

    this.addSql(`create table "inbound_events" (
      "platform" varchar(16) not null,
      "event_id" varchar(128) not null,
      "received_at" timestamptz not null default now(),
      primary key ("platform", "event_id"));`);
    this.addSql(`create index "inbound_events_received_at_index" on "inbound_events" ("received_at");`);
  }

  override down(): void {
    this.addSql('drop table if exists "inbound_events";');
    this.addSql('drop table if exists "job_notices";');
    this.addSql('drop table if exists "platform_identities";');
    this.addSql('drop table if exists "users";');
  }
}
