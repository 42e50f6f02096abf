// UNDP SDG Push's rule for indicator 8.1.1 (GDP per capita growth, itself a rate): the only coded peer precedent
// for growth-rate targets, which never takes a CAGR of a rate (UNDP-Data/SDG-Accelerator src/LandingPage.tsx,
// rule from commit bc68a6c4, as it stands @ 455863876aeafbe80e42103b3ec573a4e40e221f).
import type { FloatPoint } from './types.ts';
import type { UndpStatus } from './un-progress-chart-cr.ts';

export interface Undp811Result {
  status: UndpStatus | null;
  meanSince: number | null;
  meanBefore: number | null;
}

/** lodash meanBy: the sum in input order over the count; NaN for no values (the peer then compares NaN). */
const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * m = mean of the rates since `since` (2015, in input order); m > 2 On Track; no earlier value → no status; m below
 * the earlier mean Deterioration; m > 1.5 Fair; else Limited. The peer runs the chain even with no rate since 2015:
 * NaN fails every comparison, so earlier rates alone give "Limited or No Progress" (reproduced).
 */
export function undpGrowthRate811(points: readonly FloatPoint[], since = 2015): Undp811Result {
  const after = points.filter((p) => p.year >= since).map((p) => p.value);
  const before = points.filter((p) => p.year < since).map((p) => p.value);
  const m = mean(after);
  const meanSince = after.length > 0 ? m : null;
  const meanBefore = before.length > 0 ? mean(before) : null;
  if (m > 2) return { status: 'On Track', meanSince, meanBefore };
  // Without an earlier value there is nothing to compare with, and the peer gives no status.
  if (meanBefore === null) return { status: null, meanSince, meanBefore };
  if (m < meanBefore) return { status: 'Deterioration', meanSince, meanBefore };
  if (m > 1.5) return { status: 'Fair progress but acceleration needed', meanSince, meanBefore };
  return { status: 'Limited or No Progress', meanSince, meanBefore };
}
