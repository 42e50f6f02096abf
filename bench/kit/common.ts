// What every benchmark of the kit shares: its options (--scale, --db, --seed, --postgres), the machine it runs on,
// a database made and filled for it, its table, its ratio to the floor and its JSON in bench/results/.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openPglite, openPostgres, type Db } from '../../src/storage/db.ts';
import { migrate } from '../../src/storage/migrate.ts';
import { generate, SCALES, type Generated, type Scale, type ScaleSpec } from './generate.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

export interface KitOptions {
  spec: ScaleSpec;
  seed: number;
  database: 'pglite' | 'postgres';
  postgresUrl: string | null;
}

/**
 * --scale city|national, --seed N, --db pglite|postgres, --postgres URL (or BENCH_DATABASE_URL); --communes N and
 * --indicators N shrink, --years N lengthens or shortens the term.
 */
export function kitOptions(defaults: { database?: 'pglite' | 'postgres' } = {}): KitOptions {
  const scale = (option('scale') ?? 'city') as Scale;
  if (!(scale in SCALES)) throw new Error(`--scale must be city or national, got ${scale}`);
  const postgresUrl = option('postgres') ?? process.env.BENCH_DATABASE_URL ?? null;
  const database = (option('db') ?? defaults.database ?? (postgresUrl ? 'postgres' : 'pglite')) as
    'pglite' | 'postgres';
  if (database === 'postgres' && !postgresUrl)
    throw new Error('--db postgres needs --postgres URL or BENCH_DATABASE_URL');
  if (scale === 'national' && database !== 'postgres') throw new Error('--scale national runs on PostgreSQL only');
  const spec = { ...SCALES[scale] };
  const communes = option('communes');
  if (communes) spec.communes = Number(communes);
  const indicators = option('indicators');
  if (indicators) spec.indicators = Number(indicators);
  const years = option('years');
  if (years) spec.years = Number(years);
  return { spec, seed: Number(option('seed') ?? 20261129), database, postgresUrl };
}

export function machine(): { cpus: number; cpuModel: string; memoryGiB: number; node: string; loadAverage: number[] } {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

export function printHeader(title: string, o: KitOptions): void {
  const m = machine();
  console.log(`\n${title}`);
  console.log(
    `machine: ${m.cpus} cores (${m.cpuModel}), ${m.memoryGiB} GiB, node ${m.node}, load average ${m.loadAverage.join(' ')}`,
  );
  console.log(
    `database: ${o.database}; scale: ${o.spec.scale} (${o.spec.tenants} tenant(s), ${o.spec.communes} communes, ` +
      `${o.spec.indicators} indicators, ${o.spec.years} years ${o.spec.frequency === 'month' ? 'monthly' : 'yearly'}); seed ${o.seed}\n`,
  );
}

export interface BenchDb {
  db: Db;
  /** The URL of the PostgreSQL schema (null on PGlite): for a server process or COPY. */
  url: string | null;
  dataDir: string;
  generated: Generated;
}

/**
 * A fresh database (a new schema on PostgreSQL, a new folder for PGlite), migrated and filled by the generator; or,
 * with `--schema NAME` on PostgreSQL, a schema the generator filled before (`bench:generate`, or `npm run bench`
 * once for the whole kit), migrated to the current migrations and kept at the end. A benchmark that needs a tenant
 * without figures (the import) always makes its own.
 */
export async function preparedDb(o: KitOptions, opts: { folder?: boolean; figures?: boolean } = {}): Promise<BenchDb> {
  const reuse = option('schema');
  if (reuse && o.database === 'postgres' && opts.figures !== false) return reusedDb(o, reuse);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'chitieu-kit-'));
  let url: string | null = null;
  let db: Db;
  if (o.database === 'postgres') {
    const schema = `bench_${o.spec.scale}_${crypto.randomUUID().replace(/-/g, '').slice(0, 8)}`;
    const admin = await openPostgres(o.postgresUrl as string);
    await admin.exec(`CREATE SCHEMA ${schema}`);
    await admin.close();
    const u = new URL(o.postgresUrl as string);
    u.searchParams.set('options', `-c search_path=${schema}`);
    url = u.toString();
    db = await openPostgres(url);
  } else {
    db = await openPglite(opts.folder ? dataDir : null);
  }
  await migrate(db);
  process.stdout.write('generating data … ');
  const generated = await generate(db, o.spec, o.seed, () => {}, { figures: opts.figures ?? true });
  console.log(
    `${generated.observations.toLocaleString('en')} figures, ${generated.versions.toLocaleString('en')} versions in ${generated.seconds.toFixed(1)} s`,
  );
  return { db, url, dataDir, generated };
}

const REUSED = new Set<string>();

