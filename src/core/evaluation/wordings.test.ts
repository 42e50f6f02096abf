// The wordings other provinces' plans use, each on its boundary cases with its explanation in both languages:
// strictness ("trên / hơn / dưới") on every kind, "hằng năm / duy trì" judged year by year and over the term, the
// term average of a share ("bình quân giai đoạn đạt 30 %"), factor ranges ("gấp 1,5–2 lần").
import { describe, expect, it } from 'vitest';
import type { ObservationInput, TargetSpec } from '../targets/target.ts';
import { evaluate } from './index.ts';

const term = { firstYear: 2026, lastYear: 2030 };
const after = { year: 2031 };
const obs = (period: string, value: string, extra: Partial<ObservationInput> = {}): ObservationInput => ({
  period,
  value,
  status: 'official',
  ...extra,
});
const yearly = (values: string[], first = 2026): ObservationInput[] => values.map((v, i) => obs(String(first + i), v));

const strictGrowth: TargetSpec = {
  kind: 'growth_average',
  direction: 'higher_better',
  term,
  min: '12',
  averaging: 'geometric',
  baseYear: 2025,
  strict: true,
};
const strictLevel = (direction: 'higher_better' | 'lower_better'): TargetSpec => ({
  kind: 'level_at_end',
  direction,
  term,
  value: '3',
  year: 2030,
  strict: true,
});
const strictCumulative: TargetSpec = {
  kind: 'cumulative',
  direction: 'higher_better',
  term,
  value: '75000',
  strict: true,
};
const strictFlow: TargetSpec = { kind: 'yearly_flow', direction: 'higher_better', term, value: '100', strict: true };
const strictUnits: TargetSpec = {
  kind: 'units_meeting_standard',
  direction: 'higher_better',
  term,
  share: '80',
  standard: 'new-rural',
  year: 2030,
  strict: true,
};
const strictRank: TargetSpec = {
  kind: 'rank',
  direction: 'lower_better',
  term,
  maxRank: 10,
  among: 'provinces',
  year: 2030,
  strict: true,
};
const multiple = (extra: Partial<{ factorMax: string; strict: boolean }>): TargetSpec => ({
  kind: 'multiple_of_baseline',
  direction: 'higher_better',
  term,
  factor: '1.5',
  baselineValue: '100',
  baselinePeriod: '2021-2025',
  compare: 'term_total',
  ...extra,
});
const termAverage = (direction: 'higher_better' | 'lower_better', max?: string): TargetSpec => ({
  kind: 'term_average',
  direction,
  term,
  min: '30',
  ...(max === undefined ? {} : { max }),
});
const everyYear: TargetSpec = {
  kind: 'threshold',
  direction: 'higher_better',
  term,
  op: '>=',
  value: '58',
  year: 2030,
  everyYear: true,
};
const everyYearLevel: TargetSpec = {
  kind: 'level_at_end',
  direction: 'higher_better',
  term,
  value: '60',
  year: 2030,
  everyYear: true,
  strict: true,
};

type Row = [string, TargetSpec, ObservationInput[], string, string?];

