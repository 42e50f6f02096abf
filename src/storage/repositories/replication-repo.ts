// What a streaming replica knows about its own lag, asked of the replica itself (PostgreSQL's recovery functions).
import type { Queryable } from '../db.ts';

/**
 * Seconds the replica is behind its primary: 0 when it has replayed everything it received, otherwise the age of
 * the last transaction it replayed. Null when the database is not a replica (pg_is_in_recovery() is false).
 */
export async function replicaLagSeconds(db: Queryable): Promise<number | null> {
  const rows = await db.query<{ recovering: boolean; lag: string | null }>(
    `SELECT pg_is_in_recovery() AS recovering,
            CASE WHEN pg_last_wal_receive_lsn() IS NOT DISTINCT FROM pg_last_wal_replay_lsn() THEN 0
                 ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp()) END::text AS lag`,
  );
  const r = rows[0];
  if (!r?.recovering) return null;
  return r.lag === null ? 0 : Math.max(0, Number(r.lag));
}
