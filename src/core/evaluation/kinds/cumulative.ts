// Sum of yearly flows over the term (total investment 2.5 million bn VND 2026–2030; 32,800 social homes).
import type { CumulativeTarget } from '../../targets/target.ts';
import { boundsOf } from '../compare.ts';
import type { KindContext, KindEvaluation } from '../context.ts';
import { targetPhrase, unitPhrase } from '../explain.ts';
import { targetRange } from '../target-values.ts';
import { evaluateTotal } from './flow-total.ts';

export function evaluateCumulative(ctx: KindContext<CumulativeTarget>): KindEvaluation {
  const t = ctx.target;
  const r = targetRange(t.value, t.max, 'value');
  const bounds = boundsOf(t.direction, r.min, r.max, t.strict);
  const unit = unitPhrase(ctx.unit);
  return evaluateTotal(ctx, {
    bounds,
    targetFigures: r.max ? [r.min, r.max] : [r.min],
    targetText: targetPhrase(bounds, unit),
    unit,
    method: 'sum_of_flows',
    parameters: { value: t.value, max: t.max, direction: t.direction },
  });
}
