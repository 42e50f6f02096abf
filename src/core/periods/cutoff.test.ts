import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, compareIsoDates } from '../format/date.ts';
import { DEFAULT_REPORTING_RULES, withReportingOverrides } from '../legal/reporting-rules.ts';
import {
  cutoffLabel,
  cutoffRange,
  isPeriodDue,
  periodContaining,
  periodLabel,
  periodStamp,
  reportDueDate,
} from './cutoff.ts';
import { parsePeriod } from './period.ts';

const calendarRules = withReportingOverrides(DEFAULT_REPORTING_RULES, {
  id: 'tenant-calendar',
  cutoffDay: {
    value: 'month_end',
    basis: { kind: 'custom', note: { vi: 'Quy chế của đơn vị thử nghiệm', en: 'A test tenant’s own regime' } },
  },
  deadline: {
    value: { kind: 'days_after_cutoff', days: 2, working: true },
    basis: { kind: 'custom', note: { vi: 'thử nghiệm', en: 'test' } },
  },
  holidays: ['2026-04-30', '2026-05-01'],
});

describe('data cut-off ranges under NĐ 09/2019 Điều 12', () => {
  it.each([
    ['2026-Q1', '2025-12-15', '2026-03-14'],
    ['2026-Q2', '2026-03-15', '2026-06-14'],
    ['2026-Q4', '2026-09-15', '2026-12-14'],
    ['2026', '2025-12-15', '2026-12-14'],
    ['2026-M01', '2025-12-15', '2026-01-14'],
    ['2026-M03', '2026-02-15', '2026-03-14'],
    ['2026-M12', '2026-11-15', '2026-12-14'],
    ['2026-H1', '2025-12-15', '2026-06-14'],
    ['2026-H2', '2026-06-15', '2026-12-14'],
    ['2026-9M', '2025-12-15', '2026-09-14'],
    ['2021-2025', '2020-12-15', '2025-12-14'],
  ])('gives %s the data from %s to %s', (code, from, to) => {
    expect(cutoffRange(code)).toEqual({ from, to });
  });

  it('lets a tenant with calendar periods end each period on the month’s last day, leap years included', () => {
    expect(cutoffRange('2024-Q1', calendarRules)).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(cutoffRange('2024-M02', calendarRules)).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(cutoffRange('2026', calendarRules)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('lets a tenant move the cut-off day', () => {
    const rules = withReportingOverrides(DEFAULT_REPORTING_RULES, {
      id: 'day-19',
      cutoffDay: { value: 19, basis: { kind: 'custom', note: { vi: 'x', en: 'x' } } },
    });
    expect(cutoffRange('2026-Q1', rules)).toEqual({ from: '2025-12-20', to: '2026-03-19' });
  });

  it('refuses a tenant rule set whose deadline comes before its cut-off', () => {
    expect(() =>
      withReportingOverrides(DEFAULT_REPORTING_RULES, {
        id: 'bad',
        cutoffDay: { value: 25, basis: { kind: 'custom', note: { vi: 'x', en: 'x' } } },
      }),
    ).toThrowError(/invalid/);
    expect(() =>
      withReportingOverrides(DEFAULT_REPORTING_RULES, {
        id: 'bad',
        cutoffDay: { value: 31, basis: { kind: 'custom', note: { vi: 'x', en: 'x' } } },
      }),
    ).toThrowError(/invalid/);
  });

  it('tiles the calendar: consecutive months leave no gap and no overlap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const code = `${year}-M${String(month).padStart(2, '0')}`;
        const next = month === 12 ? `${year + 1}-M01` : `${year}-M${String(month + 1).padStart(2, '0')}`;
        expect(addDays(cutoffRange(code).to, 1)).toBe(cutoffRange(next).from);
      }),
    );
  });
});

