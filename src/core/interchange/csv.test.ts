import { describe, expect, it } from 'vitest';
import { csvField, csvLine } from './csv.ts';

describe('csvField', () => {
  it('defuses text a spreadsheet would run as a formula: = + - @, tab and carriage return first', () => {
    expect(csvField('=HYPERLINK("http://evil.example","Bấm vào đây")')).toBe(
      `"'=HYPERLINK(""http://evil.example"",""Bấm vào đây"")"`,
    );
    expect(csvField("+cmd|' /C calc'!A0")).toBe("'+cmd|' /C calc'!A0");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1:A9)')).toBe("'@SUM(A1:A9)");
    expect(csvField('\t=1+1')).toBe("'\t=1+1");
    expect(csvField('\r=1+1')).toBe(`"'\r=1+1"`);
  });

  it('keeps a number its sign, and plain text as it is', () => {
    expect(csvField('-1.5')).toBe('-1.5');
    expect(csvField(-3)).toBe('-3');
    expect(csvField('Niên giám thống kê 2025')).toBe('Niên giám thống kê 2025');
    expect(csvField(null)).toBe('');
  });

  it('quotes a field holding a comma, a semicolon (the list separator of a Vietnamese Excel), a quote or a line break', () => {
    expect(csvField('Nguyễn Văn A; Trần Thị B')).toBe('"Nguyễn Văn A; Trần Thị B"');
    expect(csvField('1,5')).toBe('"1,5"');
    expect(csvField('dòng 1\ndòng 2')).toBe('"dòng 1\ndòng 2"');
    expect(csvLine(['a', 'b "c"'])).toBe('a,"b ""c"""\r\n');
  });
});
