// `npm run bench`: every benchmark of the kit in turn at a scale (city by default), each printing its table and
// writing its JSON to bench/results/. Arguments are passed on (--scale, --db, --postgres, --seed, --communes);
// --only a,b runs a part of the kit.
// On PostgreSQL the scale is generated once into a schema that every benchmark reuses (`--schema`; the import makes
// its own tenant without figures), dropped at the end unless --keep; `--schema NAME` reuses one generated before
// (`npm run bench:generate`). On PGlite each benchmark generates its own, and the import benchmark is skipped: its
// floor is PostgreSQL's COPY.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { openPostgres } from '../src/storage/db.ts';
import { kitOptions, option, preparedDb, printHeader } from './kit/common.ts';

const args = process.argv.slice(2);
const o = kitOptions();
const postgres = o.database === 'postgres';
const all = ['evaluate-all', 'results-day', 'import', 'reports-scale'];
// --only results-day,reports-scale: a part of the kit (e.g. on a loaded machine); the default is all of it.
const only = option('only')?.split(',');
const unknown = only?.filter((n) => !all.includes(n)) ?? [];
if (unknown.length)
  throw new Error(`--only names unknown benchmarks: ${unknown.join(', ')} (known: ${all.join(', ')})`);
const benches = all.filter((n) => !only || only.includes(n));
const started = Date.now();
const failed: string[] = [];
let schema = option('schema') ?? null;
const generatedHere = postgres && schema === null;
if (generatedHere) {
  printHeader('the kit’s data, generated once for every benchmark', o);
  const b = await preparedDb(o, { folder: true });
  await b.db.close();
  schema =
    /search_path%3D(\w+)|search_path=(\w+)/
      .exec(b.url as string)
      ?.slice(1)
      .find(Boolean) ?? null;
  args.push('--schema', schema as string);
}
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
if (generatedHere && schema && !args.includes('--keep')) {
  const admin = await openPostgres(o.postgresUrl as string);
  await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
  await admin.close();
} else if (schema) console.log(`\nthe generated data is kept in schema ${schema} (--schema ${schema} to reuse it)`);
console.log(
  `\nall benchmarks in ${Math.round((Date.now() - started) / 1000)} s${failed.length ? `; FAILED: ${failed.join(', ')}` : ''}`,
);
process.exit(failed.length ? 1 : 0);
