// The one entry point of the forecast: for a running target, the probability that it is met at the term's end and an
// interval for the value it is judged on, from the series' own figures shrunk toward a pooled prior (docs/forecast.md).
// Pure: same inputs, same forecast. Decided outcomes come from the evaluation engine itself, never from a second path.
import { evaluate, type AsOf, type Evaluation, type FinalStatus } from '../evaluation/index.ts';
import { InvalidTarget, type Messages } from '../errors.ts';
import { formatNumber } from '../format/number.ts';
import type { ObservationInput, TargetSpec } from '../targets/target.ts';
import { cdfOn, endDistribution, quantileOn, type EndDistribution } from './continuous.ts';
import { futureSumLog } from './flows.ts';
import { normalCdf, normalQuantile } from './normal.ts';
import { termPrior } from './pool.ts';
import { DEFAULT_PRIORS, STATUS_ERROR } from './prior.ts';
import { printScale, spansFrom, yearly, type YearPoint } from './read.ts';
import { probabilityIn, regionOf, type Region } from './region.ts';
import { LOG, LOGIT, type Scale } from './scale.ts';
import { forecastSentence } from './sentence.ts';
import { qualifyingPmf, unitsPosterior } from './units.ts';
import type {
  FanPoint,
  Forecast,
  ForecastInputs,
  ForecastMethod,
  ForecastOptions,
  ForecastPriors,
  ForecastUnavailable,
} from './types.ts';

/** A model's probability is kept off 0 and 1: only a decided outcome is certain. */
const P_FLOOR = 0.001;

interface Ctx {
  priors: ForecastPriors;
  level: number;
  statusError: { estimate: number; preliminary: number };
  unit: string | undefined;
  fan: boolean;
}

/** What a model of one kind hands back before it is printed. */
interface Modelled {
  pMet: number;
  low: number;
  high: number;
  decimals: number;
  fan?: FanPoint[];
  method: ForecastMethod;
  inputs: ForecastInputs;
  region: Region;
  year: number;
  points: number;
  latest: YearPoint;
  unit?: Messages;
  measure?: Messages;
}

function unavailable(code: ForecastUnavailable['unavailable']['code'], m: Messages): ForecastUnavailable {
  return { unavailable: { code, ...m } };
}

const NO_FIGURES = (): ForecastUnavailable =>
  unavailable('no_figures', {
    vi: 'Chưa có số liệu nên chưa thể ước lượng khả năng đạt mục tiêu',
    en: 'No figures yet, so no probability of meeting the target can be given',
  });

export function forecastTarget(
  target: TargetSpec,
  observations: ObservationInput[],
  asOf: AsOf,
  options: ForecastOptions = {},
): Forecast {
  const level = options.level ?? 0.8;
  if (!(level > 0 && level < 1)) {
    throw new InvalidTarget(
      {
        vi: `Mức tin cậy ${String(level)} phải nằm giữa 0 và 1`,
        en: `Level ${String(level)} must lie between 0 and 1`,
      },
      { level },
    );
  }
  // The evaluation checks the target and its figures (typed errors) and says whether the outcome is already known.
  const evaluation =
    options.evaluation ??
    evaluate(
      target,
      observations,
      asOf,
      options.indicatorUnit === undefined ? {} : { indicatorUnit: options.indicatorUnit },
    );
  if (evaluation.phase === 'final' && evaluation.status !== 'no_data') return decidedForecast(evaluation);
  const priors = { ...DEFAULT_PRIORS, ...options.priors };
  // The prior pooled across units for the current term, when the caller read the term's cross-section.
  const pool = options.pool ?? null;
  const pooled = pool !== null && pool.baseYear === target.term.firstYear - 1;
  if (pooled) priors.log = termPrior(priors.pool, pool);
  const ctx: Ctx = {
    priors,
    level,
    statusError: options.statusError ?? STATUS_ERROR,
    unit: options.indicatorUnit,
    fan: options.fan ?? true,
  };
  const model = byKind(target, observations, ctx);
  if ('unavailable' in model) return model;
  const decided = evaluation.decided;
  const pMet =
    decided !== undefined
      ? reachedStatus(decided)
        ? 1
        : 0
      : Math.round(Math.min(Math.max(model.pMet, P_FLOOR), 1 - P_FLOOR) * 1000) / 1000;
  const low = model.low.toFixed(model.decimals);
  const high = model.high.toFixed(model.decimals);
  return {
    pMet,
    interval: { low, high, level },
    ...(model.fan !== undefined ? { fan: model.fan } : {}),
    method: decided !== undefined ? 'decided' : model.method,
    inputs: {
      ...model.inputs,
      ...(pooled && model.inputs.scale === 'log'
        ? {
            poolPeers: pool.peers,
            poolMean: round(pool.mean),
            ...(pool.recent ? { poolRecent: round(pool.recent.mean) } : {}),
            priorMean: round(priors.log.mean),
          }
        : {}),
      ...(decided !== undefined ? { decided, model: model.method } : {}),
    },
    sentence: forecastSentence({
      pMet,
      region: model.region,
      decimals: model.decimals,
      ...(model.unit !== undefined ? { unit: model.unit } : {}),
      year: model.year,
      low,
      high,
      level,
      points: model.points,
      latestYear: model.latest.year,
      latestIsEstimate: model.latest.status !== 'official',
      ...(model.measure !== undefined ? { measure: model.measure } : {}),
    }),
  };
}

