import { Migration } from '@mikro-orm/migrations';

/** Support desk: companies' stores, staff assignments, inquiry categories, inquiries and messages. */
export class Migration20261122170000_support extends Migration {
  override name = 'Migration20261122170000_support';

  override up(): void {
    this.addSql(
      `create table "inquiry_categories" ("id" serial primary key, "code" varchar(32) not null, "name_ja" varchar(100) not null, "name_en" varchar(100) not null, "sort" int not null default 0, "needs_store" boolean not null default true);`,
    );
    this.addSql(
      `alter table "inquiry_categories" add constraint "inquiry_categories_code_unique" unique ("code");`,
    );

    this.addSql(
      `create table "inquiry_subtopics" ("id" serial primary key, "category_id" int not null, "name_ja" varchar(100) not null, "name_en" varchar(100) not null, "sort" int not null default 0);`,
    );
    this.addSql(`create index "inquiry_subtopics_category_id_index" on "inquiry_subtopics" ("category_id");`);

    this.addSql(
      `create table "stores" ("id" serial primary key, "company_id" int not null, "name" varchar(200) not null, "prefecture" varchar(16) not null, "region" varchar(50) not null, "created_at" timestamptz not null default now());`,
    );
    this.addSql(`create index "stores_company_id_region_index" on "stores" ("company_id", "region");`);

    this.addSql(
      `create table "company_staff" ("id" serial primary key, "company_id" int not null, "user_id" int not null, "role" text not null, "created_at" timestamptz not null default now());`,
    );
    this.addSql(`create index "company_staff_user_id_index" on "company_staff" ("user_id");`);
    this.addSql(
      `alter table "company_staff" add constraint "company_staff_company_id_user_id_role_unique" unique ("company_id", "user_id", "role");`,
    );

    this.addSql(
      `create table "inquiries" ("id" serial primary key, "company_id" int not null, "store_id" int null, "category_id" int not null, "subtopic_id" int null, "status" text not null default 'received', "created_by" int not null, "assignee_id" int null, "comment" text not null, "refers_to_id" int null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "completed_at" timestamptz null);`,
    );
    this.addSql(
      `create index "inquiries_company_id_updated_at_id_index" on "inquiries" ("company_id", "updated_at", "id");`,
    );
    this.addSql(
      `create index "inquiries_status_updated_at_id_index" on "inquiries" ("status", "updated_at", "id");`,
    );
    this.addSql(`create index "inquiries_updated_at_id_index" on "inquiries" ("updated_at", "id");`);
    this.addSql(`create index "inquiries_store_id_index" on "inquiries" ("store_id");`);
    this.addSql(`create index "inquiries_category_id_index" on "inquiries" ("category_id");`);
    this.addSql(`create index "inquiries_created_by_index" on "inquiries" ("created_by");`);
    this.addSql(`create index "inquiries_created_at_index" on "inquiries" ("created_at");`);

    this.addSql(
      `create table "inquiry_messages" ("id" serial primary key, "inquiry_id" int not null, "author_id" int not null, "body" text not null default '', "created_at" timestamptz not null default now());`,
    );
    this.addSql(`create index "inquiry_messages_inquiry_id_index" on "inquiry_messages" ("inquiry_id");`);

    this.addSql(
      `create table "inquiry_attachments" ("id" serial primary key, "inquiry_id" int not null, "message_id" int null, "file_id" int not null, "created_at" timestamptz not null default now());`,
    );
    this.addSql(
      `create index "inquiry_attachments_inquiry_id_index" on "inquiry_attachments" ("inquiry_id");`,
    );
    this.addSql(
      `create index "inquiry_attachments_created_at_id_index" on "inquiry_attachments" ("created_at", "id");`,
    );

    this.addSql(
      `alter table "inquiry_subtopics" add constraint "inquiry_subtopics_category_id_foreign" foreign key ("category_id") references "inquiry_categories" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "stores" add constraint "stores_company_id_foreign" foreign key ("company_id") references "companies" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "company_staff" add constraint "company_staff_company_id_foreign" foreign key ("company_id") references "companies" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "company_staff" add constraint "company_staff_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "company_staff" add constraint "company_staff_role_check" check ("role" in ('sales_rep', 'support'));`,
    );
    this.addSql(
      `alter table "inquiries" add constraint "inquiries_company_id_foreign" foreign key ("company_id") references "companies" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "inquiries" add constraint "inquiries_store_id_foreign" foreign key ("store_id") references "stores" ("id") on delete no action;`,
    );
    this.addSql(
      `alter table "inquiries" add constraint "inquiries_category_id_foreign" foreign key ("category_id") references "inquiry_categories" ("id");`,
    );
    this.addSql(
      `alter table "inquiries" add constraint "inquiries_subtopic_id_foreign" foreign key ("subtopic_id") references "inquiry_subtopics" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "inquiries" add constraint "inquiries_created_by_foreign" foreign key ("created_by") references "users" ("id");`,
    );
    this.addSql(
      `alter table "inquiries" add constraint "inquiries_assignee_id_foreign" foreign key ("assignee_id") references "users" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "inquiries" add constraint "inquiries_refers_to_id_foreign" foreign key ("refers_to_id") references "inquiries" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "inquiries" add constraint "inquiries_status_check" check ("status" in ('received', 'in_progress', 'completed'));`,
    );
    this.addSql(
      `alter table "inquiry_messages" add constraint "inquiry_messages_inquiry_id_foreign" foreign key ("inquiry_id") references "inquiries" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "inquiry_messages" add constraint "inquiry_messages_author_id_foreign" foreign key ("author_id") references "users" ("id");`,
    );
    this.addSql(
      `alter table "inquiry_attachments" add constraint "inquiry_attachments_inquiry_id_foreign" foreign key ("inquiry_id") references "inquiries" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "inquiry_attachments" add constraint "inquiry_attachments_message_id_foreign" foreign key ("message_id") references "inquiry_messages" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "inquiry_attachments" add constraint "inquiry_attachments_file_id_foreign" foreign key ("file_id") references "files" ("id") on delete cascade;`,
    );

    // Seeded categories (docs/domain.md §2.2) and their sub-topics; `code` is what commands and tests use.
    this.addSql(`insert into "inquiry_categories" ("code", "name_ja", "name_en", "sort", "needs_store") values
      ('broadcast', '放送プログラム', 'Broadcast programme', 10, true),
      ('billing', '支払・請求', 'Payment & billing', 20, true),
      ('repair', '修理', 'Repair', 30, true),
      ('product', '商品問合せ', 'Products', 40, true),
      ('renovation', '改装', 'Renovation', 50, true),
      ('relocation', '移転', 'Relocation', 60, true),
      ('closing', '閉店', 'Closing', 70, true),
      ('other', 'その他', 'Other', 80, true),
      ('new_store', '新規出店のご相談', 'New-store consultation', 90, false);`);
    this.addSql(`insert into "inquiry_subtopics" ("category_id", "name_ja", "name_en", "sort")
      select c."id", v.name_ja, v.name_en, v.sort from (values
        ('broadcast', 'BGM', 'Background music (BGM)', 10),
        ('broadcast', 'CM', 'Commercials (CM)', 20),
        ('broadcast', '番組表・放送スケジュール', 'Programme schedule', 30),
        ('broadcast', '受信・再生の不具合', 'Reception or playback problems', 40),
        ('billing', '請求内容の確認', 'Checking an invoice', 10),
        ('billing', 'お支払い方法の変更', 'Changing the payment method', 20),
        ('billing', '領収書の発行', 'Receipts', 30),
        ('repair', '機器の故障', 'Equipment failure', 10),
        ('repair', '音が出ない・映らない', 'No sound or no picture', 20),
        ('repair', '訪問修理のご依頼', 'On-site repair visit', 30),
        ('product', '商品の仕様', 'Product specifications', 10),
        ('product', 'お見積もりのご依頼', 'Request for a quote', 20),
        ('product', '追加のご購入', 'Additional purchase', 30),
        ('renovation', '工事中の機器の移設・保管', 'Moving or storing equipment during works', 10),
        ('renovation', '休業期間中の一時停止', 'Pausing the service while closed', 20),
        ('renovation', '改装後の再設置', 'Reinstallation after the works', 30),
        ('relocation', '移転日程のご相談', 'Scheduling the move', 10),
        ('relocation', '機器の移設', 'Moving the equipment', 20),
        ('relocation', '移転先の住所・連絡先の変更', 'New address and contact details', 30),
        ('closing', 'ご解約の手続き', 'Cancelling the contract', 10),
        ('closing', '機器の撤去・返却', 'Removing and returning equipment', 20),
        ('closing', '最終のご請求', 'Final invoice', 30),
        ('other', 'ご意見・ご要望', 'Feedback and requests', 10),
        ('other', 'その他のお問い合わせ', 'Anything else', 20),
        ('new_store', '出店予定地のご相談', 'Planned location', 10),
        ('new_store', '機器・サービスのお見積もり', 'Quote for equipment and service', 20),
        ('new_store', '開店までのスケジュール', 'Schedule until opening', 30)
      ) as v (code, name_ja, name_en, sort)
      join "inquiry_categories" c on c."code" = v.code;`);
  }

  override down(): void {
    for (const table of [
      'inquiry_attachments',
      'inquiry_messages',
      'inquiries',
      'company_staff',
      'stores',
      'inquiry_subtopics',
      'inquiry_categories',
    ]) {
      this.addSql(`drop table if exists "${table}" cascade;`);
    }
  }
}
