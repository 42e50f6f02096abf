// The bulk imports' hand-over to the writer: one batch is written while the next is read and checked, so PostgreSQL
// (its own process, its own core) stores batch k while this process parses and checks batch k+1. Never more than one
// write in flight: the writes keep their order, and a file's memory stays one batch being checked plus one being
// written. A failed write is rethrown at the next hand-over or at `finish`.

export interface OverlappedWrites<B> {
  /** Waits for the write in flight, then starts this one without waiting for it. */
  write(batch: B): Promise<void>;
  /** Waits for the write in flight; rethrows its failure. Returns the rows stored by all writes so far. */
  finish(): Promise<number>;
  /** Waits for the write in flight without rethrowing: call before the transaction ends, whatever happened. */
  drain(): Promise<void>;
}

export function overlappedWrites<B>(store: (batch: B) => Promise<number>): OverlappedWrites<B> {
  let inFlight: Promise<void> | null = null;
  let failure: { error: unknown } | null = null;
  let stored = 0;
  const finish = async (): Promise<number> => {
    if (inFlight) await inFlight;
    inFlight = null;
    if (failure) throw failure.error;
    return stored;
  };
  return {
    async write(batch) {
      await finish();
      inFlight = store(batch).then(
        (n) => {
          stored += n;
        },
        (error: unknown) => {
          failure = { error };
        },
      );
    },
    finish,
    async drain() {
      if (inFlight) await inFlight;
    },
  };
}
