// The fast verdict: the status (and `decided`) of the common kinds computed in exact scaled integers and float64, with
// no decimal.js objects. Float64 is used only where a power, root or quotient is needed, and every float decision
// carries a conservative error bound: when a float lands within that bound of a decision edge (a rounding tie at the
// compare scale, a bound, a progress-band edge), the fast path gives up and returns null, and the caller runs the
// decimal.js reference (the kinds' own evaluators). So a status is never decided by a float that could be on the wrong
// side; figures on a bound are compared exactly as written. Everything else an evaluation shows (actual, required,
// projection, intermediates, explanation) is produced by the reference, lazily (lazy.ts).
import type {
  CumulativeTarget,
  GrowthAverageTarget,
  LevelAtEndTarget,
  RangeAtEndTarget,
  ObservationInput,
  TargetSpec,
  ThresholdTarget,
  UnitsMeetingStandardTarget,
  YearlyFlowTarget,
} from '../targets/target.ts';
import { boundsOf, classify, metBound, reached, type Bounds } from './compare.ts';
import { cmp, parseExact, scaledText, type Exact } from './exact.ts';
import { validate as validateGrowth } from './kinds/growth-average.ts';
import { baselineOf } from './kinds/level-series.ts';
import { thresholdBounds } from './kinds/threshold.ts';
import type { Scan } from './prepare.ts';
import { DEFAULT_PROGRESS_METHOD } from './progress-adapter.ts';
import { compareScale, targetNumber, targetRange } from './target-values.ts';
import type { Band } from './track.ts';
import type { EvaluationStatus, FinalStatus, Phase } from './types.ts';

// Period kinds in a Scan (KIND_CODE of prepare.ts), as local constants: an imported binding is a getter call under tsx.
const KIND_YEAR = 0;
const KIND_SPAN = 1;

/** What the fast verdict reads: the target, the scanned observations, the phase and the progress band. */
export interface FastContext<T extends TargetSpec> {
  target: T;
  scan: Scan;
  phase: Phase;
  band: Band;
}

export interface FastVerdict {
  status: EvaluationStatus;
  decided?: FinalStatus;
}

// One shared, frozen verdict per status (no object per evaluation); a `decided` verdict is built when needed.
const VERDICTS = new Map<EvaluationStatus, FastVerdict>(
  (['exceeded', 'met', 'not_met', 'no_data', 'on_track', 'at_risk', 'off_track'] as const).map((st) => [
    st,
    Object.freeze({ status: st }),
  ]),
);
const verdictOf = (status: EvaluationStatus): FastVerdict => VERDICTS.get(status) ?? { status };

/** Safety factor applied to every float error estimate (the estimates themselves are already generous). */
const SAFETY = 1e3;
const EPS = Number.EPSILON;
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12];

const num = (e: Exact): number => (Number.isNaN(e.n) ? Number(e.text) : e.n / (POW10[e.s] ?? 10 ** e.s));
const isNeg = (e: Exact): boolean => e.text.charCodeAt(0) === 45;
const isZeroExact = (e: Exact): boolean => (Number.isNaN(e.n) ? /^-?0*(\.0*)?$/.test(e.text) : e.n === 0);
const isPositive = (e: Exact): boolean => !isNeg(e) && !isZeroExact(e);

/**
 * x rounded half-up to `scale` places as an exact figure, or null when x (known to ±err) is too close to a rounding
 * tie, or too large for a safe integer at that scale.
 */
export function roundFloat(x: number, scale: number, err: number): Exact | null {
  const f = POW10[scale];
  if (f === undefined || !Number.isFinite(x)) return null;
  const y = x * f;
  const ay = Math.abs(y);
  if (!(ay < 2 ** 50)) return null;
  const tol = SAFETY * (err * f + EPS * (1 + ay));
  if (tol >= 0.25) return null;
  const frac = ay - Math.floor(ay);
  if (Math.abs(frac - 0.5) <= tol) return null;
  const m = Math.round(y) || 0;
  return { text: scaledText(m, scale), n: m, s: scale };
}

