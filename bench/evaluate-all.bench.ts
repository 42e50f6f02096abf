// Evaluate-all: every target of every tenant for every unit (the province and each commune), from the database to
// stored evaluations, beside the floor: the bare SQL scan that reads the same figures into the process.
//   npx tsx bench/evaluate-all.bench.ts [--scale city|national] [--db pglite|postgres] [--postgres URL] [--seed N]
// The engine path, per indicator: the approved version that counts of each figure (the product's SQL), every
// (target × unit) evaluated by the product's pure plan evaluation, the rows stored set-based (one commit per
// tenant, in one transaction, up to 5,000 rows per INSERT). Then, as an approval does, each tenant's plan is
// recomputed and stored (recomputeEvaluations).
// Goal: within 2x of the floor on PostgreSQL, 3x on PGlite.
import { evaluatePlanSnapshot, type PlanSnapshot, type SnapshotTarget } from '../src/core/plan-evaluation/index.ts';
import { systemActor } from '../src/services/context.ts';
import { recomputeEvaluations } from '../src/services/evaluations/recompute-evaluations.ts';
import type { Db, Queryable } from '../src/storage/db.ts';
import { loadChosenVersionsOfIndicator, loadPlanSnapshot } from '../src/storage/repositories/evaluation-inputs-repo.ts';
import { dropPrepared, kitOptions, peakRssMiB, preparedDb, printHeader, table, writeResult } from './kit/common.ts';

const o = kitOptions();
printHeader('evaluate-all: every target × every unit, database → stored evaluations', o);
const bench = await preparedDb(o);
const { db } = bench;
const NOW = new Date(Date.UTC(o.spec.firstYear + o.spec.years, 0, 15));
const AS_OF = { year: o.spec.firstYear + o.spec.years, month: 1 };

// Where the per-unit evaluations are stored: the product's evaluations columns, in a table of the benchmark's own
// (the product's evaluations table keeps the history of each plan target at its own unit only).
await db.exec(`DROP TABLE IF EXISTS bench_unit_evaluations; CREATE TABLE bench_unit_evaluations (
  tenant_id uuid NOT NULL, target_id uuid NOT NULL, unit_id uuid NOT NULL, as_of date NOT NULL, status text NOT NULL,
  actual_value numeric, result jsonb NOT NULL, input_version_ids uuid[] NOT NULL, computed_at timestamptz NOT NULL DEFAULT now())`);

interface Plan {
  id: string;
  tenant_id: string;
  settings: Record<string, unknown>;
  tenant_settings: Record<string, unknown>;
  code: string;
  name: string;
}
const plans = await db.query<Plan & Record<string, unknown>>(
  `SELECT p.id, p.tenant_id, p.settings, tn.settings AS tenant_settings, p.code, p.name FROM plans p JOIN tenants tn ON tn.id = p.tenant_id ORDER BY tn.code`,
);

async function unitsOf(tenantId: string): Promise<string[]> {
  return (await db.query<{ id: string }>('SELECT id FROM units WHERE tenant_id = $1 ORDER BY code', [tenantId])).map(
    (r) => r.id,
  );
}

/** The floor: the same figures (every version of the indicator's observations) read into the process, nothing else. */
async function floorScan(d: Db, tenantId: string, indicatorId: string): Promise<number> {
  const rows = await d.query(
    `SELECT o.unit_id, o.period, v.seq, v.value, v.status, v.published_on
       FROM observations o JOIN observation_versions v ON v.observation_id = o.id AND v.tenant_id = o.tenant_id
      WHERE o.tenant_id = $1 AND o.indicator_id = $2`,
    [tenantId, indicatorId],
  );
  return rows.length;
}

/** Rows evaluated and waiting to be stored: written together, many targets in one statement. */
interface Pending {
  targets: string[];
  units: string[];
  statuses: string[];
  values: Array<string | null>;
  results: string[];
  inputs: string[];
}
const emptyPending = (): Pending => ({ targets: [], units: [], statuses: [], values: [], results: [], inputs: [] });
/** Rows per INSERT: bounded so that memory stays flat and a statement's parameters stay small. */
const BATCH = 5000;

async function store(d: Queryable, tenantId: string, asOf: string, p: Pending): Promise<void> {
  if (p.targets.length === 0) return;
  await d.query(
    `INSERT INTO bench_unit_evaluations (tenant_id, target_id, unit_id, as_of, status, actual_value, result, input_version_ids)
     SELECT $1, x.target_id, x.unit_id, $2, x.status, x.actual_value, x.result, ARRAY(SELECT jsonb_array_elements_text(x.inputs))::uuid[]
       FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::numeric[], $7::jsonb[], $8::jsonb[]) AS x(target_id, unit_id, status, actual_value, result, inputs)`,
    [tenantId, asOf, p.targets, p.units, p.statuses, p.values, p.results, p.inputs],
  );
}

/**
 * Every target of the tenant at every unit: the chosen versions read per indicator (as the floor reads them), the
 * rows stored set-based in one transaction, up to BATCH rows per statement (one commit per tenant: a commit per
 * indicator waited for the WAL flush 10,200 times at national scale).
 */
