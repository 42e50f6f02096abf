// Turns chitieu's decimal strings into the binary floats the peers compute with, and holds the one growth formula
// they all share. Floats on purpose: matching a peer to the last bit means doing its arithmetic, not better arithmetic.
import { parseDecimal } from '../decimal.ts';
import { pythonPow, type PowFn } from './python-pow.ts';
import { refuseProgressInput } from './refusal.ts';
import type { FloatPoint } from './types.ts';

/** The nearest double to the decimal text, exactly what Python's float() and JavaScript's Number() give the peers. */
export function toFloat(text: string, field: string): number {
  // parseDecimal validates the canonical form (no exponent, no comma); the value itself is read as a double.
  parseDecimal(text, field);
  return Number(text);
}

export function toFloatPoints(points: readonly { year: number; value: string }[]): FloatPoint[] {
  return points.map((p, i) => {
    if (!Number.isInteger(p.year)) throw refuseProgressInput('invalid_year', `/points/${i}/year`, { year: p.year });
    return { year: p.year, value: toFloat(p.value, `points[${i}].value`) };
  });
}

/** Years that occur more than once, in ascending order. */
export function duplicateYears(points: readonly FloatPoint[]): number[] {
  const seen = new Set<number>();
  const dup = new Set<number>();
  for (const p of points) (seen.has(p.year) ? dup : seen).add(p.year);
  return [...dup].sort((a, b) => a - b);
}

/**
 * Compound annual growth rate in the peers' exact operation order: (v1/v0)^(1/(t1−t0)) − 1. The pow is the peer's
 * own: Python's by default, V8's for the UNDP app.
 */
export function cagr(v1: number, v0: number, t1: number, t0: number, pow: PowFn = pythonPow): number {
  return pow(v1 / v0, 1 / (t1 - t0)) - 1;
}
