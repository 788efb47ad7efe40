/** Demo data for the marketplace: filled in once the marketplace services land. */
import type { DomainContext } from '../../src/domain/context.ts';
import type { DomainServices } from '../../src/domain/services.ts';
import type { DemoPeople } from './demo.ts';

export async function seedMarketplace(
  _ctx: DomainContext,
  _s: DomainServices,
  _people: DemoPeople,
  _r: () => number,
): Promise<Record<string, number>> {
  return {};
}
