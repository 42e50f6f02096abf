// Property (issue 19): lineage queries agree before and after a merger. For any register and any merger of some
// units into one that keeps its code, the units as they stood the day before, each carried to the code that holds
// its territory today, cover exactly the units valid on the merger day; and a figure summed over the units before
// equals the same figures summed by today's codes (nothing lost, nothing counted twice).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal.ts';
import { currentCodeOf, type LineageEvent } from './registry.ts';
import type { UnitRecord } from './unit-code.ts';
import { unitsValidOn } from './valid-on.ts';

const DAY = '2025-07-01';
const BEFORE = '2025-06-30';

describe('lineage before and after a merger', () => {
  it('carries every unit of the day before onto exactly the units of the merger day, and sums agree', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 40 }),
        fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
        fc.integer({ min: 0, max: 39 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 40, maxLength: 40 }),
        (n, mergedFlags, keeperIndex, values) => {
          const codes = Array.from({ length: n }, (_, i) => String(90001 + i));
          const keeper = codes[keeperIndex % n] as string;
          const merged = codes.filter((c, i) => c !== keeper && mergedFlags[i] === true);
          const units: UnitRecord[] = codes.map((code) => ({
            code,
            name: `Xã Thử Nghiệm ${code}`,
            level: 'commune',
            validFrom: '2020-01-01',
            validTo: merged.includes(code) ? BEFORE : null,
          }));
          const lineage: LineageEvent[] = merged.map((from) => ({ event: 'merged_into', from, to: keeper, date: DAY }));
          const before = unitsValidOn(units, BEFORE).map((u) => u.code);
          const after = unitsValidOn(units, DAY).map((u) => u.code);
          expect(before).toEqual(codes);
          const carried = new Set(before.map((c) => currentCodeOf(c, lineage)));
          expect([...carried].sort()).toEqual([...after].sort());
          // Every unit of the merger day is its own current code.
          for (const c of after) expect(currentCodeOf(c, lineage)).toBe(c);
          // A sum over the units before equals the same figures grouped by today's codes, then summed.
          const figure = (c: string) => new Decimal(values[codes.indexOf(c)] ?? 0);
          const total = before.reduce((s, c) => s.plus(figure(c)), new Decimal(0));
          const grouped = new Map<string, Decimal>();
          for (const c of before) {
            const to = currentCodeOf(c, lineage);
            grouped.set(to, (grouped.get(to) ?? new Decimal(0)).plus(figure(c)));
          }
          const regrouped = [...grouped.values()].reduce((s, v) => s.plus(v), new Decimal(0));
          expect(regrouped.equals(total)).toBe(true);
          expect(
            grouped.get(keeper)?.equals([keeper, ...merged].reduce((s, c) => s.plus(figure(c)), new Decimal(0))),
          ).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
