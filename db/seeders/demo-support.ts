/** Demo data for the support desk: filled in once the support-desk services land. */
import type { DomainContext } from '../../src/domain/context.ts';
import type { DomainServices } from '../../src/domain/services.ts';
import type { DemoPeople, PersonFactory, UploadFactory } from './demo.ts';

export async function seedSupport(
  _ctx: DomainContext,
  _s: DomainServices,
  _people: DemoPeople,
  _person: PersonFactory,
  _upload: UploadFactory,
): Promise<Record<string, number>> {
  return {};
}
