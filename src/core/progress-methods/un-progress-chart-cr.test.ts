import { describe, expect, it } from 'vitest';
import { undpBand, undpCurrentRatio } from './un-progress-chart-cr.ts';

/** A value just under x (a couple of ulps): the float a peer would hold just below a band edge. */
const below = (x: number): number => x - Math.abs(x) * Number.EPSILON;

const pts = (...pairs: [number, number][]) => pairs.map(([year, value]) => ({ year, value }));

describe('UNDP current ratio', () => {
  it.each([
    [[2010, 2012, 2013, 2016], 2010],
    [[2005, 2015, 2018], 2015],
    [[2011, 2013, 2016], 2013],
    [[2016, 2018], 2016],
    [[2004, 2016], 2004],
  ])('picks the base year from %o as %s (2015, else 2010, else latest of 2011–2014, else earliest)', (years, base) => {
    const r = undpCurrentRatio(
      years.map((year, i) => ({ year, value: 10 + i })),
      { target: 100, type: 'max' },
    );
    expect(r.baseYear).toBe(base);
  });

  it('needs the final value strictly past the target to call it achieved', () => {
    expect(undpCurrentRatio(pts([2015, 10], [2020, 20]), { target: 20, type: 'max' }).status).not.toBe(
      'Target Achieved',
    );
    expect(
      undpCurrentRatio(pts([2015, 10], [2020, 20]), { target: 20, type: 'max', targetAchievedInclusive: true }).status,
    ).toBe('Target Achieved');
    expect(undpCurrentRatio(pts([2015, 10], [2020, 4]), { target: 5, type: 'min' }).status).toBe('Target Achieved');
  });

  it.each([
    [0.95, 'On Track'],
    [below(0.95), 'Fair progress but acceleration needed'],
    [0.5, 'Fair progress but acceleration needed'],
    [below(0.5), 'Limited or No Progress'],
    [-0.1, 'Limited or No Progress'],
    [-0.10000000000000002, 'Deterioration'],
  ] as const)('puts CR = %s in "%s"', (cr, status) => expect(undpBand(cr)).toBe(status));

  it('takes no absolute value: a decrease target with a decrease gives a positive ratio', () => {
    const r = undpCurrentRatio(pts([2015, 100], [2020, 90]), { target: 50, type: 'min' });
    expect(r.cr).toBe(0.46174442506014873);
    expect(r.status).toBe('Limited or No Progress');
  });

  it('reports Insufficient Data for one year of data and for a zero base', () => {
    expect(undpCurrentRatio(pts([2015, 10]), { target: 20, type: 'max' }).status).toBe('Insufficient Data');
    expect(undpCurrentRatio(pts([2015, 0], [2020, 5]), { target: 20, type: 'max' }).status).toBe('Insufficient Data');
    expect(undpCurrentRatio([], { target: 20, type: 'max' }).status).toBe('Insufficient Data');
  });

  it('keeps the first of repeated years, as lodash maxBy and findIndex do', () => {
    const r = undpCurrentRatio(pts([2015, 10], [2015, 99], [2020, 12], [2020, 1]), { target: 20, type: 'max' });
    expect([r.baseValue, r.finalValue]).toEqual([10, 12]);
  });
});
