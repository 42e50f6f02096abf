// PostgreSQL's own scale-out path, with the real engines, started by this test: a primary cluster, a streaming
// replica made from it with pg_basebackup, PgBouncer in transaction mode in front of the primary, two `chitieu serve`
// processes (DATABASE_URL through PgBouncer, DATABASE_REPLICA_URL on the replica) and haproxy in front of both.
// The cluster is the test's own (initdb in a temporary folder, fsync off): a base backup of the shared server would
// copy every other database on it, and its pg_hba.conf has no replication entry.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/storage/db.ts';
import { PASSWORD, seedTenant, type Tenant } from '../api/api-helpers.ts';
import { serve, type Served } from '../helpers/processes.ts';

const pgBinDir = (() => {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return versions[0] ? path.join(root, versions[0], 'bin') : null;
})();
const which = (name: string): string | null => {
  for (const dir of [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/usr/bin']) {
    const p = path.join(dir, name);
    if (dir && fs.existsSync(p)) return p;
  }
  return null;
};
const BINARIES = {
  initdb: pgBinDir && path.join(pgBinDir, 'initdb'),
  pg_ctl: pgBinDir && path.join(pgBinDir, 'pg_ctl'),
  pg_basebackup: pgBinDir && path.join(pgBinDir, 'pg_basebackup'),
  pgbouncer: which('pgbouncer'),
  haproxy: which('haproxy'),
};
const missing = Object.entries(BINARIES)
  .filter(([, p]) => !p || !fs.existsSync(p))
  .map(([name]) => name);
if (missing.length > 0) {
  if (process.env.CI)
    throw new Error(`CI requires ${missing.join(', ')} for the scale-out tests (.ci/run installs them)`);
  console.warn(
    `\n*** scale-out tests SKIPPED: ${missing.join(', ')} not installed (apt-get install postgresql pgbouncer haproxy) ***\n`,
  );
}
const bin = (name: keyof typeof BINARIES): string => BINARIES[name] as string;

// PostgreSQL and PgBouncer refuse to run as root: run them as the postgres user when the test is root.
const isRoot = process.getuid?.() === 0;
const asPostgres = (cmd: string, args: string[]): [string, string[]] =>
  isRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];

function run(cmd: string, args: string[]): string {
  const [c, a] = asPostgres(cmd, args);
  const r = spawnSync(c, a, { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitForPort(port: number, what: string, child?: ChildProcess, log?: () => string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child && child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}:\n${log?.() ?? ''}`);
    const open = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not listen on ${port}:\n${log?.() ?? ''}`);
}

function startDaemon(cmd: string, args: string[], asPg: boolean): { child: ChildProcess; log: () => string } {
  const [c, a] = asPg ? asPostgres(cmd, args) : [cmd, args];
  const child = spawn(c, a, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString('utf8')));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString('utf8')));
  return { child, log: () => out };
}

async function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

interface Session {
  cookie: string;
  csrf: string;
}

async function login(base: string, email: string): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  const cookie = /chitieu_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0];
  if (!cookie) throw new Error('no session cookie');
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

