// Concurrent readers share queries, and a reader never gets the answer of a query that began before it arrived.
import { describe, expect, it } from 'vitest';
import { sharedNextRead } from './shared-next-read.ts';

/** A query whose answer is the value of `state` when it begins, finishing when told. */
function controlledQueries(): {
  state: { value: number };
  started: number[];
  finish: () => void;
  read: () => Promise<number>;
} {
  const state = { value: 0 };
  const started: number[] = [];
  const pending: (() => void)[] = [];
  return {
    state,
    started,
    finish: () => pending.shift()?.(),
    read: () => {
      const seen = state.value;
      started.push(seen);
      return new Promise<number>((resolve) => pending.push(() => resolve(seen)));
    },
  };
}

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('sharedNextRead', () => {
  it('gives readers that arrive while a query runs the next query, which sees the write made before they arrived', async () => {
    const shared = sharedNextRead<number>();
    const q = controlledQueries();
    const first = shared('plan', q.read);
    q.state.value = 1; // a write commits while the first query runs
    const late = Array.from({ length: 50 }, () => shared('plan', q.read));
    expect(q.started).toEqual([0]);
    q.finish();
    expect(await first).toBe(0);
    await tick();
    expect(q.started).toEqual([0, 1]);
    q.finish();
    expect(await Promise.all(late)).toEqual(Array.from({ length: 50 }, () => 1));
  });

  it('keeps keys apart, starts afresh once idle, and passes a failed query on to its readers only', async () => {
    const shared = sharedNextRead<number>();
    const q = controlledQueries();
    const a = shared('a', q.read);
    const b = shared('b', q.read);
    expect(q.started).toHaveLength(2);
    q.finish();
    q.finish();
    await Promise.all([a, b]);
    const failing = shared('a', () => Promise.reject(new Error('down')));
    const after = shared('a', q.read);
    await expect(failing).rejects.toThrow('down');
    await tick();
    q.state.value = 7;
    q.finish();
    expect(await after).toBe(0);
    const fresh = shared('a', q.read);
    q.finish();
    expect(await fresh).toBe(7);
  });
});
