// A level in the final year (GRDP per capita 11,380 USD in 2030): the judged year's figure against the value.
import type { LevelAtEndTarget } from '../../targets/target.ts';
import { boundsOf } from '../compare.ts';
import type { KindContext, KindEvaluation } from '../context.ts';
import { targetPhrase, unitPhrase } from '../explain.ts';
import { targetNumber } from '../target-values.ts';
import { baselineOf, evaluateLevel } from './level-series.ts';
import { yearlyOf } from './series.ts';

export function evaluateLevelAtEnd(ctx: KindContext<LevelAtEndTarget>): KindEvaluation {
  const t = ctx.target;
  const v = targetNumber(t.value, 'value');
  const bounds = boundsOf(t.direction, v);
  const unit = unitPhrase(ctx.unit);
  return evaluateLevel(ctx, {
    bounds,
    targetFigures: [v],
    targetText: targetPhrase(bounds, unit),
    unit,
    judgedYear: t.year,
    series: yearlyOf(ctx.obs, ['level', 'share', 'count']),
    method: 'value_in_year',
    parameters: { value: t.value, direction: t.direction },
    achievement: true,
    geometric: true,
    baseline: baselineOf(t),
  });
}