const finalTable: Row[] = [
  // "trên 12 %/năm": the bound itself is not enough.
  [
    'strict growth: exactly 12 %/yr is not met',
    strictGrowth,
    [obs('2026-2030', '12', { measure: 'growth_rate' })],
    'not_met',
    'trên 12',
  ],
  [
    'strict growth: 12.01 %/yr is exceeded',
    strictGrowth,
    [obs('2026-2030', '12.01', { measure: 'growth_rate' })],
    'exceeded',
  ],
  ['strict level "trên 3": 3 is not met', strictLevel('higher_better'), [obs('2030', '3')], 'not_met', 'trên 3'],
  ['strict level "trên 3": 3.001 is exceeded', strictLevel('higher_better'), [obs('2030', '3.001')], 'exceeded'],
  ['strict level "dưới 3": 3 is not met', strictLevel('lower_better'), [obs('2030', '3')], 'not_met', 'dưới 3'],
  ['strict level "dưới 3": 2.99 is exceeded', strictLevel('lower_better'), [obs('2030', '2.99')], 'exceeded'],
  [
    'strict cumulative "trên 75.000": exactly 75.000 is not met',
    strictCumulative,
    yearly(['15000', '15000', '15000', '15000', '15000']),
    'not_met',
    'trên 75.000',
  ],
  [
    'strict cumulative: 75.001 is exceeded',
    strictCumulative,
    yearly(['15000', '15000', '15000', '15000', '15001']),
    'exceeded',
  ],
  [
    'strict yearly flow "trên 100/năm": an average of exactly 100 is not met',
    strictFlow,
    yearly(['100', '100', '100', '100', '100']),
    'not_met',
  ],
  ['strict units "trên 80 %": 80 % is not met', strictUnits, [obs('2030', '80', { measure: 'share' })], 'not_met'],
  ['strict units: 80.5 % is exceeded', strictUnits, [obs('2030', '80.5', { measure: 'share' })], 'exceeded'],
  [
    'strict rank "xếp trên hạng 10": rank 10 is not met',
    strictRank,
    [obs('2030', '10', { measure: 'rank' })],
    'not_met',
    'xếp trên hạng 10',
  ],
  ['strict rank: rank 9 is exceeded', strictRank, [obs('2030', '9', { measure: 'rank' })], 'exceeded'],
  [
    'strict multiple "gấp hơn 1,5 lần": exactly 1.5× is not met',
    multiple({ strict: true }),
    yearly(['30', '30', '30', '30', '30']),
    'not_met',
    'hơn 1,5 lần',
  ],
  [
    'strict multiple: 1.51× is exceeded',
    multiple({ strict: true }),
    yearly(['30', '30', '30', '30', '31']),
    'exceeded',
  ],
  // "gấp 1,5–2 lần": inside the factor range is met, beyond its upper end exceeded, below its lower end not met.
  [
    'factor range: 1.5× is met on the lower factor',
    multiple({ factorMax: '2' }),
    yearly(['30', '30', '30', '30', '30']),
    'met',
    '1,5–2 lần',
  ],
  [
    'factor range: 2× is met on the upper factor',
    multiple({ factorMax: '2' }),
    yearly(['40', '40', '40', '40', '40']),
    'met',
  ],
  ['factor range: 2.01× is exceeded', multiple({ factorMax: '2' }), yearly(['40', '40', '40', '40', '41']), 'exceeded'],
  ['factor range: 1.49× is not met', multiple({ factorMax: '2' }), yearly(['30', '30', '30', '30', '29']), 'not_met'],
  // "bình quân giai đoạn đạt 30 %": the mean of the term's shares.
  [
    'term average: a mean of exactly 30 is met',
    termAverage('higher_better'),
    yearly(['28', '29', '30', '31', '32']),
    'met',
    'Bình quân 2026–2030 đạt 30',
  ],
  [
    'term average: a mean of 29.99 is not met',
    termAverage('higher_better'),
    yearly(['28', '29', '30', '31', '31.95']),
    'not_met',
  ],
  [
    'term average: a reported term average of 30.5 is exceeded',
    termAverage('higher_better'),
    [obs('2026-2030', '30.5', { measure: 'share', aggregate: 'yearly_average' })],
    'exceeded',
  ],
  [
    'term average range 30–35: 35 is met, on its upper end',
    termAverage('higher_better', '35'),
    yearly(['35', '35', '35', '35', '35']),
    'met',
  ],
  [
    'term average lower-is-better: 30.01 is not met',
    termAverage('lower_better'),
    yearly(['30', '30', '30', '30', '30.05']),
    'not_met',
  ],
  [
    'term average: four of five years is no final verdict',
    termAverage('higher_better'),
    yearly(['40', '40', '40', '40']),
    'no_data',
  ],
  // "duy trì tỷ lệ che phủ rừng ≥ 58 % hằng năm": every year judged; one year short is not met.
  [
    'every year: 58 in each of five years is met',
    everyYear,
    yearly(['58', '58', '58', '58', '58']),
    'met',
    'đạt 5/5 năm',
  ],
  [
    'every year: met in 4 of 5 years is not met, and says so',
    everyYear,
    yearly(['58', '59', '57.9', '60', '61']),
    'not_met',
    'đạt 4/5 năm',
  ],
  ['every year: all five above is exceeded', everyYear, yearly(['59', '59', '59', '59', '59']), 'exceeded'],
  ['every year: a missing year is no data', everyYear, yearly(['59', '59', '59', '59']).concat([]), 'no_data'],
  [
    'every year and strict "duy trì trên 60": 60 in one year is not met',
    everyYearLevel,
    yearly(['61', '61', '60', '61', '61']),
    'not_met',
    'đạt 4/5 năm',
  ],
];

