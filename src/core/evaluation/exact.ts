// Exact decimals on the hot path: a canonical decimal string parsed once into a scaled safe integer (n·10^−s), so
// comparing and summing thousands of observations needs no decimal.js objects. Anything that would leave the safe
// integer range falls back to decimal.js, so exactness never depends on the size of a figure.
import { Decimal, parseDecimal } from '../decimal.ts';

export interface Exact {
  /** Canonical text as received (keeps the declared precision). */
  text: string;
  /** Scaled integer, or NaN when the value does not fit 15 significant digits (then `text` is authoritative). */
  n: number;
  /** Digits after the point. */
  s: number;
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** Parses "-118079.28" by hand (same grammar as parseDecimal); throws parseDecimal's typed error when invalid. */
export function parseExact(text: string, field = 'value'): Exact {
  // Outside the grammar: parseDecimal throws its typed error (or reads what decimal.js accepts).
  return scanCanonical(text) ?? fromDecimal(parseDecimal(text, field), text);
}

/** parseExact(text, `${period} / value`), naming the field only when the text is refused (not once per figure). */
export function parseObservationValue(text: string, period: string): Exact {
  return scanCanonical(text) ?? fromDecimal(parseDecimal(text, `${period} / value`), text);
}

/**
 * The one hand scanner for canonical decimals ("-118079.28": same grammar as parseDecimal): the scaled integer and its
 * scale, with n = NaN beyond 15 digits (then the text is authoritative); null for text outside the grammar.
 */
function scanCanonical(text: string): Exact | null {
  if (typeof text !== 'string') return null;
  const len = text.length;
  let i = 0;
  let neg = false;
  if (len > 0 && text.charCodeAt(0) === 45) {
    neg = true;
    i = 1;
  }
  let n = 0;
  let digits = 0;
  let scale = -1;
  for (; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      digits++;
      if (scale >= 0) scale++;
    } else if (c === 46 && scale < 0 && digits > 0) {
      scale = 0;
    } else {
      return null;
    }
  }
  if (digits === 0 || scale === 0) return null;
  return { text, n: digits > 15 ? Number.NaN : neg ? -n : n, s: scale < 0 ? 0 : scale };
}

function fromDecimal(d: Decimal, text: string): Exact {
  return { text, n: Number.NaN, s: Math.max(0, d.decimalPlaces()) };
}

export function exactOf(d: Decimal): Exact {
  return parseExact(d.toFixed());
}

export function toDecimal(e: Exact): Decimal {
  return new Decimal(e.text);
}

function aligned(a: Exact, b: Exact): [number, number] | null {
  if (Number.isNaN(a.n) || Number.isNaN(b.n)) return null;
  if (a.s === b.s) return [a.n, b.n];
  const d = a.s - b.s;
  const f = POW10[Math.abs(d)];
  if (f === undefined) return null;
  const x = d > 0 ? a.n : a.n * f;
  const y = d > 0 ? b.n * f : b.n;
  if (!Number.isSafeInteger(x) || !Number.isSafeInteger(y)) return null;
  return [x, y];
}

/** −1, 0 or 1, exactly. */
export function cmp(a: Exact, b: Exact): number {
  const p = aligned(a, b);
  if (p === null) return toDecimal(a).cmp(toDecimal(b));
  return p[0] < p[1] ? -1 : p[0] > p[1] ? 1 : 0;
}

export function add(a: Exact, b: Exact): Exact {
  const p = aligned(a, b);
  if (p !== null) {
    const n = p[0] + p[1];
    if (Number.isSafeInteger(n)) return { text: scaledText(n, Math.max(a.s, b.s)), n, s: Math.max(a.s, b.s) };
  }
  return exactOf(toDecimal(a).plus(toDecimal(b)));
}

export const ZERO: Exact = { text: '0', n: 0, s: 0 };

/**
 * start + Σ values, the same as adding them one by one with add(), but writing the total's text once: in safe
 * integers at the finest scale, else one by one (where add() falls back to decimal.js).
 */
