// The k-th root on scaled integers gives decimal.js's x.pow(1/k) digit for digit, at the working precision of the
// compounded figures (24) and of the required rate (40): random growth factors, products of many yearly factors,
// exact powers (whose roots end exactly), values near the limits of the fast path, and the cases it hands back.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal.ts';
import { Derived } from './derived.ts';
import { rootOf } from './root.ts';

type Ctor = typeof Decimal;

const same = (C: Ctor, x: InstanceType<Ctor>, k: number): void => {
  const fast = rootOf(x, k);
  const oracle = x.pow(new C(1).div(k));
  expect(fast.toFixed(), `${x.toFixed()}^(1/${k})`).toBe(oracle.toFixed());
  expect(fast.constructor).toBe(C);
};

/** A decimal text with up to `places` decimals in [lo, hi]. */
const decimalText = (lo: number, hi: number, places: number): fc.Arbitrary<string> =>
  fc.integer({ min: Math.round(lo * 10 ** places), max: Math.round(hi * 10 ** places) }).map((n) => {
    const s = String(Math.abs(n)).padStart(places + 1, '0');
    const text = places === 0 ? s : `${s.slice(0, s.length - places)}.${s.slice(s.length - places)}`;
    return n < 0 ? `-${text}` : text;
  });

describe.each([
  ['Derived (24 digits)', Derived as Ctor],
  ['Decimal (40 digits)', Decimal],
])('rootOf with %s', (_name, C) => {
  it('equals x.pow(1/k) for growth factors, products of yearly factors and plain levels', () => {
    fc.assert(
      fc.property(
        fc.array(decimalText(-0.2, 0.4, 4), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 2, max: 70 }),
        (rates, k) => {
          let factor = new C(1);
          for (const g of rates) factor = factor.times(new C(1).plus(new C(g)));
          same(C, factor, k);
        },
      ),
      { numRuns: 400 },
    );
    fc.assert(
      fc.property(decimalText(0.001, 900000, 6), fc.integer({ min: 2, max: 120 }), (x, k) => {
        fc.pre(new C(x).gt(0));
        same(C, new C(x), k);
      }),
      { numRuns: 400 },
    );
  });

  it('gives exact roots of exact powers, and the same as decimal.js on either side of them', () => {
    for (const base of ['1.1', '1.07', '0.95', '2', '12.5', '1.000001']) {
      for (const k of [2, 3, 5, 7, 12, 30]) {
        const x = new C(base).pow(k);
        same(C, x, k);
        const ulp = new C(10).pow(x.e - C.precision - 5);
        same(C, x.plus(ulp), k);
        same(C, x.minus(ulp), k);
      }
    }
  });

  it('hands back to decimal.js what it does not take: k = 1, x = 1, tiny, huge, many digits', () => {
    for (const [x, k] of [
      ['1.2345', 1],
      ['1', 7],
      ['0.0000001', 3],
      ['123456789012.5', 4],
      ['1.23456789012345678901234567890123456789', 9],
      ['0.001', 2],
      ['1000000', 2],
    ] as const)
      same(C, new C(x), k);
  });
});
