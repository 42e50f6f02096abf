import { describe, expect, it } from 'vitest';
import type { ObservationInput, ObservationStatus, TargetSpec } from '../targets/target.ts';
import { evaluate } from './index.ts';

const term = { firstYear: 2021, lastYear: 2025 };
const after = { year: 2026 };
const obs = (
  period: string,
  value: string,
  status: ObservationStatus = 'official',
  extra: Partial<ObservationInput> = {},
): ObservationInput => ({ period, value, status, ...extra });

type Row = [string, TargetSpec, ObservationInput[], string];

const range = (direction: 'higher_better' | 'lower_better' | 'band'): TargetSpec => ({
  kind: 'range_at_end',
  direction,
  term,
  min: '40',
  max: '50',
  year: 2025,
});
const level = (direction: 'higher_better' | 'lower_better' | 'band'): TargetSpec => ({
  kind: 'level_at_end',
  direction,
  term,
  value: '35',
  year: 2025,
});
const growth = (direction: 'higher_better' | 'lower_better' | 'band', max?: string): TargetSpec => ({
  kind: 'growth_average',
  direction,
  term,
  min: '14.5',
  ...(max ? { max } : {}),
  averaging: 'geometric',
  baseYear: 2020,
});
const threshold = (op: '<' | '<=' | '>' | '>=', value: string): TargetSpec => ({
  kind: 'threshold',
  direction: op.startsWith('>') ? 'higher_better' : 'lower_better',
  term,
  op,
  value,
  year: 2025,
});
const cumulative = (direction: 'higher_better' | 'lower_better'): TargetSpec => ({
  kind: 'cumulative',
  direction,
  term,
  value: '1200000',
});
const flow = (direction: 'higher_better' | 'lower_better'): TargetSpec => ({
  kind: 'yearly_flow',
  direction,
  term,
  value: '55800',
});
const units: TargetSpec = {
  kind: 'units_meeting_standard',
  direction: 'higher_better',
  term,
  share: '80',
  ofCount: 67,
  standard: 'advanced new-rural',
  year: 2025,
};
const rank: TargetSpec = { kind: 'rank', direction: 'lower_better', term, maxRank: 5, among: 'provinces', year: 2025 };
const multiple: TargetSpec = {
  kind: 'multiple_of_baseline',
  direction: 'higher_better',
  term,
  factor: '1.5',
  baselineValue: '100',
  baselinePeriod: '2016-2020',
  compare: 'term_total',
};
const milestone: TargetSpec = {
  kind: 'milestone',
  direction: 'higher_better',
  term,
  description: 'a modern waste-treatment plant',
  dueYear: 2025,
};
const five = (v: string[]): ObservationInput[] => v.map((x, i) => obs(String(2021 + i), x));

