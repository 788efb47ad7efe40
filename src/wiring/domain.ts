/** Builds the domain context for a store: file storage under DATA_DIR/files and the secret box. */
import path from 'node:path';
import type { Config } from '../config.ts';
import { loadOrCreateKey, secretBox } from '../crypto/secret-box.ts';
import { systemClock } from '../domain/clock.ts';
import type { DomainContext } from '../domain/context.ts';
import { createDomainServices, type DomainServices } from '../domain/services.ts';
import { LocalFileStorage } from '../files/storage.ts';
import type { Store } from '../store.ts';

export async function createDomain(
  config: Config,
  store: Store,
  clock = systemClock,
): Promise<{ ctx: DomainContext; services: DomainServices }> {
  const key = await loadOrCreateKey(config.dataEncryptionKey, config.dataDir);
  const ctx: DomainContext = {
    uow: store.uow,
    clock,
    files: new LocalFileStorage(path.join(config.dataDir, 'files')),
    secrets: secretBox(key),
    businessTimeZone: config.businessTimeZone,
    openSignupRole: config.openSignupRole,
  };
  return { ctx, services: createDomainServices(ctx) };
}
