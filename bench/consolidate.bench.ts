// Benchmark of consolidation over units at national scale: the figures of N communes × I indicators × Y years
// consolidated by the product's use case (`consolidateOverUnits`: the database sums what the declared method sums,
// the core decides each aggregate from those totals), against the floor of the bare SQL `GROUP BY` summing the same
// figures in the database. The every-figure path (each input kept, the calculation written out) is timed beside it
// for comparison (`--no-figures` skips it).
// Two shapes: 114 communes × 300 indicators × 10 years, and the country's 3,321 communes × 10 indicators × 10 years.
// Not a timed test: `npx tsx bench/consolidate.bench.ts [--runs 3] [--db pglite|postgres|both]
// [--postgres URL]` (PostgreSQL too when `--postgres` or BENCH_DATABASE_URL is given; `--db postgres` skips PGlite).
// A run replaces the rows of the databases it ran in bench/results/consolidate.json and keeps the others.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemActor } from '../src/services/context.ts';
import { consolidateOverUnits } from '../src/services/consolidation/consolidate-over-units.ts';
import { openPglite, openPostgres, type Db } from '../src/storage/db.ts';
import { migrate } from '../src/storage/migrate.ts';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
function flag(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}
const DB = flag('--db') ?? 'both';
/** --no-figures: skip the every-figure path (kept for comparison). */
const SKIP_FIGURES = process.argv.includes('--no-figures');
if (!['pglite', 'postgres', 'both'].includes(DB)) throw new Error(`--db: pglite, postgres or both, not ${DB}`);
function first<T>(rows: T[]): T {
  const r = rows[0];
  if (r === undefined) throw new Error('expected a row');
  return r;
}

const SHAPES = [
  { name: '114 communes × 300 indicators × 10 years', communes: 114, indicators: 300, years: 10 },
  { name: '3,321 communes × 10 indicators × 10 years', communes: 3321, indicators: 10, years: 10 },
];

async function seed(db: Db, shape: (typeof SHAPES)[number]): Promise<string> {
  const code = `bench-${crypto.randomUUID().slice(0, 8)}`;
  const t = first(
    await db.query<{ id: string }>('INSERT INTO tenants (code, name) VALUES ($1,$1) RETURNING id', [code]),
  ).id;
  const province = first(
    await db.query<{ id: string }>(
      `INSERT INTO units (tenant_id, code, name, level) VALUES ($1,'01','Tỉnh thử','province') RETURNING id`,
      [t],
    ),
  ).id;
  await db.query(
    `INSERT INTO units (tenant_id, code, name, level, parent_id)
     SELECT $1, lpad((10000 + g)::text, 5, '0'), 'Xã Thử Nghiệm ' || g, 'commune', $2 FROM generate_series(1, $3) g`,
    [t, province, shape.communes],
  );
  const plan = first(
    await db.query<{ id: string }>(
      `INSERT INTO plans (tenant_id, code, name, unit_id, first_year, last_year) VALUES ($1,'bench-plan','Kế hoạch thử',$2,2016,2025) RETURNING id`,
      [t, province],
    ),
  ).id;
  await db.query(
    `INSERT INTO indicators (tenant_id, plan_id, code, name, aggregation_method)
     SELECT $1, $2, 'I' || g, 'Chỉ tiêu ' || g, jsonb_build_object('kind','sum','indicator','I' || g) FROM generate_series(1, $3) g`,
    [t, plan, shape.indicators],
  );
  await db.query(
    `INSERT INTO observations (tenant_id, indicator_id, unit_id, period)
     SELECT $1, i.id, u.id, y::text FROM indicators i CROSS JOIN units u CROSS JOIN generate_series(2016, 2015 + $2) y
      WHERE i.tenant_id = $1 AND u.tenant_id = $1 AND u.level = 'commune'`,
    [t, shape.years],
  );
  await db.query(
    `INSERT INTO observation_versions (tenant_id, observation_id, seq, value, status, workflow_state)
     SELECT $1, o.id, 1, round((abs(hashtext(o.id::text)) % 1000000) / 100.0, 2), 'official', 'approved'
       FROM observations o WHERE o.tenant_id = $1`,
    [t],
  );
  return t;
}

const JOIN = `FROM observation_versions v
  JOIN observations o ON o.id = v.observation_id AND o.tenant_id = v.tenant_id
  JOIN indicators i ON i.id = o.indicator_id AND i.tenant_id = o.tenant_id
  JOIN units u ON u.id = o.unit_id AND u.tenant_id = o.tenant_id
 WHERE v.tenant_id = $1 AND v.workflow_state = 'approved'`;

