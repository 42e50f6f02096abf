// Average annual growth over the term (GRDP +14–14.5 %/yr). A reported average for the whole term is the actual;
// otherwise yearly rates are compounded (geometric mean Π(1+gᵢ)^(1/k) − 1, or their arithmetic mean where the
// indicator says so), or levels give the CAGR from the base year. Never a CAGR of a growth rate: the UN Progress
// Chart and the UN 2023 note both exclude it ([U1] 8.1.1, [O8]); reference/methods-and-anchors.md §3.8.
import { Decimal } from '../../decimal.ts';
import { InvalidTarget } from '../../errors.ts';
import type { GrowthAverageTarget } from '../../targets/target.ts';
import { boundsOf, classify, metBound, reached } from '../compare.ts';
import type { KindContext, KindEvaluation } from '../context.ts';
import { parseExact, type Exact } from '../exact.ts';
import { compoundRates } from '../compound.ts';
import { Derived } from '../derived.ts';
import { amount, estimateMark, join, PERCENT_PER_YEAR, relation, targetPhrase, years } from '../explain.ts';
import { assertOnePriceBasis, byYear, restsOn, type PreparedObservation } from '../prepare.ts';
import { requiredAverageRate } from '../required.ts';
import { rootOf } from '../root.ts';
import { compareScale, roundTo, targetRange } from '../target-values.ts';
import { progressRatio, trackOf } from '../track.ts';
import type { FinalStatus, Projection, Required, TrackStatus } from '../types.ts';

const ONE = new Derived(1);
const HUNDRED = new Derived(100);
const toDecimal = (e: Exact): Decimal => new Derived(e.text);

interface Realised {
  method:
    | 'reported_average'
    | 'geometric_mean_of_rates'
    | 'arithmetic_mean_of_rates'
    | 'cagr_from_levels'
    | 'arithmetic_mean_from_levels';
  /** Average growth so far, as a fraction. */
  average: Decimal;
  /** Π(1 + gᵢ) over the realised years (growth factor since the base year). */
  factor: Decimal;
  /** Σ gᵢ (fractions), for the arithmetic rule. */
  sum: Decimal;
  /** Number of realised years and the last one. */
  k: number;
  lastYear: number;
  used: PreparedObservation[];
}

export function validate(t: GrowthAverageTarget): void {
  if (typeof t.baseYear !== 'number' || !Number.isInteger(t.baseYear)) {
    throw new InvalidTarget(
      {
        vi: 'Mục tiêu tăng trưởng bình quân thiếu năm gốc (baseYear)',
        en: 'An average-growth target needs a base year (baseYear)',
      },
      { field: 'baseYear' },
    );
  }
  if (t.baseYear >= t.term.lastYear || t.baseYear > t.term.firstYear - 1) {
    throw new InvalidTarget(
      {
        vi: `Năm gốc ${t.baseYear} phải trước năm đầu của giai đoạn ${t.term.firstYear}`,
        en: `Base year ${t.baseYear} must precede the term's first year ${t.term.firstYear}`,
      },
      { baseYear: t.baseYear, term: t.term },
    );
  }
}

const isRate = (o: PreparedObservation): boolean => o.input.measure === undefined || o.input.measure === 'growth_rate';

/** Π(1 + gᵢ) and Σ gᵢ by decimal.js, for the rates compoundRates() hands back. */
function compoundByDecimal(rates: readonly PreparedObservation[]): { factor: Decimal; sum: Decimal } {
  let factor = ONE;
  let sum: Decimal = new Derived(0);
  for (const r of rates) {
    const g = toDecimal(r.value).div(HUNDRED);
    factor = factor.times(ONE.plus(g));
    sum = sum.plus(g);
  }
  return { factor, sum };
}

