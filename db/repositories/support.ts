/** Support desk tables (src/domain/support/ports.ts). Filled in by the support-desk work. */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { SupportTables } from '../../src/domain/support/ports.ts';

export function supportTables(_em: EntityManager): SupportTables {
  return {};
}
