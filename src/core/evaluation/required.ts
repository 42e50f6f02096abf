// What the remaining years need. For growth: the rate g_r such that the realised factor Π(1+gᵢ) times (1+g_r)^(N−k)
// equals the term's target factor (1+g*)^N, i.e. g_r = ((1+g*)^N / Π(1+gᵢ))^(1/(N−k)) − 1
// (reference/methods-and-anchors.md §3.8). For flows: what is still missing, spread evenly over the remaining years.
import { Decimal } from '../decimal.ts';
import { rootOf } from './root.ts';

const ONE = new Decimal(1);

export function requiredAverageRate(gStar: Decimal, n: number, realisedFactor: Decimal, k: number): Decimal {
  const ratio = ONE.plus(gStar).pow(n).div(realisedFactor);
  return rootOf(ratio, n - k).minus(ONE);
}

/** (target total − achieved)/(remaining years): the even yearly flow that still reaches a cumulative target. */
export function requiredYearlyFlow(targetTotal: Decimal, achieved: Decimal, remainingYears: number): Decimal {
  return targetTotal.minus(achieved).div(remainingYears);
}
