// Import from Excel (issue 18): 100,000 figures from an .xlsx file in the long format through the product's import
// (src/imports/figure-files.ts reads it streaming, every cell through the same checks as the API, the checked figures
// handed in batches to the bulk import's set-based writer, all or nothing in one transaction), against ExcelJS alone
// reading the same file with the same streaming reader (the floor). Each step's own peak memory is sampled by a
// worker thread; the run is repeated at a quarter of the rows to see whether memory grows with the file.
//   npx tsx bench/import-xlsx.bench.ts [--rows 100000] [--db pglite|postgres] [--postgres URL] [--communes N]
// Goal (issue 18): at least half the floor's rate (rows per second), memory flat in the file's size.
import { createReadStream, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { readFigureWorkbook } from '../src/imports/figure-files.ts';
import { systemActor } from '../src/services/context.ts';
import { importFigures } from '../src/services/interchange/import-figures.ts';
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
const ROWS = Number(option('rows') ?? 100_000);
printHeader(`import: ${ROWS.toLocaleString('en')} figures from .xlsx, the checked import vs ExcelJS reading alone`, o);
const bench = await preparedDb(o, { figures: false });
const { db } = bench;
const tenant = bench.generated.tenants[0] as (typeof bench.generated.tenants)[number];
const indicators = await db.query<{ code: string; measure: string }>(
  'SELECT code, measure FROM indicators WHERE tenant_id = $1 ORDER BY sort_order',
  [tenant.id],
);
const units = (
  await db.query<{ code: string }>('SELECT code FROM units WHERE tenant_id = $1 ORDER BY code', [tenant.id])
).map((u) => u.code);

let seed = o.seed;
const rnd = (): number => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/** The long format as an agency would send it: indicator, unit, period, value, stage, source, published_on, note. */
async function writeWorkbook(rows: number, file: string): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet('Số liệu');
  ws.addRow(['indicator', 'unit', 'period', 'value', 'stage', 'source', 'published_on', 'note']).commit();
  let written = 0;
  for (let m = 0; written < rows; m++) {
    const period = `${o.spec.firstYear + Math.floor(m / 12)}-M${String((m % 12) + 1).padStart(2, '0')}`;
    const published = `${o.spec.firstYear + Math.floor((m + 1) / 12)}-${String(((m + 1) % 12) + 1).padStart(2, '0')}-05`;
    for (const ind of indicators)
      for (const unit of units) {
        if (written >= rows) break;
        // Numbers as numbers (what Excel stores), as an agency's sheet holds them.
        const v =
          ind.measure === 'growth_rate'
            ? Number((5 + 4 * rnd()).toFixed(2))
            : ind.measure === 'share'
              ? Number((20 + 60 * rnd()).toFixed(1))
              : Math.round(100 + 5000 * rnd());
        ws.addRow([
          ind.code,
          unit,
          period,
          v,
          rnd() < 0.2 ? 'estimate' : 'official',
          'Cục Thống kê',
          published,
          '',
        ]).commit();
        written++;
      }
  }
  ws.commit();
  await wb.commit();
  return written;
}

/** The floor: ExcelJS's streaming reader over the same file, every cell's value touched. */
async function excelJsAlone(file: string): Promise<number> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(createReadStream(file), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  let rows = 0;
  let cells = 0;
  for await (const ws of reader)
    for await (const row of ws as AsyncIterable<ExcelJS.Row>) {
      const values = (row.values as unknown[] | undefined) ?? [];
      for (const v of values) if (v !== undefined && v !== null) cells++;
      rows++;
    }
  return cells > 0 ? rows - 1 : 0;
}

/**
 * CPU seconds spent by the PostgreSQL server processes of this database (its connections, read from
 * /proc/<pid>/schedstat; only when the server runs on this machine), so the database's own work per figure is seen
 * apart from the wall clock, which the load of other processes moves. Null on PGlite or a remote server.
 */
async function databaseCpu(): Promise<Map<number, number> | null> {
  if (o.database !== 'postgres') return null;
  const pids = await db.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'`,
  );
  const out = new Map<number, number>();
  for (const { pid } of pids)
    try {
      out.set(pid, Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e9);
    } catch {
      return null;
    }
  return out;
}
const databaseCpuSince = (before: Map<number, number> | null, after: Map<number, number> | null): number | null =>
  before && after ? [...after].reduce((sum, [pid, s]) => sum + s - (before.get(pid) ?? 0), 0) : null;

/** CPU seconds of this process (user + system, all threads): the load of other processes does not inflate it. */
const cpuSeconds = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

