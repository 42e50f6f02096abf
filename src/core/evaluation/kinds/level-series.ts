// The shared evaluator of targets judged on one year's value (level at the end, range, threshold, units meeting a
// standard, rank, multiple of a baseline level): the judged year's figure once the term is over; while it runs, a
// projection from the trend between the base point and the latest figure decides the track.
import { Decimal } from '../../decimal.ts';
import { InvalidTarget } from '../../errors.ts';
import type { TargetSpec } from '../../targets/target.ts';
import { classify, metBound, reached, type Bounds } from '../compare.ts';
import type { KindContext, KindEvaluation } from '../context.ts';
import { Derived } from '../derived.ts';
import { isZero, parseExact, ratioText, toDecimal, type Exact } from '../exact.ts';
import { amount, estimateMark, join, relation, type Phrase } from '../explain.ts';
import { assertOnePriceBasis, byYear, restsOn, type PreparedObservation } from '../prepare.ts';
import { DEFAULT_PROGRESS_METHOD, isPeerMethod, runPeerMethod } from '../progress-adapter.ts';
import { compareScale, roundRequired, roundTo } from '../target-values.ts';
import { rootOf } from '../root.ts';
import { progressRatio, trackOf } from '../track.ts';
import type { Projection, Required, TrackStatus } from '../types.ts';

export interface LevelSpec {
  bounds: Bounds;
  targetFigures: Exact[];
  targetText: Phrase;
  unit: Phrase;
  judgedYear: number;
  /** Yearly observations this kind evaluates, any order. */
  series: PreparedObservation[];
  /** The compared value of an observation (e.g. a count turned into a share); the observation's own value by default. */
  valueFor?: (o: PreparedObservation) => Decimal;
  /**
   * The compared value of an observation rounded half up at `scale` (as roundTo(valueFor(o), scale) writes it) where
   * scaled integers give it exactly; null otherwise. Read only once the term is over (no trend needs the decimal).
   */
  textFor?: (o: PreparedObservation, scale: number) => string | null;
  /** Wording of the actual against the target; positional by default. */
  relationOf?: (actual: Exact) => Phrase;
  /** How actual.method is named. */
  method: string;
  /** A fresh object of this evaluation: the evaluator appends judgedYear to it. */
  parameters: Record<string, unknown>;
  /** Whether actual/target is meaningful (not for ranks or bands). */
  achievement: boolean;
  /** Compound (geometric) extrapolation for positive money-like levels; linear otherwise. */
  geometric: boolean;
  /** The base point of the trend, when the target states one. */
  baseline?: { year: number; value: Decimal };
}

const ONE = new Derived(1);

/** The compared value of an observation (a module function: a closure per evaluation costs its allocation). */
function valueOf(spec: LevelSpec, o: PreparedObservation): Decimal {
  return spec.valueFor ? spec.valueFor(o) : toDecimal(o.value);
}

