// Coalescing of concurrent reads of the same key without ever answering from a read that began too early.
/**
 * Reads of one key that arrive together share a query, and each still sees every write committed before it arrived:
 * a read joins the next query to start, never one already running (which may have begun before that write). At most
 * one query runs and one waits per key, however many readers there are, so 50 readers of one plan take 1–2 pool
 * connections instead of all of them, and other requests (health, sign-in) are not queued behind them.
 */
export function sharedNextRead<T>(): (key: string, read: () => Promise<T>) => Promise<T> {
  interface Queued {
    read: () => Promise<T>;
    promise: Promise<T>;
    settle: (p: Promise<T>) => void;
  }
  const running = new Set<string>();
  const queued = new Map<string, Queued>();
  const start = (key: string, read: () => Promise<T>): Promise<T> => {
    running.add(key);
    const p = read();
    const done = (): void => {
      running.delete(key);
      const q = queued.get(key);
      if (q === undefined) return;
      // Starts only now, after every reader that joined it arrived.
      queued.delete(key);
      q.settle(start(key, q.read));
    };
    p.then(done, done);
    return p;
  };
  return (key, read) => {
    if (!running.has(key)) return start(key, read);
    let q = queued.get(key);
    if (q === undefined) {
      let settle: (p: Promise<T>) => void = () => undefined;
      const promise = new Promise<T>((resolve) => {
        settle = resolve;
      });
      q = { read, promise, settle };
      queued.set(key, q);
    }
    return q.promise;
  };
}
