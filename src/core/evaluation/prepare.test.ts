// byYear(): the same list, in the same order, as the stable sort it replaces, whether the figures arrive in order
// (then nothing is sorted) or not.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byYear } from './prepare.ts';

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
