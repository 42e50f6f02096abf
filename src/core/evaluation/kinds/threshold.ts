// A bound as written (unemployment < 3.5 %; health insurance > 95 %): strict bounds exclude the bound itself; a
// figure strictly beyond the bound in the good direction is "exceeded" (Hải Phòng's Phụ lục 1 reports 95.2 against
// "> 95" as "Vượt"), on a non-strict bound it is "met".
import { InvalidTarget } from '../../errors.ts';
import type { ThresholdTarget } from '../../targets/target.ts';
import { classify, reached, type Bounds } from '../compare.ts';
import type { KindContext, KindEvaluation } from '../context.ts';
import type { Exact } from '../exact.ts';
import { targetPhrase, unitPhrase, type Phrase } from '../explain.ts';
import { targetNumber } from '../target-values.ts';
import { baselineOf, evaluateLevel } from './level-series.ts';
import { judgedYearSeries } from './series.ts';

export function thresholdBounds(t: ThresholdTarget, v: Exact): Bounds {
  const higher = t.op === '>' || t.op === '>=';
  if (t.strict === true && (t.op === '>=' || t.op === '<=')) {
    throw new InvalidTarget(
      {
        vi: `Ngưỡng "${t.op} ${t.value}" không thể đồng thời là "trên/dưới" (strict)`,
        en: `Threshold "${t.op} ${t.value}" cannot also be strict`,
      },
      { op: t.op, strict: t.strict },
    );
  }
  if (t.direction !== (higher ? 'higher_better' : 'lower_better')) {
    throw new InvalidTarget(
      {
        vi: `Ngưỡng "${t.op} ${t.value}" mâu thuẫn với chiều đánh giá ${t.direction}`,
        en: `Threshold "${t.op} ${t.value}" contradicts direction ${t.direction}`,
      },
      { op: t.op, direction: t.direction },
    );
  }
  return higher
    ? { direction: 'higher_better', lo: v, hi: null, loStrict: t.op === '>', hiStrict: false }
    : { direction: 'lower_better', lo: null, hi: v, loStrict: false, hiStrict: t.op === '<' };
}

/**
 * "đạt / không đạt mục tiêu < 3,5 %": whether a figure meets the bound. Returned unnamed (a closure bound to a name
 * inside the evaluator would have its name written on it at every evaluation under tsx's keepNames).
 */
function meetingWords(bounds: Bounds, target: Phrase): (a: Exact) => Phrase {
  return (a) =>
    reached(classify(a, bounds))
      ? { vi: `đạt mục tiêu ${target.vi}`, en: `meeting the ${target.en} target` }
      : { vi: `không đạt mục tiêu ${target.vi}`, en: `missing the ${target.en} target` };
}

export function evaluateThreshold(ctx: KindContext<ThresholdTarget>): KindEvaluation {
  const t = ctx.target;
  const v = targetNumber(t.value, 'value');
  const bounds = thresholdBounds(t, v);
  const unit = unitPhrase(ctx.unit);
  const target = targetPhrase(bounds, unit, t.op);
  return evaluateLevel(ctx, {
    bounds,
    targetFigures: [v],
    targetText: target,
    unit,
    judgedYear: t.year,
    series: judgedYearSeries(ctx.obs, t.year, ['growth_rate']),
    relationOf: meetingWords(bounds, target),
    method: 'value_in_year',
    parameters: { op: t.op, value: t.value },
    achievement: true,
    geometric: false,
    baseline: baselineOf(t),
  });
}
