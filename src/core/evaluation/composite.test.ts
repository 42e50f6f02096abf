import { describe, expect, it } from 'vitest';
import type { TargetSpec } from '../targets/target.ts';
import { evaluate, evaluateComposite } from './index.ts';

const term = { firstYear: 2021, lastYear: 2025 };
const t = (value: string): TargetSpec => ({
  kind: 'level_at_end',
  direction: 'higher_better',
  term,
  value,
  year: 2025,
});
const ev = (target: string, actual: string, asOf = { year: 2026 }) =>
  evaluate(t(target), [{ period: '2025', value: actual, status: 'official' }], asOf);

describe('composite indicators', () => {
  it('a parent whose rule is "all children met" is met when every child is met or exceeded', () => {
    expect(evaluateComposite('all_children_met', [ev('100', '100'), ev('95', '98')]).status).toBe('met');
  });

  it('one child not met makes the parent not met', () => {
    expect(evaluateComposite('all_children_met', [ev('100', '100'), ev('95', '94')]).status).toBe('not_met');
  });

  it('while the term runs the worst child track decides', () => {
    const running = evaluate(
      t('100'),
      [
        { period: '2022', value: '50', status: 'official' },
        { period: '2023', value: '60', status: 'official' },
      ],
      { year: 2024 },
    );
    expect(evaluateComposite('all_children_met', [running, ev('95', '98')]).status).toBe('off_track');
  });

  it('a parent judged on its own target keeps its own status', () => {
    expect(evaluateComposite('own_target', [ev('100', '1')], ev('10', '12')).status).toBe('exceeded');
  });
});
