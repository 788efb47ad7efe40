import { Migration } from '@mikro-orm/migrations';

/**
 * A multicast batch is its recipients' receipt: their rows leave `alert_receipts` (the batch holds
 * the same state) and `alert_recipients` reads them from every batch, settled or not.
 */
export class Migration20261122260000_batch_receipts extends Migration {
  override name = 'Migration20261122260000_batch_receipts';

  override up(): void | Promise<void> {
    this.addSql(`drop view if exists "alert_recipients";`);
    this.addSql(`delete from "alert_receipts" where "batch_id" is not null;`);
    this.addSql(`alter table "alert_receipts" drop column "batch_id";`);
    this.addSql(`create view "alert_recipients" as select r.job_id, r.user_id, r.platform, r.status, r.reason, null::bigint as batch_id, r.outbox_id, r.updated_at
  from alert_receipts r
union all
select b.job_id, m.user_id, b.platform, b.status, b.reason, b.id as batch_id, null::bigint as outbox_id,
       coalesce(b.sent_at, b.queued_at, b.created_at) as updated_at
  from alert_batches b cross join lateral unnest(b.user_ids) as m(user_id);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop view if exists "alert_recipients";`);
    this.addSql(`alter table "alert_receipts" add column "batch_id" bigint null;`);
    // Settled batches' recipients get their rows back.
    this.addSql(`insert into "alert_receipts" ("job_id", "user_id", "platform", "status", "reason", "batch_id", "outbox_id", "updated_at")
  select b.job_id, m.user_id, b.platform, b.status, b.reason, b.id, null, coalesce(b.sent_at, b.queued_at, b.created_at)
    from alert_batches b cross join lateral unnest(b.user_ids) as m(user_id) where b.status <> 'queued'
  on conflict do nothing;`);
    this.addSql(`create view "alert_recipients" as select r.job_id, r.user_id, r.platform, r.status, r.reason, r.batch_id, r.outbox_id, r.updated_at
  from alert_receipts r
union all
select b.job_id, m.user_id, b.platform, b.status, b.reason, b.id as batch_id, null::bigint as outbox_id,
       b.created_at as updated_at
  from alert_batches b cross join lateral unnest(b.user_ids) as m(user_id) where b.status = 'queued';`);
  }
}
