// The value object an evaluation returns: every figure a reader needs to redo the verdict by hand.
import type { ObservationInput } from '../targets/target.ts';
import type { EvaluationStatus, FinalStatus, ObservationStatus, Phase } from '../vocabulary.ts';

export type { EvaluationStatus, FinalStatus, Phase };
export type { TrackStatus } from '../vocabulary.ts';

export interface AsOf {
  year: number;
  /** 1–12; absent means the end of the year. */
  month?: number;
}

/** Progress-ratio edges: P ≥ onTrack → on track, P ≥ atRisk → at risk, else off track (decimal strings). */
export interface OnTrackBand {
  onTrack: string;
  atRisk: string;
}

export interface ManualOverride {
  status: EvaluationStatus;
  reason: string;
  by: string;
  at: string;
}

export interface EvaluateOptions {
  /** 'chitieu_default' (default) or a named peer method from core/progress-methods. */
  progressMethod?: string;
  onTrackBand?: OnTrackBand;
  /** Unit of measure of the indicator; observations that state another unit are refused. */
  indicatorUnit?: string;
  override?: ManualOverride;
  /** The benchmark series' figures (the national average …) for a target relative to a benchmark. */
  benchmark?: readonly ObservationInput[];
}

export interface RestsOn {
  period: string;
  value: string;
  status: ObservationStatus;
  vintageId?: string;
}

export interface Actual {
  value: string | null;
  period: string | null;
  method: string;
  restsOn: RestsOn[];
  estimatesOnly: boolean;
  anyEstimate: boolean;
}

export interface Required {
  /** What the remaining years need: an average growth rate (%/yr), a yearly flow, a yearly change of level, or completion. */
  kind: 'average_rate' | 'yearly_flow' | 'yearly_change' | 'done';
  value: string;
  /** The bound the requirement aims at. */
  target: string;
  remainingYears: number;
  fromYear: number;
  toYear: number;
}

export interface Projection {
  /** Projected value at the judged year (same measure as actual). */
  value: string;
  year: number;
  method: string;
  /** Share of the required progress the projection delivers: (v̂ − v_b)/(v* − v_b); null where undefined. */
  progressRatio: string | null;
}

export interface OverrideRecord extends ManualOverride {
  original: EvaluationStatus;
}

export interface Evaluation {
  status: EvaluationStatus;
  phase: Phase;
  /** Set while the term runs when the outcome can no longer change (e.g. a cumulative target already passed). */
  decided?: FinalStatus;
  actual: Actual;
  /** actual / target (target / actual when lower is better): ≥ 1 means reached. Null where a ratio means nothing. */
  achievement: string | null;
  required: Required | null;
  projection: Projection | null;
  method: { name: string; parameters: Record<string, unknown> };
  intermediates: Record<string, string>;
  explanation: { vi: string; en: string };
  override?: OverrideRecord;
}
