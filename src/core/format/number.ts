// vi-VN number formatting in one place (TT 01/2011/TT-BNV, NĐ 30/2020 practice): thousands dot, decimal comma,
// "%" attached. Years, codes and document numbers are never formatted with this (no separators there).
import { Decimal } from '../decimal.ts';

export interface NumberFormatOptions {
  /** Fixed number of decimals; when absent, the value keeps the decimals it has. */
  decimals?: number;
  locale?: 'vi' | 'en';
}

// A decimal already in the form Decimal#toFixed() would print (no exponent, no leading or trailing zeros, not −0):
// every explanation formats several, and skipping decimal.js for them halves the cost of writing one.
const PLAIN = /^(?:0|-?[1-9]\d*)(?:\.\d*[1-9])?$|^-0\.\d*[1-9]$/;

/** 734420 → "734.420"; 11.81 → "11,81"; -1200000.5 → "-1.200.000,5". English: "734,420", "11.81". */
export function formatNumber(value: Decimal | string | number, opts: NumberFormatOptions = {}): string {
  const text =
    opts.decimals === undefined && typeof value === 'string' && PLAIN.test(value)
      ? value
      : (value instanceof Decimal ? value : new Decimal(value)).toFixed(opts.decimals);
  const negative = text.startsWith('-');
  const [intPart = '0', frac] = (negative ? text.slice(1) : text).split('.');
  const [group, point] = opts.locale === 'en' ? [',', '.'] : ['.', ','];
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const out = frac === undefined ? grouped : `${grouped}${point}${frac}`;
  return negative && !/^[0.,]+$/.test(out) ? `-${out}` : out;
}

/** 14.5 → "14,5%" (vi) / "14.5%" (en). */
export function formatPercent(value: Decimal | string | number, opts: NumberFormatOptions = {}): string {
  return `${formatNumber(value, opts)}%`;
}
