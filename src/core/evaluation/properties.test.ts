import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal.ts';
import type { ObservationInput, TargetSpec } from '../targets/target.ts';
import { evaluate } from './index.ts';

const term = { firstYear: 2026, lastYear: 2030 };
const rankOf: Record<string, number> = { no_data: -1, not_met: 0, met: 1, exceeded: 2 };
const hundredths = (n: number): string => new Decimal(n).div(100).toFixed();
const obs = (period: string, value: string): ObservationInput => ({ period, value, status: 'official' });

describe('properties of the evaluation', () => {
  it('a better actual never yields a worse final status (level and range, either direction)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -100000, max: 100000 }),
        fc.integer({ min: -100000, max: 100000 }),
        fc.integer({ min: -100000, max: 100000 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.constantFrom('higher_better' as const, 'lower_better' as const),
        (x, y, lo, width, direction) => {
          const [worse, better] =
            direction === 'higher_better' ? [Math.min(x, y), Math.max(x, y)] : [Math.max(x, y), Math.min(x, y)];
          const targets: TargetSpec[] = [
            { kind: 'level_at_end', direction, term, value: hundredths(lo), year: 2030 },
            { kind: 'range_at_end', direction, term, min: hundredths(lo), max: hundredths(lo + width), year: 2030 },
          ];
          for (const t of targets) {
            const a = evaluate(t, [obs('2030', hundredths(worse))], { year: 2031 }).status;
            const b = evaluate(t, [obs('2030', hundredths(better))], { year: 2031 }).status;
            expect(rankOf[b]).toBeGreaterThanOrEqual(rankOf[a] ?? 99);
          }
        },
      ),
    );
  });

  it('growing at exactly the required rate in the remaining years meets a growth target', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10, max: 200 }),
        fc.array(fc.integer({ min: -50, max: 300 }), { minLength: 1, maxLength: 4 }),
        fc.constantFrom('geometric' as const, 'arithmetic' as const),
        (g10, realised, averaging) => {
          const min = new Decimal(g10).div(10).toFixed();
          const max = new Decimal(g10).div(10).plus(1).toFixed();
          const t: TargetSpec = {
            kind: 'growth_average',
            direction: 'higher_better',
            term,
            min,
            max,
            averaging,
            baseYear: 2025,
          };
          const done = realised.map((r, i) => obs(String(2026 + i), new Decimal(r).div(10).toFixed()));
          const mid = evaluate(t, done, { year: 2026 + realised.length });
          const req = mid.required;
          if (req === null) return;
          const rest: ObservationInput[] = [];
          for (let y = req.fromYear; y <= req.toYear; y++) rest.push(obs(String(y), req.value));
          expect(evaluate(t, [...done, ...rest], { year: 2031 }).status).toBe('met');
        },
      ),
    );
  });

  it('the required yearly flow of a cumulative target, delivered, meets it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 10000000 }),
        fc.array(fc.integer({ min: 0, max: 3000000 }), { minLength: 1, maxLength: 4 }),
        (total, flows) => {
          const t: TargetSpec = {
            kind: 'cumulative',
            direction: 'higher_better',
            term,
            value: String(total),
            max: String(total * 2),
          };
          const done = flows.map((f, i) => obs(String(2026 + i), String(f)));
          const mid = evaluate(t, done, { year: 2026 + flows.length });
          const req = mid.required;
          if (req === null) return;
          const each = new Decimal(req.value).toDecimalPlaces(2, Decimal.ROUND_CEIL).toFixed();
          const rest: ObservationInput[] = [];
          for (let y = req.fromYear; y <= req.toYear; y++) rest.push(obs(String(y), each));
          expect(['met', 'exceeded']).toContain(evaluate(t, [...done, ...rest], { year: 2031 }).status);
        },
      ),
    );
  });

  it('changing the unit (×1000) of target and figures changes no status', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000000 }),
        fc.array(fc.integer({ min: 0, max: 400000 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 2026, max: 2031 }),
        (total, flows, asOfYear) => {
          const mk = (scale: string): [TargetSpec, ObservationInput[]] => [
            { kind: 'cumulative', direction: 'higher_better', term, value: new Decimal(total).times(scale).toFixed() },
            flows.map((f, i) => obs(String(2026 + i), new Decimal(f).times(scale).toFixed())),
          ];
          const [t1, o1] = mk('1');
          const [t2, o2] = mk('1000');
          const asOf = { year: Math.max(asOfYear, 2026 + flows.length) };
          expect(evaluate(t2, o2, asOf).status).toBe(evaluate(t1, o1, asOf).status);
        },
      ),
    );
  });

  it('growth verdicts do not depend on the level unit (levels ×1000 give the same status)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100000 }), fc.integer({ min: 1, max: 300000 }), (base, end) => {
        const t: TargetSpec = {
          kind: 'growth_average',
          direction: 'higher_better',
          term,
          min: '7',
          averaging: 'geometric',
          baseYear: 2025,
        };
        const lv = (k: number) => [
          { period: '2025', value: String(base * k), status: 'official' as const, measure: 'level' as const },
          { period: '2030', value: String(end * k), status: 'official' as const, measure: 'level' as const },
        ];
        expect(evaluate(t, lv(1000), { year: 2031 }).status).toBe(evaluate(t, lv(1), { year: 2031 }).status);
      }),
    );
  });
});
