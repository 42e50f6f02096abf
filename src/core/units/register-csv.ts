// A commune register as the plan owner imports it: one CSV row per unit (code, name, kind xã / phường / đặc khu,
// parent, validity) and, on the same row, the lineage event that made or ended it (merged into, split from,
// renamed). Pure: text in, records and lineage out, or every problem named by row and column.
import { ValidationError, type FieldIssue } from '../errors.ts';
import { addDays, type IsoDate } from '../format/date.ts';
import { isOneOf, LINEAGE_EVENTS, type CommuneLevel } from '../vocabulary.ts';
import type { LineageEvent } from './registry.ts';

export interface RegisterRow {
  /** 1-based line of the CSV file (the header is line 1). */
  line: number;
  code: string;
  name: string;
  level: CommuneLevel;
  parent: string | null;
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
}

export interface ParsedRegister {
  rows: RegisterRow[];
  lineage: Array<LineageEvent & { line: number }>;
}

const KINDS: Record<string, CommuneLevel> = {
  xã: 'commune',
  commune: 'commune',
  phường: 'ward',
  ward: 'ward',
  'đặc khu': 'special_zone',
  special_zone: 'special_zone',
};

export const REGISTER_COLUMNS = [
  'code',
  'name',
  'kind',
  'parent',
  'valid_from',
  'valid_to',
  'event',
  'related',
] as const;

/** RFC 4180 fields: quotes, doubled quotes, commas and newlines inside quotes; CRLF or LF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i += 1) {
    const ch = src[i] as string;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0]?.trim() === ''));
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const realDate = (s: string): boolean => DATE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

/** Parses the register, or throws one ValidationError listing every problem as "dòng N / cột". */
export function parseRegisterCsv(text: string): ParsedRegister {
  const table = parseCsv(text.normalize('NFC'));
  const issues: FieldIssue[] = [];
  const at = (line: number, column: string, vi: string, en: string): void => {
    issues.push({
      path: `dòng ${line} / ${column}`,
      reason: { vi: `dòng ${line}, cột ${column}: ${vi}`, en: `line ${line}, column ${column}: ${en}` },
    });
  };
  const header = (table[0] ?? []).map((h) => h.trim().toLowerCase());
  const missingColumns = REGISTER_COLUMNS.filter((c) => !header.includes(c));
  if (missingColumns.length > 0) {
    throw new ValidationError(
      {
        vi: `Tệp danh mục thiếu cột: ${missingColumns.join(', ')} (cần ${REGISTER_COLUMNS.join(', ')})`,
        en: `The register file lacks columns: ${missingColumns.join(', ')} (needs ${REGISTER_COLUMNS.join(', ')})`,
      },
      missingColumns.map((c) => ({ path: `dòng 1 / ${c}`, reason: { vi: 'thiếu cột', en: 'missing column' } })),
      'invalid_unit_register',
    );
  }
  const col = (r: string[], name: (typeof REGISTER_COLUMNS)[number]): string => (r[header.indexOf(name)] ?? '').trim();
  const rows: RegisterRow[] = [];
  const lineage: ParsedRegister['lineage'] = [];
  table.slice(1).forEach((r, index) => {
    const line = index + 2;
    if (r.length !== header.length)
      at(
        line,
        '*',
        `có ${r.length} cột, tiêu đề có ${header.length}`,
        `has ${r.length} fields, the header ${header.length}`,
      );
    const code = col(r, 'code');
    if (!/^\d{5}$/.test(code))
      at(line, 'code', `mã "${code}" phải có đúng 5 chữ số`, `code "${code}" must be 5 digits`);
    const name = col(r, 'name');
    if (name === '' || name.length > 200) at(line, 'name', 'tên trống hoặc quá dài', 'the name is empty or too long');
    const kindText = col(r, 'kind').toLowerCase();
    const level = KINDS[kindText];
    if (level === undefined)
      at(
        line,
        'kind',
        `loại "${kindText}" phải là xã, phường hoặc đặc khu`,
        `kind "${kindText}" must be xã, phường or đặc khu`,
      );
    const parent = col(r, 'parent');
    if (parent !== '' && !/^\d{2}$/.test(parent))
      at(line, 'parent', `mã tỉnh "${parent}" phải có 2 chữ số`, `province code "${parent}" must be 2 digits`);
    const from = col(r, 'valid_from');
    const to = col(r, 'valid_to');
    if (from !== '' && !realDate(from))
      at(line, 'valid_from', `ngày "${from}" không hợp lệ (YYYY-MM-DD)`, `date "${from}" is invalid (YYYY-MM-DD)`);
    if (to !== '' && !realDate(to))
      at(line, 'valid_to', `ngày "${to}" không hợp lệ (YYYY-MM-DD)`, `date "${to}" is invalid (YYYY-MM-DD)`);
    if (from !== '' && to !== '' && realDate(from) && realDate(to) && to < from)
      at(line, 'valid_to', 'kết thúc trước khi bắt đầu', 'ends before it begins');
    const event = col(r, 'event');
    const related = col(r, 'related');
    if (event !== '') {
      if (!isOneOf(LINEAGE_EVENTS, event))
        at(
          line,
          'event',
          `sự kiện "${event}" phải là merged_into, split_from hoặc renamed`,
          `event "${event}" must be merged_into, split_from or renamed`,
        );
      else if (event === 'merged_into') {
        if (!/^\d{5}$/.test(related))
          at(line, 'related', 'cần mã đơn vị nhận sáp nhập', 'the code of the unit merged into is needed');
        else if (!realDate(to))
          at(line, 'valid_to', 'đơn vị sáp nhập phải có ngày kết thúc', 'a merged unit needs its last day');
        else lineage.push({ event, from: code, to: related, date: addDays(to, 1), line });
      } else if (event === 'split_from') {
        if (!/^\d{5}$/.test(related))
          at(line, 'related', 'cần mã đơn vị bị tách', 'the code of the unit split from is needed');
        else if (!realDate(from))
          at(line, 'valid_from', 'đơn vị tách ra phải có ngày bắt đầu', 'a split-off unit needs its first day');
        else lineage.push({ event, from: related, to: code, date: from, line });
      } else {
        if (!realDate(from))
          at(
            line,
            'valid_from',
            'đổi tên cần ngày có hiệu lực của tên mới',
            'a rename needs the first day of the new name',
          );
        else lineage.push({ event: 'renamed', from: code, to: code, date: from, line });
      }
    } else if (related !== '')
      at(line, 'related', 'có mã liên quan nhưng không có sự kiện', 'a related code without an event');
    if (level !== undefined)
      rows.push({
        line,
        code,
        name,
        level,
        parent: parent === '' ? null : parent,
        validFrom: from === '' ? null : from,
        validTo: to === '' ? null : to,
      });
  });
  if (table.length < 2) at(2, '*', 'tệp không có dòng đơn vị nào', 'the file has no unit row');
  const seen = new Map<string, number>();
  for (const r of rows) {
    const key = `${r.code}|${r.validFrom ?? ''}`;
    const first = seen.get(key);
    if (first !== undefined)
      at(
        r.line,
        'code',
        `mã ${r.code} đã có ở dòng ${first} với cùng ngày bắt đầu`,
        `code ${r.code} is already on line ${first} with the same first day`,
      );
    else seen.set(key, r.line);
  }
  if (issues.length > 0)
    throw new ValidationError(
      {
        vi: `Tệp danh mục đơn vị có ${issues.length} lỗi; chưa ghi gì`,
        en: `The unit register file has ${issues.length} problem(s); nothing was written`,
      },
      issues,
      'invalid_unit_register',
    );
  return { rows, lineage };
}
