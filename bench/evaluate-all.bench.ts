// Evaluate-all: every target of every tenant for every unit (the province and each commune), from the database to
// stored evaluations, beside the floor: the bare SQL scan that reads the same figures into the process.
//   npx tsx bench/evaluate-all.bench.ts [--scale city|national] [--db pglite|postgres] [--postgres URL] [--seed N]
//     [--workers N] [--jsonb]
// The engine path is the product's evaluate-all (src/services/evaluations/evaluate-all-units.ts), a few indicators at
// a time: the approved version that counts of each figure (one query per chunk of indicators), every (target × unit)
// evaluated by the core's plan evaluation in the evaluation pool (`--workers N` threads, default two fewer than the
// cores; 0: the calling thread), the rows stored set-based (one commit per tenant, up to 500 rows per INSERT from one
// JSON parameter), reads and writes overlapping the evaluation. The floor reads the same figures in the same chunks;
// the floor read one indicator a query, as before 2026-11-30 10:00 UTC, is printed beside.
// Then, as an approval does, each tenant's plan is recomputed and stored (recomputeEvaluations).
// Goal: within 2x of the floor on PostgreSQL, 3x on PGlite.
import { systemActor } from '../src/services/context.ts';
import {
  chunksOfTargets,
  evaluateAllUnits,
  indicatorsOfChunk,
  unitRowsFrom,
  type UnitEvaluationBatch,
} from '../src/services/evaluations/evaluate-all-units.ts';
import { openEvaluationPool } from '../src/services/evaluations/evaluation-pool.ts';
import { recomputeEvaluations } from '../src/services/evaluations/recompute-evaluations.ts';
import type { Db, Queryable } from '../src/storage/db.ts';
import { loadPlanTargets } from '../src/storage/repositories/evaluation-inputs-repo.ts';
import {
  dropPrepared,
  kitOptions,
  option,
  peakRssMiB,
  preparedDb,
  printHeader,
  table,
  writeResult,
} from './kit/common.ts';

const o = kitOptions();
printHeader('evaluate-all: every target × every unit, database → stored evaluations', o);
const bench = await preparedDb(o);
const { db } = bench;
const NOW = new Date(Date.UTC(o.spec.firstYear + o.spec.years, 0, 15));
const AS_OF = { year: o.spec.firstYear + o.spec.years, month: 1 };
const RESULT_TYPE = process.argv.includes('--jsonb') ? 'jsonb' : 'json';

// Where the per-unit evaluations are stored: the product's evaluations columns, in a table of the benchmark's own
// (the product's evaluations table keeps the history of each plan target at its own unit only). The compact unit row
// is kept as json, the engine's text as it wrote it (checked as JSON, not rebuilt as jsonb: a million rows are written
// at once and each is read whole, by its target and unit; `--jsonb` stores it as jsonb, for comparison).
await db.exec(`DROP TABLE IF EXISTS bench_unit_evaluations; CREATE TABLE bench_unit_evaluations (
  tenant_id uuid NOT NULL, target_id uuid NOT NULL, unit_id uuid NOT NULL, as_of date NOT NULL, status text NOT NULL,
  actual_value numeric, schema_version int NOT NULL, result ${RESULT_TYPE} NOT NULL, input_version_ids uuid[] NOT NULL,
  computed_at timestamptz NOT NULL DEFAULT now())`);

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

/**
 * The floor: the same figures (every version of the chunk's indicators' observations) read into the process, nothing
 * else, in the same queries as the engine reads them (one per chunk of indicators).
 */
async function floorScan(d: Db, tenantId: string, indicatorIds: readonly string[]): Promise<number> {
  const rows = await d.query(
    `SELECT o.unit_id, o.period, v.seq, v.value, v.status, v.published_on
       FROM observations o JOIN observation_versions v ON v.observation_id = o.id AND v.tenant_id = o.tenant_id
      WHERE o.tenant_id = $1 AND o.indicator_id = ANY($2::uuid[])`,
    [tenantId, indicatorIds],
  );
  return rows.length;
}

/** The floor as it was read before (to 2026-11-30 morning): one query per indicator; printed beside, for comparison. */
async function floorScanPerIndicator(d: Db, tenantId: string, indicatorId: string): Promise<number> {
  const rows = await d.query(
    `SELECT o.unit_id, o.period, v.seq, v.value, v.status, v.published_on
       FROM observations o JOIN observation_versions v ON v.observation_id = o.id AND v.tenant_id = o.tenant_id
      WHERE o.tenant_id = $1 AND o.indicator_id = $2`,
    [tenantId, indicatorId],
  );
  return rows.length;
}

