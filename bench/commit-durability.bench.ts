// What durability costs the embedded database: single-row write transactions per second on a PGlite folder as
// PGlite ships it (fsync off, nothing reaches the disk at commit) against chitieu's folder (PostgreSQL's fsync on
// the WAL at every commit, the lock held). Not a timed test: run `npx tsx bench/commit-durability.bench.ts [--n 300]`.
import fs from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import { openPglite, type Queryable } from '../src/storage/db.ts';

const arg = process.argv.indexOf('--n');
const N = arg > 0 ? Number(process.argv[arg + 1]) : 300;

interface Target {
  exec(sql: string): Promise<void>;
  transaction(fn: (tx: Queryable) => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

async function run(
  label: string,
  open: (dir: string) => Promise<Target>,
): Promise<{ label: string; msPerCommit: number; commitsPerSecond: number }> {
  const dir = fs.mkdtempSync(join(os.tmpdir(), 'chitieu-bench-'));
  const db = await open(dir);
  await db.exec('CREATE TABLE t (id serial PRIMARY KEY, v text NOT NULL)');
  const started = performance.now();
  for (let i = 0; i < N; i++)
    await db.transaction(async (tx) => {
      await tx.query('INSERT INTO t (v) VALUES ($1)', [`row ${i}`]);
    });
  const ms = performance.now() - started;
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return { label, msPerCommit: ms / N, commitsPerSecond: (N * 1000) / ms };
}

const asShipped = await run('PGlite as shipped (no fsync)', async (dir) => {
  const pg = new PGlite({ fs: new NodeFS(join(dir, 'pglite')) });
  await pg.waitReady;
  return {
    exec: async (sql) => void (await pg.exec(sql)),
    transaction: async (fn) =>
      void (await pg.transaction(async (tx) =>
        fn({ query: async (s, p) => (await tx.query(s, p)).rows as never, exec: async (s) => void (await tx.exec(s)) }),
      )),
    close: () => pg.close(),
  };
});
const durable = await run('chitieu folder (fsync at commit)', async (dir) => {
  const db = await openPglite(dir);
  return { exec: (sql) => db.exec(sql), transaction: async (fn) => db.transaction(fn), close: () => db.close() };
});

const rows = [asShipped, durable];
console.log(`single-row write transactions, n = ${N}, ${os.cpus().length} cores, load ${os.loadavg()[0]?.toFixed(1)}`);
console.log('| database | ms per commit | commits/s |');
console.log('|---|---:|---:|');
for (const r of rows) console.log(`| ${r.label} | ${r.msPerCommit.toFixed(2)} | ${r.commitsPerSecond.toFixed(0)} |`);
console.log(`cost of durability: +${(durable.msPerCommit - asShipped.msPerCommit).toFixed(2)} ms per commit`);
const out = join(dirname(fileURLToPath(import.meta.url)), 'results', 'commit-durability.json');
fs.mkdirSync(dirname(out), { recursive: true });
fs.writeFileSync(
  out,
  `${JSON.stringify({ n: N, at: new Date().toISOString(), loadAverage: os.loadavg()[0], rows }, null, 2)}\n`,
);
