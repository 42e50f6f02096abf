// Fits the pooled log-scale prior on training cases by the mean log score of the forecast's own probability: the
// prior is the only thing learnt, and it is learnt from terms whose outcome was known at the split.
import { cdfOn, endDistribution } from '../continuous.ts';
import { yearly, type YearPoint } from '../read.ts';
import { probabilityIn, regionOf } from '../region.ts';
import { LOG } from '../scale.ts';
import { termPrior, type PoolStructure, type TermCrossSection } from '../pool.ts';
import type { ScalePrior } from '../types.ts';
import type { BacktestCase } from './cases.ts';
import { nelderMead } from './nelder-mead.ts';

interface Group {
  /** The term and checkpoint ("1995/2"): the key of the cross-section it is pooled with. */
  term: string;
  points: YearPoint[];
  year: number;
  goals: { value: number; met: boolean }[];
}

/** The figures a checkpoint saw, once per (unit, term, checkpoint), with the targets judged on them. */
function groupsOf(cases: readonly BacktestCase[]): Group[] {
  const byKey = new Map<string, Group>();
  for (const c of cases) {
    const key = `${c.unit}/${c.baseYear}/${c.checkpoint}`;
    let g = byKey.get(key);
    if (g === undefined) {
      g = {
        term: crossSectionKey(c.baseYear, c.checkpoint),
        points: yearly(c.observations, ['level']),
        year: c.target.year,
        goals: [],
      };
      byKey.set(key, g);
    }
    g.goals.push({ value: Number(c.target.value), met: c.met });
  }
  return [...byKey.values()];
}

// Probabilities are kept inside [ε, 1 − ε] while fitting so that one surprise cannot dominate the mean log score.
const EPS = 1e-4;

export function priorOf(x: readonly number[]): ScalePrior {
  const [mean = 0, between = 0, within = 0, weight = 0, drift = 0] = x;
  return {
    mean,
    between: Math.exp(between),
    within: Math.exp(within),
    weight: Math.exp(weight),
    drift: Math.exp(drift),
  };
}

/** The key of a term's cross-section at a checkpoint. */
export const crossSectionKey = (baseYear: number, checkpoint: number): string => `${baseYear}/${checkpoint}`;

export function meanLogScore(groups: readonly Group[], priorOfGroup: ScalePrior | ((g: Group) => ScalePrior)): number {
  let sum = 0;
  let n = 0;
  for (const g of groups) {
    const prior = typeof priorOfGroup === 'function' ? priorOfGroup(g) : priorOfGroup;
    const d = endDistribution(g.points, LOG, prior, () => 0);
    if (d === null) continue;
    const cdf = cdfOn(LOG, d.at(g.year));
    for (const goal of g.goals) {
      const p = Math.min(Math.max(probabilityIn(regionOf('higher_better', goal.value), cdf), EPS), 1 - EPS);
      sum -= Math.log(goal.met ? p : 1 - p);
      n++;
    }
  }
  return n === 0 ? 0 : sum / n;
}

export interface PriorFit {
  prior: ScalePrior;
  logScore: number;
  iterations: number;
  cases: number;
}

/** Minimises the mean log score over the training cases, starting from a plain prior (+5 %/yr). */
export function fitLogPrior(train: readonly BacktestCase[]): PriorFit {
  const groups = groupsOf(train);
  const start = [0.05, Math.log(0.002), Math.log(0.02), Math.log(4), Math.log(0.002)];
  const best = nelderMead((x) => meanLogScore(groups, priorOf(x)), start, { step: 0.5, tolerance: 1e-10 });
  const prior = priorOf(best.x);
  const rounded: ScalePrior = {
    mean: sig(prior.mean),
    between: sig(prior.between),
    within: sig(prior.within),
    weight: sig(prior.weight),
    drift: sig(prior.drift),
  };
  return { prior: rounded, logScore: best.value, iterations: best.iterations, cases: train.length };
}

/** Four significant digits: what the prior is published with, and what the scoring runs on. */
const sig = (x: number): number => Number(x.toPrecision(4));

export interface PooledFit {
  structure: PoolStructure;
  logScore: number;
  iterations: number;
  cases: number;
  /** Training cross-sections the fit pooled with (one per term and checkpoint). */
  crossSections: number;
}

