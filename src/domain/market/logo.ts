/** Logos of companies and teams: an uploaded image, recorded as a file row. */
import { UserError } from '../../errors.ts';
import type { UploadedFile } from '../../files/storage.ts';
import type { Actor } from '../actor.ts';
import { recordUploads } from '../files.ts';
import type { FileRecord } from '../shared.ts';
import type { Tx } from '../tx.ts';

/**
 * The image kinds a logo may be: the ones LINE, Slack and Discord all show as a picture. The kind is
 * the one the upload rules read from the file's first bytes (src/files/uploads.ts), not its name.
 */
export const LOGO_TYPES: readonly string[] = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];
/** A logo is small: 5 MB at most (any upload is also held to MAX_UPLOAD_MB). */
export const LOGO_MAX_MB = 5;
export const LOGO_MAX_BYTES = LOGO_MAX_MB * 1024 * 1024;

/** Refuses an upload that cannot be a logo: not one of LOGO_TYPES, or over LOGO_MAX_BYTES. */
export function checkLogo(upload: Pick<UploadedFile, 'mime' | 'size'>): void {
  if (!LOGO_TYPES.includes(upload.mime)) throw new UserError('market.logo_not_image');
  if (upload.size > LOGO_MAX_BYTES) throw new UserError('company.logo_too_large', { max: LOGO_MAX_MB });
}

/** Stores an uploaded logo; only images of the kinds above, within the size, are accepted. */
export async function logoOf(tx: Tx, actor: Actor, upload: UploadedFile): Promise<FileRecord> {
  checkLogo(upload);
  const [file] = await recordUploads(tx, actor.userId, [upload]);
  if (!file) throw new Error('logo upload produced no file row');
  return file;
}
