// Proper scores of probability forecasts against outcomes: Brier, log score, expected calibration error, and the
// reliability diagram's bins.
export interface Scored {
  p: number;
  met: boolean;
}

export interface Scores {
  n: number;
  brier: number;
  /** Mean −ln of the probability given to what happened; probabilities clipped to [0.001, 0.999] for every method. */
  logScore: number;
  /** Σ (n_b / N)·|mean p_b − observed rate_b| over ten equal-width bins of p. */
  ece: number;
  /** Mean probability and observed rate: their gap is the calibration-in-the-large. */
  meanP: number;
  rate: number;
}

export interface ReliabilityBin {
  from: number;
  to: number;
  n: number;
  meanP: number;
  rate: number;
}

const BINS = 10;
const CLIP = 0.001;

export function reliability(xs: readonly Scored[]): ReliabilityBin[] {
  const bins = Array.from({ length: BINS }, (_, i) => ({ from: i / BINS, to: (i + 1) / BINS, n: 0, sumP: 0, hits: 0 }));
  for (const x of xs) {
    const b = bins[Math.min(Math.floor(x.p * BINS), BINS - 1)];
    if (b === undefined) continue;
    b.n++;
    b.sumP += x.p;
    if (x.met) b.hits++;
  }
  return bins.map((b) => ({
    from: b.from,
    to: b.to,
    n: b.n,
    meanP: b.n === 0 ? 0 : b.sumP / b.n,
    rate: b.n === 0 ? 0 : b.hits / b.n,
  }));
}

export function score(xs: readonly Scored[]): Scores {
  let brier = 0;
  let log = 0;
  let sumP = 0;
  let hits = 0;
  for (const x of xs) {
    const y = x.met ? 1 : 0;
    brier += (x.p - y) ** 2;
    const p = Math.min(Math.max(x.p, CLIP), 1 - CLIP);
    log -= Math.log(x.met ? p : 1 - p);
    sumP += x.p;
    hits += y;
  }
  const n = xs.length;
  let ece = 0;
  for (const b of reliability(xs)) ece += (b.n / Math.max(n, 1)) * Math.abs(b.meanP - b.rate);
  return { n, brier: brier / n, logScore: log / n, ece, meanP: sumP / n, rate: hits / n };
}
