import { Migration } from '@mikro-orm/migrations';

/**
 * Company details asked at registration: a contact phone number beside the contact e-mail, and the
 * logo as a real reference to its file row (as teams' logos are), cleared if the file goes.
 */
export class Migration20261206110000_company_details extends Migration {
  override name = 'Migration20261206110000_company_details';

  override up(): void | Promise<void> {
    this.addSql(`alter table "companies" add column "contact_phone" varchar(20) not null default '';`);
    // A logo id that names no file (nothing enforced it before) is dropped, so the reference holds.
    this.addSql(
      `update "companies" set "logo_file_id" = null where "logo_file_id" is not null and not exists (select 1 from "files" f where f."id" = "companies"."logo_file_id");`,
    );
    this.addSql(
      `alter table "companies" add constraint "companies_logo_file_id_foreign" foreign key ("logo_file_id") references "files" ("id") on delete set null;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "companies" drop constraint if exists "companies_logo_file_id_foreign";`);
    this.addSql(`alter table "companies" drop column if exists "contact_phone";`);
  }
}
