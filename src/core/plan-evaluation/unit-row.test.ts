import { describe, expect, it } from 'vitest';
import { evaluationCases, inTermCases, type EvaluationCase } from '../../../bench/kit/evaluation-cases.ts';
import type { CoreVintage } from './core-row.ts';
import {
  baseRow,
  coreVintage,
  evaluatePlanSnapshot,
  evaluateTargetAtUnitRows,
  evaluateTargetAtUnits,
} from './evaluate-plan-snapshot.ts';
import type { EngineVersion, PlanSnapshot, SnapshotTarget, SnapshotVersion } from './snapshot.ts';
import { coreRowOfUnitRow, unitRowOf } from './unit-row.ts';

// Evaluate-all's path (one target at every unit, what depends on the target prepared once) against the plan
// evaluation of the same snapshot, byte for byte; and the compact unit row it stores, put back together.
const UNITS = ['u0', 'u1', 'u2', 'u3', 'u4'];

function targetOf(c: EvaluationCase, i: number, extra: Partial<SnapshotTarget> = {}): SnapshotTarget {
  return {
    target_id: `t${i}`,
    indicator_id: `i${i}`,
    unit_id: 'plan-unit',
    kind: c.target.kind,
    spec: c.target,
    text: `Mục tiêu ${i}`,
    sort_order: i,
    target_provenance: i % 3 === 0 ? { line: i } : null,
    indicator_code: `C${i}`,
    indicator_name: `Chỉ tiêu ${i}`,
    unit_of_measure: c.target.kind === 'growth_average' ? '%' : 'tỷ đồng',
    measure: 'level',
    price_basis: 'none',
    parent_code: null,
    composite_rule: null,
    indicator_provenance: i % 4 === 0 ? { reportedVerdict: { text: 'Đạt', status: 'met' } } : null,
    document: null,
    ...extra,
  };
}

/** The case's figures at each unit, each unit missing a different one (so the units' verdicts differ). */
function versionsOf(c: EvaluationCase, i: number): SnapshotVersion[] {
  const out: SnapshotVersion[] = [];
  UNITS.forEach((unit, k) => {
    c.observations.forEach((o, j) => {
      if (j === k) return;
      out.push({
        observation_id: `o${i}-${unit}-${o.period}`,
        indicator_id: `i${i}`,
        unit_id: unit,
        period: o.period,
        version_id: `v${i}-${unit}-${o.period}`,
        seq: 1 + (j % 2),
        value: o.value,
        value_qualifier: null,
        value_text: null,
        status: o.status,
        vintage_label: j % 2 ? 'chính thức' : null,
        change_kind: 'vintage',
        measure: o.measure ?? (c.target.kind === 'growth_average' ? 'growth_rate' : 'level'),
        price_basis: o.priceBasis ?? 'none',
        source_text: 'Cục Thống kê',
        published_on: j % 3 ? `${Number(o.period.slice(0, 4)) + 1}-03-01` : null,
        workflow_state: 'approved',
      });
    });
  });
  return out;
}

/** The plan evaluation of the target set at every unit: what evaluate-all computed before it prepared targets. */
function perUnitSnapshot(plan: PlanSnapshot['plan'], t: SnapshotTarget, versions: SnapshotVersion[]): PlanSnapshot {
  return {
    plan,
    targets: UNITS.map((unit_id) => ({ ...t, unit_id })),
    versions,
    overrides: {},
    childUnits: {},
    composites: [],
    indicatorOrder: [t.indicator_code],
  };
}

const CASES = [...evaluationCases(60), ...inTermCases(60)];

