// The one evaluator on bounds, ties and band edges: every evaluation is a plain JSON-safe object, the same inputs give
// the same text, and its verdict agrees with its own figures, checked by an independent decimal.js oracle (these
// cases once held a float fast path to the reference; decision 0007).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal.ts';
import { ChitieuError } from '../errors.ts';
import type { ObservationInput, TargetSpec } from '../targets/target.ts';
import { FINAL_STATUSES, TRACK_STATUSES } from '../vocabulary.ts';
import { evaluateComposite } from './composite.ts';
import { evaluate } from './index.ts';
import type { AsOf, EvaluateOptions, Evaluation, FinalStatus } from './types.ts';

const first = 2026;
const last = 2030;
const term = { firstYear: first, lastYear: last };

interface OracleBounds {
  direction: 'higher_better' | 'lower_better' | 'band';
  lo: string | null;
  hi: string | null;
  strict: boolean;
}

/** The bounds a final verdict is read against, straight from the target as written (null where no oracle applies). */
function oracleBounds(t: TargetSpec, observations: readonly ObservationInput[]): OracleBounds | null {
  const d = t.direction;
  const one = (v: string, max?: string): OracleBounds =>
    max !== undefined
      ? { direction: d, lo: v, hi: max, strict: false }
      : d === 'higher_better'
        ? { direction: d, lo: v, hi: null, strict: false }
        : d === 'lower_better'
          ? { direction: d, lo: null, hi: v, strict: false }
          : { direction: d, lo: v, hi: v, strict: false };
  const levels = observations.every((o) => o.measure === undefined);
  switch (t.kind) {
    case 'level_at_end':
      return levels ? one(t.value) : null;
    case 'range_at_end':
      return levels ? one(t.min, t.max ?? t.min) : null;
    case 'threshold': {
      if (!levels) return null;
      const higher = t.op === '>' || t.op === '>=';
      return higher
        ? { direction: d, lo: t.value, hi: null, strict: t.op === '>' }
        : { direction: d, lo: null, hi: t.value, strict: t.op === '<' };
    }
    case 'cumulative':
    case 'yearly_flow':
      return one(t.value, t.max);
    case 'growth_average':
      return one(t.min, t.max);
    default:
      return null;
  }
}

/** The verdict of a figure against bounds, by decimal.js alone (independent of compare.ts and exact.ts). */
function oracleStatus(actual: string, b: OracleBounds): FinalStatus {
  const a = new Decimal(actual);
  const below = b.lo !== null && (b.direction === 'higher_better' && b.strict ? a.lte(b.lo) : a.lt(b.lo));
  const above = b.hi !== null && (b.direction === 'lower_better' && b.strict ? a.gte(b.hi) : a.gt(b.hi));
  switch (b.direction) {
    case 'higher_better':
      if (b.lo === null) return above ? 'exceeded' : 'met';
      if (below) return 'not_met';
      return b.hi === null ? (a.gt(b.lo) ? 'exceeded' : 'met') : above ? 'exceeded' : 'met';
    case 'lower_better':
      if (b.hi === null) return below ? 'exceeded' : 'met';
      if (above) return 'not_met';
      return b.lo === null ? (a.lt(b.hi) ? 'exceeded' : 'met') : below ? 'exceeded' : 'met';
    case 'band':
      return below || above ? 'not_met' : 'met';
  }
}

