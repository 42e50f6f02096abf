// Units meeting a standard as a count over units: each unit not yet meeting it qualifies in a given year with an
// unknown probability q (Beta prior, updated by the yearly counts seen), so the number that qualify by the judged
// year is beta-binomial. Units that lose the standard are not modelled: the count is read as it is reported.
import type { UnitsPrior } from './types.ts';

export interface UnitsPosterior {
  a: number;
  b: number;
}

/** Beta(a + Σ newly qualified, b + Σ still not qualified) over the yearly steps of the count. */
export function unitsPosterior(
  counts: readonly { year: number; count: number }[],
  total: number,
  prior: UnitsPrior,
): UnitsPosterior {
  let a = prior.a;
  let b = prior.b;
  for (let i = 1; i < counts.length; i++) {
    const prev = counts[i - 1] as { year: number; count: number };
    const cur = counts[i] as { year: number; count: number };
    const atRisk = Math.max(total - prev.count, 0);
    const gained = Math.min(Math.max(cur.count - prev.count, 0), atRisk);
    // A step over g years: a unit that did not qualify stayed out g times.
    const years = Math.max(cur.year - prev.year, 1);
    a += gained;
    b += (atRisk - gained) * years;
  }
  return { a, b };
}

// Gauss–Legendre would be finer; the midpoint rule on 400 points of q is exact to far below the printed 3 decimals.
const GRID = 400;

/** P(X = k), k = 0..remaining, X the units qualifying within `years`, q ~ Beta(a, b), X | q ~ Bin(remaining, 1 − (1 − q)^years). */
export function qualifyingPmf(post: UnitsPosterior, remaining: number, years: number): number[] {
  const pmf = new Array<number>(remaining + 1).fill(0);
  const logW: number[] = [];
  for (let g = 0; g < GRID; g++) {
    const q = (g + 0.5) / GRID;
    logW.push((post.a - 1) * Math.log(q) + (post.b - 1) * Math.log(1 - q));
  }
  // Weights relative to the largest, so that a sharp posterior does not underflow.
  const top = Math.max(...logW);
  let norm = 0;
  for (let g = 0; g < GRID; g++) {
    const w = Math.exp((logW[g] as number) - top);
    norm += w;
    const p = 1 - (1 - (g + 0.5) / GRID) ** years;
    addBinomial(pmf, remaining, p, w);
  }
  return pmf.map((x) => x / norm);
}

/** pmf[k] += w · C(n, k) p^k (1 − p)^(n − k), by the ratio of consecutive terms, in logs. */
function addBinomial(pmf: number[], n: number, p: number, w: number): void {
  const lp = Math.log(p);
  const lq = Math.log1p(-p);
  let log = n * lq;
  for (let k = 0; k <= n; k++) {
    pmf[k] = (pmf[k] as number) + w * Math.exp(log);
    log += Math.log(n - k) - Math.log(k + 1) + lp - lq;
  }
}
