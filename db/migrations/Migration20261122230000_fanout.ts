import { Migration } from '@mikro-orm/migrations';

export class Migration20261122230000_fanout extends Migration {
  override name = 'Migration20261122230000_fanout';

  override up(): void | Promise<void> {
    this.addSql(`alter table "notification_receipts" add "batch" varchar(64) null;`);
    this.addSql(`create index "notification_receipts_batch_index" on "notification_receipts" ("batch");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "notification_receipts_batch_index";`);
    this.addSql(`alter table "notification_receipts" drop column "batch";`);
  }
}
