// A worker thread whose entry is one of our TypeScript modules. The process may run under tsx's command, its
// register() API or vitest, and a worker inherits none of their module hooks but the command's, so the worker
// registers tsx's loader itself before importing its entry. Used by evaluate-all's pool (evaluation-pool.ts) and by
// a write's plan evaluation thread (plan-evaluation-thread.ts).
import { Worker } from 'node:worker_threads';

/** Starts a worker running `entry` (a module URL, e.g. `new URL('./x-worker.ts', import.meta.url)`). */
export function startTypeScriptWorker(entry: URL): Worker {
  const loader = import.meta.resolve('tsx/esm/api');
  return new Worker(
    `import(${JSON.stringify(loader)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`,
    { eval: true },
  );
}
