// Where a target is met, as an interval of the value it is judged on: at least, at most, or inside a band. Strict and
// non-strict bounds differ only on the bound itself, which a continuous forecast gives no weight.
import type { Direction } from '../targets/target.ts';

export interface Region {
  lo: number | null;
  hi: number | null;
}

/** The region where a value is met (or exceeded), following the evaluation's bounds: min/max and the direction. */
export function regionOf(direction: Direction, min: number, max?: number, halfUnit = 0): Region {
  switch (direction) {
    case 'higher_better':
      return { lo: min, hi: null };
    case 'lower_better':
      return { lo: null, hi: max ?? min };
    case 'band':
      // A band on one value ("= 100") is met at the declared precision: within half a unit of the last digit.
      return max === undefined ? { lo: min - halfUnit, hi: min + halfUnit } : { lo: min, hi: max };
  }
}

/** P(lo ≤ X ≤ hi) from the cumulative distribution of X. */
export function probabilityIn(region: Region, cdf: (x: number) => number): number {
  const upper = region.hi === null ? 1 : cdf(region.hi);
  const lower = region.lo === null ? 0 : cdf(region.lo);
  return Math.max(0, upper - lower);
}
