// Writes to a plan's targets and units that change what its evaluation reads: a target's wording and definition,
// a unit's validity (a commune merged or dissolved). Every query filters by tenant.
import type { Queryable } from '../db.ts';

export interface TargetForEdit {
  [k: string]: unknown;
  id: string;
  indicator_id: string;
  spec: unknown;
  text: string;
  plan_id: string;
  tenant_id: string;
  settings: Record<string, unknown>;
  tenant_settings: Record<string, unknown>;
}

/** The first target of a plan's indicator (the plan's own term), locked for the edit. */
export async function findTargetForEdit(
  db: Queryable,
  tenantId: string,
  planCode: string,
  indicatorCode: string,
): Promise<TargetForEdit | null> {
  const rows = await db.query<TargetForEdit>(
    `SELECT t.id, t.indicator_id, t.spec, t.text, p.id AS plan_id, p.tenant_id, p.settings, tn.settings AS tenant_settings
       FROM targets t JOIN indicators i ON i.id = t.indicator_id AND i.tenant_id = t.tenant_id
       JOIN plans p ON p.id = t.plan_id AND p.tenant_id = t.tenant_id JOIN tenants tn ON tn.id = p.tenant_id
      WHERE t.tenant_id = $1 AND p.code = $2 AND i.code = $3 AND t.stage = 'in_force'
      ORDER BY t.sort_order LIMIT 1 FOR UPDATE OF t`,
    [tenantId, planCode, indicatorCode],
  );
  return rows[0] ?? null;
}

export async function updateTarget(
  db: Queryable,
  t: { tenantId: string; id: string; spec: unknown; text: string; firstYear: number; lastYear: number },
): Promise<void> {
  await db.query(
    'UPDATE targets SET spec = $3, text = $4, first_year = $5, last_year = $6 WHERE tenant_id = $1 AND id = $2',
    [t.tenantId, t.id, JSON.stringify(t.spec), t.text, t.firstYear, t.lastYear],
  );
}

/** Sets the last day a unit existed (null: still exists); returns its previous validity, null if not found. */
export async function setUnitValidTo(
  db: Queryable,
  tenantId: string,
  code: string,
  validTo: string | null,
): Promise<{ id: string; valid_to: string | null } | null> {
  const before = await db.query<{ id: string; valid_to: string | null }>(
    `SELECT id, valid_to FROM units WHERE tenant_id = $1 AND code = $2 ORDER BY valid_from DESC NULLS LAST LIMIT 1 FOR UPDATE`,
    [tenantId, code],
  );
  const unit = before[0];
  if (!unit) return null;
  await db.query('UPDATE units SET valid_to = $3 WHERE tenant_id = $1 AND id = $2', [tenantId, unit.id, validTo]);
  return unit;
}

/** Every plan of a tenant, as a recompute needs it (a unit change may move any of them). */
export async function plansOfTenant(
  db: Queryable,
  tenantId: string,
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
    `SELECT p.id, p.tenant_id, p.settings, tn.settings AS tenant_settings FROM plans p JOIN tenants tn ON tn.id = p.tenant_id
      WHERE p.tenant_id = $1 ORDER BY p.code`,
    [tenantId],
  );
}