export function evaluateLevel(ctx: KindContext<TargetSpec>, spec: LevelSpec): KindEvaluation {
  const points = byYear(spec.series.filter((o) => o.year <= spec.judgedYear));
  assertOnePriceBasis(points);
  const current = points[points.length - 1];
  // The caller's own parameters object, with the judged year appended (as a spread copy would write it, not copied).
  const parameters = spec.parameters;
  parameters.judgedYear = spec.judgedYear;
  if (current === undefined) {
    return {
      status: 'no_data',
      actual: { value: null, period: null, method: spec.method, restsOn: [], estimatesOnly: false, anyEstimate: false },
      achievement: null,
      required: null,
      projection: null,
      method: { name: DEFAULT_PROGRESS_METHOD, parameters },
      intermediates: {},
      explanation: {
        vi: `Chưa có số liệu (mục tiêu ${spec.targetText.vi} năm ${spec.judgedYear})`,
        en: `No figures yet (target ${spec.targetText.en} in ${spec.judgedYear})`,
      },
    };
  }
  const scale = compareScale(ctx.target, spec.targetFigures, [current]);
  const derived = spec.valueFor !== undefined;
  // The current figure as a decimal only where it is computed with (a derived value, or the trend while the term runs).
  const quick = derived && ctx.phase === 'final' && spec.textFor !== undefined ? spec.textFor(current, scale) : null;
  const derivedValue = derived && quick === null ? valueOf(spec, current) : undefined;
  const actualText = quick ?? (derivedValue !== undefined ? roundTo(derivedValue, scale) : current.value.text);
  const actual = parseExact(actualText);
  const rests = restsOn([current]);
  const verdict = classify(actual, spec.bounds);
  const goal = metBound(spec.bounds, actual);
  const achievement = spec.achievement && goal !== null ? achievementOf(actual, goal, spec.bounds.direction) : null;
  const said = join(amount(actualText, spec.unit), estimateMark(rests.anyEstimate));
  const rel = spec.relationOf ? spec.relationOf(actual) : relation(actual, spec.bounds, spec.targetText);
  const intermediates: Record<string, string> = { latestYear: String(current.year), compareScale: String(scale) };
  // Built whole in the key order every evaluation has had (actual, achievement, intermediates, status, …): object
  // literals of one fixed shape, not spreads of a common part.
  const actualOut = {
    value: actualText,
    period: current.input.period,
    method: spec.method,
    restsOn: rests.restsOn,
    estimatesOnly: rests.estimatesOnly,
    anyEstimate: rests.anyEstimate,
  };

  if (ctx.phase === 'final') {
    if (current.year !== spec.judgedYear) {
      return {
        actual: actualOut,
        achievement,
        intermediates,
        status: 'no_data',
        required: null,
        projection: null,
        method: { name: DEFAULT_PROGRESS_METHOD, parameters },
        explanation: {
          vi: `Chưa có số liệu năm ${spec.judgedYear}; số liệu gần nhất năm ${current.year}: ${said.vi}`,
          en: `No figure for ${spec.judgedYear}; latest is ${said.en} in ${current.year}`,
        },
      };
    }
    return {
      actual: actualOut,
      achievement,
      intermediates,
      status: verdict,
      required: null,
      projection: null,
      method: { name: DEFAULT_PROGRESS_METHOD, parameters },
      explanation: {
        vi: `Năm ${current.year} đạt ${said.vi}, ${rel.vi}`,
        en: `${said.en} in ${current.year}, ${rel.en}`,
      },
    };
  }

  const currentValue = derivedValue ?? toDecimal(current.value);
  // Base point of the trend: the target's stated baseline when it precedes the latest figure, else the earliest one.
  const first = points[0] as PreparedObservation;
  const base =
    spec.baseline !== undefined && spec.baseline.year < current.year
      ? spec.baseline
      : first.year < current.year
        ? { year: first.year, value: valueOf(spec, first) }
        : undefined;
  const T = spec.judgedYear;
  const t = current.year;
  let projected = currentValue;
  let projMethod = 'latest_value';
  if (base !== undefined && T > t) {
    const span = t - base.year;
    if (spec.geometric && base.value.gt(0) && currentValue.gt(0)) {
      // v̂_T = v_t · (1 + CAGR)^(T − t), CAGR = (v_t / v_b)^(1/(t − b)) − 1 ([O8] expected value).
      const current24 = new Derived(currentValue);
      const rate = rootOf(current24.div(base.value), span).minus(ONE);
      projected = current24.times(ONE.plus(rate).pow(T - t));
      projMethod = 'geometric_trend';
      intermediates.trendRate = rate.toSignificantDigits(12).toFixed();
    } else {
      // Shares and ranks move by points, not by percent: v̂_T = v_t + (v_t − v_b)/(t − b) · (T − t).
      const perYear = currentValue.minus(base.value).div(span);
      projected = currentValue.plus(perYear.times(T - t));
      projMethod = 'linear_trend';
      intermediates.trendPerYear = perYear.toSignificantDigits(12).toFixed();
    }
    intermediates.baseYear = String(base.year);
    intermediates.baseValue = base.value.toFixed();
  }
  const projectedText = roundTo(projected, scale);
  const projectedExact = parseExact(projectedText);
  const projGoal = metBound(spec.bounds, projectedExact);
  const ratio =
    base !== undefined && projGoal !== null ? progressRatio(projected, base.value, toDecimal(projGoal)) : null;
  const reaches = reached(classify(projectedExact, spec.bounds));
  let status: TrackStatus;
  let methodName = DEFAULT_PROGRESS_METHOD;
  if (base === undefined && T > t) {
    // One figure and no baseline: no trend to project. Reaching the target already is on track; otherwise the
    // honest reading is "at risk" until a second figure shows the direction.
    status = reaches ? 'on_track' : 'at_risk';
    intermediates.note = 'no_trend';
  } else {
    status = trackOf(reaches, ratio, ctx.band);
  }
  if (ctx.progressMethod !== DEFAULT_PROGRESS_METHOD && isPeerMethod(ctx.progressMethod) && goal !== null) {
    const peer = runPeerMethod(ctx.progressMethod, {
      points: points.map((o) => ({ year: o.year, value: derived ? valueOf(spec, o).toFixed() : o.value.text })),
      target: (projGoal ?? goal).text,
      targetYear: T,
      ...(base !== undefined ? { baseYear: base.year } : {}),
      direction: spec.bounds.direction === 'lower_better' ? 'lower_better' : 'higher_better',
    });
    methodName = peer.method;
    status = peer.track === 'achieved' ? 'on_track' : peer.track;
    intermediates.peerStatus = peer.peerStatus;
    if (peer.value !== null) intermediates.peerValue = String(peer.value);
    if (peer.score !== null) intermediates.peerScore = String(peer.score);
    for (const [k, v] of Object.entries(peer.intermediates))
      intermediates[`peer.${k}`] = v === null ? 'null' : String(v);
  }
  const projection: Projection = {
    value: projectedText,
    year: T,
    method: projMethod,
    progressRatio: ratio === null ? null : ratio.toDecimalPlaces(4).toFixed(),
  };
  let required: Required | null = null;
  if (T > t && goal !== null && !reached(verdict)) {
    required = {
      kind: 'yearly_change',
      value: roundRequired(
        toDecimal(goal)
          .minus(currentValue)
          .div(T - t),
        Math.max(scale, 2),
        spec.bounds.direction === 'lower_better',
      ),
      target: goal.text,
      remainingYears: T - t,
      fromYear: t + 1,
      toYear: T,
    };
  }
  const projText = join(amount(projectedText, spec.unit));
  const projRel = spec.relationOf
    ? spec.relationOf(projectedExact)
    : relation(projectedExact, spec.bounds, spec.targetText);
  const explanation =
    T > t
      ? {
          vi: `Năm ${t} đạt ${said.vi}; dự báo năm ${T}: ${projText.vi}, ${projRel.vi}`,
          en: `${said.en} in ${t}; projected ${projText.en} in ${T}, ${projRel.en}`,
        }
      : { vi: `Năm ${t} đạt ${said.vi}, ${rel.vi}`, en: `${said.en} in ${t}, ${rel.en}` };
  return {
    actual: actualOut,
    achievement,
    intermediates,
    status,
    required,
    projection,
    method: { name: methodName, parameters },
    explanation,
  };
}

function achievementOf(actual: Exact, goal: Exact, direction: Bounds['direction']): string | null {
  if (direction === 'band') return null;
  const [num, den] = direction === 'lower_better' ? [goal, actual] : [actual, goal];
  if (isZero(den)) return null;
  return ratioText(num, den, 4) ?? toDecimal(num).div(toDecimal(den)).toDecimalPlaces(4).toFixed();
}

/** A target's baseline (value and the year it refers to), when stated. */
export function baselineOf(target: TargetSpec): { year: number; value: Decimal } | undefined {
  if (target.baseline === undefined) return undefined;
  const m = /^(\d{4})(?:-(\d{4}))?$/.exec(target.baseline.period);
  if (m === null || !/^-?\d+(\.\d+)?$/.test(target.baseline.value)) {
    throw new InvalidTarget(
      {
        vi: `Giá trị gốc của mục tiêu không hợp lệ (${target.baseline.value}, ${target.baseline.period})`,
        en: `The target's baseline is invalid (${target.baseline.value}, ${target.baseline.period})`,
      },
      { baseline: target.baseline },
    );
  }
  return { year: Number(m[2] ?? m[1]), value: new Decimal(target.baseline.value) };
}