/** r ≥ edge, or null when r (known to ±err) is too close to the edge. */
function atLeast(r: number, edge: number, err: number): boolean | null {
  const tol = SAFETY * (err + EPS * (Math.abs(r) + Math.abs(edge)));
  if (!Number.isFinite(r) || !(tol < 1e-3)) return null;
  if (r - edge > tol) return true;
  if (edge - r > tol) return false;
  return null;
}

const bandEdges = new WeakMap<Band, { onTrack: number; atRisk: number }>();
function edgesOf(b: Band): { onTrack: number; atRisk: number } {
  let e = bandEdges.get(b);
  if (e === undefined) {
    e = { onTrack: Number(b.onTrack.toString()), atRisk: Number(b.atRisk.toString()) };
    bandEdges.set(b, e);
  }
  return e;
}

/** trackOf() of track.ts for a float ratio (null ratio = undefined), or undefined when an edge is too close. */
function track(reaches: boolean, ratio: number | null, err: number, band: Band): EvaluationStatus | undefined {
  if (reaches) return 'on_track';
  if (ratio === null) return 'off_track';
  const e = edgesOf(band);
  const on = atLeast(ratio, e.onTrack, err);
  if (on === null) return undefined;
  if (on) return 'on_track';
  const risk = atLeast(ratio, e.atRisk, err);
  if (risk === null) return undefined;
  return risk ? 'at_risk' : 'off_track';
}

/** Float value of the scan's observation i. */
function numAt(sc: Scan, i: number): number {
  const n = sc.n[i] as number;
  return Number.isNaN(n)
    ? Number((sc.inputs[i] as { value: string }).value)
    : n / (POW10[sc.s[i] as number] ?? 10 ** (sc.s[i] as number));
}

/** The exact figure of the scan's observation i (its text as written). */
function exactAt(sc: Scan, i: number): Exact {
  return { text: (sc.inputs[i] as { value: string }).value, n: sc.n[i] as number, s: sc.s[i] as number };
}

function figuresScale(target: TargetSpec, figures: readonly Exact[]): number {
  return compareScale(target, figures, []);
}

// ---- Exact rational decisions (scaled safe integers), where a float would land on a tie or an edge ----

const safe = Number.isSafeInteger;

/** a·10^k as a safe integer, or NaN. */
function scaleUp(a: number, k: number): number {
  const f = POW10[k];
  if (f === undefined) return Number.NaN;
  const r = a * f;
  return safe(r) ? r : Number.NaN;
}

/** ⌊a/b⌋ for safe integers a ≥ 0, b > 0, corrected for the float quotient's rounding. */
function floorDiv(a: number, b: number): number {
  let q = Math.floor(a / b);
  if (q * b > a) q--;
  else if ((q + 1) * b <= a) q++;
  return q;
}

/**
 * x/d rounded half up (away from zero, as decimal.js ROUND_HALF_UP) for safe integers x and d > 0; NaN if unsafe, or
 * if x/d is exactly a tie and the reference's own figure might not be exact (`tieExact` false).
 */
function divHalfUp(x: number, d: number, tieExact: boolean): number {
  const a = 2 * Math.abs(x) + d;
  if (!safe(a) || !safe(2 * d)) return Number.NaN;
  const q = floorDiv(a, 2 * d);
  if (!tieExact && q * 2 * d === a) return Number.NaN;
  return x < 0 ? -q : q;
}

const bandExact = new WeakMap<Band, { onTrack: Exact | null; atRisk: Exact | null }>();
function exactEdges(b: Band): { onTrack: Exact | null; atRisk: Exact | null } {
  let e = bandExact.get(b);
  if (e === undefined) {
    e = { onTrack: parseSafeOrNull(b.onTrack.toFixed()), atRisk: parseSafeOrNull(b.atRisk.toFixed()) };
    bandExact.set(b, e);
  }
  return e;
}

