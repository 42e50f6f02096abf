import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  compareIsoDates,
  dayOfWeek,
  formatDateLong,
  formatDateShort,
  formatDateVi,
  formatIssueDate,
  formatVietnamTimestamp,
  isIsoDate,
  parseIsoDate,
  toIsoDate,
  vietnamDateOf,
} from './date.ts';

describe('issue dates in the NĐ 30 form', () => {
  it.each([
    ['2026-03-05', 'ngày 05 tháng 3 năm 2026'],
    ['2026-02-12', 'ngày 12 tháng 02 năm 2026'],
    ['2019-06-29', 'ngày 29 tháng 6 năm 2019'],
    ['2020-01-05', 'ngày 05 tháng 01 năm 2020'],
    ['2025-12-31', 'ngày 31 tháng 12 năm 2025'],
    ['2025-10-09', 'ngày 09 tháng 10 năm 2025'],
    ['2025-11-10', 'ngày 10 tháng 11 năm 2025'],
  ])('writes %s as "%s" (zero before days below 10 and months 1 and 2 only)', (iso, expected) => {
    expect(formatDateLong(iso)).toBe(expected);
  });

  it('puts the place first, followed by a comma', () => {
    expect(formatIssueDate('Hải Phòng', '2026-03-05')).toBe('Hải Phòng, ngày 05 tháng 3 năm 2026');
  });

  it('accepts a calendar date object as well as an ISO string', () => {
    expect(formatIssueDate('Hà Nội', { year: 2020, month: 1, day: 5 })).toBe('Hà Nội, ngày 05 tháng 01 năm 2020');
  });

  it('writes English dates without leading zeros', () => {
    expect(formatDateLong('2026-03-05', 'en')).toBe('5 March 2026');
    expect(formatIssueDate('Hai Phong', '2026-02-12', 'en')).toBe('Hai Phong, 12 February 2026');
  });

  it('never puts a thousands separator in the year', () => {
    expect(formatDateLong('2026-07-01')).not.toMatch(/2\.026/);
    expect(formatDateVi('2026-07-01')).toBe('01/7/2026');
  });
});

describe('short dates of running text', () => {
  it.each([
    ['2026-03-05', '05/3/2026'],
    ['2026-03-14', '14/3/2026'],
    ['2025-12-15', '15/12/2025'],
    ['2026-02-12', '12/02/2026'],
    ['2019-01-24', '24/01/2019'],
    ['2025-07-01', '01/7/2025'],
  ])('writes %s as %s with the same zeros as the full form', (iso, expected) => {
    expect(formatDateVi(iso)).toBe(expected);
  });

  it('writes a short English form with the month abbreviated', () => {
    expect(formatDateShort('2026-03-14', 'en')).toBe('14 Mar 2026');
  });
});

describe('ISO calendar helpers', () => {
  it.each(['2026-02-30', '2025-02-29', '2026-13-01', '2026-3-5', '05/03/2026', '', '2026-00-10'])(
    'refuses "%s" as a date with a bilingual message',
    (text) => {
      expect(() => parseIsoDate(text)).toThrowError(/invalid/);
      expect(isIsoDate(text)).toBe(false);
    },
  );

  it('accepts the 29th of February in a leap year', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it('adds days across month and year boundaries', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('orders dates', () => {
    expect(compareIsoDates('2025-12-15', '2026-01-14')).toBeLessThan(0);
    expect(compareIsoDates('2026-01-14', '2026-01-14')).toBe(0);
  });

  it('knows the day of the week', () => {
    expect(dayOfWeek('2026-03-05')).toBe(4);
  });

  it('takes "today" in Vietnam time, which is already tomorrow late in the UTC evening', () => {
    const instant = new Date('2026-03-04T18:30:00Z');
    expect(vietnamDateOf(instant)).toBe('2026-03-05');
    expect(formatVietnamTimestamp(instant)).toBe('2026-03-05T01:30:00+07:00');
  });

  it('round-trips every valid date through its ISO text', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }),
        (d) => {
          const iso = d.toISOString().slice(0, 10);
          expect(toIsoDate(parseIsoDate(iso))).toBe(iso);
          expect(addDays(addDays(iso, 40), -40)).toBe(iso);
        },
      ),
    );
  });
});
