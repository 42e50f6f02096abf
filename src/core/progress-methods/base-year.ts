// The base-year rules the peers use when the preferred base year has no data: the main source of disagreement
// between them, so each is a named, explicit choice.
import { refuseProgressInput } from './refusal.ts';
import type { FloatPoint } from './types.ts';

/**
 * - `next_later` (StatCan / sdg-build): the preferred year, else the next later year with data; none → the peer
 *   crashes, chitieu refuses.
 * - `nearest_both_ways` (EUSTAT): preferred, +1, −1, +2, −2, …
 * - `undp` (UNDP SDG Push): 2015, else 2010, else the latest year strictly between them, else the earliest year.
 *   With another preferred year P the same shape is used with P and P − 5.
 * - `after_then_before` (UN 2023 expected value as documented): the preferred year, else the first later year that
 *   still leaves a later point, else the nearest earlier year.
 */
export type BaseYearRule = 'next_later' | 'nearest_both_ways' | 'undp' | 'after_then_before';

export function selectBaseYear(points: readonly FloatPoint[], preferred: number, rule: BaseYearRule): number {
  const years = [...new Set(points.map((p) => p.year))].sort((a, b) => a - b);
  const has = (y: number): boolean => years.includes(y);
  const first = years[0];
  const last = years[years.length - 1];
  if (first === undefined || last === undefined) throw new Error('selectBaseYear needs at least one point');
  if (has(preferred)) return preferred;
  switch (rule) {
    case 'next_later': {
      const later = years.find((y) => y > preferred);
      if (later === undefined)
        throw refuseProgressInput('base_year_after_data', '/baseYear', { baseYear: preferred, latestYear: last });
      return later;
    }
    case 'nearest_both_ways': {
      const span = Math.max(Math.abs(last - preferred), Math.abs(preferred - first)) + 1;
      for (let delta = 1; delta <= span; delta++) {
        if (has(preferred + delta)) return preferred + delta;
        if (has(preferred - delta)) return preferred - delta;
      }
      return first;
    }
    case 'undp': {
      const fallback = preferred - 5;
      if (has(fallback)) return fallback;
      const between = years.filter((y) => y > fallback && y < preferred);
      return between[between.length - 1] ?? first;
    }
    case 'after_then_before': {
      const later = years.find((y) => y > preferred && y < last);
      if (later !== undefined) return later;
      const earlier = years.filter((y) => y < preferred);
      return earlier[earlier.length - 1] ?? first;
    }
  }
}
