import { Migration } from '@mikro-orm/migrations';

/**
 * Marketplace: conversations and messages, follows, teams with members and invitations, profiles
 * with skills, qualifications and career history. Written to match db/entities/market.ts exactly
 * (`npm run cli -- migration:create --dry-run` lists none of these tables).
 */
export class Migration20261122180000_market extends Migration {
  override name = 'Migration20261122180000_market';

  override up(): void {
    this.addSql(
      `create table "teams" ("id" serial primary key, "slug" varchar(32) not null, "name" varchar(100) not null, "introduction" text not null default '', "logo_file_id" int null, "owner_id" int not null, "discord_channel_id" varchar(32) null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`,
    );
    this.addSql(`alter table "teams" add constraint "teams_slug_unique" unique ("slug");`);
    this.addSql(`create index "teams_owner_id_index" on "teams" ("owner_id");`);
    this.addSql(
      `create table "team_members" ("id" serial primary key, "team_id" int not null, "user_id" int not null, "joined_at" timestamptz not null default now());`,
    );
    this.addSql(`create index "team_members_user_id_index" on "team_members" ("user_id");`);
    this.addSql(
      `alter table "team_members" add constraint "team_members_team_id_user_id_unique" unique ("team_id", "user_id");`,
    );
    this.addSql(
      `create table "team_invitations" ("id" serial primary key, "team_id" int not null, "invitee_id" int not null, "inviter_id" int not null, "comment" text not null default '', "status" text not null default 'pending', "created_at" timestamptz not null default now(), "decided_at" timestamptz null);`,
    );
    this.addSql(
      `create index "team_invitations_invitee_id_status_index" on "team_invitations" ("invitee_id", "status");`,
    );
    this.addSql(`create index "team_invitations_team_id_index" on "team_invitations" ("team_id");`);
    this.addSql(
      `create unique index "team_invitations_one_pending" on "team_invitations" ("team_id", "invitee_id") where status = 'pending';`,
    );
    this.addSql(
      `create table "qualifications" ("id" serial primary key, "user_id" int not null, "name" varchar(200) not null, "acquired_on" varchar(7) null);`,
    );
    this.addSql(`create index "qualifications_user_id_index" on "qualifications" ("user_id");`);
    this.addSql(
      `create table "profile_skills" ("id" serial primary key, "user_id" int not null, "name" varchar(100) not null, "name_key" varchar(100) not null, "level" int not null, "years" int not null default 0, "note" text not null default '');`,
    );
    this.addSql(
      `create index "profile_skills_name_key_user_id_index" on "profile_skills" ("name_key", "user_id");`,
    );
    this.addSql(
      `alter table "profile_skills" add constraint "profile_skills_user_id_name_key_unique" unique ("user_id", "name_key");`,
    );
    this.addSql(
      `create table "profiles" ("id" serial primary key, "user_id" int not null, "nickname" varchar(50) not null default '', "introduction" text not null default '', "status" text not null default 'available', "weekly_hours" text null, "hourly_rate_yen" int null, "prefecture" varchar(16) null, "city" varchar(100) null, "hobbies" text not null default '', "identity_verified_at" timestamptz null, "nda_verified_at" timestamptz null, "updated_at" timestamptz not null default now());`,
    );
    this.addSql(`alter table "profiles" add constraint "profiles_user_id_unique" unique ("user_id");`);
    this.addSql(`create index "profiles_status_index" on "profiles" ("status");`);
    this.addSql(
      `create table "conversations" ("id" serial primary key, "job_id" int null, "direct_key" varchar(64) null, "created_at" timestamptz not null default now(), "last_message_at" timestamptz null);`,
    );
    this.addSql(
      `alter table "conversations" add constraint "conversations_direct_key_unique" unique ("direct_key");`,
    );
    this.addSql(
      `create table "messages" ("id" serial primary key, "conversation_id" int not null, "sender_id" int not null, "body" text not null, "created_at" timestamptz not null default now());`,
    );
    this.addSql(
      `create index "messages_conversation_id_created_at_index" on "messages" ("conversation_id", "created_at");`,
    );
    this.addSql(
      `create table "follows" ("id" serial primary key, "follower_id" int not null, "followee_id" int not null, "created_at" timestamptz not null default now());`,
    );
    this.addSql(`create index "follows_followee_id_index" on "follows" ("followee_id");`);
    this.addSql(
      `alter table "follows" add constraint "follows_follower_id_followee_id_unique" unique ("follower_id", "followee_id");`,
    );
    this.addSql(
      `create table "conversation_members" ("id" serial primary key, "conversation_id" int not null, "user_id" int not null, "last_read_at" timestamptz null);`,
    );
    this.addSql(`create index "conversation_members_user_id_index" on "conversation_members" ("user_id");`);
    this.addSql(
      `alter table "conversation_members" add constraint "conversation_members_conversation_id_user_id_unique" unique ("conversation_id", "user_id");`,
    );
    this.addSql(
      `create table "career_entries" ("id" serial primary key, "user_id" int not null, "period_from" varchar(7) not null, "period_to" varchar(7) null, "company" varchar(200) not null default '', "work" text not null default '', "role" varchar(100) not null default '', "stack" text not null default '', "team_size" int null);`,
    );
    this.addSql(`create index "career_entries_user_id_index" on "career_entries" ("user_id");`);
    this.addSql(
      `alter table "teams" add constraint "teams_logo_file_id_foreign" foreign key ("logo_file_id") references "files" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "teams" add constraint "teams_owner_id_foreign" foreign key ("owner_id") references "users" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "teams" add constraint "teams_slug_check" check (slug ~ '^[a-z0-9][a-z0-9-]{1,30}[a-z0-9]$');`,
    );
    this.addSql(
      `alter table "team_members" add constraint "team_members_team_id_foreign" foreign key ("team_id") references "teams" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "team_members" add constraint "team_members_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "team_invitations" add constraint "team_invitations_team_id_foreign" foreign key ("team_id") references "teams" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "team_invitations" add constraint "team_invitations_invitee_id_foreign" foreign key ("invitee_id") references "users" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "team_invitations" add constraint "team_invitations_inviter_id_foreign" foreign key ("inviter_id") references "users" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "team_invitations" add constraint "team_invitations_status_check" check ("status" in ('pending', 'approved', 'rejected'));`,
    );
    this.addSql(
      `alter table "qualifications" add constraint "qualifications_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "profile_skills" add constraint "profile_skills_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "profile_skills" add constraint "profile_skills_level_check" check (level >= 1 and level <= 5);`,
    );
    this.addSql(
      `alter table "profile_skills" add constraint "profile_skills_years_check" check (years >= 0);`,
    );
    this.addSql(
      `alter table "profiles" add constraint "profiles_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "profiles" add constraint "profiles_hourly_rate_yen_check" check (hourly_rate_yen >= 0);`,
    );
    this.addSql(
      `alter table "profiles" add constraint "profiles_status_check" check ("status" in ('available', 'depends', 'busy'));`,
    );
    this.addSql(
      `alter table "profiles" add constraint "profiles_weekly_hours_check" check ("weekly_hours" in ('under_10', '10_20', '20_30', '30_40', 'over_40'));`,
    );
    this.addSql(
      `alter table "conversations" add constraint "conversations_job_id_foreign" foreign key ("job_id") references "job_notices" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "messages" add constraint "messages_conversation_id_foreign" foreign key ("conversation_id") references "conversations" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "messages" add constraint "messages_sender_id_foreign" foreign key ("sender_id") references "users" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "follows" add constraint "follows_follower_id_foreign" foreign key ("follower_id") references "users" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "follows" add constraint "follows_followee_id_foreign" foreign key ("followee_id") references "users" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "follows" add constraint "follows_not_self_check" check (follower_id <> followee_id);`,
    );
    this.addSql(
      `alter table "conversation_members" add constraint "conversation_members_conversation_id_foreign" foreign key ("conversation_id") references "conversations" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "conversation_members" add constraint "conversation_members_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "career_entries" add constraint "career_entries_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "career_entries" add constraint "career_entries_team_size_check" check (team_size >= 1);`,
    );
  }

  override down(): void {
    this.addSql(`drop table if exists "messages" cascade;`);
    this.addSql(`drop table if exists "conversation_members" cascade;`);
    this.addSql(`drop table if exists "conversations" cascade;`);
    this.addSql(`drop table if exists "follows" cascade;`);
    this.addSql(`drop table if exists "team_invitations" cascade;`);
    this.addSql(`drop table if exists "team_members" cascade;`);
    this.addSql(`drop table if exists "teams" cascade;`);
    this.addSql(`drop table if exists "profile_skills" cascade;`);
    this.addSql(`drop table if exists "qualifications" cascade;`);
    this.addSql(`drop table if exists "career_entries" cascade;`);
    this.addSql(`drop table if exists "profiles" cascade;`);
  }
}
