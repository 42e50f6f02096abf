// The forecast backtest on a panel of real history: build the cases, fit the prior on the terms judged by the split
// year only, then score the model and three baselines on the later terms, checkpoint by checkpoint.
import { evaluate } from '../../evaluation/index.ts';
import { undpCurrentRatio, type UndpStatus } from '../../progress-methods/un-progress-chart-cr.ts';
import { forecastTarget } from '../forecast-target.ts';
import { termCrossSection, type PeerSeries, type PoolStructure, type TermCrossSection } from '../pool.ts';
import type { ScalePrior } from '../types.ts';
import { buildCases, splitCases, type BacktestCase, type CaseOptions, type Panel } from './cases.ts';
import { crossSectionKey, fitLogPrior, fitPooledPrior } from './fit.ts';
import { reliability, score, type ReliabilityBin, type Scored, type Scores } from './score.ts';

export const METHODS = ['model', 'climatology', 'onTrack', 'unCategories'] as const;
export type MethodName = (typeof METHODS)[number];

export interface CheckpointResult {
  n: number;
  model: Scores;
  climatology: Scores;
  onTrack: Scores;
  unCategories: Scores;
  /** The model's Brier score over the UN categories' (the goal: ≤ 0.85 two years in). */
  brierRatio: number;
  reliability: Record<MethodName, ReliabilityBin[]>;
  /** The model without the current term's cross-section (the long-run prior alone), for comparison. */
  unpooled: Scores;
}

export interface BacktestResult {
  units: number;
  lastTrainYear: number;
  trainCases: number;
  testCases: number;
  /** The long-run prior (no cross-section), fitted on the training terms. */
  prior: ScalePrior;
  fit: { logScore: number; iterations: number };
  /** The structure of the prior pooled at the checkpoint, fitted on the same training terms. */
  pooled: { structure: PoolStructure; logScore: number; iterations: number; crossSections: number };
  /** Out of sample (terms judged after the split year), by checkpoint. */
  checkpoints: Record<string, CheckpointResult>;
  /** The same scores on the training terms, for comparison only. */
  inSample: Record<string, Record<MethodName, Scores>>;
  /** Two years in, term by term: the model's mean P against the share met (calibration in the large over time). */
  byTerm: { baseYear: number; n: number; meanP: number; rate: number }[];
}

/** The probability each method gives one case. */
type Predict = (c: BacktestCase) => number;

function unStatus(c: BacktestCase): UndpStatus {
  return undpCurrentRatio(
    c.observations.map((o) => ({ year: Number(o.period), value: Number(o.value) })),
    { target: Number(c.target.value), type: 'max', targetYear: c.target.year, baseYear: c.baseYear },
  ).status;
}

/** Every unit of the panel as a peer: its level by year. */
export function peersOf(panel: Panel): PeerSeries[] {
  return [...panel.values()].map((series) => (year) => {
    const v = series.get(year);
    return v === undefined ? undefined : Number(v);
  });
}

/**
 * The cross-section of every term and checkpoint the cases hold, each read from the panel at the checkpoint year
 * (base year + checkpoint): what a forecaster knew then about every unit's growth in the term so far.
 */
export function crossSections(panel: Panel, cases: readonly BacktestCase[]): Map<string, TermCrossSection> {
  const peers = peersOf(panel);
  const out = new Map<string, TermCrossSection>();
  for (const c of cases) {
    const key = crossSectionKey(c.baseYear, c.checkpoint);
    if (out.has(key)) continue;
    const cs = termCrossSection(peers, c.baseYear, c.baseYear + c.checkpoint);
    if (cs !== null) out.set(key, cs);
  }
  return out;
}

/** The product's forecast of one case: the long-run prior, the pooled structure, and the case's own cross-section. */
export function modelProbability(
  c: BacktestCase,
  fitted: { prior: ScalePrior; pool: PoolStructure },
  cs: TermCrossSection | null,
): number {
  const f = forecastTarget(
    c.target,
    c.observations,
    { year: c.baseYear + c.checkpoint },
    { priors: { log: fitted.prior, pool: fitted.pool }, pool: cs, fan: false },
  );
  // Every case has figures and a running term, so a forecast is always available here.
  return 'unavailable' in f ? Number.NaN : f.pMet;
}

/** Observed frequencies on the training cases of a key (the base rate when a key never occurred there). */
function frequencies(train: readonly BacktestCase[], key: (c: BacktestCase) => string): (c: BacktestCase) => number {
  const counts = new Map<string, { n: number; hits: number }>();
  let hits = 0;
  for (const c of train) {
    const k = key(c);
    const e = counts.get(k) ?? { n: 0, hits: 0 };
    e.n++;
    if (c.met) {
      e.hits++;
      hits++;
    }
    counts.set(k, e);
  }
  const base = hits / Math.max(train.length, 1);
  return (c) => {
    const e = counts.get(key(c));
    return e === undefined ? base : e.hits / e.n;
  };
}

