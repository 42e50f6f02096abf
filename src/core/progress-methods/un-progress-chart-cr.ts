// UN DESA Progress Chart "current ratio" as UNDP's SDG Push app computes it in the browser
// (UNDP-Data/SDG-Accelerator src/utils/getStatus.tsx, getCAGR.tsx, getYearsAndValues.tsx at 45586387).
import { cagr } from './float-inputs.ts';
import { v8Pow } from './python-pow.ts';
import { selectBaseYear, type BaseYearRule } from './base-year.ts';
import type { FloatPoint } from './types.ts';

export type UndpStatus =
  | 'Target Achieved'
  | 'On Track'
  | 'Fair progress but acceleration needed'
  | 'Limited or No Progress'
  | 'Deterioration'
  | 'Insufficient Data';

export interface UndpCrOptions {
  target: number;
  /** 'max': higher is better; 'min': lower is better. The peer has no default: each series carries its type. */
  type: 'max' | 'min';
  /** Always 2030 in the peer. */
  targetYear?: number;
  /** Preferred base year (peer: 2015, falling back to 2010). */
  baseYear?: number;
  baseYearRule?: BaseYearRule;
  /** Peer: false, so reaching the target exactly is not "Target Achieved". */
  targetAchievedInclusive?: boolean;
}

export interface UndpCrResult {
  status: UndpStatus;
  cr: number | null;
  observedCagr: number | null;
  requiredCagr: number | null;
  baseYear: number | null;
  baseValue: number | null;
  finalYear: number | null;
  finalValue: number | null;
}

/** getCAGR: null when the two years coincide; V8's pow, because the peer runs in V8. */
function growth(t1: number, t0: number, v1: number, v0: number): number | null {
  return t1 === t0 ? null : cagr(v1, v0, t1, t0, v8Pow);
}

export function undpCurrentRatio(points: readonly FloatPoint[], o: UndpCrOptions): UndpCrResult {
  const empty: UndpCrResult = {
    status: 'Insufficient Data',
    cr: null,
    observedCagr: null,
    requiredCagr: null,
    baseYear: null,
    baseValue: null,
    finalYear: null,
    finalValue: null,
  };
  if (points.length === 0) return empty;
  // lodash maxBy and findIndex both keep the first of repeated years, in input order.
  let final = points[0] as FloatPoint;
  for (const p of points) if (p.year > final.year) final = p;
  const baseYear = selectBaseYear(points, o.baseYear ?? 2015, o.baseYearRule ?? 'undp');
  const baseValue = points.find((p) => p.year === baseYear)?.value ?? Number.NaN;
  const at = { ...empty, baseYear, baseValue, finalYear: final.year, finalValue: final.value };
  const inclusive = o.targetAchievedInclusive ?? false;
  const achieved =
    o.type === 'min'
      ? final.value < o.target || (inclusive && final.value === o.target)
      : final.value > o.target || (inclusive && final.value === o.target);
  if (achieved) return { ...at, status: 'Target Achieved' };
  const observed = growth(final.year, baseYear, final.value, baseValue);
  const required = growth(o.targetYear ?? 2030, baseYear, o.target, baseValue);
  if (observed === null || required === null) return { ...at, observedCagr: observed, requiredCagr: required };
  // No absolute value and no direction factor: for a decrease target both growths are negative, the ratio positive.
  const cr = observed / required;
  // A zero base gives ∞/∞ = NaN, which the peer reports as missing data.
  if (Number.isNaN(cr)) return { ...at, observedCagr: observed, requiredCagr: required };
  return { ...at, cr, observedCagr: observed, requiredCagr: required, status: undpBand(cr) };
}

export function undpBand(cr: number): UndpStatus {
  if (cr >= 0.95) return 'On Track';
  if (cr >= 0.5 && cr < 0.95) return 'Fair progress but acceleration needed';
  if (cr >= -0.1 && cr < 0.5) return 'Limited or No Progress';
  return 'Deterioration';
}
