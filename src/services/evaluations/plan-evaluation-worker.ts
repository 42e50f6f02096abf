// The worker thread of plan-evaluation-thread.ts: evaluates each plan snapshot it is sent, one at a time, and posts
// back the rows, their JSON text and digest, or the error's message.
import { parentPort } from 'node:worker_threads';
import type { PlanSnapshot } from '../../core/plan-evaluation/index.ts';
import { evaluateForStore } from './plan-evaluation-thread.ts';

const port = parentPort;
if (!port) throw new Error('plan-evaluation-worker.ts runs as a worker thread');
port.on(
  'message',
  (m: { id: number; snapshot: PlanSnapshot; asOf: { year: number; month: number }; asOfDate: string }) => {
    try {
      port.postMessage({ id: m.id, result: evaluateForStore(m.snapshot, m.asOf, m.asOfDate) });
    } catch (e) {
      port.postMessage({ id: m.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    }
  },
);
