// What a plan evaluation reads, loaded once by one repository call: the plan, its targets with their indicators,
// the figure versions that count, the overrides in force, the units below the plan's unit and the composite
// parents. Field names follow the stored columns so a reviewer can read the loading SQL against them.
import type { ManualOverride } from '../evaluation/index.ts';
import type { ObservationStatus } from '../targets/target.ts';
import type { SnapshotBaseline } from './baseline-use.ts';

export interface SnapshotTarget {
  target_id: string;
  indicator_id: string;
  unit_id: string;
  kind: string;
  spec: unknown;
  text: string;
  sort_order: number;
  /** in_force (default) or draft: a draft is evaluated and shown, never counted (counted.ts). */
  stage?: string;
  /** For a benchmark-relative target: the indicator holding the benchmark's figures (null when the plan lacks it). */
  benchmark_indicator_id?: string | null;
  /**
   * The unit the target is set for, when the dataset names one (`scope`): own is true when it is the plan's own unit.
   * Absent: the plan's unit.
   */
  scope?: { code: string; name: string; own: boolean } | null;
  /** For a commune's share of a split city target: the city target's id (the commune is the scope). */
  split_from?: string | null;
  target_provenance: { line?: number } | null;
  indicator_code: string;
  indicator_name: string;
  unit_of_measure: string;
  measure: string;
  price_basis: string;
  parent_code: string | null;
  composite_rule: string | null;
  indicator_provenance: { reportedVerdict?: { text: string; status: string; line?: number } | null } | null;
  document: {
    kind: string;
    number: string | null;
    issued_on: string | null;
    issuer: string | null;
    title: string;
  } | null;
}

export interface SnapshotVersion {
  observation_id: string;
  indicator_id: string;
  unit_id: string;
  period: string;
  version_id: string;
  seq: number;
  value: string | null;
  value_qualifier: Record<string, unknown> | null;
  value_text: string | null;
  status: ObservationStatus;
  vintage_label: string | null;
  change_kind: string;
  measure: string;
  price_basis: string;
  source_text: string | null;
  published_on: string | null;
  workflow_state: string;
}

/**
 * What the evaluation reads of a version: the rest of a SnapshotVersion (its observation, order of entry, label, kind
 * of change, source, workflow state) only describes the row's inputs, which evaluate-all's compact row names by id.
 */
export type EngineVersion = Pick<
  SnapshotVersion,
  | 'indicator_id'
  | 'unit_id'
  | 'period'
  | 'version_id'
  | 'value'
  | 'value_qualifier'
  | 'value_text'
  | 'status'
  | 'measure'
  | 'price_basis'
  | 'published_on'
>;

export interface SnapshotUnit {
  id: string;
  code: string;
  name: string;
  level: string;
  valid_from: string | null;
  valid_to: string | null;
}

export interface SnapshotComposite {
  indicator_id: string;
  indicator_code: string;
  indicator_name: string;
  parent_code: string | null;
  indicator_provenance: SnapshotTarget['indicator_provenance'];
}

export interface PlanSnapshot {
  plan: { id: string; tenantId: string; settings: Record<string, unknown> };
  targets: SnapshotTarget[];
  /** The one version of each observation that counts (see evaluation-inputs-repo.ts for which). */
  versions: SnapshotVersion[];
  overrides: Record<string, ManualOverride>;
  /** Units directly below each unit a units-meeting-standard target is set for. */
  childUnits: Record<string, SnapshotUnit[]>;
  composites: SnapshotComposite[];
  /** Indicator codes in the plan's own order (the order of its results table). */
  indicatorOrder: string[];
  /**
   * For a plan whose unit was formed by a merger: each declared indicator's base period consolidated from the
   * former units (complete or not), read by the targets that need a base-period figure (baseline-use.ts).
   */
  baselines?: SnapshotBaseline[];
}
