// UNDP SDG Push's AARR branch: series whose trend methodology is not CAGR are judged by the average annual rate of
// reduction, ln(v1/v0)/(t1 − t0), observed against required, then by absolute edges on the observed rate
// (UNDP-Data/SDG-Accelerator src/utils/getStatus.tsx and getAARR.tsx @ 455863876aeafbe80e42103b3ec573a4e40e221f).
import { selectBaseYear, type BaseYearRule } from './base-year.ts';
import type { FloatPoint } from './types.ts';
import type { UndpStatus } from './un-progress-chart-cr.ts';

export interface UndpAarrOptions {
  target: number;
  /** 'max': higher is better; 'min': lower is better (used only for "Target Achieved"; the rates ignore it). */
  type: 'max' | 'min';
  /** Always 2030 in the peer. */
  targetYear?: number;
  baseYear?: number;
  baseYearRule?: BaseYearRule;
}

export interface UndpAarrResult {
  status: UndpStatus;
  observedAarr: number | null;
  requiredAarr: number | null;
  baseYear: number | null;
  baseValue: number | null;
  finalYear: number | null;
  finalValue: number | null;
}

/** getAARR: null when the two years coincide; V8's Math.log, as the peer runs in the browser. */
export function aarr(t1: number, t0: number, v1: number, v0: number): number | null {
  if (t1 === t0) return null;
  return Math.log(v1 / v0) / (t1 - t0);
}

/**
 * The peer's order: a strictly passed target first; then On Track when the observed rate is at least the required
 * one; then the observed rate alone against ±0.5. Direction plays no part in the rates, so for a decrease target a
 * faster-than-required fall is not On Track (a quirk of the peer, reproduced, never used by chitieu's own verdicts).
 * A zero base gives ln(∞) on both sides and, in floats, On Track: runProgressMethod refuses it unless asked to run
 * exactly as the peer.
 */
export function undpAarr(points: readonly FloatPoint[], o: UndpAarrOptions): UndpAarrResult {
  const empty: UndpAarrResult = {
    status: 'Insufficient Data',
    observedAarr: null,
    requiredAarr: null,
    baseYear: null,
    baseValue: null,
    finalYear: null,
    finalValue: null,
  };
  if (points.length === 0) return empty;
  let final = points[0] as FloatPoint;
  for (const p of points) if (p.year > final.year) final = p;
  const baseYear = selectBaseYear(points, o.baseYear ?? 2015, o.baseYearRule ?? 'undp');
  const baseValue = points.find((p) => p.year === baseYear)?.value ?? Number.NaN;
  const at = { ...empty, baseYear, baseValue, finalYear: final.year, finalValue: final.value };
  if (o.type === 'min' ? final.value < o.target : final.value > o.target) return { ...at, status: 'Target Achieved' };
  const observed = aarr(final.year, baseYear, final.value, baseValue);
  const required = aarr(o.targetYear ?? 2030, baseYear, o.target, baseValue);
  const figures = { ...at, observedAarr: observed, requiredAarr: required };
  if (observed === null || required === null) return figures;
  if (observed >= required) return { ...figures, status: 'On Track' };
  if (observed >= 0.5) return { ...figures, status: 'Fair progress but acceleration needed' };
  if (observed > -0.5 && observed < 0.5) return { ...figures, status: 'Limited or No Progress' };
  return { ...figures, status: 'Deterioration' };
}
