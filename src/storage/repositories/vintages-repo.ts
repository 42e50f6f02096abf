// What recording a published vintage reads and writes besides the version itself: the plan's indicator, the unit
// by its code, the observation slot (created on first use) and its newest version. Every query filters by tenant.
import type { Queryable } from '../db.ts';

export interface PlanIndicatorRef {
  [k: string]: unknown;
  id: string;
  measure: string;
  price_basis: string;
  /** The plan's own unit: where a figure without a unit code belongs. */
  unit_id: string | null;
}

export async function findPlanIndicator(
  db: Queryable,
  tenantId: string,
  planId: string,
  code: string,
): Promise<PlanIndicatorRef | null> {
  const rows = await db.query<PlanIndicatorRef>(
    `SELECT i.id, i.measure, i.price_basis, p.unit_id FROM indicators i JOIN plans p ON p.id = i.plan_id AND p.tenant_id = i.tenant_id
      WHERE i.tenant_id = $1 AND i.plan_id = $2 AND i.code = $3`,
    [tenantId, planId, code],
  );
  return rows[0] ?? null;
}

/** The unit that holds a code now (a code may have been held by an older unit before a merger). */
export async function findUnitIdByCode(db: Queryable, tenantId: string, code: string): Promise<string | null> {
  const rows = await db.query<{ id: string }>(
    'SELECT id FROM units WHERE tenant_id = $1 AND code = $2 ORDER BY valid_from DESC NULLS LAST LIMIT 1',
    [tenantId, code],
  );
  return rows[0]?.id ?? null;
}

/** The observation of an indicator, unit and period, created on first use; its version counter moves on. */
export async function upsertObservationSlot(
  db: Queryable,
  o: { tenantId: string; indicatorId: string; unitId: string; period: string },
): Promise<{ id: string; version: number }> {
  const rows = await db.query<{ id: string; version: number }>(
    `INSERT INTO observations (tenant_id, indicator_id, unit_id, period) VALUES ($1,$2,$3,$4)
     ON CONFLICT (tenant_id, indicator_id, unit_id, period) DO UPDATE SET version = observations.version + 1, updated_at = now()
     RETURNING id, version`,
    [o.tenantId, o.indicatorId, o.unitId, o.period],
  );
  return rows[0] as { id: string; version: number };
}

export async function newestVersionHead(
  db: Queryable,
  tenantId: string,
  observationId: string,
): Promise<{ seq: number; value: string | null; status: string } | null> {
  const rows = await db.query<{ seq: number; value: string | null; status: string }>(
    'SELECT seq, value, status FROM observation_versions WHERE tenant_id = $1 AND observation_id = $2 ORDER BY seq DESC LIMIT 1',
    [tenantId, observationId],
  );
  return rows[0] ?? null;
}
