// The end value of a series on a scale (log or logit) as a normal distribution, from the series' own steps shrunk
// toward the pooled prior: what the level, range, threshold and growth forecasts share.
import { normalCdf, normalQuantile } from './normal.ts';
import { changeAhead, posteriorDrift, type DriftPosterior, type Moments, type Step } from './drift.ts';
import type { YearPoint } from './read.ts';
import { onScale, type Scale } from './scale.ts';
import type { ScalePrior } from './types.ts';

export interface EndDistribution {
  /** The latest figure the forecast starts from. */
  latest: YearPoint;
  /** Its place on the scale. */
  start: number;
  post: DriftPosterior;
  /** The distribution on the scale of the value in year `year` (normal). */
  at(year: number): Moments;
  /** Points used (figures and a stated baseline). */
  points: number;
}

/**
 * Steps between consecutive figures. The scatter of a unit is judged without its latest step: that figure is the one
 * most likely to be revised, and leaving it out keeps the forecast monotone (a better latest figure only moves the
 * mean, never the spread).
 */
function stepsOf(points: readonly YearPoint[], scale: Scale): Step[] {
  const steps: Step[] = [];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as YearPoint;
    const b = points[i] as YearPoint;
    steps.push({ change: onScale(scale, b.x) - onScale(scale, a.x), years: b.year - a.year });
  }
  return steps;
}

export function endDistribution(
  points: readonly YearPoint[],
  scale: Scale,
  prior: ScalePrior,
  latestError: (p: YearPoint) => number,
): EndDistribution | null {
  const latest = points[points.length - 1];
  if (latest === undefined) return null;
  const steps = stepsOf(points, scale);
  const settled = posteriorDrift(steps.slice(0, -1), prior);
  const post = posteriorWithScatter(steps, prior, settled.within);
  const start = onScale(scale, latest.x);
  const delta = latestError(latest);
  return {
    latest,
    start,
    post,
    points: points.length,
    at: (year) => {
      const m = changeAhead(post, prior, Math.max(year - latest.year, 0), delta);
      return { mean: start + m.mean, variance: m.variance };
    },
  };
}

/** The drift posterior over all steps, with the yearly noise fixed to the scatter of the settled steps. */
function posteriorWithScatter(steps: readonly Step[], prior: ScalePrior, within: number): DriftPosterior {
  let sum = 0;
  let years = 0;
  for (const s of steps) {
    sum += s.change;
    years += s.years;
  }
  const precision = years / within + 1 / prior.between;
  return {
    mean: (sum / within + prior.mean / prior.between) / precision,
    meanVar: 1 / precision,
    within,
    years,
    own: years > 0 ? sum / years : null,
  };
}

/** P(X ≤ x) on the value's own measure, for X normal on the scale. */
export function cdfOn(scale: Scale, m: Moments): (x: number) => number {
  const sd = Math.sqrt(m.variance);
  return (x) => {
    const y = scale.to(x);
    if (y === -Infinity) return 0;
    if (y === Infinity) return 1;
    return sd === 0 ? (y >= m.mean ? 1 : 0) : normalCdf((y - m.mean) / sd);
  };
}

/** The p-quantile on the value's own measure. */
export function quantileOn(scale: Scale, m: Moments): (p: number) => number {
  const sd = Math.sqrt(m.variance);
  return (p) => scale.from(m.mean + sd * normalQuantile(p));
}
