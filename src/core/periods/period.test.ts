import { describe, expect, it } from 'vitest';
import { lastYearOf, parsePeriod, periodMonths } from './period.ts';

describe('period codes', () => {
  it('parses every kind of period code', () => {
    expect(parsePeriod('2026')).toEqual({ kind: 'year', code: '2026', year: 2026 });
    expect(parsePeriod('2021-2025')).toMatchObject({ kind: 'span', year: 2021, endYear: 2025 });
    expect(parsePeriod('2026-Q1')).toMatchObject({ kind: 'quarter', quarter: 1 });
    expect(parsePeriod('2026-H2')).toMatchObject({ kind: 'half', half: 2 });
    expect(parsePeriod('2026-9M')).toMatchObject({ kind: 'nine_months' });
    expect(parsePeriod('2026-M03')).toMatchObject({ kind: 'month', month: 3 });
  });

  it.each(['', '26', '2026-Q5', '2026-M13', '2025-2021', '2026-13', 'năm 2026', '2026 '])(
    'rejects "%s" with a bilingual message',
    (code) => {
      expect(() => parsePeriod(code)).toThrowError(/invalid/);
    },
  );

  it('gives the months a quarter covers', () => {
    expect(periodMonths(parsePeriod('2026-Q3'))).toEqual({
      from: { year: 2026, month: 7 },
      to: { year: 2026, month: 9 },
    });
  });

  it('gives the last calendar year a period covers', () => {
    expect(['2025', '2021-2025', '2026-Q4', '2026-H1', '2026-9M', '2026-M03'].map(lastYearOf)).toEqual([
      2025, 2025, 2026, 2026, 2026, 2026,
    ]);
  });
});
