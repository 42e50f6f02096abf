// Load benchmark of the read path: the real server (`chitieu serve`) under 50 connections on the plan evaluations
// (the full rows, and the list rows the overview and the portal read) and on /api/health, on PGlite and PostgreSQL, with the bundled dataset and with 5,000 approved figures added.
// Prints p50/p99/req/s/errors and the ratio of evaluations p99 to health p99 (each hammered alone at 50 connections).
// Whether reads slow the rest of the server down is measured apart, so that it means something on a shared machine:
// /api/health at a fixed low rate (--health-rate, 100 requests/s over 5 connections) alone, then at the same rate
// while the evaluations are hammered at 50 connections from a worker thread (so the hammer does not delay the
// health client's own event loop); the two p99s and their ratio are reported. Writes bench/results/read-path.json.
// The client's own cost is measured too, because autocannon decodes every response body into a string (its
// http-parser-js client spends most of its time in Buffer#toString on a gzipped body): the same bytes as the
// evaluations' answer, served by a bare Node server that does nothing else, hammered by the same client, are the
// ceiling this client reaches for a body of that size; and when Debian's `wrk` (a C client) is installed, health and
// the evaluations are hammered by it too, so the server's ratio is seen without the client's limit.
// Not a timed test:
//   npm run bench:read-path -- [--duration 10] [--db pglite|postgres|all] [--postgres postgres://…] [--health-rate 100]
//     [--cpu-prof DIR] (the server writes a V8 CPU profile of each run into DIR)
// PostgreSQL runs when --postgres or BENCH_DATABASE_URL names a database (each run in a fresh schema of its own).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { readDatasetFolder } from '../src/imports/dataset-folder.ts';
import { systemActor } from '../src/services/context.ts';
import { importDataset } from '../src/services/dataset/import-dataset.ts';
import { storeCurrentEvaluation } from '../src/services/evaluations/recompute-evaluations.ts';
import { openPglite, openPostgres, type Db } from '../src/storage/db.ts';
import { migrate } from '../src/storage/migrate.ts';
import { sameBytesStatic, WRK, wrk as wrkLoad, type ClientLoad } from './kit/client-ceiling.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const PLAN = 'hai-phong-2025-2030';
const CONNECTIONS = 50;
const FIGURES = 5_000;

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}
const DURATION = Number(option('duration') ?? 10);
const POSTGRES = option('postgres') ?? process.env.BENCH_DATABASE_URL;
const WHICH = option('db') ?? 'all';
const HEALTH_RATE = Number(option('health-rate') ?? 100);
const HEALTH_CONNECTIONS = 5;
/** --cpu-prof DIR: the server writes a V8 CPU profile there when it stops (to see where a hit's time goes). */
const CPU_PROF = option('cpu-prof');

interface Load extends ClientLoad {
  /**
   * The server process's own CPU time (user + system, from /proc) per request answered, in microseconds: what a hit
   * costs the server's event loop, which a loaded machine slows down but does not change the way it changes latency.
   */
  serverCpuUsPerRequest?: number;
}

/** The CPU time a process has used so far, in microseconds (Linux /proc; null elsewhere). */
function cpuUsOf(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  } catch {
    return null;
  }
}

/** Runs a load and adds the server's CPU time per request answered (the process's whole CPU over the run). */
async function costed(pid: number | undefined, load: () => Promise<Load>): Promise<Load> {
  const before = cpuUsOf(pid);
  const l = await load();
  const after = cpuUsOf(pid);
  if (before === null || after === null || l.requests === 0) return l;
  return { ...l, serverCpuUsPerRequest: Math.round((after - before) / l.requests) };
}

function loadOf(r: autocannon.Result): Load {
  return {
    p50: r.latency.p50,
    p99: r.latency.p99,
    reqPerSec: r.requests.average,
    requests: r.requests.total,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
}

/** 50 connections as fast as the server answers; in a worker thread when another measurement runs beside it. */
async function hammer(url: string, inWorker = false): Promise<Load> {
  // As a browser asks: compressed if the server offers it.
  const r = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION,
    headers: { 'accept-encoding': 'gzip, deflate, br' },
    ...(inWorker ? { workers: 1 } : {}),
  });
  return loadOf(r);
}

/** A fixed, low rate (latencies corrected for coordinated omission by autocannon). */
async function atFixedRate(url: string): Promise<Load> {
  const r = await autocannon({
    url,
    connections: HEALTH_CONNECTIONS,
    overallRate: HEALTH_RATE,
    duration: DURATION,
    headers: { 'accept-encoding': 'gzip, deflate, br' },
  });
  return loadOf(r);
}

