// A multiple of a baseline period (patents 1.5× the 2020–2025 total): the term's total (or final level) divided by
// the baseline period's value, compared with the factor. The baseline comes from the target, else from observations
// of the baseline period itself.
import { Decimal } from '../../decimal.ts';
import { InvalidTarget } from '../../errors.ts';
import type { MultipleOfBaselineTarget } from '../../targets/target.ts';
import { boundsOf } from '../compare.ts';
import type { KindContext, KindEvaluation } from '../context.ts';
import { add, exactOf, toDecimal, ZERO, type Exact } from '../exact.ts';
import { targetPhrase, unitPhrase } from '../explain.ts';
import { roundTo, targetNumber, targetRange } from '../target-values.ts';
import { evaluateTotal } from './flow-total.ts';
import { evaluateLevel } from './level-series.ts';
import { judgedYearSeries } from './series.ts';

function baselineValue(ctx: KindContext<MultipleOfBaselineTarget>): Exact | null {
  const t = ctx.target;
  if (t.baselineValue !== undefined) return targetNumber(t.baselineValue, 'baselineValue');
  const exact = ctx.obs.find((o) => o.input.period === t.baselinePeriod);
  if (exact !== undefined) return exact.value;
  const m = /^(\d{4})(?:-(\d{4}))?$/.exec(t.baselinePeriod);
  if (m === null)
    throw new InvalidTarget(
      { vi: `Kỳ gốc ${t.baselinePeriod} không hợp lệ`, en: `Baseline period ${t.baselinePeriod} is invalid` },
      { baselinePeriod: t.baselinePeriod },
    );
  const from = Number(m[1]);
  const to = Number(m[2] ?? m[1]);
  const inside = ctx.obs.filter((o) => o.period.kind === 'year' && o.year >= from && o.year <= to);
  if (inside.length !== to - from + 1) return null;
  if (t.compare === 'final_level') return inside.find((o) => o.year === to)?.value ?? null;
  return inside.reduce<Exact>((s, o) => add(s, o.value), ZERO);
}

export function evaluateMultipleOfBaseline(ctx: KindContext<MultipleOfBaselineTarget>): KindEvaluation {
  const t = ctx.target;
  const factors = targetRange(t.factor, t.factorMax, 'factor');
  const factor = factors.min;
  const base = baselineValue(ctx);
  const unit = unitPhrase(ctx.unit);
  const parameters = {
    factor: t.factor,
    ...(t.factorMax === undefined ? {} : { factorMax: t.factorMax }),
    baselinePeriod: t.baselinePeriod,
    compare: t.compare,
  };
  if (base === null || toDecimal(base).isZero()) {
    return {
      status: 'no_data',
      actual: {
        value: null,
        period: null,
        method: 'ratio_to_baseline',
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
        vi: `Chưa có giá trị kỳ gốc ${t.baselinePeriod}`,
        en: `No value for the baseline period ${t.baselinePeriod}`,
      },
    };
  }
  const b = toDecimal(base);
  const goal = exactOf(toDecimal(factor).times(b));
  const goalMax = factors.max === undefined ? undefined : exactOf(toDecimal(factors.max).times(b));
  const termObs = ctx.obs.filter((o) => o.year >= t.term.firstYear && o.input.period !== t.baselinePeriod);
  const inner = { ...ctx, obs: termObs };
  const bounds = boundsOf(t.direction, goal, goalMax, t.strict);
  const goals = goalMax === undefined ? [goal] : [goal, goalMax];
  const e =
    t.compare === 'term_total'
      ? evaluateTotal(inner, {
          bounds,
          targetFigures: goals,
          targetText: targetPhrase(bounds, unit),
          unit,
          method: 'sum_of_flows',
          parameters,
        })
      : evaluateLevel(inner, {
          bounds,
          targetFigures: goals,
          targetText: targetPhrase(bounds, unit),
          unit,
          judgedYear: t.term.lastYear,
          series: judgedYearSeries(termObs, t.term.lastYear),
          method: 'value_in_year',
          parameters,
          achievement: true,
          geometric: true,
        });
  // The verdict is on the absolute figure against factor × baseline (exact); the ratio is shown beside it.
  const ratio = e.actual.value === null ? null : roundTo(new Decimal(e.actual.value).div(b), 4);
  const intermediates: Record<string, string> = { ...e.intermediates, baselineValue: base.text, goalValue: goal.text };
  if (goalMax !== undefined) intermediates.goalMaxValue = goalMax.text;
  if (e.actual.value !== null) intermediates.absoluteActual = e.actual.value;
  const factorVi =
    (t.strict === true ? 'hơn ' : '') +
    t.factor.replace('.', ',') +
    (t.factorMax === undefined ? '' : `–${t.factorMax.replace('.', ',')}`);
  const factorEn =
    (t.strict === true ? 'more than ' : '') + t.factor + (t.factorMax === undefined ? '' : `–${t.factorMax}`);
  const times =
    ratio === null
      ? null
      : {
          vi: ` (${ratio.replace('.', ',')} lần kỳ gốc ${t.baselinePeriod}, mục tiêu ${factorVi} lần)`,
          en: ` (${ratio}× the ${t.baselinePeriod} baseline, target ${factorEn}×)`,
        };
  return {
    ...e,
    actual: {
      ...e.actual,
      value: ratio,
      method: t.compare === 'term_total' ? 'ratio_of_term_total_to_baseline' : 'ratio_of_final_level_to_baseline',
    },
    intermediates,
    explanation: times === null ? e.explanation : { vi: e.explanation.vi + times.vi, en: e.explanation.en + times.en },
  };
}
