import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, SCALES, type ScaleSpec } from '../../bench/kit/generate.ts';
import { coreVintage } from '../../src/core/plan-evaluation/evaluate-plan-snapshot.ts';
import {
  baseRow,
  coreRowOfUnitRow,
  evaluatePlanSnapshot,
  UNIT_ROW_SCHEMA_VERSION,
  type UnitRow,
} from '../../src/core/plan-evaluation/index.ts';
import {
  evaluateAllUnits,
  unitRowsFrom,
  type UnitEvaluationBatch,
} from '../../src/services/evaluations/evaluate-all-units.ts';
import { openEvaluationPool } from '../../src/services/evaluations/evaluation-pool.ts';
import type { Db, Queryable } from '../../src/storage/db.ts';
import {
  loadChosenVersionsOfIndicators,
  loadPlanTargets,
} from '../../src/storage/repositories/evaluation-inputs-repo.ts';
import { openMigrated, testDatabases } from '../helpers/databases.ts';

// A seeded tenant big enough for several chunks and batches: 21 units × 60 targets (every kind the generator sets),
// yearly figures for five years with missing slots and replaced estimates.
const SPEC: ScaleSpec = { ...SCALES.city, communes: 20, indicators: 60, frequency: 'year' };
const COLUMNS = 'tenant_id, target_id, unit_id, as_of, status, actual_value, schema_version, result, input_version_ids';