function parseSafeOrNull(text: string): Exact | null {
  try {
    const e = parseExact(text);
    return Number.isNaN(e.n) ? null : e;
  } catch {
    return null;
  }
}

/** num/den has a terminating decimal expansion (so decimal.js computes it exactly). */
function terminates(num: number, den: number): boolean {
  if (!safe(num) || !safe(den) || den === 0) return false;
  let a = Math.abs(num);
  let b = Math.abs(den);
  while (b !== 0) [a, b] = [b, a % b];
  let d = Math.abs(den) / (a === 0 ? 1 : a);
  while (d % 2 === 0) d /= 2;
  while (d % 5 === 0) d /= 5;
  return d === 1;
}

/**
 * num/den ≥ edge exactly (num, den safe integers, den ≠ 0), or null when a product leaves the safe range, or when the
 * ratio is exactly on the edge and the reference's own figure might not be exact (`onEdgeExact` false).
 */
function ratioAtLeast(num: number, den: number, edge: Exact, onEdgeExact: boolean): boolean | null {
  const l = scaleUp(num, edge.s);
  const r = edge.n * den;
  if (Number.isNaN(l) || !safe(r)) return null;
  if (l === r) return onEdgeExact ? true : null;
  return den > 0 ? l > r : l < r;
}

/** trackOf() of track.ts for the exact ratio num/den, or undefined when it cannot be decided in safe integers. */
function trackExact(num: number, den: number, band: Band, onEdgeExact: boolean): EvaluationStatus | undefined {
  const e = exactEdges(band);
  if (e.onTrack === null || e.atRisk === null) return undefined;
  const on = ratioAtLeast(num, den, e.onTrack, onEdgeExact);
  if (on === null) return undefined;
  if (on) return 'on_track';
  const risk = ratioAtLeast(num, den, e.atRisk, onEdgeExact);
  if (risk === null) return undefined;
  return risk ? 'at_risk' : 'off_track';
}

// ---- Growth average (yearly rates only) ----

