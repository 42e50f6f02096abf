// What a file is, judged by its first bytes rather than its name or the type the browser claims: PDF, PNG, JPEG,
// WebP, GIF, Office Open XML workbooks (a ZIP whose entries name xl/), legacy Excel (OLE compound file), and CSV
// (UTF-8 text without control characters). Anything else is refused.
export interface FileKind {
  mediaType: string;
  extension: string;
}

export const EVIDENCE_KINDS: readonly FileKind[] = [
  { mediaType: 'application/pdf', extension: 'pdf' },
  { mediaType: 'image/png', extension: 'png' },
  { mediaType: 'image/jpeg', extension: 'jpg' },
  { mediaType: 'image/webp', extension: 'webp' },
  { mediaType: 'image/gif', extension: 'gif' },
  { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' },
  { mediaType: 'application/vnd.ms-excel', extension: 'xls' },
  { mediaType: 'text/csv', extension: 'csv' },
];

const kind = (ext: string): FileKind => EVIDENCE_KINDS.find((k) => k.extension === ext) as FileKind;

function startsWith(bytes: Uint8Array, sig: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + sig.length) return false;
  return sig.every((b, i) => bytes[offset + i] === b);
}

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** The kind of the file from its content, or null when it is none of the accepted kinds. */
export function detectFileKind(bytes: Uint8Array): FileKind | null {
  if (startsWith(bytes, ascii('%PDF-'))) return kind('pdf');
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return kind('png');
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return kind('jpg');
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return kind('webp');
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return kind('gif');
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return kind('xls');
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // A workbook is a ZIP whose local file headers name parts under xl/ (a .docx names word/, a plain zip neither).
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 1 << 20)));
    return head.includes('xl/') ? kind('xlsx') : null;
  }
  return isCsv(bytes) ? kind('csv') : null;
}

function isCsv(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, 64 * 1024));
  } catch {
    // A cut in the middle of a multi-byte letter at the 64 KiB boundary is not an error of the file.
    if (bytes.length <= 64 * 1024) return false;
    text = new TextDecoder('utf-8').decode(bytes.subarray(0, 64 * 1024 - 4));
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text)) return false;
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  return /[,;\t]/.test(firstLine);
}

/** A file name safe to show and to send back in Content-Disposition: NFC, no path, no control characters. */
export function cleanFileName(name: string, fallbackExtension: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (name.normalize('NFC').split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f"]/g, '').trim();
  return (base === '' ? `tep.${fallbackExtension}` : base).slice(0, 200);
}
