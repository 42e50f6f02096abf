// Benchmark of the results table ("Phụ lục 1") files: for each bundled plan and each format, the time to evaluate the
// plan, build the report model and write the file, and the process's peak memory. Not a timed test: run
// `npx tsx bench/reports.bench.ts [--runs 5] [--out DIR]` (--out keeps the files, e.g. to look at them).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDatasetFolder } from '../src/imports/dataset-folder.ts';
import { REPORT_FORMATS, renderResultsTable, reportFileNames } from '../src/reports/render-results.ts';
import { systemActor, type ServiceContext } from '../src/services/context.ts';
import { importDataset } from '../src/services/dataset/import-dataset.ts';
import { buildResultsTable } from '../src/services/reports/build-results-table.ts';
import { openPglite } from '../src/storage/db.ts';
import { migrate } from '../src/storage/migrate.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const flag = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const RUNS = Number(flag('--runs') ?? 5);
const OUT = flag('--out');
const AS_OF = '2026-11-29';
const NOW = new Date(`${AS_OF}T09:00:00+07:00`);

const db = await openPglite(null);
await migrate(db);
const ctx: ServiceContext = { db, actor: systemActor('bench'), now: () => NOW };
const dataset = readDatasetFolder(join(ROOT, 'data'));
await importDataset({ ctx, input: dataset });
const plans = dataset.plans.map((p) => p.plan.id).sort();

interface Result {
  plan: string;
  format: string;
  rows: number;
  bytes: number;
  medianSeconds: number;
  minSeconds: number;
}
const results: Result[] = [];
for (const plan of plans) {
  for (const format of REPORT_FORMATS) {
    const times: number[] = [];
    let bytes = 0;
    let rows = 0;
    // One warm-up run (module loading, font parsing), then the measured runs.
    for (let run = 0; run <= RUNS; run += 1) {
      const t0 = process.hrtime.bigint();
      const model = await buildResultsTable({ ctx, input: { planCode: plan, asOf: AS_OF } });
      const file = await renderResultsTable(model, format, NOW);
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      if (run > 0) times.push(seconds);
      bytes = file.length;
      rows = model.rows.length;
      if (OUT && run === 0) {
        mkdirSync(OUT, { recursive: true });
        writeFileSync(join(OUT, reportFileNames(model, format).ascii), file);
      }
    }
    times.sort((a, b) => a - b);
    results.push({
      plan,
      format,
      rows,
      bytes,
      medianSeconds: Number((times[Math.floor(times.length / 2)] ?? 0).toFixed(4)),
      minSeconds: Number((times[0] ?? 0).toFixed(4)),
    });
  }
}
await db.close();

const peakRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);
console.log('plan                    format  rows   bytes    median s   min s');
for (const r of results) {
  console.log(
    `${r.plan.padEnd(24)}${r.format.padEnd(8)}${String(r.rows).padStart(4)}${String(r.bytes).padStart(9)}${r.medianSeconds.toFixed(3).padStart(11)}${r.minSeconds.toFixed(3).padStart(8)}`,
  );
}
console.log(`peak RSS ${peakRssMiB} MiB (whole process, dataset import included); ${RUNS} runs after one warm-up`);
const out = join(ROOT, 'bench/results/reports.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(
  out,
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, runs: RUNS, asOf: AS_OF, peakRssMiB, results }, null, 2)}\n`,
);
