// One evaluated target as the core computes it and storage keeps it: figures, statuses and the engine's own
// explanation, but no printed word (those depend on the plan's vocabulary and are applied when read).
import type { Evaluation } from '../evaluation/index.ts';
import type { Forecast } from '../forecast/index.ts';
import type { ObservationStatus } from '../targets/target.ts';
import type { BaselineUse } from './baseline-use.ts';
import type { NotCounted } from './counted.ts';
import type { SnapshotTarget } from './snapshot.ts';

/** Bumped whenever CoreRow changes shape; a stored snapshot of another version is recomputed before it is read. */
export const CORE_ROW_SCHEMA_VERSION = 5;

export interface CoreVintage {
  versionId: string;
  seq: number;
  period: string;
  value: string | null;
  text: string | null;
  status: ObservationStatus;
  label: string | null;
  kind: string;
  publishedOn: string | null;
  source: string | null;
  workflowState: string;
  /** A stand-in computed from the former units of a merged unit (no stored version): see the row's `baseline`. */
  consolidated?: true;
}

export interface UnitCount {
  period: string;
  date: string;
  count: number;
  of: number;
  share: string;
  /** The units not meeting the standard at the year's end, and whether a figure exists for them. */
  notMeeting?: Array<{ code: string; name: string; reason: 'not_met' | 'no_figure' }>;
}

/**
 * A row whose inputs are described by `I`: the core row lists each input version whole (CoreRow); evaluate-all's
 * compact row names them by version id (unit-row.ts), so it is built without the versions' other fields.
 */
export interface CoreRowOf<I> {
  targetId: string;
  indicator: { code: string; name: string; unit: string; parent: string | null };
  target: { kind: string; text: string; line: number | null; document: SnapshotTarget['document'] };
  actual: {
    value: string | null;
    period: string | null;
    method: string | null;
    estimate: boolean;
    /** Price basis code of the indicator ("comparable_2010"), null when it has none. */
    priceBasis: string | null;
    /** The source's own writing of a figure published only as a bound or a range ("< 3,5"). */
    interval: string | null;
  };
  inputs: I[];
  status: Evaluation['status'] | null;
  phase: Evaluation['phase'] | null;
  decided: Evaluation['decided'] | null;
  achievement: string | null;
  required: Evaluation['required'] | null;
  projection: Evaluation['projection'] | null;
  method: Evaluation['method'] | null;
  intermediates: Record<string, string>;
  /** The engine's explanation; null when the row failed (the error says why). */
  explanation: { vi: string; en: string } | null;
  /** The period the evaluation answers to: its single input's, else the whole term ("2021-2025"). */
  periodCode: string | null;
  reported: { text: string; status: string; line: number | null } | null;
  error: { code: string; messages: { vi: string; en: string } } | null;
  override: Evaluation['override'] | null;
  /** A parent indicator judged from its sub-indicators (no target of its own). */
  composite?: true;
  /** For units meeting a standard: the count computed from the units valid at each year's end ("55/67"). */
  unitCounts?: UnitCount[];
  /**
   * For a target of a merged unit that reads a base-period figure: whether it came from the former units'
   * consolidation, from a figure entered for the merged unit, or is missing, with the calculation step by step.
   */
  baseline?: BaselineUse;
  /**
   * While the term runs: the probability of meeting the target at the term's end with an interval (core/forecast),
   * or why none can be given. Null for final and failed rows.
   */
  forecast: Forecast | null;
  /**
   * Why the row is shown but left out of the plan's counts and summary (a draft, another scope, a second target in
   * force for the same indicator, scope and horizon); absent for a row that counts.
   */
  notCounted?: NotCounted;
}

export type CoreRow = CoreRowOf<CoreVintage>;

/** The counts a summary is written from, computed with the rows so the two can never disagree. */
export interface PlanCounts {
  /** Every row that counts: each target in force of the plan's scope, and each composite parent judged from its children. */
  targets: number;
  /** Rows shown but not counted (drafts, other scopes, parallel targets). */
  notCounted: number;
  /** Rows with a status other than "no data". */
  withFigures: number;
  /** Rows that could be evaluated but rest on no figure yet. */
  noFigures: number;
  /** Rows that could not be evaluated (an invalid target, an interval that straddles verdicts). */
  notEvaluable: number;
  final: Partial<Record<Evaluation['status'], number>>;
  inTerm: Partial<Record<Evaluation['status'], number>>;
}

export interface PlanEvaluationResult {
  rows: CoreRow[];
  counts: PlanCounts;
}
