// The one entry point of the evaluation engine: checks the target and its observations, decides the phase, and
// hands over to the evaluator of the target's kind, which computes the status and every figure behind it at once
// (decision 0007). Pure: no I/O, no module state; same inputs give the same plain, JSON-safe evaluation.
import { InvalidTarget } from '../errors.ts';
import type {
  BenchmarkTarget,
  CumulativeTarget,
  GrowthAverageTarget,
  LevelAtEndTarget,
  MilestoneTarget,
  MultipleOfBaselineTarget,
  ObservationInput,
  RangeAtEndTarget,
  RankTarget,
  TargetSpec,
  TermAverageTarget,
  ThresholdTarget,
  UnitsMeetingStandardTarget,
  YearlyFlowTarget,
} from '../targets/target.ts';
import type { KindContext, KindEvaluation } from './context.ts';
import { evaluateBenchmark } from './kinds/benchmark.ts';
import { evaluateCumulative } from './kinds/cumulative.ts';
import { evaluateGrowthAverage } from './kinds/growth-average.ts';
import { evaluateLevelAtEnd } from './kinds/level-at-end.ts';
import { evaluateMilestone } from './kinds/milestone.ts';
import { evaluateMultipleOfBaseline } from './kinds/multiple-of-baseline.ts';
import { evaluateRangeAtEnd } from './kinds/range-at-end.ts';
import { evaluateRank } from './kinds/rank.ts';
import { evaluateThreshold } from './kinds/threshold.ts';
import { evaluateUnitsMeetingStandard } from './kinds/units-meeting-standard.ts';
import { evaluateTermAverage, evaluateYearlyFlow } from './kinds/yearly-flow.ts';
import { evaluateEveryYear, type EveryYearTarget } from './every-year.ts';
import { applyOverride } from './override.ts';
import { phaseOf } from './phase.ts';
import { prepareObservations } from './prepare.ts';
import { checkProgressMethod, DEFAULT_PROGRESS_METHOD } from './progress-adapter.ts';
import { bandOf } from './track.ts';
import type { AsOf, EvaluateOptions, Evaluation } from './types.ts';

function checkTerm(target: TargetSpec): void {
  const { firstYear, lastYear } = target.term;
  if (!Number.isInteger(firstYear) || !Number.isInteger(lastYear) || firstYear > lastYear) {
    throw new InvalidTarget(
      {
        vi: `Giai đoạn ${firstYear}–${lastYear} của mục tiêu không hợp lệ`,
        en: `The target's term ${firstYear}–${lastYear} is invalid`,
      },
      { term: target.term },
    );
  }
}

function checkAsOf(asOf: AsOf): void {
  if (
    !Number.isInteger(asOf.year) ||
    (asOf.month !== undefined && (!Number.isInteger(asOf.month) || asOf.month < 1 || asOf.month > 12))
  ) {
    throw new InvalidTarget({ vi: 'Thời điểm đánh giá không hợp lệ', en: 'The evaluation date is invalid' }, { asOf });
  }
}

/** The kind's evaluator, handed the same context (narrowed by the kind; no copy per evaluation). */
function byKind(ctx: KindContext<TargetSpec>): KindEvaluation {
  const target = ctx.target;
  if ('everyYear' in target && target.everyYear === true) {
    return evaluateEveryYear({ ...ctx, target }, (c: KindContext<EveryYearTarget>) => byKind(c));
  }
  switch (target.kind) {
    case 'growth_average':
      return evaluateGrowthAverage(ctx as KindContext<GrowthAverageTarget>);
    case 'level_at_end':
      return evaluateLevelAtEnd(ctx as KindContext<LevelAtEndTarget>);
    case 'range_at_end':
      return evaluateRangeAtEnd(ctx as KindContext<RangeAtEndTarget>);
    case 'threshold':
      return evaluateThreshold(ctx as KindContext<ThresholdTarget>);
    case 'cumulative':
      return evaluateCumulative(ctx as KindContext<CumulativeTarget>);
    case 'yearly_flow':
      return evaluateYearlyFlow(ctx as KindContext<YearlyFlowTarget>);
    case 'units_meeting_standard':
      return evaluateUnitsMeetingStandard(ctx as KindContext<UnitsMeetingStandardTarget>);
    case 'rank':
      return evaluateRank(ctx as KindContext<RankTarget>);
    case 'multiple_of_baseline':
      return evaluateMultipleOfBaseline(ctx as KindContext<MultipleOfBaselineTarget>);
    case 'milestone':
      return evaluateMilestone(ctx as KindContext<MilestoneTarget>);
    case 'term_average':
      return evaluateTermAverage(ctx as KindContext<TermAverageTarget>);
    case 'benchmark':
      return evaluateBenchmark(ctx as KindContext<BenchmarkTarget>);
    default: {
      const unknown: never = target;
      throw new InvalidTarget(
        { vi: 'Loại mục tiêu không được hỗ trợ', en: 'Unsupported target kind' },
        { kind: (unknown as { kind?: unknown }).kind },
      );
    }
  }
}

export function evaluate(
  target: TargetSpec,
  observations: readonly ObservationInput[],
  asOf: AsOf,
  options: EvaluateOptions = {},
): Evaluation {
  checkTerm(target);
  checkAsOf(asOf);
  const progressMethod = options.progressMethod ?? DEFAULT_PROGRESS_METHOD;
  checkProgressMethod(progressMethod);
  const obs = prepareObservations(target, observations, options.indicatorUnit);
  const phase = phaseOf(target, obs, asOf);
  const e = byKind({
    target,
    obs,
    asOf,
    phase,
    band: bandOf(options.onTrackBand),
    unit: options.indicatorUnit,
    progressMethod,
    benchmark: options.benchmark ?? [],
  });
  // `phase` after the kind's figures keeps the key order every stored and served evaluation has had. The kind's
  // result is this call's own fresh object, so `phase` is appended to it rather than copied with a spread.
  const evaluation = e as Evaluation;
  evaluation.phase = phase;
  return options.override === undefined ? evaluation : applyOverride(evaluation, options.override);
}
