// Reads figures files into rows for the import service: the agency's Excel template (found by its hidden key column)
// or a long table — as CSV or as a sheet — with a header row naming the fields in English or Vietnamese
// (indicator, unit, period, value, stage, source, published_on, note). The workbook is read with ExcelJS's streaming
// reader, row by row, so a large file is never held whole in memory.
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ValidationError } from '../core/errors.ts';
import { cellText, type RawCell } from '../core/interchange/cells.ts';
import { readKey } from '../core/interchange/template-key.ts';
import { checkZipBudget } from './zip-budget.ts';
import type { FigureField, FigureFileRow } from '../services/interchange/import-figures.ts';

type HeaderField = FigureField | 'key' | 'plan';

const ALIASES: Record<HeaderField, string[]> = {
  indicator: ['indicator', 'indicator_code', 'indicator code', 'mã chỉ tiêu'],
  unit: ['unit', 'unit_code', 'unit code', 'mã đơn vị hành chính', 'mã đơn vị'],
  period: ['period', 'mã kỳ', 'kỳ'],
  value: ['value', 'số liệu (*)', 'số liệu', 'giá trị'],
  stage: ['stage', 'giai đoạn'],
  source: ['source', 'nguồn số liệu', 'nguồn'],
  publishedOn: ['published_on', 'publication_date', 'publication date', 'publishedon', 'ngày công bố'],
  note: ['note', 'ghi chú'],
  key: ['khóa (không sửa)', 'key'],
  plan: ['plan', 'plan_code', 'nghị quyết'],
};
const BY_ALIAS = new Map<string, HeaderField>(
  Object.entries(ALIASES).flatMap(([field, names]) => names.map((n) => [n, field as HeaderField])),
);

/** The fields a header row names, by column index; null when the row is not a header. */
function headerOf(cells: readonly RawCell[]): Map<number, HeaderField> | null {
  const map = new Map<number, HeaderField>();
  cells.forEach((c, i) => {
    const f = BY_ALIAS.get(cellText(c).toLowerCase());
    if (f && ![...map.values()].includes(f)) map.set(i, f);
  });
  const fields = new Set(map.values());
  return fields.has('key') || (fields.has('indicator') && fields.has('period') && fields.has('value')) ? map : null;
}

