// Turns raw observations into checked, parsed ones: known period inside the target's window, a real decimal, the
// indicator's unit, no duplicate periods. Invalid input is refused with a typed error rather than evaluated wrongly.
import { InvalidObservation, MixedPriceBasis, PeriodOutOfTerm, UnitMismatch } from '../errors.ts';
import { parsePeriod, type Period } from '../periods/period.ts';
import type { ObservationInput, TargetSpec } from '../targets/target.ts';
import { parseObservationValue, type Exact } from './exact.ts';
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

/** The period of a plain year, one object per year shared by every evaluation (periods are never written to). */
const YEAR_PERIODS: (Period | undefined)[] = new Array<Period | undefined>(301).fill(undefined);
function yearPeriod(y: number, code: string): Period {
  return (YEAR_PERIODS[y - 1900] ??= { kind: 'year', code, year: y });
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

function yearOfPeriod(code: string): number {
  const y = plainYear(code);
  return y >= 0 ? y : parsePeriod(code).year;
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
    from = Math.min(from, yearOfPeriod(target.baselinePeriod));
  }
  if (target.baseline !== undefined) from = Math.min(from, yearOfPeriod(target.baseline.period));
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
  // Duplicate periods: plain years (nearly every figure) arriving in increasing order cannot repeat; out of order, by a
  // flag per year of the window (made only then); other codes by a Set.
  let lastPlain = -1;
  let seenYears: Uint8Array | undefined;
  let seenCodes: Set<string> | undefined;
  for (let i = 0; i < observations.length; i++) {
    const o = observations[i] as ObservationInput;
    const y = plainYear(o.period);
    let period: Period;
    let endYear: number;
    let months: number;
    if (y >= 0) {
      period = yearPeriod(y, o.period);
      endYear = y;
      months = 12;
    } else {
      period = parsePeriod(o.period);
      endYear = period.kind === 'span' ? period.endYear : period.year;
      months = monthsCovered(period);
    }
    if (period.year < from || endYear > to) {
      throw new PeriodOutOfTerm(
        {
          vi: `Số liệu kỳ ${o.period} nằm ngoài giai đoạn ${from}–${to} của mục tiêu`,
          en: `Observation for ${o.period} lies outside the target's window ${from}–${to}`,
        },
        { period: o.period, from, to },
      );
    }
    let duplicate: boolean;
    if (y >= 0) {
      if (y > lastPlain && seenYears === undefined) {
        duplicate = false;
        lastPlain = y;
      } else {
        if (seenYears === undefined) {
          // The plain years so far, all in the window and increasing: flag them now.
          seenYears = new Uint8Array(to - from + 1);
          for (let j = 0; j < i; j++) {
            const before = plainYear((observations[j] as ObservationInput).period);
            if (before >= 0) seenYears[before - from] = 1;
          }
        }
        duplicate = seenYears[y - from] === 1;
        seenYears[y - from] = 1;
      }
    } else {
      seenCodes ??= new Set<string>();
      duplicate = seenCodes.has(o.period);
      seenCodes.add(o.period);
    }
    if (duplicate) {
      throw new InvalidObservation(
        {
          vi: `Có hai số liệu cho cùng kỳ ${o.period}; hãy chọn một phiên bản`,
          en: `Two observations for the same period ${o.period}; choose one vintage`,
        },
        { period: o.period },
      );
    }
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
      months,
      value: parseObservationValue(o.value, o.period),
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

/**
 * The list in year order (stable, as `list.sort((a, b) => a.year - b.year)`), sorted in place; figures nearly always
 * arrive in order, and then nothing is sorted (a comparator called from the sort builtin per pair is not free).
 */
export function byYear<T extends { year: number }>(list: T[]): T[] {
  for (let i = 1; i < list.length; i++) {
    if ((list[i] as T).year < (list[i - 1] as T).year) return list.sort((a, b) => a.year - b.year);
  }
  return list;
}

export function restsOn(used: readonly PreparedObservation[]): {
  restsOn: RestsOn[];
  estimatesOnly: boolean;
  anyEstimate: boolean;
} {
  const list: RestsOn[] = [];
  let estimates = 0;
  for (const o of used) {
    const { period, value, status, vintageId } = o.input;
    // Two fixed shapes, each built whole (adding a key to a built object changes its shape on every call).
    list.push(vintageId === undefined ? { period, value, status } : { period, value, status, vintageId });
    if (status === 'estimate') estimates++;
  }
  return { restsOn: list, estimatesOnly: list.length > 0 && estimates === list.length, anyEstimate: estimates > 0 };
}
