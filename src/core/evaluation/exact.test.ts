// The scaled-integer shortcuts give decimal.js's answers exactly: ratios rounded to a few places (achievements), and
// sums whose text is written once.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal.ts';
import { add, addAll, parseExact, ratioText, ZERO } from './exact.ts';
import { averageOverGoal } from './kinds/yearly-flow.ts';
import { evaluate } from './evaluate.ts';
import type { TargetSpec } from '../targets/target.ts';

/** A decimal text with `places` decimals and up to `digits` digits, either sign. */
const decimalText = (digits: number): fc.Arbitrary<string> =>
  fc
    .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** BigInt(digits) - 1n }), fc.integer({ min: 0, max: 8 }))
    .map(([neg, n, places]) => {
      const s = n.toString().padStart(places + 1, '0');
      const body = places === 0 ? s : `${s.slice(0, s.length - places)}.${s.slice(-places)}`;
      return neg ? `-${body}` : body;
    });

describe('ratioText', () => {
  const byDecimal = (a: string, b: string, places: number): string =>
    new Decimal(a).div(new Decimal(b)).toDecimalPlaces(places).toFixed();

  it('equals decimal.js a.div(b).toDecimalPlaces(places) whenever it answers', () => {
    fc.assert(
      fc.property(decimalText(15), decimalText(15), fc.integer({ min: 0, max: 6 }), (a, b, places) => {
        fc.pre(!new Decimal(b).isZero());
        const fast = ratioText(parseExact(a), parseExact(b), places);
        if (fast !== null) expect(fast, `${a} / ${b}`).toBe(byDecimal(a, b, places));
      }),
      { numRuns: 3000 },
    );
  });

  it('rounds exact ties half away from zero and answers for achievements of ordinary size', () => {
    for (const [a, b] of [
      ['1', '32'],
      ['-1', '32'],
      ['1', '-32'],
      ['3', '16'],
      ['55799.8', '55800'],
      ['95.2', '95'],
      ['0.00001', '3'],
      ['-0.00001', '3'],
      ['123456789012345', '0.000000000001'],
      ['40.77', '40'],
    ] as const) {
      const fast = ratioText(parseExact(a), parseExact(b), 4);
      expect(fast, `${a} / ${b}`).not.toBeNull();
      expect(fast, `${a} / ${b}`).toBe(byDecimal(a, b, 4));
    }
  });

  it('hands back to decimal.js what it cannot prove: a zero divisor, figures beyond 15 digits', () => {
    expect(ratioText(parseExact('1'), parseExact('0'), 4)).toBeNull();
    expect(ratioText(parseExact('12345678901234567890'), parseExact('3'), 4)).toBeNull();
  });
});

describe('addAll', () => {
  it('writes the same total as adding one by one, at any scale and size', () => {
    fc.assert(
      fc.property(fc.array(decimalText(17), { maxLength: 40 }), decimalText(12), (values, start) => {
        const xs = values.map((v) => parseExact(v));
        const s = parseExact(start);
        let oneByOne = s;
        for (const x of xs) oneByOne = add(oneByOne, x);
        expect(addAll(xs, s)).toEqual(oneByOne);
        expect(new Decimal(addAll(xs).text).eq(xs.reduce((acc, x) => acc.plus(x.text), new Decimal(0)))).toBe(true);
      }),
      { numRuns: 1000 },
    );
    expect(addAll([], ZERO)).toBe(ZERO);
  });
});

describe('averageOverGoal (a yearly average against its goal)', () => {
  it('equals decimal.js sum.div(k).div(goal).toDecimalPlaces(4) whenever it answers', () => {
    fc.assert(
      fc.property(decimalText(15), fc.integer({ min: 1, max: 60 }), decimalText(8), (sum, k, goal) => {
        fc.pre(!new Decimal(goal).isZero());
        const fast = averageOverGoal(parseExact(sum), k, parseExact(goal));
        const slow = new Decimal(sum).div(k).div(new Decimal(goal)).toDecimalPlaces(4).toFixed();
        if (fast !== null) expect(fast, `${sum} / ${k} / ${goal}`).toBe(slow);
      }),
      { numRuns: 5000 },
    );
  });

  it('at exact ties and with averages that do not terminate', () => {
    for (const [sum, k, goal] of [
      ['1', 3, '1'],
      ['2', 3, '0.5'],
      ['100001', 2, '50000'],
      ['3', 3, '16'],
      ['55800', 7, '55800'],
      ['-1', 32, '1'],
    ] as const) {
      const slow = new Decimal(sum).div(k).div(new Decimal(goal)).toDecimalPlaces(4).toFixed();
      expect(averageOverGoal(parseExact(sum), k, parseExact(goal)), `${sum} / ${k} / ${goal}`).toBe(slow);
    }
  });
});

describe('units meeting a standard: the converted figure in scaled integers', () => {
  it('writes what the decimal conversion writes, for counts and shares either way, at any compared scale', () => {
    fc.assert(
      fc.property(
        decimalText(9),
        fc.constantFrom('count' as const, 'share' as const),
        fc.boolean(),
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 0, max: 6 }),
        (value, measure, byShare, ofCount, precision) => {
          const t: TargetSpec = {
            kind: 'units_meeting_standard',
            direction: 'higher_better',
            term: { firstYear: 2026, lastYear: 2030 },
            ...(byShare ? { share: '80' } : { count: 50 }),
            ofCount,
            standard: 'NTM',
            year: 2030,
            precision,
          };
          const obs = [{ period: '2030', value, status: 'official' as const, measure }];
          // Final (the scaled-integer path) against the same figure read in term, where the decimal path writes the
          // projection of a single figure: the latest value rounded at the same scale.
          const final = evaluate(t, obs, { year: 2031 });
          const inTerm = evaluate(t, obs, { year: 2030, month: 6 });
          expect(final.actual.value, `${value} ${measure} of ${ofCount}`).toBe(inTerm.actual.value);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
