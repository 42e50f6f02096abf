// One batch of the bulk writer (insertFigureBatch, issue 18) under each variant of the figure tables' foreign keys
// and triggers: the database server's CPU for the statement, read from the backend's /proc/<pid>/schedstat (so the
// machine's load moves it less than the wall clock). PostgreSQL on this machine only.
//   npx tsx bench/figure-batch.bench.ts --postgres URL [--rounds 5] [--batch 5016] [--extra variants.json] [--explain] [--only prefix,prefix]
// --explain: also EXPLAIN (ANALYZE, BUFFERS, WAL) the new slots' batch once under each variant: the time of each
// trigger (the foreign-key checks are triggers) and the WAL records.
// The schema is made at migration 0023 (before the tenant-keyed references), filled with the generator's plan and
// units and one batch of figures already stored; each variant is applied in a transaction that is rolled back, and
// within it each measured batch in a savepoint rolled back too, the variants interleaved round by round.
import { readFileSync } from 'node:fs';
import { openPostgres, type Queryable } from '../src/storage/db.ts';
import { listMigrations } from '../src/storage/migrate.ts';
import {
  figureBatchStatement,
  insertFigureBatch,
  type BulkFigure,
} from '../src/storage/repositories/bulk-figures-repo.ts';
import { generate } from './kit/generate.ts';
import { kitOptions, option, printHeader, table } from './kit/common.ts';

const o = kitOptions({ database: 'postgres' });
const ROUNDS = Number(option('rounds') ?? 5);
printHeader('one batch of the bulk figure writer under each variant of the foreign keys', o);

