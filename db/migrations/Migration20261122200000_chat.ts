import { Migration } from '@mikro-orm/migrations';

/** Chat plumbing: button action tokens, notification receipts, the relay's lease, guided-flow sessions. */
export class Migration20261122200000_chat extends Migration {
  override up(): void {
    this.addSql(`alter table "outbox" add "claimed_at" timestamptz null;`);
    this.addSql(
      `create table "action_tokens" ("id" bigserial primary key, "token" varchar(16) not null, "user_id" int not null, "command" text not null, "expires_at" timestamptz not null, "created_at" timestamptz not null default now());`,
    );
    this.addSql(`alter table "action_tokens" add constraint "action_tokens_token_unique" unique ("token");`);
    this.addSql(`create index "action_tokens_expires_at_index" on "action_tokens" ("expires_at");`);
    this.addSql(
      `alter table "action_tokens" add constraint "action_tokens_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`,
    );
    this.addSql(
      `create table "notification_receipts" ("id" bigserial primary key, "outbox_id" bigint not null, "user_id" int not null, "platform" varchar(16) null, "status" text not null, "reason" varchar(200) null, "attempts" int not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`,
    );
    this.addSql(
      `alter table "notification_receipts" add constraint "notification_receipts_outbox_id_unique" unique ("outbox_id");`,
    );
    this.addSql(
      `create index "notification_receipts_user_id_status_index" on "notification_receipts" ("user_id", "status");`,
    );
    this.addSql(
      `alter table "notification_receipts" add constraint "notification_receipts_outbox_id_foreign" foreign key ("outbox_id") references "outbox" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "notification_receipts" add constraint "notification_receipts_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "notification_receipts" add constraint "notification_receipts_status_check" check ("status" in ('queued', 'sent', 'failed'));`,
    );
    this.addSql(
      `create table "flow_sessions" ("id" bigserial primary key, "user_id" int not null, "flow_id" varchar(64) not null, "answers" jsonb not null default '{}', "step" varchar(64) not null, "expires_at" timestamptz not null, "updated_at" timestamptz not null default now());`,
    );
    this.addSql(
      `alter table "flow_sessions" add constraint "flow_sessions_user_id_unique" unique ("user_id");`,
    );
    this.addSql(
      `alter table "flow_sessions" add constraint "flow_sessions_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`,
    );
  }

  override down(): void {
    this.addSql('drop table if exists "flow_sessions" cascade;');
    this.addSql('drop table if exists "notification_receipts" cascade;');
    this.addSql('drop table if exists "action_tokens" cascade;');
    this.addSql('alter table "outbox" drop column "claimed_at";');
  }
}
