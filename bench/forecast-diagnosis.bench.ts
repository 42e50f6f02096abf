// Diagnosis of the forecast backtest's calibration shift (issue 21): base rates and the model's mean P by target and
// checkpoint in the training and scored terms, the common (calendar-year) shock in world growth, and how far a model
// calibrated in sample drifts over any run of eleven consecutive terms (the size of the scored set). It uses the
// structure fitted on the training terms by bench/forecast.bench.ts (read from bench/results/forecast-backtest.json);
// it fits nothing. Run: `nice -n 10 npx tsx bench/forecast-diagnosis.bench.ts`; writes
// bench/results/forecast-diagnosis.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WORLD_BANK_CASES, buildCases, type BacktestCase } from '../src/core/forecast/backtest/cases.ts';
import { crossSectionKey } from '../src/core/forecast/backtest/fit.ts';
import { crossSections, modelProbability } from '../src/core/forecast/backtest/run.ts';
import { score, type Scored } from '../src/core/forecast/backtest/score.ts';
import { gdpPerHead } from './forecast/worldbank.ts';

const here = dirname(fileURLToPath(import.meta.url));
const folder = resolve(here, '../../shared/data/worldbank');
const LAST_TRAIN_YEAR = 2012;
const fitted = JSON.parse(readFileSync(join(here, 'results/forecast-backtest.json'), 'utf8')) as {
  prior: Parameters<typeof modelProbability>[1]['prior'];
  pooled: { structure: Parameters<typeof modelProbability>[1]['pool'] };
};
const panel = gdpPerHead(folder);
const cases = buildCases(panel, WORLD_BANK_CASES);
const sections = crossSections(panel, cases);
const p = new Map<BacktestCase, number>();
for (const c of cases)
  p.set(
    c,
    modelProbability(
      c,
      { prior: fitted.prior, pool: fitted.pooled.structure },
      sections.get(crossSectionKey(c.baseYear, c.checkpoint)) ?? null,
    ),
  );
const scored = (xs: readonly BacktestCase[]): Scored[] => xs.map((c) => ({ p: p.get(c) ?? Number.NaN, met: c.met }));
const r = (x: number, d = 3): number => Number(x.toFixed(d));

// 1. Base rate and mean P by target and checkpoint, training against scored terms.
const byTarget: Record<string, unknown>[] = [];
for (const k of WORLD_BANK_CASES.checkpoints)
  for (const g of WORLD_BANK_CASES.growths)
    for (const side of ['train', 'scored'] as const) {
      const xs = cases.filter(
        (c) => c.checkpoint === k && c.growth === g && (side === 'train') === c.endYear <= LAST_TRAIN_YEAR,
      );
      const s = score(scored(xs));
      byTarget.push({ checkpoint: k, growth: g, side, n: s.n, rate: r(s.rate), meanP: r(s.meanP), ece: r(s.ece) });
    }

// 2. The common shock: the cross-country mean of yearly log growth, by calendar year.
const common: { year: number; n: number; mean: number }[] = [];
for (let y = 1961; y <= 2023; y++) {
  let sum = 0;
  let n = 0;
  for (const s of panel.values()) {
    const a = s.get(y - 1);
    const b = s.get(y);
    if (a === undefined || b === undefined) continue;
    sum += Math.log(Number(b) / Number(a));
    n++;
  }
  if (n > 0) common.push({ year: y, n, mean: r(sum / n, 4) });
}
const inRange = (from: number, to: number): number[] =>
  common.filter((c) => c.year >= from && c.year <= to).map((c) => c.mean);
