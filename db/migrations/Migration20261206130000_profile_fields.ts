import { Migration } from '@mikro-orm/migrations';

/**
 * The rest of a profile: a user name (set once, unique whatever its case), hometown, school and a
 * profile image (a file row; the profile loses it, not the other way round, if the row goes), and
 * the personal details only the person and staff see: name, furigana, gender (and whether others
 * see it), birth date (and whether others see the age band), postal code, the rest of the address
 * and phone. Existing profiles get empty values and both "show" switches off.
 */
export class Migration20261206130000_profile_fields extends Migration {
  override name = 'Migration20261206130000_profile_fields';

  override up(): void | Promise<void> {
    this.addSql(
      `alter table "profiles" add "username" varchar(20) null, add "username_key" varchar(20) null, add "hometown" varchar(100) not null default '', add "school" varchar(200) not null default '', add "image_file_id" int null, add "full_name" varchar(100) not null default '', add "furigana" varchar(100) not null default '', add "gender" text null, add "gender_public" boolean not null default false, add "birth_date" date null, add "age_band_public" boolean not null default false, add "postal_code" varchar(7) null, add "address_line" varchar(200) not null default '', add "phone" varchar(20) not null default '';`,
    );
    this.addSql(
      `alter table "profiles" add constraint "profiles_image_file_id_foreign" foreign key ("image_file_id") references "files" ("id") on delete set null;`,
    );
    // Deleting a file row looks up what refers to it.
    this.addSql(`create index "profiles_image_file_id_index" on "profiles" ("image_file_id");`);
    // A user name is taken whatever its case: its lower-cased key is unique.
    this.addSql(
      `alter table "profiles" add constraint "profiles_username_key_unique" unique ("username_key");`,
    );
    this.addSql(
      `alter table "profiles" add constraint "profiles_username_check" check (username ~ '^[A-Za-z0-9_]{3,20}$');`,
    );
    this.addSql(
      `alter table "profiles" add constraint "profiles_username_key_check" check (username_key = lower(username));`,
    );
    this.addSql(
      `alter table "profiles" add constraint "profiles_postal_code_check" check (postal_code ~ '^[0-9]{7}$');`,
    );
    this.addSql(
      `alter table "profiles" add constraint "profiles_gender_check" check ("gender" in ('male', 'female', 'other', 'no_answer'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "profiles" drop constraint if exists "profiles_gender_check";`);
    this.addSql(`alter table "profiles" drop constraint if exists "profiles_postal_code_check";`);
    this.addSql(`alter table "profiles" drop constraint if exists "profiles_username_key_check";`);
    this.addSql(`alter table "profiles" drop constraint if exists "profiles_username_check";`);
    this.addSql(`alter table "profiles" drop constraint if exists "profiles_username_key_unique";`);
    this.addSql(`drop index if exists "profiles_image_file_id_index";`);
    this.addSql(`alter table "profiles" drop constraint if exists "profiles_image_file_id_foreign";`);
    this.addSql(
      `alter table "profiles" drop column "phone", drop column "address_line", drop column "postal_code", drop column "age_band_public", drop column "birth_date", drop column "gender_public", drop column "gender", drop column "furigana", drop column "full_name", drop column "image_file_id", drop column "school", drop column "hometown", drop column "username_key", drop column "username";`,
    );
  }
}
