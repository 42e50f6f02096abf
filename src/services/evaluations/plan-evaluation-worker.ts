// The worker thread of plan-evaluation-thread.ts: runs each job it is sent (a plan evaluated for a store, or for its
// rows alone), one at a time, and posts back the result or the error's message.
import { parentPort } from 'node:worker_threads';
import { runPlanEvaluationJob, type PlanEvaluationJob } from './plan-evaluation-thread.ts';

const port = parentPort;
if (!port) throw new Error('plan-evaluation-worker.ts runs as a worker thread');
port.on('message', (m: { id: number; job: PlanEvaluationJob }) => {
  try {
    port.postMessage({ id: m.id, result: runPlanEvaluationJob(m.job) });
  } catch (e) {
    port.postMessage({ id: m.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
