// Results day: the real server (`chitieu serve`) over the generated data, hammered by autocannon at 50 and 200
// connections on the public overview (the plan's evaluations as its lists show them), the full rows, an indicator page's data (its figures, 200 a page)
// and the portal's plan list, beside the same server's /api/health (the floor); then the overview again while an
// approver approves figures one after another (each approval recomputes and stores the plan's evaluation).
//   npx tsx bench/results-day.bench.ts [--scale city|national] [--db pglite|postgres] [--postgres URL] [--duration 5]
// Goal: p99 within 3x of health's p99 at 50 connections, no errors, and approvals keep going (not starved).
// Beside it, at 50 connections, the load generator's own ceiling (kit/client-ceiling.ts): each route's exact answer
// bytes from a bare static server under the same autocannon, and health and each route through wrk when installed.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import autocannon from 'autocannon';
import { hashPassword } from '../src/services/auth/secrets.ts';
import { sameBytesStatic, WRK, wrk, type ClientLoad } from './kit/client-ceiling.ts';
import { option, peakRssMiB, preparedDb, printHeader, kitOptions, ROOT, table, writeResult } from './kit/common.ts';

const o = kitOptions();
const DURATION = Number(option('duration') ?? 5);
const CONNECTIONS = [50, 200];
const PASSWORD = 'results day benchmark password';
printHeader(`results day: autocannon at ${CONNECTIONS.join(' and ')} connections, ${DURATION} s a run`, o);
const bench = await preparedDb(o, { folder: true });
const { db } = bench;
const tenant = bench.generated.tenants[0] as (typeof bench.generated.tenants)[number];

// An editor and an approver in the first tenant, and a commune with no figures yet for them to fill (99999, or the
// next free code below it on a schema reused from an earlier run).
const hash = await hashPassword(PASSWORD);
for (const [role, email] of [
  ['plan_owner', 'editor@bench.test'],
  ['approver', 'approver@bench.test'],
]) {
  const id = (
    await db.query<{ id: string }>(
      // On a reused schema (--schema) the users of an earlier run are there already: their password is set again.
      `INSERT INTO users (tenant_id, email, display_name, password_hash) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, email) DO UPDATE SET password_hash = EXCLUDED.password_hash RETURNING id`,
      [tenant.id, email, role, hash],
    )
  )[0]?.id;
  await db.query('INSERT INTO user_roles (tenant_id, user_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
    tenant.id,
    id,
    role,
  ]);
}
const spare = (
  await db.query<{ id: string }>(
    `INSERT INTO units (tenant_id, code, name, level, parent_id)
     SELECT $1, (SELECT max(n)::text FROM generate_series(99000, 99999) n
                  WHERE NOT EXISTS (SELECT 1 FROM units x WHERE x.tenant_id = $1 AND x.code = n::text)),
            'Xã mới (đo tải)', 'commune', id
       FROM units WHERE tenant_id = $1 AND level = 'province' RETURNING id`,
    [tenant.id],
  )
)[0]?.id as string;
const indicators = await db.query<{ id: string; code: string; measure: string }>(
  'SELECT id, code, measure FROM indicators WHERE tenant_id = $1 ORDER BY sort_order',
  [tenant.id],
);
await db.close();

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const port = await freePort();
const server: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'bin/chitieu.js'), 'serve'], {
  env: {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    SEED: 'false',
    DATA_DIR: bench.dataDir,
    ...(bench.url ? { DATABASE_URL: bench.url } : {}),
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const base = `http://127.0.0.1:${port}`;
for (let i = 0; ; i++) {
  if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
  if (
    await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    )
  )
    break;
  if (i > 600) throw new Error('server did not start');
  await new Promise((r) => setTimeout(r, 200));
}

interface Load {
  p50: number;
  p99: number;
  reqPerSec: number;
  requests: number;
  errors: number;
  /** Seconds until the server had answered every request of the run (autocannon stops waiting after the run). */
  drainSeconds: number;
}
/**
 * One route under load for the run's duration; then one more request to the same route, whose answer means the
 * requests queued ahead of it are answered too, so the next route is measured on a server that has finished this
 * one's work (otherwise a slow route's backlog in the pool would be counted against the route after it).
 */
async function hammer(url: string, connections: number): Promise<Load> {
  const r = await autocannon({
    url,
    connections,
    duration: DURATION,
    headers: { 'accept-encoding': 'gzip, deflate, br' },
  });
  const t0 = performance.now();
  await fetch(url).then((res) => res.arrayBuffer());
  return {
    drainSeconds: Math.round((performance.now() - t0) / 100) / 10,
    p50: r.latency.p50,
    p99: r.latency.p99,
    reqPerSec: Math.round(r.requests.average),
    requests: r.requests.total,
    errors: r.errors + r.timeouts + r.non2xx,
  };
}

async function login(email: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  const cookie = /chitieu_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0] as string;
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}
const editor = await login('editor@bench.test');
const approver = await login('approver@bench.test');
let slot = 0;
/** One figure entered, submitted and approved; returns the approval's latency (ms). */
async function approveOne(): Promise<number> {
  const n = slot++;
  const ind = indicators[n % indicators.length] as { id: string; measure: string };
  const year = o.spec.firstYear + (Math.floor(n / indicators.length) % o.spec.years);
  const post = async (s: { cookie: string; csrf: string }, url: string, body: unknown, ifMatch?: string) =>
    fetch(`${base}${url}`, {
      method: 'POST',
      headers: {
        cookie: s.cookie,
        'x-csrf-token': s.csrf,
        'content-type': 'application/json',
        ...(ifMatch ? { 'if-match': ifMatch } : {}),
      },
      body: JSON.stringify(body ?? {}),
    });
  const value = ind.measure === 'growth_rate' ? '6.5' : ind.measure === 'share' ? '45.5' : '1200';
  const entered = await post(editor, '/api/observations', {
    indicatorId: ind.id,
    unitId: spare,
    period: String(year),
    value,
    status: 'official',
    reason: 'số liệu ngày công bố',
    confirmImplausible: true,
  });
  if (entered.status !== 201) throw new Error(`enter: ${entered.status} ${await entered.text()}`);
  const { id } = (await entered.json()) as { id: string };
  const submitted = await post(editor, `/api/observations/${id}/submit`, {}, '"1"');
  if (submitted.status !== 200) throw new Error(`submit: ${submitted.status} ${await submitted.text()}`);
  const t0 = performance.now();
  const approved = await post(approver, `/api/observations/${id}/approve`, {}, '"2"');
  if (approved.status !== 200) throw new Error(`approve: ${approved.status} ${await approved.text()}`);
  return performance.now() - t0;
}

