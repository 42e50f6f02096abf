// The k-th root of a decimal, exactly as decimal.js answers x.pow(1/k) at the constructor's precision, without its
// ln/exp series (which took about half of the engine's time). decimal.js computes x^q with q = 1/k rounded to the
// precision, and rounds the result half up to `precision` significant digits. Here the true value x^q is bracketed
// with scaled integers (binary fixed point, directed rounding, so the bracket is proved, not estimated): the root r
// of x by Newton's method, checked by raising both ends of [r − δ, r + δ] to the k-th power, then the tiny factor
// x^(q − 1/k) = exp((kq − 1)·ln r). When the whole bracket, widened by a margin far larger than decimal.js's own error,
// rounds to one value, that value is decimal.js's answer; otherwise (a value within a thousandth of a unit of the
// last place from a rounding tie, a few in a thousand) decimal.js is asked. Property tests compare the two.
import type { Decimal } from '../decimal.ts';

type DecimalCtor = (new (value: string) => Decimal) & { precision: number; rounding: number };

const ROUND_HALF_UP = 4;
const LOG2_10 = Math.log2(10);
/** 10^i as bigint, i < 160 (a constant table). */
const TEN: readonly bigint[] = Array.from({ length: 160 }, (_, i) => 10n ** BigInt(i));
const ten = (i: number): bigint => TEN[i] ?? 10n ** BigInt(i);

/** v^n·2^B for v scaled by 2^B, rounded down at every step (v > 0), or up when `up`. */
function pow(v: bigint, n: number, B: bigint, up: boolean): bigint {
  const bump = up ? (1n << B) - 1n : 0n;
  let result = 1n << B;
  let base = v;
  let e = n;
  for (;;) {
    if (e & 1) result = (result * base + bump) >> B;
    e >>>= 1;
    if (e === 0) return result;
    base = (base * base + bump) >> B;
  }
}

/** floor (or ceil) of v·10^D / 2^B rounded half up to `pr` significant digits, as [digits, exponent]; null if short. */
function roundSig(v: bigint, B: bigint, D: number, pr: number, up: boolean): [bigint, number] | null {
  const scaled = v * ten(D);
  let n = scaled >> B;
  if (up && n << B !== scaled) n += 1n;
  const cut = n.toString().length - pr;
  if (cut < 4) return null;
  const base = ten(cut);
  let q = n / base;
  if ((n % base) * 2n >= base) q += 1n;
  let exp = cut - D;
  while (q % 10n === 0n && q !== 0n) {
    q /= 10n;
    exp++;
  }
  return [q, exp];
}

/** decimal.js's own x.pow(1/k). */
function slow(x: Decimal, C: DecimalCtor, k: number): Decimal {
  return x.pow(new C('1').div(k));
}

/** x.pow(1/k) with x's constructor, bit for bit. */
export function rootOf(x: Decimal, k: number): Decimal {
  const C = x.constructor as DecimalCtor;
  const pr = C.precision;
  if (!Number.isSafeInteger(k) || k < 2 || k > 1000 || C.rounding !== ROUND_HALF_UP || !x.isFinite())
    return slow(x, C, k);
  const xf = x.toNumber();
  if (!(xf >= 1e-3 && xf <= 1e6)) return slow(x, C, k);
  // x = X / 10^W exactly, then bracketed on the binary grid: xLo ≤ x·2^B ≤ xHi.
  const text = x.toFixed();
  const dot = text.indexOf('.');
  const W = dot < 0 ? 0 : text.length - dot - 1;
  const X = BigInt(dot < 0 ? text : text.slice(0, dot) + text.slice(dot + 1));
  const bits = Math.ceil((pr + 30) * LOG2_10);
  const B = BigInt(bits);
  const tenW = ten(W);
  const XB = X << B;
  const xLo = XB / tenW;
  const xHi = XB % tenW === 0n ? xLo : xLo + 1n;
  // Newton's method from the float root: 16 digits, then about 31 after one step, 60 after two.
  const rf = Math.pow(xf, 1 / k);
  let y = BigInt(Math.round(rf * 2 ** 52)) << (B - 52n);
  const K = BigInt(k);
  for (let i = pr <= 26 ? 1 : 2; i > 0; i--) {
    const p = pow(y, k - 1, B, false);
    const yk = (p * y) >> B;
    y -= ((yk - xLo) << B) / (K * p);
  }
  // The root lies in [lo, hi]: proved by the k-th powers of both ends, rounded against the claim.
  const delta = (y >> BigInt(Math.ceil((pr + 4) * LOG2_10))) + (1n << 24n);
  const lo = y - delta;
  const hi = y + delta;
  if (lo <= 0n || pow(lo, k, B, true) > xLo || pow(hi, k, B, false) < xHi) return slow(x, C, k);
  // q = 1/k rounded half up to pr digits; x^q = r·exp(ε·ln r), ε = kq − 1, |ε·ln r| below 10^−(pr−2).
  const d = String(k).length - 1;
  const tenP = ten(pr + d);
  const Q = (2n * tenP + K) / (2n * K);
  const epsilon = Number(K * Q - tenP) / Number(tenP);
  const s = (epsilon * Math.log(xf)) / k;
  const sB = BigInt(Math.round(s * 2 ** bits));
  // The shift's own error (float s, and exp(s) − 1 − s) is below 10^−(pr+12) of the value; the margin that decides
  // whether decimal.js could round otherwise is 10^−(pr+2) of the value, a hundred times its own working error.
  const slack = (hi >> BigInt(Math.floor((pr + 2) * LOG2_10))) + (1n << 24n);
  const tLo = lo + ((lo * sB) >> B) - slack;
  const tHi = hi + ((hi * sB) >> B) + 1n + slack;
  if (tLo <= 0n) return slow(x, C, k);
  const D = pr + 8 - Math.floor(Math.log10(rf));
  const a = roundSig(tLo, B, D, pr, false);
  const b = roundSig(tHi, B, D, pr, true);
  if (a === null || b === null || a[0] !== b[0] || a[1] !== b[1]) return slow(x, C, k);
  return new C(`${a[0]}e${a[1]}`);
}
