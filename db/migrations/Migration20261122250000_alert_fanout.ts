import { Migration } from '@mikro-orm/migrations';

export class Migration20261122250000_alert_fanout extends Migration {
  override name = 'Migration20261122250000_alert_fanout';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "alert_receipts" ("job_id" int not null, "user_id" int not null, "platform" varchar(16) null, "status" text not null, "reason" varchar(200) null, "batch_id" bigint null, "outbox_id" bigint null, "updated_at" timestamptz not null default now(), primary key ("job_id", "user_id"));`,
    );

    this.addSql(
      `create table "alert_runs" ("job_id" int not null, "cursor" int not null default 0, "matched" int not null default 0, "status" text not null default 'matching', "created_at" timestamptz not null default now(), "finished_at" timestamptz null, primary key ("job_id"));`,
    );
    this.addSql(`create index "alert_runs_matching" on "alert_runs" ("job_id") where status = 'matching';`);

    this.addSql(
      `create table "alert_batches" ("id" bigserial primary key, "job_id" int not null, "platform" varchar(16) not null, "locale" varchar(5) not null, "user_ids" int[] not null, "external_ids" text[] not null, "status" text not null default 'queued', "reason" varchar(200) null, "attempts" int not null default 0, "queued_at" timestamptz null, "created_at" timestamptz not null default now(), "sent_at" timestamptz null);`,
    );
    this.addSql(`create index "alert_batches_queued" on "alert_batches" ("id") where status = 'queued';`);
    this.addSql(`create index "alert_batches_job_id_index" on "alert_batches" ("job_id");`);

    // The funnel reads alert_receipts now.
    this.addSql(`drop index "outbox_job_alert_job";`);
    this.addSql(`drop index "notification_receipts_batch_index";`);
    this.addSql(`alter table "notification_receipts" drop column "batch";`);

    this.addSql(
      `alter table "alert_receipts" add constraint "alert_receipts_status_check" check ("status" in ('queued', 'sent', 'failed'));`,
    );

    this.addSql(
      `alter table "alert_runs" add constraint "alert_runs_job_id_foreign" foreign key ("job_id") references "job_notices" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "alert_runs" add constraint "alert_runs_status_check" check ("status" in ('matching', 'done', 'cancelled'));`,
    );

    this.addSql(
      `alter table "alert_batches" add constraint "alert_batches_job_id_foreign" foreign key ("job_id") references "job_notices" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "alert_batches" add constraint "alert_batches_status_check" check ("status" in ('queued', 'sent', 'failed'));`,
    );
    this.addSql(`create view "alert_recipients" as select r.job_id, r.user_id, r.platform, r.status, r.reason, r.batch_id, r.outbox_id, r.updated_at
  from alert_receipts r
union all
select b.job_id, m.user_id, b.platform, b.status, b.reason, b.id as batch_id, null::bigint as outbox_id,
       b.created_at as updated_at
  from alert_batches b cross join lateral unnest(b.user_ids) as m(user_id) where b.status = 'queued';`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop view if exists "alert_recipients";`);
    this.addSql(`drop table if exists "alert_receipts" cascade;`);
    this.addSql(`drop table if exists "alert_runs" cascade;`);
    this.addSql(`drop table if exists "alert_batches" cascade;`);

    this.addSql(
      `create index "outbox_job_alert_job" on "outbox" (((payload->>'jobId')::int)) where type = 'job.alert';`,
    );
    this.addSql(`alter table "notification_receipts" add "batch" varchar(64) null;`);
    this.addSql(`create index "notification_receipts_batch_index" on "notification_receipts" ("batch");`);
  }
}
