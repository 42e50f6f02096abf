// Benchmark of the evaluation engine as the product runs it: N (target × unit) evaluations with 5–60 observations
// each, every figure and explanation computed and serialised (JSON.stringify of each evaluation), against the floor of
// iterating over the same observations and serialising a precomputed evaluation of the same case (same size).
// Not a timed test: run `npm run bench:evaluate -- [--n 100000]`.
//
// `--instructions` counts instead of timing, immune to the load other processes put on a shared machine: the same
// script runs three times, at once, under `valgrind --tool=callgrind` (`--phase setup`: cases, rows and warm-up only;
// `--phase floor` and `--phase engine`: the same, then `--reps` passes of that loop alone), and the instructions of a
// loop are its run's total minus the setup run's. Writes bench/results/evaluate-instructions.json.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate } from '../src/core/evaluation/index.ts';
import { evaluationCases, type EvaluationCase } from './kit/evaluation-cases.ts';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}
const INSTRUCTIONS = process.argv.includes('--instructions');
const PHASE = option('phase') as 'setup' | 'floor' | 'engine' | undefined;
const N = Number(option('n') ?? (INSTRUCTIONS || PHASE !== undefined ? 2_000 : 100_000));
const REPS = Number(option('reps') ?? 3);
const POOL = Math.min(20_000, N);
const RESULTS = join(dirname(fileURLToPath(import.meta.url)), 'results');

if (INSTRUCTIONS) {
  await countInstructions();
  process.exit(0);
}