describe('new wordings on their boundary cases (final verdicts)', () => {
  it.each(finalTable)('%s', (_name, target, observations, expected, phrase) => {
    const e = evaluate(target, observations, after);
    expect(e.phase).toBe('final');
    expect(e.status).toBe(expected);
    expect(e.explanation.vi.normalize('NFC')).toBe(e.explanation.vi);
    expect(e.explanation.en).not.toBe('');
    if (phrase !== undefined) expect(e.explanation.vi).toContain(phrase);
  });
});

describe('explanations say the wording in both languages', () => {
  it('strict growth reads "trên 12 %/năm" / "more than 12 %/yr"', () => {
    const e = evaluate(strictGrowth, [obs('2026-2030', '12', { measure: 'growth_rate' })], after);
    expect(e.explanation.vi).toContain('trên 12 %/năm');
    expect(e.explanation.en).toContain('more than 12 %/yr');
  });
  it('every year reads "met in 4 of 5 years" in English', () => {
    const e = evaluate(everyYear, yearly(['58', '59', '57.9', '60', '61']), after);
    expect(e.explanation.en).toContain('met in 4 of 5 years');
    expect(e.intermediates['year.2028']).toBe('not_met');
    expect(e.intermediates.yearsMet).toBe('4');
  });
  it('a factor range reads "1.5–2×"', () => {
    const e = evaluate(multiple({ factorMax: '2' }), yearly(['30', '30', '30', '30', '30']), after);
    expect(e.explanation.en).toContain('target 1.5–2×');
    expect(e.intermediates.goalMaxValue).toBe('200');
  });
});

describe('while the term runs', () => {
  it('every year: a missed past year decides the term (off track, decided not met)', () => {
    const e = evaluate(everyYear, yearly(['59', '57']), { year: 2028, month: 6 });
    expect(e.phase).toBe('in_term');
    expect(e.status).toBe('off_track');
    expect(e.decided).toBe('not_met');
    expect(e.explanation.vi).toContain('đạt 1/2 năm');
  });
  it('every year: every past year met leaves the projection to decide', () => {
    const e = evaluate(everyYear, yearly(['59', '60']), { year: 2028, month: 6 });
    expect(e.status).toBe('on_track');
    expect(e.decided).toBeUndefined();
  });
  it('term average: what the remaining years must average', () => {
    const e = evaluate(termAverage('higher_better'), yearly(['25', '25']), { year: 2028, month: 6 });
    expect(e.phase).toBe('in_term');
    // (5 × 30 − 50) / 3 = 33.33…, rounded up so that delivering it reaches the target
    expect(e.required?.value).toBe('33.34');
  });
});

describe('strictness is refused where it means nothing', () => {
  it('a strict range', () => {
    expect(() =>
      evaluate(
        { kind: 'range_at_end', direction: 'higher_better', term, min: '1', max: '2', year: 2030, strict: true },
        [],
        after,
      ),
    ).toThrow(/single bound|một cận/);
  });
  it('a strict ">=" threshold', () => {
    expect(() =>
      evaluate(
        { kind: 'threshold', direction: 'higher_better', term, op: '>=', value: '1', year: 2030, strict: true },
        [],
        after,
      ),
    ).toThrow(/strict/);
  });
  it('a factor range upside down', () => {
    expect(() => evaluate(multiple({ factorMax: '1.2' }), [], after)).toThrow(/minimum exceeds the maximum/);
  });
});
