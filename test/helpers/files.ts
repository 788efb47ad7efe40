/**
 * Small files that pass the upload rules (src/files/uploads.ts checks the first bytes): each is a
 * real format's signature followed by `text`, so a test can still tell two files apart by content.
 */
const JPEG_HEAD = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);
const PNG_HEAD = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export const jpeg = (text = 'photo'): Buffer => Buffer.concat([JPEG_HEAD, Buffer.from(text)]);
export const png = (text = 'image'): Buffer => Buffer.concat([PNG_HEAD, Buffer.from(text)]);
export const pdf = (text = 'document'): Buffer => Buffer.from(`%PDF-1.7\n${text}\n%%EOF\n`);
/** A ZIP's local header: what .xlsx, .docx and .zip files start with. */
export const zip = (text = 'archive'): Buffer =>
  Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(text)]);
