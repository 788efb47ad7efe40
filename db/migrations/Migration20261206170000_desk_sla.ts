import { Migration } from '@mikro-orm/migrations';

/**
 * The desk's business hours, SLAs and round-robin (docs/domain.md §2.7–§2.10): SLA targets and the
 * round-robin switch on each category (seeded with defaults per category), the first response of
 * each inquiry (filled in for inquiries staff already answered), who is on duty, each company's
 * round-robin turn, the SLA alerts recorded, and the SLA line each desk card shows.
 */
export class Migration20261206170000_desk_sla extends Migration {
  override name = 'Migration20261206170000_desk_sla';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "desk_sla_alerts" ("inquiry_id" int not null, "target" text not null, "kind" text not null, "created_at" timestamptz not null default now(), "claimed_at" timestamptz null, "posted_at" timestamptz null, primary key ("inquiry_id", "target", "kind"));`,
    );
    this.addSql(`create index "desk_sla_alerts_posted_at_index" on "desk_sla_alerts" ("posted_at");`);

    this.addSql(
      `create table "desk_rotation" ("company_id" int not null, "last_user_id" int null, "updated_at" timestamptz not null default now(), primary key ("company_id"));`,
    );

    this.addSql(
      `create table "desk_duty" ("user_id" int not null, "since" timestamptz not null, primary key ("user_id"));`,
    );

    this.addSql(
      `alter table "inquiry_categories" add "sla_first_response_minutes" int null, add "sla_resolution_minutes" int null, add "round_robin" boolean not null default false;`,
    );

    this.addSql(`alter table "inquiries" add "first_response_at" timestamptz null;`);

    this.addSql(`alter table "desk_threads" add "sla_shown" varchar(200) not null default '';`);

    this.addSql(
      `alter table "desk_sla_alerts" add constraint "desk_sla_alerts_inquiry_id_foreign" foreign key ("inquiry_id") references "inquiries" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "desk_sla_alerts" add constraint "desk_sla_alerts_target_check" check ("target" in ('first_response', 'resolution'));`,
    );
    this.addSql(
      `alter table "desk_sla_alerts" add constraint "desk_sla_alerts_kind_check" check ("kind" in ('warning', 'breach'));`,
    );

    this.addSql(
      `alter table "desk_rotation" add constraint "desk_rotation_company_id_foreign" foreign key ("company_id") references "companies" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "desk_rotation" add constraint "desk_rotation_last_user_id_foreign" foreign key ("last_user_id") references "users" ("id") on delete set null;`,
    );

    this.addSql(
      `alter table "desk_duty" add constraint "desk_duty_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`,
    );

    // Targets in business minutes (a weekday of the default calendar has 630): repairs are answered
    // within the hour; consultations that need planning (renovation, relocation, new stores) get longer.
    this.addSql(`update "inquiry_categories" c
      set "sla_first_response_minutes" = v.first_response, "sla_resolution_minutes" = v.resolution
      from (values
        ('broadcast', 120, 1800),
        ('billing', 120, 1200),
        ('repair', 60, 600),
        ('product', 120, 1200),
        ('renovation', 240, 3000),
        ('relocation', 240, 3000),
        ('closing', 240, 3000),
        ('other', 240, 1800),
        ('new_store', 240, 3000)
      ) as v (code, first_response, resolution)
      where c."code" = v.code;`);

    // The first response of inquiries already answered: the first message by staff or an admin.
    this.addSql(`update "inquiries" i set "first_response_at" = m.first_at
      from (select m."inquiry_id", min(m."created_at") as first_at
              from "inquiry_messages" m join "users" u on u."id" = m."author_id"
             where u."roles" && array['staff', 'admin']::text[]
             group by m."inquiry_id") m
      where m."inquiry_id" = i."id";`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "desk_sla_alerts" cascade;`);
    this.addSql(`drop table if exists "desk_rotation" cascade;`);
    this.addSql(`drop table if exists "desk_duty" cascade;`);

    this.addSql(`alter table "desk_threads" drop column "sla_shown";`);

    this.addSql(`alter table "inquiries" drop column "first_response_at";`);

    this.addSql(
      `alter table "inquiry_categories" drop column "sla_first_response_minutes", drop column "sla_resolution_minutes", drop column "round_robin";`,
    );
  }
}
