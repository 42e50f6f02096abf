// Reports at scale: the results table ("Phụ lục 1") of the largest generated tenant (300 targets) as .xlsx and .docx,
// from its stored evaluation: seconds and the process's peak memory.
//   npx tsx bench/reports-scale.bench.ts [--scale city|national] [--db pglite|postgres] [--postgres URL] [--runs 3]
// The floor is reading the stored evaluation rows the report is made from (the plan's evaluation, as served).
import { renderResultsTable } from '../src/reports/render-results.ts';
import { systemActor } from '../src/services/context.ts';
import { evaluatePlan } from '../src/services/evaluations/evaluate-plan.ts';
import { recomputeEvaluations } from '../src/services/evaluations/recompute-evaluations.ts';
import { buildResultsTable } from '../src/services/reports/build-results-table.ts';
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
const RUNS = Number(option('runs') ?? 3);
printHeader('reports: the largest tenant’s results table as .xlsx and .docx', o);
const bench = await preparedDb(o);
const { db } = bench;
const largest = [...bench.generated.tenants].sort(
  (a, b) => b.communes - a.communes,
)[0] as (typeof bench.generated.tenants)[number];
const NOW = new Date(Date.UTC(o.spec.firstYear + o.spec.years, 0, 15));
const AS_OF = NOW.toISOString().slice(0, 10);
const ctx = { db, actor: systemActor('bench', largest.id), now: () => NOW };
const plan = (
  await db.query<{
    id: string;
    tenant_id: string;
    settings: Record<string, unknown>;
    tenant_settings: Record<string, unknown>;
  }>(
    'SELECT p.id, p.tenant_id, p.settings, tn.settings AS tenant_settings FROM plans p JOIN tenants tn ON tn.id = p.tenant_id WHERE p.id = $1',
    [largest.planId],
  )
)[0];
if (!plan) throw new Error('no plan');
let t0 = performance.now();
await db.transaction((tx) => recomputeEvaluations(tx, ctx, { plan, indicatorIds: null, causeVersionId: null }));
const recomputeSeconds = (performance.now() - t0) / 1000;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const floor: number[] = [];
const results: { format: string; bytes: number; rows: number; seconds: number }[] = [];
for (const format of ['xlsx', 'docx'] as const) {
  const times: number[] = [];
  let bytes = 0;
  let rows = 0;
  for (let run = 0; run <= RUNS; run++) {
    t0 = performance.now();
    await evaluatePlan({ ctx, input: { planCode: largest.planCode, asOf: AS_OF } });
    const read = (performance.now() - t0) / 1000;
    t0 = performance.now();
    const model = await buildResultsTable({ ctx, input: { planCode: largest.planCode, asOf: AS_OF } });
    const file = await renderResultsTable(model, format, NOW);
    const seconds = (performance.now() - t0) / 1000;
    if (run > 0) {
      times.push(seconds);
      floor.push(read);
    }
    bytes = file.length;
    rows = model.rows.length;
  }
  results.push({ format, bytes, rows, seconds: median(times) });
}
const floorSeconds = median(floor);
console.log('');
table(
  ['what', 'rows', 'bytes', 'median s', 'ratio'],
  [
    ['floor: read the stored evaluation', results[0]?.rows ?? 0, '', floorSeconds.toFixed(3), '1.00x'],
    ...results.map((r) => [
      `results table .${r.format}`,
      r.rows,
      r.bytes,
      r.seconds.toFixed(3),
      `${(r.seconds / floorSeconds).toFixed(1)}x`,
    ]),
  ],
);
console.log(
  `\ntenant ${largest.code} (${largest.communes} communes); plan recompute ${recomputeSeconds.toFixed(2)} s; peak RSS ${peakRssMiB()} MiB (generation included)`,
);
writeResult('reports-scale', o, {
  tenant: largest.code,
  recomputeSeconds,
  floorSeconds,
  results,
  runs: RUNS,
  peakRssMiB: peakRssMiB(),
});
await dropPrepared(bench, o);
