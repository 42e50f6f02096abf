// Plans as stored, with the counts a listing needs. Every query filters by tenant (null = all tenants, only for
// callers the policy allows to see every tenant).
import type { Queryable } from '../db.ts';

export interface PlanRow {
  [k: string]: unknown;
  id: string;
  tenant_id: string;
  tenant_code: string;
  code: string;
  name: string;
  description: string | null;
  /** Incremented by each edit of the plan's own words (the ETag an edit names in If-Match). */
  version: number;
  first_year: number;
  last_year: number;
  status: string;
  settings: Record<string, unknown>;
  /** The owning tenant's settings: its reporting regime overrides (cut-off day, deadlines) live here. */
  tenant_settings: Record<string, unknown>;
  unit_id: string | null;
  unit_code: string | null;
  unit_name: string | null;
  indicators: number;
  targets: number;
  tasks: number;
  projects: number;
  breakthroughs: number;
}

/**
 * A plan with its counts. The counts are kept by the database in plan_summaries (migration 0019): triggers count a
 * plan's outline again after every statement that changes it, so reading a plan never counts five tables. The count
 * of targets is the one the evaluation has rows for: each target in force of the plan's own unit, one per indicator
 * and final year (core/plan-evaluation/counted.ts), and each composite parent judged from its sub-indicators.
 */
const SELECT_PLAN = `
  SELECT p.id, p.tenant_id, t.code AS tenant_code, p.code, p.name, p.description, p.version, p.first_year, p.last_year, p.status, p.settings, t.settings AS tenant_settings,
         p.unit_id, u.code AS unit_code, u.name AS unit_name,
         coalesce(s.indicators, 0) AS indicators, coalesce(s.targets, 0) AS targets, coalesce(s.tasks, 0) AS tasks,
         coalesce(s.projects, 0) AS projects, coalesce(s.breakthroughs, 0) AS breakthroughs
    FROM plans p JOIN tenants t ON t.id = p.tenant_id LEFT JOIN units u ON u.id = p.unit_id
    LEFT JOIN plan_summaries s ON s.plan_id = p.id`;

/**
 * The version of the plan list an actor sees (null tenant: every tenant's): it changes whenever anything the list
 * shows does (a plan, its tenant's code, its unit, its counts), as each row's xmin changes with every write of it.
 * One small query over the plans (a few dozen), so a prepared answer can be checked on every read.
 */
export async function planListVersion(db: Queryable, tenantId: string | null): Promise<string> {
  const rows = await db.query<{ v: string | null }>(
    `SELECT md5(string_agg(p.id || ':' || p.xmin || ':' || t.xmin || ':' || coalesce(u.xmin::text, '-') || ':' ||
                coalesce(s.xmin::text, '-'), ',' ORDER BY p.id)) AS v
       FROM plans p JOIN tenants t ON t.id = p.tenant_id LEFT JOIN units u ON u.id = p.unit_id
       LEFT JOIN plan_summaries s ON s.plan_id = p.id
      WHERE ($1::uuid IS NULL OR p.tenant_id = $1)`,
    [tenantId],
  );
  return rows[0]?.v ?? 'none';
}

/** Counts the plan's outline again into plan_summaries (what the triggers do after each statement). */
export async function refreshPlanSummaries(db: Queryable, planIds: string[]): Promise<void> {
  await db.query('SELECT refresh_plan_summaries($1::uuid[])', [planIds]);
}

export async function readPlanSummary(
  db: Queryable,
  planId: string,
): Promise<{ indicators: number; targets: number; tasks: number; projects: number; breakthroughs: number } | null> {
  const rows = await db.query<{
    indicators: number;
    targets: number;
    tasks: number;
    projects: number;
    breakthroughs: number;
  }>('SELECT indicators, targets, tasks, projects, breakthroughs FROM plan_summaries WHERE plan_id = $1', [planId]);
  return rows[0] ?? null;
}

export async function listPlans(db: Queryable, tenantId: string | null): Promise<PlanRow[]> {
  return db.query<PlanRow>(
    `${SELECT_PLAN} WHERE ($1::uuid IS NULL OR p.tenant_id = $1) ORDER BY t.code, p.first_year, p.code`,
    [tenantId],
  );
}

export async function findPlanByCode(db: Queryable, tenantId: string | null, code: string): Promise<PlanRow | null> {
  const rows = await db.query<PlanRow>(
    `${SELECT_PLAN} WHERE ($1::uuid IS NULL OR p.tenant_id = $1) AND p.code = $2 ORDER BY t.code LIMIT 1`,
    [tenantId, code],
  );
  return rows[0] ?? null;
}

/** The ids of the plans already stored among these (tenant code, plan code) pairs; pairs not stored give nothing. */
export async function storedPlanIds(
  db: Queryable,
  plans: readonly { tenant: string; code: string }[],
): Promise<string[]> {
  if (plans.length === 0) return [];
  const rows = await db.query<{ id: string }>(
    `SELECT p.id::text AS id FROM plans p JOIN tenants t ON t.id = p.tenant_id
       JOIN unnest($1::text[], $2::text[]) AS x(tenant, code) ON x.tenant = t.code AND x.code = p.code`,
    [plans.map((p) => p.tenant), plans.map((p) => p.code)],
  );
  return rows.map((r) => r.id);
}

export async function countPlans(db: Queryable): Promise<number> {
  const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM plans');
  return rows[0]?.n ?? 0;
}

/** The unit a plan is made for (the province-level unit), or undefined for a plan without one. */
export async function planUnit(
  db: Queryable,
  tenantId: string,
  planId: string,
): Promise<{ id: string; code: string; name: string } | undefined> {
  const [unit] = await db.query<{ id: string; code: string; name: string }>(
    'SELECT u.id, u.code, u.name FROM plans p JOIN units u ON u.id = p.unit_id AND u.tenant_id = p.tenant_id WHERE p.tenant_id = $1 AND p.id = $2',
    [tenantId, planId],
  );
  return unit;
}
