import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal.ts';
import { evaluate } from '../evaluation/index.ts';
import type { ObservationInput, TargetSpec } from '../targets/target.ts';
import { aggregate, type UnitFigure } from './aggregate.ts';

const term = { firstYear: 2021, lastYear: 2025 };
const asOf = { year: 2026 };
/** Hundredths as decimal text, from integers, so the reference arithmetic below is exact BigInt. */
const cents = (n: bigint): string => new Decimal(n.toString()).div(100).toFixed();
const obs = (value: string, measure: ObservationInput['measure']): ObservationInput => ({
  period: '2025',
  value,
  status: 'official',
  measure,
});
const codes = (n: number): string[] => Array.from({ length: n }, (_, i) => `U${String(i + 1).padStart(3, '0')}`);
const values = fc.array(fc.bigInt({ min: -10_000_000n, max: 10_000_000n }), { minLength: 1, maxLength: 40 });

describe('properties of consolidation', () => {
  it('aggregating then evaluating a sum equals evaluating the exact sum of the units', () => {
    fc.assert(
      fc.property(values, fc.bigInt({ min: -50_000_000n, max: 50_000_000n }), (amounts, target) => {
        const children = codes(amounts.length);
        const figures: UnitFigure[] = amounts.map((a, i) => ({
          indicator: 'S',
          unit: children[i] ?? '',
          period: '2025',
          value: cents(a),
        }));
        const result = aggregate({ method: { kind: 'sum', indicator: 'S' }, period: '2025', children, figures });
        const definition = cents(amounts.reduce((x, y) => x + y, 0n));
        expect(result.value).toBe(definition);
        const spec: TargetSpec = {
          kind: 'level_at_end',
          direction: 'higher_better',
          term,
          value: cents(target),
          year: 2025,
        };
        const viaAggregate = evaluate(spec, [obs(result.value ?? '', 'level')], asOf).status;
        expect(viaAggregate).toBe(evaluate(spec, [obs(definition, 'level')], asOf).status);
      }),
    );
  });

  it('aggregating then evaluating a count of units meeting a standard equals counting them', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 67 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 67 }),
        (scores, threshold, required) => {
          const children = codes(scores.length);
          const figures = scores.map((s, i) => ({
            indicator: 'Q',
            unit: children[i] ?? '',
            period: '2025',
            value: String(s),
          }));
          const result = aggregate({
            method: { kind: 'count_meeting', indicator: 'Q', standard: { op: 'gte', value: String(threshold) } },
            period: '2025',
            children,
            figures,
          });
          const definition = scores.filter((s) => s >= threshold).length;
          expect(result.value).toBe(String(definition));
          expect(result.meeting?.notMet).toEqual(children.filter((_, i) => (scores[i] ?? 0) < threshold));
          const spec: TargetSpec = {
            kind: 'units_meeting_standard',
            direction: 'higher_better',
            term,
            count: Math.min(required, scores.length),
            ofCount: scores.length,
            standard: 'chuẩn',
            year: 2025,
          };
          expect(evaluate(spec, [obs(result.value ?? '', 'count')], asOf).status).toBe(
            evaluate(spec, [obs(String(definition), 'count')], asOf).status,
          );
        },
      ),
    );
  });

  it('a sum does not depend on the order of the units or of their figures', () => {
    fc.assert(
      fc.property(
        values.chain((amounts) =>
          fc.tuple(fc.constant(amounts), fc.shuffledSubarray(codes(amounts.length), { minLength: amounts.length })),
        ),
        ([amounts, shuffled]) => {
          const children = codes(amounts.length);
          const figures = amounts.map((a, i) => ({
            indicator: 'S',
            unit: children[i] ?? '',
            period: '2025',
            value: cents(a),
          }));
          const run = (order: string[], figs: UnitFigure[]) =>
            aggregate({ method: { kind: 'sum', indicator: 'S' }, period: '2025', children: order, figures: figs })
              .value;
          expect(run(shuffled, [...figures].reverse())).toBe(run(children, figures));
        },
      ),
    );
  });

  it('zero and missing weights: missing is incomplete, all zero is refused, a zero weight drops its unit, noted', () => {
    const weight = fc.option(fc.constantFrom(0n, 0n, 1n, 7n, 250n, 10_000n), { nil: null });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.bigInt({ min: 0n, max: 100_000n }), weight), { minLength: 1, maxLength: 20 }),
        (rows) => {
          const children = codes(rows.length);
          const figures: UnitFigure[] = rows.flatMap(([v, w], i) => [
            { indicator: 'R', unit: children[i] ?? '', period: '2025', value: cents(v) },
            { indicator: 'W', unit: children[i] ?? '', period: '2025', value: w === null ? null : w.toString() },
          ]);
          const result = aggregate({
            method: { kind: 'weighted_mean', indicator: 'R', weight: 'W' },
            period: '2025',
            children,
            figures,
          });
          const missing = children.filter((_, i) => rows[i]?.[1] === null);
          if (missing.length > 0) {
            expect(result.status).toBe('incomplete');
            expect(result.missing.map((m) => m.unit)).toEqual(missing);
            return;
          }
          const totalWeight = rows.reduce((s, [, w]) => s + (w ?? 0n), 0n);
          if (totalWeight === 0n) {
            expect(result.refusal?.code).toBe('zero_total_weight');
            return;
          }
          expect(result.status).toBe('complete');
          expect(result.notes.map((n) => n.unit)).toEqual(children.filter((_, i) => rows[i]?.[1] === 0n));
          // Definition: Σ vᵢwᵢ / Σ wᵢ, checked by cross-multiplying in exact integers (within the 40 digits kept).
          const weighted = rows.reduce((s, [v, w]) => s + v * (w ?? 0n), 0n);
          const exact = new Decimal(weighted.toString()).div(totalWeight.toString()).div(100);
          expect(new Decimal(result.value ?? 'NaN').minus(exact).abs().lte('1e-30')).toBe(true);
        },
      ),
    );
  });

  it('growth of an aggregate is the growth of the summed levels, whatever the units’ own growth rates', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.bigInt({ min: 1n, max: 10_000_000n }), fc.bigInt({ min: 0n, max: 10_000_000n })), {
          minLength: 1,
          maxLength: 30,
        }),
        (levels) => {
          const children = codes(levels.length);
          const figures: UnitFigure[] = levels.flatMap(([before, after], i) => [
            { indicator: 'L', unit: children[i] ?? '', period: '2024', value: before.toString() },
            { indicator: 'L', unit: children[i] ?? '', period: '2025', value: after.toString() },
          ]);
          const result = aggregate({
            method: { kind: 'growth_of_aggregate', level: 'L' },
            period: '2025',
            children,
            figures,
          });
          const base = levels.reduce((s, [b]) => s + b, 0n);
          const current = levels.reduce((s, [, a]) => s + a, 0n);
          const growth = new Decimal((current - base).toString()).times(100).div(base.toString());
          expect(new Decimal(result.value ?? 'NaN').minus(growth).abs().lte('1e-30')).toBe(true);
        },
      ),
    );
  });

  it('the mean of growth rates is wrong when units differ in size: a small fast unit does not lift a large slow one', () => {
    // A small unit doubles (100 → 200: +100 %), a large one grows 1 % (10.000 → 10.100). The economy they form
    // grew from 10.100 to 10.300, i.e. 1,98 %; the mean of the two rates (50,5 %) describes no economy at all.
    const figures: UnitFigure[] = [
      { indicator: 'L', unit: 'SMALL', period: '2024', value: '100' },
      { indicator: 'L', unit: 'SMALL', period: '2025', value: '200' },
      { indicator: 'L', unit: 'LARGE', period: '2024', value: '10000' },
      { indicator: 'L', unit: 'LARGE', period: '2025', value: '10100' },
    ];
    const result = aggregate({
      method: { kind: 'growth_of_aggregate', level: 'L' },
      period: '2025',
      children: ['SMALL', 'LARGE'],
      figures,
    });
    expect(new Decimal(result.value ?? 'NaN').toDecimalPlaces(4).toFixed()).toBe('1.9802');
    const meanOfRates = new Decimal(100).plus(1).div(2);
    expect(meanOfRates.toFixed()).toBe('50.5');
    expect(result.explanation.vi).toContain('(10.300 / 10.100 − 1) × 100 ≈ 1,9802%');
  });
});
