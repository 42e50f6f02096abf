// Reading the cells of a figures file (Excel template or long CSV) into typed fields. Pure, no I/O. Every reader
// returns a value or a CellProblem in both languages; none throws on any input (property-tested).
import type { Messages } from '../errors.ts';
import { isPeriodCode } from '../periods/period.ts';
import { OBSERVATION_STATUSES, type ObservationStatus } from '../vocabulary.ts';

export type CellResult<T> = { ok: true; value: T } | { ok: false; reason: Messages };

const fail = <T>(vi: string, en: string): CellResult<T> => ({ ok: false, reason: { vi, en } });

/** A cell as a reader hands it over: text, a number the spreadsheet stored, a date, empty, or anything else. */
export type RawCell = string | number | boolean | Date | null | undefined | { [k: string]: unknown };

/** The text of a cell: formula results and rich text read as their text; an empty cell as "". */
export function cellText(raw: RawCell): string {
  if (raw === null || raw === undefined) return '';
  if (typeof raw === 'string') return raw.normalize('NFC').trim();
  if (typeof raw === 'number') return Number.isFinite(raw) ? numberText(raw) : '';
  if (typeof raw === 'boolean') return raw ? 'TRUE' : 'FALSE';
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? '' : raw.toISOString().slice(0, 10);
  if ('result' in raw) return cellText(raw.result as RawCell);
  if ('richText' in raw && Array.isArray(raw.richText))
    return raw.richText
      .map((p: unknown) => (typeof p === 'object' && p && 'text' in p ? String(p.text) : ''))
      .join('')
      .normalize('NFC')
      .trim();
  if ('text' in raw) return cellText(raw.text as RawCell);
  return '';
}

/** A number a spreadsheet stored, as a canonical decimal ("1234.5"): no exponent, no binary noise (0.1+0.2). */
export function numberText(n: number): string {
  if (Number.isInteger(n)) return BigInt(n).toString();
  // 15 significant digits is what a spreadsheet keeps; trailing zeros dropped.
  const t = n.toPrecision(15);
  if (/e/i.test(t)) {
    const fixed = n.toFixed(20).replace(/\.?0+$/, '');
    return fixed === '-0' ? '0' : fixed;
  }
  return t.includes('.') ? t.replace(/\.?0+$/, '') : t;
}

