import { Migration } from '@mikro-orm/migrations';

/** Team threads (issue 21): conversations with a team, and their mirror into the team's Discord channel. */

export class Migration20261206140000_team_threads extends Migration {
  override name = 'Migration20261206140000_team_threads';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "team_threads" ("conversation_id" int not null, "team_id" int not null, "channel_id" varchar(20) not null, "thread_id" varchar(20) null, "since_message_id" int not null default 0, "claimed_at" timestamptz null, "created_at" timestamptz not null default now(), primary key ("conversation_id"));`,
    );
    this.addSql(`create index "team_threads_thread_id_index" on "team_threads" ("thread_id");`);

    this.addSql(
      `create table "team_thread_messages" ("message_id" int not null, "conversation_id" int not null, "discord_message_id" varchar(20) null, "origin" text not null, "claimed_at" timestamptz null, "created_at" timestamptz not null default now(), primary key ("message_id"));`,
    );
    this.addSql(
      `create index "team_thread_messages_conversation_id_index" on "team_thread_messages" ("conversation_id");`,
    );

    this.addSql(`alter table "conversations" add "team_id" int null;`);
    this.addSql(`create index "conversations_team_id_index" on "conversations" ("team_id");`);
    this.addSql(
      `alter table "conversations" add constraint "conversations_team_id_foreign" foreign key ("team_id") references "teams" ("id") on delete set null;`,
    );

    this.addSql(
      `alter table "team_threads" add constraint "team_threads_conversation_id_foreign" foreign key ("conversation_id") references "conversations" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "team_threads" add constraint "team_threads_team_id_foreign" foreign key ("team_id") references "teams" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "team_thread_messages" add constraint "team_thread_messages_message_id_foreign" foreign key ("message_id") references "messages" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "team_thread_messages" add constraint "team_thread_messages_conversation_id_foreign" foreign key ("conversation_id") references "conversations" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "team_thread_messages" add constraint "team_thread_messages_origin_check" check ("origin" in ('discord', 'mirror'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "team_threads" cascade;`);
    this.addSql(`drop table if exists "team_thread_messages" cascade;`);

    this.addSql(`alter table "conversations" drop constraint "conversations_team_id_foreign";`);

    this.addSql(`alter table "conversations" drop column "team_id";`);
  }
}
