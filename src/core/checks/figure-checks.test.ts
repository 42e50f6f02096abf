import { describe, expect, it } from 'vitest';
import { isChitieuError } from '../errors.ts';
import { evaluate } from '../evaluation/index.ts';
import type { TargetKind, TargetSpec } from '../targets/target.ts';
import { MEASURES } from '../vocabulary.ts';
import { checkFigure, measureMisfit, type FigureCheckInput } from './figure-checks.ts';
import { parseFigureText } from './figure-text.ts';

const growth: TargetSpec = {
  kind: 'growth_average',
  direction: 'higher_better',
  term: { firstYear: 2026, lastYear: 2030 },
  min: '10',
  averaging: 'geometric',
  baseYear: 2025,
};
const share: TargetSpec = {
  kind: 'units_meeting_standard',
  direction: 'higher_better',
  term: { firstYear: 2026, lastYear: 2030 },
  share: '80',
  standard: 'nông thôn mới nâng cao',
  year: 2030,
};

function run(text: string, over: Partial<FigureCheckInput> = {}): ReturnType<typeof checkFigure> {
  return checkFigure({
    figure: parseFigureText(text),
    period: '2027',
    today: '2026-11-29',
    indicator: { measure: 'growth_rate', rules: {} },
    targets: [growth],
    history: [],
    ...over,
  });
}
const paths = (r: ReturnType<typeof checkFigure>): string[] => r.issues.map((i) => i.path);

describe('figure text', () => {
  it('reads values, ranges, bounds and counts of a total as a source writes them', () => {
    expect(parseFigureText('14,5')).toEqual({ form: 'value', value: '14.5' });
    expect(parseFigureText('1.200.000,5')).toEqual({ form: 'value', value: '1200000.5' });
    expect(parseFigureText('8,3–8,5')).toEqual({ form: 'range', min: '8.3', max: '8.5' });
    expect(parseFigureText('8,3-8,5')).toEqual({ form: 'range', min: '8.3', max: '8.5' });
    expect(parseFigureText('< 3,5')).toEqual({ form: 'bound', op: '<', value: '3.5' });
    expect(parseFigureText('≥95')).toEqual({ form: 'bound', op: '>=', value: '95' });
    expect(parseFigureText('102/275 xã')).toEqual({ form: 'count_of', count: '102', of: '275' });
    expect(parseFigureText('-5')).toEqual({ form: 'value', value: '-5' });
  });
  it('refuses what is none of them, naming the field', () => {
    for (const bad of ['', 'abc', '1e5', 'NaN', '1,2,3', '12..5', '<', '5 %%', 'x'.repeat(65)]) {
      try {
        parseFigureText(bad, 'value');
        expect.fail(`accepted ${bad}`);
      } catch (e) {
        expect(isChitieuError(e) && e.issues[0]?.path).toBe('value');
      }
    }
  });
});