function realise(t: GrowthAverageTarget, obs: readonly PreparedObservation[]): Realised | null {
  const N = t.term.lastYear - t.baseYear;
  const span = obs.find(
    (o) => o.period.kind === 'span' && o.year === t.baseYear + 1 && o.endYear === t.term.lastYear && isRate(o),
  );
  if (span !== undefined) {
    // A reported average for the whole term is the official figure: it is the actual, not recomputed.
    const g = toDecimal(span.value).div(HUNDRED);
    return {
      method: 'reported_average',
      average: g,
      factor: ONE.plus(g).pow(N),
      sum: g.times(N),
      k: N,
      lastYear: t.term.lastYear,
      used: [span],
    };
  }
  const rates = byYear(obs.filter((o) => o.period.kind === 'year' && o.year > t.baseYear && isRate(o)));
  if (rates.length > 0) {
    const { factor, sum } =
      compoundRates(
        rates.map((r) => r.value),
        Derived,
      ) ?? compoundByDecimal(rates);
    const k = rates.length;
    const last = rates[k - 1] as PreparedObservation;
    const arithmetic = t.averaging === 'arithmetic';
    const average = arithmetic ? sum.div(k) : rootOf(factor, k).minus(ONE);
    return {
      method: arithmetic ? 'arithmetic_mean_of_rates' : 'geometric_mean_of_rates',
      average,
      factor,
      sum,
      k,
      lastYear: last.year,
      used: rates,
    };
  }
  const levels = byYear(obs.filter((o) => o.period.kind === 'year' && o.input.measure === 'level'));
  const base = levels.find((o) => o.year === t.baseYear);
  const latest = levels[levels.length - 1];
  if (base === undefined || latest === undefined || latest.year <= t.baseYear) return null;
  const l0 = toDecimal(base.value);
  if (l0.lte(0) || toDecimal(latest.value).lte(0)) {
    throw new InvalidTarget(
      {
        vi: 'Không tính được tăng trưởng từ mức không dương',
        en: 'Growth cannot be computed from a level that is not positive',
      },
      { baseYear: t.baseYear },
    );
  }
  const k = latest.year - t.baseYear;
  const factor = toDecimal(latest.value).div(l0);
  const consecutive = levels.filter((o) => o.year >= t.baseYear);
  if (t.averaging === 'arithmetic' && consecutive.length === k + 1) {
    let sum: Decimal = new Derived(0);
    for (let i = 1; i < consecutive.length; i++) {
      const prev = consecutive[i - 1] as PreparedObservation;
      const cur = consecutive[i] as PreparedObservation;
      sum = sum.plus(toDecimal(cur.value).div(toDecimal(prev.value)).minus(ONE));
    }
    return {
      method: 'arithmetic_mean_from_levels',
      average: sum.div(k),
      factor,
      sum,
      k,
      lastYear: latest.year,
      used: consecutive,
    };
  }
  // CAGR between the base level and the latest level: (L_t / L_0)^(1/(t − t₀)) − 1.
  return {
    method: 'cagr_from_levels',
    average: rootOf(factor, k).minus(ONE),
    factor,
    sum: new Derived(0),
    k,
    lastYear: latest.year,
    used: [base, latest],
  };
}

