import { describe, expect, it } from 'vitest';
import { duePeriods } from './due-periods.ts';

describe('duePeriods under NĐ 09/2019', () => {
  it('owes every year of the term up to the one being reported, the past ones overdue', () => {
    const d = duePeriods('year', { fromYear: 2026, toYear: 2030 }, '2027-03-10');
    expect(d.map((p) => p.period)).toEqual(['2026', '2027']);
    expect(d[0]).toMatchObject({ overdue: true, current: false, dueDate: '2026-12-25' });
    expect(d[1]).toMatchObject({ overdue: false, current: true, dueDate: '2027-12-25' });
  });
  it('counts a day after the 14th of December as next year’s data, the year before still due by the 25th', () => {
    const d = duePeriods('year', { fromYear: 2026, toYear: 2030 }, '2026-12-20');
    expect(d.map((p) => p.period)).toEqual(['2026', '2027']);
    expect(d[0]).toMatchObject({ overdue: false, current: false });
    expect(d[1]?.current).toBe(true);
  });
  it('owes quarters up to the current one and none to come', () => {
    const d = duePeriods('quarter', { fromYear: 2026, toYear: 2030 }, '2026-05-02');
    expect(d.map((p) => p.period)).toEqual(['2026-Q1', '2026-Q2']);
    expect(d[0]?.overdue).toBe(true);
    expect(d[1]?.current).toBe(true);
  });
  it('owes a term figure only once its last year is reached', () => {
    expect(duePeriods('term', { fromYear: 2026, toYear: 2030 }, '2027-01-10')).toEqual([]);
    expect(duePeriods('term', { fromYear: 2026, toYear: 2030 }, '2030-06-01').map((p) => p.period)).toEqual([
      '2026-2030',
    ]);
  });
});