function fastGrowth(ctx: FastContext<GrowthAverageTarget>): FastVerdict | null {
  const t = ctx.target;
  validateGrowth(t);
  const range = targetRange(t.min, t.max, 'growth');
  const bounds = boundsOf(t.direction, range.min, range.max);
  const N = t.term.lastYear - t.baseYear;
  const sc = ctx.scan;
  const arithmetic = t.averaging === 'arithmetic';
  // Geometric: L = Σ ln(1 + gᵢ)/k, average = e^L − 1; arithmetic: Σ gᵢ/k.
  let logSum = 0;
  let absLog = 0;
  let sum = 0;
  let absSum = 0;
  let k = 0;
  let lastYear = -Infinity;
  let maxS = 0;
  let basis: string | undefined;
  for (let i = 0; i < sc.count; i++) {
    const o = sc.inputs[i] as ObservationInput;
    const m = o.measure;
    if (m !== undefined && m !== 'growth_rate') continue;
    const kind = sc.kind[i];
    const y = sc.year[i] as number;
    if (kind === KIND_SPAN && y === t.baseYear + 1 && sc.endYear[i] === t.term.lastYear) return null;
    if (kind !== KIND_YEAR || y <= t.baseYear) continue;
    // Price bases of the rates used are all the same (or absent); mixed bases are left to the reference to refuse.
    const pb = o.priceBasis;
    if (pb !== undefined) {
      if (basis === undefined) basis = pb;
      else if (pb !== basis) return null;
    }
    k++;
    if (y > lastYear) lastYear = y;
    if ((sc.s[i] as number) > maxS) maxS = sc.s[i] as number;
    const g = numAt(sc, i) / 100;
    if (arithmetic) {
      sum += g;
      absSum += Math.abs(g);
    } else {
      if (!(g > -1)) return null;
      const l = Math.log1p(g);
      logSum += l;
      absLog += Math.abs(l);
    }
  }
  if (k === 0) return null;
  const scale = Math.min(Math.max(figuresScale(t, range.max ? [range.min, range.max] : [range.min]), maxS), 12);
  let avg: number;
  let errAvg: number;
  let L: number;
  let errL: number;
  if (arithmetic) {
    avg = sum / k;
    errAvg = 4 * EPS * (absSum / k + Math.abs(avg));
    if (!(avg > -1)) return null;
    L = Math.log1p(avg);
    errL = (errAvg + EPS * Math.abs(avg)) / (1 + avg) + EPS * Math.abs(L);
  } else {
    L = logSum / k;
    errL = 4 * EPS * (absLog / k + Math.abs(L)) + 2 * EPS * (k + 1) * (absLog / k);
    avg = Math.expm1(L);
    errAvg = (1 + avg) * errL * 1.01 + 2 * EPS * Math.abs(avg);
  }
  const actual = roundFloat(avg * 100, scale, 100 * errAvg);
  if (actual === null) return null;
  const verdict = classify(actual, bounds);
  if (ctx.phase === 'final') return verdictOf(k >= N && lastYear === t.term.lastYear ? verdict : 'no_data');
  if (reached(verdict)) return verdictOf('on_track');
  // P = ((1+ḡ)^N − 1)/((1+g*)^N − 1), ḡ the unrounded average; null (off track) when g* = 0.
  const goal = metBound(bounds, actual) ?? range.min;
  if (isZeroExact(goal)) return verdictOf('off_track');
  const gStar = num(goal) / 100;
  if (!(gStar > -1)) return null;
  const den = Math.expm1(N * Math.log1p(gStar));
  const errDen = (1 + Math.abs(den)) * N * 4 * EPS * (1 + Math.abs(Math.log1p(gStar)));
  if (!(Math.abs(den) > 1e-9)) return null;
  const numer = Math.expm1(N * L);
  const errNum = (1 + Math.abs(numer)) * N * errL * 1.01 + 2 * EPS * Math.abs(numer);
  const ratio = numer / den;
  const err = (errNum + Math.abs(ratio) * errDen) / Math.abs(den);
  const s = track(false, ratio, err, ctx.band);
  return s === undefined ? null : verdictOf(s);
}

// ---- Targets judged on one year's value ----

interface LevelFast {
  bounds: Bounds;
  figures: Exact[];
  judgedYear: number;
  measures: readonly string[];
  geometric: boolean;
  baseline?: { year: number; value: Exact };
  /** The judged year's flow is read as its level (level_at_end; levelAtEndSeries in kinds/level-at-end.ts). */
  judgedYearFlow?: boolean;
  /** Count ↔ share conversion: the float value of observation i; undefined = the value as written. */
  convert?: UnitConversion;
}

/** Count ↔ share conversion through the stated total (a plain record, not a closure per evaluation). */
interface UnitConversion {
  byShare: boolean;
  total: number;
}

/** The float value of observation i in the target's measure (share or count). */
function converted(sc: Scan, i: number, u: UnitConversion): number {
  const v = numAt(sc, i);
  const isCount = (sc.inputs[i] as ObservationInput).measure === 'count';
  if (isCount === !u.byShare) return v;
  return isCount ? (v / u.total) * 100 : (v * u.total) / 100;
}

const measureIn = (m: string | undefined, measures: readonly string[]): boolean =>
  m === undefined || measures.includes(m);

