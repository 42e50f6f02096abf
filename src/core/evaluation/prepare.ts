// Turns raw observations into checked, parsed ones: known period inside the target's window, a real decimal, the
// indicator's unit, no duplicate periods. Invalid input is refused with a typed error rather than evaluated wrongly.
import { InvalidObservation, MixedPriceBasis, PeriodOutOfTerm, UnitMismatch } from '../errors.ts';
import { parsePeriod, type Period } from '../periods/period.ts';
import type { ObservationInput, TargetSpec } from '../targets/target.ts';
import { parseExact, type Exact } from './exact.ts';
import type { RestsOn } from './types.ts';

export interface PreparedObservation {
  input: ObservationInput;
  period: Period;
  /** First and last year covered. */
  year: number;
  endYear: number;
  /** Months covered within `year` for sub-annual periods (12 for a year, span length × 12 for spans). */
  months: number;
  value: Exact;
}

/** A period code parsed once, with what the kinds read from it. */
interface PeriodEntry {
  period: Period;
  endYear: number;
  months: number;
}

/**
 * "2026" → the year period without the regex of parsePeriod (nearly every figure is a plain year); other codes are
 * parsed in full. The same code twice in one call's list is found by the caller's per-call Set.
 */
function periodEntry(code: string): PeriodEntry {
  const y = plainYear(code);
  if (y >= 0) return { period: { kind: 'year', code, year: y }, endYear: y, months: 12 };
  const p = parsePeriod(code);
  return { period: p, endYear: p.kind === 'span' ? p.endYear : p.year, months: monthsCovered(p) };
}

/** Four digits 1900–2200 (the years parsePeriod() accepts) → the year; anything else → −1. */
function plainYear(code: string): number {
  if (typeof code !== 'string' || code.length !== 4) return -1;
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const c = code.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    y = y * 10 + c;
  }
  return y >= 1900 && y <= 2200 ? y : -1;
}

function cachedPeriod(code: string): Period {
  return periodEntry(code).period;
}

function monthsCovered(p: Period): number {
  switch (p.kind) {
    case 'year':
      return 12;
    case 'span':
      return (p.endYear - p.year + 1) * 12;
    case 'quarter':
      return 3;
    case 'half':
      return 6;
    case 'nine_months':
      return 9;
    case 'month':
      return 1;
  }
}

/** Years an observation may refer to: from the earliest base (base year, baseline, year before the term) to the end. */
export function observationWindow(target: TargetSpec): { from: number; to: number } {
  let from = target.term.firstYear - 1;
  let to = target.term.lastYear;
  if (target.kind === 'growth_average') from = Math.min(from, target.baseYear);
  if (target.kind === 'multiple_of_baseline') {
    const b = cachedPeriod(target.baselinePeriod);
    from = Math.min(from, b.year);
  }
  if (target.baseline !== undefined) from = Math.min(from, cachedPeriod(target.baseline.period).year);
  if ('year' in target) to = Math.max(to, target.year);
  if (target.kind === 'milestone') to = Math.max(to, target.dueYear);
  return { from, to };
}

const sameUnit = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

export function prepareObservations(
  target: TargetSpec,
  observations: readonly ObservationInput[],
  indicatorUnit?: string,
): PreparedObservation[] {
  const { from, to } = observationWindow(target);
  const out: PreparedObservation[] = new Array<PreparedObservation>(observations.length);
  const seen = new Set<string>();
  for (let i = 0; i < observations.length; i++) {
    const o = observations[i] as ObservationInput;
    const entry = periodEntry(o.period);
    const period = entry.period;
    const endYear = entry.endYear;
    if (period.year < from || endYear > to) {
      throw new PeriodOutOfTerm(
        {
          vi: `Số liệu kỳ ${o.period} nằm ngoài giai đoạn ${from}–${to} của mục tiêu`,
          en: `Observation for ${o.period} lies outside the target's window ${from}–${to}`,
        },
        { period: o.period, from, to },
      );
    }
    if (seen.has(o.period)) {
      throw new InvalidObservation(
        {
          vi: `Có hai số liệu cho cùng kỳ ${o.period}; hãy chọn một phiên bản`,
          en: `Two observations for the same period ${o.period}; choose one vintage`,
        },
        { period: o.period },
      );
    }
    seen.add(o.period);
    if (indicatorUnit !== undefined && o.unit !== undefined && !sameUnit(o.unit, indicatorUnit)) {
      throw new UnitMismatch(
        {
          vi: `Số liệu kỳ ${o.period} có đơn vị "${o.unit}", chỉ tiêu dùng "${indicatorUnit}"`,
          en: `Observation for ${o.period} is in "${o.unit}", the indicator uses "${indicatorUnit}"`,
        },
        { period: o.period, unit: o.unit, indicatorUnit },
      );
    }
    out[i] = {
      input: o,
      period,
      year: period.year,
      endYear,
      months: entry.months,
      value: parseExact(o.value, `${o.period} / value`),
    };
  }
  return out;
}

/** Growth or money figures on different price bases are never combined (observations without a basis are neutral). */
export function assertOnePriceBasis(used: readonly PreparedObservation[]): void {
  let basis: string | undefined;
  let first = '';
  for (const o of used) {
    const b = o.input.priceBasis;
    if (b === undefined) continue;
    if (basis === undefined) {
      basis = b;
      first = o.input.period;
    } else if (b !== basis) {
      throw new MixedPriceBasis(
        {
          vi: `Không thể kết hợp số liệu theo giá khác nhau: kỳ ${first} (${basis}) và kỳ ${o.input.period} (${b})`,
          en: `Figures on different price bases cannot be combined: ${first} (${basis}) and ${o.input.period} (${b})`,
        },
        { periods: [first, o.input.period], bases: [basis, b] },
      );
    }
  }
}

export function restsOn(used: readonly PreparedObservation[]): {
  restsOn: RestsOn[];
  estimatesOnly: boolean;
  anyEstimate: boolean;
} {
  const list: RestsOn[] = [];
  let estimates = 0;
  for (const o of used) {
    const r: RestsOn = { period: o.input.period, value: o.input.value, status: o.input.status };
    if (o.input.vintageId !== undefined) r.vintageId = o.input.vintageId;
    list.push(r);
    if (o.input.status === 'estimate') estimates++;
  }
  return { restsOn: list, estimatesOnly: list.length > 0 && estimates === list.length, anyEstimate: estimates > 0 };
}
