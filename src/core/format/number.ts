// vi-VN number formatting in one place (TT 01/2011/TT-BNV, NĐ 30/2020 practice): thousands dot, decimal comma,
// "%" attached. Years, codes and document numbers are never formatted with this (no separators there).
import { Decimal } from '../decimal.ts';

export interface NumberFormatOptions {
  /** Fixed number of decimals; when absent, the value keeps the decimals it has. */
  decimals?: number;
  locale?: 'vi' | 'en';
}

// A decimal already in the form Decimal#toFixed() would print (no exponent, no leading or trailing zeros, not −0):
// every explanation formats several, and skipping decimal.js for them halves the cost of writing one. isPlain() below
// answers /^(?:0|-?[1-9]\d*)(?:\.\d*[1-9])?$|^-0\.\d*[1-9]$/ (its test compares the two).

/** 734420 → "734.420"; 11.81 → "11,81"; -1200000.5 → "-1.200.000,5". English: "734,420", "11.81". */
export function formatNumber(value: Decimal | string | number, opts: NumberFormatOptions = {}): string {
  const text = plainText(value, opts.decimals);
  return opts.locale === 'en' ? localised(text, ',', '.') : localised(text, '.', ',');
}

/** Both locales at once (every explanation writes each number in Vietnamese and English). */
export function formatNumberBoth(value: Decimal | string | number): { vi: string; en: string } {
  const text = plainText(value, undefined);
  return { vi: localised(text, '.', ','), en: localised(text, ',', '.') };
}

function plainText(value: Decimal | string | number, decimals: number | undefined): string {
  return decimals === undefined && typeof value === 'string' && isPlain(value)
    ? value
    : (value instanceof Decimal ? value : new Decimal(value)).toFixed(decimals);
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** Whether the text is already plain (the expression above), scanned by hand (every explanation asks it several times; a regular expression call costs more). */
export function isPlain(text: string): boolean {
  const len = text.length;
  let i = text.charCodeAt(0) === 45 ? 1 : 0;
  if (i >= len) return false;
  const first = text.charCodeAt(i);
  if (first === 48) {
    i++;
    // "0" alone (never "-0"); otherwise a fraction must follow.
    if (i === len) return i === 1;
  } else if (first >= 49 && first <= 57) {
    i++;
    while (i < len && isDigit(text.charCodeAt(i))) i++;
    if (i === len) return true;
  } else {
    return false;
  }
  if (text.charCodeAt(i) !== 46 || i + 1 === len) return false;
  for (i++; i < len; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return text.charCodeAt(len - 1) !== 48;
}

/** "-1200000.5" → "-1.200.000,5": thousands grouped every three digits from the point. */
function localised(text: string, group: string, point: string): string {
  const negative = text.charCodeAt(0) === 45;
  const start = negative ? 1 : 0;
  const dot = text.indexOf('.', start);
  const intEnd = dot < 0 ? text.length : dot;
  const intLength = intEnd - start;
  let out = intLength === 0 ? '0' : text.slice(start, start + (((intLength - 1) % 3) + 1));
  for (let i = start + out.length; i < intEnd; i += 3) out += group + text.slice(i, i + 3);
  if (dot >= 0) out += point + text.slice(dot + 1);
  return negative && !allZero(out) ? `-${out}` : out;
}

/** Only zeros and separators ("0,00"): a negative value rounded to zero is written without its sign. */
function allZero(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 48 && c !== 46 && c !== 44) return false;
  }
  return true;
}

/** 14.5 → "14,5%" (vi) / "14.5%" (en). */
export function formatPercent(value: Decimal | string | number, opts: NumberFormatOptions = {}): string {
  return `${formatNumber(value, opts)}%`;
}