const finalTable: Row[] = [
  // Range: 40.77 lies inside 40–50 exactly (no binary-float surprise).
  [
    'a range target is met just inside its lower end (40.77 in 40–50)',
    range('higher_better'),
    [obs('2025', '40.77')],
    'met',
  ],
  ['a range target is met on its lower bound', range('higher_better'), [obs('2025', '40')], 'met'],
  ['a range target is not met just below its lower bound', range('higher_better'), [obs('2025', '39.99')], 'not_met'],
  ['a range target is met on its upper bound', range('higher_better'), [obs('2025', '50')], 'met'],
  [
    'a range target is exceeded just above its upper end when higher is better',
    range('higher_better'),
    [obs('2025', '50.01')],
    'exceeded',
  ],
  ['a lower-is-better range is exceeded below its lower end', range('lower_better'), [obs('2025', '39.9')], 'exceeded'],
  ['a lower-is-better range is not met above its upper end', range('lower_better'), [obs('2025', '50.1')], 'not_met'],
  ['a band range is never exceeded: above it is not met', range('band'), [obs('2025', '50.1')], 'not_met'],
  ['a band range is met inside', range('band'), [obs('2025', '45')], 'met'],
  ['a range target has no data without the final year', range('higher_better'), [], 'no_data'],
  [
    'a range target has no data when only earlier years are in (partial data)',
    range('higher_better'),
    [obs('2024', '45')],
    'no_data',
  ],
  // Level at the end (exports: 35 bn USD target, 37 reported: "Vượt").
  [
    'a level target is exceeded above its value (exports 37 against 35)',
    level('higher_better'),
    [obs('2025', '37')],
    'exceeded',
  ],
  ['a level target is met on its value', level('higher_better'), [obs('2025', '35')], 'met'],
  ['a level target is not met just below', level('higher_better'), [obs('2025', '34.99')], 'not_met'],
  ['a lower-is-better level is exceeded below its value', level('lower_better'), [obs('2025', '34')], 'exceeded'],
  ['a lower-is-better level is not met above its value', level('lower_better'), [obs('2025', '35.01')], 'not_met'],
  ['a band level is met only on its value', level('band'), [obs('2025', '35.0')], 'met'],
  ['a band level is not met off its value', level('band'), [obs('2025', '35.1')], 'not_met'],
  // Thresholds: strict bounds exclude the bound.
  [
    'a strict lower bound is not met on the bound (< 3.5 with 3.5)',
    threshold('<', '3.5'),
    [obs('2025', '3.5')],
    'not_met',
  ],
  [
    'a strict lower bound is exceeded just inside (< 3.5 with 3.49)',
    threshold('<', '3.5'),
    [obs('2025', '3.49')],
    'exceeded',
  ],
  [
    'a non-strict lower bound is met on the bound (<= 3.5 with 3.50)',
    threshold('<=', '3.5'),
    [obs('2025', '3.50')],
    'met',
  ],
  ['a non-strict lower bound is not met just outside', threshold('<=', '3.5'), [obs('2025', '3.51')], 'not_met'],
  [
    'health insurance 95.2 against > 95 is exceeded, as Phụ lục 1 says "Vượt"',
    threshold('>', '95'),
    [obs('2025', '95.2', 'estimate')],
    'exceeded',
  ],
  ['a strict upper bound is not met on the bound (> 95 with 95)', threshold('>', '95'), [obs('2025', '95')], 'not_met'],
  ['a non-strict upper bound is met on the bound (>= 95 with 95)', threshold('>=', '95'), [obs('2025', '95')], 'met'],
  ['a threshold has no data without the final year', threshold('>=', '95'), [], 'no_data'],
  // Growth average.
  [
    'Hải Phòng GRDP 2021–2025: a reported average of 11.39 %/yr is not met against 14.5 %/yr',
    growth('higher_better'),
    [obs('2021-2025', '11.39', 'estimate', { measure: 'growth_rate' })],
    'not_met',
  ],
  ['a growth target is met on its bound', growth('higher_better'), [obs('2021-2025', '14.5')], 'met'],
  [
    'a growth target without a max is exceeded just above',
    growth('higher_better'),
    [obs('2021-2025', '14.51')],
    'exceeded',
  ],
  ['a growth band 14.5–15 is met inside', growth('higher_better', '15'), [obs('2021-2025', '14.8')], 'met'],
  [
    'a growth band 14.5–15 is exceeded above its max',
    growth('higher_better', '15'),
    [obs('2021-2025', '15.01')],
    'exceeded',
  ],
  [
    'five equal yearly rates of 14.5 % compound to exactly 14.5 %/yr: met',
    growth('higher_better'),
    five(['14.5', '14.5', '14.5', '14.5', '14.5']),
    'met',
  ],
  [
    'yearly rates whose geometric mean falls short are not met',
    growth('higher_better'),
    five(['20', '10', '14', '14', '14']),
    'not_met',
  ],
  [
    'a growth target with four of five years has no final verdict (partial data)',
    growth('higher_better'),
    five(['15', '15', '15', '15']),
    'no_data',
  ],
  ['a growth target with no figures has no data', growth('higher_better'), [], 'no_data'],
  [
    'levels give the CAGR from the base year',
    growth('higher_better'),
    [obs('2020', '100', 'official', { measure: 'level' }), obs('2025', '200', 'official', { measure: 'level' })],
    'exceeded',
  ],
  // Cumulative (total investment 1,200,000 bn VND; 981,260 reported: "Không đạt").
  [
    'total investment 981,260 against 1,200,000 over 2021–2025 is not met',
    cumulative('higher_better'),
    [obs('2021-2025', '981260', 'estimate')],
    'not_met',
  ],
  [
    'a cumulative target is met on its bound',
    cumulative('higher_better'),
    five(['240000', '240000', '240000', '240000', '240000']),
    'met',
  ],
  [
    'a cumulative target is exceeded just above',
    cumulative('higher_better'),
    five(['240000', '240000', '240000', '240000', '240000.1']),
    'exceeded',
  ],
  [
    'a cumulative target with a missing year and below the bound has no data',
    cumulative('higher_better'),
    five(['240000', '240000', '240000', '240000']),
    'no_data',
  ],
  [
    'a cumulative target passed before a missing year is still exceeded',
    cumulative('higher_better'),
    five(['400000', '400000', '400001']),
    'exceeded',
  ],
  [
    'a lower-is-better cumulative target over its bound is not met',
    cumulative('lower_better'),
    five(['300000', '300000', '300000', '300000', '300001']),
    'not_met',
  ],
  // Yearly flow (55,800 jobs a year; 58,600 on average: "Vượt").
  [
    'jobs averaging above 55,800 a year are exceeded',
    flow('higher_better'),
    five(['58000', '58600', '59000', '58400', '59000']),
    'exceeded',
  ],
  [
    'a yearly flow averaging exactly its value is met',
    flow('higher_better'),
    five(['55800', '55800', '55800', '55800', '55800']),
    'met',
  ],
  [
    'a yearly flow averaging 55,799.8 is met at the integer precision the target is declared with',
    flow('higher_better'),
    five(['55800', '55800', '55800', '55800', '55799']),
    'met',
  ],
  [
    'a yearly flow averaging 55,799.4 rounds below the value and is not met',
    flow('higher_better'),
    five(['55800', '55800', '55800', '55800', '55797']),
    'not_met',
  ],
  [
    'a yearly flow with a missing year has no final verdict',
    flow('higher_better'),
    five(['60000', '60000']),
    'no_data',
  ],
  [
    'a lower-is-better yearly flow below its value is exceeded',
    flow('lower_better'),
    five(['50000', '50000', '50000', '50000', '50000']),
    'exceeded',
  ],
  // Units meeting a standard (80 % of communes; 55 of 67).
  ['55 of 67 communes is below 80 %', units, [obs('2025', '53', 'official', { measure: 'count' })], 'not_met'],
  ['a share of exactly 80 % is met', units, [obs('2025', '80', 'official', { measure: 'share' })], 'met'],
  ['a share above 80 % is exceeded', units, [obs('2025', '80.1', 'official', { measure: 'share' })], 'exceeded'],
  // Rank.
  ['rank 5 is met in a top-5 target', rank, [obs('2025', '5', 'official', { measure: 'rank' })], 'met'],
  ['rank 6 is not met in a top-5 target', rank, [obs('2025', '6', 'official', { measure: 'rank' })], 'not_met'],
  ['rank 3 is better than a top-5 target', rank, [obs('2025', '3', 'official', { measure: 'rank' })], 'exceeded'],
  // Multiple of a baseline.
  ['a term total of 1.5 times the baseline is met', multiple, five(['30', '30', '30', '30', '30']), 'met'],
  ['a term total below 1.5 times the baseline is not met', multiple, five(['30', '30', '30', '30', '29']), 'not_met'],
  // Milestone.
  [
    'a milestone done is met',
    milestone,
    [obs('2024', '1', 'official', { measure: 'done', date: '2024-10-01', evidence: 'QĐ 123' })],
    'met',
  ],
  [
    'a milestone not done by its due year is not met',
    milestone,
    [obs('2025', '0', 'official', { measure: 'done' })],
    'not_met',
  ],
  ['a milestone never reported has no data', milestone, [], 'no_data'],
];