/** A generated schema found again: its tenants, plans and counts read back from the database. */
async function reusedDb(o: KitOptions, schema: string): Promise<BenchDb> {
  if (!/^bench_\w+$/.test(schema)) throw new Error(`--schema must name a bench_… schema, got ${schema}`);
  const u = new URL(o.postgresUrl as string);
  u.searchParams.set('options', `-c search_path=${schema}`);
  const url = u.toString();
  REUSED.add(url);
  const db = await openPostgres(url);
  const t0 = performance.now();
  await migrate(db);
  const tenants = await db.query<Generated['tenants'][number]>(
    `SELECT t.id, t.code, p.id AS "planId", p.code AS "planCode",
            (SELECT count(*)::int FROM units u WHERE u.tenant_id = t.id AND u.level = 'commune' AND u.code < '99000') AS communes
       FROM tenants t JOIN plans p ON p.tenant_id = t.id AND p.code = $1
      WHERE t.code LIKE $2 ORDER BY t.code`,
    [`bench-plan-${o.spec.scale}`, `bench-${o.spec.scale}-%`],
  );
  if (tenants.length !== o.spec.tenants)
    throw new Error(`schema ${schema} holds ${tenants.length} ${o.spec.scale} tenants, not ${o.spec.tenants}`);
  const counts = (
    await db.query<{ o: number; v: number }>(
      'SELECT (SELECT count(*) FROM observations)::int AS o, (SELECT count(*) FROM observation_versions)::int AS v',
    )
  )[0] as { o: number; v: number };
  console.log(
    `reusing schema ${schema} (migrated in ${((performance.now() - t0) / 1000).toFixed(1)} s): ` +
      `${counts.o.toLocaleString('en')} figures, ${counts.v.toLocaleString('en')} versions`,
  );
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'chitieu-kit-'));
  return { db, url, dataDir, generated: { tenants, observations: counts.o, versions: counts.v, seconds: 0 } };
}

/** Drops the bench schema (PostgreSQL) so the shared server does not keep gigabytes of generated figures. */
export async function dropPrepared(b: BenchDb, o: KitOptions): Promise<void> {
  await b.db.close();
  if (b.url && !REUSED.has(b.url)) {
    const schema = /search_path%3D(\w+)|search_path=(\w+)/.exec(b.url);
    const name = schema?.[1] ?? schema?.[2];
    if (name) {
      const admin = await openPostgres(o.postgresUrl as string);
      await admin.exec(`DROP SCHEMA ${name} CASCADE`);
      await admin.close();
    }
  }
}

/**
 * The peak resident memory of one step, not of the whole run: a worker thread samples the process's RSS every 2 ms
 * (it keeps sampling while the main thread is busy in synchronous code) into shared memory. `start()` resets the
 * peak; `peakMiB()` reads the highest RSS seen since, and `baseMiB` is the RSS when the step started.
 */
export async function rssSampler(): Promise<{
  start: () => Promise<void>;
  peakMiB: () => number;
  baseMiB: () => number;
  stop: () => Promise<void>;
}> {
  const { Worker } = await import('node:worker_threads');
  const shared = new Int32Array(new SharedArrayBuffer(8));
  const worker = new Worker(
    `const { workerData } = require('node:worker_threads');
     const a = workerData;
     setInterval(() => {
       const kib = Math.round(process.memoryUsage.rss() / 1024);
       if (kib > Atomics.load(a, 0)) Atomics.store(a, 0, kib);
     }, 2);`,
    { eval: true, workerData: shared },
  );
  worker.unref();
  let base = 0;
  const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
  return {
    start: async () => {
      global.gc?.();
      await pause(10);
      base = Math.round(process.memoryUsage.rss() / 1024);
      Atomics.store(shared, 0, base);
    },
    peakMiB: () => Math.round(Atomics.load(shared, 0) / 1024),
    baseMiB: () => Math.round(base / 1024),
    stop: async () => {
      await worker.terminate();
    },
  };
}

/** Peak resident memory of this process so far, in MiB. */
export const peakRssMiB = (): number => Math.round(process.resourceUsage().maxRSS / 1024);

export function table(headers: string[], rows: (string | number)[][]): void {
  const cells = [headers, ...rows.map((r) => r.map((c) => (typeof c === 'number' ? c.toLocaleString('en') : c)))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => String(r[i] ?? '').length)));
  for (const [n, r] of cells.entries()) {
    console.log(
      r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i] ?? 0) : String(c).padStart(widths[i] ?? 0))).join('  '),
    );
    if (n === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

export function writeResult(name: string, o: KitOptions, body: Record<string, unknown>): string {
  const out = path.join(ROOT, 'bench/results', `${name}-${o.spec.scale}-${o.database}.json`);
  mkdirSync(path.dirname(out), { recursive: true });
  const result = {
    benchmark: name,
    date: new Date().toISOString(),
    machine: machine(),
    database: o.database,
    scale: o.spec,
    seed: o.seed,
    ...body,
  };
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nwritten ${path.relative(ROOT, out)}`);
  return out;
}
