// Fits the pooled log-scale prior on training cases by the mean log score of the forecast's own probability: the
// prior is the only thing learnt, and it is learnt from terms whose outcome was known at the split.
import { cdfOn, endDistribution } from '../continuous.ts';
import { yearly, type YearPoint } from '../read.ts';
import { probabilityIn, regionOf } from '../region.ts';
import { LOG } from '../scale.ts';
import type { ScalePrior } from '../types.ts';
import type { BacktestCase } from './cases.ts';
import { nelderMead } from './nelder-mead.ts';

interface Group {
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
      g = { points: yearly(c.observations, ['level']), year: c.target.year, goals: [] };
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

export function meanLogScore(groups: readonly Group[], prior: ScalePrior): number {
  let sum = 0;
  let n = 0;
  for (const g of groups) {
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