async function engine(
  d: Db,
  plan: Plan,
  targets: SnapshotTarget[],
  units: string[],
  statuses: Record<string, number>,
): Promise<{ evaluations: number; figures: number }> {
  let evaluations = 0;
  let figures = 0;
  const asOf = `${AS_OF.year}-${String(AS_OF.month).padStart(2, '0')}-01`;
  await d.transaction(async (tx) => {
    let pending = emptyPending();
    for (const target of targets) {
      const versions = await loadChosenVersionsOfIndicator(tx, plan.tenant_id, target.indicator_id);
      figures += versions.length;
      const snapshot: PlanSnapshot = {
        plan: { id: plan.id, tenantId: plan.tenant_id, settings: plan.settings },
        targets: units.map((unitId) => ({ ...target, unit_id: unitId })),
        versions,
        overrides: {},
        childUnits: {},
        composites: [],
        indicatorOrder: [target.indicator_code],
      };
      const { rows } = evaluatePlanSnapshot(snapshot, AS_OF);
      rows.forEach((r, k) => {
        const status = r.status ?? 'invalid';
        statuses[status] = (statuses[status] ?? 0) + 1;
        pending.targets.push(target.target_id);
        pending.units.push(units[k] ?? '');
        pending.statuses.push(status);
        pending.values.push(r.actual.value);
        pending.results.push(JSON.stringify(r));
        pending.inputs.push(JSON.stringify(r.inputs.map((v) => v.versionId).filter((v) => v)));
      });
      evaluations += rows.length;
      if (pending.targets.length >= BATCH) {
        await store(tx, plan.tenant_id, asOf, pending);
        pending = emptyPending();
      }
    }
    await store(tx, plan.tenant_id, asOf, pending);
  });
  return { evaluations, figures };
}

const statuses: Record<string, number> = {};
let floorMs = 0;
let engineMs = 0;
let recomputeMs = 0;
let floorRows = 0;
let evaluations = 0;
let figures = 0;
for (const plan of plans) {
  const units = await unitsOf(plan.tenant_id);
  const snapshot = await loadPlanSnapshot(db, plan, { approvedOnly: true, publishedOn: null });
  const targets = snapshot.targets;
  // Floor and engine alternate per tenant so that load on the shared machine weighs on both alike.
  let t0 = performance.now();
  for (const t of targets) floorRows += await floorScan(db, plan.tenant_id, t.indicator_id);
  floorMs += performance.now() - t0;
  t0 = performance.now();
  const e = await engine(db, plan, targets, units, statuses);
  engineMs += performance.now() - t0;
  evaluations += e.evaluations;
  figures += e.figures;
  // The product's recompute of the plan (stored plan evaluation + history of every target), as one write does.
  t0 = performance.now();
  const ctx = { db, actor: systemActor('bench'), now: () => NOW };
  await db.transaction((tx) =>
    recomputeEvaluations(tx, { ...ctx }, { plan, indicatorIds: null, causeVersionId: null }),
  );
  recomputeMs += performance.now() - t0;
}
const stored = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM bench_unit_evaluations'))[0]?.n ?? 0;
if (stored !== evaluations) throw new Error(`stored ${stored} evaluations, expected ${evaluations}`);

const ratio = engineMs / floorMs;
const goal = o.database === 'postgres' ? 2 : 3;
console.log('');
table(
  ['path', 'rows', 'seconds', 'rows/s', 'ratio'],
  [
    [
      'floor: bare scan of the figures',
      floorRows,
      (floorMs / 1000).toFixed(2),
      Math.round(floorRows / (floorMs / 1000)),
      '1.00x',
    ],
    [
      'engine: choose, evaluate, store',
      evaluations,
      (engineMs / 1000).toFixed(2),
      Math.round(evaluations / (engineMs / 1000)),
      `${ratio.toFixed(2)}x`,
    ],
    [`plan recompute (${plans.length} plan(s), product path)`, plans.length, (recomputeMs / 1000).toFixed(2), '', ''],
  ],
);
console.log(
  `\n${evaluations.toLocaleString('en')} evaluations over ${figures.toLocaleString('en')} chosen figures; ` +
    `${Math.round(evaluations / (engineMs / 1000)).toLocaleString('en')} evaluations/s; ratio to floor ${ratio.toFixed(2)}x ` +
    `(goal ≤ ${goal}x on ${o.database}: ${ratio <= goal ? 'met' : 'NOT met'}); peak RSS ${peakRssMiB()} MiB`,
);
console.log(`statuses: ${JSON.stringify(statuses)}`);
writeResult('evaluate-all', o, {
  figures: bench.generated.observations,
  versions: bench.generated.versions,
  generateSeconds: Math.round(bench.generated.seconds * 10) / 10,
  floor: { rows: floorRows, seconds: floorMs / 1000 },
  engine: {
    evaluations,
    chosenFigures: figures,
    seconds: engineMs / 1000,
    evaluationsPerSecond: evaluations / (engineMs / 1000),
  },
  planRecompute: { plans: plans.length, seconds: recomputeMs / 1000 },
  ratio,
  goal,
  statuses,
  peakRssMiB: peakRssMiB(),
});
await dropPrepared(bench, o);
