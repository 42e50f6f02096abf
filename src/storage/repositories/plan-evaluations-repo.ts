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

/**
 * Whether the plan read for this code (the same plan as findPlanEvaluationHead's) has an indicator with this code:
 * an indicator without any evaluated row is still known (its answer has no rows), an unknown one is not.
 */
export async function planHasIndicator(
  db: Queryable,
  tenantId: string | null,
  planCode: string,
  indicatorCode: string,
): Promise<boolean> {
  const rows = await db.query<{ found: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM indicators i WHERE i.tenant_id = p.tenant_id AND i.plan_id = p.id AND i.code = $3) AS found
       FROM plans p JOIN tenants tn ON tn.id = p.tenant_id
      WHERE ($1::uuid IS NULL OR p.tenant_id = $1) AND p.code = $2
      ORDER BY tn.code LIMIT 1`,
    [tenantId, planCode, indicatorCode],
  );
  return rows[0]?.found === true;
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

/**
 * Recomputes of one plan take turns, from before their snapshot is read to the commit: a recompute that read its
 * inputs before another write committed must not store its result over the one that includes that write (a lost
 * update: the upsert below would otherwise wait on the row and then overwrite it). Several plans are taken in one
 * order (by id), so two writes moving the same plans never wait for each other. Re-taking a held turn is free.
 */
export async function takeEvaluationTurns(db: Queryable, planIds: readonly string[]): Promise<void> {
  for (const id of [...new Set(planIds)].sort())
    await db.query(`SELECT pg_advisory_xact_lock(hashtextextended('chitieu.plan-evaluation:' || $1::text, 0))`, [id]);
}

/**
 * Stores a plan's evaluation. A recompute that finds the same rows and counts on the same day (an approved figure no
 * target of the plan reads, e.g. a commune's under province targets) leaves the row as it was, its `xmin` and
 * `computed_at` with it: the answers kept ready from it (prepared-answers.ts) stay valid instead of being rebuilt by
 * the next reader. Callers hold the plan's turn (takeEvaluationTurns) from before they read the inputs.
 */
export async function storePlanEvaluation(
  db: Queryable,
  s: {
    tenantId: string;
    planId: string;
    schemaVersion: number;
    asOf: string;
    /** The rows as JSON text (JSON.stringify of the core rows). */
    rowsJson: string;
    counts: PlanCounts;
    digest: string;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO plan_evaluations (tenant_id, plan_id, schema_version, as_of, rows, counts, digest, computed_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,now())
     ON CONFLICT (tenant_id, plan_id) DO UPDATE SET schema_version = EXCLUDED.schema_version, as_of = EXCLUDED.as_of,
       rows = EXCLUDED.rows, counts = EXCLUDED.counts, digest = EXCLUDED.digest, computed_at = EXCLUDED.computed_at
     WHERE (plan_evaluations.schema_version, plan_evaluations.as_of, plan_evaluations.digest, plan_evaluations.counts)
           IS DISTINCT FROM (EXCLUDED.schema_version, EXCLUDED.as_of, EXCLUDED.digest, EXCLUDED.counts)`,
    [s.tenantId, s.planId, s.schemaVersion, s.asOf, s.rowsJson, JSON.stringify(s.counts), s.digest],
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
    /** The term's first year: a figure of an earlier period is the base the term starts from. */
    first_year: number;
    settings: Record<string, unknown>;
    tenant_settings: Record<string, unknown>;
  }[]
> {
  return db.query(
    `SELECT p.id, p.tenant_id, p.first_year, p.settings, tn.settings AS tenant_settings
       FROM plans p JOIN tenants tn ON tn.id = p.tenant_id
      WHERE p.tenant_id = $1
        AND EXISTS (SELECT 1 FROM targets t WHERE t.plan_id = p.id AND t.tenant_id = p.tenant_id AND t.indicator_id = ANY($2))`,
    [tenantId, indicatorIds],
  );
}

/**
 * Plans whose unit's baseline is consolidated from these indicators (of the former units' plans, named by plan and
 * indicator code in an indicator's baseline_consolidation, values and weights alike): a figure of theirs changes
 * what those plans' targets read for the base period.
 */