/** Runs this script under callgrind once per phase (the three at once: each run counts its own instructions only). */
async function countInstructions(): Promise<void> {
  const self = fileURLToPath(import.meta.url);
  const dir = join(tmpdir(), `evaluate-callgrind-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const total = (phase: string): Promise<number> =>
    new Promise((resolve, reject) => {
      const run = spawn(
        'valgrind',
        [
          '--tool=callgrind',
          `--callgrind-out-file=${join(dir, `${phase}.out`)}`,
          process.execPath,
          '--import',
          'tsx',
          self,
          '--phase',
          phase,
          '--n',
          String(N),
          '--reps',
          String(REPS),
        ],
        { stdio: ['ignore', 'ignore', 'pipe'] },
      );
      let stderr = '';
      run.stderr.setEncoding('utf8').on('data', (d: string) => {
        stderr = (stderr + d).slice(-64 * 1024);
      });
      run.on('error', reject).on('close', (status) => {
        const m = /Collected\s*:\s*(\d+)/.exec(stderr);
        if (status !== 0 || m === null) reject(new Error(`callgrind ${phase} failed: ${stderr.slice(-2000)}`));
        else resolve(Number(m[1]));
      });
    });
  const [setup, floorRun, engineRun] = await Promise.all([total('setup'), total('floor'), total('engine')]);
  const floor = floorRun - setup;
  const engine = engineRun - setup;
  rmSync(dir, { recursive: true, force: true });
  const per = (x: number): number => Math.round(x / (N * REPS));
  const result = {
    evaluations: N,
    reps: REPS,
    mode: 'full: every figure and explanation, serialised (JSON.stringify of each evaluation)',
    counted: 'instructions (valgrind --tool=callgrind, all of the process: JIT code, garbage collection, runtime)',
    setupInstructions: setup,
    engineInstructionsPerEvaluation: per(engine),
    floorInstructionsPerEvaluation: per(floor),
    floor: 'iterate the same observations and JSON.stringify a precomputed evaluation of the same case',
    ratioToFloor: Number((engine / floor).toFixed(2)),
    node: process.version,
    date: new Date().toISOString(),
  };
  console.table({
    evaluations: `${N} × ${REPS} passes`,
    'engine: instructions / evaluation': result.engineInstructionsPerEvaluation,
    'floor: instructions / evaluation': result.floorInstructionsPerEvaluation,
    'ratio to floor': result.ratioToFloor,
  });
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, 'evaluate-instructions.json'), `${JSON.stringify(result, null, 2)}\n`);
}

const cases = evaluationCases(POOL);
// The floor's rows: each case's evaluation, computed once before timing, so the floor serialises the same bytes.
const rows = cases.map((c) => evaluate(c.target, c.observations, c.asOf));
let rssPeak = process.memoryUsage().rss;
const sample = (): void => {
  const r = process.memoryUsage().rss;
  if (r > rssPeak) rssPeak = r;
};
const BLOCK = POOL;

// The floor: iterate the same observations (touching each one's period and value) and serialise a precomputed row.
function floorBlock(from: number, to: number): { ms: number; observations: number; bytes: number } {
  const t0 = performance.now();
  let acc = 0;
  let count = 0;
  let bytes = 0;
  for (let i = from; i < to; i++) {
    const c = cases[i % POOL] as EvaluationCase;
    for (const o of c.observations) {
      acc += o.period.length + o.value.length;
      count++;
    }
    bytes += JSON.stringify(rows[i % POOL]).length;
  }
  const ms = performance.now() - t0;
  if (acc === -1) console.log(acc);
  return { ms, observations: count, bytes };
}

// The engine on the same cases: one full evaluation per case, serialised.
function engineBlock(from: number, to: number, statuses: Record<string, number>): { ms: number; bytes: number } {
  const t0 = performance.now();
  let bytes = 0;
  for (let i = from; i < to; i++) {
    const c = cases[i % POOL] as EvaluationCase;
    const e = evaluate(c.target, c.observations, c.asOf);
    statuses[e.status] = (statuses[e.status] ?? 0) + 1;
    bytes += JSON.stringify(e).length;
    if ((i & 0x3fff) === 0) sample();
  }
  return { ms: performance.now() - t0, bytes };
}

// Warm up both loops so the JIT compares steady states, then alternate blocks of floor and engine so that any load
// on the machine weighs on both alike.
floorBlock(0, Math.min(POOL, N));
engineBlock(0, Math.min(POOL, N), {});
if (PHASE !== undefined) {
  // Under callgrind (see --instructions): one more warm-up pass of each, then only the phase's loop.
  floorBlock(0, N);
  engineBlock(0, N, {});
  for (let i = 0; i < REPS; i++) {
    if (PHASE === 'floor') floorBlock(0, N);
    else if (PHASE === 'engine') engineBlock(0, N, {});
  }
  process.exit(0);
}
const f = { ms: 0, observations: 0, bytes: 0 };
const r = { ms: 0, bytes: 0, statuses: {} as Record<string, number> };
for (let from = 0; from < N; from += BLOCK) {
  const to = Math.min(N, from + BLOCK);
  const fb = floorBlock(from, to);
  f.ms += fb.ms;
  f.observations += fb.observations;
  f.bytes += fb.bytes;
  const eb = engineBlock(from, to, r.statuses);
  r.ms += eb.ms;
  r.bytes += eb.bytes;
}
sample();
if (r.bytes !== f.bytes) throw new Error(`engine wrote ${r.bytes} bytes, the floor ${f.bytes}: not the same rows`);
const result = {
  evaluations: N,
  mode: 'full: every figure and explanation, serialised (JSON.stringify of each evaluation)',
  observations: f.observations,
  observationsPerEvaluation: Number((f.observations / N).toFixed(2)),
  bytesPerEvaluation: Math.round(r.bytes / N),
  engineMs: Math.round(r.ms),
  evaluationsPerSecond: Math.round(N / (r.ms / 1000)),
  microsecondsPerEvaluation: Number(((r.ms * 1000) / N).toFixed(2)),
  floorMs: Math.round(f.ms),
  floor: 'iterate the same observations and JSON.stringify a precomputed evaluation of the same case',
  ratioToFloor: Number((r.ms / f.ms).toFixed(2)),
  peakRssMiB: Math.round(rssPeak / 1048576),
  statuses: r.statuses,
  node: process.version,
  // The machine is shared: the 1, 5 and 15 minute load averages at the end of the run say how busy it was.
  loadAverage: loadavg().map((x) => Number(x.toFixed(2))),
  date: new Date().toISOString(),
};
console.table({
  evaluations: result.evaluations,
  'observations / evaluation': result.observationsPerEvaluation,
  'JSON bytes / evaluation': result.bytesPerEvaluation,
  'full evaluation + JSON (ms)': result.engineMs,
  'evaluations/s': result.evaluationsPerSecond,
  'µs / evaluation': result.microsecondsPerEvaluation,
  'floor: iterate + JSON of a precomputed row (ms)': result.floorMs,
  'ratio to floor': result.ratioToFloor,
  'peak RSS (MiB)': result.peakRssMiB,
});
const out = join(RESULTS, 'evaluate.json');
mkdirSync(RESULTS, { recursive: true });
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
console.log(`written ${out}`);
