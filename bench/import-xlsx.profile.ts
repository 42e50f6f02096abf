// Where the import's time goes (issue 18): one .xlsx of --rows figures read alone, dry run, then the full import
// with each statement timed, a CPU profile of the full import (--prof DIR), and EXPLAIN ANALYZE of one batch.
//   npx tsx bench/import-xlsx.profile.ts [--rows 25000] [--prof /tmp/dir] [--db pglite|postgres]
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { readFigureWorkbook } from '../src/imports/figure-files.ts';
import { systemActor } from '../src/services/context.ts';
import { importFigures } from '../src/services/interchange/import-figures.ts';
import type { Db, Queryable } from '../src/storage/db.ts';
import { kitOptions, option, preparedDb } from './kit/common.ts';

const o = kitOptions();
const ROWS = Number(option('rows') ?? 25_000);
const PROF = option('prof');
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
const file = path.join(bench.dataDir, `figures-${ROWS}.xlsx`);
{
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet('Số liệu');
  ws.addRow(['indicator', 'unit', 'period', 'value', 'stage', 'source', 'published_on', 'note']).commit();
  let written = 0;
  for (let m = 0; written < ROWS; m++) {
    const period = `${o.spec.firstYear + Math.floor(m / 12)}-M${String((m % 12) + 1).padStart(2, '0')}`;
    const published = `${o.spec.firstYear + Math.floor((m + 1) / 12)}-${String(((m + 1) % 12) + 1).padStart(2, '0')}-05`;
    for (const ind of indicators)
      for (const unit of units) {
        if (written >= ROWS) break;
        const v = ind.measure === 'growth_rate' ? 6.5 : ind.measure === 'share' ? 42.5 : 100 + (written % 5000);
        ws.addRow([
          ind.code,
          unit,
          period,
          v,
          written % 5 === 0 ? 'estimate' : 'official',
          'Cục Thống kê',
          published,
          '',
        ]).commit();
        written++;
      }
  }
  ws.commit();
  await wb.commit();
}
const NOW = new Date(Date.UTC(o.spec.firstYear + 3, 0, 1));
const ctxOf = (d: Db) => ({ db: d, actor: systemActor('bench import', tenant.id), now: () => NOW });
const secs = (t0: number) => ((performance.now() - t0) / 1000).toFixed(2);

let t0 = performance.now();
let n = 0;
for await (const _ of readFigureWorkbook(file, tenant.planCode)) n++;
console.log(`reader alone (readFigureWorkbook): ${n} rows in ${secs(t0)} s`);

const dryProfile = PROF && option('dry') !== undefined ? new Session() : null;
if (dryProfile) {
  dryProfile.connect();
  await dryProfile.post('Profiler.enable');
  await dryProfile.post('Profiler.start');
}
t0 = performance.now();
await importFigures({ ctx: ctxOf(db), input: { rows: readFigureWorkbook(file, tenant.planCode), dryRun: true } });
console.log(`dry run (read + checks): ${secs(t0)} s`);
if (dryProfile) {
  const { profile } = await dryProfile.post('Profiler.stop');
  writeFileSync(path.join(PROF as string, `dry-${ROWS}.cpuprofile`), JSON.stringify(profile));
  process.exit(0);
}

// Every statement of the full import timed (by its first words).
const times = new Map<string, { n: number; ms: number; cpuMs: number }>();
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
let explained = option('explain') === undefined;
const timed = (q: Queryable): Queryable => ({
  query: async (sql, params) => {
    const s = performance.now();
    const c = cpuMs();
    if (
      !explained &&
      sql
        .replace(/\s+/g, ' ')
        .trimStart()
        .startsWith(String(option('explain')))
    ) {
      explained = true;
      const plan = await q.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
      console.log(plan.map((r) => r['QUERY PLAN']).join('\n'));
      return [{ n: (params?.[1] as unknown[]).length }] as never;
    }
    try {
      return await q.query(sql, params);
    } finally {
      const k = sql.replace(/\s+/g, ' ').trim().slice(0, 70);
      const e = times.get(k) ?? { n: 0, ms: 0, cpuMs: 0 };
      e.n++;
      e.ms += performance.now() - s;
      e.cpuMs += cpuMs() - c;
      times.set(k, e);
    }
  },
  exec: (s) => q.exec(s),
});
const timedDb = new Proxy(db, {
  get(target, prop, recv) {
    if (prop === 'transaction')
      return (fn: (tx: Queryable) => Promise<unknown>) => target.transaction((tx) => fn(timed(tx)));
    if (prop === 'query') return timed(target).query;
    return Reflect.get(target, prop, recv);
  },
}) as Db;
const session = PROF ? new Session() : null;
if (session) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
}
const before = process.memoryUsage();
const cpu0 = cpuMs();
t0 = performance.now();
const result = await importFigures({ ctx: ctxOf(timedDb), input: { rows: readFigureWorkbook(file, tenant.planCode) } });
const total = (performance.now() - t0) / 1000;
if (session) {
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(path.join(PROF as string, `import-${ROWS}.cpuprofile`), JSON.stringify(profile));
}
const after = process.memoryUsage();
console.log(
  `full import: ${total.toFixed(2)} s (CPU ${((cpuMs() - cpu0) / 1000).toFixed(2)} s); counts ${JSON.stringify(result.counts)}; accepted ${result.accepted.length}`,
);
console.log(
  `memory: rss ${((after.rss - before.rss) / 2 ** 20).toFixed(0)} MiB more, heap ${((after.heapUsed - before.heapUsed) / 2 ** 20).toFixed(0)} MiB more`,
);
for (const [k, v] of [...times].sort((a, b) => b[1].ms - a[1].ms))
  console.log(
    `${(v.ms / 1000).toFixed(2).padStart(7)} s (CPU ${(v.cpuMs / 1000).toFixed(2)} s)  ${String(v.n).padStart(5)}×  ${k}`,
  );
