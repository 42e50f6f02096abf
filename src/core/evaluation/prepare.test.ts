// byYear(): the same list, in the same order, as the stable sort it replaces, whether the figures arrive in order
// (then nothing is sorted) or not.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byYear, prepareObservations } from './prepare.ts';
import type { TargetSpec } from '../targets/target.ts';

describe('byYear', () => {
  it('equals the stable sort by year, ties kept in arrival order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1990, max: 2060 }), { maxLength: 80 }), fc.boolean(), (years, sorted) => {
        const list = (sorted ? [...years].sort((a, b) => a - b) : years).map((year, i) => ({ year, i }));
        const expected = [...list].sort((a, b) => a.year - b.year);
        expect(byYear([...list])).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('gives back the very list when it is already in order', () => {
    const list = [{ year: 2020 }, { year: 2020 }, { year: 2021 }];
    expect(byYear(list)).toBe(list);
  });
});

describe('prepareObservations: duplicate periods', () => {
  const target: TargetSpec = {
    kind: 'level_at_end',
    direction: 'higher_better',
    term: { firstYear: 2001, lastYear: 2030 },
    value: '1',
    year: 2030,
  };
  it('refuses a period given twice, whatever the order, and accepts every list without one', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 2000, max: 2030 }).map(String), fc.constantFrom('2020-Q1', '2021-H1')), {
          maxLength: 40,
        }),
        fc.boolean(),
        (codes, sorted) => {
          const list = sorted ? [...codes].sort() : codes;
          const observations = list.map((period) => ({ period, value: '1', status: 'official' as const }));
          const duplicate = new Set(list).size !== list.length;
          if (duplicate) expect(() => prepareObservations(target, observations)).toThrow(/same period/);
          else expect(prepareObservations(target, observations)).toHaveLength(list.length);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