function fastLevel(ctx: FastContext<TargetSpec>, spec: LevelFast): FastVerdict | null {
  const T = spec.judgedYear;
  const sc = ctx.scan;
  let cur = -1;
  let fst = -1;
  let basis: string | undefined;
  for (let i = 0; i < sc.count; i++) {
    const y = sc.year[i] as number;
    if (y > T || sc.kind[i] !== KIND_YEAR) continue;
    const o = sc.inputs[i] as ObservationInput;
    const m = o.measure;
    if (!(measureIn(m, spec.measures) || (spec.judgedYearFlow === true && y === T && m === 'flow'))) continue;
    const b = o.priceBasis;
    if (b !== undefined) {
      if (basis === undefined) basis = b;
      else if (b !== basis) return null;
    }
    if (cur < 0 || y > (sc.year[cur] as number)) cur = i;
    if (fst < 0 || y < (sc.year[fst] as number)) fst = i;
  }
  if (cur < 0 || fst < 0) return verdictOf('no_data');
  const curYear = sc.year[cur] as number;
  const firstYear = sc.year[fst] as number;
  const scale = Math.min(Math.max(figuresScale(ctx.target, spec.figures), sc.s[cur] as number), 12);
  const convert = spec.convert;
  let actual: Exact;
  let c: number;
  let errC = 0;
  if (convert === undefined) {
    actual = exactAt(sc, cur);
    c = num(actual);
    errC = EPS * Math.abs(c);
  } else {
    c = converted(sc, cur, convert);
    errC = 4 * EPS * Math.abs(c);
    const a = roundFloat(c, scale, errC);
    if (a === null) return null;
    actual = a;
  }
  const verdict = classify(actual, spec.bounds);
  if (ctx.phase === 'final') return verdictOf(curYear !== T ? 'no_data' : verdict);
  const t = curYear;
  let base: { year: number; value: number; exact: Exact | null } | undefined;
  if (spec.baseline !== undefined && spec.baseline.year < t)
    base = { year: spec.baseline.year, value: num(spec.baseline.value), exact: spec.baseline.value };
  else if (firstYear < t)
    base = {
      year: firstYear,
      value: convert === undefined ? numAt(sc, fst) : converted(sc, fst, convert),
      exact: convert === undefined ? exactAt(sc, fst) : null,
    };
  if (base === undefined && T > t) return verdictOf(reached(verdict) ? 'on_track' : 'at_risk');
  let p = c;
  let errP = errC;
  let projected = actual;
  // The linear projection (or the latest value) as the exact rational P/(D·10^s0), when both points are exact.
  let P = Number.NaN;
  let D = 1;
  let s0 = 0;
  let B = Number.NaN;
  // Whether the reference's own projection is exact (its yearly change (C − B)/span terminates).
  let refExact = true;
  if (base !== undefined && base.exact !== null && !Number.isNaN(base.exact.n) && !Number.isNaN(actual.n)) {
    s0 = Math.max(actual.s, base.exact.s);
    const C = scaleUp(actual.n, s0 - actual.s);
    B = scaleUp(base.exact.n, s0 - base.exact.s);
    P = C;
  }
  if (base !== undefined && T > t) {
    const span = t - base.year;
    const b = base.value;
    if (spec.geometric && base.exact === null) return null;
    const geometricOk = spec.geometric && base.exact !== null && isPositive(base.exact) && isPositive(actual);
    if (geometricOk) {
      const e = (T - t) / span;
      const l = Math.log(c / b);
      p = c * Math.exp(e * l);
      errP = Math.abs(p) * (8 * EPS * (1 + Math.abs(e * l) + e)) + errC * (1 + e) * Math.exp(e * l);
      P = Number.NaN;
    } else {
      const e = (T - t) / span;
      p = c + (c - b) * e;
      errP = 4 * EPS * (Math.abs(c) + Math.abs(b)) * (1 + e) + errC * (1 + e) + EPS * Math.abs(b) * e;
      // P/D = C + (C − B)·(T − t)/span.
      if (!Number.isNaN(P) && !Number.isNaN(B)) {
        refExact = terminates(P - B, span);
        P = P * span + (P - B) * (T - t);
        D = span;
        if (!safe(P)) P = Number.NaN;
      } else P = Number.NaN;
    }
    let r = roundFloat(p, scale, errP);
    if (r === null && !Number.isNaN(P) && scale >= s0) {
      const m = divHalfUp(scaleUp(P, scale - s0), D, refExact);
      if (!Number.isNaN(m)) r = { text: scaledText(m, scale), n: m, s: scale };
    }
    if (r === null) return null;
    projected = r;
  }
  const reaches = reached(classify(projected, spec.bounds));
  if (reaches) return verdictOf('on_track');
  if (base === undefined) return verdictOf('off_track');
  const goal = metBound(spec.bounds, projected);
  if (goal === null) return verdictOf('off_track');
  // P = (v̂ − v_b)/(g − v_b); null (off track) when the goal equals the base exactly.
  if (base.exact !== null && cmp(goal, base.exact) === 0) return verdictOf('off_track');
  const g = num(goal);
  const need = g - base.value;
  const errNeed =
    2 * EPS * (Math.abs(g) + Math.abs(base.value)) + (base.exact === null ? 4 * EPS * Math.abs(base.value) : 0);
  let st: EvaluationStatus | undefined;
  if (Math.abs(need) > SAFETY * errNeed && Math.abs(need) > 1e-300) {
    const ratio = (p - base.value) / need;
    const err =
      (errP + errNeed + EPS * Math.abs(p - base.value)) / Math.abs(need) + (Math.abs(ratio) * errNeed) / Math.abs(need);
    st = track(false, ratio, err, ctx.band);
  }
  if (st === undefined && !Number.isNaN(P) && !Number.isNaN(goal.n)) {
    // On a band edge: (P/D − B)/(G − B) at one scale s1, exactly.
    const s1 = Math.max(s0, goal.s);
    const P1 = scaleUp(P, s1 - s0);
    const B1 = scaleUp(B, s1 - s0);
    const G1 = scaleUp(goal.n, s1 - goal.s);
    const num = P1 - B1 * D;
    const den = D * (G1 - B1);
    if (safe(num) && safe(den) && den !== 0) st = trackExact(num, den, ctx.band, refExact);
  }
  return st === undefined ? null : verdictOf(st);
}

