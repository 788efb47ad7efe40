/** Marketplace tables (src/domain/market/ports.ts). Filled in by the marketplace work. */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { MarketTables } from '../../src/domain/market/ports.ts';

export function marketTables(_em: EntityManager): MarketTables {
  return {};
}
