import { Migration } from '@mikro-orm/migrations';

/**
 * The desk's own tools (docs/domain.md §2.11, §2.12): `inquiry_ratings`, one satisfaction rating per
 * completed inquiry (score 1–5, an optional comment), and `canned_replies`, the staff's named texts
 * in Japanese and optionally English.
 */
export class Migration20261206180000_desk_tools extends Migration {
  override name = 'Migration20261206180000_desk_tools';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "inquiry_ratings" ("id" serial primary key, "inquiry_id" int not null, "user_id" int not null, "score" smallint not null, "comment" text null, "created_at" timestamptz not null default now(), "commented_at" timestamptz null);`,
    );
    this.addSql(
      `alter table "inquiry_ratings" add constraint "inquiry_ratings_inquiry_id_unique" unique ("inquiry_id");`,
    );

    this.addSql(
      `create table "canned_replies" ("id" serial primary key, "name" varchar(30) not null, "name_key" varchar(30) not null, "body_ja" text not null, "body_en" text null, "created_by" int null, "updated_by" int null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`,
    );
    this.addSql(
      `alter table "canned_replies" add constraint "canned_replies_name_key_unique" unique ("name_key");`,
    );

    this.addSql(
      `alter table "inquiry_ratings" add constraint "inquiry_ratings_inquiry_id_foreign" foreign key ("inquiry_id") references "inquiries" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "inquiry_ratings" add constraint "inquiry_ratings_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "inquiry_ratings" add constraint "inquiry_ratings_score_check" check (score >= 1 and score <= 5);`,
    );

    this.addSql(
      `alter table "canned_replies" add constraint "canned_replies_created_by_foreign" foreign key ("created_by") references "users" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "canned_replies" add constraint "canned_replies_updated_by_foreign" foreign key ("updated_by") references "users" ("id") on delete set null;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "inquiry_ratings" cascade;`);
    this.addSql(`drop table if exists "canned_replies" cascade;`);
  }
}
