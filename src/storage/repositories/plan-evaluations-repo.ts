// The stored evaluations: each plan's current snapshot of core rows (what reads serve), the per-target history
// (what "what changed" compares) and the changes themselves. Every query filters by tenant.
import type { CoreRow, PlanCounts } from '../../core/plan-evaluation/index.ts';
import type { Queryable } from '../db.ts';

/** A plan as the evaluation read path needs it, with the digest of its stored snapshot when there is one. */
export interface PlanEvaluationHead {
  [k: string]: unknown;
  id: string;
  tenant_id: string;
  code: string;
  name: string;
  first_year: number;
  last_year: number;
  settings: Record<string, unknown>;
  tenant_settings: Record<string, unknown>;
  schema_version: number | null;
  as_of: string | null;
  digest: string | null;
  computed_at: Date | null;
}

/** The plan and its stored snapshot's head, without the rows: enough to answer a conditional request. */
export async function findPlanEvaluationHead(
  db: Queryable,
  tenantId: string | null,
  planCode: string,
): Promise<PlanEvaluationHead | null> {
  const rows = await db.query<PlanEvaluationHead>(
    `SELECT p.id, p.tenant_id, p.code, p.name, p.first_year, p.last_year, p.settings, tn.settings AS tenant_settings,
            e.schema_version, e.as_of, e.digest, e.computed_at
       FROM plans p JOIN tenants tn ON tn.id = p.tenant_id
       LEFT JOIN plan_evaluations e ON e.tenant_id = p.tenant_id AND e.plan_id = p.id
      WHERE ($1::uuid IS NULL OR p.tenant_id = $1) AND p.code = $2
      ORDER BY tn.code LIMIT 1`,
    [tenantId, planCode],
  );
  return rows[0] ?? null;
}

/**
 * What a public evaluation answer is made of, as one short text: the row versions (xmin, which every UPDATE,
 * upsert or re-insert of a row renews, whichever process wrote it) of the plan read for this code, its tenant and its
 * stored snapshot. Equal texts mean the answer built from those rows is unchanged; null when no plan has the code.
 */
export async function planEvaluationVersion(
  db: Queryable,
  tenantId: string | null,
  planCode: string,
): Promise<string | null> {
  const rows = await db.query<{ v: string }>(
    `SELECT p.id || ':' || p.xmin::text || ':' || tn.xmin::text || ':' || coalesce(e.xmin::text, '-') AS v
       FROM plans p JOIN tenants tn ON tn.id = p.tenant_id
       LEFT JOIN plan_evaluations e ON e.tenant_id = p.tenant_id AND e.plan_id = p.id
      WHERE ($1::uuid IS NULL OR p.tenant_id = $1) AND p.code = $2
      ORDER BY tn.code LIMIT 1`,
    [tenantId, planCode],
  );
  return rows[0]?.v ?? null;
}

export async function readStoredRows(
  db: Queryable,
  tenantId: string,
  planId: string,
): Promise<{ rows: CoreRow[]; counts: PlanCounts } | null> {
  const found = await db.query<{ rows: CoreRow[]; counts: PlanCounts }>(
    'SELECT rows, counts FROM plan_evaluations WHERE tenant_id = $1 AND plan_id = $2',
    [tenantId, planId],
  );
  return found[0] ?? null;
}

export async function storePlanEvaluation(
  db: Queryable,
  s: {
    tenantId: string;
    planId: string;
    schemaVersion: number;
    asOf: string;
    rows: CoreRow[];
    counts: PlanCounts;
    digest: string;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO plan_evaluations (tenant_id, plan_id, schema_version, as_of, rows, counts, digest, computed_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,now())
     ON CONFLICT (tenant_id, plan_id) DO UPDATE SET schema_version = EXCLUDED.schema_version, as_of = EXCLUDED.as_of,
       rows = EXCLUDED.rows, counts = EXCLUDED.counts, digest = EXCLUDED.digest, computed_at = EXCLUDED.computed_at`,
    [s.tenantId, s.planId, s.schemaVersion, s.asOf, JSON.stringify(s.rows), JSON.stringify(s.counts), s.digest],
  );
}

/** The plans of one tenant with a target on any of these indicators: those an approved figure can move. */
export async function plansRestingOn(
  db: Queryable,
  tenantId: string,
  indicatorIds: string[],
): Promise<
  {
    [k: string]: unknown;
    id: string;
    tenant_id: string;
    settings: Record<string, unknown>;
    tenant_settings: Record<string, unknown>;
  }[]
> {
  return db.query(
    `SELECT p.id, p.tenant_id, p.settings, tn.settings AS tenant_settings
       FROM plans p JOIN tenants tn ON tn.id = p.tenant_id
      WHERE p.tenant_id = $1
        AND EXISTS (SELECT 1 FROM targets t WHERE t.plan_id = p.id AND t.tenant_id = p.tenant_id AND t.indicator_id = ANY($2))`,
    [tenantId, indicatorIds],
  );
}

export interface StoredTargetEvaluation {
  [k: string]: unknown;
  id: string;
  target_id: string;
  status: string;
  actual_value: string | null;
  result: {
    inputs: { period: string; value: string | null; text: string | null; status: string; label: string | null }[];
    actual: { estimate: boolean };
  };
}

/** The newest stored evaluation of each of these targets. */
export async function latestTargetEvaluations(
  db: Queryable,
  tenantId: string,
  targetIds: string[],
): Promise<StoredTargetEvaluation[]> {
  return db.query<StoredTargetEvaluation>(
    `SELECT DISTINCT ON (target_id) id, target_id, status, actual_value, result
       FROM evaluations WHERE tenant_id = $1 AND target_id = ANY($2) AND data_basis = 'approved'
      ORDER BY target_id, computed_at DESC, id`,
    [tenantId, targetIds],
  );
}

/** One target's evaluation kept as history: the core row with its schema version, and the versions it rests on. */
export async function insertTargetEvaluation(
  db: Queryable,
  e: { tenantId: string; row: CoreRow; schemaVersion: number; asOf: string; computedBy: string | null },
): Promise<string | null> {
  const inserted = await db.query<{ id: string }>(
    `INSERT INTO evaluations (tenant_id, target_id, unit_id, as_of, data_basis, status, actual_value, result, input_version_ids, computed_by)
     SELECT $1, t.id, coalesce(t.unit_id, p.unit_id), $3, 'approved', $4, $5, $6, $7::uuid[], $8
       FROM targets t JOIN plans p ON p.id = t.plan_id WHERE t.id = $2 AND t.tenant_id = $1 RETURNING id`,
    [
      e.tenantId,
      e.row.targetId,
      e.asOf,
      e.row.status ?? 'invalid',
      e.row.actual.value,
      JSON.stringify({ schemaVersion: e.schemaVersion, ...e.row }),
      e.row.inputs.map((v) => v.versionId),
      e.computedBy,
    ],
  );
  return inserted[0]?.id ?? null;
}

export async function insertEvaluationChange(
  db: Queryable,
  c: {
    tenantId: string;
    targetId: string;
    beforeId: string;
    afterId: string;
    oldStatus: string;
    newStatus: string;
    oldValue: string | null;
    newValue: string | null;
    causeVersionId: string | null;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO evaluation_changes (tenant_id, target_id, before_evaluation_id, after_evaluation_id, old_status, new_status, old_value, new_value, cause_version_id)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
    [c.tenantId, c.targetId, c.beforeId, c.afterId, c.oldStatus, c.newStatus, c.oldValue, c.newValue, c.causeVersionId],
  );
}