describe('final verdicts by kind, direction and boundary', () => {
  it.each(finalTable)('%s', (_name, target, observations, expected) => {
    const e = evaluate(target, observations, after);
    expect(e.phase).toBe('final');
    expect(e.status).toBe(expected);
  });
});

// Cases from Phụ lục 1 of the 2020–2025 report, judged at the end of 2025 as the source document judges them.
type EndRow = [
  string,
  TargetSpec,
  ObservationInput[],
  { status: string; phase: 'final' | 'in_term'; decided?: string; actual?: string },
];
const yearEnd = { year: 2025, month: 12 };
const revenue: TargetSpec = { kind: 'level_at_end', direction: 'higher_better', term, value: '145000', year: 2025 };
const housing: TargetSpec = { kind: 'cumulative', direction: 'higher_better', term, value: '15000', max: '15500' };
const endTable: EndRow[] = [
  [
    "a level-at-end target reads the final year's flow as that year's level (budget revenue 118,079.28 against 145,000)",
    revenue,
    [obs('2025', '118079.28', 'estimate', { measure: 'flow' })],
    { status: 'not_met', phase: 'final', actual: '118079.28' },
  ],
  [
    "a level-at-end target reached by the final year's flow is exceeded",
    revenue,
    [obs('2025', '150000', 'estimate', { measure: 'flow' })],
    { status: 'exceeded', phase: 'final' },
  ],
  [
    "a level-at-end target does not read an earlier year's flow as a level",
    revenue,
    [obs('2024', '150000', 'official', { measure: 'flow' })],
    { status: 'no_data', phase: 'in_term' },
  ],
  [
    'a whole-term total makes a cumulative target final at the end of its last year',
    cumulative('higher_better'),
    [obs('2021-2025', '981260', 'estimate', { measure: 'flow' })],
    { status: 'not_met', phase: 'final', actual: '981260' },
  ],
  [
    "a whole-term yearly average of a cumulative target counts as the average times the term's years",
    cumulative('higher_better'),
    [obs('2021-2025', '240000', 'estimate', { measure: 'flow', aggregate: 'yearly_average' })],
    { status: 'met', phase: 'final', actual: '1200000' },
  ],
  [
    'a reported five-year average is the yearly average of a yearly-flow target (58,600 against 55,800)',
    flow('higher_better'),
    [obs('2021-2025', '58600', 'estimate', { measure: 'flow' })],
    { status: 'exceeded', phase: 'final', actual: '58600' },
  ],
  [
    'a reported five-year average stated as such is the yearly average',
    flow('higher_better'),
    [obs('2021-2025', '55800', 'estimate', { measure: 'flow', aggregate: 'yearly_average' })],
    { status: 'met', phase: 'final', actual: '55800' },
  ],
  [
    "a whole-term total of a yearly-flow target is divided by the term's years",
    flow('higher_better'),
    [obs('2021-2025', '293000', 'estimate', { measure: 'flow', aggregate: 'term_total' })],
    { status: 'exceeded', phase: 'final', actual: '58600' },
  ],
  [
    'a whole-term total below five times the yearly value is not met',
    flow('higher_better'),
    [obs('2021-2025', '278000', 'estimate', { measure: 'flow', aggregate: 'term_total' })],
    { status: 'not_met', phase: 'final', actual: '55600' },
  ],
  [
    'a five-year average share is read for a yearly-flow target',
    { kind: 'yearly_flow', direction: 'higher_better', term, value: '6.5' },
    [obs('2021-2025', '6.8', 'estimate', { measure: 'share', aggregate: 'yearly_average' })],
    { status: 'exceeded', phase: 'final', actual: '6.8' },
  ],
  [
    'a yearly-flow average over the first years and the later yearly figures are averaged together',
    flow('higher_better'),
    [obs('2021-2024', '55000', 'official', { measure: 'flow' }), obs('2025', '59000', 'estimate', { measure: 'flow' })],
    { status: 'met', phase: 'final', actual: '55800' },
  ],
  [
    'a total over part of the term already past the upper end decides a cumulative target as exceeded',
    housing,
    [obs('2021-2024', '16779', 'estimate', { measure: 'flow', aggregate: 'term_total' })],
    { status: 'on_track', phase: 'in_term', decided: 'exceeded', actual: '16779' },
  ],
  [
    'a total over part of the term counts as the sum of those years, and later years add to it',
    housing,
    [obs('2021-2024', '12000', 'official', { measure: 'flow' }), obs('2025', '3200', 'estimate', { measure: 'flow' })],
    { status: 'met', phase: 'final', actual: '15200' },
  ],
  [
    'a partial-term total short of the target while the term runs is not decided',
    housing,
    [obs('2021-2024', '10000', 'official', { measure: 'flow', aggregate: 'term_total' })],
    { status: 'off_track', phase: 'in_term', actual: '10000' },
  ],
];

