// The text of a resolution as a planning office has it: plain text, a Word .docx, or a PDF with a text layer. The kind
// is read from the content (the first bytes), never trusted from the file name; the text comes back in NFC.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import mammoth from 'mammoth';
import { ValidationError } from '../core/errors.ts';
import { checkZipBudget } from './zip-budget.ts';

export type DocumentKind = 'pdf' | 'docx' | 'doc' | 'text';

const startsWith = (bytes: Uint8Array, sig: readonly number[]): boolean => sig.every((b, i) => bytes[i] === b);

/** PDF "%PDF-", Office Open XML is a zip ("PK\3\4"), Word 97–2003 an OLE compound file; anything else must be UTF-8. */
export function documentKind(bytes: Uint8Array): DocumentKind {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'docx';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'doc';
  return 'text';
}

const unreadable = (name: string, vi: string, en: string, code: string): ValidationError =>
  new ValidationError(
    { vi: `Không đọc được tệp "${name}": ${vi}`, en: `Cannot read the file "${name}": ${en}` },
    [{ path: name, reason: { vi, en } }],
    code,
  );

const PDF_SECONDS = 60;
/** What a .docx may inflate to: a resolution of a thousand pages is a few megabytes of XML (zip-budget.ts). */
const DOCX_INFLATED_MAX = 100 * 1024 * 1024;

async function pdfText(name: string, bytes: Uint8Array): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'chitieu-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    await writeFile(file, bytes);
    const { stdout } = await promisify(execFile)('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], {
      maxBuffer: 64 * 1024 * 1024,
      // A PDF built to make its reader spin is stopped, not waited for.
      timeout: PDF_SECONDS * 1000,
    });
    return stdout;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw unreadable(
        name,
        'máy chưa cài pdftotext (gói poppler-utils); hãy chuyển sang .txt hoặc .docx',
        'pdftotext (package poppler-utils) is not installed; convert it to .txt or .docx',
        'pdf_reader_missing',
      );
    }
    if ((e as { killed?: boolean }).killed)
      throw unreadable(
        name,
        `đọc PDF quá ${PDF_SECONDS} giây`,
        `reading the PDF took more than ${PDF_SECONDS} seconds`,
        'bad_pdf',
      );
    throw unreadable(name, 'PDF hỏng hoặc không có lớp chữ', 'a damaged PDF or one without a text layer', 'bad_pdf');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The document's text (NFC). `name` is for messages only. */
export async function documentText(name: string, bytes: Uint8Array): Promise<string> {
  const kind = documentKind(bytes);
  let text: string;
  if (kind === 'pdf') text = await pdfText(name, bytes);
  else if (kind === 'docx') {
    await checkZipBudget(bytes, '.docx', DOCX_INFLATED_MAX, 'bad_docx');
    try {
      text = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
    } catch {
      throw unreadable(name, 'không phải tệp .docx hợp lệ', 'not a valid .docx file', 'bad_docx');
    }
  } else if (kind === 'doc') {
    throw unreadable(
      name,
      'tệp .doc (Word 97–2003) chưa đọc được, hãy lưu thành .docx',
      '.doc (Word 97–2003) files cannot be read, save it as .docx',
      'unsupported_document',
    );
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw unreadable(
        name,
        'không phải văn bản UTF-8, .docx hay PDF',
        'neither UTF-8 text, .docx nor PDF',
        'unsupported_document',
      );
    }
  }
  return text.replace(/^\uFEFF/, '').normalize('NFC');
}
