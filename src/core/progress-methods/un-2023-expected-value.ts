// UN Progress Chart 2023 "expected value" method, as EUSTAT documents it (EUSTAT-DES/site _pages/en/metodologia.md
// at 10f3c702). No peer code exists: this follows the documented formula, exceptions included.
import { cagr } from './float-inputs.ts';
import { pythonPow } from './python-pow.ts';
import { selectBaseYear, type BaseYearRule } from './base-year.ts';
import { refuseProgressInput } from './refusal.ts';
import type { FloatPoint } from './types.ts';

/** EUSTAT's three categories, by their code and Spanish label. */
export const EV_LABELS = {
  3: 'Meta alcanzada o en vías de alcanzarla',
  2: 'Progreso razonable, pero es necesario acelerarlo',
  1: 'Estancamiento o retroceso',
} as const;
export type EvCategory = keyof typeof EV_LABELS;

export type EvRule =
  'target_met' | 'near_bound' | 'binary' | 'expected_value' | 'growth_without_target' | 'single_point';

export interface EvOptions {
  target?: number | null;
  targetYear?: number;
  direction: 'increase' | 'decrease';
  baseYear?: number;
  baseYearRule?: BaseYearRule;
  /** "Meets the target": reaching it exactly counts (documented wording). */
  targetAchievedInclusive?: boolean;
  /** A latest value within this many points of a 0 % or 100 % target counts as met; 0 switches the rule off. */
  boundTolerance?: number;
  /** Binary indicators (0/1) are 3 or 1; growth-rate indicators are refused (the method calls for expert judgement). */
  kind?: 'level' | 'binary' | 'growth_rate';
}

export interface EvResult {
  category: EvCategory | null;
  label: string | null;
  rule: EvRule;
  /** P with a target, the observed CAGR without one. */
  value: number | null;
  projected: number | null;
  baseYear: number | null;
  baseValue: number | null;
  latestYear: number | null;
  latestValue: number | null;
}

const result = (category: EvCategory | null, rule: EvRule, rest: Partial<EvResult> = {}): EvResult => ({
  category,
  label: category === null ? null : EV_LABELS[category],
  rule,
  value: null,
  projected: null,
  baseYear: null,
  baseValue: null,
  latestYear: null,
  latestValue: null,
  ...rest,
});

export function evBand(p: number): EvCategory {
  if (p >= 0.95) return 3;
  if (p >= 0.1) return 2;
  return 1;
}

/** Without a target: ≥ 2 %/yr → 3, 0.5–2 % → 2, below → 1; mirrored when a decrease is desired. */
export function evGrowthBand(g: number, direction: 'increase' | 'decrease'): EvCategory {
  const x = direction === 'increase' ? g : -g;
  if (x >= 0.02) return 3;
  if (x >= 0.005) return 2;
  return 1;
}

export function expectedValueProgress(points: readonly FloatPoint[], o: EvOptions): EvResult {
  if (o.kind === 'growth_rate') throw refuseProgressInput('growth_rate_not_assessable', '/kind');
  const target = o.target ?? null;
  const targetYear = o.targetYear ?? 2030;
  // Target year already passed: evaluate at the target year, ignoring later data.
  const usable = target === null ? [...points] : points.filter((p) => p.year <= targetYear);
  if (usable.length === 0) return result(null, 'single_point');
  const latest = usable.reduce((a, b) => (b.year > a.year ? b : a));
  const at = { latestYear: latest.year, latestValue: latest.value };
  if (o.kind === 'binary') return result(latest.value === 1 ? 3 : 1, 'binary', at);
  if (target !== null) {
    const inclusive = o.targetAchievedInclusive ?? true;
    const met =
      o.direction === 'increase'
        ? latest.value > target || (inclusive && latest.value === target)
        : latest.value < target || (inclusive && latest.value === target);
    if (met) return result(3, 'target_met', at);
    const tol = o.boundTolerance ?? 1;
    if (tol > 0 && (target === 0 || target === 100) && Math.abs(latest.value - target) <= tol)
      return result(3, 'near_bound', at);
  }
  const baseYear = selectBaseYear(usable, o.baseYear ?? 2015, o.baseYearRule ?? 'after_then_before');
  const baseValue = usable.find((p) => p.year === baseYear)?.value ?? Number.NaN;
  const withBase = { ...at, baseYear, baseValue };
  if (baseYear >= latest.year) return result(null, 'single_point', withBase);
  if (baseValue === 0) throw refuseProgressInput('zero_base', '/points', { baseYear });
  if ((baseValue > 0 && latest.value < 0) || (baseValue < 0 && latest.value > 0))
    throw refuseProgressInput('sign_change', '/points', { baseYear, latestYear: latest.year });
  const g = cagr(latest.value, baseValue, latest.year, baseYear);
  if (target === null) return result(evGrowthBand(g, o.direction), 'growth_without_target', { ...withBase, value: g });
  if (target === baseValue) throw refuseProgressInput('target_equals_base', '/target', { target, baseValue });
  // Extrapolate the observed growth from the latest year to the target year, then compare with the change required.
  const projected = latest.value * pythonPow(1 + g, targetYear - latest.year);
  const p = (projected - baseValue) / (target - baseValue);
  return result(evBand(p), 'expected_value', { ...withBase, value: p, projected });
}
