// The shared evaluator of totals over the term (cumulative targets, multiples of a baseline total): the sum of yearly
// flows; while the term runs, expected-to-date moves in steps of the reporting cadence (a year counts once its figure
// is in; a current year counts by the months its year-to-date figure covers, Cascade's step milestones [C3]), and
// the run rate so far projects the end total. A total already past the bound is decided, since flows do not shrink.
import { Decimal } from '../../decimal.ts';
import type { TargetSpec } from '../../targets/target.ts';
import { classify, metBound, reached, type Bounds } from '../compare.ts';
import type { KindContext, KindEvaluation } from '../context.ts';
import { add, addAll, exactOf, isZero, parseExact, ratioText, toDecimal, ZERO, type Exact } from '../exact.ts';
import { amount, estimateMark, join, relation, years, type Phrase } from '../explain.ts';
import { assertOnePriceBasis, byYear, restsOn, type PreparedObservation } from '../prepare.ts';
import { requiredYearlyFlow } from '../required.ts';
import { compareScale, roundRequired, roundTo } from '../target-values.ts';
import { progressRatio, trackOf } from '../track.ts';
import type { FinalStatus, Projection, Required, TrackStatus } from '../types.ts';

export interface TotalSpec {
  bounds: Bounds;
  targetFigures: Exact[];
  targetText: Phrase;
  unit: Phrase;
  method: string;
  /** A fresh object of this evaluation: the evaluator appends the term's first and last years to it. */
  parameters: Record<string, unknown>;
}

/**
 * Figures summed over the term: flows, and counts of the period (a count summed over years is how the dataset and the
 * checks declare "220 tổ chức đảng thành lập" or "tăng thêm 10 di tích"; before, such figures passed the checks and
 * were then skipped here, leaving the target without figures).
 */
const isFlow = (o: PreparedObservation): boolean =>
  o.input.measure === undefined || o.input.measure === 'flow' || o.input.measure === 'count';

/** The year-to-date figure of a year without its full-year figure: H1/9M as reported, or quarters/months summed from the start. */
export function yearToDate(
  obs: readonly PreparedObservation[],
  year: number,
): { months: number; value: Exact; used: PreparedObservation[] } | null {
  let best: { months: number; value: Exact; used: PreparedObservation[] } | null = null;
  const inYear = obs.filter(
    (o) => o.year === year && o.period.kind !== 'year' && o.period.kind !== 'span' && isFlow(o),
  );
  for (const o of inYear) {
    if ((o.period.kind === 'half' && o.period.half === 1) || o.period.kind === 'nine_months') {
      if (best === null || o.months > best.months) best = { months: o.months, value: o.value, used: [o] };
    }
  }
  for (const kind of ['quarter', 'month'] as const) {
    const parts = inYear
      .filter((o) => o.period.kind === kind)
      .sort((a, b) => a.input.period.localeCompare(b.input.period));
    let months = 0;
    let sum = ZERO;
    const used: PreparedObservation[] = [];
    for (const p of parts) {
      const start =
        p.period.kind === 'quarter' ? p.period.quarter * 3 - 2 : p.period.kind === 'month' ? p.period.month : 0;
      if (start !== months + 1) break;
      months += p.months;
      sum = add(sum, p.value);
      used.push(p);
    }
    if (months > 0 && (best === null || months > best.months)) best = { months, value: sum, used };
  }
  return best;
}

/** The longest span starting at the term's first year and ending within the term, among the observations kept. */
export function spanFromFirstYear(
  obs: readonly PreparedObservation[],
  firstYear: number,
  lastYear: number,
  keep: (o: PreparedObservation) => boolean,
): PreparedObservation | undefined {
  let best: PreparedObservation | undefined;
  for (const o of obs) {
    if (o.period.kind !== 'span' || o.year !== firstYear || o.endYear > lastYear || !keep(o)) continue;
    if (best === undefined || o.endYear > best.endYear) best = o;
  }
  return best;
}

/** A span figure as the sum of its years: a total as written (aggregate absent or term_total), an average × years. */
export function spanTotal(o: PreparedObservation): Exact {
  if (o.input.aggregate !== 'yearly_average') return o.value;
  return exactOf(toDecimal(o.value).times(o.endYear - o.year + 1));
}

