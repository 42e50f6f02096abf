// The cell readers of a figures file: examples of what is read and what is refused, and properties over any input
// (fast-check): a reader never throws, it returns a value or a reason in both languages.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../format/number.ts';
import { parseFigureText } from '../checks/figure-text.ts';
import {
  cellText,
  numberText,
  parseDateCell,
  parseFigureCell,
  parseNumberText,
  parsePeriodCell,
  parseStageCell,
  type CellResult,
  type RawCell,
} from './cells.ts';

const value = <T>(r: CellResult<T>): T | undefined => (r.ok ? r.value : undefined);

describe('numbers as people write them', () => {
  it('reads vi-VN and plain forms, refuses the ambiguous ones with both readings named', () => {
    expect(value(parseNumberText('1.234,5'))).toBe('1234.5');
    expect(value(parseNumberText('1234.5'))).toBe('1234.5');
    expect(value(parseNumberText('1234,5'))).toBe('1234.5');
    expect(value(parseNumberText('1.200.000'))).toBe('1200000');
    expect(value(parseNumberText('1,234,567.25'))).toBe('1234567.25');
    expect(value(parseNumberText('1 234 567,5'))).toBe('1234567.5');
    expect(value(parseNumberText('0.123'))).toBe('0.123');
    expect(value(parseNumberText('−3,5'))).toBe('-3.5');
    const ambiguous = parseNumberText('1.234');
    expect(ambiguous.ok).toBe(false);
    if (!ambiguous.ok) {
      expect(ambiguous.reason.vi).toContain('không rõ nghĩa');
      expect(ambiguous.reason.en).toContain('1234 (thousands separator) or 1.234 (decimal mark)');
    }
    expect(parseNumberText('1,234').ok).toBe(false);
    expect(parseNumberText('12.34.5').ok).toBe(false);
    expect(parseNumberText('abc').ok).toBe(false);
  });

  it('reads every vi-VN number chitieu prints back to the same value (unless it is the ambiguous shape)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 3 }), (n, d) => {
        const canonical = (n / 10 ** d).toFixed(d);
        const printed = formatNumber(canonical, { decimals: d });
        const read = parseNumberText(printed);
        if (/^-?[1-9]\d{0,2}[.,]\d{3}$/.test(printed)) expect(read.ok).toBe(false);
        else expect(value(read)).toBe(canonical.replace(/^-(0(\.0+)?)$/, '$1'));
      }),
    );
  });

  it('a stored spreadsheet number becomes a canonical decimal without exponent or binary noise', () => {
    expect(numberText(0.1 + 0.2)).toBe('0.3');
    expect(numberText(1e-7)).toBe('0.0000001');
    expect(numberText(12345678)).toBe('12345678');
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }), (n) => {
        const t = numberText(n);
        expect(t).toMatch(/^-?\d+(\.\d+)?$/);
        expect(Math.abs(Number(t) - n)).toBeLessThanOrEqual(Math.abs(n) * 1e-14 + 1e-15);
      }),
    );
  });
});

describe('readers never throw', () => {
  const anyCell = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.stringMatching(/^[-−<>≤≥ 0-9.,/–]{0,12}$/),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.date(),
    fc.record({ richText: fc.array(fc.record({ text: fc.string() })) }),
    fc.record({ formula: fc.string(), result: fc.oneof(fc.double(), fc.string()) }),
  );

  it('figure, number, period, stage and date readers return a value or a reason in both languages', () => {
    fc.assert(
      fc.property(anyCell, (cell) => {
        for (const r of [
          parseFigureCell(cell),
          parsePeriodCell(cell),
          parseStageCell(cell),
          parseDateCell(cell),
          parseNumberText(cellText(cell as RawCell)),
        ] as CellResult<unknown>[]) {
          if (!r.ok) {
            expect(r.reason.vi.length).toBeGreaterThan(0);
            expect(r.reason.en.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('a figure the cell reader accepts is one the figure checks can read', () => {
    fc.assert(
      fc.property(anyCell, (cell) => {
        const r = parseFigureCell(cell);
        if (r.ok) expect(() => parseFigureText(r.value)).not.toThrow();
      }),
      { numRuns: 2000 },
    );
  });
});

describe('periods and other fields', () => {
  it('reads period codes and the Vietnamese forms', () => {
    expect(value(parsePeriodCell('Tháng 3/2026'))).toBe('2026-M03');
    expect(value(parsePeriodCell('Quý I/2026'))).toBe('2026-Q1');
    expect(value(parsePeriodCell('6 tháng đầu năm 2026'))).toBe('2026-H1');
    expect(value(parsePeriodCell('9 tháng 2026'))).toBe('2026-9M');
    expect(value(parsePeriodCell(2025))).toBe('2025');
    expect(value(parsePeriodCell('2026-m03'))).toBe('2026-M03');
    expect(parsePeriodCell('Tháng 13/2026').ok).toBe(false);
    expect(value(parseStageCell('Chính thức'))).toBe('official');
    expect(value(parseDateCell('24/11/2026'))).toBe('2026-11-24');
    expect(parseDateCell('30/02/2026').ok).toBe(false);
  });

  it('reads a date text the same the second time (the kept reading) as the first, and never keeps a refusal', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        const vi = `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
        for (let i = 0; i < 2; i++) {
          expect(value(parseDateCell(vi))).toBe(iso);
          expect(value(parseDateCell(iso))).toBe(iso);
        }
      }),
    );
    for (let i = 0; i < 2; i++) expect(parseDateCell('31/04/2026').ok).toBe(false);
  });

  it('any period code printed back from a month, quarter or year is read to itself', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        expect(value(parsePeriodCell(`Tháng ${m}/${y}`))).toBe(`${y}-M${String(m).padStart(2, '0')}`);
        expect(value(parsePeriodCell(`${y}-Q${((m - 1) % 4) + 1}`))).toBe(`${y}-Q${((m - 1) % 4) + 1}`);
      }),
    );
  });
});