/** Evaluates, then checks what every evaluation must satisfy; refusals must be typed errors. */
function consistent(
  target: TargetSpec,
  observations: ObservationInput[],
  asOf: AsOf,
  options: EvaluateOptions = {},
): Evaluation | null {
  let e: Evaluation;
  try {
    e = evaluate(target, observations, asOf, options);
  } catch (err) {
    expect(err).toBeInstanceOf(ChitieuError);
    return null;
  }
  // Plain and JSON-safe: a round trip, a clone and a spread are the same object.
  expect(JSON.parse(JSON.stringify(e))).toEqual(e);
  expect(structuredClone(e)).toEqual(e);
  expect({ ...e }).toEqual(e);
  // One computation: the same inputs give the same text.
  expect(JSON.stringify(evaluate(target, observations, asOf, options))).toBe(JSON.stringify(e));
  if (e.phase === 'final') {
    expect(FINAL_STATUSES).toContain(e.status);
    expect(e.decided).toBeUndefined();
    const b = oracleBounds(target, observations);
    // no_data is also the verdict when the figure shown is not the judged year's (a term-end figure is missing).
    if (e.actual.value === null) expect(e.status).toBe('no_data');
    else if (b !== null && e.status !== 'no_data') expect(e.status).toBe(oracleStatus(e.actual.value, b));
  } else {
    expect(TRACK_STATUSES).toContain(e.status);
    const ratio = e.projection?.progressRatio;
    const band = options.onTrackBand ?? { onTrack: '1', atRisk: '0.9' };
    // The projection's own progress ratio (shown to 4 places) places the verdict in the band; ties are left aside.
    if (e.decided === undefined && ratio !== null && ratio !== undefined) {
      if (new Decimal(ratio).gt(band.onTrack)) expect(e.status).toBe('on_track');
      else if (new Decimal(ratio).gt(band.atRisk)) expect(['on_track', 'at_risk']).toContain(e.status);
    }
  }
  return e;
}

const obs = (period: string, value: string, extra: Partial<ObservationInput> = {}): ObservationInput => ({
  period,
  value,
  status: 'official',
  ...extra,
});
const cents = (n: number): string => (n < 0 ? '-' : '') + (Math.abs(n) / 100).toFixed(2);

/** Values on, just beside, and around a bound (in hundredths). */
const nearBound = (bound: number): fc.Arbitrary<number> =>
  fc.oneof(
    fc.constant(bound),
    fc.constantFrom(bound - 1, bound + 1, bound - 10, bound + 10, Math.round(bound * 0.9), Math.round(bound * 1.1)),
    fc.integer({
      min: Math.min(Math.round(bound * 0.5), Math.round(bound * 1.5)),
      max: Math.max(Math.round(bound * 0.5), Math.round(bound * 1.5)),
    }),
  );

const asOfArb: fc.Arbitrary<AsOf> = fc.oneof(
  fc.constant({ year: last + 1 }),
  fc.record({ year: fc.integer({ min: first, max: last }), month: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ year: fc.integer({ min: first, max: last }) }),
);