export function evaluateTotal(ctx: KindContext<TargetSpec>, spec: TotalSpec): KindEvaluation {
  const { firstYear, lastYear } = ctx.target.term;
  const N = lastYear - firstYear + 1;
  // The caller's own parameters object, with the term appended (as a spread copy would write it, not copied).
  const parameters = spec.parameters;
  parameters.firstYear = firstYear;
  parameters.lastYear = lastYear;
  // A span from the first year (the whole term, or its first years) reported as one figure stands for those years;
  // yearly figures then count only after it. The longest such span is read.
  const reported = spanFromFirstYear(ctx.obs, firstYear, lastYear, isFlow);
  const spanEnd = reported === undefined ? firstYear - 1 : reported.endYear;
  const yearly = byYear(
    ctx.obs.filter((o) => o.period.kind === 'year' && o.year >= firstYear && o.year > spanEnd && isFlow(o)),
  );
  let total = ZERO;
  const used: PreparedObservation[] = [];
  let elapsed = 0;
  let fullYears = 0;
  let lastFull = firstYear - 1;
  let anyNegative = false;
  if (reported !== undefined) {
    total = spanTotal(reported);
    used.push(reported);
    if (total.text.startsWith('-')) anyNegative = true;
    fullYears = reported.endYear - reported.year + 1;
    lastFull = reported.endYear;
  }
  total = addAll(
    yearly.map((o) => o.value),
    total,
  );
  for (const o of yearly) {
    used.push(o);
    if (o.value.text.startsWith('-')) anyNegative = true;
    fullYears++;
    lastFull = Math.max(lastFull, o.year);
  }
  elapsed = fullYears;
  const partialYear = lastFull + 1;
  if (partialYear <= lastYear && !yearly.some((o) => o.year === partialYear)) {
    const ytd = yearToDate(ctx.obs, partialYear);
    if (ytd !== null) {
      total = add(total, ytd.value);
      used.push(...ytd.used);
      elapsed += ytd.months / 12;
    }
  }
  if (used.length === 0) {
    return {
      status: 'no_data',
      actual: { value: null, period: null, method: spec.method, restsOn: [], estimatesOnly: false, anyEstimate: false },
      achievement: null,
      required: null,
      projection: null,
      method: { name: 'chitieu_default', parameters },
      intermediates: {},
      explanation: {
        vi: `Chưa có số liệu ${years(firstYear, lastYear)}`,
        en: `No figures yet for ${years(firstYear, lastYear)}`,
      },
    };
  }
  assertOnePriceBasis(used);
  const verdict = classify(total, spec.bounds);
  const goal = metBound(spec.bounds, total) ?? total;
  const rests = restsOn(used);
  const last = used[used.length - 1] as PreparedObservation;
  const period = years(firstYear, last.endYear);
  const missing: number[] = [];
  // Years without a figure, in one pass over the yearly figures (in year order, one per year).
  for (let y = spanEnd + 1, j = 0; y <= lastFull; y++) {
    while (j < yearly.length && (yearly[j] as PreparedObservation).year < y) j++;
    if (j === yearly.length || (yearly[j] as PreparedObservation).year !== y) missing.push(y);
  }
  const intermediates: Record<string, string> = {
    total: total.text,
    yearsWithFigures: String(fullYears),
    // Whole years (no year-to-date part) are written as they are, as decimal.js writes an integer.
    elapsedYears: Number.isInteger(elapsed) ? String(elapsed) : new Decimal(elapsed).toDecimalPlaces(4).toFixed(),
    termYears: String(N),
  };
  if (missing.length > 0) intermediates.missingYears = missing.join(',');
  if (reported !== undefined) {
    intermediates.span = reported.input.period;
    intermediates.spanAggregate = reported.input.aggregate ?? 'term_total';
  }
  const [num, den] = spec.bounds.direction === 'lower_better' ? [goal, total] : [total, goal];
  const achievement =
    spec.bounds.direction === 'band' || isZero(goal) || isZero(total)
      ? null
      : (ratioText(num, den, 4) ?? toDecimal(num).div(toDecimal(den)).toDecimalPlaces(4).toFixed());
  const said = join(amount(total.text, spec.unit), estimateMark(rests.anyEstimate));
  const rel = relation(total, spec.bounds, spec.targetText);
  // Flows never shrink a total (when none is negative): past the bound in the good direction the verdict cannot change
  // (except met → exceeded); past it in the bad direction (lower is better) it cannot be recovered.
  const irreversible =
    !anyNegative &&
    ((spec.bounds.direction === 'higher_better' && reached(verdict)) ||
      (spec.bounds.direction === 'lower_better' && verdict === 'not_met'));
  // Built whole in the key order every evaluation has had (actual, achievement, method, intermediates, status, …).
  const actualOut = {
    value: total.text,
    period,
    method: spec.method,
    restsOn: rests.restsOn,
    estimatesOnly: rests.estimatesOnly,
    anyEstimate: rests.anyEstimate,
  };
  const methodOut = { name: 'chitieu_default', parameters };

  if (ctx.phase === 'final') {
    const complete = fullYears >= N && missing.length === 0;
    const status: FinalStatus = complete || irreversible ? verdict : 'no_data';
    const missingNote = complete
      ? { vi: '', en: '' }
      : { vi: ' (chưa đủ số liệu các năm)', en: ' (some years are missing)' };
    return {
      actual: actualOut,
      achievement,
      method: methodOut,
      intermediates,
      status,
      required: null,
      projection: null,
      explanation: {
        vi: `Tổng ${period} đạt ${said.vi}${missingNote.vi}, ${rel.vi}`,
        en: `Total ${said.en} over ${period}${missingNote.en}, ${rel.en}`,
      },
    };
  }

  // Expected to date = target · elapsed / N; run rate = total / elapsed; projection = total + rate · (N − elapsed).
  const scale = compareScale(ctx.target, spec.targetFigures, used);
  const goalD = toDecimal(goal);
  const totalD = toDecimal(total);
  const el = new Decimal(elapsed);
  const expected = goalD.times(el).div(N);
  const projected = elapsed > 0 ? totalD.plus(totalD.div(el).times(new Decimal(N).minus(el))) : totalD;
  const projectedText = roundTo(projected, scale);
  const ratio = progressRatio(projected, new Decimal(0), goalD);
  intermediates.expectedToDate = roundTo(expected, scale);
  const reaches = reached(classify(parseExact(projectedText), spec.bounds));
  const status: TrackStatus =
    irreversible && spec.bounds.direction === 'higher_better'
      ? 'on_track'
      : irreversible
        ? 'off_track'
        : trackOf(reaches, ratio, ctx.band);
  const projection: Projection = {
    value: projectedText,
    year: lastYear,
    method: 'run_rate',
    progressRatio: ratio === null ? null : ratio.toDecimalPlaces(4).toFixed(),
  };
  const remaining = new Decimal(N).minus(el);
  let required: Required | null = null;
  if (remaining.gt(0) && !reached(verdict)) {
    required = {
      kind: 'yearly_flow',
      value: roundRequired(
        requiredYearlyFlow(goalD, totalD, remaining.toNumber()),
        Math.max(scale, 2),
        spec.bounds.direction === 'lower_better',
      ),
      target: goal.text,
      remainingYears: lastYear - lastFull,
      fromYear: lastFull + 1,
      toYear: lastYear,
    };
  }
  const needText =
    required === null
      ? { vi: '', en: '' }
      : {
          vi: `; cần bình quân ${amount(required.value, spec.unit).vi}/năm cho phần còn lại`,
          en: `; needs ${amount(required.value, spec.unit).en} a year for the rest`,
        };
  const explanation = {
    vi: `Lũy kế ${period} đạt ${said.vi}, ${rel.vi}${needText.vi}`,
    en: `Cumulative ${said.en} over ${period}, ${rel.en}${needText.en}`,
  };
  return irreversible
    ? {
        actual: actualOut,
        achievement,
        method: methodOut,
        intermediates,
        status,
        decided: verdict,
        required,
        projection,
        explanation,
      }
    : { actual: actualOut, achievement, method: methodOut, intermediates, status, required, projection, explanation };
}
