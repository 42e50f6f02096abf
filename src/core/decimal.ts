// Exact decimal arithmetic for every figure: values are stored and compared as decimals, never binary floats
// (40.77 lies inside 40–50; 0.1 + 0.2 is 0.3). One configured Decimal constructor for the whole product.
import { Decimal as DecimalJs } from 'decimal.js';
import { InvalidObservation } from './errors.ts';

/** 40 significant digits: far beyond any statistic, so rounding happens only where a rule says so. */
export const Decimal = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -30,
  toExpPos: 40,
});
export type Decimal = InstanceType<typeof Decimal>;

const DECIMAL_TEXT = /^-?(\d+)(\.\d+)?$/;

/** Parses a canonical decimal string ("118079.28", "-0.5"). Rejects NaN, Infinity, exponents, commas. */
export function parseDecimal(text: string, field = 'value'): Decimal {
  if (typeof text !== 'string' || !DECIMAL_TEXT.test(text)) {
    throw new InvalidObservation(
      {
        vi: `Giá trị "${String(text)}" của trường ${field} không phải số thập phân hợp lệ (dùng dấu chấm, ví dụ 118079.28)`,
        en: `Value "${String(text)}" of field ${field} is not a valid decimal (use a dot, e.g. 118079.28)`,
      },
      { field, value: text },
    );
  }
  return new Decimal(text);
}

export function isDecimalText(text: unknown): text is string {
  return typeof text === 'string' && DECIMAL_TEXT.test(text);
}

/** Number of digits after the decimal point as written ("14.50" → 2): the precision a value is declared with. */
export function declaredScale(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** Canonical text of a decimal: no exponent, no trailing zeros beyond the point. */
export function toCanonical(d: Decimal): string {
  return d.toFixed();
}
