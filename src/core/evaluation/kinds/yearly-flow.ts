// A flow every year (55,800 jobs a year): each year is judged on its own and the term on the yearly average
// (Hải Phòng's Phụ lục 1 judges 58,600/yr on average against 55,800/yr as "Vượt"). A figure reported for a span from
// the first year is read as the yearly average over it (aggregate absent or yearly_average) or as its total
// (aggregate term_total, divided by the span's years).
import { Decimal } from '../../decimal.ts';
import type { TermAverageTarget, YearlyFlowTarget } from '../../targets/target.ts';
import { boundsOf, classify, metBound, reached } from '../compare.ts';
import type { KindContext, KindEvaluation } from '../context.ts';
import { addAll, digitsOf, exactOf, isZero, parseExact, ratioText, toDecimal, ZERO, type Exact } from '../exact.ts';
import { amount, estimateMark, join, relation, targetPhrase, unitPhrase, years, type Phrase } from '../explain.ts';
import { assertOnePriceBasis, byYear, restsOn, type PreparedObservation } from '../prepare.ts';
import { compareScale, roundRequired, roundTo, targetRange } from '../target-values.ts';
import { progressRatio, trackOf } from '../track.ts';
import type { Required } from '../types.ts';
import { spanFromFirstYear } from './flow-total.ts';

/** Figures a yearly average is taken of: flows, counts of the year, and shares (a five-year average share, HD 5.1), or unstated. */
const isAverageable = (o: PreparedObservation): boolean =>
  o.input.measure === undefined ||
  o.input.measure === 'flow' ||
  o.input.measure === 'count' ||
  o.input.measure === 'share';

/** Figures a term average of a share or rate is taken of: shares, levels, counts, or unstated. */
const isRate = (o: PreparedObservation): boolean =>
  o.input.measure === undefined ||
  o.input.measure === 'share' ||
  o.input.measure === 'level' ||
  o.input.measure === 'count';

/** "year.2027", the key of a year's own verdict: written once per year of the periods' range (1900–2200), not per evaluation. */
const YEAR_KEYS: readonly string[] = Array.from({ length: 301 }, (_, i) => `year.${1900 + i}`);
function yearKey(year: number): string {
  return YEAR_KEYS[year - 1900] ?? `year.${year}`;
}

export function evaluateYearlyFlow(ctx: KindContext<YearlyFlowTarget>): KindEvaluation {
  const t = ctx.target;
  const unit = unitPhrase(ctx.unit);
  return evaluateYearlyAverage(ctx, {
    min: t.value,
    max: t.max,
    field: 'value',
    perUnit: {
      vi: unit.vi === '' ? '/năm' : `${unit.vi}/năm`,
      en: unit.en === '' ? 'a year' : `${unit.en} a year`,
    },
    averageable: isAverageable,
    method: 'yearly_average',
  });
}

/**
 * "Tỷ lệ … bình quân giai đoạn đạt 30 %": the mean of the term's yearly figures of a share or rate, each year judged
 * too, with what the remaining years must average while the term runs.
 */
export function evaluateTermAverage(ctx: KindContext<TermAverageTarget>): KindEvaluation {
  const t = ctx.target;
  return evaluateYearlyAverage(ctx, {
    min: t.min,
    max: t.max,
    field: 'min',
    perUnit: unitPhrase(ctx.unit),
    averageable: isRate,
    method: 'term_average',
  });
}

/**
 * The achievement of a yearly average, decimal.js's toDecimal(sum).div(k).div(goal) rounded half up to 4 places, as
 * Σ/(k·goal) in scaled integers. The same: the two 40-digit divisions put their result within 10^−39·|Σ/(k·goal)| of
 * the exact ratio; an exact tie at 4 places is a short terminating decimal, so then both divisions are exact; any
 * other ratio is at least 1/(2·10^4·|k·goal|) (scaled) from every tie, more than that error while the scaled Σ has
 * at most 37 − 4 − goal's decimals digits (one digit stricter than ratioText()'s own bound for a single division).
 * Null beyond that: the caller asks decimal.js.
 */
export function averageOverGoal(sum: Exact, k: number, goal: Exact): string | null {
  if (!Number.isSafeInteger(sum.n) || sum.n === 0 || digitsOf(sum.n) + goal.s + 4 > 37) return null;
  const n = k * goal.n;
  return Number.isSafeInteger(n) ? ratioText(sum, { text: '', n, s: goal.s }, 4) : null;
}

interface AverageOptions {
  min: string;
  max: string | undefined;
  field: string;
  perUnit: Phrase;
  averageable: (o: PreparedObservation) => boolean;
  method: 'yearly_average' | 'term_average';
}

