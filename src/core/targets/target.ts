// The shape of a target (Mục tiêu) as the engine, the dataset files and the database (targets.spec, jsonb) hold it.
// Numbers are decimal strings ("14.5", "0.1") so they keep the precision they were declared with.

import type { Direction, Measure, ObservationStatus, PriceBasis, TargetKind } from '../vocabulary.ts';

export type { Direction, ObservationStatus, PriceBasis, TargetKind };
export { TARGET_KINDS } from '../vocabulary.ts';

export type ThresholdOp = '<' | '<=' | '>' | '>=';

export interface Term {
  /** First year of the term's evaluation window, e.g. 2026 for 2025–2030 (growth measured from the base year 2025). */
  firstYear: number;
  lastYear: number;
}

/** A yearly milestone of a target (from annual plans), e.g. { year: 2027, value: "12" }. */
export interface YearlyMilestone {
  year: number;
  value: string;
  /** Optional upper end when the milestone is itself a range. */
  max?: string;
}

interface TargetBase {
  direction: Direction;
  term: Term;
  /** Digits after the point that the target was declared with (from its original text); comparisons happen at this precision. */
  precision?: number;
  milestones?: YearlyMilestone[];
  /** Baseline value (and the year or span it refers to) when the source states one. */
  baseline?: { value: string; period: string };
  /**
   * "trên / hơn / vượt" (strictly above) or "dưới" (strictly below): the bound itself does not meet the target. On a
   * single bound only (a range or a band is never strict).
   */
  strict?: boolean;
}

/** "hằng năm / duy trì / ổn định": the bound must hold in every year of the term, each year judged on its own. */
interface EveryYear {
  everyYear?: boolean;
}

/** Average annual growth over the term, e.g. GRDP +14–14.5 %/yr 2026–2030. min alone = "at least"; min and max = band. */
export interface GrowthAverageTarget extends TargetBase {
  kind: 'growth_average';
  min: string;
  max?: string;
  /** geometric (default): from levels or yearly rates compounded; arithmetic: mean of yearly rates. */
  averaging: 'geometric' | 'arithmetic';
  /** Year whose level is the base of the growth (usually firstYear − 1). */
  baseYear: number;
}

/** A level in the final year, e.g. GRDP per capita 11,380 USD in 2030. */
export interface LevelAtEndTarget extends TargetBase, EveryYear {
  kind: 'level_at_end';
  value: string;
  year: number;
}

/** A range in the final year, e.g. urban wastewater treated 40–50 %. */
export interface RangeAtEndTarget extends TargetBase, EveryYear {
  kind: 'range_at_end';
  min: string;
  max: string;
  year: number;
}

/** A bound as written: unemployment < 3.5 %; health insurance > 95 %. */
export interface ThresholdTarget extends TargetBase, EveryYear {
  kind: 'threshold';
  op: ThresholdOp;
  value: string;
  year: number;
}

/** Sum of yearly flows over the term: total investment 2.5 million bn VND 2026–2030. */
export interface CumulativeTarget extends TargetBase {
  kind: 'cumulative';
  value: string;
  max?: string;
}

/** A flow every year: 55,800 jobs a year. Evaluated each year and on the yearly average. */
export interface YearlyFlowTarget extends TargetBase {
  kind: 'yearly_flow';
  value: string;
  max?: string;
}

/** Units meeting a standard: 80 % of communes (55/67) advanced new-rural standard. */
export interface UnitsMeetingStandardTarget extends TargetBase {
  kind: 'units_meeting_standard';
  /** Required share in percent ("80"), and/or a count ("55") of a stated total ("67"). */
  share?: string;
  count?: number;
  ofCount?: number;
  standard: string;
  year: number;
}

/** A rank among peers: innovation index in the top 5 provinces (rank ≤ 5). */
export interface RankTarget extends TargetBase {
  kind: 'rank';
  maxRank: number;
  among: string;
  year: number;
}

