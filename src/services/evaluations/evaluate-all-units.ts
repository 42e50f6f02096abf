// Evaluate-all: every target of a plan at every unit of its tenant (the province and each commune), from the database
// to stored rows, on approved figures. The figures are read a few indicators at a time, each chunk is evaluated in
// the evaluation pool (worker threads, or the calling thread), and the rows are handed to `store` in batches, all in
// one transaction (one commit per tenant). The database's work overlaps the evaluation: the next chunk is read while
// this one is evaluated, and each batch is written while the next ones are.
import {
  UNIT_ROW_SCHEMA_VERSION,
  type EngineVersion,
  type PlanSnapshot,
  type SnapshotTarget,
} from '../../core/plan-evaluation/index.ts';
import type { Db, Queryable } from '../../storage/db.ts';
import { loadChosenFiguresOfIndicators, loadPlanTargets } from '../../storage/repositories/evaluation-inputs-repo.ts';
import { loadTenantUnits } from '../../storage/repositories/units-repo.ts';
import type { EvaluationPool } from './evaluation-pool.ts';
import { RESULT_SEPARATOR, type UnitChunkResult, type UnitRowsText } from './unit-evaluation-chunk.ts';

/**
 * Rows to store, as two texts, each one parameter of a statement: `json`, one JSON array of objects with target_id,
 * unit_id, status, actual_value and inputs (the version ids the evaluation rests on, in the row's order), and
 * `results`, each row's result in the same order, separated by RESULT_SEPARATOR. unitRowsFrom gives the FROM clause
 * that reads them back as rows. A result is the compact unit row (core/plan-evaluation/unit-row.ts, version
 * `schemaVersion`): the core row less the target's part and the inputs' details; coreRowOfUnitRow gives the core row
 * back from the target and the versions `inputs` names. The results are apart so that the database parses each once,
 * into its own column: inside the rows' array (as until 2026-11-30) it lexed every result twice, as part of the
 * array and again as the column's value; an array parameter of json would escape every quote of every result, and be
 * parsed as an array literal first.
 */
export interface UnitEvaluationBatch {
  tenantId: string;
  /** The month evaluated, as its first day (YYYY-MM-01). */
  asOf: string;
  /** UNIT_ROW_SCHEMA_VERSION: the shape of every `result` of the batch. */
  schemaVersion: number;
  json: string;
  results: string;
  rows: number;
}

/**
 * The FROM clause of a statement storing a batch: its rows as x(target_id uuid, unit_id uuid, status text,
 * actual_value numeric, inputs uuid[], result), the result as `resultType`, given the numbers of the parameters
 * holding the batch's `json` and `results`. The two functions are read side by side (ROWS FROM): the n-th result is
 * the n-th row's; a count that differed would give a row without a result or without a target.
 */
export function unitRowsFrom(jsonParam: number, resultsParam: number, resultType: 'json' | 'jsonb'): string {
  return `ROWS FROM (
         json_to_recordset($${jsonParam}::json) AS (target_id uuid, unit_id uuid, status text, actual_value numeric, inputs uuid[]),
         string_to_table($${resultsParam}::text, E'\\x1e')
       ) AS x(target_id, unit_id, status, actual_value, inputs, result_text),
       LATERAL (SELECT x.result_text::${resultType} AS result) r`;
}

export interface EvaluateAllUnitsInput {
  plan: PlanSnapshot['plan'];
  asOf: { year: number; month: number };
  pool: EvaluationPool;
  /** Writes one batch inside the run's transaction. */
  store: (tx: Queryable, batch: UnitEvaluationBatch) => Promise<unknown>;
}

export interface EvaluateAllUnitsResult {
  evaluations: number;
  figures: number;
  statuses: Record<string, number>;
}

/**
 * About this many (indicator × unit) series are read per query, so that a read stays a few thousand figures whatever
 * the shape (national: ~10 indicators of ~100 units; city: a few indicators of 115 units × 65 periods), and the
 * round trips and query plans are not paid per indicator.
 */
const SERIES_PER_READ = 1000;
/** Rows per INSERT: bounded so that memory stays flat, and small enough that a batch is written while the next is evaluated. */
const BATCH = 500;

/** The plan's targets in chunks read together (about SERIES_PER_READ series each). */
export function chunksOfTargets(targets: readonly SnapshotTarget[], units: number): SnapshotTarget[][] {
  const size = Math.max(1, Math.floor(SERIES_PER_READ / Math.max(1, units)));
  const out: SnapshotTarget[][] = [];
  for (let i = 0; i < targets.length; i += size) out.push(targets.slice(i, i + size));
  return out;
}