// A number as people write it. Thousands are grouped by "." (vi-VN), "," (en) or a space; the decimal mark is the
// other one. One separator followed by exactly three digits after 1–3 leading digits ("1.234", "1,234") can be
// either: it is refused, not guessed.
const GROUPED_DOT = /^[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?$/; // 1.234.567,5 / 1.234,5
const GROUPED_COMMA = /^[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?$/; // 1,234,567.5 / 1,234.5
const GROUPED_SPACE = /^[1-9]\d{0,2}(?: \d{3})+(?:[.,]\d+)?$/; // 1 234 567,5
const PLAIN = /^\d+(?:[.,]\d+)?$/; // 1234.5 / 1234,5 / 14,5
const AMBIGUOUS = /^[1-9]\d{0,2}[.,]\d{3}$/; // 1.234 / 1,234

/** Reads one number written by a person into its canonical decimal, or says why not. */
export function parseNumberText(written: string): CellResult<string> {
  if (typeof written !== 'string') return fail('không phải số', 'not a number');
  const t = written
    .normalize('NFC')
    .trim()
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\u2212/g, '-');
  if (t.length === 0) return fail('ô trống', 'empty cell');
  if (t.length > 40) return fail('quá dài để là một số', 'too long to be a number');
  const negative = t.startsWith('-');
  const body = negative ? t.slice(1).trim() : t;
  const sign = negative ? '-' : '';
  if (AMBIGUOUS.test(body)) {
    const [a, b] = body.split(/[.,]/) as [string, string];
    return fail(
      `"${t}" không rõ nghĩa: có thể là ${a}${b} (dấu phân cách hàng nghìn) hoặc ${a},${b} (dấu thập phân); ghi ${a}${b} hoặc ${a},${b}0 cho rõ`,
      `"${t}" is ambiguous: it may be ${a}${b} (thousands separator) or ${a}.${b} (decimal mark); write ${a}${b} or ${a}.${b}0 to be clear`,
    );
  }
  let canonical: string | null = null;
  if (GROUPED_DOT.test(body)) canonical = body.replace(/\./g, '').replace(',', '.');
  else if (GROUPED_COMMA.test(body)) canonical = body.replace(/,/g, '');
  else if (GROUPED_SPACE.test(body)) canonical = body.replace(/ /g, '').replace(',', '.');
  else if (PLAIN.test(body)) canonical = body.replace(',', '.');
  if (canonical === null)
    return fail(
      `"${t}" không phải số hợp lệ (ví dụ 1.234,5 hoặc 1234.5)`,
      `"${t}" is not a valid number (e.g. 1.234,5 or 1234.5)`,
    );
  // Leading zeros of the integer part are noise ("007" → "7"); "-0" is 0.
  const [int = '0', frac] = canonical.split('.');
  const i = int.replace(/^0+(?=\d)/, '');
  const out = frac === undefined ? i : `${i}.${frac}`;
  return { ok: true, value: /^0(\.0+)?$/.test(out) ? out : `${sign}${out}` };
}

const RANGE = /^(.+?)\s*[–—]\s*(.+)$|^(\d[\d.,]*)\s*-\s*(\d[\d.,]*)$/;
const BOUND = /^(<=|>=|≤|≥|<|>)\s*(.+)$/;
const COUNT_OF = /^(\d+)\s*\/\s*(\d+)(?:\s+\p{L}[\p{L}\s]*)?$/u;

/**
 * A figure cell: a number the spreadsheet stored, or text — a number, a range ("8,3–8,5"), a bound ("< 3,5") or a
 * count of a total ("102/275"). Returns the figure text in canonical numbers, which the figure checks read.
 */
export function parseFigureCell(raw: RawCell): CellResult<string> {
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return fail('không phải số hữu hạn', 'not a finite number');
    const t = numberText(raw);
    return t.length > 40
      ? fail('số quá lớn hoặc quá nhiều chữ số', 'number too large or too long')
      : { ok: true, value: t };
  }
  const text = cellText(raw);
  if (text.length === 0) return fail('ô trống', 'empty cell');
  if (text.length > 64) return fail('quá dài (tối đa 64 ký tự)', 'too long (64 characters at most)');
  const count = COUNT_OF.exec(text);
  if (count) return { ok: true, value: `${count[1]}/${count[2]}` };
  const bound = BOUND.exec(text);
  if (bound?.[1] && bound[2]) {
    const n = parseNumberText(bound[2]);
    return n.ok ? { ok: true, value: `${bound[1]} ${n.value}` } : n;
  }
  const range = RANGE.exec(text);
  if (range) {
    const a = parseNumberText(range[1] ?? range[3] ?? '');
    if (!a.ok) return a;
    const b = parseNumberText(range[2] ?? range[4] ?? '');
    if (!b.ok) return b;
    return { ok: true, value: `${a.value}–${b.value}` };
  }
  return parseNumberText(text);
}

const MONTH_VI = /^tháng\s+(\d{1,2})\s*[/.-]\s*(\d{4})$/iu;
const QUARTER_VI = /^quý\s+(i{1,3}|iv|[1-4])\s*[/.-]\s*(\d{4})$/iu;
const HALF_VI = /^6 tháng (đầu năm|cuối năm)\s+(\d{4})$/iu;
const NINE_VI = /^9 tháng( đầu năm)?\s+(\d{4})$/iu;
const YEAR_VI = /^năm\s+(\d{4})$/iu;
const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