const firstIndicator = (indicators[0] as { id: string }).id;
const firstCode = encodeURIComponent((indicators[0] as { code: string }).code);
// The overview (and the portal's) reads the plan's evaluation as its lists show it; the indicator page reads its
// indicator's full rows (docs/decisions/0010-evaluation-list.md).
const routes: [string, string][] = [
  ['overview (evaluations list)', `/api/plans/${tenant.planCode}/evaluations/list`],
  ['plan evaluations, full rows', `/api/plans/${tenant.planCode}/evaluations`],
  ['indicator evaluation (its rows)', `/api/plans/${tenant.planCode}/indicators/${firstCode}/evaluations`],
  ['indicator data (200 figures)', `/api/observations?plan=${tenant.planCode}&indicatorId=${firstIndicator}&limit=200`],
  ['portal plan list', `/api/plans`],
];
for (const [, url] of routes) {
  const r = await fetch(`${base}${url}`);
  if (r.status !== 200) throw new Error(`${url} answered ${r.status}: ${await r.text()}`);
}

/** p99 over health's p99; a route that answered nothing in the run is infinitely worse, not 0x. */
const ratioOf = (load: Load, health: Load): number =>
  load.requests === 0 ? Number.POSITIVE_INFINITY : load.p99 / Math.max(health.p99, 1);

interface Row {
  connections: number;
  route: string;
  load: Load;
  ratio: number;
}
const rows: Row[] = [];
const approvals: { connections: number; count: number; perSecond: number; p50: number; p99: number; max: number }[] =
  [];