describe('every verdict agrees with its own figures and is a plain object', () => {
  it('level, range and threshold targets on and beside their bounds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -5000, max: 20000 }),
        fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom('higher_better' as const, 'lower_better' as const),
        fc.constantFrom('level' as const, 'range' as const, 'threshold' as const),
        asOfArb,
        fc.option(fc.integer({ min: 1, max: 20000 }), { nil: undefined }),
        (bound, present, drift, direction, kind, asOf, baseline) => {
          const values = fc.sample(nearBound(bound), { numRuns: 5, seed: bound + drift });
          const observations = present.flatMap((p, i) =>
            p === 1 ? [obs(String(first + i), cents(values[i] ?? bound))] : [],
          );
          const op = direction === 'higher_better' ? (drift % 2 === 0 ? '>=' : '>') : drift % 2 === 0 ? '<=' : '<';
          const base =
            baseline === undefined ? {} : { baseline: { value: cents(baseline), period: String(first - 1) } };
          const target: TargetSpec =
            kind === 'level'
              ? { kind: 'level_at_end', direction, term, value: cents(bound), year: last, ...base }
              : kind === 'range'
                ? {
                    kind: 'range_at_end',
                    direction,
                    term,
                    min: cents(bound),
                    max: cents(bound + drift * 100),
                    year: last,
                    ...base,
                  }
                : { kind: 'threshold', direction, term, op, value: cents(bound), year: last, ...base };
          consistent(target, observations, asOf);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('growth averages (geometric and arithmetic) exactly at, and next to, the target rate', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -300, max: 1500 }),
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom('geometric' as const, 'arithmetic' as const),
        fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 5, maxLength: 5 }),
        fc.constantFrom('higher_better' as const, 'lower_better' as const),
        asOfArb,
        (g, k, averaging, jitter, direction, asOf) => {
          const observations = Array.from({ length: k }, (_, i) =>
            obs(String(first + i), cents(g + (jitter[i] ?? 0)), { measure: 'growth_rate' }),
          );
          const target: TargetSpec = {
            kind: 'growth_average',
            direction,
            term,
            min: cents(g),
            averaging,
            baseYear: first - 1,
          };
          consistent(target, observations, asOf);
          consistent({ ...target, max: cents(g + 50) }, observations, asOf);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('yearly flows and cumulative totals on the bound, and with a progress ratio on the band edges', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100000 }),
        fc.array(fc.constantFrom(0, 1, -1, 10, -10, 0.9, 1.1), { minLength: 1, maxLength: 5 }),
        fc.constantFrom('higher_better' as const, 'lower_better' as const),
        asOfArb,
        fc.constantFrom({ onTrack: '1', atRisk: '0.9' }, { onTrack: '0.95', atRisk: '0.8' }),
        (v, shifts, direction, asOf, band) => {
          const observations = shifts.map((d, i) =>
            obs(String(first + i), String(Number.isInteger(d) ? v + d : Math.round(v * d)), { measure: 'flow' }),
          );
          consistent({ kind: 'yearly_flow', direction, term, value: String(v) }, observations, asOf, {
            onTrackBand: band,
          });
          // A total whose run rate lands exactly on the target, and exactly on 90 % of it.
          const sum = observations.reduce((s, o) => s + Number(o.value), 0);
          for (const total of [
            sum * 5,
            Math.round((sum * 5) / observations.length) * observations.length,
            sum,
            (sum * 50) / 9,
          ]) {
            if (Number.isInteger(total) && total > 0)
              consistent({ kind: 'cumulative', direction, term, value: String(total) }, observations, asOf, {
                onTrackBand: band,
              });
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('flows in the judged year of a level target, and span figures of flows and totals, as the reference reads them', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100000 }),
        fc.array(fc.constantFrom(0, 1, -1, 10, 0.9, 1.1), { minLength: 0, maxLength: 4 }),
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom(undefined, 'yearly_average' as const, 'term_total' as const),
        fc.constantFrom('higher_better' as const, 'lower_better' as const),
        asOfArb,
        (v, shifts, spanYears, aggregate, direction, asOf) => {
          const flows = shifts.map((d, i) =>
            obs(String(first + i), String(Number.isInteger(d) ? v + d : Math.round(v * d)), { measure: 'flow' }),
          );
          consistent(
            { kind: 'level_at_end', direction, term, value: String(v), year: last },
            [...flows.slice(0, 3), obs(String(last), String(v + shifts.length - 2), { measure: 'flow' })],
            asOf,
          );
          const span = obs(
            `${first}-${first + spanYears - 1}`,
            String(v * (aggregate === 'term_total' ? spanYears : 1)),
            { measure: 'flow', ...(aggregate === undefined ? {} : { aggregate }) },
          );
          const later = flows.filter((o) => Number(o.period) >= first + spanYears);
          consistent({ kind: 'yearly_flow', direction, term, value: String(v) }, [span, ...later], asOf);
          consistent({ kind: 'cumulative', direction, term, value: String(v * 5) }, [span, ...later], asOf);
          consistent(
            { kind: 'cumulative', direction, term, value: String(v * 4), max: String(v * 5) },
            [span, ...later],
            asOf,
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('linear projections and yearly averages on exact rounding ties and exactly on the band edges', () => {
    // One-decimal figures over spans of 1–4 years put projections on x.x5 ties and progress ratios on 0.9 or 1 exactly.
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 20, max: 50 }), { minLength: 2, maxLength: 5 }),
        fc.integer({ min: 20, max: 50 }),
        fc.constantFrom('higher_better' as const, 'lower_better' as const),
        fc.integer({ min: first, max: last }),
        fc.constantFrom(
          { onTrack: '1', atRisk: '0.9' },
          { onTrack: '0.95', atRisk: '0.8' },
          { onTrack: '0.75', atRisk: '0.5' },
        ),
        fc.integer({ min: 1, max: 4 }),
        (tenths, bound, direction, year, band, gap) => {
          const asOf = { year, month: 6 };
          const observations = tenths
            .map((v, i) => obs(String(first - 1 + i * gap - (i > 0 ? 1 : 0)), (v / 10).toFixed(1)))
            .filter((o) => Number(o.period) <= last && Number(o.period) >= first - 1);
          const seenPeriods = new Set<string>();
          const unique = observations.filter((o) =>
            seenPeriods.has(o.period) ? false : (seenPeriods.add(o.period), true),
          );
          const op = direction === 'higher_better' ? '>=' : '<=';
          consistent(
            { kind: 'threshold', direction, term, op, value: (bound / 10).toFixed(1), year: last },
            unique,
            asOf,
            {
              onTrackBand: band,
            },
          );
          consistent(
            {
              kind: 'range_at_end',
              direction,
              term,
              min: (bound / 10).toFixed(1),
              max: ((bound + 5) / 10).toFixed(1),
              year: last,
            },
            unique,
            asOf,
            { onTrackBand: band },
          );
          consistent(
            { kind: 'yearly_flow', direction, term, value: String(bound) },
            unique
              .filter((o) => Number(o.period) >= first)
              .map((o) => ({ ...o, value: String(Math.round(Number(o.value) * 10)), measure: 'flow' as const })),
            { year: last + 1 },
            { onTrackBand: band },
          );
        },
      ),
      { numRuns: 600 },
    );
  });

  it('units meeting a standard, counts turned into shares of the stated total', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 120 }),
        fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 100 }),
        asOfArb,
        (total, counts, share, asOf) => {
          const observations = counts.map((c, i) =>
            obs(String(first + i), String(Math.min(c, total)), { measure: 'count' }),
          );
          consistent(
            {
              kind: 'units_meeting_standard',
              direction: 'higher_better',
              term,
              share: String(share),
              ofCount: total,
              standard: 'NTM',
              year: last,
            },
            observations,
            asOf,
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('an evaluation spreads, clones and serialises with every figure', () => {
    const target: TargetSpec = { kind: 'level_at_end', direction: 'higher_better', term, value: '100', year: last };
    const observations = [obs('2026', '80'), obs('2027', '90')];
    const e = evaluate(target, observations, { year: 2028, month: 3 });
    expect(Object.keys(e).sort()).toEqual([
      'achievement',
      'actual',
      'explanation',
      'intermediates',
      'method',
      'phase',
      'projection',
      'required',
      'status',
    ]);
    expect(e.actual.value).toBe('90');
    // 80 → 90 grows 12.5 % a year: 90 · 1.125³ = 128.1 in 2030.
    expect(e.projection?.value).toBe('128');
    expect(e.status).toBe('on_track');
    expect({ ...e }).toEqual(e);
    expect(structuredClone(e)).toEqual(e);
    expect(JSON.parse(JSON.stringify({ ...e }))).toEqual(e);
  });

  it('a composite on its own target keeps every figure of its own evaluation', () => {
    const target: TargetSpec = { kind: 'level_at_end', direction: 'higher_better', term, value: '100', year: last };
    const e = evaluate(target, [obs('2026', '80'), obs('2027', '90')], { year: 2028, month: 3 });
    const c = evaluateComposite('own_target', [e], e);
    expect(c).toEqual({ ...e, intermediates: { ...e.intermediates, rule: 'own_target', children: 'on_track' } });
  });
});
