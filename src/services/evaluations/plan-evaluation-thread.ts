// A plan's evaluation inside a write, made on a worker thread so that the server's event loop keeps answering
// meanwhile: at national scale the core's evaluation of a plan of 300 targets is 100–200 ms of synchronous work
// (bench/README.md, "Results day: approvals off the event loop"), and every reader of every route would otherwise
// wait behind it. Two writes evaluate a whole plan: a recompute (an approval, a vintage, an override …), for which the
// worker also writes the rows' JSON text and digest that the store needs, and a submission's story check
// (stories/story-required.ts), which reads the rows alone. The rows come back as objects. One thread, started at the
// first evaluation and kept (unref'd: it never holds the process open); should it fail, the evaluation is made on the
// calling thread, the same pure function, so the result is the same either way.
import { createHash } from 'node:crypto';
import { threadId, type Worker } from 'node:worker_threads';
import {
  CORE_ROW_SCHEMA_VERSION,
  evaluatePlanSnapshot,
  type CoreRow,
  type PlanCounts,
  type PlanEvaluationResult,
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

/** The plan's counts and the rows asked for (a submission's story check), with the thread that evaluated. */
export interface EvaluatedPlan extends PlanEvaluationResult {
  threadId: number;
}

/** What the thread is asked: the evaluation for a store, or the rows alone. */
export type PlanEvaluationJob =
  | { kind: 'store'; snapshot: PlanSnapshot; asOf: { year: number; month: number }; asOfDate: string }
  | {
      kind: 'rows';
      snapshot: PlanSnapshot;
      asOf: { year: number; month: number };
      /** Only the rows of these targets come back (the rest are evaluated, as the plan's evaluation needs, and dropped). */
      only: readonly string[];
    };

type ResultOf<J extends PlanEvaluationJob> = J extends { kind: 'store' } ? StorablePlanEvaluation : EvaluatedPlan;

/** A job on the calling thread (the worker runs this too). */
export function runPlanEvaluationJob<J extends PlanEvaluationJob>(job: J): ResultOf<J>;
export function runPlanEvaluationJob(job: PlanEvaluationJob): StorablePlanEvaluation | EvaluatedPlan {
  if (job.kind === 'store') return evaluateForStore(job.snapshot, job.asOf, job.asOfDate);
  const { rows, counts } = evaluatePlanSnapshot(job.snapshot, job.asOf);
  const only = new Set(job.only);
  // Only what the caller reads crosses back: a copy of 300 rows is itself a stall of the event loop.
  return { rows: rows.filter((r) => only.has(r.targetId)), counts, threadId };
}

interface Task {
  resolve: (r: StorablePlanEvaluation | EvaluatedPlan) => void;
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
  w.on('message', (m: { id: number; result?: StorablePlanEvaluation | EvaluatedPlan; error?: string }) => {
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

/** A job on the worker thread; on the calling thread when the thread is off or fails. */
async function runOffThread<J extends PlanEvaluationJob>(job: J): Promise<ResultOf<J>> {
  if (!enabled()) return runPlanEvaluationJob(job);
  try {
    worker ??= start();
    const w = worker;
    const id = nextId++;
    return await new Promise<ResultOf<J>>((resolve, reject) => {
      tasks.set(id, { resolve: resolve as (r: StorablePlanEvaluation | EvaluatedPlan) => void, reject });
      w.ref();
      w.postMessage({ id, job });
    });
  } catch {
    // The thread could not start or stopped: the same function here gives the same rows.
    return runPlanEvaluationJob(job);
  }
}

/** evaluateForStore on the worker thread (a recompute). */
export function evaluateOffThread(
  snapshot: PlanSnapshot,
  asOf: { year: number; month: number },
  asOfDate: string,
): Promise<StorablePlanEvaluation> {
  return runOffThread({ kind: 'store', snapshot, asOf, asOfDate });
}

/** evaluatePlanSnapshot on the worker thread, the rows of `only` kept (a submission's story check). */
export function evaluateRowsOffThread(
  snapshot: PlanSnapshot,
  asOf: { year: number; month: number },
  only: readonly string[],
): Promise<EvaluatedPlan> {
  return runOffThread({ kind: 'rows', snapshot, asOf, only });
}
