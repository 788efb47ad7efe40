/** Logos of companies and teams: an uploaded image, recorded as a file row. */
import { UserError } from '../../errors.ts';
import type { UploadedFile } from '../../files/storage.ts';
import type { Actor } from '../actor.ts';
import { recordUploads } from '../files.ts';
import type { FileRecord } from '../shared.ts';
import type { Tx } from '../tx.ts';

/** Stores an uploaded logo; only images are accepted. */
export async function logoOf(tx: Tx, actor: Actor, upload: UploadedFile): Promise<FileRecord> {
  if (!upload.mime.startsWith('image/')) throw new UserError('market.logo_not_image');
  const [file] = await recordUploads(tx, actor.userId, [upload]);
  if (!file) throw new Error('logo upload produced no file row');
  return file;
}