function baselineExact(t: TargetSpec): { year: number; value: Exact } | undefined {
  const b = baselineOf(t);
  if (b === undefined || t.baseline === undefined) return undefined;
  return { year: b.year, value: parseExact(t.baseline.value) };
}

const LEVEL_MEASURES = ['level', 'share', 'count'] as const;
const UNIT_MEASURES = ['share', 'count', 'level'] as const;

function fastLevelAtEnd(ctx: FastContext<LevelAtEndTarget>): FastVerdict | null {
  const t = ctx.target;
  const v = targetNumber(t.value, 'value');
  const bounds = boundsOf(t.direction, v);
  return fastLevel(ctx, {
    bounds,
    figures: [v],
    judgedYear: t.year,
    measures: LEVEL_MEASURES,
    geometric: true,
    baseline: baselineExact(t),
    judgedYearFlow: true,
  });
}

function fastRangeAtEnd(ctx: FastContext<RangeAtEndTarget>): FastVerdict | null {
  const t = ctx.target;
  const r = targetRange(t.min, t.max, 'range');
  const bounds = boundsOf(t.direction, r.min, r.max ?? r.min);
  return fastLevel(ctx, {
    bounds,
    figures: r.max ? [r.min, r.max] : [r.min],
    judgedYear: t.year,
    measures: LEVEL_MEASURES,
    geometric: false,
    baseline: baselineExact(t),
  });
}

function fastThreshold(ctx: FastContext<ThresholdTarget>): FastVerdict | null {
  const t = ctx.target;
  const v = targetNumber(t.value, 'value');
  const bounds = thresholdBounds(t, v);
  return fastLevel(ctx, {
    bounds,
    figures: [v],
    judgedYear: t.year,
    measures: LEVEL_MEASURES,
    geometric: false,
    baseline: baselineExact(t),
  });
}

