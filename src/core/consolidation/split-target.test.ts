import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import type { TargetSpec } from '../targets/target.ts';
import { checkSplit } from './split-target.ts';
import type { AggregationMethod } from './method.ts';

const communes = Array.from({ length: 4 }, (_, i) => ({ code: `9000${i + 1}`, name: `Xã Thử Nghiệm ${i + 1}` }));
const revenue: TargetSpec = {
  kind: 'level_at_end',
  direction: 'higher_better',
  term: { firstYear: 2026, lastYear: 2030 },
  value: '100',
  year: 2030,
  precision: 0,
  baseline: { value: '60', period: '2025' },
};
const sum: AggregationMethod = { kind: 'sum', indicator: 'thu' };
const rate: AggregationMethod = { kind: 'weighted_mean', indicator: 'ty-le', weight: 'dan-so' };
const shares = (values: string[]) => values.map((value, i) => ({ unit: `9000${i + 1}`, value }));
const split = (method: AggregationMethod | null, values: string[], target: TargetSpec = revenue) =>
  checkSplit({
    target,
    text: 'Thu ngân sách 100 tỷ đồng',
    unitOfMeasure: 'tỷ đồng',
    method,
    communes,
    shares: shares(values),
  });
const refusal = (f: () => unknown): ValidationError => {
  try {
    f();
  } catch (e) {
    if (e instanceof ValidationError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
};

describe('splitting a city target by commune', () => {
  it('a sum is split into shares that add up to the city target, each commune a target of its own', () => {
    const out = split(sum, ['40', '30', '20.5', '9.5']);
    expect(out.rule).toBe('sum');
    expect(out.total).toBe('100');
    expect(out.targets.map((t) => [t.code, t.value])).toEqual([
      ['90001', '40'],
      ['90002', '30'],
      ['90003', '20.5'],
      ['90004', '9.5'],
    ]);
    const third = out.targets[2];
    expect(third?.spec).toMatchObject({ kind: 'level_at_end', value: '20.5', precision: 1, year: 2030 });
    // The city's baseline is the city's.
    expect(third?.spec).not.toHaveProperty('baseline');
    expect(third?.text).toBe('Thu ngân sách 100 tỷ đồng — phần của Xã Thử Nghiệm 3: 20,5 tỷ đồng');
  });

  it('shares that miss the city target by more than its precision are refused, with the total and the gap', () => {
    const e = refusal(() => split(sum, ['40', '30', '20', '9.4']));
    expect(e.code).toBe('invalid_split');
    expect(e.issues).toEqual([
      {
        path: '/shares',
        reason: {
          vi: 'tổng các phần 99,4 khác chỉ tiêu cấp tỉnh 100 tỷ đồng (so ở 0 chữ số thập phân, chênh -0,6)',
          en: 'the shares add up to 99.4, not the province-level target 100 tỷ đồng (compared at 0 decimals, off by -0.6)',
        },
      },
    ]);
    // Within the precision (99,5 rounds to 100 at no decimals) the split holds.
    expect(split(sum, ['40', '30', '20', '9.5']).total).toBe('99.5');
  });

  it('a rate gives each commune its own value and is never summed', () => {
    const share: TargetSpec = { ...revenue, kind: 'threshold', op: '>=', value: '95', precision: 0 } as TargetSpec;
    const out = split(rate, ['97', '96', '95', '94'], share);
    expect(out.rule).toBe('each');
    expect(out.total).toBeNull();
    expect(out.targets.map((t) => (t.spec as { value: string }).value)).toEqual(['97', '96', '95', '94']);
  });

  it('names every commune at fault: one missing, one unknown, one twice, one not a number, one negative', () => {
    const e = refusal(() =>
      checkSplit({
        target: revenue,
        text: 'x',
        unitOfMeasure: 'tỷ đồng',
        method: sum,
        communes,
        shares: [
          { unit: '90001', value: '50' },
          { unit: '90001', value: '50' },
          { unit: '99999', value: '1' },
          { unit: '90002', value: '1,5' },
          { unit: '90003', value: '-5' },
        ],
      }),
    );
    expect(e.issues.map((i) => [i.path, i.reason.vi])).toEqual([
      ['/shares/1/unit', 'Xã Thử Nghiệm 1 (mã 90001) có hai phần: mỗi xã một phần'],
      [
        '/shares/2/unit',
        'đơn vị mã 99999 không phải một xã, phường, đặc khu của đơn vị của kế hoạch vào cuối kỳ của mục tiêu',
      ],
      [
        '/shares/3/value',
        'phần của Xã Thử Nghiệm 2 (mã 90002) "1,5" không phải số thập phân (dùng dấu chấm, ví dụ 1250.5)',
      ],
      ['/shares/4/value', 'phần của Xã Thử Nghiệm 3 (mã 90003) là số âm: các phần cộng lại thành chỉ tiêu cấp tỉnh'],
      ['/shares', 'thiếu phần của Xã Thử Nghiệm 4 (mã 90004): mỗi xã một phần (0 nếu không giao)'],
    ]);
    expect(e.issues[4]?.reason.en).toBe(
      'the share of Xã Thử Nghiệm 4 (code 90004) is missing: every commune gets one (0 if none)',
    );
  });

  it('refuses an indicator without a declared method, a rank, a count of communes, a range and a units target', () => {
    expect(refusal(() => split(null, ['25', '25', '25', '25'])).issues[0]?.path).toBe('/aggregationMethod');
    expect(refusal(() => split({ kind: 'not_aggregable', reason: 'rank' }, ['1', '1', '1', '1'])).issues[0]?.path).toBe(
      '/aggregationMethod',
    );
    expect(
      refusal(() =>
        split({ kind: 'count_meeting', indicator: 'x', standard: { op: 'eq', value: '1' } }, ['1', '1', '1', '1']),
      ).issues[0]?.reason.en,
    ).toMatch(/counts communes meeting a standard/);
    const range = { ...revenue, kind: 'cumulative', value: '100', max: '120' } as TargetSpec;
    expect(refusal(() => split(sum, ['25', '25', '25', '25'], range)).issues[0]?.reason.en).toMatch(/is a range/);
    const units = {
      kind: 'units_meeting_standard',
      direction: 'higher_better',
      term: { firstYear: 2026, lastYear: 2030 },
      share: '80',
      standard: 'nông thôn mới',
      year: 2030,
    } as TargetSpec;
    expect(refusal(() => split(sum, ['25', '25', '25', '25'], units)).issues[0]?.path).toBe('/target');
  });

  it('a sum split is accepted exactly when its shares, rounded at the target’s precision, make the city target', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 4, maxLength: 4 }),
        fc.integer({ min: -1, max: 1 }),
        (cents, offset) => {
          const values = cents.map((c) => (c / 100).toFixed(2));
          const total = cents.reduce((a, b) => a + b, 0);
          const city = Math.round(total / 100) + offset;
          const target = { ...revenue, value: String(city) } as TargetSpec;
          const accepted = (() => {
            try {
              split(sum, values, target);
              return true;
            } catch {
              return false;
            }
          })();
          // Half up at 0 decimals: accepted iff the total in cents lies in [target − 0,5; target + 0,5).
          expect(accepted).toBe(total >= city * 100 - 50 && total < city * 100 + 50);
        },
      ),
    );
  });
});
