import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercent } from './number.ts';

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