const sampler = await rssSampler();
const NOW = new Date(Date.UTC(o.spec.firstYear + 3, 0, 1));
interface Run {
  rows: number;
  fileMiB: number;
  floor: { seconds: number; cpuSeconds: number; rowsPerSecond: number; peakGrowthMiB: number };
  checksOnly: { seconds: number; cpuSeconds: number; rowsPerSecond: number };
  service: {
    seconds: number;
    cpuSeconds: number;
    rowsPerSecond: number;
    peakGrowthMiB: number;
    stored: number;
    /** The answer's size as JSON (what the API sends back and the process holds until then). */
    answerKiB: number;
    /** The database server's CPU seconds during the import (PostgreSQL on this machine), else null. */
    databaseCpuSeconds: number | null;
  };
  shareOfFloor: number;
  /** The same ratio in CPU seconds (floor's CPU time / the import's): what the load of other processes moves least. */
  shareOfFloorCpu: number;
}
const runs: Run[] = [];
for (const rows of [Math.round(ROWS / 4), ROWS]) {
  // The smaller run's slots are revised by the larger one (new versions), as a second release would be.
  const file = path.join(bench.dataDir, `figures-${rows}.xlsx`);
  const written = await writeWorkbook(rows, file);
  const fileMiB = Math.round((statSync(file).size / 2 ** 20) * 10) / 10;

  // Once unmeasured, so that the floor is not charged with compiling ExcelJS's reader (the import reuses it warm).
  if (runs.length === 0) await excelJsAlone(file);
  await sampler.start();
  let t0 = performance.now();
  let c0 = cpuSeconds();
  const read = await excelJsAlone(file);
  const floorSeconds = (performance.now() - t0) / 1000;
  const floorCpu = cpuSeconds() - c0;
  const floorPeak = sampler.peakMiB() - sampler.baseMiB();
  if (read !== written) throw new Error(`ExcelJS read ${read} rows, ${written} written`);

  // The checks alone (a dry run: every cell read and judged, nothing written), to tell reading and checking from writing.
  t0 = performance.now();
  c0 = cpuSeconds();
  await importFigures({
    ctx: { db, actor: systemActor('bench import', tenant.id), now: () => NOW },
    input: { rows: readFigureWorkbook(file, tenant.planCode), fileSha256: null, dryRun: true },
  });
  const checkSeconds = (performance.now() - t0) / 1000;
  const checkCpu = cpuSeconds() - c0;

  const db0 = await databaseCpu();
  await sampler.start();
  t0 = performance.now();
  c0 = cpuSeconds();
  const result = await importFigures({
    ctx: { db, actor: systemActor('bench import', tenant.id), now: () => NOW },
    input: { rows: readFigureWorkbook(file, tenant.planCode), fileSha256: null },
  });
  const serviceSeconds = (performance.now() - t0) / 1000;
  const serviceCpu = cpuSeconds() - c0;
  const servicePeak = sampler.peakMiB() - sampler.baseMiB();
  const dbCpu = databaseCpuSince(db0, await databaseCpu());
  if (result.rejected.length > 0)
    throw new Error(`rejected: ${JSON.stringify(result.rejected.slice(0, 3))} (${result.rejected.length})`);
  // (A figure that happens to equal the smaller run's at the same slot is left unchanged, as a re-import leaves it.)
  const stored = result.counts.new + result.counts.revised;
  if (stored + result.counts.unchanged !== written) throw new Error(`stored ${stored}, wrote ${written}`);
  const floorRate = written / floorSeconds;
  const serviceRate = written / serviceSeconds;
  runs.push({
    rows: written,
    fileMiB,
    floor: { seconds: floorSeconds, cpuSeconds: floorCpu, rowsPerSecond: floorRate, peakGrowthMiB: floorPeak },
    checksOnly: { seconds: checkSeconds, cpuSeconds: checkCpu, rowsPerSecond: written / checkSeconds },
    service: {
      seconds: serviceSeconds,
      cpuSeconds: serviceCpu,
      rowsPerSecond: serviceRate,
      peakGrowthMiB: servicePeak,
      stored,
      answerKiB: Math.round(JSON.stringify(result).length / 1024),
      databaseCpuSeconds: dbCpu,
    },
    shareOfFloor: serviceRate / floorRate,
    shareOfFloorCpu: floorCpu / serviceCpu,
  });
}
await sampler.stop();

console.log('');
table(
  [
    'path',
    'rows',
    'file MiB',
    'seconds',
    'CPU s',
    'rows/s',
    'peak +MiB',
    'answer KiB',
    'share of floor',
    'share (CPU)',
  ],
  runs.flatMap((r) => [
    [
      'floor: ExcelJS streaming reader alone',
      r.rows,
      r.fileMiB,
      r.floor.seconds.toFixed(1),
      r.floor.cpuSeconds.toFixed(1),
      Math.round(r.floor.rowsPerSecond),
      r.floor.peakGrowthMiB,
      '',
      '100%',
      '100%',
    ],
    [
      'service, dry run: read and check, no write',
      r.rows,
      r.fileMiB,
      r.checksOnly.seconds.toFixed(1),
      r.checksOnly.cpuSeconds.toFixed(1),
      Math.round(r.checksOnly.rowsPerSecond),
      '',
      '',
      `${Math.round((r.checksOnly.rowsPerSecond / r.floor.rowsPerSecond) * 100)}%`,
      `${Math.round((r.floor.cpuSeconds / r.checksOnly.cpuSeconds) * 100)}%`,
    ],
    [
      'service: checked import (.xlsx → bulk writer)',
      r.rows,
      r.fileMiB,
      r.service.seconds.toFixed(1),
      r.service.cpuSeconds.toFixed(1),
      Math.round(r.service.rowsPerSecond),
      r.service.peakGrowthMiB,
      r.service.answerKiB,
      `${Math.round(r.shareOfFloor * 100)}%`,
      `${Math.round(r.shareOfFloorCpu * 100)}%`,
    ],
  ]),
);
for (const r of runs)
  if (r.service.databaseCpuSeconds !== null)
    console.log(
      `${r.rows.toLocaleString('en')} rows: the database's CPU ${r.service.databaseCpuSeconds.toFixed(2)} s, ` +
        `${Math.round((r.service.databaseCpuSeconds / r.service.stored) * 1e6)} µs a stored figure; this process ${r.service.cpuSeconds.toFixed(2)} s`,
    );
const last = runs.at(-1) as Run;
console.log(
  `\nservice rate / floor rate at ${last.rows.toLocaleString('en')} rows: ${last.shareOfFloor.toFixed(2)} (goal ≥ 0.5: ${last.shareOfFloor >= 0.5 ? 'met' : 'NOT met'}; in CPU seconds ${last.shareOfFloorCpu.toFixed(2)}); ` +
    `process peak RSS ${peakRssMiB()} MiB`,
);
writeResult('import-xlsx', o, { runs, processPeakRssMiB: peakRssMiB() });
await dropPrepared(bench, o);
