import { Migration } from '@mikro-orm/migrations';

/** Inbound events in order per user, with the reply kept until it is delivered (src/chat/inbound.ts). */

export class Migration20261206145000_inbound_order extends Migration {
  override name = 'Migration20261206145000_inbound_order';

  override up(): void | Promise<void> {
    this.addSql(
      `alter table "inbound_events" add "user_key" varchar(300) null, add "seq" bigserial not null, add "status" text not null default 'done', add "started_at" timestamptz null, add "reply" jsonb null, add "reason" varchar(200) null;`,
    );
    this.addSql(
      `create index "inbound_events_waiting_index" on "inbound_events" ("user_key", "seq") where "status" in ('queued', 'handling');`,
    );
    this.addSql(
      `alter table "inbound_events" add constraint "inbound_events_status_check" check ("status" in ('queued', 'handling', 'failed', 'done'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "inbound_events_waiting_index";`);
    this.addSql(`alter table "inbound_events" drop constraint "inbound_events_status_check";`);
    this.addSql(
      `alter table "inbound_events" drop column "user_key", drop column "seq", drop column "status", drop column "started_at", drop column "reply", drop column "reason";`,
    );
  }
}
