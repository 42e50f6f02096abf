// A level in the final year (GRDP per capita 11,380 USD in 2030): the judged year's figure against the value. The
// judged year's figure may be a flow of that year (budget revenue, exports in 2025): for a level-at-end target the
// final year's flow is that year's level. Flows of earlier years are not levels and are not read.
import type { LevelAtEndTarget } from '../../targets/target.ts';
import { boundsOf } from '../compare.ts';
import type { KindContext, KindEvaluation } from '../context.ts';
import { targetPhrase, unitPhrase } from '../explain.ts';
import { targetNumber } from '../target-values.ts';
import { baselineOf, evaluateLevel } from './level-series.ts';
import type { PreparedObservation } from '../prepare.ts';
import { judgedYearSeries } from './series.ts';

/** Levels, shares and counts of any year, and the judged year's figure measured as a flow. */
export function levelAtEndSeries(obs: readonly PreparedObservation[], year: number): PreparedObservation[] {
  return judgedYearSeries(obs, year);
}

export function evaluateLevelAtEnd(ctx: KindContext<LevelAtEndTarget>): KindEvaluation {
  const t = ctx.target;
  const v = targetNumber(t.value, 'value');
  const bounds = boundsOf(t.direction, v, undefined, t.strict);
  const unit = unitPhrase(ctx.unit);
  return evaluateLevel(ctx, {
    bounds,
    targetFigures: [v],
    targetText: targetPhrase(bounds, unit),
    unit,
    judgedYear: t.year,
    series: levelAtEndSeries(ctx.obs, t.year),
    method: 'value_in_year',
    parameters: { value: t.value, direction: t.direction },
    achievement: true,
    geometric: true,
    baseline: baselineOf(t),
  });
}