describe('the period that holds a day', () => {
  it.each([
    ['2025-12-14', 'year', '2025'],
    ['2025-12-15', 'year', '2026'],
    ['2025-12-31', 'quarter', '2026-Q1'],
    ['2026-03-14', 'quarter', '2026-Q1'],
    ['2026-03-15', 'quarter', '2026-Q2'],
    ['2026-06-15', 'half', '2026-H2'],
    ['2026-06-14', 'half', '2026-H1'],
    ['2026-01-20', 'month', '2026-M02'],
    ['2025-12-20', 'month', '2026-M01'],
    ['2026-09-14', 'nine_months', '2026-9M'],
  ] as const)('puts %s in the %s %s', (date, kind, code) => {
    expect(periodContaining(date, kind)?.code).toBe(code);
  });

  it('puts a day of October in no nine-month period', () => {
    expect(periodContaining('2026-10-01', 'nine_months')).toBeUndefined();
  });

  it('finds for every day a period whose range holds it', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-12-01T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom('month', 'quarter', 'half', 'year') as fc.Arbitrary<'month' | 'quarter' | 'half' | 'year'>,
        (d, kind) => {
          const iso = d.toISOString().slice(0, 10);
          const p = periodContaining(iso, kind);
          expect(p).toBeDefined();
          const range = cutoffRange(p ?? '1900');
          expect(compareIsoDates(range.from, iso)).toBeLessThanOrEqual(0);
          expect(compareIsoDates(iso, range.to)).toBeLessThanOrEqual(0);
        },
      ),
    );
  });
});

describe('period labels', () => {
  it.each([
    ['2026-Q1', 'Quý I/2026', 'Q1 2026'],
    ['2026-Q4', 'Quý IV/2026', 'Q4 2026'],
    ['2026-H1', '6 tháng đầu năm 2026', 'First half of 2026'],
    ['2026-H2', '6 tháng cuối năm 2026', 'Second half of 2026'],
    ['2026-9M', '9 tháng năm 2026', 'First nine months of 2026'],
    ['2026-M03', 'Tháng 3/2026', 'March 2026'],
    ['2026', 'Năm 2026', 'Year 2026'],
    ['2021-2025', 'Giai đoạn 2021–2025', 'Period 2021–2025'],
  ])('names %s "%s" in Vietnamese and "%s" in English', (code, vi, en) => {
    expect(periodLabel(code)).toBe(vi);
    expect(periodLabel(parsePeriod(code), 'en')).toBe(en);
  });

  it('states the cut-off in the words of a report', () => {
    expect(cutoffLabel('2026-Q1')).toBe('số liệu từ 15/12/2025 đến 14/3/2026');
    expect(cutoffLabel('2026')).toBe('số liệu từ 15/12/2025 đến 14/12/2026');
    expect(cutoffLabel('2026-Q1', DEFAULT_REPORTING_RULES, 'en')).toBe('data from 15 Dec 2025 to 14 Mar 2026');
  });
});

describe('when a period’s figure is due', () => {
  it('puts the NĐ 09 Điều 13 deadline on the 25th of the period’s last month', () => {
    expect(reportDueDate('2026-Q1')).toBe('2026-03-25');
    expect(reportDueDate('2026')).toBe('2026-12-25');
    expect(reportDueDate('2021-2025')).toBe('2025-12-25');
  });

  it.each([
    ['2026', '2026-03-31', false],
    ['2026', '2026-12-25', false],
    ['2026', '2026-12-26', true],
    ['2025', '2026-03-31', true],
    ['2026-Q1', '2026-03-20', false],
    ['2026-Q1', '2026-03-26', true],
    ['2026-M02', '2026-02-26', true],
  ])('treats %s as due on %s: %s', (code, asOf, due) => {
    expect(isPeriodDue(code, asOf)).toBe(due);
  });

  it('counts working days after the cut-off when a tenant’s regime says so, skipping weekends and holidays', () => {
    // Month end 31/3/2026 is a Tuesday: two working days later is Thursday 2/4.
    expect(reportDueDate('2026-Q1', calendarRules)).toBe('2026-04-02');
    // April 2026 ends on Thursday 30/4 (holiday), Friday 1/5 (holiday), weekend, so Monday 4/5 and Tuesday 5/5.
    expect(reportDueDate('2026-M04', calendarRules)).toBe('2026-05-05');
  });

  it('stamps a period with its label, cut-off and deadline', () => {
    expect(periodStamp('2026-Q1')).toEqual({
      period: '2026-Q1',
      label: 'Quý I/2026',
      cutoff: { from: '2025-12-15', to: '2026-03-14' },
      cutoffLabel: 'số liệu từ 15/12/2025 đến 14/3/2026',
      dueDate: '2026-03-25',
      rulesId: 'nd-09-2019',
    });
  });
});