async function freshSchema(base: string): Promise<string> {
  const schema = `bench_${crypto.randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = await openPostgres(base);
  await admin.exec(`CREATE SCHEMA ${schema}`);
  await admin.close();
  const u = new URL(base);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

/**
 * Adds approved official figures for the plans' indicators, at the plans' unit and the units below it, year by
 * year, until there are `count` more; then each plan's stored evaluation is recomputed once, as approvals do.
 */
async function addApprovedFigures(db: Db, count: number): Promise<number> {
  await db.exec(`
    WITH slots AS (
      SELECT i.tenant_id, i.id AS indicator_id, u.id AS unit_id, y::text AS period
        FROM indicators i JOIN plans p ON p.id = i.plan_id
        JOIN units u ON u.tenant_id = i.tenant_id AND (u.id = p.unit_id OR u.parent_id = p.unit_id)
        CROSS JOIN generate_series(p.first_year, p.last_year) y
       WHERE NOT EXISTS (SELECT 1 FROM observations o WHERE o.indicator_id = i.id AND o.unit_id = u.id AND o.period = y::text)
       ORDER BY i.sort_order, u.code, y LIMIT ${count}
    ), made AS (
      INSERT INTO observations (tenant_id, indicator_id, unit_id, period) SELECT * FROM slots RETURNING id, tenant_id, indicator_id
    )
    INSERT INTO observation_versions (tenant_id, observation_id, seq, value, status, measure, price_basis, source_text,
      published_on, data_type, workflow_state, approved_at)
    SELECT m.tenant_id, m.id, 1, round((random() * 100)::numeric, 2), 'official', i.measure, i.price_basis,
           'Số liệu của phép đo tải', DATE '2026-06-30', 'statistical', 'approved', now()
      FROM made m JOIN indicators i ON i.id = m.indicator_id`);
  const plans = await db.query<{ id: string; tenant_id: string; settings: Record<string, unknown> }>(
    'SELECT id, tenant_id, settings FROM plans',
  );
  await db.transaction(async (tx) => {
    for (const p of plans) await storeCurrentEvaluation(tx, p, new Date());
  });
  const n = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM observation_versions WHERE workflow_state = 'approved'",
  );
  return n[0]?.n ?? 0;
}

async function prepare(
  kind: 'pglite' | 'postgres',
  figures: boolean,
): Promise<{ env: Record<string, string>; approved: number }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'chitieu-bench-'));
  const url = kind === 'postgres' ? await freshSchema(POSTGRES as string) : null;
  const db = url ? await openPostgres(url) : await openPglite(dataDir);
  await migrate(db);
  const ctx = { db, actor: systemActor('bench'), now: () => new Date() };
  await importDataset({ ctx, input: readDatasetFolder(path.join(ROOT, 'data')) });
  const approved = figures
    ? await addApprovedFigures(db, FIGURES)
    : ((
        await db.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM observation_versions WHERE workflow_state = 'approved'",
        )
      )[0]?.n ?? 0);
  await db.close();
  return { env: { DATA_DIR: dataDir, SEED: 'false', ...(url ? { DATABASE_URL: url } : {}) }, approved };
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The real server, logging warnings only (a log line per request would measure the terminal, not the server). */
async function start(env: Record<string, string>): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const profile = CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(CPU_PROF)] : [];
  const child = spawn(process.execPath, [...profile, path.join(ROOT, 'bin/chitieu.js'), 'serve'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const up = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { child, base };
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error('server did not start in 120 s');
}

interface Result {
  database: 'pglite' | 'postgres';
  data: 'bundled' | 'bundled + 5,000 approved figures';
  approvedFigures: number;
  health: Load;
  evaluations: Load;
  /** The evaluations as the plan's lists show them (what the overview and the portal read since 0010). */
  evaluationList: Load;
  listP99Ratio: number;
  listSameBytesStatic: Load & { bytes: number };
  /** /api/health at HEALTH_RATE alone, then at the same rate while the evaluations are hammered. */
  healthAtRate: Load;
  healthAtRateDuringEvaluations: Load;
  evaluationsDuringHealth: Load;
  p99Ratio: number;
  healthP99Change: number;
  /**
   * The same fixed-rate health measurement against a bare static server, alone and while the list's bytes are
   * hammered from it: what "health unchanged while hammered" can be on this machine with no application at all.
   */
  staticHealthAtRate: Load;
  staticHealthAtRateHammered: Load;
  staticHealthP99Change: number;
  /** The evaluations' exact answer bytes from a bare static server: the client's ceiling for a body of that size. */
  sameBytesStatic: Load & { bytes: number };
  /** p99 of the evaluations over p99 of the same bytes served statically (the server's cost above the client's). */
  p99OverSameBytes: number;
  /** The same two routes hammered by wrk (C), when installed: no client-side limit at these sizes. */
  wrk: { health: Load; evaluations: Load; p99Ratio: number; evaluationList: Load; listP99Ratio: number } | null;
}

async function run(kind: 'pglite' | 'postgres', figures: boolean): Promise<Result> {
  const { env, approved } = await prepare(kind, figures);
  const { child, base } = await start(env);
  try {
    const evaluationsUrl = `${base}/api/plans/${PLAN}/evaluations`;
    const warm = await fetch(evaluationsUrl);
    if (warm.status !== 200) throw new Error(`evaluations answered ${warm.status}`);
    const health = await costed(child.pid, () => hammer(`${base}/api/health`));
    const evaluations = await costed(child.pid, () => hammer(evaluationsUrl));
    const listUrl = `${evaluationsUrl}/list`;
    const evaluationList = await costed(child.pid, () => hammer(listUrl));
    const healthAtRate = await atFixedRate(`${base}/api/health`);
    const [healthAtRateDuringEvaluations, evaluationsDuringHealth] = await Promise.all([
      atFixedRate(`${base}/api/health`),
      hammer(evaluationsUrl, true),
    ]);
    const same = await sameBytesStatic(evaluationsUrl, (url) => hammer(url));
    const sameBytes = { ...same.load, bytes: same.bytes };
    const wrk = (url: string): Load => wrkLoad(url, CONNECTIONS, DURATION);
    const listSame = await sameBytesStatic(listUrl, (url) => hammer(url));
    // The machine's own floor for "health unchanged while hammered": a bare static server answering health's ~100
    // bytes at the same fixed rate, alone, then while the list's bytes are hammered from it by the same client.
    const staticHealth = await sameBytesStatic(listUrl, async (url) => {
      const healthUrl = new URL('/health', url).toString();
      const alone = await atFixedRate(healthUrl);
      const [during] = await Promise.all([atFixedRate(healthUrl), hammer(url, true)]);
      return { alone, during };
    });
    const wrkRun = WRK
      ? { health: wrk(`${base}/api/health`), evaluations: wrk(evaluationsUrl), evaluationList: wrk(listUrl) }
      : null;
    return {
      database: kind,
      sameBytesStatic: sameBytes,
      p99OverSameBytes: evaluations.p99 / Math.max(sameBytes.p99, 1),
      wrk: wrkRun && {
        ...wrkRun,
        p99Ratio: wrkRun.evaluations.p99 / Math.max(wrkRun.health.p99, 0.001),
        listP99Ratio: wrkRun.evaluationList.p99 / Math.max(wrkRun.health.p99, 0.001),
      },
      evaluationList,
      listP99Ratio: evaluationList.p99 / Math.max(health.p99, 1),
      listSameBytesStatic: { ...listSame.load, bytes: listSame.bytes },
      data: figures ? 'bundled + 5,000 approved figures' : 'bundled',
      approvedFigures: approved,
      health,
      evaluations,
      healthAtRate,
      healthAtRateDuringEvaluations,
      evaluationsDuringHealth,
      p99Ratio: evaluations.p99 / Math.max(health.p99, 1),
      healthP99Change: healthAtRateDuringEvaluations.p99 / Math.max(healthAtRate.p99, 1),
      staticHealthAtRate: staticHealth.load.alone,
      staticHealthAtRateHammered: staticHealth.load.during,
      staticHealthP99Change: staticHealth.load.during.p99 / Math.max(staticHealth.load.alone.p99, 1),
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    if (env.DATABASE_URL) await dropSchema(env.DATABASE_URL);
  }
}

/** The run's schema is dropped at the end (the shared server keeps no copy of each run). */
async function dropSchema(url: string): Promise<void> {
  const schema = new URL(url).searchParams.get('options')?.replace('-c search_path=', '');
  if (!schema || !/^bench_\w+$/.test(schema)) return;
  const admin = await openPostgres(POSTGRES as string);
  await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
  await admin.close();
}

const kinds = (['pglite', 'postgres'] as const).filter(
  (k) => (WHICH === 'all' || WHICH === k) && (k === 'pglite' || POSTGRES !== undefined),
);
if (!POSTGRES && WHICH !== 'pglite')
  console.warn('PostgreSQL skipped: pass --postgres <url> or set BENCH_DATABASE_URL');
const results: Result[] = [];
for (const kind of kinds) for (const figures of [false, true]) results.push(await run(kind, figures));

const fmt = (l: Load): string =>
  `${String(l.p50).padStart(5)} ${String(l.p99).padStart(6)} ${l.reqPerSec.toFixed(0).padStart(8)} ${String(l.errors + l.non2xx).padStart(6)}`;
const fmtWrk = (l: Load): string =>
  `${l.p50.toFixed(2).padStart(6)} ${l.p99.toFixed(2).padStart(6)} ${l.reqPerSec.toFixed(0).padStart(8)} ${String(l.errors + l.non2xx).padStart(6)}`;
if (!WRK) console.warn("wrk not installed: the C client's run is left out (Debian: apt-get install wrk)");
console.log(`\nread path, ${CONNECTIONS} connections, ${DURATION} s per run, plan ${PLAN} (latencies in ms)\n`);
console.log('database  data                    route                        p50    p99    req/s errors');
for (const r of results) {
  const label = `${r.database.padEnd(9)} ${(r.data === 'bundled' ? 'bundled' : '+5,000 figures').padEnd(23)}`;
  console.log(`${label} health                      ${fmt(r.health)}`);
  console.log(`${label} evaluations                 ${fmt(r.evaluations)}`);
  console.log(`${label} evaluations list (overview) ${fmt(r.evaluationList)}`);
  console.log(`${label} evaluations (health too)    ${fmt(r.evaluationsDuringHealth)}`);
  console.log(`${label} health at ${HEALTH_RATE}/s alone          ${fmt(r.healthAtRate)}`);
  console.log(`${label} health at ${HEALTH_RATE}/s, hammered      ${fmt(r.healthAtRateDuringEvaluations)}`);
  console.log(`${label} p99 evaluations / health (50 connections each): ${r.p99Ratio.toFixed(2)}x (goal ≤ 3x)`);
  console.log(`${label} p99 evaluations list / health (what the overview reads): ${r.listP99Ratio.toFixed(2)}x`);
  console.log(
    `${label} server CPU per request: health ${r.health.serverCpuUsPerRequest ?? '?'} µs, evaluations ${r.evaluations.serverCpuUsPerRequest ?? '?'} µs`,
  );
  console.log(`${label} health p99 at ${HEALTH_RATE}/s, hammered / alone: ${r.healthP99Change.toFixed(2)}x`);
  console.log(
    `${label} bare static server: health at ${HEALTH_RATE}/s alone ${fmt(r.staticHealthAtRate)}, list's bytes hammered ${fmt(r.staticHealthAtRateHammered)}: ${r.staticHealthP99Change.toFixed(2)}x (the machine's floor)`,
  );
  console.log(`${label} same bytes, bare static server  ${fmt(r.sameBytesStatic)}  (${r.sameBytesStatic.bytes} bytes)`);
  console.log(
    `${label} list's bytes, bare static server ${fmt(r.listSameBytesStatic)}  (${r.listSameBytesStatic.bytes} bytes)`,
  );
  console.log(
    `${label} p99 evaluations / same bytes served statically (the client's ceiling): ${r.p99OverSameBytes.toFixed(2)}x`,
  );
  if (r.wrk) {
    console.log(`${label} wrk: health                 ${fmtWrk(r.wrk.health)}`);
    console.log(`${label} wrk: evaluations            ${fmtWrk(r.wrk.evaluations)}`);
    console.log(`${label} wrk: p99 evaluations / health: ${r.wrk.p99Ratio.toFixed(2)}x (goal ≤ 3x)`);
    console.log(`${label} wrk: evaluations list           ${fmtWrk(r.wrk.evaluationList)}`);
    console.log(`${label} wrk: p99 evaluations list / health: ${r.wrk.listP99Ratio.toFixed(2)}x`);
  }
  console.log('');
}
const out = path.join(ROOT, 'bench/results/read-path.json');
mkdirSync(path.dirname(out), { recursive: true });
// A run of one database keeps the other database's last results beside its own.
const kept = existsSync(out)
  ? ((JSON.parse(readFileSync(out, 'utf8')) as { results?: (Result & { at?: string })[] }).results ?? []).filter(
      (old) => !results.some((r) => r.database === old.database && r.data === old.data),
    )
  : [];
const at = new Date().toISOString();
writeFileSync(
  out,
  `${JSON.stringify(
    {
      node: process.version,
      cpus: os.cpus().length,
      loadAverage: os.loadavg(),
      connections: CONNECTIONS,
      healthRate: HEALTH_RATE,
      healthConnections: HEALTH_CONNECTIONS,
      durationSeconds: DURATION,
      plan: PLAN,
      results: [...kept, ...results.map((r) => ({ at, ...r }))],
    },
    null,
    2,
  )}\n`,
);
console.log(
  `written ${path.relative(ROOT, out)} (load average during the run: ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')})`,
);