export function evaluateGrowthAverage(ctx: KindContext<GrowthAverageTarget>): KindEvaluation {
  const t = ctx.target;
  validate(t);
  const range = targetRange(t.min, t.max, 'growth');
  const bounds = boundsOf(t.direction, range.min, range.max, t.strict);
  const N = t.term.lastYear - t.baseYear;
  const unit = PERCENT_PER_YEAR;
  const targetText = targetPhrase(bounds, unit);
  // Two fixed shapes built whole (a spread of the optional part copies it key by key at every evaluation).
  const parameters = range.max
    ? { averaging: t.averaging, baseYear: t.baseYear, years: N, min: t.min, max: t.max }
    : { averaging: t.averaging, baseYear: t.baseYear, years: N, min: t.min };
  const r = realise(t, ctx.obs);
  if (r === null) {
    return {
      status: 'no_data',
      actual: { value: null, period: null, method: 'none', restsOn: [], estimatesOnly: false, anyEstimate: false },
      achievement: null,
      required: null,
      projection: null,
      method: { name: 'chitieu_default', parameters },
      intermediates: { years: String(N) },
      explanation: {
        vi: `Chưa có số liệu tăng trưởng ${years(t.baseYear + 1, t.term.lastYear)}`,
        en: `No growth figures yet for ${years(t.baseYear + 1, t.term.lastYear)}`,
      },
    };
  }
  assertOnePriceBasis(r.used);
  const scale = compareScale(t, range.max ? [range.min, range.max] : [range.min], r.used);
  const averagePercent = r.average.times(HUNDRED);
  const actualText = roundTo(averagePercent, scale);
  const actual = parseExact(actualText);
  const rests = restsOn(r.used);
  const period = years(t.baseYear + 1, r.lastYear);
  const complete = r.k >= N && r.lastYear === t.term.lastYear;
  const verdict = classify(actual, bounds);
  const goal = metBound(bounds, actual) ?? range.min;
  // g* = goal / 100: a figure of at most 15 digits moved two places is exact, as the division would give it.
  const gStar = Number.isSafeInteger(goal.n) ? new Derived(`${goal.text}e-2`) : toDecimal(goal).div(HUNDRED);
  const intermediates: Record<string, string> = {
    realisedYears: String(r.k),
    termYears: String(N),
    growthFactor: r.factor.toSignificantDigits(20).toFixed(),
    averageExact: averagePercent.toSignificantDigits(20).toFixed(),
    compareScale: String(scale),
  };
  const ach = gStar.isZero() ? null : r.average.div(gStar);
  const achievement =
    ach === null ? null : (t.direction === 'lower_better' ? ONE.div(ach) : ach).toDecimalPlaces(4).toFixed();
  const said = join(amount(actualText, unit), estimateMark(rests.anyEstimate));
  // Built whole in the key order every evaluation has had (actual, achievement, method, intermediates, status, …).
  const actualOut = {
    value: actualText,
    period,
    method: r.method,
    restsOn: rests.restsOn,
    estimatesOnly: rests.estimatesOnly,
    anyEstimate: rests.anyEstimate,
  };
  const achievementOut = t.direction === 'band' ? null : achievement;
  const methodOut = { name: 'chitieu_default', parameters };

  if (ctx.phase === 'final') {
    const status: FinalStatus = complete ? verdict : 'no_data';
    const rel = relation(actual, bounds, targetText);
    const explanation = complete
      ? { vi: `Bình quân ${period} đạt ${said.vi}, ${rel.vi}`, en: `Averaged ${said.en} over ${period}, ${rel.en}` }
      : {
          vi: `Thiếu số liệu đến năm ${t.term.lastYear}: bình quân ${period} đạt ${said.vi}, ${rel.vi}`,
          en: `Figures up to ${t.term.lastYear} are missing: averaged ${said.en} over ${period}, ${rel.en}`,
        };
    return {
      actual: actualOut,
      achievement: achievementOut,
      method: methodOut,
      intermediates,
      status,
      required: null,
      projection: null,
      explanation,
    };
  }

  // In term: the trend so far is assumed to continue, so the projected term average is the average to date; the
  // progress ratio compares growth factors over the whole term, P = ((1+ḡ)^N − 1)/((1+g*)^N − 1).
  const remaining = N - r.k;
  let required: Required | null = null;
  if (remaining > 0) {
    const need =
      t.averaging === 'arithmetic' && r.method !== 'cagr_from_levels'
        ? gStar.times(N).minus(r.sum).div(remaining)
        : requiredAverageRate(gStar, N, r.factor, r.k);
    // Rounded away from the target's bad side, so that growing at the stated figure really reaches the target.
    const rounding = t.direction === 'lower_better' ? Decimal.ROUND_FLOOR : Decimal.ROUND_CEIL;
    const needPercent = need.times(HUNDRED);
    required = {
      kind: 'average_rate',
      value: needPercent.toDecimalPlaces(Math.max(4, scale), rounding).toFixed(),
      target: goal.text,
      remainingYears: remaining,
      fromYear: r.lastYear + 1,
      toYear: t.term.lastYear,
    };
    intermediates.requiredExact = needPercent.toSignificantDigits(20).toFixed();
  }
  const ratio = progressRatio(ONE.plus(r.average).pow(N), ONE, ONE.plus(gStar).pow(N));
  const projection: Projection = {
    value: actualText,
    year: t.term.lastYear,
    method: 'constant_average',
    progressRatio: ratio === null ? null : ratio.toDecimalPlaces(4).toFixed(),
  };
  const status: TrackStatus = trackOf(reached(verdict), ratio, ctx.band);
  const rel = relation(actual, bounds, targetText);
  const needAmount = required === null ? null : amount(new Decimal(required.value).toDecimalPlaces(2).toFixed(), unit);
  const needText =
    needAmount === null
      ? { vi: '', en: '' }
      : {
          vi: `; cần tăng bình quân ${needAmount.vi} trong ${remaining} năm còn lại`,
          en: `; needs ${needAmount.en} over the remaining ${remaining} years`,
        };
  return {
    actual: actualOut,
    achievement: achievementOut,
    method: methodOut,
    intermediates,
    status,
    required,
    projection,
    explanation: {
      vi: `Bình quân ${period} đạt ${said.vi}, ${rel.vi}${needText.vi}`,
      en: `Averaged ${said.en} over ${period}, ${rel.en}${needText.en}`,
    },
  };
}
