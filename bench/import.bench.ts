// Import: 1 million figures from a CSV file through the product's bulk import (every row through the figure checks,
// stored set-based, one transaction), beside PostgreSQL's own COPY of the same file into a bare table (the floor).
//   npx tsx bench/import.bench.ts [--rows 1000000] --postgres URL (or BENCH_DATABASE_URL)
// Goal: at least half the floor's rate (rows per second). PostgreSQL only: the floor is PostgreSQL's COPY.
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { systemActor } from '../src/services/context.ts';
import { FIGURE_CSV_HEADER, importFiguresCsv } from '../src/services/imports/import-figures-csv.ts';
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

const o = kitOptions({ database: 'postgres' });
if (o.database !== 'postgres')
  throw new Error('the import benchmark compares with COPY: run it on PostgreSQL (--postgres URL)');
const ROWS = Number(option('rows') ?? 1_000_000);
printHeader(`import: ${ROWS.toLocaleString('en')} figures from CSV, checked service vs COPY`, o);
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

// The file: indicator × unit × month, as many months as the row count needs; values by a seeded generator.
let seed = o.seed;
const rnd = (): number => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const file = path.join(bench.dataDir, 'figures.csv');
const out = createWriteStream(file);
out.write(`${FIGURE_CSV_HEADER.join(',')}\n`);
let written = 0;
for (let m = 0; written < ROWS; m++) {
  const period = `${o.spec.firstYear + Math.floor(m / 12)}-M${String((m % 12) + 1).padStart(2, '0')}`;
  const published = `${o.spec.firstYear + Math.floor((m + 1) / 12)}-${String(((m + 1) % 12) + 1).padStart(2, '0')}-05`;
  for (const ind of indicators) {
    let chunk = '';
    for (const unit of units) {
      if (written >= ROWS) break;
      const v =
        ind.measure === 'growth_rate'
          ? (5 + 4 * rnd()).toFixed(2)
          : ind.measure === 'share'
            ? (20 + 60 * rnd()).toFixed(1)
            : String(Math.round(100 + 5000 * rnd()));
      chunk += `${ind.code},${unit},${period},${v},${rnd() < 0.2 ? 'estimate' : 'official'},${published}\n`;
      written++;
    }
    if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
}
await new Promise<void>((r) => out.end(() => r()));
const bytes = statSync(file).size;
console.log(`file: ${written.toLocaleString('en')} rows, ${(bytes / 2 ** 20).toFixed(1)} MiB`);

// The floor: COPY of the same file into a bare table (psql's \copy streams it from this machine like the service).
await db.exec(
  `CREATE TABLE bare_figures (indicator text, unit text, period text, value numeric, status text, published_on date)`,
);
let t0 = performance.now();
const copy = spawnSync(
  'psql',
  // libpq reads a space in options= as %20, not as the '+' of URLSearchParams.
  [
    (bench.url as string).replace(/\+/g, '%20'),
    '-v',
    'ON_ERROR_STOP=1',
    '-qc',
    `\\copy bare_figures FROM '${file}' WITH (FORMAT csv, HEADER)`,
  ],
  { encoding: 'utf8' },
);
if (copy.status !== 0) throw new Error(`COPY failed: ${copy.stderr}`);
const copySeconds = (performance.now() - t0) / 1000;
const copied = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM bare_figures'))[0]?.n ?? 0;

// The service: streamed line by line, checked, stored in batches.
const rssBefore = peakRssMiB();
t0 = performance.now();
// The iterator is taken at once: readline drops the lines it reads before anyone iterates.
const reader = readline.createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
const iterator = reader[Symbol.asyncIterator]();
const lines = { [Symbol.asyncIterator]: () => iterator };
const report = await importFiguresCsv({
  ctx: { db, actor: systemActor('bench import', tenant.id), now: () => new Date(Date.UTC(o.spec.firstYear + 3, 0, 1)) },
  input: { planCode: tenant.planCode, lines, sourceText: 'Tệp đo tải' },
});
const serviceSeconds = (performance.now() - t0) / 1000;
if (report.stored !== written || copied !== written)
  throw new Error(`stored ${report.stored}, copied ${copied}, wrote ${written}`);

const copyRate = copied / copySeconds;
const serviceRate = report.stored / serviceSeconds;
console.log('');
table(
  ['path', 'rows', 'seconds', 'rows/s', 'share of floor'],
  [
    ['floor: COPY into a bare table', copied, copySeconds.toFixed(1), Math.round(copyRate), '100%'],
    [
      'service: checked bulk import',
      report.stored,
      serviceSeconds.toFixed(1),
      Math.round(serviceRate),
      `${Math.round((serviceRate / copyRate) * 100)}%`,
    ],
  ],
);
console.log(
  `\nservice rate / COPY rate: ${(serviceRate / copyRate).toFixed(2)} (goal ≥ 0.5: ${serviceRate / copyRate >= 0.5 ? 'met' : 'NOT met'}); ` +
    `peak RSS ${peakRssMiB()} MiB (${rssBefore} MiB before the import: streaming keeps it flat in the file size)`,
);
writeResult('import', o, {
  rows: written,
  fileMiB: Math.round((bytes / 2 ** 20) * 10) / 10,
  copy: { seconds: copySeconds, rowsPerSecond: copyRate },
  service: { seconds: serviceSeconds, rowsPerSecond: serviceRate },
  shareOfFloor: serviceRate / copyRate,
  peakRssMiB: peakRssMiB(),
  rssBeforeImportMiB: rssBefore,
});
await dropPrepared(bench, o);
