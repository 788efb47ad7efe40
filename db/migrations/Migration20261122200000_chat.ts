import { Migration } from '@mikro-orm/migrations';

/** Chat plumbing: button action tokens resolved server-side. */
export class Migration20261122200000_chat extends Migration {
  override up(): void {
    this.addSql(
      `create table "action_tokens" ("id" bigserial primary key, "token" varchar(16) not null, "user_id" int not null, "command" text not null, "expires_at" timestamptz not null, "created_at" timestamptz not null default now());`,
    );
    this.addSql(`alter table "action_tokens" add constraint "action_tokens_token_unique" unique ("token");`);
    this.addSql(`create index "action_tokens_expires_at_index" on "action_tokens" ("expires_at");`);
    this.addSql(
      `alter table "action_tokens" add constraint "action_tokens_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`,
    );
  }

  override down(): void {
    this.addSql('drop table if exists "action_tokens" cascade;');
  }
}
