import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal.ts';
import { evaluate } from '../evaluation/index.ts';
import type { TargetSpec } from '../targets/target.ts';
import {
  compareJudgement,
  compareWithReported,
  judgeComposite,
  judgeTarget,
  representativeValues,
  type ReportedObservation,
} from './compare-with-reported.ts';
import { planVerdictRows, summarizePlan, type PlanLike } from './plan-verdicts.ts';

const term = { firstYear: 2021, lastYear: 2025 };
const asOf = { year: 2025, month: 12 };
const level = (value: string, direction: 'higher_better' | 'lower_better' = 'higher_better'): TargetSpec => ({
  kind: 'level_at_end',
  direction,
  term,
  value,
  year: 2025,
});
const obs = (value: string | null, extra: Partial<ReportedObservation> = {}): ReportedObservation => ({
  period: '2025',
  value,
  status: 'estimate',
  measure: 'share',
  ...extra,
});

function compare(
  target: TargetSpec,
  observations: ReportedObservation[],
  reported: 'exceeded' | 'met' | 'not_met' | null,
  exceededAs: 'exceeded' | 'met' = 'exceeded',
) {
  const withValue = observations.filter((o) => o.value !== null).map((o) => ({ ...o, value: o.value as string }));
  return compareWithReported({
    target,
    observations,
    reported: reported === null ? null : { text: reported, status: reported },
    exceededAs,
    evaluation: evaluate(target, withValue, asOf),
    asOf,
  });
}

describe('compareWithReported on values', () => {
  it('agrees when the printed words are the same, with both words shown', () => {
    const c = compare(level('35'), [obs('37', { measure: 'level' })], 'exceeded');
    expect(c.agreement).toBe('agrees');
    expect(c.engine).toMatchObject({
      status: 'exceeded',
      printed: 'exceeded',
      word: 'Vượt',
      actual: '37',
      phase: 'final',
    });
    expect(c.reported).toMatchObject({ status: 'exceeded', word: 'Vượt', text: 'exceeded' });
  });

  it('folds exceeded into met where the plan prints "Đạt" for both (Hải Dương)', () => {
    const folded = compare(level('85'), [obs('85.2', { measure: 'level' })], 'met', 'met');
    expect(folded.agreement).toBe('agrees');
    expect(folded.engine).toMatchObject({ status: 'exceeded', printed: 'met', word: 'Đạt' });
    const distinct = compare(level('85'), [obs('85.2', { measure: 'level' })], 'met', 'exceeded');
    expect(distinct.agreement).toBe('disagrees');
    expect(distinct.engine.word).toBe('Vượt');
    expect(distinct.reported?.word).toBe('Đạt');
  });

  it('disagrees when the source calls a shortfall met (Hải Dương row 16: 35 against 80, "Đạt")', () => {
    const c = compare(level('80'), [obs('35')], 'met', 'met');
    expect(c.agreement).toBe('disagrees');
    expect(c.engine).toMatchObject({ status: 'not_met', word: 'Không đạt' });
  });

  it('disagrees when the engine has no final verdict for a reported one', () => {
    const c = compare(level('80'), [obs('35', { period: '2024' })], 'not_met');
    expect(c.agreement).toBe('disagrees');
    expect(c.engine).toMatchObject({ status: 'at_risk', phase: 'in_term', word: 'Có nguy cơ không đạt' });
  });

  it('is not comparable without a reported verdict, or without any figure', () => {
    expect(compare(level('80'), [obs('85')], null)).toMatchObject({
      agreement: 'not_comparable',
      reason: 'no_reported_verdict',
    });
    expect(compare(level('80'), [], 'met')).toMatchObject({ agreement: 'not_comparable', reason: 'no_figure' });
  });
});

