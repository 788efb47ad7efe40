/**
 * What people may send, the same on every platform (README, "Files"): at most `MAX_UPLOAD_MB`, and
 * only the kinds of file the portals use: PDF, images, Office documents, text and CSV, ZIP. The kind
 * is read from the content's first bytes (its "magic number"), never from the name alone: an `.exe`
 * renamed `.pdf` is refused. Whatever is refused is not stored; the person is told why, with the
 * limit, under a numbered message.
 */
import type { ChatAttachment, RejectedFile } from '../chat/types.ts';
import type { FileStorage } from './storage.ts';

export interface UploadRules {
  maxBytes: number;
}

/** `MAX_UPLOAD_MB`'s default, 25 MB. */
export const DEFAULT_UPLOAD_RULES: UploadRules = { maxBytes: 25 * 1024 * 1024 };

export type UploadCheck =
  | { ok: true; mime: string }
  | { ok: false; problem: 'upload.too_large' | 'upload.type_not_allowed' | 'upload.empty' };

const starts = (b: Uint8Array, sig: readonly number[], at = 0) =>
  b.length >= at + sig.length && sig.every((v, i) => b[at + i] === v);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const OOXML: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
};
const OLE: Record<string, string> = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
};
const TEXT: Record<string, string> = {
  txt: 'text/plain',
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  md: 'text/markdown',
};
/** ISO base media brands of HEIF/HEIC photos (what iPhones send). */
const HEIF_BRANDS = ['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1', 'msf1', 'avif'];

const extensionOf = (name: string) => /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1]?.toLowerCase() ?? '';

/** Text: no NUL byte and hardly any control characters in the first 64 KiB (UTF-8 or Shift_JIS alike). */
function looksLikeText(b: Uint8Array): boolean {
  const n = Math.min(b.length, 64 * 1024);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i] as number;
    if (c === 0) return false;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x1a) control++;
  }
  return control <= n / 1000;
}

/** The file's type as its bytes say, when it is one the portals take; else null. */
export function detectType(bytes: Uint8Array, name: string): string | null {
  const ext = extensionOf(name);
  if (starts(bytes, ascii('%PDF-'))) return 'application/pdf';
  if (starts(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts(bytes, ascii('GIF87a')) || starts(bytes, ascii('GIF89a'))) return 'image/gif';
  if (starts(bytes, ascii('RIFF')) && starts(bytes, ascii('WEBP'), 8)) return 'image/webp';
  if (starts(bytes, ascii('ftyp'), 4)) {
    const brand = String.fromCharCode(...bytes.slice(8, 12));
    if (HEIF_BRANDS.includes(brand)) return brand === 'avif' ? 'image/avif' : 'image/heic';
    return null;
  }
  // ZIP (also the container of .docx/.xlsx/.pptx and OpenDocument): the name says which.
  if (starts(bytes, [0x50, 0x4b, 0x03, 0x04]) || starts(bytes, [0x50, 0x4b, 0x05, 0x06]))
    return OOXML[ext] ?? 'application/zip';
  // OLE2 compound file: Word, Excel and PowerPoint before 2007.
  if (starts(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return OLE[ext] ?? null;
  if (TEXT[ext] && looksLikeText(bytes)) return TEXT[ext];
  return null;
}

export function checkUpload(bytes: Uint8Array, name: string, rules: UploadRules): UploadCheck {
  if (bytes.byteLength === 0) return { ok: false, problem: 'upload.empty' };
  if (bytes.byteLength > rules.maxBytes) return { ok: false, problem: 'upload.too_large' };
  const mime = detectType(bytes, name);
  return mime ? { ok: true, mime } : { ok: false, problem: 'upload.type_not_allowed' };
}

/** A size check before downloading, when the platform says the size up front. */
export function tooLarge(declaredSize: number | undefined, rules: UploadRules): boolean {
  return declaredSize !== undefined && declaredSize > rules.maxBytes;
}

/** The bytes a person sent, checked against the rules and stored, or why they were refused. */
export async function acceptUpload(
  storage: FileStorage,
  rules: UploadRules,
  bytes: Uint8Array,
  name: string,
): Promise<{ attachment: ChatAttachment } | { rejected: RejectedFile }> {
  const check = checkUpload(bytes, name, rules);
  if (!check.ok) return { rejected: { name, problem: check.problem, limitBytes: rules.maxBytes } };
  const stored = await storage.put(bytes);
  return { attachment: { name, mime: check.mime, size: stored.size, storageKey: stored.key } };
}

/** The rules from the configuration: `MAX_UPLOAD_MB`. */
export const uploadRules = (config: { maxUploadBytes: number }): UploadRules => ({
  maxBytes: config.maxUploadBytes,
});