async function floor(db: Db, t: string): Promise<number> {
  const rows = await db.query<{ n: number }>(
    `SELECT i.code, o.period, sum(v.value) AS total, count(*)::int AS n ${JOIN} GROUP BY i.code, o.period`,
    [t],
  );
  return rows.length;
}

/** The product's use case: the database sums, the core decides each aggregate from the totals. */
async function consolidate(db: Db, t: string, path: 'totals' | 'figures' = 'totals'): Promise<number> {
  const ctx = { db, actor: systemActor('bench', t), now: () => new Date() };
  const result = await consolidateOverUnits({ ctx, input: { planCode: 'bench-plan', path } });
  return result.aggregates.filter((a) => a.status === 'complete').length;
}

async function time(f: () => Promise<number>): Promise<{ ms: number; n: number }> {
  const start = process.hrtime.bigint();
  const n = await f();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, n };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

async function run(name: string, db: Db) {
  await migrate(db);
  const out = [];
  for (const shape of SHAPES) {
    const t = await seed(db, shape);
    await floor(db, t); // warm
    const f: number[] = [];
    const c: number[] = [];
    const e: number[] = [];
    let groups = 0;
    for (let k = 0; k < RUNS; k += 1) {
      const a = await time(() => floor(db, t));
      const b = await time(() => consolidate(db, t));
      if (a.n !== b.n) throw new Error(`floor ${a.n} groups, consolidation ${b.n} complete`);
      // Every figure through the core (the step-by-step path the totals replace), once per run for comparison.
      if (!SKIP_FIGURES) {
        const x = await time(() => consolidate(db, t, 'figures'));
        if (x.n !== a.n) throw new Error(`floor ${a.n} groups, figures path ${x.n} complete`);
        e.push(x.ms);
      }
      groups = a.n;
      f.push(a.ms);
      c.push(b.ms);
    }
    const row = {
      database: name,
      shape: shape.name,
      figures: shape.communes * shape.indicators * shape.years,
      aggregates: groups,
      floorMs: Math.round(median(f)),
      consolidateMs: Math.round(median(c)),
      ratio: Number((median(c) / median(f)).toFixed(2)),
      ...(e.length === 0
        ? {}
        : { figuresPathMs: Math.round(median(e)), figuresPathRatio: Number((median(e) / median(f)).toFixed(2)) }),
    };
    console.log(row);
    out.push(row);
  }
  await db.close();
  return out;
}

const machine = () => ({
  cores: cpus().length,
  memoryGiB: Number((totalmem() / 2 ** 30).toFixed(1)),
  loadAverage: loadavg().map((x) => Number(x.toFixed(2))),
});
const before = machine();
const results: Awaited<ReturnType<typeof run>> = [];
if (DB !== 'postgres') results.push(...(await run('pglite', await openPglite(null))));
const url = flag('--postgres') ?? process.env.BENCH_DATABASE_URL;
if (DB === 'postgres' && !url) throw new Error('--db postgres needs --postgres URL or BENCH_DATABASE_URL');
if (url && DB !== 'pglite') {
  const schema = `bench_${crypto.randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = await openPostgres(url);
  await admin.exec(`CREATE SCHEMA ${schema}`);
  await admin.close();
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  try {
    results.push(...(await run('postgres', await openPostgres(u.toString()))));
  } finally {
    const drop = await openPostgres(url);
    await drop.exec(`DROP SCHEMA ${schema} CASCADE`);
    await drop.close();
  }
}
console.table(results);
const file = join(dirname(fileURLToPath(import.meta.url)), 'results', 'consolidate.json');
mkdirSync(dirname(file), { recursive: true });
const ran = new Set(results.map((r) => r.database));
type Earlier = { results?: { database: string }[]; ranAt?: Record<string, unknown>; note?: string };
const earlier: Earlier = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Earlier) : {};
const kept = (earlier.results ?? []).filter((r) => !ran.has(r.database));
const stamp = {
  date: new Date().toISOString(),
  command: `npx tsx bench/consolidate.bench.ts ${process.argv
    .slice(2)
    .join(' ')
    .replace(/postgres:\/\/\S+/, 'URL')}`,
  machineBefore: before,
  machineAfter: machine(),
};
writeFileSync(
  file,
  `${JSON.stringify(
    {
      runs: RUNS,
      goal: { postgres: 2, pglite: 3 },
      ranAt: { ...(earlier.ranAt ?? {}), ...Object.fromEntries([...ran].map((d) => [d, stamp])) },
      ...(earlier.note !== undefined && !ran.has('pglite') ? { note: earlier.note } : {}),
      results: [...kept, ...results],
    },
    null,
    2,
  )}\n`,
);
