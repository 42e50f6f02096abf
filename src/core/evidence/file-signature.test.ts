import { describe, expect, it } from 'vitest';
import { cleanFileName, detectFileKind } from './file-signature.ts';

const bytes = (s: string | number[]) => (typeof s === 'string' ? new TextEncoder().encode(s) : new Uint8Array(s));

describe('detectFileKind judges a file by its content', () => {
  it('recognises PDF, PNG, JPEG, GIF, WebP, XLS, XLSX and CSV', () => {
    expect(detectFileKind(bytes('%PDF-1.7\n…'))?.extension).toBe('pdf');
    expect(detectFileKind(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))?.mediaType).toBe('image/png');
    expect(detectFileKind(bytes([0xff, 0xd8, 0xff, 0xe0]))?.extension).toBe('jpg');
    expect(detectFileKind(bytes('GIF89a....'))?.extension).toBe('gif');
    expect(detectFileKind(bytes('RIFF\0\0\0\0WEBPVP8 '))?.extension).toBe('webp');
    expect(detectFileKind(bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))?.extension).toBe('xls');
    expect(detectFileKind(bytes('PK\u0003\u0004....[Content_Types].xml....xl/workbook.xml'))?.extension).toBe('xlsx');
    expect(detectFileKind(bytes('Chỉ tiêu;Giá trị\nGRDP;8,5\n'))?.extension).toBe('csv');
  });
  it('refuses a renamed executable, a Word file, a plain ZIP, binary and empty files', () => {
    expect(detectFileKind(bytes('MZ\u0090\u0000\u0003'))).toBeNull();
    expect(detectFileKind(bytes([0x7f, 0x45, 0x4c, 0x46, 2, 1]))).toBeNull();
    expect(detectFileKind(bytes('PK\u0003\u0004....word/document.xml'))).toBeNull();
    expect(detectFileKind(bytes('<html><script>alert(1)</script>'))).toBeNull();
    expect(detectFileKind(bytes([0xc3, 0x28, 0x2c]))).toBeNull();
    expect(detectFileKind(new Uint8Array())).toBeNull();
  });
  it('cleans a file name of its path and control characters, in NFC', () => {
    expect(cleanFileName('C:\\x\\..\\Bien-ba\u0309n.pdf', 'pdf')).toBe('Bien-bản.pdf');
    expect(cleanFileName('../../etc/"pass"\u0000', 'pdf')).toBe('pass');
    expect(cleanFileName('', 'png')).toBe('tep.png');
  });
});