const reachedStatus = (s: FinalStatus): boolean => s === 'met' || s === 'exceeded';

/** Once the judged figure is in, the outcome is known: P is exactly 1 or 0 and the interval is the figure itself. */
function decidedForecast(e: Evaluation): Forecast {
  const value = e.actual.value ?? '';
  const met = reachedStatus(e.status as FinalStatus);
  const period = e.actual.period ?? '';
  const vi = value === '' ? '' : formatNumber(value, { locale: 'vi' });
  const en = value === '' ? '' : formatNumber(value, { locale: 'en' });
  return {
    pMet: met ? 1 : 0,
    interval: { low: value, high: value, level: 1 },
    method: 'decided',
    inputs: { status: e.status, actual: e.actual.value, period: e.actual.period },
    sentence: {
      vi: `Đã có kết quả: ${met ? 'đạt' : 'không đạt'} mục tiêu (${vi}, kỳ ${period}).`,
      en: `Decided: ${met ? 'met' : 'not met'} (${en}, ${period}).`,
    },
  };
}

function byKind(target: TargetSpec, obs: readonly ObservationInput[], ctx: Ctx): Modelled | ForecastUnavailable {
  switch (target.kind) {
    case 'level_at_end': {
      const halfUnit = 0.5 * 10 ** -(target.precision ?? decimalsOf(target.value));
      const region = regionOf(target.direction, Number(target.value), undefined, halfUnit);
      return levelModel(target, levelSeries(obs, target.year), region, target.year, [target.value], obs, ctx);
    }
    case 'range_at_end':
      return levelModel(
        target,
        levelSeries(obs, target.year),
        regionOf(target.direction, Number(target.min), Number(target.max)),
        target.year,
        [target.min, target.max],
        obs,
        ctx,
      );
    case 'threshold': {
      const v = Number(target.value);
      const region = target.op === '>' || target.op === '>=' ? { lo: v, hi: null } : { lo: null, hi: v };
      return levelModel(
        target,
        yearly(obs, ['level', 'share', 'count']),
        region,
        target.year,
        [target.value],
        obs,
        ctx,
      );
    }
    case 'multiple_of_baseline': {
      if (target.baselineValue === undefined) {
        return unavailable('needs_baseline', {
          vi: 'Mục tiêu gấp nhiều lần kỳ gốc cần giá trị kỳ gốc để ước lượng khả năng đạt',
          en: 'A multiple-of-baseline target needs the baseline value to be forecast',
        });
      }
      const goal = Number(target.factor) * Number(target.baselineValue);
      const region = regionOf(target.direction, goal);
      const T = target.term.lastYear;
      return target.compare === 'final_level'
        ? levelModel(target, levelSeries(obs, T), region, T, [target.baselineValue], obs, ctx)
        : flowModel(target, obs, region, 1, ctx);
    }
    case 'cumulative':
      return flowModel(target, obs, regionOf(target.direction, Number(target.value), optional(target.max)), 1, ctx);
    case 'term_average': {
      const N = target.term.lastYear - target.term.firstYear + 1;
      return flowModel(target, obs, regionOf(target.direction, Number(target.min), optional(target.max)), N, ctx);
    }
    case 'yearly_flow': {
      const N = target.term.lastYear - target.term.firstYear + 1;
      return flowModel(target, obs, regionOf(target.direction, Number(target.value), optional(target.max)), N, ctx);
    }
    case 'growth_average':
      return growthModel(target, obs, ctx);
    case 'units_meeting_standard':
      return unitsModel(target, obs, ctx);
    case 'rank':
    case 'milestone':
    case 'benchmark':
      return unavailable('no_model', {
        vi: 'Chưa có mô hình dự báo cho loại mục tiêu này; không đưa ra một xác suất không có căn cứ',
        en: 'No forecast model for this kind of target; no probability is given without a basis',
      });
  }
}

