// A plan's evaluation for a write's recompute (an approval, a vintage, an override …), made on a worker thread so
// that the server's event loop keeps answering meanwhile: at national scale the core's evaluation of a plan of 300
// targets is 100–200 ms of synchronous work (bench/README.md, "The read path while approving"), and every reader
// of every route would otherwise wait behind it. The worker also writes the rows' JSON text and digest, which the
// store needs; the rows come back as objects for the history. One thread, started at the first recompute and kept
// (unref'd: it never holds the process open); should it fail, the evaluation is made on the calling thread, the same
// pure function, so the stored result is the same either way.
import { createHash } from 'node:crypto';
import { threadId, type Worker } from 'node:worker_threads';
import {
  CORE_ROW_SCHEMA_VERSION,
  evaluatePlanSnapshot,
  type CoreRow,
  type PlanCounts,
  type PlanSnapshot,
} from '../../core/plan-evaluation/index.ts';
import { startTypeScriptWorker } from './typescript-worker.ts';

export interface StorablePlanEvaluation {
  rows: CoreRow[];
  counts: PlanCounts;
  /** JSON.stringify(rows), as stored. */
  rowsJson: string;
  /** digestOf(asOf, rows) (recompute-evaluations.ts). */
  digest: string;
  /** The thread that evaluated (worker_threads' threadId): says whether the work left the calling thread. */
  threadId: number;
}

/** The stored snapshot's digest from its rows' JSON text: the same as hashing JSON.stringify(rows). */
export function digestOfJson(asOf: string, rowsJson: string): string {
  return createHash('sha256').update(`${CORE_ROW_SCHEMA_VERSION}\n${asOf}\n`).update(rowsJson).digest('base64url');
}

/** The evaluation and what the store needs of it, on the calling thread (the worker runs this too). */
export function evaluateForStore(
  snapshot: PlanSnapshot,
  asOf: { year: number; month: number },
  asOfDate: string,
): StorablePlanEvaluation {
  const { rows, counts } = evaluatePlanSnapshot(snapshot, asOf);
  const rowsJson = JSON.stringify(rows);
  return { rows, counts, rowsJson, digest: digestOfJson(asOfDate, rowsJson), threadId };
}

interface Task {
  resolve: (r: StorablePlanEvaluation) => void;
  reject: (e: Error) => void;
}

let worker: Worker | null = null;
let failed = false;
let nextId = 0;
const tasks = new Map<number, Task>();

/** Off the event loop unless turned off (CHITIEU_EVALUATION_THREAD=off) or its thread failed. */
const enabled = (): boolean => !failed && process.env.CHITIEU_EVALUATION_THREAD !== 'off';

function start(): Worker {
  const w = startTypeScriptWorker(new URL('./plan-evaluation-worker.ts', import.meta.url));
  w.unref();
  w.on('message', (m: { id: number; result?: StorablePlanEvaluation; error?: string }) => {
    const task = tasks.get(m.id);
    if (!task) return;
    tasks.delete(m.id);
    if (tasks.size === 0) w.unref();
    if (m.result) task.resolve(m.result);
    else task.reject(new Error(`plan evaluation thread: ${m.error ?? 'no result'}`));
  });
  const fail = (e: Error): void => {
    failed = true;
    worker = null;
    for (const task of tasks.values()) task.reject(e);
    tasks.clear();
  };
  w.on('error', fail);
  w.on('exit', (code) => fail(new Error(`plan evaluation thread stopped (exit code ${code})`)));
  return w;
}

/** evaluateForStore on the worker thread; on the calling thread when the thread is off or fails. */
export async function evaluateOffThread(
  snapshot: PlanSnapshot,
  asOf: { year: number; month: number },
  asOfDate: string,
): Promise<StorablePlanEvaluation> {
  if (!enabled()) return evaluateForStore(snapshot, asOf, asOfDate);
  try {
    worker ??= start();
    const w = worker;
    const id = nextId++;
    return await new Promise<StorablePlanEvaluation>((resolve, reject) => {
      tasks.set(id, { resolve, reject });
      w.ref();
      w.postMessage({ id, snapshot, asOf, asOfDate });
    });
  } catch {
    // The thread could not start or stopped: the same function here gives the same rows.
    return evaluateForStore(snapshot, asOf, asOfDate);
  }
}
