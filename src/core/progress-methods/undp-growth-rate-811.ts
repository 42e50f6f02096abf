// UNDP SDG Push's rule for indicator 8.1.1 (GDP per capita growth, itself a rate): the only coded peer precedent
// for growth-rate targets, which never takes a CAGR of a rate (UNDP-Data/SDG-Accelerator src/LandingPage.tsx,
// rule from commit bc68a6c4, transcribed by hand).
import type { FloatPoint } from './types.ts';
import type { UndpStatus } from './un-progress-chart-cr.ts';

export interface Undp811Result {
  status: UndpStatus | null;
  meanSince: number | null;
  meanBefore: number | null;
}

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/** m = mean of the rates since `since` (2015); > 2 on track; below the earlier mean deterioration; > 1.5 fair. */
export function undpGrowthRate811(points: readonly FloatPoint[], since = 2015): Undp811Result {
  const after = points.filter((p) => p.year >= since).map((p) => p.value);
  const before = points.filter((p) => p.year < since).map((p) => p.value);
  if (after.length === 0) return { status: null, meanSince: null, meanBefore: before.length > 0 ? mean(before) : null };
  const m = mean(after);
  if (m > 2) return { status: 'On Track', meanSince: m, meanBefore: before.length > 0 ? mean(before) : null };
  // Without an earlier value there is nothing to compare with, and the peer gives no status.
  if (before.length === 0) return { status: null, meanSince: m, meanBefore: null };
  const mb = mean(before);
  if (m < mb) return { status: 'Deterioration', meanSince: m, meanBefore: mb };
  if (m > 1.5) return { status: 'Fair progress but acceleration needed', meanSince: m, meanBefore: mb };
  return { status: 'Limited or No Progress', meanSince: m, meanBefore: mb };
}
