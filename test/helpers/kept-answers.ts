// What the tests of kept answers (the evaluations, an indicator's figures, health) share: the app's server on a
// database handle, two of them on one PostgreSQL database (a fresh schema, two connection pools, each server with its
// own kept answers: what one writes the other must read on its next request), an official figure written as a
// vintage, and the number of database calls a request makes.
import { buildServer } from '../../src/api/server.ts';
import { loadConfig } from '../../src/config/config.ts';
import type { Runtime } from '../../src/runtime.ts';
import { systemActor } from '../../src/services/context.ts';
import { addVintage } from '../../src/services/observations/add-vintage.ts';
import { openPostgres, type Db } from '../../src/storage/db.ts';
import { migrate } from '../../src/storage/migrate.ts';

export type Server = Awaited<ReturnType<typeof buildServer>>;

export interface TwoServers {
  servers: [Server, Server];
  dbs: [Db, Db];
  /** Closes both servers and pools and drops the schema. */
  close(): Promise<void>;
}

/** The app's server on a database handle, ready for `inject`, without seeding. */
export async function serverOn(db: Db): Promise<Server> {
  const runtime: Runtime = {
    config: loadConfig({ SEED: 'false', LOG_LEVEL: 'silent' }, { secureCookies: false, trustedProxies: [] }),
    db,
    systemContext: (label) => ({ db, actor: systemActor(label), now: () => new Date() }),
    close: () => db.close(),
  };
  const app = await buildServer(runtime, { logger: false });
  await app.ready();
  return app;
}

export async function openTwoServers(url: string): Promise<TwoServers> {
  const schema = `t_${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = await openPostgres(url);
  await admin.exec(`CREATE SCHEMA ${schema}`);
  await admin.close();
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  const dbs: [Db, Db] = [await openPostgres(u.toString()), await openPostgres(u.toString())];
  await migrate(dbs[0]);
  const servers: [Server, Server] = [await serverOn(dbs[0]), await serverOn(dbs[1])];
  return {
    servers,
    dbs,
    close: async () => {
      for (const s of servers) await s.close();
      for (const db of dbs) await db.close();
      const cleanup = await openPostgres(url);
      await cleanup.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await cleanup.close();
    },
  };
}

/** An official figure of the plan's indicator I1 (the seeded tenant's), written as a vintage: approved at once. */
export function addOfficialFigure(db: Db, planCode: string, period: string, value: string) {
  return addVintage({
    ctx: { db, actor: systemActor('test'), now: () => new Date() },
    input: {
      planCode,
      indicatorCode: 'I1',
      period,
      value,
      status: 'official',
      source: 'Số liệu thử của bài kiểm tra',
      publishedOn: '2026-11-20',
    },
  });
}

/** Calls to the database handle while `fn` runs. */
export async function queriesDuring(db: Db, fn: () => Promise<unknown>): Promise<number> {
  const target = db as { query: Db['query'] };
  const query = target.query.bind(db);
  let n = 0;
  target.query = ((sql: string, params?: unknown[]) => {
    n++;
    return query(sql, params);
  }) as Db['query'];
  try {
    await fn();
  } finally {
    target.query = query;
  }
  return n;
}