describe('evaluateTargetAtUnits', () => {
  it('gives, byte for byte, the plan evaluation of the target at every unit, for every kind and stage', () => {
    const statuses = new Set<string>();
    const kinds = new Set<string>();
    CASES.forEach((c, i) => {
      // Every fifth a draft, every seventh another scope: rows that do not count say so at every unit.
      const extra: Partial<SnapshotTarget> =
        i % 5 === 0 ? { stage: 'draft' } : i % 7 === 0 ? { scope: { code: 'X', name: 'Xã X', own: false } } : {};
      const t = targetOf(c, i, extra);
      const versions = versionsOf(c, i);
      for (const settings of [{}, { progressMethod: 'statcan_opensdg' }]) {
        const plan = { id: 'p', tenantId: 'tn', settings };
        const want = evaluatePlanSnapshot(perUnitSnapshot(plan, t, versions), c.asOf).rows;
        const got = evaluateTargetAtUnits(plan, t, UNITS, versions, c.asOf);
        expect(JSON.stringify(got)).toBe(JSON.stringify(want));
        for (const r of got) statuses.add(r.status ?? `error:${r.error?.code ?? ''}`);
      }
      kinds.add(c.target.kind);
    });
    // Real verdicts of many kinds, not one failure everywhere.
    expect(kinds.size).toBeGreaterThan(6);
    expect(statuses.size).toBeGreaterThan(4);
  });

  it('fails every unit alike for a stored target that is not a target', () => {
    const c = CASES[0] as EvaluationCase;
    const t = targetOf(c, 0, { spec: { kind: 'level_at_end' } });
    const plan = { id: 'p', tenantId: 'tn', settings: {} };
    const versions = versionsOf(c, 0);
    const got = evaluateTargetAtUnits(plan, t, UNITS, versions, c.asOf);
    expect(got.map((r) => r.error?.code)).toEqual(UNITS.map(() => 'invalid_target'));
    expect(JSON.stringify(got)).toBe(
      JSON.stringify(evaluatePlanSnapshot(perUnitSnapshot(plan, t, versions), c.asOf).rows),
    );
  });
});

describe('the unit row evaluate-all stores', () => {
  it('puts the core row back together from the target, the unit row and the versions it names', () => {
    CASES.forEach((c, i) => {
      const t = targetOf(c, i);
      const versions = versionsOf(c, i);
      const byId = new Map(versions.map((v): [string, CoreVintage] => [v.version_id, coreVintage(v)]));
      for (const row of evaluateTargetAtUnits({ id: 'p', tenantId: 'tn', settings: {} }, t, UNITS, versions, c.asOf)) {
        const unit = unitRowOf(row);
        // What is stored: JSON text, without the target's part and the inputs' details.
        const stored = JSON.parse(JSON.stringify(unit.row)) as typeof unit.row;
        expect(Object.keys(stored)).not.toContain('inputs');
        expect(Object.keys(stored)).not.toContain('indicator');
        expect(unit.inputs).toEqual(row.inputs.map((v) => v.versionId));
        const back = coreRowOfUnitRow(
          baseRow(t),
          stored,
          unit.inputs.map((id) => byId.get(id) as CoreVintage),
        );
        expect(JSON.stringify(back)).toBe(JSON.stringify(row));
      }
    });
  });

  it('is built, byte for byte, from what the engine reads of each version alone (evaluateTargetAtUnitRows)', () => {
    // Only the fields evaluate-all reads (loadChosenFiguresOfIndicators): the others must not reach the stored row.
    const narrow = (v: SnapshotVersion): EngineVersion => ({
      indicator_id: v.indicator_id,
      unit_id: v.unit_id,
      period: v.period,
      version_id: v.version_id,
      value: v.value,
      value_qualifier: v.value_qualifier,
      value_text: v.value_text,
      status: v.status,
      measure: v.measure,
      price_basis: v.price_basis,
      published_on: v.published_on,
    });
    let rows = 0;
    CASES.forEach((c, i) => {
      const extra: Partial<SnapshotTarget> =
        i % 5 === 0 ? { stage: 'draft' } : i % 7 === 0 ? { scope: { code: 'X', name: 'Xã X', own: false } } : {};
      for (const t of [targetOf(c, i, extra), targetOf(c, i, { spec: { kind: c.target.kind } })]) {
        const versions = versionsOf(c, i);
        for (const settings of [{}, { progressMethod: 'statcan_opensdg' }]) {
          const plan = { id: 'p', tenantId: 'tn', settings };
          const want = evaluateTargetAtUnits(plan, t, UNITS, versions, c.asOf).map(unitRowOf);
          const got = evaluateTargetAtUnitRows(plan, t, UNITS, versions.map(narrow), c.asOf);
          expect(JSON.stringify(got)).toBe(JSON.stringify(want));
          rows += got.length;
        }
      }
    });
    expect(rows).toBe(CASES.length * 2 * 2 * UNITS.length);
  });

  it('refuses a row resting on a stand-in that is no stored version', () => {
    const c = CASES[1] as EvaluationCase;
    const [row] = evaluateTargetAtUnits(
      { id: 'p', tenantId: 'tn', settings: {} },
      targetOf(c, 1),
      UNITS,
      versionsOf(c, 1),
      c.asOf,
    );
    if (!row) throw new Error('no row');
    const input = row.inputs[0];
    if (!input) throw new Error('the row rests on no figure');
    expect(() => unitRowOf({ ...row, inputs: [{ ...input, consolidated: true }] })).toThrow(/not a stored version/);
  });
});