/** A multiple of a baseline period: patents 1.5× the 2020–2025 total. */
export interface MultipleOfBaselineTarget extends TargetBase {
  kind: 'multiple_of_baseline';
  factor: string;
  /** Upper factor of a factor range ("gấp 1,5–2 lần"): the term is within factor…factorMax times the baseline. */
  factorMax?: string;
  /** The baseline period's value (sum or level as the indicator aggregates over time), and its period code. */
  baselineValue?: string;
  baselinePeriod: string;
  /** How the term is compared with the baseline: the term's total, or the final year's level. */
  compare: 'term_total' | 'final_level';
}

/** A milestone: at least one modern waste-treatment plant. Done / not done, with date and evidence. */
export interface MilestoneTarget extends TargetBase {
  kind: 'milestone';
  description: string;
  dueYear: number;
}

/**
 * A share or rate averaged over the term ("tỷ lệ … bình quân giai đoạn đạt 30 %"): the mean of the term's yearly
 * figures (or a figure reported as the term's yearly average), against min (and max for a range).
 */
export interface TermAverageTarget extends TargetBase {
  kind: 'term_average';
  min: string;
  max?: string;
}

/**
 * Relative to a benchmark series ("thấp hơn bình quân cả nước", "cao hơn mức bình quân vùng"): the judged year's figure
 * against the benchmark's figure of the same year. The benchmark is another indicator of the plan whose figures are
 * entered like any figure, with their source (the national average from the statistics office's release). higher_better
 * = above the benchmark, lower_better = below it; `strict` ("thấp hơn", "cao hơn") excludes equality, without it
 * ("không thấp hơn") the benchmark itself meets the target. A rank among peers ("top N of the region") is `rank`.
 */
export interface BenchmarkTarget extends TargetBase, EveryYear {
  kind: 'benchmark';
  /** The benchmark indicator's code in this plan, and how the source names it ("bình quân cả nước"). */
  benchmark: { indicator: string; name: string };
  year: number;
}

export type TargetSpec =
  | GrowthAverageTarget
  | LevelAtEndTarget
  | RangeAtEndTarget
  | ThresholdTarget
  | CumulativeTarget
  | YearlyFlowTarget
  | UnitsMeetingStandardTarget
  | RankTarget
  | MultipleOfBaselineTarget
  | MilestoneTarget
  | TermAverageTarget
  | BenchmarkTarget;

/** Compile-time proof that the union of target shapes and the vocabulary's TARGET_KINDS name the same kinds. */
type SameKinds<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const TARGET_SHAPES_MATCH_KINDS: SameKinds<TargetSpec['kind'], TargetKind> = true;

/**
 * One figure for (indicator, unit, period) as the engine sees it: the value chosen for an evaluation (a specific
 * vintage), with its status so the evaluation can say which statuses it rests on.
 * period is a period code (see core/periods): "2025", "2021-2025" (a span: e.g. the reported 5-year average),
 * "2026-Q1", "2026-H1", "2026-9M", "2026-M03".
 */
export interface ObservationInput {
  period: string;
  /** Decimal string. For milestones: "1" done, "0" not done. */
  value: string;
  status: ObservationStatus;
  /** What the value measures for this indicator: a level, a yearly growth rate in %, a flow of the period, a rank. */
  measure?: Measure;
  priceBasis?: PriceBasis;
  /**
   * What a span figure ("2021-2025") is: the yearly average over the span or the span's total. Unstated, a span is
   * read as a total by cumulative targets and as a yearly average by yearly-flow targets.
   */
  aggregate?: 'yearly_average' | 'term_total';
  /** Unit of measure as entered; when given it must equal the indicator's unit (the evaluation refuses a mismatch). */
  unit?: string;
  /** Identifier of the stored vintage, carried through to the evaluation's inputs. */
  vintageId?: string;
  publishedOn?: string;
  /** For milestones: date and evidence. */
  date?: string;
  evidence?: string;
}
