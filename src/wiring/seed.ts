/** `seed:demo` from the command line: the demo seeder (db/seeders) on the configured store. */
import { type DemoSummary, seedDemo } from '../../db/seeders/demo.ts';
import type { Config } from '../config.ts';
import type { Store } from '../store.ts';
import { createDomain } from './domain.ts';

export async function seedDemoData(config: Config, store: Store): Promise<DemoSummary> {
  const domain = await createDomain(config, store);
  return seedDemo(domain.ctx, domain.services);
}
