// Set-based storage of many figures at once (the bulk import): what the checks need for a whole plan in two queries,
// then each batch of rows in two statements (the slots, then their versions), whatever the batch size.
import type { Queryable } from '../db.ts';

export interface BulkSubject {
  [k: string]: unknown;
  id: string;
  code: string;
  measure: string;
  figure_rules: Record<string, unknown> | null;
  specs: unknown[];
  price_basis: string;
  owner_agency_id: string | null;
}

/** Every indicator of the plan with its measure, rules and target specs, by code. */
export async function loadBulkSubjects(db: Queryable, tenantId: string, planId: string): Promise<BulkSubject[]> {
  return db.query<BulkSubject>(
    `SELECT i.id, i.code, i.measure, i.figure_rules, i.price_basis, i.owner_agency_id,
            coalesce((SELECT jsonb_agg(t.spec ORDER BY t.sort_order, t.id) FROM targets t WHERE t.tenant_id = i.tenant_id AND t.indicator_id = i.id), '[]') AS specs
       FROM indicators i WHERE i.tenant_id = $1 AND i.plan_id = $2`,
    [tenantId, planId],
  );
}

/** The tenant's units in force, by code. */
export async function loadUnitCodes(db: Queryable, tenantId: string): Promise<{ id: string; code: string }[]> {
  return db.query<{ id: string; code: string }>(
    'SELECT id, code FROM units WHERE tenant_id = $1 AND valid_to IS NULL',
    [tenantId],
  );
}

export interface BulkFigure {
  indicatorId: string;
  unitId: string;
  period: string;
  value: string | null;
  qualifier: Record<string, unknown> | null;
  valueText: string;
  status: string;
  measure: string;
  priceBasis: string;
  publishedOn: string | null;
  provenance: Record<string, unknown>;
  /** The row's own source (a template's "Nguồn số liệu" cell); when absent, the import's `sourceText`. */
  sourceText?: string | null;
  /** The row's own note, kept as the version's reason; when absent, "bulk import". */
  reason?: string | null;
  /** Statistical (a release, the default) or administrative (an agency's own figure, as typed in). */
  dataType?: 'statistical' | 'administrative';
}

/**
 * Bulk writes of one tenant's figures take turns: the first in a transaction waits until no other transaction holds
 * it, and it is held to the commit or roll-back. Two imports write the slots and the indicators' list versions
 * (0022) of overlapping files in their files' orders, each holding what it wrote to the end; without turns, two such
 * imports can each wait for the other (PostgreSQL then aborts one). A single figure typed in does not take a turn.
 */
export async function takeBulkFigureTurn(db: Queryable, tenantId: string): Promise<void> {
  await db.query(`SELECT pg_advisory_xact_lock(hashtextextended('chitieu.bulk-figures:' || $1::text, 0))`, [tenantId]);
}

/**
 * One batch: the slots are made or their version counter moved (one statement), then one new version of each,
 * numbered after the slot's last (one statement), in the workflow state given. Returns the rows stored.
 * A slot made by this statement (its counter still 1: an existing one's was moved to 2 or more) has no version yet,
 * so its version is the first without looking for the last (one index probe a figure saved on a new slot).
 */
export async function insertFigureBatch(
  db: Queryable,
  tenantId: string,
  figures: readonly BulkFigure[],
  opts: FigureBatchOptions,
): Promise<number> {
  if (figures.length === 0) return 0;
  const { sql, params } = figureBatchStatement(tenantId, figures, opts);
  const rows = await db.query<{ n: number }>(sql, params);
  return rows[0]?.n ?? 0;
}

export interface FigureBatchOptions {
  workflowState: 'submitted';
  enteredBy: string | null;
  sourceText: string | null;
}

/** The batch's one statement and its parameters (insertFigureBatch runs it; the batch benchmark EXPLAINs it). */
export function figureBatchStatement(
  tenantId: string,
  figures: readonly BulkFigure[],
  opts: FigureBatchOptions,
): { sql: string; params: unknown[] } {
  // The batch goes as one JSON parameter, read back by jsonb_to_recordset: the same work for the database as fourteen
  // arrays through unnest, and about half the client's work (pg quotes every element of an array literal; 5,000
  // figures: 9–12 ms of CPU instead of 14–40 ms, measured in bench/README.md, issue 18).
  const input = figures.map((f) => ({
    indicator_id: f.indicatorId,
    unit_id: f.unitId,
    period: f.period,
    value: f.value,
    qualifier: f.qualifier,
    value_text: f.valueText,
    status: f.status,
    measure: f.measure,
    price_basis: f.priceBasis,
    published_on: f.publishedOn,
    provenance: f.provenance,
    source_text: f.sourceText !== undefined ? f.sourceText : opts.sourceText,
    reason: f.reason !== undefined ? f.reason : 'bulk import',
    data_type: f.dataType ?? 'statistical',
  }));
  return {
    sql: `WITH input AS (
       SELECT * FROM jsonb_to_recordset($2::jsonb)
         AS x(indicator_id uuid, unit_id uuid, period text, value numeric, qualifier jsonb, value_text text, status text,
              measure text, price_basis text, published_on date, provenance jsonb, source_text text, reason text, data_type text)
     ), slots AS (
       INSERT INTO observations (tenant_id, indicator_id, unit_id, period)
       SELECT $1, indicator_id, unit_id, period FROM input
       ON CONFLICT (tenant_id, indicator_id, unit_id, period) DO UPDATE SET version = observations.version + 1, updated_at = now()
       RETURNING id, indicator_id, unit_id, period, version = 1 AS fresh
     ), stored AS (
       INSERT INTO observation_versions (tenant_id, observation_id, seq, value, value_qualifier, value_text, status, measure,
         price_basis, source_text, published_on, data_type, workflow_state, reason, entered_by, provenance)
       SELECT $1, s.id, CASE WHEN s.fresh THEN 1 ELSE coalesce((SELECT max(v.seq) FROM observation_versions v WHERE v.observation_id = s.id), 0) + 1 END,
              i.value, i.qualifier, i.value_text, i.status, i.measure, i.price_basis, i.source_text, i.published_on, i.data_type,
              $3, i.reason, $4, i.provenance
         FROM slots s JOIN input i ON i.indicator_id = s.indicator_id AND i.unit_id = s.unit_id AND i.period = s.period
       RETURNING 1
     )
     SELECT count(*)::int AS n FROM stored`,
    params: [tenantId, JSON.stringify(input), opts.workflowState, opts.enteredBy],
  };
}
