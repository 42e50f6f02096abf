// Short sentences a leader reads in ten seconds, in Vietnamese and English, with numbers in each locale's format
// (vi-VN: 11,39; en: 11.39). Positional words (below / above / within) are used because they are true whatever the
// direction; the verdict itself is the status.
import { formatNumberBoth } from '../format/number.ts';
import { cmp, type Exact } from './exact.ts';
import type { Bounds } from './compare.ts';

export interface Phrase {
  vi: string;
  en: string;
}

export const PERCENT_PER_YEAR: Phrase = { vi: '%/năm', en: '%/yr' };
export const ESTIMATE: Phrase = { vi: ' (ước)', en: ' (estimate)' };
const NONE: Phrase = { vi: '', en: '' };

export function unitPhrase(unit: string | undefined): Phrase {
  return unit === undefined || unit === '' ? NONE : { vi: unit, en: unit };
}

export function years(a: number, b: number): string {
  return a === b ? String(a) : `${a}–${b}`;
}

/** A number with its unit in both locales: "11,39 %/năm" / "11.39 %/yr". */
export function amount(value: string, unit: Phrase = NONE): Phrase {
  return withUnit(formatNumberBoth(value), unit);
}

/** "11,39" + "%/năm" → "11,39 %/năm" in each locale (no unit: as it is). */
function withUnit(p: Phrase, unit: Phrase): Phrase {
  return { vi: unit.vi === '' ? p.vi : `${p.vi} ${unit.vi}`, en: unit.en === '' ? p.en : `${p.en} ${unit.en}` };
}

/** The target as written: "14–14,5 %/năm", "< 3,5 %", "11.380 USD". */
export function targetPhrase(b: Bounds, unit: Phrase, op?: string): Phrase {
  if (op !== undefined) {
    const v = b.lo ?? b.hi;
    if (v === null) return NONE;
    const f = formatNumberBoth(v.text);
    return withUnit({ vi: `${op} ${f.vi}`, en: `${op} ${f.en}` }, unit);
  }
  if (b.lo !== null && b.hi !== null && cmp(b.lo, b.hi) !== 0) {
    const lo = formatNumberBoth(b.lo.text);
    const hi = formatNumberBoth(b.hi.text);
    return withUnit({ vi: `${lo.vi}–${hi.vi}`, en: `${lo.en}–${hi.en}` }, unit);
  }
  const v = b.lo ?? b.hi;
  if (v === null) return NONE;
  const f = formatNumberBoth(v.text);
  // "trên 12 %/năm" / "more than 12 %/yr"; "dưới 3 %" / "less than 3 %".
  if (b.hi === null && b.loStrict) return withUnit({ vi: `trên ${f.vi}`, en: `more than ${f.en}` }, unit);
  if (b.lo === null && b.hiStrict) return withUnit({ vi: `dưới ${f.vi}`, en: `less than ${f.en}` }, unit);
  return withUnit(f, unit);
}

/** "thấp hơn mục tiêu 14,5 %/năm" / "below the 14.5 %/yr target". */
export function relation(actual: Exact, b: Bounds, target: Phrase): Phrase {
  let where: 'below' | 'above' | 'equal' | 'within';
  if (b.lo !== null && b.hi !== null && cmp(b.lo, b.hi) !== 0) {
    where = cmp(actual, b.lo) < 0 ? 'below' : cmp(actual, b.hi) > 0 ? 'above' : 'within';
  } else {
    const v = b.lo ?? b.hi;
    const c = v === null ? 0 : cmp(actual, v);
    where = c < 0 ? 'below' : c > 0 ? 'above' : 'equal';
  }
  switch (where) {
    case 'below':
      return { vi: `thấp hơn mục tiêu ${target.vi}`, en: `below the ${target.en} target` };
    case 'above':
      return { vi: `cao hơn mục tiêu ${target.vi}`, en: `above the ${target.en} target` };
    case 'equal':
      return { vi: `bằng mục tiêu ${target.vi}`, en: `equal to the ${target.en} target` };
    case 'within':
      return { vi: `trong khoảng mục tiêu ${target.vi}`, en: `within the ${target.en} target` };
  }
}

export function join(...parts: Phrase[]): Phrase {
  let vi = '';
  let en = '';
  for (const p of parts) {
    vi += p.vi;
    en += p.en;
  }
  return { vi, en };
}

export function estimateMark(anyEstimate: boolean): Phrase {
  return anyEstimate ? ESTIMATE : NONE;
}
