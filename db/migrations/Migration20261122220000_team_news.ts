import { Migration } from '@mikro-orm/migrations';

export class Migration20261122220000_team_news extends Migration {
  override name = 'Migration20261122220000_team_news';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "team_news" ("audit_id" bigint not null, "team_id" int not null, "channel_id" varchar(20) not null, "claimed_at" timestamptz null, "posted_at" timestamptz null, primary key ("audit_id", "team_id"));`,
    );

    this.addSql(
      `alter table "team_news" add constraint "team_news_audit_id_foreign" foreign key ("audit_id") references "audit_log" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "team_news" add constraint "team_news_team_id_foreign" foreign key ("team_id") references "teams" ("id") on update cascade on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "team_news" cascade;`);
  }
}
