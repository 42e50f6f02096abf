import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, toCanonical } from '../decimal.ts';
import { formatNumber } from '../format/number.ts';
import { applyScale, readViNumber, writtenPrecision } from './vi-number.ts';

describe('reading vi-VN numbers', () => {
  it.each([
    ['1.200.000,5', '1200000.5'],
    ['11.380', '11380'],
    ['245.500', '245500'],
    ['14,5', '14.5'],
    ['02', '2'],
    ['0,8', '0.8'],
    ['-1.200.000,5', '-1200000.5'],
  ])('reads %s as %s', (text, expected) => {
    expect(readViNumber(text)).toBe(expected);
  });

  it.each(['1.5', '1.20.000', '12,', 'abc', '1,2,3'])('refuses %s, which is not one vi-VN number', (text) => {
    expect(readViNumber(text)).toBeNull();
  });

  it('turns scale words into exact numbers, without binary floats', () => {
    expect(applyScale('2.5', 'triệu tỷ')).toBe('2500000000000000');
    expect(applyScale('0.1', 'nghìn tỷ')).toBe('100000000000');
    expect(applyScale('374', 'triệu')).toBe('374000000');
    expect(applyScale('75', 'tỷ')).toBe('75000000000');
  });

  it('keeps the precision a figure is written with', () => {
    expect(writtenPrecision('14,50')).toBe(2);
    expect(writtenPrecision('11.380')).toBe(0);
  });

  it('reads back exactly every number that the vi-VN formatter prints', () => {
    const decimals = fc
      .tuple(fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), fc.integer({ min: 0, max: 8 }))
      .map(([units, scale]) => new Decimal(units.toString()).div(new Decimal(10).pow(scale)));
    fc.assert(
      fc.property(decimals, (d) => {
        expect(readViNumber(formatNumber(d))).toBe(toCanonical(d));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads back numbers printed with a fixed number of decimals at that precision', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 4 }), (n, decimals) => {
        const printed = formatNumber(new Decimal(n).div(1000), { decimals });
        const read = readViNumber(printed);
        expect(read).not.toBeNull();
        expect(toCanonical(new Decimal(read ?? '0'))).toBe(
          toCanonical(new Decimal(n).div(1000).toDecimalPlaces(decimals)),
        );
      }),
    );
  });
});