describe('figures measured as flows or over spans, at the end of 2025', () => {
  it.each(endTable)('%s', (_name, target, observations, expected) => {
    const e = evaluate(target, observations, yearEnd);
    expect(e.phase).toBe(expected.phase);
    expect(e.status).toBe(expected.status);
    expect(e.decided).toBe(expected.decided);
    if (expected.actual !== undefined) expect(e.actual.value).toBe(expected.actual);
    expect(JSON.parse(JSON.stringify(e))).toEqual(e);
  });
});

describe('what an evaluation says about itself', () => {
  it('explains the Hải Phòng growth verdict in Vietnamese and English with the estimate marked', () => {
    const e = evaluate(
      growth('higher_better'),
      [obs('2021-2025', '11.39', 'estimate', { measure: 'growth_rate' })],
      after,
    );
    expect(e.explanation.vi).toBe('Bình quân 2021–2025 đạt 11,39 %/năm (ước), thấp hơn mục tiêu 14,5 %/năm');
    expect(e.explanation.en).toBe('Averaged 11.39 %/yr (estimate) over 2021–2025, below the 14.5 %/yr target');
    expect(e.actual.method).toBe('reported_average');
    expect(e.actual.estimatesOnly).toBe(true);
    expect(e.achievement).toBe('0.7855');
  });

  it('an evaluation built only on estimates says so, one with mixed statuses says an estimate is used', () => {
    const onlyEst = evaluate(
      flow('higher_better'),
      five(['1', '2', '3', '4', '5']).map((o) => ({ ...o, status: 'estimate' as const })),
      after,
    );
    expect(onlyEst.actual.estimatesOnly).toBe(true);
    const mixed = evaluate(
      flow('higher_better'),
      [...five(['1', '2', '3', '4']), obs('2025', '5', 'estimate', { vintageId: 'v9' })],
      after,
    );
    expect(mixed.actual.estimatesOnly).toBe(false);
    expect(mixed.actual.anyEstimate).toBe(true);
    expect(mixed.actual.restsOn.at(-1)).toEqual({ period: '2025', value: '5', status: 'estimate', vintageId: 'v9' });
    expect(mixed.explanation.vi).toContain('(ước)');
  });

  it('a rank and a milestone have no achievement ratio', () => {
    expect(evaluate(rank, [obs('2025', '3', 'official', { measure: 'rank' })], after).achievement).toBeNull();
    expect(evaluate(milestone, [obs('2024', '1')], after).achievement).toBeNull();
  });

  it('a done milestone keeps its date and evidence', () => {
    const e = evaluate(
      milestone,
      [obs('2024', '1', 'official', { measure: 'done', date: '2024-10-01', evidence: 'QĐ 123' })],
      after,
    );
    expect(e.intermediates).toMatchObject({ date: '2024-10-01', evidence: 'QĐ 123' });
  });

  it('a yearly flow records each year on its own', () => {
    const e = evaluate(flow('higher_better'), five(['58000', '50000', '59000', '58400', '59000']), after);
    expect(e.intermediates['year.2022']).toBe('not_met');
    expect(e.intermediates.yearsMet).toBe('4');
  });

  it('a multiple of a baseline reports the ratio and keeps the absolute total', () => {
    const e = evaluate(multiple, five(['30', '30', '30', '30', '40']), after);
    expect(e.actual.value).toBe('1.6');
    expect(e.intermediates.absoluteActual).toBe('160');
  });

  it('a manual override replaces the status, keeps the original and shows the reason', () => {
    const e = evaluate(level('higher_better'), [obs('2025', '34')], after, {
      override: { status: 'met', reason: 'Số liệu TCTK điều chỉnh', by: 'VP Thành ủy', at: '2026-02-01' },
    });
    expect(e.status).toBe('met');
    expect(e.override?.original).toBe('not_met');
    expect(e.explanation.vi).toContain('Số liệu TCTK điều chỉnh');
  });
});

