// The growth factor Π(1 + gᵢ/100) and the sum Σ gᵢ/100 of yearly growth rates (in %), digit for digit what the
// decimal.js loop `factor = factor.times(ONE.plus(new C(g).div(100)))` gives at the constructor's precision, without a
// decimal.js object per year (they were most of a growth evaluation's time and garbage). Each yearly factor
// 1 + gᵢ/100 = (10^(sᵢ+2) + nᵢ)·10^−(sᵢ+2) is exact (gᵢ = nᵢ·10^−sᵢ, at most 15 digits); each product is exact on
// BigInt and then rounded half up to the precision's significant digits, as decimal.js rounds every `times`. The sum
// stays a safe integer (at most 16 digits, so decimal.js never rounds it either). Anything else (a rate beyond 15
// digits or 13 decimals, a factor at or below zero, a sum beyond the safe range) returns null: the caller runs
// decimal.js. Property tests compare the two.
import type { Decimal } from '../decimal.ts';
import type { Exact } from './exact.ts';

type DecimalCtor = (new (value: string) => Decimal) & { precision: number; rounding: number };

const ROUND_HALF_UP = 4;
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
/** 10^i as bigint, i < 64 (a constant table). */
const TEN: readonly bigint[] = Array.from({ length: 64 }, (_, i) => 10n ** BigInt(i));

/** Decimal digits of a positive safe integer. */
function digitsOf(n: number): number {
  let d = 1;
  while (d < 16 && n >= (POW10[d] as number)) d++;
  return d;
}

export interface Compounded {
  /** Π(1 + gᵢ/100), rounded after every product as decimal.js rounds it. */
  factor: Decimal;
  /** Σ gᵢ/100, exact. */
  sum: Decimal;
}

/** The growth factor and the sum of rates given in %, in the constructor C; null when decimal.js must do it. */
export function compoundRates(rates: readonly Exact[], C: DecimalCtor): Compounded | null {
  const pr = C.precision;
  if (C.rounding !== ROUND_HALF_UP || pr < 17 || pr + 20 >= TEN.length) return null;
  const limit = TEN[pr] as bigint;
  // factor = m·10^e with m of dm digits (dm ≤ pr); sum = sumN·10^−sumS.
  let m = 1n;
  let e = 0;
  let dm = 1;
  let sumN = 0;
  let sumS = 0;
  for (const r of rates) {
    const n = r.n;
    const s = r.s + 2;
    if (!Number.isSafeInteger(n) || s > 15) return null;
    const f = (POW10[s] as number) + n;
    if (!Number.isSafeInteger(f) || f <= 0) return null;
    // The sum, aligned to the finer of the two scales.
    if (s > sumS) {
      sumN *= POW10[s - sumS] as number;
      sumS = s;
    }
    const term = n * (POW10[sumS - s] as number);
    if (!Number.isSafeInteger(sumN) || !Number.isSafeInteger(term)) return null;
    sumN += term;
    if (!Number.isSafeInteger(sumN)) return null;
    // The product, exact, then rounded half up to pr significant digits.
    const df = digitsOf(f);
    m *= BigInt(f);
    e -= s;
    let dp = dm + df;
    if (m < (TEN[dp - 1] as bigint)) dp--;
    if (dp > pr) {
      let cut = dp - pr;
      const d = TEN[cut] as bigint;
      let q = m / d;
      if ((m - q * d) * 2n >= d) q += 1n;
      if (q === limit) {
        q = TEN[pr - 1] as bigint;
        cut++;
      }
      m = q;
      e += cut;
      dm = pr;
    } else {
      dm = dp;
    }
  }
  return { factor: new C(`${m}e${e}`), sum: new C(`${sumN}e-${sumS}`) };
}
