// Short sentences a leader reads in ten seconds, in Vietnamese and English, with numbers in each locale's format
// (vi-VN: 11,39; en: 11.39). Positional words (below / above / within) are used because they are true whatever the
// direction; the verdict itself is the status.
import { formatNumber } from '../format/number.ts';
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
  const vi = formatNumber(value, { locale: 'vi' });
  const en = formatNumber(value, { locale: 'en' });
  return { vi: unit.vi === '' ? vi : `${vi} ${unit.vi}`, en: unit.en === '' ? en : `${en} ${unit.en}` };
}

/** The target as written: "14–14,5 %/năm", "< 3,5 %", "11.380 USD". */
export function targetPhrase(b: Bounds, unit: Phrase, op?: string): Phrase {
  const u = (t: string, l: 'vi' | 'en'): string => (unit[l] === '' ? t : `${t} ${unit[l]}`);
  const n = (e: Exact, l: 'vi' | 'en'): string => formatNumber(e.text, { locale: l });
  if (op !== undefined) {
    const v = b.lo ?? b.hi;
    if (v === null) return NONE;
    return { vi: u(`${op} ${n(v, 'vi')}`, 'vi'), en: u(`${op} ${n(v, 'en')}`, 'en') };
  }
  if (b.lo !== null && b.hi !== null && cmp(b.lo, b.hi) !== 0) {
    return { vi: u(`${n(b.lo, 'vi')}–${n(b.hi, 'vi')}`, 'vi'), en: u(`${n(b.lo, 'en')}–${n(b.hi, 'en')}`, 'en') };
  }
  const v = b.lo ?? b.hi;
  if (v === null) return NONE;
  // "trên 12 %/năm" / "more than 12 %/yr"; "dưới 3 %" / "less than 3 %".
  if (b.hi === null && b.loStrict) return { vi: u(`trên ${n(v, 'vi')}`, 'vi'), en: u(`more than ${n(v, 'en')}`, 'en') };
  if (b.lo === null && b.hiStrict) return { vi: u(`dưới ${n(v, 'vi')}`, 'vi'), en: u(`less than ${n(v, 'en')}`, 'en') };
  return { vi: u(n(v, 'vi'), 'vi'), en: u(n(v, 'en'), 'en') };
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
  return { vi: parts.map((p) => p.vi).join(''), en: parts.map((p) => p.en).join('') };
}

export function estimateMark(anyEstimate: boolean): Phrase {
  return anyEstimate ? ESTIMATE : NONE;
}