async function send(
  base: string,
  session: Session | null,
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${base}${url}`, {
    method,
    headers: {
      ...headers,
      ...(session ? { cookie: session.cookie, ...(method !== 'GET' ? { 'x-csrf-token': session.csrf } : {}) } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}

describe.skipIf(missing.length > 0)(
  'scale-out: PgBouncer, a streaming replica, two app processes behind haproxy',
  () => {
    let dir: string;
    const ports = { primary: 0, replica: 0, bouncer: 0, balancer: 0 };
    let bouncer: ReturnType<typeof startDaemon> | undefined;
    let balancer: ReturnType<typeof startDaemon> | undefined;
    const apps: Served[] = [];
    let t: Tenant;
    const clusterStarted = { primary: false, replica: false };

    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chitieu-scale-out-'));
      fs.chmodSync(dir, 0o755);
      if (isRoot) {
        const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
        const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
        fs.chownSync(dir, uid, gid);
      }
      for (const k of Object.keys(ports) as (keyof typeof ports)[]) ports[k] = await freePort();
      const primaryDir = path.join(dir, 'primary');
      const replicaDir = path.join(dir, 'replica');

      // The primary: initdb's default pg_hba.conf (trust) already lets 127.0.0.1 connect for replication, and the
      // defaults (wal_level=replica, max_wal_senders=10) are what streaming replication needs.
      run(bin('initdb'), ['-D', primaryDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']);
      const settings = (port: number): string =>
        `\nport = ${port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '${dir}'\nfsync = off\n` +
        `synchronous_commit = off\nfull_page_writes = off\nshared_buffers = 32MB\nmax_connections = 50\n`;
      fs.appendFileSync(path.join(primaryDir, 'postgresql.conf'), settings(ports.primary));
      run(bin('pg_ctl'), ['-D', primaryDir, '-l', path.join(dir, 'primary.log'), '-w', 'start']);
      clusterStarted.primary = true;

      // The replica: a base backup of the running primary with its standby settings (-R), started on its own port.
      run(bin('pg_basebackup'), [
        '-h',
        '127.0.0.1',
        '-p',
        String(ports.primary),
        '-U',
        'postgres',
        '-D',
        replicaDir,
        '-R',
        '-X',
        'stream',
        '--no-sync',
      ]);
      fs.appendFileSync(path.join(replicaDir, 'postgresql.auto.conf'), `port = ${ports.replica}\n`);
      run(bin('pg_ctl'), ['-D', replicaDir, '-l', path.join(dir, 'replica.log'), '-w', 'start']);
      clusterStarted.replica = true;

      // PgBouncer in transaction mode: a server connection is lent for one transaction, then to another client.
      fs.writeFileSync(path.join(dir, 'userlist.txt'), '"postgres" ""\n');
      fs.writeFileSync(
        path.join(dir, 'pgbouncer.ini'),
        [
          '[databases]',
          `chitieu = host=127.0.0.1 port=${ports.primary} dbname=postgres`,
          '[pgbouncer]',
          'listen_addr = 127.0.0.1',
          `listen_port = ${ports.bouncer}`,
          `unix_socket_dir = ${dir}`,
          'auth_type = trust',
          `auth_file = ${path.join(dir, 'userlist.txt')}`,
          'admin_users = postgres',
          'pool_mode = transaction',
          'default_pool_size = 4',
          'max_client_conn = 200',
          '',
        ].join('\n'),
      );
      for (const f of ['userlist.txt', 'pgbouncer.ini']) fs.chmodSync(path.join(dir, f), 0o644);
      bouncer = startDaemon(bin('pgbouncer'), [path.join(dir, 'pgbouncer.ini')], true);
      await waitForPort(ports.bouncer, 'pgbouncer', bouncer.child, bouncer.log);

      // Two app processes started at once: both migrate through PgBouncer (an advisory transaction lock serialises them).
      const env = {
        DATABASE_URL: `postgres://postgres@127.0.0.1:${ports.bouncer}/chitieu`,
        DATABASE_REPLICA_URL: `postgres://postgres@127.0.0.1:${ports.replica}/postgres`,
        SEED: 'false',
        LOG_LEVEL: 'info',
      };
      const started = await Promise.all([
        serve({ ...env, DATA_DIR: path.join(dir, 'app-a') }),
        serve({ ...env, DATA_DIR: path.join(dir, 'app-b') }),
      ]);
      apps.push(...started);

      const db = await openPostgres(`postgres://postgres@127.0.0.1:${ports.primary}/postgres`);
      try {
        t = await seedTenant(db, 'scale');
      } finally {
        await db.close();
      }

      const port = (s: Served): string => new URL(s.baseUrl).port;
      fs.writeFileSync(
        path.join(dir, 'haproxy.cfg'),
        [
          'global',
          '  maxconn 1000',
          'defaults',
          '  mode http',
          '  timeout connect 2s',
          '  timeout client 30s',
          '  timeout server 30s',
          'frontend web',
          `  bind 127.0.0.1:${ports.balancer}`,
          '  default_backend apps',
          'backend apps',
          '  balance roundrobin',
          '  option httpchk GET /api/health',
          '  http-response set-header X-Served-By %[srv_name]',
          `  server a 127.0.0.1:${port(started[0] as Served)} check inter 1s`,
          `  server b 127.0.0.1:${port(started[1] as Served)} check inter 1s`,
          '',
        ].join('\n'),
      );
      balancer = startDaemon(bin('haproxy'), ['-db', '-f', path.join(dir, 'haproxy.cfg')], false);
      await waitForPort(ports.balancer, 'haproxy', balancer.child, balancer.log);
    }, 120_000);

    afterAll(async () => {
      await stopChild(balancer?.child);
      await Promise.all(apps.map((a) => a.stop()));
      await stopChild(bouncer?.child);
      for (const which of ['replica', 'primary'] as const) {
        if (clusterStarted[which]) {
          try {
            run(bin('pg_ctl'), ['-D', path.join(dir, which), '-m', 'immediate', '-w', 'stop']);
          } catch (e) {
            console.warn(String(e));
          }
        }
      }
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    }, 60_000);

    const lb = (): string => `http://127.0.0.1:${ports.balancer}`;
    const appA = (): string => (apps[0] as Served).baseUrl;
    const appB = (): string => (apps[1] as Served).baseUrl;

    async function bouncerShow(what: 'POOLS' | 'STATS' | 'CLIENTS'): Promise<Record<string, unknown>[]> {
      // PgBouncer's admin console speaks the simple query protocol only: a query without parameters.
      const c = new pg.Client({ host: '127.0.0.1', port: ports.bouncer, user: 'postgres', database: 'pgbouncer' });
      await c.connect();
      try {
        return (await c.query(`SHOW ${what}`)).rows as Record<string, unknown>[];
      } finally {
        await c.end();
      }
    }

    it('a session opened through one process is honoured by the other, and a write through one is read through the other', async () => {
      const editor = await login(appA(), t.users.agency_editor.email);
      const onB = await send(appB(), editor, 'GET', '/api/auth/session');
      expect(onB.status).toBe(200);
      expect(((await onB.json()) as { user: { email: string } }).user.email).toBe(t.users.agency_editor.email);

      const entered = await send(appA(), editor, 'POST', '/api/observations', {
        indicatorId: t.indicators.own,
        unitId: t.unitId,
        period: '2026',
        value: '93.5',
        status: 'estimate',
        reason: 'ước tính, nhập qua tiến trình A',
      });
      expect(entered.status, await entered.clone().text()).toBe(201);
      const { id } = (await entered.json()) as { id: string };
      const readOnB = await send(appB(), editor, 'GET', `/api/observations/${id}`);
      expect(readOnB.status).toBe(200);
      expect(JSON.stringify(await readOnB.json())).toContain('93.5');

      // Through the balancer, requests of one session land on both processes.
      const servedBy = new Set<string>();
      for (let i = 0; i < 6; i++) {
        const r = await send(lb(), editor, 'GET', '/api/auth/session');
        expect(r.status).toBe(200);
        servedBy.add(r.headers.get('x-served-by') ?? '');
      }
      expect([...servedBy].sort()).toEqual(['a', 'b']);
    });

    it('the app works through PgBouncer in transaction mode: many clients share a few server connections', async () => {
      const reader = await login(lb(), t.users.reader.email);
      const before = (await bouncerShow('STATS')).find((r) => r.database === 'chitieu');
      // Signed-in reads stay on the primary (through PgBouncer); 60 at once through the balancer.
      const answers = await Promise.all(
        Array.from({ length: 60 }, () => send(lb(), reader, 'GET', `/api/plans/${t.planCode}/evaluations`)),
      );
      expect(answers.map((r) => r.status)).toEqual(Array.from({ length: 60 }, () => 200));
      expect(new Set(answers.map((r) => r.headers.get('x-read-from')))).toEqual(new Set(['primary']));
      const after = (await bouncerShow('STATS')).find((r) => r.database === 'chitieu');
      expect(Number(after?.total_xact_count)).toBeGreaterThan(Number(before?.total_xact_count) + 60);
      const pool = (await bouncerShow('POOLS')).find((r) => r.database === 'chitieu');
      const serverConnections = ['sv_active', 'sv_idle', 'sv_used', 'sv_tested', 'sv_login'].reduce(
        (n, k) => n + Number(pool?.[k] ?? 0),
        0,
      );
      const clients = (await bouncerShow('CLIENTS')).filter((r) => r.database === 'chitieu').length;
      expect(serverConnections).toBeLessThanOrEqual(4);
      expect(clients).toBeGreaterThan(serverConnections);
    });

    it('a figure approved on the primary reaches the replica-served portal within the replication lag; the writer reads it at once; answers say how stale they may be', async () => {
      const replica = new pg.Client({ host: '127.0.0.1', port: ports.replica, user: 'postgres', database: 'postgres' });
      await replica.connect();
      try {
        expect((await replica.query('SELECT pg_is_in_recovery() AS r')).rows[0]).toEqual({ r: true });
      } finally {
        await replica.end();
      }
      const editor = await login(lb(), t.users.agency_editor.email);
      const approver = await login(lb(), t.users.approver.email);
      const entered = await send(lb(), editor, 'POST', '/api/observations', {
        indicatorId: t.indicators.own,
        unitId: t.unitId,
        period: '2025',
        value: '96.4',
        status: 'official',
        reason: 'số chính thức',
      });
      expect(entered.status, await entered.clone().text()).toBe(201);
      const { id } = (await entered.json()) as { id: string };
      expect(
        (await send(lb(), editor, 'POST', `/api/observations/${id}/submit`, undefined, { 'if-match': '"1"' })).status,
      ).toBe(200);

      // Once the replica has replayed what the primary wrote (the tenant's seeding, its stored evaluations),
      // anonymous portal reads come from it and say so, with an upper bound on their staleness. (Before that, a read
      // the replica cannot answer yet is answered by the primary, and says so: see the service's readPlanEvaluation.)
      const primary = new pg.Client({ host: '127.0.0.1', port: ports.primary, user: 'postgres', database: 'postgres' });
      const standby = new pg.Client({ host: '127.0.0.1', port: ports.replica, user: 'postgres', database: 'postgres' });
      await primary.connect();
      await standby.connect();
      try {
        const lsn = (await primary.query<{ l: string }>('SELECT pg_current_wal_lsn()::text AS l')).rows[0]?.l;
        const caughtUp = async () =>
          (await standby.query<{ ok: boolean }>('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok', [lsn])).rows[0]
            ?.ok === true;
        const started = Date.now();
        while (!(await caughtUp()) && Date.now() - started < 10_000) await new Promise((r) => setTimeout(r, 20));
        expect(await caughtUp(), 'the replica did not replay the seeding within 10 s').toBe(true);
      } finally {
        await primary.end();
        await standby.end();
      }
      const before = await send(lb(), null, 'GET', `/api/plans/${t.planCode}/evaluations`);
      expect(before.status).toBe(200);
      expect(before.headers.get('x-read-from')).toBe('replica');
      const staleness = Number(before.headers.get('x-data-staleness'));
      expect(staleness).toBeGreaterThanOrEqual(0);
      expect(staleness).toBeLessThan(30);

      const approved = await send(lb(), approver, 'POST', `/api/observations/${id}/approve`, undefined, {
        'if-match': '"2"',
      });
      expect(approved.status, await approved.clone().text()).toBe(200);
      const approvedAt = Date.now();
      // The writer reads its own write at once: a signed-in read goes to the primary.
      const own = await send(lb(), approver, 'GET', `/api/observations/${id}`);
      expect(own.status).toBe(200);
      expect(own.headers.get('x-read-from')).toBe('primary');
      expect(JSON.stringify(await own.json())).toContain('96.4');

      // The portal (replica) shows it once replication has carried it over.
      let seenAfterMs = -1;
      let last: Response | null = null;
      while (Date.now() - approvedAt < 10_000) {
        last = await send(lb(), null, 'GET', `/api/observations/${id}`);
        if (last.status === 200) {
          seenAfterMs = Date.now() - approvedAt;
          break;
        }
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(
        seenAfterMs,
        `the approved figure did not reach the replica in 10 s (last ${last?.status})`,
      ).toBeGreaterThanOrEqual(0);
      expect(last?.headers.get('x-read-from')).toBe('replica');
      expect(JSON.stringify(await last?.json())).toContain('96.4');
      const portal = await send(lb(), null, 'GET', `/api/plans/${t.planCode}/evaluations`);
      expect(portal.headers.get('x-read-from')).toBe('replica');
      const rows = ((await portal.json()) as { rows: { status: string | null }[] }).rows;
      expect(rows.map((r) => r.status)).toContain('exceeded');
      console.info(`scale-out: approved figure visible on the replica's portal after ${seenAfterMs} ms`);
    });
  },
);