export function addAll(values: readonly Exact[], start: Exact = ZERO): Exact {
  if (values.length === 0) return start;
  let s = start.s;
  for (const v of values) if (v.s > s) s = v.s;
  const f = POW10[s - start.s];
  let n = f === undefined ? Number.NaN : start.n * f;
  for (let i = 0; i < values.length && Number.isSafeInteger(n); i++) {
    const v = values[i] as Exact;
    const t = v.n * (POW10[s - v.s] ?? Number.NaN);
    n = Number.isSafeInteger(t) ? n + t : Number.NaN;
  }
  if (Number.isSafeInteger(n)) return { text: scaledText(n, s), n, s };
  let acc = start;
  for (const v of values) acc = add(acc, v);
  return acc;
}

export function scaledText(n: number, s: number): string {
  if (s === 0) return String(n);
  const neg = n < 0;
  const digits = String(Math.abs(n)).padStart(s + 1, '0');
  return `${neg ? '-' : ''}${digits.slice(0, digits.length - s)}.${digits.slice(digits.length - s)}`;
}

export function isZero(a: Exact): boolean {
  return Number.isNaN(a.n) ? toDecimal(a).isZero() : a.n === 0;
}

/** Digits of a nonzero safe integer's magnitude. */
export function digitsOf(n: number): number {
  let d = 1;
  for (let a = Math.abs(n); a >= 10 && d < 17; a = Math.floor(a / 10)) d++;
  return d;
}

/**
 * a/b rounded half up to `places` decimals, as decimal.js writes `a.div(b).toDecimalPlaces(places).toFixed()` at 40
 * digits, without its long division. Equal because the 40-digit quotient is within half a unit of its 40th digit
 * (at most 10^−39·|a/b|) of a/b, and a/b = P/R (P = A·10^sb, R = B·10^sa) is either a tie itself (then both are
 * exact) or at least 1/(2·10^places·|R|) away from every tie, which is more whenever |P| < 10^(39 − places). Beyond
 * that, or for b = 0, null: the caller asks decimal.js.
 */
export function ratioText(a: Exact, b: Exact, places: number): string | null {
  if (!Number.isSafeInteger(a.n) || !Number.isSafeInteger(b.n) || b.n === 0 || places > 12) return null;
  if (a.n === 0) return '0';
  if (digitsOf(a.n) + b.s + places > 38) return null;
  const negative = a.n < 0 !== b.n < 0;
  const digits = quotientDigits(Math.abs(a.n), b.s + places, Math.abs(b.n), a.s);
  if (digits === '0') return '0';
  let s = places;
  let end = digits.length;
  while (s > 0 && digits.charCodeAt(end - 1) === 48) {
    end--;
    s--;
  }
  const kept = digits.slice(0, end).padStart(s + 1, '0');
  const text = s === 0 ? kept : `${kept.slice(0, kept.length - s)}.${kept.slice(kept.length - s)}`;
  return negative ? `-${text}` : text;
}

/** Below 2^52: a product q·R of two such figures with q ≤ P/R + 1 stays a safe integer. */
const SMALL = 2 ** 52;

/**
 * The digits of round-half-up(P/R), P = a·10^pa, R = b·10^rb (a, b positive safe integers). In doubles when P and R
 * are below 2^52 (then every step is exact: the float quotient's floor is off by at most one, and the remainder
 * P − q·R, computed exactly, corrects it), else in BigInt.
 */
function quotientDigits(a: number, pa: number, b: number, rb: number): string {
  const fp = POW10[pa];
  const fr = POW10[rb];
  if (fp !== undefined && fr !== undefined) {
    const P = a * fp;
    const R = b * fr;
    if (P < SMALL && R < SMALL) {
      let q = Math.floor(P / R);
      let rem = P - q * R;
      if (rem < 0) {
        q -= 1;
        rem += R;
      } else if (rem >= R) {
        q += 1;
        rem -= R;
      }
      if (rem * 2 >= R) q += 1;
      return String(q);
    }
  }
  const p = BigInt(a) * 10n ** BigInt(pa);
  const r = BigInt(b) * 10n ** BigInt(rb);
  let q = p / r;
  if ((p - q * r) * 2n >= r) q += 1n;
  return q.toString();
}
