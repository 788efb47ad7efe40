/** Turning uploads (bytes already in file storage) into file rows, with the checks every domain needs. */
import { UserError } from '../errors.ts';
import { MAX_FILE_BYTES, type UploadedFile } from '../files/storage.ts';
import type { FileRecord } from './shared.ts';
import type { Tx } from './tx.ts';

export async function recordUploads(
  tx: Tx,
  uploadedBy: number,
  uploads: readonly UploadedFile[],
): Promise<FileRecord[]> {
  const rows: FileRecord[] = [];
  for (const u of uploads) {
    const name = u.name.normalize('NFKC').trim().slice(0, 255) || 'file';
    if (u.size <= 0 || u.size > MAX_FILE_BYTES || !/^[0-9a-f]{64}$/.test(u.storageKey)) {
      throw new UserError('file.bad', { name });
    }
    rows.push(
      await tx.files.insert({
        storageKey: u.storageKey,
        name,
        mime: u.mime || 'application/octet-stream',
        size: u.size,
        uploadedBy,
      }),
    );
  }
  return rows;
}