export async function plansConsolidatingFrom(
  db: Queryable,
  tenantId: string,
  indicatorIds: string[],
): Promise<Awaited<ReturnType<typeof plansRestingOn>>> {
  return db.query(
    `SELECT p.id, p.tenant_id, p.settings, tn.settings AS tenant_settings
       FROM plans p JOIN tenants tn ON tn.id = p.tenant_id
      WHERE p.tenant_id = $1
        AND EXISTS (
          SELECT 1
            FROM indicators di
            CROSS JOIN LATERAL jsonb_array_elements(
              CASE WHEN jsonb_typeof(di.baseline_consolidation->'from') = 'array'
                   THEN di.baseline_consolidation->'from' ELSE '[]'::jsonb END) f
            CROSS JOIN LATERAL jsonb_each_text(
              CASE WHEN jsonb_typeof(f->'indicators') = 'object' THEN f->'indicators' ELSE '{}'::jsonb END) s
            JOIN plans sp ON sp.tenant_id = di.tenant_id AND sp.code = f->>'plan'
            JOIN indicators si ON si.tenant_id = di.tenant_id AND si.plan_id = sp.id AND si.code = s.value
           WHERE di.tenant_id = p.tenant_id AND di.plan_id = p.id AND di.baseline_consolidation IS NOT NULL
             AND si.id = ANY($2))`,
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

/**
 * The evaluations of many targets of one tenant kept as history in one statement (set-based: a plan of 300 targets
 * is one round trip, not 300). Returns the new id of each target's row.
 */
export async function insertTargetEvaluations(
  db: Queryable,
  e: { tenantId: string; rows: readonly CoreRow[]; schemaVersion: number; asOf: string; computedBy: string | null },
): Promise<Map<string, string>> {
  if (e.rows.length === 0) return new Map();
  const inserted = await db.query<{ id: string; target_id: string }>(
    `INSERT INTO evaluations (tenant_id, target_id, unit_id, as_of, data_basis, status, actual_value, result, input_version_ids, computed_by)
     SELECT $1, t.id, coalesce(t.unit_id, p.unit_id), $2, 'approved', x.status, x.actual_value, x.result,
            ARRAY(SELECT jsonb_array_elements_text(x.inputs))::uuid[], $3
       FROM unnest($4::uuid[], $5::text[], $6::numeric[], $7::jsonb[], $8::jsonb[]) WITH ORDINALITY
              AS x(target_id, status, actual_value, result, inputs, n)
       JOIN targets t ON t.id = x.target_id AND t.tenant_id = $1
       JOIN plans p ON p.id = t.plan_id
      ORDER BY x.n
     RETURNING id, target_id`,
    [
      e.tenantId,
      e.asOf,
      e.computedBy,
      e.rows.map((r) => r.targetId),
      e.rows.map((r) => r.status ?? 'invalid'),
      e.rows.map((r) => r.actual.value),
      e.rows.map((r) => JSON.stringify({ schemaVersion: e.schemaVersion, ...r })),
      // A consolidated stand-in has no stored version: the former units' versions it was computed from stand for it.
      e.rows.map((r) =>
        JSON.stringify(
          r.inputs.flatMap((v) =>
            v.consolidated ? (r.baseline?.consolidation.inputs.map((i) => i.versionId) ?? []) : [v.versionId],
          ),
        ),
      ),
    ],
  );
  return new Map(inserted.map((r) => [r.target_id, r.id]));
}

/** Many recorded changes of one tenant in one statement. */
export async function insertEvaluationChanges(
  db: Queryable,
  tenantId: string,
  changes: readonly {
    targetId: string;
    beforeId: string;
    afterId: string;
    oldStatus: string;
    newStatus: string;
    oldValue: string | null;
    newValue: string | null;
    causeVersionId: string | null;
  }[],
): Promise<void> {
  if (changes.length === 0) return;
  await db.query(
    `INSERT INTO evaluation_changes (tenant_id, target_id, before_evaluation_id, after_evaluation_id, old_status, new_status, old_value, new_value, cause_version_id)
     SELECT $1, x.* FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::numeric[], $8::numeric[], $9::uuid[])
       AS x(target_id, before_id, after_id, old_status, new_status, old_value, new_value, cause_version_id)`,
    [
      tenantId,
      changes.map((c) => c.targetId),
      changes.map((c) => c.beforeId),
      changes.map((c) => c.afterId),
      changes.map((c) => c.oldStatus),
      changes.map((c) => c.newStatus),
      changes.map((c) => c.oldValue),
      changes.map((c) => c.newValue),
      changes.map((c) => c.causeVersionId),
    ],
  );
}