function fastUnits(ctx: FastContext<UnitsMeetingStandardTarget>): FastVerdict | null {
  const t = ctx.target;
  // Validation and unit conversion without a stated total are the reference's to report.
  if (t.share === undefined && t.count === undefined) return null;
  if (t.ofCount === undefined || !Number.isInteger(t.ofCount) || t.ofCount <= 0) return null;
  const byShare = t.share !== undefined;
  const goal = byShare ? targetNumber(t.share, 'share') : parseExact(String(t.count));
  const total = t.ofCount;
  const bounds = boundsOf(t.direction, goal);
  return fastLevel(ctx, {
    bounds,
    figures: [goal],
    judgedYear: t.year,
    measures: UNIT_MEASURES,
    geometric: false,
    baseline: baselineExact(t),
    convert: { byShare, total },
  });
}

// ---- Flows ----

function fastYearlyFlow(ctx: FastContext<YearlyFlowTarget>): FastVerdict | null {
  const t = ctx.target;
  const { firstYear, lastYear } = t.term;
  const N = lastYear - firstYear + 1;
  const r = targetRange(t.value, t.max, 'value');
  const bounds = boundsOf(t.direction, r.min, r.max);
  let k = 0;
  let sum = 0;
  let abs = 0;
  let basis: string | undefined;
  let maxScale = figuresScale(t, r.max ? [r.min, r.max] : [r.min]);
  let exactN = 0;
  let exactS = -1;
  const sc = ctx.scan;
  for (let i = 0; i < sc.count; i++) {
    const kind = sc.kind[i];
    // Span figures (reported averages or totals) are left to the reference.
    if (kind === KIND_SPAN) return null;
    if (kind !== KIND_YEAR || (sc.year[i] as number) < firstYear) continue;
    const o = sc.inputs[i] as ObservationInput;
    const m = o.measure;
    if (m !== undefined && m !== 'flow' && m !== 'share') continue;
    const b = o.priceBasis;
    if (b !== undefined) {
      if (basis === undefined) basis = b;
      else if (b !== basis) return null;
    }
    const v = numAt(sc, i);
    sum += v;
    abs += Math.abs(v);
    k++;
    const vs = sc.s[i] as number;
    if (vs > maxScale) maxScale = vs;
    // The exact sum, while every figure is a safe integer at one scale.
    if (exactS === -2 || Number.isNaN(sc.n[i] as number) || (exactS >= 0 && vs !== exactS)) exactS = -2;
    else {
      exactS = vs;
      exactN += sc.n[i] as number;
    }
  }
  if (k === 0) return verdictOf('no_data');
  const scale = Math.min(maxScale, 12);
  const x = sum / k;
  const errX = (4 * EPS * (abs + Math.abs(sum)) * (k + 1)) / k;
  let avg = roundFloat(x, scale, errX);
  if (avg === null && exactS >= 0 && scale >= exactS && safe(exactN)) {
    // On a rounding tie of the float: Σ·10^(scale−s)/k rounded half up, in integers.
    const m = divHalfUp(scaleUp(exactN, scale - exactS), k, true);
    if (!Number.isNaN(m)) avg = { text: scaledText(m, scale), n: m, s: scale };
  }
  if (avg === null) return null;
  const verdict = classify(avg, bounds);
  if (ctx.phase === 'final') return verdictOf(k >= N ? verdict : 'no_data');
  if (reached(verdict)) return verdictOf('on_track');
  const goal = metBound(bounds, avg) ?? r.min;
  if (isZeroExact(goal)) return verdictOf('off_track');
  const g = num(goal);
  const ratio = x / g;
  const s = track(false, ratio, (errX + 2 * EPS * Math.abs(x)) / Math.abs(g), ctx.band);
  return s === undefined ? null : verdictOf(s);
}