describe.each(testDatabases)('evaluate-all on $name', (tdb) => {
  let db: Db;
  let plan: { id: string; tenantId: string; settings: Record<string, unknown> };
  beforeAll(async () => {
    db = await openMigrated(tdb);
    const made = await generate(db, SPEC, 20261130);
    const tenant = made.tenants[0];
    if (!tenant) throw new Error('the generator made no tenant');
    plan = { id: tenant.planId, tenantId: tenant.id, settings: {} };
    await db.exec(`CREATE TABLE unit_rows (run text NOT NULL, tenant_id uuid NOT NULL, target_id uuid NOT NULL,
      unit_id uuid NOT NULL, as_of date NOT NULL, status text NOT NULL, actual_value numeric, schema_version int NOT NULL,
      result jsonb NOT NULL, input_version_ids uuid[] NOT NULL)`);
  }, 120_000);
  afterAll(async () => {
    await db.close();
  });

  const storeAs =
    (run: string) =>
    (tx: Queryable, b: UnitEvaluationBatch): Promise<unknown> =>
      tx.query(
        `INSERT INTO unit_rows (run, ${COLUMNS})
         SELECT $1, $2, x.target_id, x.unit_id, $3, x.status, x.actual_value, $4, r.result, x.inputs
           FROM ${unitRowsFrom(5, 6, 'jsonb')}`,
        [run, b.tenantId, b.asOf, b.schemaVersion, b.json, b.results],
      );

  it('stores the same rows from worker threads as from the calling thread, every target at every unit', async () => {
    const asOf = { year: 2031, month: 1 };
    const runs: Record<string, Awaited<ReturnType<typeof evaluateAllUnits>>> = {};
    for (const [run, workers] of [
      ['calling-thread', 0],
      ['workers', 2],
    ] as const) {
      const pool = openEvaluationPool({ workers });
      try {
        runs[run] = await evaluateAllUnits(db, { plan, asOf, pool, store: storeAs(run) });
      } finally {
        await pool.close();
      }
    }
    const units = SPEC.communes + 1;
    expect(runs['calling-thread']?.evaluations).toBe(SPEC.indicators * units);
    expect(runs.workers).toEqual(runs['calling-thread']);
    const counts = await db.query<{ run: string; n: number; statuses: number }>(
      `SELECT run, count(*)::int AS n, count(DISTINCT status)::int AS statuses FROM unit_rows GROUP BY run ORDER BY run`,
    );
    expect(counts).toEqual([
      { run: 'calling-thread', n: SPEC.indicators * units, statuses: expect.any(Number) },
      { run: 'workers', n: SPEC.indicators * units, statuses: expect.any(Number) },
    ]);
    // Real verdicts, not one status everywhere: the seeded figures meet some targets and miss others.
    expect(counts[0]?.statuses).toBeGreaterThan(2);
    const differing = async (a: string, b: string) =>
      (
        await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM (SELECT ${COLUMNS} FROM unit_rows WHERE run = $1
             EXCEPT ALL SELECT ${COLUMNS} FROM unit_rows WHERE run = $2) d`,
          [a, b],
        )
      )[0]?.n;
    expect(await differing('calling-thread', 'workers')).toBe(0);
    expect(await differing('workers', 'calling-thread')).toBe(0);
    // Each stored row names the figures it rests on, and those are the tenant's approved versions.
    const foreign = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM unit_rows r CROSS JOIN LATERAL unnest(r.input_version_ids) AS i(id)
        WHERE NOT EXISTS (SELECT 1 FROM observation_versions v WHERE v.id = i.id AND v.tenant_id = r.tenant_id
                            AND v.workflow_state = 'approved')`,
    );
    expect(foreign[0]?.n).toBe(0);
  }, 120_000);

  it('stores compact unit rows that give back the plan evaluation of each target at each unit', async () => {
    // The rows of the calling thread's run (the test above), read back as a reader would: each put back together from
    // its target's part and the versions it names, against the core's plan evaluation of that target at every unit.
    const asOf = { year: 2031, month: 1 };
    const targets = await loadPlanTargets(db, plan.tenantId, plan.id);
    const units = (
      await db.query<{ id: string }>('SELECT id FROM units WHERE tenant_id = $1 ORDER BY code', [plan.tenantId])
    ).map((u) => u.id);
    const chosen = await loadChosenVersionsOfIndicators(db, plan.tenantId, [
      ...new Set(targets.map((t) => t.indicator_id)),
    ]);
    const vintages = new Map([...chosen.values()].flat().map((v) => [v.version_id, coreVintage(v)]));
    const stored = await db.query<{
      target_id: string;
      unit_id: string;
      schema_version: number;
      result: UnitRow;
      input_version_ids: string[];
    }>(
      `SELECT target_id, unit_id, schema_version, result, input_version_ids FROM unit_rows WHERE run = 'calling-thread'`,
    );
    const byKey = new Map(stored.map((r) => [`${r.target_id}/${r.unit_id}`, r]));
    let compared = 0;
    for (const target of targets) {
      const want = evaluatePlanSnapshot(
        {
          plan,
          targets: units.map((unit_id) => ({ ...target, unit_id })),
          versions: chosen.get(target.indicator_id) ?? [],
          overrides: {},
          childUnits: {},
          composites: [],
          indicatorOrder: [target.indicator_code],
        },
        asOf,
      ).rows;
      units.forEach((unit, k) => {
        const r = byKey.get(`${target.target_id}/${unit}`);
        if (!r) throw new Error(`no stored row for ${target.target_id} at ${unit}`);
        expect(r.schema_version).toBe(UNIT_ROW_SCHEMA_VERSION);
        const inputs = r.input_version_ids.map((id) => {
          const v = vintages.get(id);
          if (!v) throw new Error(`version ${id} is not among the chosen`);
          return v;
        });
        expect(coreRowOfUnitRow(baseRow(target), r.result, inputs)).toEqual(want[k]);
        compared++;
      });
    }
    expect(compared).toBe(SPEC.indicators * (SPEC.communes + 1));
  }, 120_000);

  it('stores nothing when a batch cannot be written: the tenant’s rows are one transaction', async () => {
    const pool = openEvaluationPool({ workers: 1 });
    let batches = 0;
    try {
      await expect(
        evaluateAllUnits(db, {
          plan,
          asOf: { year: 2031, month: 1 },
          pool,
          store: async (tx, b) => {
            batches++;
            // The second batch names a unit that is not a uuid: the database refuses it.
            const json = batches === 2 ? b.json.replace(/"unit_id":"[^"]*"/, '"unit_id":"xã?"') : b.json;
            return storeAs('failing')(tx, { ...b, json });
          },
        }),
      ).rejects.toThrow(/uuid/);
    } finally {
      await pool.close();
    }
    expect(batches).toBeGreaterThan(1);
    const left = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM unit_rows WHERE run = 'failing'`);
    expect(left[0]?.n).toBe(0);
  }, 120_000);

  it('refuses a batch whose results do not match its rows one for one, and stores nothing', async () => {
    const pool = openEvaluationPool({ workers: 0 });
    let batches = 0;
    try {
      await expect(
        evaluateAllUnits(db, {
          plan,
          asOf: { year: 2031, month: 1 },
          pool,
          store: async (tx, b) => {
            batches++;
            // The second batch loses its last result: its last row would have none, and the column refuses a null.
            const results = batches === 2 ? b.results.slice(0, b.results.lastIndexOf('\x1e')) : b.results;
            return storeAs('short')(tx, { ...b, results });
          },
        }),
      ).rejects.toThrow(/null/);
    } finally {
      await pool.close();
    }
    expect(batches).toBeGreaterThan(1);
    const left = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM unit_rows WHERE run = 'short'`);
    expect(left[0]?.n).toBe(0);
  }, 120_000);

  it('refuses a count of threads that is not a whole number', () => {
    expect(() => openEvaluationPool({ workers: -1 })).toThrow(RangeError);
    expect(() => openEvaluationPool({ workers: 1.5 })).toThrow(RangeError);
  });
});
