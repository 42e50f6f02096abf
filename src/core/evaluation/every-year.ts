// "Hằng năm / duy trì / ổn định ở mức …": a bound that must hold in every year of the term. Each due year is judged
// by the kind's own evaluator as if the target were set for that year alone, and the term's verdict is the sum of
// them: met only when every year met it, not met as soon as one year missed it ("đạt 4/5 năm" says how many).
import type { BenchmarkTarget, LevelAtEndTarget, RangeAtEndTarget, ThresholdTarget } from '../targets/target.ts';
import { reached } from './compare.ts';
import type { KindContext, KindEvaluation } from './context.ts';
import { years } from './explain.ts';
import { isDue } from './phase.ts';
import type { FinalStatus } from './types.ts';

export type EveryYearTarget = LevelAtEndTarget | RangeAtEndTarget | ThresholdTarget | BenchmarkTarget;

export function evaluateEveryYear(
  ctx: KindContext<EveryYearTarget>,
  byKind: (ctx: KindContext<EveryYearTarget>) => KindEvaluation,
): KindEvaluation {
  const t = ctx.target;
  const first = t.term.firstYear;
  const last = t.year;
  const judged: { year: number; status: FinalStatus }[] = [];
  for (let y = first; y <= last; y++) {
    if (!isDue(y, ctx.asOf, ctx.obs)) continue;
    const target = { ...t, year: y, everyYear: false };
    const e = byKind({ ...ctx, target, phase: 'final' });
    judged.push({ year: y, status: e.status as FinalStatus });
  }
  const atEnd = byKind({ ...ctx, target: { ...t, everyYear: false } });
  const met = judged.filter((j) => reached(j.status)).length;
  const missed = judged.filter((j) => j.status === 'not_met').length;
  const missing = judged.filter((j) => j.status === 'no_data').length;
  const withFigures = judged.length - missing;
  const intermediates: Record<string, string> = { ...atEnd.intermediates };
  for (const j of judged) intermediates[`year.${j.year}`] = j.status;
  intermediates.yearsJudged = String(judged.length);
  intermediates.yearsWithFigures = String(withFigures);
  intermediates.yearsMet = String(met);
  let status = atEnd.status;
  let decided: FinalStatus | undefined;
  if (ctx.phase === 'final') {
    if (missed > 0) status = 'not_met';
    else if (missing > 0) status = 'no_data';
    else status = judged.every((j) => j.status === 'exceeded') ? 'exceeded' : 'met';
  } else if (missed > 0) {
    status = 'off_track';
    decided = 'not_met';
  }
  const span = years(first, last);
  const tally =
    withFigures === 0
      ? { vi: '', en: '' }
      : {
          vi: `; hằng năm: đạt ${met}/${withFigures} năm có số liệu (${span})`,
          en: `; every year: met in ${met} of ${withFigures} years with figures (${span})`,
        };
  return {
    ...atEnd,
    status,
    ...(decided === undefined ? {} : { decided }),
    method: { ...atEnd.method, parameters: { ...atEnd.method.parameters, everyYear: true } },
    intermediates,
    explanation: { vi: atEnd.explanation.vi + tally.vi, en: atEnd.explanation.en + tally.en },
  };
}