function fastCumulative(ctx: FastContext<CumulativeTarget>): FastVerdict | null {
  const t = ctx.target;
  const { firstYear, lastYear } = t.term;
  const N = lastYear - firstYear + 1;
  const r = targetRange(t.value, t.max, 'value');
  const bounds = boundsOf(t.direction, r.min, r.max);
  // Term totals reported as a span and year-to-date figures are left to the reference.
  let fullYears = 0;
  let lastFull = firstYear - 1;
  let anyNegative = false;
  let basis: string | undefined;
  let n = 0;
  let s = -1;
  let sum = 0;
  let abs = 0;
  let maxScale = figuresScale(t, r.max ? [r.min, r.max] : [r.min]);
  const sc = ctx.scan;
  for (let i = 0; i < sc.count; i++) {
    if (sc.kind[i] !== KIND_YEAR) return null;
    const y = sc.year[i] as number;
    const o = sc.inputs[i] as ObservationInput;
    if (y < firstYear || (o.measure !== undefined && o.measure !== 'flow')) continue;
    const b = o.priceBasis;
    if (b !== undefined) {
      if (basis === undefined) basis = b;
      else if (b !== basis) return null;
    }
    const vn = sc.n[i] as number;
    const vs = sc.s[i] as number;
    if (Number.isNaN(vn) || (s >= 0 && vs !== s)) return null;
    s = vs;
    n += vn;
    const f = vn / (POW10[vs] ?? 10 ** vs);
    sum += f;
    abs += Math.abs(f);
    if (o.value.charCodeAt(0) === 45) anyNegative = true;
    if (vs > maxScale) maxScale = vs;
    fullYears++;
    if (y > lastFull) lastFull = y;
  }
  if (fullYears === 0) return verdictOf('no_data');
  if (!Number.isSafeInteger(n)) return null;
  const total: Exact = { text: scaledText(n, s), n, s };
  const verdict = classify(total, bounds);
  const irreversible =
    !anyNegative &&
    ((bounds.direction === 'higher_better' && reached(verdict)) ||
      (bounds.direction === 'lower_better' && verdict === 'not_met'));
  if (ctx.phase === 'final') {
    const complete = fullYears >= N && lastFull - firstYear + 1 - fullYears === 0;
    return verdictOf(complete || irreversible ? verdict : 'no_data');
  }
  if (irreversible)
    return { status: bounds.direction === 'higher_better' ? 'on_track' : 'off_track', decided: verdict };
  // Run rate: projected = total · N / elapsed.
  const scale = Math.min(maxScale, 12);
  const p = (sum * N) / fullYears;
  const errP = (4 * EPS * (abs + Math.abs(sum)) * (fullYears + 2) * N) / fullYears;
  const projected = roundFloat(p, scale, errP);
  if (projected === null) return null;
  if (reached(classify(projected, bounds))) return verdictOf('on_track');
  const goal = metBound(bounds, total) ?? total;
  if (isZeroExact(goal)) return verdictOf('off_track');
  const g = num(goal);
  const st = track(false, p / g, (errP + 2 * EPS * Math.abs(p)) / Math.abs(g), ctx.band);
  return st === undefined ? null : verdictOf(st);
}

/** The verdict by the fast path, or null when the reference must decide (other kinds, peer methods, edge cases). */
export function fastVerdict(
  target: TargetSpec,
  scan: Scan,
  phase: Phase,
  band: Band,
  progressMethod: string,
): FastVerdict | null {
  if (progressMethod !== DEFAULT_PROGRESS_METHOD) return null;
  switch (target.kind) {
    case 'growth_average':
      return fastGrowth({ target, scan, phase, band });
    case 'level_at_end':
      return fastLevelAtEnd({ target, scan, phase, band });
    case 'range_at_end':
      return fastRangeAtEnd({ target, scan, phase, band });
    case 'threshold':
      return fastThreshold({ target, scan, phase, band });
    case 'units_meeting_standard':
      return fastUnits({ target, scan, phase, band });
    case 'yearly_flow':
      return fastYearlyFlow({ target, scan, phase, band });
    case 'cumulative':
      return fastCumulative({ target, scan, phase, band });
    default:
      return null;
  }
}
