import { Migration } from '@mikro-orm/migrations';

export class Migration20261122210000_desk extends Migration {
  override name = 'Migration20261122210000_desk';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "desk_threads" ("inquiry_id" int not null, "channel" varchar(40) not null, "ts" varchar(32) null, "card_state" varchar(64) not null default '', "claimed_at" timestamptz null, "created_at" timestamptz not null default now(), primary key ("inquiry_id"));`,
    );
    this.addSql(`create index "desk_threads_channel_ts_index" on "desk_threads" ("channel", "ts");`);

    this.addSql(
      `create table "desk_messages" ("message_id" int not null, "inquiry_id" int not null, "channel" varchar(40) not null, "ts" varchar(32) null, "origin" text not null, "claimed_at" timestamptz null, "created_at" timestamptz not null default now(), primary key ("message_id"));`,
    );
    this.addSql(`create index "desk_messages_inquiry_id_index" on "desk_messages" ("inquiry_id");`);

    this.addSql(
      `alter table "desk_threads" add constraint "desk_threads_inquiry_id_foreign" foreign key ("inquiry_id") references "inquiries" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "desk_messages" add constraint "desk_messages_message_id_foreign" foreign key ("message_id") references "inquiry_messages" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "desk_messages" add constraint "desk_messages_inquiry_id_foreign" foreign key ("inquiry_id") references "inquiries" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "desk_messages" add constraint "desk_messages_origin_check" check ("origin" in ('desk', 'mirror'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "desk_threads" cascade;`);
    this.addSql(`drop table if exists "desk_messages" cascade;`);
  }
}