interface Ceiling {
  route: string;
  bytes: number;
  sameBytes: Load;
  /** The route's p99 over the same bytes' p99 from a bare static server (both under autocannon). */
  overSameBytes: number;
  wrk: ClientLoad | null;
  /** The route's p99 over health's p99, both through wrk. */
  wrkRatio: number | null;
}
const ceilings: Ceiling[] = [];
let wrkHealth: ClientLoad | null = null;
try {
  for (const connections of CONNECTIONS) {
    const health = await hammer(`${base}/api/health`, connections);
    rows.push({ connections, route: 'health (floor)', load: health, ratio: 1 });
    for (const [name, url] of routes) {
      const load = await hammer(`${base}${url}`, connections);
      rows.push({ connections, route: name, load, ratio: ratioOf(load, health) });
    }
    // The overview while figures are approved one after another by one approver.
    const latencies: number[] = [];
    let writing = true;
    const writer = (async () => {
      while (writing) latencies.push(await approveOne());
    })();
    const t0 = performance.now();
    const during = await hammer(`${base}${routes[0]?.[1]}`, connections);
    writing = false;
    await writer;
    const seconds = (performance.now() - t0) / 1000;
    rows.push({
      connections,
      route: 'overview while approving',
      load: during,
      ratio: ratioOf(during, health),
    });
    latencies.sort((a, b) => a - b);
    const q = (p: number): number =>
      Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0);
    approvals.push({
      connections,
      count: latencies.length,
      perSecond: Math.round((latencies.length / seconds) * 100) / 100,
      p50: q(0.5),
      p99: q(0.99),
      max: Math.round(latencies[latencies.length - 1] ?? 0),
    });
  }
  // The client's ceiling at 50 connections, each route's answer as the public gets it.
  wrkHealth = WRK ? wrk(`${base}/api/health`, 50, DURATION) : null;
  for (const [name, url] of routes) {
    const same = await sameBytesStatic(`${base}${url}`, (u) => hammer(u, 50));
    const load = rows.find((r) => r.connections === 50 && r.route === name)?.load;
    const viaWrk = WRK ? wrk(`${base}${url}`, 50, DURATION) : null;
    ceilings.push({
      route: name,
      bytes: same.bytes,
      sameBytes: same.load,
      overSameBytes: (load?.p99 ?? 0) / Math.max(same.load.p99, 1),
      wrk: viaWrk,
      wrkRatio: viaWrk && wrkHealth ? viaWrk.p99 / Math.max(wrkHealth.p99, 0.001) : null,
    });
  }
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
}

console.log('');
table(
  ['connections', 'route', 'p50 ms', 'p99 ms', 'req/s', 'errors', 'drained after s', 'p99 / health'],
  rows.map((r) => [
    r.connections,
    r.route,
    r.load.p50,
    r.load.p99,
    r.load.reqPerSec,
    r.load.errors,
    r.load.drainSeconds,
    Number.isFinite(r.ratio) ? `${r.ratio.toFixed(2)}x` : 'none answered',
  ]),
);
console.log('');
table(
  ['connections', 'approvals during the overview load', 'per second', 'p50 ms', 'p99 ms', 'max ms'],
  approvals.map((a) => [a.connections, a.count, a.perSecond, a.p50, a.p99, a.max]),
);
console.log('');
if (!WRK) console.log('wrk not installed: its column is left empty (Debian: apt-get install wrk)');
table(
  [
    'at 50 connections',
    'answer bytes',
    'same bytes static p99 ms',
    'p99 / same bytes',
    'wrk p99 ms',
    'wrk p99 / wrk health',
  ],
  [
    ['health (floor)', '', '', '', wrkHealth ? wrkHealth.p99.toFixed(2) : '', ''],
    ...ceilings.map((c) => [
      c.route,
      c.bytes,
      c.sameBytes.p99,
      `${c.overSameBytes.toFixed(2)}x`,
      c.wrk ? c.wrk.p99.toFixed(2) : '',
      c.wrkRatio === null ? '' : `${c.wrkRatio.toFixed(2)}x`,
    ]),
  ],
);
const at50 = rows.filter((r) => r.connections === 50 && r.route !== 'health (floor)');
const worst = Math.max(...at50.map((r) => r.ratio));
const errors = rows.reduce((n, r) => n + r.load.errors, 0);
console.log(
  `\nworst p99 / health at 50 connections: ${worst.toFixed(2)}x (goal ≤ 3x: ${worst <= 3 ? 'met' : 'NOT met'}); ` +
    `errors: ${errors}; approvals under load: ${approvals.map((a) => a.count).join(', ')} (not starved: ${approvals.every((a) => a.count > 0) ? 'yes' : 'NO'}); bench process peak RSS ${peakRssMiB()} MiB`,
);
writeResult('results-day', o, {
  durationSeconds: DURATION,
  figures: bench.generated.observations,
  rows,
  approvals,
  clientCeilingAt50: { wrkHealth, routes: ceilings },
  worstP99RatioAt50: worst,
  errors,
});
if (bench.url) {
  const { dropPrepared } = await import('./kit/common.ts');
  const { openPostgres } = await import('../src/storage/db.ts');
  await dropPrepared({ ...bench, db: await openPostgres(bench.url) }, o);
}