const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: readonly number[]): number => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
};
const train = inRange(1981, LAST_TRAIN_YEAR);
const lag1 = (xs: readonly number[]): number => {
  const m = mean(xs);
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    den += ((xs[i] as number) - m) ** 2;
    if (i > 0) num += ((xs[i] as number) - m) * ((xs[i - 1] as number) - m);
  }
  return num / den;
};
const commonSummary = {
  trainYears: '1981–2012',
  trainMean: r(mean(train), 4),
  trainSd: r(sd(train), 4),
  trainLag1: r(lag1(train), 3),
  scoredYears: '2013–2023',
  scoredMean: r(mean(inRange(2013, 2023)), 4),
  scoredSd: r(sd(inRange(2013, 2023)), 4),
  // The standard error of the long-run common growth from 32 training years, if years were independent.
  trainMeanSe: r(sd(train) / Math.sqrt(train.length), 4),
};

// 3. Calibration in the large two years in, over every run of eleven consecutive base years (the scored set holds
// base years 2008–2018): in the training terms, where the model is calibrated overall, how far does a window drift?
const windows: { from: number; to: number; meanP: number; rate: number; ece: number }[] = [];
for (let b = 1980; b + 10 <= 2018; b++) {
  const xs = cases.filter((c) => c.checkpoint === 2 && c.baseYear >= b && c.baseYear <= b + 10);
  const s = score(scored(xs));
  windows.push({ from: b, to: b + 10, meanP: r(s.meanP), rate: r(s.rate), ece: r(s.ece) });
}
const inTrain = windows.filter((w) => w.to + 5 <= LAST_TRAIN_YEAR);
const eceTrainWindows = inTrain.map((w) => w.ece).sort((a, b) => a - b);

// 4. An oracle, as a diagnosis only (it reads the scored years, so it is never a candidate): the same model told the
// cross-country mean growth of each case's remaining years (its prior mean set to it, no year effect left to fear).
// What it still misses is the countries' own deviations; what it gains is the common shock no checkpoint can know.
const commonOf = new Map(common.map((c) => [c.year, c.mean]));
const structure = fitted.pooled.structure;
const un = (
  JSON.parse(readFileSync(join(here, 'results/forecast-backtest.json'), 'utf8')) as {
    checkpoints: Record<string, { unCategories: { brier: number } }>;
  }
).checkpoints;
const oracle: Record<string, { n: number; brier: number; ece: number; meanP: number; rate: number; ratio: number }> =
  {};
for (const k of WORLD_BANK_CASES.checkpoints) {
  const xs = cases.filter((c) => c.checkpoint === k && c.endYear > LAST_TRAIN_YEAR);
  const out: Scored[] = xs.map((c) => {
    const ahead: number[] = [];
    for (let y = c.baseYear + k + 1; y <= c.endYear; y++) ahead.push(commonOf.get(y) ?? Number.NaN);
    const pool = {
      ...structure,
      base: { ...structure.base, mean: mean(ahead), shock: 0 },
      weight: 0,
      recentWeight: 0,
    };
    const cs = sections.get(crossSectionKey(c.baseYear, c.checkpoint)) ?? null;
    return { p: modelProbability(c, { prior: fitted.prior, pool }, cs), met: c.met };
  });
  const s = score(out);
  oracle[String(k)] = {
    n: s.n,
    brier: r(s.brier, 4),
    ece: r(s.ece),
    meanP: r(s.meanP),
    rate: r(s.rate),
    ratio: r(s.brier / (un[String(k)]?.unCategories.brier ?? Number.NaN)),
  };
}

const out = {
  note: 'Fits nothing: the model is the structure fitted on the training terms (forecast-backtest.json).',
  byTarget,
  common,
  commonSummary,
  windows,
  oracle,
  trainWindowsEce: {
    windows: inTrain.length,
    min: eceTrainWindows[0],
    median: eceTrainWindows[Math.floor(eceTrainWindows.length / 2)],
    max: eceTrainWindows[eceTrainWindows.length - 1],
    atMost002: eceTrainWindows.filter((e) => e <= 0.02).length,
  },
};
writeFileSync(join(here, 'results/forecast-diagnosis.json'), `${JSON.stringify(out, null, 2)}\n`);
console.log(
  JSON.stringify({ byTarget, commonSummary, windows, trainWindowsEce: out.trainWindowsEce, oracle }, null, 1),
);
