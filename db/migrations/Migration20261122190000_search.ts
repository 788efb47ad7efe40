import { Migration } from '@mikro-orm/migrations';

/**
 * Indexes for listing and searching at size (bench:queries): open jobs in list order, by skill
 * (GIN), by keyword (pg_trgm GIN, which also serves Japanese text), and a worker's recent
 * applications, and workers in search order. pg_trgm is a trusted extension (PostgreSQL ≥ 13), bundled with PGlite.
 */
export class Migration20261122190000_search extends Migration {
  override up(): void {
    // In `public`, whatever the search_path, so every schema of the database finds its operator class.
    this.addSql('create extension if not exists pg_trgm schema public;');
    this.addSql(
      `create index "job_notices_open_order" on "job_notices" ("deadline" asc nulls last, "id" desc) where status = 'open';`,
    );
    this.addSql(
      `create index "job_notices_open_skills" on "job_notices" using gin ("skills") where status = 'open';`,
    );
    this.addSql(
      `create index "job_notices_open_text" on "job_notices" using gin ((title || ' ' || description) public.gin_trgm_ops) where status = 'open';`,
    );
    this.addSql(
      `create index "applications_worker_recent" on "applications" ("worker_id", "updated_at" desc, "id" desc);`,
    );
    this.addSql(
      `create index "profiles_status_updated_at_user_id_index" on "profiles" ("status", "updated_at", "user_id");`,
    );
  }

  override down(): void {
    this.addSql('drop index if exists "profiles_status_updated_at_user_id_index";');
    this.addSql('drop index if exists "applications_worker_recent";');
    this.addSql('drop index if exists "job_notices_open_text";');
    this.addSql('drop index if exists "job_notices_open_skills";');
    this.addSql('drop index if exists "job_notices_open_order";');
  }
}
