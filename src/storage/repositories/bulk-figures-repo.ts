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
            coalesce((SELECT jsonb_agg(t.spec ORDER BY t.sort_order) FROM targets t WHERE t.tenant_id = i.tenant_id AND t.indicator_id = i.id), '[]') AS specs
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
 * One batch: the slots are made or their version counter moved (one statement), then one new version of each,
 * numbered after the slot's last (one statement), in the workflow state given. Returns the rows stored.
 * A slot made by this statement (its counter still 1: an existing one's was moved to 2 or more) has no version yet,
 * so its version is the first without looking for the last (one index probe a figure saved on a new slot).
 */
export async function insertFigureBatch(
  db: Queryable,
  tenantId: string,
  figures: readonly BulkFigure[],
  opts: { workflowState: 'submitted'; enteredBy: string | null; sourceText: string | null },
): Promise<number> {
  if (figures.length === 0) return 0;
  const rows = await db.query<{ n: number }>(
    `WITH input AS (
       SELECT * FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::numeric[], $6::jsonb[], $7::text[], $8::text[], $9::text[], $10::text[], $11::date[], $12::jsonb[], $13::text[], $16::text[], $17::text[])
         AS x(indicator_id, unit_id, period, value, qualifier, value_text, status, measure, price_basis, published_on, provenance, source_text, reason, data_type)
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
              $14, i.reason, $15, i.provenance
         FROM slots s JOIN input i ON i.indicator_id = s.indicator_id AND i.unit_id = s.unit_id AND i.period = s.period
       RETURNING 1
     )
     SELECT count(*)::int AS n FROM stored`,
    [
      tenantId,
      figures.map((f) => f.indicatorId),
      figures.map((f) => f.unitId),
      figures.map((f) => f.period),
      figures.map((f) => f.value),
      figures.map((f) => (f.qualifier ? JSON.stringify(f.qualifier) : null)),
      figures.map((f) => f.valueText),
      figures.map((f) => f.status),
      figures.map((f) => f.measure),
      figures.map((f) => f.priceBasis),
      figures.map((f) => f.publishedOn),
      figures.map((f) => JSON.stringify(f.provenance)),
      figures.map((f) => (f.sourceText !== undefined ? f.sourceText : opts.sourceText)),
      opts.workflowState,
      opts.enteredBy,
      figures.map((f) => (f.reason !== undefined ? f.reason : 'bulk import')),
      figures.map((f) => f.dataType ?? 'statistical'),
    ],
  );
  return rows[0]?.n ?? 0;
}
