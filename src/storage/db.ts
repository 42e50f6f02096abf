// One SQL dialect (PostgreSQL's) over two providers: embedded PGlite in a data folder (default) or a PostgreSQL
// server (DATABASE_URL). Callers see one small interface; no ORM, so the SQL stays readable in review.
import fs from 'node:fs';
import path from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import pg from 'pg';
import { durablePgliteOptions, lockFolder, type FolderLock } from './pglite-folder.ts';

export type Row = Record<string, unknown>;

export interface Queryable {
  query<T extends Row = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /**
   * True when no other process can write this database (PGlite: its folder is locked to this process), so that
   * `writes()` counts every write there is; false for a PostgreSQL server that other processes may share.
   */
  readonly exclusive: boolean;
  /**
   * How many writes this handle has finished: transactions (committed or not), scripts, and statements other than a
   * plain SELECT, each counted once it has returned. An unchanged count since a read means nothing was written here.
   */
  writes(): number;
  /**
   * Whether the database answers (`SELECT 1`); rejects when it does not. On PostgreSQL it runs on a connection of its
   * own, so a health check never waits in the pool's queue behind the readers of a busy server; on PGlite, the
   * database of this process, it is one more query.
   */
  ping(): Promise<void>;
  /** Runs fn in one transaction: everything it wrote is committed together or not at all. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const OID = { DATE: 1082, NUMERIC: 1700, INT8: 20 } as const;
const asText = (v: string): string => v;
const asNumber = (v: string): number => Number(v);

/** Dates stay 'YYYY-MM-DD' strings (no time-zone drift); numerics stay exact strings; counts become numbers. */
const parsers = { [OID.DATE]: asText, [OID.NUMERIC]: asText, [OID.INT8]: asNumber };

/** A statement that cannot write: a plain SELECT (a WITH may hide an INSERT, so it counts as a write). */
const readOnly = (sql: string): boolean =>
  /^\s*select\b/i.test(sql) && !/\b(insert|update|delete|nextval|setval)\b/i.test(sql);

/** The write counter shared by a handle's methods: bumped after every write returns, also when it fails. */
function writeCounter(): { bump<T>(work: Promise<T>): Promise<T>; read(): number } {
  let n = 0;
  return {
    read: () => n,
    async bump<T>(work: Promise<T>): Promise<T> {
      try {
        return await work;
      } finally {
        n++;
      }
    },
  };
}

/**
 * The embedded database. With a folder it is a server's database: the folder is locked for the life of the process
 * and every commit is on disk before it returns (see pglite-folder.ts). Without one it lives in memory (tests).
 */
export async function openPglite(dataDir: string | null): Promise<Db> {
  let lock: FolderLock | null = null;
  let options: PGliteOptions = {};
  if (dataDir) {
    fs.mkdirSync(path.join(dataDir, 'pglite'), { recursive: true });
    lock = lockFolder(dataDir);
    options = durablePgliteOptions(path.join(dataDir, 'pglite'));
  }
  let db: PGlite;
  try {
    db = new PGlite({ ...options, parsers });
    await db.waitReady;
  } catch (e) {
    lock?.release();
    throw e;
  }
  const counter = writeCounter();
  return {
    kind: 'pglite',
    exclusive: true,
    writes: counter.read,
    async query<T extends Row>(sql: string, params?: unknown[]) {
      const work = db.query<T>(sql, params, { parsers });
      return (await (readOnly(sql) ? work : counter.bump(work))).rows;
    },
    async ping() {
      await db.query('SELECT 1');
    },
    transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      return counter.bump(pgliteTransaction(fn));
    },
    async exec(sql: string) {
      await counter.bump(db.exec(sql));
    },
    async close() {
      try {
        await db.close();
      } finally {
        lock?.release();
      }
    },
  };

  async function pgliteTransaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const out = await db.transaction(async (tx) =>
      fn({
        query: async <R extends Row>(s: string, p?: unknown[]) => (await tx.query<R>(s, p, { parsers })).rows,
        exec: async (s: string) => {
          await tx.exec(s);
        },
      }),
    );
    // PGlite skips its file-system sync after transaction() commits (electric-sql/pglite#1065); ask for it, so a
    // file system that buffers (IndexedDB, OPFS) is as durable as a single query. On the Node folder the commit's
    // own fsync has already reached the disk.
    await db.syncToFs();
    return out;
  }
}

/** How long a health check waits for PostgreSQL to connect or answer before it says the database is down. */
const PING_TIMEOUT_MS = 5_000;

export async function openPostgres(url: string): Promise<Db> {
  const types = {
    getTypeParser: (oid: number, format?: 'text' | 'binary') =>
      oid in parsers ? parsers[oid as keyof typeof parsers] : pg.types.getTypeParser(oid, format),
  };
  const pool = new pg.Pool({ connectionString: url, max: 10, types: types as pg.CustomTypesConfig });
  // An idle connection the server closed (a restart, a network cut) is dropped by the pool and opened again on the
  // next query; unheard, its error would end the process. Queries that fail still reject to their callers.
  pool.on('error', () => undefined);
  // Fail fast with a clear message if the server is unreachable.
  const client = await pool.connect();
  client.release();
  const counter = writeCounter();
  // The health check's own connection, opened on first use and again after any failure (a restarted server).
  let pinger: Promise<pg.Client> | null = null;
  const dropPinger = (c: Promise<pg.Client>): void => {
    if (pinger !== c) return;
    pinger = null;
    void c.then((client) => client.end()).catch(() => undefined);
  };
  return {
    kind: 'postgres',
    exclusive: false,
    writes: counter.read,
    async query<T extends Row>(sql: string, params?: unknown[]) {
      const work = pool.query<T>(sql, params);
      return (await (readOnly(sql) ? work : counter.bump(work))).rows;
    },
    async ping() {
      if (pinger === null) {
        const client = new pg.Client({
          connectionString: url,
          connectionTimeoutMillis: PING_TIMEOUT_MS,
          query_timeout: PING_TIMEOUT_MS,
        });
        const opening = client.connect().then(() => client);
        client.on('error', () => dropPinger(opening));
        pinger = opening;
      }
      const current = pinger;
      try {
        await (await current).query('SELECT 1');
      } catch (e) {
        dropPinger(current);
        throw e;
      }
    },
    transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      return counter.bump(postgresTransaction(fn));
    },
    async exec(sql: string) {
      await counter.bump(pool.query(sql));
    },
    async close() {
      const p = pinger;
      pinger = null;
      await p?.then((c) => c.end()).catch(() => undefined);
      await pool.end();
    },
  };

  async function postgresTransaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      // One connection runs one statement at a time: callers may start several at once (Promise.all), so they are
      // queued here in order, rather than handed to the client while it is busy (deprecated in pg, gone in pg 9).
      let last: Promise<unknown> = Promise.resolve();
      const inTurn = <R>(run: () => Promise<R>): Promise<R> => {
        const next = last.then(run, run);
        last = next.catch(() => undefined);
        return next;
      };
      const out = await fn({
        query: async <R extends Row>(s: string, p?: unknown[]) => (await inTurn(() => c.query<R>(s, p))).rows,
        exec: async (s: string) => {
          await inTurn(() => c.query(s));
        },
      });
      await c.query('COMMIT');
      return out;
    } catch (e) {
      await c.query('ROLLBACK');
      throw e;
    } finally {
      c.release();
    }
  }
}

export async function openDb(opts: { databaseUrl: string | null; dataDir: string | null }): Promise<Db> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(opts.dataDir);
}