const optional = (text: string | undefined): number | undefined => (text === undefined ? undefined : Number(text));

function decimalsOf(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** Levels, shares and counts of any year, and the judged year's figure when it is measured as a flow. */
function levelSeries(obs: readonly ObservationInput[], year: number): YearPoint[] {
  const levels = yearly(obs, ['level', 'share', 'count']);
  const flows = yearly(obs, ['flow']).filter((p) => p.year === year && !levels.some((l) => l.year === year));
  return [...levels, ...flows].sort((a, b) => a.year - b.year);
}

/** A target's stated baseline as a figure of its year, placed before the first figure when it is earlier. */
function withBaseline(target: TargetSpec, points: YearPoint[]): YearPoint[] {
  const b = target.baseline;
  if (b === undefined || !/^\d{4}$/.test(b.period)) return points;
  const year = Number(b.period);
  if (points.some((p) => p.year <= year)) return points;
  const [first] = yearly([{ period: b.period, value: b.value, status: 'official' }], ['level']);
  return first === undefined ? points : [first, ...points];
}

function isPercent(points: readonly YearPoint[], obs: readonly ObservationInput[], ctx: Ctx): boolean {
  const said = ctx.unit === '%' || obs.some((o) => o.measure === 'share');
  return said && points.every((p) => p.x >= 0 && p.x <= 100);
}

function latestError(ctx: Ctx): (p: YearPoint) => number {
  return (p) =>
    p.status === 'estimate' ? ctx.statusError.estimate : p.status === 'preliminary' ? ctx.statusError.preliminary : 0;
}

function fanOf(d: EndDistribution, scale: Scale, toYear: number, decimals: number, level: number): FanPoint[] {
  const out: FanPoint[] = [];
  const tail = (1 - level) / 2;
  for (let y = d.latest.year + 1; y <= toYear; y++) {
    const q = quantileOn(scale, d.at(y));
    out.push({
      year: y,
      low: q(tail).toFixed(decimals),
      median: q(0.5).toFixed(decimals),
      high: q(1 - tail).toFixed(decimals),
    });
  }
  return out;
}

function driftInputs(d: EndDistribution, scale: Scale, horizon: number): ForecastInputs {
  const m = d.at(d.latest.year + horizon);
  return {
    scale: scale.name,
    latestYear: d.latest.year,
    latestValue: d.latest.value.toFixed(),
    latestStatus: d.latest.status,
    points: d.points,
    horizonYears: horizon,
    ownDrift: d.post.own === null ? null : round(d.post.own),
    drift: round(d.post.mean),
    yearlyNoise: round(Math.sqrt(d.post.within)),
    endMean: round(m.mean),
    endSd: round(Math.sqrt(m.variance)),
  };
}

const round = (x: number): number => Math.round(x * 1e6) / 1e6;

/** Level, range and threshold targets (and a multiple of a baseline level): the judged year's value. */
function levelModel(
  target: TargetSpec,
  series: YearPoint[],
  region: Region,
  year: number,
  targetTexts: string[],
  obs: readonly ObservationInput[],
  ctx: Ctx,
): Modelled | ForecastUnavailable {
  const points = withBaseline(
    target,
    series.filter((p) => p.year <= year),
  );
  if (points.length === 0) return NO_FIGURES();
  const scale = isPercent(points, obs, ctx) ? LOGIT : LOG;
  if (!points.every((p) => scale.admits(p.x))) return notPositive();
  const d = endDistribution(points, scale, scale === LOGIT ? ctx.priors.logit : ctx.priors.log, latestError(ctx));
  if (d === null) return NO_FIGURES();
  const end = d.at(year);
  const q = quantileOn(scale, end);
  const tail = (1 - ctx.level) / 2;
  const decimals = printScale(points, targetTexts, scale === LOGIT ? 1 : 0);
  return {
    pMet: probabilityIn(region, cdfOn(scale, end)),
    low: q(tail),
    high: q(1 - tail),
    decimals,
    ...(ctx.fan ? { fan: fanOf(d, scale, year, decimals, ctx.level) } : {}),
    method: scale === LOGIT ? 'logit_drift_shrinkage' : 'log_drift_shrinkage',
    inputs: driftInputs(d, scale, year - d.latest.year),
    region,
    year,
    points: points.length,
    latest: d.latest,
    ...(ctx.unit !== undefined ? { unit: { vi: ctx.unit, en: ctx.unit } } : {}),
  };
}

function notPositive(): ForecastUnavailable {
  return unavailable('not_positive', {
    vi: 'Chuỗi số liệu có giá trị không dương nên không dự báo được theo tỷ lệ tăng',
    en: 'The series has values that are not positive, so it cannot be forecast by its growth',
  });
}

/**
 * Average growth over the term, geometric: met when the end level reaches base·(1 + g/100)^N. From levels, or from
 * yearly rates compounded into an index; an arithmetic mean of rates is forecast by this geometric reading (noted).
 */
function growthModel(
  target: Extract<TargetSpec, { kind: 'growth_average' }>,
  obs: readonly ObservationInput[],
  ctx: Ctx,
): Modelled | ForecastUnavailable {
  const T = target.term.lastYear;
  const N = T - target.baseYear;
  const rates = obs.filter((o) => o.measure === undefined || o.measure === 'growth_rate');
  const rateYears = yearly(rates, ['growth_rate']);
  let points: YearPoint[];
  let base: number;
  if (rateYears.some((p) => p.year > target.baseYear)) {
    // An index from the unbroken run of yearly rates that ends at the latest: 1 in the year before the run.
    const run: YearPoint[] = [];
    for (let i = rateYears.length - 1; i >= 0; i--) {
      const p = rateYears[i] as YearPoint;
      const next = run[0];
      if (next !== undefined && p.year !== next.year - 1) break;
      run.unshift(p);
    }
    const first = run[0] as YearPoint;
    if (first.year > target.baseYear + 1) return NO_FIGURES();
    let index = 1;
    points = [{ ...first, year: first.year - 1, x: 1, status: 'official' }];
    for (const p of run) {
      index *= 1 + p.x / 100;
      points.push({ ...p, x: index });
    }
    base = (points.find((p) => p.year === target.baseYear) as YearPoint).x;
  } else {
    points = withBaseline(
      target,
      yearly(
        obs.filter((o) => o.measure === 'level'),
        ['level'],
      ),
    ).filter((p) => p.year <= T);
    const b = points.find((p) => p.year === target.baseYear);
    if (points.length === 0) return NO_FIGURES();
    if (b === undefined) {
      return unavailable('needs_baseline', {
        vi: `Cần số liệu năm gốc ${target.baseYear} để ước lượng khả năng đạt mức tăng bình quân`,
        en: `The base year ${target.baseYear}'s figure is needed to forecast the average growth`,
      });
    }
    if (!points.every((p) => p.x > 0)) return notPositive();
    base = b.x;
  }
  const d = endDistribution(points, LOG, ctx.priors.log, latestError(ctx));
  if (d === null) return NO_FIGURES();
  const end = d.at(T);
  const growth = regionOf(target.direction, Number(target.min), optional(target.max));
  const levelOf = (g: number | null): number | null => (g === null ? null : base * (1 + g / 100) ** N);
  const pMet = probabilityIn({ lo: levelOf(growth.lo), hi: levelOf(growth.hi) }, cdfOn(LOG, end));
  const q = quantileOn(LOG, end);
  const averageOf = (level: number): number => ((level / base) ** (1 / N) - 1) * 100;
  const tail = (1 - ctx.level) / 2;
  return {
    pMet,
    low: averageOf(q(tail)),
    high: averageOf(q(1 - tail)),
    decimals: printScale([], [target.min, target.max], 1),
    method: 'log_drift_shrinkage',
    inputs: {
      ...driftInputs(d, LOG, T - d.latest.year),
      baseYear: target.baseYear,
      ...(target.averaging === 'arithmetic' ? { approximation: 'geometric_for_arithmetic' } : {}),
    },
    region: growth,
    year: T,
    points: points.length,
    latest: d.latest,
    unit: { vi: '%/năm', en: '%/yr' },
    measure: { vi: 'tăng bình quân', en: 'average growth' },
  };
}

/**
 * Totals of yearly flows (cumulative, yearly flow on its average, multiple of a baseline total): the flows counted so
 * far plus the log-normal sum of the flows still to come; `per` divides the total (the term's years for an average).
 */
function flowModel(
  target: TargetSpec,
  obs: readonly ObservationInput[],
  region: Region,
  per: number,
  ctx: Ctx,
): Modelled | ForecastUnavailable {
  const { firstYear, lastYear } = target.term;
  const flows = yearly(obs, ['flow', 'share']).filter((p) => p.year <= lastYear);
  const [span] = spansFrom(obs, firstYear, ['flow', 'share']).filter((s) => s.endYear <= lastYear);
  const spanYears = span === undefined ? 0 : span.endYear - firstYear + 1;
  // A span figure counts as its total; read as a yearly average unless stated as the total (yearly flows) or the
  // other way round for cumulative targets, as the evaluation reads it.
  const averageSpan =
    span !== undefined &&
    (span.aggregate === 'yearly_average' || (span.aggregate === undefined && target.kind === 'yearly_flow'));
  let counted = span === undefined ? 0 : averageSpan ? span.x * spanYears : span.x;
  const countedTo = span === undefined ? firstYear - 1 : span.endYear;
  const inTerm = flows.filter((p) => p.year >= firstYear && p.year > countedTo);
  for (const p of inTerm) counted += p.x;
  const lastCounted = Math.max(countedTo, ...inTerm.map((p) => p.year));
  const history = flows.filter((p) => p.year <= lastCounted);
  const spanPoint: YearPoint | undefined =
    span === undefined ? undefined : { ...span, year: span.endYear, x: counted / Math.max(spanYears, 1) };
  const series = history.length > 0 ? history : spanPoint !== undefined ? [spanPoint] : [];
  if (series.length === 0 || (span === undefined && inTerm.length === 0 && flows.length === 0)) return NO_FIGURES();
  if (!series.every((p) => p.x > 0)) return notPositive();
  const d = endDistribution(series, LOG, ctx.priors.log, latestError(ctx));
  if (d === null) return NO_FIGURES();
  const h = lastYear - lastCounted;
  const delta = latestError(ctx)(d.latest);
  const future = futureSumLog(d.latest.x, d.post, ctx.priors.log, h, delta);
  const total = (x: number): number => (counted + x) / per;
  const tail = (1 - ctx.level) / 2;
  const decimals = printScale(series, [], 0);
  let pMet: number;
  let low: number;
  let high: number;
  if (future === null) {
    pMet = probabilityIn(region, (x) => (total(0) <= x ? 1 : 0));
    low = high = total(0);
  } else {
    const sd = Math.sqrt(future.variance);
    const cdf = (x: number): number => {
      const rest = x * per - counted;
      return rest <= 0 ? 0 : normalCdf((Math.log(rest) - future.mean) / sd);
    };
    pMet = probabilityIn(region, cdf);
    low = total(Math.exp(future.mean + sd * normalQuantile(tail)));
    high = total(Math.exp(future.mean + sd * normalQuantile(1 - tail)));
  }
  return {
    pMet,
    low,
    high,
    decimals,
    method: 'flow_sum_lognormal',
    inputs: {
      ...driftInputs(d, LOG, h),
      countedSoFar: round(counted),
      countedThrough: lastCounted,
      yearsAhead: h,
    },
    region,
    year: lastYear,
    points: series.length,
    latest: d.latest,
    ...(ctx.unit !== undefined ? { unit: { vi: ctx.unit, en: ctx.unit } } : {}),
    measure:
      per === 1
        ? { vi: 'tổng cả giai đoạn', en: 'the term total' }
        : { vi: 'bình quân mỗi năm', en: 'the yearly average' },
  };
}

/** Units meeting a standard: a count over the stated total of units (beta-binomial); a share alone on the logit scale. */
function unitsModel(
  target: Extract<TargetSpec, { kind: 'units_meeting_standard' }>,
  obs: readonly ObservationInput[],
  ctx: Ctx,
): Modelled | ForecastUnavailable {
  const byShare = target.share !== undefined;
  const total = target.ofCount;
  const goalText = target.share ?? String(target.count);
  const goal = Number(goalText);
  const series = yearly(obs, ['share', 'count', 'level']).filter((p) => p.year <= target.year);
  if (total === undefined) {
    if (!byShare) {
      return unavailable('needs_baseline', {
        vi: 'Mục tiêu số đơn vị đạt chuẩn cần tổng số đơn vị để ước lượng khả năng đạt',
        en: 'A units-meeting-standard target needs the total of units to be forecast',
      });
    }
    return levelModel(target, series, regionOf(target.direction, goal), target.year, [goalText], obs, {
      ...ctx,
      unit: '%',
    });
  }
  if (series.length === 0) return NO_FIGURES();
  const countOf = (p: YearPoint, o: ObservationInput | undefined): number => {
    const isCount = o?.measure === 'count' || (o?.measure !== 'share' && !byShare);
    return Math.round(isCount ? p.x : (p.x * total) / 100);
  };
  const measureOf = new Map(obs.map((o) => [o.period, o]));
  const counts = series.map((p) => ({
    year: p.year,
    count: Math.min(countOf(p, measureOf.get(String(p.year))), total),
  }));
  const latest = series[series.length - 1] as YearPoint;
  const current = (counts[counts.length - 1] as { count: number }).count;
  const post = unitsPosterior(counts, total, ctx.priors.units);
  const h = Math.max(target.year - latest.year, 0);
  const remaining = total - current;
  const pmf = h > 0 ? qualifyingPmf(post, remaining, h) : [1];
  const inMeasure = (count: number): number => (byShare ? (count / total) * 100 : count);
  const region = regionOf(target.direction, goal);
  let pMet = 0;
  pmf.forEach((p, k) => {
    const v = inMeasure(current + k);
    if ((region.lo === null || v >= region.lo) && (region.hi === null || v <= region.hi)) pMet += p;
  });
  const tail = (1 - ctx.level) / 2;
  const quantile = (q: number): number => {
    let acc = 0;
    for (let k = 0; k < pmf.length; k++) {
      acc += pmf[k] as number;
      if (acc >= q) return inMeasure(current + k);
    }
    return inMeasure(total);
  };
  return {
    pMet,
    low: quantile(tail),
    high: quantile(1 - tail),
    decimals: byShare ? printScale([], [target.share], 1) : 0,
    method: 'units_beta_binomial',
    inputs: {
      latestYear: latest.year,
      latestStatus: latest.status,
      unitsMeeting: current,
      ofUnits: total,
      yearsAhead: h,
      yearlyRate: round(post.a / (post.a + post.b)),
      betaA: round(post.a),
      betaB: round(post.b),
    },
    region,
    year: target.year,
    points: series.length,
    latest,
    unit: byShare ? { vi: '%', en: '%' } : { vi: 'đơn vị', en: 'units' },
  };
}
