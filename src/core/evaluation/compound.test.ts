// The growth factor and sum of yearly rates on BigInt give decimal.js's loop digit for digit, at the working
// precision of compounded figures (24) and the product's (40): random rates of any scale and sign, long series whose
// every product is rounded, exact ties at the last digit, and the cases handed back to decimal.js.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal.ts';
import { compoundRates } from './compound.ts';
import { Derived } from './derived.ts';
import { parseExact } from './exact.ts';

type Ctor = typeof Decimal;

/** The loop compoundRates replaces, as growth averages ran it. */
function byDecimal(C: Ctor, rates: readonly string[]): { factor: string; sum: string } {
  const one = new C(1);
  const hundred = new C(100);
  let factor = one;
  let sum = new C(0);
  for (const r of rates) {
    const g = new C(r).div(hundred);
    factor = factor.times(one.plus(g));
    sum = sum.plus(g);
  }
  return { factor: factor.toFixed(), sum: sum.toFixed() };
}

function same(C: Ctor, rates: readonly string[]): void {
  const fast = compoundRates(
    rates.map((r) => parseExact(r)),
    C,
  );
  expect(fast, rates.join(' ')).not.toBeNull();
  expect({ factor: fast?.factor.toFixed(), sum: fast?.sum.toFixed() }, rates.join(' ')).toEqual(byDecimal(C, rates));
  expect(fast?.factor.constructor).toBe(C);
}

/** A decimal text with `places` decimals in [lo, hi]. */
const decimalText = (lo: number, hi: number, places: number): fc.Arbitrary<string> =>
  fc.integer({ min: Math.round(lo * 10 ** places), max: Math.round(hi * 10 ** places) }).map((n) => {
    const s = String(Math.abs(n)).padStart(places + 1, '0');
    const text = places === 0 ? s : `${s.slice(0, s.length - places)}.${s.slice(s.length - places)}`;
    return n < 0 ? `-${text}` : text;
  });

describe.each([
  ['Derived (24 digits)', Derived as Ctor],
  ['Decimal (40 digits)', Decimal],
])('compoundRates with %s', (_name, C) => {
  it('equals the decimal.js loop for yearly rates of any scale and sign', () => {
    const rate = fc.integer({ min: 0, max: 6 }).chain((places) => decimalText(-60, 90, places));
    fc.assert(
      fc.property(fc.array(rate, { minLength: 1, maxLength: 70 }), (rates) => same(C, rates)),
      { numRuns: 500 },
    );
  });

  it('rounds an exact tie at the last digit half up, as decimal.js does', () => {
    // 1.5^k = 15^k/10^k ends in 5: at 25 and 41 significant digits the product is an exact tie.
    for (const k of [20, 21, 22, 34, 35, 36, 60])
      same(
        C,
        Array.from({ length: k }, () => '50'),
      );
    // Falling factors (0.5^k ends in 5 too) and mixed scales.
    same(
      C,
      Array.from({ length: 40 }, () => '-50'),
    );
    same(C, ['7.25', '-3.125', '12', '0.000001', '99.99', '-99.9999', '1234.5', '0']);
  });

  it('hands back to decimal.js a factor at or below zero and a rate beyond its exact range', () => {
    for (const rates of [['-100'], ['5', '-120'], ['1.12345678901234'], ['1234567890123456']]) {
      expect(
        compoundRates(
          rates.map((r) => parseExact(r)),
          C,
        ),
        rates.join(' '),
      ).toBeNull();
    }
  });
});