function columnLetter(index: number): string {
  let n = index;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function rowFrom(
  sheet: string,
  rowNumber: number,
  cells: readonly RawCell[],
  header: Map<number, HeaderField>,
  planCode: string | null,
  label: (i: number) => string,
): FigureFileRow | 'skip' | 'no_plan' {
  const out: FigureFileRow = { sheet, row: rowNumber, columns: {}, cells: {}, planCode: planCode ?? '' };
  let key: string | null = null;
  let any = false;
  for (const [i, field] of header) {
    const raw = cells[i];
    if (cellText(raw) !== '') any = true;
    if (field === 'key') key = cellText(raw);
    else if (field === 'plan') {
      if (cellText(raw)) out.planCode = cellText(raw);
    } else {
      out.cells[field] = raw;
      out.columns[field] = label(i);
    }
  }
  if (!any) return 'skip';
  if (key !== null) {
    // A template row: the key says what it is about; an empty figure is a period the clerk did not fill.
    if (cellText(out.cells.value) === '') return 'skip';
    const k = readKey(key);
    if (k) {
      out.planCode = k.planCode;
      out.cells.indicator = k.indicatorCode;
      out.cells.unit = k.unitCode;
      out.cells.period = k.period;
    }
  }
  return out.planCode === '' ? 'no_plan' : out;
}

function noPlan(): never {
  throw new ValidationError(
    {
      vi: 'Tệp không có cột nghị quyết (plan) và không nêu --plan: không biết số liệu thuộc nghị quyết nào',
      en: 'The file has no plan column and no --plan was given: the plan of the figures is unknown',
    },
    [{ path: 'plan', reason: { vi: 'cần mã nghị quyết', en: 'a plan code is needed' } }],
  );
}

/**
 * What an uploaded workbook may inflate to: 25 times the 20 MB upload limit, well above a real template's 5 to 10 (the
 * sheets are streamed, but the shared strings are held in memory).
 */
const XLSX_INFLATED_MAX = 512 * 1024 * 1024;

/** The rows of an .xlsx file, streamed. */
export async function* readFigureWorkbook(
  file: string | Buffer,
  planCode: string | null = null,
): AsyncGenerator<FigureFileRow> {
  // An uploaded workbook is weighed before ExcelJS inflates it (a file on the command line is the operator's own).
  if (typeof file !== 'string') await checkZipBudget(file, '.xlsx', XLSX_INFLATED_MAX);
  const input = typeof file === 'string' ? createReadStream(file) : Readable.from([file]);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    // Styles tell a date cell from a number.
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  let sheetIndex = 0;
  try {
    for await (const ws of reader) {
      sheetIndex += 1;
      const sheet = (ws as unknown as { name?: string }).name ?? `Sheet${sheetIndex}`;
      let header: Map<number, HeaderField> | null = null;
      for await (const row of ws as AsyncIterable<ExcelJS.Row>) {
        const values = (row.values as RawCell[] | undefined) ?? [];
        if (!header) {
          header = headerOf(values);
          continue;
        }
        const r = rowFrom(sheet, row.number, values, header, planCode, columnLetter);
        if (r === 'no_plan') noPlan();
        if (r !== 'skip') yield r;
      }
    }
  } catch (e) {
    if (e instanceof ValidationError) throw e;
    throw new ValidationError(
      {
        vi: `Không đọc được tệp Excel (.xlsx): ${e instanceof Error ? e.message : String(e)}`,
        en: `The Excel file (.xlsx) cannot be read: ${e instanceof Error ? e.message : String(e)}`,
      },
      [{ path: 'file', reason: { vi: 'không phải tệp .xlsx hợp lệ', en: 'not a valid .xlsx file' } }],
      'unreadable_file',
    );
  }
}

function unreadableCsv(line: number, vi: string, en: string): ValidationError {
  return new ValidationError(
    {
      vi: `Không đọc được tệp CSV ở dòng ${line}: ${vi}; chưa ghi gì`,
      en: `The CSV file cannot be read at line ${line}: ${en}; nothing was written`,
    },
    [{ path: `line ${line}`, reason: { vi, en } }],
    'unreadable_file',
  );
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A CSV file's bytes as text. Only UTF-8 (with or without its byte-order mark) is read: bytes in another code page
 * (Windows-1258, TCVN3, Latin-1) would otherwise become U+FFFD and be stored in place of the letters, and UTF-16 (Excel's
 * "Unicode text") would put a NUL between every letter. Either is refused naming the first line where it shows.
 */
export function decodeCsv(bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw unreadableCsv(
      1,
      'tệp là UTF-16 ("Unicode text"); hãy lưu lại bằng "CSV UTF-8"',
      'the file is UTF-16 ("Unicode text"); save it again as "CSV UTF-8"',
    );
  let text: string | null = null;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    // Found below, line by line.
  }
  if (text !== null && !text.includes('\u0000')) return text;
  // Where it shows: the first line whose bytes are not UTF-8 or hold a NUL.
  for (let line = 1, start = 0; start <= bytes.length; line++) {
    const end = bytes.indexOf(0x0a, start) === -1 ? bytes.length : bytes.indexOf(0x0a, start);
    const chunk = bytes.subarray(start, end);
    try {
      strictUtf8.decode(chunk);
    } catch {
      throw unreadableCsv(
        line,
        'có byte không phải UTF-8 (bảng mã Windows-1258 hay TCVN3?); hãy lưu lại bằng "CSV UTF-8"',
        'bytes that are not UTF-8 (Windows-1258 or TCVN3?); save it again as "CSV UTF-8"',
      );
    }
    if (chunk.includes(0))
      throw unreadableCsv(
        line,
        'có ký tự NUL (tệp nhị phân hay UTF-16?)',
        'a NUL character (a binary or UTF-16 file?)',
      );
    start = end + 1;
  }
  return text ?? '';
}

/** Splits CSV text (RFC 4180: quoted fields, doubled quotes, CRLF) with the delimiter of its header line. */
export function* csvRecords(text: string): Generator<{ line: number; fields: string[] }> {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const delimiter = [';', '\t', ','].reduce((best, d) =>
    firstLine.split(d).length > firstLine.split(best).length ? d : best,
  );
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (body[i + 1] === '"') {
          field += '"';
          i += 1;
        } else quoted = false;
      } else {
        if (ch === '\n') line += 1;
        field += ch;
      }
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i += 1;
      fields.push(field);
      yield { line: startLine, fields };
      fields = [];
      field = '';
      line += 1;
      startLine = line;
    } else field += ch;
  }
  // A quote never closed would take every line after it into one field, and those rows would vanish unseen.
  if (quoted)
    throw unreadableCsv(
      startLine,
      'dấu ngoặc kép (") mở ở dòng này không được đóng',
      'a double quote (") opened on this line is never closed',
    );
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    yield { line: startLine, fields };
  }
}

/** The rows of a long-format CSV (its bytes, read as decodeCsv says, or text already decoded). */
export function* readFigureCsv(
  file: string | Uint8Array,
  planCode: string | null = null,
  sheet = 'CSV',
): Generator<FigureFileRow> {
  const text = typeof file === 'string' ? file : decodeCsv(file);
  let header: Map<number, HeaderField> | null = null;
  let names: string[] = [];
  for (const { line, fields } of csvRecords(text)) {
    if (!header) {
      header = headerOf(fields);
      names = fields.map((f) => f.trim());
      if (!header)
        throw new ValidationError(
          {
            vi: 'Dòng đầu của tệp CSV phải là tiêu đề: indicator, unit, period, value, stage, source, published_on, note',
            en: 'The first line of the CSV must be its header: indicator, unit, period, value, stage, source, published_on, note',
          },
          [{ path: 'line 1', reason: { vi: 'thiếu tiêu đề', en: 'header missing' } }],
        );
      continue;
    }
    const r = rowFrom(sheet, line, fields, header, planCode, (i) => names[i] ?? String(i + 1));
    if (r === 'no_plan') noPlan();
    if (r !== 'skip') yield r;
  }
}