const schema = `bench_batch_${crypto.randomUUID().replace(/-/g, '').slice(0, 8)}`;
const admin = await openPostgres(o.postgresUrl as string);
await admin.exec(`CREATE SCHEMA ${schema}`);
const u = new URL(o.postgresUrl as string);
u.searchParams.set('options', `-c search_path=${schema}`);
const db = await openPostgres(u.toString());
try {
  for (const m of listMigrations().filter((x) => x.version < 24)) await db.exec(m.sql);
  const generated = await generate(db, o.spec, o.seed, () => {}, { figures: false });
  const tenantId = (generated.tenants[0] as { id: string }).id;
  const indicators = await db.query<{ id: string; measure: string; price_basis: string }>(
    'SELECT id, measure, price_basis FROM indicators WHERE tenant_id = $1 ORDER BY sort_order',
    [tenantId],
  );
  const units = await db.query<{ id: string }>('SELECT id FROM units WHERE tenant_id = $1 ORDER BY code', [tenantId]);
  const batchOf = (period: string, n: number): BulkFigure[] => {
    const out: BulkFigure[] = [];
    for (const i of indicators)
      for (const un of units) {
        if (out.length >= n) return out;
        out.push({
          indicatorId: i.id,
          unitId: un.id,
          period,
          value: String(100 + out.length),
          qualifier: null,
          valueText: String(100 + out.length),
          status: 'official',
          measure: i.measure,
          priceBasis: i.price_basis,
          publishedOn: '2026-02-05',
          provenance: { file: 'bench.xlsx', row: out.length + 2 },
        });
      }
    return out;
  };
  const opts = { workflowState: 'submitted' as const, enteredBy: null, sourceText: 'bench' };
  const N = Number(option('batch') ?? 5016);
  // Already stored: five batches of other periods (the import's 25,000 earlier figures).
  for (let k = 0; k < 5; k++)
    await db.transaction((tx) => insertFigureBatch(tx, tenantId, batchOf(`2020-M0${k + 1}`, N), opts).then(() => {}));
  await db.exec('ANALYZE');
  const fresh = batchOf('2026-M01', N);
  const revised = batchOf('2020-M01', N);

  const m0024 = (listMigrations().find((m) => m.version === 24) as { sql: string }).sql;
  const variants: Record<string, string> = {
    'before (0023)': '',
    'without foreign keys (replica role: never the product)': "SET LOCAL session_replication_role = 'replica'",
    'without the 0022 statement triggers on the versions':
      'ALTER TABLE observation_versions DISABLE TRIGGER figure_lists_versions_insert',
    '0024 as written': m0024,
  };
  for (const [name, sql] of Object.entries(
    JSON.parse(option('extra') ? readFileSync(option('extra') as string, 'utf8') : '{}') as Record<string, string>,
  ))
    variants[name] = sql;

  const only = option('only')?.split(',');
  if (only) for (const name of Object.keys(variants)) if (!only.some((p) => name.startsWith(p))) delete variants[name];

  const cpu = async (tx: Queryable): Promise<number> => {
    const [{ pid }] = (await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')) as [{ pid: number }];
    return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  };
  const results = new Map<string, { fresh: number[]; revised: number[] }>();
  for (let r = 0; r < ROUNDS; r++)
    for (const [name, sql] of Object.entries(variants))
      await db
        .transaction(async (tx) => {
          if (sql) await tx.exec(sql);
          const res = results.get(name) ?? { fresh: [], revised: [] };
          results.set(name, res);
          for (const [kind, batch] of [
            ['fresh', fresh],
            ['revised', revised],
          ] as const) {
            await tx.query('SAVEPOINT b');
            const c0 = await cpu(tx);
            await insertFigureBatch(tx, tenantId, batch, opts);
            res[kind].push((await cpu(tx)) - c0);
            await tx.query('ROLLBACK TO SAVEPOINT b');
          }
          throw new Error('rollback');
        })
        .catch((e: unknown) => {
          if (!(e instanceof Error) || e.message !== 'rollback') throw e;
        });
  if (option('explain') !== undefined || process.argv.includes('--explain'))
    for (const [name, sql] of Object.entries(variants))
      await db
        .transaction(async (tx) => {
          if (sql) await tx.exec(sql);
          const st = figureBatchStatement(tenantId, fresh, opts);
          const [row] = await tx.query<{ 'QUERY PLAN': unknown }>(
            `EXPLAIN (ANALYZE, BUFFERS, WAL, FORMAT JSON) ${st.sql}`,
            st.params,
          );
          const [plan] = (row as { 'QUERY PLAN': unknown })['QUERY PLAN'] as [
            {
              'Execution Time': number;
              Plan: { 'WAL Records'?: number; 'WAL Bytes'?: number };
              Triggers: { 'Trigger Name': string; Relation: string; Time: number; Calls: number }[];
            },
          ];
          const trig = plan.Triggers.map((t) => `${t['Trigger Name']} ${t.Time.toFixed(0)} ms`).join('; ');
          const trigSum = plan.Triggers.reduce((s, t) => s + t.Time, 0);
          console.log(
            `${name}: ${plan['Execution Time'].toFixed(0)} ms, triggers ${trigSum.toFixed(0)} ms (${trig}); WAL ${plan.Plan['WAL Records'] ?? '?'} records`,
          );
          throw new Error('rollback');
        })
        .catch((e: unknown) => {
          if (!(e instanceof Error) || e.message !== 'rollback') throw e;
        });
  const med = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  table(
    [
      'variant',
      `new slots: ms CPU (median of ${ROUNDS}; min–max)`,
      'µs a figure',
      'revised slots: ms CPU',
      'µs a figure',
    ],
    [...results].map(([name, r]) => [
      name,
      `${med(r.fresh).toFixed(0)} (${Math.min(...r.fresh).toFixed(0)}–${Math.max(...r.fresh).toFixed(0)})`,
      ((med(r.fresh) * 1000) / N).toFixed(1),
      `${med(r.revised).toFixed(0)} (${Math.min(...r.revised).toFixed(0)}–${Math.max(...r.revised).toFixed(0)})`,
      ((med(r.revised) * 1000) / N).toFixed(1),
    ]),
  );
} finally {
  await db.close();
  await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
  await admin.close();
}
