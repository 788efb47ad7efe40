import { Migration } from '@mikro-orm/migrations';

export class Migration20261122240000_alert_taps extends Migration {
  override name = 'Migration20261122240000_alert_taps';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "alert_taps" ("job_id" int not null, "user_id" int not null, "tapped_at" timestamptz not null default now(), primary key ("job_id", "user_id"));`,
    );

    this.addSql(
      `create index "outbox_job_alert_job" on "outbox" (((payload->>'jobId')::int)) where type = 'job.alert';`,
    );

    this.addSql(
      `alter table "alert_taps" add constraint "alert_taps_job_id_foreign" foreign key ("job_id") references "job_notices" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "alert_taps" add constraint "alert_taps_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "alert_taps" cascade;`);

    this.addSql(`drop index "outbox_job_alert_job";`);
  }
}
