import { describe, expect, it } from 'vitest';
import { scheduleSlips } from './project-schedule.ts';

const milestone = (status: string, dueDate: string | null) => ({ title: 'Khởi công', status, dueDate });

describe('a project behind schedule', () => {
  it('is late by a milestone due before the date and not met, and by an end date passed', () => {
    expect(
      scheduleSlips(
        { status: 'implementation', periodEnd: '2025-12-31', milestones: [milestone('scheduled', '2025-06-30')] },
        '2026-01-15',
      ),
    ).toEqual([
      { kind: 'milestone_overdue', title: 'Khởi công', dueDate: '2025-06-30' },
      { kind: 'end_passed', endDate: '2025-12-31' },
    ]);
  });

  it('is on time on the due date itself, with the milestone met, or without dates', () => {
    expect(
      scheduleSlips(
        { status: 'implementation', periodEnd: '2026-01-15', milestones: [milestone('scheduled', '2026-01-15')] },
        '2026-01-15',
      ),
    ).toEqual([]);
    expect(
      scheduleSlips(
        { status: 'implementation', periodEnd: null, milestones: [milestone('met', '2025-01-01')] },
        '2026-01-15',
      ),
    ).toEqual([]);
    expect(
      scheduleSlips({ status: 'preparation', periodEnd: null, milestones: [milestone('notMet', null)] }, '2026-01-15'),
    ).toEqual([]);
  });

  it('is never late once completed or cancelled', () => {
    for (const status of ['completed', 'cancelled'])
      expect(
        scheduleSlips(
          { status, periodEnd: '2020-01-01', milestones: [milestone('notMet', '2019-01-01')] },
          '2026-01-15',
        ),
      ).toEqual([]);
  });
});
