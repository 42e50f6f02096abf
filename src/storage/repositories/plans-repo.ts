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
  first_year: number;
  last_year: number;
  status: string;
  settings: Record<string, unknown>;
  /** The owning tenant's settings: its reporting regime overrides (cut-off day, deadlines) live here. */
  tenant_settings: Record<string, unknown>;
  unit_code: string | null;
  unit_name: string | null;
  indicators: number;
  targets: number;
  tasks: number;
  projects: number;
  breakthroughs: number;
}

/**
 * The one count of a plan's targets, the rows its evaluation has: each stored target, and each composite parent
 * (judged from its sub-indicators, no target of its own) that has a sub-indicator with a target. Counting only
 * stored targets said 77 where the evaluation showed 81 for the 2025–2030 plan; a test keeps the two equal. Only
 * the targets that count (core/plan-evaluation/counted.ts): in force, of the plan's own unit, one per indicator and
 * final year.
 */
const EVALUATED_TARGETS = `
  SELECT (SELECT count(DISTINCT (x.indicator_id, x.last_year)) FROM targets x
           WHERE x.plan_id = p.id AND x.tenant_id = p.tenant_id AND x.stage = 'in_force'
             AND (x.unit_id IS NULL OR x.unit_id = p.unit_id))::int
       + (SELECT count(*) FROM indicators c
           WHERE c.plan_id = p.id AND c.tenant_id = p.tenant_id AND c.composite_rule = 'all_children_met'
             AND NOT EXISTS (SELECT 1 FROM targets x WHERE x.indicator_id = c.id AND x.stage = 'in_force')
             AND EXISTS (SELECT 1 FROM indicators k JOIN targets x ON x.indicator_id = k.id WHERE k.parent_id = c.id AND x.stage = 'in_force'))::int`;

const SELECT_PLAN = `
  SELECT p.id, p.tenant_id, t.code AS tenant_code, p.code, p.name, p.description, p.first_year, p.last_year, p.status, p.settings, t.settings AS tenant_settings,
         u.code AS unit_code, u.name AS unit_name,
         (SELECT count(*)::int FROM indicators i WHERE i.plan_id = p.id) AS indicators,
         (${EVALUATED_TARGETS}) AS targets,
         (SELECT count(*)::int FROM tasks x WHERE x.plan_id = p.id) AS tasks,
         (SELECT count(*)::int FROM projects x WHERE x.plan_id = p.id) AS projects,
         (SELECT count(*)::int FROM breakthroughs x WHERE x.plan_id = p.id) AS breakthroughs
    FROM plans p JOIN tenants t ON t.id = p.tenant_id LEFT JOIN units u ON u.id = p.unit_id`;

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

export async function countPlans(db: Queryable): Promise<number> {
  const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM plans');
  return rows[0]?.n ?? 0;
}
