// The one entry point of the evaluation engine: checks the target and its observations, decides the phase, and
// hands over to the evaluator of the target's kind. Pure: no I/O, same inputs give the same evaluation.
import { InvalidTarget } from '../errors.ts';
import type { ObservationInput, TargetSpec } from '../targets/target.ts';
import type { KindContext, KindEvaluation } from './context.ts';
import { evaluateCumulative } from './kinds/cumulative.ts';
import { evaluateGrowthAverage } from './kinds/growth-average.ts';
import { evaluateLevelAtEnd } from './kinds/level-at-end.ts';
import { evaluateMilestone } from './kinds/milestone.ts';
import { evaluateMultipleOfBaseline } from './kinds/multiple-of-baseline.ts';
import { evaluateRangeAtEnd } from './kinds/range-at-end.ts';
import { evaluateRank } from './kinds/rank.ts';
import { evaluateThreshold } from './kinds/threshold.ts';
import { evaluateUnitsMeetingStandard } from './kinds/units-meeting-standard.ts';
import { evaluateYearlyFlow } from './kinds/yearly-flow.ts';
import { fastVerdict } from './fast.ts';
import { lazyEvaluation } from './lazy.ts';
import { applyOverride } from './override.ts';
import { phaseOf, phaseOfScan } from './phase.ts';
import { prepareObservations, scanObservations } from './prepare.ts';
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

function byKind(ctx: KindContext<TargetSpec>): KindEvaluation {
  const target = ctx.target;
  switch (target.kind) {
    case 'growth_average':
      return evaluateGrowthAverage({ ...ctx, target });
    case 'level_at_end':
      return evaluateLevelAtEnd({ ...ctx, target });
    case 'range_at_end':
      return evaluateRangeAtEnd({ ...ctx, target });
    case 'threshold':
      return evaluateThreshold({ ...ctx, target });
    case 'cumulative':
      return evaluateCumulative({ ...ctx, target });
    case 'yearly_flow':
      return evaluateYearlyFlow({ ...ctx, target });
    case 'units_meeting_standard':
      return evaluateUnitsMeetingStandard({ ...ctx, target });
    case 'rank':
      return evaluateRank({ ...ctx, target });
    case 'multiple_of_baseline':
      return evaluateMultipleOfBaseline({ ...ctx, target });
    case 'milestone':
      return evaluateMilestone({ ...ctx, target });
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
  observations: ObservationInput[],
  asOf: { year: number; month?: number },
  options: EvaluateOptions = {},
): Evaluation {
  checkTerm(target);
  checkAsOf(asOf);
  const progressMethod = options.progressMethod ?? DEFAULT_PROGRESS_METHOD;
  checkProgressMethod(progressMethod);
  if (options.override === undefined) {
    // The status from exact integers and verified floats over a compact scan of the observations (checked exactly as
    // prepareObservations checks them); the figures behind it from the reference, when read.
    const scan = scanObservations(target, observations, options.indicatorUnit);
    const phase = phaseOfScan(target, scan, asOf);
    const band = bandOf(options.onTrackBand);
    const fast = fastVerdict(target, scan, phase, band, progressMethod);
    if (fast !== null)
      return lazyEvaluation(
        fast.status,
        phase,
        fast.decided,
        referenceFigures,
        target,
        observations.slice(),
        asOf,
        options,
      );
  }
  const obs = prepareObservations(target, observations, options.indicatorUnit);
  const phase = phaseOf(target, obs, asOf);
  return evaluateReference(
    { target, obs, asOf, phase, band: bandOf(options.onTrackBand), unit: options.indicatorUnit, progressMethod },
    options.override,
  );
}

/** The reference's figures for inputs the fast path has already checked (run on the first read of a figure). */
function referenceFigures(
  target: TargetSpec,
  observations: ObservationInput[],
  asOf: AsOf,
  options: EvaluateOptions,
): KindEvaluation {
  const obs = prepareObservations(target, observations, options.indicatorUnit);
  const phase = phaseOf(target, obs, asOf);
  return byKind({
    target,
    obs,
    asOf,
    phase,
    band: bandOf(options.onTrackBand),
    unit: options.indicatorUnit,
    progressMethod: options.progressMethod ?? DEFAULT_PROGRESS_METHOD,
  });
}

/** The decimal.js reference: every figure computed eagerly by the kind's own evaluator. */
export function evaluateReference(ctx: KindContext<TargetSpec>, override?: EvaluateOptions['override']): Evaluation {
  const e = byKind(ctx);
  const evaluation: Evaluation = { ...e, phase: ctx.phase };
  return override === undefined ? evaluation : applyOverride(evaluation, override);
}

/** Same inputs as evaluate(), evaluated by the reference only (for tests that hold the fast path to it). */
export function evaluateByReference(
  target: TargetSpec,
  observations: ObservationInput[],
  asOf: { year: number; month?: number },
  options: EvaluateOptions = {},
): Evaluation {
  checkTerm(target);
  checkAsOf(asOf);
  const progressMethod = options.progressMethod ?? DEFAULT_PROGRESS_METHOD;
  checkProgressMethod(progressMethod);
  const obs = prepareObservations(target, observations, options.indicatorUnit);
  const phase = phaseOf(target, obs, asOf);
  return evaluateReference(
    { target, obs, asOf, phase, band: bandOf(options.onTrackBand), unit: options.indicatorUnit, progressMethod },
    options.override,
  );
}
