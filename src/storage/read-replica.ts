// A read replica (PostgreSQL streaming replication) beside the primary, with a watch on its lag: the app sends a
// read there only while the replica is known to be at most `maxLagSeconds` behind, and says how stale it may be.
import { openPostgres, type Db } from './db.ts';
import { replicaLagSeconds } from './repositories/replication-repo.ts';

export interface ReadReplica {
  db: Db;
  /**
   * An upper bound, in seconds, on how far a read from the replica now may be behind the primary: the lag last
   * measured plus the time since it was measured. Null when the replica cannot be used (unreachable, not a replica,
   * or further behind than allowed): reads then go to the primary.
   */
  staleness(): number | null;
  close(): Promise<void>;
}

export async function openReadReplica(
  url: string,
  opts: { maxLagSeconds: number; pollMs?: number; now?: () => number },
): Promise<ReadReplica> {
  const db = await openPostgres(url);
  const now = opts.now ?? (() => Date.now());
  let measured: { lag: number; at: number } | null = null;
  const measure = async (): Promise<void> => {
    const started = now();
    try {
      const lag = await replicaLagSeconds(db);
      // The bound counts from the moment the question was sent: the answer is at least that old.
      measured = lag === null ? null : { lag, at: started };
    } catch {
      measured = null;
    }
  };
  await measure();
  if (measured === null) {
    await db.close();
    throw new Error(`DATABASE_REPLICA_URL does not name a reachable streaming replica (pg_is_in_recovery() is false)`);
  }
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    void measure().finally(() => (running = false));
  }, opts.pollMs ?? 500);
  timer.unref();
  return {
    db,
    staleness() {
      if (measured === null) return null;
      const bound = measured.lag + (now() - measured.at) / 1000;
      return bound <= opts.maxLagSeconds ? bound : null;
    },
    async close() {
      clearInterval(timer);
      await db.close();
    },
  };
}
