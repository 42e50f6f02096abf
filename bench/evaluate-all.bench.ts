// Evaluate-all: every target of every tenant for every unit (the province and each commune), from the database to
// stored evaluations, beside the floor: the bare SQL scan that reads the same figures into the process.
//   npx tsx bench/evaluate-all.bench.ts [--scale city|national] [--db pglite|postgres] [--postgres URL] [--seed N]
// The engine path, a few indicators at a time: the approved version that counts of each figure (the product's SQL,
// one query per chunk of indicators), every (target × unit) evaluated by the product's pure plan evaluation, the rows
// stored set-based (one commit per tenant, in one transaction, up to 500 rows per INSERT from one JSON parameter),
// the next chunk's read and the last batch's write overlapping the evaluation. The floor reads the same figures in
// the same chunks; the floor read one indicator a query, as before 2026-11-30 10:00 UTC, is printed beside.
// Then, as an approval does, each tenant's plan is recomputed and stored (recomputeEvaluations).
// Goal: within 2x of the floor on PostgreSQL, 3x on PGlite.
import {
  evaluatePlanSnapshot,
  type PlanSnapshot,
  type SnapshotTarget,
  type SnapshotVersion,
} from '../src/core/plan-evaluation/index.ts';
import { systemActor } from '../src/services/context.ts';
import { recomputeEvaluations } from '../src/services/evaluations/recompute-evaluations.ts';
import type { Db, Queryable } from '../src/storage/db.ts';
import {
  loadChosenVersionsOfIndicators,
  loadPlanSnapshot,
} from '../src/storage/repositories/evaluation-inputs-repo.ts';
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

/**
 * The tenant's targets in chunks read together: about UNITS_PER_READ (indicator × unit) series per query, so a read
 * stays a few thousand figures whatever the shape (national: ~10 indicators of ~100 units; city: a few indicators of
 * 115 units × 65 periods), and the round trips and query plans are not paid per indicator.
 */
const UNITS_PER_READ = 1000;
function chunksOf(targets: SnapshotTarget[], units: number): SnapshotTarget[][] {
  const size = Math.max(1, Math.floor(UNITS_PER_READ / Math.max(1, units)));
  const out: SnapshotTarget[][] = [];
  for (let i = 0; i < targets.length; i += size) out.push(targets.slice(i, i + size));
  return out;
}
const indicatorsOf = (chunk: SnapshotTarget[]): string[] => [...new Set(chunk.map((t) => t.indicator_id))];

/**
 * Rows evaluated and waiting to be stored, as the text of one JSON array: each row's result is stringified once,
 * straight into the statement's single parameter (an array parameter of jsonb would escape every quote of every
 * result again, and PostgreSQL would parse the array literal before each element).
 */
interface Pending {
  json: string;
  rows: number;
}
const emptyPending = (): Pending => ({ json: '', rows: 0 });
/** Rows per INSERT: bounded so that memory stays flat, and small enough that a batch is written while the next is evaluated. */
const BATCH = 500;

function store(d: Queryable, tenantId: string, asOf: string, p: Pending): Promise<unknown> {
  if (p.rows === 0) return Promise.resolve();
  return d.query(
    `INSERT INTO bench_unit_evaluations (tenant_id, target_id, unit_id, as_of, status, actual_value, result, input_version_ids)
     SELECT $1, x.target_id, x.unit_id, $2, x.status, x.actual_value, x.result, x.inputs
       FROM jsonb_to_recordset($3::jsonb) AS x(target_id uuid, unit_id uuid, status text, actual_value numeric, result jsonb, inputs uuid[])`,
    [tenantId, asOf, `[${p.json}]`],
  );
}

/**
 * Every target of the tenant at every unit: the chosen versions read a chunk of indicators at a time (as the floor
 * reads them), the
 * rows stored set-based in one transaction (one commit per tenant: a commit per indicator waited for the WAL flush
 * 10,200 times at national scale), up to BATCH rows per statement. The database's work overlaps the engine's: the
 * next chunk's figures are read (on a connection of the pool) while this one is evaluated, and a batch is
 * written (on the transaction's connection) while the next ones are evaluated; only the commit is waited for.
 */
/** One turn of the event loop: lets a query just started reach the database (the pool connects, the transaction's
 * queue hands it on) before synchronous work holds the thread. */
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

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
  const chunks = chunksOf(targets, units.length);
  await d.transaction(async (tx) => {
    // PostgreSQL: read on another connection of the pool while the transaction's writes its batches. PGlite is one
    // connection, held by the transaction: a read outside it would wait for the commit (a deadlock).
    const reader = d.kind === 'postgres' ? d : tx;
    const load = (k: number) => {
      const chunk = chunks[k];
      return chunk ? loadChosenVersionsOfIndicators(reader, plan.tenant_id, indicatorsOf(chunk)) : null;
    };
    let pending = emptyPending();
    const writes: Promise<unknown>[] = [];
    let next = load(0);
    for (let k = 0; k < chunks.length; k++) {
      const read = (await next) ?? new Map<string, SnapshotVersion[]>();
      next = load(k + 1);
      await turn(); // the read is sent before the evaluation holds the thread
      for (const target of chunks[k] ?? []) {
        const versions = read.get(target.indicator_id) ?? [];
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
        const targetId = JSON.stringify(target.target_id);
        rows.forEach((r, j) => {
          const status = r.status ?? 'invalid';
          statuses[status] = (statuses[status] ?? 0) + 1;
          const inputs = r.inputs.map((v) => v.versionId).filter((v) => v);
          pending.json +=
            `${pending.rows === 0 ? '' : ','}{"target_id":${targetId},"unit_id":${JSON.stringify(units[j] ?? '')},` +
            `"status":${JSON.stringify(status)},"actual_value":${JSON.stringify(r.actual.value)},` +
            `"result":${JSON.stringify(r)},"inputs":${JSON.stringify(inputs)}}`;
          pending.rows++;
        });
        evaluations += rows.length;
        if (pending.rows >= BATCH) {
          writes.push(store(tx, plan.tenant_id, asOf, pending));
          pending = emptyPending();
          await turn(); // the batch is sent before the next evaluations
        }
      }
    }
    writes.push(store(tx, plan.tenant_id, asOf, pending));
    await Promise.all(writes);
  });
  return { evaluations, figures };
}

const statuses: Record<string, number> = {};
let floorMs = 0;
let floorPerIndicatorMs = 0;
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
  for (const chunk of chunksOf(targets, units.length))
    floorRows += await floorScan(db, plan.tenant_id, indicatorsOf(chunk));
  floorMs += performance.now() - t0;
  t0 = performance.now();
  for (const t of targets) await floorScanPerIndicator(db, plan.tenant_id, t.indicator_id);
  floorPerIndicatorMs += performance.now() - t0;
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
  },
  planRecompute: { plans: plans.length, seconds: recomputeMs / 1000 },
  ratio,
  goal,
  statuses,
  peakRssMiB: peakRssMiB(),
});
await dropPrepared(bench, o);
