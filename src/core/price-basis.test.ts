import { describe, expect, it } from 'vitest';
import { MixedPriceBasis } from './errors.ts';
import { TT_13_2019_BKHDT } from './legal/documents.ts';
import { assertSameBasis, convert, priceBasisLabel, toBasis, type Conversion } from './price-basis.ts';

const rebase: Conversion = {
  from: 'comparable_2010',
  to: 'comparable_2020',
  factor: '1.254',
  source: TT_13_2019_BKHDT,
};

describe('price bases', () => {
  it.each([
    ['comparable_2010', 'giá so sánh 2010', 'constant 2010 prices'],
    ['comparable_2020', 'giá so sánh 2020', 'constant 2020 prices'],
    ['current', 'giá hiện hành', 'current prices'],
    ['usd_current', 'USD, giá hiện hành', 'USD, current prices'],
  ] as const)('labels %s as "%s" and "%s"', (basis, vi, en) => {
    expect(priceBasisLabel(basis)).toBe(vi);
    expect(priceBasisLabel(basis, 'en')).toBe(en);
  });

  it('returns the common basis of values that share one', () => {
    expect(assertSameBasis([{ priceBasis: 'comparable_2010' }, { priceBasis: 'comparable_2010' }])).toBe(
      'comparable_2010',
    );
    expect(assertSameBasis([])).toBe('none');
  });

  it('refuses growth on mixed bases with a message naming both bases', () => {
    let caught: unknown;
    try {
      assertSameBasis([{ priceBasis: 'comparable_2010' }, { priceBasis: 'comparable_2020' }]);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(MixedPriceBasis);
    const error = caught as MixedPriceBasis;
    expect(error.code).toBe('mixed_price_basis');
    expect(error.messages.vi).toContain('giá so sánh 2010');
    expect(error.messages.vi).toContain('giá so sánh 2020');
    expect(error.messages.en).toContain('constant 2010 prices');
    expect(error.details).toMatchObject({ bases: ['comparable_2010', 'comparable_2020'], index: 1 });
  });

  it('treats a figure without a basis as different from a price figure', () => {
    expect(() => assertSameBasis([{ priceBasis: 'current' }, {}])).toThrowError(MixedPriceBasis);
  });

  it('converts a level exactly with a recorded, sourced factor', () => {
    expect(convert('734420.15', 'comparable_2010', rebase).toFixed()).toBe('920962.8681');
  });

  it('refuses to convert a value that is not on the conversion’s source basis', () => {
    expect(() => convert('1', 'current', rebase)).toThrowError(MixedPriceBasis);
  });

  it('refuses a conversion without a positive decimal factor or a source', () => {
    expect(() => convert('1', 'comparable_2010', { ...rebase, factor: '0' })).toThrowError(/invalid/);
    expect(() => convert('1', 'comparable_2010', { ...rebase, factor: '1,2' })).toThrowError(/invalid/);
    expect(() => convert('1', 'comparable_2010', { ...rebase, source: { title: ' ', line: '3' } })).toThrowError(
      /invalid/,
    );
    expect(() => convert('1', 'comparable_2010', { ...rebase, to: 'comparable_2010' })).toThrowError(/invalid/);
  });

  it('brings values onto one basis only through recorded conversions', () => {
    const values = [
      { value: '100', priceBasis: 'comparable_2020' as const },
      { value: '100', priceBasis: 'comparable_2010' as const },
    ];
    expect(toBasis(values, 'comparable_2020', [rebase]).map((d) => d.toFixed())).toEqual(['100', '125.4']);
    expect(() => toBasis(values, 'comparable_2020', [])).toThrowError(MixedPriceBasis);
  });
});
