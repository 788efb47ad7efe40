import { Migration } from '@mikro-orm/migrations';

/**
 * Career entries (経歴) gain a category (開発, デザイン, 翻訳, … as the worker writes it), a URL (a
 * product or portfolio page) and one attachment (a file row; the entry loses it, not the other way
 * round, if the file row goes). Skills already have their note and hobbies stay the profile's text
 * field, so nothing else changes.
 */
export class Migration20261206100000_profile_items extends Migration {
  override name = 'Migration20261206100000_profile_items';

  override up(): void | Promise<void> {
    this.addSql(
      `alter table "career_entries" add column "category" varchar(50) not null default '', add column "url" varchar(500) not null default '', add column "attachment_file_id" int null;`,
    );
    this.addSql(
      `alter table "career_entries" add constraint "career_entries_attachment_file_id_foreign" foreign key ("attachment_file_id") references "files" ("id") on delete set null;`,
    );
    // Deleting a file row (an identity document once decided) looks up what refers to it.
    this.addSql(
      `create index "career_entries_attachment_file_id_index" on "career_entries" ("attachment_file_id");`,
    );
    this.addSql(
      `alter table "career_entries" add constraint "career_entries_url_check" check (url = '' or url ~* '^https?://');`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "career_entries" drop constraint if exists "career_entries_url_check";`);
    this.addSql(
      `alter table "career_entries" drop constraint if exists "career_entries_attachment_file_id_foreign";`,
    );
    this.addSql(`drop index if exists "career_entries_attachment_file_id_index";`);
    this.addSql(
      `alter table "career_entries" drop column "attachment_file_id", drop column "url", drop column "category";`,
    );
  }
}
