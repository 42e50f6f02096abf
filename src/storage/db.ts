// One SQL dialect (PostgreSQL's) over two providers: embedded PGlite in a data folder (default) or a PostgreSQL
// server (DATABASE_URL). Callers see one small interface; no ORM, so the SQL stays readable in review.
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import lockfile from 'proper-lockfile';
import { ChitieuError } from '../core/errors.ts';

export type Row = Record<string, unknown>;

export interface Queryable {
  query<T extends Row = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs fn in one transaction: everything it wrote is committed together or not at all. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const OID = { DATE: 1082, NUMERIC: 1700, INT8: 20 } as const;
const asText = (v: string): string => v;
const asNumber = (v: string): number => Number(v);

/** Dates stay 'YYYY-MM-DD' strings (no time-zone drift); numerics stay exact strings; counts become numbers. */
const parsers = { [OID.DATE]: asText, [OID.NUMERIC]: asText, [OID.INT8]: asNumber };

export class DatabaseLocked extends ChitieuError {
  constructor(dir: string) {
    super(
      'database_locked',
      'conflict',
      {
        vi: `Thư mục dữ liệu ${dir} đang được một tiến trình chitieu khác sử dụng. Hãy dừng tiến trình đó, hoặc dùng DATA_DIR khác.`,
        en: `The data folder ${dir} is in use by another chitieu process. Stop that process, or use another DATA_DIR.`,
      },
      { details: { dir } },
    );
  }
}

export async function openPglite(dataDir: string | null): Promise<Db> {
  let release: (() => Promise<void>) | null = null;
  let dir: string | undefined;
  if (dataDir) {
    dir = path.join(dataDir, 'pglite');
    fs.mkdirSync(dir, { recursive: true });
    // PGlite does not guard its folder: two processes on one folder corrupt it. A lock with a heartbeat
    // (stale after 10 s if the holder died) makes a second start fail with a clear message instead.
    try {
      release = await lockfile.lock(dir, {
        stale: 10_000,
        update: 2_000,
        lockfilePath: path.join(dataDir, 'pglite.lock'),
      });
    } catch (e) {
      if ((e as { code?: string }).code === 'ELOCKED') throw new DatabaseLocked(dataDir);
      throw e;
    }
  }
  const db = new PGlite(dir, { parsers });
  await db.waitReady;
  return {
    kind: 'pglite',
    async query<T extends Row>(sql: string, params?: unknown[]) {
      return (await db.query<T>(sql, params, { parsers })).rows;
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      return db.transaction(async (tx) =>
        fn({
          query: async <R extends Row>(s: string, p?: unknown[]) => (await tx.query<R>(s, p, { parsers })).rows,
          exec: async (s: string) => {
            await tx.exec(s);
          },
        }),
      );
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
    async close() {
      await db.close();
      if (release) await release();
    },
  };
}

export async function openPostgres(url: string): Promise<Db> {
  const types = {
    getTypeParser: (oid: number, format?: 'text' | 'binary') =>
      oid in parsers ? parsers[oid as keyof typeof parsers] : pg.types.getTypeParser(oid, format),
  };
  const pool = new pg.Pool({ connectionString: url, max: 10, types: types as pg.CustomTypesConfig });
  // Fail fast with a clear message if the server is unreachable.
  const client = await pool.connect();
  client.release();
  return {
    kind: 'postgres',
    async query<T extends Row>(sql: string, params?: unknown[]) {
      return (await pool.query<T>(sql, params)).rows;
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        const out = await fn({
          query: async <R extends Row>(s: string, p?: unknown[]) => (await c.query<R>(s, p)).rows,
          exec: async (s: string) => {
            await c.query(s);
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
    },
    async exec(sql: string) {
      await pool.query(sql);
    },
    async close() {
      await pool.end();
    },
  };
}

export async function openDb(opts: { databaseUrl: string | null; dataDir: string | null }): Promise<Db> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(opts.dataDir);
}
