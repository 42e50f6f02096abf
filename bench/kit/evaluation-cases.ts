// The engine benchmark's cases (bench/evaluate.bench.ts), also hashed by the engine's golden test
// (src/core/evaluation/golden.test.ts): every target kind with seeded series, as-of dates in and after the term.
// Seeded (mulberry32), so the same seed gives the same cases on every run and machine.
import type { ObservationInput, TargetSpec } from '../../src/core/targets/target.ts';

/** `n` cases from `seedValue` (the benchmark's and the golden test's: 20250101). */
export function evaluationCases(n: number, seedValue = 20250101): EvaluationCase[] {
  seed = seedValue;
  return Array.from({ length: n }, () => makeCase(false));
}

/**
 * `n` cases in a year inside the term, as in a real mid-term year: figures up to the year before the evaluation date
 * (and, in December, sometimes that year's own), the later years missing; so every case runs the in-term paths
 * (projections, progress ratios, what the remaining years need). Same kinds and series as evaluationCases().
 */
export function inTermCases(n: number, seedValue = 20260630): EvaluationCase[] {
  seed = seedValue;
  return Array.from({ length: n }, () => makeCase(true));
}

let seed = 0;
function rnd(): number {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (a: number, b: number): number => a + Math.floor(rnd() * (b - a + 1));
const dec = (a: number, b: number, places: number): string => (a + rnd() * (b - a)).toFixed(places);

export interface EvaluationCase {
  target: TargetSpec;
  observations: ObservationInput[];
  asOf: { year: number; month?: number };
}

function makeCase(inTerm: boolean): EvaluationCase {
  const len = int(5, 60);
  const first = 2000;
  const last = first + len - 1;
  const term = { firstYear: first, lastYear: last };
  let asOf: EvaluationCase['asOf'];
  // Years with a figure: the whole term (the headline cases), or those before the evaluation date (in term).
  let observed = len;
  if (!inTerm) {
    asOf = rnd() < 0.5 ? { year: last + 1 } : { year: first + int(1, len - 1), month: int(1, 12) };
  } else {
    asOf = { year: first + int(1, len - 2), month: int(1, 12) };
    observed = asOf.year - first + (asOf.month === 12 && rnd() < 0.5 ? 1 : 0);
  }
  const status = (): ObservationInput['status'] =>
    rnd() < 0.2 ? 'estimate' : rnd() < 0.5 ? 'preliminary' : 'official';
  const years = (f: () => string, extra: Partial<ObservationInput> = {}): ObservationInput[] =>
    Array.from({ length: observed }, (_, i) => ({ period: String(first + i), value: f(), status: status(), ...extra }));
  switch (int(0, 6)) {
    case 0:
      return {
        target: {
          kind: 'growth_average',
          direction: 'higher_better',
          term,
          min: '7',
          max: '7.5',
          averaging: 'geometric',
          baseYear: first - 1,
        },
        observations: years(() => dec(2, 12, 2), { measure: 'growth_rate' }),
        asOf,
      };
    case 1:
      return {
        target: { kind: 'range_at_end', direction: 'higher_better', term, min: '40', max: '50', year: last },
        observations: years(() => dec(30, 60, 2)),
        asOf,
      };
    case 2:
      return {
        target: { kind: 'threshold', direction: 'lower_better', term, op: '<', value: '3.5', year: last },
        observations: years(() => dec(2, 5, 1)),
        asOf,
      };
    case 3:
      return {
        target: { kind: 'cumulative', direction: 'higher_better', term, value: String(len * 240000) },
        observations: years(() => dec(150000, 300000, 0), { measure: 'flow' }),
        asOf,
      };
    case 4:
      return {
        target: { kind: 'yearly_flow', direction: 'higher_better', term, value: '55800' },
        observations: years(() => dec(50000, 60000, 0), { measure: 'flow' }),
        asOf,
      };
    case 5:
      return {
        target: { kind: 'level_at_end', direction: 'higher_better', term, value: '11380', year: last },
        observations: years(() => dec(5000, 12000, 2)),
        asOf,
      };
    default:
      return {
        target: {
          kind: 'units_meeting_standard',
          direction: 'higher_better',
          term,
          share: '80',
          ofCount: 67,
          standard: 'NTM',
          year: last,
        },
        observations: years(() => String(int(30, 67)), { measure: 'count' }),
        asOf,
      };
  }
}
