import { Migration } from '@mikro-orm/migrations';

/**
 * 本人確認 and 機密保持確認 kept by the product: where each person's identity check stands, the sealed
 * pages of a document waiting for review (deleted at the decision), NDA agreements by version, and
 * the 機密案件 flag on jobs.
 */
export class Migration20261206120000_identity_checks extends Migration {
  override name = 'Migration20261206120000_identity_checks';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "nda_agreements" ("id" serial primary key, "user_id" int not null, "version" varchar(40) not null, "agreed_at" timestamptz not null);`,
    );
    this.addSql(
      `alter table "nda_agreements" add constraint "nda_agreements_user_id_version_unique" unique ("user_id", "version");`,
    );

    this.addSql(
      `create table "identity_documents" ("id" serial primary key, "user_id" int not null, "name" varchar(200) not null, "mime" varchar(100) not null, "size" int not null, "content_enc" text not null, "created_at" timestamptz not null default now());`,
    );
    this.addSql(`create index "identity_documents_user_id_index" on "identity_documents" ("user_id");`);
    this.addSql(`create index "identity_documents_created_at_index" on "identity_documents" ("created_at");`);

    this.addSql(
      `create table "identity_checks" ("id" serial primary key, "user_id" int not null, "status" text not null, "kind" varchar(20) not null, "submitted_at" timestamptz not null, "due_at" timestamptz not null, "reason" text null, "decided_by" int null, "decided_at" timestamptz null);`,
    );
    this.addSql(
      `alter table "identity_checks" add constraint "identity_checks_user_id_unique" unique ("user_id");`,
    );

    this.addSql(`alter table "job_notices" add "confidential" boolean not null default false;`);

    this.addSql(
      `alter table "nda_agreements" add constraint "nda_agreements_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "identity_documents" add constraint "identity_documents_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "identity_checks" add constraint "identity_checks_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "identity_checks" add constraint "identity_checks_decided_by_foreign" foreign key ("decided_by") references "users" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "identity_checks" add constraint "identity_checks_status_check" check ("status" in ('pending', 'verified', 'rejected'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "nda_agreements" cascade;`);
    this.addSql(`drop table if exists "identity_documents" cascade;`);
    this.addSql(`drop table if exists "identity_checks" cascade;`);

    this.addSql(`alter table "job_notices" drop column "confidential";`);
  }
}
