// A worker thread of the evaluation pool (evaluation-pool.ts): evaluates the chunks it is sent, one at a time, and
// posts back each chunk's rows ready to store, or the error's message.
import { parentPort } from 'node:worker_threads';
import { evaluateUnitChunk, type UnitChunkInput } from './unit-evaluation-chunk.ts';

const port = parentPort;
if (!port) throw new Error('unit-evaluation-worker.ts runs as a worker thread');
port.on('message', (m: { id: number; input: UnitChunkInput }) => {
  try {
    port.postMessage({ id: m.id, result: evaluateUnitChunk(m.input) });
  } catch (e) {
    port.postMessage({ id: m.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
