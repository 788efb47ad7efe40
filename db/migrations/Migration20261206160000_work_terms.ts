import { Migration } from '@mikro-orm/migrations';

/**
 * 取引条件 (docs/domain.md §1.4): the terms of each order, one row per version. A trigger refuses any
 * update of a row (a change of terms is a new version), except the two references that a deleted
 * user's account sets to null.
 */
export class Migration20261206160000_work_terms extends Migration {
  override name = 'Migration20261206160000_work_terms';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "order_terms" ("id" serial primary key, "application_id" int not null, "version" int not null, "worker_id" int not null, "job_id" int not null, "client_user_id" int null, "client_name" varchar(200) not null default '', "worker_name" varchar(200) not null default '', "title" varchar(200) not null, "description" text not null default '', "reward_type" text not null, "unit_price_yen" int null, "quantity" int null, "reward_yen" int not null, "due_date" timestamptz null, "expected_pay_date" varchar(10) null, "ordered_at" timestamptz not null, "reason" text null, "created_by" int null, "created_at" timestamptz not null default now());`,
    );
    this.addSql(
      `create index "order_terms_worker_id_ordered_at_index" on "order_terms" ("worker_id", "ordered_at");`,
    );
    this.addSql(
      `alter table "order_terms" add constraint "order_terms_application_id_version_unique" unique ("application_id", "version");`,
    );

    this.addSql(
      `alter table "order_terms" add constraint "order_terms_application_id_foreign" foreign key ("application_id") references "applications" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "order_terms" add constraint "order_terms_worker_id_foreign" foreign key ("worker_id") references "users" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "order_terms" add constraint "order_terms_job_id_foreign" foreign key ("job_id") references "job_notices" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "order_terms" add constraint "order_terms_client_user_id_foreign" foreign key ("client_user_id") references "users" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "order_terms" add constraint "order_terms_created_by_foreign" foreign key ("created_by") references "users" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "order_terms" add constraint "order_terms_reward_yen_check" check (reward_yen >= 0);`,
    );
    this.addSql(`alter table "order_terms" add constraint "order_terms_version_check" check (version >= 1);`);
    this.addSql(
      `alter table "order_terms" add constraint "order_terms_reward_type_check" check ("reward_type" in ('fixed', 'unit'));`,
    );
    this.addSql(
      `create or replace function "order_terms_order_terms_immutable_fn"() returns trigger as $$ begin if (to_jsonb(new) - 'client_user_id' - 'created_by') is distinct from (to_jsonb(old) - 'client_user_id' - 'created_by') or (new.client_user_id is not null and new.client_user_id is distinct from old.client_user_id) or (new.created_by is not null and new.created_by is distinct from old.created_by) then raise exception 'order_terms rows are never updated: a change of terms is a new version' using errcode = 'check_violation'; end if; return new; end; $$ language plpgsql;`,
    );
    this.addSql(
      `create trigger "order_terms_immutable" BEFORE UPDATE on "order_terms" for each ROW execute function "order_terms_order_terms_immutable_fn"();`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "order_terms_immutable" on "order_terms";`);
    this.addSql(`drop function if exists "order_terms_order_terms_immutable_fn"();`);
    this.addSql(`drop table if exists "order_terms" cascade;`);
  }
}
