// What every kind's evaluator receives and returns, so evaluate() stays a thin dispatcher.
import type { ObservationInput, TargetSpec } from '../targets/target.ts';
import type { PreparedObservation } from './prepare.ts';
import type { Band } from './track.ts';
import type { AsOf, Evaluation, Phase } from './types.ts';

export interface KindContext<T extends TargetSpec> {
  target: T;
  obs: PreparedObservation[];
  asOf: AsOf;
  phase: Phase;
  band: Band;
  unit: string | undefined;
  progressMethod: string;
  /** The benchmark series' figures, for a target relative to a benchmark (kinds/benchmark.ts). */
  benchmark: readonly ObservationInput[];
}

/** An evaluation before the manual override is applied. */
export type KindEvaluation = Omit<Evaluation, 'override' | 'phase'>;
