// Units meeting a standard (80 % of communes, 55/67, advanced new-rural standard): compared as a share when the
// target states one, else as a count; a count becomes a share (and back) only through the stated total of units,
// because mergers change the denominator and a share without its total cannot be trusted.
import { Decimal } from '../../decimal.ts';
import { InvalidObservation, InvalidTarget } from '../../errors.ts';
import type { UnitsMeetingStandardTarget } from '../../targets/target.ts';
import { boundsOf } from '../compare.ts';
import type { KindContext, KindEvaluation } from '../context.ts';
import { parseExact, ratioText, toDecimal, type Exact } from '../exact.ts';
import { targetPhrase } from '../explain.ts';
import type { PreparedObservation } from '../prepare.ts';
import { targetNumber } from '../target-values.ts';
import { baselineOf, evaluateLevel } from './level-series.ts';
import { yearlyOf } from './series.ts';

const HUNDRED = new Decimal(100);

/**
 * The compared value of a figure: a count as a share of the stated total (or a share as a count). Returned unnamed (a
 * closure bound to a name inside the evaluator would have its name written on it at every evaluation under tsx).
 */
function converter(byShare: boolean, total: Decimal | undefined): (o: PreparedObservation) => Decimal {
  return (o: PreparedObservation): Decimal => {
    const v = toDecimal(o.value);
    const isCount = o.input.measure === 'count';
    if (isCount === !byShare) return v;
    if (total === undefined) {
      throw new InvalidObservation(
        {
          vi: `Số liệu kỳ ${o.input.period} không quy đổi được giữa số lượng và tỷ lệ vì mục tiêu không nêu tổng số đơn vị`,
          en: `Observation ${o.input.period} cannot be converted between count and share: the target states no total of units`,
        },
        { period: o.input.period },
      );
    }
    return isCount ? v.div(total).times(HUNDRED) : v.times(total).div(HUNDRED);
  };
}

/**
 * converter()'s value rounded half up at `scale`, in scaled integers: a count as a share is 100·v/total (decimal.js's
 * v.div(total).times(100): one 40-digit division, then an exact product), a share as a count v·total/100 (exact), a
 * figure already in the compared measure v itself; each rounded by ratioText(), which writes what decimal.js writes
 * for one such division. Null where ratioText() cannot answer (and for a conversion without a total: converter() then
 * refuses it).
 */
function convertedText(
  byShare: boolean,
  total: number | undefined,
): (o: PreparedObservation, scale: number) => string | null {
  return (o, scale) => {
    const v = o.value;
    const isCount = o.input.measure === 'count';
    if (isCount === !byShare) return ratioText(v, ONE_EXACT, scale);
    if (total === undefined) return null;
    const n = isCount ? v.n * 100 : v.n * total;
    if (!Number.isSafeInteger(n)) return null;
    return ratioText({ text: '', n, s: v.s }, isCount ? { text: '', n: total, s: 0 } : HUNDRED_EXACT, scale);
  };
}

const ONE_EXACT: Exact = { text: '1', n: 1, s: 0 };
const HUNDRED_EXACT: Exact = { text: '100', n: 100, s: 0 };

export function evaluateUnitsMeetingStandard(ctx: KindContext<UnitsMeetingStandardTarget>): KindEvaluation {
  const t = ctx.target;
  if (t.share === undefined && t.count === undefined) {
    throw new InvalidTarget(
      {
        vi: 'Mục tiêu số đơn vị đạt chuẩn cần tỷ lệ hoặc số lượng',
        en: 'A units-meeting-standard target needs a share or a count',
      },
      {},
    );
  }
  if (t.ofCount !== undefined && (!Number.isInteger(t.ofCount) || t.ofCount <= 0)) {
    throw new InvalidTarget(
      {
        vi: `Tổng số đơn vị ${String(t.ofCount)} không hợp lệ`,
        en: `Total number of units ${String(t.ofCount)} is invalid`,
      },
      { ofCount: t.ofCount },
    );
  }
  const byShare = t.share !== undefined;
  const goal = byShare ? targetNumber(t.share, 'share') : parseExact(String(t.count));
  const total = t.ofCount === undefined ? undefined : new Decimal(t.ofCount);
  const bounds = boundsOf(t.direction, goal, undefined, t.strict);
  const unit = byShare ? { vi: '%', en: '%' } : { vi: 'đơn vị', en: 'units' };
  return evaluateLevel(ctx, {
    bounds,
    targetFigures: [goal],
    targetText: targetPhrase(bounds, unit),
    unit,
    judgedYear: t.year,
    series: yearlyOf(ctx.obs, ['share', 'count', 'level']),
    valueFor: converter(byShare, total),
    textFor: convertedText(byShare, t.ofCount),
    method: byShare ? 'share_of_units' : 'count_of_units',
    parameters: { share: t.share, count: t.count, ofCount: t.ofCount, standard: t.standard },
    achievement: true,
    geometric: false,
    baseline: baselineOf(t),
  });
}
