import { Migration } from '@mikro-orm/migrations';

/**
 * Job-alert fan-outs become fan-outs of any kind (src/domain/audience/): `alert_runs`,
 * `alert_batches` and `alert_receipts` are renamed in place to `fanout_runs`, `fanout_batches` and
 * `fanout_receipts`, keyed by (kind, subject id) instead of the job id, and every existing row
 * becomes kind `job.alert` with the job as its subject. Renaming keeps the rows, the batch id
 * sequence (queue job ids and LINE retry keys are made from batch ids, so a batch queued before the
 * upgrade keeps its key) and the receipts of alerts in flight. The subject has no foreign key any
 * more: it is a job or a notice.
 */
export class Migration20261206150000_fanout_kinds extends Migration {
  override name = 'Migration20261206150000_fanout_kinds';

  override up(): void | Promise<void> {
    const kinds = `check ("kind" in ('job.alert', 'notice.published'))`;
    this.addSql(`drop view if exists "alert_recipients";`);

    this.addSql(`alter table "alert_runs" rename to "fanout_runs";`);
    this.addSql(`alter table "fanout_runs" drop constraint "alert_runs_job_id_foreign";`);
    this.addSql(`alter table "fanout_runs" rename column "job_id" to "subject_id";`);
    this.addSql(`alter table "fanout_runs" add column "kind" text not null default 'job.alert';`);
    this.addSql(`alter table "fanout_runs" alter column "kind" drop default;`);
    this.addSql(`alter table "fanout_runs" drop constraint "alert_runs_pkey";`);
    this.addSql(
      `alter table "fanout_runs" add constraint "fanout_runs_pkey" primary key ("kind", "subject_id");`,
    );
    this.addSql(
      `alter table "fanout_runs" rename constraint "alert_runs_status_check" to "fanout_runs_status_check";`,
    );
    this.addSql(`alter table "fanout_runs" add constraint "fanout_runs_kind_check" ${kinds};`);
    this.addSql(`drop index "alert_runs_matching";`);
    this.addSql(
      `create index "fanout_runs_matching" on "fanout_runs" ("created_at") where status = 'matching';`,
    );

    this.addSql(`alter table "alert_batches" rename to "fanout_batches";`);
    this.addSql(`alter sequence "alert_batches_id_seq" rename to "fanout_batches_id_seq";`);
    this.addSql(`alter table "fanout_batches" drop constraint "alert_batches_job_id_foreign";`);
    this.addSql(`alter table "fanout_batches" rename column "job_id" to "subject_id";`);
    this.addSql(`alter table "fanout_batches" add column "kind" text not null default 'job.alert';`);
    this.addSql(`alter table "fanout_batches" alter column "kind" drop default;`);
    this.addSql(`alter index "alert_batches_pkey" rename to "fanout_batches_pkey";`);
    this.addSql(
      `alter table "fanout_batches" rename constraint "alert_batches_status_check" to "fanout_batches_status_check";`,
    );
    this.addSql(`alter table "fanout_batches" add constraint "fanout_batches_kind_check" ${kinds};`);
    this.addSql(`alter index "alert_batches_queued" rename to "fanout_batches_queued";`);
    this.addSql(`drop index "alert_batches_job_id_index";`);
    this.addSql(
      `create index "fanout_batches_kind_subject_id_index" on "fanout_batches" ("kind", "subject_id");`,
    );

    this.addSql(`alter table "alert_receipts" rename to "fanout_receipts";`);
    this.addSql(`alter table "fanout_receipts" rename column "job_id" to "subject_id";`);
    this.addSql(`alter table "fanout_receipts" add column "kind" text not null default 'job.alert';`);
    this.addSql(`alter table "fanout_receipts" alter column "kind" drop default;`);
    this.addSql(`alter table "fanout_receipts" drop constraint "alert_receipts_pkey";`);
    this.addSql(
      `alter table "fanout_receipts" add constraint "fanout_receipts_pkey" primary key ("kind", "subject_id", "user_id");`,
    );
    this.addSql(
      `alter table "fanout_receipts" rename constraint "alert_receipts_status_check" to "fanout_receipts_status_check";`,
    );
    this.addSql(`alter table "fanout_receipts" add constraint "fanout_receipts_kind_check" ${kinds};`);
    // Receipts of messages sent one by one settle by their outbox row.
    this.addSql(
      `create index "fanout_receipts_outbox" on "fanout_receipts" ("outbox_id") where outbox_id is not null;`,
    );

    this.addSql(`create view "fanout_recipients" as select r.kind, r.subject_id, r.user_id, r.platform, r.status, r.reason, null::bigint as batch_id, r.outbox_id, r.updated_at
  from fanout_receipts r
union all
select b.kind, b.subject_id, m.user_id, b.platform, b.status, b.reason, b.id as batch_id, null::bigint as outbox_id,
       coalesce(b.sent_at, b.queued_at, b.created_at) as updated_at
  from fanout_batches b cross join lateral unnest(b.user_ids) as m(user_id);`);
  }

