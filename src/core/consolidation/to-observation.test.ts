import { describe, expect, it } from 'vitest';
import { evaluate } from '../evaluation/index.ts';
import { aggregate, type UnitFigure } from './aggregate.ts';
import { toObservation } from './to-observation.ts';

const revenue = (unit: string, value: string | null, status: UnitFigure['status']): UnitFigure => ({
  indicator: 'REV',
  unit,
  period: '2030',
  value,
  priceBasis: 'current',
  ...(status === undefined ? {} : { status }),
});
const target = {
  kind: 'level_at_end',
  direction: 'higher_better',
  term: { firstYear: 2026, lastYear: 2030 },
  value: '245500',
  year: 2030,
} as const;

describe('a consolidation as the parent observation', () => {
  it('a complete sum is evaluated like an entered figure, as firm as its weakest input', () => {
    const c = aggregate({
      method: { kind: 'sum', indicator: 'REV', priceBasis: 'current' },
      period: '2030',
      children: ['A', 'B'],
      figures: [revenue('A', '200000', 'official'), revenue('B', '50000', 'preliminary')],
    });
    const observation = toObservation(c, { measure: 'level' });
    expect(observation).toEqual({
      period: '2030',
      value: '250000',
      status: 'preliminary',
      measure: 'level',
      priceBasis: 'current',
    });
    expect(evaluate(target, observation === null ? [] : [observation], { year: 2031 }).status).toBe('exceeded');
  });

  it('an incomplete sum gives no observation, so the target has no data rather than a partial total', () => {
    const c = aggregate({
      method: { kind: 'sum', indicator: 'REV', priceBasis: 'current' },
      period: '2030',
      children: ['A', 'B'],
      figures: [revenue('A', '300000', undefined)],
    });
    expect(toObservation(c, { measure: 'level' })).toBeNull();
    expect(evaluate(target, [], { year: 2031 }).status).toBe('no_data');
  });
});
