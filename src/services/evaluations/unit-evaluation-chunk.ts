// One chunk of evaluate-all: a few targets of a plan, each evaluated at every unit of the tenant by the core's plan
// evaluation, returned as the rows ready to store (JSON text). Pure and plain data in, plain data out, so that the
// same function runs on the calling thread or in a worker thread (unit-evaluation-worker.ts) and both store the same
// rows.
import {
  evaluateTargetAtUnitRows,
  type EngineVersion,
  type PlanSnapshot,
  type SnapshotTarget,
} from '../../core/plan-evaluation/index.ts';

export interface UnitChunkInput {
  plan: PlanSnapshot['plan'];
  asOf: { year: number; month: number };
  /** The unit ids every target is evaluated at. */
  units: readonly string[];
  targets: readonly SnapshotTarget[];
  /** The chosen versions of each of the targets' indicators, as the database returned them (what the engine reads). */
  versions: ReadonlyMap<string, EngineVersion[]>;
}

/**
 * The evaluations of one target at every unit: each row's columns but the result as comma-separated JSON objects (one
 * per unit), and the results (the compact unit rows' JSON) in the same order, separated by RESULT_SEPARATOR.
 */
export interface UnitRowsText {
  json: string;
  results: string;
  rows: number;
}

/**
 * Between two results of a batch: U+001E (record separator). JSON text never holds a raw control character (a string
 * escapes it), so it cannot occur inside a result.
 */
export const RESULT_SEPARATOR = '\x1e';

export interface UnitChunkResult {
  /** One entry per target of the chunk, in its order. */
  targets: UnitRowsText[];
  evaluations: number;
  /** The chosen figures read (each target counts its indicator's versions). */
  figures: number;
  /** How many evaluations ended in each status. */
  statuses: Record<string, number>;
}

/**
 * Each target at every unit (the core's evaluateTargetAtUnitRows: what depends on the target alone is prepared once
 * per target, and each row is built as the compact unit row of core/plan-evaluation/unit-row.ts, the core row less the
 * target's part and the inputs' details, which `inputs` names by version id). Each row is written straight into text:
 * JSON of the columns the store reads (target_id, unit_id, status, actual_value, inputs), and its result's JSON apart
 * (the database reads each result once, as its own value, not again inside the rows' array). Text crosses threads as
 * one copy where the row objects would be cloned field by field.
 */
export function evaluateUnitChunk(input: UnitChunkInput): UnitChunkResult {
  const out: UnitChunkResult = { targets: [], evaluations: 0, figures: 0, statuses: {} };
  const unitIds = input.units.map((u) => JSON.stringify(u));
  for (const target of input.targets) {
    const versions = input.versions.get(target.indicator_id) ?? [];
    out.figures += versions.length;
    const rows = evaluateTargetAtUnitRows(input.plan, target, input.units, versions, input.asOf);
    const targetId = JSON.stringify(target.target_id);
    let json = '';
    let results = '';
    rows.forEach(({ row, inputs }, j) => {
      const status = row.status ?? 'invalid';
      out.statuses[status] = (out.statuses[status] ?? 0) + 1;
      json +=
        `${j === 0 ? '' : ','}{"target_id":${targetId},"unit_id":${unitIds[j] ?? '""'},` +
        `"status":${JSON.stringify(status)},"actual_value":${JSON.stringify(row.actual.value)},` +
        `"inputs":${JSON.stringify(inputs)}}`;
      results += j === 0 ? JSON.stringify(row) : `${RESULT_SEPARATOR}${JSON.stringify(row)}`;
    });
    out.targets.push({ json, results, rows: rows.length });
    out.evaluations += rows.length;
  }
  return out;
}