describe('figure checks', () => {
  it('accepts an ordinary figure without flags', () => {
    expect(run('11,2')).toMatchObject({ issues: [], flags: [], judged: ['11.2'] });
  });
  it('refuses a period outside the term and its base year', () => {
    expect(paths(run('11', { period: '2035' }))).toEqual(['period']);
    expect(paths(run('11', { period: '2025' }))).toEqual([]);
    expect(paths(run('11', { period: '2024' }))).toEqual(['period']);
    expect(paths(run('11', { period: '2026-Q5' }))).toEqual(['period']);
  });
  it('refuses an impossible or future publication date naming publishedOn', () => {
    expect(paths(run('11', { publishedOn: '2026-02-30' }))).toEqual(['publishedOn']);
    expect(paths(run('11', { publishedOn: '2099-01-01' }))).toEqual(['publishedOn']);
    expect(paths(run('11', { publishedOn: '2026-02-28' }))).toEqual([]);
  });
  it('refuses shares outside 0–100 unless declared, negative or fractional counts, rank 0, an index off its range', () => {
    const ind = (measure: FigureCheckInput['indicator']['measure'], rules = {}) => ({
      indicator: { measure, rules },
      targets: [],
    });
    expect(paths(run('150', ind('share')))).toEqual(['value']);
    expect(paths(run('150', ind('share', { max: '200' })))).toEqual([]);
    expect(paths(run('-5', ind('count')))).toEqual(['value']);
    expect(paths(run('7,5', ind('count')))).toEqual(['value']);
    expect(paths(run('0', ind('rank')))).toEqual(['value']);
    expect(paths(run('7,5', ind('level', { min: '0', max: '1' })))).toEqual(['value']);
    expect(paths(run('0,75', ind('level', { min: '0', max: '1' })))).toEqual([]);
  });
  it('refuses more digits than the declared precision allows', () => {
    expect(paths(run('12345678901234567890123456789012'))).toEqual(['value']);
    expect(paths(run('1,2345', { indicator: { measure: 'growth_rate', rules: { decimals: 2 } } }))).toEqual(['value']);
  });
  it('flags an implausible growth rate instead of judging it silently', () => {
    const r = run('1234,5');
    expect(r.issues).toEqual([]);
    expect(r.flags.map((f) => f.code)).toEqual(['outside_plausible_range']);
  });
  it('flags a level ten times its previous figure', () => {
    const r = run('5000', {
      indicator: { measure: 'level', rules: {} },
      targets: [],
      history: [{ period: '2026', value: '400' }],
    });
    expect(r.flags.map((f) => f.code)).toEqual(['far_from_history']);
  });
  it('judges a range on both ends and a count of a total as its share', () => {
    expect(run('8,3-8,5').judged).toEqual(['8.3', '8.5']);
    expect(paths(run('8,5-8,3'))).toEqual(['value']);
    const units = { indicator: { measure: 'share' as const, rules: {} }, targets: [share] };
    expect(run('102/275', units).judged).toEqual(['37.0909090909']);
    expect(paths(run('300/275', units))).toEqual(['value']);
    // A count of a total on a growth indicator needs a conversion, which the message gives.
    const r = run('102/275');
    expect(paths(r)).toEqual(['value']);
    expect(r.issues[0]?.reason.vi).toContain('37,09 %');
  });
  it('names the conversion a misfitting measure would need', () => {
    expect(measureMisfit('growth_average', 'share')?.en).toContain('convert its figures to a yearly growth rate');
    expect(measureMisfit('rank', 'rank')).toBeNull();
    expect(paths(run('3', { indicator: { measure: 'share', rules: {} } }))).toEqual(['measure']);
  });
});

describe('the measures the checks let in for a target kind', () => {
  const term = { firstYear: 2021, lastYear: 2025 };
  const specs: Partial<Record<TargetKind, TargetSpec>> = {
    yearly_flow: { kind: 'yearly_flow', direction: 'higher_better', term, value: '55800' },
    term_average: { kind: 'term_average', direction: 'higher_better', term, min: '30' },
    level_at_end: { kind: 'level_at_end', direction: 'higher_better', term, value: '35', year: 2025 },
    cumulative: { kind: 'cumulative', direction: 'higher_better', term, value: '1200000' },
    multiple_of_baseline: {
      kind: 'multiple_of_baseline',
      direction: 'higher_better',
      term,
      factor: '1.5',
      baselineValue: '100',
      baselinePeriod: '2016-2020',
      compare: 'term_total',
    },
    range_at_end: { kind: 'range_at_end', direction: 'band', term, min: '30', max: '50', year: 2025 },
    threshold: { kind: 'threshold', direction: 'higher_better', term, op: '>=', value: '30', year: 2025 },
  };
  for (const [kind, spec] of Object.entries(specs) as [TargetKind, TargetSpec][]) {
    it(`are all read by the engine for ${kind}: none is let in only to be skipped`, () => {
      const compared: TargetSpec[] =
        spec.kind === 'multiple_of_baseline' ? [spec, { ...spec, compare: 'final_level' as const }] : [spec];
      for (const s of compared)
        for (const measure of MEASURES.filter((m) => measureMisfit(s, m) === null)) {
          const figures = ['2021', '2022', '2023', '2024', '2025'].map((period) => ({
            period,
            value: '40',
            status: 'official' as const,
            measure,
          }));
          const e = evaluate(s, figures, { year: 2026 });
          expect({ kind: s.kind, measure, status: e.status }).not.toEqual({ kind: s.kind, measure, status: 'no_data' });
        }
    });
  }
});
