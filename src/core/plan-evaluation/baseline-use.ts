// A merged unit's base-period figure for its targets: when a target needs the figure of the period before its term
// (the base of growth, of a multiple, of the trend a level is projected on) and no figure of that period is stored
// for the plan's unit, the baseline consolidated from the former units (when complete) is used, marked as such and
// carrying its calculation; when incomplete the row names the missing inputs. A figure entered for the period (the
// plan owner's, with its source) always wins over the consolidation. Pure: the consolidation is computed by the
// caller (core/consolidation) and handed in with the snapshot.
import type { ObservationStatus, TargetSpec } from '../targets/target.ts';
import type { SnapshotVersion } from './snapshot.ts';

type Bilingual = { vi: string; en: string };

/** One input of a consolidated baseline, as a reader checks it: which unit, which figure, where it was written. */
export interface BaselineInputUse {
  unit: string;
  unitName: string | null;
  role: string;
  series: string;
  /** The series' human name (absent in rows stored before it was kept). */
  seriesName?: Bilingual;
  plan: string;
  indicator: string;
  period: string;
  value: string;
  text: string;
  status: string;
  priceBasis: string;
  source: { title: string | null; line: number | null };
  versionId: string;
}

/** The consolidation of one indicator's base period, whatever its status (computed by the service). */
export interface SnapshotBaseline {
  indicator_id: string;
  /** The merged unit the consolidation is for (the plan's unit). */
  unit_id: string;
  period: string;
  status: 'complete' | 'incomplete' | 'refused';
  /** Exact decimal text when complete. */
  value: string | null;
  /** The value in vi-VN writing. */
  text: string | null;
  price_basis: string | null;
  /** The weakest status of the inputs (one estimate makes the baseline an estimate). */
  input_status: ObservationStatus;
  method: Bilingual;
  formula: Bilingual;
  explanation: Bilingual;
  inputs: BaselineInputUse[];
  missing: Array<{ unit: string; series: string; seriesName?: Bilingual; period: string; reason: Bilingual }>;
  refusal: Bilingual | null;
  comparison: Bilingual | null;
  footnote: Bilingual;
  enterInstead: Bilingual | null;
}

/** How a row's base-period figure was obtained. */
export interface BaselineUse {
  /**
   * consolidated: computed from the former units and used; entered: a figure stored for the merged unit wins (the
   * consolidation is kept beside it for comparison); missing: neither, the consolidation is incomplete or refused.
   */
  source: 'consolidated' | 'entered' | 'missing';
  period: string;
  consolidation: Omit<SnapshotBaseline, 'indicator_id' | 'unit_id' | 'input_status'>;
}

/** Marks the stand-in version made from a consolidation (never a stored id). */
export const CONSOLIDATED_VERSION_PREFIX = 'consolidated:';

/**
 * The period whose figure the target reads as its base, or null when it reads none or the target states its own:
 * growth from the base year, a multiple of a baseline period without a stated value, and the trend base (the year
 * before the term) of the level kinds.
 */
export function basePeriodNeeded(spec: Partial<TargetSpec> | null): string | null {
  if (!spec || typeof spec !== 'object' || !spec.term) return null;
  switch (spec.kind) {
    case 'growth_average':
      return typeof spec.baseYear === 'number' ? String(spec.baseYear) : null;
    case 'multiple_of_baseline':
      return spec.baselineValue === undefined && typeof spec.baselinePeriod === 'string' ? spec.baselinePeriod : null;
    case 'level_at_end':
    case 'range_at_end':
    case 'threshold':
    case 'units_meeting_standard':
      return spec.baseline === undefined ? String(spec.term.firstYear - 1) : null;
    default:
      return null;
  }
}

/** The consolidated baseline as the version the engine reads: the indicator's measure, the inputs' weakest status. */
export function consolidatedVersion(
  b: SnapshotBaseline,
  target: { measure: string; price_basis: string },
): SnapshotVersion | null {
  if (b.status !== 'complete' || b.value === null) return null;
  return {
    observation_id: `${CONSOLIDATED_VERSION_PREFIX}${b.indicator_id}:${b.period}`,
    indicator_id: b.indicator_id,
    unit_id: b.unit_id,
    period: b.period,
    version_id: `${CONSOLIDATED_VERSION_PREFIX}${b.indicator_id}:${b.period}`,
    seq: 0,
    value: b.value,
    value_qualifier: null,
    value_text: null,
    status: b.input_status,
    vintage_label: 'hợp nhất từ đơn vị cũ',
    change_kind: 'vintage',
    measure: target.measure,
    price_basis: b.price_basis ?? target.price_basis,
    source_text: b.footnote.vi,
    published_on: null,
    workflow_state: 'approved',
  };
}

/**
 * What a target of the merged unit reads for its base period: the stored figure when there is one (it wins), else
 * the complete consolidation as a stand-in version; and the row's account of which it was.
 */
export function useBaseline(
  spec: Partial<TargetSpec> | null,
  target: { unit_id: string; measure: string; price_basis: string },
  stored: readonly SnapshotVersion[],
  baseline: SnapshotBaseline | undefined,
): { extra: SnapshotVersion | null; use: BaselineUse | null } {
  if (baseline === undefined || baseline.unit_id !== target.unit_id) return { extra: null, use: null };
  const period = basePeriodNeeded(spec);
  if (period === null || period !== baseline.period) return { extra: null, use: null };
  const { indicator_id: _indicator, unit_id: _unit, input_status: _status, ...consolidation } = baseline;
  const entered = stored.some((v) => v.period === period && (v.value !== null || v.value_text !== null));
  if (entered) return { extra: null, use: { source: 'entered', period, consolidation } };
  const extra = consolidatedVersion(baseline, target);
  return { extra, use: { source: extra ? 'consolidated' : 'missing', period, consolidation } };
}
