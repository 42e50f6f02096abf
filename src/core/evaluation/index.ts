// Public surface of the evaluation engine: evaluate one target, or a composite from its children.
export { evaluate } from './evaluate.ts';
export { evaluateComposite, type CompositeRule } from './composite.ts';
export { DEFAULT_PROGRESS_METHOD } from './progress-adapter.ts';
export { DEFAULT_BAND } from './track.ts';
export type {
  Actual,
  AsOf,
  EvaluateOptions,
  Evaluation,
  EvaluationStatus,
  FinalStatus,
  ManualOverride,
  OnTrackBand,
  OverrideRecord,
  Phase,
  Projection,
  Required,
  RestsOn,
  TrackStatus,
} from './types.ts';