const chunksOf = chunksOfTargets;
const indicatorsOf = indicatorsOfChunk;

/**
 * The benchmark's store: each batch of rows from its two parameters into bench_unit_evaluations (the rows' columns as
 * one JSON array, the results apart: each result parsed once, into its column).
 */
function store(d: Queryable, b: UnitEvaluationBatch): Promise<unknown> {
  return d.query(
    `INSERT INTO bench_unit_evaluations (tenant_id, target_id, unit_id, as_of, status, actual_value, schema_version, result, input_version_ids)
     SELECT $1, x.target_id, x.unit_id, $2, x.status, x.actual_value, $3, r.result, x.inputs
       FROM ${unitRowsFrom(4, 5, RESULT_TYPE)}`,
    [b.tenantId, b.asOf, b.schemaVersion, b.json, b.results],
  );
}

// The evaluation pool of the whole run: `--workers N` threads (0: the calling thread alone).
const workersOption = option('workers');
const pool = openEvaluationPool(workersOption === undefined ? {} : { workers: Number(workersOption) });
console.log(`evaluation: ${pool.workers === 0 ? 'on the calling thread' : `${pool.workers} worker thread(s)`}`);

const statuses: Record<string, number> = {};
let floorMs = 0;
let floorPerIndicatorMs = 0;
let engineMs = 0;
let engineCpuMs = 0;
let recomputeMs = 0;
let floorRows = 0;
let evaluations = 0;
let figures = 0;
for (const plan of plans) {
  const units = await unitsOf(plan.tenant_id);
  const targets = await loadPlanTargets(db, plan.tenant_id, plan.id);
  // Floor and engine alternate per tenant so that load on the shared machine weighs on both alike.
  let t0 = performance.now();
  for (const chunk of chunksOf(targets, units.length))
    floorRows += await floorScan(db, plan.tenant_id, indicatorsOf(chunk));
  floorMs += performance.now() - t0;
  t0 = performance.now();
  for (const t of targets) await floorScanPerIndicator(db, plan.tenant_id, t.indicator_id);
  floorPerIndicatorMs += performance.now() - t0;
  const cpu0 = process.cpuUsage();
  t0 = performance.now();
  const e = await evaluateAllUnits(db, {
    plan: { id: plan.id, tenantId: plan.tenant_id, settings: plan.settings },
    asOf: AS_OF,
    pool,
    store,
  });
  const cpu = process.cpuUsage(cpu0);
  engineCpuMs += (cpu.user + cpu.system) / 1000;
  engineMs += performance.now() - t0;
  for (const [status, n] of Object.entries(e.statuses)) statuses[status] = (statuses[status] ?? 0) + n;
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
      'floor read per indicator (as before)',
      floorRows,
      (floorPerIndicatorMs / 1000).toFixed(2),
      Math.round(floorRows / (floorPerIndicatorMs / 1000)),
      `${(floorPerIndicatorMs / floorMs).toFixed(2)}x`,
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
    `(goal ≤ ${goal}x on ${o.database}: ${ratio <= goal ? 'met' : 'NOT met'}); ` +
    `${(engineMs / floorPerIndicatorMs).toFixed(2)}x the floor read per indicator; peak RSS ${peakRssMiB()} MiB`,
);
console.log(
  `engine CPU (every thread of the process): ${(engineCpuMs / 1000).toFixed(2)} s, ${((engineCpuMs * 1000) / Math.max(1, evaluations)).toFixed(1)} µs an evaluation`,
);
console.log(`statuses: ${JSON.stringify(statuses)}`);
writeResult('evaluate-all', o, {
  figures: bench.generated.observations,
  versions: bench.generated.versions,
  generateSeconds: Math.round(bench.generated.seconds * 10) / 10,
  floor: { rows: floorRows, seconds: floorMs / 1000, readsPerTenant: 'chunks of ~1000 (indicator × unit) series' },
  floorPerIndicator: { seconds: floorPerIndicatorMs / 1000, ratio: engineMs / floorPerIndicatorMs },
  engine: {
    evaluations,
    chosenFigures: figures,
    seconds: engineMs / 1000,
    evaluationsPerSecond: evaluations / (engineMs / 1000),
    cpuSeconds: engineCpuMs / 1000,
  },
  evaluationWorkers: pool.workers,
  storedResult: RESULT_TYPE,
  planRecompute: { plans: plans.length, seconds: recomputeMs / 1000 },
  ratio,
  goal,
  statuses,
  peakRssMiB: peakRssMiB(),
});
await pool.close();
await dropPrepared(bench, o);
