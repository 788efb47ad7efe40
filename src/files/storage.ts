/**
 * Where attachment bytes live (work files, deliveries, inquiry attachments). Content-addressed: the
 * key is the SHA-256 of the bytes, so the same file stored twice takes space once. The local-disk
 * implementation keeps them under `DATA_DIR/files`; an S3-compatible store can implement the same.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { AppError } from '../errors.ts';

export interface StoredObject {
  /** Hex SHA-256 of the content. */
  key: string;
  size: number;
}

export interface FileStorage {
  put(data: Buffer | Uint8Array): Promise<StoredObject>;
  read(key: string): Promise<Buffer>;
  stream(key: string): Readable;
  exists(key: string): Promise<boolean>;
  /**
   * Removes the bytes (nothing happens when there are none). Only for bytes no record refers to,
   * such as an identity document moved into its sealed table: the store is content-addressed, so the
   * caller checks that no other record holds the same key.
   */
  delete(key: string): Promise<void>;
}

/** An attachment already in file storage, as adapters hand it to domain services. */
export interface UploadedFile {
  storageKey: string;
  name: string;
  mime: string;
  size: number;
}

export const MAX_FILE_BYTES = 50 * 1024 * 1024;

const KEY = /^[0-9a-f]{64}$/;

export class LocalFileStorage implements FileStorage {
  private readonly root: string;

  constructor(root: string) {
    this.root = root;
  }

  private pathFor(key: string): string {
    if (!KEY.test(key)) throw new AppError('file.bad_key', `not a storage key: ${key.slice(0, 80)}`);
    return path.join(this.root, key.slice(0, 2), key.slice(2, 4), key);
  }

  async put(data: Buffer | Uint8Array): Promise<StoredObject> {
    const key = createHash('sha256').update(data).digest('hex');
    const target = this.pathFor(key);
    if (!(await this.exists(key))) {
      await mkdir(path.dirname(target), { recursive: true });
      // Write then rename, so a crash never leaves a half-written file under a valid key.
      const tmp = `${target}.${randomUUID()}.tmp`;
      try {
        await writeFile(tmp, data);
        await rename(tmp, target);
      } finally {
        await rm(tmp, { force: true });
      }
    }
    return { key, size: data.byteLength };
  }

  read(key: string): Promise<Buffer> {
    return readFile(this.pathFor(key));
  }

  stream(key: string): Readable {
    return createReadStream(this.pathFor(key));
  }

  async exists(key: string): Promise<boolean> {
    try {
      await stat(this.pathFor(key));
      return true;
    } catch {
      return false;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathFor(key), { force: true });
  }
}
