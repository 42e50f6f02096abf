// The verdict of one figure against a target's bounds, exactly as written: "exceeded" is strictly beyond the target in
// the good direction (beyond the upper end of a range), "met" is on the bound or inside the range, and a strict
// bound ("< 3.5") is not met on the bound itself. Inside-a-band targets are never exceeded.
import { InvalidTarget } from '../errors.ts';
import type { Direction } from '../targets/target.ts';
import { cmp, type Exact } from './exact.ts';
import type { FinalStatus } from './types.ts';

export interface Bounds {
  direction: Direction;
  lo: Exact | null;
  hi: Exact | null;
  loStrict: boolean;
  hiStrict: boolean;
}

/**
 * Bounds from a target's min (value) and optional max; a single value becomes the bound on the side that matters.
 * strict ("trên 12 %", "dưới 3 %") excludes that bound itself; a range or a band is never strict.
 */
export function boundsOf(direction: Direction, value: Exact, max?: Exact, strict = false): Bounds {
  if (strict && (max !== undefined || direction === 'band')) {
    throw new InvalidTarget(
      {
        vi: 'Mục tiêu "trên/dưới" (strict) chỉ áp dụng cho một cận, không cho một khoảng',
        en: 'A strict ("above/below") target applies to a single bound, not to a range',
      },
      { strict, direction },
    );
  }
  if (max !== undefined) return { direction, lo: value, hi: max, loStrict: false, hiStrict: false };
  switch (direction) {
    case 'higher_better':
      return { direction, lo: value, hi: null, loStrict: strict, hiStrict: false };
    case 'lower_better':
      return { direction, lo: null, hi: value, loStrict: false, hiStrict: strict };
    case 'band':
      return { direction, lo: value, hi: value, loStrict: false, hiStrict: false };
  }
}

export function classify(actual: Exact, b: Bounds): Exclude<FinalStatus, 'no_data'> {
  switch (b.direction) {
    case 'higher_better': {
      if (b.lo === null) return b.hi !== null && cmp(actual, b.hi) > 0 ? 'exceeded' : 'met';
      const c = cmp(actual, b.lo);
      if (c < 0 || (c === 0 && b.loStrict)) return 'not_met';
      if (b.hi === null) return c > 0 ? 'exceeded' : 'met';
      return cmp(actual, b.hi) > 0 ? 'exceeded' : 'met';
    }
    case 'lower_better': {
      if (b.hi === null) return b.lo !== null && cmp(actual, b.lo) < 0 ? 'exceeded' : 'met';
      const c = cmp(actual, b.hi);
      if (c > 0 || (c === 0 && b.hiStrict)) return 'not_met';
      if (b.lo === null) return c < 0 ? 'exceeded' : 'met';
      return cmp(actual, b.lo) < 0 ? 'exceeded' : 'met';
    }
    case 'band': {
      if (b.lo !== null) {
        const c = cmp(actual, b.lo);
        if (c < 0 || (c === 0 && b.loStrict)) return 'not_met';
      }
      if (b.hi !== null) {
        const c = cmp(actual, b.hi);
        if (c > 0 || (c === 0 && b.hiStrict)) return 'not_met';
      }
      return 'met';
    }
  }
}

export const reached = (s: FinalStatus): boolean => s === 'met' || s === 'exceeded';

/** The bound an actual must reach to be met: the lower end when higher is better, the upper when lower is better; for
 * a band the end nearest the actual (or the lower end when none is given). */
export function metBound(b: Bounds, actual?: Exact): Exact | null {
  switch (b.direction) {
    case 'higher_better':
      return b.lo ?? b.hi;
    case 'lower_better':
      return b.hi ?? b.lo;
    case 'band':
      if (actual !== undefined && b.hi !== null && cmp(actual, b.hi) > 0) return b.hi;
      return b.lo ?? b.hi;
  }
}
