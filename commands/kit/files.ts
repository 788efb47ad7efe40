/**
 * Files in commands, for every portal: the files attached to the message (the adapter has already
 * stored them), a stored file as a block a reply hands over, and files' names and blocks by id.
 * Read files by id only after the service checked the person may see the record they belong to.
 */
import type { CommandContext } from '../../src/chat/command.ts';
import { type FileBlock, fileBlock } from '../../src/chat/types.ts';
import type { UploadedFile } from '../../src/files/storage.ts';

/** The files the message carried, already in file storage (nothing for a button press). */
export function attachedFiles(ctx: CommandContext): UploadedFile[] {
  if (ctx.event.kind !== 'message') return [];
  return (ctx.event.attachments ?? []).flatMap((a) =>
    a.storageKey ? [{ storageKey: a.storageKey, name: a.name, mime: a.mime, size: a.size }] : [],
  );
}

/** A stored file (any record with its storage key, name, type and size) as a block of a reply. */
export const fileBlockOf = (f: UploadedFile): FileBlock =>
  fileBlock({ storageKey: f.storageKey, name: f.name, mime: f.mime, size: f.size });

export async function fileNames(
  ctx: CommandContext,
  fileIds: readonly number[],
): Promise<Map<number, string>> {
  if (fileIds.length === 0) return new Map();
  const rows = await ctx.services.store.uow.read((tx) => tx.files.find({ id: [...new Set(fileIds)] }));
  return new Map(rows.map((f) => [f.id, f.name]));
}

/**
 * The files themselves, in the order given, as blocks a reply hands over (each adapter sends the
 * bytes its platform's way).
 */
export async function fileBlocks(ctx: CommandContext, fileIds: readonly number[]): Promise<FileBlock[]> {
  if (fileIds.length === 0) return [];
  const rows = await ctx.services.store.uow.read((tx) => tx.files.find({ id: [...new Set(fileIds)] }));
  const byId = new Map(rows.map((f) => [f.id, f]));
  return [...new Set(fileIds)].flatMap((id) => {
    const f = byId.get(id);
    return f ? [fileBlockOf(f)] : [];
  });
}