function evaluateYearlyAverage(
  ctx: KindContext<YearlyFlowTarget | TermAverageTarget>,
  opts: AverageOptions,
): KindEvaluation {
  const t = ctx.target;
  const { firstYear, lastYear } = t.term;
  const N = lastYear - firstYear + 1;
  const r = targetRange(opts.min, opts.max, opts.field);
  const bounds = boundsOf(t.direction, r.min, r.max, t.strict);
  const perYear = opts.perUnit;
  const isAverageable = opts.averageable;
  const targetText = targetPhrase(bounds, perYear);
  const parameters = { [opts.field]: opts.min, max: opts.max, direction: t.direction, firstYear, lastYear };
  // A span from the first year (a reported five-year average, or a total over the first years) stands for its years;
  // yearly figures count only after it.
  const span = spanFromFirstYear(ctx.obs, firstYear, lastYear, isAverageable);
  const spanEnd = span === undefined ? firstYear - 1 : span.endYear;
  const flows = byYear(
    ctx.obs.filter((o) => o.period.kind === 'year' && o.year >= firstYear && o.year > spanEnd && isAverageable(o)),
  );
  if (flows.length === 0 && span === undefined) {
    return {
      status: 'no_data',
      actual: {
        value: null,
        period: null,
        method: opts.method,
        restsOn: [],
        estimatesOnly: false,
        anyEstimate: false,
      },
      achievement: null,
      required: null,
      projection: null,
      method: { name: 'chitieu_default', parameters },
      intermediates: {},
      explanation: {
        vi: `Chưa có số liệu (mục tiêu ${targetText.vi})`,
        en: `No figures yet (target ${targetText.en})`,
      },
    };
  }
  const used = span === undefined ? flows : [span, ...flows];
  assertOnePriceBasis(used);
  const intermediates: Record<string, string> = {};
  let sum = ZERO;
  let spanYears = 0;
  if (span !== undefined) {
    // A span is a yearly average unless stated to be the span's total.
    spanYears = span.endYear - span.year + 1;
    sum = span.input.aggregate === 'term_total' ? span.value : exactOf(toDecimal(span.value).times(spanYears));
    intermediates.span = span.input.period;
    intermediates.spanAggregate = span.input.aggregate ?? 'yearly_average';
    intermediates.spanSum = sum.text;
  }
  let yearsMet = 0;
  sum = addAll(
    flows.map((f) => f.value),
    sum,
  );
  for (const f of flows) {
    const s = classify(f.value, bounds);
    intermediates[yearKey(f.year)] = s;
    if (reached(s)) yearsMet++;
  }
  const k = spanYears + flows.length;
  const scale = compareScale(t, r.max ? [r.min, r.max] : [r.min], used);
  // The average rounded half up at the compared scale: Σ/k in scaled integers where ratioText() answers (exactly
  // decimal.js's toDecimal(sum).div(k) rounded), else by decimal.js.
  const avgText = ratioText(sum, { text: String(k), n: k, s: 0 }, scale) ?? roundTo(toDecimal(sum).div(k), scale);
  const avg = parseExact(avgText);
  intermediates.sum = sum.text;
  intermediates.yearsWithFigures = String(k);
  intermediates.yearsMet = String(yearsMet);
  const verdict = classify(avg, bounds);
  const goal = metBound(bounds, avg) ?? r.min;
  const rests = restsOn(used);
  const last = flows[flows.length - 1];
  const period = years(firstYear, last === undefined ? spanEnd : last.year);
  const said = join(amount(avgText, perYear), estimateMark(rests.anyEstimate));
  const rel = relation(avg, bounds, targetText);
  const achievement =
    t.direction === 'band' || isZero(goal) || isZero(sum)
      ? null
      : ((t.direction === 'higher_better' ? averageOverGoal(sum, k, goal) : null) ??
        (t.direction === 'lower_better'
          ? toDecimal(goal).div(toDecimal(sum).div(k))
          : toDecimal(sum).div(k).div(toDecimal(goal))
        )
          .toDecimalPlaces(4)
          .toFixed());
  // Built whole in the key order every evaluation has had (actual, achievement, method, intermediates, status, …).
  const actualOut = {
    value: avgText,
    period,
    method: opts.method,
    restsOn: rests.restsOn,
    estimatesOnly: rests.estimatesOnly,
    anyEstimate: rests.anyEstimate,
  };
  const methodOut = { name: 'chitieu_default', parameters };
  const yearly = flows.length;
  const sentence = {
    vi: `Bình quân ${period} đạt ${said.vi}, ${rel.vi}${yearly > 0 ? `; ${yearsMet}/${yearly} năm đạt` : ''}`,
    en: `Averaged ${said.en} over ${period}, ${rel.en}${yearly > 0 ? `; ${yearsMet} of ${yearly} years met it` : ''}`,
  };
  if (ctx.phase === 'final') {
    return {
      actual: actualOut,
      achievement,
      method: methodOut,
      intermediates,
      status: k >= N ? verdict : 'no_data',
      required: null,
      projection: null,
      explanation: sentence,
    };
  }
  const remaining = N - k;
  const avgD = toDecimal(sum).div(k);
  const goalD = toDecimal(goal);
  let required: Required | null = null;
  if (remaining > 0) {
    // Average the remaining years need so the term's average reaches the goal: (N·v* − Σ)/(N − k).
    required = {
      kind: 'yearly_flow',
      value: roundRequired(
        goalD.times(N).minus(toDecimal(sum)).div(remaining),
        Math.max(scale, 2),
        t.direction === 'lower_better',
      ),
      target: goal.text,
      remainingYears: remaining,
      fromYear: lastYear - remaining + 1,
      toYear: lastYear,
    };
  }
  const ratio = progressRatio(avgD, new Decimal(0), goalD);
  return {
    actual: actualOut,
    achievement,
    method: methodOut,
    intermediates,
    status: trackOf(reached(verdict), ratio, ctx.band),
    required,
    projection: {
      value: avgText,
      year: lastYear,
      method: 'constant_average',
      progressRatio: ratio === null ? null : ratio.toDecimalPlaces(4).toFixed(),
    },
    explanation: sentence,
  };
}
