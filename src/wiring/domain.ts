/** Builds the domain context for a store: file storage under DATA_DIR/files and the secret box. */

import path from 'node:path';
import type { Config } from '../config.ts';
import { loadOrCreateKey, secretBox } from '../crypto/secret-box.ts';
import { systemClock } from '../domain/clock.ts';
import type { DomainContext } from '../domain/context.ts';
import { createDomainServices, type DomainServices } from '../domain/services.ts';
import { type FileStorage, LocalFileStorage } from '../files/storage.ts';

/** DATA_DIR/files, or what FILES_URL names; the S3 client is loaded only when it is used (start-up time). */
async function fileStorage(config: Config): Promise<FileStorage> {
  if (!config.filesUrl) return new LocalFileStorage(path.join(config.dataDir, 'files'));
  const { fileStorageFrom } = await import('../files/s3.ts');
  return fileStorageFrom(config.filesUrl, config.dataDir, config.filesEnv as NodeJS.ProcessEnv);
}

import type { Store } from '../store.ts';

export async function createDomain(
  config: Config,
  store: Store,
  clock = systemClock,
): Promise<{ ctx: DomainContext; services: DomainServices; key: Buffer }> {
  const key = await loadOrCreateKey(config.dataEncryptionKey, config.dataDir);
  const ctx: DomainContext = {
    uow: store.uow,
    clock,
    files: await fileStorage(config),
    secrets: secretBox(key),
    businessTimeZone: config.businessTimeZone,
    desk: config.desk,
    contentDir: config.contentDir,
    operatorName: config.operatorName,
    openSignupRole: config.openSignupRole,
  };
  return { ctx, services: createDomainServices(ctx), key };
}
