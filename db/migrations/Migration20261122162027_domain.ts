import { Migration } from '@mikro-orm/migrations';

export class Migration20261122162027_domain extends Migration {
  override name = 'Migration20261122162027_domain';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "companies" ("id" serial primary key, "slug" varchar(64) not null, "name" varchar(200) not null, "introduction" text not null default '', "address" varchar(300) not null default '', "contact_email" varchar(254) null, "logo_file_id" int null, "created_at" timestamptz not null default now());`,
    );
    this.addSql(`alter table "companies" add constraint "companies_slug_unique" unique ("slug");`);

    this.addSql(
      `create table "files" ("id" serial primary key, "storage_key" varchar(64) not null, "name" varchar(255) not null, "mime" varchar(127) not null, "size" bigint not null, "uploaded_by" int not null, "created_at" timestamptz not null default now());`,
    );
    this.addSql(`create index "files_storage_key_index" on "files" ("storage_key");`);

    this.addSql(
      `create table "payment_statements" ("id" serial primary key, "worker_id" int not null, "month" varchar(7) not null, "total_yen" int not null, "pay_date" varchar(10) not null, "created_by" int null, "created_at" timestamptz not null default now());`,
    );
    this.addSql(
      `alter table "payment_statements" add constraint "payment_statements_worker_id_month_unique" unique ("worker_id", "month");`,
    );

    this.addSql(
      `create table "outbox" ("id" bigserial primary key, "type" varchar(48) not null, "recipient_user_id" int not null, "payload" jsonb not null default '{}', "dedupe_key" varchar(200) not null, "created_at" timestamptz not null default now(), "relayed_at" timestamptz null);`,
    );
    this.addSql(`alter table "outbox" add constraint "outbox_dedupe_key_unique" unique ("dedupe_key");`);
    this.addSql(`create index "outbox_relayed_at_id_index" on "outbox" ("relayed_at", "id");`);
    this.addSql(`create index "outbox_recipient_user_id_index" on "outbox" ("recipient_user_id");`);

    this.addSql(
      `create table "notices" ("id" serial primary key, "kind" text not null, "title" varchar(200) not null, "body" text not null default '', "audience_role" varchar(16) null, "user_id" int null, "created_by" int null, "created_at" timestamptz not null default now());`,
    );
    this.addSql(`create index "notices_user_id_index" on "notices" ("user_id");`);
    this.addSql(`create index "notices_created_at_index" on "notices" ("created_at");`);

    this.addSql(
      `create table "notice_reads" ("id" serial primary key, "notice_id" int not null, "user_id" int not null, "read_at" timestamptz not null default now());`,
    );
    this.addSql(
      `alter table "notice_reads" add constraint "notice_reads_notice_id_user_id_unique" unique ("notice_id", "user_id");`,
    );

    this.addSql(
      `create table "link_codes" ("id" serial primary key, "user_id" int not null, "code_hash" varchar(64) not null, "expires_at" timestamptz not null, "used_at" timestamptz null, "created_at" timestamptz not null default now());`,
    );
    this.addSql(
      `alter table "link_codes" add constraint "link_codes_code_hash_unique" unique ("code_hash");`,
    );
    this.addSql(`create index "link_codes_user_id_index" on "link_codes" ("user_id");`);

    this.addSql(
      `create table "invitations" ("id" serial primary key, "code_hash" varchar(64) not null, "role" varchar(16) not null, "company_id" int null, "created_by" int null, "expires_at" timestamptz not null, "used_by" int null, "used_at" timestamptz null, "created_at" timestamptz not null default now());`,
    );
    this.addSql(
      `alter table "invitations" add constraint "invitations_code_hash_unique" unique ("code_hash");`,
    );

    this.addSql(
      `create table "bank_accounts" ("id" serial primary key, "user_id" int not null, "bank_name" varchar(100) not null, "bank_code" varchar(4) not null, "branch_name" varchar(100) not null, "branch_code" varchar(3) not null, "account_type" text not null, "account_number_enc" text not null, "account_last4" varchar(4) not null, "holder_name" varchar(100) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`,
    );
    this.addSql(
      `alter table "bank_accounts" add constraint "bank_accounts_user_id_unique" unique ("user_id");`,
    );

    this.addSql(
      `create table "audit_log" ("id" bigserial primary key, "actor_user_id" int null, "action" varchar(64) not null, "subject_type" varchar(32) not null, "subject_id" int null, "data" jsonb not null default '{}', "created_at" timestamptz not null default now());`,
    );
    this.addSql(
      `create index "audit_log_subject_type_subject_id_index" on "audit_log" ("subject_type", "subject_id");`,
    );

    this.addSql(
      `create table "applications" ("id" serial primary key, "job_id" int not null, "worker_id" int not null, "status" text not null default 'applied', "message" text not null default '', "decision_reason" text null, "decided_by" int null, "work_files_handed_at" timestamptz null, "started_at" timestamptz null, "delivered_at" timestamptz null, "approved_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`,
    );
    this.addSql(`create index "applications_job_id_status_index" on "applications" ("job_id", "status");`);
    this.addSql(
      `create index "applications_worker_id_status_index" on "applications" ("worker_id", "status");`,
    );

    this.addSql(
      `create table "questions" ("id" serial primary key, "application_id" int not null, "asked_by" int not null, "body" text not null, "answer" text null, "answered_by" int null, "answered_at" timestamptz null, "created_at" timestamptz not null default now());`,
    );
    this.addSql(`create index "questions_application_id_index" on "questions" ("application_id");`);

    this.addSql(
      `create table "invoice_items" ("id" serial primary key, "worker_id" int not null, "application_id" int null, "month" varchar(7) not null, "amount_yen" int not null, "description" text not null default '', "status" text not null default 'pending', "dispute_comment" text null, "statement_id" int null, "created_by" int null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`,
    );
    this.addSql(
      `create index "invoice_items_worker_id_month_index" on "invoice_items" ("worker_id", "month");`,
    );
    this.addSql(`create index "invoice_items_month_status_index" on "invoice_items" ("month", "status");`);

    this.addSql(
      `create table "deliveries" ("id" serial primary key, "application_id" int not null, "note" text not null default '', "review_status" text not null default 'pending', "feedback" text null, "reviewed_by" int null, "reviewed_at" timestamptz null, "created_at" timestamptz not null default now());`,
    );
    this.addSql(`create index "deliveries_application_id_index" on "deliveries" ("application_id");`);

    this.addSql(
      `create table "application_files" ("id" serial primary key, "application_id" int not null, "file_id" int not null, "kind" text not null, "delivery_id" int null, "created_at" timestamptz not null default now());`,
    );
    this.addSql(
      `create index "application_files_application_id_kind_index" on "application_files" ("application_id", "kind");`,
    );

    this.addSql(
      `create table "alert_preferences" ("id" serial primary key, "user_id" int not null, "skills" text[] not null default '{}', "prefectures" text[] not null default '{}', "remote_ok" boolean not null default true, "min_reward_yen" int not null default 0, "preferred_platform" varchar(16) null, "quiet_start" varchar(5) null, "quiet_end" varchar(5) null, "paused" boolean not null default false, "updated_at" timestamptz not null default now());`,
    );
    this.addSql(
      `alter table "alert_preferences" add constraint "alert_preferences_user_id_unique" unique ("user_id");`,
    );

    this.addSql(`alter table "users" add "company_id" int null;`);
    this.addSql(
      `alter table "users" add constraint "users_company_id_foreign" foreign key ("company_id") references "companies" ("id") on delete set null;`,
    );

    this.addSql(
      `alter table "platform_identities" add "unreachable_at" timestamptz null, add "link_failures" int not null default 0, add "link_locked_at" timestamptz null;`,
    );

    this.addSql(
      `alter table "job_notices" add "skills" text[] not null default '{}', add "reward_type" text not null default 'fixed', add "unit_price_yen" int null, add "quantity" int null, add "due_date" timestamptz null, add "created_by" int null;`,
    );
    this.addSql(
      `alter table "job_notices" add constraint "job_notices_created_by_foreign" foreign key ("created_by") references "users" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "job_notices" add constraint "job_notices_reward_type_check" check ("reward_type" in ('fixed', 'unit'));`,
    );

    this.addSql(
      `alter table "files" add constraint "files_uploaded_by_foreign" foreign key ("uploaded_by") references "users" ("id");`,
    );

    this.addSql(
      `alter table "payment_statements" add constraint "payment_statements_worker_id_foreign" foreign key ("worker_id") references "users" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "payment_statements" add constraint "payment_statements_created_by_foreign" foreign key ("created_by") references "users" ("id") on delete set null;`,
    );

    this.addSql(
      `alter table "outbox" add constraint "outbox_recipient_user_id_foreign" foreign key ("recipient_user_id") references "users" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "notices" add constraint "notices_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "notices" add constraint "notices_created_by_foreign" foreign key ("created_by") references "users" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "notices" add constraint "notices_kind_check" check ("kind" in ('announcement', 'product', 'maintenance', 'personal'));`,
    );

    this.addSql(
      `alter table "notice_reads" add constraint "notice_reads_notice_id_foreign" foreign key ("notice_id") references "notices" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "notice_reads" add constraint "notice_reads_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "link_codes" add constraint "link_codes_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "invitations" add constraint "invitations_company_id_foreign" foreign key ("company_id") references "companies" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "invitations" add constraint "invitations_created_by_foreign" foreign key ("created_by") references "users" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "invitations" add constraint "invitations_used_by_foreign" foreign key ("used_by") references "users" ("id") on delete set null;`,
    );

    this.addSql(
      `alter table "bank_accounts" add constraint "bank_accounts_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "bank_accounts" add constraint "bank_accounts_account_type_check" check ("account_type" in ('ordinary', 'checking', 'savings'));`,
    );

    this.addSql(
      `alter table "audit_log" add constraint "audit_log_actor_user_id_foreign" foreign key ("actor_user_id") references "users" ("id") on delete set null;`,
    );

    this.addSql(
      `alter table "applications" add constraint "applications_job_id_foreign" foreign key ("job_id") references "job_notices" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "applications" add constraint "applications_worker_id_foreign" foreign key ("worker_id") references "users" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "applications" add constraint "applications_decided_by_foreign" foreign key ("decided_by") references "users" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "applications" add constraint "applications_status_check" check ("status" in ('applied', 'accepted', 'rejected', 'withdrawn', 'working', 'delivered', 'revision_requested', 'approved', 'cancelled'));`,
    );

    this.addSql(
      `alter table "questions" add constraint "questions_application_id_foreign" foreign key ("application_id") references "applications" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "questions" add constraint "questions_asked_by_foreign" foreign key ("asked_by") references "users" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "questions" add constraint "questions_answered_by_foreign" foreign key ("answered_by") references "users" ("id") on delete set null;`,
    );

    this.addSql(
      `alter table "invoice_items" add constraint "invoice_items_worker_id_foreign" foreign key ("worker_id") references "users" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "invoice_items" add constraint "invoice_items_application_id_foreign" foreign key ("application_id") references "applications" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "invoice_items" add constraint "invoice_items_statement_id_foreign" foreign key ("statement_id") references "payment_statements" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "invoice_items" add constraint "invoice_items_created_by_foreign" foreign key ("created_by") references "users" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "invoice_items" add constraint "invoice_items_amount_yen_check" check (amount_yen >= 0);`,
    );
    this.addSql(
      `alter table "invoice_items" add constraint "invoice_items_status_check" check ("status" in ('pending', 'confirmed', 'disputed', 'paid'));`,
    );

    this.addSql(
      `alter table "deliveries" add constraint "deliveries_application_id_foreign" foreign key ("application_id") references "applications" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "deliveries" add constraint "deliveries_reviewed_by_foreign" foreign key ("reviewed_by") references "users" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "deliveries" add constraint "deliveries_review_status_check" check ("review_status" in ('pending', 'approved', 'revision_requested'));`,
    );

    this.addSql(
      `alter table "application_files" add constraint "application_files_application_id_foreign" foreign key ("application_id") references "applications" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "application_files" add constraint "application_files_file_id_foreign" foreign key ("file_id") references "files" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "application_files" add constraint "application_files_delivery_id_foreign" foreign key ("delivery_id") references "deliveries" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "application_files" add constraint "application_files_kind_check" check ("kind" in ('work', 'delivery'));`,
    );

    this.addSql(
      `alter table "alert_preferences" add constraint "alert_preferences_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`,
    );
    // One active application per worker per job (docs/domain.md §1.3), enforced by the database too.
    this.addSql(
      `create unique index "applications_one_active_per_worker" on "applications" ("job_id", "worker_id") where status in ('applied', 'accepted', 'working', 'delivered', 'revision_requested');`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "users" drop constraint "users_company_id_foreign";`);
    this.addSql(`alter table "invitations" drop constraint "invitations_company_id_foreign";`);
    this.addSql(`alter table "application_files" drop constraint "application_files_file_id_foreign";`);
    this.addSql(`alter table "invoice_items" drop constraint "invoice_items_statement_id_foreign";`);
    this.addSql(`alter table "notice_reads" drop constraint "notice_reads_notice_id_foreign";`);
    this.addSql(`alter table "questions" drop constraint "questions_application_id_foreign";`);
    this.addSql(`alter table "invoice_items" drop constraint "invoice_items_application_id_foreign";`);
    this.addSql(`alter table "deliveries" drop constraint "deliveries_application_id_foreign";`);
    this.addSql(
      `alter table "application_files" drop constraint "application_files_application_id_foreign";`,
    );
    this.addSql(`alter table "application_files" drop constraint "application_files_delivery_id_foreign";`);

    this.addSql(`drop table if exists "companies" cascade;`);
    this.addSql(`drop table if exists "files" cascade;`);
    this.addSql(`drop table if exists "payment_statements" cascade;`);
    this.addSql(`drop table if exists "outbox" cascade;`);
    this.addSql(`drop table if exists "notices" cascade;`);
    this.addSql(`drop table if exists "notice_reads" cascade;`);
    this.addSql(`drop table if exists "link_codes" cascade;`);
    this.addSql(`drop table if exists "invitations" cascade;`);
    this.addSql(`drop table if exists "bank_accounts" cascade;`);
    this.addSql(`drop table if exists "audit_log" cascade;`);
    this.addSql(`drop table if exists "applications" cascade;`);
    this.addSql(`drop table if exists "questions" cascade;`);
    this.addSql(`drop table if exists "invoice_items" cascade;`);
    this.addSql(`drop table if exists "deliveries" cascade;`);
    this.addSql(`drop table if exists "application_files" cascade;`);
    this.addSql(`drop table if exists "alert_preferences" cascade;`);

    this.addSql(`alter table "job_notices" drop constraint "job_notices_created_by_foreign";`);

    this.addSql(`alter table "job_notices" drop constraint "job_notices_reward_type_check";`);
    this.addSql(
      `alter table "job_notices" drop column "skills", drop column "reward_type", drop column "unit_price_yen", drop column "quantity", drop column "due_date", drop column "created_by";`,
    );

    this.addSql(
      `alter table "platform_identities" drop column "unreachable_at", drop column "link_failures", drop column "link_locked_at";`,
    );

    this.addSql(`alter table "users" drop column "company_id";`);
  }
}
