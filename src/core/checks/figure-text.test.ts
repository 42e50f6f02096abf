import { describe, expect, it } from 'vitest';
import { parseNumberText } from '../interchange/cells.ts';
import { ValidationError } from '../errors.ts';
import { parseFigureText } from './figure-text.ts';

const refusal = (text: string): ValidationError => {
  try {
    parseFigureText(text);
  } catch (e) {
    if (e instanceof ValidationError) return e;
    throw e;
  }
  throw new Error(`"${text}" was read`);
};

describe('a figure typed in the app or sent to the API', () => {
  it('reads the numbers the Excel and CSV import read, in each form', () => {
    expect(parseFigureText('1.234,5')).toEqual({ form: 'value', value: '1234.5' });
    expect(parseFigureText('1234.5')).toEqual({ form: 'value', value: '1234.5' });
    expect(parseFigureText('1,234.5')).toEqual({ form: 'value', value: '1234.5' });
    expect(parseFigureText('1.200.000')).toEqual({ form: 'value', value: '1200000' });
    expect(parseFigureText('8,3–8,5')).toEqual({ form: 'range', min: '8.3', max: '8.5' });
    expect(parseFigureText('< 3,5')).toEqual({ form: 'bound', op: '<', value: '3.5' });
    expect(parseFigureText('102/275 xã')).toEqual({ form: 'count_of', count: '102', of: '275' });
  });

  it('refuses "1.234" as ambiguous with the same bilingual reason as the import, naming the field', () => {
    const cell = parseNumberText('1.234');
    if (cell.ok) throw new Error('the import reads 1.234');
    for (const text of ['1.234', '1,234']) {
      const e = refusal(text);
      const reason = (parseNumberText(text) as { reason: { vi: string; en: string } }).reason;
      expect(e.issues).toEqual([{ path: 'value', reason }]);
      expect(e.messages.vi).toContain('không rõ nghĩa');
      expect(e.messages.en).toContain('ambiguous');
    }
    expect(refusal('< 1,234').issues[0]?.reason).toEqual(
      cell.ok ? null : (parseNumberText('1,234') as { reason: unknown }).reason,
    );
  });
});