  override down(): void | Promise<void> {
    // Back to job alerts only: the other kinds' fan-outs have no place there.
    this.addSql(`drop view if exists "fanout_recipients";`);
    for (const table of ['fanout_runs', 'fanout_batches', 'fanout_receipts'])
      this.addSql(`delete from "${table}" where "kind" <> 'job.alert';`);
    this.addSql(
      `delete from "fanout_runs" r where not exists (select 1 from job_notices j where j.id = r.subject_id);`,
    );
    this.addSql(
      `delete from "fanout_batches" b where not exists (select 1 from job_notices j where j.id = b.subject_id);`,
    );

    this.addSql(`drop index "fanout_receipts_outbox";`);
    this.addSql(`alter table "fanout_receipts" drop constraint "fanout_receipts_kind_check";`);
    this.addSql(
      `alter table "fanout_receipts" rename constraint "fanout_receipts_status_check" to "alert_receipts_status_check";`,
    );
    this.addSql(`alter table "fanout_receipts" drop constraint "fanout_receipts_pkey";`);
    this.addSql(`alter table "fanout_receipts" drop column "kind";`);
    this.addSql(`alter table "fanout_receipts" rename column "subject_id" to "job_id";`);
    this.addSql(
      `alter table "fanout_receipts" add constraint "alert_receipts_pkey" primary key ("job_id", "user_id");`,
    );
    this.addSql(`alter table "fanout_receipts" rename to "alert_receipts";`);

    this.addSql(`drop index "fanout_batches_kind_subject_id_index";`);
    this.addSql(`alter index "fanout_batches_queued" rename to "alert_batches_queued";`);
    this.addSql(`alter table "fanout_batches" drop constraint "fanout_batches_kind_check";`);
    this.addSql(
      `alter table "fanout_batches" rename constraint "fanout_batches_status_check" to "alert_batches_status_check";`,
    );
    this.addSql(`alter index "fanout_batches_pkey" rename to "alert_batches_pkey";`);
    this.addSql(`alter table "fanout_batches" drop column "kind";`);
    this.addSql(`alter table "fanout_batches" rename column "subject_id" to "job_id";`);
    this.addSql(
      `alter table "fanout_batches" add constraint "alert_batches_job_id_foreign" foreign key ("job_id") references "job_notices" ("id") on delete cascade;`,
    );
    this.addSql(`alter sequence "fanout_batches_id_seq" rename to "alert_batches_id_seq";`);
    this.addSql(`alter table "fanout_batches" rename to "alert_batches";`);
    this.addSql(`create index "alert_batches_job_id_index" on "alert_batches" ("job_id");`);

    this.addSql(`drop index "fanout_runs_matching";`);
    this.addSql(`alter table "fanout_runs" drop constraint "fanout_runs_kind_check";`);
    this.addSql(
      `alter table "fanout_runs" rename constraint "fanout_runs_status_check" to "alert_runs_status_check";`,
    );
    this.addSql(`alter table "fanout_runs" drop constraint "fanout_runs_pkey";`);
    this.addSql(`alter table "fanout_runs" drop column "kind";`);
    this.addSql(`alter table "fanout_runs" rename column "subject_id" to "job_id";`);
    this.addSql(`alter table "fanout_runs" add constraint "alert_runs_pkey" primary key ("job_id");`);
    this.addSql(
      `alter table "fanout_runs" add constraint "alert_runs_job_id_foreign" foreign key ("job_id") references "job_notices" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(`alter table "fanout_runs" rename to "alert_runs";`);
    this.addSql(`create index "alert_runs_matching" on "alert_runs" ("job_id") where status = 'matching';`);

    this.addSql(`create view "alert_recipients" as select r.job_id, r.user_id, r.platform, r.status, r.reason, null::bigint as batch_id, r.outbox_id, r.updated_at
  from alert_receipts r
union all
select b.job_id, m.user_id, b.platform, b.status, b.reason, b.id as batch_id, null::bigint as outbox_id,
       coalesce(b.sent_at, b.queued_at, b.created_at) as updated_at
  from alert_batches b cross join lateral unnest(b.user_ids) as m(user_id);`);
  }
}
