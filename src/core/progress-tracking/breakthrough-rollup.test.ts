import { describe, expect, it } from 'vitest';
import { rollUpBreakthrough, type RollupMember } from './breakthrough-rollup.ts';
import { taskTimeliness, timelinessCounts } from './task-timeliness.ts';

const TODAY = '2026-11-29';
const ind = (code: string, status: Extract<RollupMember, { entity: 'indicator' }>['status']): RollupMember => ({
  entity: 'indicator',
  code,
  name: `Chỉ tiêu ${code}`,
  status,
});
const task = (
  code: string,
  status: 'not_started' | 'in_progress' | 'done' | 'overdue' | 'cancelled',
  deadline: string | null,
  finishedOn: string | null = null,
): RollupMember => ({
  entity: 'task',
  code,
  name: `Nhiệm vụ ${code}`,
  status,
  deadline,
  finishedOn,
});
const project = (
  code: string,
  status: 'identification' | 'implementation' | 'completed' | 'cancelled',
  milestonesMissed = 0,
): RollupMember => ({
  entity: 'project',
  code,
  name: `Dự án ${code}`,
  status,
  milestonesMissed,
});

describe('task timeliness', () => {
  it('a task finished after its deadline is late, by it or without a known finish day on time', () => {
    expect(taskTimeliness({ status: 'done', deadline: '2026-06-30', finishedOn: '2026-07-01' }, TODAY)).toBe('late');
    expect(taskTimeliness({ status: 'done', deadline: '2026-06-30', finishedOn: '2026-06-30' }, TODAY)).toBe('on_time');
    expect(taskTimeliness({ status: 'done', deadline: '2026-06-30', finishedOn: null }, TODAY)).toBe('on_time');
  });
  it('an unfinished task is overdue the day after its deadline, in progress until then, apart without one', () => {
    expect(taskTimeliness({ status: 'in_progress', deadline: '2026-11-28', finishedOn: null }, TODAY)).toBe('overdue');
    expect(taskTimeliness({ status: 'not_started', deadline: '2026-11-29', finishedOn: null }, TODAY)).toBe(
      'in_progress',
    );
    expect(taskTimeliness({ status: 'not_started', deadline: null, finishedOn: null }, TODAY)).toBe('no_deadline');
    expect(taskTimeliness({ status: 'overdue', deadline: null, finishedOn: null }, TODAY)).toBe('overdue');
  });
  it('counts every timeliness, zero included', () => {
    const c = timelinessCounts(
      [
        { status: 'done', deadline: '2026-01-01', finishedOn: '2026-02-01' },
        { status: 'in_progress', deadline: '2025-12-31', finishedOn: null },
      ],
      TODAY,
    );
    expect(c).toEqual({ on_time: 0, late: 1, in_progress: 0, overdue: 1, no_deadline: 0, cancelled: 0 });
  });
});

describe('a breakthrough rolled up from its members', () => {
  it('is off track when one member is off track, and names that member as the reason', () => {
    const r = rollUpBreakthrough([ind('1', 'met'), ind('2', 'off_track'), project('1-01', 'implementation')], TODAY);
    expect(r.status).toBe('off_track');
    expect(r.decidedBy.map((m) => m.code)).toEqual(['2']);
    expect(r.counts).toMatchObject({ good: 1, bad: 1, running: 1 });
  });
  it('an overdue task weighs like an off-track indicator; a late one like a target at risk', () => {
    expect(rollUpBreakthrough([ind('1', 'on_track'), task('2.5', 'in_progress', '2026-01-01')], TODAY).status).toBe(
      'off_track',
    );
    expect(
      rollUpBreakthrough([ind('1', 'on_track'), task('2.5', 'done', '2026-01-01', '2026-03-01')], TODAY).status,
    ).toBe('at_risk');
  });
  it('a project that missed a milestone puts the breakthrough at risk', () => {
    const r = rollUpBreakthrough([ind('1', 'met'), project('1-18', 'implementation', 1)], TODAY);
    expect(r.status).toBe('at_risk');
    expect(r.decidedBy.map((m) => m.code)).toEqual(['1-18']);
  });
  it('is on track only with evidence: members without figures or not started give no data, never on track', () => {
    const none = rollUpBreakthrough(
      [ind('1', 'no_data'), task('2.5', 'not_started', null), project('1-01', 'identification')],
      TODAY,
    );
    expect(none.status).toBe('no_data');
    expect(none.decidedBy).toHaveLength(3);
    expect(rollUpBreakthrough([project('1-01', 'implementation')], TODAY).status).toBe('no_data');
    expect(rollUpBreakthrough([ind('1', 'met'), project('1-01', 'implementation')], TODAY).status).toBe('on_track');
    expect(rollUpBreakthrough([], TODAY).status).toBe('no_data');
  });
  it('a better member never makes the roll-up worse, and cancelled members do not count', () => {
    const order = ['off_track', 'at_risk', 'no_data', 'on_track'];
    const worse = rollUpBreakthrough([ind('1', 'at_risk'), ind('2', 'no_data')], TODAY).status;
    const better = rollUpBreakthrough([ind('1', 'met'), ind('2', 'no_data')], TODAY).status;
    expect(order.indexOf(better)).toBeGreaterThanOrEqual(order.indexOf(worse));
    const r = rollUpBreakthrough(
      [ind('1', 'met'), project('1-02', 'cancelled'), task('3', 'cancelled', '2020-01-01')],
      TODAY,
    );
    expect(r.status).toBe('on_track');
    expect(r.counts.excluded).toBe(2);
  });
});