export const indicatorsOfChunk = (chunk: readonly SnapshotTarget[]): string[] => [
  ...new Set(chunk.map((t) => t.indicator_id)),
];

/**
 * A chunk read together, cut into parts evaluated side by side: two per worker (a tenant of a few hundred series is
 * one chunk, and would otherwise keep one worker busy and the others idle); whole on the calling thread.
 */
function partsOf(chunk: readonly SnapshotTarget[], workers: number): SnapshotTarget[][] {
  const size = Math.max(1, Math.ceil(chunk.length / Math.max(1, 2 * workers)));
  const out: SnapshotTarget[][] = [];
  for (let i = 0; i < chunk.length; i += size) out.push(chunk.slice(i, i + size));
  return out;
}

/** One turn of the event loop: lets a query just started reach the database before synchronous work holds the thread. */
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function evaluateAllUnits(db: Db, input: EvaluateAllUnitsInput): Promise<EvaluateAllUnitsResult> {
  const { plan, pool } = input;
  const tenantId = plan.tenantId;
  // Two reads at once (two connections on PostgreSQL): a round trip is a few ms on a busy server, paid per tenant.
  const [targets, unitRows] = await Promise.all([
    loadPlanTargets(db, tenantId, plan.id),
    loadTenantUnits(db, tenantId),
  ]);
  const units = unitRows.map((u) => u.id);
  const asOf = `${input.asOf.year}-${String(input.asOf.month).padStart(2, '0')}-01`;
  const chunks = chunksOfTargets(targets, units.length);
  const total: EvaluateAllUnitsResult = { evaluations: 0, figures: 0, statuses: {} };
  // Parts in flight in the pool: two per worker, so that each has the next one queued when it finishes.
  const window = Math.max(1, 2 * pool.workers);
  await db.transaction(async (tx) => {
    // PostgreSQL: read on another connection of the pool while the transaction's writes its batches. PGlite is one
    // connection, held by the transaction: a read outside it would wait for the commit (a deadlock).
    const reader = db.kind === 'postgres' ? db : tx;
    const read = (k: number): Promise<Map<string, EngineVersion[]>> | null => {
      const chunk = chunks[k];
      return chunk ? loadChosenFiguresOfIndicators(reader, tenantId, indicatorsOfChunk(chunk)) : null;
    };
    const writes: Promise<unknown>[] = [];
    let pending: UnitRowsText = { json: '', results: '', rows: 0 };
    const flush = () => {
      if (pending.rows === 0) return;
      const write = input.store(tx, {
        tenantId,
        asOf,
        schemaVersion: UNIT_ROW_SCHEMA_VERSION,
        json: `[${pending.json}]`,
        results: pending.results,
        rows: pending.rows,
      });
      write.catch(() => undefined); // awaited at the end with the others
      writes.push(write);
      pending = { json: '', results: '', rows: 0 };
    };
    const take = async (result: UnitChunkResult) => {
      total.evaluations += result.evaluations;
      total.figures += result.figures;
      for (const [status, n] of Object.entries(result.statuses))
        total.statuses[status] = (total.statuses[status] ?? 0) + n;
      for (const t of result.targets) {
        if (t.rows === 0) continue;
        pending.json += pending.rows === 0 ? t.json : `,${t.json}`;
        pending.results += pending.rows === 0 ? t.results : `${RESULT_SEPARATOR}${t.results}`;
        pending.rows += t.rows;
        if (pending.rows >= BATCH) {
          flush();
          await turn(); // the batch is sent before the next evaluations
        }
      }
    };
    const inFlight: Promise<UnitChunkResult>[] = [];
    let next = read(0);
    for (let k = 0; k < chunks.length; k++) {
      const versions = (await next) ?? new Map<string, EngineVersion[]>();
      next = read(k + 1);
      await turn(); // the read is sent before an evaluation on this thread holds it
      for (const part of partsOf(chunks[k] ?? [], pool.workers)) {
        const evaluated = pool.evaluate({
          plan,
          asOf: input.asOf,
          units,
          targets: part,
          versions: new Map(indicatorsOfChunk(part).map((id) => [id, versions.get(id) ?? []])),
        });
        evaluated.catch(() => undefined); // awaited below, in order; a failure must not go unhandled meanwhile
        inFlight.push(evaluated);
        const first = inFlight.length > window ? inFlight.shift() : undefined;
        if (first) await take(await first);
      }
    }
    for (const result of inFlight) await take(await result);
    flush();
    await Promise.all(writes);
  });
  return total;
}
