/**
 * The upload rules (src/files/uploads.ts): a size limit and an allow-list read from the content's
 * first bytes, so a renamed executable is refused whatever its name says.
 */
import { describe, expect, it } from 'vitest';
import { checkUpload, detectType } from '../src/files/uploads.ts';

const rules = { maxBytes: 25 * 1024 * 1024 };
const b = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('upload rules', () => {
  it('takes the kinds the portals use, by their bytes', () => {
    expect(detectType(b('%PDF-1.7\n...'), 'license.pdf')).toBe('application/pdf');
    expect(detectType(b([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'rest'), 'a.png')).toBe(
      'image/png',
    );
    expect(detectType(b([0xff, 0xd8, 0xff, 0xe0], 'JFIF'), 'photo')).toBe('image/jpeg');
    expect(detectType(b('GIF89a...'), 'x.gif')).toBe('image/gif');
    expect(detectType(b('RIFF', [0, 0, 0, 0], 'WEBPVP8 '), 'x.webp')).toBe('image/webp');
    expect(detectType(b([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0]), 'IMG_0001.HEIC')).toBe('image/heic');
    const zip = b('PK', [3, 4], 'rest of a zip');
    expect(detectType(zip, 'meishi_list.xlsx')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(detectType(zip, '報告書.docx')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(detectType(zip, 'meishi_images.zip')).toBe('application/zip');
    expect(detectType(b([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], '...'), '旧.xls')).toBe(
      'application/vnd.ms-excel',
    );
    // CSV in UTF-8 and in Shift_JIS (Excel's default in Japan).
    expect(detectType(Buffer.from('氏名,金額\n山田,1200\n'), 'list.csv')).toBe('text/csv');
    expect(
      detectType(b([0x8e, 0x81, 0x96, 0xbc, 0x2c, 0x8b, 0xe0, 0x8a, 0x7a, 0x0d, 0x0a]), 'sjis.csv'),
    ).toBe('text/csv');
    expect(detectType(Buffer.from('memo'), 'memo.txt')).toBe('text/plain');
  });

  it('refuses executables and unknown content, whatever the name says', () => {
    const exe = b('MZ', [0x90, 0, 3, 0, 0, 0, 4, 0], 'This program cannot be run in DOS mode');
    for (const name of ['setup.exe', 'license.pdf', 'photo.jpg', 'list.csv', 'noname']) {
      expect(checkUpload(exe, name, rules)).toEqual({ ok: false, problem: 'upload.type_not_allowed' });
    }
    expect(detectType(b([0x7f], 'ELF', [2, 1, 1]), 'tool')).toBeNull();
    expect(detectType(b('<html><script>alert(1)</script>'), 'page.html')).toBeNull();
    // An OLE file that is not Word/Excel/PowerPoint by name (e.g. an .msi installer).
    expect(detectType(b([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'setup.msi')).toBeNull();
    // Binary content under a text name.
    expect(detectType(b([0, 1, 2, 3, 0, 0]), 'data.csv')).toBeNull();
  });

  it('refuses a file over the limit and an empty one', () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2 * 1024 * 1024)]);
    expect(checkUpload(pdf, 'big.pdf', { maxBytes: 1024 * 1024 })).toEqual({
      ok: false,
      problem: 'upload.too_large',
    });
    expect(checkUpload(pdf, 'ok.pdf', rules)).toEqual({ ok: true, mime: 'application/pdf' });
    expect(checkUpload(Buffer.alloc(0), 'empty.pdf', rules)).toEqual({ ok: false, problem: 'upload.empty' });
  });
});