export function runBacktest(
  panel: Panel,
  caseOptions: CaseOptions,
  lastTrainYear: number,
  /** Hold the pooled prior's λ fixed (a sensitivity run), instead of fitting it on the training terms. */
  fixedWeight?: number,
): BacktestResult {
  const cases = buildCases(panel, caseOptions);
  const { train, test } = splitCases(cases, lastTrainYear);
  const fit = fitLogPrior(train);
  const sections = crossSections(panel, cases);
  const pooledFit = fitPooledPrior(train, sections, fixedWeight === undefined ? {} : { weight: fixedWeight });
  const fitted = { prior: fit.prior, pool: pooledFit.structure };
  // Each case's model probability is computed once: the scores and the term-by-term view share it.
  const modelP = new Map<BacktestCase, number>();
  const unpooled = (c: BacktestCase): number => modelProbability(c, fitted, null);
  const predictors: Record<MethodName, Predict> = {
    model: (c) => {
      const cached = modelP.get(c);
      if (cached !== undefined) return cached;
      const p = modelProbability(c, fitted, sections.get(crossSectionKey(c.baseYear, c.checkpoint)) ?? null);
      modelP.set(c, p);
      return p;
    },
    // Climatology: how often a target of this ambition was met in the training terms.
    climatology: frequencies(train, (c) => c.growth),
    // chitieu's own on-track verdict (the trend from the base year reaches the target) as a yes/no forecast.
    onTrack: (c) =>
      evaluate(c.target, c.observations, { year: c.baseYear + c.checkpoint }).status === 'on_track' ? 1 : 0,
    // The UN Progress Chart's current-ratio category, turned into how often each category ended met in training.
    unCategories: frequencies(train, (c) => `${c.checkpoint}/${unStatus(c)}`),
  };
  const scoreOn = (subset: readonly BacktestCase[]): Record<string, Record<MethodName, Scored[]>> => {
    const out: Record<string, Record<MethodName, Scored[]>> = {};
    for (const c of subset) {
      const k = String(c.checkpoint);
      const slot = (out[k] ??= { model: [], climatology: [], onTrack: [], unCategories: [] });
      for (const m of METHODS) slot[m].push({ p: predictors[m](c), met: c.met });
    }
    return out;
  };
  const checkpoints: Record<string, CheckpointResult> = {};
  for (const [k, byMethod] of Object.entries(scoreOn(test))) {
    const s = Object.fromEntries(METHODS.map((m) => [m, score(byMethod[m])])) as Record<MethodName, Scores>;
    checkpoints[k] = {
      n: byMethod.model.length,
      ...s,
      brierRatio: s.model.brier / s.unCategories.brier,
      reliability: Object.fromEntries(METHODS.map((m) => [m, reliability(byMethod[m])])) as Record<
        MethodName,
        ReliabilityBin[]
      >,
      unpooled: score(test.filter((c) => String(c.checkpoint) === k).map((c) => ({ p: unpooled(c), met: c.met }))),
    };
  }
  const inSample: Record<string, Record<MethodName, Scores>> = {};
  for (const [k, byMethod] of Object.entries(scoreOn(train)))
    inSample[k] = Object.fromEntries(METHODS.map((m) => [m, score(byMethod[m])])) as Record<MethodName, Scores>;
  const terms = new Map<number, { n: number; sumP: number; hits: number }>();
  for (const c of cases) {
    if (c.checkpoint !== 2) continue;
    const t = terms.get(c.baseYear) ?? { n: 0, sumP: 0, hits: 0 };
    t.n++;
    t.sumP += predictors.model(c);
    if (c.met) t.hits++;
    terms.set(c.baseYear, t);
  }
  const byTerm = [...terms.entries()]
    .sort(([a], [b]) => a - b)
    .map(([baseYear, t]) => ({ baseYear, n: t.n, meanP: t.sumP / t.n, rate: t.hits / t.n }));
  return {
    byTerm,
    units: new Set(cases.map((c) => c.unit)).size,
    lastTrainYear,
    trainCases: train.length,
    testCases: test.length,
    prior: fit.prior,
    fit: { logScore: fit.logScore, iterations: fit.iterations },
    pooled: {
      structure: pooledFit.structure,
      logScore: pooledFit.logScore,
      iterations: pooledFit.iterations,
      crossSections: pooledFit.crossSections,
    },
    checkpoints,
    inSample,
  };
}
