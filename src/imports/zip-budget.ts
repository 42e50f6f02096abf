// An .xlsx or a .docx is a zip: a few megabytes can inflate to gigabytes (a "zip bomb"), and the readers behind it
// (ExcelJS's shared strings, mammoth's whole document) hold what they inflate in memory, enough to end the server
// for everyone. Before a reader sees an uploaded file, each entry is inflated here once, counted and thrown away, and
// the file is refused as soon as the total passes its budget: memory stays one chunk, time stays bounded.
import { createInflateRaw } from 'node:zlib';
import { ValidationError } from '../core/errors.ts';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function refuse(name: string, vi: string, en: string, code: string): ValidationError {
  return new ValidationError(
    {
      vi: `Không đọc được tệp ${name}: ${vi}; chưa ghi gì`,
      en: `The ${name} file cannot be read: ${en}; nothing was written`,
    },
    [{ path: 'file', reason: { vi, en } }],
    code,
  );
}

/** Bytes one deflated entry inflates to, stopping once past `cap` (then any number above it). */
function inflatedSize(data: Uint8Array, cap: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const z = createInflateRaw();
    let n = 0;
    z.on('data', (chunk: Buffer) => {
      n += chunk.length;
      if (n > cap) {
        z.destroy();
        resolve(n);
      }
    });
    z.on('end', () => resolve(n));
    z.on('error', reject);
    z.end(data);
  });
}

/**
 * Refuses a zip whose entries inflate, together, to more than `maxBytes`, or that is not a zip its readers could
 * open (no central directory, an entry compressed other than stored or deflated, a local header out of place).
 * `name` says what the file was meant to be (".xlsx", ".docx") in the message.
 */
export async function checkZipBudget(
  bytes: Uint8Array,
  name: string,
  maxBytes: number,
  unreadableCode = 'unreadable_file',
): Promise<void> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const notZip = () => refuse(name, 'không phải tệp zip hợp lệ', 'not a valid zip file', unreadableCode);
  // The end-of-central-directory record is in the last 64 kB + 22 bytes (its comment at most 65,535 bytes).
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--)
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw notZip();
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  let total = 0;
  for (let e = 0; e < entries; e++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) throw notZip();
    const method = view.getUint16(at + 10, true);
    const compressed = view.getUint32(at + 20, true);
    const declared = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL) throw notZip();
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    // A size of 0xFFFFFFFF is zip64's "see the extra field": read to the end of the file instead (inflating stops at
    // the end of the entry's stream).
    const data = bytes.subarray(start, compressed === 0xffffffff ? bytes.length : start + compressed);
    if (method === 0) total += declared === 0xffffffff ? data.length : declared;
    else if (method === 8) {
      try {
        total += await inflatedSize(data, maxBytes - total);
      } catch {
        throw notZip();
      }
    } else
      throw refuse(
        name,
        `nén theo cách không hỗ trợ (${method})`,
        `compressed in an unsupported way (${method})`,
        unreadableCode,
      );
    if (total > maxBytes)
      throw refuse(
        name,
        `giải nén ra hơn ${Math.round(maxBytes / 1024 / 1024)} MB (tệp nén bất thường)`,
        `it inflates to more than ${Math.round(maxBytes / 1024 / 1024)} MB (an abnormal archive)`,
        'file_too_large',
      );
  }
}
