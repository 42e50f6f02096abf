// Turns raw observations into checked, parsed ones: known period inside the target's window, a real decimal, the
// indicator's unit, no duplicate periods. Invalid input is refused with a typed error rather than evaluated wrongly.
import { InvalidObservation, MixedPriceBasis, PeriodOutOfTerm, UnitMismatch } from '../errors.ts';
import { parsePeriod, type Period } from '../periods/period.ts';
import type { ObservationInput, TargetSpec } from '../targets/target.ts';
import { parseExact, parseSafe, scanCanonical, scanned, type Exact } from './exact.ts';
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

// Period codes repeat across millions of observations; parsing each once keeps the hot path free of regexes. Each
// entry also carries the stamp of the last call that saw it, so duplicates are found without a Set per call.
interface PeriodEntry {
  period: Period;
  endYear: number;
  months: number;
  stamp: number;
}
const periodCache = new Map<string, PeriodEntry>();
const PERIOD_CACHE_MAX = 50_000;
let callStamp = 0;
let cacheGeneration = 0;

function periodEntry(code: string): PeriodEntry {
  const hit = periodCache.get(code);
  if (hit !== undefined) return hit;
  const p = parsePeriod(code);
  if (periodCache.size >= PERIOD_CACHE_MAX) {
    periodCache.clear();
    cacheGeneration++;
  }
  const e: PeriodEntry = {
    period: p,
    endYear: p.kind === 'span' ? p.endYear : p.year,
    months: monthsCovered(p),
    stamp: 0,
  };
  periodCache.set(code, e);
  return e;
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
  const stamp = ++callStamp;
  const generation = cacheGeneration;
  // Set only if the cache is cleared during this call (the stamps of the earlier entries are then lost).
  let seen: Set<string> | undefined;
  for (let i = 0; i < observations.length; i++) {
    const o = observations[i] as ObservationInput;
    const entry = periodEntry(o.period);
    const period = entry.period;
    const endYear = entry.endYear;
    if (seen === undefined && cacheGeneration !== generation)
      seen = new Set(observations.slice(0, i).map((x) => x.period));
    if (period.year < from || endYear > to) {
      throw new PeriodOutOfTerm(
        {
          vi: `Số liệu kỳ ${o.period} nằm ngoài giai đoạn ${from}–${to} của mục tiêu`,
          en: `Observation for ${o.period} lies outside the target's window ${from}–${to}`,
        },
        { period: o.period, from, to },
      );
    }
    if (entry.stamp === stamp || (seen !== undefined && seen.has(o.period))) {
      throw new InvalidObservation(
        {
          vi: `Có hai số liệu cho cùng kỳ ${o.period}; hãy chọn một phiên bản`,
          en: `Two observations for the same period ${o.period}; choose one vintage`,
        },
        { period: o.period },
      );
    }
    entry.stamp = stamp;
    seen?.add(o.period);
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
      value: parseSafe(o.value) ?? parseExact(o.value, `${o.period} / value`),
    };
  }
  return out;
}

// ---- The compact scan of the fast path ----

/** Period kinds as small integers in a Scan. */
export const KIND_YEAR = 0;
export const KIND_SPAN = 1;
const KIND_CODE: Record<Period['kind'], number> = {
  year: KIND_YEAR,
  span: KIND_SPAN,
  quarter: 2,
  half: 3,
  nine_months: 4,
  month: 5,
};

/**
 * The observations checked exactly as prepareObservations() checks them (same errors, same order), parsed into
 * parallel typed arrays reused from call to call: no object per observation. Valid until the next scan; the fast
 * verdict reads it and is done before evaluate() returns.
 */
export interface Scan {
  count: number;
  inputs: readonly ObservationInput[];
  kind: Uint8Array;
  year: Int32Array;
  endYear: Int32Array;
  /** The value as a scaled integer n·10^−s; NaN beyond 15 significant digits (then the input's text is authoritative). */
  n: Float64Array;
  s: Uint8Array;
}

