// x ** y as the Python peers get it. CPython's float ** calls the C library's pow(), which on the peers' Linux
// runners (glibc ≥ 2.28) is correctly rounded in practice; V8's Math.pow is not, and differs in the last bit on
// about 3 % of StatCan's published series. So the Python peers' pow is computed here in 60 significant digits from
// the exact binary inputs and rounded once to the nearest double.
import { Decimal } from '../decimal.ts';

const Wide = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });

/** The exact value of a double: toPrecision prints the binary value itself, not its shortest decimal alias. */
function exact(x: number): InstanceType<typeof Wide> {
  return new Wide(x.toPrecision(60));
}

export function pythonPow(x: number, y: number): number {
  if (y === 0) return 1;
  if (!Number.isFinite(x) || !Number.isFinite(y) || x === 0) return x ** y;
  if (x < 0 && !Number.isInteger(y)) return Number.NaN;
  if (x === 1) return 1;
  // Number() of a decimal string is correctly rounded, so this is the one rounding to double.
  return Number(exact(x).pow(exact(y)).toString());
}

/** V8's own pow, for the peer that runs in a browser (UNDP SDG Push). */
export function v8Pow(x: number, y: number): number {
  return x ** y;
}

export type PowFn = (x: number, y: number) => number;
