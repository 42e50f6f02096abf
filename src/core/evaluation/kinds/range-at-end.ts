// A range in the final year (urban wastewater treated 40–50 %): inside is met, beyond the range in the good
// direction is exceeded (above 50 when higher is better); compared exactly, so 40.77 lies inside 40–50.
import type { RangeAtEndTarget } from '../../targets/target.ts';
import { boundsOf } from '../compare.ts';
import type { KindContext, KindEvaluation } from '../context.ts';
import { targetPhrase, unitPhrase } from '../explain.ts';
import { targetRange } from '../target-values.ts';
import { baselineOf, evaluateLevel } from './level-series.ts';
import { judgedYearSeries } from './series.ts';

export function evaluateRangeAtEnd(ctx: KindContext<RangeAtEndTarget>): KindEvaluation {
  const t = ctx.target;
  const r = targetRange(t.min, t.max, 'range');
  const bounds = boundsOf(t.direction, r.min, r.max ?? r.min, t.strict);
  const unit = unitPhrase(ctx.unit);
  return evaluateLevel(ctx, {
    bounds,
    targetFigures: r.max ? [r.min, r.max] : [r.min],
    targetText: targetPhrase(bounds, unit),
    unit,
    judgedYear: t.year,
    series: judgedYearSeries(ctx.obs, t.year),
    method: 'value_in_year',
    parameters: { min: t.min, max: t.max, direction: t.direction },
    achievement: t.direction !== 'band',
    geometric: false,
    baseline: baselineOf(t),
  });
}
