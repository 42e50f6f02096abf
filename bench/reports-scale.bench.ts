// Reports at scale (issue 18): the results table ("Phụ lục 1") of a plan of 300 indicators with monthly figures
// (the issue asks for 10 years: pass --years 10) as .xlsx, .docx and PDF, from its stored evaluation: seconds and the
// peak memory of each step (sampled by a worker thread, so it is the step's own peak, not the run's), at a quarter,
// half and all of the table's rows, to see whether memory grows with the table.
//   npx tsx bench/reports-scale.bench.ts [--years 10] [--communes N] [--scale city|national] [--db pglite|postgres]
//     [--postgres URL] [--runs 3]
// Two floors, measured in the same run:
//   - reading the stored evaluation rows the report is made from (the plan's evaluation, as served);
//   - ExcelJS alone writing the same cells (every row's text and numbers, no styles, merges or print setup) with its
//     streaming WorkbookWriter: what any .xlsx of this table costs.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { renderResultsTable, type ReportFormat } from '../src/reports/render-results.ts';
import { systemActor } from '../src/services/context.ts';
import { evaluatePlan } from '../src/services/evaluations/evaluate-plan.ts';
import { recomputeEvaluations } from '../src/services/evaluations/recompute-evaluations.ts';
import { buildResultsTable } from '../src/services/reports/build-results-table.ts';
import type { ResultsTableModel } from '../src/services/reports/results-table-model.ts';
import {
  dropPrepared,
  kitOptions,
  option,
  peakRssMiB,
  preparedDb,
  printHeader,
  rssSampler,
  table,
  writeResult,
} from './kit/common.ts';

const o = kitOptions();
const RUNS = Number(option('runs') ?? 3);
printHeader('reports: a plan’s results table as .xlsx, .docx and PDF', o);
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
const provinceFigures = (
  await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM observations o JOIN indicators i ON i.id = o.indicator_id
       JOIN units u ON u.id = o.unit_id WHERE i.plan_id = $1 AND u.level = 'province'`,
    [largest.planId],
  )
)[0]?.n;
const t0 = performance.now();
await db.transaction((tx) => recomputeEvaluations(tx, ctx, { plan, indicatorIds: null, causeVersionId: null }));
const recomputeSeconds = (performance.now() - t0) / 1000;

/** The same cells as the results table (text and numbers of every row), written by ExcelJS alone, streaming. */
async function excelJsAlone(model: ResultsTableModel): Promise<number> {
  const out = new PassThrough();
  let bytes = 0;
  out.on('data', (c: Buffer) => (bytes += c.length));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const ws = wb.addWorksheet('floor');
  for (const row of model.rows) {
    if (row.kind === 'group') ws.addRow([row.label, row.text]).commit();
    else {
      const num = (c: { value?: string; text?: string } | null) =>
        c === null ? null : c.value !== undefined ? Number(c.value) : (c.text ?? null);
      ws.addRow([
        row.stt,
        row.name,
        row.unit,
        num(row.targetEnd),
        num(row.targetAverage),
        num(row.actualEnd),
        num(row.actualAverage),
        row.verdict ?? '',
      ]).commit();
    }
  }
  ws.commit();
  await wb.commit();
  return bytes;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const sampler = await rssSampler();
const full = await buildResultsTable({ ctx, input: { planCode: largest.planCode, asOf: AS_OF } });
const sizes = [0.25, 0.5, 1].map((f) => Math.max(1, Math.round(full.rows.length * f)));
interface Step {
  what: string;
  rows: number;
  bytes: number;
  seconds: number;
  /** The step's own peak: the highest RSS during the step less the RSS when it started. */
  peakGrowthMiB: number;
}
const steps: Step[] = [];
async function measure(what: string, rows: number, run: () => Promise<number>): Promise<Step> {
  const times: number[] = [];
  const growth: number[] = [];
  let bytes = 0;
  for (let i = 0; i <= RUNS; i++) {
    await sampler.start();
    const t = performance.now();
    bytes = await run();
    const seconds = (performance.now() - t) / 1000;
    if (i > 0) {
      times.push(seconds);
      growth.push(sampler.peakMiB() - sampler.baseMiB());
    }
  }
  const step = { what, rows, bytes, seconds: median(times), peakGrowthMiB: Math.max(...growth) };
  steps.push(step);
  return step;
}

for (const rows of sizes) {
  const model: ResultsTableModel = { ...full, rows: full.rows.slice(0, rows) };
  await measure('floor: read the stored evaluation', rows, async () => {
    const e = await evaluatePlan({ ctx, input: { planCode: largest.planCode, asOf: AS_OF } });
    return JSON.stringify(e).length;
  });
  await measure('floor: ExcelJS alone, same cells (streaming)', rows, () => excelJsAlone(model));
  for (const format of ['xlsx', 'docx', 'pdf'] as ReportFormat[]) {
    await measure(`results table .${format} (model + file)`, rows, async () => {
      // The model is built from the database each time (as the API and the CLI do), then cut to the size measured.
      const m = await buildResultsTable({ ctx, input: { planCode: largest.planCode, asOf: AS_OF } });
      return (await renderResultsTable({ ...m, rows: m.rows.slice(0, rows) }, format, NOW)).length;
    });
  }
}
await sampler.stop();

const at = (what: string, rows: number) => steps.find((s) => s.what === what && s.rows === rows) as Step;
console.log('');
table(
  ['what', 'rows', 'bytes', 'median s', 'peak +MiB', 'x read', 'x ExcelJS'],
  steps.map((s) => {
    const read = at('floor: read the stored evaluation', s.rows).seconds;
    const excel = at('floor: ExcelJS alone, same cells (streaming)', s.rows).seconds;
    return [
      s.what,
      s.rows,
      s.bytes,
      s.seconds.toFixed(3),
      s.peakGrowthMiB,
      `${(s.seconds / read).toFixed(1)}x`,
      `${(s.seconds / excel).toFixed(1)}x`,
    ];
  }),
);
console.log(
  `\ntenant ${largest.code} (${largest.communes} communes), ${provinceFigures?.toLocaleString('en')} province figures of the plan; ` +
    `plan recompute ${recomputeSeconds.toFixed(2)} s; process peak RSS ${peakRssMiB()} MiB (generation included)`,
);
writeResult(`reports-scale-${o.spec.years}y`, o, {
  tenant: largest.code,
  provinceFigures,
  recomputeSeconds,
  asOf: AS_OF,
  runs: RUNS,
  steps,
  processPeakRssMiB: peakRssMiB(),
});
await dropPrepared(bench, o);
