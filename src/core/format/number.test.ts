import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal.ts';
import { formatNumber, formatNumberBoth, formatPercent, isPlain } from './number.ts';

describe('vi-VN number formatting', () => {
  it.each([
    ['734420', undefined, '734.420'],
    ['11.81', undefined, '11,81'],
    ['-1200000.5', undefined, '-1.200.000,5'],
    ['0.1', undefined, '0,1'],
    ['11.386', 2, '11,39'],
    ['-0.001', 2, '0,00'],
    ['999', undefined, '999'],
    ['1000', undefined, '1.000'],
  ] as const)('formats %s as %s', (input, decimals, expected) => {
    expect(formatNumber(input, decimals === undefined ? {} : { decimals })).toBe(expected);
  });

  it('formats in English on request', () => {
    expect(formatNumber('1200000.5', { locale: 'en' })).toBe('1,200,000.5');
  });

  it('attaches the percent sign', () => {
    expect(formatPercent('14.5')).toBe('14,5%');
  });
});

describe('number formatting by hand grouping', () => {
  // The regular-expression formatter the hand grouping replaced, kept here as the oracle.
  function byRegex(value: string, locale: 'vi' | 'en', decimals?: number): string {
    const text = new Decimal(value).toFixed(decimals);
    const negative = text.startsWith('-');
    const [intPart = '0', frac] = (negative ? text.slice(1) : text).split('.');
    const [group, point] = locale === 'en' ? [',', '.'] : ['.', ','];
    const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, group);
    const out = frac === undefined ? grouped : `${grouped}${point}${frac}`;
    return negative && !/^[0.,]+$/.test(out) ? `-${out}` : out;
  }

  it('writes every decimal as the regular expression did, in both locales, with and without fixed decimals', () => {
    const text = fc
      .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 22n }), fc.integer({ min: 0, max: 8 }))
      .map(([neg, n, places]) => {
        const digits = n.toString().padStart(places + 1, '0');
        const body = places === 0 ? digits : `${digits.slice(0, digits.length - places)}.${digits.slice(-places)}`;
        return neg ? `-${body}` : body;
      });
    fc.assert(
      fc.property(text, fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }), (value, decimals) => {
        const opts = decimals === undefined ? {} : { decimals };
        expect(formatNumber(value, { ...opts, locale: 'vi' })).toBe(byRegex(value, 'vi', decimals));
        expect(formatNumber(value, { ...opts, locale: 'en' })).toBe(byRegex(value, 'en', decimals));
        if (decimals === undefined) {
          expect(formatNumberBoth(value)).toEqual({ vi: byRegex(value, 'vi'), en: byRegex(value, 'en') });
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('isPlain', () => {
  const PLAIN = /^(?:0|-?[1-9]\d*)(?:\.\d*[1-9])?$|^-0\.\d*[1-9]$/;
  it('answers as the regular expression it replaces, on any text of digits, signs, points and letters', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('0', '1', '5', '9', '-', '.', 'e', ' '), { maxLength: 12 }).map((cs) => cs.join('')),
        (text) => {
          expect(isPlain(text), JSON.stringify(text)).toBe(PLAIN.test(text));
        },
      ),
      { numRuns: 20000 },
    );
    for (const text of ['', '0', '-0', '0.5', '-0.5', '0.50', '00', '12', '-12.05', '12.', '.5', '-', '1e5', '-0.0'])
      expect(isPlain(text), text).toBe(PLAIN.test(text));
  });
});
