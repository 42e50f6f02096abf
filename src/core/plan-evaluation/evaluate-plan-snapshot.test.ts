import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluatePlanSnapshot, knownAt } from './evaluate-plan-snapshot.ts';
import type { PlanSnapshot, SnapshotTarget, SnapshotVersion } from './snapshot.ts';

// A plan of four money indicators (level at the end, 2026–2030), each with figures for 2025–2027: the running
// targets' forecasts carry the prior pooled across the plan's series for the current term.
function target(i: number, value: string, unit = 'tỷ đồng'): SnapshotTarget {
  return {
    target_id: `t${i}`,
    indicator_id: `i${i}`,
    unit_id: 'u',
    kind: 'level_at_end',
    spec: {
      kind: 'level_at_end',
      direction: 'higher_better',
      term: { firstYear: 2026, lastYear: 2030 },
      value,
      year: 2030,
    },
    text: `Đạt ${value} ${unit} năm 2030`,
    sort_order: i,
    target_provenance: null,
    indicator_code: `C${i}`,
    indicator_name: `Chỉ tiêu ${i}`,
    unit_of_measure: unit,
    measure: 'level',
    price_basis: 'none',
    parent_code: null,
    composite_rule: null,
    indicator_provenance: null,
    document: null,
  };
}

function figure(i: number, year: number, value: string): SnapshotVersion {
  return {
    observation_id: `o${i}-${year}`,
    indicator_id: `i${i}`,
    unit_id: 'u',
    period: String(year),
    version_id: `v${i}-${year}`,
    seq: 1,
    value,
    value_qualifier: null,
    value_text: value,
    status: 'official',
    vintage_label: null,
    change_kind: 'initial',
    measure: 'level',
    price_basis: 'none',
    source_text: null,
    published_on: null,
    workflow_state: 'approved',
  };
}

function snapshot(rates: number[], later: Record<number, string> = {}): PlanSnapshot {
  const versions: SnapshotVersion[] = [];
  rates.forEach((r, i) => {
    for (const year of [2025, 2026, 2027]) versions.push(figure(i, year, (1000 * (1 + r) ** (year - 2025)).toFixed(0)));
    // A figure of a year after the evaluation date (it must not be read).
    if (later[i] !== undefined) versions.push(figure(i, 2028, later[i]));
  });
  return {
    plan: { id: 'p', tenantId: 'x', settings: {} },
    targets: rates.map((_, i) => target(i, '1400')),
    versions,
    overrides: {},
    childUnits: {},
    composites: [],
    indicatorOrder: rates.map((_, i) => `C${i}`),
  };
}

const pOf = (s: PlanSnapshot, i: number): { pMet: number; inputs: Record<string, unknown> } => {
  const f = evaluatePlanSnapshot(s, { year: 2027 }).rows.find((r) => r.targetId === `t${i}`)?.forecast;
  if (f === null || f === undefined || 'unavailable' in f) throw new Error('expected a forecast');
  return f;
};

describe('the plan evaluation pools the prior across its series for the current term', () => {
  it('shows the pooled inputs, and peers growing faster raise a target’s P', () => {
    const slow = snapshot([0.06, 0.0, 0.0, 0.0]);
    const fast = snapshot([0.06, 0.15, 0.15, 0.15]);
    const f = pOf(fast, 0);
    expect(f.inputs.poolPeers).toBe(4);
    expect(f.pMet).toBeGreaterThan(pOf(slow, 0).pMet);
  });

  it('pooled, a better latest figure of the target’s own series never lowers its P, and a higher target never raises it', () => {
    const rate = fc.double({ min: -0.1, max: 0.2, noNaN: true });
    fc.assert(
      fc.property(fc.array(rate, { minLength: 2, maxLength: 6 }), fc.integer({ min: 900, max: 1500 }), (peers, v) => {
        const at = (latest: number, goal: string): number => {
          const s = snapshot([0.05, ...peers]);
          s.versions = s.versions.map((x) => (x.version_id === 'v0-2027' ? { ...x, value: String(latest) } : x));
          s.targets[0] = target(0, goal);
          return pOf(s, 0).pMet;
        };
        expect(at(v + 50, '1400')).toBeGreaterThanOrEqual(at(v, '1400'));
        expect(at(v, '1500')).toBeLessThanOrEqual(at(v, '1400'));
      }),
      { numRuns: 40 },
    );
  });

  it('reads no figure after the evaluation date', () => {
    const plain = snapshot([0.06, 0.1, 0.02, 0.04]);
    const poisoned = snapshot([0.06, 0.1, 0.02, 0.04], { 1: '1', 2: '999999', 3: '5' });
    // The 2028 figures are after the date, so the evaluation itself ignores them for target 0's own series too.
    expect(pOf(poisoned, 0)).toEqual(pOf(plain, 0));
  });

  it('leaves percentages out of the pool and pools nothing with fewer than three series', () => {
    const s = snapshot([0.06, 0.1]);
    expect(pOf(s, 0).inputs.poolPeers).toBeUndefined();
    const withShares = snapshot([0.06, 0.1, 0.02]);
    withShares.targets[2] = target(2, '1400', '%');
    expect(pOf(withShares, 0).inputs.poolPeers).toBeUndefined();
  });
});

describe('as of a date, the evaluation and the forecast read only the figures that could exist then', () => {
  it('keeps a year under way and earlier periods, drops later periods and spans running past the year', () => {
    const asOf = { year: 2023, month: 6 };
    for (const p of ['2022', '2023', '2023-Q2', '2023-H1', '2021-2023']) expect(knownAt(p, asOf)).toBe(true);
    for (const p of ['2024', '2023-Q3', '2023-H2', '2023-M07', '2021-2025']) expect(knownAt(p, asOf)).toBe(false);
    expect(knownAt('2023-Q4', { year: 2023 })).toBe(true);
  });

  it('a target’s own figure after the date moves neither its verdict, nor its forecast, nor its inputs', () => {
    const plain = snapshot([0.06, 0.1, 0.02, 0.04]);
    // Target 0's own 2028 figure (far below the path): as of 2027 it did not exist yet.
    const later = snapshot([0.06, 0.1, 0.02, 0.04], { 0: '10' });
    const rowOf = (s: PlanSnapshot) => evaluatePlanSnapshot(s, { year: 2027, month: 6 }).rows[0];
    const a = rowOf(plain);
    const b = rowOf(later);
    expect(b?.inputs.map((v) => v.period)).toEqual(['2027']);
    expect(b?.forecast).not.toBeNull();
    expect(b).toEqual(a);
    // Once 2028 has begun, the same figure is read: the filter is the date, not the data.
    const in2028 = evaluatePlanSnapshot(later, { year: 2028, month: 12 }).rows[0];
    expect(in2028?.inputs.map((v) => v.period)).toContain('2028');
  });
});