/** A period as a code ("2026-M03") or as Vietnamese writes it ("Tháng 3/2026", "Quý I/2026", "6 tháng đầu năm 2026"). */
export function parsePeriodCell(raw: RawCell): CellResult<string> {
  const text = typeof raw === 'number' && Number.isInteger(raw) ? String(raw) : cellText(raw);
  if (text.length === 0) return fail('ô trống', 'empty cell');
  if (text.length > 40) return fail('quá dài để là một kỳ', 'too long to be a period');
  let code: string | null = null;
  const lower = text.toLowerCase();
  let m: RegExpExecArray | null;
  if ((m = MONTH_VI.exec(lower))) code = `${m[2]}-M${String(Number(m[1])).padStart(2, '0')}`;
  else if ((m = QUARTER_VI.exec(lower))) code = `${m[2]}-Q${ROMAN[m[1] as string] ?? Number(m[1])}`;
  else if ((m = HALF_VI.exec(lower))) code = `${m[2]}-H${m[1] === 'đầu năm' ? 1 : 2}`;
  else if ((m = NINE_VI.exec(lower))) code = `${m[2]}-9M`;
  else if ((m = YEAR_VI.exec(lower))) code = m[1] as string;
  else code = text.toUpperCase();
  if (!isPeriodCode(code))
    return fail(
      `kỳ "${text}" không hợp lệ: dùng 2026, 2026-Q1, 2026-H1, 2026-9M, 2026-M03 hoặc "Tháng 3/2026", "Quý I/2026"`,
      `period "${text}" is invalid: use 2026, 2026-Q1, 2026-H1, 2026-9M, 2026-M03 or "Tháng 3/2026", "Quý I/2026"`,
    );
  return { ok: true, value: code };
}

const STAGE_WORDS: Record<string, ObservationStatus> = {
  'ước tính': 'estimate',
  ước: 'estimate',
  'sơ bộ': 'preliminary',
  'chính thức': 'official',
};

/** The stage of a figure: estimate / preliminary / official, or the Vietnamese words ("ước tính", "sơ bộ", "chính thức"). */
export function parseStageCell(raw: RawCell): CellResult<ObservationStatus> {
  const text = cellText(raw).toLowerCase();
  if (text.length === 0) return { ok: true, value: 'estimate' };
  if ((OBSERVATION_STATUSES as readonly string[]).includes(text)) return { ok: true, value: text as ObservationStatus };
  const word = STAGE_WORDS[text];
  if (word) return { ok: true, value: word };
  return fail(
    `giai đoạn "${text}" không hợp lệ: ước tính, sơ bộ hoặc chính thức`,
    `stage "${text}" is invalid: estimate, preliminary or official`,
  );
}

/** A publication date: YYYY-MM-DD, dd/mm/yyyy, or a date cell; empty is allowed (null). */
/** Dates read as text and found valid, by their text: a file repeats a few publication dates on every row. */
const validDates = new Map<string, CellResult<string | null>>();

export function parseDateCell(raw: RawCell): CellResult<string | null> {
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return fail('ngày không hợp lệ', 'invalid date');
    return { ok: true, value: raw.toISOString().slice(0, 10) };
  }
  const text = cellText(raw);
  if (text.length === 0) return { ok: true, value: null };
  const known = validDates.get(text);
  if (known) return known;
  const parsed = parseDateText(text);
  if (parsed.ok) {
    if (validDates.size >= 4096) validDates.clear();
    validDates.set(text, parsed);
  }
  return parsed;
}

function parseDateText(text: string): CellResult<string | null> {
  let iso: string | null = null;
  const vi = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (vi) iso = `${vi[3]}-${(vi[2] as string).padStart(2, '0')}-${(vi[1] as string).padStart(2, '0')}`;
  else if (/^\d{4}-\d{2}-\d{2}$/.test(text)) iso = text;
  const d = iso ? new Date(`${iso}T00:00:00Z`) : null;
  if (!iso || !d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso)
    return fail(
      `ngày "${text}" không hợp lệ: ghi dạng 24/11/2026 hoặc 2026-11-24`,
      `date "${text}" is invalid: write 24/11/2026 or 2026-11-24`,
    );
  return { ok: true, value: iso };
}