describe('compareWithReported on a value given only as a bound or range', () => {
  const threshold = (op: '<' | '>', value: string, direction: 'higher_better' | 'lower_better'): TargetSpec => ({
    kind: 'threshold',
    direction,
    term,
    op,
    value,
    year: 2025,
  });

  it('judges "< 3,5" against "< 3,5": every value is strictly below, so exceeded (Hải Phòng row 11)', () => {
    const c = compare(threshold('<', '3.5', 'lower_better'), [obs(null, { bound: { op: '<', value: '3.5' } })], 'met');
    expect(c.engine).toMatchObject({ basis: 'interval', status: 'exceeded', actual: '< 3.5' });
    expect(c.agreement).toBe('disagrees');
  });

  it('judges "87-88" against the range 87–88 as met at every value (Hải Phòng row 13)', () => {
    const target: TargetSpec = {
      kind: 'range_at_end',
      direction: 'higher_better',
      term,
      min: '87',
      max: '88',
      year: 2025,
    };
    const c = compare(target, [obs(null, { range: { min: '87', max: '88' } })], 'met');
    expect(c).toMatchObject({ agreement: 'agrees', reason: 'compared' });
    expect(c.engine).toMatchObject({ basis: 'interval', status: 'met', actual: '87–88' });
  });

  it('is not comparable when the interval holds values of different statuses', () => {
    const c = compare(level('80'), [obs(null, { range: { min: '79', max: '81' } })], 'met');
    expect(c).toMatchObject({ agreement: 'not_comparable', reason: 'interval_straddles' });
    const j = judgeTarget(level('80'), [obs(null, { range: { min: '79', max: '81' } })], asOf);
    expect(new Set(j.tried?.map((t) => t.status))).toEqual(new Set(['not_met', 'met', 'exceeded']));
  });

  it('an open end on the target figure is never tried, a closed one is', () => {
    const open = representativeValues({ lo: null, hi: { at: new Decimal('3.5'), closed: false } }, [
      new Decimal('3.5'),
    ]);
    expect(open).toEqual(['2.5']);
    const closed = representativeValues(
      { lo: { at: new Decimal('3'), closed: true }, hi: { at: new Decimal('4'), closed: true } },
      [new Decimal('3.5')],
    );
    expect(closed).toEqual(['3', '3.25', '3.5', '3.75', '4']);
  });

  it('a "> 95" bound against "> 95" is exceeded at every value; against "> 96" it straddles', () => {
    const bound = [obs(null, { bound: { op: '>', value: '95' } })];
    expect(compare(threshold('>', '95', 'higher_better'), bound, 'exceeded').agreement).toBe('agrees');
    expect(compare(threshold('>', '96', 'higher_better'), bound, 'exceeded').reason).toBe('interval_straddles');
  });
});

describe('a parent judged from its rows', () => {
  const child = (value: string, target: string) => judgeTarget(level(target), [obs(value)], asOf);

  it('is not met when one row is not (Hải Phòng row 17: 10 % against "> 50", printed "Đạt")', () => {
    const j = judgeComposite([
      { code: '17.1', judgement: child('100', '100') },
      { code: '17.2', judgement: child('98', '95') },
      { code: '17.3', judgement: child('10', '50') },
    ]);
    expect(j).toMatchObject({ basis: 'composite', status: 'not_met', phase: 'final' });
    expect(j.actual).toBe('17.1: 100 met; 17.2: 98 exceeded; 17.3: 10 not_met');
    expect(compareJudgement(j, { text: 'Đạt', status: 'met' }, 'exceeded').agreement).toBe('disagrees');
  });

  it('has no figure when no row has one, and straddles when a row does', () => {
    const none = judgeTarget(level('80'), [], asOf);
    expect(judgeComposite([{ code: 'a', judgement: none }]).basis).toBe('no_figure');
    const straddles = judgeTarget(level('80'), [obs(null, { range: { min: '79', max: '81' } })], asOf);
    expect(
      judgeComposite([
        { code: 'a', judgement: child('90', '80') },
        { code: 'b', judgement: straddles },
      ]).basis,
    ).toBe('straddles');
  });
});

describe('a plan re-judged row by row', () => {
  const plan: PlanLike = {
    plan: { id: 'p', term, display: { exceededAs: 'met' } },
    indicators: [
      {
        code: '1',
        parent: null,
        name: 'a',
        targets: [{ text: '80', line: 1, spec: level('80') }],
        observations: [obs('85')],
        reportedVerdict: { text: 'Đạt', status: 'met' },
      },
      { code: '2', parent: null, name: 'b', targets: [], reportedVerdict: { text: 'Đạt', status: 'met' } },
      {
        code: '2.1',
        parent: '2',
        name: 'b1',
        targets: [
          { text: '10', line: 2, spec: level('10') },
          {
            text: '20',
            line: 2,
            spec: { ...level('20'), term: { firstYear: 2021, lastYear: 2030 }, year: 2030 } as TargetSpec,
          },
        ],
        observations: [obs('9')],
      },
      {
        code: '3',
        parent: null,
        name: 'c',
        targets: [{ text: '5', line: 3, spec: level('5') }],
        observations: [obs('6')],
        reportedVerdict: null,
      },
    ],
  };
  it('judges the closing term only, parents from their rows, and lists counted rows without a verdict', () => {
    const rows = planVerdictRows(plan, { counted: (i) => i.parent === null });
    expect(rows.map((r) => [r.code, r.targetText, r.comparison.agreement])).toEqual([
      ['1', '80', 'agrees'],
      ['2', '2.1: 10', 'disagrees'],
      ['3', '5', 'not_comparable'],
    ]);
  });
  it('summarises both sides over the same rows', () => {
    const s = summarizePlan(plan, (i) => i.parent === null);
    expect(s.engine.line).toBe('ước đạt và vượt 2/3 chỉ tiêu');
    expect(s.reported.line).toBe('đạt và vượt 2/3 chỉ tiêu');
    expect(s.reportedStatuses).toEqual({ '1': 'met', '2': 'met', '3': 'no_data' });
  });
});
