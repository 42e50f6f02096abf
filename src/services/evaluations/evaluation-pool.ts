// Where evaluate-all's chunks are evaluated: a few worker threads (the evaluation is pure and CPU-bound, and the
// calling thread is left the reads and writes), or the calling thread itself (the default on two cores). Open one
// pool for a whole run and close it at the end: a worker costs ~0.2 s to start (it loads the core).
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startTypeScriptWorker } from './typescript-worker.ts';
import { evaluateUnitChunk, type UnitChunkInput, type UnitChunkResult } from './unit-evaluation-chunk.ts';

export interface EvaluationPool {
  /** Worker threads evaluating; 0 when the chunks are evaluated on the calling thread. */
  readonly workers: number;
  evaluate(input: UnitChunkInput): Promise<UnitChunkResult>;
  close(): Promise<void>;
}

/**
 * Two cores fewer than the machine has: one for the calling thread (it reads each chunk, parses the rows and writes
 * the batches; with PGlite it also runs the database) and one for the database; none on two cores. Measured on
 * 2 cores with PostgreSQL on the same machine (bench/README.md, 2026-11-30 12:36–13:31): a worker there added 15–55 %
 * CPU (its own warm-up of the core, the versions cloned into it) and finished no sooner, as no core was idle.
 */
export function defaultEvaluationWorkers(): number {
  return Math.max(0, availableParallelism() - 2);
}

/** A pool of `workers` threads (default: defaultEvaluationWorkers()); 0 evaluates on the calling thread. */
export function openEvaluationPool(opts: { workers?: number } = {}): EvaluationPool {
  const workers = opts.workers ?? defaultEvaluationWorkers();
  if (!Number.isInteger(workers) || workers < 0) throw new RangeError(`workers: ${workers} is not a count of threads`);
  if (workers === 0) {
    return {
      workers: 0,
      evaluate: (input) => Promise.resolve(evaluateUnitChunk(input)),
      close: () => Promise.resolve(),
    };
  }
  return new WorkerPool(workers);
}

interface Task {
  resolve: (r: UnitChunkResult) => void;
  reject: (e: Error) => void;
}

interface Member {
  worker: Worker;
  tasks: Map<number, Task>;
}

const startWorker = (): Worker => startTypeScriptWorker(new URL('./unit-evaluation-worker.ts', import.meta.url));

class WorkerPool implements EvaluationPool {
  readonly workers: number;
  private readonly members: Member[] = [];
  private nextId = 0;
  private failure: Error | null = null;

  constructor(workers: number) {
    this.workers = workers;
    for (let i = 0; i < workers; i++) this.members.push(this.start());
  }

  private start(): Member {
    const member: Member = { worker: startWorker(), tasks: new Map() };
    const { worker, tasks } = member;
    worker.unref(); // an idle pool does not keep the process alive
    worker.on('message', (m: { id: number; result?: UnitChunkResult; error?: string }) => {
      const task = tasks.get(m.id);
      if (!task) return;
      tasks.delete(m.id);
      if (tasks.size === 0) worker.unref();
      if (m.result) task.resolve(m.result);
      else task.reject(new Error(`evaluation worker: ${m.error ?? 'no result'}`));
    });
    const fail = (e: Error) => {
      this.failure ??= e;
      for (const task of tasks.values()) task.reject(e);
      tasks.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`evaluation worker stopped (exit code ${code})`)));
    return member;
  }

  evaluate(input: UnitChunkInput): Promise<UnitChunkResult> {
    if (this.failure) return Promise.reject(this.failure);
    // The member with the fewest chunks waiting: chunks queue in its port and it takes the next as soon as it is done.
    let member = this.members[0];
    for (const m of this.members) if (member === undefined || m.tasks.size < member.tasks.size) member = m;
    if (!member) return Promise.reject(new Error('evaluation pool is closed'));
    const { worker, tasks } = member;
    const id = this.nextId++;
    return new Promise<UnitChunkResult>((resolve, reject) => {
      tasks.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, input });
    });
  }

  async close(): Promise<void> {
    this.failure ??= new Error('evaluation pool is closed');
    const members = this.members.splice(0);
    await Promise.all(members.map((m) => m.worker.terminate()));
  }
}