/**
 * Fits the structure of the prior pooled at the checkpoint (`termPrior`) on training cases, each with the cross-section
 * of its own term and checkpoint (`crossSections`, keyed by `crossSectionKey`): μ_lr, λ, λ₁, κ, σ₀², ν₀ and ω² by the
 * mean log score, as `fitLogPrior`; γ² is the variance of the training cross-sections' means and ψ² (the year effect,
 * both the forecast's common shock and the shrinkage of the latest year's mean) that of the training calendar years'
 * common growth (moments, not fits to the outcomes). Cases without a cross-section are left out.
 */
export function fitPooledPrior(
  train: readonly BacktestCase[],
  crossSections: ReadonlyMap<string, TermCrossSection>,
  /** weight: hold λ at this value instead of fitting it (a sensitivity run; the product's structure fits it). */
  opts: { weight?: number; maxIterations?: number } = {},
): PooledFit {
  const fixedWeight = opts.weight;
  const groups = groupsOf(train).filter((g) => crossSections.has(g.term));
  const used = new Set(groups.map((g) => g.term));
  const means = [...used].map((k) => (crossSections.get(k) as TermCrossSection).mean);
  const average = means.reduce((a, b) => a + b, 0) / Math.max(means.length, 1);
  const common = Math.max(means.reduce((a, m) => a + (m - average) ** 2, 0) / Math.max(means.length - 1, 1), 1e-6);
  // ψ²: the variance of the common growth of a calendar year (the cross-sections' latest-year means, one per
  // calendar year of the training terms) around its average: the random year effect, a moment, not a fit.
  const byYear = new Map<number, number>();
  for (const k of used) {
    const cs = crossSections.get(k) as TermCrossSection;
    if (cs.recent !== undefined) byYear.set(cs.asOfYear, cs.recent.mean);
  }
  const years = [...byYear.values()];
  const yearMean = years.reduce((a, b) => a + b, 0) / Math.max(years.length, 1);
  const yearVariance =
    years.length > 1 ? years.reduce((a, m) => a + (m - yearMean) ** 2, 0) / (years.length - 1) : undefined;
  const structureOf = (x: readonly number[]): PoolStructure => {
    const [mean = 0, weight = 0, spread = 0, within = 0, nu = 0, drift = 0, recent = 0] = x;
    return {
      base: {
        mean,
        between: 0,
        within: Math.exp(within),
        weight: Math.exp(nu),
        drift: Math.exp(drift),
        ...(yearVariance === undefined ? {} : { shock: yearVariance }),
      },
      weight: fixedWeight ?? Math.max(weight, 0),
      common,
      spread: Math.exp(spread),
      ...(yearVariance === undefined ? {} : { recentWeight: Math.max(recent, 0), yearVariance }),
    };
  };
  const objective = (x: readonly number[]): number => {
    const s = structureOf(x);
    return meanLogScore(groups, (g) => termPrior(s, crossSections.get(g.term) as TermCrossSection));
  };
  const start = [0.05, 0.5, Math.log(0.5), Math.log(0.01), Math.log(5), Math.log(0.001), 0.2];
  const best = nelderMead(objective, start, {
    step: 0.5,
    tolerance: 1e-10,
    ...(opts.maxIterations === undefined ? {} : { maxIterations: opts.maxIterations }),
  });
  const s = structureOf(best.x);
  const structure: PoolStructure = {
    base: {
      mean: sig(s.base.mean),
      between: 0,
      within: sig(s.base.within),
      weight: sig(s.base.weight),
      drift: sig(s.base.drift),
      ...(s.base.shock === undefined ? {} : { shock: sig(s.base.shock) }),
    },
    weight: sig(s.weight),
    common: sig(s.common),
    spread: sig(s.spread),
    ...(s.recentWeight === undefined ? {} : { recentWeight: sig(s.recentWeight) }),
    ...(s.yearVariance === undefined ? {} : { yearVariance: sig(s.yearVariance) }),
  };
  return {
    structure,
    logScore: best.value,
    iterations: best.iterations,
    cases: groups.reduce((a, g) => a + g.goals.length, 0),
    crossSections: used.size,
  };
}
