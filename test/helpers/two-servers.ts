// Two server processes' worth of the app on one PostgreSQL database: a fresh schema, two connection pools and two
// servers, each with its own kept answers. What one writes the other must read on its next request; the tests of
// the kept answers (evaluations, an indicator's figures) use it to prove their versions hold across processes.
import { buildServer } from '../../src/api/server.ts';
import { loadConfig } from '../../src/config/config.ts';
import type { Runtime } from '../../src/runtime.ts';
import { systemActor } from '../../src/services/context.ts';
import { openPostgres, type Db } from '../../src/storage/db.ts';
import { migrate } from '../../src/storage/migrate.ts';

export type Server = Awaited<ReturnType<typeof buildServer>>;

export interface TwoServers {
  servers: [Server, Server];
  dbs: [Db, Db];
  /** Closes both servers and pools and drops the schema. */
  close(): Promise<void>;
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
  const serve = async (db: Db): Promise<Server> => {
    const runtime: Runtime = {
      config: loadConfig({ SEED: 'false', LOG_LEVEL: 'silent' }, { secureCookies: false, trustedProxies: [] }),
      db,
      systemContext: (label) => ({ db, actor: systemActor(label), now: () => new Date() }),
      close: () => db.close(),
    };
    const app = await buildServer(runtime, { logger: false });
    await app.ready();
    return app;
  };
  const servers: [Server, Server] = [await serve(dbs[0]), await serve(dbs[1])];
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