const YEAR_MIN = 1900;
const YEAR_MAX = 2200;
// Stamp of the last call that saw each year code ("2026"): duplicate years are found without the period cache.
const yearStamps = new Int32Array(YEAR_MAX - YEAR_MIN + 1);

const scan: Scan = {
  count: 0,
  inputs: [],
  kind: new Uint8Array(64),
  year: new Int32Array(64),
  endYear: new Int32Array(64),
  n: new Float64Array(64),
  s: new Uint8Array(64),
};

function grow(size: number): void {
  let cap = scan.kind.length;
  while (cap < size) cap *= 2;
  scan.kind = new Uint8Array(cap);
  scan.year = new Int32Array(cap);
  scan.endYear = new Int32Array(cap);
  scan.n = new Float64Array(cap);
  scan.s = new Uint8Array(cap);
}

/** "2026" (four digits, 1900–2200, as parsePeriod() accepts a year) → 2026; anything else → −1. */
function plainYear(code: string): number {
  if (typeof code !== 'string' || code.length !== 4) return -1;
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const c = code.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    y = y * 10 + c;
  }
  return y >= YEAR_MIN && y <= YEAR_MAX ? y : -1;
}

/** parseSafe() into the scan's slot i, without an object; false when the text needs parseExact(). */
function parseInto(text: string, i: number): boolean {
  if (!scanCanonical(text) || scanned.digits > 15) return false;
  scan.n[i] = scanned.n;
  scan.s[i] = scanned.s;
  return true;
}

function outOfWindow(o: ObservationInput, from: number, to: number): never {
  throw new PeriodOutOfTerm(
    {
      vi: `Số liệu kỳ ${o.period} nằm ngoài giai đoạn ${from}–${to} của mục tiêu`,
      en: `Observation for ${o.period} lies outside the target's window ${from}–${to}`,
    },
    { period: o.period, from, to },
  );
}

function duplicate(o: ObservationInput): never {
  throw new InvalidObservation(
    {
      vi: `Có hai số liệu cho cùng kỳ ${o.period}; hãy chọn một phiên bản`,
      en: `Two observations for the same period ${o.period}; choose one vintage`,
    },
    { period: o.period },
  );
}

export function scanObservations(
  target: TargetSpec,
  observations: readonly ObservationInput[],
  indicatorUnit?: string,
): Scan {
  const { from, to } = observationWindow(target);
  const count = observations.length;
  if (scan.kind.length < count) grow(count);
  const stamp = ++callStamp;
  const generation = cacheGeneration;
  let seen: Set<string> | undefined;
  const { kind, year, endYear, n, s } = scan;
  for (let i = 0; i < count; i++) {
    const o = observations[i] as ObservationInput;
    const code = o.period;
    const y = plainYear(code);
    if (y >= 0) {
      if (y < from || y > to) outOfWindow(o, from, to);
      if (yearStamps[y - YEAR_MIN] === stamp) duplicate(o);
      yearStamps[y - YEAR_MIN] = stamp;
      kind[i] = KIND_YEAR;
      year[i] = y;
      endYear[i] = y;
    } else {
      const entry = periodEntry(code);
      if (seen === undefined && cacheGeneration !== generation)
        seen = new Set(observations.slice(0, i).map((x) => x.period));
      if (entry.period.year < from || entry.endYear > to) outOfWindow(o, from, to);
      if (entry.stamp === stamp || (seen !== undefined && seen.has(code))) duplicate(o);
      entry.stamp = stamp;
      seen?.add(code);
      kind[i] = KIND_CODE[entry.period.kind];
      year[i] = entry.period.year;
      endYear[i] = entry.endYear;
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
    if (!parseInto(o.value, i)) {
      const e = parseExact(o.value, `${o.period} / value`);
      n[i] = e.n;
      s[i] = e.s;
    }
  }
  scan.count = count;
  scan.inputs = observations;
  return scan;
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
