import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ObservationInput, TargetSpec } from '../targets/target.ts';
import { evaluateComposite } from './composite.ts';
import { evaluateByReference } from './evaluate.ts';
import { roundFloat } from './fast.ts';
import { evaluate, plainEvaluation } from './index.ts';
import type { AsOf, EvaluateOptions } from './types.ts';

const first = 2026;
const last = 2030;
const term = { firstYear: first, lastYear: last };

/** The fast path must agree with the decimal.js reference on the status and on every figure, as JSON. */
function same(target: TargetSpec, observations: ObservationInput[], asOf: AsOf, options: EvaluateOptions = {}): void {
  let ref: unknown;
  let refError: unknown;
  try {
    ref = evaluateByReference(target, observations, asOf, options);
  } catch (e) {
    refError = e;
  }
  if (refError !== undefined) {
    expect(() => evaluate(target, observations, asOf, options)).toThrow((refError as Error).message);
    return;
  }
  const fast = evaluate(target, observations, asOf, options);
  const r = ref as ReturnType<typeof evaluate>;
  expect({ status: fast.status, decided: fast.decided }).toEqual({ status: r.status, decided: r.decided });
  expect(JSON.stringify(fast)).toBe(JSON.stringify(r));
  expect(plainEvaluation(fast)).toEqual(r);
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

describe('fast verdict against the decimal.js reference', () => {
  it('rounds half up only when the float is clear of a tie', () => {
    expect(roundFloat(7.004999, 2, 0)?.text).toBe('7.00');
    expect(roundFloat(7.005, 2, 1e-15)).toBeNull();
    expect(roundFloat(-2.345, 2, 1e-15)).toBeNull();
    expect(roundFloat(-2.3449, 2, 1e-15)?.text).toBe('-2.34');
    expect(roundFloat(1e20, 2, 0)).toBeNull();
    expect(roundFloat(1.5, 13, 0)).toBeNull();
  });

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
          same(target, observations, asOf);
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
          same(target, observations, asOf);
          same({ ...target, max: cents(g + 50) }, observations, asOf);
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
          same({ kind: 'yearly_flow', direction, term, value: String(v) }, observations, asOf, { onTrackBand: band });
          // A total whose run rate lands exactly on the target, and exactly on 90 % of it.
          const sum = observations.reduce((s, o) => s + Number(o.value), 0);
          for (const total of [
            sum * 5,
            Math.round((sum * 5) / observations.length) * observations.length,
            sum,
            (sum * 50) / 9,
          ]) {
            if (Number.isInteger(total) && total > 0)
              same({ kind: 'cumulative', direction, term, value: String(total) }, observations, asOf, {
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
          same(
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
          same({ kind: 'yearly_flow', direction, term, value: String(v) }, [span, ...later], asOf);
          same({ kind: 'cumulative', direction, term, value: String(v * 5) }, [span, ...later], asOf);
          same(
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
          same({ kind: 'threshold', direction, term, op, value: (bound / 10).toFixed(1), year: last }, unique, asOf, {
            onTrackBand: band,
          });
          same(
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
          same(
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
          same(
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

  it('a lazily built evaluation reads, serialises and (as a plain object) spreads and clones like the eager one', () => {
    const target: TargetSpec = { kind: 'level_at_end', direction: 'higher_better', term, value: '100', year: last };
    const observations = [obs('2026', '80'), obs('2027', '90')];
    const e = evaluate(target, observations, { year: 2028, month: 3 });
    const r = evaluateByReference(target, observations, { year: 2028, month: 3 });
    // Every figure reads by name as on the eager evaluation; JSON is the same text in the same key order.
    for (const k of Object.keys(r) as (keyof typeof r)[]) expect(e[k]).toEqual(r[k]);
    expect(JSON.stringify(e)).toBe(JSON.stringify(r));
    // The plain form has the eager evaluation's keys in its order, and spreads and clones to it.
    const p = plainEvaluation(e);
    expect(Object.keys(p)).toEqual(Object.keys(r));
    expect({ ...p }).toEqual(r);
    expect(structuredClone(p)).toEqual(r);
    expect(plainEvaluation(r)).toBe(r);
    // A figure assigned by a caller replaces the computed one, when read and when serialised.
    e.explanation = { vi: 'x', en: 'y' };
    expect(e.explanation.en).toBe('y');
    expect(JSON.parse(JSON.stringify(e)).explanation).toEqual({ vi: 'x', en: 'y' });
    e.status = 'met';
    expect(JSON.parse(JSON.stringify(e)).status).toBe('met');
  });

  it('a composite on its own target keeps every figure of a lazily built evaluation', () => {
    const target: TargetSpec = { kind: 'level_at_end', direction: 'higher_better', term, value: '100', year: last };
    const observations = [obs('2026', '80'), obs('2027', '90')];
    const e = evaluate(target, observations, { year: 2028, month: 3 });
    const r = evaluateByReference(target, observations, { year: 2028, month: 3 });
    expect(evaluateComposite('own_target', [r], e)).toEqual(evaluateComposite('own_target', [r], r));
  });
});
