// Period codes: the one textual form of every reporting period in data, API and files.
// "2026" year, "2021-2025" multi-year span, "2026-Q1" quarter, "2026-H1"/"2026-H2" six months,
// "2026-9M" nine months, "2026-M03" month. Cut-off dates live in cutoff.ts.
import { InvalidPeriod } from '../errors.ts';

export type Period =
  | { kind: 'year'; code: string; year: number }
  | { kind: 'span'; code: string; year: number; endYear: number }
  | { kind: 'quarter'; code: string; year: number; quarter: 1 | 2 | 3 | 4 }
  | { kind: 'half'; code: string; year: number; half: 1 | 2 }
  | { kind: 'nine_months'; code: string; year: number }
  | { kind: 'month'; code: string; year: number; month: number };

export type PeriodKind = Period['kind'];

const YEAR_MIN = 1900;
const YEAR_MAX = 2200;

function bad(code: string, reasonVi: string, reasonEn: string): never {
  throw new InvalidPeriod(
    { vi: `Kỳ "${code}" không hợp lệ: ${reasonVi}`, en: `Period "${code}" is invalid: ${reasonEn}` },
    { period: code },
  );
}

function year(code: string, text: string): number {
  const y = Number(text);
  if (!Number.isInteger(y) || y < YEAR_MIN || y > YEAR_MAX)
    bad(code, `năm ngoài khoảng ${YEAR_MIN}–${YEAR_MAX}`, `year outside ${YEAR_MIN}–${YEAR_MAX}`);
  return y;
}

export function parsePeriod(code: string): Period {
  if (typeof code !== 'string') bad(String(code), 'không phải chuỗi', 'not a string');
  let m = /^(\d{4})$/.exec(code);
  if (m) return { kind: 'year', code, year: year(code, m[1] as string) };
  m = /^(\d{4})-(\d{4})$/.exec(code);
  if (m) {
    const a = year(code, m[1] as string);
    const b = year(code, m[2] as string);
    if (b <= a) bad(code, 'năm cuối phải sau năm đầu', 'the end year must follow the start year');
    return { kind: 'span', code, year: a, endYear: b };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(code);
  if (m) return { kind: 'quarter', code, year: year(code, m[1] as string), quarter: Number(m[2]) as 1 | 2 | 3 | 4 };
  m = /^(\d{4})-H([12])$/.exec(code);
  if (m) return { kind: 'half', code, year: year(code, m[1] as string), half: Number(m[2]) as 1 | 2 };
  m = /^(\d{4})-9M$/.exec(code);
  if (m) return { kind: 'nine_months', code, year: year(code, m[1] as string) };
  m = /^(\d{4})-M(0[1-9]|1[0-2])$/.exec(code);
  if (m) return { kind: 'month', code, year: year(code, m[1] as string), month: Number(m[2]) };
  return bad(
    code,
    'dùng dạng 2026, 2021-2025, 2026-Q1, 2026-H1, 2026-9M hoặc 2026-M03',
    'use 2026, 2021-2025, 2026-Q1, 2026-H1, 2026-9M or 2026-M03',
  );
}

/** The last calendar year a period covers ("2021-2025" → 2025, "2026-Q3" → 2026). */
export function lastYearOf(code: string): number {
  return periodMonths(parsePeriod(code)).to.year;
}

/** First and last calendar month covered (1-based months), for ordering and containment. */
export function periodMonths(p: Period): {
  from: { year: number; month: number };
  to: { year: number; month: number };
} {
  switch (p.kind) {
    case 'year':
      return { from: { year: p.year, month: 1 }, to: { year: p.year, month: 12 } };
    case 'span':
      return { from: { year: p.year, month: 1 }, to: { year: p.endYear, month: 12 } };
    case 'quarter':
      return { from: { year: p.year, month: p.quarter * 3 - 2 }, to: { year: p.year, month: p.quarter * 3 } };
    case 'half':
      return {
        from: { year: p.year, month: p.half === 1 ? 1 : 7 },
        to: { year: p.year, month: p.half === 1 ? 6 : 12 },
      };
    case 'nine_months':
      return { from: { year: p.year, month: 1 }, to: { year: p.year, month: 9 } };
    case 'month':
      return { from: { year: p.year, month: p.month }, to: { year: p.year, month: p.month } };
  }
}

export function isPeriodCode(code: unknown): code is string {
  try {
    parsePeriod(code as string);
    return true;
  } catch {
    return false;
  }
}