describe('while the term runs', () => {
  const g2630: TargetSpec = {
    kind: 'growth_average',
    direction: 'higher_better',
    term: { firstYear: 2026, lastYear: 2030 },
    min: '14',
    max: '14.5',
    averaging: 'geometric',
    baseYear: 2025,
  };

  it('a growth target states the average the remaining years need', () => {
    const e = evaluate(g2630, [obs('2026', '12'), obs('2027', '12.5')], { year: 2028, month: 3 });
    expect(e.phase).toBe('in_term');
    expect(e.required?.kind).toBe('average_rate');
    expect(e.required?.remainingYears).toBe(3);
    expect(e.required?.value).toBe('15.182');
    expect(e.status).toBe('off_track');
    expect(e.explanation.vi).toContain('cần tăng bình quân 15,18 %/năm trong 3 năm còn lại');
  });

  it('a growth target is on track when the average so far reaches it', () => {
    expect(evaluate(g2630, [obs('2026', '14.2')], { year: 2027 }).status).toBe('on_track');
  });

  it('a yearly indicator is not behind in March: the current year is not yet expected', () => {
    const t: TargetSpec = {
      kind: 'cumulative',
      direction: 'higher_better',
      term: { firstYear: 2026, lastYear: 2030 },
      value: '500',
    };
    const e = evaluate(t, [obs('2026', '100')], { year: 2027, month: 3 });
    expect(e.intermediates.expectedToDate).toBe('100');
    expect(e.status).toBe('on_track');
  });

  it('a cumulative target counts a year-to-date figure by the months it covers', () => {
    const t: TargetSpec = {
      kind: 'cumulative',
      direction: 'higher_better',
      term: { firstYear: 2026, lastYear: 2030 },
      value: '500',
    };
    const e = evaluate(t, [obs('2026', '100'), obs('2027-H1', '40')], { year: 2027, month: 8 });
    expect(e.intermediates.elapsedYears).toBe('1.5');
    expect(e.intermediates.expectedToDate).toBe('150');
    expect(e.status).toBe('at_risk');
  });

  it('a cumulative target already passed is decided while the term runs', () => {
    const t: TargetSpec = {
      kind: 'cumulative',
      direction: 'higher_better',
      term: { firstYear: 2026, lastYear: 2030 },
      value: '500',
    };
    const e = evaluate(t, [obs('2026', '300'), obs('2027', '250')], { year: 2028 });
    expect(e.phase).toBe('in_term');
    expect(e.decided).toBe('exceeded');
    expect(e.status).toBe('on_track');
  });

  it('a level target projects the trend to the final year', () => {
    const t: TargetSpec = {
      kind: 'level_at_end',
      direction: 'higher_better',
      term: { firstYear: 2026, lastYear: 2030 },
      value: '11380',
      year: 2030,
    };
    const e = evaluate(t, [obs('2025', '8000'), obs('2027', '9500')], { year: 2028 });
    expect(e.projection?.method).toBe('geometric_trend');
    expect(e.status).toBe('on_track');
    const slow = evaluate(t, [obs('2025', '8000'), obs('2027', '8200')], { year: 2028 });
    expect(slow.status).toBe('off_track');
    expect(slow.required?.kind).toBe('yearly_change');
  });

  it('a milestone not yet done before its due year is not late, and done is decided', () => {
    const t: TargetSpec = {
      kind: 'milestone',
      direction: 'higher_better',
      term: { firstYear: 2026, lastYear: 2030 },
      description: 'plant',
      dueYear: 2028,
    };
    expect(evaluate(t, [obs('2026', '0')], { year: 2027 }).status).toBe('on_track');
    expect(evaluate(t, [obs('2026', '0')], { year: 2028, month: 6 }).status).toBe('at_risk');
    expect(evaluate(t, [obs('2027', '1')], { year: 2027 }).decided).toBe('met');
  });

  it('the final year in with asOf at year end makes the verdict final', () => {
    expect(evaluate(level('higher_better'), [obs('2025', '36')], { year: 2025, month: 12 }).phase).toBe('final');
    expect(evaluate(level('higher_better'), [obs('2025', '36')], { year: 2025, month: 9 }).phase).toBe('in_term');
  });

  it('no figures while the term runs is no data', () => {
    expect(evaluate(cumulative('higher_better'), [], { year: 2023 }).status).toBe('no_data');
  });
});

describe('named peer progress methods', () => {
  it("a level target can be tracked by the UN Progress Chart ratio instead of chitieu's default", () => {
    const t: TargetSpec = {
      kind: 'level_at_end',
      direction: 'higher_better',
      term: { firstYear: 2026, lastYear: 2030 },
      value: '11380',
      year: 2030,
    };
    const e = evaluate(
      t,
      [obs('2025', '8000'), obs('2027', '9500')],
      { year: 2028 },
      { progressMethod: 'un_progress_chart_cr' },
    );
    expect(e.method.name).toBe('un_progress_chart_cr');
    expect(e.intermediates.peerStatus).toBeDefined();
    expect(['on_track', 'at_risk', 'off_track', 'no_data']).toContain(e.status);
  });
});
