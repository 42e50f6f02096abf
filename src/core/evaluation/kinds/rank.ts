// A rank among peers (innovation index in the top 5 provinces): rank ≤ N is met, a better (smaller) rank than N is
// exceeded, as for any bound; actual/target means nothing for ranks, so there is no achievement ratio.
import { InvalidTarget } from '../../errors.ts';
import type { RankTarget } from '../../targets/target.ts';
import type { Bounds } from '../compare.ts';
import type { KindContext, KindEvaluation } from '../context.ts';
import { cmp, parseExact, type Exact } from '../exact.ts';
import type { Phrase } from '../explain.ts';
import { evaluateLevel } from './level-series.ts';
import { yearlyOf } from './series.ts';

export function evaluateRank(ctx: KindContext<RankTarget>): KindEvaluation {
  const t = ctx.target;
  if (!Number.isInteger(t.maxRank) || t.maxRank < 1) {
    throw new InvalidTarget(
      { vi: `Thứ hạng mục tiêu ${String(t.maxRank)} không hợp lệ`, en: `Target rank ${String(t.maxRank)} is invalid` },
      { maxRank: t.maxRank },
    );
  }
  const n = parseExact(String(t.maxRank));
  const bounds: Bounds = { direction: 'lower_better', lo: null, hi: n, loStrict: false, hiStrict: t.strict === true };
  const target: Phrase =
    t.strict === true
      ? { vi: `xếp trên hạng ${t.maxRank} ${t.among}`, en: `ranked above ${t.maxRank} among ${t.among}` }
      : { vi: `top ${t.maxRank} ${t.among}`, en: `top ${t.maxRank} among ${t.among}` };
  const relationOf = (a: Exact): Phrase =>
    (t.strict === true ? cmp(a, n) < 0 : cmp(a, n) <= 0)
      ? { vi: `trong nhóm mục tiêu ${target.vi}`, en: `within the ${target.en} target` }
      : { vi: `ngoài nhóm mục tiêu ${target.vi}`, en: `outside the ${target.en} target` };
  return evaluateLevel(ctx, {
    bounds,
    targetFigures: [n],
    targetText: target,
    unit: { vi: '(thứ hạng)', en: '(rank)' },
    judgedYear: t.year,
    series: yearlyOf(ctx.obs, ['rank']),
    relationOf,
    method: 'rank_in_year',
    parameters: { maxRank: t.maxRank, among: t.among },
    achievement: false,
    geometric: false,
  });
}
