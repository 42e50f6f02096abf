// Crash tests on a real server process: kill -9 right after an answered write loses nothing, the next start takes
// the folder at once, and a live (even paused) server's folder is never taken over by a second process.
import { describe, expect, it } from 'vitest';
import { openPglite, openPostgres, type Db } from '../../src/storage/db.ts';
import { migrate } from '../../src/storage/migrate.ts';
import { freshPostgresUrl, runCli, serve, tempDir, type Served } from '../helpers/processes.ts';
import { PASSWORD, seedTenant, type Tenant } from './api-helpers.ts';

const pgUrl = process.env.TEST_DATABASE_URL;
const providers = [{ name: 'pglite' as const }, ...(pgUrl ? [{ name: 'postgres' as const }] : [])];
const ROUNDS = 3;

interface Session {
  cookie: string;
  csrf: string;
}

async function logIn(base: string, email: string): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  expect(res.status).toBe(200);
  return {
    cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
    csrf: ((await res.json()) as { csrfToken: string }).csrfToken,
  };
}

/**
 * Four writers create agencies as fast as the server answers; the moment the `killAfter`-th answer arrives the
 * server gets SIGKILL. Returns the ids of every answered write.
 */
async function writeUntilKilled(server: Served, s: Session, killAfter: number, round: number): Promise<string[]> {
  const answered: string[] = [];
  let killed = false;
  const writer = async (w: number): Promise<void> => {
    for (let i = 0; !killed; i++) {
      let res: Response;
      try {
        res = await fetch(`${server.baseUrl}/api/agencies`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
          body: JSON.stringify({ code: `r${round}-w${w}-${i}`, name: `Cơ quan ${round}.${w}.${i}` }),
        });
      } catch {
        return; // the connection died with the server: this write was never answered
      }
      if (killed) return;
      expect(res.status).toBe(201);
      answered.push(((await res.json()) as { id: string }).id);
      if (answered.length >= killAfter && !killed) {
        killed = true;
        server.child.kill('SIGKILL');
      }
    }
  };
  await Promise.all([0, 1, 2, 3].map(writer));
  await exited(server);
  return answered;
}

/** Resolves when the server process is gone (a process killed by a signal has a signalCode, not an exitCode). */
function exited(server: Served): Promise<void> {
  const { child } = server;
  return new Promise((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve()),
  );
}

describe.each(providers)('a server on $name killed with SIGKILL', ({ name }) => {
  it(`loses no answered write and starts again at once (${ROUNDS} crashes)`, { timeout: 900_000 }, async () => {
    const dataDir = tempDir();
    const env: Record<string, string> = { DATA_DIR: dataDir, SEED: 'false' };
    if (name === 'postgres' && pgUrl) env.DATABASE_URL = await freshPostgresUrl(pgUrl);
    const open = (): Promise<Db> => (env.DATABASE_URL ? openPostgres(env.DATABASE_URL) : openPglite(dataDir));

    let db = await open();
    await migrate(db);
    const tenant: Tenant = await seedTenant(db, 'crash');
    await db.close();

    const answered: string[] = [];
    let previous: Session | null = null;
    for (let round = 0; round < ROUNDS; round++) {
      // The start right after a crash must succeed on the first try: no lock left behind to wait out.
      const server = await serve(env);
      if (previous) {
        // The session written by the last round's login (also an answered write) is still there.
        const still = await fetch(`${server.baseUrl}/api/auth/session`, { headers: { cookie: previous.cookie } });
        expect(still.status).toBe(200);
      }
      const session = await logIn(server.baseUrl, tenant.users.admin.email);
      answered.push(...(await writeUntilKilled(server, session, 5 + round * 7, round)));
      previous = session;
    }
    expect(answered.length).toBeGreaterThanOrEqual(5 + 12 + 19);

    db = await open();
    try {
      const rows = await db.query<{ id: string }>('SELECT id FROM agencies WHERE id = ANY($1::uuid[])', [answered]);
      expect(rows.length).toBe(answered.length);
    } finally {
      await db.close();
    }
  });
});

describe('the embedded database folder under a live server', () => {
  it(
    'refuses a second process while the server is paused (SIGSTOP) longer than any heartbeat, and the server then carries on',
    { timeout: 600_000 },
    async () => {
      const dataDir = tempDir();
      let db = await openPglite(dataDir);
      await migrate(db);
      const tenant = await seedTenant(db, 'pause');
      await db.close();

      const server = await serve({ DATA_DIR: dataDir, SEED: 'false' });
      try {
        const session = await logIn(server.baseUrl, tenant.users.admin.email);
        server.child.kill('SIGSTOP');
        await new Promise((r) => setTimeout(r, 12_000));
        const second = await runCli(['migrate'], { DATA_DIR: dataDir, SEED: 'false' });
        expect(second.code).toBe(1);
        expect(second.stderr).toContain('đang được một tiến trình chitieu khác sử dụng');
        expect(second.stderr).toContain('in use by another chitieu process');
        expect(second.stderr).toContain(`pid ${server.child.pid}`);
        expect(second.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
        server.child.kill('SIGCONT');

        const res = await fetch(`${server.baseUrl}/api/agencies`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
          body: JSON.stringify({ code: 'after-pause', name: 'Sau khi tạm dừng' }),
        });
        expect(res.status).toBe(201);
        const { id } = (await res.json()) as { id: string };

        // A crash releases the folder at once: the next process opens it immediately and finds the write.
        server.child.kill('SIGKILL');
        await exited(server);
        db = await openPglite(dataDir);
        try {
          expect(await db.query('SELECT code FROM agencies WHERE id = $1', [id])).toEqual([{ code: 'after-pause' }]);
        } finally {
          await db.close();
        }
      } finally {
        server.child.kill('SIGCONT');
        server.child.kill('SIGKILL');
      }
    },
  );
});
