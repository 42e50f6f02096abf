// The total of the flows still to come (investment, homes built, jobs) as a log-normal sum: each future year's flow
// follows the log-scale drift of the yearly flows, and the sum of those correlated log-normals is matched by its first
// two moments (Fenton–Wilkinson), which is closed-form and deterministic.
import { changeCovariance, type DriftPosterior } from './drift.ts';
import type { Moments } from './drift.ts';
import type { ScalePrior } from './types.ts';

/**
 * Moments of log S, S = Σ_{j=1..h} f·exp(X_j), where X_j is the change of the log flow j years ahead:
 *   E[S] = f Σ_j exp(μ_j + v_jj/2),  E[S²] = f² Σ_i Σ_j exp(μ_i + μ_j + (v_ii + v_jj + 2 v_ij)/2),
 *   s² = ln(E[S²]/E[S]²),  m = ln E[S] − s²/2.
 */
export function futureSumLog(
  latestFlow: number,
  post: DriftPosterior,
  prior: ScalePrior,
  years: number,
  latestError: number,
): Moments | null {
  if (years <= 0 || !(latestFlow > 0)) return null;
  const mu: number[] = [];
  const v: number[][] = [];
  for (let i = 1; i <= years; i++) {
    mu.push(i * post.mean);
    const row: number[] = [];
    for (let j = 1; j <= years; j++) row.push(changeCovariance(post, prior, i, j, latestError));
    v.push(row);
  }
  let first = 0;
  let second = 0;
  for (let i = 0; i < years; i++) {
    const vi = v[i] as number[];
    first += Math.exp((mu[i] as number) + (vi[i] as number) / 2);
    for (let j = 0; j < years; j++) {
      const vj = v[j] as number[];
      second += Math.exp(
        (mu[i] as number) + (mu[j] as number) + ((vi[i] as number) + (vj[j] as number) + 2 * (vi[j] as number)) / 2,
      );
    }
  }
  const s2 = Math.log(second / (first * first));
  return { mean: Math.log(latestFlow) + Math.log(first) - s2 / 2, variance: s2 };
}
