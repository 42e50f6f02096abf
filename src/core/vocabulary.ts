// The one declaration of each word list the core, the API schemas, the CLI and the web app share: change a list here
// and every type, every request schema and every help text follows.

/** Verdicts at the end of a target's period. */
export const FINAL_STATUSES = ['exceeded', 'met', 'not_met', 'no_data'] as const;
export type FinalStatus = (typeof FINAL_STATUSES)[number];

/** Verdicts during the term: where the projection of a target leads. */
export const TRACK_STATUSES = ['on_track', 'at_risk', 'off_track', 'no_data'] as const;
export type TrackStatus = (typeof TRACK_STATUSES)[number];

/** Every status an evaluation (or a manual override of one) can carry: final first, then in-term, no data once. */
export const EVALUATION_STATUSES = [
  'exceeded',
  'met',
  'not_met',
  'no_data',
  'on_track',
  'at_risk',
  'off_track',
] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];

/**
 * Recorded by a person, never computed: "xấp xỉ đạt", "cơ bản đạt" have no rule that defines their thresholds
 * (vn-conventions §4.3), so a plan may record and print them but the engine never produces them.
 */
export const JUDGED_STATUSES = ['nearly_met', 'basically_met'] as const;
export type JudgedStatus = (typeof JUDGED_STATUSES)[number];

/** Whether a verdict judges a finished period or projects a running one. */
export const PHASES = ['final', 'in_term'] as const;
export type Phase = (typeof PHASES)[number];

/** How a plan prints a target that went beyond its bound: "vượt" (exceeded) or simply "đạt" (met). */
export const EXCEEDED_AS = ['exceeded', 'met'] as const;
export type ExceededAs = (typeof EXCEEDED_AS)[number];

/** The shapes a target can take (one evaluator per kind in core/evaluation/kinds). */
export const TARGET_KINDS = [
  'growth_average',
  'level_at_end',
  'range_at_end',
  'threshold',
  'cumulative',
  'yearly_flow',
  'units_meeting_standard',
  'rank',
  'multiple_of_baseline',
  'milestone',
  'term_average',
  'benchmark',
] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/**
 * Where a target stands in the plan chain: a draft (dự thảo) kept for the record, the one in force (the only one that
 * counts in the plan's evaluation and summary), or one superseded by a later document (kept as history).
 */
export const TARGET_STAGES = ['draft', 'in_force', 'superseded'] as const;
export type TargetStage = (typeof TARGET_STAGES)[number];

/**
 * Kinds of documents a plan cites as provenance: its resolutions and plans, the statistics office's releases, press
 * articles and web pages. (core/legal names the kinds that set rule parameters.)
 */
export const DOCUMENT_KINDS = [
  'congress_resolution',
  'party_resolution',
  'council_resolution',
  'law_resolution',
  'five_year_plan',
  'annual_plan',
  'master_plan',
  'decision',
  'plan',
  'report',
  'statistical_release',
  'press_article',
  'web_page',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DIRECTIONS = ['higher_better', 'lower_better', 'band'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** What an observed value measures: a level, a yearly growth rate in %, a flow of the period, a rank, … */
export const MEASURES = ['level', 'growth_rate', 'flow', 'rank', 'share', 'count', 'done'] as const;
export type Measure = (typeof MEASURES)[number];

/** Status of a figure as the statistics regime produces it (NĐ 62/2024, NĐ 13/2026: ước → sơ bộ → chính thức). */
export const OBSERVATION_STATUSES = ['estimate', 'preliminary', 'official'] as const;
export type ObservationStatus = (typeof OBSERVATION_STATUSES)[number];

/** Price basis of money and growth figures; growth on different bases is never combined. */
export const PRICE_BASES = ['current', 'comparable_2010', 'comparable_2020', 'usd_current', 'none'] as const;
export type PriceBasis = (typeof PRICE_BASES)[number];

/** Review states of an entered figure or progress report (enter → submit → return or approve). */
export const WORKFLOW_STATES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type WorkflowState = (typeof WORKFLOW_STATES)[number];

/** Why a later version of a published figure was recorded: a new vintage, or a correction of a wrong entry. */
export const VINTAGE_KINDS = ['vintage', 'correction'] as const;
export type VintageKind = (typeof VINTAGE_KINDS)[number];

/** Which figures an evaluation reads: approved versions only (the public view) or every latest version. */
export const DATA_BASES = ['approved', 'all'] as const;
export type DataBasis = (typeof DATA_BASES)[number];

/** How an indicator's figures combine over units (src/core/consolidation/method.ts, docs/consolidation.md). */
export const AGGREGATION_METHODS = [
  'sum',
  'weighted_mean',
  'per_capita',
  'growth_of_aggregate',
  'count_meeting',
  'share_meeting',
  'not_aggregable',
] as const;
export type AggregationMethodKind = (typeof AGGREGATION_METHODS)[number];

/** Kinds of commune-level units after 1 July 2025 (xã, phường, đặc khu), as the units table spells them. */
export const COMMUNE_LEVELS = ['commune', 'ward', 'special_zone'] as const;
export type CommuneLevel = (typeof COMMUNE_LEVELS)[number];

/** How a unit's lineage links it to another (units import, unit_lineage.event). */
export const LINEAGE_EVENTS = ['merged_into', 'split_from', 'renamed'] as const;
export type LineageEventKind = (typeof LINEAGE_EVENTS)[number];

/** True when value is one of the words of list (a type guard for input read from files, queries or the CLI). */
export function isOneOf<const T extends readonly string[]>(list: T, value: unknown): value is T[number] {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

/** Verdicts that ask for the story behind the number (nguyên nhân / giải pháp / kiến nghị) for the period. */
export const STORY_STATUSES = ['off_track', 'at_risk', 'not_met'] as const satisfies readonly EvaluationStatus[];
export type StoryStatus = (typeof STORY_STATUSES)[number];
/** What a notification tells its reader (0009). */
export const NOTIFICATION_KINDS = [
  'figure_returned',
  'report_returned',
  'report_approved',
  'approval_due',
  'explanation_requested',
  'explanation_answered',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What a request for explanation or a saved view may point at (0009). */
export const ITEM_KINDS = ['target', 'task', 'project'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
