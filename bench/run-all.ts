// `npm run bench`: every benchmark of the kit in turn at a scale (city by default), each printing its table and
// writing its JSON to bench/results/. Arguments are passed on (--scale, --db, --postgres, --seed, --communes).
// On PGlite (no --postgres / BENCH_DATABASE_URL) the import benchmark is skipped: its floor is PostgreSQL's COPY.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const args = process.argv.slice(2);
const postgres = args.includes('--postgres') || process.env.BENCH_DATABASE_URL !== undefined;
const benches = ['evaluate-all', 'results-day', 'import', 'reports-scale'];
const started = Date.now();
const failed: string[] = [];
for (const name of benches) {
  if (name === 'import' && !postgres) {
    console.log('\n== import: skipped (its floor is PostgreSQL COPY: pass --postgres URL or set BENCH_DATABASE_URL)');
    continue;
  }
  console.log(`\n== ${name}`);
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, `${name}.bench.ts`), ...args],
    {
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) failed.push(name);
}
console.log(
  `\nall benchmarks in ${Math.round((Date.now() - started) / 1000)} s${failed.length ? `; FAILED: ${failed.join(', ')}` : ''}`,
);
process.exit(failed.length ? 1 : 0);
